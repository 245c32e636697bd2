"""The Intake view on a real account's queue: words for every state, totals, keys, focus.

The intake controller is the window's own, on a real cache of a real embedded
server; its queue actions run on its worker thread, so the tests wait for the
queue to say a job changed. Keys are pressed on the queue table as a person
would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CONTEXTS, CommandRegistry, normalize_key
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.upload_queue import NewUpload
from advisoros_desktop.ui.intake_commands import INTAKE_COMMANDS
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_view import IntakeView
from advisoros_desktop.ui.upload_queue_model import QUEUE_COLUMNS
from advisoros_desktop.ui.window_commands import register_window_commands
from tests.ui.desktop_fixture import Desktop
from tests.ui.intake_desk import IntakeDesk, add_job, every_state, intake_desk, intake_server
from tests.ui.window_intake_fixture import intake_fixture

__all__ = ["intake_desk", "intake_fixture", "intake_server"]  # fixtures

WAIT_MS = 10_000


@pytest.fixture
def view(qtbot: QtBot) -> IntakeView:
    view = IntakeView()
    qtbot.addWidget(view)
    view.resize(1180, 560)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def _states(view: IntakeView) -> list[str]:
    model, column = view.queue_model, QUEUE_COLUMNS.index("state")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _wait_state(qtbot: QtBot, desk: IntakeDesk, upload_id: str, state: str) -> None:
    qtbot.waitUntil(lambda: desk.state(upload_id) == state, timeout=WAIT_MS)


def _focus_job(qtbot: QtBot, view: IntakeView, upload_id: str) -> None:
    view.queue_table.setFocus()
    qtbot.waitUntil(view.queue_table.hasFocus)
    assert view.queue_table.go_to_job(upload_id)


def _text_file(folder: Path, name: str) -> str:
    path = folder / name
    path.write_text(f"{name}: a statement for the file\n", encoding="utf-8")
    return str(path)


def test_before_intake_runs_the_view_says_when_it_will(view: IntakeView) -> None:
    assert "Intake starts once the workspace is connected" in view.waiting_text.text()
    assert view.pages.currentWidget() is view.waiting_text


def test_every_state_reads_in_words_with_the_totals_and_the_folders(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    every_state(desk.store, desk.queue, desk.client("Acme LLC"))
    view.attach(desk.controller)
    assert _states(view) == [
        "Hashing",
        "Waiting",
        "Waiting for the server",
        "Uploading 42%",
        "Paused",
        "Duplicate of W-2 2024 Smith.pdf",
        "Done",
        "Failed: “empty.pdf” is empty (0 bytes)",
        "Unsorted",
        "Cancelled",
    ]
    totals = (
        "1 checking · 2 waiting · 1 uploading · 1 paused · 1 unsorted · 1 done · 1 failed · "
        "1 duplicate · 1 cancelled — 170.4 KB of 840.0 KB"
    )
    qtbot.waitUntil(lambda: view.totals_text.text() == totals)  # read off the GUI thread
    assert view.tabs.tabText(1) == "&Unsorted (1)"
    assert view.folders_text.isHidden()
    desk.controller.folder_status_changed.emit("/srv/Scans", "watching", "Watching /srv/Scans.")
    desk.controller.folder_status_changed.emit(
        "/media/usb/Inbox",
        "missing",
        "The folder /media/usb/Inbox is not there (unplugged drive?); "
        "watching for it to come back.",
    )
    assert view.folders_text.text() == (
        "Watched folders: /media/usb/Inbox: not there (unplugged drive?) — waiting for it · "
        "Scans: watching"
    )
    assert "watching for it to come back" in view.folders_text.toolTip()
    view.queue_table.go_to_row(7)
    assert view.job_reason.text().endswith("Scan or save it again, then add it again.")


def test_focus_lands_on_the_queue_table_and_follows_the_tabs(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    add_job(intake_desk.queue, "a.pdf")
    view.attach(intake_desk.controller)
    outside = QWidget()
    qtbot.addWidget(outside)
    view.setFocus(Qt.FocusReason.OtherFocusReason)  # what the window does when it shows a view
    qtbot.waitUntil(view.queue_table.hasFocus)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.triage.table.hasFocus)
    assert view.tabs.currentIndex() == 1


def test_space_p_delete_and_r_act_on_the_selected_upload(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk, tmp_path: Path
) -> None:
    desk = intake_desk
    acme = desk.client("Acme LLC")
    add_job(desk.queue, "other.pdf", client_id=acme)
    job = add_job(desk.queue, "statement.txt", path=_text_file(tmp_path, "statement.txt"))
    desk.queue.update(job, client_id=acme)
    view.attach(desk.controller)
    _focus_job(qtbot, view, job)
    said: list[str] = []
    desk.controller.message.connect(said.append)

    qtbot.keyClick(view.queue_table, Qt.Key.Key_Space)
    _wait_state(qtbot, desk, job, "paused")
    qtbot.waitUntil(lambda: _states(view)[1] == "Paused", timeout=WAIT_MS)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_P)
    _wait_state(qtbot, desk, job, "waiting")
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Delete)
    _wait_state(qtbot, desk, job, "cancelled")
    qtbot.waitUntil(lambda: _states(view)[1] == "Cancelled", timeout=WAIT_MS)
    assert view.current_table().current_upload_id() == job  # the place is kept by id
    qtbot.keyClick(view.queue_table, Qt.Key.Key_R)
    _wait_state(qtbot, desk, job, "waiting")  # checked and hashed again, then waiting
    assert desk.job(job).sha256 is not None
    assert desk.state(desk.queue.jobs()[0].upload_id) == "waiting"  # the other one untouched
    assert said == [
        "Paused 1 file.",
        "Resumed 1 file.",
        "Cancelled 1 file. Retry (R) takes it again.",
        "Trying 1 file again.",
    ]


def test_keys_act_on_every_selected_upload_and_say_when_nothing_can_change(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    ids = [add_job(desk.queue, f"scan-{n}.pdf") for n in range(4)]
    done = add_job(desk.queue, "done.pdf", "done")
    view.attach(desk.controller)
    view.queue_table.setFocus()
    qtbot.waitUntil(view.queue_table.hasFocus)
    view.queue_table.go_to_row(1)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: [desk.state(i) for i in ids] == ["waiting", "paused", "paused", "paused"],
        timeout=WAIT_MS,
    )
    assert view.queue_table.selected_ids() == ids[1:]  # still the same three after the refresh
    messages: list[str] = []
    desk.controller.message.connect(messages.append)
    assert view.queue_table.go_to_job(done)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Delete)
    assert messages == ["Only files not yet sent can be cancelled."]
    assert desk.state(done) == "done"


def test_ctrl_r_retries_every_failed_upload(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk, tmp_path: Path
) -> None:
    desk = intake_desk
    acme = desk.client("Acme LLC")
    failed = [
        add_job(
            desk.queue,
            name,
            "failed",
            path=_text_file(tmp_path, name),
            client_id=acme,
            reason="The server could not be reached.",
        )
        for name in ("a.txt", "b.txt")
    ]
    waiting = add_job(desk.queue, "c.pdf", client_id=acme)
    view.attach(desk.controller)
    _focus_job(qtbot, view, waiting)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: [desk.state(i) for i in failed] == ["waiting", "waiting"], timeout=WAIT_MS
    )


def test_finished_uploads_can_be_hidden_and_the_current_one_stays_current(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    first, second, third = (add_job(desk.queue, f"{n}.pdf") for n in "abc")
    view.attach(desk.controller)
    _focus_job(qtbot, view, third)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # mnemonic
    qtbot.waitUntil(lambda: not view.show_finished.isChecked())  # Qt animates the click
    assert view.queue_table.current_upload_id() == third
    desk.queue.update(first, state="done", document_id=None)  # the uploader finished it
    qtbot.waitUntil(lambda: view.queue_model.rowCount() == 2, timeout=WAIT_MS)
    assert view.queue_table.current_upload_id() == third  # moved up a row, still current
    assert view.queue_table.selected_ids() == [third]
    view.set_show_finished(True)
    assert view.queue_model.rowCount() == 3
    assert view.queue_table.current_upload_id() == third
    assert second in view.queue_model.ids_in_rows(0, 3)


def test_in_the_window_the_queue_takes_the_focus_and_the_keys(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController
) -> None:
    window = desktop.window
    [client, *_] = desktop.store.all("client")
    job = add_job(intake.queue, "scan.pdf", "waiting", client_id=client["id"])
    view = window.intake_view
    assert view.controller is intake
    window.show_view("intake")
    qtbot.waitUntil(view.queue_table.hasFocus)
    assert view.queue_table.go_to_job(job)
    qtbot.keyClick(view.queue_table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: intake.queue.get(job).state == "paused", timeout=WAIT_MS)
    assert window.status_message.text() == "Paused 1 file."
    window.show_view("clients")  # the record tables keep their own Space
    window.show_view("intake")
    qtbot.waitUntil(view.queue_table.hasFocus)
    assert view.queue_table.current_upload_id() == job


def test_the_upload_keys_are_declared_once_in_their_own_context() -> None:
    for command in INTAKE_COMMANDS:
        assert command.category == "Intake"
        assert all(normalize_key(k) for k in command.shortcuts)
    assert "intake" in CONTEXTS
    registry = register_window_commands(CommandRegistry())
    for command in INTAKE_COMMANDS:
        if command.id not in {c.id for c in registry}:
            registry.register(command)
    assert registry.clashes(registry.bindings()) == []


def test_the_queue_fits_its_texts(qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk) -> None:
    desk = intake_desk
    every_state(desk.store, desk.queue, desk.client("Acme LLC"))
    view.attach(desk.controller)
    desk.controller.folder_status_changed.emit("/srv/Scans", "watching", "Watching /srv/Scans.")
    desk.controller.folder_status_changed.emit(
        "/media/usb/Inbox", "missing", "The folder /media/usb/Inbox is not there."
    )
    view.queue_table.go_to_row(7)
    view.grab().save("/tmp/intake_queue_wide.png")
    table = view.queue_table
    metrics = table.fontMetrics()

    def fits(column: str, row: int) -> bool:
        at = QUEUE_COLUMNS.index(column)
        text = view.queue_model.index(row, at).data()
        return metrics.horizontalAdvance(text) + 8 < table.columnWidth(at)

    rows = range(view.queue_model.rowCount())
    # A failure's reason may be long: elided in its cell, whole in the tooltip and below.
    assert all(fits(column, row) for column in QUEUE_COLUMNS for row in rows if row != 7)
    view.resize(840, 520)  # what the window leaves it beside the navigation and details
    qtbot.waitUntil(lambda: table.viewport().width() < 840)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)  # no sideways scrolling
    qtbot.wait(50)
    view.grab().save("/tmp/intake_queue.png")
    short_states = [row for row in rows if row not in (5, 7)]  # all but a duplicate and a failure
    assert all(fits("state", row) for row in short_states)
    assert all(fits(column, row) for column in ("size", "year", "added") for row in rows)


def test_a_10000_file_queue_keeps_its_place_and_acts_on_the_whole_selection(
    qtbot: QtBot, view: IntakeView, intake_desk: IntakeDesk
) -> None:
    desk = intake_desk
    batch = new_id()
    desk.queue.add(
        [
            NewUpload(
                path=f"/scans/scan-{n:05}.pdf",
                file_name=f"scan-{n:05}.pdf",
                size=100_000,
                mtime_ns=n,
                source="watched_folder",
                batch_id=batch,
                watched_root="/scans",
                state=("done", "waiting", "unsorted", "uploading")[n % 4],
            )
            for n in range(10_000)
        ]
    )
    view.attach(desk.controller)  # once, when the account opens
    qtbot.waitUntil(lambda: view.totals_text.text().startswith("2,500 waiting"))
    view.queue_table.go_to_row(9_999)
    view.triage.table.go_to_row(2_499)
    # How long a refresh takes on the GUI thread is measured by `make bench` (gui_stalls).
    view.refresh()
    view.repaint()
    assert view.queue_table.current_upload_id() == view.queue_model.upload_id(9_999)
    view.queue_table.selectAll()
    assert view.pause_or_resume_selected() == 7_500  # all but the done ones
    qtbot.waitUntil(lambda: desk.queue.count("paused") == 7_500, timeout=WAIT_MS)
