"""The rows a table shows, read again on a worker thread after a store notice.

While a sync or an upload runs, the list on screen is refreshed once a second.
Read on the GUI thread, each refresh (a count, then a page or two of rows with
every column, turned into dicts) is Python work done while the sync's and the
uploads' threads compete for Python's lock, and SQLite hands the lock back
at every row it steps through: a read of a few milliseconds on a quiet
machine became a stall. So a refresh a notice asks for is read here, off the
GUI thread, and the table swaps the fresh rows in at once when they come
(``RecordTableModel.refresh_in_background``). A refresh the person asked for
(an edit, an undo) is still read on the spot, so it shows before the next
keystroke.

The upload queue's tables do the same with their jobs (``in_background``).
One thread serves every table: only the list on screen refreshes, and one
read at a time keeps the cache's readers few.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import Row
from advisoros_desktop.store.table_query import TableQuery, count_rows, read_rows

_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="table-reads")

# (row count, page number -> rows)
Window = tuple[int, dict[int, list[Row]]]
T = TypeVar("T")


def in_background(read: Callable[..., T], *args: Any) -> Future[T]:
    """``read(*args)`` on the tables' reading thread (RuntimeError once it has shut down)."""
    return _reader.submit(read, *args)


def read_window(
    store: LocalStore, query: TableQuery, page_numbers: Iterable[int], page_size: int
) -> Window:
    """The row count of ``query`` and the rows of these pages (those that still exist)."""
    count = count_rows(store, query)
    pages = {
        number: read_rows(store, query, number * page_size, page_size)
        for number in sorted(set(page_numbers))
        if number * page_size < count
    }
    return count, pages


def prefetch(
    store: LocalStore, query: TableQuery, page_numbers: Iterable[int], page_size: int
) -> Future[Window]:
    """``read_window`` on the tables' reading thread."""
    return in_background(read_window, store, query, list(page_numbers), page_size)
