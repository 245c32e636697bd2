"""File ▸ Settings… (Ctrl+,): every preference in one dialog, reachable by keyboard alone.

Laid out as accountants know it from Thunderbird and VS Code: the pages in a
list on the left, the chosen page on the right. Up and Down in the list
switch pages, Tab goes into the page, Esc closes. Settings apply as they
change (there is one Close button): each page stores a value once it is
complete and valid, and shows a refused one with its reason beside the field
without storing it (``settings_pages.page``). Closing asks each page to store
what is complete; a refused value still on screen is shown and the person
asked whether to close without it, so nothing typed disappears unannounced.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.ui.icons import icon
from advisoros_desktop.ui.settings_pages.filename_rules_page import FilenameRulesPage
from advisoros_desktop.ui.settings_pages.general_page import GeneralPage
from advisoros_desktop.ui.settings_pages.intake_page import IntakePage
from advisoros_desktop.ui.settings_pages.notifications_page import NotificationsPage
from advisoros_desktop.ui.settings_pages.page import SettingsPage
from advisoros_desktop.ui.settings_pages.review_page import ReviewPage
from advisoros_desktop.ui.settings_pages.shortcuts_page import ShortcutsPage
from advisoros_desktop.ui.settings_pages.sources import SettingsSources
from advisoros_desktop.ui.settings_pages.sync_page import SyncPage

__all__ = ["PAGES", "SettingsDialog", "SettingsSources"]

# In the order the list shows them.
PAGES: tuple[type[SettingsPage], ...] = (
    GeneralPage,
    SyncPage,
    IntakePage,
    FilenameRulesPage,
    ShortcutsPage,
    ReviewPage,
    NotificationsPage,
)


class SettingsDialog(QDialog):
    """The settings; ``bindings_saved`` tells the window to use new shortcuts at once."""

    bindings_saved = Signal(object)  # dict command id → tuple of keys

    def __init__(
        self, sources: SettingsSources, parent: QWidget | None = None, page: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self._confirm = sources.confirm
        self._closed = False
        self.pages: dict[str, SettingsPage] = {}

        self.page_list = QListWidget(self)
        self.page_list.setObjectName("settingsPages")
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.page_list.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget(self)
        for page_type in PAGES:
            built = page_type(sources, self.stack)
            self.pages[built.page_id] = built
            self.stack.addWidget(built)
            item = QListWidgetItem(icon(built.icon_name), built.title)
            item.setData(Qt.ItemDataRole.UserRole, built.page_id)
            self.page_list.addItem(item)
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 36)
        self.page_list.currentRowChanged.connect(self._row_changed)
        shortcuts = self.pages[ShortcutsPage.page_id]
        assert isinstance(shortcuts, ShortcutsPage)
        shortcuts.bindings_saved.connect(self.bindings_saved)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        # Enter in a field finishes that field; it must not close the dialog too.
        close.setAutoDefault(False)
        close.setDefault(False)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.page_list)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 680)
        self.setMinimumSize(840, 600)  # the filename rules page needs this much

        self.show_page(page or GeneralPage.page_id, focus=page is not None)
        if page is None:
            self.page_list.setFocus()

    # -- pages -----------------------------------------------------------------------
    def page(self, page_id: str) -> SettingsPage:
        return self.pages[page_id]

    def current_page(self) -> SettingsPage:
        widget = self.stack.currentWidget()
        assert isinstance(widget, SettingsPage)
        return widget

    def show_page(self, page_id: str, *, focus: bool = True) -> None:
        """Show ``page_id`` (``general``, ``sync``, ``intake``, ``filename_rules``,
        ``shortcuts``, ``review``, ``notifications``); focus its first field."""
        if page_id not in self.pages:
            raise KeyError(f"no settings page {page_id!r}; there are {', '.join(self.pages)}")
        self.page_list.setCurrentRow(list(self.pages).index(page_id))
        if focus:
            field = self.pages[page_id].first_field()
            (field or self.page_list).setFocus()

    def _row_changed(self, row: int) -> None:
        previous = self.stack.currentWidget()
        if isinstance(previous, SettingsPage):
            previous.commit()
        self.stack.setCurrentIndex(row)

    # -- closing ---------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Store what is complete; ask before leaving a refused value behind."""
        for page in self.pages.values():
            page.commit()
        for page_id, page in self.pages.items():
            problem = page.unsaved_problem()
            if problem is None:
                continue
            self.show_page(page_id, focus=False)
            page.show_problem()
            question = problem + "\n\n" + self.tr("Close the settings without it?")
            if not self._confirm(
                self, self.tr("Settings Not Saved"), question, self.tr("Close without it")
            ):
                page.show_problem()
                return
        if not self._closed:
            self._closed = True
            for page in self.pages.values():
                page.close_page()
        super().done(result)
