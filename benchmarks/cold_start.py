"""Cold start: from launching ``advisoros-desktop`` to its first painted window.

An accountant opens the program many times a day; it must show yesterday's
records at once, before the local workspace's server is up. The target is
the main window painted within 1.5 seconds of the process starting, on a
cache of 100,000 records (2,000 clients, 6,000 engagements, 20,000 tasks,
72,000 documents).

Set-up: the program is started once on an empty data folder (its very first
start: it prepares the local workspace and remembers the account), then that
account's cache is replaced by one holding the made-up firm (written by
``raw_insert`` as an initial sync would leave it). Every measured run is then
a fresh ``advisoros-desktop`` process on that folder, offscreen, with
``ADVISOROS_EXIT_AFTER_FIRST_PAINT`` set: it prints the ``time.monotonic()``
of its first paint, waits for its first sync and quits. The clock is the
machine's, so the time counts from the moment this process spawned it:
Python's start, every import, opening the cache, building the window and
painting it. In the same run, alternating with it, the same is measured for
a bare ``QApplication`` + ``QMainWindow`` (``bare_window``), the floor any
PySide6 program pays here; the ratio is the figure to compare.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisoros_desktop.store.database import open_engine
from advisoros_desktop.store.migrations import upgrade
from advisoros_desktop.sync.last_account import recall, remember
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.firm_records import RecordFactory
from benchmarks.raw_insert import timed_insert

NAME = "cold_start"
TITLE = "Cold start: launching the desktop to its first painted window, 100,000 cached records"

TARGET_SECONDS = 1.5
DEFAULT_RUNS = 5
FIRM = {"client": 2_000, "engagement": 6_000, "task": 20_000, "document": 72_000}
SEED = 20261121
OWNER_ID = "0190a000-0000-7000-8000-000000000001"
OWNER = {"id": OWNER_ID, "version": 1, "createdAt": "2024-01-02T09:00:00.000Z",
         "updatedAt": "2024-01-02T09:00:00.000Z", "deletedAt": None, "name": "Dana Whitaker",
         "email": "dana@harborview-cpa.example.com", "role": "owner", "isActive": True}  # fmt: skip
PAGE_SIZE = 1_000
# ``advisoros_desktop.app.FIRST_PAINT_ENV``, spelled out: importing the app would have
# ``make typecheck`` (the Qt-free packages and ``benchmarks``) follow it into ``ui/``.
FIRST_PAINT_ENV = "ADVISOROS_EXIT_AFTER_FIRST_PAINT"
# The longest a started program may take to paint, sync once and quit.
PROCESS_SECONDS = 120.0
# Import time is reported per top-level package; these count as the package named.
IMPORT_ALIASES = {"shiboken6": "PySide6", "shibokensupport": "PySide6"}
IMPORT_GROUPS_SHOWN = 8


@dataclass
class Start:
    """One program start: seconds from spawning it to each moment it printed."""

    first_paint: float
    first_sync: float | None = None
    exited: float = 0.0
    sync_state: str = ""


@dataclass
class Measured:
    records: int = 0
    cache_bytes: int = 0
    build_seconds: float = 0.0
    first_ever: Start | None = None
    app: list[Start] = field(default_factory=list)
    bare: list[Start] = field(default_factory=list)
    # Started as this environment says, when it keeps Python from writing bytecode.
    uncompiled: list[Start] = field(default_factory=list)
    imports: dict[str, float] = field(default_factory=dict)  # package -> seconds


def run(settings: Settings) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    counts = {entity: max(1, round(n * settings.scale)) for entity, n in FIRM.items()}
    measured = Measured()
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        compiled = _environment(Path(tmp) / "bytecode")
        print("first start on an empty data folder ...", flush=True)
        measured.first_ever = _launch(_app_command(data), compiled, deadline)
        _launch(_bare_command(), compiled, deadline)  # compiles what it imports: not measured
        print(f"building a cache of {sum(counts.values()):,} records ...", flush=True)
        _fill_cache(data, counts, measured)
        uncompiled = _environment(None) if os.environ.get("PYTHONDONTWRITEBYTECODE") else None
        for index in range(runs):
            deadline.check("starting the desktop")
            measured.bare.append(_launch(_bare_command(), compiled, deadline))
            measured.app.append(_launch(_app_command(data), compiled, deadline))
            if uncompiled is not None:
                measured.uncompiled.append(_launch(_app_command(data), uncompiled, deadline))
            print(
                f"  run {index + 1}/{runs}: desktop {measured.app[-1].first_paint:.2f} s, "
                f"bare window {measured.bare[-1].first_paint:.2f} s",
                flush=True,
            )
        measured.imports = _import_times(compiled, deadline)
    return report(measured, settings, runs)


# --------------------------------------------------------------------------- set-up


def _fill_cache(data: Path, counts: dict[str, int], measured: Measured) -> None:
    """Replace the remembered account's cache by one holding a firm's records."""
    last = recall(data)
    if last is None:
        raise BenchmarkError("the first start did not remember an account")
    cache = data / last.cache
    for path in cache.parent.glob(cache.name + "*"):  # the cache and its -wal, -shm
        path.unlink()
    factory = RecordFactory(random.Random(SEED), OWNER_ID, first_seq=2, total=sum(counts.values()))
    rows = factory.firm(counts)
    items: list[dict[str, Any]] = [
        {"entity": "user", "deleted": False, "data": OWNER},
        *(
            {"entity": entity, "deleted": row["deletedAt"] is not None, "data": row}
            for entity, entity_rows in rows.items()
            for row in entity_rows
        ),
    ]
    engine = open_engine(cache)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    measured.records, measured.build_seconds = timed_insert(cache, items, PAGE_SIZE)
    measured.cache_bytes = sum(p.stat().st_size for p in cache.parent.glob(cache.name + "*"))
    remember(data, last)  # the same account, now with a full cache
    if recall(data) != last:
        raise BenchmarkError("the filled cache is not the one the desktop will open")


# --------------------------------------------------------------------------- measuring


def _app_command(data: Path) -> list[str]:
    # The installed launcher when there is one: what a person's shortcut starts.
    launcher = Path(sys.executable).with_name("advisoros-desktop")
    program = (
        [str(launcher)] if launcher.is_file() else [sys.executable, "-m", "advisoros_desktop.app"]
    )
    return [*program, "--data-dir", str(data)]


def _bare_command() -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_window.py"))]


def _environment(bytecode: Path | None) -> dict[str, str]:
    """Offscreen, with the hook that prints the first paint; with ``bytecode``,
    Python keeps compiled modules there, as an installed program has them."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{FIRST_PAINT_ENV: "1"})
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)  # never into the source tree
    return env


