"""Review: the firm's review threshold, shown to everyone, changed by its owners and admins.

The threshold is the firm's, kept on the server: a field read with less
confidence puts its document on the Review list for everyone. The page shows
it as a percentage from this computer's cache (so offline it still says what
is in force) and asks the server for the current one when connected. Only
owners and administrators may change it; the role comes from the synced
users. When this computer does not know the role yet, the change is sent and
the server's refusal, if any, is shown in its own words. The change goes out
as ``PATCH /settings`` on the asyncio loop; the cache is updated on a worker
thread, and a refused change leaves the firm's value as it was, with the reason.
"""

from __future__ import annotations

import asyncio
import logging

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.domain.entities import Role
from advisoros_desktop.domain.firm_settings import DEFAULT_REVIEW_THRESHOLD
from advisoros_desktop.domain.threshold_percent import parse_threshold_percent, percent_text
from advisoros_desktop.store.firm_settings_state import (
    recall_review_threshold,
    remember_firm_settings,
)
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.settings_pages.checked_field import CheckedField
from advisoros_desktop.ui.settings_pages.page import (
    SettingsPage,
    note_label,
    problem_label,
    show_text,
)
from advisoros_desktop.ui.settings_pages.sources import SettingsSources

log = logging.getLogger(__name__)

EDITORS = frozenset({Role.OWNER.value, Role.ADMIN.value})
DISCONNECTED_STATES = frozenset({"offline", "signed_out"})
CONNECT_TO_CHANGE = QT_TRANSLATE_NOOP("ReviewPage", "Connect to change the firm's threshold.")
NOT_AN_EDITOR = QT_TRANSLATE_NOOP(
    "ReviewPage", "Only the firm's owner or an administrator can change the firm's settings."
)
EDITABLE = QT_TRANSLATE_NOOP(
    "ReviewPage", "The firm's setting: it applies to everyone, from the next document extracted."
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "ReviewPage", "The server could not be reached, so the firm's threshold was not changed."
)


def role_of(store: LocalStore, email: str) -> str | None:
    """The signed-in user's role among the synced users; None before they are synced."""
    wanted = email.strip().lower()
    for user in store.all("user"):
        if str(user["email"] or "").lower() == wanted:
            return str(user["role"]) if user["role"] else None
    return None


