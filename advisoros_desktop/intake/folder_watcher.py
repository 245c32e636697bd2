"""Watching one folder (a scanner's output, a "print to PDF" target) for finished files.

Change notifications are a hint, not the truth: they are lost while the
computer sleeps, while a network share is away, and when a flood overflows
the system's queue; a whole folder moved in arrives as one event. So every
start, resume and reappearance begins with a walk of the folder
(reconciliation), every event and every walked file goes through the
stability tracker, and the file system is what is believed. Files reach
``on_ready`` only once finished, never the ones intake writes itself
(``.processed`` and the other hidden folders) nor temporary files.

Everything runs on the watcher's own thread (plus watchdog's), so ``start``,
``stop``, ``pause``, ``resume`` and ``rescan`` return at once; ``on_ready`` and
``on_status`` are called from that thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers.api import BaseObserver

from advisoros_desktop.intake.change_notifications import (
    notifications_alive,
    start_notifications,
    stop_notifications,
)
from advisoros_desktop.intake.folder_walk import WalkEntry, walk_files
from advisoros_desktop.intake.ignore_rules import ignore_reason, ignored_folder
from advisoros_desktop.intake.resume_detection import ResumeDetector
from advisoros_desktop.intake.stability import StabilityTracker
from advisoros_desktop.intake.watched_folders import WatchedFolder

__all__ = ["FolderWatcher", "WatchedFolder"]

log = logging.getLogger(__name__)

# Notifications can be dropped without a word (a kernel queue overflow under a
# flood of files), so a natively watched folder is walked again now and then.
# Cheap: files already delivered and unchanged are recognised from the walk.
SAFETY_RESCAN_SECONDS = 600.0
_STOP_WAIT_SECONDS = 0.9

_FILE_EVENTS = (FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileAttribEvent)

_Version = tuple[int, int]  # size, mtime in ns


class FolderWatcher:
    """One watched folder: events → stability → ready files, delivered from its own thread."""

    def __init__(
        self,
        folder: WatchedFolder,
        on_ready: Callable[[Path], None],
        *,
        on_status: Callable[[str, str], None] | None = None,
    ) -> None:
        self.folder = folder
        self.state = ""  # 'watching' | 'missing' | 'paused' | 'error' once started
        self.message = ""
        self._root = Path(os.path.abspath(folder.path))
        self._real_root = self._root
        self._on_ready = on_ready
        self._on_status = on_status or (lambda _state, _message: None)
        self._tracker = StabilityTracker(folder.quiet_seconds)
        self._tick = min(0.5, max(0.02, folder.quiet_seconds / 4))
        self._events: queue.SimpleQueue[FileSystemEvent] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._rescan_wanted = threading.Event()
        self._pause_wanted = folder.paused
        self._thread: threading.Thread | None = None
        self._observer: BaseObserver | None = None
        self._observer_note = ""
        # What was handed on, by path: a file is offered again only as another version.
        self._delivered: dict[Path, _Version] = {}
        self._resume = ResumeDetector()
        self._next_root_check = 0.0
        self._next_safety_rescan = 0.0

    # -- called from any thread -------------------------------------------------
    def start(self) -> None:
        """Begin watching on the watcher's thread; a watcher is started once.

        Notifications are switched on before the reconciliation walk of what
        is already there, so a file arriving in between is not missed.
        """
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._run, name=f"intake watcher {self._root.name}", daemon=True
        )
        self._thread.start()

    def rescan(self) -> None:
        """Walk the folder again (after sleep, or when told it may have changed unseen)."""
        self._rescan_wanted.set()
        self._wake.set()

    def pause(self) -> None:
        """Stop taking files until ``resume``; nothing is delivered meanwhile."""
        self._pause_wanted = True
        self._wake.set()

    def resume(self) -> None:
        """Watch again, starting with a reconciliation walk."""
        self._pause_wanted = False
        self._wake.set()

    def stop(self) -> None:
        """Stop watching and wait (briefly) for the threads to end."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(_STOP_WAIT_SECONDS)
            if self._thread.is_alive():
                # Stuck in a slow call to a vanished share; it is a daemon thread
                # and ends by itself when that call returns.
                log.warning("The watcher of %s is still busy; leaving it to finish", self._root)

    # -- the watcher's thread ---------------------------------------------------
    def _run(self) -> None:
        try:
            self._guarded(self._enter_paused if self._pause_wanted else self._enter_watching)
            while not self._stopping.is_set():
                self._wake.wait(self._tick)
                self._wake.clear()
                if self._stopping.is_set():
                    break
                self._guarded(self._step)
        finally:
            self._stop_observer()

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run one step; the watcher must outlive any one failure and try again later."""
        try:
            action()
        except Exception as error:
            log.exception("Watching %s failed", self._root)
            self._stop_observer()
            self._tracker.clear()
            self._next_root_check = time.monotonic() + self.folder.poll_seconds
            self._report(
                "error",
                f"Watching {self._root} stopped working ({error}); "
                f"trying again in {self.folder.poll_seconds:g} s.",
            )

    def _step(self) -> None:
        if self._pause_wanted != (self.state == "paused"):
            if self._pause_wanted:
                self._enter_paused()
            else:
                self._enter_watching()
            return
        resumed = self._resume.resumed()
        now = time.monotonic()
        if self.state != "watching":
            # Paused, missing or failing: nothing here can be taken, and what is
            # here when watching starts again is found by that start's walk.
            self._discard_events()
            if self.state != "paused" and now >= self._next_root_check:
                self._check_root(now)
            return
        root_gone = self._take_events()
        if root_gone or now >= self._next_root_check:
            self._check_root(now)
            if self.state != "watching":
                return
        if resumed or self._rescan_wanted.is_set() or now >= self._next_safety_rescan:
            self._rescan()
        for path in self._tracker.ready():
            if self._should_abandon():
                break  # the rest are offered again by the walk that ends the pause
            self._deliver(path)

    def _enter_watching(self) -> None:
        self._next_root_check = time.monotonic() + self.folder.poll_seconds
        state, message = self._root_condition()
        if state != "watching":
            self._leave(state, message)
            return
        try:
            self._start_observer()
        except OSError as error:
            self._leave(
                "error",
                f"The folder {self._root} could not be watched ({_why(error)}); "
                f"trying again every {self.folder.poll_seconds:g} s.",
            )
            return
        self._report("watching", self._watching_message())
        self._rescan()

    def _enter_paused(self) -> None:
        self._leave("paused", f"Watching {self._root} is paused.")

    def _leave(self, state: str, message: str) -> None:
        """Stop listening and tracking: files here cannot be taken until watching again."""
        self._stop_observer()
        self._tracker.clear()
        self._discard_events()
        self._report(state, message)

    def _check_root(self, now: float) -> None:
        self._next_root_check = now + self.folder.poll_seconds
        state, message = self._root_condition()
        if self.state in ("missing", "error"):
            if state == "watching":
                self._enter_watching()
            elif (state, message) != (self.state, self.message):
                self._report(state, message)
        elif state != "watching":
            self._leave(state, message)
        elif not self._observer_alive():
            # The folder was replaced (deleted and made again between two
            # checks) or the notifications stopped: listen again, look again.
            log.info("Notifications for %s stopped; watching it again", self._root)
            self._stop_observer()
            self._enter_watching()

    def _root_condition(self) -> tuple[str, str]:
        """('watching', '') when the folder can be listed, else the state to report and why."""
        try:
            with os.scandir(self._root) as listing:
                next(listing, None)
        except PermissionError as error:
            return (
                "error",
                f"The folder {self._root} could not be opened ({_why(error)}); "
                f"trying again every {self.folder.poll_seconds:g} s.",
            )
        except OSError:
            # Not there, not a folder, or a share that stopped answering: all
            # look the same to an accountant, and all may come back.
            return (
                "missing",
                f"The folder {self._root} is not there (unplugged drive?); "
                "watching for it to come back.",
            )
        return ("watching", "")

    def _start_observer(self) -> None:
        self._real_root = Path(os.path.realpath(self._root))
        self._observer, self._observer_note = start_notifications(
            self._root,
            self._events,
            polling=self.folder.polling,
            poll_seconds=self.folder.poll_seconds,
        )
        native = not (self.folder.polling or self._observer_note)
        self._next_safety_rescan = (
            time.monotonic() + SAFETY_RESCAN_SECONDS if native else float("inf")
        )

    def _watching_message(self) -> str:
        if self.folder.polling or self._observer_note:
            every = f"{self.folder.poll_seconds:g} s"
            return f"Watching {self._root}, checking every {every}{self._observer_note}."
        return f"Watching {self._root}."

    def _observer_alive(self) -> bool:
        return notifications_alive(self._observer)

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        stop_notifications(observer, _STOP_WAIT_SECONDS)

    # -- events and walks -------------------------------------------------------
    def _discard_events(self) -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                self._events.get_nowait()

    def _take_events(self) -> bool:
        """Observe every file the waiting events name; True if the folder itself went away."""
        files: dict[Path, None] = {}
        folders: dict[Path, None] = {}
        root_gone = False
        with contextlib.suppress(queue.Empty):
            while True:
                event = self._events.get_nowait()
                if isinstance(event, DirDeletedEvent | DirMovedEvent) and self._is_root(
                    event.src_path
                ):
                    root_gone = True
                    continue
                if isinstance(event, FileDeletedEvent | FileMovedEvent):
                    self._forget(Path(os.fsdecode(event.src_path)), folder=False)
                elif isinstance(event, DirDeletedEvent | DirMovedEvent):
                    self._forget(Path(os.fsdecode(event.src_path)), folder=True)
                if isinstance(event, FileMovedEvent):
                    files[Path(os.fsdecode(event.dest_path))] = None
                elif isinstance(event, _FILE_EVENTS):
                    files[Path(os.fsdecode(event.src_path))] = None
                elif isinstance(event, DirMovedEvent):
                    folders[Path(os.fsdecode(event.dest_path))] = None
                elif isinstance(event, DirCreatedEvent):
                    folders[Path(os.fsdecode(event.src_path))] = None
        for seen in files:
            path = self._inside(seen, folder=False)
            if path is not None and ignore_reason(path) is None:
                self._tracker.observe(path)
        for seen in folders:
            path = self._inside(seen, folder=True)
            if path is not None:
                for entry in walk_files([path], should_stop=self._should_abandon):
                    self._consider(entry)
        return root_gone

    def _rescan(self) -> None:
        """Reconciliation: every file in the folder goes through the stability tracker."""
        self._rescan_wanted.clear()
        if self._next_safety_rescan != float("inf"):
            self._next_safety_rescan = time.monotonic() + SAFETY_RESCAN_SECONDS
        present: set[tuple[Path, int, int]] = set()
        for entry in walk_files([self._root], should_stop=self._should_abandon):
            present.add((entry.path, entry.size, entry.mtime_ns))
            self._consider(entry)
        if not self._should_abandon():
            # Forget deliveries of files that left the folder, so the memory
            # stays the size of the folder, not of its history.
            self._delivered = {
                path: version
                for path, version in self._delivered.items()
                if (path, *version) in present
            }

    def _forget(self, gone: Path, *, folder: bool) -> None:
        """A file (or a folder of files) left: if it comes back, it is looked at again.

        Whether it is taken then is the intake ledger's decision (a file put
        back unchanged is known there); the watcher only must not hide it.
        """
        for base in (self._root, self._real_root):
            try:
                relative = gone.relative_to(base)
            except ValueError:
                continue
            path = self._root / relative
            if not folder:
                self._delivered.pop(path, None)
                return
            for known in [known for known in self._delivered if known.is_relative_to(path)]:
                del self._delivered[known]
            return

    def _consider(self, entry: WalkEntry) -> None:
        if entry.ignored is not None:
            return
        if self._delivered.get(entry.path) == (entry.size, entry.mtime_ns):
            return
        self._tracker.observe(entry.path, size=entry.size, mtime_ns=entry.mtime_ns)

    def _deliver(self, path: Path) -> None:
        try:
            info = os.stat(path)
        except OSError:
            return
        version = (info.st_size, info.st_mtime_ns)
        if self._delivered.get(path) == version:
            return
        try:
            self._on_ready(path)
        except Exception:
            # Not remembered as delivered: the next walk offers it again.
            log.exception("Taking %s from a watched folder failed", path)
            return
        self._delivered[path] = version

    def _inside(self, path: Path, *, folder: bool) -> Path | None:
        """``path`` spelled under the watched folder; None if outside it or in a hidden folder."""
        for base in (self._root, self._real_root):
            try:
                relative = path.relative_to(base)
            except ValueError:
                continue
            parts = relative.parts if folder else relative.parts[:-1]
            if any(ignored_folder(Path(part)) for part in parts):
                return None
            return self._root / relative
        return None

    def _is_root(self, event_path: bytes | str) -> bool:
        path = Path(os.fsdecode(event_path))
        return path in (self._root, self._real_root)

    def _should_abandon(self) -> bool:
        return self._stopping.is_set() or self._pause_wanted

    def _report(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return
        self.state, self.message = state, message
        try:
            self._on_status(state, message)
        except Exception:
            log.exception("Reporting the state of %s failed", self._root)


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".").lower()
