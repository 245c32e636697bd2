"""Source 2 for IRS forms: the values printed on a page that has no form fields.

Flattened forms and payroll prints on the official layout carry each value
as words inside its box. The page's box labels fix where the layout sits
(``layout_anchoring``); each word then belongs to the box whose value area
holds its centre (``irs_printed_layout``), and the box's words are read the
way a form field's text is (``values``). Reading by box, not by patterns over
the page's text, keeps "22,321.06" in box 1 from being taken for box 16.

A scan is read by the same geometry from its OCR words; what differs (how a
misread value may be repaired, how a tick is seen, where a box is shown and
how sure a word is) is a ``BoxReading``, which OCR replaces.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from advisoros_desktop.extraction.irs_form_fields import FormBox
from advisoros_desktop.extraction.irs_printed_layout import (
    PRINTED_LAYOUTS,
    PrintedLayout,
    ValueArea,
)
from advisoros_desktop.extraction.layout_anchoring import PageFit, fit_layout
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_geometry import Rect
from advisoros_desktop.extraction.page_words import PageWords, Word, lines_of, text_of
from advisoros_desktop.extraction.values import (
    Normalised,
    ValueKind,
    normalize,
    split_name_and_address,
)

SOURCE = "text"
# Most of the labels found where the layout puts them, the value inside its box.
IN_BOX = 0.96
# Only a few labels found: the layout's place is a guess from little evidence.
FEW_LABELS = 0.8
# A combined name/address box split by the rule (name on the first line).
SPLIT = 0.95
SPLIT_DROPPED_LINE = 0.93
# A word that runs over its box's edge may belong to a neighbour.
OVERFLOWING = 0.75
REPAIRED = 0.85
UNPARSEABLE = 0.3
# A tick is printed text; an empty box may also hide a tick drawn as lines,
# which the text layer cannot see.
TICKED = 0.96
UNTICKED = 0.85
# Labels needed to read a page at all, and the share for full confidence.
MIN_LABELS = 3
SURE_SHARE = 0.6
# Points a word may lie outside its value area and still count as inside.
_MARGIN = 1.5
_TICKS = frozenset({"x", "✘", "✗", "✓", "✔", "☒", "■", "●"})


class BoxReading:
    """How the text layer reads a box; OCR's reading (``ocr_box_reading``) overrides it."""

    source = SOURCE

    def normalise(self, box: FormBox, raw: str) -> Normalised:
        return normalize(box.kind, raw)

    def reread(
        self, areas: list[tuple[ValueArea, Rect, list[Word]]]
    ) -> dict[ValueArea, list[Word]]:
        """Better words for some value areas (each with its rectangle in page points).

        The text layer's words are what is printed; only OCR can read again.
        """
        return {}

    def tick(self, words: list[Word], area: Rect) -> tuple[bool, float]:
        """Whether the check box with square ``area`` (page points) is ticked, and how surely."""
        ticked = any(word.text.casefold() in _TICKS for word in words)
        return ticked, TICKED if ticked else UNTICKED

    def field(
        self,
        key: str,
        label: str,
        value: str | bool,
        confidence: float,
        page: PageWords,
        words: list[Word],
    ) -> ExtractedField:
        return ExtractedField(
            key=key,
            label=label,
            value=value,
            confidence=confidence,
            page=page.page,
            bbox=page.bbox(words),
            source=self.source,
        )


TEXT_LAYER = BoxReading()


@dataclass
class PrintedPage:
    """What one page's print says: the form it is printed on, how it sits, the values."""

    page: int
    form_type: str
    fit: PageFit
    fields: list[ExtractedField]
    revision: str = ""  # the layout's ("2026" for the W-2 of tax year 2026)

    @property
    def is_blank(self) -> bool:
        return not any(found.value not in ("", False) for found in self.fields)


def best_layout(
    page: PageWords, form_type: str | None = None
) -> tuple[PrintedLayout, PageFit] | None:
    """The known form printed on ``page`` (of ``form_type`` if given) and where it sits."""
    best: tuple[PrintedLayout, PageFit] | None = None
    for layout in PRINTED_LAYOUTS:
        if form_type is not None and layout.form_type != form_type:
            continue
        fit = fit_layout(page.lines, layout.anchors)
        if fit is None or fit.found < MIN_LABELS:
            continue
        if best is None or fit.share > best[1].share:
            best = (layout, fit)
    return best


