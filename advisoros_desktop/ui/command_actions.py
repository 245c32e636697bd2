"""One QAction per registered command: what menus, toolbar, context menus and keys share.

Every surface that runs a command uses the same QAction, so a command shows the
same title and shortcut everywhere and is enabled or disabled everywhere at once.
Menus, toolbars and context menus are lists of command ids (``None`` for a
separator).

Shortcut contexts follow the registry: "window" commands answer anywhere in the
main window; "table" commands answer only while a table (or an editor inside
it) has focus. A table action is one QAction added to every table with
``WidgetWithChildrenShortcut``: Qt fires it when focus is in any widget it was
added to, so the tables stacked in a QStackedWidget all work, and the same
action in the menu bar still shows its key without firing from elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from advisoros_desktop.commands.registry import Command, CommandRegistry, normalize_key
from advisoros_desktop.ui.command_icons import command_icon_name
from advisoros_desktop.ui.icons import icon
from advisoros_desktop.ui.key_bindings import display_key

log = logging.getLogger(__name__)

TOOLBAR_TITLE = QT_TRANSLATE_NOOP("Commands", "Toolbar")

_SHORTCUT_CONTEXTS = {
    "window": Qt.ShortcutContext.WindowShortcut,
    "table": Qt.ShortcutContext.WidgetWithChildrenShortcut,
    "intake": Qt.ShortcutContext.WidgetWithChildrenShortcut,
    "review": Qt.ShortcutContext.WidgetWithChildrenShortcut,
}


def translated_title(command: Command) -> str:
    return QCoreApplication.translate("Commands", command.title)


def translated_category(category: str) -> str:
    return QCoreApplication.translate("Commands", category)


class CommandActions(QObject):
    """The QActions of a window, built from the registry and kept in step with bindings."""

    # A command id, after its handler ran (the palette keeps its "recent" list from it).
    command_ran = Signal(str)

    def __init__(
        self,
        registry: CommandRegistry,
        context_provider: Callable[[], Any],
        parent: QWidget,
        bindings: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._context_provider = context_provider
        self._window = parent
        self._actions: dict[str, QAction] = {}
        self._bindings: dict[str, tuple[str, ...]] = {}
        self._context_menus: dict[tuple[tuple[str | None, ...], QWidget], QMenu] = {}
        for command in registry:
            # "&" would mark a mnemonic; a title like "Save & close" means the character.
            action = QAction(translated_title(command).replace("&", "&&"), parent)
            action.setObjectName(command.id)
            action.setData(command.id)
            action.setShortcutContext(_SHORTCUT_CONTEXTS[command.context])
            action.setShortcutVisibleInContextMenu(True)
            icon_name = command_icon_name(command.id)
            if icon_name is not None:
                action.setIcon(icon(icon_name))
            action.triggered.connect(lambda _checked=False, cid=command.id: self.run(cid))
            if command.context == "window":
                parent.addAction(action)
            self._actions[command.id] = action
        self.apply_bindings(registry.bindings() if bindings is None else bindings)

    def action(self, command_id: str) -> QAction:
        try:
            return self._actions[command_id]
        except KeyError:
            raise KeyError(f"no command '{command_id}' is registered") from None

    def run(self, command_id: str) -> None:
        """Run a command as its menu entry or key would (the palette calls this too)."""
        command = self._registry.get(command_id)
        context = self._context_provider()
        # The enabled state may be stale (it is refreshed on selection/focus changes);
        # the predicate has the last word.
        if not self._is_enabled(command, context):
            self._actions[command_id].setEnabled(False)
            return
        command.handler(context)
        self.command_ran.emit(command_id)

    def update_enabled(self) -> None:
        """Re-evaluate every ``enabled_when``; the window calls this when selection,
        focus or view change, and menus call it as they open."""
        context = self._context_provider()
        for command in self._registry:
            self._actions[command.id].setEnabled(self._is_enabled(command, context))

    def apply_bindings(self, bindings: Mapping[str, Iterable[str]]) -> None:
        """Give each action its keys; a command missing from ``bindings`` has none."""
        unknown = set(bindings) - set(self._actions)
        if unknown:
            raise ValueError(f"bindings for unknown commands: {', '.join(sorted(unknown))}")
        self._bindings = {
            cid: tuple(normalize_key(k) for k in bindings.get(cid, ())) for cid in self._actions
        }
        for command in self._registry:
            action = self._actions[command.id]
            keys = self._bindings[command.id]
            action.setShortcuts([QKeySequence(k) for k in keys])
            title = translated_title(command)
            action.setToolTip(f"{title} ({display_key(keys[0])})" if keys else title)

    def bindings(self) -> dict[str, tuple[str, ...]]:
        return dict(self._bindings)

    def shortcut_text(self, command_id: str) -> str:
        """The key menus show for a command (its first), as this platform writes it; or ""."""
        self.action(command_id)  # a clear error for an unknown id
        keys = self._bindings[command_id]
        return display_key(keys[0]) if keys else ""

    def menu(self, title: str, ids: Sequence[str | None], parent: QWidget | None = None) -> QMenu:
        """A menu of commands (``None`` = separator); ``title`` as shown, e.g. "&File"."""
        menu = QMenu(title, parent or self._window)
        self._fill(menu, ids)
        return menu

    def context_menu(self, ids: Sequence[str | None], parent: QWidget | None = None) -> QMenu:
        """The context menu for these commands; asking again gives the same menu, so a
        view may call this on every right click without piling up menus."""
        key = (tuple(ids), parent or self._window)
        if key not in self._context_menus:
            menu = QMenu(key[1])
            self._fill(menu, ids)
            self._context_menus[key] = menu
        return self._context_menus[key]

    def toolbar(self, ids: Sequence[str | None], title: str = TOOLBAR_TITLE) -> QToolBar:
        """``title``: an English source text in context ``Commands``, shown translated."""
        toolbar = QToolBar(QCoreApplication.translate("Commands", title), self._window)
        toolbar.setObjectName(title.replace("&", "").lower().replace(" ", "_"))
        for command_id in ids:
            if command_id is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.action(command_id))
        return toolbar

    def attach_table_actions(self, table_view: QWidget) -> None:
        """Let the table-context commands' keys work while ``table_view`` has focus."""
        for command in self._registry:
            if command.context == "table":
                table_view.addAction(self._actions[command.id])

    def _fill(self, menu: QMenu, ids: Sequence[str | None]) -> None:
        for command_id in ids:
            if command_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self.action(command_id))
        menu.aboutToShow.connect(self.update_enabled)

    @staticmethod
    def _is_enabled(command: Command, context: Any) -> bool:
        try:
            return bool(command.enabled_when(context))
        except Exception:
            # A failing predicate must not take the menus down with it; the command
            # stays off until the predicate works.
            log.exception("enabled_when of command %r failed", command.id)
            return False
