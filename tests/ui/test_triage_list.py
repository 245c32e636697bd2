"""The "Unsorted" triage list by keyboard, and the filename rules it teaches.

Real account, real cache, real intake controller and the window's own client
picker; files wait in the queue as ``unsorted`` the way routing leaves those
from watched folders whose client it was unsure of.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.ui.client_picker import ClientPicker
from advisoros_desktop.ui.intake_view import IntakeView
from advisoros_desktop.ui.triage_list import TriageList
from advisoros_desktop.ui.upload_queue_model import TRIAGE_COLUMNS
from tests.ui.intake_desk import SCANS, IntakeDesk, add_job, intake_desk, intake_server

__all__ = ["intake_desk", "intake_server"]  # fixtures

WAIT_MS = 10_000


@pytest.fixture
def view(qtbot: QtBot) -> IntakeView:
    view = IntakeView()
    qtbot.addWidget(view)
    view.resize(1000, 560)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def _unsorted(
    desk: IntakeDesk, name: str, folder: str, client_id: str | None = None, confidence: float = 0.0
) -> str:
    reason = (
        f"folder '{folder}' matches no client"
        if client_id is None
        else f"folder '{folder}' matches client ({confidence:.0%})"
    )
    return add_job(
        desk.queue,
        name,
        "unsorted",
        path=f"{SCANS}/{folder}/{name}",
        watched_root=SCANS,
        source="watched_folder",
        client_id=client_id,
        route_confidence=confidence,
        route_reason=reason,
    )


def _triage(qtbot: QtBot, view: IntakeView, desk: IntakeDesk) -> TriageList:
    view.attach(desk.controller)
    view.tabs.setCurrentIndex(1)
    view.triage.table.setFocus()
    qtbot.waitUntil(view.triage.table.hasFocus)
    return view.triage


def _picker(qtbot: QtBot, triage: TriageList) -> ClientPicker:
    qtbot.waitUntil(lambda: triage.picker is not None and triage.picker.isVisible())
    assert isinstance(triage.picker, ClientPicker)
    return triage.picker


def _assigned(desk: IntakeDesk, upload_id: str, client_id: str) -> bool:
    job = desk.job(upload_id)
    return job.state == "waiting" and job.client_id == client_id


def test_enter_accepts_the_suggested_client_and_the_file_leaves_the_list(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    acme = desk.client("Acme LLC")
    job = _unsorted(desk, "scan_0007.pdf", "Acme", acme, 0.62)
    other = _unsorted(desk, "scan_0008.pdf", "Smyth J")
    triage = _triage(qtbot, view, desk)
    at = TRIAGE_COLUMNS.index("suggestion")
    assert triage.model.index(0, at).data() == "Acme LLC (62%)"
    assert view.tabs.tabText(1) == "&Unsorted (2)"
    said: list[str] = []
    desk.controller.message.connect(said.append)
    qtbot.keyClick(triage.table, Qt.Key.Key_Return)
    assert said == ["Sending 1 file to Acme LLC."]
    qtbot.waitUntil(lambda: _assigned(desk, job, acme), timeout=WAIT_MS)
    assert desk.job(job).route_reason == "assigned by hand"
    qtbot.waitUntil(lambda: triage.count() == 1, timeout=WAIT_MS)
    assert triage.table.current_upload_id() == other  # ready for the next one
    assert view.tabs.tabText(1) == "&Unsorted (1)"
    assert desk.settings.assignments() == [("scan_0007.pdf", acme, None, None)]


def test_enter_on_several_files_sends_each_to_its_own_suggestion(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    acme, smith = desk.client("Acme LLC"), desk.client("John Smith")
    first = _unsorted(desk, "a.pdf", "Acme", acme, 0.7)
    second = _unsorted(desk, "b.pdf", "Smith", smith, 0.8)
    triage = _triage(qtbot, view, desk)
    triage.table.go_to_row(0)
    qtbot.keyClick(triage.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(triage.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(
        lambda: _assigned(desk, first, acme) and _assigned(desk, second, smith), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: triage.count() == 0, timeout=WAIT_MS)
    assert "Nothing to sort" in triage.intro.text()


def test_typing_opens_the_picker_with_what_was_typed_and_enter_assigns(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    desk.client("John Smith")
    jane = desk.client("Jane Smyth")
    job = _unsorted(desk, "IMG_0042.pdf", "Smyth J")
    triage = _triage(qtbot, view, desk)
    qtbot.keyClick(triage.table, Qt.Key.Key_J)
    picker = _picker(qtbot, triage)
    assert picker.search.text() == "j"
    assert picker.windowTitle() == "Choose the client for IMG_0042.pdf"
    qtbot.keyClicks(picker.search, "ane")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _assigned(desk, job, jane), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: triage.count() == 0, timeout=WAIT_MS)
    assert view.focusWidget() is triage.table  # back in the list


def test_ctrl_enter_opens_the_picker_on_the_folder_name_and_esc_changes_nothing(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    desk.client("Jane Smyth")
    job = _unsorted(desk, "IMG_0042.pdf", "Smyth J")
    triage = _triage(qtbot, view, desk)
    qtbot.keyClick(triage.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    picker = _picker(qtbot, triage)
    assert picker.search.text() == "Smyth J"
    assert picker.current_client() is not None
    assert picker.current_client().name == "Jane Smyth"
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: triage.picker is None)
    assert desk.state(job) == "unsorted"
    assert view.focusWidget() is triage.table
    # Enter on a file with no suggestion asks rather than guesses.
    qtbot.keyClick(triage.table, Qt.Key.Key_Return)
    assert _picker(qtbot, triage).search.text() == "Smyth J"


def test_a_rule_is_offered_after_two_similar_assignments_and_add_rule_keeps_it(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    acme = desk.client("Acme LLC")
    desk.client("Acme Farms")
    first, second, third = (_unsorted(desk, f"ACME_scan_00{n}.pdf", "Inbox") for n in (1, 2, 3))
    triage = _triage(qtbot, view, desk)
    assert view.rules_bar.isHidden()
    triage.table.go_to_row(0)
    qtbot.keyClick(triage.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(triage.table, "a")
    picker = _picker(qtbot, triage)
    assert picker.windowTitle() == "Choose the client for 2 files"
    qtbot.keyClicks(picker.search, "cme llc")
    assert picker.current_client() is not None and picker.current_client().client_id == acme
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _assigned(desk, first, acme) and _assigned(desk, second, acme), timeout=WAIT_MS
    )
    qtbot.waitUntil(view.rules_bar.isVisible, timeout=WAIT_MS)
    assert [rule.pattern for rule in view.rules_bar.suggestions] == ["ACME_*"]
    label = view.rules_bar.findChildren(type(view.totals_text))[0]
    assert label.text() == "Always send ACME_* to Acme LLC?"
    view.grab().save("/tmp/intake_unsorted.png")

    qtbot.waitUntil(lambda: triage.count() == 1, timeout=WAIT_MS)
    triage.table.setFocus()
    qtbot.keyClick(triage.table, Qt.Key.Key_Tab)
    add, _dismiss = view.rules_bar.buttons()[0]
    assert view.focusWidget() is add
    qtbot.keyClick(add, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _assigned(desk, third, acme), timeout=WAIT_MS)
    assert desk.settings.rules() == [FilenameRule("ACME_*", client_id=acme)]
    qtbot.waitUntil(view.rules_bar.isHidden, timeout=WAIT_MS)  # the rule exists: no offer
    assert view.focusWidget() is triage.table  # the keyboard goes back to the list


def test_dismiss_puts_an_offer_away_for_good(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    acme = desk.client("Acme LLC")
    desk.settings.add_assignments(
        [("ACME_scan_001.pdf", acme, None, None), ("ACME_scan_002.pdf", acme, None, None)]
    )
    _triage(qtbot, view, desk)
    assert [rule.pattern for rule in view.rules_bar.suggestions] == ["ACME_*"]
    _add, dismiss = view.rules_bar.buttons()[0]
    qtbot.keyClick(view.triage.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # mnemonic
    qtbot.waitUntil(view.rules_bar.isHidden)
    assert desk.settings.dismissed_suggestions() == {"ACME_*"}
    assert desk.settings.rules() == []
    assert isinstance(dismiss, QPushButton)
    assert QApplication.focusWidget() is not None


def test_the_unsorted_list_fits_its_texts(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    smith, smyth = desk.client("John Smith"), desk.client("Jane Smyth")
    acme = desk.client("Acme LLC")
    desk.settings.add_assignments(
        [("ACME_scan_001.pdf", acme, None, None), ("ACME_scan_002.pdf", acme, None, None)]
    )
    add_job(
        desk.queue,
        "W-2 2024.pdf",
        "unsorted",
        path=f"{SCANS}/Smyth J/2024/W-2 2024.pdf",
        watched_root=SCANS,
        source="watched_folder",
        client_id=smyth,
        route_confidence=0.48,
        route_reason="folder 'Smyth J' is ambiguous: Jane Smyth (81%) or John Smith (78%)",
    )
    add_job(
        desk.queue,
        "1099-INT.pdf",
        "unsorted",
        path=f"{SCANS}/J Smith/1099-INT.pdf",
        watched_root=SCANS,
        source="watched_folder",
        client_id=smith,
        route_confidence=0.74,
        route_reason="folder 'J Smith' matches client John Smith (74%)",
    )
    _unsorted(desk, "IMG_0042.jpg", "Inbox")
    triage = _triage(qtbot, view, desk)
    view.resize(840, 520)
    qtbot.waitUntil(lambda: triage.table.horizontalScrollBar().maximum() == 0)
    qtbot.wait(50)
    view.grab().save("/tmp/intake_unsorted.png")
    metrics = triage.table.fontMetrics()
    for column in ("file", "suggestion"):
        at = TRIAGE_COLUMNS.index(column)
        for row in range(triage.count()):
            text = triage.model.index(row, at).data()
            assert metrics.horizontalAdvance(text) + 8 < triage.table.columnWidth(at), text
    assert view.rules_bar.isVisible()
    add, dismiss = view.rules_bar.buttons()[0]
    assert add.width() >= add.sizeHint().width() and dismiss.width() >= dismiss.sizeHint().width()
