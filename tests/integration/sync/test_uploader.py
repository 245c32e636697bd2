"""The uploader against the real embedded server: parallel, deduplicated, resumable, stoppable.

Jobs are put in the queue as intake leaves them (``waiting``, hashed, routed),
so these tests are about sending only. The server is never mocked: it is taken
away and brought back on the same port, and a desktop process is killed
mid-file with SIGKILL.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import SignInRequired
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.store.upload_queue import NewUpload, UploadJob, UploadQueue
from advisoros_desktop.sync.account import Account as Desktop
from advisoros_desktop.sync.account import account_key, api_root
from advisoros_desktop.sync.upload_backoff import Backoff
from advisoros_desktop.sync.uploader import Uploader
from tests.conftest import PASSWORD, Account, LiveServer, start_server
from tests.integration.api.test_api_client import revoke_tokens
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop

REPO = Path(__file__).resolve().parents[3]
CHILD = "tests/integration/sync/upload_child.py"
CHUNK = 16 * 1024
T = TypeVar("T")


# -- the desk ------------------------------------------------------------------------


@dataclass
class Desk:
    """A desktop's queue with an uploader running on the test's loop."""

    desktop: Desktop
    queue: UploadQueue
    uploader: Uploader
    finished: list[UploadJob] = field(default_factory=list)
    changed: list[UploadJob] = field(default_factory=list)

    def add(self, *uploads: NewUpload) -> list[str]:
        ids = self.queue.add(list(uploads))
        self.uploader.wake()
        return ids

    def job(self, upload_id: str) -> UploadJob:
        job = self.queue.get(upload_id)
        assert job is not None
        return job


@asynccontextmanager
async def uploading(
    desktop: Desktop,
    api: ApiClient | None = None,
    patch_delay: float | None = None,
    **options: Any,
) -> AsyncIterator[Desk]:
    """An uploader running on ``desktop``'s queue; with ``patch_delay``, through an API
    client of its own whose PATCHes are held back that long (a file stays half sent
    long enough to act on it, on any machine)."""
    own = None
    if patch_delay is not None:
        own = await own_api(desktop.api.base_url, desktop.user, OffsetsSeen(patch_delay))
    queue = UploadQueue(desktop.store)
    finished: list[UploadJob] = []
    changed: list[UploadJob] = []
    settings: dict[str, Any] = {
        "chunk_bytes": CHUNK,
        "backoff": Backoff(0.05, 0.2),
        "poll_seconds": 0.2,
        **options,
    }
    uploader = Uploader(
        queue,
        own or api or desktop.api,
        desktop.store,
        on_finished=finished.append,
        on_changed=changed.append,
        **settings,
    )
    desk = Desk(desktop, queue, uploader, finished, changed)
    task = asyncio.create_task(uploader.run())
    try:
        yield desk
    finally:
        await uploader.stop()
        await task
        if own is not None:
            await own.aclose()


def file_of(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def waiting_job(path: Path, client_id: str, **changes: Any) -> NewUpload:
    """A job as intake leaves it once checked, hashed and routed."""
    status = path.stat()
    fields: dict[str, Any] = {
        "path": str(path),
        "file_name": path.name,
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "source": "drag_drop",
        "batch_id": "batch-1",
        "client_id": client_id,
        "category": "w2",
        "year": 2025,
        "mime_type": "application/pdf",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "state": "waiting",
        **changes,
    }
    return NewUpload(**fields)


async def eventually(
    check: Callable[[], bool], timeout: float = 20.0, what: str = "the condition"
) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s"
        await asyncio.sleep(0.01)


def documents(account: Account) -> list[dict[str, Any]]:
    """The organization's live documents, read from the server's own change feed."""
    latest: dict[str, dict[str, Any] | None] = {}
    for item in account.http.get("/changes", params={"limit": 1000}).json()["items"]:
        if item["entity"] == "document":
            latest[item["id"]] = None if item["deleted"] else item["data"]
    return [data | {"id": key} for key, data in latest.items() if data is not None]


def content(account: Account, document_id: str) -> bytes:
    return account.http.get(f"/documents/{document_id}/content").content


def head_offset(account: Account, upload_id: str) -> int | None:
    response = account.http.head(f"/uploads/{upload_id}")
    return int(response.headers["Upload-Offset"]) if response.status_code == 200 else None


class OffsetsSeen(httpx.AsyncBaseTransport):
    """The real network, noting the ``Upload-Offset`` of every PATCH; ``delay`` holds
    each PATCH back, so a test can act while a file is half sent on any machine."""

    def __init__(self, delay: float = 0.0) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.delay = delay
        self.patches: list[tuple[str, int]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            upload_id = request.url.path.rsplit("/", 1)[-1]
            self.patches.append((upload_id, int(request.headers["Upload-Offset"])))
            await asyncio.sleep(self.delay)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def own_api(server_url: str, email: str, transport: OffsetsSeen) -> ApiClient:
    """A signed-in API client of ``email`` whose requests go through ``transport``."""
    api = ApiClient(
        api_root(server_url),
        MemoryTokenStore(),
        account_key(server_url, email),
        transport=transport,
        retry=QUICK_RETRY,
    )
    await api.sign_in(email, PASSWORD)
    return api


def run(scenario: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(scenario())  # type: ignore[arg-type]


async def desk_for(server_url: str, account: Account, data_dir: Path) -> Desktop:
    return await open_desktop(server_url, account.email, data_dir, retry=QUICK_RETRY)


# -- sending -------------------------------------------------------------------------


def test_three_files_go_side_by_side_and_become_three_verified_documents(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = live_server.account()
    client_id = account.create_client("Gonzalez Household")
    rng = random.Random(11)
    paths = [
        file_of(tmp_path / "drop", f"W-2 {n}.pdf", b"%PDF-1.7 " + rng.randbytes(200_000 + n))
        for n in range(3)
    ]

    async def scenario() -> tuple[list[UploadJob], int]:
        desktop = await desk_for(live_server.url, account, tmp_path / "desk")
        most_at_once = 0
        try:
            async with uploading(desktop, parallel=3) as desk:
                ids = desk.add(*(waiting_job(p, client_id) for p in paths))
                drained = asyncio.create_task(desk.uploader.drain())
                while not drained.done():
                    most_at_once = max(most_at_once, len(desk.uploader.sending))
                    await asyncio.sleep(0.001)
                await drained
                return [desk.job(i) for i in ids], most_at_once
        finally:
            await desktop.close()

    jobs, most_at_once = run(scenario)
    assert most_at_once == 3
    assert [j.state for j in jobs] == ["done"] * 3
    on_server = {d["id"]: d for d in documents(account)}
    assert sorted(on_server) == sorted(j.upload_id for j in jobs)
    for job, path in zip(jobs, paths, strict=True):
        assert job.document_id == job.upload_id and job.offset == job.size
        assert job.reason is None and job.attempts == 1
        document = on_server[job.upload_id]
        assert document["checksum"] == job.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert document["fileName"] == path.name and document["clientId"] == client_id
        assert content(account, job.upload_id) == path.read_bytes()


def test_the_same_content_twice_makes_one_document_and_one_duplicate(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = live_server.account()
    client_id = account.create_client()
    data = b"%PDF-1.4 1099-DIV Vanguard " + random.Random(3).randbytes(150_000)
    first = file_of(tmp_path / "drop", "1099-DIV.pdf", data)
    copy = file_of(tmp_path / "drop", "1099-DIV (copy).pdf", data)
    later = file_of(tmp_path / "later", "1099-DIV.pdf", data)

    async def scenario() -> tuple[list[UploadJob], list[UploadJob]]:
        desktop = await desk_for(live_server.url, account, tmp_path / "desk")
        try:
            async with uploading(desktop, parallel=2) as desk:
                ids = desk.add(waiting_job(first, client_id), waiting_job(copy, client_id))
                await desk.uploader.drain()
                ids += desk.add(waiting_job(later, client_id))  # the same file, dropped again
                await desk.uploader.drain()
                return [desk.job(i) for i in ids], desk.finished
        finally:
            await desktop.close()

    jobs, finished = run(scenario)
    [document] = documents(account)
    assert sorted(j.state for j in jobs) == ["done", "duplicate", "duplicate"]
    assert {j.document_id for j in jobs} == {document["id"]}
    duplicate = next(j for j in jobs if j.state == "duplicate")
    assert duplicate.reason == "The firm already has this file."
    assert sorted(j.upload_id for j in finished) == sorted(j.upload_id for j in jobs)


def test_a_server_gone_mid_queue_leaves_jobs_waiting_and_they_finish_when_it_is_back(
    tmp_path: Path,
) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    server = EmbeddedServer(config).start()
    port = server.port
    account = LiveServer(server).account()
    client_id = account.create_client()
    rng = random.Random(5)
    paths = [
        file_of(tmp_path / "scans", f"statement-{n}.pdf", b"%PDF " + rng.randbytes(400_000))
        for n in range(4)
    ]

    async def scenario() -> tuple[list[UploadJob], list[tuple[str, str | None]]]:
        nonlocal server
        desktop = await desk_for(server.url, account, tmp_path / "desk")
        try:
            async with uploading(desktop, patch_delay=0.01, parallel=2) as desk:
                ids = desk.add(*(waiting_job(p, client_id) for p in paths))
                await eventually(
                    lambda: any(desk.job(i).offset > 0 for i in ids), what="a first chunk"
                )
                await asyncio.to_thread(server.stop)
                await eventually(
                    lambda: desk.uploader.backoff.failures >= 2, what="finding the server gone"
                )
                while desk.uploader.sending:  # let the jobs on the wire settle back
                    await asyncio.sleep(0.01)
                offline = [(desk.job(i).state, desk.job(i).reason) for i in ids]
                server = await asyncio.to_thread(lambda: EmbeddedServer(config, port=port).start())
                await desk.uploader.drain()
                return [desk.job(i) for i in ids], offline
        finally:
            await desktop.close()

    try:
        jobs, offline = run(scenario)
        unfinished = [(s, r) for s, r in offline if s != "done"]
        assert unfinished, "every file was sent before the server went away"
        assert all(state in ("waiting", "uploading") for state, _ in unfinished)
        assert ("waiting", "Waiting for the server") in unfinished
        assert [j.state for j in jobs] == ["done"] * 4
        on_server = {d["id"] for d in documents(account)}
        assert on_server == {j.upload_id for j in jobs}
        for job, path in zip(jobs, paths, strict=True):
            assert content(account, job.upload_id) == path.read_bytes()
    finally:
        server.stop()


# -- crashes ----------------------------------------------------------------------------


class PatchLog:
    """The child's progress log: one line per PATCH it sent."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def events(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.endswith("}")]


