"""The details pane is refilled only when what it shows may have changed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.current_details import CurrentDetails, labels_of
from advisoros_desktop.ui.detail_pane import DetailPane


class CountingPane(DetailPane):
    def __init__(self) -> None:
        super().__init__()
        self.fills = 0

    def show_record(self, *args: Any, **kwargs: Any) -> None:
        self.fills += 1
        super().show_record(*args, **kwargs)


class Tasks:
    """The current list as ``CurrentDetails`` sees it: the row the table read."""

    entity = "task"

    def __init__(self, store: LocalStore, client_name: str) -> None:
        self.store = store
        self.client_name = client_name
        self.current: str | None = None

    def current_row(self) -> Mapping[str, Any] | None:
        if self.current is None:
            return None
        row = self.store.get("task", self.current)
        return None if row is None else {**row, "clientId:label": self.client_name}


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


def _setup(qtbot: QtBot, store: LocalStore) -> tuple[CountingPane, CurrentDetails, Tasks, str]:
    pane = CountingPane()
    qtbot.addWidget(pane)
    client = store.create("client", {"businessName": "Acme LLC"})
    client_id = str(client["id"]) if isinstance(client, Mapping) else str(client)
    source = Tasks(store, "Acme LLC")
    return pane, CurrentDetails(pane, store), source, client_id


def _task(store: LocalStore, client_id: str, title: str) -> str:
    made = store.create("task", {"clientId": client_id, "title": title})
    return str(made["id"]) if isinstance(made, Mapping) else str(made)


def test_the_same_record_with_the_same_values_is_not_laid_out_again(
    qtbot: QtBot, store: LocalStore
) -> None:
    pane, details, source, client_id = _setup(qtbot, store)
    source.current = _task(store, client_id, "Collect the W-2s")
    assert details.show(source, source.current) is True
    assert pane.fills == 1
    shown = " ".join(label.text() for label in pane.findChildren(QLabel))
    assert "Collect the W-2s" in shown and "Acme LLC" in shown
    assert details.show(source, source.current) is False  # a notice flush, nothing new
    assert pane.fills == 1
    store.update("task", source.current, {"title": "Collect the 2024 W-2s"})
    assert details.show(source, source.current) is False  # the same record, new values
    assert pane.fills == 2
    assert details.show(None, None) is True
    assert pane.showing_nothing()


def test_only_notices_naming_the_record_its_client_or_conflicts_concern_it(
    qtbot: QtBot, store: LocalStore
) -> None:
    _pane, details, source, client_id = _setup(qtbot, store)
    source.current = _task(store, client_id, "Collect the W-2s")
    other = _task(store, client_id, "File the return")
    assert not details.concerns(ChangeSet({"task": frozenset({source.current})}))  # none yet
    details.show(source, source.current)
    assert not details.concerns(ChangeSet({"task": frozenset({other})}))
    assert not details.concerns(ChangeSet({}, uploads=True, outbox=True))
    assert details.concerns(ChangeSet({"task": frozenset({other, source.current})}))
    assert details.concerns(ChangeSet({"client": frozenset({client_id})}))  # its name shows
    assert details.concerns(ChangeSet({}, conflicts=True))


def test_labels_are_the_names_read_beside_the_references() -> None:
    row = {"id": "d1", "clientId": "c1", "clientId:label": "Acme LLC", "ownerId:label": None}
    assert labels_of(row) == {"clientId": "Acme LLC"}
