"""``advisoros sync``: one headless sync cycle, for scripts and for checking a cache."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.api.token_store import KeyringTokenStore
from advisoros_desktop.paths import data_dir
from advisoros_desktop.store.feed_apply import MalformedPage
from advisoros_desktop.sync.account import open_account


def register(commands: argparse._SubParsersAction) -> None:
    sync = commands.add_parser(
        "sync",
        help="run one sync cycle for an account",
        description="Send the account's pending changes, fetch the server's, and say what moved.",
    )
    sync.add_argument(
        "--server",
        required=True,
        metavar="URL",
        help="the AdvisorOS server, e.g. http://127.0.0.1:8765",
    )
    sync.add_argument("--email", required=True)
    sync.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    sync.add_argument(
        "--data-dir", metavar="DIR", help="folder for the caches (default: the user data folder)"
    )
    sync.set_defaults(handler=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    return asyncio.run(_sync(args))


async def _sync(args: argparse.Namespace) -> int:
    warnings: list[str] = []
    tokens = KeyringTokenStore(on_insecure=warnings.append)
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    try:
        try:
            account = await open_account(
                args.server, args.email, password, data_dir(args.data_dir), tokens
            )
        except SignInRequired:
            if args.password_stdin or not sys.stdin.isatty():
                raise
            password = getpass.getpass(f"Password for {args.email}: ")
            account = await open_account(
                args.server, args.email, password, data_dir(args.data_dir), tokens
            )
        for warning in warnings:
            print(f"advisoros sync: {warning}", file=sys.stderr)
        try:
            report = await account.engine.sync_once()
            refused = [e for e in account.store.outbox_entries() if e.state == "rejected"]
        finally:
            await account.close()
    except (ApiError, ServerUnreachable, SignInRequired, MalformedPage) as err:
        print(f"advisoros sync: {err}", file=sys.stderr)
        return 1
    print(f"{account.organization} ({account.user}): {report.summary()}")
    for entry in refused:  # kept, not dropped: the user fixes or discards them
        print(f"  refused: {entry.op} {entry.entity} {entry.record_id}: {entry.last_error}")
    return 3 if refused else 0
