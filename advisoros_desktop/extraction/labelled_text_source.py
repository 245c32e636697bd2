"""W-2s and 1099s printed on a layout of the software's own, read label by label.

Payroll providers and 1099 software print the IRS box labels but place the
boxes where they like, so the official layout (``irs_text_source``) cannot
be fitted. Each box's printed label is found instead (``label_matching``)
and its value read from the words it labels (``label_cells``), normalised as
every source's are (``values``). Without the official geometry to confirm
them, values are reported less surely than the official layout's: a label
found whole with one clean value under it is worth 0.9, anything weaker less.

A scanned page is read the same way from OCR's words; its ``BoxReading``
repairs OCR's misreadings and caps confidence by OCR's own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from advisoros_desktop.extraction.irs_box_labels import LABELLED_BOXES, LabelledBox
from advisoros_desktop.extraction.irs_form_fields import FormBox
from advisoros_desktop.extraction.irs_text_source import TEXT_LAYER, BoxReading, box_field
from advisoros_desktop.extraction.label_cells import Cell, LabelledPage
from advisoros_desktop.extraction.label_matching import FoundLabel, find_labels, label_height
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of
from advisoros_desktop.extraction.values import (
    Normalised,
    ValueKind,
    split_name_and_address,
)

# A label found whole, one clean value under it.
LABELLED = 0.9
# A label cut short, or a value beside it or over more lines than its kind has.
WEAKER = 0.8
BESIDE = 0.85
SPLIT = 0.88
SPLIT_DROPPED_LINE = 0.87
REPAIRED = 0.8
UNPARSEABLE = 0.3
# A tick is printed text near its caption; an empty box may hide a tick drawn as lines.
TICKED = 0.88
UNTICKED = 0.8
# Labels a page must show before its words are read as this form's boxes.
MIN_LABELS = 4
# How far (label heights) a tick may be from its caption.
_TICK_REACH = 3.0
_TICKS = frozenset({"x", "✘", "✗", "✓", "✔", "☒", "■", "●"})
_BOX_12_CODE = frozenset("ABCDEFGHJKLMNPQRSTVWXYZ")


@dataclass
class LabelledForm:
    """What one page's labels say: the form, and the values read beside them."""

    page: int
    form_type: str
    fields: list[ExtractedField]
    labels_found: int
    revision: str = ""  # no official revision: the layout is the software's own

    @property
    def is_blank(self) -> bool:
        return not any(found.value not in ("", False) for found in self.fields)


def read_labelled_page(
    page: PageWords, form_type: str, reading: BoxReading = TEXT_LAYER
) -> LabelledForm | None:
    """The boxes of ``form_type`` on ``page`` read by their labels; None if too few are printed."""
    boxes = LABELLED_BOXES.get(form_type)
    if not boxes:
        return None
    labels = find_labels(page.lines, boxes)
    if len(labels) < MIN_LABELS:
        return None
    height = label_height(labels)
    cells = LabelledPage(page.lines, labels, height)
    fields: list[ExtractedField] = []
    by_key: dict[str, list[FoundLabel]] = defaultdict(list)
    for label in labels:
        if not label.box.is_check_box:
            by_key[label.box.box.key].append(label)
    for parts in by_key.values():
        parts.sort(key=lambda found: found.box.box.part)
        fields.extend(_read_box(page, parts, cells, reading))
    fields.extend(_read_ticks(page, [lb for lb in labels if lb.box.is_check_box], cells, reading))
    order = {box.box.key: index for index, box in enumerate(boxes)}
    order.update({box.box.address_key: order[box.box.key] for box in boxes if box.box.address_key})
    fields.sort(key=lambda found: order.get(found.key, len(boxes)))
    return LabelledForm(page.page, form_type, fields, len(labels))


def _read_box(
    page: PageWords, parts: list[FoundLabel], cells: LabelledPage, reading: BoxReading
) -> list[ExtractedField]:
    first = parts[0]
    if first.box.amount_box is not None:
        return _read_box_12(page, first, cells.cell(first), reading)
    box = first.box.box
    base = min(_sureness(label) for label in parts)
    texts: list[str] = []
    words: list[Word] = []
    for label in parts:
        cell = cells.cell(label)
        if cell.beside:
            base = min(base, BESIDE)
        lines = cell.lines
        if box.kind is not ValueKind.LINES:
            lines = _first_value_line(box.kind, lines)
            if lines and _competing(lines[0], cell.lines):
                base = min(base, WEAKER)
        text = _text(box.kind, lines)
        if text:
            texts.append(text)
            words.extend(word for line in lines for word in line)
    if not texts:
        return []
    if box.address_key:
        return _split(page, box, "\n".join(texts), base, words, reading)
    joiner = " " if box.kind is ValueKind.TEXT else "\n"
    value = reading.normalise(box, joiner.join(texts))
    return [box_field(box.key, box.label, value, base, page, words, reading)]


