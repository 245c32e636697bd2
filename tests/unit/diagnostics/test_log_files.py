"""The rotating log file: where it is, what it keeps out, how it rotates, set up once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisoros_desktop.diagnostics import log_files
from advisoros_desktop.diagnostics.log_files import (
    LOG_NAME,
    LogSetup,
    configure_logging,
    log_folder,
)

log = logging.getLogger("advisoros_desktop.test_log_files")


@pytest.fixture
def setups() -> Iterator[list[LogSetup]]:
    """Every setup a test makes is removed again, whatever happens."""
    made: list[LogSetup] = []
    yield made
    for setup in reversed(made):
        setup.remove()


def _ours(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if type(h).__module__ == log_files.__name__]


def test_writes_to_the_data_folder_and_redacts(tmp_path: Path, setups: list[LogSetup]) -> None:
    setup = configure_logging(tmp_path, console=False)
    setups.append(setup)
    log.info("signed in with %s for client %s", '{"accessToken": "abc123"}', "123-45-6789")
    log.warning("employer EIN 12-3456789 refused: password=hunter2")
    try:
        raise ValueError("'987654321' is not a valid SSN")
    except ValueError:
        log.exception("edit refused")
    for handler in setup.handlers:
        handler.flush()

    assert setup.file == tmp_path / "logs" / LOG_NAME
    text = setup.file.read_text(encoding="utf-8")
    assert "abc123" not in text and "123-45-6789" not in text and "987654321" not in text
    assert "12-3456789" not in text and "hunter2" not in text
    assert '{"accessToken": "[TOKEN]"}' in text and "client [SSN]" in text
    assert "EIN [EIN]" in text and "password=[PASSWORD]" in text
    assert "ValueError: '[SSN]' is not a valid SSN" in text  # the traceback too
    assert "INFO" in text and "advisoros_desktop.test_log_files" in text


def test_the_console_is_redacted_and_httpx_kept_quiet(
    tmp_path: Path, setups: list[LogSetup], capsys: pytest.CaptureFixture[str]
) -> None:
    setups.append(configure_logging(tmp_path))
    assert logging.getLogger().level == logging.INFO
    assert logging.getLogger("httpx").level == logging.WARNING
    log.info("client 123-45-6789")
    assert "client [SSN]" in capsys.readouterr().err


def test_calling_again_adds_no_handlers(tmp_path: Path, setups: list[LogSetup]) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    setups.append(configure_logging(tmp_path))
    once = list(root.handlers)
    setups.append(configure_logging(tmp_path))
    assert root.handlers == once
    assert len(once) == len(before) + 2
    log.info("one line")
    for handler in _ours(root):
        handler.flush()
    lines = (log_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.endswith("one line")] == [lines[-1]]


def test_a_new_data_folder_moves_the_file(tmp_path: Path, setups: list[LogSetup]) -> None:
    root = logging.getLogger()
    setups.append(configure_logging(tmp_path / "first", console=False))
    setups.append(configure_logging(tmp_path / "second", console=False))
    assert len(_ours(root)) == 1
    log.info("after the move")
    for handler in _ours(root):
        handler.flush()
    assert "after the move" in (tmp_path / "second" / "logs" / LOG_NAME).read_text()
    assert "after the move" not in (tmp_path / "first" / "logs" / LOG_NAME).read_text()


def test_remove_takes_the_handlers_off_and_restores_levels(tmp_path: Path) -> None:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    httpx_level = logging.getLogger("httpx").level
    configure_logging(tmp_path)
    setup = configure_logging(tmp_path)  # the second call can undo the first's too
    setup.remove()
    assert root.handlers == before
    assert root.level == level and logging.getLogger("httpx").level == httpx_level
    setup.remove()  # twice is harmless
    # The file is closed: it can be deleted (Windows refuses while it is open).
    (tmp_path / "logs" / LOG_NAME).unlink()


def test_rotates_at_the_size_limit(
    tmp_path: Path, setups: list[LogSetup], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log_files, "MAX_BYTES", 2_000)
    setups.append(configure_logging(tmp_path, console=False))
    for number in range(400):
        log.info("line %d of a long day's work, client 123-45-6789", number)
    names = sorted(path.name for path in log_files.log_files(tmp_path))
    assert names == sorted([LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, 6)])
    assert [path.name for path in log_files.log_files(tmp_path)][:3] == [
        LOG_NAME,
        f"{LOG_NAME}.1",
        f"{LOG_NAME}.2",
    ]
    for path in log_files.log_files(tmp_path):
        assert path.stat().st_size <= 2_000
        assert "123-45-6789" not in path.read_text(encoding="utf-8")
    assert "line 399 " in (log_folder(tmp_path) / LOG_NAME).read_text(encoding="utf-8")


def test_an_unwritable_log_folder_leaves_the_console(
    tmp_path: Path, setups: list[LogSetup]
) -> None:
    (tmp_path / "logs").write_text("a file where the folder should be")
    setup = configure_logging(tmp_path)
    setups.append(setup)
    assert setup.file is None
    assert setup.problem is not None and "logs" in setup.problem
    assert len(setup.handlers) == 1  # the console
    log.info("still logged")


def test_log_files_lists_ours_newest_first_then_others(tmp_path: Path) -> None:
    folder = log_folder(tmp_path)
    folder.mkdir()
    for name in (f"{LOG_NAME}.10", f"{LOG_NAME}.2", LOG_NAME, "server.log", "notes.txt"):
        (folder / name).write_text("x")
    assert [path.name for path in log_files.log_files(tmp_path)] == [
        LOG_NAME,
        f"{LOG_NAME}.2",
        f"{LOG_NAME}.10",
        "server.log",
    ]
    assert log_files.log_files(tmp_path / "nowhere") == []
