"""SHA-256 of a file, and proof that the file did not change while it was read.

The hash is the document's identity: it decides duplicates before any byte is
sent, and the server verifies the upload against it. A hash of a file that was
still being written, or that another program replaced halfway, would name
bytes nobody has, so the file is stat'ed before and after and any difference
raises :class:`FileChanged` instead of returning a hash.

Hashing runs on worker threads beside the GUI. Reading into one reusable
buffer and handing ``hashlib`` large slices keeps it close to ``sha256sum``'s
speed, and ``hashlib`` releases the GIL for large updates, so the GUI thread
keeps running meanwhile.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class FileHash:
    sha256: str
    size: int
    mtime_ns: int


class FileChanged(Exception):
    """The file was deleted, replaced or written to while it was being hashed.

    ``how`` is ``'deleted'``, ``'replaced'``, ``'growing'`` (still being
    written) or ``'modified'``; the message says it for the accountant.
    """

    def __init__(self, path: Path, how: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.how = how


class HashingStopped(BaseException):
    """Hashing was stopped on request (the app is closing, the job was cancelled).

    A BaseException, like ``asyncio.CancelledError``: a worker's catch-all
    ``except Exception`` that marks a job failed must not take a stop for a
    failure, since the file is fine and is hashed again next time.
    """


def hash_file(
    path: Path,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    should_stop: Callable[[], bool] | None = None,
) -> FileHash:
    """SHA-256, size and modification time of the file at ``path``.

    Raises FileChanged when the file vanishes, is replaced or changes while
    it is read; HashingStopped when ``should_stop`` answers True (checked
    between chunks); OSError when it cannot be read at all.
    """
    if chunk_bytes < 1:
        raise ValueError("chunk_bytes must be at least 1")
    try:
        with open(path, "rb", buffering=0) as handle:
            before = os.fstat(handle.fileno())
            _read_ahead(handle.fileno())
            digest, read = _digest(handle, before.st_size, chunk_bytes, should_stop)
            after = os.fstat(handle.fileno())
    except FileNotFoundError:  # only open() raises it: an open file stays readable
        raise FileChanged(path, "deleted", _deleted(path.name)) from None
    _check_unchanged(path, before, after, read)
    return FileHash(digest, before.st_size, before.st_mtime_ns)


def _digest(
    handle: io.FileIO, size: int, chunk_bytes: int, should_stop: Callable[[], bool] | None
) -> tuple[str, int]:
    """Hex digest and bytes read; stops early once past ``size`` (the file is growing)."""
    readinto = handle.readinto
    sha = hashlib.sha256()
    buffer = bytearray(chunk_bytes)
    view = memoryview(buffer)
    read = 0
    while True:
        if should_stop is not None and should_stop():
            raise HashingStopped("Hashing was stopped before the end of the file.")
        count = readinto(view)
        if not count:
            break
        sha.update(view[:count])
        read += count
        if read > size:
            break  # a file written faster than it is read would never end
    return sha.hexdigest(), read


def _read_ahead(fd: int) -> None:
    # Tells the kernel the file is read once from start to end (larger read-ahead).
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):  # only a hint; some file systems refuse it
            advise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)


def _check_unchanged(path: Path, before: os.stat_result, after: os.stat_result, read: int) -> None:
    name = path.name
    try:
        now = os.stat(path)
    except FileNotFoundError:
        raise FileChanged(path, "deleted", _deleted(name)) from None
    if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
        raise FileChanged(
            path,
            "replaced",
            f"“{name}” was replaced by another file while AdvisorOS was reading it.",
        )
    largest = max(after.st_size, now.st_size, read)
    if largest > before.st_size:
        raise FileChanged(
            path,
            "growing",
            f"“{name}” is still being written (it grew from {before.st_size:,} to "
            f"{largest:,} bytes while AdvisorOS was reading it).",
        )
    sizes = {after.st_size, now.st_size, read}
    times = {after.st_mtime_ns, now.st_mtime_ns}
    if sizes != {before.st_size} or times != {before.st_mtime_ns}:
        raise FileChanged(
            path,
            "modified",
            f"“{name}” was changed while AdvisorOS was reading it; "
            "another program may still be writing it.",
        )


def _deleted(name: str) -> str:
    return f"“{name}” was deleted or moved away before AdvisorOS finished reading it."
