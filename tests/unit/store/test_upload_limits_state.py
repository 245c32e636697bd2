"""The server's upload limits, remembered in the cache for offline intake."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.domain.upload_limits import DEFAULT_MIME_TYPES, UploadLimits
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.store.upload_limits_state import (
    LimitsInForce,
    recall_upload_limits,
    recalled_answer,
    remember_upload_limits,
)

ANSWER = {
    "maxUploadBytes": 10 * 1024 * 1024,
    "maxUploadChunkBytes": 4 * 1024 * 1024,
    "allowedMimeTypes": ["application/pdf", "image/png"],
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


def test_until_the_server_is_heard_the_defaults_apply(store: LocalStore) -> None:
    assert recall_upload_limits(store) == UploadLimits()
    assert recalled_answer(store) is None


def test_the_answer_is_kept_whole_and_read_back_as_limits(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    heard: list[ChangeSet] = []
    store.subscribe(heard.append)
    limits = remember_upload_limits(store, ANSWER)
    assert limits == UploadLimits(10 * 1024 * 1024, ("application/pdf", "image/png"))
    assert [c.sync_state for c in heard] == [True]
    store.close()
    reopened = LocalStore(tmp_path / "cache.db")  # offline after a restart
    assert recall_upload_limits(reopened) == limits
    assert recalled_answer(reopened) == ANSWER
    reopened.close()


def test_a_malformed_answer_leaves_the_limits_heard_before(store: LocalStore) -> None:
    remember_upload_limits(store, ANSWER)
    assert remember_upload_limits(store, ["not", "an", "object"]).max_upload_bytes == 10485760
    assert remember_upload_limits(store, None) == recall_upload_limits(store)
    odd = remember_upload_limits(store, {"maxUploadBytes": "lots", "allowedMimeTypes": []})
    assert odd == UploadLimits()  # what it does not say properly falls back to the defaults
    assert odd.allowed_mime_types == DEFAULT_MIME_TYPES


def test_the_limits_in_force_are_read_once_and_again_after_news(store: LocalStore) -> None:
    limits = LimitsInForce(store)
    reads: list[str] = []
    unlisten = _count_reads(store, reads)
    assert limits.current() == UploadLimits()
    assert limits.current() == UploadLimits()
    assert len(reads) == 1  # the second answer came from memory
    remember_upload_limits(store, ANSWER)
    reads.clear()
    assert limits.current().max_upload_bytes == 10 * 1024 * 1024  # the news is heard
    assert limits.current().allowed_mime_types == ("application/pdf", "image/png")
    assert len(reads) == 1
    unlisten()
    limits.close()
    remember_upload_limits(store, {**ANSWER, "maxUploadBytes": 1024})
    assert limits.current().max_upload_bytes == 10 * 1024 * 1024  # closed: no longer listening


def _count_reads(store: LocalStore, reads: list[str]) -> Callable[[], None]:
    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.startswith("SELECT") and "sync_state" in statement:
            reads.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", note)
    return lambda: sa.event.remove(store.engine, "before_cursor_execute", note)
