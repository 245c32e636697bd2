"""Watched folders settings: which folders intake watches, and the filename rules.

Everything is edited on copies; OK hands the whole list of folders and the
whole list of rules to the settings in one call each, and Cancel leaves them
as they were. A folder that would make a file be taken twice (already
watched, inside or around a watched folder) or that holds AdvisorOS's own
data is refused on the spot, with the reason. Keyboard: Space pauses or
resumes the selected folder, Delete removes it (after asking; the files
already there stay where they are), Enter is OK, Esc is Cancel.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.intake.routing import ClientName, FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.paths import default_data_dir
from advisoros_desktop.ui.client_field import PickClient, pick_with_client_picker
from advisoros_desktop.ui.confirmation import Confirm, ask_to_confirm
from advisoros_desktop.ui.filename_rules_editor import FilenameRulesEditor
from advisoros_desktop.ui.theme import tone_colour
from advisoros_desktop.ui.watched_folder_editor import WatchedFolderEditor

AnyIndex = QModelIndex | QPersistentModelIndex
FOLDER, STATE = range(2)
NO_FOLDERS = QT_TRANSLATE_NOOP(
    "WatchedFoldersDialog",
    "No folder is watched yet. Add the folder your scanner or “print to PDF” saves "
    "into; every file that appears there is uploaded to the right client.",
)
STATE_LABELS = {
    "watching": QT_TRANSLATE_NOOP("FolderListModel", "Watching"),
    "missing": QT_TRANSLATE_NOOP("FolderListModel", "Not there"),
    "paused": QT_TRANSLATE_NOOP("FolderListModel", "Paused"),
    "error": QT_TRANSLATE_NOOP("FolderListModel", "Cannot be watched"),
}


class IntakeSettingsLike(Protocol):
    """What the dialog needs of ``ui.intake_settings.IntakeSettings``."""

    def folders(self) -> list[WatchedFolder]: ...
    def set_folders(self, folders: Sequence[WatchedFolder]) -> None: ...
    def rules(self) -> list[FilenameRule]: ...
    def set_rules(self, rules: Sequence[FilenameRule]) -> None: ...


def folder_refusal(candidate: Path, watched: Sequence[Path], data_dir: Path) -> str | None:
    """Why ``candidate`` cannot be watched beside ``watched``, or None when it can.

    The candidate was just chosen, so it is resolved through links; the watched
    folders are compared as written, because resolving one on an unplugged
    network drive can hang.
    """
    shown = str(candidate)
    own = _keys(data_dir, resolve=True)
    keys = _keys(candidate, resolve=True)
    if any(k == d or _inside(k, d) for k in keys for d in own):
        return QCoreApplication.translate(
            "WatchedFoldersDialog",
            "{folder} is where AdvisorOS keeps its own data ({data}). Choose the "
            "folder your scanner or “print to PDF” saves into.",
        ).format(folder=shown, data=data_dir)
    if any(_inside(d, k) for k in keys for d in own):
        return QCoreApplication.translate(
            "WatchedFoldersDialog",
            "{folder} contains the folder where AdvisorOS keeps its own data "
            "({data}), so AdvisorOS would upload its own files. Choose the folder "
            "your scanner or “print to PDF” saves into.",
        ).format(folder=shown, data=data_dir)
    for folder in watched:
        theirs = _keys(folder, resolve=False)
        if keys & theirs:
            return QCoreApplication.translate(
                "WatchedFoldersDialog", "{folder} is already watched."
            ).format(folder=folder)
        if any(_inside(k, w) for k in keys for w in theirs):
            return QCoreApplication.translate(
                "WatchedFoldersDialog",
                "{folder} is inside {watched}, which is already watched: its files are "
                "taken from there already.",
            ).format(folder=shown, watched=folder)
        if any(_inside(w, k) for k in keys for w in theirs):
            return QCoreApplication.translate(
                "WatchedFoldersDialog",
                "{folder} contains {watched}, which is already watched, so its files would "
                "be taken twice. Remove {watched} first to watch all of {folder}.",
            ).format(folder=shown, watched=folder)
    return None


def _keys(path: Path, *, resolve: bool) -> set[PurePath]:
    """The forms of ``path`` to compare: as written and, when asked, through links."""
    texts = [os.path.abspath(path)] + ([os.path.realpath(path)] if resolve else [])
    return {PurePath(os.path.normcase(os.path.normpath(text))) for text in texts}


def _inside(path: PurePath, folder: PurePath) -> bool:
    return path != folder and path.is_relative_to(folder)


class FolderListModel(QAbstractTableModel):
    """The folders as edited, each with its state as people read it."""

    def __init__(
        self,
        folders: Sequence[WatchedFolder],
        states: Mapping[str, tuple[str, str]],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.folders = list(folders)
        self._saved = {str(folder.path): folder for folder in folders}
        self._states = dict(states)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.folders)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Folder") if section == FOLDER else self.tr("State")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        folder = self.folders[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(folder.path) if index.column() == FOLDER else self.state_of(folder)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.state_text(folder) if index.column() == STATE else str(folder.path)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATE:
            trouble = self._states.get(str(folder.path), ("", ""))[0] in ("missing", "error")
            return tone_colour("error") if trouble else None
        return None

    def state_of(self, folder: WatchedFolder) -> tuple[str, str]:
        """(short state, why) — pending changes first, then what the watcher said."""
        saved = self._saved.get(str(folder.path))
        if saved is None:
            return self.tr("Watched after OK"), self.tr("Watching starts once you press OK.")
        if folder.paused and not saved.paused:
            return self.tr("Paused after OK"), self.tr("Watching pauses once you press OK.")
        if saved.paused and not folder.paused:
            return self.tr("Resumes after OK"), self.tr("Watching resumes once you press OK.")
        state, message = self._states.get(str(folder.path), ("", ""))
        if state in STATE_LABELS:
            return self.tr(STATE_LABELS[state]), message
        if folder.paused:
            return self.tr("Paused"), ""
        return self.tr("Not watched yet"), self.tr(
            "Watching starts once the workspace is connected."
        )

    def state_text(self, folder: WatchedFolder) -> str:
        short, why = self.state_of(folder)
        return f"{short} — {why}" if why and why.rstrip(".") != short else short

    def set_state(self, path: str, state: str, message: str) -> None:
        self._states[path] = (state, message)
        for row, folder in enumerate(self.folders):
            if str(folder.path) == path:
                self.dataChanged.emit(self.index(row, 0), self.index(row, STATE))

    def replace_at(self, row: int, folder: WatchedFolder) -> None:
        self.folders[row] = folder
        self.dataChanged.emit(self.index(row, 0), self.index(row, STATE))

    def append(self, folder: WatchedFolder) -> int:
        row = len(self.folders)
        self.beginInsertRows(QModelIndex(), row, row)
        self.folders.append(folder)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.folders[row]
        self.endRemoveRows()


class WatchedFoldersDialog(QDialog):
    """The "Watched folders" settings: a Folders tab and a Filename rules tab.

    ``folder_states`` maps a folder path to (state, message) as the watchers last
    reported it ('watching' | 'missing' | 'paused' | 'error'); connect
    ``update_folder_state`` to keep it live while the dialog is open.
    ``data_dir`` is the app's own data folder (refused as a watched folder).
    ``confirm`` and ``pick_client`` are for tests; they default to modal dialogs.
    """

    def __init__(
        self,
        settings: IntakeSettingsLike,
        folder_states: Mapping[str, tuple[str, str]],
        parent: QWidget | None = None,
        *,
        clients: Sequence[ClientName] = (),
        data_dir: Path | None = None,
        confirm: Confirm | None = None,
        pick_client: PickClient | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched Folders"))
        self._settings = settings
        self._data_dir = data_dir if data_dir is not None else default_data_dir()
        self._confirm = confirm or ask_to_confirm
        pick = pick_client or pick_with_client_picker

        self.model = FolderListModel(settings.folders(), folder_states, self)
        self.folders_page = QWidget(self)
        self.table = self._build_table()
        self.editor = WatchedFolderEditor(clients, pick, self.folders_page)
        self.editor.edited.connect(self._folder_edited)
        self.rules_editor = FilenameRulesEditor(settings.rules(), clients, pick, self)
        self._build_folders_page()

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.folders_page, self.tr("&Folders"))
        self.tabs.addTab(self.rules_editor, self.tr("Filename &rules"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(940, 620)
        self.setMinimumSize(760, 580)  # room for a rule's messages under its fields

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_selected())
        if self.model.folders:
            self.table.selectRow(0)
        self._load_selected()
        (self.table if self.model.folders else self.add_button).setFocus()

    # -- building --------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        table = QTableView(self.folders_page)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves for the buttons and the settings
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the folder's own name
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setAccessibleName(self.tr("Watched folders"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(FOLDER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        table.installEventFilter(self)
        return table

    def _build_folders_page(self) -> None:
        page = self.folders_page
        list_label = QLabel(self.tr("&Watched folders:"), page)
        list_label.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("&Add folder…"), page)
        self.remove_button = QPushButton(self.tr("Re&move"), page)
        self.pause_button = QPushButton(self.tr("&Pause"), page)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.pause_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.add_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.folder_message = QLabel(page)
        self.folder_message.setWordWrap(True)
        self.folder_message.setStyleSheet(f"color: {tone_colour('error').name()};")
        self.folder_message.hide()
        hint = QLabel(self.tr("Space: pause or resume · Delete: remove"), page)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.table, 1)
        left.addWidget(hint)
        left.addLayout(buttons)
        left.addWidget(self.folder_message)
        row = QHBoxLayout(page)
        row.addLayout(left, 5)
        row.addWidget(self.editor, 6)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.pause_button)
        QWidget.setTabOrder(self.pause_button, self.editor.first_field())

    # -- folders ---------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_folder(self) -> None:
        rows = self.model.folders
        start = str(Path(rows[-1].path).parent) if rows else str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to watch"), start)
        self.table.setFocus()
        if not chosen:
            return
        path = Path(chosen)
        refusal = folder_refusal(path, [Path(f.path) for f in rows], self._data_dir)
        if refusal is not None:
            self._show_message(refusal)
            return
        self._show_message("")
        row = self.model.append(WatchedFolder(path))
        self.table.selectRow(row)

    def remove_selected(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        path = self.model.folders[row].path
        question = self.tr(
            "Stop watching {path}?\n\nThe files already in it stay where they are; "
            "nothing there is moved or deleted."
        ).format(path=path)
        if not self._confirm(
            self, self.tr("Remove Watched Folder"), question, self.tr("Stop watching")
        ):
            return
        self.model.remove(row)
        self._show_message("")
        if self.model.folders:
            self.table.selectRow(min(row, len(self.model.folders) - 1))
        self._load_selected()
        self.table.setFocus()

    def toggle_pause(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        folder = self.model.folders[row]
        self.model.replace_at(row, replace(folder, paused=not folder.paused))
        self._load_selected()

    def update_folder_state(self, path: str, state: str, message: str) -> None:
        """A watcher reported ``state`` for ``path`` (connect folder_status_changed)."""
        self.model.set_state(path, state, message)
        row = self.current_row()
        if row >= 0 and str(self.model.folders[row].path) == path:
            self.editor.show_state(self.model.state_text(self.model.folders[row]))

    def folders(self) -> list[WatchedFolder]:
        """The folders as edited so far."""
        return list(self.model.folders)

    def _folder_edited(self, folder: WatchedFolder) -> None:
        row = self.current_row()
        if row >= 0 and self.model.folders[row].path == folder.path:
            self.model.replace_at(row, folder)

    def _load_selected(self) -> None:
        row = self.current_row()
        folder = self.model.folders[row] if row >= 0 else None
        if folder is not None:
            self.editor.load(folder, self.model.state_text(folder))
        else:
            self.editor.load(None, "" if self.model.folders else self.tr(NO_FOLDERS))
        self.remove_button.setEnabled(folder is not None)
        self.pause_button.setEnabled(folder is not None)
        paused = folder is not None and folder.paused
        self.pause_button.setText(self.tr("Res&ume") if paused else self.tr("&Pause"))

    def _show_message(self, text: str) -> None:
        self.folder_message.setText(text)
        self.folder_message.setVisible(bool(text))

    # -- applying --------------------------------------------------------------------
    def accept(self) -> None:
        rules = self.rules_editor.rules()
        if rules is None:
            self.tabs.setCurrentWidget(self.rules_editor)
            self.rules_editor.show_first_problem()
            return
        self._settings.set_rules(rules)
        self._settings.set_folders(self.folders())
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() == Qt.Key.Key_Space:
            self.toggle_pause()
            return True
        if event.key() == Qt.Key.Key_Delete:
            self.remove_selected()
            return True
        if event.key() == Qt.Key.Key_Insert:
            self.add_folder()
            return True
        return False
