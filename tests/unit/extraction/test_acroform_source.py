"""IRS field names map to keys only where the layout's widgets sit where expected."""

from __future__ import annotations

from advisoros_desktop.extraction.acroform_source import Widget, leaf_of, match_layout
from advisoros_desktop.extraction.irs_form_fields import LAYOUTS, NEC_2025, W2_2026


def test_leaf_is_the_same_on_every_copy() -> None:
    assert leaf_of("topmostSubform[0].CopyB[0].Col_Left[0].f2_02[0]") == "f_02"
    assert leaf_of("topmostSubform[0].CopyA[0].Col_Left[0].f1_02[0]") == "f_02"
    assert leaf_of("topmostSubform[0].CopyB[0].CopyBHeader[0].CalendarYear2_1[0]") == (
        "CalendarYear_1"
    )
    assert leaf_of("Text1") == "Text1"


def _widgets_of(layout_boxes: tuple, dx: float = 0.0) -> list[Widget]:
    return [
        Widget(
            1, f"form.{box.leaf}", box.leaf, "x", (box.top_left[0] + dx, 0, 600, box.top_left[1])
        )
        for box in layout_boxes
    ]


def test_a_page_matches_the_layout_its_widgets_sit_in() -> None:
    for layout in LAYOUTS:
        found, fit = match_layout(_widgets_of(layout.boxes))
        assert found is layout and fit == 1.0


def test_the_same_names_elsewhere_on_the_page_are_another_revision() -> None:
    assert match_layout(_widgets_of(W2_2026.boxes, dx=30.0)) == (None, 0.0)


def test_too_few_fields_are_no_evidence() -> None:
    assert match_layout(_widgets_of(NEC_2025.boxes[:3]))[0] is None


def test_every_layout_key_is_a_fields_md_key() -> None:
    from advisoros_desktop.extraction.form_keys import KEYS

    for layout in LAYOUTS:
        keys = {box.key for box in layout.boxes} | {
            box.address_key for box in layout.boxes if box.address_key
        }
        assert keys <= set(KEYS[layout.form_type]), layout.form_type
