"""Change feed: how fast a laptop's first sync pulls a large firm from the server.

A new laptop, or one whose cursor expired, pulls the firm's whole data set
through ``GET /api/v1/changes`` before anyone can work offline. For a firm of
100,000 records that has to take seconds, not minutes, so the target is
20,000 records per second over loopback from the real server process.

The benchmark seeds a realistic firm straight into the server's own tables
(``large_firm``: a seed through the API would take longer than the thing
measured), starts ``advisoros server`` as a separate process
(``server_process``), signs in and pulls every page the way the desktop does,
checking each record arrives exactly once. As a yardstick measured on the same
machine in the same run, it also times a plain ``SELECT *`` of the same rows
into dicts and ``json.dumps``: the floor any feed implementation on SQLite and
Python pays. The API/raw ratio says how much the server adds on top of that
floor.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from advisoros_desktop.domain import entities as catalog
from advisoros_desktop.server.change_feed import read_page
from advisoros_desktop.server.database import create_engine
from advisoros_desktop.server.schema import ENTITY_TABLES
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.large_firm import RecordKey, SeededFirm, scaled, seed_firm
from benchmarks.server_process import ServerProcess

NAME = "change_feed"
TITLE = "Change feed: full pull of a 100,000-record firm over HTTP"

TARGET_RECORDS_PER_SECOND = 20_000
PAGE_LIMIT = 1000
DEFAULT_RUNS = 5
# A mid-sized firm after a few years: per client about 2 engagements, 9 tasks, 8 documents.
FIRM_COUNTS = {"clients": 5_000, "engagements": 10_000, "tasks": 45_000, "documents": 40_000}
HTTP_TIMEOUT_SECONDS = 60.0


# --------------------------------------------------------------------------- measuring


@dataclass
class Pull:
    """One full pull of the feed, as a client saw it."""

    seconds: float
    pages: int
    body_bytes: int
    waiting_seconds: float  # from sending each request to having its whole body
    records: int
    # Kept until checked, then dropped: only their number matters for the report.
    items: list[dict[str, Any]] = field(repr=False)

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds


def sign_in(http: httpx.Client, firm: SeededFirm) -> None:
    """Sign in as the firm's owner; later requests on ``http`` carry the token."""
    response = http.post("/auth/token", json={"email": firm.email, "password": firm.password})
    if response.status_code != 200:
        raise BenchmarkError(f"sign-in failed: {response.status_code} {response.text[:300]}")
    http.headers["Authorization"] = f"Bearer {response.json()['accessToken']}"


def pull_feed(http: httpx.Client, deadline: Deadline) -> Pull:
    """Follow the cursor from the start until the server says there is no more.

    The cursor is opaque, as it is to the desktop: sent back exactly as the
    last page gave it, never parsed or built here: its format is the
    server's business alone.
    """
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = body_bytes = 0
    waiting = 0.0
    started = time.perf_counter()
    while True:
        deadline.check("pulling the change feed")
        params: dict[str, str | int] = {"limit": PAGE_LIMIT}
        if cursor is not None:
            params["cursor"] = cursor
        sent = time.perf_counter()
        response = http.get("/changes", params=params)
        waiting += time.perf_counter() - sent
        if response.status_code != 200:
            raise BenchmarkError(f"GET /changes: {response.status_code} {response.text[:300]}")
        page = json.loads(response.content)
        pages += 1
        body_bytes += len(response.content)
        items.extend(page["items"])
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    elapsed = time.perf_counter() - started
    return Pull(elapsed, pages, body_bytes, waiting, len(items), items)


