"""The ``<name>.error.txt`` note left beside a file intake could not upload.

Whoever opens a watched folder's ``.failed`` folder (often not the person who
scanned the file, and days later) sees only files; the note beside each says
what went wrong, what to do, when, and where the file was, in plain text any
editor opens. Intake's ignore rules skip these notes, so they are never
uploaded themselves.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

ERROR_REPORT_SUFFIX = ".error.txt"
_WIDTH = 76


def error_report_path(file_path: Path) -> Path:
    """Where the note for ``file_path`` goes: beside it, its name plus ``.error.txt``."""
    return file_path.with_name(file_path.name + ERROR_REPORT_SUFFIX)


def error_report_text(
    *,
    file_name: str,
    original_path: Path,
    problem: str,
    advice: str,
    when: datetime,
) -> str:
    """The note's text; line breaks are ``\\n`` (text mode writes the platform's)."""
    lines = [
        f"AdvisorOS could not upload “{file_name}”.",
        "",
        "What went wrong:",
        *_indented(problem),
        "",
        "What to do:",
        *_indented(advice),
        "",
        f"When:          {_when(when)}",
        f"Where it was:  {original_path}",
        "",
        "The file itself is beside this note, unchanged.",
    ]
    return "\n".join(lines) + "\n"


def write_error_report(report_path: Path, text: str) -> None:
    """Write the note; never replaces an existing file (FileExistsError instead)."""
    with open(report_path, "x", encoding="utf-8") as handle:
        handle.write(text)


def _indented(text: str) -> list[str]:
    cleaned = text.strip() or "(no details were given)"
    return textwrap.wrap(
        cleaned,
        _WIDTH,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _when(moment: datetime) -> str:
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"
