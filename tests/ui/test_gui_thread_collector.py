"""Garbage collected on the GUI thread only, in full only at rest (``ui/gui_thread_collector``)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from advisoros_desktop.ui import gui_thread_collector as module
from advisoros_desktop.ui.gui_thread_collector import GuiThreadCollector, sync_or_intake_busy


class Cycle:
    """An object only the cycle collector can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def collections() -> Iterator[list[tuple[int, str]]]:
    """(generation, thread name) of every collection while the test runs."""
    seen: list[tuple[int, str]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((info["generation"], threading.current_thread().name))

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


@pytest.fixture
def restore_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def test_takes_over_from_automatic_collection_and_gives_it_back(qtbot, restore_gc) -> None:
    collector = GuiThreadCollector()
    assert gc.isenabled()
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


def test_cycles_made_on_a_worker_thread_are_freed_on_the_gui_thread(
    qtbot, restore_gc, collections
) -> None:
    collector = GuiThreadCollector()
    collector.start()
    freed = threading.Event()
    gui_thread = threading.current_thread().name

    def make_garbage() -> None:
        cycle = Cycle()
        weakref.finalize(cycle, freed.set)
        del cycle
        # Enough new objects that Python would have collected on this thread.
        kept = [Cycle() for _ in range(5 * gc.get_threshold()[0])]
        del kept

    worker = threading.Thread(target=make_garbage, name="worker")
    worker.start()
    worker.join()
    assert not freed.is_set()  # nothing collected on the worker
    qtbot.waitUntil(freed.is_set, timeout=5000)
    collector.stop()
    assert collections, "the timer collected"
    assert {thread for _generation, thread in collections} == {gui_thread}


def test_no_full_collection_while_busy_or_before_its_time(qtbot, restore_gc, monkeypatch) -> None:
    clock = Clock()
    busy = [True]
    active = [True]
    collector = GuiThreadCollector(lambda: busy[0], clock=clock, app_active=lambda: active[0])
    full: list[bool] = []
    monkeypatch.setattr(collector, "collect_fully", lambda: full.append(True))
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, gc.get_threshold()[2] + 1))

    clock.now += module.FULL_AT_MOST_EVERY_SECONDS - 1
    active[0], busy[0] = False, False
    collector.check()
    assert not full, "too soon after the last one"

    clock.now += 2
    busy[0] = True
    collector.check()
    assert not full, "a sync or intake is running"

    busy[0] = False
    active[0] = True
    collector.check()
    assert not full, "the person is using the window and the last one is recent"

    active[0] = False
    collector.check()
    assert full == [True], "at rest: the person is in another program"


def test_a_full_collection_comes_at_rest_after_a_while_and_anyway_after_an_hour(
    qtbot, restore_gc, monkeypatch
) -> None:
    clock = Clock()
    busy = [False]
    collector = GuiThreadCollector(lambda: busy[0], clock=clock, app_active=lambda: True)
    full: list[float] = []
    monkeypatch.setattr(collector, "collect_fully", lambda: full.append(clock.now))
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, gc.get_threshold()[2] + 1))

    clock.now += module.FULL_AT_REST_AFTER_SECONDS
    collector.check()
    assert len(full) == 1

    collector._last_full = clock.now
    busy[0] = True
    clock.now += module.FULL_AT_LEAST_EVERY_SECONDS - 1
    collector.check()
    assert len(full) == 1
    clock.now += 1
    collector.check()
    assert len(full) == 2, "a busy hour still gets its full collection"


def test_not_due_until_python_would_collect_in_full(qtbot, restore_gc, monkeypatch) -> None:
    clock = Clock()
    collector = GuiThreadCollector(clock=clock, app_active=lambda: False)
    full: list[bool] = []
    monkeypatch.setattr(collector, "collect_fully", lambda: full.append(True))
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, gc.get_threshold()[2]))
    clock.now += module.FULL_AT_LEAST_EVERY_SECONDS
    collector.check()
    assert not full


class FakeSync:
    def __init__(self, state: str) -> None:
        self.state = state


class FakeIntake:
    def __init__(self, under_way: bool) -> None:
        self.uploads_under_way = under_way


def test_busy_while_syncing_or_uploading() -> None:
    assert not sync_or_intake_busy(lambda: None, lambda: None)()
    assert sync_or_intake_busy(lambda: FakeSync("syncing"), lambda: None)()
    assert not sync_or_intake_busy(lambda: FakeSync("online"), lambda: FakeIntake(False))()
    assert sync_or_intake_busy(lambda: FakeSync("online"), lambda: FakeIntake(True))()


def test_the_desktop_collects_on_the_gui_thread_until_it_shuts_down(
    qtbot, restore_gc, tmp_path
) -> None:
    import asyncio

    from advisoros_desktop.desktop_startup import DesktopStartup
    from advisoros_desktop.ui.app_context import build_context

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        startup = DesktopStartup(build_context(tmp_path), demo=False)
        startup._collect_on_gui_thread()  # what connect() does before the first sync
        assert startup.collector is not None
        assert not gc.isenabled()
        loop.run_until_complete(startup.shutdown())
        assert startup.collector is None
        assert gc.isenabled()
    finally:
        asyncio.set_event_loop(None)
        loop.close()
