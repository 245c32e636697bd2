"""The review of one document's extracted fields, beside the document, by keyboard.

Left, the page (``ReviewPreview``) with the fields' boxes; right, the fields
(``ReviewFields``). The current field is the same on both sides: moving in
the list turns to its page and highlights its box, clicking a box selects the
field. Every correction, acceptance and approval is an undoable command on
the window's undo stack and an outbox mutation, so a review done offline is
sent when the server is reachable again.

The document's bytes come from the local content cache, else from the
server once (verified, then cached); with neither, the fields can still be
reviewed and the page shows when it arrives. Fetching runs as a coroutine on
the window's asyncio loop (``schedule``), never blocking the GUI thread; a
reply for a document the reviewer already left is dropped (a generation
token, as the table prefetch does).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.document_content import ContentMismatch, fetch
from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.commands.review_commands import AcceptField, ApproveDocument, CorrectField
from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.store.document_content import DocumentContent
from advisoros_desktop.store.extraction_lookup import extractions_of
from advisoros_desktop.store.firm_settings_state import (
    recall_review_threshold,
    remember_firm_settings,
)
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.command_actions import translated_title
from advisoros_desktop.ui.counted_text import count_text, counted
from advisoros_desktop.ui.field_format import choice_label
from advisoros_desktop.ui.page_renderer import PageRenderer
from advisoros_desktop.ui.review_commands import REVIEW_COMMANDS
from advisoros_desktop.ui.review_fields import ReviewFields
from advisoros_desktop.ui.review_input import read_correction
from advisoros_desktop.ui.review_preview import ReviewPreview
from advisoros_desktop.ui.store_notices import StoreNotices
from advisoros_desktop.ui.theme import surface_style

log = logging.getLogger(__name__)

Schedule = Callable[[Coroutine[Any, Any, None]], Any]
NOT_HERE_YET = QT_TRANSLATE_NOOP(
    "ReviewView",
    "The document's file is not on this computer yet; it will show once the server is reachable.",
)
HINT = QT_TRANSLATE_NOOP(
    "ReviewView",
    "Tab next · Enter accept · type to correct · Esc put back · "
    "N next to check · Ctrl+Enter approve",
)
FIELD_COUNTS = (
    QT_TRANSLATE_NOOP("ReviewView", "{n} field"),
    QT_TRANSLATE_NOOP("ReviewView", "{n} fields"),
)


def signed_in_user_id(store: LocalStore, email: str) -> str | None:
    """The id of the signed-in user, found among the synced users by email."""
    wanted = email.strip().lower()
    for user in store.all("user"):
        if str(user["email"] or "").lower() == wanted:
            return str(user["id"])
    return None


class ReviewView(QWidget):
    """The split view of one document under review; ``open_document`` fills it."""

    # Ctrl+Enter approved the document: the window opens the next one in the Review list.
    next_requested = Signal()
    # A sentence for the status bar (a refused undo step, a fetch that failed).
    message = Signal(str)

    def __init__(
        self,
        store: LocalStore,
        undo_stack: QUndoStack,
        user_id: str,
        content: DocumentContent,
        api: ApiClient | None = None,
        *,
        notices: StoreNotices | None = None,
        schedule: Schedule | None = None,
        renderer: PageRenderer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.store, self.undo_stack, self.user_id = store, undo_stack, user_id
        self.content, self.api = content, api
        self._schedule: Schedule = schedule or asyncio.ensure_future
        self.renderer = renderer or PageRenderer(self)
        self.document_id: str | None = None
        self.extraction_id: str | None = None
        self.form_type = "unknown"
        self._generation = 0
        self._own_actions: list[QAction] = []
        self.actions_by_id: dict[str, QAction] = {}

        self.preview = ReviewPreview(self.renderer, self)
        self.fields = ReviewFields(self)
        self.title = QLabel(self)
        self.title.setObjectName("reviewTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel(self)
        # A long file name or summary wraps: the page beside them needs the width.
        for label in (self.title, self.summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(self.tr(HINT), self)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.page_note = QLabel(self)
        self.page_note.setWordWrap(True)
        self.page_note.setStyleSheet(surface_style("note") + " padding: 4px;")
        self.page_note.hide()
        self.page_label = QLabel(self)
        self.page_label.setObjectName("reviewPageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.hide()
        self._layout()

        self.fields.current_changed.connect(self.preview.set_current)
        self.fields.correct_requested.connect(self._correct)
        self.fields.accept_requested.connect(self._accept)
        self.fields.notice.connect(self.status.setText)
        self.preview.field_clicked.connect(self.fields.select)
        self.preview.problem.connect(self._page_problem)
        self.preview.page_changed.connect(self._page_shown)
        self.notices = notices or StoreNotices(store, parent=self)
        self.notices.changed.connect(self._store_changed)
        self._make_own_actions()

    def _layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.page_note)
        left_layout.addWidget(self.preview, 1)
        left_layout.addWidget(self.page_label)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.fields, 1)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # The page gets the larger share from the start: the list's size hint would win.
        self.splitter.setSizes([600, 400])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.fields)

    # -- the window's commands ----------------------------------------------------------
    def _make_own_actions(self) -> None:
        """Until the window adopts its commands, the view answers their default keys itself."""
        for command in REVIEW_COMMANDS:
            action = QAction(translated_title(command), self)
            action.setShortcuts([QKeySequence(k) for k in command.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, c=command: c.handler(self))
            self.addAction(action)
            self._own_actions.append(action)
            self.actions_by_id[command.id] = action

    def adopt_actions(self, actions: Mapping[str, QAction]) -> None:
        """Use the window's QActions for the review commands (their keys may be rebound)."""
        for action in self._own_actions:
            self.removeAction(action)
            action.deleteLater()
        self._own_actions = []
        self.actions_by_id = dict(actions)
        for action in self.actions_by_id.values():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # -- opening ------------------------------------------------------------------------
    def open_document(self, document_id: str) -> bool:
        """Show ``document_id``'s extraction and page; False when it has no extraction."""
        self._generation += 1
        self.document_id = document_id
        document = self.store.get("document", document_id)
        self.extraction_id = self._extraction_of(document_id)
        self.status.clear()
        self.page_label.hide()
        self.fields.set_fields([], [])
        if document is None or self.extraction_id is None:
            self.title.setText(self.tr("Nothing to review"))
            self.summary.setText(self.tr("This document has no extracted fields yet."))
            self.preview.show_document(document_id, None)
            return False
        self.title.setText(str(document["fileName"] or ""))
        self.fields.threshold = recall_review_threshold(self.store)
        self._refresh(first=True)
        self.preview.show_document(document_id, None)
        self._load_content(document_id, str(document["checksum"] or ""))
        if self.api is not None:
            self._schedule(self._learn_threshold(self._generation))
        if self.fields.order:
            first = next((k for k in self.fields.order if self.fields.attention.get(k)), None)
            self.fields.select(first or self.fields.order[0])
        return True

    def _extraction_of(self, document_id: str) -> str | None:
        rows = extractions_of(self.store, document_id)
        waiting = [r for r in rows if not r["approved"]]
        chosen = (waiting or rows or [None])[0]
        return None if chosen is None else str(chosen["id"])

    def _load_content(self, document_id: str, checksum: str) -> None:
        generation = self._generation
        self.page_note.hide()
        try:
            path_ok = bool(checksum) and self.content.path_for(checksum) is not None
        except ValueError:
            path_ok = False
        if not path_ok:
            self._page_problem(self.tr("The document's file has no checksum; it cannot be shown."))
            return
        self._schedule(self._fetch(generation, document_id, checksum))

    async def _fetch(self, generation: int, document_id: str, checksum: str) -> None:
        try:
            if self.api is None:
                data = await asyncio.to_thread(self.content.read, checksum)
                if data is None:
                    raise ServerUnreachable("no account is signed in")
            else:
                data = await fetch(self.api, document_id, checksum, self.content)
        except (ServerUnreachable, SignInRequired):
            problem = self.tr(NOT_HERE_YET)
        except (ApiError, ContentMismatch) as error:
            problem = str(error)
        except Exception as error:  # shown, never raised into the loop
            log.exception("fetching document %s failed", document_id)
            problem = str(error)
        else:
            if generation == self._generation:
                self.preview.show_document(document_id, data)
                self.preview.set_current(self.fields.current)
            return
        if generation == self._generation:
            self._page_problem(problem)

    async def _learn_threshold(self, generation: int) -> None:
        """The firm's review threshold as the server has it now (kept for offline reviews)."""
        assert self.api is not None
        try:
            answer = await self.api.firm_settings()
            threshold = await asyncio.to_thread(remember_firm_settings, self.store, answer)
        except (ServerUnreachable, SignInRequired, ApiError) as error:
            log.info("the firm's settings are unavailable, using the last known: %s", error)
            return
        except Exception:  # the flags stay as they are; the server still decides the list
            log.exception("reading the firm's settings failed")
            return
        if generation == self._generation and threshold != self.fields.threshold:
            self.fields.threshold = threshold
            self._refresh()

    def _page_shown(self, page: int, count: int) -> None:
        # Only a document of several pages says which one shows, and how to turn.
        keys = [
            action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            for action in (
                self.actions_by_id.get("review.next_page"),
                self.actions_by_id.get("review.previous_page"),
            )
            if action is not None
        ]
        text = self.tr("Page %1 of %2").replace("%1", str(page)).replace("%2", str(count))
        if len(keys) == 2 and all(keys):  # the keys as bound now (they may be rebound)
            turning = self.tr("%1 next page, %2 previous")
            text += " · " + turning.replace("%1", keys[0]).replace("%2", keys[1])
        self.page_label.setText(text)
        self.page_label.setVisible(count > 1)

    def _page_problem(self, text: str) -> None:
        self.page_note.setText(text)
        self.page_note.setVisible(bool(text))

    # -- what the store holds -----------------------------------------------------------
    def _refresh(self, first: bool = False) -> None:
        row = self.store.get("extraction", self.extraction_id) if self.extraction_id else None
        if row is None:
            return
        self.form_type = str(row["formType"] or "unknown")
        fields = row["fields"] or []
        self.fields.set_fields(fields, row["checks"] or [], self.who)
        self.preview.set_fields(fields)
        state = self.tr("approved") if row["approved"] else self.tr("not approved yet")
        flagged = self.fields.pending_count()
        confidence = row["confidence"]
        parts = [choice_label(self.form_type)]
        if isinstance(confidence, float):
            parts.append(self.tr("{percent} % sure").format(percent=round(confidence * 100)))
        parts.append(counted("ReviewView", FIELD_COUNTS, len(fields)))
        parts.append(self.tr("{n} to check").format(n=count_text(flagged)))
        parts.append(state)
        self.summary.setText(" · ".join(parts))

    def _store_changed(self, changes: ChangeSet) -> None:
        if self.extraction_id and self.extraction_id in changes.records.get("extraction", ()):
            self._refresh()

    def who(self, user_id: str) -> str:
        """How the review names the person with ``user_id``: "you", their name, or a colleague."""
        if user_id == self.user_id:
            return self.tr("you")
        user = self.store.get("user", user_id)
        if user is not None and (user["name"] or user["email"]):
            return str(user["name"] or user["email"])
        # A colleague whose record has not reached this computer (or was removed): an id
        # would mean nothing to the reviewer.
        return self.tr("a colleague")

    # -- the reviewer's changes ---------------------------------------------------------
    def _label(self, key: str) -> str:
        field = self.fields.fields.get(key, {})
        return str(field.get("label") or key)

    def _correct(self, key: str, text: str) -> None:
        if self.extraction_id is None:
            return
        reading = read_correction(self.form_type, key, self._label(key), text)
        if reading.problem is not None:
            self.fields.refuse(key, reading.problem)
            return
        command = CorrectField(
            self.store,
            self.extraction_id,
            key,
            reading.value,
            self.user_id,
            label=self._label(key),
            on_failure=self._failed,
        )
        self._push(command)
        self.fields.saved(key)

    def _accept(self, key: str) -> None:
        if self.extraction_id is None:
            return
        self._push(
            AcceptField(
                self.store,
                self.extraction_id,
                key,
                self.user_id,
                label=self._label(key),
                on_failure=self._failed,
            )
        )

    def _push(self, command: StoreCommand) -> None:
        self.undo_stack.push(command)
        self._refresh()  # the reviewer's own change shows now, not at the next batch

    def _failed(self, command: StoreCommand) -> None:
        text = command.message()
        if text:
            self.status.setText(text)
            self.message.emit(text)

    # -- commands -----------------------------------------------------------------------
    def next_field(self) -> None:
        self.fields.next_field()

    def previous_field(self) -> None:
        self.fields.previous_field()

    def accept_field(self) -> None:
        self.fields.accept_current()

    def revert_field(self) -> None:
        self.fields.revert_current()

    def next_attention(self) -> None:
        self.fields.next_attention()

    def zoom_in(self) -> None:
        self.preview.zoom_in()

    def zoom_out(self) -> None:
        self.preview.zoom_out()

    def fit_width(self) -> None:
        self.preview.fit_width()

    def next_page(self) -> None:
        self.preview.next_page()

    def previous_page(self) -> None:
        self.preview.previous_page()

    def approve(self) -> None:
        """Approve the document (after saving a typed change) and ask for the next one."""
        if self.extraction_id is None:
            return
        current = self.fields.current
        if current is not None and not self.fields.save_pending():
            return  # the typed value was refused: it is shown beside the field
        row = self.store.get("extraction", self.extraction_id)
        document = self.store.get("document", self.document_id or "")
        name = (
            self.tr("{form} of {file}").format(
                form=choice_label(self.form_type), file=document["fileName"]
            )
            if document is not None
            else None
        )
        command = ApproveDocument(
            self.store, self.extraction_id, name=name, on_failure=self._failed
        )
        self._push(command)
        if command.error is None and row is not None:
            self.next_requested.emit()
