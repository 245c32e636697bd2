"""Sign out, Switch account… and Sign in again… reach the start-up through the window.

A window without ``AccountActions`` (a test's, or one whose account is still
opening) has them disabled; with it, they fire its signals. Signing out asks
first only when changes or files wait to be sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui import account_commands
from advisoros_desktop.ui.account_commands import AccountActions, unsent_work_question
from advisoros_desktop.ui.window_commands import MENUS, register_window_commands


def test_the_commands_are_in_the_file_menu_before_quit() -> None:
    registry = register_window_commands(CommandRegistry())
    titles = {command.id: command.title for command in registry}
    assert titles["account.sign_out"] == "Sign out"
    assert titles["account.switch"] == "Switch account…"
    assert titles["account.sign_in"] == "Sign in again…"
    file_menu = list(dict(MENUS)["&File"])
    assert file_menu[-6:] == [
        None,
        "account.sign_in",
        "account.switch",
        "account.sign_out",
        None,
        "app.quit",
    ]


def test_without_an_account_the_commands_are_disabled(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    assert not account_commands.can_switch(window)
    assert not account_commands.can_sign_out(window)
    assert not account_commands.can_sign_in(window)
    account_commands.sign_out(window)  # nothing to reach: nothing happens
    assert not account_commands.can_switch(object())


def test_with_an_account_the_commands_reach_the_start_up(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = AccountActions(window, remote=True)
    assert account_commands.can_switch(window) and account_commands.can_sign_out(window)
    assert not account_commands.can_sign_in(window)  # only once the server refused
    actions.signed_out = True
    assert account_commands.can_sign_in(window)
    for command, signal in (
        (account_commands.sign_out, actions.sign_out_requested),
        (account_commands.switch_account, actions.switch_requested),
        (account_commands.sign_in_again, actions.sign_in_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            command(window)


def test_the_local_workspace_cannot_be_signed_out_of(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    AccountActions(window, remote=False)
    assert account_commands.can_switch(window)
    assert not account_commands.can_sign_out(window)


def test_signing_out_asks_only_when_something_waits() -> None:
    assert unsent_work_question(0, 0) is None
    assert unsent_work_question(1, 0) == (
        "You have 1 change not sent to the server yet. They stay on this computer and "
        "are sent when you sign in to this account again. Sign out now?"
    )
    assert unsent_work_question(1200, 3) is not None
    assert unsent_work_question(1200, 3).startswith(  # type: ignore[union-attr]
        "You have 1,200 changes not sent to the server yet and 3 files not uploaded yet."
    )
    assert "1 file not uploaded yet" in unsent_work_question(0, 1)  # type: ignore[operator]
