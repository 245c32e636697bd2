"""The operating system's change notifications for one folder, or polling where there are none.

Native notifications (inotify, FSEvents, ReadDirectoryChangesW) are immediate
but limited: network shares often send none, and Linux caps how many folders
can be watched. Polling works everywhere at the cost of a delay. Either way
the events only go into a queue; the watcher's thread decides what they mean.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import warnings
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

log = logging.getLogger(__name__)

EventQueue = queue.SimpleQueue[FileSystemEvent]

# A folder made inside a watched folder (``.processed/<date>``, a batch copied
# in) can be registered twice by watchdog's inotify observer, once from the
# creation event and once from its walk of the new folder; it keeps one
# callback and warns. Nothing is lost, and the warning would only alarm.
warnings.filterwarnings(
    "ignore",
    message=r"Callback with id '\d+' already exists for watch",
    category=RuntimeWarning,
)


class _Inbox(FileSystemEventHandler):
    """Hands watchdog's events to the watcher's thread; nothing slow on watchdog's."""

    def __init__(self, events: EventQueue) -> None:
        self._events = events

    def on_any_event(self, event: FileSystemEvent) -> None:
        self._events.put(event)


def start_notifications(
    root: Path, events: EventQueue, *, polling: bool, poll_seconds: float
) -> tuple[BaseObserver, str]:
    """A started observer putting every event under ``root`` into ``events``.

    Returns it with a note for the folder's status: empty, or why polling
    replaced the native notifications. Raises OSError when neither can start
    (the folder cannot be read, say).
    """
    note = ""
    if not polling:
        try:
            return _started(Observer(), root, events), note
        except OSError as error:
            # Typically the system's limit on watched folders; polling has none.
            log.warning("Native notifications unavailable for %s: %s", root, error)
            reason = (error.strerror or str(error)).rstrip(".").lower()
            note = f" (the system's change notifications are not available: {reason})"
    # lstat: a linked folder is not walked by the poller, so a link loop cannot
    # multiply its work; the watcher's reconciliation walk follows links safely.
    poller = PollingObserverVFS(os.lstat, os.scandir, polling_interval=poll_seconds)
    return _started(poller, root, events), note


def notifications_alive(observer: BaseObserver | None) -> bool:
    """Whether events still flow (an emitter stops by itself when its folder is deleted)."""
    return (
        observer is not None
        and observer.is_alive()
        and all(emitter.is_alive() for emitter in observer.emitters)
    )


def stop_notifications(observer: BaseObserver | None, wait_seconds: float) -> None:
    """Stop ``observer``, waiting at most ``wait_seconds`` for its thread."""
    if observer is None:
        return
    with contextlib.suppress(Exception):
        observer.stop()
    with contextlib.suppress(RuntimeError):
        observer.join(wait_seconds)


def _started(observer: BaseObserver, root: Path, events: EventQueue) -> BaseObserver:
    observer.schedule(_Inbox(events), os.fspath(root), recursive=True)
    try:
        observer.start()
    except BaseException:
        with contextlib.suppress(Exception):
            observer.stop()
        raise
    return observer
