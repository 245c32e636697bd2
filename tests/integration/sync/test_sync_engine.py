"""Sync against the real server on loopback: offline work, two desktops, outages, resyncs."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

from advisoros_desktop.api.errors import ServerUnreachable
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.retention import purge_tombstones
from tests.conftest import LiveServer
from tests.integration.sync.desktop import QUICK_RETRY, open_desktop


def test_offline_creates_with_references_arrive_intact(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()

    async def scenario() -> None:
        laptop = await open_desktop(live_server.url, alice.email, tmp_path / "laptop")
        store = laptop.store
        # On the plane: a new client, its engagement and a task, linked by local ids.
        client_id = store.create("client", {"businessName": "Harbor Light Sailmakers"})
        engagement_id = store.create(
            "engagement", {"clientId": client_id, "name": "2025 business return"}
        )
        task_id = store.create(
            "task",
            {"title": "Ask for the 1099s", "clientId": client_id, "engagementId": engagement_id},
        )
        store.update("client", client_id, {"city": "Mystic"})
        report = await laptop.engine.sync_once()
        assert (report.pushed, report.pending, report.rejected) == (3, 0, 0)
        assert store.state("lastSyncAt") is not None
        # The office desktop sees the same records, linked the same way.
        office = await open_desktop(live_server.url, alice.email, tmp_path / "office")
        await office.engine.sync_once()
        task = office.store.get("task", task_id)
        assert task is not None
        assert (task["clientId"], task["engagementId"]) == (client_id, engagement_id)
        assert office.store.get("client", client_id)["city"] == "Mystic"
        assert laptop.store.get("client", client_id)["version"] == 1
        await laptop.close()
        await office.close()

    asyncio.run(scenario())


def test_two_desktops_merge_different_fields_and_conflict_on_the_same(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()
    bob = live_server.account()

    async def scenario() -> None:
        a = await open_desktop(live_server.url, alice.email, tmp_path / "a")
        b = await open_desktop(live_server.url, bob.email, tmp_path / "b")
        client_id = a.store.create("client", {"businessName": "Cedar & Pine LLC"})
        await a.engine.sync_once()
        await b.engine.sync_once()
        a.store.update("client", client_id, {"city": "Portland", "notes": "from A"})
        b.store.update(
            "client", client_id, {"primaryContactPhone": "503-555-0110", "notes": "from B"}
        )
        await a.engine.sync_once()
        report = await b.engine.sync_once()  # the later one meets the conflict
        assert report.conflicts == 1
        [conflict] = b.store.conflicts()
        assert (conflict["field"], conflict["mine"], conflict["theirs"]) == (
            "notes",
            "from B",
            "from A",
        )
        row = b.store.get("client", client_id)
        assert (row["city"], row["primaryContactPhone"]) == ("Portland", "503-555-0110")
        b.store.resolve([conflict["id"]], keep="mine")
        await b.engine.sync_once()
        await a.engine.sync_once()
        for desktop in (a, b):
            row = desktop.store.get("client", client_id)
            assert (row["notes"], row["city"], row["primaryContactPhone"]) == (
                "from B",
                "Portland",
                "503-555-0110",
            )
            assert desktop.store.conflicts() == [] and desktop.store.pending_count() == 0
        # And the other way round: take theirs.
        a.store.update("client", client_id, {"notes": "A again"})
        b.store.update("client", client_id, {"notes": "B again"})
        await a.engine.sync_once()
        await b.engine.sync_once()
        b.store.resolve([c["id"] for c in b.store.conflicts()], keep="theirs")
        await b.engine.sync_once()
        assert b.store.get("client", client_id)["notes"] == "A again"
        assert b.store.pending_count() == 0
        await a.close()
        await b.close()

    asyncio.run(scenario())


def test_server_down_for_the_whole_session_then_everything_arrives(tmp_path: Path) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    alice = live.account()

    async def scenario() -> None:
        nonlocal server
        desk = await open_desktop(server.url, alice.email, tmp_path / "desk", QUICK_RETRY)
        server.stop()  # the office line goes down for the day
        ids = [desk.store.create("client", {"businessName": f"Walk-in {n}"}) for n in range(5)]
        desk.store.update("client", ids[0], {"notes": "met at the café"})
        with pytest.raises(ServerUnreachable):
            await desk.engine.sync_once()
        assert desk.store.pending_count() == 5
        server = EmbeddedServer(config, port=port).start()  # back
        report = await desk.engine.sync_once()
        assert (report.pushed, report.pending) == (5, 0)
        await desk.close()

    try:
        asyncio.run(scenario())
        names = sorted(
            i["data"]["businessName"]
            for i in alice.http.get(f"{server.url}/api/v1/changes").json()["items"]
            if i["entity"] == "client"
        )
        assert names == [f"Walk-in {n}" for n in range(5)]
    finally:
        live.close()
        server.stop()


def test_an_expired_cursor_pushes_then_resyncs_and_drops_what_the_server_deleted(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        keep = desk.store.create("client", {"businessName": "Stays"})
        gone = desk.store.create("client", {"businessName": "Deleted elsewhere"})
        await desk.engine.sync_once()
        alice.mutate({"mutationId": "purge-me", "entity": "client", "op": "delete", "id": gone})
        purge_tombstones(live_server.engine, retention_days=0)  # its tombstone is gone too
        desk.store.update("client", keep, {"notes": "edited offline"})
        report = await desk.engine.sync_once()
        assert report.full_resync == "cursor_expired"
        assert desk.store.get("client", gone) is None
        assert desk.store.get("client", keep)["notes"] == "edited offline"
        assert desk.store.pending_count() == 0
        other = await open_desktop(live_server.url, alice.email, tmp_path / "other")
        await other.engine.sync_once()
        assert other.store.get("client", keep)["notes"] == "edited offline"
        await desk.close()
        await other.close()

    asyncio.run(scenario())


def test_a_server_restored_from_backup_loses_nothing_of_ours(tmp_path: Path) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    alice = live.account()
    backup = tmp_path / "backup.db"

    async def scenario() -> None:
        nonlocal server
        desk = await open_desktop(server.url, alice.email, tmp_path / "desk")
        old = desk.store.create("client", {"businessName": "Before the backup"})
        await desk.engine.sync_once()
        source, target = sqlite3.connect(config.data_dir / "server.db"), sqlite3.connect(backup)
        source.backup(target)
        source.close()
        target.close()
        new = desk.store.create("client", {"businessName": "After the backup"})
        desk.store.update("client", old, {"notes": "changed after the backup"})
        await desk.engine.sync_once()
        server.stop()
        for suffix in ("-wal", "-shm"):
            (config.data_dir / f"server.db{suffix}").unlink(missing_ok=True)
        shutil.copy(backup, config.data_dir / "server.db")
        server = EmbeddedServer(config, port=port).start()
        await desk.api.sign_in(alice.email, "correct horse battery")
        report = await desk.engine.sync_once()
        assert report.full_resync == "epoch_changed"
        # Nothing was deleted here; what the server lost went back to it.
        assert desk.store.get("client", new)["businessName"] == "After the backup"
        assert desk.store.get("client", old)["notes"] == "changed after the backup"
        [conflict] = desk.store.conflicts()  # the restored server has the older value
        assert (conflict["field"], conflict["mine"], conflict["theirs"]) == (
            "notes",
            "changed after the backup",
            None,
        )
        assert desk.store.pending_count() == 0
        desk.store.resolve([conflict["id"]], keep="mine")
        await desk.engine.sync_once()
        other = await open_desktop(server.url, alice.email, tmp_path / "other")
        await other.engine.sync_once()
        assert other.store.get("client", new) is not None
        assert other.store.get("client", old)["notes"] == "changed after the backup"
        await desk.close()
        await other.close()

    try:
        asyncio.run(scenario())
    finally:
        live.close()
        server.stop()
