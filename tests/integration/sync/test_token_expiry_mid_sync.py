"""An access token that expires in the middle of a sync is renewed; nothing is lost or redone."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.schema import sessions
from tests.conftest import LiveServer, start_server
from tests.integration.sync.desktop import open_desktop


def test_token_expiring_between_pages_is_renewed_and_the_sync_completes(tmp_path: Path) -> None:
    server = start_server(tmp_path, access_token_seconds=2)
    live = LiveServer(server)
    try:
        alice = live.account()
        for n in range(30):
            alice.mutate(
                {
                    "mutationId": new_id(),
                    "entity": "client",
                    "op": "create",
                    "id": new_id(),
                    "fields": {"businessName": f"Client {n:02d}"},
                }
            )

        async def scenario() -> None:
            desk = await open_desktop(server.url, alice.email, tmp_path / "desk")
            desk.engine.page_size = 5
            desk.store.create("client", {"businessName": "Made offline"})
            real_changes = desk.api.changes
            calls = 0

            async def slow_changes(cursor: str | None, limit: int = 500) -> dict[str, Any]:
                nonlocal calls
                calls += 1
                if calls == 3:
                    await asyncio.sleep(2.5)  # the token runs out while this page waits
                return await real_changes(cursor, limit)

            desk.api.changes = slow_changes  # type: ignore[method-assign]
            report = await desk.engine.sync_once()
            assert report.pushed == 1 and report.pending == 0
            assert desk.store.count("client") == 31
            assert calls > 3
            await desk.close()

        asyncio.run(scenario())
        # The test's own sign-in, the desktop's, and one renewal in the middle.
        with live.engine.connect() as conn:
            issued = conn.execute(
                sa.select(sa.func.count())
                .select_from(sessions)
                .where(sessions.c.userId == alice.user_id, sessions.c.kind == "access")
            ).scalar_one()
        assert issued == 3
    finally:
        live.close()
        server.stop()
