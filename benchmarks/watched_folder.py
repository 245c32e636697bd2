"""Watched folder: 1,000 files arrive at once in a scanner's folder; each is taken exactly once.

A scanner or a "print to PDF" folder can receive a whole batch in one go
(a night's scanning copied in from a USB stick, say). Every file must reach
the server once, never twice and never not at all, and the folder must end
up tidy: each uploaded file moved to ``.processed/<date>/``. The check is
that the files in ``.processed`` are exactly the files copied in, one each,
and that the server holds exactly that many new documents.

It runs the desktop's own service, headless: an account opened as the window
or ``advisoros intake`` opens it, its ``IntakeService`` with one watched
folder (native change notifications, the default quiet period of 2 s,
``after_upload="move"``, every file for one client), started as the window
starts it. Once the folder is being watched, 1,000 one-page PDFs are copied
into it as fast as ``shutil.copy2`` goes. The clock runs from the first copy
until every file has been uploaded and moved (every job finished and
settled, nothing left in the folder). The server (``server_process``) runs
in its own process on a small seeded firm (``intake_firm``).

References in the same run: the copy itself, and uploading a twin set of
1,000 files (same size, different bytes) with plain httpx (``raw_uploads``).
A file cannot be taken before it has been quiet for 2 s, so that is part of
the wall time whatever the machine.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.store.upload_queue import FINISHED
from advisoros_desktop.sync.account import open_account
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.intake_firm import IntakeFirm
from benchmarks.intake_runs import each, repeat_on_firm, when
from benchmarks.loop_heartbeat import LoopHeartbeat
from benchmarks.raw_uploads import upload_all_now
from benchmarks.sample_pdfs import FILE_BYTES, write_pdfs
from benchmarks.server_process import ServerProcess

NAME = "watched_folder"
TITLE = "Watched folder: 1,000 files copied in at once, each processed exactly once"

FILES = 1000
QUIET_SECONDS = 2.0  # the watched folders' default
DEFAULT_RUNS = 3
PARALLEL_UPLOADS = 3  # IntakeService's default, and the reference's
POLL_SECONDS = 0.1  # each look costs the desktop a little CPU the uploads need
WATCH_START_SECONDS = 30.0


@dataclass
class FolderRun:
    files: int
    copy_seconds: float  # copying the files in
    queued: float  # seconds from the first copy until every file has its queue row
    uploaded: float  # ... until every job is finished
    settled: float  # ... until every file was moved and the folder holds no other
    processed: int  # files in .processed
    documents: int  # new documents on the server
    longest_loop_gap: float
    states: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.files / self.settled


@dataclass
class Measured:
    files: int
    runs: list[FolderRun] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)  # seconds for raw httpx uploads


def run(settings: Settings) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    files = max(5, round(FILES * settings.scale))
    measured = Measured(files)
    repeat_on_firm(
        runs,
        deadline,
        lambda server, firm, work, deadline: _one_run(server, firm, work, measured, deadline),
        lambda index: _progress(measured, index, runs),
    )
    return report(measured, settings)


def _one_run(
    server: ServerProcess, firm: IntakeFirm, work: Path, measured: Measured, deadline: Deadline
) -> None:
    deadline.check("writing the files")
    sources = write_pdfs(work / "Source", measured.files, prefix="Scan")
    twins = write_pdfs(work / "Twins", measured.files)
    watched = work / "Scanner"
    watched.mkdir()
    before = firm.documents()
    result = asyncio.run(_desktop_run(server, firm, sources, watched, work / "desktop", deadline))
    result.documents = firm.documents() - before
    _check(result, sources, watched)
    measured.runs.append(result)
    after = firm.documents()
    measured.raw.append(
        upload_all_now(
            server.base_url,
            firm.firm.email,
            firm.firm.password,
            twins,
            firm.client_id,
            PARALLEL_UPLOADS,
        )
    )
    if firm.documents() - after != measured.files:
        raise BenchmarkError("the reference uploads did not all become documents")
    shutil.rmtree(work, ignore_errors=True)


async def _desktop_run(
    server: ServerProcess,
    firm: IntakeFirm,
    sources: list[Path],
    watched: Path,
    data_dir: Path,
    deadline: Deadline,
) -> FolderRun:
    account = await open_account(
        server.base_url, firm.firm.email, firm.firm.password, data_dir, MemoryTokenStore()
    )
    folder = WatchedFolder(watched, quiet_seconds=QUIET_SECONDS, client_id=firm.client_id)
    service = IntakeService(account, folders=[folder], parallel_uploads=PARALLEL_UPLOADS)
    try:
        await account.engine.sync_once()  # the desktop holds the firm's clients
        await service.start()
        await when(
            lambda: service.folder_states.get(str(watched), ("", ""))[0] == "watching",
            deadline,
            "the folder to be watched",
            POLL_SECONDS,
            WATCH_START_SECONDS,
        )
        queue = service.engine.queue
        expected = len(sources)
        heartbeat = LoopHeartbeat()
        heartbeat.start()
        started = time.perf_counter()
        # Copied on a thread, as another program would: the loop goes on meanwhile.
        await asyncio.to_thread(_copy_in, sources, watched)
        copied = time.perf_counter()
        queued = await when(
            lambda: queue.count() >= expected, deadline, "taking the files", POLL_SECONDS
        )
        uploaded = await when(
            lambda: queue.count(FINISHED) >= expected, deadline, "uploading the files", POLL_SECONDS
        )
        settled = await when(
            lambda: not queue.unsettled_finished() and not _left_in(watched),
            deadline,
            "moving the files to .processed",
            POLL_SECONDS,
        )
        await heartbeat.stop()
        states = queue.totals().files
    finally:
        await service.stop()
        await account.close()
    return FolderRun(
        files=expected,
        copy_seconds=copied - started,
        queued=queued - started,
        uploaded=uploaded - started,
        settled=settled - started,
        processed=len(_processed(watched)),
        documents=0,
        longest_loop_gap=heartbeat.longest,
        states=states,
    )


def _copy_in(sources: list[Path], watched: Path) -> None:
    for source in sources:
        shutil.copy2(source, watched / source.name)


def _left_in(watched: Path) -> list[Path]:
    """Files still in the watched folder itself, outside intake's own hidden folders."""
    return [path for path in watched.iterdir() if path.is_file()]


