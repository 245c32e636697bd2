"""A settings field naming one client (or none), chosen with the client picker.

Watched folders and filename rules both say "these files belong to that
client". A firm has thousands of clients, so the field does not list them: it
shows the chosen name, and typing a letter, Enter or Alt+Down opens the fuzzy
client picker with what was typed; Delete or Backspace clears the choice. The
picker is passed in as a callable so tests answer it without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.ui.theme import tone_colour

# pick_client(parent, clients, initial text, title) -> the chosen client, or None (cancelled)
PickClient = Callable[[QWidget, Sequence[ClientName], str, str], "ClientName | None"]

UNKNOWN_CLIENT = QT_TRANSLATE_NOOP("ClientField", "A client no longer in the firm")
UNLOADED_CLIENT = QT_TRANSLATE_NOOP("ClientField", "A client (names not loaded yet)")


def client_label(names: Mapping[str, str], client_id: str) -> str:
    """The client's name; without any names known (not synced yet), say so rather
    than call every client gone."""
    if client_id in names:
        return names[client_id]
    return QCoreApplication.translate("ClientField", UNKNOWN_CLIENT if names else UNLOADED_CLIENT)


def pick_with_client_picker(
    parent: QWidget, clients: Sequence[ClientName], initial_text: str, title: str
) -> ClientName | None:
    """The app's fuzzy client picker, as a modal dialog."""
    from advisoros_desktop.ui.client_picker import ClientPicker  # heavy; only when asked

    picker = ClientPicker(clients, parent, initial_text=initial_text, title=title)
    picker.exec()
    return picker.chosen()


class ClientField(QWidget):
    """The chosen client's name, a Choose… button and a Clear button."""

    changed = Signal()  # the person chose or cleared the client

    def __init__(
        self,
        clients: Sequence[ClientName],
        pick_client: PickClient,
        *,
        title: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = list(clients)
        self._names = {client.client_id: client.name for client in self._clients}
        self._pick_client = pick_client
        self._title = title
        self._client_id: str | None = None

        self.name_edit = QLineEdit(self)
        self.name_edit.setReadOnly(True)
        self.name_edit.setPlaceholderText(empty_text)
        self.name_edit.setAccessibleName(title)
        self.name_edit.installEventFilter(self)
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(lambda: self.choose())
        self.clear_button = QPushButton(self.tr("Cl&ear"), self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)
        if not self._clients:
            why = self.tr("No clients are known yet: sync with the server first.")
            self.choose_button.setEnabled(False)
            self.choose_button.setToolTip(why)
            self.name_edit.setToolTip(why)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.name_edit)
        self._show()

    def client_id(self) -> str | None:
        return self._client_id

    def set_client_id(self, client_id: str | None) -> None:
        """Show ``client_id`` (from the settings); does not emit ``changed``."""
        self._client_id = client_id
        self._show()

    def choose(self, initial_text: str = "") -> None:
        if not self._clients:
            return
        chosen = self._pick_client(self, self._clients, initial_text, self._title)
        self.name_edit.setFocus()
        if chosen is not None and chosen.client_id != self._client_id:
            self._client_id = chosen.client_id
            self._show()
            self.changed.emit()

    def clear(self) -> None:
        if self._client_id is not None:
            self._client_id = None
            self._show()
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.name_edit or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            return True
        opens = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F4) or (
            key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
        )
        if opens and self._clients:
            self.choose()
            return True
        typed = event.text()
        chord = modifiers & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if typed.isprintable() and typed.strip() and not chord and self._clients:
            self.choose(typed)  # typing a name starts the search with it
            return True
        return False

    def _show(self) -> None:
        if self._client_id is None:
            self.name_edit.clear()
            self.name_edit.setStyleSheet("")
        else:
            self.name_edit.setText(client_label(self._names, self._client_id))
            # A rule or folder pointing at a deleted client routes nothing: make it visible.
            gone = bool(self._names) and self._client_id not in self._names
            self.name_edit.setStyleSheet(f"color: {tone_colour('error').name()};" if gone else "")
        self.clear_button.setEnabled(self._client_id is not None)
