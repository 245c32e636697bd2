"""Spanish is complete: in the catalogues, in every view and dialog, and in the formats.

The catalogues: every Spanish text is finished, English covers the same texts,
and both list exactly what the code marks today (a text added without a
translation fails here). Then the main window runs in Spanish on a real cache
synced from the demo firm, with intake attached, a conflict waiting and a
document open for review; each view, the menus, the toolbar, the status bar,
the palette and the main dialogs are shown in turn, and every text a person
can see or hear (titles, labels, buttons, menu entries, headers, placeholders,
tooltips, accessible names) is collected. A text that is still English fails
the test, listed with where it was seen: either it is the English source of a
translated text, or it holds a word only the English catalogue uses. Data
(names, file names) and the few words both languages share are let through.
Keyboard accelerators must stay unique within a dialog and in the menu bar.
Last, amounts, numbers and dates are written the Spanish or the English way.
"""

from __future__ import annotations

import asyncio
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabBar,
    QTableView,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.domain.entities import ENTITIES, FieldKind, FieldSpec
from advisoros_desktop.intake import ignore_rules
from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.local_workspace import LocalWorkspace
from advisoros_desktop.sync import upload_refusals
from advisoros_desktop.ui import bulk_actions
from advisoros_desktop.ui.add_files_dialog import AddFilesDialog
from advisoros_desktop.ui.cheat_sheet import CheatSheetDialog
from advisoros_desktop.ui.client_picker import ClientPicker
from advisoros_desktop.ui.drop_survey import Survey
from advisoros_desktop.ui.eliding_label import ElidingLabel
from advisoros_desktop.ui.field_editors import date_placeholder
from advisoros_desktop.ui.field_format import display_text, english_choice_label
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.language import (
    LANGUAGE_KEY,
    install_translators,
    locale_for,
    remove_translators,
)
from advisoros_desktop.ui.main_window import MainWindow
from advisoros_desktop.ui.outbox_dialog import OutboxDialog
from advisoros_desktop.ui.reason_texts import reason_text
from advisoros_desktop.ui.shortcut_settings import ShortcutSettingsDialog
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.upload_queue_texts import size_text
from advisoros_desktop.ui.watched_folders_dialog import WatchedFoldersDialog
from advisoros_desktop.ui.window_commands import VIEWS, register_window_commands
from tests.ui.desktop_fixture import Desktop, close_desktop, open_desktop
from tests.ui.test_language import compile_catalogues
from tests.ui.window_intake_fixture import intake_fixture
from tests.ui.window_tour import inspect_modal, make_conflict, shown

__all__ = ["intake_fixture"]  # fixtures

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
SCRIPT = ROOT / "scripts" / "update_translations.py"

# Written the same in both languages: form names, abbreviations, the product, units.
SHARED_WORDS = frozenset(
    {
        "ocr",
        "pdf",
        "llc",
        "cpa",
        "ein",
        "ssn",
        "irs",
        "zip",
        "excel",
        "advisoros",
        "general",
        "web",
        "ok",
        "no",
        "kb",
        "mb",
        "gb",
        "tb",
        "h",
        "min",
        "s",
        "esc",
        "tab",
        "ctrl",
        "alt",
        "shift",
        "re",
    }
)
# Texts made of data or of the product's name, whoever shows them.
SHARED_TEXTS = frozenset({"AdvisorOS Desktop", "AdvisorOS", "Test"})
# Widgets that show data (file names, extracted fields' printed labels, records found).
DATA_WIDGETS = ("reviewTitle", "reviewPreview", "addFilesSources", "paletteResults")
# Lists short enough to be choices (the views, the settings pages, the history).
SHORT_LIST = 20


# -- the catalogues -------------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str | None
    translation: str
    finished: bool


def read_catalogue(path: Path) -> dict[tuple[str, str, str | None], Message]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            translation = message.find("translation")
            assert translation is not None, (name, source)
            kind = translation.get("type")
            text = translation.text or ""
            messages[(name, source, comment)] = Message(
                name, source, comment, text, bool(text.strip()) and kind is None
            )
    return messages