def read_printed_page(
    page: PageWords, form_type: str | None = None, reading: BoxReading = TEXT_LAYER
) -> PrintedPage | None:
    """The boxes of the IRS form printed on ``page``, or None when no known layout is there."""
    found = best_layout(page, form_type)
    if found is None:
        return None
    layout, fit = found
    base = IN_BOX if fit.share >= SURE_SHARE else FEW_LABELS
    in_area: dict[ValueArea, list[tuple[Word, bool]]] = defaultdict(list)
    for word in page.words:
        placed = _area_of(word, layout, fit)
        if placed is not None:
            in_area[placed[0]].append((word, placed[1]))
    values = [
        (area, _on_page(area.rect, fit), [word for word, _ in in_area.get(area, [])])
        for area in layout.areas
        if area.box.kind is not ValueKind.CHECK_BOX
    ]
    for area, words in reading.reread(values).items():
        in_area[area] = [(word, True) for word in words]
    by_key: dict[str, list[tuple[ValueArea, list[tuple[Word, bool]]]]] = defaultdict(list)
    for area in layout.areas:
        by_key[area.box.key].append((area, in_area.get(area, [])))
    fields: list[ExtractedField] = []
    for parts in by_key.values():
        parts.sort(key=lambda pair: pair[0].box.part)
        fields.extend(_read_box(page, parts, base, fit, reading))
    return PrintedPage(page.page, layout.form_type, fit, fields, layout.fields.revision)


def _on_page(rect: Rect, fit: PageFit) -> Rect:
    """A rectangle of the official layout where it sits on this page (points)."""
    x0, y0, x1, y1 = rect
    return (fit.sx * x0 + fit.tx, fit.sy * y0 + fit.ty, fit.sx * x1 + fit.tx, fit.sy * y1 + fit.ty)


def _area_of(word: Word, layout: PrintedLayout, fit: PageFit) -> tuple[ValueArea, bool] | None:
    """The value area holding the word's centre, and whether the word stays inside it."""
    x, y = fit.to_official(*word.center)
    holding = [
        area
        for area in layout.areas
        if area.rect[0] - _MARGIN <= x <= area.rect[2] + _MARGIN
        and area.rect[1] - _MARGIN <= y <= area.rect[3] + _MARGIN
    ]
    if not holding:
        return None
    area = min(holding, key=lambda a: (a.rect[2] - a.rect[0]) * (a.rect[3] - a.rect[1]))
    left = fit.to_official(word.x0, word.y0)[0]
    right = fit.to_official(word.x1, word.y1)[0]
    inside = area.rect[0] - 2 * _MARGIN <= left and right <= area.rect[2] + 2 * _MARGIN
    return area, inside


def _read_box(
    page: PageWords,
    parts: list[tuple[ValueArea, list[tuple[Word, bool]]]],
    base: float,
    fit: PageFit,
    reading: BoxReading,
) -> list[ExtractedField]:
    area, box = parts[0][0], parts[0][0].box
    words = [word for _, placed in parts for word, _ in placed]
    if not all(inside for _, placed in parts for _, inside in placed):
        base = min(base, OVERFLOWING)
    if box.kind is ValueKind.CHECK_BOX:
        ticked, sure = reading.tick(words, _on_page(area.rect, fit))
        value = Normalised(ticked)
        return [box_field(box.key, box.label, value, min(base, sure), page, words, reading)]
    texts = [_box_text(box.kind, [word for word, _ in placed]) for _, placed in parts]
    texts = [text for text in texts if text]
    if not texts:
        return []
    if box.address_key:
        return _split_box(box, page, "\n".join(texts), base, words, reading)
    joiner = " " if box.kind is ValueKind.TEXT else "\n"
    value = reading.normalise(box, joiner.join(texts))
    return [box_field(box.key, box.label, value, base, page, words, reading)]


def _box_text(kind: ValueKind, words: list[Word]) -> str:
    """The box's words as a field would hold them: lines for addresses, "$" left out of money."""
    if kind is ValueKind.MONEY:
        words = [word for word in words if word.text != "$"]
        return "".join(word.text for word in words)
    if kind is ValueKind.LINES:
        return "\n".join(text_of(line) for line in lines_of(words))
    return text_of(word for line in lines_of(words) for word in line)


def _split_box(
    box: FormBox,
    page: PageWords,
    text: str,
    base: float,
    words: list[Word],
    reading: BoxReading,
) -> list[ExtractedField]:
    assert box.address_key is not None
    name, address, dropped_line = split_name_and_address(text)
    found = []
    if name:
        name_value = Normalised(name)
        found.append(
            box_field(box.key, box.label, name_value, min(base, SPLIT), page, words, reading)
        )
    if address:
        confidence = min(base, SPLIT_DROPPED_LINE if dropped_line else SPLIT)
        value = Normalised(address)
        found.append(box_field(box.address_key, box.label, value, confidence, page, words, reading))
    return found


def box_field(
    key: str,
    label: str,
    value: Normalised,
    base: float,
    page: PageWords,
    words: list[Word],
    reading: BoxReading,
) -> ExtractedField:
    """A box's value as a field, its confidence lowered when it needed repair or did not parse."""
    confidence = base
    if not value.ok:
        confidence = min(base, UNPARSEABLE)
    elif value.repaired:
        confidence = min(base, REPAIRED)
    return reading.field(key, label, value.value, confidence, page, words)
