"""Straightening a scanned page before OCR, and placing what OCR found back on the page.

A sheet fed through a scanner lands turned by a degree or two. Tesseract
copes with that for single words, but the boxes of a form then drift from
their row across the page, and the label-to-value geometry compares rows.
So the skew is estimated (a projection profile: turned the right way, a
page's text lines and form rules make the sharpest row profile), the image
is turned back, and boxes found on the straightened image are mapped back
to the page as the reviewer sees it.

Pillow only (no array library): each candidate angle is a rotation of a
small copy and a one-pixel-wide resize, which gives the row profile in C.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from PIL import Image, ImageOps

from advisoros_desktop.extraction.model import BBox

MAX_SKEW_DEGREES = 3.0
# Turning back less than this changes nothing OCR or the reviewer would notice,
# and resampling blurs the strokes.
_NEGLIGIBLE_DEGREES = 0.05
# Wide enough that 0.05° moves a page edge by a pixel; small enough to be cheap.
_WORKING_WIDTH = 1200
_INK_THRESHOLD = 96  # on the inverted image: darker than ~160 of 255 is ink


@dataclass(frozen=True)
class Deskewed:
    """A page image turned straight, and how to place its boxes on the original.

    ``skew_degrees`` is how far the content was turned counter-clockwise on
    the original (as displayed); the straight ``image`` has the same size.
    """

    image: Image.Image
    skew_degrees: float

    def to_shown(self, left: float, top: float, right: float, bottom: float) -> BBox:
        """A pixel box on ``image`` as fractions of the original page (top-left origin)."""
        return shown_box((left, top, right, bottom), self.image.size, self.skew_degrees)


def shown_box(box: BBox, size: tuple[int, int], skew_degrees: float) -> BBox:
    """A pixel ``box`` on a page straightened from ``skew_degrees``, as fractions of the original.

    The box around the turned corners: a word's box grows by a pixel or two,
    which a reviewer's highlight does not mind.
    """
    width, height = size
    cx, cy = width / 2.0, height / 2.0
    angle = math.radians(skew_degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    xs: list[float] = []
    ys: list[float] = []
    for x in (box[0], box[2]):
        for y in (box[1], box[3]):
            # The original shows the straight content turned counter-clockwise by
            # the skew; with y pointing down that is this rotation about the centre.
            dx, dy = x - cx, y - cy
            xs.append(min(1.0, max(0.0, (cx + dx * cos + dy * sin) / width)))
            ys.append(min(1.0, max(0.0, (cy - dx * sin + dy * cos) / height)))
    return (min(xs), min(ys), max(xs), max(ys))


def estimate_skew(image: Image.Image, limit: float = MAX_SKEW_DEGREES) -> float:
    """How far ``image``'s content is turned counter-clockwise, in degrees within ±``limit``."""
    ink = _ink_map(image)
    if ink.getbbox() is None:
        return 0.0
    best = _best_angle(ink, _steps(-limit, limit, 0.5))
    best = _best_angle(ink, _steps(best - 0.5, best + 0.5, 0.1))
    best = _best_angle(ink, _steps(best - 0.1, best + 0.1, 0.025))
    # The correction that straightens the page is the opposite of its skew.
    return round(-best, 2)


def deskew(image: Image.Image, limit: float = MAX_SKEW_DEGREES) -> Deskewed:
    """``image`` (grayscale) turned straight, with the skew that was found."""
    skew = estimate_skew(image, limit)
    if abs(skew) < _NEGLIGIBLE_DEGREES:
        return Deskewed(image, 0.0)
    fill = 255 if image.mode == "L" else None
    straight = image.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    return Deskewed(straight, skew)


def _ink_map(image: Image.Image) -> Image.Image:
    """A small copy with ink bright on black, so turning it adds no ink at the corners."""
    gray = image.convert("L")
    if gray.width > _WORKING_WIDTH:
        height = max(1, round(gray.height * _WORKING_WIDTH / gray.width))
        gray = gray.resize((_WORKING_WIDTH, height), Image.Resampling.BOX)
    inverted = ImageOps.invert(gray)
    return inverted.point(lambda value: 255 if value > _INK_THRESHOLD else 0)


def _steps(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [low + index * step for index in range(count + 1)]


def _best_angle(ink: Image.Image, angles: list[float]) -> float:
    return max(angles, key=lambda angle: (_sharpness(ink, angle), -abs(angle)))


def _sharpness(ink: Image.Image, angle: float) -> float:
    """How sharply the rows of ``ink`` turned by ``angle`` alternate between ink and paper."""
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0) if angle else ink
    column = turned.resize((1, turned.height), Image.Resampling.BOX)
    profile = column.tobytes()  # one byte a row: its mean ink
    return float(sum((b - a) ** 2 for a, b in itertools.pairwise(profile)))
