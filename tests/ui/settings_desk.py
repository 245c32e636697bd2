"""What the settings tests share: a real firm on an embedded server, desks signed in to it.

A ``Seat`` is one accountant's desktop: a real cache in its own folder, a
real API client and sync engine, and its own asyncio loop, which the pages'
server calls run on (``schedule=seat.run``) as they run on qasync's in the
program. Questions the dialog asks before closing are answered by ``Answers``
so no modal box waits for a person.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.sync.account import Account
from advisoros_desktop.ui.settings_dialog import SettingsDialog, SettingsSources
from advisoros_desktop.ui.window_commands import register_window_commands
from tests.conftest import LiveServer, start_server
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop

FIRM = "Firm A"


@dataclass
class Seat:
    account: Account
    loop: asyncio.AbstractEventLoop
    http: httpx.Client  # the same person, straight to the API: what the server holds
    folder: Path

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        return self.loop.run_until_complete(coroutine)

    def turn_until(self, condition: Callable[[], bool], timeout: float = 20.0) -> None:
        """Turn this desk's asyncio loop and Qt's events until ``condition()`` holds."""

        async def wait() -> None:
            deadline = time.monotonic() + timeout
            while not condition():
                QApplication.processEvents()
                assert time.monotonic() < deadline, f"timed out waiting for {condition}"
                await asyncio.sleep(0.02)

        self.run(wait())

    def server_threshold(self) -> float:
        response = self.http.get("/settings")
        assert response.status_code == 200, response.text
        return float(response.json()["reviewThreshold"])


class Answers:
    """Answers the dialog's questions in order, and keeps what was asked."""

    def __init__(self, *replies: bool) -> None:
        self.replies = list(replies)
        self.asked: list[str] = []

    def __call__(self, _parent: QWidget, _title: str, text: str, _action: str) -> bool:
        self.asked.append(text)
        assert self.replies, f"not expected to ask: {text}"
        return self.replies.pop(0)


@pytest.fixture
def firm(tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server(tmp_path)
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


@pytest.fixture
def seat_for(firm: LiveServer, tmp_path: Path) -> Iterator[Callable[..., Seat]]:
    """``seat_for(role, synced=True)``: a new person of the firm at a desktop of their own."""
    opened: list[Seat] = []

    def open_seat(role: str = "owner", *, synced: bool = True) -> Seat:
        person = firm.account(FIRM, role)
        loop = asyncio.new_event_loop()
        folder = tmp_path / f"desk-{len(opened)}"
        account = loop.run_until_complete(open_desktop(firm.url, person.email, folder, QUICK_RETRY))
        if synced:
            loop.run_until_complete(account.engine.sync_once())
        seat = Seat(account, loop, person.http, folder)
        opened.append(seat)
        return seat

    yield open_seat
    for seat in opened:
        seat.run(seat.account.close())
        seat.loop.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def reopened(settings: QSettings) -> QSettings:
    """The settings file as the next start reads it."""
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


def sources_for(
    settings: QSettings,
    data_dir: Path,
    seat: Seat | None = None,
    **parts: Any,
) -> SettingsSources:
    if seat is not None:
        parts.setdefault("store", seat.account.store)
        parts.setdefault("schedule", seat.run)
    parts.setdefault("confirm", Answers())
    parts.setdefault("open_folder", lambda _folder: None)
    return SettingsSources(settings, data_dir, register_window_commands(CommandRegistry()), **parts)


def open_dialog(qtbot: QtBot, sources: SettingsSources, page: str | None = None) -> SettingsDialog:
    dialog = SettingsDialog(sources, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()
