"""``--self-test``: a smoke test of a whole desktop, for packaged builds and CI.

On a temporary demo workspace it opens every view, runs a command from the
palette by typing, edits a cell, undoes and redoes the edit, syncs, and checks
the server has the edit. It prints one line and exits 0 only when all held.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.ui.screenshot import settle, wait_for_first_sync
from advisoros_desktop.ui.window_commands import VIEWS

if TYPE_CHECKING:
    from advisoros_desktop.desktop_startup import DesktopStartup

log = logging.getLogger(__name__)

EDITED_CITY = "Self-test City"


class SelfTestFailed(AssertionError):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


async def run_self_test(startup: DesktopStartup) -> int:
    started = time.perf_counter()
    try:
        summary = await _exercise(startup)
    except (SelfTestFailed, TimeoutError, RuntimeError) as err:
        print(f"self-test FAILED: {err or type(err).__name__}", flush=True)
        return 1
    seconds = time.perf_counter() - started
    print(f"self-test passed in {seconds:.1f} s: {summary}", flush=True)
    if startup.window is not None:
        startup.window.close()
    return 0


async def _exercise(startup: DesktopStartup) -> str:
    await wait_for_first_sync(startup)
    window, controller = startup.window, startup.controller
    assert window is not None and controller is not None
    store = window.store
    # Every view opens and shows something.
    for name, _title, _key in VIEWS:
        window.show_view(name)
        await settle(0.05)
        check(window.stack.currentWidget() is window.views[name], f"view {name} did not open")
        check(window.views[name].isVisible(), f"view {name} is not visible")
    clients = window.record_views["clients"]
    check(clients.model.rowCount() > 0, "the demo firm's clients did not arrive")
    # The palette runs a command typed into it.
    window.show_view("clients")
    window.open_palette()
    check(window.palette.isVisible(), "the command palette did not open")
    # Typed in the language the window speaks, as a person would.
    QTest.keyClicks(window.palette.input, QCoreApplication.translate("Commands", "Go to Tasks"))
    await settle(0.1)
    QTest.keyClick(window.palette.input, Qt.Key.Key_Return)
    await settle(0.1)
    check(window.current_view_name() == "tasks", "the palette did not run “Go to Tasks”")
    # An edit, undone and redone through the undo stack.
    window.show_view("clients")
    model = clients.model
    column = model.columns.index_of("city")
    record_id = model.record_id(0)
    check(record_id is not None, "no client to edit")
    assert record_id is not None
    before = (store.get("client", record_id) or {}).get("city")
    check(model.setData(model.index(0, column), EDITED_CITY), "the edit was refused")
    check(store.get("client", record_id)["city"] == EDITED_CITY, "the edit was not stored")  # type: ignore[index]
    window.undo()
    check(store.get("client", record_id)["city"] == before, "undo did not restore the value")  # type: ignore[index]
    window.redo()
    check(store.get("client", record_id)["city"] == EDITED_CITY, "redo did not apply the edit")  # type: ignore[index]
    # Sync it and read it back from the server.
    done = asyncio.get_running_loop().create_future()
    controller.report_ready.connect(lambda report: done.done() or done.set_result(report))
    controller.sync_now()
    report = await asyncio.wait_for(done, 60)
    check(store.pending_count() == 0, f"changes still waiting after sync ({report.summary()})")
    server = await server_record(controller.account.api, "client", record_id)
    check(server.get("city") == EDITED_CITY, "the server does not have the edit")
    return (
        f"{len(VIEWS)} views, palette ran “Go to Tasks”, edit/undo/redo, "
        f"synced ({report.summary()})"
    )


async def server_record(api: ApiClient, entity: str, record_id: str) -> dict[str, Any]:
    """The record as the server has it now, read from its change feed from the start."""
    found: dict[str, Any] = {}
    cursor: str | None = None
    while True:
        page = await api.changes(cursor, limit=1000)
        for item in page["items"]:
            if item.get("entity") == entity and item.get("id") == record_id:
                found = item.get("data") or {}
        cursor = page["cursor"]
        if not page["hasMore"]:
            return found
