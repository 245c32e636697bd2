"""The intake half of the GUI-stall benchmark: a folder of 2,000 PDFs dropped on the real window.

``gui_stalls_client`` calls ``measure_intake`` once the window has synced the
firm, so the drop lands on a desktop as a person has it: the whole firm in
the cache, the sync scheduler running, the window refreshing from store
notices. It goes the way a person goes: the account's ``IntakeController``
is started and attached to the window as ``desktop_startup`` does it, the
client is opened from the Clients list (its Documents, where the files will
go), the folder is dragged over that list and dropped (the platform's drag
events, sent to the window, so Qt and the window's ``DropIntake`` do the
rest), and Enter confirms the add-files dialog, whose client is the one in
view.

The heartbeat runs from just before the drag until every job is finished
(uploaded), plus the window's catching up with the last notices. A drop whose
dialog never comes up (an error in the window) is made again, up to three
times, and the errors are returned for the report. Besides the
gaps, it returns how long the dialog took to show (the survey of the
folder), how long from Enter until every file had its queue row, and until
every file was on the server.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from advisoros_desktop.store.upload_queue import FINISHED
from advisoros_desktop.sync.account import Account
from benchmarks.gui_heartbeat import Heartbeat

# By name, as in gui_stalls_client: ``make typecheck`` stays out of ``ui/``.
IntakeController = importlib.import_module(
    "advisoros_desktop.ui.intake_controller"
).IntakeController
IntakeSettings = importlib.import_module("advisoros_desktop.ui.intake_settings").IntakeSettings

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
POLL_SECONDS = 0.02
# The uploads take a minute: counting the queue seldom leaves the CPU to them.
UPLOADED_POLL_SECONDS = 0.1
# After the last upload: the queue's throttled refresh and the store notices' batching.
TAIL_SECONDS = 0.5
# The survey of 2,000 files takes well under a second; a dialog that has not come
# up by then never will (an error in the flow shows in the desktop's log).
DIALOG_SECONDS = 30.0
DROP_ATTEMPTS = 3


def drop_on(widget: QWidget, paths: list[Path]) -> QMimeData:
    """Drag ``paths`` over ``widget`` and drop them, as the platform delivers a drop.

    The events go to the window's QWindow at the widget's centre, so Qt itself
    finds the widget under it. Returns the drag's data, which must outlive
    the events that point at it.
    """
    window = widget.window()
    handle = window.windowHandle()
    point = widget.mapTo(window, widget.rect().center())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(handle, QDragEnterEvent(point, ACTIONS, mime, buttons, keys))
    QApplication.sendEvent(handle, QDragMoveEvent(point, ACTIONS, mime, buttons, keys))
    QApplication.sendEvent(handle, QDropEvent(QPointF(point), ACTIONS, mime, buttons, keys))
    return mime


async def _until(
    condition: Callable[[], bool], give_up: float, what: str, within: float | None = None
) -> float:
    """Poll a cheap condition on the GUI thread itself (attributes of the window)."""
    if within is not None:
        give_up = min(give_up, time.perf_counter() + within)
    while not condition():
        if time.perf_counter() > give_up:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(POLL_SECONDS)
    return time.perf_counter()


async def _until_counted(
    condition: Callable[[], bool], give_up: float, what: str, every: float = POLL_SECONDS
) -> float:
    """Poll a queue count on a worker thread: the benchmark's reads stay off the GUI thread."""
    while not await asyncio.to_thread(condition):
        if time.perf_counter() > give_up:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(every)
    return time.perf_counter()


async def _drop_until_dialog(
    window: Any, folder: Path, give_up: float, failures: list[str]
) -> tuple[Heartbeat, float, float, QMimeData]:
    """Drop the folder until the add-files dialog comes up; the heartbeat runs from the drop.

    A dialog that fails to open leaves the window as it was, and a person would
    drop again; each failure is kept (with the error the desktop raised) for the
    report, and the measurement starts over with the next drop.
    """
    flow = window.intake_ui.flow
    for _attempt in range(DROP_ATTEMPTS):
        errors_before = len(_errors)
        heartbeat = Heartbeat()
        heartbeat.start()
        started = time.perf_counter()
        held = drop_on(window.record_views["documents"].table.viewport(), [folder])
        try:
            shown = await _until(
                lambda: flow.dialog is not None and flow.dialog.isVisible(),
                give_up,
                "the add-files dialog",
                DIALOG_SECONDS,
            )
        except SystemExit:
            heartbeat.stop()
            error = "; ".join(_errors[errors_before:]) or "no error raised"
            status = window.status_message.text()
            failures.append(f"{error} (the status bar said {status!r})")
            continue
        return heartbeat, started, shown, held
    raise SystemExit("the add-files dialog never came up: " + " | ".join(failures))


async def measure_intake(
    window: Any, account: Account, folder: Path, client_id: str, limit: float
) -> dict[str, Any]:
    """Drop ``folder`` on ``client_id``'s documents; the heartbeat's figures and the timings."""
    controller = IntakeController(
        account, IntakeSettings(window.context.settings), window.undo_stack, window
    )
    window.attach_intake(controller)
    await controller.start()
    _keep_errors()
    failures: list[str] = []
    try:
        window.show_view("clients")
        if not window.record_views["clients"].table.go_to_record(client_id):
            raise SystemExit(f"the client {client_id} is not in the Clients list")
        window.open_current()  # Enter on a client: its Documents
        await asyncio.sleep(TAIL_SECONDS)  # the scoped list settles; not measured
        expected = sum(1 for path in folder.iterdir() if path.is_file())
        flow = window.intake_ui.flow
        give_up = time.perf_counter() + limit
        heartbeat, started, shown, held = await _drop_until_dialog(
            window, folder, give_up, failures
        )
        dialog = flow.dialog
        if dialog.client is None or dialog.client.client_id != client_id:
            raise SystemExit("the add-files dialog did not offer the client in view")
        # A person presses Enter once the dialog has come up with the focus on its button.
        if not dialog.isActiveWindow():
            dialog.activateWindow()  # what the window manager does for a new dialog
            await _until(dialog.isActiveWindow, give_up, "the dialog to take the focus", 10.0)
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        confirmed = time.perf_counter()
        if flow.dialog is not None:
            raise SystemExit("Enter did not confirm the add-files dialog")
        queue = controller.queue
        queued = await _until_counted(lambda: queue.count() >= expected, give_up, "queueing")
        uploaded = await _until_counted(
            lambda: queue.count(FINISHED) >= expected,
            give_up,
            "the uploads",
            UPLOADED_POLL_SECONDS,
        )
        await asyncio.sleep(TAIL_SECONDS)
        heartbeat.stop()
        del held
        states = await asyncio.to_thread(lambda: queue.totals().files)
    finally:
        await controller.stop()
    return {
        "intake": heartbeat.figures(),
        "intakeFiles": expected,
        "intakeDialogSeconds": shown - started,
        "intakeQueuedSeconds": queued - confirmed,
        "intakeSeconds": uploaded - confirmed,
        "intakeStates": states,
        "intakeDialogFailures": failures,
    }


# Errors raised in the window's slots: Qt prints them and carries on, so a drop that
# went wrong shows only as a dialog that never comes; kept here to say why.
_errors: list[str] = []


def _keep_errors() -> None:
    previous = sys.excepthook

    def keep(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        where = traceback.extract_tb(trace)[-1] if trace is not None else None
        place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        _errors.append(f"{kind.__name__}: {error}{place}")
        previous(kind, error, trace)

    sys.excepthook = keep
