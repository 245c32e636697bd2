"""Where an upload's bytes live on disk, and writing them so they survive a power cut.

Partial bytes live in ``uploads/<organization>/<uploadId>.part``; verified
files in ``content/`` under their SHA-256. Every write is fsynced before the
database says anything about it: a document row never points at bytes a crash
could still take away. A folder is made when a write finds it missing, so the
common request makes none.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from advisoros_desktop.server.config import ServerConfig


def content_path(config: ServerConfig, sha256: str) -> Path:
    return config.content_dir / sha256[:2] / sha256


class UploadFiles:
    def __init__(self, config: ServerConfig) -> None:
        self._config = config

    def part_path(self, organization_id: str, upload_id: str) -> Path:
        return self._config.uploads_dir / organization_id / f"{upload_id}.part"

    def content_path(self, sha256: str) -> Path:
        return content_path(self._config, sha256)

    def write_part(self, organization_id: str, upload_id: str, offset: int, data: bytes) -> Path:
        """Put ``data`` at ``offset`` of the partial file, durably; bytes past it are dropped."""
        part = self.part_path(organization_id, upload_id)
        # At offset 0 the file may not exist yet; past it, its bytes so far must be there.
        with _open_creating(part) if offset == 0 else open(part, "r+b") as handle:
            if offset:
                handle.seek(offset)
            handle.write(data)
            if offset:
                handle.truncate()  # drop bytes a crash left past the recorded offset
            handle.flush()
            os.fsync(handle.fileno())
        return part

    def keep(self, source: Path, sha256: str) -> None:
        """Move verified bytes (already fsynced) to their place in ``content/``."""
        target = self.content_path(sha256)
        if source == target:
            return
        try:
            os.replace(source, target)
        except FileNotFoundError:
            if not source.exists():
                raise
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _open_creating(path: Path) -> BinaryIO:
    try:
        return open(path, "wb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb")


def measure(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in blocks so a large one needs little memory."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()
