"""Intake: the watched folders, how their files are routed, what happens after upload.

The folders are edited in the existing Watched Folders dialog, opened from
here: it edits a copy and applies it on OK, and its states read "after OK",
so embedding it in a dialog that applies as it goes would say the wrong
thing. This page lists the folders with their state and their after-upload
choice (move to ``.processed``, delete once the server has the file, or
leave), refreshed when the dialog's OK stores them and when a watcher
reports. The filename rules have their own page, so the dialog opened from
here shows its Folders tab only and leaves the rules as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from advisoros_desktop.intake.routing import FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources
from advisoros_desktop.ui.watched_folder_editor import AFTER_UPLOAD_LABELS
from advisoros_desktop.ui.watched_folders_dialog import STATE_LABELS, WatchedFoldersDialog

FOLDER, AFTER_UPLOAD, STATE = range(3)
NOT_CONNECTED = QT_TRANSLATE_NOOP(
    "IntakePage", "Watched folders can be set up once the workspace is connected."
)


class FoldersOnly:
    """The intake settings as the dialog opened from this page may change them: the
    folders; the rules are the Filename rules page's, so its OK leaves them alone."""

    def __init__(self, settings: IntakeSettings) -> None:
        self._settings = settings

    def folders(self) -> list[WatchedFolder]:
        return self._settings.folders()

    def set_folders(self, folders: Sequence[WatchedFolder]) -> None:
        self._settings.set_folders(folders)

    def rules(self) -> list[FilenameRule]:
        return self._settings.rules()

    def set_rules(self, rules: Sequence[FilenameRule]) -> None:
        pass


class IntakePage(SettingsPage):
    page_id = "intake"
    icon_name = "intake"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Intake"), parent)
        self._intake = sources.intake
        self._data_dir = sources.data_dir
        self._states: dict[str, tuple[str, str]] = {}
        self.dialog: WatchedFoldersDialog | None = None  # while it is open

        intro = note_label(
            self.tr(
                "Files saved into a watched folder (a scanner's, or “print to PDF”) are "
                "uploaded by themselves. Each folder says which client its files belong to "
                "(or leaves that to the filename rules and the file's name) and what "
                "happens to a file once the server has it: moved to .processed, deleted, "
                "or left in place."
            ),
            self,
        )
        self.folder_list = QTreeWidget(self)
        self.folder_list.setAccessibleName(self.tr("Watched folders"))
        self.folder_list.setHeaderLabels(
            [self.tr("Folder"), self.tr("After upload"), self.tr("State")]
        )
        self.folder_list.setRootIsDecorated(False)
        self.folder_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.folder_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.folder_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FOLDER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER_UPLOAD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        list_label = QLabel(self.tr("&Watched folders:"), self)
        list_label.setBuddy(self.folder_list)

        self.edit_button = QPushButton(self.tr("&Edit watched folders and routing…"), self)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_folders)
        self.status = note_label("", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)

        self.body.addWidget(intro)
        self.body.addSpacing(4)
        self.body.addWidget(list_label)
        self.body.addWidget(self.folder_list, 1)
        self.body.addLayout(buttons)
        self.body.addWidget(self.status)

        if self._intake is None:
            self.folder_list.setEnabled(False)
            self.edit_button.setEnabled(False)
            self.status.setText(self.tr(NOT_CONNECTED))
        else:
            self._states = self._intake.folder_states()
            self._intake.settings.changed.connect(self.refresh)
            self._intake.folder_status_changed.connect(self._folder_state)
        self.refresh()

    def first_field(self) -> QWidget | None:
        return self.folder_list if self.folder_list.topLevelItemCount() else self.edit_button

    def folders(self) -> list[WatchedFolder]:
        return self._intake.settings.folders() if self._intake is not None else []

    def close_page(self) -> None:
        if self._intake is not None:
            self._intake.settings.changed.disconnect(self.refresh)
            self._intake.folder_status_changed.disconnect(self._folder_state)

    def refresh(self) -> None:
        current = max(0, self.folder_list.indexOfTopLevelItem(self.folder_list.currentItem()))
        self.folder_list.clear()
        for folder in self.folders():
            label = AFTER_UPLOAD_LABELS[folder.after_upload]
            after = QCoreApplication.translate("WatchedFolderEditor", label).replace("&", "")
            item = QTreeWidgetItem([str(folder.path), after, self._state_text(folder)])
            item.setToolTip(FOLDER, str(folder.path))
            message = self._states.get(str(folder.path), ("", ""))[1]
            item.setToolTip(STATE, message)
            self.folder_list.addTopLevelItem(item)
        count = self.folder_list.topLevelItemCount()
        if count:
            self.folder_list.setCurrentItem(self.folder_list.topLevelItem(min(current, count - 1)))
        if self._intake is not None:
            self.status.setText(
                ""
                if count
                else self.tr(
                    "No folder is watched yet. Add the folder your scanner or “print to PDF” "
                    "saves into."
                )
            )

    def edit_folders(self) -> None:
        """The Watched Folders dialog (Folders tab); its OK stores them and this list follows."""
        if self._intake is None:
            return
        dialog = WatchedFoldersDialog(
            FoldersOnly(self._intake.settings),
            self._intake.folder_states(),
            self,
            clients=self._intake.clients.names(),
            data_dir=self._data_dir,
        )
        dialog.tabs.removeTab(dialog.tabs.indexOf(dialog.rules_editor))
        dialog.tabs.tabBar().hide()
        self._intake.folder_status_changed.connect(dialog.update_folder_state)
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self._intake.folder_status_changed.disconnect(dialog.update_folder_state)
            self.dialog = None
            dialog.deleteLater()
        self.edit_button.setFocus()

    def _folder_state(self, path: str, state: str, message: str) -> None:
        self._states[path] = (state, message)
        self.refresh()

    def _state_text(self, folder: WatchedFolder) -> str:
        state = self._states.get(str(folder.path), ("", ""))[0]
        if folder.paused:
            return self.tr("Paused")
        if state in STATE_LABELS:
            return QCoreApplication.translate("FolderListModel", STATE_LABELS[state])
        return self.tr("Not watched yet")
