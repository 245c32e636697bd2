"""The ``advisoros`` command; each area (``server``, ``accounts``, ...) adds its subcommand.

Each area owns its subcommand (``register(subparsers)``), so this module only
assembles them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from advisoros_desktop import extract_cli, intake_cli
from advisoros_desktop.server import cli as server_cli
from advisoros_desktop.sync import cli as sync_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisoros", description="AdvisorOS Desktop command-line tools."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server_cli.register(commands)
    sync_cli.register(commands)
    intake_cli.register(commands)
    extract_cli.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
