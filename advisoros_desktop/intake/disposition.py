"""Where a watched folder's file goes once its upload is finished.

A scanner folder that keeps every uploaded scan soon holds thousands of files
nobody can tell apart, so uploaded files move to ``.processed/<date>/``,
duplicates to ``.duplicates/`` and failures to ``.failed/`` beside a note
saying why. Each keeps its path under the watched folder (client, year), so
two files of the same name from different clients do not clash and a person
looking for a file finds it where they expect.

This is run only after the server confirmed the file (or refused it), and it
never loses one: nothing is overwritten (a clash becomes "name (2).pdf"), a
move across volumes is copied, synced and verified before the source is
removed, and a file that cannot be moved stays where it is with the reason
said. The ledger remembers the file either way, so it is not taken twice.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path

from advisoros_desktop.intake.error_reports import (
    ERROR_REPORT_SUFFIX,
    error_report_path,
    error_report_text,
    write_error_report,
)
from advisoros_desktop.intake.upload_names import shorten_name, split_extension

PROCESSED_FOLDER = ".processed"
DUPLICATES_FOLDER = ".duplicates"
FAILED_FOLDER = ".failed"

# Settled.action values.
MOVED = "moved"
DELETED = "deleted"
LEFT = "left"
GONE = "gone"

_COPY_CHUNK = 1024 * 1024
_DEFAULT_NAME_MAX = 255
_MAX_NUMBERED = 10_000
_MOVE_ATTEMPTS = 20


class AfterUpload(StrEnum):
    """A watched folder's setting for files the server has confirmed."""

    MOVE = "move"
    DELETE = "delete"
    LEAVE = "leave"


@dataclass(frozen=True)
class Settled:
    """What was done with a source file: action is 'moved', 'deleted', 'left' or 'gone'."""

    action: str
    destination: Path | None
    message: str


def settle_done(source: Path, root: Path, after: AfterUpload, *, today: date) -> Settled:
    """Tidy a file the server confirmed: move, delete or leave it, per the folder's setting."""
    if after == AfterUpload.LEAVE:
        return Settled(LEFT, None, f"“{source.name}” stays in place, as this folder is set to do.")
    if after == AfterUpload.DELETE:
        return _delete(source, root)
    destination = _routed(source, root, root / PROCESSED_FOLDER / today.isoformat())
    return _move(source, root, destination, "AdvisorOS has it")


def settle_duplicate(source: Path, root: Path, *, document_label: str) -> Settled:
    """Move a file the firm already had to ``.duplicates``, keeping its path under ``root``."""
    known = f" as {document_label}" if document_label else ""
    destination = _routed(source, root, root / DUPLICATES_FOLDER)
    return _move(source, root, destination, f"AdvisorOS already has it{known}")


def settle_failed(
    source: Path, root: Path, *, problem: str, advice: str, when: datetime
) -> Settled:
    """Move a file that could not be uploaded to ``.failed``, with a note saying why.

    When the file cannot be moved, the note is written beside it where it is.
    """
    destination = _routed(source, root, root / FAILED_FOLDER)
    if destination == source and os.path.lexists(source):
        # Retried from .failed and refused again: it stays, with a new note beside it.
        settled = Settled(
            LEFT,
            None,
            f"“{source.name}” stays in {_shown(source.parent, root)}: it could not be uploaded.",
        )
    else:
        settled = _move(
            source, root, destination, "it could not be uploaded", companions=(ERROR_REPORT_SUFFIX,)
        )
    if settled.action == GONE:
        return settled
    placed = settled.destination or source
    text = error_report_text(
        file_name=source.name, original_path=source, problem=problem, advice=advice, when=when
    )
    try:
        # Beside a moved file its note's name was kept free; in place, an older note may be there.
        report = error_report_path(placed) if settled.destination else _free_note_beside(source)
        write_error_report(report, text)
    except OSError as err:
        return Settled(
            settled.action,
            settled.destination,
            f"{settled.message} The note saying why could not be written ({_reason(err)}).",
        )
    return Settled(
        settled.action, settled.destination, f"{settled.message} Why: see “{report.name}”."
    )


def unique_destination(path: Path, *, companions: Sequence[str] = ()) -> Path:
    """``path`` if free, else "name (2).ext", "name (3).ext", …: never an existing file.

    Each companion suffix (``.error.txt``) must be free beside it too. The name
    is shortened, keeping its extension, to fit the file system's limit with
    the number and the companions added.
    """
    folder = path.parent
    limit = _name_limit(folder)
    extra = max((_name_length(suffix) for suffix in companions), default=0)
    for number in range(1, _MAX_NUMBERED + 1):
        label = "" if number == 1 else f" ({number})"
        room = limit - extra - _name_length(label)
        base = shorten_name(path.name, partial(_fits, room=room))
        stem, extension = split_extension(base)
        candidate = folder / f"{stem}{label}{extension}"
        taken = [candidate, *(candidate.with_name(candidate.name + s) for s in companions)]
        if not any(os.path.lexists(p) for p in taken):
            return candidate
    raise FileExistsError(errno.EEXIST, f"no free name like “{path.name}” in {folder}")


def _free_note_beside(source: Path) -> Path:
    """ "<name>.error.txt", else "<name> (2).error.txt", …: still a note the walk ignores."""
    limit = _name_limit(source.parent)
    for number in range(1, _MAX_NUMBERED + 1):
        tail = ("" if number == 1 else f" ({number})") + ERROR_REPORT_SUFFIX
        base = shorten_name(source.name, partial(_fits, room=limit - _name_length(tail)))
        note = source.with_name(base + tail)
        if not os.path.lexists(note):
            return note
    raise FileExistsError(errno.EEXIST, f"no free name for a note beside “{source.name}”")


# -- moving and deleting ------------------------------------------------------------------


