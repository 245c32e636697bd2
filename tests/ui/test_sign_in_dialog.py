"""The sign-in dialog, driven by keyboard, signing in to a real server on loopback.

The first start's default (Enter) is the local workspace; a server is chosen
with the arrow keys and the form filled by Tab. Every failure is told beside
the form with the cursor in the box to fix and everything typed kept.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.sync.account import Account
from advisoros_desktop.sync.last_account import LOCAL_WORKSPACE, LastAccount
from advisoros_desktop.sync.server_sign_in import sign_in_to_server
from advisoros_desktop.ui.sign_in_dialog import (
    AGAIN,
    SWITCH,
    KnownAccountChoice,
    LocalWorkspaceChoice,
    SignedInChoice,
    SignInDialog,
)
from tests.conftest import PASSWORD
from tests.integration.foreign_servers import closed_port, self_signed_server
from tests.ui.account_fixtures import DANA, firm_server, qasync_loop, until

__all__ = ["firm_server", "qasync_loop"]  # fixtures

SERVER = "https://advisoros.harbor.example.com/api/v1"
KNOWN = [
    LastAccount(SERVER, "Harbor CPA", DANA, "accounts/h/o/dana/cache.db", DANA),
    LastAccount(SERVER, "Harbor CPA", "sam@harbor.example.com", "accounts/h/o/sam/cache.db"),
    LastAccount(LOCAL_WORKSPACE, "My firm", "me@workspace.local", "accounts/l/o/me/cache.db"),
]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def signing_in_to(data_dir: Path):  # type: ignore[no-untyped-def]
    tokens = MemoryTokenStore()

    async def sign_in(address: str, email: str, password: str) -> Account:
        return await sign_in_to_server(address, email, password, data_dir, tokens)

    return sign_in


async def nothing(*_typed: str) -> None:
    raise AssertionError("no sign-in was expected")


def open_dialog(qtbot: QtBot, dialog: SignInDialog) -> asyncio.Future:  # type: ignore[type-arg]
    qtbot.addWidget(dialog)
    return asyncio.ensure_future(dialog.choose())


def fill_server_form(qtbot: QtBot, address: str, email: str, password: str) -> None:
    """From the first start's default: the arrow to the server option, then Tab through."""
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "signIn_address"
    type_text(qtbot, address)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, email)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "signIn_password"
    type_text(qtbot, password)


def test_enter_opens_the_local_workspace_the_default_with_demo_data_as_asked(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        dialog = SignInDialog(nothing, demo=True)
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        assert focused() is dialog.local_button and dialog.local_button.isChecked()
        assert dialog.demo_box.isChecked()  # --demo ticked it
        assert not dialog.form.fields.isEnabled()  # the server's boxes wait for their option
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.demo_box
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)
        assert await answer == LocalWorkspaceChoice(demo=False)
        assert not dialog.isVisible()

    qasync_loop.run_until_complete(scenario())