class ReviewPage(SettingsPage):
    page_id = "review"
    icon_name = "review"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review"), parent)
        self._store = sources.store
        self._sync = sources.sync
        self._schedule = sources.schedule
        self._saving = False

        self.field = CheckedField(
            parse_threshold_percent, "%", self.tr("Review threshold, in percent"), self
        )
        self.field.committed.connect(self._send)
        label = QLabel(self.tr("Review &threshold:"), self)
        label.setBuddy(self.field.edit)
        self.refusal = problem_label(self)
        self.refusal.setAccessibleName(self.tr("Why the threshold was not changed"))
        self.access_note = QLabel(self)  # who may change it, or why not now
        self.access_note.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.field)
        column.addWidget(self.refusal)
        column.addWidget(
            note_label(
                self.tr(
                    "A field AdvisorOS reads with less confidence than this puts its document "
                    "on the Review list, and is flagged there. From 50 % (trust the reading "
                    "more) to 100 % (a person looks at every field)."
                ),
                self,
            )
        )
        column.addSpacing(6)
        column.addWidget(self.access_note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(label, column)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self._show_threshold(self.cached_threshold())
        self._update_access()
        if self._sync is not None:
            self._sync.state_changed.connect(self._state_changed)
            if self._connected():
                self._schedule(self._learn())

    # -- what is known -----------------------------------------------------------------
    def cached_threshold(self) -> float:
        return (
            recall_review_threshold(self._store)
            if self._store is not None
            else DEFAULT_REVIEW_THRESHOLD
        )

    def role(self) -> str | None:
        if self._sync is None or self._store is None:
            return None
        return role_of(self._store, self._sync.account.user)

    def _api(self) -> ApiClient | None:
        return self._sync.account.api if self._sync is not None else None

    def _connected(self) -> bool:
        return self._sync is not None and self._sync.state not in DISCONNECTED_STATES

    def _show_threshold(self, threshold: float) -> None:
        self.field.show_value(percent_text(threshold))

    def _update_access(self) -> None:
        role = self.role()
        if not self._connected():
            note, editable = self.tr(CONNECT_TO_CHANGE), False
        elif role is not None and role not in EDITORS:
            note, editable = self.tr(NOT_AN_EDITOR), False
        else:
            note, editable = self.tr(EDITABLE), True
        self.field.edit.setEnabled(editable)
        self.field.edit.setReadOnly(self._saving)
        self.access_note.setText(note)

    def _state_changed(self, _state: str, _message: str) -> None:
        self._update_access()

    def first_field(self) -> QWidget | None:
        return self.field.edit

    # -- changing it -------------------------------------------------------------------
    def _send(self, threshold: float) -> None:
        api = self._api()
        if api is None or self._store is None or self._saving:
            return
        self._saving = True
        show_text(self.refusal, None)
        self.access_note.setText(self.tr("Saving…"))
        self.field.edit.setReadOnly(True)
        self._schedule(self._change(api, self._store, threshold))

    async def _change(self, api: ApiClient, store: LocalStore, threshold: float) -> None:
        now = threshold
        refusal: str | None = None  # the server's own words
        unreachable = False
        failure: Exception | None = None
        try:
            answer = await api.set_firm_settings(threshold)
            now = await asyncio.to_thread(remember_firm_settings, store, answer)
        except ServerUnreachable:  # ServerUnavailable too: "try later", not a refusal
            unreachable = True
        except (ApiError, SignInRequired) as error:
            refusal = error.message
        except Exception as error:  # said beside the field, never raised into the loop
            log.exception("changing the review threshold failed")
            failure = error
        if not shiboken6.isValid(self):
            return  # the settings were closed meanwhile; the cache has the outcome
        self._saving = False
        if unreachable:
            refusal = self.tr(UNREACHABLE) + " " + self.tr(CONNECT_TO_CHANGE)
        elif failure is not None:
            refusal = self.tr("The firm's threshold was not changed: {error}").format(error=failure)
        if refusal is None:
            self._show_threshold(now)
        else:
            self._show_threshold(self.cached_threshold())
            tried = self.tr("{percent} % was not saved.").format(percent=percent_text(threshold))
            show_text(self.refusal, f"{tried} {refusal}")
        self._update_access()
        if refusal is None:
            self.access_note.setText(
                self.tr("Saved: documents extracted from now on are judged by {percent} %.").format(
                    percent=percent_text(now)
                )
            )

    async def _learn(self) -> None:
        """The threshold as the server has it now (another admin may have changed it)."""
        api, store = self._api(), self._store
        if api is None or store is None:
            return
        try:
            answer = await api.firm_settings()
            now = await asyncio.to_thread(remember_firm_settings, store, answer)
        except (ServerUnreachable, SignInRequired, ApiError) as error:
            log.info("the firm's settings are unavailable, showing the last known: %s", error)
            return
        if not shiboken6.isValid(self) or self._saving:
            return
        if self.field.problem_text() is None and not self.field.edit.isModified():
            self._show_threshold(now)

    # -- closing -----------------------------------------------------------------------
    def commit(self) -> None:
        self.field.finish()

    def unsaved_problem(self) -> str | None:
        problem = self.field.problem_text()
        if problem is None:
            return None
        return self.tr("The review threshold “{typed}” was not sent: {problem}").format(
            typed=self.field.edit.text().strip(), problem=problem
        )

    def show_problem(self) -> None:
        self.field.edit.setFocus()
        self.field.edit.selectAll()

    def close_page(self) -> None:
        if self._sync is not None:
            self._sync.state_changed.disconnect(self._state_changed)
