"""Words with their boxes, built from the characters of a PDF's text layer.

A form printed without fields (flattened, or payroll software printing on the
official layout) and an invoice only say what a value means by where it
sits: under a box label, right of "Invoice number". So the text-layer source
works on words and lines with positions, never on the page's text as one
string. PDFium gives characters; words are cut where it puts a space or where
the gap between two characters is wider than a space would be, and lines
gather words sharing a baseline.

Coordinates are PDF points, origin bottom-left (y up), as PDFium reports them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.page_geometry import Rect, normalise_rect, union

# PDFium inserts "generated" spaces where it guesses a word break; a guess
# over a gap narrower than this share of the text height is kerning, not a break.
_GENERATED_SPACE_GAP = 0.1
# PDFium measures some wide capitals short (J, W) and guesses a break after
# them: a lone capital this close to the next letter starts the same word.
_LONE_CAPITAL_GAP = 0.25
# Characters further apart than this share of the text height start a new word.
_WORD_GAP = 0.3
# Words whose vertical centres differ by less than this share of their height share a line.
_SAME_LINE = 0.4


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Char:
    """One character of the text layer; ``generated`` when PDFium inferred it."""

    text: str
    rect: Rect
    generated: bool = False


def words_from_chars(chars: Iterable[Char]) -> list[Word]:
    """Characters in PDFium's order → words."""
    words: list[Word] = []
    parts: list[Char] = []
    pending_break = False

    def flush() -> None:
        if parts:
            box = union([part.rect for part in parts])
            words.append(Word("".join(p.text for p in parts), box[0], box[1], box[2], box[3]))
            parts.clear()

    for char in chars:
        if not char.text or char.text.isspace():
            if not char.generated:
                flush()
            pending_break = pending_break or char.generated
            continue
        if parts and _breaks(parts, char, pending_break):
            flush()
        pending_break = False
        parts.append(char)
    flush()
    return words


def _breaks(parts: list[Char], char: Char, generated_space: bool) -> bool:
    previous = parts[-1]
    height = max(previous.rect[3] - previous.rect[1], char.rect[3] - char.rect[1], 1.0)
    gap = char.rect[0] - previous.rect[2]
    if abs(char.rect[1] - previous.rect[1]) > height * _SAME_LINE:
        return True
    if gap < -height * 0.2:  # went back left: a new line or a new column
        return True
    if not generated_space:
        return gap > height * _WORD_GAP
    if len(parts) == 1 and previous.text.isupper() and char.text.isalpha():
        return gap > height * _LONE_CAPITAL_GAP
    return gap > height * _GENERATED_SPACE_GAP


def lines_of(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each line left to right."""
    ordered = sorted(words, key=lambda w: -w.center[1])
    lines: list[list[Word]] = []
    for word in ordered:
        line = next(
            (
                line
                for line in lines[-3:]
                if abs(line[0].center[1] - word.center[1])
                < max(line[0].height, word.height) * _SAME_LINE
            ),
            None,
        )
        if line is None:
            lines.append([word])
        else:
            line.append(word)
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def text_of(words: Iterable[Word]) -> str:
    return " ".join(word.text for word in words)


@dataclass
class PageWords:
    """The words of one page and what is needed to give their boxes to the review view."""

    page: int
    words: list[Word]
    page_box: Rect
    rotation: int = 0
    _lines: list[list[Word]] | None = field(default=None, init=False, repr=False)

    @property
    def lines(self) -> list[list[Word]]:
        if self._lines is None:
            self._lines = lines_of(self.words)
        return self._lines

    @property
    def width(self) -> float:
        return abs(self.page_box[2] - self.page_box[0])

    @property
    def height(self) -> float:
        return abs(self.page_box[3] - self.page_box[1])

    def bbox(self, words: Iterable[Word]) -> BBox | None:
        """The normalised box around ``words`` (see ``page_geometry``)."""
        rects = [(w.x0, w.y0, w.x1, w.y1) for w in words]
        if not rects:
            return None
        return normalise_rect(union(rects), self.page_box, self.rotation)
