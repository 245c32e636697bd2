"""The objects the whole desktop shares, built once in ``app.py`` and passed in.

No module looks these up globally: a test builds its own context with a
temporary settings file and a fresh undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.window_commands import register_window_commands


@dataclass
class AppContext:
    data_dir: Path
    settings: QSettings
    registry: CommandRegistry
    undo_stack: QUndoStack
    sync: SyncController | None = None


def build_context(data_dir: Path, settings: QSettings | None = None) -> AppContext:
    """A context whose settings live in the data folder (so ``--data-dir`` is self-contained)."""
    if settings is None:
        settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(
        data_dir=data_dir,
        settings=settings,
        registry=register_window_commands(CommandRegistry()),
        undo_stack=QUndoStack(),
    )
