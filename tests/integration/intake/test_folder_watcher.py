"""A watched folder delivers each finished file once, with real watchdog, native and polling.

Quiet periods are short (0.2 s) so the tests are quick; every wait polls for
its condition until a deadline instead of sleeping a fixed time.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from advisoros_desktop.intake import change_notifications
from advisoros_desktop.intake.folder_watcher import FolderWatcher
from advisoros_desktop.intake.watched_folders import WatchedFolder

QUIET = 0.2
TIMEOUT = 15.0


def wait_for(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def settle(watcher: FolderWatcher) -> None:
    """Long enough for anything already seen to have been delivered (a few quiet periods)."""
    time.sleep(watcher.folder.quiet_seconds * 3 + watcher.folder.poll_seconds * 2)


class Harness:
    """A started watcher and what it delivered and reported, in order."""

    def __init__(
        self, root: Path, *, polling: bool, paused: bool = False, quiet_seconds: float = QUIET
    ) -> None:
        self.root = root
        self.delivered: list[Path] = []
        self.statuses: list[tuple[str, str]] = []
        self.delivered_at: dict[Path, float] = {}
        self._lock = threading.Lock()
        folder = WatchedFolder(
            root, polling=polling, paused=paused, quiet_seconds=quiet_seconds, poll_seconds=0.1
        )
        self.watcher = FolderWatcher(folder, self._ready, on_status=self._status)

    def _ready(self, path: Path) -> None:
        with self._lock:
            self.delivered.append(path)
            self.delivered_at.setdefault(path, time.monotonic())

    def _status(self, state: str, message: str) -> None:
        with self._lock:
            self.statuses.append((state, message))

    @property
    def state(self) -> str:
        return self.statuses[-1][0] if self.statuses else ""

    def wait_delivered(self, *paths: Path) -> None:
        wait_for(lambda: set(paths) <= set(self.delivered), f"delivery of {paths}")

    def wait_state(self, state: str) -> None:
        wait_for(lambda: self.state == state, f"state {state!r} (saw {self.statuses})")

    def start(self) -> Harness:
        self.watcher.start()
        self.wait_state("watching")
        return self


@pytest.fixture(params=["native", "polling"])
def watch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Harness]]:
    harnesses: list[Harness] = []

    def make(*, paused: bool = False, quiet_seconds: float = QUIET) -> Harness:
        root = tmp_path / "Scans"
        root.mkdir(exist_ok=True)
        harness = Harness(
            root, polling=request.param == "polling", paused=paused, quiet_seconds=quiet_seconds
        )
        harnesses.append(harness)
        return harness

    yield make
    for harness in harnesses:
        started = time.monotonic()
        harness.watcher.stop()
        assert time.monotonic() - started < 1.0, "stopping the watcher took too long"


def _write(path: Path, data: bytes = b"%PDF-1.7 scan") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_file_written_in_pieces_is_delivered_once_after_it_stops_growing(
    watch: Callable[..., Harness],
) -> None:
    # Writing lasts about three quiet periods, with pauses far shorter than one.
    quiet = 0.3
    harness = watch(quiet_seconds=quiet).start()
    scan = harness.root / "w2.pdf"
    with open(scan, "wb") as handle:
        for page in range(20):
            handle.write(b"%page " * 2000 + str(page).encode())
            handle.flush()
            last_write = time.monotonic()
            time.sleep(0.05)
    final_size = scan.stat().st_size

    harness.wait_delivered(scan)
    settle(harness.watcher)

    assert harness.delivered == [scan]
    assert harness.delivered_at[scan] >= last_write + quiet
    assert scan.stat().st_size == final_size


def test_files_present_before_start_are_delivered(watch: Callable[..., Harness]) -> None:
    harness = watch()
    early = [_write(harness.root / "a.pdf"), _write(harness.root / "Smith" / "2024" / "w2.pdf")]
    harness.start()

    harness.wait_delivered(*early)
    settle(harness.watcher)
    assert sorted(harness.delivered) == sorted(early)


def test_a_folder_moved_in_is_picked_up(watch: Callable[..., Harness], tmp_path: Path) -> None:
    harness = watch().start()
    outside = tmp_path / "Downloads" / "Jones"
    files = [_write(outside / "1099.pdf"), _write(outside / "2024" / "receipts" / "r1.jpg")]

    os.rename(outside, harness.root / "Jones")

    moved = [harness.root / "Jones" / path.relative_to(outside) for path in files]
    harness.wait_delivered(*moved)
    settle(harness.watcher)
    assert sorted(harness.delivered) == sorted(moved)


def test_ignored_names_and_intakes_own_folders_are_never_delivered(
    watch: Callable[..., Harness],
) -> None:
    harness = watch()
    _write(harness.root / ".processed" / "2024-03-01" / "before.pdf")
    harness.start()
    for name in (
        "~$letter.docx",
        "scan.tmp",
        "download.pdf.crdownload",
        ".hidden.pdf",
        "Thumbs.db",
        "w2.pdf.error.txt",
        ".processed/2024-03-02/done.pdf",
        ".failed/bad.pdf",
        ".duplicates/copy.pdf",
        "Smith/.git/objects/x",
    ):
        _write(harness.root / name)
    good = _write(harness.root / "Smith" / "invoice.pdf")

    harness.wait_delivered(good)
    settle(harness.watcher)
    assert harness.delivered == [good]


def test_a_delivered_file_is_not_delivered_again_unless_it_changes(
    watch: Callable[..., Harness],
) -> None:
    harness = watch().start()
    scan = _write(harness.root / "w2.pdf")
    harness.wait_delivered(scan)

    harness.watcher.rescan()
    settle(harness.watcher)
    assert harness.delivered == [scan]

    _write(scan, b"%PDF-1.7 corrected scan")
    wait_for(lambda: len(harness.delivered) == 2, "the changed file to be delivered")
    assert harness.delivered == [scan, scan]


def test_a_delivered_file_taken_out_and_put_back_unchanged_is_offered_again(
    watch: Callable[..., Harness], tmp_path: Path
) -> None:
    # Whether it is taken again is the ledger's call (a duplicate, normally);
    # the watcher must not sit on it until the next full walk.
    harness = watch().start()
    scan = _write(harness.root / "w2.pdf")
    harness.wait_delivered(scan)

    elsewhere = tmp_path / "Desktop"
    elsewhere.mkdir()
    os.rename(scan, elsewhere / "w2.pdf")
    settle(harness.watcher)
    os.rename(elsewhere / "w2.pdf", scan)

    wait_for(lambda: len(harness.delivered) == 2, "the file put back to be offered again")
    assert harness.delivered == [scan, scan]


def test_a_folder_of_delivered_files_taken_out_and_put_back_is_offered_again(
    watch: Callable[..., Harness], tmp_path: Path
) -> None:
    harness = watch().start()
    batch = harness.root / "Acme"
    batch.mkdir()
    scans = [_write(batch / f"scan-{n}.pdf") for n in range(3)]
    harness.wait_delivered(*scans)

    os.rename(batch, tmp_path / "Acme")
    settle(harness.watcher)
    os.rename(tmp_path / "Acme", batch)

    wait_for(lambda: len(harness.delivered) == 6, "the folder put back to be offered again")
    assert sorted(harness.delivered) == sorted(scans * 2)


def test_moving_a_delivered_file_to_processed_delivers_nothing(
    watch: Callable[..., Harness],
) -> None:
    harness = watch().start()
    scan = _write(harness.root / "w2.pdf")
    harness.wait_delivered(scan)

    processed = harness.root / ".processed" / "2024-03-01"
    processed.mkdir(parents=True)
    os.rename(scan, processed / "w2.pdf")
    settle(harness.watcher)

    assert harness.delivered == [scan]


def test_the_folder_going_away_and_coming_back(
    watch: Callable[..., Harness], tmp_path: Path
) -> None:
    harness = watch().start()
    before = _write(harness.root / "before.pdf")
    harness.wait_delivered(before)

    shutil.rmtree(harness.root)
    harness.wait_state("missing")
    assert harness.statuses[-1][1] == (
        f"The folder {harness.root} is not there (unplugged drive?); watching for it to come back."
    )

    # The drive comes back with a file written while it was away.
    while_away = _write(tmp_path / "elsewhere" / "while away.pdf")
    harness.root.mkdir()
    os.rename(while_away, harness.root / "while away.pdf")
    harness.wait_state("watching")
    after = _write(harness.root / "after.pdf")

    harness.wait_delivered(harness.root / "while away.pdf", after)
    settle(harness.watcher)
    assert sorted(harness.delivered) == sorted([before, harness.root / "while away.pdf", after])


def test_a_link_loop_inside_does_not_hang(watch: Callable[..., Harness]) -> None:
    harness = watch()
    scan = _write(harness.root / "Smith" / "w2.pdf")
    (harness.root / "Smith" / "loop").symlink_to(harness.root / "Smith")
    (harness.root / "everything").symlink_to(harness.root)
    harness.start()

    later = _write(harness.root / "Smith" / "1099.pdf")
    harness.wait_delivered(scan, later)
    harness.watcher.rescan()
    settle(harness.watcher)
    assert sorted(harness.delivered) == sorted([scan, later])


def test_a_thousand_files_dropped_at_once_are_each_delivered_once(
    watch: Callable[..., Harness], tmp_path: Path
) -> None:
    harness = watch().start()
    staging = tmp_path / "copying"
    names = [f"scan {number:04}.pdf" for number in range(1000)]
    for name in names:
        _write(staging / name, name.encode())
    for name in names:
        os.rename(staging / name, harness.root / name)
    expected = {harness.root / name for name in names}

    wait_for(lambda: set(harness.delivered) == expected, "all 1,000 files", timeout=60)
    settle(harness.watcher)
    assert len(harness.delivered) == 1000


def test_pause_and_resume(watch: Callable[..., Harness]) -> None:
    harness = watch().start()
    harness.watcher.pause()
    harness.wait_state("paused")
    while_paused = _write(harness.root / "while paused.pdf")
    settle(harness.watcher)
    assert harness.delivered == []

    harness.watcher.resume()
    harness.wait_delivered(while_paused)
    assert harness.state == "watching"


def test_a_folder_set_up_paused_reports_it_and_takes_nothing(
    watch: Callable[..., Harness],
) -> None:
    harness = watch(paused=True)
    _write(harness.root / "w2.pdf")
    harness.watcher.start()

    harness.wait_state("paused")
    settle(harness.watcher)
    assert harness.delivered == []


def test_a_folder_missing_at_start_is_watched_for(
    watch: Callable[..., Harness],
) -> None:
    harness = watch()
    harness.root.rmdir()
    harness.watcher.start()
    harness.wait_state("missing")

    scan = _write(harness.root / "w2.pdf")
    harness.wait_delivered(scan)
    assert harness.state == "watching"


class _NotificationsExhausted:
    """A native observer on a system out of watches (Linux's inotify limit)."""

    def schedule(self, *_args: object, **_kwargs: object) -> None:
        pass

    def start(self) -> None:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    def stop(self) -> None:
        pass


def test_without_native_notifications_the_folder_is_polled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_notifications, "Observer", _NotificationsExhausted)
    root = tmp_path / "Scans"
    root.mkdir()
    harness = Harness(root, polling=False)
    try:
        harness.start()
        assert harness.statuses[-1][1] == (
            f"Watching {root}, checking every 0.1 s (the system's change notifications "
            "are not available: inotify watch limit reached)."
        )
        scan = _write(root / "w2.pdf")
        harness.wait_delivered(scan)
    finally:
        harness.watcher.stop()
