"""``advisoros intake``: watched folders with no one at the desk (a scanner PC, a file server).

The same engine as the window, logged line by line. ``--once`` takes what is
in the folders now (once each file has stopped changing), waits until the
server has confirmed every upload, tidies the folders, prints a summary and
exits: 0 when every file was taken or was a duplicate, 3 when some failed
(they are in ``.failed`` with a ``.error.txt``), 1 when the server or the
sign-in failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import logging
import signal
import sys
import time
from collections import Counter
from pathlib import Path

from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.api.token_store import KeyringTokenStore
from advisoros_desktop.intake.folder_walk import walk_files
from advisoros_desktop.intake.routing import Router
from advisoros_desktop.intake.stability import StabilityTracker
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.paths import data_dir
from advisoros_desktop.store.upload_queue import UploadJob
from advisoros_desktop.sync.account import Account, open_account

log = logging.getLogger("advisoros.intake")

# ``--client NAME`` picks a client only when it fits this well, this far ahead of the next.
CLEAR_MATCH = 0.9
CLEAR_LEAD = 0.1
# How often a long-running intake fetches the server's changes (new clients to route to).
SYNC_SECONDS = 60.0


def register(commands: argparse._SubParsersAction) -> None:
    intake = commands.add_parser(
        "intake",
        help="upload the files arriving in folders (a scanner's folder)",
        description=(
            "Watch folders and upload every file that arrives to the firm's AdvisorOS, "
            "exactly once. Files are routed by <folder>/<client>/[<year>/][<category>/]; "
            "uploaded files move to .processed/, failures to .failed/ with a .error.txt."
        ),
    )
    intake.add_argument("folders", nargs="+", metavar="DIR", type=Path)
    intake.add_argument("--server", required=True, metavar="URL")
    intake.add_argument("--email", required=True)
    intake.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    intake.add_argument("--client", metavar="NAME", help="send every file to this client")
    intake.add_argument("--data-dir", metavar="DIR", help="folder for the account's cache")
    intake.add_argument(
        "--once",
        action="store_true",
        help="take what is there now, wait for the uploads to be confirmed, then exit",
    )
    intake.add_argument(
        "--quiet-seconds",
        type=float,
        default=2.0,
        metavar="S",
        help="a file is taken once unchanged this long (default 2)",
    )
    intake.add_argument("--polling", action="store_true", help="poll the folders (network shares)")
    intake.set_defaults(handler=run_intake)


def run_intake(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stdout)
    # One line per file is the log a scanner PC needs; one per HTTP request buries it.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    missing = [str(f) for f in args.folders if not f.is_dir()]
    if missing:
        print(f"advisoros intake: not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_intake(args))
    except KeyboardInterrupt:
        return 130


async def _intake(args: argparse.Namespace) -> int:
    try:
        account = await _sign_in(args)
    except (ApiError, ServerUnreachable, SignInRequired) as err:
        print(f"advisoros intake: {err}", file=sys.stderr)
        return 1
    try:
        await account.engine.sync_once()  # the clients to route to, the documents already there
        client_id = None
        if args.client:
            client_id = _client_named(account, args.client)
            if client_id is None:
                return 2
        folders = [
            WatchedFolder(
                path=folder.resolve(),
                polling=args.polling,
                quiet_seconds=args.quiet_seconds,
                client_id=client_id,
            )
            for folder in args.folders
        ]
        if args.once:
            return await _once(account, folders)
        return await _watch(account, folders)
    except (ApiError, ServerUnreachable, SignInRequired) as err:
        print(f"advisoros intake: {err}", file=sys.stderr)
        return 1
    finally:
        await account.close()


async def _sign_in(args: argparse.Namespace) -> Account:
    tokens = KeyringTokenStore(
        on_insecure=lambda w: print(f"advisoros intake: {w}", file=sys.stderr)
    )
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        return await open_account(
            args.server, args.email, password, data_dir(args.data_dir), tokens
        )
    except SignInRequired:
        if args.password_stdin or not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"Password for {args.email}: ")
        return await open_account(
            args.server, args.email, password, data_dir(args.data_dir), tokens
        )


def _client_named(account: Account, name: str) -> str | None:
    from advisoros_desktop.intake.client_directory import ClientDirectory

    directory = ClientDirectory(account.store)
    try:
        matches = Router(directory.names()).clients_matching(name, limit=3)
    finally:
        directory.close()
    if matches:
        (best, score), rival = matches[0], (matches[1][1] if len(matches) > 1 else 0.0)
        # Clear means close to the name given and well ahead of every other client:
        # files sent to the wrong client are worse than a command that stops and asks.
        if score >= CLEAR_MATCH and (score - rival >= CLEAR_LEAD or score >= 0.99 > rival):
            return best.client_id
    if not matches:
        print(f"advisoros intake: no client is called “{name}”.", file=sys.stderr)
    else:
        names = ", ".join(f"“{c.name}”" for c, _ in matches)
        print(
            f"advisoros intake: “{name}” does not name one client clearly; did you mean {names}?",
            file=sys.stderr,
        )
    return None


async def _once(account: Account, folders: list[WatchedFolder]) -> int:
    service = IntakeService(account, folders=folders, watch=False)
    await service.start()
    try:
        ready, ignored = await asyncio.to_thread(_stable_files, folders)
        batches = set()
        for folder in folders:
            paths = [path for owner, path in ready if owner is folder]
            if paths:
                report = await asyncio.to_thread(service.take_from_folder_now, paths, folder)
                batches.add(report.batch_id)
                ignored.extend(report.ignored)
        await service.drain()
        jobs = [job for job in service.engine.queue.jobs() if job.batch_id in batches]
    finally:
        await service.stop()
    with contextlib.suppress(ApiError, ServerUnreachable):
        await account.engine.sync_once()  # the new documents into this cache
    for job in jobs:
        _log_outcome(job)
    counts = Counter(job.state for job in jobs)
    print(
        f"{account.organization}: taken {counts['done']}, duplicates {counts['duplicate']}, "
        f"failed {counts['failed']}, ignored {len(ignored)}"
    )
    return 3 if counts["failed"] else 0


def _stable_files(
    folders: list[WatchedFolder],
) -> tuple[list[tuple[WatchedFolder, Path]], list[tuple[str, str]]]:
    """Every file now in the folders, once it has stopped changing; and what was ignored."""
    ready: list[tuple[WatchedFolder, Path]] = []
    ignored: list[tuple[str, str]] = []
    for folder in folders:
        tracker = StabilityTracker(folder.quiet_seconds)
        for entry in walk_files([Path(folder.path)]):
            if entry.ignored is not None:
                ignored.append((str(entry.path), entry.ignored))
            else:
                tracker.observe(entry.path)
        while tracker.pending():
            ready.extend((folder, path) for path in tracker.ready())
            wait = tracker.next_check_in()
            time.sleep(min(max(wait or 0.2, 0.05), 0.5))
    return ready, ignored


async def _watch(account: Account, folders: list[WatchedFolder]) -> int:
    service = IntakeService(account, folders=folders)
    await service.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    log.info("watching %s", ", ".join(str(f.path) for f in folders))
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SYNC_SECONDS):
                    await stop.wait()
            if not stop.is_set():
                with contextlib.suppress(ApiError, ServerUnreachable):
                    await account.engine.sync_once()
    finally:
        await service.stop()
    return 0


def _log_outcome(job: UploadJob) -> None:
    what = {
        "done": "uploaded",
        "duplicate": "duplicate",
        "failed": "failed",
        "cancelled": "cancelled",
    }.get(job.state, job.state)
    detail = f" ({job.reason})" if job.reason and job.state != "done" else ""
    log.info("%s: %s%s", what, job.path, detail)
