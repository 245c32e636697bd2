"""Finding an invoice's labels ("Invoice number", "Total TTC") and the words they label.

Invoices print a value to the right of its label on the same line
("Invoice Date: August 3, 2014") or under it in the same column (a label
row above a value row). Labels are matched as whole words, case and
punctuation aside, in English, German, Dutch and French; each label table
lists the specific labels first and says how much a value found under each
can be trusted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from advisoros_desktop.extraction.page_words import PageWords, Word

# A value under its label sits in the next few lines (as many label heights down).
_BELOW_LINES = 2.6
# ... and starts near the label's left edge.
_BELOW_SLACK = 12.0
# A generic label ("Date", "Total") starts its phrase: a word this close before it is part of it.
_PHRASE_GAP = 1.5
_PUNCTUATION = ":.;,#*"


@dataclass(frozen=True)
class Label:
    phrase: tuple[str, ...]
    confidence: float
    # Words right after the label that make it another label ("Total HT", "Subtotal").
    not_followed_by: frozenset[str] = frozenset()
    # Words right before it that make it another label ("Exclusief BTW").
    not_preceded_by: frozenset[str] = frozenset()
    starts_phrase: bool = False


def labels(confidence: float, *phrases: str, **options: object) -> list[Label]:
    return [
        Label(tuple(normal(part) for part in phrase.split()), confidence, **options)  # type: ignore[arg-type]
        for phrase in phrases
    ]


def normal(text: str) -> str:
    """A word as labels compare it."""
    return text.replace("’", "'").strip(_PUNCTUATION).casefold()


@dataclass(frozen=True)
class LabelHit:
    label: Label
    page: PageWords
    line: list[Word]
    start: int  # index of the label's first word in ``line``
    end: int  # index after its last word

    @property
    def words(self) -> list[Word]:
        return self.line[self.start : self.end]

    def right(self) -> list[Word]:
        """The words after the label on its line, bare punctuation left out."""
        return [w for w in self.line[self.end :] if normal(w.text)]

    def below(self) -> list[Word]:
        """The words of the first line under the label that start in its column."""
        first, last = self.words[0], self.words[-1]
        height = max(w.height for w in self.words)
        lines = self.page.lines
        index = next(i for i, line in enumerate(lines) if line is self.line)
        for line in lines[index + 1 :]:
            if first.y0 - line[0].y1 > height * _BELOW_LINES:
                break
            column = [
                w
                for w in line
                if first.x0 - _BELOW_SLACK <= w.x0 <= last.x1 + _BELOW_SLACK
                and w.y1 <= first.y0 + 1
            ]
            if column:
                start = line.index(column[0])
                # The value may run on to the right of the label's column.
                run = [column[0]]
                for word in line[start + 1 :]:
                    if word.x0 - run[-1].x1 > 3 * word.height:
                        break
                    run.append(word)
                return run
        return []


def find_labels(pages: list[PageWords], table: list[Label]) -> Iterator[LabelHit]:
    """Every occurrence of the table's labels, in the table's order, then page and line order."""
    for label in table:
        for page in pages:
            for line in page.lines:
                tokens = [normal(w.text) for w in line]
                size = len(label.phrase)
                for start in range(len(tokens) - size + 1):
                    if tuple(tokens[start : start + size]) != label.phrase:
                        continue
                    following = tokens[start + size] if start + size < len(tokens) else ""
                    if following in label.not_followed_by:
                        continue
                    if start > 0 and tokens[start - 1] in label.not_preceded_by:
                        continue
                    if label.starts_phrase and start > 0 and _joined(line[start - 1], line[start]):
                        continue
                    yield LabelHit(label, page, line, start, start + size)


def _joined(before: Word, word: Word) -> bool:
    return word.x0 - before.x1 < word.height * _PHRASE_GAP and bool(normal(before.text))
