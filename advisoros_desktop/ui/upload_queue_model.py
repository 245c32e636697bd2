"""A table model over the upload queue, read a page at a time.

A folder of 10,000 scans is 10,000 queue rows; the model never holds them all.
It knows the row count and reads pages of ``PAGE_SIZE`` jobs in queue order
when the view asks (an indexed read of a few milliseconds), keeping the most
recent pages, like the record tables. The same model serves the queue table
(every job, or the unfinished ones) and the "Unsorted" triage list (jobs in
state ``unsorted``, with other columns).

While files go out the queue changes four times a second: a refresh the
queue asks for reads the count and the pages on screen on a worker thread
(``reload_in_background``) and swaps them in when read, so the GUI thread
does not read rows while the hashing workers and the uploader compete with
it for Python's lock.

Rows are identified by upload id, not by position: a job finishing while
finished jobs are hidden moves every row after it up one, so the table asks
``positions_of`` where its current and selected jobs went.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, NamedTuple, Protocol

import sqlalchemy as sa
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush

from advisoros_desktop.intake.client_matching import ClientName
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue as _queue
from advisoros_desktop.store.upload_queue import FINISHED, STATES, UploadJob, UploadQueue
from advisoros_desktop.ui.counted_text import count_text
from advisoros_desktop.ui.reason_texts import reason_text
from advisoros_desktop.ui.record_labels import when_text
from advisoros_desktop.ui.table_prefetch import in_background
from advisoros_desktop.ui.theme import tone_colour
from advisoros_desktop.ui.upload_queue_texts import (
    category_text,
    confidence_text,
    size_text,
    source_text,
    state_text,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 64  # a screen or two of rows: one indexed read of a few milliseconds
# Pages read again in the background after a change: the most recently used ones.
REFRESHED_PAGES = 3
KEPT_PAGES = 125  # 8,000 rows: several screens either way of the visible part
# Cell texts kept by (upload id, last change): a refresh re-reads the rows on screen
# but only rows that changed are worded again.
KEPT_TEXTS = 8_000

UPLOAD_ID_ROLE = Qt.ItemDataRole.UserRole + 50
STATE_ROLE = Qt.ItemDataRole.UserRole + 51

QUEUE_COLUMNS = ("file", "client", "state", "size", "category", "year", "source", "added")
TRIAGE_COLUMNS = ("file", "folder", "suggestion", "reason")
UNFINISHED = tuple(state for state in STATES if state not in FINISHED)
HEADERS = {
    "file": QT_TRANSLATE_NOOP("UploadQueueModel", "File"),
    "client": QT_TRANSLATE_NOOP("UploadQueueModel", "Client"),
    "state": QT_TRANSLATE_NOOP("UploadQueueModel", "State"),
    "size": QT_TRANSLATE_NOOP("UploadQueueModel", "Size"),
    "category": QT_TRANSLATE_NOOP("UploadQueueModel", "Category"),
    "year": QT_TRANSLATE_NOOP("UploadQueueModel", "Year"),
    "source": QT_TRANSLATE_NOOP("UploadQueueModel", "Source"),
    "added": QT_TRANSLATE_NOOP("UploadQueueModel", "Added"),
    "folder": QT_TRANSLATE_NOOP("UploadQueueModel", "Folder"),
    "suggestion": QT_TRANSLATE_NOOP("UploadQueueModel", "Suggested client"),
    "reason": QT_TRANSLATE_NOOP("UploadQueueModel", "Why"),
}
_RIGHT_ALIGNED = frozenset({"size", "year"})
_STATE_TONES = {  # ui/theme.py TONES: read at paint time, so they follow the theme
    "failed": "error",
    "duplicate": "muted",
    "cancelled": "muted",
    "done": "success",
}

AnyIndex = QModelIndex | QPersistentModelIndex
# A page as read on any thread: its jobs, and the file names of the documents duplicated.
_Page = tuple[list[UploadJob], Mapping[str, Any]]
_Window = tuple[int, dict[int, _Page]]  # row count, page number -> page
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only rows
_ANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        UPLOAD_ID_ROLE,
        STATE_ROLE,
    )
)


class ClientNames(Protocol):
    """The firm's clients as intake knows them (``intake.client_directory.ClientDirectory``)."""

    def names(self) -> Sequence[ClientName]: ...


