"""The Conflicts view over real conflicts: two desktops editing one client on a real server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.conflicts_view import EMPTY_TEXT, ConflictsView
from tests.conftest import LiveServer, start_server
from tests.integration.sync.desktop import cache_path, open_desktop, server_records

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Conflicted:
    live: LiveServer
    email: str  # the desktop that met the conflicts
    data_dir: Path
    clients: dict[str, str]  # name -> id
    other_http: httpx.Client  # signed in as the other desktop's user


@pytest.fixture
def conflicted(tmp_path: Path) -> Iterator[Conflicted]:
    """Desktop B holds three field conflicts and one "deleted on the server" conflict."""
    server = start_server(tmp_path)
    live = LiveServer(server)
    alice, bob = live.account(), live.account()
    clients: dict[str, str] = {}

    async def scenario() -> None:
        a = await open_desktop(live.url, alice.email, tmp_path / "a")
        b = await open_desktop(live.url, bob.email, tmp_path / "b")
        for name in ("Cedar & Pine LLC", "Harbor Light Sailmakers", "Mystic Bakery"):
            clients[name] = a.store.create("client", {"businessName": name})
        await a.engine.sync_once()
        await b.engine.sync_once()
        cedar, harbor, mystic = clients.values()
        a.store.update("client", cedar, {"notes": "from A", "city": "Portland"})
        a.store.update("client", harbor, {"status": "inactive"})
        a.store.delete("client", mystic)
        b.store.update("client", cedar, {"notes": "from B", "city": "Salem"})
        b.store.update("client", harbor, {"status": "prospect"})
        b.store.update("client", mystic, {"city": "Mystic"})
        await a.engine.sync_once()
        await b.engine.sync_once()
        assert len(b.store.conflicts()) == 4
        await a.close()
        await b.close()

    asyncio.run(scenario())
    yield Conflicted(live, bob.email, tmp_path / "b", clients, alice.http)
    live.close()
    server.stop()


class Confirmations:
    """Stands in for the question dialog: records what was asked, answers as told."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent: QWidget, title: str, text: str, _action: str) -> bool:
        self.asked.append((title, text))
        return self.answer


def cells(view: ConflictsView) -> list[tuple[str, ...]]:
    return [row.cells[:4] for row in view.model.rows]


def row_of(view: ConflictsView, record: str, field: str) -> int:
    return next(i for i, row in enumerate(view.model.rows) if row.cells[:2] == (record, field))