def check_pull(pull: Pull, firm: SeededFirm) -> None:
    """Every record once, parents first, at its version, live or tombstone as seeded."""
    seen: dict[RecordKey, tuple[int, bool]] = {}
    for item in pull.items:
        key = (item["entity"], item["id"])
        if key in seen:
            raise BenchmarkError(f"{key} arrived twice")
        if not item["deleted"]:
            _check_parents_came_first(key, item["data"], seen)
        seen[key] = (item["version"], item["deleted"])
    if seen != firm.expected:
        missing = firm.expected.keys() - seen.keys()
        extra = seen.keys() - firm.expected.keys()
        wrong = [k for k in seen.keys() & firm.expected.keys() if seen[k] != firm.expected[k]]
        raise BenchmarkError(
            f"the feed differs from the seed: {len(missing)} missing, "
            f"{len(extra)} unexpected, {len(wrong)} at the wrong version"
        )


def _check_parents_came_first(
    key: RecordKey, data: dict[str, Any], seen: dict[RecordKey, tuple[int, bool]]
) -> None:
    if data["id"] != key[1]:
        raise BenchmarkError(f"{key} carries the data of {data['id']}")
    for ref in catalog.ENTITIES[key[0]].references():
        target = data[ref.name]
        if target is not None and ref.references and (ref.references, target) not in seen:
            raise BenchmarkError(f"{key} arrived before its {ref.references} {target}")


def raw_read(db_path: Path, organization_id: str) -> tuple[int, float]:
    """The yardstick: every row of the firm into dicts, then into one JSON text."""
    started = time.perf_counter()
    with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        rows: list[dict[str, Any]] = []
        for table in ENTITY_TABLES.values():
            cursor = conn.execute(
                f'SELECT * FROM "{table.name}" WHERE "organizationId" = ?', (organization_id,)
            )
            columns = [d[0] for d in cursor.description]
            rows.extend(dict(zip(columns, row, strict=True)) for row in cursor)
        text = json.dumps(rows, separators=(",", ":"))
    elapsed = time.perf_counter() - started
    del text
    return len(rows), elapsed


def in_process_pull(db_url: str, organization_id: str, deadline: Deadline) -> tuple[int, float]:
    """The feed's own work without HTTP: ``read_page`` and ``json.dumps``, page after page.

    Like ``pull_feed``, it hands each page's cursor back to ``read_page`` untouched.
    """
    engine = create_engine(db_url)
    try:
        records, cursor, started = 0, None, time.perf_counter()
        while True:
            deadline.check("reading the feed in-process")
            page = read_page(engine, organization_id, cursor, PAGE_LIMIT)
            json.dumps(page, separators=(",", ":"))
            records += len(page["items"])
            cursor = page["cursor"]
            if not page["hasMore"]:
                return records, time.perf_counter() - started
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- the benchmark


@dataclass
class Measurements:
    firm: SeededFirm
    warm_up: Pull | None = None
    pulls: list[Pull] = field(default_factory=list)
    raw: list[tuple[int, float]] = field(default_factory=list)
    in_process: list[tuple[int, float]] = field(default_factory=list)
    memory_after_start: dict[str, int] = field(default_factory=dict)
    memory_after_runs: dict[str, int] = field(default_factory=dict)


def run(settings: Settings) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    counts = scaled(FIRM_COUNTS, settings.scale)
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        data_dir = Path(tmp) / "server"
        data_dir.mkdir()
        db_path = data_dir / "server.db"
        db_url = f"sqlite:///{db_path}"
        print(f"seeding {sum(counts.values()):,} records into {db_path} ...", flush=True)
        measured = Measurements(seed_firm(db_url, **counts))
        print(f"seeded in {measured.firm.seconds:.1f} s; starting the server", flush=True)
        deadline.check("seeding")
        with ServerProcess(data_dir, deadline) as server:
            measured.memory_after_start = server.memory()
            try:
                _measure_api(server, measured, runs, deadline)
            except (BenchmarkError, httpx.HTTPError) as err:
                raise BenchmarkError(f"{err}\nserver log:\n{server.log_tail()}") from err
            measured.memory_after_runs = server.memory()
        for index in range(runs):
            deadline.check("reading the rows directly")
            measured.raw.append(raw_read(db_path, measured.firm.organization_id))
            if index < min(runs, 3):
                measured.in_process.append(
                    in_process_pull(db_url, measured.firm.organization_id, deadline)
                )
        print(f"reference reads done, {len(measured.raw)} runs", flush=True)
    return report(measured, settings)


