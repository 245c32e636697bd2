"""Help → Export diagnostics: one zip for support, with nothing a taxpayer would mind.

The zip holds the log files, the versions of everything the program runs on,
the settings and a README saying what is inside. Every text goes through
``redact_text`` on its way in: the current log file was redacted as it was
written, but older ones may predate that, and the settings were never
redacted at all.

The zip is written beside the target under a temporary name and renamed at
the end, so a failed export (a full disk, a folder that went away) leaves no
half zip behind, and an existing file is replaced only by a complete one.
Failures are ``DiagnosticsExportError`` with a sentence the person can act on.

Qt-free: the caller passes the Qt version text, and runs this off the GUI
thread (reading 6 MB of logs and compressing them takes a while).
"""

from __future__ import annotations

import contextlib
import errno
import importlib.metadata
import os
import platform
import re
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from advisoros_desktop.diagnostics.log_files import log_files
from advisoros_desktop.diagnostics.redaction import redact_text

DISTRIBUTION = "advisoros-desktop"
FILE_NAME_FORMAT = "advisoros-diagnostics-%Y%m%d-%H%M.zip"
# A log file bigger than this (not one of ours: ours rotate at 1 MB) goes in by its end.
MAX_LOG_BYTES = 5_000_000
# When the program runs from a source tree without being installed.
KNOWN_DEPENDENCIES = (
    "PySide6",
    "httpx",
    "sniffio",
    "keyring",
    "SQLAlchemy",
    "watchdog",
    "pypdf",
    "pypdfium2",
    "Pillow",
    "qasync",
    "platformdirs",
    "rapidfuzz",
    "fastapi",
    "uvicorn",
    "psycopg",
)
# Adds one text file to the zip under a name.
_Add = Callable[[str, str], None]


class DiagnosticsExportError(Exception):
    """The zip could not be written; ``str()`` says why, in words for the person."""


def default_file_name(now: datetime) -> str:
    """``advisoros-diagnostics-20240131-0945.zip``"""
    return now.strftime(FILE_NAME_FORMAT)


def write_diagnostics(
    data_dir: Path,
    target: Path,
    settings_file: Path | None,
    qt_versions: str,
    now: datetime,
) -> Path:
    """Write the diagnostics zip to ``target`` and return it.

    ``settings_file`` is the settings' INI file (None when there is none);
    ``qt_versions`` is how the caller describes its Qt, e.g. ``PySide6 6.11.3, Qt 6.11.3``.
    Raises ``DiagnosticsExportError`` when the zip cannot be written.
    """
    target = Path(target)
    if target.is_dir():
        raise DiagnosticsExportError(f"{target} is a folder. Choose a file name for the zip.")
    folder = target.parent
    if not folder.is_dir():
        raise DiagnosticsExportError(f"The folder {folder} does not exist.")
    stamp = now.timetuple()[:6]
    notes: list[str] = []
    try:
        descriptor, temporary_name = tempfile.mkstemp(
            prefix=f".{target.name}-", suffix=".part", dir=folder
        )
    except OSError as error:
        raise DiagnosticsExportError(_folder_problem(folder, error)) from error
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:

                def add(name: str, text: str) -> None:
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, text.encode("utf-8"))

                add("versions.txt", versions_text(qt_versions, data_dir))
                _add_settings(add, settings_file, notes)
                logs = _add_logs(add, data_dir, notes)
                add("README.txt", readme_text(now, logs, notes))
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        _discard(temporary)
        raise DiagnosticsExportError(_folder_problem(folder, error)) from error
    except BaseException:
        _discard(temporary)
        raise
    try:
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise DiagnosticsExportError(
            f"{target} could not be replaced: it may be read-only or open in another "
            f"program ({error.strerror or error})."
        ) from error
    return target


def _add_settings(add: _Add, settings_file: Path | None, notes: list[str]) -> None:
    if settings_file is None or not settings_file.is_file():
        notes.append("There was no settings file to include.")
        return
    try:
        text = settings_file.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        notes.append(f"The settings file could not be read ({error.strerror or error}).")
        return
    add("settings.ini", redact_text(text))


def _add_logs(add: _Add, data_dir: Path, notes: list[str]) -> list[str]:
    added: list[str] = []
    for path in log_files(data_dir):
        try:
            with path.open("rb") as stream:
                size = stream.seek(0, os.SEEK_END)
                stream.seek(max(0, size - MAX_LOG_BYTES))
                data = stream.read()
        except OSError as error:  # rotated away meanwhile, or not ours to read
            notes.append(f"{path.name} could not be read ({error.strerror or error}).")
            continue
        text = data.decode("utf-8", errors="replace")
        if size > MAX_LOG_BYTES:
            text = text.partition("\n")[2]  # the first line was cut in two
            notes.append(f"{path.name} is long; only its last {MAX_LOG_BYTES:,} bytes are here.")
        name = f"logs/{path.name}"
        add(name, redact_text(text))
        added.append(name)
    if not added:
        notes.append("No log files were found.")
    return added


def versions_text(qt_versions: str, data_dir: Path) -> str:
    """The program, Python, Qt, operating system and library versions, one per line."""
    lines = [
        f"AdvisorOS Desktop {_version(DISTRIBUTION) or 'unknown (not installed)'}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qt_versions}",
        f"Operating system: {platform.platform()} ({platform.machine()})",
        f"Data folder: {data_dir}",
        "",
        "Libraries:",
    ]
    for name in dependency_names():
        lines.append(f"  {name} {_version(name) or 'not installed'}")
    return "\n".join(lines) + "\n"


def dependency_names() -> list[str]:
    """The program's own dependencies (not the test tools), as its package lists them."""
    try:
        requirements = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return list(KNOWN_DEPENDENCIES)
    names = []
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        if match is not None:
            names.append(match[0])
    return names


def readme_text(now: datetime, logs: list[str], notes: list[str]) -> str:
    lines = [
        f"AdvisorOS Desktop diagnostics, exported {now:%Y-%m-%d %H:%M}.",
        "",
        "What is inside:",
        "  README.txt     this file",
        "  versions.txt   the versions of the program, Python, Qt, the libraries it uses",
        "                 and the operating system",
        "  settings.ini   the program's settings (window layout, shortcuts, watched folders)",
        "  logs/          the program's log files: advisoros.log is the newest,",
        "                 advisoros.log.1 the one before, and so on",
        "",
        "Social security numbers, EINs and other taxpayer ids, passwords and sign-in",
        "tokens were replaced by [SSN], [EIN], [TIN], [PASSWORD] and [TOKEN] before",
        "anything was written into this zip. Names of clients, files and folders and",
        "e-mail addresses were not removed; look through the files before sending",
        "them if that matters to you.",
    ]
    if logs:
        lines += ["", "Log files included:", *(f"  {name}" for name in logs)]
    if notes:
        lines += ["", "Notes:", *(f"  {note}" for note in notes)]
    return "\n".join(lines) + "\n"


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _folder_problem(folder: Path, error: OSError) -> str:
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return f"AdvisorOS Desktop is not allowed to save files in {folder}."
    if error.errno == errno.ENOSPC:
        return f"There is not enough free space in {folder}."
    if error.errno == errno.EROFS:
        return f"{folder} is read-only."
    if isinstance(error, FileNotFoundError):
        return f"The folder {folder} does not exist."
    return f"The zip could not be written to {folder} ({error.strerror or error})."


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
