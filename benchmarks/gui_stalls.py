"""GUI stalls: how long the window freezes, at worst, during a firm's sync and a big drop.

The design promises that the GUI thread never blocks for more than 50 ms
during a sync or an intake: a person can keep reading, typing and scrolling
while the laptop fetches the firm or uploads a folder of scans. This
measures it where it is hardest to keep: the initial sync of a whole firm
into an empty cache, then a folder of 2,000 PDFs dropped on a client's
documents, with the real window shown and refreshing from the store's
notices.

The server runs as its own process (``server_process``) on a firm seeded
straight into its tables (``large_firm``), the same firm as ``initial_sync``.
Each run is a fresh desktop process (``gui_stalls_client``) that signs in,
shows the ``MainWindow`` on an empty cache and starts the sync scheduler, as
the desktop does. A 5 ms heartbeat on the GUI thread (``gui_heartbeat``)
records every gap between ticks, first with the window idle (the reference,
same process, same run), then during the whole initial sync until the window
has caught up. Then, in the same process and window, with the sync
scheduler still running, the account's intake is started and a folder of
2,000 new one-page PDFs (``sample_pdfs``) is dragged onto the client's
documents, dropped and confirmed with Enter (``gui_stalls_intake``); the
heartbeat runs until every file is uploaded. A watchdog thread samples the
GUI thread's stack during every late tick, so the report names what the
stalls were spent on. The runs without a window measure the sync alone.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.server.schema import ENTITY_TABLES, jobs, uploads
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.gui_heartbeat import INTERVAL_MS, SAMPLE_EVERY_SECONDS, STALL_SECONDS
from benchmarks.initial_sync import FIRM_COUNTS
from benchmarks.large_firm import SeededFirm, scaled, seed_firm
from benchmarks.sample_pdfs import write_pdfs
from benchmarks.server_process import ServerProcess
from benchmarks.stall_threads import thread_shares

NAME = "gui_stalls"
TITLE = (
    "GUI stalls: the longest freeze of the window during a 100,000-record initial sync "
    "and a 2,000-file drop"
)

TARGET_MS = STALL_SECONDS * 1000
DEFAULT_RUNS = 3
IDLE_SECONDS = 3.0
CULPRITS_SHOWN = 8
INTAKE_PARTS_SHOWN = 6
INTAKE_FILES = 2000


@dataclass
class Run:
    """One desktop process: the idle reference, then the initial sync."""

    figures: dict[str, Any]

    def gaps(self, phase: str) -> list[float]:
        return [float(gap) for gap in self.figures[phase]["gaps"]]

    def stalls(self, phase: str) -> list[dict[str, Any]]:
        return list(self.figures[phase]["stalls"])

    def longest(self, phase: str) -> float:
        return max(self.gaps(phase), default=0.0)


@dataclass(frozen=True)
class Drop:
    """What each run with the window drops after its sync: a folder for one client."""

    files: int
    client_id: str


@dataclass
class Measured:
    firm: SeededFirm
    drop: Drop
    db_url: str  # the server's database, where each drop's documents are taken out again
    runs: list[Run] = field(default_factory=list)
    headless: list[Run] = field(default_factory=list)  # the same sync with no window


def run(settings: Settings) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    counts = scaled(FIRM_COUNTS, settings.scale)
    counts["engagements"] = 0  # as initial_sync: scaled() keeps one of each
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        root = Path(tmp)
        data_dir = root / "server"
        data_dir.mkdir()
        print(f"seeding {sum(counts.values()):,} records ...", flush=True)
        db_url = f"sqlite:///{data_dir / 'server.db'}"
        firm = seed_firm(db_url, **counts)
        drop = Drop(max(5, round(INTAKE_FILES * settings.scale)), _client(firm))
        measured = Measured(firm, drop, db_url)
        deadline.check("seeding")
        with ServerProcess(data_dir, deadline) as server:
            for index in range(runs):
                try:
                    for window, into in ((True, measured.runs), (False, measured.headless)):
                        into.append(_desktop_run(server, measured, root, window, deadline))
                except BenchmarkError as err:
                    raise BenchmarkError(f"{err}\nserver log:\n{server.log_tail()}") from err
                _progress(measured, index, runs)
    return report(measured, settings)


def _client(firm: SeededFirm) -> str:
    """The client the drop is for: the first live one, the same in every run."""
    return min(
        record_id
        for (entity, record_id), (_version, deleted) in firm.expected.items()
        if entity == "client" and not deleted
    )


def _progress(measured: Measured, index: int, runs: int) -> None:
    shown, alone = measured.runs[-1], measured.headless[-1]
    print(
        f"  run {index + 1}/{runs}: synced {shown.figures['pulled']:,} records in "
        f"{shown.figures['syncSeconds']:.1f} s; longest gap {_ms(shown.longest('sync'))} "
        f"(idle {_ms(shown.longest('idle'))}), {len(shown.stalls('sync'))} stalls; "
        f"no window: {alone.figures['syncSeconds']:.1f} s, longest gap "
        f"{_ms(alone.longest('sync'))}, {len(alone.stalls('sync'))} stalls; "
        f"drop of {shown.figures['intakeFiles']:,} files uploaded in "
        f"{shown.figures['intakeSeconds']:.1f} s, longest gap {_ms(shown.longest('intake'))}, "
        f"{len(shown.stalls('intake'))} stalls",
        flush=True,
    )


def _desktop_run(
    server: ServerProcess, measured: Measured, root: Path, window: bool, deadline: Deadline
) -> Run:
    deadline.check("starting a desktop process")
    firm = measured.firm
    data = Path(tempfile.mkdtemp(prefix="desktop-", dir=root))
    intake: tuple[str, ...] = ()
    if window:
        # New files each run: the server would answer files it has as duplicates.
        folder = data.parent / f"{data.name}-drop" / "Scans for the client"
        write_pdfs(folder, measured.drop.files, prefix="Scan")
        intake = ("--intake-folder", str(folder), "--intake-client", measured.drop.client_id)
    command = [
        sys.executable,
        "-m",
        "benchmarks.gui_stalls_client",
        "--server",
        server.base_url,
        "--email",
        firm.email,
        "--data-dir",
        str(data),
        "--idle-seconds",
        str(IDLE_SECONDS if window else 0),
        *(() if window else ("--no-window",)),
        "--sync-limit",
        str(max(1.0, deadline.remaining() - 10)),
        *intake,
    ]
    try:
        done = subprocess.run(
            command,
            input=firm.password + "\n",
            capture_output=True,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            timeout=max(1.0, deadline.remaining()),
        )
    except subprocess.TimeoutExpired as err:
        raise BenchmarkError("time limit reached while a desktop process ran") from err
    if done.returncode != 0:
        raise BenchmarkError(
            f"the desktop process exited with {done.returncode}:\n{done.stderr[-8000:]}"
        )
    try:
        result = Run(json.loads(done.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError) as err:
        raise BenchmarkError(
            f"the desktop process printed no figures:\n{done.stdout[-2000:]}"
        ) from err
    _check(result, firm)
    if window:
        _check_intake(result, measured.drop)
        shutil.rmtree(data.parent / f"{data.name}-drop", ignore_errors=True)
        _forget_the_drop(measured.db_url, firm.organization_id)
    shutil.rmtree(data, ignore_errors=True)  # a filled cache is ~100 MB
    return result


def _forget_the_drop(db_url: str, organization_id: str) -> None:
    """Take the dropped files' documents out of the server's tables again.

    Every run's sync must fetch the same firm; the documents an earlier run's
    drop made would otherwise join it. Removed from the tables outright, as
    the firm was seeded into them, so the change feed never mentions them.
    """
    documents = ENTITY_TABLES["document"]
    engine = sa.create_engine(db_url, connect_args={"timeout": 30})
    try:
        with engine.begin() as conn:
            made = sa.select(uploads.c.documentId).where(
                uploads.c.organizationId == organization_id, uploads.c.documentId.is_not(None)
            )
            mine = documents.c.organizationId == organization_id
            conn.execute(jobs.delete().where(jobs.c.documentId.in_(made)))
            conn.execute(documents.delete().where(mine, documents.c.id.in_(made)))
            conn.execute(uploads.delete().where(uploads.c.organizationId == organization_id))
    finally:
        engine.dispose()


def _check_intake(result: Run, drop: Drop) -> None:
    """Every dropped file was queued and uploaded once."""
    figures = result.figures
    if figures.get("intakeStates") != {"done": drop.files}:
        raise BenchmarkError(
            f"{drop.files} files dropped; the upload queue ended {figures.get('intakeStates')}"
        )
    if not result.gaps("intake"):
        raise BenchmarkError("the heartbeat never ticked during the intake")


def _check(result: Run, firm: SeededFirm) -> None:
    """The sync ended well and the cache holds every live record of the firm."""
    figures = result.figures
    if figures["state"] != "online":
        raise BenchmarkError(f"the sync ended {figures['state']}: {figures['message']}")
    live: Counter[str] = Counter()
    for (entity, _id), (_version, deleted) in firm.expected.items():
        live[entity] += not deleted
    held = figures["records"]
    if any(held[entity] != live[entity] for entity in held):
        raise BenchmarkError(f"the cache holds {held}, the firm {dict(live)}")
    if not result.gaps("sync"):
        raise BenchmarkError("the heartbeat never ticked during the sync")


# --------------------------------------------------------------------------- the report


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def _ms(value: float) -> str:
    return f"{value:,.0f} ms"


def culprits(runs: list[Run], phase: str = "sync") -> tuple[Counter[str], Counter[str], int]:
    """(samples per label, stalls per label, all samples) over every stall of ``phase``."""
    samples: Counter[str] = Counter()
    stalls: Counter[str] = Counter()
    for result in runs:
        for stall in result.stalls(phase):
            samples.update(stall["samples"])
            stalls.update(set(stall["samples"]))
    return samples, stalls, sum(samples.values())


def _add_culprits(
    result: BenchmarkResult, runs: list[Run], heading: str, shown: int, phase: str = "sync"
) -> None:
    samples, stalls, total = culprits(runs, phase)
    all_stalls = sum(len(r.stalls(phase)) for r in runs)
    for rank, (label, count) in enumerate(samples.most_common(shown), 1):
        result.add(
            f"{heading} {rank}",
            f"{count / total:.0%} of samples (~{_ms(count * SAMPLE_EVERY_SECONDS * 1000)}), "
            f"in {stalls[label]} of {all_stalls} stalls: {label}",
        )


def _add_thread_shares(result: BenchmarkResult, runs: list[Run]) -> None:
    """The intake's stalls by thread: each busy thread's frame counted on its own."""
    every = [label for r in runs for stall in r.stalls("intake") for label in stall["samples"]]
    counts, total = thread_shares(every)
    own = [(part, n) for part, n in counts.most_common() if part.startswith("GUI thread")]
    others = [(part, n) for part, n in counts.most_common() if not part.startswith("GUI thread")]
    for heading, ranked in (("intake, GUI thread", own), ("intake culprit", others)):
        for rank, (part, count) in enumerate(ranked[:INTAKE_PARTS_SHOWN], 1):
            result.add(
                f"{heading} {rank}",
                f"running in {count / total:.0%} of the samples "
                f"(~{_ms(count * SAMPLE_EVERY_SECONDS * 1000)}): {part}",
            )
    result.notes.append(
        "intake culprits: each thread's frame counted on its own, so one sample counts for "
        "every thread busy in it; a thread waiting in a C call that lets go of the GIL "
        "(SQLite waiting for its write lock, a lock's acquire) counts as running too"
    )
    for index, run in enumerate(runs, 1):
        worst = max(run.stalls("intake"), key=lambda stall: float(stall["ms"]), default=None)
        if worst is None:
            continue
        counts, total = thread_shares(worst["samples"])
        top = "; ".join(f"{part} ({count}/{total})" for part, count in counts.most_common(3))
        result.add(
            f"longest intake stall, run {index}",
            f"{_ms(float(worst['ms']))}: {top or 'no sample taken'}",
        )


def _sync_figures(runs: list[Run], phase: str = "sync") -> str:
    """Longest gap, p99, stalls and the phase's time: medians over the runs."""
    longest = statistics.median(r.longest(phase) for r in runs)
    p99 = statistics.median(_p99(r.gaps(phase)) for r in runs)
    over = statistics.median(len(r.stalls(phase)) for r in runs)
    frozen = statistics.median(sum(s["ms"] for s in r.stalls(phase)) / 1000 for r in runs)
    seconds = statistics.median(float(r.figures[f"{phase}Seconds"]) for r in runs)
    what = "sync" if phase == "sync" else "intake (Enter to all uploaded)"
    return (
        f"longest {_ms(longest)}, p99 {_ms(p99)}, {over:.0f} stalls >= {TARGET_MS:.0f} ms "
        f"({frozen:.1f} s frozen) in a {seconds:.1f} s {what}"
    )


