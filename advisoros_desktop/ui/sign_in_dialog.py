"""Where to work: the local workspace, an account used here before, or a firm's server.

Shown at the first start, after signing out, for "Switch account…", and when
the server wants the password again. Signing in runs on the asyncio loop
(qasync) while the dialog stays responsive, with a progress line and a Cancel
that stops it; a failure is told next to the form, in words that say what to
fix, with the cursor in the box to fix and everything typed still there.

The dialog is never run with ``exec()``: its nested event loop would run
asyncio's tasks inside another task's step, which asyncio refuses. ``choose()``
shows it and awaits the answer instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.sync.account import Account
from advisoros_desktop.sync.last_account import LastAccount
from advisoros_desktop.sync.server_address import address_shown
from advisoros_desktop.sync.server_sign_in import SignInFailed
from advisoros_desktop.ui.server_form import ServerForm
from advisoros_desktop.ui.sign_in_texts import failure_text
from advisoros_desktop.ui.theme import surface_style

log = logging.getLogger(__name__)

# What the dialog is for.
START = "start"  # the first start, or after signing out: where to work
SWITCH = "switch"  # another account than the one open now
AGAIN = "again"  # the open account's password, after the server refused its tokens

INDENT = 26  # pixels: an option's own controls sit under its title
OPTION_GAP = 4  # pixels more between options than within one


@dataclass(frozen=True)
class LocalWorkspaceChoice:
    demo: bool


@dataclass(frozen=True)
class KnownAccountChoice:
    """An account used here before: its cache opens at once, on the tokens kept for it."""

    account: LastAccount


@dataclass(frozen=True)
class SignedInChoice:
    """Signed in from the form; ``account`` is None when the open account signed in again."""

    account: Account | None


Choice = LocalWorkspaceChoice | KnownAccountChoice | SignedInChoice
# sign_in(address, email, password): raises SignInFailed with a sentence for the person.
SignIn = Callable[[str, str, str], Awaitable[Account | None]]


class SignInDialog(QDialog):
    def __init__(
        self,
        sign_in: SignIn,
        *,
        mode: str = START,
        known: Sequence[LastAccount] = (),
        current: LastAccount | None = None,
        demo: bool = False,
        address: str = "",
        email: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self._sign_in = sign_in
        self._answer: asyncio.Future[Choice | None] | None = None
        self._connecting: asyncio.Task[None] | None = None
        self._stopped_by_person = False
        self._closing: asyncio.Future[None] | None = None
        self.setObjectName("signInDialog")
        self.setWindowModality(
            Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.NonModal
        )
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)

        self.choices = QButtonGroup(self)
        self.account_buttons: dict[QAbstractButton, LastAccount] = {}
        remote = [entry for entry in known if not entry.is_local]
        for entry in remote:
            button = QRadioButton(f"{entry.organization} — {entry.user}", self)
            server = urlsplit(address_shown(entry.server)).netloc or entry.server
            where = QLabel(self.tr("on %1").replace("%1", server), self)
            if current is not None and entry.cache == current.cache:
                where.setText(self.tr("on %1, open now").replace("%1", server))
                button.setEnabled(False)
            button.setAccessibleDescription(where.text())
            self.choices.addButton(button)
            self.account_buttons[button] = entry
            layout.addSpacing(OPTION_GAP)
            layout.addWidget(button)
            layout.addWidget(_indented(where))

        self.local_button = QRadioButton(self.tr("&Local workspace on this computer"), self)
        self.local_hint = QLabel(
            self.tr("Your records stay on this computer; no server or account is needed."), self
        )
        self.local_hint.setWordWrap(True)
        self.demo_box = QCheckBox(self.tr("Fill it with &demo data"), self)
        self.demo_box.setChecked(demo)
        self.demo_box.setToolTip(
            self.tr("Adds the fictional Demo CPA Firm: clients, engagements, tasks and documents.")
        )
        if current is not None and current.is_local:
            self.local_button.setText(
                self.tr("%1 (open now)").replace("%1", self.tr("Local workspace on this computer"))
            )
            self.local_button.setEnabled(False)
        self.choices.addButton(self.local_button)
        layout.addSpacing(OPTION_GAP)
        layout.addWidget(self.local_button)
        layout.addWidget(_indented(self.local_hint, self.demo_box))

        self.server_button = QRadioButton(
            self.tr("&Connect to another AdvisorOS server")
            if remote
            else self.tr("&Connect to an AdvisorOS server"),
            self,
        )
        self.choices.addButton(self.server_button)
        layout.addSpacing(OPTION_GAP)
        layout.addWidget(self.server_button)
        self.form = ServerForm(address, email, self)
        self.form.setContentsMargins(INDENT, 0, 0, 0)
        layout.addWidget(self.form)

        self.notice = QLabel(self)
        self.notice.setObjectName("signInNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(surface_style("note") + " padding: 6px;")
        self.notice.hide()
        layout.addWidget(self.notice)

        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.go_button = QPushButton(self.tr("Open"), self)
        self.go_button.setDefault(True)
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._cancel_text = {
            START: self.tr("Quit"),
            SWITCH: self.tr("Cancel"),
            AGAIN: self.tr("Not now"),
        }[mode]
        self.cancel_button.setText(self._cancel_text)
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # The account open now is listed but cannot be chosen again.
        self._open_now = {b for b in self.choices.buttons() if not b.isEnabled()}
        self._set_texts(remote)
        self.choices.buttonToggled.connect(lambda *_: self._follow_choice())
        self._choose_first()
        self._follow_choice()
        self._focus_first()

    # -- set-up ---------------------------------------------------------------------------
    def _set_texts(self, remote: Sequence[LastAccount]) -> None:
        if self.mode == AGAIN:
            title, heading = self.tr("Sign in again"), self.tr("Sign in again")
            intro = self.tr(
                "The server asked for your password again. Your changes that are not sent "
                "yet stay on this computer and are sent once you are signed in."
            )
        elif self.mode == SWITCH:
            title, heading = self.tr("Switch account"), self.tr("Open another account")
            intro = self.tr(
                "Each account keeps its own records on this computer, with any changes "
                "not sent yet."
            )
        else:
            title, heading = self.tr("Welcome"), self.tr("Where do you want to work?")
            intro = (
                self.tr("Open an account used on this computer before, or choose below.")
                if remote
                else self.tr("You can connect to your firm's server later, from the File menu.")
            )
        self.setWindowTitle(self.tr("%1 — AdvisorOS Desktop").replace("%1", title))
        self.heading.setText(f"<h3>{heading}</h3>")
        self.heading.setAccessibleName(heading)
        self.intro.setText(intro)

    def _choose_first(self) -> None:
        if self.mode == AGAIN:
            for widget in (*self.choices.buttons(), self.local_hint, self.demo_box):
                widget.hide()
            self.server_button.setChecked(True)
            self.form.setContentsMargins(0, 0, 0, 0)  # the only option: no indent
            self.form.fix_account()
            return
        enabled = [button for button in self.choices.buttons() if button.isEnabled()]
        if self.mode == START and self.local_button.isEnabled():
            self.local_button.setChecked(True)  # the default: works with no server at all
        elif enabled:
            enabled[0].setChecked(True)

    def _focus_first(self) -> None:
        if self.mode == AGAIN:
            self.form.password_edit.setFocus()
            return
        checked = self.choices.checkedButton()
        if checked is not None:
            checked.setFocus()

    def _follow_choice(self) -> None:
        """Only the chosen option's controls take input; the main button says what it does."""
        checked = self.choices.checkedButton()
        server = checked is self.server_button
        self.demo_box.setEnabled(checked is self.local_button)
        self.form.fields.setEnabled(server)
        self.go_button.setText(self.tr("Sign in") if server else self.tr("Open"))

    # -- answering -------------------------------------------------------------------------
    async def choose(self) -> Choice | None:
        """Show the dialog and wait for the choice; None when it was cancelled or closed."""
        self._answer = asyncio.get_running_loop().create_future()
        self.show()
        self.activateWindow()
        try:
            return await self._answer
        except asyncio.CancelledError:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Close without an answer (the program is quitting); stops a sign-in under way."""
        if self._connecting is not None:
            self._connecting.cancel()
        self._answered(None)
        QDialog.reject(self)

    def set_notice(self, text: str) -> None:
        """A note that is not a problem with the form (tokens kept in memory only)."""
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setVisible(bool(text))

    def reject(self) -> None:
        if self._connecting is not None:
            # Esc or Cancel while connecting stops the attempt; the dialog stays.
            self._stopped_by_person = True
            self._connecting.cancel()
            return
        self._answered(None)
        super().reject()

    def _go(self) -> None:
        if self._connecting is not None:
            return
        checked = self.choices.checkedButton()
        if checked is self.local_button:
            self._finish(LocalWorkspaceChoice(self.demo_box.isChecked()))
        elif checked is self.server_button:
            self._connecting = asyncio.ensure_future(self._connect(*self.form.values()))
        elif checked in self.account_buttons:
            self._finish(KnownAccountChoice(self.account_buttons[checked]))

    async def _connect(self, address: str, email: str, password: str) -> None:
        self.form.show_problem("")
        self._set_busy(True, address)
        try:
            account = await self._sign_in(address, email, password)
        except SignInFailed as failure:
            self._set_busy(False)
            self.form.show_problem(failure_text(failure), failure.field)
            return
        except asyncio.CancelledError:
            self._set_busy(False)
            if self._stopped_by_person:
                self._stopped_by_person = False
                self.form.show_problem(self.tr("Connecting was stopped; nothing was changed."))
                return
            raise
        except Exception as error:
            log.exception("signing in failed unexpectedly")
            self._set_busy(False)
            self.form.show_problem(
                self.tr("Signing in failed unexpectedly: %1").replace("%1", str(error))
            )
            return
        finally:
            self._connecting = None
        self._set_busy(False)
        self._finish(SignedInChoice(account))

    def _finish(self, choice: Choice) -> None:
        unclaimed = not self._answered(choice)
        if unclaimed and isinstance(choice, SignedInChoice) and choice.account is not None:
            # Nobody waits for it any more (the program is quitting): close it.
            self._closing = asyncio.ensure_future(choice.account.close())
        QDialog.accept(self)

    def _answered(self, choice: Choice | None) -> bool:
        """Hand ``choice`` to whoever awaits ``choose()``; False when no one does."""
        if self._answer is None or self._answer.done():
            return False
        self._answer.set_result(choice)
        return True

    def _set_busy(self, busy: bool, address: str = "") -> None:
        self.form.set_busy(busy, address)
        for button in self.choices.buttons():
            button.setEnabled(not busy and button not in self._open_now)
        self.demo_box.setEnabled(False)
        self.go_button.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Stop") if busy else self._cancel_text)
        if busy:
            self.cancel_button.setFocus()  # the boxes are disabled; Esc or Space stops
        else:
            self._follow_choice()


def _indented(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(INDENT, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    return holder
