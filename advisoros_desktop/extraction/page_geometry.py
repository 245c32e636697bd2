"""PDF page coordinates → the normalised boxes the review view draws.

PDF user space has its origin at the bottom-left and pages may be shown
rotated; the review view wants fractions of the page as displayed, origin
top-left. Every source (form widgets, text layer) converts here.
"""

from __future__ import annotations

from advisoros_desktop.extraction.model import BBox

Rect = tuple[float, float, float, float]


def normalise_rect(rect: Rect, page_box: Rect, rotation: int = 0) -> BBox:
    """``rect`` (PDF points, any corner order) as (x0, y0, x1, y1) fractions, top-left origin.

    ``page_box`` is the visible box (CropBox, else MediaBox); ``rotation`` the
    page's ``/Rotate`` (clockwise degrees, a multiple of 90).
    """
    bx0, by0, bx1, by1 = (
        min(page_box[0], page_box[2]),
        min(page_box[1], page_box[3]),
        max(page_box[0], page_box[2]),
        max(page_box[1], page_box[3]),
    )
    width, height = (bx1 - bx0) or 1.0, (by1 - by0) or 1.0
    corners = [
        ((x - bx0) / width, (by1 - y) / height)
        for x in (rect[0], rect[2])
        for y in (rect[1], rect[3])
    ]
    turned = [_rotate(u, v, rotation % 360) for u, v in corners]
    us = [_clamp(u) for u, _ in turned]
    vs = [_clamp(v) for _, v in turned]
    return (min(us), min(vs), max(us), max(vs))


def union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _rotate(u: float, v: float, rotation: int) -> tuple[float, float]:
    # A page shown turned clockwise: its left edge becomes the top edge.
    if rotation == 90:
        return 1.0 - v, u
    if rotation == 180:
        return 1.0 - u, 1.0 - v
    if rotation == 270:
        return v, 1.0 - u
    return u, v


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
