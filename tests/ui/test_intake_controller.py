"""The intake controller on a real account: queue actions, signals, watched folders, undo."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.intake.intake_engine import BatchReport, IntakeTarget
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.store.upload_queue import NewUpload
from advisoros_desktop.ui.intake_controller import IntakeController, batch_texts
from advisoros_desktop.ui.intake_settings import IntakeSettings
from tests.ui.desktop_fixture import Desktop
from tests.ui.window_intake_fixture import (
    intake_fixture,  # noqa: F401 (the intake fixture)
    make_pdfs,
    run_until,
)


@pytest.fixture
def idle(desktop: Desktop) -> Iterator[IntakeController]:
    """A controller that is not started: no uploader takes the jobs the test puts in."""
    window = desktop.window
    controller = IntakeController(
        desktop.account, IntakeSettings(window.context.settings), window.undo_stack, window
    )
    yield controller
    desktop.loop.run_until_complete(controller.stop())


def _job(controller: IntakeController, state: str, name: str = "scan.pdf", **fields: object) -> str:
    [upload_id] = controller.queue.add(
        [
            NewUpload(
                path=f"/scans/{name}",
                file_name=name,
                size=1000,
                mtime_ns=1,
                source="watched_folder",
                batch_id=new_id(),
                state=state,
                **fields,  # type: ignore[arg-type]
            )
        ]
    )
    return upload_id


def _state(controller: IntakeController, upload_id: str) -> str:
    job = controller.queue.get(upload_id)
    assert job is not None
    return job.state


def test_queue_actions_run_off_the_gui_thread_and_change_the_states(
    qtbot: QtBot, idle: IntakeController
) -> None:
    waiting = [_job(idle, "waiting", f"w{n}.pdf", sha256="ab" * 32) for n in range(3)]
    failed = _job(idle, "failed", "bad.pdf", reason="broken")

    assert idle.pause(waiting[:2] + waiting[:1]) == 2  # each job once
    qtbot.waitUntil(lambda: _state(idle, waiting[0]) == "paused")
    assert _state(idle, waiting[1]) == "paused" and _state(idle, waiting[2]) == "waiting"

    assert idle.resume(waiting[:1]) == 1
    qtbot.waitUntil(lambda: _state(idle, waiting[0]) == "waiting")

    assert idle.cancel([waiting[2]]) == 1
    qtbot.waitUntil(lambda: _state(idle, waiting[2]) == "cancelled")

    assert idle.pause_all() == 1  # waiting[0]; the others are paused or finished
    qtbot.waitUntil(lambda: _state(idle, waiting[0]) == "paused")
    assert idle.resume_all() == 2
    qtbot.waitUntil(lambda: _state(idle, waiting[1]) == "waiting")

    assert idle.retry_failed() == 1
    # Checked again: the file is not there, so it fails anew, saying why.
    qtbot.waitUntil(lambda: idle.queue.get(failed).reason != "broken")  # type: ignore[union-attr]


def test_assign_sends_unsorted_files_and_remembers_the_choice(
    qtbot: QtBot, desktop: Desktop, idle: IntakeController
) -> None:
    client_id = str(desktop.store.all("client")[0]["id"])
    first = _job(idle, "unsorted", "ACME_scan_001.pdf", sha256="cd" * 32)
    second = _job(idle, "unsorted", "ACME_scan_002.pdf", sha256="ef" * 32, year=2024)
    with qtbot.waitSignal(idle.settings.changed, timeout=5000):
        assert idle.assign([first, second], client_id, category="invoice") == 2
    for upload_id in (first, second):
        job = idle.queue.get(upload_id)
        assert job is not None
        assert (job.state, job.client_id, job.category) == ("waiting", client_id, "invoice")
    assert idle.settings.assignments()[-2:] == [
        ("ACME_scan_001.pdf", client_id, "invoice", None),
        ("ACME_scan_002.pdf", client_id, "invoice", 2024),
    ]


def test_clear_finished_removes_settled_finished_jobs(qtbot: QtBot, idle: IntakeController) -> None:
    done = _job(idle, "done", "a.pdf")
    idle.queue.mark_settled(done)
    unsettled = _job(idle, "failed", "b.pdf")
    waiting = _job(idle, "waiting", "c.pdf")
    assert idle.clear_finished() == 1
    qtbot.waitUntil(lambda: idle.queue.get(done) is None)
    assert idle.queue.get(unsettled) is not None and idle.queue.get(waiting) is not None


def test_queue_changed_is_throttled_to_four_a_second(qtbot: QtBot, idle: IntakeController) -> None:
    times: list[float] = []
    idle.queue_changed.connect(lambda: times.append(time.monotonic()))
    start = time.monotonic()
    while time.monotonic() - start < 1.0:  # a busy queue: a commit every few milliseconds
        _job(idle, "waiting", "busy.pdf")
        qtbot.wait(5)
    qtbot.wait(300)
    assert 2 <= len(times) <= 5, times
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(gap >= 0.2 for gap in gaps), gaps


def test_a_watched_folder_set_in_the_settings_starts_and_uploads(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    client_id = str(sorted(desktop.store.all("client"), key=lambda r: str(r["id"]))[0]["id"])
    folder = tmp_path / "Scanner"
    folder.mkdir()
    states: list[tuple[str, str, str]] = []
    intake.folder_status_changed.connect(lambda *args: states.append(args))
    intake.settings.set_folders(
        [WatchedFolder(folder, quiet_seconds=0.2, after_upload="move", client_id=client_id)]
    )
    run_until(desktop, lambda: (str(folder), "watching") in [s[:2] for s in states], 10)
    assert intake.folder_states()[str(folder)][0] == "watching"
    [scan] = make_pdfs(folder, ["scan_0001.pdf"])

    def uploaded() -> bool:
        jobs = [j for j in intake.queue.jobs() if j.watched_root == str(folder)]
        return bool(jobs) and jobs[0].state == "done" and jobs[0].settled

    run_until(desktop, uploaded, 30, "the watched folder's file to be uploaded and settled")
    assert not scan.exists()  # moved to .processed once the server confirmed it
    assert list((folder / ".processed").rglob("scan_0001.pdf"))

    intake.settings.set_folders([])
    run_until(desktop, lambda: not intake.service._watchers, 10, "the watcher to stop")


def test_a_queued_batch_is_one_undo_step_named_for_its_client(
    qtbot: QtBot, desktop: Desktop, idle: IntakeController, tmp_path: Path
) -> None:
    row = sorted(desktop.store.all("client"), key=lambda r: str(r["id"]))[1]
    files = make_pdfs(tmp_path, ["one.pdf", "two.pdf"])
    with qtbot.waitSignal(idle.batch_queued, timeout=10_000) as queued:
        idle.add_files(files, IntakeTarget(client_id=str(row["id"])), source="desktop")
    report: BatchReport = queued.args[0]
    assert report.queued == 2
    assert {job.source for job in idle.queue.jobs(batch_id=report.batch_id)} == {"desktop"}
    stack = desktop.window.undo_stack
    assert stack.count() == 1
    assert stack.text(0) == f"Add 2 files for {row['businessName']}"


def test_a_failed_drop_walk_says_so_and_queues_nothing(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    with (
        qtbot.waitSignal(intake.batch_ended, timeout=10_000),
        qtbot.waitSignal(intake.message, timeout=10_000) as said,
    ):
        intake.add_files([tmp_path / "not there"], IntakeTarget(client_id="x"))
    assert "Nothing was added" in said.args[0]
    assert desktop.window.undo_stack.count() == 0


def test_batch_texts_say_what_happened() -> None:
    report = BatchReport("b", queued=3, already_taken=1, ignored=[("/x/.DS_Store", "hidden")])
    undo, message = batch_texts(report, "Acme LLC")
    assert undo == "Add 3 files for Acme LLC"
    assert message == (
        "Added 3 files for Acme LLC. 1 file was added before. 1 file skipped (hidden)."
    )
    _undo, nothing = batch_texts(BatchReport("b", already_taken=2), "Acme LLC")
    assert nothing == "Nothing was added. 2 files were added before."
    _undo, by_rules = batch_texts(BatchReport("b", queued=1), None)
    assert by_rules == "Added 1 file. Filename rules choose their clients."


def test_after_stop_files_are_refused_with_a_word(
    qtbot: QtBot, desktop: Desktop, idle: IntakeController, tmp_path: Path
) -> None:
    desktop.loop.run_until_complete(idle.stop())
    with qtbot.waitSignal(idle.batch_ended), qtbot.waitSignal(idle.message) as said:
        idle.add_files([tmp_path], IntakeTarget())
    assert "stopped" in said.args[0]
