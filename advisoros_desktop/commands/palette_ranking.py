"""How the palette orders what fits: the candidates worth scoring, and the score of each.

A record fits when every typed word fits one of its words. Its score is the
mean fit of the typed words, a word in the title counting fully and a word
of its context (a document's client, category and year) at 80%. Then:

- commands get a bonus, so "archive" runs the Archive command before it
  finds a file called "Archive 2023.pdf";
- recently opened records get a bonus, so among look-alikes the one just
  worked on comes first;
- a first typed word that fits the title's first word (exactly, as a prefix
  or with a typo) gets a small bonus ("smi" puts "Smith & Sons" before "John
  Smith");
- clients edge out documents, engagements and tasks of equal fit, and
  archived records fall behind live ones.

Scoring a record costs a few microseconds in Python, too much for 100,000 of
them per keystroke, so only candidates are scored: at most ``PER_KIND`` of
each kind, the best-placed and then the most recently changed first (see
``candidates``), plus the recent records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from advisoros_desktop.commands.palette_index import (
    AT_ARCHIVED,
    AT_CONTEXT_TOKENS,
    AT_KIND,
    AT_TITLE_TOKENS,
    LEVEL_ANY,
    LEVEL_STRONG,
    LEVELS,
    SLOT_BITS,
    Entry,
    PaletteCorpus,
    WordMatch,
)
from advisoros_desktop.commands.palette_records import KINDS
from advisoros_desktop.commands.palette_text import TYPO_FLOOR, word_quality

CONTEXT_WEIGHT = 0.8
COMMAND_BONUS = 0.12
RECENT_BONUS = 0.1
FIRST_WORD_BONUS = 0.03
ARCHIVED_FACTOR = 0.95
KIND_WEIGHT = {"client": 1.0, "document": 0.97, "engagement": 0.96, "task": 0.95}
PER_KIND = 150
# Putting a slot in a word's set costs about an eighth of checking one record for the word.
SET_OVER_CHECKS = 8


def candidates(
    corpus: PaletteCorpus, matches: Sequence[WordMatch], extra: Iterable[int] = ()
) -> list[int]:
    """Slots worth scoring for these typed words: the best-placed and most recent of each kind.

    One word is looked for level by level (exactly in the title first), reading
    only the tails of the word lists. Several words must all fit, which takes
    sets; to keep that to two passes, the records where every word fits
    strongly (exactly or as a prefix, anywhere) come first, then those where
    some word only fits with a typo or inside a longer word.
    """
    picked: list[int] = [slot for slot in extra if slot in corpus.entries]
    levels = LEVELS if len(matches) == 1 else (LEVEL_STRONG, LEVEL_ANY)
    for rank in range(len(KINDS)):
        seen = {slot for slot in picked if slot >> SLOT_BITS == rank}
        left = PER_KIND
        for level in levels:
            if level == LEVEL_ANY and not any(match.weak for match in matches):
                break  # no typos nor infixes: nothing more than the strong fits
            if len(matches) == 1:
                taken = corpus.most_recent(matches[0], level, rank, left, seen)
            else:
                found = _holding_all(corpus, matches, level, rank)
                found.difference_update(seen)
                taken = sorted(found)[-left:]
            picked += taken
            seen.update(taken)
            left -= len(taken)
            if left <= 0:
                break
    return picked


def _holding_all(
    corpus: PaletteCorpus, matches: Sequence[WordMatch], level: int, rank: int
) -> set[int]:
    """Live slots of one kind that every typed word fits at ``level``.

    Starts from the rarest word's set; each other word's set is built and
    intersected when that is cheaper than checking the records one by one.
    """
    sized = sorted(matches, key=lambda m: corpus.level_size(m, level, rank))
    found = set(corpus.level_set(sized[0], level, rank))
    found.difference_update(corpus.dead[rank])
    for match in sized[1:]:
        if not found:
            break
        if corpus.level_size(match, level, rank) < SET_OVER_CHECKS * len(found):
            found.intersection_update(corpus.level_set(match, level, rank))
        else:
            found = corpus.holding(found, match, level)
    return found


def _best(quality: dict[int, float], tokens: tuple[int, ...]) -> float:
    return max([quality.get(t, 0.0) for t in tokens], default=0.0)


def entry_fit(entry: Entry, matches: Sequence[WordMatch]) -> float:
    """Mean fit of the typed words in this record, 0.0 when one of them fits nowhere."""
    title, context = entry[AT_TITLE_TOKENS], entry[AT_CONTEXT_TOKENS]
    total = 0.0
    for match in matches:
        best = _best(match.quality, title)
        if best < CONTEXT_WEIGHT and context:
            best = max(best, CONTEXT_WEIGHT * _best(match.context_quality, context))
        if best <= 0.0:
            return 0.0
        total += best
    fit = total / len(matches)
    if title and matches[0].quality.get(title[0], 0.0) >= TYPO_FLOOR:
        fit += FIRST_WORD_BONUS
    return fit


def entry_score(entry: Entry, matches: Sequence[WordMatch], recent: bool) -> float:
    fit = entry_fit(entry, matches)
    if fit <= 0.0:
        return 0.0
    archived = ARCHIVED_FACTOR if entry[AT_ARCHIVED] else 1.0
    score = fit * KIND_WEIGHT[entry[AT_KIND]] * archived
    return score + (RECENT_BONUS if recent else 0.0)


def _best_text(word: str, tokens: Sequence[str]) -> float:
    return max([word_quality(word, t) for t in tokens], default=0.0)


def text_fit(words: Sequence[str], title: Sequence[str], context: Sequence[str] = ()) -> float:
    """``entry_fit`` for words not in the index (commands): the same scale, computed directly."""
    total = 0.0
    for word in words:
        best = _best_text(word, title)
        if best < CONTEXT_WEIGHT and context:
            best = max(best, CONTEXT_WEIGHT * _best_text(word, context))
        if best <= 0.0:
            return 0.0
        total += best
    fit = total / len(words)
    if title and word_quality(words[0], title[0]) >= TYPO_FLOOR:
        fit += FIRST_WORD_BONUS
    return fit


def command_score(
    words: Sequence[str], title: Sequence[str], context: Sequence[str], recent: bool
) -> float:
    fit = text_fit(words, title, context)
    if fit <= 0.0:
        return 0.0
    return fit + COMMAND_BONUS + (RECENT_BONUS if recent else 0.0)