def _routed(source: Path, root: Path, folder: Path) -> Path:
    """``folder`` + the source's path under ``root`` (client/year/…), or just its name.

    A file retried from one of intake's own folders keeps its place under the
    client, not under ``.failed`` (or ``.processed/<date>``) a second time.
    """
    try:
        parts = source.relative_to(root).parts
    except ValueError:
        return folder / source.name
    if parts[:1] in ((FAILED_FOLDER,), (DUPLICATES_FOLDER,)):
        parts = parts[1:]
    elif parts[:1] == (PROCESSED_FOLDER,):
        parts = parts[2:]
    return folder.joinpath(*parts) if parts else folder / source.name


def _move(
    source: Path, root: Path, destination: Path, why: str, *, companions: Sequence[str] = ()
) -> Settled:
    name = source.name
    if not os.path.lexists(source):
        return _gone(source, root)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return _left(source, destination.parent, root, err)
    for _attempt in range(_MOVE_ATTEMPTS):
        try:
            target = unique_destination(destination, companions=companions)
            _place(source, target)
        except FileExistsError:
            continue  # taken between the check and the move: take the next number
        except OSError as err:
            if not os.path.lexists(source):
                return _gone(source, root)
            return _left(source, destination.parent, root, err)
        return Settled(MOVED, target, f"“{name}” moved to {_shown(target, root)}: {why}.")
    busy = OSError(errno.EEXIST, "other files kept taking the free names")
    return _left(source, destination.parent, root, busy)


def _place(source: Path, target: Path) -> None:
    """Move ``source`` to ``target`` without ever replacing an existing ``target``."""
    try:
        if os.name == "nt":
            os.rename(source, target)  # Windows' rename refuses an existing target by itself
        else:
            _link_then_unlink(source, target)
    except OSError as err:
        if err.errno != errno.EXDEV:
            raise
        _copy_across(source, target)


def _link_then_unlink(source: Path, target: Path) -> None:
    # POSIX rename replaces silently; a hard link refuses an existing name, atomically.
    try:
        os.link(source, target, follow_symlinks=False)
    except (FileExistsError, FileNotFoundError):
        raise
    except (OSError, NotImplementedError) as err:
        if isinstance(err, OSError) and err.errno == errno.EXDEV:
            raise
        # File systems without hard links (FAT, many network shares): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "already exists", str(target)) from err
        os.replace(source, target)
        return
    try:
        os.unlink(source)
    except FileNotFoundError:
        pass  # someone removed the old name meanwhile: the file lives on at target
    except OSError:
        os.unlink(target)  # keep the file in one place only: where it was
        raise


def _copy_across(source: Path, target: Path) -> None:
    """Copy to another volume, sync and verify it, then remove the source."""
    with open(source, "rb") as reading:
        expected = os.fstat(reading.fileno()).st_size
        writing = open(target, "xb")  # noqa: SIM115 - removed on failure, so not a plain with
        try:
            with writing:
                shutil.copyfileobj(reading, writing, _COPY_CHUNK)
                writing.flush()
                os.fsync(writing.fileno())
                written = os.fstat(writing.fileno()).st_size
            if written != expected or os.stat(source).st_size != expected:
                raise OSError(errno.EIO, f"the copy has {written:,} of {expected:,} bytes")
            with contextlib.suppress(OSError):  # some file systems keep no times or modes
                shutil.copystat(source, target)
            _sync_folder(target.parent)
            os.unlink(source)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(target)  # ours: created above, so removing it loses nothing
            raise


def _sync_folder(folder: Path) -> None:
    # Makes the new name itself durable before the source's name is removed.
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _delete(source: Path, root: Path) -> Settled:
    try:
        os.unlink(source)
    except FileNotFoundError:
        return _gone(source, root)
    except OSError as err:
        return Settled(
            LEFT,
            None,
            f"“{source.name}” stays in place: it could not be deleted ({_reason(err)}). "
            "Nothing is lost; AdvisorOS remembers the file and will not take it a second time.",
        )
    return Settled(
        DELETED,
        None,
        f"“{source.name}” deleted from {_shown(source.parent, root)}: AdvisorOS has it, "
        "and this folder is set to delete uploaded files.",
    )


def _gone(source: Path, root: Path) -> Settled:
    return Settled(
        GONE,
        None,
        f"“{source.name}” was no longer in {_shown(source.parent, root)} when AdvisorOS "
        "came to tidy it; someone moved or deleted it. Nothing was moved.",
    )


def _left(source: Path, folder: Path, root: Path, err: OSError) -> Settled:
    return Settled(
        LEFT,
        None,
        f"“{source.name}” stays in place: it could not be moved to "
        f"{_shown(folder, root)} ({_reason(err)}). Nothing is lost; AdvisorOS remembers "
        "the file and will not take it a second time.",
    )


def _shown(path: Path, root: Path) -> str:
    """A path as the accountant knows it: under the watched folder's name."""
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def _reason(err: OSError) -> str:
    return err.strerror or str(err)


# -- name lengths -------------------------------------------------------------------------


def _name_limit(folder: Path) -> int:
    """The longest name the folder's file system takes, in its own units."""
    pathconf = getattr(os, "pathconf", None)
    if pathconf is None:
        return _DEFAULT_NAME_MAX
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        limit = pathconf(probe, "PC_NAME_MAX")
    except (OSError, ValueError):
        return _DEFAULT_NAME_MAX
    return limit if isinstance(limit, int) and limit > 0 else _DEFAULT_NAME_MAX


def _fits(name: str, *, room: int) -> bool:
    return _name_length(name) <= room


def _name_length(name: str) -> int:
    """Length as the file system counts it: UTF-16 units on Windows, encoded bytes elsewhere."""
    if os.name == "nt":
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))
