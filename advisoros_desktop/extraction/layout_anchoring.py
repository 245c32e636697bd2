"""Fixing where a known layout sits on a page from the labels it prints.

A flattened form is where the official form is; a payroll print or a
re-scaled "print to PDF" may be shifted or shrunk a little. Either way the
printed box labels move with the boxes, so the positions of a few labels
found on the page, set against where the official form prints them, give the
mapping from official coordinates to the page's (a scale and an offset per
axis). How many labels were found, and how well they agree, says how sure
the reading can be.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from advisoros_desktop.extraction.page_words import Word

Point = tuple[float, float]

# Labels further than this (points) from where the others put them are another occurrence.
_AGREEMENT = 6.0
# A scale is only fitted when the labels found are this far apart; else just an offset.
_SCALE_SPREAD = 120.0
# Prints are shifted and scaled a little, not redrawn: a fit beyond these is no fit.
_MAX_SCALE_CHANGE = 0.15


@dataclass(frozen=True)
class PageFit:
    """Official layout coordinates → page coordinates: ``x' = sx·x + tx``, ``y' = sy·y + ty``."""

    sx: float
    tx: float
    sy: float
    ty: float
    found: int
    expected: int

    @property
    def share(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    def to_official(self, x: float, y: float) -> Point:
        return (x - self.tx) / self.sx, (y - self.ty) / self.sy


IDENTITY = PageFit(1.0, 0.0, 1.0, 0.0, 0, 0)


def token(text: str) -> str:
    """A word as labels are compared: case, curly quotes and dashes do not matter."""
    return text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").casefold()


def find_phrase(lines: list[list[Word]], phrase: str) -> list[list[Word]]:
    """Every place ``phrase`` is printed as consecutive words of one line."""
    wanted = [token(part) for part in phrase.split()]
    found = []
    for line in lines:
        tokens = [token(word.text) for word in line]
        for start in range(len(tokens) - len(wanted) + 1):
            if tokens[start : start + len(wanted)] == wanted:
                found.append(line[start : start + len(wanted)])
    return found


def fit_layout(lines: list[list[Word]], anchors: tuple[tuple[str, Point], ...]) -> PageFit | None:
    """Where the layout whose labels are ``anchors`` sits on the page; None if it is not there."""
    candidates: list[tuple[Point, list[Point]]] = []
    for phrase, expected in anchors:
        places = [(hit[0].x0, hit[0].y0) for hit in find_phrase(lines, phrase)]
        if places:
            candidates.append((expected, places))
    if not candidates:
        return None
    # The offset most labels agree on picks, for each label, the occurrence that belongs.
    dx = statistics.median(p[0] - e[0] for e, places in candidates for p in places)
    dy = statistics.median(p[1] - e[1] for e, places in candidates for p in places)
    pairs = []
    for expected, places in candidates:
        best = min(
            places, key=lambda p: abs(p[0] - expected[0] - dx) + abs(p[1] - expected[1] - dy)
        )
        pairs.append((expected, best))
    sx, tx = _axis([(e[0], p[0]) for e, p in pairs])
    sy, ty = _axis([(e[1], p[1]) for e, p in pairs])
    agreeing = [
        (e, p)
        for e, p in pairs
        if abs(sx * e[0] + tx - p[0]) <= _AGREEMENT and abs(sy * e[1] + ty - p[1]) <= _AGREEMENT
    ]
    if len(agreeing) < len(pairs) and len(agreeing) >= 2:
        sx, tx = _axis([(e[0], p[0]) for e, p in agreeing])
        sy, ty = _axis([(e[1], p[1]) for e, p in agreeing])
    if abs(sx - 1.0) > _MAX_SCALE_CHANGE or abs(sy - 1.0) > _MAX_SCALE_CHANGE:
        return None
    return PageFit(sx, tx, sy, ty, len(agreeing), len(anchors))


def _axis(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares scale and offset along one axis (offset only when points are too close)."""
    official = [o for o, _ in pairs]
    if len(pairs) >= 3 and max(official) - min(official) >= _SCALE_SPREAD:
        mean_o = statistics.fmean(official)
        mean_p = statistics.fmean(p for _, p in pairs)
        spread = sum((o - mean_o) ** 2 for o in official)
        scale = sum((o - mean_o) * (p - mean_p) for o, p in pairs) / spread
        return scale, mean_p - scale * mean_o
    return 1.0, statistics.median(p - o for o, p in pairs)
