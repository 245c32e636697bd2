"""A file paused or cancelled while intake reads it stays as the person left it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.intake import intake_engine
from advisoros_desktop.intake.intake_engine import IntakeEngine, IntakeTarget
from advisoros_desktop.store.local_store import LocalStore


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[IntakeEngine]:
    store = LocalStore(tmp_path / "cache.db")
    engine = IntakeEngine(store)
    yield engine
    engine.close()
    store.close()


@pytest.mark.parametrize("action", ["cancel", "pause"])
@pytest.mark.parametrize("content", [b"a note the firm wants", b""])  # placed, or failed
def test_the_persons_action_while_reading_wins(
    engine: IntakeEngine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
    content: bytes,
) -> None:
    source = tmp_path / "note.txt"
    source.write_bytes(content)
    real = intake_engine.prepare_file

    def act_then_prepare(path: Path, *args: Any, **kwargs: Any) -> Any:
        ids = [job.upload_id for job in engine.queue.jobs()]
        getattr(engine, action)(ids)  # the person presses Delete / Space meanwhile
        return real(path, *args, **kwargs)

    monkeypatch.setattr(intake_engine, "prepare_file", act_then_prepare)
    client = engine.store.create("client", {"businessName": "Acme LLC"})
    engine.submit([source], target=IntakeTarget(client_id=client))
    assert engine.wait_idle(10)
    [job] = engine.queue.jobs()
    assert job.state == {"cancel": "cancelled", "pause": "paused"}[action]
    assert source.read_bytes() == content
