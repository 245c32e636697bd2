"""The local copy of documents' bytes, by SHA-256, for the review preview offline.

ARCHITECTURE puts it in ``<data dir>/content/``: one file per checksum,
named by it, so two documents with the same bytes share one file and a file
is never stale (its name is its content). A file is written to a temporary
name, flushed to disk and renamed into place, so a crash leaves either the
whole file or none; bytes that do not match the checksum they are stored
under are never written, and a damaged file found later is treated as absent.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_CHECKSUM = re.compile(r"[0-9a-f]{64}")


class ContentMismatch(ValueError):
    """Bytes whose SHA-256 is not the one they were meant to have."""


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentContent:
    """``<data dir>/content/``: document bytes by SHA-256. Safe to use from any thread."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "content"

    def path_for(self, checksum: str) -> Path:
        """Where the bytes of ``checksum`` live (whether or not they are there yet)."""
        checksum = checksum.strip().lower()
        if not _CHECKSUM.fullmatch(checksum):
            raise ValueError(f"'{checksum}' is not a SHA-256 checksum (64 hex digits)")
        # Two levels keep any one folder small for firms with many thousand documents.
        return self.folder / checksum[:2] / checksum

    def has(self, checksum: str) -> bool:
        return self.path_for(checksum).is_file()

    def read(self, checksum: str) -> bytes | None:
        """The bytes of ``checksum``, or None when they are absent or damaged."""
        path = self.path_for(checksum)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if checksum_of(data) != checksum.strip().lower():
            # A disk error or a hand edit: drop it, so the next fetch replaces it.
            path.unlink(missing_ok=True)
            return None
        return data

    def put(self, data: bytes, expected: str | None = None) -> str:
        """Keep ``data``; returns its checksum. ``expected``: the checksum it must have."""
        checksum = checksum_of(data)
        if expected is not None and checksum != expected.strip().lower():
            raise ContentMismatch(
                f"the file's SHA-256 is {checksum}, not the {expected} the server announced"
            )
        path = self.path_for(checksum)
        if path.is_file():
            return checksum
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".part-", dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as writing:
                writing.write(data)
                writing.flush()
                os.fsync(writing.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return checksum
