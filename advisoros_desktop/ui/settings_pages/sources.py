"""Everything the settings pages read and change, handed in by the window that opens them.

The pages look nothing up globally: a test builds its sources with a
temporary settings file, a real account on an embedded server, and a
``schedule`` that runs the coroutine on the test's own loop. The parts that
exist only once the workspace is connected (sync, intake) may be None; the
pages then say what becomes possible once it is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.confirmation import Confirm, ask_to_confirm
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.sync_controller import SyncController

log = logging.getLogger(__name__)

Schedule = Callable[[Coroutine[Any, Any, None]], object]


def schedule_on_loop(coroutine: Coroutine[Any, Any, None]) -> object:
    """Run ``coroutine`` on the GUI thread's asyncio loop (qasync's, in the program)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        try:
            loop = asyncio.get_event_loop()  # set as the thread's loop, turned by Qt
        except RuntimeError:
            coroutine.close()
            log.warning("no asyncio loop to talk to the server on; nothing was sent")
            return None
    return loop.create_task(coroutine)


def open_in_file_manager(folder: Path) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        log.warning("the file manager could not open %s", folder)


@dataclass
class SettingsSources:
    settings: QSettings
    data_dir: Path
    registry: CommandRegistry
    store: LocalStore | None = None  # the account's cache: the firm's settings as last heard
    sync: SyncController | None = None  # once the workspace is connected
    intake: IntakeController | None = None  # once intake has started
    schedule: Schedule = schedule_on_loop
    confirm: Confirm = ask_to_confirm
    open_folder: Callable[[Path], None] = open_in_file_manager
