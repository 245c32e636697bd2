"""The folder walk finds every file once, skips what intake never takes, never hangs or raises."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advisoros_desktop.intake import folder_walk
from advisoros_desktop.intake.folder_walk import LOOPING_LINK, WalkEntry, walk_files


def _write(path: Path, data: bytes = b"%PDF-1.7 scan") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _taken(entries: list[WalkEntry]) -> list[Path]:
    return [entry.path for entry in entries if entry.ignored is None]


def test_files_given_directly_are_yielded_with_their_size_and_time(tmp_path: Path) -> None:
    scan = _write(tmp_path / "w2.pdf", b"12345")

    [entry] = list(walk_files([scan]))

    info = scan.stat()
    assert entry == WalkEntry(scan, None, 5, info.st_mtime_ns, None)


def test_folders_are_walked_recursively_in_name_order(tmp_path: Path) -> None:
    root = tmp_path / "Scans"
    for name in ("b.pdf", "a.pdf", "Smith/2024/w2.pdf", "Smith/1099.pdf", "Jones/receipt.jpg"):
        _write(root / name)

    entries = list(walk_files([root]))

    assert _taken(entries) == [
        root / "a.pdf",
        root / "b.pdf",
        root / "Jones/receipt.jpg",
        root / "Smith/1099.pdf",
        root / "Smith/2024/w2.pdf",
    ]
    assert {entry.root for entry in entries} == {root}


def test_ignored_files_are_reported_and_hidden_folders_skipped(tmp_path: Path) -> None:
    keep = _write(tmp_path / "invoice.pdf")
    _write(tmp_path / "~$letter.docx")
    _write(tmp_path / "scan.pdf.part")
    _write(tmp_path / ".DS_Store")
    _write(tmp_path / ".processed/2024-03-01/old.pdf")
    _write(tmp_path / ".failed/bad.pdf")
    _write(tmp_path / "__MACOSX/invoice.pdf")

    entries = list(walk_files([tmp_path]))

    assert _taken(entries) == [keep]
    ignored = {entry.path.name: entry.ignored for entry in entries if entry.ignored}
    assert ignored == {
        "~$letter.docx": "an Office lock file",
        "scan.pdf.part": "a partial download",
        ".DS_Store": "a hidden file",
    }


def test_a_folder_given_directly_is_walked_even_when_hidden(tmp_path: Path) -> None:
    scan = _write(tmp_path / ".scans" / "w2.pdf")

    assert _taken(list(walk_files([tmp_path / ".scans"]))) == [scan]


def test_a_link_loop_is_skipped_and_reported_once(tmp_path: Path) -> None:
    scan = _write(tmp_path / "Smith" / "w2.pdf")
    (tmp_path / "Smith" / "again").symlink_to(tmp_path / "Smith")
    (tmp_path / "everything").symlink_to(tmp_path)

    entries = list(walk_files([tmp_path]))

    assert _taken(entries) == [scan]
    loops = sorted(entry.path for entry in entries if entry.ignored == LOOPING_LINK)
    assert loops == [tmp_path / "Smith" / "again", tmp_path / "everything"]


def test_a_linked_folder_is_followed_once(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    scan = _write(elsewhere / "1099.pdf")
    root = tmp_path / "Scans"
    root.mkdir()
    (root / "Jones").symlink_to(elsewhere)
    (root / "Jones again").symlink_to(elsewhere)

    entries = list(walk_files([root]))

    assert _taken(entries) == [root / "Jones" / "1099.pdf"]
    assert [entry.path for entry in entries if entry.ignored == LOOPING_LINK] == [
        root / "Jones again"
    ]
    assert scan.exists()


def test_a_folder_given_twice_or_inside_another_is_walked_once(tmp_path: Path) -> None:
    scan = _write(tmp_path / "Smith" / "w2.pdf")

    assert _taken(list(walk_files([tmp_path, tmp_path / "Smith", tmp_path]))) == [scan]


def test_a_folder_that_cannot_be_opened_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _write(tmp_path / "a.pdf")
    _write(tmp_path / "Locked" / "secret.pdf")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "Locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(folder_walk.os, "scandir", scandir)

    entries = list(walk_files([tmp_path]))

    assert _taken(entries) == [keep]
    [locked] = [entry for entry in entries if entry.ignored]
    assert locked.path == tmp_path / "Locked"
    assert locked.ignored == "a folder that could not be opened: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_folder_without_permission_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "Locked"
    _write(locked / "secret.pdf")
    locked.chmod(0)
    try:
        entries = list(walk_files([tmp_path]))
    finally:
        locked.chmod(0o755)

    assert [(entry.path, entry.ignored) for entry in entries] == [
        (locked, "a folder that could not be opened: permission denied")
    ]


def test_missing_paths_broken_links_and_pipes_are_reported(tmp_path: Path) -> None:
    (tmp_path / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    os.mkfifo(tmp_path / "pipe")

    entries = list(walk_files([tmp_path, tmp_path / "vanished.pdf"]))

    assert {entry.path.name: entry.ignored for entry in entries} == {
        "dangling.pdf": "a link to a file that is not there",
        "pipe": "not a regular file (a device, pipe or socket)",
        "vanished.pdf": "not there any more",
    }


def test_folders_deeper_than_the_recursion_limit_are_walked(tmp_path: Path) -> None:
    levels = [tmp_path]
    for _ in range(1100):  # one level at a time: Path.mkdir(parents=True) recurses
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    scan = _write(levels[-1] / "w2.pdf")
    try:
        assert _taken(list(walk_files([tmp_path]))) == [scan]
    finally:
        # pytest's clean-up of old temporary folders recurses, and would fail on this.
        scan.unlink()
        for level in reversed(levels[1:]):
            level.rmdir()


def test_should_stop_abandons_the_walk(tmp_path: Path) -> None:
    for number in range(50):
        _write(tmp_path / f"{number:02}.pdf")
    seen: list[WalkEntry] = []

    for entry in walk_files([tmp_path], should_stop=lambda: len(seen) >= 10):
        seen.append(entry)

    assert len(seen) == 10


def test_ten_thousand_files_are_all_walked(tmp_path: Path) -> None:
    for folder in range(10):
        sub = tmp_path / f"client {folder}"
        sub.mkdir()
        for number in range(1000):
            (sub / f"scan {number:04}.pdf").write_bytes(b"x")

    entries = list(walk_files([tmp_path]))
    assert len(_taken(entries)) == 10_000
