"""Files intake never takes: temporary, partial, lock and system files.

Scanners, browsers and Office write these beside real documents; taking one
would upload half a file or a lock, so they are skipped silently (the queue
counts them as "ignored"). The folders intake itself writes (``.processed``,
``.failed``, ``.duplicates``) are hidden, so the same rule keeps them out.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

# (pattern, why), matched case-insensitively against the file name.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("~$*", "an Office lock file"),
    ("*.tmp", "a temporary file"),
    ("*.temp", "a temporary file"),
    ("*.part", "a partial download"),
    ("*.partial", "a partial download"),
    ("*.crdownload", "a partial download"),
    ("*.download", "a partial download"),
    ("*.swp", "an editor's temporary file"),
    ("*~", "a backup copy"),
    ("thumbs.db", "a Windows thumbnail cache"),
    ("ehthumbs.db", "a Windows thumbnail cache"),
    ("desktop.ini", "a Windows folder setting"),
    ("icon\r", "a macOS folder icon"),
    ("*.error.txt", "an intake error report"),
)


def ignore_reason(path: Path) -> str | None:
    """Why the file at ``path`` is not a document to take, or None if it may be one.

    Only the name (and the hidden attribute on Windows) is looked at; whether the
    content is acceptable is ``file_checks``' job.
    """
    name = path.name
    if name.startswith("."):
        return "a hidden file"
    lowered = name.lower()
    for pattern, why in _PATTERNS:
        if fnmatch.fnmatchcase(lowered, pattern):
            return why
    if _hidden_on_windows(path):
        return "a hidden file"
    return None


def ignored_folder(path: Path) -> bool:
    """Whether walking should not descend into the folder at ``path``."""
    return path.name.startswith(".") or path.name.lower() in ("$recycle.bin", "__macosx")


def _hidden_on_windows(path: Path) -> bool:
    if os.name != "nt":
        return False
    try:
        # Only Windows' stat has the attribute; getattr keeps type checks platform-neutral.
        attributes = getattr(os.stat(path, follow_symlinks=False), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & stat.FILE_ATTRIBUTE_HIDDEN)
