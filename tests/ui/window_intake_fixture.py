"""Intake running in a real main window on the real demo server, and how tests drop files.

The ``intake`` fixture starts an ``IntakeController`` on the desktop fixture's
account and attaches it to the window, as ``desktop_startup`` does. The
desktop fixture's asyncio loop is not qasync's: it runs only while a test
drives it, so ``run_until`` turns it (and Qt's events) until a condition holds.

Drops are delivered the way the platform delivers them: to the window's
QWindow at a position, so Qt itself picks the widget under it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from tests.ui.desktop_fixture import Desktop

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def make_pdf(path: Path, title: str = "") -> Path:
    """A small valid PDF whose bytes are its own (a unique title), so it is never a duplicate."""
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.add_metadata({"/Title": f"{title or path.stem} {new_id()}"})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        writer.write(out)
    return path


def make_pdfs(folder: Path, names: Sequence[str]) -> list[Path]:
    return [make_pdf(folder / name) for name in names]


def run_until(
    desktop: Desktop, condition: Callable[[], bool], timeout: float = 30.0, what: str = ""
) -> None:
    """Turn the asyncio loop and Qt's events until ``condition()`` holds."""

    async def wait() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            QApplication.processEvents()
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
            await asyncio.sleep(0.02)

    desktop.loop.run_until_complete(wait())


# Drag events only point at their data: it must outlive them (the last drag's is kept here).
_held: list[QMimeData] = []


def _mime(paths: Sequence[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _held[:] = [*_held[-2:], mime]
    return mime


def drag_over(widget: QWidget, paths: Sequence[Path]) -> QDragEnterEvent:
    """A drag of ``paths`` entering the window over ``widget``; the event, to check it."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    handle = window.windowHandle()
    mime = _mime(paths)
    enter = QDragEnterEvent(
        point, ACTIONS, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(handle, enter)
    move = QDragMoveEvent(
        point, ACTIONS, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(handle, move)
    return enter


def drop_on(widget: QWidget, paths: Sequence[Path]) -> QDropEvent:
    """Drag ``paths`` over ``widget`` and drop them there; the drop event, to check it."""
    drag_over(widget, paths)
    window = widget.window()
    point = QPointF(widget.mapTo(window, widget.rect().center()))
    drop = QDropEvent(
        point, ACTIONS, _held[-1], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window.windowHandle(), drop)
    return drop


@pytest.fixture(name="intake")
def intake_fixture(desktop: Desktop) -> Iterator[IntakeController]:
    window = desktop.window
    controller = IntakeController(
        desktop.account, IntakeSettings(window.context.settings), window.undo_stack, window
    )
    window.attach_intake(controller)
    desktop.loop.run_until_complete(controller.start())
    yield controller
    desktop.loop.run_until_complete(controller.stop())
