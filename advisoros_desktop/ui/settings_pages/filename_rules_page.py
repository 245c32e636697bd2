"""Filename rules: the firm's "files named like this belong there", edited in place.

The page holds the same editor the Watched Folders dialog shows. A rule is
stored once it is finished, that is when focus leaves the field being typed
in, a rule is removed or moved, or a client or category is chosen: intake
reads the rules for every file it routes, so storing at every keystroke
would route files meanwhile by half a pattern (``re:A`` matches every name
with an A in it). While any rule is not valid, none is stored: the rules
saved before keep applying, the problem shows beside its field, and closing
the settings asks before leaving it behind.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from advisoros_desktop.ui.client_field import pick_with_client_picker
from advisoros_desktop.ui.filename_rules_editor import FilenameRulesEditor
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources

NOT_CONNECTED = QT_TRANSLATE_NOOP(
    "FilenameRulesPage", "Filename rules can be set up once the workspace is connected."
)


class FilenameRulesPage(SettingsPage):
    page_id = "filename_rules"
    icon_name = "filter"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Filename rules"), parent)
        self._intake: IntakeController | None = sources.intake
        self.editor: FilenameRulesEditor | None = None
        self.status = note_label("", self)
        self._pending = QTimer(self)  # after the editor has taken the change in
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.commit)
        if self._intake is None:
            self.status.setText(self.tr(NOT_CONNECTED))
            self.body.addWidget(self.status)
            self.body.addStretch(1)
            return
        editor = FilenameRulesEditor(
            self._intake.settings.rules(),
            self._intake.clients.names(),
            pick_with_client_picker,
            self,
        )
        editor.layout().setContentsMargins(0, 0, 0, 0)
        self.editor = editor
        self.body.addWidget(editor, 1)
        self.body.addWidget(self.status)
        for signal in (editor.model.rowsRemoved, editor.model.rowsMoved):
            signal.connect(self._pending.start)
        editor.category_combo.activated.connect(self._pending.start)
        editor.client_field.changed.connect(self._pending.start)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def first_field(self) -> QWidget | None:
        return self.editor.table if self.editor is not None else None

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.editor is not None and old is not None and self.editor.isAncestorOf(old):
            self._pending.start()

    def commit(self) -> None:
        """Store the rules when every one is valid and they differ from those stored."""
        if self.editor is None or self._intake is None:
            return
        rules = self.editor.rules()
        if rules is None:
            self.status.setText(
                self.tr(
                    "Not saved yet: a rule is not valid (the reason is beside it). "
                    "The rules saved before still apply."
                )
            )
            return
        settings = self._intake.settings
        if rules != settings.rules():
            settings.set_rules(rules)
            self.status.setText(self.tr("Saved. New files are routed by these rules."))

    def unsaved_problem(self) -> str | None:
        if self.editor is None or self.editor.rules() is not None:
            return None
        for row, draft in enumerate(self.editor.model.drafts):
            problem = None if draft.blank else draft.problem()
            if problem is not None:
                return self.tr("Filename rule {number} was not saved: {problem}").format(
                    number=row + 1, problem=problem
                )
        return None

    def show_problem(self) -> None:
        if self.editor is not None:
            self.editor.show_first_problem()

    def close_page(self) -> None:
        app = QApplication.instance()
        if self.editor is not None and isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
