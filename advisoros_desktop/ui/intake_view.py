"""The Intake view: the upload queue with its totals, and the "Unsorted" triage list.

Every file taken in (dropped on the window or found in a watched folder) is a
row of the queue, from "Hashing" to "Done", with what is left to send and
about how long it will take; the watched folders' states are one line above.
Files whose client intake was unsure of wait under "Unsorted" for a person.

The view reads the store through the intake controller and refreshes when the
controller says the queue changed (at most four times a second); while it is
not on screen it only notes that it is stale. Pause, cancel and retry act on
the selected files, by keyboard, through commands declared in
``intake_commands`` (the window adopts them so they can be rebound).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.command_actions import translated_title
from advisoros_desktop.ui.eliding_label import ElidingLabel
from advisoros_desktop.ui.intake_commands import INTAKE_COMMANDS
from advisoros_desktop.ui.rule_suggestion_bar import RuleSuggestionBar
from advisoros_desktop.ui.triage_list import PickerFactory, TriageList, client_picker, files_text
from advisoros_desktop.ui.upload_queue_model import (
    QUEUE_COLUMNS,
    UNFINISHED,
    SelectedJob,
    UploadQueueModel,
)
from advisoros_desktop.ui.upload_queue_table import UploadQueueTable
from advisoros_desktop.ui.upload_queue_texts import folder_states_text, state_text, totals_text
from advisoros_desktop.ui.upload_rate import TransferRate

if TYPE_CHECKING:
    from advisoros_desktop.ui.intake_controller import IntakeController

# While files upload, the totals are read this often even if nothing changed,
# so a stalled transfer stops promising "about 2 min left".
TOTALS_INTERVAL_MS = 2000
_ACTIVE = ("hashing", "waiting", "uploading")
_PAUSABLE = ("hashing", "waiting", "uploading", "unsorted")


class IntakeView(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, picker_factory: PickerFactory = client_picker
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeView")
        self.controller: IntakeController | None = None
        self._picker_factory = picker_factory
        self._stale = False
        self._rate = TransferRate()
        self._own_actions: list[QAction] = []
        self._actions: dict[str, QAction] = {}
        self.waiting_text = QLabel(
            self.tr(
                "<h3>Intake</h3><p>Intake starts once the workspace is connected. Files you "
                "drop on the window and files in your watched folders are listed here, with "
                "their progress, as soon as it has.</p>"
            ),
            self,
        )
        self.waiting_text.setWordWrap(True)
        self.waiting_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.waiting_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._timer = QTimer(self)
        self._timer.setInterval(TOTALS_INTERVAL_MS)
        self._timer.timeout.connect(self._update_totals)

    # -- attaching ------------------------------------------------------------------
    def attach(self, controller: IntakeController) -> None:
        """Show the queue of ``controller`` (called once the account's intake runs)."""
        if self.controller is not None:
            raise RuntimeError("The Intake view is already attached to an intake controller.")
        self.controller = controller
        store = controller.engine.store
        self.queue_model = UploadQueueModel(
            store, controller.clients, columns=QUEUE_COLUMNS, parent=self
        )
        self._build_queue_page()
        self.triage = TriageList(controller, self, picker_factory=self._picker_factory)
        self.rules_bar = RuleSuggestionBar(controller, self)
        self.rules_bar.fallback_focus = self.triage.table
        self.triage.assigned.connect(lambda _n: self.rules_bar.refresh())
        self.triage.message.connect(self._say)
        self.rules_bar.message.connect(self._say)
        self.rules_bar.rule_added.connect(lambda _rule: self.triage.reload())
        unsorted = QWidget(self)
        unsorted_layout = QVBoxLayout(unsorted)
        unsorted_layout.addWidget(self.triage, 1)
        unsorted_layout.addWidget(self.rules_bar)
        unsorted.setFocusProxy(self.triage.table)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.queue_page, self.tr("&Queue"))
        self.tabs.addTab(unsorted, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.pages.addWidget(self.tabs)
        self.pages.setCurrentWidget(self.tabs)
        self.triage.model.refreshed.connect(self._show_unsorted_count)
        self._show_unsorted_count(self.triage.count())
        self._tab_changed(0)

        self._make_own_actions()
        controller.queue_changed.connect(self._queue_changed)
        controller.folder_status_changed.connect(self._folder_status_changed)
        self._folder_states: dict[str, tuple[str, str]] = dict(controller.folder_states())
        self._show_folder_states()
        # Counted by the controller after every queue change, on its own thread.
        controller.totals.ready.connect(self._show_totals)
        if controller.totals.latest is not None:
            self._show_totals(controller.totals.latest)
        self._update_totals()
        self.queue_table.go_to_row(0)

    def _build_queue_page(self) -> None:
        self.queue_page = QWidget(self)
        self.totals_text = QLabel(self.queue_page)
        self.totals_text.setWordWrap(True)
        font = self.totals_text.font()
        font.setBold(True)
        self.totals_text.setFont(font)
        self.folders_text = QLabel(self.queue_page)
        self.folders_text.setWordWrap(True)
        self.queue_table = UploadQueueTable(self.queue_model, self.queue_page)
        self.queue_table.setAccessibleName(self.tr("Upload queue"))
        self.queue_table.current_job_changed.connect(self._show_job)
        self.queue_model.reloaded.connect(
            lambda: self._show_job(self.queue_table.current_upload_id())
        )
        self.job_path = ElidingLabel(self.queue_page)
        self.job_reason = QLabel(self.queue_page)
        self.job_reason.setWordWrap(True)
        self.job_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_finished = QCheckBox(self.tr("Show fi&nished"), self.queue_page)
        self.show_finished.setChecked(True)
        self.show_finished.toggled.connect(self.set_show_finished)
        self.keys_text = QLabel(self.queue_page)
        self.clear_button = QPushButton(self.tr("C&lear finished"), self.queue_page)
        self.clear_button.setToolTip(
            self.tr(
                "Remove finished files from the list (their source files are already dealt with)"
            )
        )
        self.clear_button.clicked.connect(self.clear_finished)
        controls = QHBoxLayout()
        controls.addWidget(self.show_finished)
        controls.addStretch(1)
        controls.addWidget(self.keys_text)
        controls.addWidget(self.clear_button)
        layout = QVBoxLayout(self.queue_page)
        layout.addWidget(self.totals_text)
        layout.addWidget(self.folders_text)
        layout.addWidget(self.queue_table, 1)
        layout.addWidget(self.job_path)
        layout.addWidget(self.job_reason)
        layout.addLayout(controls)
        self.queue_page.setFocusProxy(self.queue_table)

    # -- the window's commands --------------------------------------------------------
    def _make_own_actions(self) -> None:
        """Until the window adopts its commands, the view answers their default keys itself."""
        for command in INTAKE_COMMANDS:
            action = QAction(translated_title(command), self.queue_table)
            action.setShortcuts([QKeySequence(k) for k in command.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, c=command: c.handler(self))
            self.queue_table.addAction(action)
            self._own_actions.append(action)
            self._actions[command.id] = action
        self._show_keys()

    def adopt_actions(self, actions: Mapping[str, QAction]) -> None:
        """Use the window's QActions for the intake commands (their keys may be rebound).

        ``actions`` maps each ``INTAKE_COMMANDS`` id to the window's action; they
        are added to the queue table, whose focus their shortcut context needs.
        """
        for action in self._own_actions:
            self.queue_table.removeAction(action)
            action.deleteLater()
        self._own_actions = []
        self._actions = dict(actions)
        for action in self._actions.values():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.queue_table.addAction(action)
        self._show_keys()

    def _show_keys(self) -> None:
        hints = []
        for command_id, what in (
            ("intake.pause_resume", self.tr("pause/resume")),
            ("intake.cancel", self.tr("cancel")),
            ("intake.retry", self.tr("retry")),
            ("intake.retry_all_failed", self.tr("retry all failed")),
        ):
            key = self._key_text(command_id)
            if key:
                hints.append(f"{key} {what}")
        self.keys_text.setText(" · ".join(hints))

    # -- acting on the selection -------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return self.queue_table.selected_ids() if self.controller is not None else []

    def pause_or_resume_selected(self) -> int:
        """Space/P: pause the selected files on their way; if none is, resume the paused ones.

        Returns how many files were handed to the controller; it changes them off
        the GUI thread and the table shows the result when the queue says so.
        """
        jobs = self._selected_jobs()
        moving = [j.upload_id for j in jobs if j.state in _PAUSABLE]
        paused = [j.upload_id for j in jobs if j.state == "paused"]
        if self.controller is not None and moving:
            return self._did(self.controller.pause(moving), self.tr("Paused {files}."))
        if self.controller is not None and paused:
            return self._did(self.controller.resume(paused), self.tr("Resumed {files}."))
        return self._nothing(jobs, self.tr("Only files not yet sent can be paused or resumed."))

    def cancel_selected(self) -> int:
        """Delete: cancel the selected files not sent yet (retrying takes them again)."""
        jobs = self._selected_jobs()
        ids = [j.upload_id for j in jobs if j.state in (*_PAUSABLE, "paused")]
        if self.controller is not None and ids:
            retry = self._key_text("intake.retry")
            then = ""
            if retry:
                again = self.tr(" Retry ({key}) takes it again.")
                if len(ids) > 1:
                    again = self.tr(" Retry ({key}) takes them again.")
                then = again.format(key=retry)
            return self._did(self.controller.cancel(ids), self.tr("Cancelled {files}.") + then)
        return self._nothing(jobs, self.tr("Only files not yet sent can be cancelled."))

    def retry_selected(self) -> int:
        """R: check and send again the selected files that failed or were cancelled."""
        jobs = self._selected_jobs()
        ids = [j.upload_id for j in jobs if j.state in ("failed", "cancelled")]
        if self.controller is not None and ids:
            return self._did(self.controller.retry(ids), self.tr("Trying {files} again."))
        return self._nothing(jobs, self.tr("Only failed or cancelled files can be retried."))

    def retry_all_failed(self) -> int:
        """Ctrl+R: every failed file, selected or not."""
        if self.controller is None:
            return 0
        count = self._did(self.controller.retry_failed(), self.tr("Trying {files} again."))
        if not count:
            self._say(self.tr("No upload has failed."))
        return count

    def clear_finished(self) -> int:
        """Remove finished files from the list (those whose source files are dealt with)."""
        if self.controller is None:
            return 0
        count = self._did(
            self.controller.clear_finished(), self.tr("Cleared {files} from the list.")
        )
        if not count:
            self._say(self.tr("No finished upload to clear yet."))
        return count

    def set_show_finished(self, shown: bool) -> None:
        if self.controller is None:
            return
        if self.show_finished.isChecked() != shown:
            self.show_finished.setChecked(shown)  # calls back here
            return
        self.queue_model.set_states(None if shown else UNFINISHED)

    def _selected_jobs(self) -> list[SelectedJob]:
        return self.queue_table.selected_jobs() if self.controller is not None else []

    def _did(self, count: object, text: str) -> int:
        """Say what was asked of the controller (it acts a moment later, off this thread)."""
        done = count if isinstance(count, int) else 0
        if done:
            self._say(text.format(files=files_text(done)))
        return done

    def _key_text(self, command_id: str) -> str:
        action = self._actions.get(command_id)
        if action is None or action.shortcut().isEmpty():
            return ""
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _nothing(self, jobs: Sequence[SelectedJob], why: str) -> int:
        self._say(why if jobs else self.tr("Choose files in the upload queue first."))
        return 0

    def _say(self, text: str) -> None:
        if self.controller is not None:
            self.controller.message.emit(text)

    # -- refreshing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue again now (the controller's signal does it, in the background)."""
        if self.controller is None:
            return
        self._stale = False
        self.queue_model.reload()
        self.triage.reload()

    def _queue_changed(self) -> None:
        # Four times a second while files go out: the rows are read off the GUI thread.
        if self.isVisible():
            self._stale = False
            self.queue_model.reload_in_background()
            self.triage.model.reload_in_background()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.controller is not None:
            if self._stale:
                self.refresh()
            self._update_totals()  # the time left restarts from fresh totals
            self._show_keys()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _update_totals(self) -> None:
        """Have the totals counted again (off the GUI thread); ``_show_totals`` gets them.

        After a queue change the controller asks by itself; this is for the
        first look and for the timer that notices a transfer that stalled.
        """
        if self.controller is not None:
            self.controller.totals.request()

    def _show_totals(self, totals: QueueTotals) -> None:
        self._rate.add(time.monotonic(), totals.bytes_done, totals.bytes_total)
        moving = any(totals.files.get(state) for state in _ACTIVE)
        seconds = self._rate.seconds_left() if totals.files.get("uploading") else None
        self.totals_text.setText(totals_text(totals, seconds))
        if moving and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()
            if not moving:
                self._rate.reset()

    @Slot(str, str, str)
    def _folder_status_changed(self, path: str, state: str, message: str) -> None:
        self._folder_states[path] = (state, message)
        self._show_folder_states()

    def _show_folder_states(self) -> None:
        states = self._folder_states
        self.folders_text.setText(
            self.tr("Watched folders: {folders}").format(folders=folder_states_text(states))
            if states
            else ""
        )
        self.folders_text.setToolTip(
            "\n".join(message for _s, message in states.values() if message)
        )
        self.folders_text.setVisible(bool(states))

    def _show_job(self, upload_id: object) -> None:
        job = self.queue_model.job(self.queue_table.currentIndex().row()) if upload_id else None
        if job is None:
            self.job_path.setText("")
            self.job_reason.setText("")
            return
        self.job_path.setText(job.path)
        reason = job.reason or ""
        shown = state_text(job)
        self.job_reason.setText(reason if reason and reason not in shown else "")

    def _show_unsorted_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("&Unsorted ({count})").format(count=f"{count:,}"))

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        table = self.queue_table if page is self.queue_page else self.triage.table
        self.setFocusProxy(table)
        if self.isVisible() and self.tabs.isAncestorOf(self.focusWidget() or self):
            table.setFocus(Qt.FocusReason.TabFocusReason)

    def current_table(self) -> UploadQueueTable:
        return (
            self.queue_table if self.tabs.currentWidget() is self.queue_page else self.triage.table
        )
