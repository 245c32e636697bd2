"""Finding printed box labels among a page's words, however the software set them.

A label is found as words, not as a pattern over the page's text: the same
wording in another box, a label wrapped over two lines, a box number in
front ("1 Wages, tips, other compensation"), other capitals or punctuation
("(EIN)", "Suff.") must all still say which words are the label, because the
value is then looked for around them. Every word belongs to one label at
most: the longest wordings claim their words first, so "Other" (W-2 box
14) is never found inside "Wages, tips, other compensation".
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from advisoros_desktop.extraction.irs_box_labels import LabelledBox
from advisoros_desktop.extraction.layout_anchoring import token
from advisoros_desktop.extraction.page_words import Word

# A wording cut short (line wrapped away, a revision's shorter wording) still
# names its box when this many of its words, and this share, are there.
_MIN_PARTIAL_WORDS = 3
_MIN_PARTIAL_SHARE = 0.6
# A wrapped label's next line starts under its first word, give or take this
# share of the text height (some forms start it under the box number).
_WRAP_LEFT = 2.5
_WRAP_RIGHT = 0.8
# Lines of one label are at most this many text heights apart.
_WRAP_DROP = 2.2
# A box number sits this close (text heights) before its label's first word.
_NUMBER_GAP = 2.5
_BOX_NUMBER = re.compile(r"^(?:\d{1,2}[a-h]?|[a-f])$")
_EDGE_PUNCTUATION = ".,;:()[]{}\"'!?"


def fold(text: str) -> str:
    """A word as labels compare it: case, quotes, dashes and edge punctuation do not matter."""
    return token(text).strip(_EDGE_PUNCTUATION)


def is_box_number(text: str) -> bool:
    """ "1", "12a", "b": what a form prints before a box's label."""
    return bool(_BOX_NUMBER.match(fold(text)))


@dataclass(frozen=True)
class FoundLabel:
    """Where one box's label is printed: its words (box number included) and how well it matched."""

    box: LabelledBox
    words: tuple[Word, ...]
    exact: bool  # the whole wording, not a cut-short one
    numbered: bool  # the box's own number printed before it

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (
            min(w.x0 for w in self.words),
            min(w.y0 for w in self.words),
            max(w.x1 for w in self.words),
            max(w.y1 for w in self.words),
        )


@dataclass(frozen=True)
class _Candidate:
    label: FoundLabel
    matched: int  # words of the wording found


def find_labels(lines: list[list[Word]], boxes: Sequence[LabelledBox]) -> list[FoundLabel]:
    """The label of each box printed among ``lines`` (at most one per box), no word used twice."""
    folded = [[fold(word.text) for word in line] for line in lines]
    candidates: list[_Candidate] = []
    for box in boxes:
        for phrase in box.phrases:
            wanted = [part for part in (fold(p) for p in phrase.split()) if part]
            candidates.extend(_phrase_places(lines, folded, box, wanted))
        if box.number_required and box.number is not None:
            candidates.extend(_bare_numbers(lines, folded, box))
    candidates.sort(
        key=lambda c: (
            not c.label.exact,
            -c.matched,
            not c.label.numbered,
            -c.label.words[0].y1,
            c.label.words[0].x0,
        )
    )
    taken: set[int] = set()
    found: dict[LabelledBox, FoundLabel] = {}
    for candidate in candidates:
        label = candidate.label
        if label.box in found or any(id(word) in taken for word in label.words):
            continue
        found[label.box] = label
        taken.update(id(word) for word in label.words)
    return list(found.values())


def label_height(labels: Sequence[FoundLabel]) -> float:
    """The usual height of label text on the page (points); sizes gaps and margins."""
    heights = [word.height for label in labels for word in label.words if word.height > 0]
    return statistics.median(heights) if heights else 7.0


def _phrase_places(
    lines: list[list[Word]], folded: list[list[str]], box: LabelledBox, wanted: list[str]
) -> list[_Candidate]:
    found = []
    for row, tokens in enumerate(folded):
        for start, part in enumerate(tokens):
            if part != wanted[0]:
                continue
            words = _follow(lines, folded, row, start, wanted)
            if not _enough(len(words), len(wanted)):
                continue
            number = _number_before(lines[row], folded[row], start, box)
            if len(wanted) == 1 and box.number is not None and number is None:
                continue  # "State", "Rents": too common a word to be a label unnumbered
            if box.number_required and number is None:
                continue
            label_words = (number, *words) if number is not None else tuple(words)
            label = FoundLabel(box, label_words, len(words) == len(wanted), number is not None)
            found.append(_Candidate(label, len(words)))
    return found


def _follow(
    lines: list[list[Word]], folded: list[list[str]], row: int, start: int, wanted: list[str]
) -> list[Word]:
    """The words of ``wanted`` from ``lines[row][start]`` on, across wrapped lines."""
    first = lines[row][start]
    words = [first]
    position = start + 1
    for part in wanted[1:]:
        if position < len(folded[row]) and folded[row][position] == part:
            words.append(lines[row][position])
            position += 1
            continue
        if position < len(folded[row]) and _near(words[-1], lines[row][position]):
            break  # the line goes on with other words: the wording stops here
        wrapped = _wrapped(lines, folded, row, first, words[-1], part)
        if wrapped is None:
            break
        row, position = wrapped
        words.append(lines[row][position])
        position += 1
    return words


def _near(before: Word, after: Word) -> bool:
    return after.x0 - before.x1 < max(before.height, after.height) * _NUMBER_GAP


def _wrapped(
    lines: list[list[Word]],
    folded: list[list[str]],
    row: int,
    first: Word,
    last: Word,
    part: str,
) -> tuple[int, int] | None:
    """The next line's word ``part`` if it continues a label that starts with ``first``."""
    height = max(first.height, 1.0)
    for below in range(row + 1, min(row + 3, len(lines))):
        line = lines[below]
        if not line or last.center[1] - line[0].center[1] > height * _WRAP_DROP:
            return None
        for position, word in enumerate(line):
            starts_under = (
                first.x0 - height * _WRAP_LEFT <= word.x0 <= first.x0 + height * _WRAP_RIGHT
            )
            if starts_under and folded[below][position] == part:
                return below, position
    return None


def _enough(matched: int, wanted: int) -> bool:
    if matched == wanted:
        return True
    return matched >= _MIN_PARTIAL_WORDS and matched / wanted >= _MIN_PARTIAL_SHARE


def _number_before(
    line: list[Word], tokens: list[str], start: int, box: LabelledBox
) -> Word | None:
    """The box's number printed just before the label's first word, if it is there."""
    if start == 0 or box.number is None:
        return None
    before, first = line[start - 1], line[start]
    if tokens[start - 1] != box.number.casefold():
        return None
    return before if _near(before, first) else None


def _bare_numbers(
    lines: list[list[Word]], folded: list[list[str]], box: LabelledBox
) -> list[_Candidate]:
    """A box known by its number alone ("12b" with no wording after it)."""
    assert box.number is not None
    number = box.number.casefold()
    found = []
    for row, tokens in enumerate(folded):
        for position, part in enumerate(tokens):
            if part == number:
                label = FoundLabel(box, (lines[row][position],), False, True)
                found.append(_Candidate(label, 0))
    return found
