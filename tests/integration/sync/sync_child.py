"""A desktop in a process of its own, for ``test_kill_during_sync``: edit, then sync until killed.

Why a separate process: ``kill -9`` is the only honest way to stop a client at
an arbitrary instruction (between a push and the commit of its results, in the
middle of a page). This script opens the account's cache in the same data
folder every run, makes a few edits of its own, writes what it did to a
progress log, and then syncs in a loop until the test kills it.

Progress log (JSON lines, appended): ``intent`` before each edit (so an edit cut
short by the kill is known as "may or may not have happened"), ``done`` after
the store call returned (fsynced), ``ready`` before the sync loop, ``phase``
when a push or a pull request leaves, ``synced`` after each completed cycle.

Imports nothing of Qt, the server or the tests' fixtures, so it starts fast.
Run from the repository root:
``python tests/integration/sync/sync_child.py --server URL --email E --data-dir D
--log L --run N --seed S`` with the password on standard input.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from advisoros_desktop.api.errors import ServerUnreachable
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import open_account
from advisoros_desktop.sync.engine import SyncApi

CHILD_PREFIX = "child-"
# The field each entity's "counter" lives in: the child is its only writer.
COUNTER_FIELD = {"client": "notes", "engagement": "description", "task": "description"}


class ProgressLog:
    """Appends one JSON object per line; ``durable`` lines are fsynced."""

    def __init__(self, path: Path, run: int) -> None:
        self.run = run
        self._file: TextIO = path.open("a", encoding="utf-8")

    def write(self, event: str, durable: bool = False, **fields: Any) -> None:
        line = {"run": self.run, "event": event, "t": round(time.time(), 4), **fields}
        self._file.write(json.dumps(line) + "\n")
        self._file.flush()  # enough to survive kill -9: the kernel has the bytes
        if durable:
            os.fsync(self._file.fileno())


class PhaseNotingApi:
    """The real API client, noting in the log which request is in flight."""

    def __init__(self, inner: SyncApi, log: ProgressLog) -> None:
        self.inner = inner
        self.log = log

    async def changes(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        self.log.write("phase", phase="pull")
        return await self.inner.changes(cursor, limit)

    async def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.log.write("phase", phase="push", size=len(mutations))
        return await self.inner.push(mutations)


class Editor:
    """Makes this run's edits, each logged as intent, then done."""

    def __init__(self, store: LocalStore, log: ProgressLog, rng: random.Random) -> None:
        self.store = store
        self.log = log
        self.rng = rng
        self.run = log.run
        self.edits = 0

    def _counter(self) -> str:
        self.edits += 1
        return f"run {self.run} edit {self.edits}"

    def _own(self, entity: str, leaf: bool | None = None) -> list[dict[str, Any]]:
        rows = [
            r
            for r in self.store.all(entity)
            if str(r.get("businessName") or r.get("name") or r.get("title") or "").startswith(
                CHILD_PREFIX
            )
        ]
        if leaf is not None:
            rows = [r for r in rows if ("-leaf" in str(r.get("businessName"))) == leaf]
        return rows

    def create(self, entity: str, fields: dict[str, Any]) -> str:
        record_id = new_id()
        field = COUNTER_FIELD[entity]
        fields = {**fields, field: self._counter()}
        edit = {"op": "create", "entity": entity, "id": record_id, "fields": fields}
        self.log.write("intent", **edit)
        self.store.create(entity, fields, record_id=record_id)
        self.log.write("done", durable=True, **edit)
        return record_id

    def update(self, entity: str, record_id: str) -> None:
        fields = {COUNTER_FIELD[entity]: self._counter()}
        edit = {"op": "update", "entity": entity, "id": record_id, "fields": fields}
        self.log.write("intent", **edit)
        self.store.update(entity, record_id, fields)
        self.log.write("done", durable=True, **edit)

    def delete(self, entity: str, record_id: str) -> None:
        edit = {"op": "delete", "entity": entity, "id": record_id}
        self.log.write("intent", **edit)
        self.store.delete(entity, record_id)
        self.log.write("done", durable=True, **edit)

    def make_edits(self) -> None:
        rng, run = self.rng, self.run
        for m in range(rng.randint(1, 2)):
            self.create("client", {"businessName": f"{CHILD_PREFIX}r{run}-c{m}"})
        self.create("client", {"businessName": f"{CHILD_PREFIX}r{run}-leaf"})
        parents = self._own("client", leaf=False)
        if parents and rng.random() < 0.7:
            client_id = rng.choice(parents)["id"]
            engagement_id = self.create(
                "engagement", {"clientId": client_id, "name": f"{CHILD_PREFIX}r{run}-e"}
            )
            self.create(
                "task",
                {
                    "title": f"{CHILD_PREFIX}r{run}-t",
                    "clientId": client_id,
                    "engagementId": engagement_id,
                },
            )
        for entity in ("client", "client", "engagement", "task"):
            candidates = self._own(entity)
            if candidates and rng.random() < 0.6:
                self.update(entity, rng.choice(candidates)["id"])
        leaves = self._own("client", leaf=True)
        if len(leaves) > 1 and rng.random() < 0.5:
            self.delete("client", rng.choice(leaves)["id"])
        tasks = self._own("task")
        if len(tasks) > 1 and rng.random() < 0.3:
            self.delete("task", rng.choice(tasks)["id"])


async def main(args: argparse.Namespace) -> None:
    password = sys.stdin.readline().rstrip("\n")
    log = ProgressLog(Path(args.log), args.run)
    log.write("start", pid=os.getpid())
    retry = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.1)
    account = await open_account(
        args.server, args.email, password, Path(args.data_dir), MemoryTokenStore(), retry
    )
    engine = account.engine
    engine.batch_size, engine.page_size = args.batch_size, args.page_size
    engine.api = PhaseNotingApi(engine.api, log)
    Editor(account.store, log, random.Random(f"{args.seed}:{args.run}")).make_edits()
    log.write("ready")
    while True:  # until killed
        try:
            report = await engine.sync_once()
        except ServerUnreachable as err:
            log.write("unreachable", message=str(err))
            await asyncio.sleep(0.05)
            continue
        log.write("synced", pushed=report.pushed, pulled=report.pulled, pending=report.pending)
        if args.once:
            break
    await account.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--page-size", type=int, default=3)
    parser.add_argument("--once", action="store_true", help="exit after one completed cycle")
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