SPANISH = read_catalogue(I18N / "advisoros_es.ts")
ENGLISH = read_catalogue(I18N / "advisoros_en.ts")
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}|%\d")


def test_every_spanish_text_is_finished_and_english_covers_the_same() -> None:
    unfinished = [f"[{m.context}] {m.source}" for m in SPANISH.values() if not m.finished]
    assert not unfinished, "Spanish texts not translated yet:\n" + "\n".join(unfinished)
    assert set(ENGLISH) == set(SPANISH)
    assert all(m.finished and m.translation == m.source for m in ENGLISH.values())


def test_spanish_keeps_every_placeholder_and_accelerator() -> None:
    wrong = [
        f"[{m.context}] {m.source!r} → {m.translation!r}"
        for m in SPANISH.values()
        if sorted(_PLACEHOLDER.findall(m.source)) != sorted(_PLACEHOLDER.findall(m.translation))
        or m.source.count("&") != m.translation.count("&")
        or m.source.startswith(" ") != m.translation.startswith(" ")
    ]
    assert not wrong, "placeholders or accelerators lost:\n" + "\n".join(wrong)


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogues_list_exactly_what_the_code_marks(tmp_path: Path) -> None:
    """Fails when a text was added or changed in the code without its translation
    (``make update-translations``, then translate what it lists)."""
    script = _update_script()
    declared = tmp_path / "declared_texts.py"
    declared.write_text(script.markers(), encoding="utf-8")
    fresh = tmp_path / "advisoros_es.ts"
    script.lupdate([*script.source_files(), declared], fresh, "es")
    marked = set(read_catalogue(fresh))
    new = sorted(f"[{c}] {s}" for c, s, _comment in marked - set(SPANISH))
    gone = sorted(f"[{c}] {s}" for c, s, _comment in set(SPANISH) - marked)
    assert not new, "marked in the code but missing from i18n/:\n" + "\n".join(new)
    assert not gone, "in i18n/ but no longer in the code:\n" + "\n".join(gone)


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_catalogues(tmp_path_factory.mktemp("i18n"))


@pytest.fixture
def spanish(qapp: QApplication, catalogues: Path, tmp_path: Path) -> Iterator[None]:
    """Spanish installed the way the program installs it, on a US computer."""
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "es")
    assert install_translators(qapp, settings, catalogues) == "es"
    QLocale.setDefault(locale_for("es", QLocale("en_US")))
    yield
    remove_translators(qapp)


@pytest.mark.usefixtures("spanish")
def test_every_command_field_and_choice_reads_in_spanish() -> None:
    registry = register_window_commands(CommandRegistry())
    texts = [("Commands", c.title) for c in registry]
    texts += [("Commands", c.category) for c in registry]
    texts += [("Fields", f.label) for e in ENTITIES.values() for f in e.fields]
    texts += [
        ("Choices", english_choice_label(code))
        for e in ENTITIES.values()
        for f in e.fields
        for code in f.choices
    ]
    english = sorted(
        f"[{context}] {text}"
        for context, text in set(texts)
        if QCoreApplication.translate(context, text) == text and not _shared(text)
    )
    assert not english, "still in English:\n" + "\n".join(english)


@pytest.mark.usefixtures("spanish")
def test_the_lower_layers_reasons_are_said_in_spanish() -> None:
    reasons = {why for _pattern, why in ignore_rules._PATTERNS} | {"a hidden file"}
    reasons |= {
        upload_refusals.FILE_GONE,
        upload_refusals.FILE_CHANGED,
        upload_refusals.WAITING_FOR_SERVER,
        upload_refusals.WAITING_FOR_SIGN_IN,
        upload_refusals.NEEDS_CLIENT,
    }
    english = sorted(reason for reason in reasons if reason_text(reason) == reason)
    assert not english, "reasons not translated:\n" + "\n".join(english)
    assert reason_text("folder 'Smyth J' matches no client") == (
        "la carpeta 'Smyth J' no coincide con ningún cliente"
    )
    assert reason_text("Cannot reach the AdvisorOS server at http://x: connection refused") == (
        "No se puede conectar con el servidor de AdvisorOS en http://x: conexión rechazada"
    )
    assert reason_text("The server said no.") == "The server said no."  # unknown: as it came


