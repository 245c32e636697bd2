"""The settings of one watched folder, beside the list of folders.

Each choice is spelled out for the accountant who makes it: a network share
is checked on a timer because shares rarely announce new files; deleting
after upload happens only once the server has confirmed the file, which is
what makes that choice safe. Every field is bounded, so the pane can only ever
produce a valid ``WatchedFolder``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui.client_field import ClientField, PickClient

AFTER_UPLOAD_LABELS = {
    "move": QT_TRANSLATE_NOOP("WatchedFolderEditor", "Mo&ve to .processed"),
    "delete": QT_TRANSLATE_NOOP("WatchedFolderEditor", "&Delete"),
    "leave": QT_TRANSLATE_NOOP("WatchedFolderEditor", "&Leave in place"),
}
AFTER_UPLOAD_NOTES = {
    "move": QT_TRANSLATE_NOOP(
        "WatchedFolderEditor",
        "Uploaded files go to .processed/<date>/ inside this folder, "
        "once the server has confirmed it has them.",
    ),
    "delete": QT_TRANSLATE_NOOP(
        "WatchedFolderEditor",
        "Uploaded files are deleted, but only after the server has confirmed "
        "it has the file; a file that failed is never deleted.",
    ),
    "leave": QT_TRANSLATE_NOOP(
        "WatchedFolderEditor",
        "Uploaded files stay where they are; AdvisorOS remembers them "
        "and does not take them again.",
    ),
}
MIN_POLL_SECONDS = 0.5
MAX_POLL_SECONDS = 3600.0
MAX_QUIET_SECONDS = 600.0


def _note(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _with_note(field: QWidget | QLayout, note: QLabel) -> QVBoxLayout:
    """A form field with its explanation right under it."""
    column = QVBoxLayout()
    column.setSpacing(2)
    if isinstance(field, QLayout):
        column.addLayout(field)
    else:
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(note)
    return column


def _seconds_box(parent: QWidget, minimum: float, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(minimum, maximum)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" s")
    box.setKeyboardTracking(False)  # typing "30" is one change, not "3" then "30"
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


class WatchedFolderEditor(QWidget):
    """Edits one ``WatchedFolder``; ``edited`` carries the new settings."""

    edited = Signal(object)  # WatchedFolder

    def __init__(
        self,
        clients: Sequence[ClientName],
        pick_client: PickClient,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder: WatchedFolder | None = None
        self._loading = False

        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        bold = self.path_label.font()
        bold.setBold(True)
        self.path_label.setFont(bold)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)

        self.polling_box = QCheckBox(self.tr("&Network share"), self)
        self.poll_seconds = _seconds_box(self, MIN_POLL_SECONDS, MAX_POLL_SECONDS)
        self.poll_seconds.setAccessibleName(self.tr("Check every"))
        polling_row = QHBoxLayout()
        polling_row.addWidget(self.polling_box)
        check_every = QLabel(self.tr("— check ever&y"), self)
        check_every.setBuddy(self.poll_seconds)
        polling_row.addWidget(check_every)
        polling_row.addWidget(self.poll_seconds)
        polling_row.addStretch(1)
        polling_note = _note(self)
        polling_note.setText(
            self.tr(
                "Check the folder every few seconds instead of waiting for notifications: "
                "network shares often do not send them."
            )
        )

        self.quiet_seconds = _seconds_box(self, 0.0, MAX_QUIET_SECONDS)
        self.quiet_seconds.setAccessibleName(self.tr("Quiet period"))
        quiet_note = _note(self)
        quiet_note.setText(
            self.tr(
                "A file is taken once its size and time have not changed for this long, "
                "so a scan still being written is never taken half-way."
            )
        )

        self.after_upload_group = QButtonGroup(self)
        after_row = QHBoxLayout()
        for choice, label in AFTER_UPLOAD_LABELS.items():
            button = QRadioButton(self.tr(label), self)
            button.setProperty("choice", choice)
            self.after_upload_group.addButton(button)
            after_row.addWidget(button)
        after_row.addStretch(1)
        self.after_upload_note = _note(self)

        self.client_field = ClientField(
            clients,
            pick_client,
            title=self.tr("All files go to client"),
            empty_text=self.tr("None: routed file by file"),
            parent=self,
        )

        self.fields = QWidget(self)  # off while no folder is selected; the labels above stay
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Checking:"), _with_note(polling_row, polling_note))
        quiet_label = QLabel(self.tr("&Quiet period:"), self)
        quiet_label.setBuddy(self.quiet_seconds)
        form.addRow(quiet_label, _with_note(self.quiet_seconds, quiet_note))
        form.addRow(self.tr("After upload:"), _with_note(after_row, self.after_upload_note))
        client_label = QLabel(self.tr("All files go to &client:"), self)
        client_label.setBuddy(self.client_field.name_edit)
        form.addRow(client_label, self.client_field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Above the form rather than in it: a form row does not give a wrapped
        # label the height its text needs, and a state message can be long.
        layout.addWidget(self.path_label)
        layout.addWidget(self.state_label)
        layout.addSpacing(6)
        layout.addWidget(self.fields)
        layout.addStretch(1)

        # Each control changes only its own field, so a value the spin boxes would
        # round (a poll interval of 2.25 s set elsewhere) stays as it was.
        self.polling_box.toggled.connect(self._polling_toggled)
        self.poll_seconds.valueChanged.connect(lambda value: self._update(poll_seconds=value))
        self.quiet_seconds.valueChanged.connect(lambda value: self._update(quiet_seconds=value))
        self.after_upload_group.buttonToggled.connect(self._after_upload_toggled)
        self.client_field.changed.connect(
            lambda: self._update(client_id=self.client_field.client_id())
        )
        self.load(None)

    def folder(self) -> WatchedFolder | None:
        return self._folder

    def load(self, folder: WatchedFolder | None, state: str = "") -> None:
        """Show ``folder`` and ``state``, its state as people read it. With no folder
        the fields are off, show the defaults, and ``state`` says what to do."""
        self._loading = True
        try:
            self._folder = folder
            self.fields.setEnabled(folder is not None)
            shown = folder if folder is not None else WatchedFolder(Path())
            self.path_label.setText(
                str(folder.path) if folder is not None else self.tr("No folder selected.")
            )
            self.state_label.setText(state)
            self.polling_box.setChecked(shown.polling)
            self.poll_seconds.setValue(shown.poll_seconds)
            self.poll_seconds.setEnabled(shown.polling)
            self.quiet_seconds.setValue(shown.quiet_seconds)
            self.after_upload_button(shown.after_upload).setChecked(True)
            self.after_upload_note.setText(self.tr(AFTER_UPLOAD_NOTES[shown.after_upload]))
            self.client_field.set_client_id(shown.client_id)
        finally:
            self._loading = False

    def show_state(self, state: str) -> None:
        self.state_label.setText(state)

    def after_upload_button(self, choice: str) -> QAbstractButton:
        return next(b for b in self.after_upload_group.buttons() if b.property("choice") == choice)

    def first_field(self) -> QWidget:
        return self.polling_box

    def _polling_toggled(self, checked: bool) -> None:
        self.poll_seconds.setEnabled(checked)
        self._update(polling=checked)

    def _after_upload_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            choice = button.property("choice")
            self.after_upload_note.setText(self.tr(AFTER_UPLOAD_NOTES[choice]))
            self._update(after_upload=choice)

    def _update(self, **changes: object) -> None:
        if self._loading or self._folder is None:
            return
        self._folder = replace(self._folder, **changes)  # type: ignore[arg-type]
        self.edited.emit(self._folder)
