"""Upload bytes on disk: partial files written at offsets, verified files moved into content/."""

from __future__ import annotations

import hashlib
from pathlib import Path

from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.upload_files import UploadFiles, content_path, measure


def test_chunks_land_at_their_offsets_and_a_rewrite_drops_what_followed(tmp_path: Path) -> None:
    files = UploadFiles(ServerConfig(data_dir=tmp_path))
    part = files.write_part("org", "up", 0, b"hello ")  # makes the folder it needs
    files.write_part("org", "up", 6, b"world, and more")
    files.write_part("org", "up", 6, b"world")  # a resumed chunk after a crash
    assert part == files.part_path("org", "up")
    assert part.read_bytes() == b"hello world"
    assert measure(part) == (11, hashlib.sha256(b"hello world").hexdigest())


def test_verified_bytes_move_to_content_under_their_checksum(tmp_path: Path) -> None:
    config = ServerConfig(data_dir=tmp_path)
    files = UploadFiles(config)
    sha256 = hashlib.sha256(b"%PDF").hexdigest()
    part = files.write_part("org", "up", 0, b"%PDF")
    files.keep(part, sha256)  # makes content/<prefix>/ on first use
    assert not part.exists()
    assert content_path(config, sha256).read_bytes() == b"%PDF"
    files.keep(content_path(config, sha256), sha256)  # already in place: nothing to do
    assert content_path(config, sha256).exists()
