"""The queue's totals are counted off the GUI thread, one read at a time, and arrive on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.queue_totals import QueueTotalsReader, files_on_their_way


class SlowCount:
    """Totals counted only when the test lets them; records the thread of each count."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.threads: list[object] = []
        self.counted = 0

    def __call__(self) -> QueueTotals:
        self.threads.append(threading.current_thread())
        self.go.wait(10)
        self.counted += 1
        return QueueTotals({"waiting": self.counted}, 100, 10 * self.counted)


def test_totals_are_counted_on_a_worker_and_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    count = SlowCount()
    count.go.set()
    reader = QueueTotalsReader(count)
    delivered_on: list[object] = []
    reader.ready.connect(lambda _totals: delivered_on.append(QThread.currentThread()))
    with qtbot.waitSignal(reader.ready, timeout=5000) as ready:
        reader.request()
    assert ready.args[0].files == {"waiting": 1}
    assert reader.latest == ready.args[0]
    assert count.threads[0] is not threading.main_thread()
    assert delivered_on == [reader.thread()]
    reader.close()


def test_requests_while_counting_make_one_more_count_not_many(qtbot: QtBot) -> None:
    count = SlowCount()
    reader = QueueTotalsReader(count)
    seen: list[QueueTotals] = []
    reader.ready.connect(seen.append)
    reader.request()
    for _ in range(20):  # four a second for five seconds, while the first count is slow
        reader.request()
    count.go.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    qtbot.wait(100)
    assert count.counted == 2 and len(seen) == 2
    assert seen[-1].files == {"waiting": 2}  # the last word is a count made after the requests
    reader.close()


def test_a_closed_reader_reads_and_says_nothing(qtbot: QtBot) -> None:
    count = SlowCount()
    count.go.set()
    reader = QueueTotalsReader(count)
    reader.close()
    seen: list[QueueTotals] = []
    reader.ready.connect(seen.append)
    reader.request()
    qtbot.wait(100)
    assert count.counted == 0 and seen == []


def test_files_on_their_way_are_those_checked_or_sent() -> None:
    totals = QueueTotals({"hashing": 2, "waiting": 3, "uploading": 1, "paused": 4, "done": 9}, 0, 0)
    assert files_on_their_way(totals) == 6
    assert files_on_their_way(QueueTotals({"unsorted": 2, "failed": 1}, 0, 0)) == 0
