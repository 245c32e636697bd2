"""Intake in a process of its own, for ``test_exactly_once``: watch one folder until killed.

``kill -9`` is the only honest way to stop intake at an arbitrary instruction
(after the server took a chunk but before the queue recorded it, halfway
through moving a file). The child signs in, runs ``IntakeService`` on the
watched folder with the account's cache in the given data folder, and sends
in small chunks, each PATCH held back a moment and written to the progress
log (JSON lines) first, so the test can kill it with a file half sent.

Imports nothing of the server or the tests' fixtures, so it starts fast.
Run from the repository root:
``python tests/integration/intake/intake_child.py --server URL --email E --data-dir D
--folder F --log L`` with the password on standard input.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

import httpx

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, account_key, api_root, cache_path
from advisoros_desktop.sync.engine import SyncEngine
from advisoros_desktop.sync.upload_backoff import Backoff


class SlowPatches(httpx.AsyncBaseTransport):
    """The real network, each PATCH noted in the log and then held back a moment."""

    def __init__(self, log: Path, delay: float) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.delay = delay
        self._log = log.open("a", encoding="utf-8")

    def note(self, event: str, **fields: object) -> None:
        line = {"event": event, "pid": os.getpid(), "t": round(time.time(), 4), **fields}
        self._log.write(json.dumps(line) + "\n")
        self._log.flush()  # enough to survive kill -9: the kernel has the bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            upload_id = request.url.path.rsplit("/", 1)[-1]
            self.note("patch", upload=upload_id, offset=int(request.headers["Upload-Offset"]))
            await asyncio.sleep(self.delay)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def main(args: argparse.Namespace) -> None:
    password = sys.stdin.readline().rstrip("\n")
    transport = SlowPatches(Path(args.log), args.delay)
    api = ApiClient(
        api_root(args.server),
        MemoryTokenStore(),
        account_key(args.server, args.email),
        transport=transport,
        retry=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.1),
    )
    me = await api.sign_in(args.email, password)
    store = LocalStore(cache_path(Path(args.data_dir), api.base_url, me))
    account = Account(
        api, store, SyncEngine(store, api), me["organization"]["name"], me["user"]["email"]
    )
    await account.engine.sync_once()  # the clients to route to
    folder = WatchedFolder(Path(args.folder), quiet_seconds=0.2, poll_seconds=0.2)
    service = IntakeService(
        account,
        folders=[folder],
        chunk_bytes=args.chunk,
        backoff=Backoff(0.05, 0.2),
        poll_seconds=0.2,
    )
    await service.start()
    transport.note("ready")
    await asyncio.Event().wait()  # until killed


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--chunk", type=int, default=16 * 1024)
    parser.add_argument("--delay", type=float, default=0.01, help="seconds before each PATCH")
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
