"""Every file under the folders an accountant drops or watches, without surprises.

A dropped client folder can hold ten thousand scans, links that loop back on
themselves, folders nobody may read and the hidden folders intake writes
itself. The walk is iterative (no depth limit), follows a linked folder once
and never twice, and reports what it skips instead of raising, so one bad
folder never hides the rest and the queue can say why a file was not taken.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.intake.ignore_rules import ignore_reason, ignored_folder

LOOPING_LINK = "a link that loops back to a folder already taken"
UNOPENABLE_FOLDER = "a folder that could not be opened"
SPECIAL_FILE = "not a regular file (a device, pipe or socket)"
BROKEN_LINK = "a link to a file that is not there"
MISSING = "not there any more"


@dataclass(frozen=True, slots=True)
class WalkEntry:
    """One file found (or one thing skipped, with ``ignored`` saying why).

    ``root`` is the folder given to the walk that this file was found under,
    None for a file given directly. ``size`` and ``mtime_ns`` are those of the
    file a link points to; they are 0 for skipped folders.
    """

    path: Path
    root: Path | None
    size: int
    mtime_ns: int
    ignored: str | None = None


def walk_files(
    paths: Iterable[Path], *, should_stop: Callable[[], bool] | None = None
) -> Iterator[WalkEntry]:
    """Yield every file in ``paths``, folders walked recursively, in name order.

    Ignored files are yielded with ``ignored`` set; hidden and ignored folders
    below a given folder are not entered (a folder given directly is walked,
    whatever its name: someone chose it). ``should_stop`` is asked between
    entries, so a walk of a huge folder can be abandoned quickly.
    """
    stop = should_stop or (lambda: False)
    visited: set[tuple[int, int]] = set()
    for given in paths:
        if stop():
            return
        given = Path(given)
        try:
            info = os.stat(given)
        except FileNotFoundError:
            yield _skipped(given, None, BROKEN_LINK if os.path.islink(given) else MISSING)
            continue
        except OSError as error:
            yield _skipped(given, None, f"a file that could not be read: {_why(error)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(given, info, visited, stop)
        else:
            yield _file_entry(given, None, info)


def _walk_folder(
    root: Path,
    root_info: os.stat_result,
    visited: set[tuple[int, int]],
    stop: Callable[[], bool],
) -> Iterator[WalkEntry]:
    if _identity(root_info) in visited:
        if os.path.islink(root):
            yield _skipped(root, root, LOOPING_LINK)
        return
    visited.add(_identity(root_info))
    # A stack of folders still to open; pushed in reverse so they pop in name order.
    stack: list[str] = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield _skipped(Path(folder), root, f"{UNOPENABLE_FOLDER}: {_why(error)}")
            continue
        subfolders: list[str] = []
        for entry in entries:
            if stop():
                return
            found = _entry(entry, root, visited)
            if isinstance(found, WalkEntry):
                yield found
            elif found is not None:
                subfolders.append(found)
        stack.extend(reversed(subfolders))


def _entry(
    entry: os.DirEntry[str], root: Path, visited: set[tuple[int, int]]
) -> WalkEntry | str | None:
    """What one directory entry amounts to: a file entry, a folder to open, or nothing."""
    try:
        is_folder = entry.is_dir()
    except OSError:
        is_folder = False
    if is_folder:
        if ignored_folder(Path(entry.name)):
            return None
        try:
            # os.stat, not entry.stat(): on Windows only it fills in st_dev/st_ino.
            identity = _identity(os.stat(entry.path))
        except OSError as error:
            return _skipped(Path(entry.path), root, f"{UNOPENABLE_FOLDER}: {_why(error)}")
        if identity in visited:
            # A real folder reached again only through a link already walked is
            # skipped quietly: its files were taken under the link's name.
            return _skipped(Path(entry.path), root, LOOPING_LINK) if entry.is_symlink() else None
        visited.add(identity)
        return entry.path
    path = Path(entry.path)
    try:
        info = entry.stat()
    except FileNotFoundError:
        # Gone since the folder was listed (a scanner's temporary file, usually),
        # unless it is a link whose target is missing.
        return _skipped(path, root, BROKEN_LINK) if entry.is_symlink() else None
    except OSError as error:
        return _skipped(path, root, f"a file that could not be read: {_why(error)}")
    return _file_entry(path, root, info)


def _file_entry(path: Path, root: Path | None, info: os.stat_result) -> WalkEntry:
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe would block the hasher for ever; a device is no document.
        return WalkEntry(path, root, 0, info.st_mtime_ns, SPECIAL_FILE)
    return WalkEntry(path, root, info.st_size, info.st_mtime_ns, ignore_reason(path))


def _skipped(path: Path, root: Path | None, why: str) -> WalkEntry:
    return WalkEntry(path, root, 0, 0, why)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


def _why(error: OSError) -> str:
    """The operating system's reason in words, without the path (shown beside it)."""
    return (error.strerror or str(error)).rstrip(".").lower()
