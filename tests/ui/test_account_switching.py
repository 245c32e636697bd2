"""Starting on an account, signing out and switching, as the program does it (qasync).

A real embedded server on loopback stands for the firm's server, the local
workspace really starts, and tokens go through ``KeyringTokenStore`` into a
keyring of the test's own. What must hold: each account keeps its own cache;
tokens are only in the keyring; a refused sign-in or signing out never loses
the changes that were not sent yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.api.token_store import INSECURE_MESSAGE, KeyringTokenStore
from advisoros_desktop.app import build_parser
from advisoros_desktop.desktop_startup import DesktopStartup
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.schema import sessions
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import account_key, api_root
from advisoros_desktop.sync.known_accounts import add_known_account, known_accounts
from advisoros_desktop.sync.last_account import LastAccount, recall, remember
from advisoros_desktop.sync.server_sign_in import sign_in_to_server
from advisoros_desktop.ui.app_context import build_context
from advisoros_desktop.ui.sign_in_dialog import AGAIN, START, SWITCH, SignInDialog
from tests.conftest import PASSWORD
from tests.ui.account_fixtures import (
    DANA,
    MemoryKeyring,
    fake_keyring,
    firm_server,
    qasync_loop,
    until,
)

__all__ = ["fake_keyring", "firm_server", "qasync_loop"]  # fixtures


@pytest.fixture
def open_desktop(
    qasync_loop: asyncio.AbstractEventLoop,
) -> Iterator[Callable[..., DesktopStartup]]:
    """``open_desktop(data_dir, **options)``: a start-up, quit at the end if a test did not."""
    made: list[DesktopStartup] = []

    def make(data_dir: Path, **options: Any) -> DesktopStartup:
        startup = DesktopStartup(build_context(data_dir), demo=False, **options)
        made.append(startup)
        return startup

    yield make
    for startup in made:
        if not startup.closed.done():  # the test failed half-way: leave nothing running
            if startup.window is not None:
                startup.window.close()
            qasync_loop.run_until_complete(startup.shutdown())


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot: QtBot, *steps: str | Qt.Key) -> None:
    """Text is typed into the focused box, keys are pressed on whatever has focus."""
    for step in steps:
        if isinstance(step, str):
            qtbot.keyClicks(focused(), step)
        else:
            qtbot.keyClick(focused(), step)


async def dialog_of(startup: DesktopStartup, mode: str) -> SignInDialog:
    """The dialog asking ``mode``, once it has the keyboard (keys typed before would go
    to the window under it)."""

    def asking() -> bool:
        dialog = startup.sign_in.dialog
        return (
            dialog is not None
            and dialog.mode == mode
            and dialog.isVisible()
            and dialog.isAncestorOf(QApplication.focusWidget())
        )

    await until(asking, what=f"the {mode} dialog")
    dialog = startup.sign_in.dialog
    assert dialog is not None
    return dialog


async def synced(startup: DesktopStartup) -> None:
    await until(
        lambda: (
            startup.controller is not None
            and startup.controller.scheduler.cycles > 0
            and startup.controller.state == "online"
        ),
        what="a sync",
    )


async def quit_program(startup: DesktopStartup, connecting: asyncio.Future[None]) -> None:
    if startup.window is not None:
        startup.window.close()
    assert await startup.closed == 0
    await connecting
    await startup.shutdown()


def secrets_in_files(folder: Path) -> list[str]:
    """Files under ``folder`` (caches aside) mentioning a token or the password."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("cache.db"):
            data = path.read_bytes()
            if b"rt_" in data or b"at_" in data or PASSWORD.encode() in data:
                found.append(str(path))
    return found