def _sureness(label: FoundLabel) -> float:
    return LABELLED if label.exact else WEAKER


def _first_value_line(kind: ValueKind, lines: list[list[Word]]) -> list[list[Word]]:
    """Single-value boxes: the first line with more than a printed "$" on it."""
    for line in lines:
        if kind is not ValueKind.MONEY or any(word.text != "$" for word in line):
            return [line]
    return []


def _competing(value: list[Word], lines: list[list[Word]]) -> bool:
    """Whether another line of the box lies under or over the value (which one is meant?)."""
    left, right = value[0].x0, value[-1].x1
    return any(
        line is not value and any(word.x0 < right and word.x1 > left for word in line)
        for line in lines
    )


def _text(kind: ValueKind, lines: list[list[Word]]) -> str:
    if kind is ValueKind.MONEY:
        return "".join(word.text for line in lines for word in line if word.text != "$")
    if kind is ValueKind.LINES:
        return "\n".join(text_of(line) for line in lines)
    return text_of(word for line in lines for word in line)


def _split(
    page: PageWords, box: FormBox, text: str, base: float, words: list[Word], reading: BoxReading
) -> list[ExtractedField]:
    assert box.address_key is not None
    name, address, dropped_line = split_name_and_address(text)
    found = []
    if name:
        found.append(
            box_field(box.key, box.label, Normalised(name), min(base, SPLIT), page, words, reading)
        )
    if address:
        sure = min(base, SPLIT_DROPPED_LINE if dropped_line else SPLIT)
        value = Normalised(address)
        found.append(box_field(box.address_key, box.label, value, sure, page, words, reading))
    return found


def _read_box_12(
    page: PageWords, label: FoundLabel, cell: Cell, reading: BoxReading
) -> list[ExtractedField]:
    """W-2 box 12: a code (one or two letters) and an amount, side by side."""
    code_box, amount_box = label.box.box, label.box.amount_box
    assert amount_box is not None
    lines = _first_value_line(ValueKind.MONEY, cell.lines)
    words = [word for line in lines for word in line if word.text != "$"]
    if not words:
        return []
    base = min(_sureness(label), BESIDE if cell.beside else LABELLED)
    found = []
    code = words[0].text.upper()
    if len(code) <= 2 and all(char in _BOX_12_CODE for char in code):
        value = reading.normalise(code_box, code)
        found.append(box_field(code_box.key, code_box.label, value, base, page, words[:1], reading))
        words = words[1:]
    if words:
        value = reading.normalise(amount_box, "".join(word.text for word in words))
        found.append(box_field(amount_box.key, amount_box.label, value, base, page, words, reading))
    return found


def _read_ticks(
    page: PageWords, labels: list[FoundLabel], cells: LabelledPage, reading: BoxReading
) -> list[ExtractedField]:
    """Check boxes: ticked when an "X" (or ✓) is printed nearer its caption than any other's."""
    ticked: dict[LabelledBox, list[Word]] = defaultdict(list)
    reach = cells.height * _TICK_REACH
    for word in cells.free:
        if word.text.casefold() not in _TICKS or not labels:
            continue
        nearest = min(labels, key=lambda label: _distance(word, label))
        if _distance(word, nearest) <= reach:
            ticked[nearest.box].append(word)
    found = []
    for label in labels:
        words = ticked.get(label.box, [])
        sure = min(_sureness(label), TICKED if words else UNTICKED)
        box = label.box.box
        found.append(
            box_field(box.key, box.label, Normalised(bool(words)), sure, page, words, reading)
        )
    return found


def _distance(word: Word, label: FoundLabel) -> float:
    x0, y0, x1, y1 = label.rect
    x, y = word.center
    dx = max(x0 - x, 0.0, x - x1)
    dy = max(y0 - y, 0.0, y - y1)
    return float((dx * dx + dy * dy) ** 0.5)
