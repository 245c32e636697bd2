"""The desktop's side of the initial-sync benchmark, run in a process of its own.

``initial_sync`` starts this module once per run (``python -m
benchmarks.initial_sync_client``) so the peak memory it reports is that of one
sync alone: a process's high-water mark (VmHWM) never goes down, so a second
run in the same process, or the benchmark's own seeding, would hide it.

It does what the desktop does, with the desktop's own code. ``--mode initial``:
``open_account`` signs in and opens an empty cache, ``SyncEngine.sync_once``
pulls the whole firm in pages of 1,000. ``--mode push``, on a copy of a cache
that sync filled: one untimed ``sync_once`` catches up with what earlier runs
changed, then it edits clients through ``LocalStore.update`` (each edit its
own transaction with its outbox entry, as a person's would be) and times the
``sync_once`` that sends them. It prints one JSON object on standard output;
the password comes on standard input so it never shows in a process listing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, open_account
from advisoros_desktop.sync.engine import SyncEngine
from advisoros_desktop.sync.report import SyncReport

PAGE_SIZE = 1000


class TimedApi:
    """The real API client, keeping how long its calls took (the server's share, with
    transfer and JSON parsing), so the report can say where a sync's time goes."""

    def __init__(self, inner: ApiClient) -> None:
        self.inner = inner
        self.changes_seconds = 0.0
        self.push_seconds = 0.0

    async def changes(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            return await self.inner.changes(cursor, limit)
        finally:
            self.changes_seconds += time.perf_counter() - started

    async def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            return await self.inner.push(mutations)
        finally:
            self.push_seconds += time.perf_counter() - started


class TimedEngine(SyncEngine):
    """The real engine, keeping how long its push phases took.

    ``sync_once`` is unchanged; only ``push`` is wrapped, so the push phase can be
    told apart from the pull that follows it in the same cycle.
    """

    def __init__(self, store: LocalStore, api: TimedApi) -> None:
        super().__init__(store, api, page_size=PAGE_SIZE)
        self.timed_api = api
        self.push_seconds = 0.0

    def reset(self) -> None:
        self.push_seconds = self.timed_api.changes_seconds = self.timed_api.push_seconds = 0.0

    async def push(self, report: SyncReport) -> None:
        started = time.perf_counter()
        try:
            await super().push(report)
        finally:
            self.push_seconds += time.perf_counter() - started


def memory() -> dict[str, int]:
    """VmRSS and VmHWM (the peak) of this process, in KiB; empty without /proc."""
    found: dict[str, int] = {}
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return found
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


async def measure(args: argparse.Namespace, password: str) -> dict[str, Any]:
    out: dict[str, Any] = {"memoryAtStart": memory()}
    # Signing in and opening (or creating) the cache, timed apart from the sync itself.
    started = time.perf_counter()
    account = await open_account(
        args.server, args.email, password, Path(args.data_dir), MemoryTokenStore()
    )
    out["openSeconds"] = time.perf_counter() - started
    try:
        engine = TimedEngine(account.store, TimedApi(account.api))
        if args.mode == "initial":
            out |= await initial_sync(account, engine)
        else:
            await engine.sync_once()  # what earlier runs' pushes changed: not measured
            out["push"] = await push_edits(account.store, engine, args)
    finally:
        await account.close()
    return out


async def initial_sync(account: Account, engine: TimedEngine) -> dict[str, Any]:
    engine.reset()
    started = time.perf_counter()
    report = await engine.sync_once()
    seconds = time.perf_counter() - started
    # Read before anything else runs: this peak is the initial sync's own.
    peak = memory()
    return {
        "initial": {
            "seconds": seconds,
            "changesSeconds": engine.timed_api.changes_seconds,
            "pulled": report.pulled,
            "pushed": report.pushed,
            "conflicts": report.conflicts,
            "pending": report.pending,
        },
        "memoryAfterSync": peak,
        "counts": {entity: account.store.count(entity) for entity in ENTITIES},
        "cacheBytes": sum(p.stat().st_size for p in account.store.path.parent.glob("cache.db*")),
    }


async def push_edits(
    store: LocalStore, engine: TimedEngine, args: argparse.Namespace
) -> dict[str, Any]:
    """Edit ``--edits`` clients through the store, then time the sync that sends them."""
    clients = sorted(row["id"] for row in store.all("client"))
    if not clients:
        raise SystemExit("the cache holds no clients to edit")
    chosen = dict.fromkeys(
        clients[(args.edit_offset + i) % len(clients)] for i in range(args.edits)
    )
    started = time.perf_counter()
    for number, client_id in enumerate(chosen):
        store.update("client", client_id, {"notes": f"Reviewed in run {args.run}, edit {number}."})
    edits_seconds = time.perf_counter() - started
    queued = store.pending_count()
    engine.reset()
    started = time.perf_counter()
    report = await engine.sync_once()
    return {
        "edits": queued,
        "editSeconds": edits_seconds,
        "syncSeconds": time.perf_counter() - started,
        "pushSeconds": engine.push_seconds,
        "pushRequestSeconds": engine.timed_api.push_seconds,
        "pushed": report.pushed,
        "pulled": report.pulled,
        "rejected": report.rejected,
        "conflicts": report.conflicts,
        "pending": report.pending,
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.initial_sync_client")
    parser.add_argument("--mode", choices=("initial", "push"), required=True)
    parser.add_argument("--server", required=True, help="the API root, .../api/v1")
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True, help="the desktop's data folder")
    parser.add_argument("--edits", type=int, default=1000, help="clients to edit (push mode)")
    parser.add_argument("--edit-offset", type=int, default=0, help="first client (by id) to edit")
    parser.add_argument("--run", type=int, default=1, help="run number, written into the edits")
    return parser


def main() -> int:
    args = build_parser().parse_args()
    password = sys.stdin.readline().rstrip("\n")
    result = asyncio.run(measure(args, password))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