@dataclass
class QueueRow:
    """A job and what the row needs besides it (the name of the file it duplicates).

    Its cell texts are worked out once, when first painted, and kept while the
    job is unchanged: a queue refreshing four times a second repaints the same
    rows again and again.
    """

    job: UploadJob
    duplicate_of: str | None = None
    texts: dict[str, str] = field(default_factory=dict)


class SelectedJob(NamedTuple):
    """The parts of a job that acting on a selection needs (state, suggestion, place).

    A tuple, made straight from a row: 10,000 of them are read in a few milliseconds.
    """

    upload_id: str
    state: str
    client_id: str | None
    file_name: str
    path: str
    watched_root: str | None

    @classmethod
    def of(cls, job: UploadJob) -> SelectedJob:
        return cls._make(getattr(job, name) for name in cls._fields)


_SELECTED_COLUMNS = SelectedJob._fields


def selected_in_state(store: LocalStore, state: str) -> list[SelectedJob]:
    """Every job in ``state``, in queue order, read in one light query (10,000 in ~15 ms)."""
    query = (
        sa.select(*(_queue.c[name] for name in _SELECTED_COLUMNS))
        .where(_queue.c.state == state)
        .order_by(_queue.c.seq)
    )
    with reading(store.engine) as conn:
        return list(map(SelectedJob._make, conn.execute(query).all()))


def folder_text(job: UploadJob) -> str:
    """Where the file lies: from its watched folder down (``Scans/Smyth J/2024``), else in full."""
    parent = PurePath(job.path).parent
    if job.watched_root:
        root = PurePath(job.watched_root)
        try:
            return str(PurePath(root.name) / parent.relative_to(root))
        except ValueError:
            pass
    return str(parent)