def report(measured: Measured, settings: Settings) -> BenchmarkResult:
    runs = measured.runs
    longest = [r.longest("sync") for r in runs]
    median_longest = statistics.median(longest)
    intake_longest = [r.longest("intake") for r in runs]
    median_intake = statistics.median(intake_longest)
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target=(
            f"longest GUI-thread stall < {TARGET_MS:.0f} ms (median) during the initial sync "
            f"and during the {measured.drop.files:,}-file intake"
        ),
        passed=median_longest < TARGET_MS and median_intake < TARGET_MS,
    )
    counts = measured.firm.counts
    result.add(
        "firm",
        f"{sum(counts.values()):,} records ("
        + ", ".join(f"{counts[e]:,} {e}s" for e in ("client", "task", "document") if counts[e])
        + ")",
    )
    result.add(
        "runs",
        f"{len(runs)} with the window, {len(measured.headless)} without, each a fresh "
        f"process on an empty cache; heartbeat every {INTERVAL_MS} ms",
    )
    result.add(
        "longest stall during the sync",
        f"median {_ms(median_longest)}, worst {_ms(max(longest))}",
    )
    result.add("MainWindow shown (medians)", _sync_figures(runs))
    result.add("no window, same sync (medians)", _sync_figures(measured.headless))
    idle = statistics.median(r.longest("idle") for r in runs)
    result.add(
        "reference: idle window",
        f"longest gap {_ms(idle)}, p99 "
        f"{_ms(statistics.median(_p99(r.gaps('idle')) for r in runs))} "
        f"(median of {IDLE_SECONDS:.0f} s each)",
    )
    result.add("longest stall, sync / idle (medians)", f"{median_longest / idle:.1f}")
    result.add(
        "longest stall during the intake",
        f"median {_ms(median_intake)}, worst {_ms(max(intake_longest))} "
        f"({measured.drop.files:,} one-page PDFs dropped on a client's documents)",
    )
    result.add("intake, MainWindow shown (medians)", _sync_figures(runs, "intake"))
    result.add(
        "intake timings (medians)",
        f"drop to dialog {statistics.median(r.figures['intakeDialogSeconds'] for r in runs):.2f} s"
        f", Enter to all queued "
        f"{statistics.median(r.figures['intakeQueuedSeconds'] for r in runs):.2f} s, "
        f"to all uploaded {statistics.median(r.figures['intakeSeconds'] for r in runs):.1f} s",
    )
    result.add("longest stall, intake / idle (medians)", f"{median_intake / idle:.1f}")
    unsampled = sum(1 for r in runs for stall in r.stalls("intake") if not stall["samples"])
    result.add(
        "intake stalls with no stack sample",
        f"{unsampled} of {sum(len(r.stalls('intake')) for r in runs)} (the watchdog thread could "
        "not run either: the process was not scheduled, or a C call held the GIL)",
    )
    _add_culprits(result, runs, "culprit", CULPRITS_SHOWN)
    _add_culprits(result, measured.headless, "no-window culprit", 3)
    _add_thread_shares(result, runs)
    result.notes.append(
        "per run with the window: longest "
        + ", ".join(_ms(value) for value in longest)
        + f"; stalls >= {TARGET_MS:.0f} ms "
        + ", ".join(str(len(r.stalls("sync"))) for r in runs)
        + "; intake: longest "
        + ", ".join(_ms(value) for value in intake_longest)
        + f"; stalls >= {TARGET_MS:.0f} ms "
        + ", ".join(str(len(r.stalls("intake"))) for r in runs)
    )
    result.notes.append(
        "culprits: the GUI thread's stack sampled every "
        f"{SAMPLE_EVERY_SECONDS * 1000:.0f} ms while a tick was late, one frame per desktop "
        "module from the inside out, then the innermost frame of all; a C call holding "
        "the GIL shows as the frame that called it"
    )
    failures = [text for r in runs for text in r.figures.get("intakeDialogFailures", [])]
    if failures:
        result.notes.append(
            f"the add-files dialog failed to come up {len(failures)} time(s) and the folder "
            f"was dropped again (measured from the drop that worked): {failures[0]}"
        )
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result
