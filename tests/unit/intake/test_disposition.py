"""Finished files leave the watched folder tidily, and none is ever lost or overwritten."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from advisoros_desktop.intake import disposition
from advisoros_desktop.intake.disposition import (
    DELETED,
    GONE,
    LEFT,
    MOVED,
    AfterUpload,
    Settled,
    settle_done,
    settle_duplicate,
    settle_failed,
    unique_destination,
)
from advisoros_desktop.intake.ignore_rules import ignore_reason, ignored_folder
from tests.unit.intake.other_user import as_other_user, open_folder

TODAY = date(2025, 3, 14)
WHEN = datetime(2025, 3, 14, 9, 30, 5, tzinfo=timezone(timedelta(hours=-5)))
# 200 characters: accents, CJK and emoji, about 250 bytes in UTF-8 (a file system allows 255).
LONG_STEM = (
    "Relevé de compte Société Générale été 2024 — 年度報告書 株式会社 📄🧾💼📎 "
    + "Müller Łódź Ørsted naïve café résumé déjà "
    + "x" * 200
)[:196]
LONG_NAME = LONG_STEM + ".pdf"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "Scans"
    folder.mkdir()
    return folder


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    with open_folder() as folder:
        yield folder


def _file(path: Path, data: bytes = b"%PDF-1.7 W-2") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# -- uploaded files ---------------------------------------------------------------------


def test_an_uploaded_file_moves_to_processed_under_the_date_keeping_its_sub_path(
    root: Path,
) -> None:
    source = _file(root / "Smith" / "2024" / "W-2.pdf")
    mtime = source.stat().st_mtime_ns
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    expected = root / ".processed" / "2025-03-14" / "Smith" / "2024" / "W-2.pdf"
    assert settled == Settled(MOVED, expected, settled.message)
    assert not source.exists()
    assert expected.read_bytes() == b"%PDF-1.7 W-2"
    assert expected.stat().st_mtime_ns == mtime
    assert "“W-2.pdf” moved to " in settled.message
    assert os.path.join("Scans", ".processed", "2025-03-14", "Smith") in settled.message


def test_processed_files_are_never_taken_again() -> None:
    # The folders written here are hidden from the walk and the watcher.
    for name in (".processed", ".duplicates", ".failed"):
        assert ignored_folder(Path("/Scans") / name)
    assert ignore_reason(Path("/Scans/.failed/W-2.pdf.error.txt")) is not None


def test_a_setting_given_as_text_works(root: Path) -> None:
    source = _file(root / "W-2.pdf")
    settled = settle_done(source, root, AfterUpload("move"), today=TODAY)
    assert settled.action == MOVED


def test_a_name_already_taken_gets_a_number_and_nothing_is_overwritten(root: Path) -> None:
    day = root / ".processed" / "2025-03-14"
    _file(day / "scan.pdf", b"first")
    _file(day / "scan (2).pdf", b"second")
    source = _file(root / "scan.pdf", b"third")
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.destination == day / "scan (3).pdf"
    assert _files(day) == {
        "scan.pdf": b"first",
        "scan (2).pdf": b"second",
        "scan (3).pdf": b"third",
    }


def test_the_same_scan_name_every_day_never_clashes_across_days(root: Path) -> None:
    first = settle_done(_file(root / "scan.pdf", b"monday"), root, AfterUpload.MOVE, today=TODAY)
    second = settle_done(
        _file(root / "scan.pdf", b"tuesday"),
        root,
        AfterUpload.MOVE,
        today=TODAY + timedelta(days=1),
    )
    assert first.destination is not None and second.destination is not None
    assert first.destination.read_bytes() == b"monday"
    assert second.destination.read_bytes() == b"tuesday"


def test_delete_removes_the_uploaded_file(root: Path) -> None:
    source = _file(root / "Smith" / "W-2.pdf")
    settled = settle_done(source, root, AfterUpload.DELETE, today=TODAY)
    assert settled.action == DELETED and settled.destination is None
    assert not source.exists()
    assert "deleted" in settled.message


def test_leave_keeps_the_file_where_it_is(root: Path) -> None:
    source = _file(root / "W-2.pdf")
    settled = settle_done(source, root, AfterUpload.LEAVE, today=TODAY)
    assert settled.action == LEFT and settled.destination is None
    assert source.exists()
    assert not (root / ".processed").exists()


@pytest.mark.parametrize("after", list(AfterUpload))
def test_a_file_someone_removed_meanwhile_is_reported_not_an_error(
    root: Path, after: AfterUpload
) -> None:
    settled = settle_done(root / "Smith" / "W-2.pdf", root, after, today=TODAY)
    if after == AfterUpload.LEAVE:
        assert settled.action == LEFT
        return
    assert settled.action == GONE and settled.destination is None
    assert "no longer in" in settled.message
    assert not (root / ".processed").exists()


# -- duplicates and failures ------------------------------------------------------------


def test_a_duplicate_moves_to_duplicates_keeping_its_sub_path(root: Path) -> None:
    source = _file(root / "Jones" / "1099-INT.pdf")
    settled = settle_duplicate(source, root, document_label="“1099-INT Jones.pdf” (Jones LLC)")
    assert settled.destination == root / ".duplicates" / "Jones" / "1099-INT.pdf"
    assert settled.destination.exists() and not source.exists()
    assert "already has it as “1099-INT Jones.pdf” (Jones LLC)" in settled.message


def test_a_duplicate_without_a_label_still_says_so(root: Path) -> None:
    settled = settle_duplicate(_file(root / "a.pdf"), root, document_label="")
    assert "AdvisorOS already has it." in settled.message


def test_a_failed_file_moves_to_failed_beside_a_note_saying_why(root: Path) -> None:
    source = _file(root / "Smith" / "1099.pdf")
    settled = settle_failed(
        source,
        root,
        problem="“1099.pdf” is protected by a password, so AdvisorOS cannot read it.",
        advice="Ask the client for a copy without a password, then drop it again.",
        when=WHEN,
    )
    destination = root / ".failed" / "Smith" / "1099.pdf"
    assert settled.action == MOVED and settled.destination == destination
    note = (root / ".failed" / "Smith" / "1099.pdf.error.txt").read_text(encoding="utf-8")
    assert "AdvisorOS could not upload “1099.pdf”." in note
    assert "protected by a password" in note
    assert "copy without a password" in note
    assert str(source) in note
    assert WHEN.astimezone().strftime("%Y-%m-%d %H:%M:%S") in note
    assert "“1099.pdf.error.txt”" in settled.message


def test_a_failed_file_never_overwrites_an_older_note(root: Path) -> None:
    failed = root / ".failed"
    _file(failed / "scan.pdf.error.txt", b"an older note, its file retried and gone")
    settled = settle_failed(
        _file(root / "scan.pdf"), root, problem="Empty.", advice="Scan again.", when=WHEN
    )
    assert settled.destination == failed / "scan (2).pdf"
    assert (
        failed / "scan.pdf.error.txt"
    ).read_bytes() == b"an older note, its file retried and gone"
    assert "Empty." in (failed / "scan (2).pdf.error.txt").read_text(encoding="utf-8")
    assert not (failed / "scan.pdf").exists()


# -- when the file cannot be moved ------------------------------------------------------


def test_a_file_that_cannot_be_moved_stays_with_the_reason(root: Path) -> None:
    _file(root / ".processed", b"a file where the folder should be")
    source = _file(root / "W-2.pdf")
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.action == LEFT and settled.destination is None
    assert source.read_bytes() == b"%PDF-1.7 W-2"
    assert "stays in place" in settled.message
    assert "will not take it a second time" in settled.message


def test_a_failed_file_that_cannot_be_moved_gets_its_note_where_it_is(root: Path) -> None:
    _file(root / ".failed", b"a file where the folder should be")
    source = _file(root / "scan.pdf")
    settled = settle_failed(source, root, problem="Empty.", advice="Scan again.", when=WHEN)
    assert settled.action == LEFT
    assert source.exists()
    assert "Empty." in (root / "scan.pdf.error.txt").read_text(encoding="utf-8")

    again = settle_failed(source, root, problem="Still empty.", advice="Scan.", when=WHEN)
    assert again.action == LEFT
    newer = root / "scan.pdf (2).error.txt"
    assert "Still empty." in newer.read_text(encoding="utf-8")
    assert "Empty." in (root / "scan.pdf.error.txt").read_text(encoding="utf-8")
    assert ignore_reason(newer) is not None  # a note is never taken as a document


def test_without_permission_to_move_the_file_stays(shared_folder: Path) -> None:
    source = _file(shared_folder / "Smith" / "W-2.pdf")
    settled = as_other_user(settle_done, source, shared_folder, AfterUpload.MOVE, today=TODAY)
    assert settled.action == LEFT
    assert "Permission denied" in settled.message or "denied" in settled.message.lower()
    assert source.read_bytes() == b"%PDF-1.7 W-2"


def test_without_permission_to_delete_the_file_stays(shared_folder: Path) -> None:
    source = _file(shared_folder / "Smith" / "W-2.pdf")
    source.parent.chmod(0o555)
    settled = as_other_user(settle_done, source, shared_folder, AfterUpload.DELETE, today=TODAY)
    assert settled.action == LEFT
    assert "could not be deleted" in settled.message
    assert source.exists()


def test_a_file_that_may_be_linked_but_not_unlinked_stays_in_one_place(
    shared_folder: Path,
) -> None:
    # The destination is writable, the source's folder is not: the file must not end up twice.
    source = _file(shared_folder / "Smith" / "W-2.pdf")
    processed = shared_folder / ".processed" / "2025-03-14" / "Smith"
    processed.mkdir(parents=True)
    processed.chmod(0o777)
    source.parent.chmod(0o555)
    settled = as_other_user(settle_done, source, shared_folder, AfterUpload.MOVE, today=TODAY)
    assert settled.action == LEFT
    assert source.exists()
    assert list(processed.iterdir()) == []


# -- across volumes and file systems ----------------------------------------------------


def _failing(code: int) -> Callable[..., None]:
    """Stands in for os.link/os.rename on a file system that answers with ``code``."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