def start_child(server_url: str, email: str, data_dir: Path, log: Path, errors: Path) -> Any:
    with errors.open("ab") as stderr:
        child = subprocess.Popen(
            [
                *(sys.executable, CHILD, "--server", server_url, "--email", email),
                *("--data-dir", str(data_dir), "--log", str(log)),
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


def test_a_desktop_killed_mid_upload_resumes_from_the_servers_offset(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        account = LiveServer(server).account()
        client_id = account.create_client()
        rng = random.Random(8)
        paths = [
            file_of(tmp_path / "scans", f"return-{n}.pdf", b"%PDF " + rng.randbytes(600_000))
            for n in range(2)
        ]
        data_dir = tmp_path / "desk"

        async def queue_files() -> list[str]:
            desktop = await desk_for(server.url, account, data_dir)
            try:
                return UploadQueue(desktop.store).add([waiting_job(p, client_id) for p in paths])
            finally:
                await desktop.close()

        ids = asyncio.run(queue_files())
        log, errors = PatchLog(tmp_path / "child.log"), tmp_path / "child.err"
        kill_after = [5, 25, 45]  # PATCHes sent by each child before it is killed
        for run_number, patches in enumerate(kill_after):
            child = start_child(server.url, account.email, data_dir, log.path, errors)
            deadline = time.monotonic() + 30
            try:
                while sum(e["pid"] == child.pid for e in log.events()) < patches:
                    assert child.poll() is None, errors.read_text(errors="replace")[-4000:]
                    assert time.monotonic() < deadline, f"run {run_number}: too slow"
                    time.sleep(0.002)
            finally:
                os.kill(child.pid, signal.SIGKILL)
                child.wait()
        held = {i: head_offset(account, i) for i in ids}
        assert all(offset is not None and offset > 0 for offset in held.values()), held
        assert any(
            offset < p.stat().st_size for offset, p in zip(held.values(), paths, strict=True)
        )

        async def resume() -> tuple[list[UploadJob], OffsetsSeen]:
            transport = OffsetsSeen()
            api = await own_api(server.url, account.email, transport)
            desktop = await desk_for(server.url, account, data_dir)
            try:
                async with uploading(desktop, api=api, parallel=2) as desk:
                    await desk.uploader.drain()
                    return [desk.job(i) for i in ids], transport
            finally:
                await api.aclose()
                await desktop.close()

        jobs, transport = asyncio.run(resume())
        assert [j.state for j in jobs] == ["done"] * 2
        for job in jobs:
            offset = held[job.upload_id]
            sent = [o for i, o in transport.patches if i == job.upload_id]
            if offset is not None and offset < job.size:
                assert sent and sent[0] == offset, "not resumed from the server's offset"
        [*on_server] = documents(account)
        assert sorted(d["id"] for d in on_server) == sorted(ids)
        for job, path in zip(jobs, paths, strict=True):
            assert content(account, job.upload_id) == path.read_bytes()
    finally:
        server.stop()


# -- the person's decisions ----------------------------------------------------------------


@contextmanager
def one_server(tmp_path: Path) -> Iterator[tuple[EmbeddedServer, Account, str]]:
    server = start_server(tmp_path)
    try:
        account = LiveServer(server).account()
        yield server, account, account.create_client("Okafor CPA Client")
    finally:
        server.stop()


def test_pause_keeps_the_servers_bytes_and_resume_finishes_the_file(tmp_path: Path) -> None:
    data = b"%PDF " + random.Random(21).randbytes(900_000)
    path = file_of(tmp_path / "drop", "scan.pdf", data)
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, int | None, UploadJob]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop, patch_delay=0.02, parallel=1) as desk:
                    [upload_id] = desk.add(waiting_job(path, client_id))
                    await eventually(lambda: desk.job(upload_id).offset > 0)
                    desk.queue.set_state([upload_id], "paused", only_from=("uploading",))
                    await eventually(lambda: not desk.uploader.sending, what="stopping")
                    paused = desk.job(upload_id)
                    held = head_offset(account, upload_id)
                    desk.queue.set_state([upload_id], "waiting", only_from=("paused",))
                    desk.uploader.wake()
                    await desk.uploader.drain()
                    return paused, held, desk.job(upload_id)
            finally:
                await desktop.close()

        paused, held, done = run(scenario)
        assert paused.state == "paused"
        assert held is not None and 0 < held < len(data)
        assert paused.offset <= held
        assert done.state == "done" and done.document_id == done.upload_id
        assert content(account, done.upload_id) == data


def test_cancel_while_sending_drops_the_servers_bytes_and_reports_it(tmp_path: Path) -> None:
    path = file_of(tmp_path / "drop", "wrong-client.pdf", b"%PDF " + os.urandom(900_000))
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, list[UploadJob]]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop, patch_delay=0.02, parallel=1) as desk:
                    [upload_id] = desk.add(waiting_job(path, client_id))
                    await eventually(lambda: desk.job(upload_id).offset > 0)
                    desk.queue.set_state(
                        [upload_id], "cancelled", reason="Cancelled in the upload queue."
                    )
                    await eventually(lambda: bool(desk.finished), what="on_finished")
                    return desk.job(upload_id), desk.finished
            finally:
                await desktop.close()

        job, finished = run(scenario)
        assert job.state == "cancelled"
        assert [j.upload_id for j in finished] == [job.upload_id]
        assert head_offset(account, job.upload_id) is None  # gone from the server
        assert documents(account) == []


