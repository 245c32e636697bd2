"""The desktop's side of the GUI-stall benchmark: the real window syncing, with a heartbeat.

``gui_stalls`` starts this module once per run (``python -m
benchmarks.gui_stalls_client``) so each run starts from an empty cache in a
fresh process, as a laptop joining the firm would. It goes the way the
desktop starts (``desktop_startup.DesktopStartup.connect``): a
``QApplication`` (offscreen) with qasync's loop, ``open_account`` signing in
and opening the cache, the ``MainWindow`` shown on it, then a
``SyncController`` attached to the window and started, whose first cycle is
the initial sync.

A ``Heartbeat`` (``gui_heartbeat``) measures twice: first with the window
shown and idle for ``--idle-seconds`` (the reference), then from the moment
the scheduler starts until its first cycle is over and the window has
caught up with the last store notices. With ``--intake-folder``, the
window then takes a drop of that folder for ``--intake-client`` and the
heartbeat measures a third time, until every file is uploaded
(``gui_stalls_intake``). It prints one JSON object on standard output; the
password comes on standard input.
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.long_lived_heap import set_aside_long_lived_objects
from advisoros_desktop.sync.account import open_account
from benchmarks.gui_heartbeat import Heartbeat
from benchmarks.gui_stalls_intake import measure_intake

# The window's side is imported by name: ``make typecheck`` covers the Qt-free
# packages and ``benchmarks``, and a plain import would take it into ``ui/``.
build_context = importlib.import_module("advisoros_desktop.ui.app_context").build_context
MainWindow = importlib.import_module("advisoros_desktop.ui.main_window").MainWindow
SyncController = importlib.import_module("advisoros_desktop.ui.sync_controller").SyncController
window_title = importlib.import_module("advisoros_desktop.desktop_startup").window_title
prefer_gui_thread = importlib.import_module("advisoros_desktop.app").prefer_gui_thread
_collector = importlib.import_module("advisoros_desktop.ui.gui_thread_collector")

# After the store notices of the last page: their batching interval and the refresh.
TAIL_SECONDS = 0.5


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_stalls_client")
    parser.add_argument("--server", required=True, help="the API root, .../api/v1")
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True, help="an empty data folder")
    parser.add_argument("--idle-seconds", type=float, default=3.0)
    parser.add_argument(
        "--no-window", action="store_true", help="sync with no window: the engine's own stalls"
    )
    parser.add_argument("--sync-limit", type=float, default=600.0, help="give up after this long")
    parser.add_argument("--intake-folder", help="after the sync, drop this folder on the window")
    parser.add_argument("--intake-client", help="the client whose documents the drop lands on")
    return parser


def _intake(window: Any) -> Any:
    """The window's intake controller, once the drop's half has started it."""
    intake_ui = getattr(window, "intake_ui", None)
    return intake_ui.controller if intake_ui is not None else None


def _phase(heartbeat: Heartbeat) -> dict[str, Any]:
    return heartbeat.figures()


async def measure(args: argparse.Namespace, password: str) -> dict[str, Any]:
    data_dir = Path(args.data_dir)
    account = await open_account(args.server, args.email, password, data_dir, MemoryTokenStore())
    window: Any = None
    if not args.no_window:
        title = window_title(account.organization, account.user)
        window = MainWindow(build_context(data_dir), account.store, title)
        painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        window.first_painted.connect(lambda: None if painted.done() else painted.set_result(None))
        window.show()
        await painted
    out: dict[str, Any] = {}
    controller: Any = None
    collector: Any = None
    try:
        idle = Heartbeat()
        idle.start()
        await asyncio.sleep(args.idle_seconds)
        idle.stop()
        out["idle"] = _phase(idle)

        busy = Heartbeat()
        busy.start()
        started = time.perf_counter()
        controller = SyncController(account, window)
        if window is not None:
            window.attach_sync(controller)
        # As ``desktop_startup`` does before the first sync: the heap so far set aside,
        # garbage collected on the GUI thread, in full only at rest.
        set_aside_long_lived_objects()
        collector = _collector.GuiThreadCollector(
            _collector.sync_or_intake_busy(lambda: controller, lambda: _intake(window)), window
        )
        collector.start()
        controller.start()
        give_up = started + args.sync_limit
        # The first cycle is the initial sync; its end shows as the state leaving "syncing".
        while controller.scheduler.cycles == 0 or controller.state == "syncing":
            if time.perf_counter() > give_up:
                raise SystemExit("the initial sync did not finish in time")
            await asyncio.sleep(0.05)
        synced = time.perf_counter()
        await asyncio.sleep(TAIL_SECONDS)
        busy.stop()
        out["sync"] = _phase(busy)
        report = controller.scheduler.last_report
        out["syncSeconds"] = synced - started
        out["state"] = controller.state
        out["message"] = controller.message
        out["pulled"] = report.pulled if report is not None else 0
        out["records"] = {
            entity: account.store.count(entity)
            for entity in ("client", "engagement", "task", "document")
        }
        if window is not None and args.intake_folder:
            limit = max(1.0, give_up - time.perf_counter())
            out.update(
                await measure_intake(
                    window, account, Path(args.intake_folder), args.intake_client, limit
                )
            )
    finally:
        if controller is not None:
            await controller.stop()
        if window is not None:
            window.close()
        if collector is not None:
            collector.stop()
        await account.close()
    return out


def main() -> int:
    # A crash in Qt ends the process with no Python traceback; this prints every
    # thread's stack on standard error, which ``gui_stalls`` shows.
    faulthandler.enable(all_threads=True)
    args = build_parser().parse_args()
    password = sys.stdin.readline().rstrip("\n")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    prefer_gui_thread()  # as the desktop does (advisoros_desktop.app)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(measure(args, password))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
