"""Help → Export diagnostics… from a real main window: the zip lands where asked, redacted."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from advisoros_desktop.diagnostics.log_files import LOG_NAME
from advisoros_desktop.ui.diagnostics_export_action import (
    DiagnosticsExport,
    diagnostics_export_for,
)
from advisoros_desktop.ui.window_commands import MENUS
from tests.ui.desktop_fixture import Desktop

COMMAND = "help.export_diagnostics"
SSN = "123-45-6789"
TOKEN = "at_Zk3vQ9mWb1x-Yp0_rTn8sLc2Hd7gFa4jKe6uVo5iNqM"
SETTINGS_TOKEN = "opaque-settings-token-42"


class _Chooser:
    """Stands in for the save dialog: answers with a fixed path and remembers the question."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.suggested: list[Path] = []

    def __call__(self, _parent: object, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.answer


def _exporter(desktop: Desktop, chooser: _Chooser) -> DiagnosticsExport:
    return DiagnosticsExport(
        desktop.window, choose_target=chooser, clock=lambda: datetime(2024, 1, 31, 9, 45)
    )


def test_the_command_is_in_the_help_menu(desktop: Desktop) -> None:
    assert COMMAND in dict(MENUS)["&Help"]
    command = desktop.window.context.registry.get(COMMAND)
    assert command.title == "Export diagnostics…" and command.category == "Help"
    assert command.shortcuts == ()
    help_menu = next(
        action.menu() for action in desktop.window.menuBar().actions() if action.text() == "&Help"
    )
    assert desktop.window.actions.action(COMMAND) in help_menu.actions()


def test_exports_a_redacted_zip_to_the_chosen_path(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    window = desktop.window
    logs = window.context.data_dir / "logs"
    logs.mkdir(exist_ok=True)
    (logs / LOG_NAME).write_text(
        f"2024-01-31 09:00:00,000 INFO sync: client SSN {SSN}, Bearer {TOKEN}\n"
    )
    window.context.settings.setValue("account/token", SETTINGS_TOKEN)  # not yet on disk
    target = tmp_path / "exports" / "support.zip"
    target.parent.mkdir()
    chooser = _Chooser(target)
    exporter = _exporter(desktop, chooser)
    assert diagnostics_export_for(window) is exporter  # the command will use this one

    with qtbot.waitSignal(exporter.saved, timeout=20_000) as saved:
        window.actions.action(COMMAND).trigger()
        assert exporter.running  # the zip is written off the GUI thread

    assert saved.args == [target]
    assert chooser.suggested[0].name == "advisoros-diagnostics-20240131-0945.zip"
    assert window.status_message.text() == f"Diagnostics saved to {target}"
    with zipfile.ZipFile(target) as archive:
        files = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert {"README.txt", "versions.txt", "settings.ini", f"logs/{LOG_NAME}"} <= set(files)
    everything = "\n".join(files.values())
    assert SSN not in everything and TOKEN not in everything
    assert SETTINGS_TOKEN not in everything
    assert "client SSN [SSN], Bearer [TOKEN]" in files[f"logs/{LOG_NAME}"]
    assert "token=[TOKEN]" in files["settings.ini"]
    assert "PySide6 " in files["versions.txt"] and ", Qt 6." in files["versions.txt"]
    assert [path.name for path in target.parent.iterdir()] == ["support.zip"]


def test_cancelling_the_dialog_does_nothing(qtbot: QtBot, desktop: Desktop) -> None:
    chooser = _Chooser(None)
    exporter = _exporter(desktop, chooser)
    desktop.window.actions.action(COMMAND).trigger()
    assert chooser.suggested and not exporter.running
    assert "Diagnostics" not in desktop.window.status_message.text()


def test_a_failure_is_explained(qtbot: QtBot, desktop: Desktop, tmp_path: Path) -> None:
    exporter = _exporter(desktop, _Chooser(tmp_path / "gone" / "support.zip"))
    with qtbot.waitSignal(exporter.failed, timeout=20_000) as failed:
        desktop.window.actions.action(COMMAND).trigger()
    assert "does not exist" in failed.args[0]
    box = exporter.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "could not be saved" in box.text() and str(tmp_path / "gone") in box.text()
    assert desktop.window.status_message.text() == "Diagnostics not saved."
    box.accept()
    assert not exporter.running