def _measure_api(
    server: ServerProcess, measured: Measurements, runs: int, deadline: Deadline
) -> None:
    timeout = httpx.Timeout(HTTP_TIMEOUT_SECONDS)
    with httpx.Client(base_url=server.base_url, timeout=timeout) as http:
        for index in range(runs + 1):
            sign_in(http, measured.firm)  # a fresh token per pull: access tokens last minutes
            pull = pull_feed(http, deadline)
            check_pull(pull, measured.firm)
            label = "warm-up" if index == 0 else f"run {index}/{runs}"
            print(
                f"  {label}: {pull.records:,} records in {pull.seconds:.2f} s "
                f"= {pull.records_per_second:,.0f} records/s ({pull.pages} pages)",
                flush=True,
            )
            pull.items = []
            if index == 0:
                measured.warm_up = pull
            else:
                measured.pulls.append(pull)


def report(measured: Measurements, settings: Settings) -> BenchmarkResult:
    rates = [p.records_per_second for p in measured.pulls]
    median = statistics.median(rates)
    raw_rate = statistics.median(rows / seconds for rows, seconds in measured.raw)
    records = sum(measured.firm.counts.values())
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target=f">= {TARGET_RECORDS_PER_SECOND:,} records/s (median)",
        passed=median >= TARGET_RECORDS_PER_SECOND,
    )
    counts = measured.firm.counts
    result.add(
        "firm",
        f"{records:,} records: "
        + ", ".join(
            f"{counts[e]:,} {catalog.ENTITIES[e].plural if counts[e] != 1 else e}"
            for e in ("client", "engagement", "task", "document", "user")
        ),
    )
    first = measured.pulls[0]
    result.add(
        "feed",
        f"{first.pages} pages of <= {PAGE_LIMIT}, "
        f"{first.body_bytes / 1e6:.1f} MB JSON per pull "
        f"({first.body_bytes / records:,.0f} bytes/record)",
    )
    result.add("seeding (not measured)", f"{measured.firm.seconds:.1f} s")
    result.add(
        "runs",
        f"{len(rates)} full pulls after one warm-up ({_rate(measured.warm_up.records_per_second)})"
        if measured.warm_up
        else f"{len(rates)} full pulls",
    )
    per_pull = statistics.median(p.seconds for p in measured.pulls)
    result.add("median", f"{_rate(median)} ({per_pull:.2f} s per pull)")
    result.add(
        "min / max",
        f"{_rate(min(rates))} / {_rate(max(rates))} "
        f"(spread {(max(rates) - min(rates)) / median:.1%} of the median)",
    )
    waiting = sum(p.waiting_seconds for p in measured.pulls) / sum(
        p.seconds for p in measured.pulls
    )
    result.add("time waiting for responses", f"{waiting:.0%} (the rest: client JSON parsing)")
    if measured.in_process:
        in_process = statistics.median(rows / seconds for rows, seconds in measured.in_process)
        result.add("in-process read_page + dumps", _rate(in_process) + " (no HTTP, no server)")
    result.add("raw SQLite read + dumps", f"{_rate(raw_rate)} (reference)")
    result.add("API / raw read", f"{median / raw_rate:.2f}")
    result.add("server RSS after start", _memory(measured.memory_after_start))
    result.add("server RSS after runs", _memory(measured.memory_after_runs))
    result.notes.append(
        "per run: " + ", ".join(_rate(r).replace(" records/s", "") for r in rates) + " records/s"
    )
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result


def _rate(value: float) -> str:
    return f"{value:,.0f} records/s"


def _memory(memory: dict[str, int]) -> str:
    if not memory:
        return "not measured (no /proc)"
    return (
        f"VmRSS {memory.get('VmRSS', 0) / 1024:,.0f} MiB, "
        f"VmHWM {memory.get('VmHWM', 0) / 1024:,.0f} MiB (peak)"
    )
