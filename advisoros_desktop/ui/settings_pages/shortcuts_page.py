"""Shortcuts: the Keyboard Shortcuts editor, in the page, storing each clash-free change.

The editor is the Keyboard Shortcuts dialog itself, shown as a part of this
page without its OK and Cancel: filtering, recording keys and explaining
clashes are its own. What this page adds is when to store: after every
change that leaves no clash (a moment later, so "Reset all" stores once). A
set of bindings with a clash is never stored; the last working set stays in
effect and the clash stays explained until it is resolved.

The embedded dialog would close itself on Esc; Esc here closes the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from advisoros_desktop.ui.key_bindings import save_overrides
from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources
from advisoros_desktop.ui.shortcut_settings import ShortcutSettingsDialog


class ShortcutsPage(SettingsPage):
    page_id = "shortcuts"
    icon_name = "shortcuts"

    bindings_saved = Signal(object)  # dict command id → tuple of keys, once stored

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Keyboard shortcuts"), parent)
        self._registry = sources.registry
        self._settings = sources.settings
        self.editor = ShortcutSettingsDialog(self._registry, self._settings, self)
        self.editor.setWindowFlags(Qt.WindowType.Widget)
        self.editor.buttons.hide()
        self.editor.layout().setContentsMargins(0, 0, 0, 0)
        self.editor.installEventFilter(self)
        self.status = note_label(
            self.tr("Each change applies as soon as no two commands share a key."), self
        )
        self.body.addWidget(self.editor, 1)
        self.body.addWidget(self.status)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.commit)
        self.editor.model.keys_changed.connect(self._pending.start)
        self._saved = self.editor.model.bindings()

    def first_field(self) -> QWidget | None:
        return self.editor.filter

    def commit(self) -> None:
        self._pending.stop()
        bindings = self.editor.model.bindings()
        if bindings == self._saved:
            return
        if self._registry.clashes(bindings):
            self.status.setText(
                self.tr(
                    "Not saved while two commands share a key; the shortcuts saved "
                    "before still work."
                )
            )
            return
        save_overrides(self._settings, self._registry, bindings)
        self._saved = bindings
        self.status.setText(self.tr("Saved. The new keys work now."))
        self.bindings_saved.emit(bindings)

    def unsaved_problem(self) -> str | None:
        if not self._registry.clashes(self.editor.model.bindings()):
            return None
        clash = self.editor.clash_label.text().strip()
        return self.tr("Your shortcut changes were not saved: {clash}").format(clash=clash)

    def show_problem(self) -> None:
        self.editor.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and not event.modifiers():
                dialog = self.window()
                if isinstance(dialog, QDialog):
                    dialog.reject()
                return True
        return False
