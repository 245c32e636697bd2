"""Which words a printed box label labels: those below it in its box, or beside it.

Without the official layout there are no value areas to look in; the page's
own labels stand in for the box rules the text layer cannot see. A box runs
from its label rightwards to the next label on that row (or to a wide gap on
the label's line, where the next box begins) and downwards to the next label
below in that column. Labels with no wording the catalog knows ("9 Specified
private activity bond interest", a bare box number) are still recognised as
labels by their box number and their small print, so their values are not
taken for a neighbour's. The value is the first lines of unlabelled words
below the label, printed close under it; a layout that prints the value on
the label's own line, to its right, is read there instead.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from advisoros_desktop.extraction.label_matching import FoundLabel, is_box_number
from advisoros_desktop.extraction.page_geometry import Rect
from advisoros_desktop.extraction.page_words import Word, lines_of

# Distances below are in label text heights (the page's usual label size).
# Words further apart on a line than this belong to different boxes.
WIDE_GAP = 2.0
# A value starts at most this far below its label ...
_FIRST_LINE_DROP = 3.5
# ... and its lines follow one another at most this far apart (line heights).
_LINE_GAP = 1.0
# A label right of this one down to this depth below it is the next column.
_COLUMN_DEPTH = 6.0
# Values may start a little left of their label (the box's edge is left of it).
_LEFT_MARGIN = 1.0
# Box-numbered text no taller than this (× label height) is a label, not a value.
_LABEL_SIZE = 1.25


@dataclass(frozen=True)
class Cell:
    """The words a label labels, line by line, and whether they were beside it."""

    lines: list[list[Word]]
    beside: bool = False

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line]


class LabelledPage:
    """A page's words split into labels (found or recognised) and values."""

    def __init__(self, lines: list[list[Word]], labels: Sequence[FoundLabel], height: float):
        self.height = height
        self.page_right = max((word.x1 for line in lines for word in line), default=612.0)
        self._lines = lines
        label_words = {word for label in labels for word in label.words}
        unnamed = _unnamed_labels(lines, label_words, height)
        self._blocks: list[Rect] = [label.rect for label in labels]
        self._blocks += [_rect(block) for block in unnamed]
        named_or_not = label_words | {word for block in unnamed for word in block}
        self.free = [word for line in lines for word in line if word not in named_or_not]
        self._label_words = named_or_not

    def cell(self, label: FoundLabel) -> Cell:
        """The words ``label`` labels (empty lines when its box is blank)."""
        x0, y0, x1, y1 = label.rect
        beside_right = self._next_block_right(label.rect, y0)
        column_right = self._next_block_right(label.rect, y0 - self.height * _COLUMN_DEPTH)
        right = min(column_right, self._wide_gap_right(label))
        left = x0 - self.height * _LEFT_MARGIN
        floor = self._floor(label.rect, left, right)
        below = [
            word
            for word in self.free
            if left <= word.center[0] < right
            and word.y1 <= y0 + self.height * 0.3
            and word.center[1] > floor
        ]
        lines = _close_lines(lines_of(below), y0, self.height)
        if lines:
            return Cell(lines)
        beside = [
            word
            for word in self.free
            if x1 < word.x0
            and word.center[0] < beside_right
            and y0 <= word.center[1] <= y1
            and _same_line(word, label)
        ]
        return Cell(lines_of(beside), beside=True) if beside else Cell([])

    def _next_block_right(self, rect: Rect, down_to: float) -> float:
        """Left edge of the nearest label right of ``rect``, from its top down to ``down_to``."""
        right = self.page_right + 1.0
        for block in self._blocks:
            if block == rect or block[0] < rect[2] - 0.5:
                continue
            if block[1] < rect[3] and block[3] > down_to:
                right = min(right, block[0])
        return right

    def _wide_gap_right(self, label: FoundLabel) -> float:
        """Where the next box starts on the label's lines, seen as a wide gap after the label."""
        right = self.page_right + 1.0
        mine = set(label.words)
        for line in self._lines:
            if not mine.intersection(line):
                continue
            last = max(i for i, word in enumerate(line) if word in mine)
            if last + 1 < len(line):
                after = line[last + 1]
                if after.x0 - line[last].x1 > self.height * WIDE_GAP:
                    right = min(right, after.x0)
        return right

    def _floor(self, rect: Rect, left: float, right: float) -> float:
        """The top of the next label below in the column (the box's bottom)."""
        floor = float("-inf")
        for block in self._blocks:
            if block == rect or block[3] > rect[1] + self.height * 0.3:
                continue
            if block[0] < right and block[2] > left:
                floor = max(floor, block[3])
        return floor


def _same_line(word: Word, label: FoundLabel) -> bool:
    return any(
        abs(word.center[1] - part.center[1]) < max(word.height, part.height) * 0.5
        for part in label.words
    )


def _close_lines(lines: list[list[Word]], label_bottom: float, height: float) -> list[list[Word]]:
    """The lines of one value: the first close under the label, the next close under it."""
    kept: list[list[Word]] = []
    bottom = label_bottom
    for line in lines:
        top = max(word.y1 for word in line)
        allowed = height * _FIRST_LINE_DROP if not kept else _line_height(kept[-1]) * _LINE_GAP
        if bottom - top > allowed:
            break
        kept.append(line)
        bottom = min(word.y0 for word in line)
    return kept


def _line_height(line: list[Word]) -> float:
    return max(word.height for word in line)


def _unnamed_labels(lines: list[list[Word]], named: set[Word], height: float) -> list[list[Word]]:
    """Labels the catalog does not know: a box number in small print, its wording after it."""
    found = []
    for line in lines:
        for segment in _segments(line, height):
            if any(word in named for word in segment) or not is_box_number(segment[0].text):
                continue
            if statistics.median(word.height for word in segment) > height * _LABEL_SIZE:
                continue
            worded = len(segment) > 1 and segment[1].text[:1].isalpha()
            if worded or segment[0].text[:1].isdigit():
                found.append(segment)
    return found


def _segments(line: list[Word], height: float) -> list[list[Word]]:
    """A line cut where the gap between words says another box begins."""
    segments: list[list[Word]] = []
    for word in line:
        if segments and word.x0 - segments[-1][-1].x1 <= height * WIDE_GAP:
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def _rect(words: Sequence[Word]) -> Rect:
    return (
        min(w.x0 for w in words),
        min(w.y0 for w in words),
        max(w.x1 for w in words),
        max(w.y1 for w in words),
    )
