"""Sign out, Switch account… and Sign in again… as the window's commands reach them.

The window shows one account's cache and knows nothing about accounts; the
desktop's start-up owns them (``desktop_startup``). It puts an
``AccountActions`` under each window it opens: the commands find it there and
emit its signals, the start-up does the work. A window without one (a test's,
or one still waiting for its account) has these commands disabled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal

from advisoros_desktop.ui.counted_text import Forms, counted

OBJECT_NAME = "accountActions"


class AccountActions(QObject):
    sign_out_requested = Signal()
    switch_requested = Signal()
    sign_in_requested = Signal()

    def __init__(self, window: QObject, *, remote: bool) -> None:
        super().__init__(window)
        self.setObjectName(OBJECT_NAME)
        self.remote = remote  # signing out means something only on a server
        self.signed_out = False  # the server refused the tokens; the password is needed


def account_actions(window: Any) -> AccountActions | None:
    if not isinstance(window, QObject):
        return None
    return window.findChild(AccountActions, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


def can_sign_out(window: Any) -> bool:
    actions = account_actions(window)
    return actions is not None and actions.remote


def can_switch(window: Any) -> bool:
    return account_actions(window) is not None


def can_sign_in(window: Any) -> bool:
    actions = account_actions(window)
    return actions is not None and actions.remote and actions.signed_out


def sign_out(window: Any) -> None:
    actions = account_actions(window)
    if actions is not None:
        actions.sign_out_requested.emit()


def switch_account(window: Any) -> None:
    actions = account_actions(window)
    if actions is not None:
        actions.switch_requested.emit()


def sign_in_again(window: Any) -> None:
    actions = account_actions(window)
    if actions is not None:
        actions.sign_in_requested.emit()


def unsent_work_question(changes: int, files: int) -> str | None:
    """The confirmation before signing out, when something waits to be sent; else None."""
    waiting = []
    if changes:
        waiting.append(counted(_CONTEXT, _CHANGES, changes))
    if files:
        waiting.append(counted(_CONTEXT, _FILES, files))
    if not waiting:
        return None
    listed = QCoreApplication.translate(_CONTEXT, " and ").join(waiting)
    return QCoreApplication.translate(
        _CONTEXT,
        "You have {waiting}. They stay on this computer and are sent when you sign in "
        "to this account again. Sign out now?",
    ).format(waiting=listed)


_CONTEXT = "AccountCommands"
_CHANGES: Forms = (
    QT_TRANSLATE_NOOP("AccountCommands", "{n} change not sent to the server yet"),
    QT_TRANSLATE_NOOP("AccountCommands", "{n} changes not sent to the server yet"),
)
_FILES: Forms = (
    QT_TRANSLATE_NOOP("AccountCommands", "{n} file not uploaded yet"),
    QT_TRANSLATE_NOOP("AccountCommands", "{n} files not uploaded yet"),
)