def test_conflicts_listed_and_decided_by_keyboard(
    qtbot: QtBot, qtmodeltester: ModelTester, conflicted: Conflicted, tmp_path: Path
) -> None:
    store = LocalStore(cache_path(conflicted.data_dir))
    confirm = Confirmations()
    view = ConflictsView(store, confirm=confirm)
    qtbot.addWidget(view)
    view.resize(900, 460)
    view.show()
    qtmodeltester.check(view.model)

    assert sorted(cells(view)) == sorted(
        [
            ("Cedar & Pine LLC", "Notes", "from B", "from A"),
            ("Cedar & Pine LLC", "City", "Salem", "Portland"),
            ("Harbor Light Sailmakers", "Status", "Prospect", "Inactive"),
            ("Mystic Bakery", "Whole record", "changed here", "deleted on the server"),
        ]
    )
    assert view.conflict_count() == 4
    view.grab().save(str(tmp_path / "conflicts.png"))
    view.grab().save("/tmp/conflicts_view.png")

    # Keep mine on one row: reach it with the arrows (a plain arrow selects the row moved to).
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_PageUp)
    notes = row_of(view, "Cedar & Pine LLC", "Notes")
    for _ in range(notes):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.selected_ids() == [view.model.rows[notes].id]
    assert view.mine_text.toPlainText() == "from B" and view.theirs_text.toPlainText() == "from A"
    declined = Confirmations(answer=False)
    view._confirm = declined
    assert view.keep_mine_selected() == 0  # asked, said no: nothing changes
    assert declined.asked and len(store.conflicts()) == 4
    view._confirm = confirm
    with qtbot.waitSignal(view.count_changed) as counted:
        assert view.keep_mine_selected() == 1
    assert counted.args == [3]
    assert "Keep your value for Notes of Cedar & Pine LLC?" in confirm.asked[-1][1]
    assert store.get("client", conflicted.clients["Cedar & Pine LLC"])["notes"] == "from B"

    # Take theirs on the rest, selected by keys: Ctrl+arrows move without selecting,
    # Space adds the current row, Shift+arrows extend, Ctrl+A takes them all.
    qtbot.keyClick(view.table, Qt.Key.Key_PageUp)  # to the top, selecting only that row
    assert view.selected_ids() == [view.model.rows[0].id]
    qtbot.keyClick(view.table, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert len(view.selected_ids()) == 2
    qtbot.keyClick(view.table, Qt.Key.Key_Up)  # a plain arrow: only the row moved to
    assert len(view.selected_ids()) == 1
    qtbot.keyClick(view.table, Qt.Key.Key_Down, SHIFT)
    assert len(view.selected_ids()) == 2
    qtbot.keyClick(view.table, Qt.Key.Key_A, CTRL)
    assert len(view.selected_ids()) == 3
    with qtbot.waitSignal(view.count_changed) as counted:
        assert view.take_theirs_selected() == 3
    assert counted.args == [0]
    assert "Records deleted on the server stay deleted." in confirm.asked[-1][1]

    # The empty state, and the store as decided.
    assert view.pages.currentWidget() is view.empty_text
    assert view.empty_text.text() == EMPTY_TEXT
    assert not view.keep_mine_button.isEnabled()
    view.grab().save("/tmp/conflicts_view_empty.png")
    assert store.conflicts() == []
    cedar = store.get("client", conflicted.clients["Cedar & Pine LLC"])
    assert (cedar["notes"], cedar["city"]) == ("from B", "Portland")
    assert store.get("client", conflicted.clients["Harbor Light Sailmakers"])["status"] == (
        "inactive"
    )
    assert store.get("client", conflicted.clients["Mystic Bakery"]) is None
    store.close()

    # After a sync the server holds the kept value and the deletion stands.
    async def sync() -> None:
        b = await open_desktop(conflicted.live.url, conflicted.email, conflicted.data_dir)
        report = await b.engine.sync_once()
        assert (report.rejected, report.pending, report.conflicts) == (0, 0, 0)
        await b.close()

    asyncio.run(sync())
    on_server = server_records(conflicted.other_http)["client"]
    cedar_there = on_server[conflicted.clients["Cedar & Pine LLC"]]
    assert cedar_there is not None
    assert (cedar_there["notes"], cedar_there["city"]) == ("from B", "Portland")
    assert on_server[conflicted.clients["Harbor Light Sailmakers"]]["status"] == "inactive"
    assert on_server[conflicted.clients["Mystic Bakery"]] is None


def test_keep_mine_on_a_deleted_record_brings_it_back(qtbot: QtBot, conflicted: Conflicted) -> None:
    store = LocalStore(cache_path(conflicted.data_dir))
    confirm = Confirmations()
    view = ConflictsView(store, confirm=confirm)
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_PageUp)
    for _ in range(row_of(view, "Mystic Bakery", "Whole record")):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.mine_text.toPlainText() == "Changed here: City: Mystic"
    assert view.theirs_text.toPlainText() == "This client was deleted on the server."
    view.set_shortcut_hints(keep_mine="Ctrl+Shift+M", take_theirs="Ctrl+Shift+T")
    assert view.keep_mine_button.text() == "&Keep mine (Ctrl+Shift+M)"
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    with qtbot.waitSignal(view.count_changed):
        qtbot.keyClick(view.table, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # mnemonic
    assert confirm.asked[-1][1].startswith("Keep your changes to Mystic Bakery? It was deleted")
    revived = [c for c in store.all("client") if c["businessName"] == "Mystic Bakery"]
    assert len(revived) == 1 and revived[0]["city"] == "Mystic"
    assert revived[0]["id"] != conflicted.clients["Mystic Bakery"]
    # The current row stays in place: the next conflict is now current and selected.
    assert view.conflict_count() == 3 and len(view.selected_ids()) == 1
    store.close()


def test_refresh_keeps_the_current_conflict(qtbot: QtBot, conflicted: Conflicted) -> None:
    store = LocalStore(cache_path(conflicted.data_dir))
    view = ConflictsView(store, confirm=Confirmations())
    qtbot.addWidget(view)
    view.table.setFocus()
    last = view.conflict_count() - 1
    view.table.selectRow(last)
    kept = view.selected_ids()
    # Another conflict decided elsewhere (the window's command on another view, say).
    store.resolve([view.model.rows[0].id], "theirs")
    view.refresh()
    assert view.selected_ids() == kept
    assert view.table.currentIndex().row() == last - 1
    store.close()


def test_empty_state_when_there_are_no_conflicts(qtbot: QtBot, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    view = ConflictsView(store)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    assert view.conflict_count() == 0
    assert view.pages.currentWidget() is view.empty_text
    assert view.keep_mine_selected() == 0 and view.take_theirs_selected() == 0
    store.close()
