"""Source 1: the values of a fillable PDF's form fields (AcroForm).

A filled IRS form carries every box's value exactly as the payroll software
wrote it, so when a page's fields match a known layout this is the most
trustworthy source there is. Fields are read per page from the widgets
(``/Annots``), not from the document's field tree, so a packet assembled
from several forms, whose field trees collide, is still read page by page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ByteStringObject, NameObject

from advisoros_desktop.extraction.irs_form_fields import LAYOUTS, FormBox, IrsFormLayout
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_geometry import Rect, normalise_rect, union
from advisoros_desktop.extraction.values import (
    Normalised,
    ValueKind,
    collapse,
    normalize,
    split_name_and_address,
)

SOURCE = "acroform"
# Read exactly from a field whose place on the page is the one the layout expects.
EXACT = 0.99
# Read from a combined box that had to be split by the README rule (name first line).
SPLIT = 0.97
# A telephone line was left out of an address: right by the rule, but a judgement.
SPLIT_DROPPED_LINE = 0.95
REPAIRED = 0.85
# The field has the layout's name but sits elsewhere: probably another revision.
MISPLACED = 0.6
UNPARSEABLE = 0.3
# How far (PDF points) a widget may sit from where its layout puts it.
POSITION_TOLERANCE = 4.0
# Share of a page's known fields that must sit where a layout says to call it that layout.
LAYOUT_FIT = 0.8
MIN_MATCHED = 5
_MAX_PARENTS = 32
_LEAF = re.compile(r"^([A-Za-z]+?)\d_(\d+)(?:\[\d+\])?$")


@dataclass(frozen=True)
class Widget:
    page: int
    name: str
    leaf: str
    value: str | bool | None
    rect: Rect


@dataclass
class PageForm:
    """What one page's form fields say: the layout they match and the fields read."""

    page: int
    form_type: str | None
    fit: float
    fields: list[ExtractedField]

    @property
    def is_blank(self) -> bool:
        """Nothing filled in (unticked boxes are not something)."""
        return not any(found.value not in ("", False) for found in self.fields)


def leaf_of(name: str) -> str:
    """``topmostSubform[0].CopyB[0].Col_Left[0].f2_02[0]`` → ``f_02`` (same on every copy)."""
    last = name.rsplit(".", 1)[-1]
    match = _LEAF.match(last)
    return f"{match[1]}_{match[2]}" if match else re.sub(r"\[\d+\]$", "", last)


def read_page_forms(reader: PdfReader) -> list[PageForm]:
    """Every page that has form fields, with the layout it matches and its values."""
    forms = []
    for page_number, page in enumerate(reader.pages, start=1):
        widgets = _widgets(page, page_number)
        if not widgets:
            continue
        layout, fit = match_layout(widgets)
        crop = tuple(float(c) for c in page.cropbox)
        rotation = int(page.get("/Rotate", 0) or 0)
        fields = (
            _fields(layout, widgets, (crop[0], crop[1], crop[2], crop[3]), rotation)
            if layout
            else []
        )
        forms.append(PageForm(page_number, layout.form_type if layout else None, fit, fields))
    return forms


def match_layout(widgets: list[Widget]) -> tuple[IrsFormLayout | None, float]:
    """The layout whose fields sit where this page's widgets do, and how well it fits."""
    best: tuple[IrsFormLayout | None, float, int] = (None, 0.0, 0)
    for layout in LAYOUTS:
        known = [(w, layout.box(w.leaf)) for w in widgets]
        named = [(w, box) for w, box in known if box is not None]
        placed = sum(1 for w, box in named if _in_place(w, box))
        fit = placed / len(named) if named else 0.0
        if placed >= MIN_MATCHED and fit >= LAYOUT_FIT and (fit, placed) > (best[1], best[2]):
            best = (layout, fit, placed)
    return best[0], best[1]


def _in_place(widget: Widget, box: FormBox) -> bool:
    x0, y1 = min(widget.rect[0], widget.rect[2]), max(widget.rect[1], widget.rect[3])
    return (
        abs(x0 - box.top_left[0]) <= POSITION_TOLERANCE
        and abs(y1 - box.top_left[1]) <= POSITION_TOLERANCE
    )


