"""General: language, light or dark, and where this computer keeps AdvisorOS's data.

The theme applies at once. The language is stored and takes effect at the
next start (``ui.language`` says why); while that module is missing the page
says language settings are not available rather than failing to open.

The data folder is shown and can be opened, not moved from here: it holds
the live SQLite cache (written by sync and intake while the window is open),
the settings file this dialog writes and the logs, so moving it under a
running program risks the very data it protects. Keeping it elsewhere is a
start-up choice (``--data-dir``), which the note explains.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources
from advisoros_desktop.ui.theme import THEME_CHOICES, set_theme, theme_choice, theme_labels

try:
    from advisoros_desktop.ui.language import (
        language_choice,
        language_labels,
        restart_note,
        set_language,
    )
except ImportError:  # a build without languages: the page says so instead of failing
    LANGUAGES_AVAILABLE = False
else:
    LANGUAGES_AVAILABLE = True

LANGUAGE_UNAVAILABLE = QT_TRANSLATE_NOOP("GeneralPage", "Language settings are not available.")


class GeneralPage(SettingsPage):
    page_id = "general"
    icon_name = "settings"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("General"), parent)
        self._settings = sources.settings
        self._open_folder = sources.open_folder
        self.data_dir = sources.data_dir

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_combo: QComboBox | None = None
        self.language_note = note_label("", self)
        language_label = QLabel(self.tr("&Language:"), self)
        form.addRow(language_label, self._language_field(language_label))

        self.theme_combo = QComboBox(self)
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.setMinimumContentsLength(18)
        for choice, label in theme_labels().items():
            self.theme_combo.addItem(label, choice)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(theme_choice(self._settings)))
        self.theme_combo.activated.connect(self._theme_chosen)
        theme_label = QLabel(self.tr("&Theme:"), self)
        theme_label.setBuddy(self.theme_combo)
        theme_column = QVBoxLayout()
        theme_column.setSpacing(2)
        theme_column.addWidget(self.theme_combo, 0, Qt.AlignmentFlag.AlignLeft)
        theme_column.addWidget(
            note_label(self.tr("Changes at once. “Same as the computer” follows it."), self)
        )
        form.addRow(theme_label, theme_column)

        data_label = QLabel(self.tr("&Data folder:"), self)
        form.addRow(data_label, self._data_folder_field(data_label))
        self.body.addLayout(form)
        self.body.addStretch(1)

    # -- language --------------------------------------------------------------------
    def _language_field(self, label: QLabel) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        if not LANGUAGES_AVAILABLE:
            self.language_note.setText(self.tr(LANGUAGE_UNAVAILABLE))
            column.addWidget(self.language_note)
            return column
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("Language"))
        combo.setMinimumContentsLength(18)
        for choice, text in language_labels().items():
            combo.addItem(text, choice)
        combo.setCurrentIndex(max(0, combo.findData(language_choice(self._settings))))
        combo.activated.connect(self._language_chosen)
        label.setBuddy(combo)
        self.language_combo = combo
        self.language_note.setText(restart_note() + ".")
        column.addWidget(combo, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.language_note)
        return column

    def _language_chosen(self, _index: int) -> None:
        assert self.language_combo is not None
        set_language(self._settings, str(self.language_combo.currentData()))
        self._settings.sync()

    # -- theme -----------------------------------------------------------------------
    def _theme_chosen(self, _index: int) -> None:
        choice = str(self.theme_combo.currentData())
        if choice not in THEME_CHOICES:
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_theme(app, self._settings, choice)
            self._settings.sync()

    # -- data folder -----------------------------------------------------------------
    def _data_folder_field(self, label: QLabel) -> QVBoxLayout:
        self.data_path = QLineEdit(str(self.data_dir), self)
        self.data_path.setReadOnly(True)
        self.data_path.setAccessibleName(self.tr("Data folder"))
        self.data_path.setCursorPosition(0)
        label.setBuddy(self.data_path)
        self.open_button = QPushButton(self.tr("&Open folder"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self._open_folder(Path(self.data_dir)))
        row = QHBoxLayout()
        row.addWidget(self.data_path, 1)
        row.addWidget(self.open_button)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(
            note_label(
                self.tr(
                    "This computer's copy of the firm's data, the changes waiting to be "
                    "sent, these settings and the logs. AdvisorOS does not move it while it "
                    "runs, since sync and intake write there. To keep it elsewhere, quit "
                    "AdvisorOS, move the folder, and start AdvisorOS with "
                    "--data-dir and the new folder."
                ),
                self,
            )
        )
        return column

    def first_field(self) -> QWidget | None:
        return self.language_combo or self.theme_combo