class UploadQueueModel(QAbstractTableModel):
    """Jobs of the upload queue in queue order, optionally only those in ``states``."""

    # Emitted around ``reload`` so the view can keep its current and selected jobs.
    about_to_reload = Signal()
    reloaded = Signal()
    # The row count after a (re)read, for captions such as "Unsorted (12)".
    refreshed = Signal(int)
    _prefetched = Signal(int, object)  # generation, (count, pages) or None: from a worker

    def __init__(
        self,
        store: LocalStore,
        clients: ClientNames,
        *,
        columns: Sequence[str] = QUEUE_COLUMNS,
        states: Iterable[str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        unknown = set(columns) - HEADERS.keys()
        if unknown:
            raise ValueError(f"unknown upload queue columns: {', '.join(sorted(unknown))}")
        self._store = store
        self.queue = UploadQueue(store)
        self._clients = clients
        self.columns = tuple(columns)
        self._states = None if states is None else tuple(states)
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        self._client_list: Sequence[ClientName] | None = None
        self._client_names: dict[str, str] = {}
        self._texts: OrderedDict[tuple[str, str], dict[str, str]] = OrderedDict()
        self._count = self.queue.count(self._states)
        # Bumped by every read on the spot: a background read begun before one is stale.
        self._generation = 0
        self._fetching = False
        self._fetch_again = False
        self._prefetched.connect(self._install)

    # -- what it shows -----------------------------------------------------------
    @property
    def states(self) -> tuple[str, ...] | None:
        return self._states

    def set_states(self, states: Iterable[str] | None) -> None:
        """Show only jobs in ``states`` (None: every job); the view puts its rows back by id."""
        wanted = None if states is None else tuple(states)
        if wanted == self._states:
            return
        self.beginResetModel()
        self._generation += 1
        self._states = wanted
        self._pages.clear()
        self._count = self.queue.count(self._states)
        self.endResetModel()
        self.refreshed.emit(self._count)

    # -- reading -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def index(
        self,
        row: int,
        column: int,
        parent: AnyIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # One call into Python per painted cell instead of Qt's rowCount and columnCount.
        if parent.isValid() or not (0 <= row < self._count and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def row(self, number: int) -> QueueRow | None:
        """The job shown in row ``number`` (read from the store when not held)."""
        if not 0 <= number < self._count:
            return None
        page_number = number // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._read_page(page_number)
            self._pages[page_number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = number - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def job(self, number: int) -> UploadJob | None:
        found = self.row(number)
        return found.job if found is not None else None

    def upload_id(self, number: int) -> str | None:
        found = self.row(number)
        return found.job.upload_id if found is not None else None

    def jobs_in_rows(self, first: int, count: int) -> list[SelectedJob]:
        """What acting on rows ``first`` .. ``first + count - 1`` needs, in queue order.

        A big selection ("select all" on 10,000 files) is read in one query of
        the few columns needed: whole rows would take a fifth of a second.
        """
        if count <= 0:
            return []
        if count <= PAGE_SIZE:
            jobs = (self.job(n) for n in range(first, first + count))
            return [SelectedJob.of(job) for job in jobs if job is not None]
        query = (
            sa.select(*(_queue.c[name] for name in _SELECTED_COLUMNS))
            .order_by(_queue.c.seq)
            .limit(count)
            .offset(first)
        )
        if self._states is not None:
            query = query.where(_queue.c.state.in_(self._states))
        with reading(self._store.engine) as conn:
            return list(map(SelectedJob._make, conn.execute(query).all()))

    def ids_in_rows(self, first: int, count: int) -> list[str]:
        return [job.upload_id for job in self.jobs_in_rows(first, count)]

    def positions_of(self, upload_ids: Iterable[str]) -> dict[str, int]:
        """Where these jobs are now (those still shown), in one read."""
        wanted = list(dict.fromkeys(upload_ids))
        if not wanted:
            return {}
        held = {
            row.job.upload_id: page_number * PAGE_SIZE + offset
            for page_number, page in self._pages.items()
            for offset, row in enumerate(page)
        }
        found = {i: held[i] for i in wanted if i in held}
        missing = [i for i in wanted if i not in found]
        if missing:
            found.update(self._read_positions(missing))
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A screen of cells is asked for some ten roles each, most of them unanswered:
        # those return before any lookup, which keeps a repaint cheap.
        if role not in _ANSWERED or not index.isValid():
            return None
        found = self.row(index.row())
        if found is None:
            return None
        return self._answer(found, self.columns[index.column()], role)

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        """Every role a painted cell asks for, in one call into Python (not one per role).

        Each call must first take Python's lock from the hashing workers and
        the uploader, busy while files go out.
        """
        found = self.row(index.row()) if index.isValid() else None
        column = self.columns[index.column()] if found is not None else ""
        for role_data in roleDataSpan:
            role = role_data.role()
            if found is None or role not in _ANSWERED:
                role_data.clearData()
            else:
                role_data.setData(self._answer(found, column, role))

    def _answer(self, found: QueueRow, column: str, role: int) -> Any:
        job = found.job
        if role == Qt.ItemDataRole.DisplayRole:
            text = found.texts.get(column)
            if text is None:
                text = found.texts[column] = self._text(found, column)
            return text
        if role == UPLOAD_ID_ROLE:
            return job.upload_id
        if role == STATE_ROLE:
            return job.state
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(found, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            tone = _STATE_TONES.get(job.state)
            return QBrush(tone_colour(tone)) if tone is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.tr(HEADERS[self.columns[section]])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def client_name(self, client_id: str | None) -> str:
        """The client's name ("" when unknown): a dictionary, rebuilt when clients change."""
        if client_id is None:
            return ""
        names = self._clients.names()
        if names is not self._client_list:
            self._client_list = names
            self._client_names = {c.client_id: c.name for c in names}
            self._texts.clear()  # a client may have been renamed
            for page in self._pages.values():
                for row in page:
                    row.texts.clear()
        return self._client_names.get(client_id, "")

    # -- refreshing ----------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the count and the rows on screen (after ``queue_changed``).

        A changed count inserts or removes rows at the end rather than resetting
        the model, so a 10,000-row queue does not rebuild its geometry four times
        a second; every row is then reported changed and the view puts its
        current and selected jobs back by id (``about_to_reload``/``reloaded``).
        """
        self._generation += 1
        self._show(self.queue.count(self._states), {})

    def reload_in_background(self) -> None:
        """``reload``, with the count and the pages on screen read on a worker thread.

        A request made while a read runs reads once more when it ends.
        """
        if self._fetching:
            self._fetch_again = True
            return
        self._fetching = True
        generation, states = self._generation, self._states
        recent = list(self._pages)[-REFRESHED_PAGES:] or [0]
        try:
            future = in_background(self._fetch_window, states, recent)
        except RuntimeError:  # the reading thread is gone: the application is closing
            self._fetching = False
            return
        future.add_done_callback(lambda done: self._fetched(generation, done))

    def _fetch_window(self, states: tuple[str, ...] | None, pages: list[int]) -> _Window:
        # On the reading thread: reads only, nothing of the model's is touched.
        count = self.queue.count(states)
        return count, {n: self._fetch_page(states, n) for n in pages if n * PAGE_SIZE < count}

    def _fetched(self, generation: int, future: Future[_Window]) -> None:
        window: _Window | None = None
        try:
            window = future.result()
        except Exception:  # read on the spot instead, where the error shows
            log.exception("reading the upload queue failed")
        with contextlib.suppress(RuntimeError):  # the model was deleted meanwhile
            self._prefetched.emit(generation, window)

    @Slot(int, object)
    def _install(self, generation: int, window: _Window | None) -> None:
        self._fetching = False
        if window is None:
            self.reload()
        elif generation == self._generation:
            count, fetched = window
            self._show(count, {n: self._rows_of(*page) for n, page in fetched.items()})
        if self._fetch_again:
            self._fetch_again = False
            self.reload_in_background()

    def _show(self, count: int, pages: dict[int, list[QueueRow]]) -> None:
        self.about_to_reload.emit()
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        self._pages = OrderedDict(sorted(pages.items()))
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, self.columnCount() - 1))
        self.reloaded.emit()
        self.refreshed.emit(self._count)

    # -- inside --------------------------------------------------------------------
    def _read_page(self, page_number: int) -> list[QueueRow]:
        return self._rows_of(*self._fetch_page(self._states, page_number))

    def _fetch_page(self, states: tuple[str, ...] | None, page_number: int) -> _Page:
        """A page of jobs and the names of the documents its duplicates are of (any thread)."""
        jobs = self.queue.jobs(states, limit=PAGE_SIZE, offset=page_number * PAGE_SIZE)
        duplicates = [j.document_id for j in jobs if j.state == "duplicate" and j.document_id]
        names: Mapping[str, Any] = {}
        if duplicates:
            names = self._store.get_many("document", duplicates, fields=("fileName",))
        return jobs, names

    def _rows_of(self, jobs: list[UploadJob], names: Mapping[str, Any]) -> list[QueueRow]:
        rows = []
        for job in jobs:
            duplicate_of = None
            if job.state == "duplicate" and job.document_id in names:
                duplicate_of = str(names[job.document_id]["fileName"] or "") or None
            key = (job.upload_id, f"{job.updated_at}|{duplicate_of}")
            texts = self._texts.get(key)
            if texts is None:
                texts = self._texts[key] = {}
                while len(self._texts) > KEPT_TEXTS:
                    self._texts.popitem(last=False)
            else:
                self._texts.move_to_end(key)
            rows.append(QueueRow(job, duplicate_of, texts))
        return rows

    def _read_positions(self, upload_ids: list[str]) -> dict[str, int]:
        ordered = sa.select(
            _queue.c.upload_id,
            (sa.func.row_number().over(order_by=_queue.c.seq) - 1).label("position"),
        )
        if self._states is not None:
            ordered = ordered.where(_queue.c.state.in_(self._states))
        numbered = ordered.subquery()
        found: dict[str, int] = {}
        with reading(self._store.engine) as conn:
            for start in range(0, len(upload_ids), 500):
                chunk = upload_ids[start : start + 500]
                query = sa.select(numbered.c.upload_id, numbered.c.position).where(
                    numbered.c.upload_id.in_(chunk)
                )
                found.update(
                    (upload_id, int(position)) for upload_id, position in conn.execute(query)
                )
        return found

    def _text(self, found: QueueRow, column: str) -> str:
        job = found.job
        if column == "file":
            return job.file_name
        if column == "client":
            return self.client_name(job.client_id)
        if column == "state":
            return state_text(job, found.duplicate_of)
        if column == "size":
            return size_text(job.size)
        if column == "category":
            return category_text(job.category)
        if column == "year":
            return str(job.year) if job.year else ""
        if column == "source":
            return source_text(job)
        if column == "added":
            return when_text(job.created_at)[0]
        if column == "folder":
            return folder_text(job)
        if column == "suggestion":
            name = self.client_name(job.client_id)
            if not name:
                return self.tr("No suggestion")
            return f"{name} ({confidence_text(job.route_confidence)})"
        if column == "reason":
            return reason_text(job.route_reason or job.reason or "")
        return ""

    def _tooltip(self, found: QueueRow, column: str) -> str:
        job = found.job
        if column in ("file", "folder"):
            return job.path
        if column == "state":
            shown = state_text(job, found.duplicate_of)
            reason = reason_text(job.reason or "")
            return f"{shown}\n{reason}" if reason and reason not in shown else shown
        if column == "size":
            return self.tr("{n} bytes").format(n=count_text(job.size))
        if column == "added":
            return when_text(job.created_at)[1]
        if column in ("reason", "suggestion"):
            return reason_text(job.route_reason or "")
        return self._text(found, column)
