"""Intake drop: 2,000 small PDFs dropped for one client, queued at once and uploaded.

An accountant drops a client's folder of scans on the window and expects two
things: the window says "Added 2,000 files" straight away (the design queues
every file before hashing any, so the queue shows them within 2 seconds),
and the files reach the server at 50 or more a second.

It measures the desktop's own path, headless: an account opened as the
window opens it (``open_account``, then one sync so the cache holds the
firm's clients), the account's ``IntakeService`` started as the window starts
it, and the folder handed to ``IntakeEngine.submit_in_background``, which is
exactly what the window's ``IntakeController.add_files`` calls once the drop
is confirmed. "Queued" is the moment the upload queue holds a row for every
file; "uploaded" the moment every job is ``done``; the rate is files per
second between the two (hashing, checks and sending overlap in it, as they do
for the person waiting). The server (``server_process``) runs in its own
process on a small seeded firm (``intake_firm``); afterwards the benchmark
counts the firm's documents in the server's database. The GUI thread's
stalls during such a drop, with the real window, are ``gui_stalls``' figure.

References in the same run: copying the same 2,000 files with ``shutil``
(touching 2,000 files on this disk, against "queued"), and uploading a twin
set of 2,000 files (same size, different bytes, so the server cannot take
them for duplicates) with plain httpx (``raw_uploads``: the server's floor,
against "uploaded").
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.intake.intake_engine import IntakeTarget
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.store.upload_queue import FINISHED
from advisoros_desktop.sync.account import open_account
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings
from benchmarks.intake_firm import IntakeFirm
from benchmarks.intake_runs import each, repeat_on_firm, when
from benchmarks.loop_heartbeat import LoopHeartbeat
from benchmarks.process_cpu import cpu_seconds, spent
from benchmarks.raw_uploads import upload_all_now
from benchmarks.sample_pdfs import FILE_BYTES, write_pdfs
from benchmarks.server_process import ServerProcess

NAME = "intake_drop"
TITLE = "Intake drop: 2,000 small PDFs queued and uploaded to the local server"

FILES = 2000
TARGET_QUEUED_SECONDS = 2.0
TARGET_FILES_PER_SECOND = 50.0
DEFAULT_RUNS = 3
PARALLEL_UPLOADS = 3  # IntakeService's default, and the reference's
# The queue is counted often while it fills (a 2 s target), then seldom: each
# count costs the desktop's process a little CPU, which the uploads need.
QUEUED_POLL_SECONDS = 0.01
DONE_POLL_SECONDS = 0.1


@dataclass
class DropRun:
    files: int
    queued: float  # seconds from the drop until every file has its queue row
    reported: float  # ... until ``submit`` returned its report (the window's "Added ...")
    first_done: float  # ... until the first file was on the server
    done: float  # ... until every job was done
    longest_loop_gap: float  # seconds, the event loop's longest pause meanwhile
    desktop_cpu: float | None = None  # CPU seconds of the desktop's side, drop to all done
    server_cpu: float | None = None  # ... of the server process
    states: dict[str, int] = field(default_factory=dict)

    @property
    def upload_rate(self) -> float:
        return self.files / (self.done - self.queued)


@dataclass
class Measured:
    files: int
    runs: list[DropRun] = field(default_factory=list)
    copies: list[float] = field(default_factory=list)  # seconds to copy the files
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
    folder = work / "Drop"
    write_pdfs(folder, measured.files)
    twins = write_pdfs(work / "Twins", measured.files)
    before = firm.documents()
    result = asyncio.run(_desktop_drop(server, firm, folder, work / "desktop", deadline))
    after = firm.documents()
    if after - before != measured.files:
        raise BenchmarkError(
            f"{measured.files} files were dropped and the server has {after - before} new documents"
        )
    measured.runs.append(result)
    deadline.check("copying the reference files")
    started = time.perf_counter()
    shutil.copytree(folder, work / "Copy")
    measured.copies.append(time.perf_counter() - started)
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


async def _desktop_drop(
    server: ServerProcess, firm: IntakeFirm, folder: Path, data_dir: Path, deadline: Deadline
) -> DropRun:
    account = await open_account(
        server.base_url, firm.firm.email, firm.firm.password, data_dir, MemoryTokenStore()
    )
    service = IntakeService(account, watch=False, parallel_uploads=PARALLEL_UPLOADS)
    try:
        await account.engine.sync_once()  # the window holds the firm's clients
        await service.start()
        queue = service.engine.queue
        expected = sum(1 for _ in folder.iterdir())
        heartbeat = LoopHeartbeat()
        heartbeat.start()
        cpu = (cpu_seconds(), cpu_seconds(server.pid))
        started = time.perf_counter()
        submitted = service.engine.submit_in_background(
            [folder], target=IntakeTarget(client_id=firm.client_id), source="drag_drop"
        )
        reported: list[float] = []
        submitted.add_done_callback(lambda _done: reported.append(time.perf_counter()))
        queued = await when(
            lambda: queue.count() >= expected, deadline, "queueing the files", QUEUED_POLL_SECONDS
        )
        first_done = await when(
            lambda: queue.count(["done"]) >= 1, deadline, "the first upload", QUEUED_POLL_SECONDS
        )
        done = await when(
            lambda: queue.count(FINISHED) >= expected,
            deadline,
            "uploading the files",
            DONE_POLL_SECONDS,
        )
        cpu_after = (cpu_seconds(), cpu_seconds(server.pid))
        await heartbeat.stop()
        report = submitted.result(timeout=max(1.0, deadline.remaining()))
        await asyncio.wait_for(service.drain(), max(1.0, deadline.remaining()))
        states = queue.totals().files
    finally:
        await service.stop()
        await account.close()
    if report.queued != expected or states.get("done") != expected:
        raise BenchmarkError(
            f"{expected} files dropped: {report.queued} queued, end states {states}"
        )
    return DropRun(
        files=expected,
        queued=queued - started,
        reported=reported[0] - started,
        first_done=first_done - started,
        done=done - started,
        longest_loop_gap=heartbeat.longest,
        desktop_cpu=spent(cpu[0], cpu_after[0]),
        server_cpu=spent(cpu[1], cpu_after[1]),
        states=states,
    )


def _progress(measured: Measured, index: int, runs: int) -> None:
    last = measured.runs[-1]
    print(
        f"  run {index + 1}/{runs}: {last.files:,} files queued in {last.queued:.2f} s "
        f"(report {last.reported:.2f} s), all uploaded at {last.done:.1f} s = "
        f"{last.upload_rate:,.1f} files/s; longest loop gap {last.longest_loop_gap * 1000:.0f} ms; "
        f"copy {measured.copies[-1]:.2f} s, raw uploads "
        f"{last.files / measured.raw[-1]:,.1f} files/s",
        flush=True,
    )


# --------------------------------------------------------------------------- the report


def report(measured: Measured, settings: Settings) -> BenchmarkResult:
    runs = measured.runs
    files = measured.files
    queued = statistics.median(r.queued for r in runs)
    rate = statistics.median(r.upload_rate for r in runs)
    result = BenchmarkResult(
        name=NAME,
        title=TITLE,
        target=(
            f"all {files:,} queued < {TARGET_QUEUED_SECONDS:.0f} s and uploaded at "
            f">= {TARGET_FILES_PER_SECOND:.0f} files/s (medians)"
        ),
        passed=queued < TARGET_QUEUED_SECONDS and rate >= TARGET_FILES_PER_SECOND,
    )
    result.add(
        "files",
        f"{files:,} one-page PDFs of {FILE_BYTES:,} bytes ({files * FILE_BYTES / 1e6:,.0f} MB), "
        f"one folder, one client; {PARALLEL_UPLOADS} uploads at once",
    )
    result.add("runs", f"{len(runs)}, each a fresh cache and new files")
    result.add(
        "queued (every row in the upload queue)",
        f"median {queued:.2f} s ({each(r.queued for r in runs)})",
    )
    result.add(
        'batch report back (the window\'s "Added ...")',
        f"median {statistics.median(r.reported for r in runs):.2f} s",
    )
    result.add(
        "upload phase, queued to all done",
        f"median {rate:,.1f} files/s ({each((r.upload_rate for r in runs), '{:,.1f}')})",
    )
    result.add(
        "drop to all uploaded",
        f"median {statistics.median(r.done for r in runs):.1f} s; first file on the server "
        f"after {statistics.median(r.first_done for r in runs):.2f} s",
    )
    result.add(
        "longest event-loop gap meanwhile",
        f"median {statistics.median(r.longest_loop_gap for r in runs) * 1000:,.0f} ms "
        "(headless; the window's stall is gui_stalls' figure)",
    )
    _add_cpu(result, runs)
    copy = statistics.median(measured.copies)
    raw = statistics.median(files / s for s in measured.raw)
    result.add("reference: shutil copy of the same files", f"median {copy:.2f} s")
    result.add(
        "reference: raw httpx uploads of a twin set",
        f"median {raw:,.1f} files/s ({each((files / s for s in measured.raw), '{:,.1f}')}), "
        f"{PARALLEL_UPLOADS} at once",
    )
    result.add("queued / copy", f"{queued / copy:.2f}")
    result.add("upload rate, desktop / raw", f"{rate / raw:.2f}")
    result.notes.append(
        "the server's documents were counted after each run: one new document per file"
    )
    if settings.scale != 1.0:
        result.notes.append(f"data set scaled by {settings.scale}: not the reference figure")
    return result


def _add_cpu(result: BenchmarkResult, runs: list[DropRun]) -> None:
    desktop = [r.desktop_cpu / r.files for r in runs if r.desktop_cpu is not None]
    server = [r.server_cpu / r.files for r in runs if r.server_cpu is not None]
    if desktop and server:
        result.add(
            "CPU per file, drop to all done (medians)",
            f"desktop {statistics.median(desktop) * 1000:.1f} ms, server "
            f"{statistics.median(server) * 1000:.1f} ms (2 cores shared by both)",
        )