# -- the window in Spanish ----------------------------------------------------------------------
def _words(text: str) -> set[str]:
    """The words of ``text``, lower-cased; those with a digit (W-2, 1099-NEC) are names."""
    found = re.findall(r"[\wÁÉÍÓÚÜÑáéíóúüñ][\w'’-]*", text)
    return {w.lower() for w in found if not any(ch.isdigit() for ch in w)}


def _english_only_words() -> frozenset[str]:
    """Words the English texts use that no Spanish text does (nor data commonly holds)."""
    english: set[str] = set()
    spanish: set[str] = set()
    for message in SPANISH.values():
        english |= _words(_PLACEHOLDER.sub(" ", message.source))
        spanish |= _words(_PLACEHOLDER.sub(" ", message.translation))
    return frozenset(english - spanish - SHARED_WORDS)


ENGLISH_ONLY = _english_only_words()
# The English sources whose Spanish differs, without their accelerators.
TRANSLATED_SOURCES = frozenset(
    m.source.replace("&", "") for m in SPANISH.values() if m.translation != m.source
)


def _shared(text: str) -> bool:
    return text in SHARED_TEXTS or _words(text) <= SHARED_WORDS


def still_english(text: str) -> bool:
    """A text that is an English source, or that uses a word only English texts use."""
    plain = text.replace("&", "").strip()
    if not plain or _shared(plain):
        return False
    return plain in TRANSLATED_SOURCES or bool(_words(plain) & ENGLISH_ONLY)


@dataclass
class Findings:
    english: dict[str, str] = field(default_factory=dict)  # text -> where it was seen
    accelerators: dict[str, str] = field(default_factory=dict)  # clash -> where

    def look(self, where: str, top: QWidget) -> None:
        QApplication.processEvents()
        for text in visible_texts(top):
            if still_english(text):
                self.english.setdefault(text, where)
        for clash in accelerator_clashes(top):
            self.accelerators.setdefault(clash, where)

    def report(self) -> str:
        lines = [f"  {text!r}   (in {where})" for text, where in self.english.items()]
        lines += [f"  accelerator {c}   (in {w})" for c, w in self.accelerators.items()]
        return "\n".join(lines)


def _shows_data(widget: QWidget) -> bool:
    """Selectable labels (a record's values, a reason to copy), elided paths, and the
    widgets of ``DATA_WIDGETS`` or of one extracted field show data, not the program's words."""
    if isinstance(widget, ElidingLabel):
        return True
    if isinstance(widget, QLabel) and (
        widget.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    ):
        return True
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        if name in DATA_WIDGETS or name.startswith("reviewField_"):
            return True
        current = current.parentWidget()
    return False


def _spoken(widget: QWidget) -> list[str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return []
    return [interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)]


def visible_texts(top: QWidget) -> list[str]:
    """Every text shown or spoken by the visible widgets under ``top``, and its actions'."""
    texts = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or _shows_data(widget):
            continue
        texts += [widget.toolTip(), *_spoken(widget)]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox | QDockWidget):
            texts.append(widget.title() if isinstance(widget, QGroupBox) else widget.windowTitle())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [widget.itemText(i) for i in range(min(widget.count(), 40))]
        elif isinstance(widget, QTableView):
            model, header = widget.model(), widget.horizontalHeader()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(header.count())
                if not header.isSectionHidden(c)
            ]
        elif isinstance(widget, QListWidget) and widget.count() <= SHORT_LIST:
            texts += [widget.item(row).text() for row in range(widget.count())]
        elif isinstance(widget, QListView) and widget.model() is not None:
            model = widget.model()
            rows = model.rowCount(QModelIndex())
            if rows <= SHORT_LIST:
                texts += [str(model.index(r, 0).data() or "") for r in range(rows)]
        elif isinstance(widget, QToolBar):
            texts += [a.toolTip() for a in widget.actions()]
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            texts.append(menu_action.text())
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                texts += [a.text() for a in menu.actions()] + [a.toolTip() for a in menu.actions()]
    return [t for t in texts if t]


