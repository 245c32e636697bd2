"""Every control a person can reach says what it is to a screen reader.

The main window runs on a real cache synced from the demo firm, with intake
attached, a conflict waiting and a document open for review; each view, dock
and dialog is shown in turn and every visible interactive widget is asked for
its accessible name the way assistive technology asks (``QAccessible``),
which also counts a button's text and a label's buddy. The failure lists each
nameless widget by class, object name and parents, so it can be found.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui import bulk_actions
from advisoros_desktop.ui.add_files_dialog import AddFilesDialog
from advisoros_desktop.ui.cheat_sheet import CheatSheetDialog
from advisoros_desktop.ui.client_picker import ClientPicker
from advisoros_desktop.ui.drop_survey import Survey
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.main_window import MainWindow
from advisoros_desktop.ui.outbox_dialog import OutboxDialog
from advisoros_desktop.ui.review_fields import FieldRow
from advisoros_desktop.ui.shortcut_settings import ShortcutSettingsDialog
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.watched_folders_dialog import WatchedFoldersDialog
from advisoros_desktop.ui.window_commands import VIEWS
from tests.ui.desktop_fixture import Desktop
from tests.ui.window_intake_fixture import intake_fixture
from tests.ui.window_tour import inspect_modal, make_conflict, shown

__all__ = ["intake_fixture"]  # fixtures

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QAbstractSpinBox,
    QSlider,
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
    QKeySequenceEdit,
    QGraphicsView,
)


def _is_part_of_another(widget: QWidget) -> bool:
    """Pieces a composite control speaks for: a spin box's or combo box's text field, a
    table's header (its cells are the columns' names) and its select-all corner (never
    focused; Ctrl+A does the same)."""
    if isinstance(widget, QHeaderView) or widget.objectName() == "qt_tableview_cornerbutton":
        return True
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(
        parent, QComboBox | QAbstractSpinBox | QKeySequenceEdit
    )


def describe(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        chain.append(type(current).__name__ + (f"#{name}" if name else ""))
        current = current.parentWidget()
    return " < ".join(chain)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    name = interface.text(QAccessible.Text.Name).strip()
    if isinstance(widget, QComboBox) and not widget.accessibleName():
        # Where a combo box's name is its current choice (Linux), a label comes as a
        # relation; without one the reader says "W-2, combo box" and not what it sets.
        labels = interface.relations(QAccessible.RelationFlag.Label)
        name = " ".join(other.text(QAccessible.Text.Name) for other, _rel in labels).strip()
    return name


def controls(top: QWidget) -> list[QWidget]:
    """The visible interactive widgets under ``top`` (``top`` too) that speak for themselves."""
    return [
        widget
        for widget in [top, *top.findChildren(QWidget)]
        if isinstance(widget, INTERACTIVE)
        and widget.isVisible()
        and not _is_part_of_another(widget)
    ]


class Findings:
    def __init__(self) -> None:
        self.missing: dict[str, str] = {}  # widget -> where it was seen first

    def check(self, where: str, top: QWidget) -> None:
        QApplication.processEvents()
        seen = controls(top)
        assert seen, f"nothing to check in {where}"
        for widget in seen:
            if not accessible_name(widget):
                self.missing.setdefault(describe(widget), where)

    def report(self) -> str:
        return "\n".join(f"  {widget}   (in {where})" for widget, where in self.missing.items())


@pytest.fixture
def current_loop(desktop: Desktop) -> Iterator[None]:
    """The window's page fetches are scheduled on the thread's loop: the desktop's here."""
    asyncio.set_event_loop(desktop.loop)
    yield
    asyncio.set_event_loop(None)


def _check_window(qtbot: QtBot, desktop: Desktop, findings: Findings) -> None:
    window: MainWindow = desktop.window
    window.details_dock.show()
    window.history_dock.show()
    for view, _title, _key in VIEWS:
        window.show_view(view)
        findings.check(f"the {view} view", window)
    window.show_view("review")
    window.open_current()
    view = window.review_view
    assert view is not None and window.review.showing_document
    findings.check("the review of a document", window)
    # A field is called by its label on the form, not by its key in the data.
    rows = view.fields.findChildren(FieldRow)
    assert rows
    for row in rows:
        assert row.editor.accessibleName() == row.label.text().removeprefix("⚑ ")
    window.review.show_list()
    window.show_view("clients")
    window.open_palette()
    qtbot.waitUntil(window.palette.isVisible)
    findings.check("the command palette", window)
    qtbot.keyClick(window.palette.input, Qt.Key.Key_Escape)


def _check_dialogs(qtbot: QtBot, desktop: Desktop, findings: Findings, folder: Path) -> None:
    window = desktop.window
    context = window.context
    findings.check(
        "the cheat sheet", shown(qtbot, CheatSheetDialog(context.registry, window.bindings))
    )
    findings.check(
        "the shortcut settings",
        shown(qtbot, ShortcutSettingsDialog(context.registry, context.settings)),
    )
    outbox = shown(qtbot, OutboxDialog(desktop.store))
    findings.check("the outbox", outbox)
    clients = [
        ClientName(str(r["id"]), str(r["businessName"]), ()) for r in desktop.store.all("client")
    ]
    survey = Survey([folder], clients, files=3, total_bytes=12_345, unrouted=3)
    add_files = shown(qtbot, AddFilesDialog(survey, clients[0], client_note="In view."))
    findings.check("the add-files dialog", add_files)
    findings.check("the client picker", shown(qtbot, ClientPicker(clients)))
    scans = folder / "Scans"
    scans.mkdir()
    settings = IntakeSettings(QSettings(str(folder / "watch.ini"), QSettings.Format.IniFormat))
    settings.set_folders([WatchedFolder(scans, client_id=clients[0].client_id)])
    watched = WatchedFoldersDialog(settings, {}, clients=clients, data_dir=folder / "data")
    shown(qtbot, watched)
    watched.table.selectRow(0)
    findings.check("the watched folders (folders)", watched)
    tabs = watched.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        findings.check(f"the watched folders (tab {tabs.tabText(index)!r})", watched)
    # The bulk changes ask for the value in Qt's input dialogs.
    window.show_view("documents")
    inspect_modal(
        lambda dialog: findings.check("the bulk status", dialog),
        "the bulk status",
        lambda: bulk_actions.ask_value(window, "document", "category", []),
    )
    inspect_modal(
        lambda dialog: findings.check("the bulk year", dialog),
        "the bulk year",
        lambda: bulk_actions.ask_value(window, "document", "year", []),
    )


@pytest.mark.usefixtures("current_loop")
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    desktop.window.attach_sync(SyncController(desktop.account, desktop.window))
    make_conflict(desktop)
    findings = Findings()
    _check_window(qtbot, desktop, findings)
    _check_dialogs(qtbot, desktop, findings, tmp_path)
    assert not findings.missing, (
        f"{len(findings.missing)} controls have no accessible name:\n{findings.report()}"
    )
