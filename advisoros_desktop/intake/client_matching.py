"""Which client a folder name (or typed text) means, and how sure that is.

Folders are named by people: "Smith, John", "ACME LLC", "Müller Farms",
"JohnSmith", "acme". Client and folder names are folded to one spelling (case,
accents, punctuation, "LLC"/"Inc"/"& Co" endings, word order) and compared
with rapidfuzz. Two clients that fit a folder about equally well make the
answer doubtful rather than a coin toss, so the file waits for a person.

A firm has up to thousands of clients and a drop up to thousands of folders,
so a folder name is never scored against every client in Python: rapidfuzz's
C loops pick a few candidates (by sorted words, by the name with its spaces
taken out) and a word index finds names that contain the folder's words or the
other way round; only those candidates are scored closely.

An index is built for one list of clients (a new list means a new index) and
then only remembers the folder names it has identified, an answer that is the
same whichever thread works it out: safe to share between threads. The last
index built is kept for the same list object, so callers that make a router
per file do not fold 5,000 names per file.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from advisoros_desktop.intake.text_folding import fold

# Scores are rapidfuzz's 0..100 until they leave this module as 0..1.
CANDIDATE_CUTOFF = 60
# A folder that holds only some of a client's words ("Smith" for "John Smith") is
# a likely match, never a certain one.
SUBSET_WEIGHT = 0.8
# A runner-up this close to the best client makes the best doubtful, by up to this much.
AMBIGUITY_WINDOW = 10
AMBIGUITY_PENALTY = 0.4
# How many candidates each rapidfuzz pass hands to the close scoring.
CANDIDATES_PER_PASS = 25
# Names looked at, and then scored, for text typed in a picker.
WORD_CANDIDATES_CAP = 2_000
PREFIX_CANDIDATES = 200
# "Client 1" against "Client 10": alike as text, but the numbers say it is another client.
OTHER_NUMBER_SCORE = 75
# Typed text that starts every word of a name scores this much at least.
PREFIX_FLOOR = 85
# A folder name's words looked at when finding names made of some of them (2**n look-ups).
MAX_QUERY_WORDS = 8
# The spaceless pass runs only when nothing fits this well already.
SPACING_PASS_BELOW = 90
# Folder names whose client is remembered before the memo starts over.
IDENTIFIED_MEMO = 50_000

_COMPANY_ENDINGS = frozenset(
    {"llc", "inc", "incorporated", "ltd", "limited", "co", "corp", "corporation", "company"}
    | {"pllc", "llp", "lllp", "lp", "pc", "pa", "plc", "gmbh"}
)
_NOISE_WORDS = frozenset(("the", "and"))
_APOSTROPHES = re.compile(r"['’`´]")
_INITIALS = re.compile(r"(?:\b\w\.){2,}")  # "L.L.C.", "J.R.": written without their dots
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ClientName:
    """A client as intake knows it: the business name plus other names people use."""

    client_id: str
    name: str
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> ClientName:
        """From a client record: business name, with legal and contact names as aliases."""
        name = str(record.get("businessName") or "")
        others = (record.get("legalName"), record.get("primaryContactName"))
        aliases = tuple(dict.fromkeys(str(o) for o in others if o and str(o) != name))
        return cls(str(record["id"]), name, aliases)


@dataclass(frozen=True)
class Identification:
    """The client a text most likely names; ``rival`` is set when another fits alike."""

    client: ClientName | None
    confidence: float  # 0..1, lowered when a rival is close
    score: float = 0.0  # how alike text and name are, 0..1
    rival: ClientName | None = None
    rival_score: float = 0.0


def normalised_name(text: str) -> str:
    """``text`` folded for comparison: "The Smith & Co., L.L.C." → "smith"."""
    folded = _APOSTROPHES.sub("", fold(text))
    folded = _INITIALS.sub(lambda found: found.group().replace(".", ""), folded)
    words = [w for w in _NOT_WORD.split(folded) if w and w not in _NOISE_WORDS]
    while len(words) > 1 and words[-1] in _COMPANY_ENDINGS:
        words.pop()
    return " ".join(words)


class ClientIndex:
    """The firm's client names, folded once, for matching many folder names."""

    def __init__(self, clients: Sequence[ClientName]) -> None:
        self.clients: tuple[ClientName, ...] = tuple(clients)
        self.client_ids = frozenset(client.client_id for client in self.clients)
        # One entry per distinct folded name or alias of a client.
        self._owner: list[int] = []
        self._text: list[str] = []
        self._sorted: list[str] = []
        self._compact: list[str] = []
        self._words: list[frozenset[str]] = []
        self._numbers: list[frozenset[str]] = []
        # Sorted-words and spaceless forms -> entries: exact matches in one look-up.
        self._exact: dict[str, list[int]] = {}
        self._postings: dict[str, list[int]] = {}
        for position, client in enumerate(self.clients):
            seen: set[str] = set()
            for raw in (client.name, *client.aliases):
                text = normalised_name(raw)
                if text and text not in seen:
                    seen.add(text)
                    self._add(position, text)
        self._vocabulary = sorted(self._postings)
        # The rapidfuzz passes run over distinct strings ("john smith" and "smith john"
        # sort alike); each maps back to its entries.
        self._sorted_choices = list(dict.fromkeys(self._sorted))
        self._compact_choices = list(dict.fromkeys(self._compact))
        self._identified: dict[str, Identification] = {}

    @classmethod
    def of(cls, clients: Sequence[ClientName]) -> ClientIndex:
        """The index of ``clients``, reused while the same sequence object is passed again.

        Callers that rebuild their router for every file with the list a client
        directory keeps would otherwise fold thousands of names each time.
        """
        with _LAST_INDEX_LOCK:
            last = _LAST_INDEX.get("index")
            if last is not None and last[0] is clients and last[1] == len(clients):
                return last[2]
            index = cls(clients)
            _LAST_INDEX["index"] = (clients, len(clients), index)
            return index

    def _add(self, position: int, text: str) -> None:
        entry = len(self._owner)
        words = text.split()
        self._owner.append(position)
        self._text.append(text)
        self._sorted.append(" ".join(sorted(words)))
        self._compact.append("".join(words))
        self._words.append(frozenset(words))
        self._numbers.append(frozenset(word for word in words if word.isdigit()))
        for key in {self._sorted[entry], self._compact[entry]}:
            self._exact.setdefault(key, []).append(entry)
        for word in set(words):
            self._postings.setdefault(word, []).append(entry)

    def identify(self, text: str) -> Identification:
        """The client ``text`` (a folder name) names, with a confidence from 0 to 1."""
        known = self._identified.get(text)
        if known is None:
            known = self._identify(text)
            if len(self._identified) >= IDENTIFIED_MEMO:
                self._identified.clear()
            self._identified[text] = known
        return known

    def _identify(self, text: str) -> Identification:
        ranked = self.ranked(text)
        if not ranked:
            return Identification(None, 0.0)
        best, best_score = ranked[0]
        rival, rival_score = ranked[1] if len(ranked) > 1 else (None, 0.0)
        gap = best_score - rival_score
        penalty = AMBIGUITY_PENALTY * max(0.0, AMBIGUITY_WINDOW - gap) / AMBIGUITY_WINDOW
        confidence = max(0.0, best_score / 100 - penalty)
        if rival is None or gap >= AMBIGUITY_WINDOW:
            return Identification(best, confidence, best_score / 100)
        return Identification(best, confidence, best_score / 100, rival, rival_score / 100)

    def ranked(self, text: str, *, typing: bool = False) -> list[tuple[ClientName, float]]:
        """Clients fitting ``text`` (scores 0..100), best first.

        ``typing`` also finds names whose words start with the typed words ("acm"
        finds Acme), for a picker filtered as the user types.
        """
        query = _Query(normalised_name(text))
        if not query.text:
            return []
        scores: dict[int, float] = {}
        self._score(query, self._by_words(query), scores)
        if typing:
            self._score(query, self._prefixed(query.words), scores, prefixed=True)
        self._score(query, self._alike(query.sorted, self._sorted_choices), scores)
        # Spacing that differs *and* a typo ("Mc Donal Farms"); exact spacing
        # differences were found by the spaceless look-up already.
        if max(scores.values(), default=0.0) < SPACING_PASS_BELOW:
            self._score(query, self._alike(query.compact, self._compact_choices), scores)

        best: dict[int, float] = {}
        for entry, score in scores.items():
            if score >= CANDIDATE_CUTOFF:
                owner = self._owner[entry]
                best[owner] = max(best.get(owner, 0.0), score)
        ranked = sorted(
            best.items(),
            key=lambda item: (-item[1], self.clients[item[0]].name.casefold(), item[0]),
        )
        return [(self.clients[position], score) for position, score in ranked]

    def _score(
        self,
        query: _Query,
        entries: Iterable[int],
        scores: dict[int, float],
        *,
        prefixed: bool = False,
    ) -> None:
        """Score ``entries`` closely into ``scores`` (0..100)."""
        for entry in entries:
            if entry in scores and not prefixed:
                continue
            score = max(
                fuzz.ratio(query.sorted, self._sorted[entry]),
                fuzz.ratio(query.compact, self._compact[entry]),
                SUBSET_WEIGHT * fuzz.token_set_ratio(query.text, self._text[entry]),
            )
            numbers = self._numbers[entry]
            if numbers and query.numbers and numbers != query.numbers:
                score = min(score, OTHER_NUMBER_SCORE)
            if prefixed:
                share = min(len(query.compact) / max(len(self._compact[entry]), 1), 1.0)
                score = max(score, PREFIX_FLOOR + (100 - PREFIX_FLOOR) * share)
            scores[entry] = max(scores.get(entry, 0.0), score)

    def _alike(self, wanted: str, choices: list[str]) -> list[int]:
        """Entries whose form in ``choices`` rapidfuzz finds close to ``wanted``."""
        found = process.extract(
            wanted,
            choices,
            scorer=fuzz.ratio,
            processor=None,
            limit=CANDIDATES_PER_PASS,
            score_cutoff=CANDIDATE_CUTOFF,
        )
        return [entry for choice, _score, _at in found for entry in self._exact[choice]]

    def _by_words(self, query: _Query) -> list[int]:
        """Entries with exactly the query's words, some of them, or all of them and more."""
        found: list[int] = []
        words = sorted(set(query.words))[:MAX_QUERY_WORDS]
        # Some of the words ("Acme Holdings 2" holds "Acme Holdings"): every subset, looked up.
        for size in range(len(words), 0, -1):
            for subset in itertools.combinations(words, size):
                found += self._exact.get(" ".join(subset), ())
        found += self._exact.get(query.compact, ())
        # All of them and more ("Smith" in "John Smith"): the shortest such names fit best.
        postings = sorted((self._postings.get(word, []) for word in words), key=len)
        if postings and postings[0]:
            holding = set(postings[0]).intersection(*postings[1:])
            found += sorted(holding, key=lambda entry: (len(self._compact[entry]), entry))[
                :CANDIDATES_PER_PASS
            ]
        return found

    def _prefixed(self, words: list[str]) -> list[int]:
        """Entries in which every typed word starts some word of the name."""
        longest = max(words, key=len)
        entries: set[int] = set()
        at = bisect.bisect_left(self._vocabulary, longest)
        while at < len(self._vocabulary) and len(entries) < WORD_CANDIDATES_CAP:
            word = self._vocabulary[at]
            if not word.startswith(longest):
                break
            entries.update(self._postings[word])
            at += 1
        fitting = [
            entry
            for entry in entries
            if all(any(mine.startswith(w) for mine in self._words[entry]) for w in words)
        ]
        # The shortest names are the ones the typed text covers best.
        fitting.sort(key=lambda entry: (len(self._compact[entry]), entry))
        return fitting[:PREFIX_CANDIDATES]


class _Query:
    """A normalised text in the forms the index compares, worked out once."""

    __slots__ = ("compact", "numbers", "sorted", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = text.split()
        self.sorted = " ".join(sorted(self.words))
        self.compact = "".join(self.words)
        self.numbers = frozenset(word for word in self.words if word.isdigit())


# The last index built by ``ClientIndex.of``: (the clients sequence, its length, the index).
_LAST_INDEX: dict[str, tuple[Sequence[ClientName], int, ClientIndex]] = {}
_LAST_INDEX_LOCK = threading.Lock()
