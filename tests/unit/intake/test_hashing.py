"""A file's SHA-256 is trusted only when the file stayed the same while it was read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from advisoros_desktop.intake.hashing import FileChanged, HashingStopped, hash_file

CHUNK = 4096


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 17])
def test_hash_matches_hashlib_at_every_chunk_boundary(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = _write(tmp_path / "scan.pdf", data)
    result = hash_file(path, chunk_bytes=CHUNK)
    info = path.stat()
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert (result.size, result.mtime_ns) == (size, info.st_mtime_ns)


def test_default_chunks_hash_a_larger_file(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    path = _write(tmp_path / "large.tif", data)
    assert hash_file(path).sha256 == hashlib.sha256(data).hexdigest()


def test_unicode_names_hash(tmp_path: Path) -> None:
    path = _write(tmp_path / "Relevé 年度報告 📄.pdf", b"%PDF-1.4 body")
    assert hash_file(path).sha256 == hashlib.sha256(b"%PDF-1.4 body").hexdigest()


def test_a_file_deleted_before_hashing_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileChanged) as raised:
        hash_file(tmp_path / "gone.pdf")
    assert raised.value.how == "deleted"
    assert "“gone.pdf” was deleted" in str(raised.value)


def test_a_file_deleted_while_hashing_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", os.urandom(3 * CHUNK))

    def delete_it() -> bool:
        path.unlink(missing_ok=True)
        return False

    with pytest.raises(FileChanged) as raised:
        hash_file(path, chunk_bytes=CHUNK, should_stop=delete_it)
    assert raised.value.how == "deleted"


def test_a_file_still_being_written_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", os.urandom(3 * CHUNK))
    writer = open(path, "ab")  # noqa: SIM115 - a scanner's open handle, closed below

    def scanner_writes_more() -> bool:
        writer.write(os.urandom(CHUNK))
        writer.flush()
        return False

    try:
        with pytest.raises(FileChanged) as raised:
            hash_file(path, chunk_bytes=CHUNK, should_stop=scanner_writes_more)
    finally:
        writer.close()
    assert raised.value.how == "growing"
    assert "still being written" in str(raised.value)


def test_a_file_replaced_while_hashing_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", os.urandom(3 * CHUNK))
    newer = _write(tmp_path / "scan.pdf.new", os.urandom(3 * CHUNK))

    def save_over_it() -> bool:
        if newer.exists():
            os.replace(newer, path)  # how most programs save: write aside, rename over
        return False

    with pytest.raises(FileChanged) as raised:
        hash_file(path, chunk_bytes=CHUNK, should_stop=save_over_it)
    assert raised.value.how == "replaced"
    assert "replaced by another file" in str(raised.value)


def test_a_file_changed_in_place_while_hashing_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", os.urandom(3 * CHUNK))
    original = path.stat()

    def edit_in_place() -> bool:
        with open(path, "r+b") as handle:
            handle.write(os.urandom(16))
        os.utime(path, ns=(original.st_atime_ns, original.st_mtime_ns + 1_000_000_000))
        return False

    with pytest.raises(FileChanged) as raised:
        hash_file(path, chunk_bytes=CHUNK, should_stop=edit_in_place)
    assert raised.value.how == "modified"


def test_a_stop_request_ends_hashing_and_is_not_a_failure(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", os.urandom(10 * CHUNK))
    calls = []

    def stop_on_third_chunk() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(HashingStopped):
        hash_file(path, chunk_bytes=CHUNK, should_stop=stop_on_third_chunk)
    assert len(calls) == 3
    # A worker's catch-all for real failures does not swallow a stop.
    assert not issubclass(HashingStopped, Exception)


def test_a_folder_is_not_hashed(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        hash_file(tmp_path)


def test_chunk_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        hash_file(_write(tmp_path / "a.pdf", b"x"), chunk_bytes=0)
