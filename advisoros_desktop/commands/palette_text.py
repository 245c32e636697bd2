"""How the command palette reads text: one spelling per word, and how well a word fits another.

Accountants type what they see, loosely: "w2" for "W-2", "obrien" for
"O'Brien", "jose" for "José", "smi" for "Smith", "smtih" when in a hurry. So
every text is folded the same way (lower case, no accents, no apostrophes)
and cut into words; a hyphenated word is also kept whole ("w-2" gives "w",
"2" and "w2"), so both spellings find it. ``word_quality`` says how well one
typed word fits one word of a record, from 1.0 (the same word) down through
prefixes and typos to 0.0 (no fit). The index applies the same scale in bulk.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA

# A word: letters and digits, possibly joined by hyphens ("w-2", "1099-nec", "2024-03-05").
_WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")
_CURLY_APOSTROPHES = str.maketrans("", "", "’‘")  # what people paste

EXACT = 1.0
# A prefix scores between these, more the closer it comes to the whole word.
PREFIX_FLOOR, PREFIX_SPAN = 0.7, 0.2
# A typo (one or two letters swapped, missing, extra or wrong) scores less than any prefix.
TYPO_FLOOR, TYPO_SPAN, TYPO_PER_EXTRA_EDIT = 0.5, 0.15, 0.1
# Inside a word ("smith" in "goldsmith"): the weakest fit that still counts.
INFIX_FLOOR, INFIX_SPAN = 0.4, 0.1
# Typos are only looked for in words this long: shorter ones match too much by chance.
TYPO_MIN_LENGTH = 4
# Fuzzy and infix matching only consider record words made of letters, this long or more.
FUZZY_MIN_LENGTH = 3


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed: the one spelling everything is compared in."""
    text = text.lower()
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        ).translate(_CURLY_APOSTROPHES)
    return text.replace("'", "") if "'" in text else text


def record_words(text: str) -> list[str]:
    """The words a record is found by, in order, each once (hyphenated words also whole)."""
    words: dict[str, None] = {}
    for found in _WORD.findall(fold(text)):
        if "-" in found:
            parts = found.split("-")
            words.update(dict.fromkeys(parts))
            if len(parts) <= 3:
                words["".join(parts)] = None
        else:
            words[found] = None
    return list(words)


def query_words(text: str) -> list[str]:
    """The words typed, folded; a hyphen inside a word joins it ("w-2" is "w2")."""
    words = [found.replace("-", "") for found in _WORD.findall(fold(text))]
    return list(dict.fromkeys(words))


def max_typos(word: str) -> int:
    """How many edits a typed word may be from a record's word and still find it."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha():
        return 0
    return 1 if len(word) <= 7 else 2


def prefix_quality(word: str, token: str) -> float:
    return PREFIX_FLOOR + PREFIX_SPAN * len(word) / len(token)


def typo_quality(word: str, token: str, edits: int) -> float:
    coverage = min(1.0, len(word) / len(token))
    return TYPO_FLOOR + TYPO_SPAN * coverage - TYPO_PER_EXTRA_EDIT * (edits - 1)


def infix_quality(word: str, token: str) -> float:
    return INFIX_FLOOR + INFIX_SPAN * len(word) / len(token)


def is_fuzzy_candidate(token: str) -> bool:
    """Record words that typos and infixes are looked for in (names and words, not numbers)."""
    return len(token) >= FUZZY_MIN_LENGTH and token.isalpha()


def word_quality(word: str, token: str) -> float:
    """How well the typed ``word`` fits the record word ``token`` (both folded), 0.0 to 1.0."""
    if word == token:
        return EXACT
    if token.startswith(word):
        return prefix_quality(word, token)
    best = 0.0
    if len(word) >= FUZZY_MIN_LENGTH and is_fuzzy_candidate(token) and word in token:
        best = infix_quality(word, token)
    limit = max_typos(word)
    if limit and is_fuzzy_candidate(token):
        # Compared with the start of the word, so a typo is forgiven while still typing.
        edits = OSA.distance(word, token[: len(word)], score_cutoff=limit)
        if edits <= limit:
            best = max(best, typo_quality(word, token, edits))
    return best