def _launch(command: list[str], env: dict[str, str], deadline: Deadline) -> Start:
    spawned = time.monotonic()
    try:
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=max(1.0, min(PROCESS_SECONDS, deadline.remaining())),
        )
    except subprocess.TimeoutExpired as err:
        # subprocess.run has killed it: the local workspace's server ran inside it.
        raise BenchmarkError(f"{command[0]} did not quit in time:\n{err.stderr!r}") from err
    exited = time.monotonic() - spawned
    marks = dict(re.findall(r"^(first-paint|first-sync) (\S+)", done.stdout, re.MULTILINE))
    if done.returncode != 0 or "first-paint" not in marks:
        raise BenchmarkError(
            f"{' '.join(command)} exited with {done.returncode}:\n"
            f"{done.stdout[-1000:]}\n{done.stderr[-3000:]}"
        )
    start = Start(float(marks["first-paint"]) - spawned, exited=exited)
    if "first-sync" in marks:
        start.first_sync = float(marks["first-sync"]) - spawned
        start.sync_state = done.stdout.split("first-sync", 1)[1].split()[1]
    return start


def _import_times(env: dict[str, str], deadline: Deadline) -> dict[str, float]:
    """Seconds of import per package, as the desktop imports them (``-X importtime``).

    Each module's own time goes to its top-level package, so the groups add up
    to the whole and a package is not charged for what it imports of others.
    """
    deadline.check("timing the imports")
    code = "import advisoros_desktop.app, advisoros_desktop.desktop_startup, qasync"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=max(1.0, min(PROCESS_SECONDS, deadline.remaining())),
    )
    totals: dict[str, float] = {}
    for line in done.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package"
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        package = parts[2].strip().split(".")[0]
        package = IMPORT_ALIASES.get(package, package)
        totals[package] = totals.get(package, 0.0) + int(parts[0]) / 1e6
    return totals