def test_a_file_damaged_on_the_way_fails_and_a_retry_sends_it_whole(tmp_path: Path) -> None:
    data = b"%PDF-1.7 K-1 " + random.Random(4).randbytes(100_000)
    path = file_of(tmp_path / "drop", "K-1.pdf", data)
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, UploadJob]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop, parallel=1) as desk:
                    job = waiting_job(path, client_id)
                    # Same size and time, other bytes: what a flaky disk or share can do.
                    status = path.stat()
                    path.write_bytes(data[:-5] + b"XXXXX")
                    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
                    [upload_id] = desk.add(job)
                    await desk.uploader.drain()
                    failed = desk.job(upload_id)
                    path.write_bytes(data)
                    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
                    desk.queue.set_state([upload_id], "waiting", only_from=("failed",))
                    desk.uploader.wake()
                    await desk.uploader.drain()
                    return failed, desk.job(upload_id)
            finally:
                await desktop.close()

        failed, retried = run(scenario)
        assert failed.state == "failed"
        assert failed.reason is not None and "arrived damaged" in failed.reason
        assert retried.state == "done"
        assert content(account, retried.upload_id) == data


def test_a_type_the_server_refuses_fails_with_its_message_and_what_to_do(
    tmp_path: Path,
) -> None:
    path = file_of(tmp_path / "drop", "setup.exe", b"MZ\x90\x00" + os.urandom(5000))
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, list[UploadJob]]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop) as desk:
                    [upload_id] = desk.add(
                        waiting_job(path, client_id, mime_type="application/x-msdownload")
                    )
                    await desk.uploader.drain()
                    return desk.job(upload_id), desk.finished
            finally:
                await desktop.close()

        job, finished = run(scenario)
        assert job.state == "failed" and job.document_id is None
        assert job.reason is not None
        assert "application/x-msdownload are not accepted" in job.reason
        assert job.reason.endswith(
            "Save it as a PDF (or another accepted type), then add it again."
        )
        assert [j.state for j in finished] == ["failed"]


