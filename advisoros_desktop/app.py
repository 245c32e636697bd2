"""Composition root of the desktop program: builds the AppContext and starts the window.

Nothing else creates long-lived objects; everything that needs the workspace,
the settings or the data folder receives them from here. The asyncio loop is
qasync's, driven by Qt on the GUI thread.

With ``ADVISOROS_EXIT_AFTER_FIRST_PAINT=1`` in the environment (left out of
``--help``: it is for ``python -m benchmarks cold_start``), the program prints
``first-paint <time.monotonic()>`` once the main window has painted and
``first-sync <time.monotonic()> <state>`` after the first sync cycle, then quits
the usual way, stopping the local workspace it started.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from advisoros_desktop.diagnostics.log_files import configure_logging
from advisoros_desktop.paths import data_dir

if TYPE_CHECKING:
    from advisoros_desktop.desktop_startup import DesktopStartup

FIRST_PAINT_ENV = "ADVISOROS_EXIT_AFTER_FIRST_PAINT"
# How often a busy worker thread must hand Python's lock to others (default 5 ms).
# The GUI thread takes and releases it at every SQLite step of a page read; at
# 5 ms per hand-over a 200-row read behind a syncing worker took a third of a
# second. At 1 ms the window stays responsive; the worker loses a little speed.
GIL_SWITCH_INTERVAL = 0.001


def prefer_gui_thread() -> None:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)


VIEW_NAMES = (
    "clients",
    "engagements",
    "tasks",
    "documents",
    "review",
    "review-document",  # the first document of the Review list, open beside its fields
    "palette",  # the command palette over the clients, a name typed
    "intake",
    "conflicts",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisoros-desktop", description="AdvisorOS Desktop for CPA firms."
    )
    parser.add_argument(
        "--local-workspace",
        action="store_true",
        help="open the local workspace on this computer without asking (otherwise the "
        "last account opens, and the first start asks where to work)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill the local workspace with the fictional Demo CPA Firm "
        "(on the first start: ticked in the choice of where to work)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep all files in DIR")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the main window on the demo workspace to PNG, then exit",
    )
    parser.add_argument(
        "--view",
        default="clients",
        choices=VIEW_NAMES,
        help="which view to show (with --screenshot: which one to render)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run offscreen on a temporary workspace, exercise every view, print one line",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    headless = args.self_test or args.screenshot
    if headless and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import qasync
    from PySide6.QtWidgets import QApplication

    prefer_gui_thread()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("AdvisorOS Desktop")
    from advisoros_desktop.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    # Wayland and the desktop's menus match the window to packaging/advisoros-desktop.desktop.
    app.setDesktopFileName("advisoros-desktop")
    app.setQuitOnLastWindowClosed(False)  # quitting waits for the sync and server to stop
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory(prefix="advisoros-self-test-") as scratch:
        if args.self_test:
            folder, demo = Path(scratch), True
        elif args.screenshot:
            # The demo workspace, in its own folder unless one is given.
            folder, demo = (data_dir(args.data_dir) if args.data_dir else Path(scratch)), True
        else:
            folder, demo = data_dir(args.data_dir), args.demo
        folder.mkdir(parents=True, exist_ok=True)
        # Logs to the console and <folder>/logs/ (redacted), the file closed on the way
        # out, before the scratch folder is deleted.
        with configure_logging(folder), loop:
            return loop.run_until_complete(run(folder, demo, args))


async def run(folder: Path, demo: bool, args: argparse.Namespace) -> int:
    from advisoros_desktop.desktop_startup import DesktopStartup
    from advisoros_desktop.ui.app_context import build_context

    context = build_context(folder)
    # Before the first window is built, so it never shows in the wrong colours.
    from PySide6.QtWidgets import QApplication

    from advisoros_desktop.ui.theme import apply_theme, theme_choice

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from advisoros_desktop.ui.language import install_translators

    install_translators(app, context.settings)
    apply_theme(app, theme_choice(context.settings))
    # Only a person at the screen can answer the first start's question; the
    # headless runs and the cold-start benchmark open the local workspace.
    local_only = bool(
        args.local_workspace or args.self_test or args.screenshot or os.environ.get(FIRST_PAINT_ENV)
    )
    startup = DesktopStartup(context, demo, local_only=local_only)
    window = startup.open_cached_window()
    view = "review" if args.view == "review-document" else args.view  # a list to start on
    if window is not None:
        window.show_view(view)
    connecting = asyncio.ensure_future(startup.connect())
    try:
        if args.self_test:
            from advisoros_desktop.ui.self_test import run_self_test

            return await run_self_test(startup)
        if args.screenshot:
            from advisoros_desktop.ui.screenshot import take_screenshot

            return await take_screenshot(startup, Path(args.screenshot), args.view)
        if os.environ.get(FIRST_PAINT_ENV):
            return await _report_first_paint(startup)
        await connecting
        if startup.window is not None and window is None:
            startup.window.show_view(view)
        return int(await startup.closed)
    finally:
        if not connecting.done():
            await connecting
        await startup.shutdown()


async def _report_first_paint(startup: DesktopStartup) -> int:
    """Print when the main window first painted and when the first sync ended, then quit.

    ``time.monotonic()`` is one clock for every process on the machine, so the
    cold-start benchmark subtracts the moment it spawned this process. Quitting
    waits for the first sync cycle: stopping the scheduler in the very turn its
    first wake-up is delivered loses the cancellation (``asyncio.wait_for`` in
    Python 3.11) and the program would never quit.
    """
    window = startup.window or await startup.ready
    painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    window.first_painted.connect(
        lambda: None if painted.done() else painted.set_result(time.monotonic())
    )
    # On a first start the window may have painted while the workspace was still
    # connecting, before anyone could listen: it keeps the moment.
    first = window.first_paint_at if window.first_paint_at is not None else await painted
    print(f"first-paint {first:.6f}", flush=True)
    await startup.ready
    assert startup.controller is not None
    controller = startup.controller
    while controller.scheduler.cycles == 0 or controller.state == "syncing":
        await asyncio.sleep(0.02)
    print(f"first-sync {time.monotonic():.6f} {controller.state}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
