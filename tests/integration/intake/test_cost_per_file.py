"""What a dropped file costs the desktop, against the real server: requests and cache commits.

A folder of small scans goes to the server at the rate the desktop's own work
allows, so these are counted, not timed: two requests per file (announce, then
its bytes), and about three commits to the cache (placed, claimed, answered;
the ledger's records of many files share one). Copies in one drop make one
document, and each copy ends up knowing it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.database_setup import READ_ONLY
from advisoros_desktop.intake.intake_engine import IntakeTarget
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import account_key, api_root
from advisoros_desktop.sync.upload_backoff import Backoff
from tests.conftest import PASSWORD
from tests.integration.intake.intake_desk import Office, documents, eventually, jobs, settled
from tests.integration.intake.sample_files import pdf_bytes, write, write_pdf
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop

FILES = 30


class Requests(httpx.AsyncBaseTransport):
    """The real network, counting requests by method and first path segment after /api/v1."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.seen: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1/").split("/", 1)[0]
        self.seen[f"{request.method} {path}"] += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclasses.dataclass
class Commits:
    writes: int = 0
    reads: int = 0


@contextmanager
def counting_commits(store: LocalStore) -> Iterator[Commits]:
    """Transactions begun by the desktop's threads; the test's own checks (on the loop's
    thread, which runs no cache work of the desktop's) are left out."""
    counted = Commits()

    def begun(conn: sa.Connection) -> None:
        if threading.current_thread() is threading.main_thread():
            return
        if conn.get_execution_options().get(READ_ONLY):
            counted.reads += 1
        else:
            counted.writes += 1

    sa.event.listen(store.engine, "begin", begun)
    try:
        yield counted
    finally:
        sa.event.remove(store.engine, "begin", begun)


@asynccontextmanager
async def counted_intake(
    office: Office, data_dir: Path
) -> AsyncIterator[tuple[IntakeService, Requests]]:
    """``IntakeService`` on a desktop whose every request is counted."""
    desktop = await open_desktop(office.url, office.email, data_dir, retry=QUICK_RETRY)
    requests = Requests()
    api = ApiClient(
        api_root(office.url),
        MemoryTokenStore(),
        account_key(office.url, office.email),
        transport=requests,
        retry=QUICK_RETRY,
    )
    service: IntakeService | None = None
    try:
        await api.sign_in(office.email, PASSWORD)
        await desktop.engine.sync_once()  # the clients to send to
        account = dataclasses.replace(desktop, api=api)
        service = IntakeService(account, watch=False, backoff=Backoff(0.05, 0.3), poll_seconds=0.2)
        await service.start()
        yield service, requests
    finally:
        if service is not None:
            await service.stop()
        await api.aclose()
        await desktop.close()


def test_a_dropped_folder_costs_two_requests_and_about_three_commits_a_file(
    office: Office, tmp_path: Path
) -> None:
    client_id = office.account.create_client("Okafor Dental PLLC")
    folder = tmp_path / "Scans"
    for n in range(FILES):
        write_pdf(folder / f"Statement {n:02}.pdf", size=20_000)

    async def scenario() -> tuple[Commits, Counter[str], list[str]]:
        async with counted_intake(office, tmp_path / "desk") as (service, requests):
            with counting_commits(service.account.store) as commits:
                requests.seen.clear()
                target = IntakeTarget(client_id=client_id)
                await asyncio.to_thread(service.engine.submit, [folder], target=target)
                await eventually(settled(service, FILES), "every file sent and settled")
            return commits, requests.seen, [j.state for j in jobs(service)]

    commits, seen, states = asyncio.run(scenario())
    assert states == ["done"] * FILES
    assert len(documents(office.account)) == FILES
    # Announced, then sent in one PATCH: no HEAD, no second look at the upload
    # (and the server's limits asked once, for the chunk size).
    assert seen == {"POST uploads": FILES, "PATCH uploads": FILES, "GET limits": 1}, seen
    # Queued (2 for the batch), placed, claimed and answered (3 a file), the
    # limits heard (1), settled (files finished close together share a commit):
    # it was 6 commits a file, and 11 reads.
    assert 3 * FILES + 3 < commits.writes < 4 * FILES, commits
    assert commits.reads <= 2 * FILES, commits


def test_copies_in_one_drop_make_one_document_and_every_copy_knows_it(
    office: Office, tmp_path: Path
) -> None:
    client_id = office.account.create_client("Okafor Dental PLLC")
    data = pdf_bytes("1099-INT First Bank")
    folder = tmp_path / "Scans"
    copies = [write(folder / f"1099-INT ({n}).pdf", data) for n in range(3)]
    write_pdf(folder / "W-2 Acme.pdf")

    async def scenario() -> tuple[list[str], list[str | None], list[str | None]]:
        async with counted_intake(office, tmp_path / "desk") as (service, _requests):
            target = IntakeTarget(client_id=client_id)
            await asyncio.to_thread(service.engine.submit, [folder], target=target)
            await eventually(settled(service, 4), "every file sent and settled")
            found = {Path(j.path).name: j for j in jobs(service)}
            ledger = service.engine.ledger
            linked = []
            for path in copies:
                status = path.stat()
                entry = ledger.seen(str(path), status.st_size, status.st_mtime_ns)
                linked.append(entry.document_id if entry is not None else None)
            return (
                sorted(j.state for j in found.values()),
                [found[p.name].document_id for p in copies],
                linked,
            )

    states, document_ids, linked = asyncio.run(scenario())
    assert states == ["done", "done", "duplicate", "duplicate"]
    held = documents(office.account)
    assert len(held) == 2
    [the_1099] = [d for d in held if d["fileName"].startswith("1099-INT")]
    assert document_ids == [the_1099["id"]] * 3  # the copies were told its document
    assert linked == [the_1099["id"]] * 3  # and the ledger knows each copy by it
