"""A scan's skew is found from its text lines, undone, and boxes go back to the page as shown."""

from __future__ import annotations

import math

import pytest
from PIL import Image, ImageDraw, ImageFont

from advisoros_desktop.extraction.deskew import deskew, estimate_skew, shown_box

LINES = [
    "Wage and Tax Statement 2026",
    "1 Wages, tips, other compensation 52000.00",
    "2 Federal income tax withheld 4312.50",
    "3 Social security wages 52000.00",
    "4 Social security tax withheld 3224.00",
    "5 Medicare wages and tips 52000.00",
    "6 Medicare tax withheld 754.00",
    "a Employee's social security number 785-44-5287",
    "b Employer identification number 47-7197406",
    "c Employer's name, address, and ZIP code",
    "BLUE HERON PROPERTY MANAGEMENT LLC",
    "9376 SE GREENWOOD AVE, BUFFALO, NY 14216",
]


@pytest.fixture(scope="module")
def page() -> Image.Image:
    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    for index, line in enumerate(LINES):
        draw.text((80, 120 + index * 95), line, fill=0, font=font)
    return image


def turned(image: Image.Image, degrees: float) -> Image.Image:
    """``image`` turned counter-clockwise, as a sheet fed crooked into a scanner."""
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.mark.parametrize("degrees", [-2.6, -1.2, -0.4, 0.0, 0.7, 1.5, 2.3])
def test_skew_is_found_within_a_third_of_a_degree(page: Image.Image, degrees: float) -> None:
    assert estimate_skew(turned(page, degrees)) == pytest.approx(degrees, abs=0.3)


def test_a_blank_page_has_no_skew() -> None:
    assert estimate_skew(Image.new("L", (800, 1000), 255)) == 0.0


def test_deskew_turns_the_page_back_and_reports_the_angle(page: Image.Image) -> None:
    straight = deskew(turned(page, 1.4))
    assert straight.skew_degrees == pytest.approx(1.4, abs=0.3)
    assert straight.image.size == page.size
    assert straight.image.mode == "L"
    assert abs(estimate_skew(straight.image)) <= 0.3


def test_a_straight_page_is_left_as_it_is(page: Image.Image) -> None:
    straight = deskew(page)
    assert straight.skew_degrees == 0.0
    assert straight.image is page


def test_boxes_on_the_straight_image_land_where_the_scan_shows_them() -> None:
    # A dot on the straight page, and where it appears once the page is turned.
    size, skew, dot = (1000, 1400), 2.0, (850, 200)
    straight = Image.new("L", size, 255)
    ImageDraw.Draw(straight).rectangle((dot[0] - 3, dot[1] - 3, dot[0] + 3, dot[1] + 3), fill=0)
    scan = turned(straight, skew)
    ink = scan.point(lambda value: 255 if value < 128 else 0).getbbox()
    assert ink is not None
    seen = ((ink[0] + ink[2]) / 2 / size[0], (ink[1] + ink[3]) / 2 / size[1])
    box = shown_box((dot[0] - 3, dot[1] - 3, dot[0] + 3, dot[1] + 3), size, skew)
    assert box[0] <= seen[0] <= box[2]
    assert box[1] <= seen[1] <= box[3]
    # Unturned it would be elsewhere: the mapping matters at this distance from the centre.
    assert not math.isclose(seen[1], dot[1] / size[1], abs_tol=0.005)


def test_without_skew_a_box_is_just_page_fractions() -> None:
    assert shown_box((100, 200, 300, 400), (1000, 2000), 0.0) == pytest.approx((0.1, 0.1, 0.3, 0.2))