def _processed(watched: Path) -> list[Path]:
    return [path for path in (watched / ".processed").rglob("*") if path.is_file()]


def _check(result: FolderRun, sources: list[Path], watched: Path) -> None:
    """Every file copied in is in .processed exactly once, and on the server once."""
    names = Counter(path.name for path in _processed(watched))
    expected = Counter(path.name for path in sources)
    problems = []
    if names != expected:
        missing = sorted((expected - names).elements())[:5]
        extra = sorted((names - expected).elements())[:5]
        problems.append(f".processed differs: missing {missing}, extra {extra}")
    for other in (".failed", ".duplicates"):
        if (watched / other).exists() and any((watched / other).rglob("*")):
            problems.append(f"files went to {other}")
    if result.states.get("done") != result.files or sum(result.states.values()) != result.files:
        problems.append(f"the upload queue ended with {result.states}")
    if result.documents != result.files:
        problems.append(f"the server has {result.documents} new documents")
    if problems:
        raise BenchmarkError(f"{result.files} files copied in: " + "; ".join(problems))


def _progress(measured: Measured, index: int, runs: int) -> None:
    last = measured.runs[-1]
    print(
        f"  run {index + 1}/{runs}: {last.files:,} files copied in {last.copy_seconds:.2f} s, "
        f"all queued at {last.queued:.1f} s, uploaded at {last.uploaded:.1f} s, "
        f"settled at {last.settled:.1f} s = {last.rate:,.1f} files/s; "
        f"{last.processed:,} in .processed, {last.documents:,} new documents; "
        f"raw uploads {last.files / measured.raw[-1]:,.1f} files/s",
        flush=True,
    )


# --------------------------------------------------------------------------- the report


def report(measured: Measured, settings: Settings) -> BenchmarkResult:
    runs = measured.runs
    files = measured.files
    exact = all(r.processed == r.documents == r.files for r in runs)
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target="every file processed exactly once: .processed count = server document count "
        "= files copied in (every run)",
        passed=exact,
    )
    result.add(
        "files",
        f"{files:,} one-page PDFs of {FILE_BYTES:,} bytes, copied in at once; "
        f"quiet period {QUIET_SECONDS:g} s (the default), native notifications, "
        f"{PARALLEL_UPLOADS} uploads at once",
    )
    result.add("runs", f"{len(runs)}, each a fresh cache, folder and files")
    result.add(
        "processed exactly once",
        "; ".join(f"{r.processed:,} in .processed = {r.documents:,} documents" for r in runs),
    )
    rate = statistics.median(r.rate for r in runs)
    result.add(
        "throughput, first copy to all settled",
        f"median {rate:,.1f} files/s ({each((r.rate for r in runs), '{:,.1f}')})",
    )
    result.add(
        "wall time",
        f"median {statistics.median(r.settled for r in runs):.1f} s "
        f"({each((r.settled for r in runs), '{:.1f}')})",
    )
    result.add(
        "all taken into the queue at",
        f"median {statistics.median(r.queued for r in runs):.1f} s; all uploaded at "
        f"{statistics.median(r.uploaded for r in runs):.1f} s",
    )
    result.add(
        "longest event-loop gap meanwhile",
        f"median {statistics.median(r.longest_loop_gap for r in runs) * 1000:,.0f} ms",
    )
    result.add(
        "reference: copying the files in",
        f"median {statistics.median(r.copy_seconds for r in runs):.2f} s",
    )
    raw = statistics.median(files / s for s in measured.raw)
    result.add(
        "reference: raw httpx uploads of a twin set",
        f"median {raw:,.1f} files/s ({each((files / s for s in measured.raw), '{:,.1f}')})",
    )
    result.add("throughput, watched folder / raw uploads", f"{rate / raw:.2f}")
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result