def test_a_move_across_volumes_copies_syncs_and_verifies(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", _failing(errno.EXDEV))
    monkeypatch.setattr(os, "rename", _failing(errno.EXDEV))
    data = os.urandom(3 * 1024 * 1024 + 7)
    source = _file(root / "Smith" / "return.pdf", data)
    mtime = source.stat().st_mtime_ns
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.action == MOVED and settled.destination is not None
    assert settled.destination.read_bytes() == data
    assert settled.destination.stat().st_mtime_ns == mtime
    assert not source.exists()


def test_a_copy_that_fails_halfway_leaves_the_source_and_no_partial_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", _failing(errno.EXDEV))
    monkeypatch.setattr(os, "rename", _failing(errno.EXDEV))

    def disk_full(source: BinaryIO, target: BinaryIO, length: int = 0) -> None:
        target.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    source = _file(root / "return.pdf")
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.action == LEFT
    assert "No space left on device" in settled.message
    assert source.read_bytes() == b"%PDF-1.7 W-2"
    assert list((root / ".processed").rglob("*.pdf")) == []


def test_a_file_system_without_hard_links_still_never_overwrites(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", _failing(errno.EPERM))
    _file(root / ".duplicates" / "scan.pdf", b"first")
    settled = settle_duplicate(_file(root / "scan.pdf", b"second"), root, document_label="")
    assert settled.destination == root / ".duplicates" / "scan (2).pdf"
    assert _files(root / ".duplicates") == {"scan.pdf": b"first", "scan (2).pdf": b"second"}


def test_a_name_taken_between_the_check_and_the_move_takes_the_next_number(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_link = os.link
    day = root / ".processed" / "2025-03-14"

    def someone_else_first(source: str, target: str, **kwargs: Any) -> None:
        if Path(target).name == "scan.pdf":
            _file(Path(target), b"someone else's")
        real_link(source, target, **kwargs)

    monkeypatch.setattr(os, "link", someone_else_first)
    settled = settle_done(_file(root / "scan.pdf", b"ours"), root, AfterUpload.MOVE, today=TODAY)
    assert settled.destination == day / "scan (2).pdf"
    assert _files(day) == {"scan.pdf": b"someone else's", "scan (2).pdf": b"ours"}


# -- names ------------------------------------------------------------------------------


def test_unique_destination_numbers_taken_names(tmp_path: Path) -> None:
    assert unique_destination(tmp_path / "a.pdf") == tmp_path / "a.pdf"
    _file(tmp_path / "a.pdf")
    assert unique_destination(tmp_path / "a.pdf") == tmp_path / "a (2).pdf"
    _file(tmp_path / "a (2).pdf")
    assert unique_destination(tmp_path / "a.pdf") == tmp_path / "a (3).pdf"
    assert unique_destination(tmp_path / "README") == tmp_path / "README"
    _file(tmp_path / "README")
    assert unique_destination(tmp_path / "README") == tmp_path / "README (2)"


def test_unique_destination_keeps_companions_free(tmp_path: Path) -> None:
    _file(tmp_path / "a.pdf.error.txt")
    chosen = unique_destination(tmp_path / "a.pdf", companions=(".error.txt",))
    assert chosen == tmp_path / "a (2).pdf"


@pytest.mark.skipif(os.name == "nt", reason="byte lengths are a POSIX file system's measure")
def test_a_200_character_unicode_name_moves_and_clashes_without_error(root: Path) -> None:
    assert len(LONG_NAME) == 200
    assert 245 <= len(LONG_NAME.encode()) <= 255, len(LONG_NAME.encode())
    failed = root / ".failed" / "Société Générale"
    _file(failed / LONG_NAME, b"an older failure")
    moved = []
    for scan in (b"monday's scan", b"tuesday's scan"):
        source = _file(root / "Société Générale" / LONG_NAME, scan)
        settled = settle_failed(source, root, problem="Corrupt.", advice="Again.", when=WHEN)
        assert settled.action == MOVED and settled.destination is not None
        assert settled.destination.parent == failed
        assert settled.destination.read_bytes() == scan
        moved.append(settled.destination)

    # With ".error.txt" added the name would not fit: it is cut, at a whole character.
    first, second = (path.name for path in moved)
    assert first.endswith(".pdf") and first != LONG_NAME
    assert LONG_STEM.startswith(first.removesuffix(".pdf"))
    assert second.endswith(" (2).pdf")
    assert LONG_STEM.startswith(second.removesuffix(" (2).pdf"))
    for path in moved:
        note = path.with_name(path.name + ".error.txt")
        assert len(os.fsencode(note.name)) <= 255
        assert "Corrupt." in note.read_text(encoding="utf-8")
    assert (failed / LONG_NAME).read_bytes() == b"an older failure"


@pytest.mark.skipif(os.name == "nt", reason="byte lengths are a POSIX file system's measure")
def test_a_long_unicode_name_is_moved_unchanged_when_it_fits(root: Path) -> None:
    source = _file(root / "Müller GmbH" / LONG_NAME)
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.destination == root / ".processed" / "2025-03-14" / "Müller GmbH" / LONG_NAME
    assert settled.destination.exists()
    assert LONG_NAME in settled.message


def test_a_file_outside_the_watched_folder_keeps_only_its_name(tmp_path: Path) -> None:
    root = tmp_path / "Scans"
    root.mkdir()
    source = _file(tmp_path / "elsewhere" / "W-2.pdf")
    settled = settle_done(source, root, AfterUpload.MOVE, today=TODAY)
    assert settled.destination == root / ".processed" / "2025-03-14" / "W-2.pdf"


def test_the_module_says_what_it_does_with_the_folders() -> None:
    assert (disposition.PROCESSED_FOLDER, disposition.DUPLICATES_FOLDER) == (
        ".processed",
        ".duplicates",
    )
    assert disposition.FAILED_FOLDER == ".failed"
