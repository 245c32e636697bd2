"""Files dropped anywhere on the main window reach the right client, really uploaded.

The window runs on the demo firm's embedded server; the files are small valid
PDFs written for each test, so the server never knows them already.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDragLeaveEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.add_files_dialog import AddFilesDialog
from advisoros_desktop.ui.drop_intake import local_paths, overlay_text
from advisoros_desktop.ui.intake_controller import IntakeController
from tests.conftest import SHARED
from tests.ui.desktop_fixture import Desktop
from tests.ui.window_intake_fixture import (
    drag_over,
    drop_on,
    intake_fixture,  # noqa: F401 (the intake fixture)
    make_pdfs,
    run_until,
)

CORPUS = SHARED / "corpus"
CTRL = Qt.KeyboardModifier.ControlModifier


def _client(desktop: Desktop, index: int = 0) -> tuple[str, str]:
    rows = sorted(desktop.store.all("client"), key=lambda r: str(r["businessName"]))
    row = rows[index]
    return str(row["id"]), str(row["businessName"])


def _scope_documents_to(desktop: Desktop, client_id: str) -> None:
    """Open the client from the Clients list: Documents, narrowed to that client."""
    window = desktop.window
    window.show_view("clients")
    assert window.record_views["clients"].table.go_to_record(client_id)
    window.open_current()
    assert window.current_view_name() == "documents"


def _dialog(qtbot: QtBot, desktop: Desktop) -> AddFilesDialog:
    flow = desktop.window.intake_ui.flow  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    assert flow.dialog is not None
    return flow.dialog


def _confirm(qtbot: QtBot, dialog: AddFilesDialog, intake: IntakeController) -> object:
    with qtbot.waitSignal(intake.batch_queued, timeout=10_000) as queued:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    return queued.args[0]


def _wait_finished(desktop: Desktop, intake: IntakeController, batch_id: str) -> None:
    def finished() -> bool:
        jobs = intake.queue.jobs(batch_id=batch_id)
        return bool(jobs) and all(job.finished for job in jobs)

    run_until(desktop, finished, 30, "the batch's uploads to finish")


def test_a_folder_dropped_on_documents_goes_to_the_client_in_view(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id, client_name = _client(desktop)
    _scope_documents_to(desktop, client_id)
    folder = tmp_path / "Scans"
    names = ["W2_2024.pdf", "1099-INT 2024.pdf", "bank statement march.pdf"]
    make_pdfs(folder, names)
    (folder / ".DS_Store").write_bytes(b"x")  # ignored, and said so

    table = desktop.window.record_views["documents"].table
    drop = drop_on(table.viewport(), [folder])
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.CopyAction  # never a move: the originals stay

    dialog = _dialog(qtbot, desktop)
    # From the drop to the queued batch the palette's indexing waits (threads are busy).
    assert desktop.window.palette_updates.holds("drop")
    assert dialog.client is not None and dialog.client.client_id == client_id
    assert dialog.client_field.text() == client_name
    assert "Add 3 files" in dialog.findChild(QLabel, "addFilesSummary").text()
    assert "1 file will be skipped" in dialog.findChild(QLabel, "addFilesSkipped").text()
    assert dialog.focusWidget() is dialog.ok_button  # Enter adds them

    report = _confirm(qtbot, dialog, intake)
    assert not desktop.window.palette_updates.holds("drop")
    jobs = intake.queue.jobs(batch_id=report.batch_id)  # type: ignore[attr-defined]
    assert sorted(job.file_name for job in jobs) == sorted(names)
    assert {job.client_id for job in jobs} == {client_id}
    assert {job.source for job in jobs} == {"drag_drop"}
    qtbot.waitUntil(lambda: client_name in desktop.window.status_message.text())
    assert "Added 3 files for" in desktop.window.status_message.text()

    _wait_finished(desktop, intake, report.batch_id)  # type: ignore[attr-defined]
    states = {job.file_name: job.state for job in intake.queue.jobs(batch_id=report.batch_id)}  # type: ignore[attr-defined]
    assert set(states.values()) == {"done"}, states
    assert all(path.exists() for path in folder.iterdir())  # a drop never moves its files

    desktop.sync()
    documents = desktop.window.record_views["documents"]

    def shown() -> set[str]:
        model = documents.model
        return {str(model.row(r)["fileName"]) for r in range(model.rowCount())}  # type: ignore[index]

    qtbot.waitUntil(lambda: set(names) <= shown(), timeout=10_000)
    uploaded = [d for d in desktop.store.all("document") if d["fileName"] in names]
    assert {d["clientId"] for d in uploaded} == {client_id}
    assert {d["category"] for d in uploaded} >= {"w2", "1099"}  # inferred from the names


def test_undo_after_a_drop_removes_the_documents_it_created(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id, _name = _client(desktop, 6)
    _scope_documents_to(desktop, client_id)
    files = make_pdfs(tmp_path, ["undo me 1.pdf", "undo me 2.pdf"])
    drop_on(desktop.window.record_views["documents"].table.viewport(), files)
    report = _confirm(qtbot, _dialog(qtbot, desktop), intake)
    batch = report.batch_id  # type: ignore[attr-defined]
    _wait_finished(desktop, intake, batch)
    desktop.sync()
    documents = intake.queue.batch_document_ids(batch)
    assert len(documents) == 2 and all(desktop.store.get("document", d) for d in documents)

    window = desktop.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.record_views["documents"].table, Qt.Key.Key_Z, CTRL)
    assert all(desktop.store.get("document", d) is None for d in documents)
    assert all(path.exists() for path in files)  # undo never touches the source files
    desktop.sync()  # the deletions reach the server and stay
    assert all(desktop.store.get("document", d) is None for d in documents)
    assert desktop.store.pending_count() == 0


@pytest.mark.parametrize("dock", ["details_dock", "history_dock"])
def test_a_drop_on_a_dock_starts_intake_too(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path, dock: str
) -> None:
    client_id, _name = _client(desktop, 1)
    _scope_documents_to(desktop, client_id)
    widget = getattr(desktop.window, dock)
    widget.show()
    qtbot.waitUntil(widget.isVisible)
    [pdf] = make_pdfs(tmp_path, ["receipt.pdf"])
    drop = drop_on(widget.widget(), [pdf])
    assert drop.isAccepted()
    dialog = _dialog(qtbot, desktop)
    assert dialog.client is not None and dialog.client.client_id == client_id
    dialog.reject()


def test_a_drop_on_the_filter_box_is_intake_not_text(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id, _name = _client(desktop, 2)
    _scope_documents_to(desktop, client_id)
    box: QLineEdit = desktop.window.record_views["documents"].filter
    [pdf] = make_pdfs(tmp_path, ["invoice.pdf"])
    drop_on(box, [pdf])
    dialog = _dialog(qtbot, desktop)
    assert box.text() == ""  # the file's address was not typed into the filter
    dialog.reject()
    qtbot.waitUntil(lambda: "Nothing was added" in desktop.window.status_message.text())
    assert not desktop.window.palette_updates.held  # a cancelled drop lets the palette go on


def test_with_no_client_in_view_the_picker_asks(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id, client_name = _client(desktop, 3)
    desktop.window.show_view("conflicts")  # no client here
    make_pdfs(tmp_path / "in", ["scan 001.pdf", "scan 002.pdf"])
    drop_on(desktop.window.views["conflicts"], [tmp_path / "in"])
    dialog = _dialog(qtbot, desktop)
    qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.isVisible())
    picker = dialog.picker
    assert picker is not None
    word = client_name.split()[0][:5]
    qtbot.keyClicks(picker.search, word)
    qtbot.waitUntil(lambda: picker.current_client() is not None)
    while picker.current_client() is not None and picker.current_client().client_id != client_id:  # type: ignore[union-attr]
        qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.picker is None)
    assert dialog.client is not None and dialog.client.client_id == client_id
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ok_button)

    report = _confirm(qtbot, dialog, intake)
    jobs = intake.queue.jobs(batch_id=report.batch_id)  # type: ignore[attr-defined]
    assert len(jobs) == 2 and {job.client_id for job in jobs} == {client_id}


def test_escape_in_the_picker_then_the_dialog_queues_nothing(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    desktop.window.show_view("conflicts")
    [pdf] = make_pdfs(tmp_path, ["unknown.pdf"])
    before = intake.queue.count()
    drop_on(desktop.window.views["conflicts"], [pdf])
    dialog = _dialog(qtbot, desktop)
    qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.isVisible())
    assert dialog.picker is not None
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.picker is None)
    assert dialog.client is None and dialog.focusWidget() is dialog.client_field
    qtbot.keyClick(dialog.client_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: desktop.window.intake_ui.flow.dialog is None)  # type: ignore[union-attr]
    assert intake.queue.count() == before


def test_filename_rules_that_name_the_client_fill_it_in(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    from advisoros_desktop.intake.routing import FilenameRule

    client_id, _name = _client(desktop, 4)
    intake.settings.set_rules([FilenameRule("ACME_*", client_id=client_id)])
    desktop.window.show_view("conflicts")
    files = make_pdfs(tmp_path, ["ACME_scan_001.pdf", "ACME_scan_002.pdf"])
    drop_on(desktop.window.views["conflicts"], files)
    dialog = _dialog(qtbot, desktop)
    assert dialog.picker is None
    assert dialog.client is not None and dialog.client.client_id == client_id
    assert "rules" in dialog.client_note.text()
    assert dialog.focusWidget() is dialog.ok_button
    dialog.reject()


def test_dragging_shows_what_a_drop_will_do(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id, client_name = _client(desktop)
    _scope_documents_to(desktop, client_id)
    files = make_pdfs(tmp_path, ["a.pdf", "b.pdf"])
    overlay = desktop.window.intake_ui.drops.overlay  # type: ignore[union-attr]
    drag_over(desktop.window.record_views["documents"].table.viewport(), files)
    assert overlay.isVisible()
    assert overlay.text == f"Drop to add 2 files to {client_name}"
    assert overlay.geometry() == desktop.window.rect()
    desktop.window.grab().save("/tmp/drop_overlay.png")
    QApplication.sendEvent(desktop.window.windowHandle(), QDragLeaveEvent())
    qtbot.waitUntil(lambda: not overlay.isVisible())


def test_text_drags_are_left_alone(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController
) -> None:
    from PySide6.QtGui import QDragEnterEvent

    box = desktop.window.record_views["clients"].filter
    desktop.window.show_view("clients")
    mime = QMimeData()
    mime.setText("Smith")
    point = box.mapTo(desktop.window, box.rect().center())
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(desktop.window.windowHandle(), enter)
    assert enter.isAccepted()  # the filter box takes text as it always did
    assert not desktop.window.intake_ui.drops.overlay.isVisible()  # type: ignore[union-attr]
    QApplication.sendEvent(desktop.window.windowHandle(), QDragLeaveEvent())


def test_only_local_files_count() -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/a.pdf"), QUrl.fromLocalFile("/tmp/b.pdf")])
    assert local_paths(mime) == [Path("/tmp/b.pdf")]
    assert overlay_text([Path("/x/W2.pdf")], "Acme LLC") == "Drop to add “W2.pdf” to Acme LLC"
    assert overlay_text([Path("/x/Scans"), Path("/x/a.pdf")], None) == (
        "Drop to add 2 files and folders — you will choose the client next"
    )


def test_corpus_documents_upload_for_the_client(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    manifest = CORPUS / "corpus-manifest.json"
    if not manifest.exists():
        pytest.skip(f"the shared document corpus is not here ({CORPUS})")
    pdfs = sorted(CORPUS.rglob("*.pdf"))[:3]
    if len(pdfs) < 3:
        pytest.skip(f"the corpus at {CORPUS} has fewer than 3 PDFs")
    json.loads(manifest.read_text())
    client_id, _name = _client(desktop, 5)
    _scope_documents_to(desktop, client_id)
    drop_on(desktop.window.record_views["documents"].table.viewport(), pdfs)
    dialog = _dialog(qtbot, desktop)
    report = _confirm(qtbot, dialog, intake)
    batch = report.batch_id  # type: ignore[attr-defined]
    _wait_finished(desktop, intake, batch)
    jobs = intake.queue.jobs(batch_id=batch)
    # The demo firm may hold some of these files already: then they are linked, not sent twice.
    assert {job.state for job in jobs} <= {"done", "duplicate"}, [
        (j.file_name, j.reason) for j in jobs
    ]
    assert all(pdf.exists() for pdf in pdfs)
