"""A tiny PDF writer for the demo documents, built on pypdf alone.

The demo firm needs tax forms and invoices with a real text layer, so that
text extraction, classification and field extraction have something honest to
work on. pypdf (already a dependency) can assemble pages from raw content
streams, which is all a form look-alike needs: text in the two standard
Helvetica faces plus lines and boxes. That avoids adding reportlab.

Coordinates are PDF points with the origin at the bottom-left of the page, as
in PDF itself; callers lay out forms from the top, so `top_y()` helps.
"""

from __future__ import annotations

import io
from typing import Literal

from pypdf import PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

US_LETTER_WIDTH = 612.0
US_LETTER_HEIGHT = 792.0

Align = Literal["left", "right", "center"]

# Advance widths (1/1000 em) of printable ASCII 32..126 from Adobe's core AFM
# files. Only needed to right-align amounts and to shrink text that would
# overflow a box; pypdf carries the same data but in a private module.
# fmt: off
_HELVETICA_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_HELVETICA_BOLD_WIDTHS = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
# fmt: on
# Latin-1 letters beyond ASCII are mostly accented letters about as wide as "a".
_FALLBACK_WIDTH = 556


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` set in Helvetica (or Helvetica-Bold) at `size`."""
    table = _HELVETICA_BOLD_WIDTHS if bold else _HELVETICA_WIDTHS
    units = 0
    for char in text:
        code = ord(char)
        units += table[code - 32] if 32 <= code <= 126 else _FALLBACK_WIDTH
    return units * size / 1000.0


def wrap_text(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap so that each line fits `max_width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def pdf_string(text: str) -> bytes:
    """Encode `text` as a PDF literal string for a WinAnsi-encoded standard font.

    Only latin-1 is supported (WinAnsi agrees with latin-1 from 0xA0 up); other
    characters become "?" rather than failing, since demo data is ASCII anyway.
    Control characters would confuse viewers, so they become spaces.
    """
    cleaned = "".join(" " if ord(char) < 32 or 0x7F <= ord(char) < 0xA0 else char for char in text)
    raw = cleaned.encode("latin-1", errors="replace")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped + b")"


def _number(value: float) -> bytes:
    """Format a coordinate compactly (and identically on every run)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode("ascii")


class PdfCanvas:
    """Collects drawing operations page by page and renders them to PDF bytes."""

    def __init__(self, width: float = US_LETTER_WIDTH, height: float = US_LETTER_HEIGHT) -> None:
        self.width = width
        self.height = height
        self._pages: list[list[bytes]] = [[]]

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def new_page(self) -> None:
        """Start another page; later drawing goes there."""
        self._pages.append([])

    def top_y(self, distance_from_top: float) -> float:
        """Convert a distance from the top edge into a PDF y coordinate."""
        return self.height - distance_from_top

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 10.0,
        *,
        bold: bool = False,
        align: Align = "left",
        max_width: float | None = None,
    ) -> None:
        """Place one line of text with its baseline at `y`.

        `x` is the left edge, right edge or centre depending on `align`. Text
        wider than `max_width` is set smaller (never below 60%) so that long
        names stay inside their box, as payroll software does.
        """
        if not text:
            return
        width = text_width(text, size, bold)
        if max_width is not None and width > max_width:
            size = max(size * 0.6, size * max_width / width)
            width = text_width(text, size, bold)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        font = b"/F2" if bold else b"/F1"
        self._pages[-1].append(
            b"BT %s %s Tf %s %s Td %s Tj ET"
            % (font, _number(size), _number(x), _number(y), pdf_string(text))
        )

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        max_width: float,
        *,
        bold: bool = False,
        leading: float | None = None,
    ) -> float:
        """Draw word-wrapped text from baseline `y` down; return the next free baseline."""
        step = leading if leading is not None else size * 1.2
        for line in wrap_text(text, size, max_width, bold):
            self.text(x, y, line, size, bold=bold)
            y -= step
        return y

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        *,
        line_width: float = 0.5,
        fill_gray: float | None = None,
        stroke: bool = True,
    ) -> None:
        """Draw a rectangle from its bottom-left corner; optionally fill it in gray.

        `fill_gray` is 0 (black) .. 1 (white); form shading is around 0.9.
        """
        ops = [b"q", b"%s w" % _number(line_width)]
        if fill_gray is not None:
            ops.append(b"%s g" % _number(fill_gray))
        ops.append(b"%s %s %s %s re" % (_number(x), _number(y), _number(width), _number(height)))
        if fill_gray is not None:
            ops.append(b"B" if stroke else b"f")
        else:
            ops.append(b"S" if stroke else b"n")
        ops.append(b"Q")
        self._pages[-1].append(b" ".join(ops))

    def line(self, x1: float, y1: float, x2: float, y2: float, *, line_width: float = 0.5) -> None:
        """Draw a straight black line."""
        self._pages[-1].append(
            b"q %s w %s %s m %s %s l S Q"
            % (_number(line_width), _number(x1), _number(y1), _number(x2), _number(y2))
        )

    def to_bytes(self, title: str | None = None) -> bytes:
        """Render every page and return the finished PDF file."""
        writer = PdfWriter()
        for operations in self._pages:
            page = writer.add_blank_page(width=self.width, height=self.height)
            page[NameObject("/Resources")] = _font_resources()
            # An unparsed ContentStream: set_data() stores our bytes as they are.
            stream = ContentStream(None, writer)
            stream.set_data(b"\n".join(operations) + b"\n")
            page.replace_contents(stream)
            # Flate keeps files small; zlib output is deterministic for fixed input.
            page.compress_content_streams()
        if title:
            writer.add_metadata({"/Title": title})
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()


def _font_resources() -> DictionaryObject:
    """Resource dictionary naming the two fonts the content streams use.

    Standard 14 fonts need no embedding; WinAnsiEncoding lets pypdf and
    PDFium map the bytes back to Unicode for the text layer.
    """

    def font(base_name: str) -> DictionaryObject:
        return DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base_name),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )

    return DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {
                    NameObject("/F1"): font("/Helvetica"),
                    NameObject("/F2"): font("/Helvetica-Bold"),
                }
            )
        }
    )