def _widgets(page: Any, page_number: int) -> list[Widget]:
    found = []
    for ref in page.get("/Annots") or []:
        annotation = ref.get_object()
        if annotation.get("/Subtype") != "/Widget" or "/Rect" not in annotation:
            continue
        chain = _parent_chain(annotation)
        names = [str(node["/T"]) for node in reversed(chain) if "/T" in node]
        if not names:
            continue
        name = ".".join(names)
        field_type = _inherited(chain, "/FT")
        rect_values = [float(c) for c in annotation["/Rect"]]
        rect = (rect_values[0], rect_values[1], rect_values[2], rect_values[3])
        if field_type == "/Btn":
            value: str | bool | None = _check_box_value(annotation, chain)
        else:
            value = _text_value(_inherited(chain, "/V"))
        found.append(Widget(page_number, name, leaf_of(name), value, rect))
    return found


def _parent_chain(annotation: Any) -> list[Any]:
    chain = [annotation]
    node = annotation
    # Bounded: a malformed file may make /Parent point back at itself.
    while "/Parent" in node and len(chain) < _MAX_PARENTS:
        node = node["/Parent"].get_object()
        chain.append(node)
    return chain


def _inherited(chain: list[Any], key: str) -> Any:
    for node in chain:
        if key in node:
            return node[key]
    return None


def _check_box_value(annotation: Any, chain: list[Any]) -> bool:
    # The widget's own appearance state is what is printed; /V is the field's.
    state = annotation.get("/AS")
    if state is None:
        state = _inherited(chain, "/V")
    return isinstance(state, NameObject) and state != "/Off"


def _text_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, ByteStringObject):
        return bytes(value).decode("latin-1")
    if isinstance(value, ArrayObject):
        return "\n".join(str(item) for item in value)
    return str(value)


def _fields(
    layout: IrsFormLayout, widgets: list[Widget], crop: Rect, rotation: int
) -> list[ExtractedField]:
    by_key: dict[str, list[tuple[FormBox, Widget]]] = defaultdict(list)
    for widget in widgets:
        box = layout.box(widget.leaf)
        if box is not None:
            by_key[box.key].append((box, widget))
    fields: list[ExtractedField] = []
    for parts in by_key.values():
        parts.sort(key=lambda pair: pair[0].part)
        fields.extend(_assemble(parts, crop, rotation))
    order: dict[str, int] = {}
    for box in layout.boxes:
        order.setdefault(box.key, len(order))
        if box.address_key:
            order.setdefault(box.address_key, len(order))
    fields.sort(key=lambda found: order.get(found.key, len(order)))
    return fields


def _assemble(
    parts: list[tuple[FormBox, Widget]], crop: Rect, rotation: int
) -> list[ExtractedField]:
    """One key's field(s) from the widget(s) that hold it."""
    box, first = parts[0]
    placed = all(_in_place(widget, part_box) for part_box, widget in parts)
    base = EXACT if placed else MISPLACED
    if box.kind is ValueKind.CHECK_BOX:
        bbox = normalise_rect(first.rect, crop, rotation)
        return [_field(box.key, box.label, normalize(box.kind, first.value), base, first, bbox)]
    filled = [(b, w) for b, w in parts if isinstance(w.value, str) and collapse(w.value)]
    if not filled:
        return []
    bbox = union([normalise_rect(w.rect, crop, rotation) for _, w in filled])
    texts = [str(w.value) for _, w in filled]
    if box.address_key:
        return _split_box(box.key, box.address_key, box.label, first, texts[0], base, bbox)
    joiner = " " if box.kind is ValueKind.TEXT else "\n"
    value = normalize(box.kind, joiner.join(texts))
    return [_field(box.key, box.label, value, base, first, bbox)]


def _split_box(
    name_key: str,
    address_key: str,
    label: str,
    widget: Widget,
    text: str,
    base: float,
    bbox: tuple[float, ...],
) -> list[ExtractedField]:
    name, address, dropped_line = split_name_and_address(text)
    name_confidence = min(base, SPLIT)
    address_confidence = min(base, SPLIT_DROPPED_LINE if dropped_line else SPLIT)
    found = []
    if name:
        found.append(_field(name_key, label, Normalised(name), name_confidence, widget, bbox))
    if address:
        found.append(
            _field(address_key, label, Normalised(address), address_confidence, widget, bbox)
        )
    return found


def _field(
    key: str,
    label: str,
    value: Normalised,
    base: float,
    widget: Widget,
    bbox: tuple[float, ...],
) -> ExtractedField:
    confidence = base
    if not value.ok:
        confidence = min(base, UNPARSEABLE)
    elif value.repaired:
        confidence = min(base, REPAIRED)
    return ExtractedField(
        key=key,
        label=label,
        value=value.value,
        confidence=confidence,
        page=widget.page,
        bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
        source=SOURCE,
    )
