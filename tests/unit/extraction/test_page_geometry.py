"""Widget rectangles become top-left-origin fractions of the page as it is shown."""

from __future__ import annotations

import pytest

from advisoros_desktop.extraction.page_geometry import normalise_rect, union

LETTER = (0.0, 0.0, 612.0, 792.0)


def test_unrotated_page_flips_y_to_a_top_left_origin() -> None:
    box = normalise_rect((61.2, 712.8, 306.0, 792.0), LETTER)
    assert box == pytest.approx((0.1, 0.0, 0.5, 0.1))


def test_corner_order_does_not_matter() -> None:
    assert normalise_rect((306.0, 792.0, 61.2, 712.8), LETTER) == normalise_rect(
        (61.2, 712.8, 306.0, 792.0), LETTER
    )


def test_crop_box_offset_is_taken_off() -> None:
    assert normalise_rect((10.0, 10.0, 20.0, 20.0), (10.0, 10.0, 110.0, 110.0)) == pytest.approx(
        (0.0, 0.9, 0.1, 1.0)
    )


@pytest.mark.parametrize(
    ("rotation", "expected"),
    [
        (90, (0.9, 0.0, 1.0, 0.1)),  # the top-left corner of the unrotated page turns to top-right
        (180, (0.9, 0.9, 1.0, 1.0)),
        (270, (0.0, 0.9, 0.1, 1.0)),
        (-90, (0.0, 0.9, 0.1, 1.0)),
    ],
)
def test_rotated_pages(rotation: int, expected: tuple[float, ...]) -> None:
    square = (0.0, 0.0, 100.0, 100.0)
    assert normalise_rect((0.0, 90.0, 10.0, 100.0), square, rotation) == pytest.approx(expected)


def test_boxes_outside_the_page_are_clamped_and_unions_cover_all() -> None:
    assert normalise_rect((-10.0, -10.0, 700.0, 900.0), LETTER) == (0.0, 0.0, 1.0, 1.0)
    assert union([(0.1, 0.2, 0.3, 0.4), (0.2, 0.1, 0.5, 0.3)]) == (0.1, 0.1, 0.5, 0.4)
