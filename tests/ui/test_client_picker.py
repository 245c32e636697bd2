"""The client picker, by keyboard: typing filters, Up/Down move, Enter picks, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.ui.client_picker import PREPARE_IN_BACKGROUND_ABOVE, ClientPicker

CLIENTS = [
    ClientName("c1", "Acme Holdings LLC", ("ACME, L.L.C.",)),
    ClientName("c2", "Acme Farms", ()),
    ClientName("c3", "Baker & Sons Bakery", ()),
    ClientName("c4", "Müller Farms", ("Mueller Farms",)),
    ClientName("c5", "Smith, John", ("John Smith",)),
]


def _picker(qtbot: QtBot, clients: list[ClientName], **options: str) -> ClientPicker:
    picker = ClientPicker(clients, None, **options)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    return picker


def _shown(picker: ClientPicker) -> list[str]:
    return [picker.model.client(r).name for r in range(picker.model.rowCount())]  # type: ignore[union-attr]


def test_all_clients_by_name_until_something_is_typed(qtbot: QtBot) -> None:
    picker = _picker(qtbot, CLIENTS, title="Which client?")
    assert picker.windowTitle() == "Which client?"
    assert _shown(picker) == sorted(c.name for c in CLIENTS)
    assert picker.current_client() == CLIENTS[1]  # "Acme Farms" sorts first
    assert picker.count.text() == "5 clients"
    assert picker.focusWidget() is picker.search


def test_typing_filters_down_moves_and_enter_picks(qtbot: QtBot) -> None:
    picker = _picker(qtbot, CLIENTS)
    qtbot.keyClicks(picker.search, "acme")
    assert set(_shown(picker)) == {"Acme Holdings LLC", "Acme Farms"}
    first = picker.current_client()
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    second = picker.current_client()
    assert second is not None and second != first
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    assert picker.current_client() == first
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen() == second


def test_the_best_match_is_current(qtbot: QtBot) -> None:
    picker = _picker(qtbot, CLIENTS)
    qtbot.keyClicks(picker.search, "mueller")  # an alias, spelt without the umlaut
    assert picker.current_client() == CLIENTS[3]
    picker.search.clear()
    qtbot.keyClicks(picker.search, "john smith")  # word order and the comma do not matter
    assert picker.current_client() == CLIENTS[4]


def test_escape_cancels_and_chooses_nothing(qtbot: QtBot) -> None:
    picker = _picker(qtbot, CLIENTS, initial_text="baker")
    assert picker.search.text() == "baker" and picker.current_client() == CLIENTS[2]
    with qtbot.waitSignal(picker.rejected):
        qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.chosen() is None


def test_enter_with_no_match_picks_nothing(qtbot: QtBot) -> None:
    picker = _picker(qtbot, CLIENTS)
    qtbot.keyClicks(picker.search, "zzzzqqq")
    assert _shown(picker) == []
    assert "No client matches" in picker.count.text()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.chosen() is None


def test_a_large_firm_is_prepared_off_the_gui_thread(qtbot: QtBot) -> None:
    many = [ClientName(f"id{n}", f"Client {n:05d} Holdings") for n in range(2_000)]
    many.append(ClientName("target", "Quintessential Widgets Inc"))
    assert len(many) > PREPARE_IN_BACKGROUND_ABOVE
    picker = _picker(qtbot, many)
    qtbot.keyClicks(picker.search, "quintess")  # at once: a plain substring match
    assert picker.current_client() is not None
    assert picker.current_client().client_id == "target"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: picker._router is not None, timeout=10_000)
    picker.search.clear()
    qtbot.keyClicks(picker.search, "quintesential widgts")  # typos: the fuzzy matcher now
    assert picker.current_client().client_id == "target"  # type: ignore[union-attr]
    picker.grab().save("/tmp/client_picker.png")
