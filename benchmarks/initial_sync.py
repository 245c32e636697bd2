"""Initial sync: a laptop joining a 100,000-record firm, end to end, and its first push.

``change_feed`` measures how fast the server hands out the firm; this measures
what a person waits for: the desktop's own code signing in, pulling every
page and storing it in an empty cache (with its search index and indexes)
until it can work offline. The target is 10,000 records per second, so a
100,000-record firm is ready in about ten seconds, within 300 MB of memory
in the desktop process. After that first sync, 1,000 edits made through the
store must reach the server in under 2 seconds.

The server runs as its own process (``server_process``) on a firm seeded
straight into its tables (``large_firm``). The desktop's side runs in a fresh
process per run (``initial_sync_client``), so each run starts from an empty
cache and reports its own peak memory. Beside it, in the same run, the same
records are bulk-inserted with plain ``sqlite3`` (``raw_insert``): the floor
any cache pays on this machine. The sync/raw ratio is the figure to compare.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from advisoros_desktop.domain import entities as catalog
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.change_feed import check_pull, pull_feed, sign_in
from benchmarks.large_firm import SeededFirm, scaled, seed_firm
from benchmarks.raw_insert import make_cache_tables, make_plain_tables, timed_insert
from benchmarks.server_process import ServerProcess

NAME = "initial_sync"
TITLE = "Initial sync: a 100,000-record firm into an empty cache, then a 1,000-edit push"

TARGET_RECORDS_PER_SECOND = 10_000
TARGET_PEAK_RSS_BYTES = 300_000_000  # 300 MB
TARGET_PUSH_SECONDS = 2.0
PAGE_SIZE = 1000
DEFAULT_RUNS = 5
# 10% clients, 30% tasks, 60% documents: a document-heavy firm, the heaviest records.
FIRM_COUNTS = {"clients": 10_000, "engagements": 0, "tasks": 30_000, "documents": 60_000}
EDITS = 1000
HTTP_TIMEOUT_SECONDS = 60.0


@dataclass
class Run:
    """One initial sync in a fresh desktop process, as ``initial_sync_client`` printed it."""

    figures: dict[str, Any]

    @property
    def records(self) -> int:
        return int(self.figures["initial"]["pulled"])

    @property
    def seconds(self) -> float:
        return float(self.figures["initial"]["seconds"])

    @property
    def rate(self) -> float:
        return self.records / self.seconds

    @property
    def peak_bytes(self) -> int:
        return int(self.figures["memoryAfterSync"].get("VmHWM", 0)) * 1024


@dataclass
class Measurements:
    firm: SeededFirm
    edits: int
    pages: int = 0
    runs: list[Run] = field(default_factory=list)
    pushes: list[dict[str, Any]] = field(default_factory=list)
    plain: list[tuple[int, float]] = field(default_factory=list)
    cache_schema: list[tuple[int, float]] = field(default_factory=list)
    no_search: list[tuple[int, float]] = field(default_factory=list)


def run(settings: Settings) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    counts = scaled(FIRM_COUNTS, settings.scale)
    counts["engagements"] = 0  # scaled() keeps at least one of each; this firm has none
    edits = min(max(1, round(EDITS * settings.scale)), counts["clients"])
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        root = Path(tmp)
        data_dir = root / "server"
        data_dir.mkdir()
        db_url = f"sqlite:///{data_dir / 'server.db'}"
        print(f"seeding {sum(counts.values()):,} records ...", flush=True)
        measured = Measurements(seed_firm(db_url, **counts), edits)
        print(f"seeded in {measured.firm.seconds:.1f} s; starting the server", flush=True)
        deadline.check("seeding")
        with ServerProcess(data_dir, deadline) as server:
            client = DesktopProcess(server, measured.firm, deadline)
            try:
                items = _warm_up(server, measured, deadline)
                # Every initial sync first, on the firm as seeded: the pushes change it.
                for index in range(runs):
                    _initial_run(client, measured, items, root, index, runs, deadline)
                for index in range(runs):
                    _push_run(client, measured, root, index, runs)
            except (BenchmarkError, httpx.HTTPError) as err:
                raise BenchmarkError(f"{err}\nserver log:\n{server.log_tail()}") from err
    return report(measured, settings)


def _warm_up(server: ServerProcess, measured: Measurements, deadline: Deadline) -> list[Any]:
    """Pull the feed once over plain httpx: warms the server, checks it, gives the rows.

    The items are the records exactly as the desktop receives them; the
    reference inserts them.
    """
    with httpx.Client(base_url=server.base_url, timeout=HTTP_TIMEOUT_SECONDS) as http:
        sign_in(http, measured.firm)
        pull = pull_feed(http, deadline)
    check_pull(pull, measured.firm)
    measured.pages = pull.pages
    print(f"  warm-up pull: {pull.records:,} records, {pull.pages} pages", flush=True)
    return pull.items


def _initial_run(
    client: DesktopProcess,
    measured: Measurements,
    items: list[Any],
    root: Path,
    index: int,
    runs: int,
    deadline: Deadline,
) -> None:
    """One desktop process syncing into an empty cache, then both references."""
    work = root / f"run-{index + 1}"
    work.mkdir()
    try:
        result = Run(client.run("initial", work / "desktop"))
        _check_initial(result, measured)
        measured.runs.append(result)
        print(
            f"  initial sync {index + 1}/{runs}: {result.records:,} records in "
            f"{result.seconds:.2f} s = {_rate(result.rate)}, peak RSS {_mb(result.peak_bytes)}",
            flush=True,
        )
        deadline.check("inserting the reference rows")
        make_plain_tables(work / "plain.db")
        measured.plain.append(timed_insert(work / "plain.db", items, PAGE_SIZE))
        make_cache_tables(work / "schema.db")
        measured.cache_schema.append(timed_insert(work / "schema.db", items, PAGE_SIZE))
        make_cache_tables(work / "unsearched.db", search=False)
        measured.no_search.append(timed_insert(work / "unsearched.db", items, PAGE_SIZE))
    finally:
        # A filled cache is ~70 MB: keep only the last one, which the pushes start from.
        if index + 1 < runs:
            shutil.rmtree(work, ignore_errors=True)


def _push_run(
    client: DesktopProcess, measured: Measurements, root: Path, index: int, runs: int
) -> None:
    """A copy of the last filled cache, edited and pushed by a desktop process."""
    filled = root / f"run-{runs}" / "desktop"
    copy = root / f"push-{index + 1}"
    shutil.copytree(filled, copy)
    try:
        # Each run edits clients no run edited before, so every push is the same work.
        push: dict[str, Any] = client.run(
            "push",
            copy,
            "--edits",
            str(measured.edits),
            "--edit-offset",
            str(index * measured.edits),
            "--run",
            str(index + 1),
        )["push"]
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    if (push["edits"], push["pushed"], push["pending"]) != (measured.edits, measured.edits, 0):
        raise BenchmarkError(f"the push did not send every edit exactly once: {push}")
    if push["rejected"] or push["conflicts"]:
        raise BenchmarkError(f"the push met rejections or conflicts: {push}")
    measured.pushes.append(push)
    print(
        f"  push {index + 1}/{runs}: {push['edits']:,} edits sent in "
        f"{push['syncSeconds']:.2f} s ({push['pushSeconds']:.2f} s pushing)",
        flush=True,
    )


class DesktopProcess:
    """Runs ``initial_sync_client`` as a fresh process and returns what it printed."""

    def __init__(self, server: ServerProcess, firm: SeededFirm, deadline: Deadline) -> None:
        self.server = server
        self.firm = firm
        self.deadline = deadline

    def run(self, mode: str, data_dir: Path, *extra: str) -> dict[str, Any]:
        self.deadline.check("starting a desktop process")
        command = [
            sys.executable,
            "-m",
            "benchmarks.initial_sync_client",
            "--mode",
            mode,
            "--server",
            self.server.base_url,
            "--email",
            self.firm.email,
            "--data-dir",
            str(data_dir),
            *extra,
        ]
        try:
            done = subprocess.run(
                command,
                input=self.firm.password + "\n",
                capture_output=True,
                text=True,
                timeout=max(1.0, self.deadline.remaining()),
            )
        except subprocess.TimeoutExpired as err:
            raise BenchmarkError("time limit reached while a desktop process ran") from err
        if done.returncode != 0:
            raise BenchmarkError(
                f"the desktop process exited with {done.returncode}:\n{done.stderr[-3000:]}"
            )
        try:
            figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError) as err:
            raise BenchmarkError(f"the desktop process printed no figures:\n{done.stdout}") from err
        return figures


def _check_initial(result: Run, measured: Measurements) -> None:
    """The cache holds every live record of the firm, and nothing else happened."""
    live = {entity: 0 for entity in catalog.ENTITIES}
    for (entity, _id), (_version, deleted) in measured.firm.expected.items():
        live[entity] += not deleted
    if result.figures["counts"] != live:
        raise BenchmarkError(f"the cache holds {result.figures['counts']}, the firm {live}")
    initial = result.figures["initial"]
    if (initial["pushed"], initial["conflicts"], initial["pending"]) != (0, 0, 0):
        raise BenchmarkError(f"an initial sync pushed or conflicted: {initial}")


# --------------------------------------------------------------------------- the report


def report(measured: Measurements, settings: Settings) -> BenchmarkResult:
    runs = measured.runs
    rates = [r.rate for r in runs]
    median = statistics.median(rates)
    peaks = [r.peak_bytes for r in runs]
    push_seconds = [float(p["syncSeconds"]) for p in measured.pushes]
    push_median = statistics.median(push_seconds)
    plain = statistics.median(rows / seconds for rows, seconds in measured.plain)
    schema = statistics.median(rows / seconds for rows, seconds in measured.cache_schema)
    passed = (
        median >= TARGET_RECORDS_PER_SECOND
        and max(peaks) < TARGET_PEAK_RSS_BYTES
        and push_median < TARGET_PUSH_SECONDS
    )
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target=(
            f">= {TARGET_RECORDS_PER_SECOND:,} records/s (median), desktop peak RSS "
            f"< {_mb(TARGET_PEAK_RSS_BYTES)} (every run), push of {EDITS:,} edits "
            f"< {TARGET_PUSH_SECONDS:.0f} s (median)"
        ),
        passed=passed,
    )
    counts = measured.firm.counts
    result.add(
        "firm",
        f"{sum(counts.values()):,} records: "
        + ", ".join(
            f"{counts[e]:,} {catalog.ENTITIES[e].plural if counts[e] != 1 else e}"
            for e in ("client", "engagement", "task", "document", "user")
        ),
    )
    first = runs[0].figures
    result.add(
        "feed",
        f"{measured.pages} pages of <= {PAGE_SIZE}; cache after sync "
        f"{first['cacheBytes'] / 1e6:.0f} MB on disk",
    )
    result.add("seeding (not measured)", f"{measured.firm.seconds:.1f} s")
    result.add(
        "runs",
        f"{len(runs)} initial syncs, each a fresh desktop process and an empty cache; "
        f"then {len(measured.pushes)} pushes, each from a copy of a filled cache",
    )
    per_sync = statistics.median(r.seconds for r in runs)
    result.add("initial sync, median", f"{_rate(median)} ({per_sync:.2f} s for the firm)")
    result.add(
        "min / max",
        f"{_rate(min(rates))} / {_rate(max(rates))} "
        f"(spread {(max(rates) - min(rates)) / median:.1%} of the median)",
    )
    waiting = statistics.median(
        float(r.figures["initial"]["changesSeconds"]) / r.seconds for r in runs
    )
    result.add(
        "time in GET /changes",
        f"{waiting:.0%} (server, transfer, JSON parsing; the rest: checking and storing pages)",
    )
    opening = statistics.median(float(r.figures["openSeconds"]) for r in runs)
    result.add("sign-in + open cache (not in the rate)", f"{opening:.2f} s")
    start_rss = statistics.median(
        int(r.figures["memoryAtStart"].get("VmRSS", 0)) * 1024 for r in runs
    )
    result.add(
        "desktop peak RSS (VmHWM)",
        f"median {_mb(statistics.median(peaks))}, max {_mb(max(peaks))} "
        f"(RSS {_mb(start_rss)} after imports)",
    )
    result.add("raw sqlite3 insert, plain tables", f"{_rate(plain)} (reference)")
    result.add("raw sqlite3 insert, cache schema", f"{_rate(schema)} (indexes + FTS triggers)")
    unsearched = statistics.median(rows / seconds for rows, seconds in measured.no_search)
    result.add(
        "raw sqlite3 insert, no FTS triggers",
        f"{_rate(unsearched)} (search costs {1 - schema / unsearched:.0%} of the insert time)",
    )
    result.add("initial sync / raw plain insert", f"{median / plain:.3f}")
    result.add("initial sync / raw cache-schema insert", f"{median / schema:.3f}")
    push_phase = statistics.median(float(p["pushSeconds"]) for p in measured.pushes)
    requests = statistics.median(float(p["pushRequestSeconds"]) for p in measured.pushes)
    editing = statistics.median(float(p["editSeconds"]) for p in measured.pushes)
    result.add(
        f"push of {measured.edits:,} edits, median",
        f"{push_median:.2f} s for sync_once: {push_phase:.2f} s pushing "
        f"({requests:.2f} s of it in POST /mutations), the rest pulling them back",
    )
    result.add(
        f"making the {measured.edits:,} edits (not in it)",
        f"{editing:.2f} s through LocalStore.update, "
        f"{editing / measured.edits * 1000:.2f} ms per edit",
    )
    result.notes.append(
        "per run: "
        + ", ".join(f"{r:,.0f}" for r in rates)
        + " records/s; peak RSS "
        + ", ".join(_mb(p) for p in peaks)
        + "; push "
        + ", ".join(f"{s:.2f}" for s in push_seconds)
        + " s"
    )
    result.notes.append(
        "reference per run: plain "
        + ", ".join(f"{rows / s:,.0f}" for rows, s in measured.plain)
        + "; cache schema "
        + ", ".join(f"{rows / s:,.0f}" for rows, s in measured.cache_schema)
        + "; no FTS triggers "
        + ", ".join(f"{rows / s:,.0f}" for rows, s in measured.no_search)
        + " records/s"
    )
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result


def _rate(value: float) -> str:
    return f"{value:,.0f} records/s"


def _mb(value: float) -> str:
    return f"{value / 1e6:,.0f} MB"
