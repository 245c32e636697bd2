"""A file is taken only after it stopped changing for the quiet period and opens for reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advisoros_desktop.intake import stability
from advisoros_desktop.intake.stability import StabilityTracker


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def tracker(clock: FakeClock) -> StabilityTracker:
    return StabilityTracker(quiet_seconds=2.0, clock=clock)


def _grow(path: Path, data: bytes) -> None:
    with open(path, "ab") as handle:
        handle.write(data)
    # Some file systems keep a coarse modification time; the size alone must do.
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_a_file_is_ready_once_quiet_for_the_period(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    scan = tmp_path / "w2.pdf"
    scan.write_bytes(b"%PDF-1.7")
    tracker.observe(scan)

    clock.advance(1.9)
    assert tracker.ready() == []
    assert tracker.pending() == 1
    clock.advance(0.1)
    assert tracker.ready() == [scan]
    assert tracker.pending() == 0
    assert tracker.ready() == []


def test_a_growing_file_is_never_returned(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"page 1")
    tracker.observe(scan)

    for page in range(2, 8):
        clock.advance(1.5)
        _grow(scan, f" page {page}".encode())
        # No event: the tracker's own look sees it grew and starts over.
        assert tracker.ready() == []

    clock.advance(1.9)
    assert tracker.ready() == []
    clock.advance(0.1)
    assert tracker.ready() == [scan]


def test_observing_an_unchanged_file_does_not_restart_its_quiet_period(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    scan = tmp_path / "w2.pdf"
    scan.write_bytes(b"%PDF-1.7")
    tracker.observe(scan)
    clock.advance(1.5)
    tracker.observe(scan)
    clock.advance(0.5)

    assert tracker.ready() == [scan]


def test_observing_a_changed_file_restarts_its_quiet_period(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    scan = tmp_path / "w2.pdf"
    scan.write_bytes(b"%PDF-1.7")
    tracker.observe(scan)
    clock.advance(1.5)
    _grow(scan, b" more")
    tracker.observe(scan)
    clock.advance(1.5)

    assert tracker.ready() == []
    clock.advance(0.5)
    assert tracker.ready() == [scan]


def test_a_file_that_stays_empty_is_returned_for_the_checks_to_report(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.touch()
    tracker.observe(empty)
    clock.advance(2.0)

    assert tracker.ready() == [empty]


def test_vanished_files_are_dropped(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    kept, gone = tmp_path / "kept.pdf", tmp_path / "gone.pdf"
    kept.write_bytes(b"a")
    gone.write_bytes(b"b")
    tracker.observe(kept)
    tracker.observe(gone)
    tracker.observe(tmp_path / "never there.pdf")
    assert tracker.pending() == 2

    gone.unlink()
    assert tracker.ready() == []
    assert tracker.pending() == 1
    clock.advance(2.0)
    assert tracker.ready() == [kept]


def test_folders_and_pipes_are_not_tracked(tmp_path: Path, tracker: StabilityTracker) -> None:
    os.mkfifo(tmp_path / "pipe")
    tracker.observe(tmp_path / "pipe")
    tracker.observe(tmp_path)

    assert tracker.pending() == 0


def test_sizes_from_a_walk_spare_a_second_look(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    scan = tmp_path / "w2.pdf"
    scan.write_bytes(b"%PDF-1.7")
    info = scan.stat()
    tracker.observe(scan, size=info.st_size, mtime_ns=info.st_mtime_ns)
    clock.advance(2.0)

    assert tracker.ready() == [scan]


def test_a_file_held_by_its_writer_waits_until_released(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = tmp_path / "w2.pdf"
    scan.write_bytes(b"%PDF-1.7")
    locked = {scan}
    real_open = open

    def open_like_windows(path: Path, mode: str = "r") -> object:
        if Path(path) in locked:
            error = PermissionError(13, "The process cannot access the file", str(path))
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        return real_open(path, mode)

    monkeypatch.setattr(stability, "open", open_like_windows, raising=False)
    tracker.observe(scan)
    clock.advance(5.0)
    assert tracker.ready() == []
    assert tracker.pending() == 1

    locked.clear()
    assert tracker.ready() == [scan]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_file_without_read_permission_is_returned_for_the_checks_to_report(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.7")
    secret.chmod(0)
    tracker.observe(secret)
    clock.advance(2.0)

    assert tracker.ready() == [secret]


def test_next_check_in_counts_down_to_the_earliest_file(
    tmp_path: Path, clock: FakeClock, tracker: StabilityTracker
) -> None:
    assert tracker.next_check_in() is None
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    first.write_bytes(b"1")
    second.write_bytes(b"2")
    tracker.observe(first)
    clock.advance(0.5)
    tracker.observe(second)

    assert tracker.next_check_in() == pytest.approx(1.5)
    clock.advance(3.0)
    assert tracker.next_check_in() == 0.0
    assert tracker.ready() == [first, second]
    assert tracker.next_check_in() is None


def test_forget_and_clear(tmp_path: Path, clock: FakeClock, tracker: StabilityTracker) -> None:
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    first.write_bytes(b"1")
    second.write_bytes(b"2")
    tracker.observe(first)
    tracker.observe(second)

    tracker.forget(first)
    assert tracker.pending() == 1
    tracker.clear()
    clock.advance(2.0)
    assert tracker.ready() == []