def test_first_start_signs_in_to_a_server_and_the_next_start_opens_its_cache_at_once(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    open_desktop: Callable[..., DesktopStartup],
    firm_server: EmbeddedServer,
    fake_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    key = account_key(firm_server.url, DANA)

    async def first_start() -> None:
        startup = open_desktop(data)
        assert startup.open_cached_window() is None  # nothing to show: ask first
        connecting = asyncio.ensure_future(startup.connect())
        await dialog_of(startup, START)
        type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Tab, firm_server.url, Qt.Key.Key_Tab)
        type_keys(qtbot, DANA, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)
        window = await asyncio.wait_for(startup.ready, 30)
        assert startup.sign_in.dialog is None  # answered and gone
        assert window.windowTitle() == f"Harbor CPA — {DANA} — AdvisorOS Desktop"
        await synced(startup)
        assert startup.current is not None and startup.current.server == api_root(firm_server.url)
        assert recall(data) == startup.current
        assert known_accounts(data) == [startup.current]
        assert fake_keyring.accounts() == [key]  # the tokens, and only there
        window.store.create("client", {"businessName": "Made On The First Day"})
        await until(lambda: window.store.pending_count() == 0, what="the client sent")
        await quit_program(startup, connecting)
        assert secrets_in_files(data) == []

    async def next_start() -> None:
        startup = open_desktop(data)
        window = startup.open_cached_window()
        assert window is not None  # yesterday's records, before any network
        assert window.windowTitle() == f"Harbor CPA — {DANA} — AdvisorOS Desktop"
        assert [c["businessName"] for c in window.store.all("client")] == ["Made On The First Day"]
        connecting = asyncio.ensure_future(startup.connect())
        assert await asyncio.wait_for(startup.ready, 30) is window  # the same window
        await synced(startup)  # on the kept tokens: no password asked
        assert startup.sign_in.dialog is None

        # The server forgets the sign-in (say, an administrator signed everyone out).
        with firm_server.state.engine.begin() as conn:
            conn.execute(sa.delete(sessions))
        window.store.create("client", {"businessName": "Made While Signed Out"})
        startup.controller.sync_now()  # type: ignore[union-attr]
        dialog = await dialog_of(startup, AGAIN)
        assert startup.controller.state == "signed_out"  # type: ignore[union-attr]
        assert dialog.parent() is window and dialog.form.email_edit.text() == DANA
        assert dialog.form.address_edit.text() == firm_server.url
        assert window.store.pending_count() == 1  # kept while signed out
        window.actions.update_enabled()
        assert window.actions.action("account.sign_in").isEnabled()  # for after "Not now"
        type_keys(qtbot, "wrong password", Qt.Key.Key_Return)
        await until(dialog.form.problem.isVisible, what="the wrong password told")
        type_keys(qtbot, PASSWORD, Qt.Key.Key_Return)
        await until(lambda: window.store.pending_count() == 0, what="the change sent")
        await synced(startup)
        assert fake_keyring.accounts() == [key]
        await quit_program(startup, connecting)

    qasync_loop.run_until_complete(first_start())
    qasync_loop.run_until_complete(next_start())


def test_sign_out_keeps_the_cache_and_its_unsent_changes_and_clears_the_keyring(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    open_desktop: Callable[..., DesktopStartup],
    firm_server: EmbeddedServer,
    fake_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    questions: list[str] = []

    def confirm(_parent: QWidget, _title: str, question: str, action: str) -> bool:
        assert action == "Sign out"
        questions.append(question)
        return True

    async def scenario() -> None:
        startup = open_desktop(data, confirm=confirm)
        startup.open_cached_window()
        connecting = asyncio.ensure_future(startup.connect())
        await dialog_of(startup, START)
        type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Tab, firm_server.url, Qt.Key.Key_Tab)
        type_keys(qtbot, DANA, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)
        window = await asyncio.wait_for(startup.ready, 30)
        await synced(startup)
        cache = window.store.path
        window.toggle_sync_pause()  # so the next change is still waiting when signing out
        client = window.store.create("client", {"businessName": "Not Sent Yet"})
        assert fake_keyring.accounts() != []

        window.actions.run("account.sign_out")
        dialog = await dialog_of(startup, START)
        assert questions == [
            "You have 1 change not sent to the server yet. They stay on this computer and "
            "are sent when you sign in to this account again. Sign out now?"
        ]
        assert startup.window is None and startup.account is None
        assert fake_keyring.accounts() == []  # signed out: no tokens anywhere
        assert recall(data) is None  # the next start asks
        kept = LocalStore(cache)
        try:
            assert kept.pending_count() == 1 and kept.get("client", client) is not None
        finally:
            kept.close()

        # The account is offered again; its cache opens and asks for the password.
        [dana] = list(dialog.account_buttons)
        assert dana.text() == f"Harbor CPA — {DANA}" and dialog.local_button.isChecked()
        type_keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Return)
        await dialog_of(startup, AGAIN)
        assert startup.window is not None and startup.window.store.path == cache
        assert startup.window.store.pending_count() == 1
        type_keys(qtbot, PASSWORD, Qt.Key.Key_Return)
        window = startup.window
        await until(lambda: window.store.pending_count() == 0, what="the kept change sent")
        assert startup.sign_in.dialog is None

        # Signing out with nothing waiting asks nothing; closing the dialog quits.
        window.actions.run("account.sign_out")
        await dialog_of(startup, START)
        assert len(questions) == 1
        type_keys(qtbot, Qt.Key.Key_Escape)
        assert await startup.closed == 0
        await connecting
        await startup.shutdown()

    qasync_loop.run_until_complete(scenario())


