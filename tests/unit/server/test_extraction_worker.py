"""The extraction child process: a crash or a hang costs one file, and closing interrupts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from advisoros_desktop.extraction import ExtractionFailure
from advisoros_desktop.server.extraction_worker import ExtractionStopped, ExtractionWorker
from tests.integration.server.extraction_hooks import CRASH, HANG, misbehave_on_marker


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_crash_fails_that_file_and_a_new_child_reads_the_next(tmp_path: Path) -> None:
    worker = ExtractionWorker(run=misbehave_on_marker, timeout_seconds=60)
    try:
        crashed = worker.extract(_file(tmp_path, "a.pdf", CRASH), "a.pdf")
        assert isinstance(crashed, ExtractionFailure)
        assert "exit code 70" in crashed.error
        unreadable = worker.extract(_file(tmp_path, "b.txt", b"plain words"), "b.txt")
        assert isinstance(unreadable, ExtractionFailure)
        assert "not a PDF or an image" in unreadable.error
        assert worker.started == 2
    finally:
        worker.close()


def test_closing_interrupts_a_file_being_read(tmp_path: Path) -> None:
    worker = ExtractionWorker(run=misbehave_on_marker, timeout_seconds=600)
    raised: list[BaseException] = []

    def read() -> None:
        try:
            worker.extract(_file(tmp_path, "h.pdf", HANG), "h.pdf")
        except BaseException as error:
            raised.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    while worker.started == 0:
        reader.join(0.05)
    worker.close()
    reader.join(20)
    assert not reader.is_alive()
    assert [type(error) for error in raised] == [ExtractionStopped]
    with pytest.raises(ExtractionStopped):
        worker.extract(tmp_path / "h.pdf", "h.pdf")
