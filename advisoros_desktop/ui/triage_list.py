"""The "Unsorted" triage list: files whose client intake was not sure of, sorted by keyboard.

A scanner folder named "Smyth J" might be John Smith's or Jane Smyth's; such a
file waits here with the client routing suggested, how sure it was and why,
rather than going to a guess. The person works down the list: Enter sends the
selected files to their suggested clients; typing a name (or Ctrl+Enter)
opens the client picker, already filtered, to choose another. Every decision
goes through the intake controller, which also remembers it so that rules can
be suggested from it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from advisoros_desktop.intake.client_matching import ClientName
from advisoros_desktop.ui.counted_text import counted
from advisoros_desktop.ui.eliding_label import ElidingLabel
from advisoros_desktop.ui.reason_texts import reason_text
from advisoros_desktop.ui.upload_queue_model import TRIAGE_COLUMNS, SelectedJob, UploadQueueModel
from advisoros_desktop.ui.upload_queue_table import UploadQueueTable

if TYPE_CHECKING:
    from advisoros_desktop.ui.intake_controller import IntakeController

log = logging.getLogger(__name__)

# Builds the client picker: (clients, parent, initial text, title) -> a dialog with chosen().
PickerFactory = Callable[[Sequence[ClientName], QWidget, str, str], QDialog]

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def client_picker(
    clients: Sequence[ClientName], parent: QWidget, initial_text: str, title: str
) -> QDialog:
    """The window's ClientPicker (imported when first needed)."""
    from advisoros_desktop.ui.client_picker import ClientPicker

    return ClientPicker(clients, parent, initial_text=initial_text, title=title)


def client_folder_name(job: SelectedJob) -> str:
    """The folder that names the client: the first under the watched folder, else the parent."""
    path = PurePath(job.path)
    if job.watched_root:
        try:
            parts = path.parent.relative_to(PurePath(job.watched_root)).parts
        except ValueError:
            parts = ()
        if parts:
            return parts[0]
    return path.parent.name


FILES = (
    QT_TRANSLATE_NOOP("TriageList", "{n} file"),
    QT_TRANSLATE_NOOP("TriageList", "{n} files"),
)


def files_text(count: int) -> str:
    return counted("TriageList", FILES, count)


class TriageTable(UploadQueueTable):
    """The unsorted jobs; Enter accepts, typing or Ctrl+Enter chooses another client."""

    accept_requested = Signal()
    choose_requested = Signal(str)  # the text typed so far ("" for Ctrl+Enter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key in _ENTER:
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                self.choose_requested.emit("")
            else:
                self.accept_requested.emit()
            event.accept()
            return
        text = event.text()
        typed = text and text.isprintable() and not text.isspace()
        if typed and not modifiers & _COMMAND_MODIFIERS:
            self.choose_requested.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)