def test_a_file_moved_away_or_changed_before_sending_is_not_sent(tmp_path: Path) -> None:
    gone = file_of(tmp_path / "drop", "moved.pdf", b"%PDF moved away")
    grown = file_of(tmp_path / "drop", "growing.pdf", b"%PDF still being written")
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, UploadJob, Desk]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop) as desk:
                    jobs = [waiting_job(gone, client_id), waiting_job(grown, client_id)]
                    gone.unlink()
                    with grown.open("ab") as handle:
                        handle.write(b" more pages")
                    ids = desk.add(*jobs)
                    await eventually(lambda: desk.job(ids[0]).finished and bool(desk.changed))
                    return desk.job(ids[0]), desk.job(ids[1]), desk
            finally:
                await desktop.close()

        moved, changed, desk = run(scenario)
        assert moved.state == "failed"
        assert moved.reason is not None
        assert moved.reason.startswith("The file was moved or deleted before it was sent")
        assert changed.state == "hashing" and changed.sha256 is None
        assert changed.reason == "The file changed after it was checked; checking it again."
        assert [j.upload_id for j in desk.changed] == [changed.upload_id]
        assert documents(account) == []


def test_a_refused_sign_in_holds_the_queue_until_someone_signs_in(tmp_path: Path) -> None:
    path = file_of(tmp_path / "drop", "engagement-letter.pdf", b"%PDF letter " * 1000)
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, UploadJob]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                async with uploading(desktop) as desk:
                    revoke_tokens(server.state.engine, account.email)
                    [upload_id] = desk.add(waiting_job(path, client_id))
                    await eventually(lambda: desk.uploader.waiting_for_sign_in)
                    with pytest.raises(SignInRequired):
                        await desk.uploader.drain()
                    held = desk.job(upload_id)
                    await desktop.api.sign_in(account.email, PASSWORD)
                    await desk.uploader.drain()
                    return held, desk.job(upload_id)
            finally:
                await desktop.close()

        held, done = run(scenario)
        assert held.state == "waiting"
        assert held.reason == "Waiting for you to sign in to AdvisorOS."
        assert done.state == "done"