def _accelerator(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def accelerator_clashes(top: QWidget) -> list[str]:
    """Accelerators used twice among the visible controls of a dialog, or in the menu bar."""
    seen: dict[str, list[str]] = {}
    if isinstance(top, QMainWindow):
        titles = [a.text() for a in top.menuBar().actions()]
    else:
        titles = [
            w.text()
            for w in top.findChildren(QAbstractButton) + top.findChildren(QLabel)
            if w.isVisible()
        ]
        titles += [
            tabs.tabText(i)
            for tabs in top.findChildren(QTabBar)
            if tabs.isVisible()
            for i in range(tabs.count())
        ]
    for title in titles:
        key = _accelerator(title)
        if key is not None:
            seen.setdefault(key, []).append(title)
    return [f"{key}: {' / '.join(ts)}" for key, ts in seen.items() if len(ts) > 1]


@pytest.fixture
def desktop(
    qtbot: QtBot, demo_workspace: LocalWorkspace, tmp_path: Path, spanish: None
) -> Iterator[Desktop]:
    """The UI tests' desktop, built once Spanish is installed (the window says its texts once)."""
    opened = open_desktop(qtbot, demo_workspace, tmp_path)
    asyncio.set_event_loop(opened.loop)  # the review fetches its page on the current loop
    yield opened
    # The review's reads still under way end here rather than with the loop.
    pending = asyncio.all_tasks(opened.loop)
    for task in pending:
        task.cancel()
    opened.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    asyncio.set_event_loop(None)
    close_desktop(opened)


def _look_at_window(qtbot: QtBot, desktop: Desktop, findings: Findings) -> None:
    window: MainWindow = desktop.window
    window.details_dock.show()
    window.history_dock.show()
    for view, _title, _key in VIEWS:
        window.show_view(view)
        if view in window.record_views:
            window.record_views[view].table.go_to_row(0)  # the details of a record too
        window.sync_status.flush()
        findings.look(f"the {view} view", window)
    window.show_view("review")
    window.open_current()
    assert window.review.showing_document
    findings.look("the review of a document", window)
    window.review.show_list()
    window.show_view("clients")
    window.open_palette()
    qtbot.waitUntil(window.palette.isVisible)
    findings.look("the command palette", window)
    palette = window.palette.results.model()
    rows = palette.rowCount(QModelIndex())
    commands = [palette.index(row, 0).data() for row in range(rows)]
    for title in commands:
        if still_english(title):
            findings.english.setdefault(title, "the command palette's list")
    qtbot.keyClick(window.palette.input, Qt.Key.Key_Escape)


def _look_at_dialogs(qtbot: QtBot, desktop: Desktop, findings: Findings, folder: Path) -> None:
    window = desktop.window
    context = window.context
    findings.look(
        "the cheat sheet", shown(qtbot, CheatSheetDialog(context.registry, window.bindings))
    )
    findings.look(
        "the shortcut settings",
        shown(qtbot, ShortcutSettingsDialog(context.registry, context.settings)),
    )
    findings.look("the outbox", shown(qtbot, OutboxDialog(desktop.store)))
    clients = [
        ClientName(str(r["id"]), str(r["businessName"]), ()) for r in desktop.store.all("client")
    ]
    survey = Survey([folder], clients, files=3, total_bytes=12_345, ignored=1, unrouted=3)
    survey.ignored_reason = "a temporary file"
    findings.look(
        "the add-files dialog",
        shown(
            qtbot,
            AddFilesDialog(
                survey,
                clients[0],
                client_note=QCoreApplication.translate("WindowIntake", "The client in view."),
            ),
        ),
    )
    findings.look("the client picker", shown(qtbot, ClientPicker(clients)))
    scans = folder / "Scans"
    scans.mkdir()
    settings = IntakeSettings(QSettings(str(folder / "watch.ini"), QSettings.Format.IniFormat))
    settings.set_folders([WatchedFolder(scans, client_id=clients[0].client_id)])
    watched = WatchedFoldersDialog(settings, {}, clients=clients, data_dir=folder / "data")
    shown(qtbot, watched)
    watched.table.selectRow(0)
    tabs = watched.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        findings.look(f"the watched folders (tab {index})", watched)
    window.open_settings()
    qtbot.waitUntil(lambda: _open_dialog(window, "settingsDialog") is not None)
    settings_dialog = _open_dialog(window, "settingsDialog")
    assert settings_dialog is not None
    pages = settings_dialog.findChild(QListWidget, "settingsPages")
    assert pages is not None
    for row in range(pages.count()):
        pages.setCurrentRow(row)
        findings.look(f"the settings ({pages.item(row).text()})", settings_dialog)
    settings_dialog.reject()
    window.show_view("documents")
    inspect_modal(
        lambda dialog: findings.look("the bulk category", dialog),
        "the bulk category",
        lambda: bulk_actions.ask_value(window, "document", "category", []),
    )


def _open_dialog(window: QWidget, name: str) -> QDialog | None:
    found = window.findChild(QDialog, name)
    return found if found is not None and found.isVisible() else None


def test_the_window_views_and_dialogs_speak_spanish(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController, tmp_path: Path
) -> None:
    desktop.window.attach_sync(SyncController(desktop.account, desktop.window))
    make_conflict(desktop)
    findings = Findings()
    _look_at_window(qtbot, desktop, findings)
    _look_at_dialogs(qtbot, desktop, findings, tmp_path)
    assert not findings.english and not findings.accelerators, (
        f"{len(findings.english)} texts still in English, "
        f"{len(findings.accelerators)} accelerators used twice:\n{findings.report()}"
    )


# -- amounts, numbers and dates -------------------------------------------------------------------
def _spec(kind: FieldKind) -> FieldSpec:
    return FieldSpec("f", kind, "Field")


@pytest.mark.parametrize(
    ("locale", "money", "number", "date", "placeholder", "size"),
    [
        ("en_US", "1,250,000.50", "1,048,576", "4/15/2025", "M/D/YYYY", "34.2 MB"),
        ("es_US", "1,250,000.50", "1,048,576", "15/4/2025", "D/M/AAAA", "34.2 MB"),
        ("es_ES", "1.250.000,50", "1.048.576", "15/4/2025", "D/M/AAAA", "34,2 MB"),
    ],
)
@pytest.mark.usefixtures("spanish")
def test_amounts_numbers_and_dates_follow_the_locale(
    locale: str, money: str, number: str, date: str, placeholder: str, size: str
) -> None:
    shown = QLocale(locale)
    QLocale.setDefault(shown)
    assert display_text(_spec(FieldKind.MONEY), "1250000.5", shown) == money  # never "€"
    assert display_text(_spec(FieldKind.INTEGER), 1048576, shown) == number
    assert display_text(_spec(FieldKind.DATE), "2025-04-15", shown) == date
    assert display_text(_spec(FieldKind.YEAR), 2025, shown) == "2025"
    assert size_text(34_200_000) == size
    if locale.startswith("es"):
        assert date_placeholder(shown) == placeholder
        assert display_text(_spec(FieldKind.CHOICE), "in_progress", shown) == "En curso"
        assert display_text(_spec(FieldKind.JSON), {"a": 1, "b": 2}, shown) == "2 campos"


def test_without_a_locale_the_text_stays_portable() -> None:
    """What the copy for Excel writes: ISO dates, amounts as stored."""
    assert display_text(_spec(FieldKind.DATE), "2025-04-15") == "2025-04-15"
    assert display_text(_spec(FieldKind.MONEY), "1250.5") == "1,250.50"
