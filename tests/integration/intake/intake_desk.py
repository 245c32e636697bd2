"""A desk for intake tests: a real account with ``IntakeService`` running, and what to check.

The service runs on the test's own asyncio loop, its watchers and hashing on
their threads, the server in the test process on loopback. Every wait polls
its condition until a deadline (no fixed sleeps), and every check of what the
firm holds reads the server's own change feed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisoros_desktop.intake.disposition import DUPLICATES_FOLDER, FAILED_FOLDER, PROCESSED_FOLDER
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.store.upload_queue import UploadJob
from advisoros_desktop.sync.upload_backoff import Backoff
from tests.conftest import Account
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop

QUIET = 0.2
TIMEOUT = 30.0


@dataclass
class Office:
    """The firm's server (SQLite, in the test's process) and an accountant of the firm."""

    server: EmbeddedServer
    account: Account

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def email(self) -> str:
        return self.account.email


def watched(root: Path, **settings: Any) -> WatchedFolder:
    """A watched folder with short quiet and poll periods, so tests are quick."""
    root.mkdir(parents=True, exist_ok=True)
    return WatchedFolder(root, **{"quiet_seconds": QUIET, "poll_seconds": 0.2, **settings})


async def eventually(
    check: Callable[[], bool],
    what: str = "the condition",
    timeout: float = TIMEOUT,
    every: float = 0.02,
) -> None:
    """Poll ``check`` on the loop (it must be quick) until it holds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout:g} s"
        await asyncio.sleep(every)


@asynccontextmanager
async def running_intake(
    server_url: str,
    email: str,
    data_dir: Path,
    folders: Iterable[WatchedFolder] = (),
    **options: Any,
) -> AsyncIterator[IntakeService]:
    """``IntakeService`` started on a desktop signed in to ``server_url`` (clients synced)."""
    desktop = await open_desktop(server_url, email, data_dir, retry=QUICK_RETRY)
    service: IntakeService | None = None
    try:
        await desktop.engine.sync_once()  # the clients to route to
        settings: dict[str, Any] = {"backoff": Backoff(0.05, 0.3), "poll_seconds": 0.2, **options}
        service = IntakeService(desktop, folders=list(folders), **settings)
        await service.start()
        yield service
    finally:
        if service is not None:
            await service.stop()
        await desktop.close()


def jobs(service: IntakeService) -> list[UploadJob]:
    return service.engine.queue.jobs()


def settled(service: IntakeService, count: int) -> Callable[[], bool]:
    """A check: ``count`` jobs exist and every one is finished and its file tidied."""

    def check() -> bool:
        found = jobs(service)
        return len(found) == count and all(j.finished and j.settled for j in found)

    return check


def job_named(service: IntakeService, name: str) -> UploadJob:
    [job] = [j for j in jobs(service) if Path(j.path).name == name or j.file_name == name]
    return job


def files_in(folder: Path) -> list[str]:
    """Every file under ``folder``, as sorted relative paths ('/'-separated)."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def processed(root: Path) -> list[str]:
    """Files in ``.processed`` under their path below the date folder."""
    return sorted(
        p.relative_to(root / PROCESSED_FOLDER).as_posix().split("/", 1)[1]
        for p in (root / PROCESSED_FOLDER).rglob("*")
        if p.is_file()
    )


def failed(root: Path) -> list[str]:
    return files_in(root / FAILED_FOLDER)


def duplicates(root: Path) -> list[str]:
    return files_in(root / DUPLICATES_FOLDER)


def documents(account: Account) -> list[dict[str, Any]]:
    """The organization's live documents, read from the server's own change feed."""
    latest: dict[str, dict[str, Any] | None] = {}
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor is not None:
            params["cursor"] = cursor
        page = account.http.get("/changes", params=params).json()
        for item in page["items"]:
            if item["entity"] == "document":
                latest[item["id"]] = None if item["deleted"] else item["data"]
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    return [data | {"id": key} for key, data in latest.items() if data is not None]


def content(account: Account, document_id: str) -> bytes:
    response = account.http.get(f"/documents/{document_id}/content")
    assert response.status_code == 200, response.text
    return response.content
