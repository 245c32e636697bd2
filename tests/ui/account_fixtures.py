"""What the sign-in and account tests share: a firm's server, a keyring of our own, qasync.

- ``firm_server``: a real embedded AdvisorOS server on loopback with the firm
  Harbor CPA and two people in it (their password is ``PASSWORD``);
- ``fake_keyring``: an in-memory keyring backend put in place of the system's
  for the test (never the real one), so ``KeyringTokenStore`` runs for real;
- ``qasync_loop``: the loop the program runs on (qasync, driven by Qt), so a
  dialog awaited by a coroutine gets its key presses while the coroutine waits.
  Tests drive it with ``loop.run_until_complete(scenario())`` and wait inside
  with ``until`` (asyncio sleeps: a ``qtbot.wait`` there would run other tasks
  inside this one, which asyncio refuses).
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
import qasync
from PySide6.QtWidgets import QApplication

from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.organizations import add_user, create_organization
from tests.conftest import PASSWORD, start_server

DANA = "dana@harbor.example.com"
SAM = "sam@harbor.example.com"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)

    def accounts(self) -> list[str]:
        """The keys with something kept (the probe's throw-away entry is gone by now)."""
        return sorted(username for _service, username in self.entries)


@pytest.fixture
def fake_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def firm_server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    server = start_server(tmp_path / "firm-server")
    engine = server.state.engine
    firm = create_organization(engine, "Harbor CPA")
    add_user(engine, firm, DANA, "Dana Whitaker", "owner", PASSWORD)
    add_user(engine, firm, SAM, "Sam Ortiz", "staff", PASSWORD)
    yield server
    server.stop()


@pytest.fixture
def qasync_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    # As in the program: closing a dialog or a window must not end the loop.
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    # Dialogs and windows a test left in reference cycles are freed here, on the GUI
    # thread, as the program's collector does: left to Python, a later test's worker
    # thread could free them, and Qt objects must not be destroyed off their thread.
    gc.collect()
    qapp.processEvents()  # and what was deleted later, now
    asyncio.set_event_loop(None)
    loop.close()
    qapp.setQuitOnLastWindowClosed(True)


async def until(condition: Callable[[], object], timeout: float = 30.0, what: str = "") -> None:
    """Wait (letting the loop and Qt run) until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        await asyncio.sleep(0.02)
