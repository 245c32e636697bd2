"""Composition root of the desktop program: builds the AppContext and the window.

Nothing else creates long-lived objects; everything that needs the workspace,
the settings or the data folder receives them from here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.local_workspace import LocalWorkspace, start_local_workspace
from advisoros_desktop.paths import data_dir


@dataclass
class AppContext:
    data_dir: Path
    workspace: LocalWorkspace


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisoros-desktop", description="AdvisorOS Desktop for CPA firms."
    )
    parser.add_argument(
        "--local-workspace",
        action="store_true",
        default=True,
        help="work on the local workspace on this computer (the default)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill the local workspace with the fictional Demo CPA Firm",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep all files in DIR")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to PNG once its data has loaded, then exit",
    )
    parser.add_argument(
        "--view",
        default="summary",
        choices=["summary"],
        help="which view to render with --screenshot",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no screen
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from advisoros_desktop.ui.workspace_summary import WorkspaceSummaryWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("AdvisorOS Desktop")
    folder = data_dir(args.data_dir)
    context = AppContext(folder, start_local_workspace(folder, demo=args.demo))
    window = WorkspaceSummaryWindow(context.workspace.api_url)
    if args.screenshot:

        def capture(*_args: object) -> None:
            window.grab().save(args.screenshot)
            app.quit()

        window.fetcher.finished.connect(lambda *_: QTimer.singleShot(50, capture))
        window.fetcher.failed.connect(lambda *_: QTimer.singleShot(50, capture))
    window.show()
    window.fetcher.fetch(
        context.workspace.api_url, context.workspace.email, context.workspace.password
    )
    try:
        return app.exec()
    finally:
        context.workspace.stop()


if __name__ == "__main__":
    sys.exit(main())
