"""Drawing helpers shared by the IRS form look-alikes (W-2, 1099).

Real information returns are grids of ruled boxes, each with a small label
in the top-left corner and the value near the bottom. These helpers take
distances from the top of the page, the way the forms are laid out on paper.
"""

from __future__ import annotations

from advisoros_desktop.server.demo.pdf_canvas import PdfCanvas, text_width, wrap_text

LABEL_SIZE = 6.0
VALUE_SIZE = 9.5
# Room kept free along box edges so values never touch the rules.
PADDING = 4.0


def labelled_box(
    canvas: PdfCanvas,
    x: float,
    top: float,
    width: float,
    height: float,
    label: str = "",
    number: str = "",
    *,
    fill_gray: float | None = None,
) -> None:
    """Draw a ruled box with a bold box number and a wrapped label in its corner."""
    canvas.rect(x, canvas.top_y(top + height), width, height, fill_gray=fill_gray)
    label_x = x + 3
    if number:
        canvas.text(label_x, canvas.top_y(top + 7), number, LABEL_SIZE + 0.5, bold=True)
        label_x += text_width(number, LABEL_SIZE + 0.5, bold=True) + 3
    baseline = top + 7
    for line in wrap_text(label, LABEL_SIZE, x + width - 3 - label_x):
        canvas.text(label_x, canvas.top_y(baseline), line, LABEL_SIZE)
        baseline += LABEL_SIZE + 0.8


def box_value(
    canvas: PdfCanvas,
    x: float,
    top: float,
    width: float,
    height: float,
    value: str,
    *,
    right_aligned: bool = True,
    dollar_sign: bool = False,
) -> None:
    """Print a single value on the bottom line of a box (amounts right-aligned)."""
    baseline = canvas.top_y(top + height - 5)
    if dollar_sign:
        canvas.text(x + PADDING, baseline, "$", VALUE_SIZE)
    usable = width - 2 * PADDING - (8 if dollar_sign else 0)
    if right_aligned:
        canvas.text(
            x + width - PADDING - 2, baseline, value, VALUE_SIZE, align="right", max_width=usable
        )
    else:
        canvas.text(x + PADDING + 4, baseline, value, VALUE_SIZE, max_width=usable)


def box_lines(
    canvas: PdfCanvas, x: float, first_baseline_top: float, width: float, lines: list[str]
) -> None:
    """Print several left-aligned value lines (names and addresses) inside a box."""
    baseline = first_baseline_top
    for line in lines:
        canvas.text(x + PADDING + 4, canvas.top_y(baseline), line, VALUE_SIZE, max_width=width - 12)
        baseline += VALUE_SIZE + 2.5


def checkbox(canvas: PdfCanvas, x: float, top: float, checked: bool, caption: str = "") -> None:
    """A small square tick box, optionally with an "X", and a caption to its right."""
    canvas.rect(x, canvas.top_y(top + 7), 7, 7, line_width=0.5)
    if checked:
        canvas.text(x + 1.2, canvas.top_y(top + 6.2), "X", 7.5, bold=True)
    if caption:
        canvas.text(x + 10, canvas.top_y(top + 6), caption, LABEL_SIZE)
