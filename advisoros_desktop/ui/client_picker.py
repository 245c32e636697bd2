"""Choosing a client by typing part of its name: a filter box over the firm's clients.

Used wherever files need a client (a drop with no client in view, the triage
list). Typing ranks the clients with intake's own fuzzy matching (the same
one routing uses, so "acme" finds "ACME, L.L.C." here as it does for a folder
name); the best match is current, Up/Down move, Enter picks, Esc cancels.

Folding thousands of names for the matcher takes a few hundred milliseconds,
so for a large firm it is done on a worker thread; until it is ready, typed
text filters by plain substring, which is instant and good enough for the
first keystrokes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.intake.routing import ClientName, Router
from advisoros_desktop.ui.catalog_words import entity_count
from advisoros_desktop.ui.counted_text import count_text, counted

# Above this many clients the matcher is prepared off the GUI thread.
PREPARE_IN_BACKGROUND_ABOVE = 300
MATCHES_SHOWN = 100
# "{shown} of {n} clients match", by the number of clients.
MATCHING = (
    QT_TRANSLATE_NOOP("ClientPicker", "{shown} of {n} client match"),
    QT_TRANSLATE_NOOP("ClientPicker", "{shown} of {n} clients match"),
)

_preparing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="client-picker")


class ClientListModel(QAbstractListModel):
    """The clients shown, in the order given; tooltips carry the other names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clients: list[ClientName] = []

    def set_clients(self, clients: Sequence[ClientName]) -> None:
        self.beginResetModel()
        self._clients = list(clients)
        self.endResetModel()

    def client(self, row: int) -> ClientName | None:
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        client = self.client(index.row()) if index.isValid() else None
        if client is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return client.name or client.client_id
        if role == Qt.ItemDataRole.ToolTipRole and client.aliases:
            return "\n".join(client.aliases)
        return None


class ClientPicker(QDialog):
    _prepared = Signal(object)  # a Router, from the worker thread

    def __init__(
        self,
        clients: Sequence[ClientName],
        parent: QWidget | None = None,
        *,
        initial_text: str = "",
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientPicker")
        self.setWindowTitle(title or self.tr("Choose a client"))
        self._clients = list(clients)
        self._by_name = sorted(self._clients, key=lambda c: (c.name.casefold(), c.client_id))
        self._router: Router | None = None
        self._chosen: ClientName | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setAccessibleName(self.tr("Client name"))
        self.search.setPlaceholderText(self.tr("Type part of a client's name"))
        self.search.setClearButtonEnabled(True)
        self.model = ClientListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("clientList")
        self.list.setAccessibleName(self.tr("Clients found"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search box
        self.list.activated.connect(lambda index: self._pick(index.row()))
        self.list.doubleClicked.connect(lambda index: self._pick(index.row()))
        self.count = QLabel(self)
        self.count.setObjectName("clientCount")
        hint = QLabel(self.tr("↑ ↓ move · Enter chooses · Esc cancels"), self)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(hint)
        self.resize(440, 380)

        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._filter)
        self._prepared.connect(self._use_router)
        if len(self._clients) > PREPARE_IN_BACKGROUND_ABOVE:
            future: Future[Router] = _preparing.submit(Router, self._clients)
            future.add_done_callback(self._router_ready)
        else:
            self._router = Router(self._clients)
        self.search.setText(initial_text)
        self._filter(initial_text)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> ClientName | None:
        """The client picked, or None when the picker was cancelled."""
        return self._chosen

    def current_client(self) -> ClientName | None:
        return self.model.client(self.list.currentIndex().row())

    # -- filtering ----------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        text = text.strip()
        if not text:
            shown = self._by_name
        elif self._router is not None:
            shown = [
                client for client, _score in self._router.clients_matching(text, MATCHES_SHOWN)
            ]
        else:
            folded = text.casefold()
            shown = [
                c
                for c in self._by_name
                if folded in c.name.casefold() or any(folded in a.casefold() for a in c.aliases)
            ][:MATCHES_SHOWN]
        self.model.set_clients(shown)
        if shown:
            self.list.setCurrentIndex(self.model.index(0))
        self._show_count(len(shown), bool(text))

    def _show_count(self, shown: int, filtered: bool) -> None:
        if not self._clients:
            self.count.setText(self.tr("The firm has no clients in this workspace yet."))
        elif not filtered:
            self.count.setText(entity_count("client", len(self._clients)))
        elif shown == 0:
            self.count.setText(self.tr("No client matches; check the spelling."))
        else:
            self.count.setText(
                counted("ClientPicker", MATCHING, len(self._clients), shown=count_text(shown))
            )

    def _router_ready(self, future: Future[Router]) -> None:
        # On the worker thread: a queued signal brings the matcher to the GUI thread.
        if not future.cancelled() and future.exception() is None:
            with contextlib.suppress(RuntimeError):  # the picker was closed and deleted meanwhile
                self._prepared.emit(future.result())

    @Slot(object)
    def _use_router(self, router: Router) -> None:
        self._router = router
        if self.search.text().strip():
            current = self.current_client()
            self._filter(self.search.text())
            if current is not None:
                self._select(current)

    def _select(self, client: ClientName) -> None:
        for row in range(self.model.rowCount()):
            if self.model.client(row) == client:
                self.list.setCurrentIndex(self.model.index(row))
                return

    # -- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 10,
                Qt.Key.Key_PageUp: -10,
            }.get(Qt.Key(event.key()))
            if step is not None:
                self._move(step)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self.list.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = max(0, min(rows - 1, self.list.currentIndex().row() + step))
        self.list.setCurrentIndex(self.model.index(row))

    def _pick(self, row: int) -> None:
        client = self.model.client(row)
        if client is None:
            return  # nothing matches: Enter does nothing rather than pick at random
        self._chosen = client
        self.accept()