def test_a_wrong_password_is_told_beside_the_form_and_the_right_one_signs_in(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    firm_server: EmbeddedServer,
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        dialog = SignInDialog(signing_in_to(tmp_path))
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        fill_server_form(qtbot, firm_server.url, DANA, "not my password")
        assert dialog.go_button.text() == "Sign in"
        press(qtbot, Qt.Key.Key_Return)
        await until(dialog.form.problem.isVisible, what="the problem shown")
        assert dialog.form.problem.text() == "The email or password is not right."
        assert not answer.done() and dialog.isVisible()
        form = dialog.form
        assert (form.address_edit.text(), form.email_edit.text()) == (firm_server.url, DANA)
        assert focused() is form.password_edit and form.password_edit.selectedText()
        type_text(qtbot, PASSWORD)  # replaces the wrong one, which was selected
        press(qtbot, Qt.Key.Key_Return)
        choice = await asyncio.wait_for(answer, 30)
        assert isinstance(choice, SignedInChoice) and choice.account is not None
        assert choice.account.user == DANA and choice.account.store.path.is_file()
        await choice.account.close()

    qasync_loop.run_until_complete(scenario())


def test_an_unreachable_address_and_an_untrusted_certificate_keep_the_form(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    async def scenario() -> None:
        dialog = SignInDialog(signing_in_to(tmp_path))
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        nowhere = closed_port()
        fill_server_form(qtbot, nowhere, DANA, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
        await until(dialog.form.problem.isVisible, what="the problem shown")
        assert dialog.form.problem.text().startswith(
            f"Could not reach {nowhere} — check the address and your connection."
        )
        assert focused() is dialog.form.address_edit  # the box to fix, its text selected
        assert dialog.form.address_edit.selectedText() == nowhere
        assert dialog.form.password_edit.text() == PASSWORD
        assert not dialog.form.progress.isVisible()

        with self_signed_server(tmp_path / "tls") as untrusted:
            type_text(qtbot, untrusted.removeprefix("https://"))  # https:// is assumed
            press(qtbot, Qt.Key.Key_Return)
            await until(
                lambda: "certificate" in dialog.form.problem.text(), what="the certificate problem"
            )
        assert dialog.form.problem.text().startswith(
            "The server's certificate is not trusted by this computer (self-signed certificate)"
        )
        assert not answer.done()
        press(qtbot, Qt.Key.Key_Escape)
        assert await answer is None

    qasync_loop.run_until_complete(scenario())


def test_escape_stops_a_slow_connection_then_closes_the_dialog(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    started = asyncio.Event()

    async def hangs(*_typed: str) -> None:
        started.set()
        await asyncio.Event().wait()

    async def scenario() -> None:
        dialog = SignInDialog(hangs)
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        fill_server_form(qtbot, "advisoros.example.com", DANA, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
        await asyncio.wait_for(started.wait(), 5)
        assert dialog.form.progress.isVisible()
        assert dialog.form.progress_label.text() == "Connecting to advisoros.example.com…"
        assert dialog.cancel_button.text() == "Stop" and not dialog.go_button.isEnabled()
        press(qtbot, Qt.Key.Key_Escape)
        await until(lambda: not dialog.form.progress.isVisible())
        assert dialog.isVisible() and not answer.done()
        assert dialog.form.problem.text() == "Connecting was stopped; nothing was changed."
        assert dialog.cancel_button.text() == "Quit" and dialog.go_button.isEnabled()
        press(qtbot, Qt.Key.Key_Escape)
        assert await answer is None

    qasync_loop.run_until_complete(scenario())


def test_switching_lists_the_accounts_here_with_the_open_one_unavailable(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        dialog = SignInDialog(nothing, mode=SWITCH, known=KNOWN, current=KNOWN[0])
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        titles = [button.text() for button in dialog.choices.buttons()]
        assert titles == [
            f"Harbor CPA — {DANA}",
            "Harbor CPA — sam@harbor.example.com",
            "&Local workspace on this computer",
            "&Connect to another AdvisorOS server",
        ]
        dana, sam = list(dialog.account_buttons)
        assert not dana.isEnabled() and "open now" in dana.accessibleDescription()
        assert focused() is sam and sam.isChecked()  # the first one that can be chosen
        press(qtbot, Qt.Key.Key_Down)
        assert dialog.local_button.isChecked()
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Return)
        assert await answer == KnownAccountChoice(KNOWN[1])

    qasync_loop.run_until_complete(scenario())


def test_signing_in_again_asks_only_the_password(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    typed: list[tuple[str, str, str]] = []

    async def again(address: str, email: str, password: str) -> None:
        typed.append((address, email, password))

    async def scenario() -> None:
        dialog = SignInDialog(
            again, mode=AGAIN, address="https://advisoros.harbor.example.com", email=DANA
        )
        answer = open_dialog(qtbot, dialog)
        await until(dialog.isVisible)
        assert not dialog.local_button.isVisible() and not dialog.server_button.isVisible()
        assert dialog.form.address_edit.isReadOnly() and dialog.form.email_edit.isReadOnly()
        assert focused() is dialog.form.password_edit
        assert dialog.cancel_button.text() == "Not now"
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
        assert await answer == SignedInChoice(None)
        assert typed == [("https://advisoros.harbor.example.com", DANA, PASSWORD)]

    qasync_loop.run_until_complete(scenario())


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def test_every_control_has_a_name_and_the_dialog_fits(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    for mode, current in (("start", None), (SWITCH, KNOWN[2]), (AGAIN, None)):
        dialog = SignInDialog(nothing, mode=mode, known=KNOWN, current=current, email=DANA)
        qtbot.addWidget(dialog)
        dialog.set_notice("No system keyring is available.")
        dialog.form.show_problem("The email or password is not right.", "password")
        dialog.show()
        qtbot.waitExposed(dialog)
        controls = [
            widget
            for widget in dialog.findChildren(QWidget)
            if isinstance(widget, QAbstractButton | QLineEdit) and widget.isVisible()
        ]
        assert controls
        assert [describe for describe in controls if not accessible_name(describe)] == []
        picture = dialog.grab()
        assert picture.save(str(tmp_path / f"sign-in-{mode}.png"))
        # Everything shown lies inside the dialog, none of it cut off at the right.
        for widget in controls:
            right = widget.mapTo(dialog, widget.rect().topRight()).x()
            assert right <= dialog.width(), widget
        assert dialog.width() <= 720
        dialog.close()