def test_stop_returns_promptly_and_the_next_run_resumes_the_file(tmp_path: Path) -> None:
    data = b"%PDF " + random.Random(9).randbytes(1_200_000)
    path = file_of(tmp_path / "drop", "big-scan.pdf", data)
    with one_server(tmp_path) as (server, account, client_id):

        async def scenario() -> tuple[UploadJob, UploadJob, float]:
            desktop = await desk_for(server.url, account, tmp_path / "desk")
            try:
                queue = UploadQueue(desktop.store)
                async with uploading(desktop, patch_delay=0.02, parallel=1) as desk:
                    [upload_id] = desk.add(waiting_job(path, client_id))
                    await eventually(lambda: desk.job(upload_id).offset > 0)
                    started = time.monotonic()
                    await desk.uploader.stop()
                    took = time.monotonic() - started
                stopped = queue.get(upload_id)
                assert stopped is not None
                async with uploading(desktop, parallel=1) as again:
                    await again.uploader.drain()
                    return stopped, again.job(upload_id), took
            finally:
                await desktop.close()

        stopped, done, took = run(scenario)
        assert took < 2.0
        assert stopped.state == "uploading" and 0 < stopped.offset < len(data)
        assert done.state == "done"
        assert content(account, done.upload_id) == data
        assert len(documents(account)) == 1
