"""A real server holding one extracted W-2, and desktops synced from it, for review tests.

The W-2 goes in through the upload API and the server's own extraction job
reads it (a filled corpus form: every field sure, no warnings). So that the
review has something to look at, the test then lowers one field's confidence
and adds one check through the server's own record writer (the path every
server change takes, so the change feed carries it), as a harder form would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.server.database import writing
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.records import OrganizationWriter
from advisoros_desktop.sync.account import Account as DesktopAccount
from tests.conftest import SHARED, Account, LiveServer, start_server
from tests.integration.server.test_extraction_job import extracted, upload
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop

W2 = SHARED / "corpus" / "w2" / "w2-001-filled.pdf"
UNSURE_KEY = "wagesAndTips"
CHECKED_KEY = "socialSecurityTaxWithheld"
CHECK_MESSAGE = "Social security tax withheld is not 6.2 % of social security wages."


@dataclass
class ReviewServer:
    server: EmbeddedServer
    live: LiveServer
    account: Account
    document_id: str
    extraction_id: str
    data: bytes


@dataclass
class Desk:
    """A desktop signed in as the server's user, synced, with its own event loop."""

    account: DesktopAccount
    loop: asyncio.AbstractEventLoop
    data_dir: Path

    def run(self, coroutine: Any) -> Any:
        return self.loop.run_until_complete(coroutine)

    def sync(self) -> None:
        self.run(self.account.engine.sync_once())


def need_corpus() -> None:
    if not W2.is_file():
        pytest.skip(f"the extraction corpus is not at {W2.parent.parent} (../shared/corpus)")


def start_review_server(folder: Path) -> ReviewServer:
    need_corpus()
    server = start_server(folder)
    live = LiveServer(server)
    account = live.account()
    client_id = account.create_client("Sophia Roberts")
    data = W2.read_bytes()
    document_id = upload(account, client_id, data, "w2-001-filled.pdf")
    _document, [record] = extracted(account, document_id)
    with writing(live.engine) as conn:
        writer = OrganizationWriter(conn, account.organization_id)
        current = writer.live("extraction", record["id"])
        assert current is not None
        fields = [
            {**f, "confidence": 0.62} if f["key"] == UNSURE_KEY else f for f in current["fields"]
        ]
        check = {
            "code": "ss_tax_rate",
            "severity": "warning",
            "message": CHECK_MESSAGE,
            "fields": [CHECKED_KEY],
        }
        writer.update("extraction", current, {"fields": fields, "checks": [check]})
        writer.finish()
    return ReviewServer(server, live, account, document_id, record["id"], data)


@pytest.fixture(scope="module")
def review_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewServer]:
    started = start_review_server(tmp_path_factory.mktemp("review-server"))
    yield started
    started.live.close()
    started.server.stop()


def open_desk(server: ReviewServer, folder: Path) -> Desk:
    loop = asyncio.new_event_loop()
    account = loop.run_until_complete(
        open_desktop(server.live.url, server.account.email, folder, QUICK_RETRY)
    )
    desk = Desk(account, loop, folder)
    desk.sync()
    return desk


@pytest.fixture
def desk(review_server: ReviewServer, tmp_path: Path) -> Iterator[Desk]:
    opened = open_desk(review_server, tmp_path / "desktop")
    yield opened
    opened.run(opened.account.close())
    opened.loop.close()
