"""Fixtures for the intake tests: a firm's server on loopback and one accountant signed in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LiveServer, start_server
from tests.integration.intake.intake_desk import Office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    server = start_server(tmp_path)
    live = LiveServer(server)
    try:
        yield Office(server, live.account())
    finally:
        live.close()
        server.stop()
