"""The command palette's search: commands and cached records, found as the user types.

``PaletteIndex`` keeps an in-memory index of the clients, engagements, tasks
and documents in the local cache (see ``palette_index``) and answers each
keystroke from it (see ``palette_ranking``), fast enough to run on the GUI
thread: a few milliseconds for a 100,000-record cache.

Threads: ``load`` reads the whole cache on a worker thread at start-up and
installs the finished index in one step, so ``search`` keeps answering from
the previous one meanwhile. ``apply`` takes store notices on any thread (the
GUI's, or the committing one as a store observer) without making it wait: an
edit's few records are applied at once, a sync page's thousands by a
background thread of its own. Changed records are read first and swapped in
a few hundred at a time, so a keystroke never waits long for the lock.
Changes that arrive while ``load`` is reading are applied again once the new
index is installed, so none is lost. ``pause_background`` holds the
background thread between two chunks while a sync or uploads need the CPU:
every moment it holds Python's lock, the window cannot paint.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from advisoros_desktop.commands.palette_index import (
    AT_KEY,
    AT_KIND,
    AT_SUBTITLE,
    AT_TITLE,
    KIND_RANK,
    Entry,
    PaletteCorpus,
    WordMatch,
)
from advisoros_desktop.commands.palette_ranking import candidates, command_score, entry_score
from advisoros_desktop.commands.palette_records import (
    KINDS,
    RecordText,
    read_all,
    read_changed,
    record_text,
)
from advisoros_desktop.commands.palette_text import query_words, record_words
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet

log = logging.getLogger(__name__)

COMMAND = "command"
# Records swapped into the index per hold of the lock.
APPLY_CHUNK = 500
# Changes to this many records are applied on the caller's thread; more go to a worker.
APPLY_AT_ONCE = 200
# Records the background thread reads per pass, so a pause takes effect soon.
READ_CHUNK = 500
# Typed words whose matches are kept, so the words before the last are not matched again.
WORD_CACHE_SIZE = 32


@dataclass(frozen=True)
class PaletteItem:
    """One row of the palette: a command or a record."""

    kind: str  # "command" | "client" | "document" | "engagement" | "task"
    key: str  # command id or record id
    title: str
    subtitle: str = ""


def build_corpus(store: LocalStore) -> PaletteCorpus:
    """Every visible record of the cache, indexed (one read transaction, no lock)."""
    corpus = PaletteCorpus()
    with reading(store.engine) as conn:
        clients = list(read_all(conn, "client"))
        names = {row["id"]: row["businessName"] or "" for row in clients}

        def records(kind: str) -> Iterator[RecordText]:
            rows = clients if kind == "client" else read_all(conn, kind)
            return (record_text(kind, row, names) for row in rows)

        corpus.bulk(itertools.chain.from_iterable(records(kind) for kind in KINDS))
    return corpus


def _slices(records: Mapping[str, set[str]], size: int) -> Iterator[dict[str, set[str]]]:
    """``records`` in parts of at most ``size`` ids, clients first (the others name them)."""
    for kind in sorted(records, key=lambda k: KIND_RANK.get(k, len(KINDS))):
        ids = sorted(records[kind])
        for at in range(0, len(ids), size):
            yield {kind: set(ids[at : at + size])}


def _merge(into: dict[str, set[str]], records: Mapping[str, set[str]]) -> None:
    for kind, ids in records.items():
        into.setdefault(kind, set()).update(ids)


class PaletteIndex:
    def __init__(self, store: LocalStore) -> None:
        self._store = store
        self._corpus = PaletteCorpus()
        # Held by searches and by the short swaps of changed records.
        self._lock = threading.Lock()
        # Serialises writers (apply, the install at the end of load), so the last one
        # to read the store is the last one to write the index.
        self._writing = threading.Lock()
        self._loads_running = 0
        self._load_started = 0
        self._load_installed = 0
        # Changes that arrived while a load was reading: applied again once it is installed.
        self._pending: dict[str, set[str]] = {}
        # Changes waiting for the background thread, which runs while there are any.
        self._queued: dict[str, set[str]] = {}
        self._worker_running = False
        self._settled = threading.Event()
        self._settled.set()
        # Cleared while the background thread must wait (between chunks) for the CPU to be free.
        self._may_work = threading.Event()
        self._may_work.set()
        self._words: dict[str, WordMatch] = {}
        self._command_words: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def __len__(self) -> int:
        return len(self._corpus)

    def vocabulary_size(self) -> int:
        """Distinct words of the indexed records."""
        return self._corpus.vocabulary_size()

    def forget_typed_words(self) -> None:
        """Drop the matches kept for words typed so far (a benchmark's runs start afresh)."""
        with self._lock:
            self._words.clear()

    @property
    def loaded(self) -> bool:
        return self._load_installed > 0

    # -- keeping up to date ---------------------------------------------------------
    def load(self) -> None:
        """Read every record from the store and install the new index (call off the GUI thread)."""
        with self._lock:
            self._loads_running += 1
            self._load_started += 1
            generation = self._load_started
        try:
            corpus = build_corpus(self._store)
        except BaseException:
            with self._lock:
                self._loads_running -= 1
            raise
        with self._writing:
            with self._lock:
                self._loads_running -= 1
                if generation > self._load_installed:  # an older read never replaces a newer one
                    self._corpus = corpus
                    self._load_installed = generation
                    self._words.clear()
                pending = {kind: set(ids) for kind, ids in self._pending.items()}
                if not self._loads_running:
                    self._pending.clear()
            if pending:
                self._refresh(pending)

    def apply(self, changes: ChangeSet) -> None:
        """Bring the changed records up to date (a store observer; any thread, never waits long).

        A few records (an edit) are brought up to date before this returns, so
        the next search sees them. Many (a sync page), or any while earlier
        changes are still being applied, go to a background thread: see ``settle``.
        """
        records = {kind: set(ids) for kind, ids in changes.records.items() if kind in KIND_RANK}
        count = sum(len(ids) for ids in records.values())
        if not count:
            return
        with self._lock:
            if self._loads_running:
                _merge(self._pending, records)
            now = count <= APPLY_AT_ONCE and not self._queued and self._writing.acquire(False)
            if not now:
                _merge(self._queued, records)
                self._settled.clear()
                if not self._worker_running:
                    self._worker_running = True
                    threading.Thread(target=self._work, name="palette-index", daemon=True).start()
        if now:
            try:
                self._refresh(records)
            finally:
                self._writing.release()

    def pause_background(self, paused: bool) -> None:
        """Hold the background thread's indexing at its next chunk (True) or let it go on.

        Changes applied on the caller's thread (an edit's few records) never wait.
        """
        if paused:
            self._may_work.clear()
        else:
            self._may_work.set()

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until every change handed to ``apply`` is in the index; False on timeout."""
        return self._settled.wait(timeout)

    def _work(self) -> None:
        while True:
            with self._lock:
                batch, self._queued = self._queued, {}
                if not batch:
                    self._worker_running = False
                    self._settled.set()
                    return
            try:
                with self._writing:
                    for part in _slices(batch, READ_CHUNK):
                        self._may_work.wait()  # a sync or uploads need the CPU: later
                        self._refresh(part, background=True, sweep=False)
                    self._sweep()
            except Exception:  # a failed read must not stop later changes from arriving
                log.exception("the palette could not index changed records")

    def _refresh(
        self, records: Mapping[str, set[str]], *, background: bool = False, sweep: bool = True
    ) -> None:
        """Re-read these records (and the children of renamed clients) and swap them in.

        ``background``: between chunks, wait while ``pause_background`` holds the
        thread. ``sweep``: then sweep dead slots if they are many (or leave it to
        the caller, which refreshes more parts first).
        """
        corpus = self._corpus  # only writers change it, and this one holds ``_writing``
        if background:
            self._may_work.wait()
        with reading(self._store.engine) as conn:
            fresh, gone = read_changed(conn, records, corpus.client_names)
        for at in range(0, max(len(fresh), len(gone)), APPLY_CHUNK):
            if background:
                self._may_work.wait()
            with self._lock:
                for kind, key in gone[at : at + APPLY_CHUNK]:
                    corpus.remove(kind, key)
                for record in fresh[at : at + APPLY_CHUNK]:
                    corpus.add(record)
                self._words.clear()
        if sweep:
            self._sweep()

    def _sweep(self) -> None:
        corpus = self._corpus  # the caller holds ``_writing``
        if corpus.needs_sweep():
            swept = corpus.swept_postings()  # the slow part, outside the lock
            with self._lock:
                corpus.install_postings(swept)
                self._words.clear()

    # -- searching -------------------------------------------------------------------------
    def search(
        self,
        text: str,
        commands: Sequence[PaletteItem],
        recent: Sequence[tuple[str, str]] = (),
        limit: int = 50,
    ) -> list[PaletteItem]:
        """The best ``limit`` commands and records for ``text``.

        With no text: the recent items that still exist, then the commands.
        """
        words = query_words(text)
        if not words:
            return self._without_text(commands, recent, limit)
        recent_set = set(recent)
        # (score, kind order, recency or command order, item or slot): a command or a record.
        scored: list[tuple[float, int, int, PaletteItem | None]] = []
        for order, command in enumerate(commands):
            title, context = self._words_of(command)
            score = command_score(words, title, context, (COMMAND, command.key) in recent_set)
            if score > 0.0:
                scored.append((score, len(KINDS) + 1, -order, command))
        with self._lock:
            corpus = self._corpus
            matches = [self._match(corpus, word) for word in words]
            recent_slots = {
                slot
                for kind, key in recent
                if kind in KIND_RANK and (slot := corpus.slot_of(kind, key)) is not None
            }
            entries = corpus.entries
            for slot in candidates(corpus, matches, recent_slots):
                entry = entries[slot]
                score = entry_score(entry, matches, slot in recent_slots)
                if score > 0.0:
                    scored.append((score, len(KINDS) - KIND_RANK[entry[AT_KIND]], slot, None))
            best = heapq.nlargest(limit, scored, key=lambda row: row[:3])
            return [item or self._item(entries[slot]) for _s, _k, slot, item in best]

    @staticmethod
    def _item(entry: Entry) -> PaletteItem:
        return PaletteItem(entry[AT_KIND], entry[AT_KEY], entry[AT_TITLE], entry[AT_SUBTITLE])

    def _match(self, corpus: PaletteCorpus, word: str) -> WordMatch:
        match = self._words.get(word)
        if match is None:
            if len(self._words) >= WORD_CACHE_SIZE:
                self._words.clear()
            match = self._words[word] = corpus.match(word)
        return match

    def _words_of(self, command: PaletteItem) -> tuple[list[str], list[str]]:
        cache_key = (command.title, command.subtitle)
        found = self._command_words.get(cache_key)
        if found is None:
            found = (record_words(command.title), record_words(command.subtitle))
            self._command_words[cache_key] = found
        return found

    def _without_text(
        self, commands: Sequence[PaletteItem], recent: Sequence[tuple[str, str]], limit: int
    ) -> list[PaletteItem]:
        by_id = {command.key: command for command in commands}
        items: list[PaletteItem] = []
        shown: set[tuple[str, str]] = set()
        with self._lock:
            corpus = self._corpus
            for kind, key in recent:
                if kind == COMMAND:
                    item = by_id.get(key)
                else:
                    slot = corpus.slot_of(kind, key)
                    item = self._item(corpus.entries[slot]) if slot is not None else None
                if item is not None and (kind, key) not in shown:
                    items.append(item)
                    shown.add((kind, key))
        items += [c for c in commands if (COMMAND, c.key) not in shown]
        return items[:limit]
