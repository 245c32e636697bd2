"""When a file in a watched folder is finished and may be taken.

Scanners and "print to PDF" write a file in pieces, and over a network share
the pieces can arrive seconds apart. Taking the file early uploads half a
document, so a file is ready only once its size and modification time have not
changed for a quiet period and it opens for reading (on Windows the writer
usually holds it locked until it is done). Nothing here decides whether the
content is acceptable: an empty or unreadable file that stays that way is ready,
and the file checks explain what is wrong with it.
"""

from __future__ import annotations

import enum
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Windows' "being used by another process" and "part of the file is locked".
_SHARING_VIOLATIONS = (32, 33)


class _Access(enum.Enum):
    TAKE = "take"
    WAIT = "wait"
    GONE = "gone"


@dataclass(slots=True)
class _Watched:
    size: int
    mtime_ns: int
    since: float


class StabilityTracker:
    """Files seen in a watched folder, each waiting out its quiet period.

    Used from one thread: the watcher's, which observes event paths and polls
    ``ready()`` about twice a second.
    """

    def __init__(
        self, quiet_seconds: float = 2.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.quiet_seconds = quiet_seconds
        self._clock = clock
        self._files: dict[Path, _Watched] = {}

    def observe(self, path: Path, *, size: int | None = None, mtime_ns: int | None = None) -> None:
        """Note that ``path`` was seen; its quiet period (re)starts if it changed.

        ``size`` and ``mtime_ns`` may be given when the caller has just read
        them (a folder walk), which saves a second look over a slow share.
        Anything that is not a regular file is not tracked.
        """
        if size is None or mtime_ns is None:
            try:
                info = os.stat(path)
            except OSError:
                self._files.pop(path, None)
                return
            if not stat.S_ISREG(info.st_mode):
                self._files.pop(path, None)
                return
            size, mtime_ns = info.st_size, info.st_mtime_ns
        self._note(path, size, mtime_ns, self._clock())

    def ready(self) -> list[Path]:
        """Files unchanged for the quiet period that open for reading, oldest first.

        Each tracked file is looked at again on every call, so a file that is
        still growing restarts its quiet period even when no event said so.
        Returned files are no longer tracked; vanished ones are dropped.
        """
        now = self._clock()
        taken: list[Path] = []
        for path, watched in list(self._files.items()):
            try:
                info = os.stat(path)
            except OSError:
                # Deleted, renamed, or its folder is gone: nothing to take.
                del self._files[path]
                continue
            if not stat.S_ISREG(info.st_mode):
                del self._files[path]
                continue
            if (info.st_size, info.st_mtime_ns) != (watched.size, watched.mtime_ns):
                self._note(path, info.st_size, info.st_mtime_ns, now)
                continue
            if now - watched.since < self.quiet_seconds:
                continue
            access = _try_reading(path)
            if access is _Access.WAIT:
                continue  # still held by its writer; looked at again next time
            del self._files[path]
            if access is _Access.TAKE:
                taken.append(path)
        return taken

    def pending(self) -> int:
        """How many files are waiting out their quiet period."""
        return len(self._files)

    def next_check_in(self) -> float | None:
        """Seconds until the earliest tracked file could be ready; None when none is tracked."""
        if not self._files:
            return None
        now = self._clock()
        earliest = min(watched.since for watched in self._files.values())
        return max(0.0, earliest + self.quiet_seconds - now)

    def forget(self, path: Path) -> None:
        """Stop tracking ``path`` (it left the watched folder)."""
        self._files.pop(path, None)

    def clear(self) -> None:
        """Stop tracking everything (the folder went away or was paused)."""
        self._files.clear()

    def _note(self, path: Path, size: int, mtime_ns: int, now: float) -> None:
        watched = self._files.get(path)
        if watched is None:
            self._files[path] = _Watched(size, mtime_ns, now)
        elif (watched.size, watched.mtime_ns) != (size, mtime_ns):
            watched.size, watched.mtime_ns, watched.since = size, mtime_ns, now


def _try_reading(path: Path) -> _Access:
    """Whether the file can be opened and read now.

    Only a sharing violation (the writer still has it) means "wait". Any other
    failure, permission denied say, will not pass by waiting; the file is
    handed on so the file checks can tell the accountant why it was not taken.
    """
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except FileNotFoundError:
        return _Access.GONE
    except OSError as error:
        if getattr(error, "winerror", None) in _SHARING_VIOLATIONS:
            return _Access.WAIT
        return _Access.TAKE
    return _Access.TAKE
