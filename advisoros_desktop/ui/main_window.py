"""The main window: navigation, record tables, details, history and sync status.

It lays the pieces out and routes commands to them; the pieces do the work
(models read the store, commands change it, the sync controller talks to the
server). Store notices arrive batched on the GUI thread and refresh whatever
shows the records they name.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QUndoView,
    QWidget,
)

from advisoros_desktop.commands.palette_search import PaletteIndex, PaletteItem
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.table_query import TableQuery
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.app_context import AppContext
from advisoros_desktop.ui.cell_editors import RecordItemDelegate
from advisoros_desktop.ui.cheat_sheet import CheatSheetDialog
from advisoros_desktop.ui.command_actions import CommandActions, translated_category
from advisoros_desktop.ui.command_icons import VIEW_ICONS
from advisoros_desktop.ui.command_palette import CommandPalette
from advisoros_desktop.ui.conflicts_view import ConflictsView
from advisoros_desktop.ui.current_details import CurrentDetails
from advisoros_desktop.ui.detail_pane import DetailPane
from advisoros_desktop.ui.field_format import field_label
from advisoros_desktop.ui.icons import icon
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_view import IntakeView
from advisoros_desktop.ui.key_bindings import SingleKeyGuard, effective_bindings
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.outbox_dialog import OutboxDialog
from advisoros_desktop.ui.palette_updates import PaletteUpdates
from advisoros_desktop.ui.record_view import RecordView
from advisoros_desktop.ui.review_view import ReviewView
from advisoros_desktop.ui.settings_dialog import SettingsDialog, SettingsSources
from advisoros_desktop.ui.shortcut_settings import ShortcutSettingsDialog
from advisoros_desktop.ui.store_notices import StoreNotices
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.sync_status_indicator import SyncStatusIndicator
from advisoros_desktop.ui.table_columns import columns_for
from advisoros_desktop.ui.undo_toast import UndoToast
from advisoros_desktop.ui.window_commands import (
    MENUS,
    TABLE_CONTEXT_MENU,
    TOOLBAR,
    VIEWS,
    registered_intake_commands,
)
from advisoros_desktop.ui.window_intake import WindowIntake
from advisoros_desktop.ui.window_review import WindowReview

log = logging.getLogger(__name__)

# view id -> (entity, base query) for the record lists
RECORD_VIEWS: dict[str, tuple[str, TableQuery]] = {
    "clients": ("client", TableQuery("client")),
    "engagements": ("engagement", TableQuery("engagement")),
    "tasks": ("task", TableQuery("task")),
    "documents": ("document", TableQuery("document")),
    "review": ("document", TableQuery("document", needs_review=True)),
}
ENTITY_VIEW = {
    "client": "clients",
    "engagement": "engagements",
    "task": "tasks",
    "document": "documents",
}
SCOPED_VIEWS = ("engagements", "tasks", "documents")
NOTICE_INTERVAL_MS = 150
SLOW_NOTICE_INTERVAL_MS = 1000  # while a sync or uploads run


@dataclass(frozen=True)
class Place:
    """Where the user was, for Backspace."""

    view: str
    scope: tuple[tuple[str, str], ...]
    caption: str
    record_id: str | None


class MainWindow(QMainWindow):
    first_painted = Signal()
    closing = Signal()

    def __init__(self, context: AppContext, store: LocalStore, title: str = "") -> None:
        super().__init__()
        self.context = context
        self.store = store
        self.undo_stack = context.undo_stack
        self.setWindowTitle(title or "AdvisorOS Desktop")
        self.setObjectName("mainWindow")
        # time.monotonic() of the first paint; None until then.
        self.first_paint_at: float | None = None
        self._back: list[Place] = []
        self._scope: tuple[tuple[str, str], ...] = ()
        self._scope_caption = ""
        self._show_archived = False
        self._recent: list[tuple[str, str]] = []
        self._outbox_dialog: OutboxDialog | None = None
        self._stale_views: set[str] = set()
        self._details_due = False  # refill the details once the rows on screen are re-read
        self.intake_ui: WindowIntake | None = None  # once the account's intake is attached
        self.notices = StoreNotices(store, NOTICE_INTERVAL_MS, parent=self)
        self._build_views()
        self._build_docks()
        self._build_status_bar()
        self._build_commands()
        self.toast = UndoToast(self)
        self.palette_index = PaletteIndex(store)
        # Held while a sync or uploads run (``intake_ui`` holds it for the uploads).
        self.palette_updates = PaletteUpdates(self.palette_index)
        self.palette = CommandPalette(self.palette_index, self)
        self.palette.command_chosen.connect(self._run_command)
        self.palette.record_chosen.connect(self.jump_to)
        self.notices.changed.connect(self._store_changed)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.resize(1280, 800)
        self.show_view("clients")
        self._load_palette_index()

    # -- building ------------------------------------------------------------------
    def _build_views(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget(self)
        self.views: dict[str, QWidget] = {}
        self.record_views: dict[str, RecordView] = {}
        for name, title, key in VIEWS:
            translated = QCoreApplication.translate("Views", title)
            item = QListWidgetItem(translated)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
            item.setIcon(icon(VIEW_ICONS[name]))
            self.nav.addItem(item)
            widget: QWidget
            if name in RECORD_VIEWS:
                entity, query = RECORD_VIEWS[name]
                view = RecordView(
                    name,
                    translated,
                    self.store,
                    columns_for(entity),
                    self.undo_stack,
                    self.context.settings,
                    query,
                    self,
                )
                view.table.setItemDelegate(
                    RecordItemDelegate(self.reference_choices, view.table, display_locale())
                )
                view.model.edit_refused.connect(self._edit_refused)
                view.model.reloaded.connect(lambda view=view: self._rows_reloaded(view))
                view.table.current_record_changed.connect(self._current_record_changed)
                view.table.selectionModel().selectionChanged.connect(
                    lambda *_: self.actions.update_enabled()
                )
                view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                view.table.customContextMenuRequested.connect(self._table_context_menu)
                header = view.table.horizontalHeader()
                header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                header.customContextMenuRequested.connect(lambda _pos: self.choose_columns())
                self.record_views[name] = view
                widget = view
                if name == "review":  # the list, and the split view a document opens in
                    self.review = WindowReview(self, view)
                    widget = self.review.page
            elif name == "conflicts":
                self.conflicts_view = ConflictsView(self.store, self)
                widget = self.conflicts_view
            else:
                widget = self.intake_view = IntakeView(self)
            self.views[name] = widget
            self.stack.addWidget(widget)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 40)
        self.nav.currentRowChanged.connect(self._nav_row_changed)
        self.setCentralWidget(self.stack)
        left = QDockWidget(self.tr("Navigate"), self)
        left.setObjectName("navigationDock")
        left.setWidget(self.nav)
        left.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        left.setTitleBarWidget(QWidget(left))
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)

    def _build_docks(self) -> None:
        self.details = DetailPane(self)
        self.current_details = CurrentDetails(self.details, self.store)
        self.details_dock = QDockWidget(self.tr("Details"), self)
        self.details_dock.setObjectName("detailsDock")
        self.details_dock.setWidget(self.details)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.resizeDocks([self.details_dock], [320], Qt.Orientation.Horizontal)
        self.history = QUndoView(self.undo_stack, self)
        self.history.setObjectName("history")
        self.history.setAccessibleName(self.tr("History of changes"))
        self.history.setEmptyLabel(self.tr("<opened>"))
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()

    def _build_status_bar(self) -> None:
        self.sync_status = SyncStatusIndicator(self)
        self.sync_status.clicked.connect(self.open_outbox)
        self.sync_status.conflicts_clicked.connect(lambda: self.show_view("conflicts"))
        self.status_message = QLabel(self)
        self.statusBar().addWidget(self.status_message, 1)
        self.statusBar().addPermanentWidget(self.sync_status)
        self._update_counts()
        self.sync_status.show_last_sync(self.store.state("lastSyncAt"))

    def _build_commands(self) -> None:
        registry = self.context.registry
        self.bindings, problems = effective_bindings(registry, self.context.settings)
        self.actions = CommandActions(registry, lambda: self, self)
        self.actions.apply_bindings(self.bindings)
        for title, ids in MENUS:
            menu_title = QCoreApplication.translate("Menus", title)
            self.menuBar().addMenu(self.actions.menu(menu_title, list(ids), self))
        toolbar = self.actions.toolbar(list(TOOLBAR))
        toolbar.setObjectName("toolbar")
        self.addToolBar(toolbar)
        for view in self.record_views.values():
            self.actions.attach_table_actions(view.table)
        self.key_guard = SingleKeyGuard(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.key_guard.follow_focus(app)
        for problem in problems:
            self.show_message(problem)
        self._show_conflict_keys()
        self.actions.update_enabled()

    def _show_conflict_keys(self) -> None:
        self.conflicts_view.set_shortcut_hints(
            self.actions.shortcut_text("conflicts.keep_mine"),
            self.actions.shortcut_text("conflicts.take_theirs"),
        )

    # -- views and navigation -------------------------------------------------------
    def current_view_name(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "clients"

    @property
    def review_view(self) -> ReviewView | None:
        """The split view of the document under review, once one was opened."""
        return self.review.view

    def current_record_view(self) -> RecordView | None:
        return self.record_views.get(self.current_view_name())

    def show_view(self, name: str) -> None:
        rows = [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]
        self.nav.setCurrentRow(rows.index(name))
        widget = self.views[name]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _nav_row_changed(self, row: int) -> None:
        name = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        view = self.record_views.get(name)
        if view is not None and name in SCOPED_VIEWS and view.scope() != self._scope:
            view.set_scope(self._scope, self._scope_caption)
            self._stale_views.discard(name)
        if view is not None and name in self._stale_views:
            self._stale_views.discard(name)
            view.model.reload()
        if name == "conflicts":
            self.conflicts_view.refresh()  # as the cache has them now, notices on their way or not
        self.stack.setCurrentWidget(self.views[name])
        self.review.view_shown(name == "review")
        if view is not None:
            self._current_record_changed(view.table.current_record_id())
        else:
            self.current_details.show(None, None)
        self.actions.update_enabled()

    def _place(self) -> Place:
        view = self.current_record_view()
        record = view.table.current_record_id() if view is not None else None
        return Place(self.current_view_name(), self._scope, self._scope_caption, record)

    def _set_scope(self, scope: tuple[tuple[str, str], ...], caption: str) -> None:
        self._scope, self._scope_caption = scope, caption
        for name in SCOPED_VIEWS:
            self.record_views[name].set_scope(scope, caption)

    def open_current(self) -> None:
        """Enter: a client opens its documents; an engagement its tasks; else the details."""
        view = self.current_record_view()
        record_id = view.table.current_record_id() if view is not None else None
        if view is None or record_id is None:
            return
        row = self.store.get(view.entity, record_id)
        if row is None:
            return
        self._remember_recent(view.entity, record_id)
        if self.current_view_name() == "review":
            self.review.open(record_id)
        elif view.entity == "client":
            self._back.append(self._place())
            self._set_scope((("clientId", record_id),), str(row["businessName"]))
            self.show_view("documents")
        elif view.entity == "engagement":
            self._back.append(self._place())
            self._set_scope((("engagementId", record_id),), str(row["name"]))
            self.show_view("tasks")
        else:
            self.details_dock.show()
            self.details.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_back(self) -> None:
        if self.current_view_name() == "review" and self.review.showing_document:
            self.review.show_list()
            return
        if not self._back:
            if self._scope:
                self._set_scope((), "")
            return
        place = self._back.pop()
        self._set_scope(place.scope, place.caption)
        self.show_view(place.view)
        view = self.record_views.get(place.view)
        if view is not None and place.record_id is not None:
            view.table.go_to_record(place.record_id)

    def jump_to(self, entity: str, record_id: str) -> None:
        """The palette chose a record: show it in its list, unscoped, and select it."""
        self._remember_recent(entity, record_id)
        self._back.append(self._place())
        name = ENTITY_VIEW[entity]
        self._set_scope((), "")
        view = self.record_views[name]
        if not view.model.query.include_archived and not view.table.go_to_record(record_id):
            view.set_show_archived(True)  # it may be archived: show it rather than nothing
        view.filter.clear()
        self.show_view(name)
        view.table.go_to_record(record_id)

    def focus_filter(self) -> None:
        view = self.current_record_view()
        if view is not None:
            view.focus_filter()

    # -- table commands -------------------------------------------------------------
    def move_rows(self, delta: int) -> None:
        view = self.current_record_view()
        if view is not None:
            view.table.move_rows(delta)

    def toggle_selection(self) -> None:
        view = self.current_record_view()
        if view is not None:
            view.table.toggle_current_selection()

    def select_all(self) -> None:
        view = self.current_record_view()
        if view is not None:
            view.table.select_all_rows()

    def selected_count(self) -> int:
        view = self.current_record_view()
        return view.table.selected_count() if view is not None else 0

    def current_entity_has(self, field: str) -> bool:
        view = self.current_record_view()
        if view is None:
            return False
        spec = ENTITIES[view.entity].by_name.get(field)
        return spec is not None and spec.writable

    def edit_current_cell(self) -> None:
        view = self.current_record_view()
        if view is not None and view.table.currentIndex().isValid():
            view.table.edit(view.table.currentIndex())

    # -- panels ---------------------------------------------------------------------
    def _undo_index_changed(self, _index: int) -> None:
        self.notices.flush()  # a change the user made (or undid) shows at once
        self.palette_updates.release()  # and the palette finds it by its new words
        self.actions.update_enabled()

    def undo(self) -> None:
        """Ctrl+Z; a step the store refused says why in the status bar."""
        self.undo_stack.undo()
        self._report_step(self.undo_stack.command(self.undo_stack.index()))

    def redo(self) -> None:
        self.undo_stack.redo()
        self._report_step(self.undo_stack.command(self.undo_stack.index() - 1))

    def _report_step(self, command: Any) -> None:
        self.notices.flush()
        message = command.message() if command is not None and hasattr(command, "message") else None
        if message:
            self.show_message(message)

    def toggle_history(self) -> None:
        self.history_dock.setVisible(not self.history_dock.isVisible())
        if self.history_dock.isVisible():
            self.history.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_details(self) -> None:
        self.details_dock.setVisible(not self.details_dock.isVisible())

    def toggle_archived(self) -> None:
        self._show_archived = not self._show_archived
        for view in self.record_views.values():
            view.set_show_archived(self._show_archived)

    def choose_columns(self) -> None:
        view = self.current_record_view()
        if view is None:
            return
        menu = QMenu(self.tr("Columns"), self)
        for column, spec in enumerate(view.model.columns.fields):
            action = menu.addAction(field_label(spec))
            action.setCheckable(True)
            action.setChecked(view.column_visible(column))
            action.toggled.connect(
                lambda on, column=column, view=view: view.set_column_visible(column, on)
            )
        header = view.table.horizontalHeader()
        menu.exec(header.mapToGlobal(QPoint(0, header.height())))

    def _table_context_menu(self, position: QPoint) -> None:
        view = self.current_record_view()
        if view is not None:
            self.actions.update_enabled()
            menu = self.actions.context_menu(list(TABLE_CONTEXT_MENU))
            menu.exec(view.table.viewport().mapToGlobal(position))

    # -- dialogs ------------------------------------------------------------------------
    def open_palette(self) -> None:
        commands = []
        for command in self.context.registry:
            if command.in_palette:
                title = QCoreApplication.translate("Commands", command.title)
                category = translated_category(command.category)
                item = PaletteItem("command", command.id, title, category)
                enabled = self.actions.action(command.id).isEnabled()
                commands.append((item, self.actions.shortcut_text(command.id), enabled))
        self.palette.open_palette(commands, list(self._recent))

    def _run_command(self, command_id: str) -> None:
        self.actions.update_enabled()
        action = self.actions.action(command_id)
        if action.isEnabled():
            action.trigger()

    def open_cheat_sheet(self) -> None:
        dialog = CheatSheetDialog(self.context.registry, self.bindings, self)
        dialog.exec()
        dialog.deleteLater()

    def open_shortcut_settings(self) -> None:
        dialog = ShortcutSettingsDialog(self.context.registry, self.context.settings, self)
        if dialog.exec():
            self.bindings, problems = effective_bindings(
                self.context.registry, self.context.settings
            )
            self.actions.apply_bindings(self.bindings)
            self._show_conflict_keys()
            for problem in problems:
                self.show_message(problem)
        dialog.deleteLater()

    def open_settings(self, page: str | None = None) -> None:
        """File ▸ Settings… (Ctrl+,), on ``page`` when given (``"shortcuts"``, ``"sync"``…).

        Window-modal and not waited for; opened again while it shows, it turns to ``page``.
        """
        shown = self.findChild(SettingsDialog, "settingsDialog")
        if shown is not None and shown.isVisible():
            if page is not None:
                shown.show_page(page)
            shown.activateWindow()  # window-modal, so already above the window
            return
        sources = SettingsSources(
            settings=self.context.settings,
            data_dir=self.context.data_dir,
            registry=self.context.registry,
            store=self.store,
            sync=self.context.sync,
            intake=self.intake_ui.controller if self.intake_ui is not None else None,
        )
        dialog = SettingsDialog(sources, self, page)

        def use_bindings(_saved: object) -> None:
            self.bindings, problems = effective_bindings(
                self.context.registry, self.context.settings
            )
            self.actions.apply_bindings(self.bindings)
            self._show_conflict_keys()
            for problem in problems:
                self.show_message(problem)

        dialog.bindings_saved.connect(use_bindings)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def open_outbox(self) -> None:
        dialog = OutboxDialog(self.store, self)
        dialog.sync_requested.connect(self.sync_now)
        self._outbox_dialog = dialog  # refreshed by store notices while it is open
        dialog.exec()
        self._outbox_dialog = None
        dialog.deleteLater()

    # -- sync ---------------------------------------------------------------------------
    def attach_sync(self, controller: SyncController) -> None:
        self.context.sync = controller
        controller.state_changed.connect(self.sync_status.show_state)
        controller.state_changed.connect(self._sync_state_changed)
        controller.report_ready.connect(lambda _r: self._update_counts())
        self.sync_status.show_state(controller.state, controller.message)

    def sync_now(self) -> None:
        if self.context.sync is not None:
            self.context.sync.sync_now()

    def toggle_sync_pause(self) -> None:
        if self.context.sync is not None:
            self.context.sync.toggle_pause()

    # -- intake -------------------------------------------------------------------------
    def attach_intake(self, controller: IntakeController) -> None:
        """Files may now be dropped anywhere on the window and added by command."""
        attach = getattr(self.intake_view, "attach", None)
        if callable(attach):
            attach(controller)
        adopt = getattr(self.intake_view, "adopt_actions", None)
        view_commands = registered_intake_commands(self.context.registry)
        if callable(adopt) and view_commands:
            adopt({cid: self.actions.action(cid) for cid in view_commands})
        self.intake_ui = WindowIntake(self, controller)
        self.actions.update_enabled()

    # -- notices and details ---------------------------------------------------------
    def _store_changed(self, changes: ChangeSet) -> None:
        # Whether the details must be refilled, asked before the table moves its rows.
        details_touched = self.current_details.concerns(changes)
        # Only the list on screen re-reads now; the others when they are next shown.
        visible = self.current_record_view()
        for view in self.record_views.values():
            if view is visible:
                view.model.apply(changes, background=self.notices.batched)
            elif view.model.concerns(changes):
                self._stale_views.add(view.name)
        self.conflicts_view.apply(changes)
        if changes.outbox or changes.conflicts:
            self._update_counts()
            if self._outbox_dialog is not None:
                self._outbox_dialog.refresh()
        if changes.sync_state:
            self.sync_status.show_last_sync(self.store.state("lastSyncAt"))
        self.palette_updates.add(changes)
        # The details are refilled only when the notice names what they show; after
        # the table's rows, when they are being read in the background.
        if details_touched and visible is not None:
            if self.notices.batched and visible.model.concerns(changes):
                self._details_due = True
            else:
                self._current_record_changed(visible.table.current_record_id())

    def _rows_reloaded(self, view: RecordView) -> None:
        if self._details_due and view is self.current_record_view():
            self._details_due = False
            self._current_record_changed(view.table.current_record_id())

    def _sync_state_changed(self, state: str, _message: str) -> None:
        self.set_pouring("sync", state == "syncing")

    def set_pouring(self, reason: str, pouring: bool) -> None:
        """A sync (``"sync"``), uploads (``"uploads"``) or a drop (``"drop"``) pour records in.

        Meanwhile the tables refresh once a second rather than at every page or
        file, and the palette indexes what came once the last of them ends.
        """
        if not pouring and self.palette_updates.holds(reason):
            self.notices.flush()  # it is over: show all it brought now (and index it below)
        self.palette_updates.hold(reason, pouring)
        held = self.palette_updates.held
        self.notices.set_interval(SLOW_NOTICE_INTERVAL_MS if held else NOTICE_INTERVAL_MS)

    def _update_counts(self) -> None:
        self.sync_status.show_counts(self.store.pending_count(), len(self.store.conflicts()))

    def _current_record_changed(self, record_id: str | None) -> None:
        if self.current_details.show(self.current_record_view(), record_id):
            self.actions.update_enabled()  # only when another record became current

    def reference_choices(self, entity: str) -> list[tuple[str, str]]:
        label_field = {"user": "name", "client": "businessName", "engagement": "name"}[entity]
        rows = self.store.all(entity)
        return sorted(
            ((str(r[label_field]), str(r["id"])) for r in rows), key=lambda c: c[0].lower()
        )

    def _remember_recent(self, entity: str, record_id: str) -> None:
        key = (entity, record_id)
        if key in self._recent:
            self._recent.remove(key)
        self._recent.insert(0, key)
        del self._recent[20:]

    def _edit_refused(self, _index: Any, message: str) -> None:
        self.show_message(message)

    def show_message(self, text: str) -> None:
        self.status_message.setText(text)
        self.status_message.setToolTip(text)

    def _load_palette_index(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.palette_index.load()  # no loop (a test without qasync): load here
            return
        self._palette_loading = loop.create_task(asyncio.to_thread(self.palette_index.load))

    # -- painting and closing -----------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.first_paint_at is None:
            self.first_paint_at = time.monotonic()
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        if self.intake_ui is not None:
            self.intake_ui.close()
        self.notices.close()
        self.key_guard.stop_following()
        super().closeEvent(event)
