"""A desktop uploading in a process of its own, for ``test_uploader``: send the queue until killed.

Why a separate process: ``kill -9`` is the only honest way to stop an upload
at an arbitrary instruction (after the server took a chunk but before the
queue recorded it, in the middle of a PATCH). The child opens the account's
cache in the given data folder (the test queued the jobs there), and runs an
``Uploader`` whose PATCHes are slowed down a little so the test can kill it
mid-file. It writes ``ready`` and then one line per PATCH it sends to the
progress log (JSON lines), and runs until every job is finished or it is killed.

Imports nothing of Qt, the server or the tests' fixtures, so it starts fast.
Run from the repository root:
``python tests/integration/sync/upload_child.py --server URL --email E --data-dir D --log L``
with the password on standard input.
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
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.upload_queue import UploadQueue
from advisoros_desktop.sync.account import account_key, api_root, cache_path
from advisoros_desktop.sync.upload_backoff import Backoff
from advisoros_desktop.sync.uploader import Uploader


class SlowPatches(httpx.AsyncBaseTransport):
    """The real network, each PATCH held back a moment and noted in the log first."""

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
            self.note("patch", offset=int(request.headers["Upload-Offset"]))
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
    queue = UploadQueue(store)
    uploader = Uploader(
        queue,
        api,
        store,
        parallel=args.parallel,
        chunk_bytes=args.chunk,
        backoff=Backoff(0.05, 0.2),
    )
    transport.note("ready")
    task = asyncio.create_task(uploader.run())
    await uploader.drain()
    await uploader.stop()
    await task
    transport.note("drained")
    await api.aclose()
    store.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--chunk", type=int, default=16 * 1024)
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--delay", type=float, default=0.01, help="seconds before each PATCH")
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