def test_switching_between_the_local_workspace_and_a_server_keeps_two_caches(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    open_desktop: Callable[..., DesktopStartup],
    firm_server: EmbeddedServer,
    fake_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()

    async def scenario() -> None:
        startup = open_desktop(data)
        startup.open_cached_window()
        connecting = asyncio.ensure_future(startup.connect())
        await dialog_of(startup, START)
        type_keys(qtbot, Qt.Key.Key_Return)  # the default: the local workspace
        local_window = await asyncio.wait_for(startup.ready, 60)
        assert startup.current is not None and startup.current.is_local
        await synced(startup)
        local_cache = local_window.store.path
        local_window.store.create("client", {"businessName": "Only In My Workspace"})
        assert startup.intake is not None
        scanner = WatchedFolder(tmp_path / "Scanner of the workspace")
        startup.intake.settings.set_folders([scanner])  # must not feed the server's firm
        local_window.actions.update_enabled()
        assert local_window.actions.action("account.switch").isEnabled()
        assert not local_window.actions.action("account.sign_out").isEnabled()  # no server
        assert startup.workspace is not None

        local_window.actions.run("account.switch")
        dialog = await dialog_of(startup, SWITCH)
        assert not dialog.local_button.isEnabled()  # open now
        assert dialog.server_button.isChecked() and focused() is dialog.server_button
        type_keys(qtbot, Qt.Key.Key_Tab, firm_server.url, Qt.Key.Key_Tab, DANA)
        type_keys(qtbot, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)
        await until(
            lambda: startup.current is not None and not startup.current.is_local,
            what="the server account open",
        )
        server_window = startup.window
        assert server_window is not None and server_window is not local_window
        assert startup.window.isVisible()
        assert startup.workspace is None  # the local server stopped with its account
        await synced(startup)
        assert server_window.store.path != local_cache
        assert server_window.store.all("client") == []
        assert startup.intake is not None and startup.intake.settings.folders() == []

        server_window.actions.run("account.switch")
        dialog = await dialog_of(startup, SWITCH)
        assert [b.isEnabled() for b in dialog.account_buttons] == [False]  # Dana: open now
        assert focused() is dialog.local_button and dialog.local_button.isChecked()
        type_keys(qtbot, Qt.Key.Key_Return)
        await until(
            lambda: (
                startup.current is not None
                and startup.current.is_local
                and startup.controller is not None
            ),
            timeout=60,
            what="the local workspace again",
        )
        assert startup.window is not None and startup.window.store.path == local_cache
        names = [c["businessName"] for c in startup.window.store.all("client")]
        assert names == ["Only In My Workspace"]
        assert startup.intake is not None and startup.intake.settings.folders() == [scanner]
        assert len(list(data.glob("accounts/*/*/*/cache.db"))) == 2
        assert [entry.is_local for entry in known_accounts(data)] == [True, False]
        await quit_program(startup, connecting)

    qasync_loop.run_until_complete(scenario())


def test_local_workspace_only_never_asks_and_skips_a_remembered_server_account(
    qasync_loop: asyncio.AbstractEventLoop,
    open_desktop: Callable[..., DesktopStartup],
    firm_server: EmbeddedServer,
    fake_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()

    async def first_local_start() -> Path:
        startup = open_desktop(data, local_only=True)  # --local-workspace, --self-test
        assert startup.open_cached_window() is None
        connecting = asyncio.ensure_future(startup.connect())
        window = await asyncio.wait_for(startup.ready, 60)
        assert startup.sign_in.dialog is None and startup.current is not None
        assert startup.current.is_local
        path = window.store.path
        await quit_program(startup, connecting)
        return path

    async def server_account_last() -> None:
        account = await sign_in_to_server(
            firm_server.url, DANA, PASSWORD, data, KeyringTokenStore()
        )
        entry = LastAccount(
            account.api.base_url,
            account.organization,
            account.user,
            str(account.store.path.relative_to(data)),
            DANA,
        )
        await account.close()
        remember(data, entry)
        add_known_account(data, entry)

    async def local_start_again(local_cache: Path) -> None:
        startup = open_desktop(data, local_only=True)
        window = startup.open_cached_window()
        assert window is not None and window.store.path == local_cache  # at once
        connecting = asyncio.ensure_future(startup.connect())
        assert await asyncio.wait_for(startup.ready, 60) is window
        assert startup.current is not None and startup.current.is_local
        await quit_program(startup, connecting)

    local_cache = qasync_loop.run_until_complete(first_local_start())
    qasync_loop.run_until_complete(server_account_last())
    qasync_loop.run_until_complete(local_start_again(local_cache))
    assert recall(data) is not None and recall(data).is_local  # type: ignore[union-attr]


def test_without_a_working_keyring_the_person_is_told_and_nothing_is_written(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    open_desktop: Callable[..., DesktopStartup],
    firm_server: EmbeddedServer,
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # a headless box: no keyring at all

    async def scenario() -> None:
        startup = open_desktop(data)
        startup.open_cached_window()
        connecting = asyncio.ensure_future(startup.connect())
        dialog = await dialog_of(startup, START)
        await until(dialog.notice.isVisible, what="the keyring notice")
        assert dialog.notice.text() == INSECURE_MESSAGE
        type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Tab, firm_server.url, Qt.Key.Key_Tab)
        type_keys(qtbot, DANA, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)
        window = await asyncio.wait_for(startup.ready, 30)
        assert window.status_message.text() == INSECURE_MESSAGE
        await synced(startup)  # the tokens in memory work for this run
        await quit_program(startup, connecting)
        assert secrets_in_files(data) == []

    try:
        qasync_loop.run_until_complete(scenario())
    finally:
        keyring.set_keyring(previous)


def test_a_plain_start_may_ask_and_local_workspace_never_does() -> None:
    parser = build_parser()
    assert not parser.parse_args([]).local_workspace
    assert parser.parse_args(["--local-workspace", "--demo"]).local_workspace
