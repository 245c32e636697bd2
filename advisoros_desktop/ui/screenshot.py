"""``--screenshot FILE --view NAME``: render the main window once its data is in, then exit.

Used for the README's pictures and to look at a view without a screen. Two
views are staged the way a person would see them in use: ``palette`` opens
the command palette over the clients with a name typed, and ``intake`` first
adds a few invoices for three clients, so the queue is not empty.
"""

from __future__ import annotations

import asyncio
import logging
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisoros_desktop.desktop_startup import DesktopStartup
    from advisoros_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FIRST_SYNC_TIMEOUT = 120.0
PALETTE_QUERY = "harper"
INTAKE_FILES_PER_CLIENT = 3
INTAKE_TIMEOUT = 60.0


async def wait_for_first_sync(startup: DesktopStartup, timeout: float = FIRST_SYNC_TIMEOUT) -> None:
    await startup.ready
    controller = startup.controller
    assert controller is not None
    done = asyncio.get_running_loop().create_future()

    def reported(_report: object) -> None:
        if not done.done():
            done.set_result(None)

    controller.report_ready.connect(reported)
    if controller.scheduler.last_report is None:
        await asyncio.wait_for(done, timeout)
    # Pages stored on the worker thread may still have notices on their way here.
    await settle(0.3)
    if startup.window is not None:
        startup.window.notices.flush()


async def settle(seconds: float = 0.4) -> None:
    """Let notices, layouts and paints happen before looking at the window."""
    # Only sleeping: the loop (qasync) delivers Qt's events meanwhile. Pumping them
    # here, inside this task, would step other tasks from within it, which asyncio refuses.
    await asyncio.sleep(seconds)


async def _page_drawn(window: MainWindow, limit_seconds: float = 40.0) -> None:
    """The review's page is fetched and drawn off the GUI thread: wait for it (or give up)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit_seconds
    view = window.review_view
    while view is not None and view.preview.page_count == 0 and loop.time() < end:
        await settle(0.2)
    await settle()


async def take_screenshot(startup: DesktopStartup, path: Path, view: str) -> int:
    try:
        await wait_for_first_sync(startup)
    except (RuntimeError, TimeoutError) as err:
        log.error("no data to show: %s", err)
        return 1
    window = startup.window
    assert window is not None
    opening = view == "review-document"
    if view == "intake":
        with tempfile.TemporaryDirectory(prefix="advisoros-screenshot-") as folder:
            await _fill_intake(startup, Path(folder))
    window.show_view({"review-document": "review", "palette": "clients"}.get(view, view))
    await settle()
    window.notices.flush()
    await settle()
    if opening:
        window.open_current()
        await _page_drawn(window)
    if view == "palette":
        window.open_palette()
        window.palette.input.setText(PALETTE_QUERY)
        await settle()
    if not window.grab().save(str(path)):
        log.error("could not write %s", path)
        return 1
    log.info("saved %s", path)
    window.close()
    return 0


async def _fill_intake(startup: DesktopStartup, folder: Path) -> None:
    """Add a few demo invoices for three clients and wait until they are sent."""
    from advisoros_desktop.intake.intake_engine import IntakeTarget
    from advisoros_desktop.server.demo.documents import invoice_pdf

    intake = startup.intake
    if intake is None:
        return
    rng = random.Random(7)
    clients = intake.clients.names()[:3]
    for client in clients:
        paths = []
        for number in range(INTAKE_FILES_PER_CLIENT):
            document = invoice_pdf(rng, f"Vendor {number + 1}", client.name)
            path = folder / client.client_id / document.file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(document.content)
            paths.append(path)
        intake.add_files(paths, IntakeTarget(client_id=client.client_id), source="drag_drop")
    loop = asyncio.get_running_loop()
    end = loop.time() + INTAKE_TIMEOUT
    while loop.time() < end:
        await settle(0.5)
        totals = intake.totals.latest
        if totals is not None and not intake.uploads_under_way and sum(totals.files.values()):
            break
