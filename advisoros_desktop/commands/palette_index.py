"""The palette's in-memory index: every word of every record, and which records hold it.

A firm's cache holds 100,000 records and the palette must answer every
keystroke within 30 ms, so a typed word is never compared with every record.
It is compared with the vocabulary instead (every distinct word of every
record, a few tens of thousands): exactly by hash, as a prefix by bisecting the
sorted words, and for typos with rapidfuzz's OSA distance over the distinct
starts of the words. Each word lists, per kind of record, the records that hold
it in their title and in their context; set operations on those lists, which
run in C, give the records that hold every typed word.

Records are numbered by *slot*: the kind in the high bits, then a counter that
grows as records are added (oldest changes first at load time, later edits
after). So each word list is in order of how recently its records changed,
and its tail holds the most recent ones: a one-letter word that fits half
the firm costs no more than a rare one.

A record that is removed or changed leaves a dead slot behind in the word
lists (removing it from a list of 30,000 would be slow); dead slots are
skipped when found and swept once they are many (``swept_postings`` builds
clean lists without changing anything, so the caller can do it outside its
lock and install them in a moment).

Not thread-safe on its own: ``PaletteIndex`` serialises access.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import OSA

from advisoros_desktop.commands.palette_records import KINDS, RecordText
from advisoros_desktop.commands.palette_text import (
    EXACT,
    FUZZY_MIN_LENGTH,
    PREFIX_FLOOR,
    PREFIX_SPAN,
    infix_quality,
    is_fuzzy_candidate,
    max_typos,
    record_words,
    typo_quality,
)

SLOT_BITS = 28  # four kinds × 2**28 slots each still fit a signed 32-bit int
SLOT_TYPE = "i"  # a C int: 32 bits
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
TITLE, CONTEXT = 0, 1
# Sweep dead slots out of the word lists once there are this many, and a fiftieth of the live
# ones: until then each search reads that many more slots from the ends of the lists.
SWEEP_AT_LEAST = 1_000
SWEEP_SHARE = 50
# Typed words this short fit a record's context only exactly: as prefixes they fit everything.
SHORT_WORD = 2

# How closely a typed word sits in a record, from the strictest to the loosest:
# exactly in the title; exactly or as a prefix in the title; the same anywhere; any fit anywhere.
LEVEL_TITLE_EXACT, LEVEL_TITLE, LEVEL_STRONG, LEVEL_ANY = 0, 1, 2, 3
LEVELS = (LEVEL_TITLE_EXACT, LEVEL_TITLE, LEVEL_STRONG, LEVEL_ANY)

# token id -> slots holding it, oldest first. Arrays of C ints rather than lists:
# the garbage collector would otherwise walk a million and a half references on
# each full collection, a pause of 100 ms or more on the GUI thread.
Postings = dict[int, "array[int]"]


# One record in the index: what the palette shows, and its words as token ids.
# A plain tuple of strings, numbers and tuples of numbers, which the garbage
# collector stops tracking after its first look (it never does for a named
# tuple or an object): 100,000 of them then cost nothing in its collections.
Entry = tuple[str, str, str, str, tuple[int, ...], tuple[int, ...], bool]
AT_KIND: Final = 0
AT_KEY: Final = 1
AT_TITLE: Final = 2
AT_SUBTITLE: Final = 3
AT_TITLE_TOKENS: Final = 4
AT_CONTEXT_TOKENS: Final = 5
AT_ARCHIVED: Final = 6


@dataclass
class WordMatch:
    """The record words one typed word fits, and how well; the slots' sets when asked.

    A short word ("w", "co") fits a record's context only exactly: as a prefix
    it would fit the client name or year of nearly every record.
    """

    word: str
    quality: dict[int, float]  # token id -> fit, 0..1, in titles
    exact: tuple[int, ...]
    strong: tuple[int, ...]  # exact or prefix
    weak: tuple[int, ...]  # typos and infixes
    sets: dict[tuple[int, int], set[int]] = field(default_factory=dict)
    context_quality: dict[int, float] = field(init=False)
    context_strong: tuple[int, ...] = field(init=False)
    context_weak: tuple[int, ...] = field(init=False)
    # For checking one record: the tokens fitting at each level, as sets.
    exact_set: frozenset[int] = field(init=False)
    strong_set: frozenset[int] = field(init=False)
    any_set: frozenset[int] = field(init=False)
    context_strong_set: frozenset[int] = field(init=False)
    context_any_set: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        if len(self.word) <= SHORT_WORD:
            self.context_quality = {t: self.quality[t] for t in self.exact}
            self.context_strong, self.context_weak = self.exact, ()
        else:
            self.context_quality = self.quality
            self.context_strong, self.context_weak = self.strong, self.weak
        self.exact_set = frozenset(self.exact)
        self.strong_set = frozenset(self.strong)
        self.any_set = frozenset(self.quality)
        self.context_strong_set = frozenset(self.context_strong)
        self.context_any_set = frozenset(self.context_quality)


class PaletteCorpus:
    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self._slots: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
        self._next = [rank << SLOT_BITS for rank in range(len(KINDS))]
        self.client_names: dict[str, str] = {}
        self._token_id: dict[str, int] = {}
        self._token_text: list[str] = []
        self._sorted_tokens: list[str] = []
        # [TITLE or CONTEXT][kind rank]
        self._postings: tuple[list[Postings], list[Postings]] = (
            [{} for _ in KINDS],
            [{} for _ in KINDS],
        )
        self._fuzzy_tokens: list[str] = []
        # word length n -> (distinct first n letters of fuzzy tokens, the token ids of each)
        self._fuzzy_starts: dict[int, tuple[list[str], list[list[int]]]] = {}
        self.dead: list[set[int]] = [set() for _ in KINDS]
        self._bulk = False
        # Texts already cut into words during a bulk load: many records share a context.
        self._memo: dict[str, tuple[int, ...]] = {}

    # -- building -------------------------------------------------------------------
    def bulk(self, records: Iterable[RecordText]) -> None:
        """Add many records at once (the sorted vocabulary is built once, at the end)."""
        self._bulk = True
        try:
            for record in records:
                self.add(record)
        finally:
            self._bulk = False
            self._memo.clear()
            self._sorted_tokens = sorted(self._token_id)
            self._fuzzy_starts.clear()

    def add(self, record: RecordText) -> int:
        """Index ``record``, replacing the indexed version of it if there is one."""
        self.remove(record.kind, record.key)
        rank = KIND_RANK[record.kind]
        slot = self._next[rank]
        self._next[rank] += 1
        title_tokens = self._tokens(record.title_text)
        in_title = set(title_tokens)
        context_tokens = tuple(t for t in self._tokens(record.context_text) if t not in in_title)
        title, context = self._postings[TITLE][rank], self._postings[CONTEXT][rank]
        for token in title_tokens:
            found = title.get(token)
            if found is None:
                title[token] = array(SLOT_TYPE, (slot,))
            else:
                found.append(slot)
        for token in context_tokens:
            found = context.get(token)
            if found is None:
                context[token] = array(SLOT_TYPE, (slot,))
            else:
                found.append(slot)
        self.entries[slot] = (
            record.kind,
            record.key,
            record.title,
            record.subtitle,
            title_tokens,
            context_tokens,
            record.archived,
        )
        self._slots[record.kind][record.key] = slot
        if record.kind == "client":
            self.client_names[record.key] = record.title
        return slot

    def remove(self, kind: str, key: str) -> Entry | None:
        slot = self._slots[kind].pop(key, None)
        if slot is None:
            return None
        entry = self.entries.pop(slot)
        self.dead[KIND_RANK[kind]].add(slot)
        if kind == "client":
            self.client_names.pop(key, None)
        return entry

    def needs_sweep(self) -> bool:
        dead = sum(len(d) for d in self.dead)
        return dead >= max(SWEEP_AT_LEAST, len(self.entries) // SWEEP_SHARE)

    def swept_postings(self) -> tuple[list[list[Postings]], list[set[int]]]:
        """The word lists without today's dead slots; built without changing anything."""
        dead = [set(d) for d in self.dead]

        def swept(postings: Postings, gone: set[int]) -> Postings:
            clean = {}
            for token, slots in postings.items():
                if gone.isdisjoint(slots):
                    clean[token] = slots
                else:
                    kept = array(SLOT_TYPE, (s for s in slots if s not in gone))
                    if kept:
                        clean[token] = kept
            return clean

        lists = [
            [swept(p, dead[rank]) for rank, p in enumerate(by_kind)] for by_kind in self._postings
        ]
        return lists, dead

    def install_postings(self, swept: tuple[list[list[Postings]], list[set[int]]]) -> None:
        """Take lists from ``swept_postings``, made while nothing was added or removed."""
        lists, dead = swept
        if dead != self.dead:
            return  # the corpus changed meanwhile: sweep another time
        self._postings = (lists[TITLE], lists[CONTEXT])
        self.dead = [set() for _ in KINDS]

    def _tokens(self, text: str) -> tuple[int, ...]:
        found = self._memo.get(text)
        if found is not None:
            return found
        ids = []
        for word in record_words(text):
            token = self._token_id.get(word)
            if token is None:
                token = self._new_token(word)
            ids.append(token)
        found = tuple(ids)
        if self._bulk:
            self._memo[text] = found
        return found

    def _new_token(self, word: str) -> int:
        token = len(self._token_text)
        self._token_id[word] = token
        self._token_text.append(word)
        if not self._bulk:
            bisect.insort(self._sorted_tokens, word)
        if is_fuzzy_candidate(word):
            self._fuzzy_tokens.append(word)
            self._fuzzy_starts.clear()
        return token

    # -- looking up -----------------------------------------------------------------------
    def slot_of(self, kind: str, key: str) -> int | None:
        return self._slots.get(kind, {}).get(key)

    def __len__(self) -> int:
        return len(self.entries)

    def vocabulary_size(self) -> int:
        return len(self._token_text)

    def match(self, word: str) -> WordMatch:
        """Every record word that ``word`` fits (exact, prefix, typo, infix) and how well."""
        quality: dict[int, float] = {}
        exact = self._token_id.get(word)
        if exact is not None:
            quality[exact] = EXACT
        tokens = self._sorted_tokens
        at = bisect.bisect_right(tokens, word)
        end = bisect.bisect_left(tokens, word + "\uffff", at)
        token_id = self._token_id
        span = PREFIX_SPAN * len(word)  # prefix_quality, inlined: a digit can start 1,000 words
        for token in tokens[at:end]:
            quality[token_id[token]] = PREFIX_FLOOR + span / len(token)
        if len(word) >= FUZZY_MIN_LENGTH and word.isalpha():
            for token in self._fuzzy_tokens:
                if word in token and not token.startswith(word):
                    quality[token_id[token]] = infix_quality(word, token)
        limit = max_typos(word)
        if limit:
            starts, holders = self._starts(len(word))
            found = process.extract(
                word, starts, scorer=OSA.distance, score_cutoff=limit, limit=None
            )
            text = self._token_text
            for _start, edits, index in found:
                if edits == 0:
                    continue  # the word itself or a prefix: fitted better above
                for held in holders[index]:
                    fit = typo_quality(word, text[held], int(edits))
                    if fit > quality.get(held, 0.0):
                        quality[held] = fit
        strong = tuple(t for t, fit in quality.items() if fit >= PREFIX_FLOOR)
        weak = tuple(t for t, fit in quality.items() if fit < PREFIX_FLOOR)
        return WordMatch(word, quality, (exact,) if exact is not None else (), strong, weak)

    def _starts(self, length: int) -> tuple[list[str], list[list[int]]]:
        cached = self._fuzzy_starts.get(length)
        if cached is None:
            by_start: dict[str, list[int]] = {}
            token_id = self._token_id
            for token in self._fuzzy_tokens:
                by_start.setdefault(token[:length], []).append(token_id[token])
            cached = (list(by_start), list(by_start.values()))
            self._fuzzy_starts[length] = cached
        return cached

    def level_lists(self, match: WordMatch, level: int, rank: int) -> list[array[int]]:
        """The word lists (of one kind) of the records ``match`` fits at ``level`` or better."""
        title, context = self._postings[TITLE][rank], self._postings[CONTEXT][rank]
        picks = [(title, match.exact if level == LEVEL_TITLE_EXACT else match.strong)]
        if level >= LEVEL_STRONG:
            picks.append((context, match.context_strong))
        if level >= LEVEL_ANY:
            picks += [(title, match.weak), (context, match.context_weak)]
        return [p[t] for p, tokens in picks for t in tokens if t in p]

    def level_size(self, match: WordMatch, level: int, rank: int) -> int:
        """How many slots the lists of ``level_lists`` hold together (an upper bound of the set)."""
        found = match.sets.get((level, rank))
        if found is not None:
            return len(found)
        return sum(map(len, self.level_lists(match, level, rank)))

    def level_set(self, match: WordMatch, level: int, rank: int) -> set[int]:
        """The slots (of one kind) holding a word ``match`` fits at ``level`` or better."""
        found = match.sets.get((level, rank))
        if found is None:
            title, context = self._postings[TITLE][rank], self._postings[CONTEXT][rank]
            if level == LEVEL_TITLE_EXACT:
                found = set().union(*(title[t] for t in match.exact if t in title))
            elif level == LEVEL_TITLE:
                found = set().union(*(title[t] for t in match.strong if t in title))
            elif level == LEVEL_STRONG:
                found = self.level_set(match, LEVEL_TITLE, rank).union(
                    *(context[t] for t in match.context_strong if t in context)
                )
            else:
                found = self.level_set(match, LEVEL_STRONG, rank).union(
                    *(title[t] for t in match.weak if t in title),
                    *(context[t] for t in match.context_weak if t in context),
                )
            match.sets[(level, rank)] = found
        return found

    def holding(self, slots: Iterable[int], match: WordMatch, level: int) -> set[int]:
        """The ``slots`` that ``match`` fits at ``level`` or better, checked record by record.

        The same as intersecting with ``level_set``, cheaper when the set would be huge.
        """
        entries = self.entries
        if level <= LEVEL_TITLE:
            tokens = match.exact_set if level == LEVEL_TITLE_EXACT else match.strong_set
            return {s for s in slots if not tokens.isdisjoint(entries[s][AT_TITLE_TOKENS])}
        if level == LEVEL_STRONG:
            title, context = match.strong_set, match.context_strong_set
        else:
            title, context = match.any_set, match.context_any_set
        return {
            s
            for s in slots
            if not title.isdisjoint(entries[s][AT_TITLE_TOKENS])
            or not context.isdisjoint(entries[s][AT_CONTEXT_TOKENS])
        }

    def _same_lists(self, match: WordMatch, level: int) -> bool:
        """Whether ``level`` reads the same lists as the level before it, so adds nothing."""
        if level == LEVEL_TITLE:
            return len(match.strong) == len(match.exact)
        if level == LEVEL_STRONG:
            return not match.context_strong
        if level == LEVEL_ANY:
            return not (match.weak or match.context_weak)
        return False

    def most_recent(
        self, match: WordMatch, level: int, rank: int, count: int, skip: set[int]
    ) -> list[int]:
        """Up to ``count`` of the most recent live slots (of one kind) ``match`` fits at ``level``,
        leaving out ``skip`` (those taken at a stricter level).

        Only the tail of each word list is read: the records changed longest ago never are.
        """
        if self._same_lists(match, level):
            return []
        dead = self.dead[rank]
        want = count + len(dead) + len(skip)
        tails = set().union(*(slots[-want:] for slots in self.level_lists(match, level, rank)))
        tails.difference_update(dead)
        tails.difference_update(skip)
        return sorted(tails)[-count:]
