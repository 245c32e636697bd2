"""The local content cache: bytes by SHA-256, verified, written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisoros_desktop.store.document_content import ContentMismatch, DocumentContent, checksum_of


def test_bytes_are_kept_under_their_checksum_and_read_back(tmp_path: Path) -> None:
    cache = DocumentContent(tmp_path)
    data = b"%PDF-1.7 a W-2"
    checksum = cache.put(data)
    assert checksum == checksum_of(data)
    assert cache.has(checksum)
    assert cache.path_for(checksum).parent.parent == tmp_path / "content"
    assert cache.read(checksum) == data
    assert cache.put(data, checksum) == checksum  # a second copy changes nothing
    assert not list(cache.path_for(checksum).parent.glob(".part-*"))


def test_bytes_that_are_not_what_was_announced_are_refused(tmp_path: Path) -> None:
    cache = DocumentContent(tmp_path)
    wrong = checksum_of(b"something else")
    with pytest.raises(ContentMismatch):
        cache.put(b"%PDF-1.7 a W-2", wrong)
    assert not cache.has(wrong)
    assert not cache.has(checksum_of(b"%PDF-1.7 a W-2"))


def test_a_damaged_file_is_treated_as_absent(tmp_path: Path) -> None:
    cache = DocumentContent(tmp_path)
    checksum = cache.put(b"original bytes")
    cache.path_for(checksum).write_bytes(b"flipped bits")
    assert cache.read(checksum) is None
    assert not cache.has(checksum)


def test_only_checksums_name_files(tmp_path: Path) -> None:
    cache = DocumentContent(tmp_path)
    with pytest.raises(ValueError, match="not a SHA-256"):
        cache.path_for("../../etc/passwd")
    assert cache.read("a" * 64) is None