class TriageList(QWidget):
    """The jobs in state ``unsorted``, with the keys that send them to a client.

    ``assigned(count)`` is emitted after files were sent to clients (the rule
    suggestions refresh on it); ``message(text)`` says what happened.
    """

    assigned = Signal(int)
    message = Signal(str)

    def __init__(
        self,
        controller: IntakeController,
        parent: QWidget | None = None,
        *,
        picker_factory: PickerFactory = client_picker,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._picker_factory = picker_factory
        self.picker: QDialog | None = None  # the open client picker, if any
        self.model = UploadQueueModel(
            controller.engine.store,
            controller.clients,
            columns=TRIAGE_COLUMNS,
            states=("unsorted",),
            parent=self,
        )
        # Paths and file names keep their beginning and their end (the folder, the extension).
        self.table = TriageTable(self.model, self, elide=Qt.TextElideMode.ElideMiddle)
        self.table.setAccessibleName(self.tr("Unsorted files"))
        self.table.accept_requested.connect(self.accept_suggestions)
        self.table.choose_requested.connect(self.choose_client)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.detail_path = ElidingLabel(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_path)
        layout.addWidget(self.detail)
        self.setFocusProxy(self.table)
        self.table.current_job_changed.connect(self._show_detail)
        self.model.reloaded.connect(lambda: self._show_detail(self.table.current_upload_id()))
        self.model.refreshed.connect(self._show_intro)
        self._show_intro(self.model.rowCount())
        self.table.go_to_row(0)

    def count(self) -> int:
        return self.model.rowCount()

    def reload(self) -> None:
        self.model.reload()  # the detail line follows (``reloaded``)

    # -- decisions ------------------------------------------------------------------
    def accept_suggestions(self) -> int:
        """Enter: send each selected file to its suggested client; the rest go to the picker.

        Returns how many files were handed to the controller. It assigns them off
        the GUI thread; they leave the list when the queue says they changed.
        """
        jobs = self.table.selected_jobs()
        if not jobs:
            return 0
        by_client: dict[str, list[str]] = {}
        unsure: list[SelectedJob] = []
        for job in jobs:
            if job.client_id and self.model.client_name(job.client_id):
                by_client.setdefault(job.client_id, []).append(job.upload_id)
            else:
                unsure.append(job)
        sent = sum(int(self.controller.assign(ids, client)) for client, ids in by_client.items())
        if sent:
            self._assigned(sent, list(by_client))
        if unsure:
            self._open_picker(unsure, client_folder_name(unsure[0]), have_sent=sent)
        return sent

    def choose_client(self, typed: str = "") -> None:
        """Typing or Ctrl+Enter: the picker, filtered by what was typed or the folder's name."""
        jobs = self.table.selected_jobs()
        if jobs:
            self._open_picker(jobs, typed or client_folder_name(jobs[0]), typed=bool(typed))

    def _open_picker(
        self, jobs: Sequence[SelectedJob], initial: str, have_sent: int = 0, *, typed: bool = False
    ) -> None:
        if self.picker is not None:
            return
        ids = [job.upload_id for job in jobs]  # by id: the list may refresh meanwhile
        if len(jobs) == 1:
            title = self.tr("Choose the client for {name}").format(name=jobs[0].file_name)
        else:
            title = self.tr("Choose the client for {files}").format(files=files_text(len(jobs)))
        if have_sent:
            self.message.emit(
                self.tr(
                    "{sent} sent to their suggested clients; choose a client for {rest}."
                ).format(sent=files_text(have_sent), rest=files_text(len(jobs)))
            )
        picker = self._picker_factory(self.controller.clients.names(), self, initial, title)
        self.picker = picker
        picker.finished.connect(lambda result: self._picked(picker, ids, result))
        picker.open()
        search = getattr(picker, "search", None)
        if typed and search is not None:
            # The picker selects its text (a folder's name, to be typed over); what the
            # person typed is the start of a name, so the next keys go after it.
            search.deselect()
            search.end(False)

    def _picked(self, picker: Any, ids: list[str], result: int) -> None:
        self.picker = None
        chosen = picker.chosen() if result == QDialog.DialogCode.Accepted else None
        picker.deleteLater()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if chosen is not None:
            sent = int(self.controller.assign(ids, chosen.client_id))
            if sent:
                self._assigned(sent, [chosen.client_id])

    def _assigned(self, sent: int, clients: list[str]) -> None:
        """Say where the files go and move on past them, so the next Enter is about the next.

        The sent files stay listed until the controller has assigned them (a
        moment later, off the GUI thread); the cursor is kept by upload id, so
        it stays on the file it moved to when they go.
        """
        ranges = self.table.selected_ranges()
        below = ranges[-1][0] + ranges[-1][1] if ranges else self.table.currentIndex().row() + 1
        if below < self.model.rowCount():
            self.table.go_to_row(below)
        if len(clients) == 1:
            client = self.model.client_name(clients[0]) or self.tr("the chosen client")
            text = self.tr("Sending {files} to {client}.")
        else:
            client, text = "", self.tr("Sending {files} to their suggested clients.")
        self.message.emit(text.format(files=files_text(sent), client=client))
        self.assigned.emit(sent)

    # -- showing ---------------------------------------------------------------------
    def _show_intro(self, count: int) -> None:
        if count:
            self.intro.setText(
                self.tr(
                    "Files from watched folders whose client is not certain. Enter sends the "
                    "selected files to the suggested client; type a name or press Ctrl+Enter "
                    "to choose another."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "Nothing to sort. Files from watched folders whose client is not certain "
                    "wait here for you to choose."
                )
            )

    def _show_detail(self, upload_id: object) -> None:
        row = self.table.currentIndex().row()
        job = self.model.job(row) if upload_id is not None else None
        self.detail_path.setText(job.path if job is not None else "")
        reason = (job.route_reason or job.reason or "") if job is not None else ""
        self.detail.setText(
            self.tr("Why: {reason}").format(reason=reason_text(reason)) if reason else ""
        )
