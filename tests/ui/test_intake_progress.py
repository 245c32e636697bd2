"""The status bar's intake line counts this run of work and promises a time only when it can."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.intake_progress import IntakeProgress, time_left_text

MB = 1_000_000


def _totals(bytes_total: int = 40 * MB, bytes_done: int = 0, **files: int) -> QueueTotals:
    return QueueTotals(files, bytes_total, bytes_done)


def test_counts_start_from_what_was_finished_before(qtbot: QtBot) -> None:
    label = IntakeProgress()
    qtbot.addWidget(label)
    label.show_totals(_totals(done=5000), now=0)
    assert label.text() == "" and label.isHidden()
    label.show_totals(_totals(done=5000, waiting=37, uploading=3), now=1)
    assert label.text() == "Uploading 3 of 40 files"
    label.show_totals(_totals(bytes_done=10 * MB, done=5011, waiting=26, uploading=3), now=11)
    assert label.text() == "Uploading 14 of 40 files — less than a minute left"
    label.show_totals(_totals(bytes_done=11 * MB, done=5012, waiting=25, uploading=3), now=71)
    assert label.text().startswith("Uploading 15 of 40 files — about ")


def test_only_hashing_reads_as_checking_and_idle_says_what_waits(qtbot: QtBot) -> None:
    label = IntakeProgress()
    qtbot.addWidget(label)
    label.show_totals(_totals(hashing=12), now=0)
    assert label.text() == "Checking 12 files"
    label.show_totals(_totals(unsorted=2, done=3), now=1)
    assert label.text() == "2 files need a client (Intake)"
    label.show_totals(_totals(paused=1), now=2)
    assert label.text() == "1 file paused (Intake)"


def test_time_left_reads_like_a_person_would_say_it() -> None:
    assert time_left_text(30) == "less than a minute left"
    assert time_left_text(125) == "about 2 min left"
    assert time_left_text(3600) == "about 1 h left"
    assert time_left_text(4500) == "about 1 h 15 min left"
