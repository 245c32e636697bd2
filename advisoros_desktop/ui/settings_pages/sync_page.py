"""Sync: how often AdvisorOS checks the server for others' changes, and pausing it.

The interval is stored (``sync/intervalMinutes``) and handed to the running
scheduler at once. "Pause sync" is the same switch as File ▸ Pause or resume
sync: it shows the scheduler's state as it changes, so the box never says
paused while sync runs. Before the workspace is connected there is nothing to
pause; the interval can still be set and applies once sync starts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from advisoros_desktop.domain.sync_interval import parse_sync_interval
from advisoros_desktop.ui.settings_pages.checked_field import CheckedField
from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources
from advisoros_desktop.ui.sync_interval import load_sync_interval, save_sync_interval

PAUSED = "paused"
PAUSED_NOTE = QT_TRANSLATE_NOOP(
    "SyncPage",
    "Sync is paused: your changes are kept on this computer and sent when you resume; "
    "other people's changes arrive then too.",
)
RUNNING_NOTE = QT_TRANSLATE_NOOP("SyncPage", "Your changes are sent a moment after you make them.")
NOT_CONNECTED_NOTE = QT_TRANSLATE_NOOP("SyncPage", "Sync starts once the workspace is connected.")


class SyncPage(SettingsPage):
    page_id = "sync"
    icon_name = "sync"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sync"), parent)
        self._settings = sources.settings
        self._sync = sources.sync

        self.interval = CheckedField(
            parse_sync_interval, self.tr("minutes"), self.tr("Sync every, in minutes"), self
        )
        self.interval.show_value(str(load_sync_interval(self._settings)))
        self.interval.committed.connect(self._interval_committed)
        interval_label = QLabel(self.tr("Sync &every:"), self)
        interval_label.setBuddy(self.interval.edit)
        interval_column = QVBoxLayout()
        interval_column.setSpacing(2)
        interval_column.addWidget(self.interval)
        interval_column.addWidget(
            note_label(
                self.tr(
                    "How often AdvisorOS asks the server for other people's changes, "
                    "from 1 minute to 1,440 (a day). Press Enter to apply."
                ),
                self,
            )
        )

        self.pause_box = QCheckBox(self.tr("&Pause sync"), self)
        self.pause_note = note_label("", self)
        pause_column = QVBoxLayout()
        pause_column.setSpacing(2)
        pause_column.addWidget(self.pause_box)
        pause_column.addWidget(self.pause_note)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(interval_label, interval_column)
        form.addRow(self.tr("Sync:"), pause_column)
        self.body.addLayout(form)
        self.body.addStretch(1)

        if self._sync is None:
            self.pause_box.setEnabled(False)
            self.pause_note.setText(self.tr(NOT_CONNECTED_NOTE))
        else:
            self._show_state(self._sync.state, self._sync.message)
            self._sync.state_changed.connect(self._show_state)
            self.pause_box.toggled.connect(self._pause_toggled)

    def first_field(self) -> QWidget | None:
        return self.interval.edit

    # -- the interval ----------------------------------------------------------------
    def _interval_committed(self, minutes: int) -> None:
        save_sync_interval(self._settings, minutes)
        if self._sync is not None:
            self._sync.set_interval_minutes(minutes)
        self.interval.show_value(str(minutes))

    def commit(self) -> None:
        self.interval.finish()

    def unsaved_problem(self) -> str | None:
        problem = self.interval.problem_text()
        if problem is None:
            return None
        return self.tr("The sync interval “{typed}” was not saved: {problem}").format(
            typed=self.interval.edit.text().strip(), problem=problem
        )

    def show_problem(self) -> None:
        self.interval.edit.setFocus()
        self.interval.edit.selectAll()

    def close_page(self) -> None:
        if self._sync is not None:
            self._sync.state_changed.disconnect(self._show_state)

    # -- pausing ---------------------------------------------------------------------
    def _show_state(self, state: str, message: str) -> None:
        paused = state == PAUSED
        self.pause_box.blockSignals(True)
        self.pause_box.setChecked(paused)
        self.pause_box.blockSignals(False)
        note = self.tr(PAUSED_NOTE if paused else RUNNING_NOTE)
        if message and not paused:
            note = f"{message} {note}"  # offline or signed out: what the status bar says
        self.pause_note.setText(note)

    def _pause_toggled(self, checked: bool) -> None:
        assert self._sync is not None
        if checked != (self._sync.state == PAUSED):
            self._sync.toggle_pause()
        self._show_state(self._sync.state, self._sync.message)