# --------------------------------------------------------------------------- the report


def _spread(values: list[float]) -> str:
    median = statistics.median(values)
    return f"median {median:.2f} s, min {min(values):.2f} s, max {max(values):.2f} s"


def report(measured: Measured, settings: Settings, runs: int) -> BenchmarkResult:
    app = statistics.median([s.first_paint for s in measured.app])
    bare = statistics.median([s.first_paint for s in measured.bare])
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target=f"first painted window < {TARGET_SECONDS} s after launch (median)",
        passed=app < TARGET_SECONDS,
    )
    result.add(
        "cache",
        f"{measured.records:,} records, {measured.cache_bytes / 1e6:,.0f} MB on disk "
        f"(built in {measured.build_seconds:.1f} s, not measured)",
    )
    result.add("runs", f"{runs} of each, alternating, every one a fresh process, offscreen")
    result.add("desktop: launch to first paint", _spread([s.first_paint for s in measured.app]))
    result.add("bare PySide6 window (reference)", _spread([s.first_paint for s in measured.bare]))
    result.add("desktop / bare window (medians)", f"{app / bare:.2f}")
    result.add("desktop's own share", f"{app - bare:.2f} s beyond the bare window")
    synced = [s.first_sync for s in measured.app if s.first_sync is not None]
    if synced:
        result.add(
            "launch to first sync done",
            f"median {statistics.median(synced):.2f} s (local workspace started, signed in, "
            f"synced; state {measured.app[-1].sync_state})",
        )
    quitting = [s.exited - s.first_sync for s in measured.app if s.first_sync is not None]
    if quitting:
        result.add(
            "quitting after it", f"median {statistics.median(quitting):.2f} s (server stopped)"
        )
    if measured.uncompiled:
        result.add(
            "desktop without its bytecode",
            _spread([s.first_paint for s in measured.uncompiled])
            + " (PYTHONDONTWRITEBYTECODE: its modules compiled at every start)",
        )
    if measured.first_ever is not None:
        result.add(
            "very first start (no cache yet)",
            f"{measured.first_ever.first_paint:.2f} s to the main window "
            "(it waits for the new local workspace; Python compiles every module first)",
        )
    if measured.imports:
        ranked = sorted(measured.imports.items(), key=lambda item: -item[1])
        shown, rest = ranked[:IMPORT_GROUPS_SHOWN], ranked[IMPORT_GROUPS_SHOWN:]
        result.add(
            "imports before the window (-X importtime)",
            f"{sum(measured.imports.values()):.2f} s: "
            + ", ".join(f"{name} {seconds:.2f}" for name, seconds in shown)
            + f", {len(rest)} others {sum(seconds for _name, seconds in rest):.2f}",
        )
    result.notes.append(
        "per run, desktop: "
        + ", ".join(f"{s.first_paint:.2f}" for s in measured.app)
        + " s; bare window: "
        + ", ".join(f"{s.first_paint:.2f}" for s in measured.bare)
        + " s"
    )
    result.notes.append(
        "the operating system's file cache is warm after the first start: "
        "this is a new process, not a newly booted computer"
    )
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result
