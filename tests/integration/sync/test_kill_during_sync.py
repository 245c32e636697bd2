"""``kill -9`` of a desktop at random points of its sync loses nothing and duplicates nothing.

The promise of the outbox and of the change-feed cursor is crash safety: a
mutation sent but whose result never committed goes again unchanged (the
server answers "duplicate"), and a page is either committed with its cursor
or not at all. The only way to test that honestly is to kill a real client
process at arbitrary instructions, many times, against the real server,
while someone else keeps changing the server so pulls always have work.

Each run starts ``sync_child.py`` on the same cache, lets it edit and sync,
and kills it with SIGKILL after a seeded random delay (mostly during sync,
sometimes in the middle of its edits). After every run the cursor stored in
the cache must not have gone backward. At the end one clean sync must leave
the cache equal to the server, with every edit the child reported made
exactly once.

``ADVISOROS_KILL_RUNS`` sets the number of runs per database (default 20, so
40 in the suite: SQLite and PostgreSQL); ``ADVISOROS_KILL_SEED`` the seed.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisoros_desktop.domain.ids import new_id
from tests.conftest import PASSWORD, Account, LiveServer
from tests.integration.sync.desktop import (
    assert_cache_matches_server,
    assert_nothing_left,
    cursor_sequence,
    live,
    open_desktop,
    server_records,
    stored_cursor,
)

REPO = Path(__file__).resolve().parents[3]
CHILD = "tests/integration/sync/sync_child.py"
RUNS = int(os.environ.get("ADVISOROS_KILL_RUNS", "20"))
SEED = os.environ.get("ADVISOROS_KILL_SEED", "7")
COUNTER_FIELD = {"client": "notes", "engagement": "description", "task": "description"}
# Long enough for a slow machine to start Python and sign in; a hang fails the test.
STARTUP_TIMEOUT = 30.0


class ProgressTail:
    """Reads the child's progress log as it grows; a torn last line waits for its end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.events: list[dict[str, Any]] = []
        self._offset = 0

    def poll(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with self.path.open("rb") as file:
            file.seek(self._offset)
            data = file.read()
        complete = data[: data.rfind(b"\n") + 1]
        self._offset += len(complete)
        new = [json.loads(line) for line in complete.splitlines() if line.strip()]
        self.events += new
        return new


@dataclass
class OtherDesk:
    """Another user of the firm, changing the server while the child syncs.

    It creates, renames and deletes its own clients (some with engagements)
    and sets ``city`` on the child's clients: a field the child never edits,
    so the merges are silent and a conflict would be a bug.
    """

    account: Account
    rng: random.Random
    own: list[str] = field(default_factory=list)
    changes: int = 0

    def change(self, child_clients: list[str]) -> None:
        self.changes += 1
        n, roll = self.changes, self.rng.random()
        if roll < 0.4 or not self.own:
            client_id = new_id()
            mutations: list[dict[str, Any]] = [
                self._mutation("create", "client", client_id, businessName=f"server-{n}")
            ]
            if self.rng.random() < 0.5:
                mutations.append(
                    self._mutation(
                        "create", "engagement", new_id(), clientId=client_id, name=f"server-e{n}"
                    )
                )
            self.account.mutate(*mutations)
            self.own.append(client_id)
        elif roll < 0.65:
            self._update("client", self.rng.choice(self.own), notes=f"server change {n}")
        elif roll < 0.85 and child_clients:
            self._update("client", self.rng.choice(child_clients), city=f"City {n}")
        else:
            victim = self.own.pop(self.rng.randrange(len(self.own)))
            self.account.mutate(self._mutation("delete", "client", victim))

    def _update(self, entity: str, record_id: str, **fields: Any) -> None:
        # Based on whatever the server has now: this desk never meets a conflict itself.
        version = self._version(entity, record_id)
        if version is not None:
            self.account.mutate(
                {**self._mutation("update", entity, record_id, **fields), "baseVersion": version}
            )

    def _version(self, entity: str, record_id: str) -> int | None:
        records = server_records(self.account.http)[entity]
        data = records.get(record_id)
        return None if data is None else int(data["version"])

    @staticmethod
    def _mutation(op: str, entity: str, record_id: str, **fields: Any) -> dict[str, Any]:
        return {
            "mutationId": new_id(),
            "entity": entity,
            "op": op,
            "id": record_id,
            "fields": fields,
        }


def start_child(
    server_url: str, email: str, data_dir: Path, log: Path, run: int, errors: Path
) -> subprocess.Popen[bytes]:
    with errors.open("ab") as stderr:  # the child keeps its own copy of the handle
        child = subprocess.Popen(
            [
                sys.executable,
                CHILD,
                *("--server", server_url, "--email", email, "--data-dir", str(data_dir)),
                *("--log", str(log), "--run", str(run), "--seed", SEED),
            ],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    assert child.stdin is not None
    child.stdin.write(PASSWORD.encode() + b"\n")
    child.stdin.close()
    return child


def wait_for(
    tail: ProgressTail, child: subprocess.Popen[bytes], run: int, events: set[str], errors: Path
) -> None:
    """Block until the child logs one of ``events`` in this run; fail if it died first."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    seen = [e for e in tail.events if e["run"] == run and e["event"] in events]
    while not seen:
        if child.poll() is not None:
            raise AssertionError(
                f"run {run}: the child exited with {child.returncode} before {events}:\n"
                + errors.read_text(errors="replace")[-4000:]
            )
        assert time.monotonic() < deadline, f"run {run}: no {events} within {STARTUP_TIMEOUT} s"
        time.sleep(0.003)
        seen = [e for e in tail.poll() if e["run"] == run and e["event"] in events]


def child_clients(tail: ProgressTail) -> list[str]:
    """The child's clients the other desk may set ``city`` on (never deleted ones)."""
    return [
        e["id"]
        for e in tail.events
        if e["event"] == "done"
        and e["op"] == "create"
        and e["entity"] == "client"
        and "-leaf" not in e["fields"]["businessName"]
    ]


def killed_in(tail: ProgressTail, run: int) -> str:
    """Where the kill landed: in the edits, in a push, in a pull, or between cycles."""
    events = [e for e in tail.events if e["run"] == run]
    if not any(e["event"] == "ready" for e in events):
        return "edits"
    last = events[-1]
    return last["phase"] if last["event"] == "phase" else "idle"


def expected_values(events: list[dict[str, Any]]) -> dict[tuple[str, str], set[Any]]:
    """For each record the child edited: the counter values its final state may have.

    The last edit reported done, or a later one the kill interrupted between the
    store call and the log line (an ``intent`` without its ``done``).
    """
    finals: dict[tuple[str, str], set[Any]] = {}
    for event in events:
        if event["event"] not in ("intent", "done") or event["op"] == "delete":
            continue
        key = (event["entity"], event["id"])
        value = event["fields"][COUNTER_FIELD[event["entity"]]]
        if event["event"] == "done":
            finals[key] = {value}
        else:
            finals.setdefault(key, set()).add(value)
    return finals


def check_child_edits(events: list[dict[str, Any]], server: dict[str, Any]) -> None:
    """Every edit the child reported is on the server, once; nothing it did not make is."""
    edits = [e for e in events if e["event"] in ("intent", "done")]
    made = {(e["entity"], e["id"]) for e in edits if e["event"] == "done"}
    deleted = {
        (e["entity"], e["id"]) for e in edits if e["event"] == "done" and e["op"] == "delete"
    }
    # A delete cut short by the kill may or may not have happened.
    maybe_deleted = {(e["entity"], e["id"]) for e in edits if e["op"] == "delete"}
    for entity, record_id in deleted:
        assert server[entity].get(record_id) is None, f"deleted here, alive there: {record_id}"
    for (entity, record_id), values in expected_values(edits).items():
        data = server[entity].get(record_id)
        if data is None:
            # Absent or a tombstone: only if it was deleted (a create and a delete that
            # never left cancel out), or if its creation was cut short by the kill.
            assert (entity, record_id) in maybe_deleted or (entity, record_id) not in made, (
                f"{entity} {record_id}: reported made, missing on the server"
            )
            continue
        assert data[COUNTER_FIELD[entity]] in values, (entity, record_id, data, values)
    names = Counter(data["businessName"] for data in live(server["client"]).values())
    assert [name for name, count in names.items() if count > 1] == []


@dataclass(frozen=True)
class Kill:
    """When one run's child dies: ``delay`` seconds after its first edit or after ``ready``."""

    during_edits: bool
    delay: float
    changes_before: int  # changes the other desk makes before the child starts


def kill_plan(seed: str, runs: int) -> list[Kill]:
    """The whole schedule, from the seed alone (never from timing), so a failure replays.

    A tenth in the middle of the edits; the rest during sync, some early (the push of
    the run's edits), most anywhere in the next 0.6 s (pages too).
    """
    rng = random.Random(f"{seed}:kills")
    plan = []
    for _ in range(runs):
        roll, changes = rng.random(), rng.randint(1, 3)
        if roll < 0.1:
            plan.append(Kill(True, rng.uniform(0.0, 0.02), changes))
        elif roll < 0.45:
            plan.append(Kill(False, rng.uniform(0.0, 0.08), changes))
        else:
            plan.append(Kill(False, rng.uniform(0.05, 0.6), changes))
    return plan


def test_kill_9_during_push_and_pull_loses_and_duplicates_nothing(
    live_server: LiveServer, tmp_path: Path
) -> None:
    desk = live_server.account()
    other = OtherDesk(live_server.account(), random.Random(f"{SEED}:other"))
    busy = random.Random(f"{SEED}:busy")  # whether the other desk acts while waiting
    data_dir, log, errors = tmp_path / "desk", tmp_path / "progress.jsonl", tmp_path / "child.err"
    tail = ProgressTail(log)
    cursors: list[str | None] = []
    landed: list[str] = []
    for _ in range(3):
        other.change([])
    for run, kill in enumerate(kill_plan(SEED, RUNS), start=1):
        where = f"seed {SEED}, run {run}, {kill}"
        for _ in range(kill.changes_before):
            other.change(child_clients(tail))
        child = start_child(live_server.url, desk.email, data_dir, log, run, errors)
        try:
            wait_for(tail, child, run, {"intent"} if kill.during_edits else {"ready"}, errors)
            kill_at = time.monotonic() + kill.delay
            while (left := kill_at - time.monotonic()) > 0:
                if not kill.during_edits and busy.random() < 0.5:
                    other.change(child_clients(tail))  # pulls meet new pages mid-sync
                time.sleep(min(left, 0.02))
            assert child.poll() is None, f"{where}: " + errors.read_text(errors="replace")[-4000:]
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        assert child.returncode == -signal.SIGKILL, where
        tail.poll()
        landed.append(killed_in(tail, run))
        cursors.append(stored_cursor(data_dir))
        sequences = [cursor_sequence(c) for c in cursors]
        assert sequences == sorted(sequences), f"{where}: the cursor went backward: {cursors}"
        assert len({c.split(":")[0] for c in cursors if c}) <= 1, f"{where}: {cursors}"
    print(f"seed {SEED}: kills landed {Counter(landed)}; cursor sequences {sequences}")

    async def final_sync() -> None:
        account = await open_desktop(live_server.url, desk.email, data_dir)
        try:
            for _ in range(5):
                report = await account.engine.sync_once()
                if report.pending == 0 and report.pulled == 0:
                    break
            server = server_records(desk.http)
            assert_cache_matches_server(account.store, server)
            assert_nothing_left(account.store)
            check_child_edits(tail.events, server)
            assert cursor_sequence(account.store.state("cursor")) >= sequences[-1]
        finally:
            await account.close()

    asyncio.run(final_sync())
    assert {"push", "pull"} <= set(landed), f"kills never landed in both phases: {landed}"
