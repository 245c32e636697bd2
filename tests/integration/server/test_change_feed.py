"""The change feed against the real server: resumable cursors, bounded pages, parents first."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import httpx

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.retention import purge_tombstones
from tests.conftest import Account, LiveServer, start_server

RANK = {"user": 0, "client": 1, "engagement": 2, "task": 3, "document": 3, "extraction": 4}


class ReplicaWithCrashes:
    """A client's local copy that 'crashes' between applying a page and storing its cursor."""

    def __init__(self, http: httpx.Client, seed: int) -> None:
        self.http = http
        self.rng = random.Random(seed)
        self.records: dict[tuple[str, str], dict[str, object]] = {}
        self.cursor: str | None = None
        self.applied_versions: list[tuple[str, str, int]] = []

    def apply(self, item: dict[str, object]) -> None:
        key = (str(item["entity"]), str(item["id"]))
        known = self.records.get(key)
        if known is not None and int(known["version"]) >= int(item["version"]):  # type: ignore[arg-type]
            return  # already have this version: applying twice changes nothing
        if item["deleted"]:
            self.records[key] = {"version": item["version"], "deleted": True}
        else:
            data = dict(item["data"])  # type: ignore[arg-type]
            for field in ("clientId", "engagementId"):
                parent = data.get(field)
                if parent is not None:
                    entity = field[:-2]
                    assert (entity, parent) in self.records, f"{key} came before its {entity}"
            self.records[key] = data
        self.applied_versions.append((*key, int(item["version"])))  # type: ignore[arg-type]

    def sync(self, limit: int) -> int:
        pages = 0
        while True:
            page = self.http.get(
                "/changes",
                params={"cursor": self.cursor, "limit": limit} if self.cursor else {"limit": limit},
            ).json()
            pages += 1
            fate = self.rng.random()
            if fate < 0.2:
                continue  # crashed before applying anything: the same page comes again
            for item in page["items"]:
                self.apply(item)
            if fate < 0.4:
                continue  # crashed after applying, before storing the cursor
            self.cursor = page["cursor"]
            if not page["hasMore"]:
                return pages


def _seed(alice: Account, clients: int) -> list[str]:
    ids = []
    for n in range(clients):
        client_id = new_id()
        ids.append(client_id)
        engagement_id = new_id()
        alice.mutate(
            {
                "mutationId": new_id(),
                "entity": "client",
                "op": "create",
                "id": client_id,
                "fields": {"businessName": f"Client {n}"},
            },
            {
                "mutationId": new_id(),
                "entity": "engagement",
                "op": "create",
                "id": engagement_id,
                "fields": {"clientId": client_id, "name": f"Return {n}"},
            },
            {
                "mutationId": new_id(),
                "entity": "task",
                "op": "create",
                "id": new_id(),
                "fields": {
                    "title": f"Task {n}",
                    "clientId": client_id,
                    "engagementId": engagement_id,
                },
            },
        )
    return ids


def _server_state(alice: Account) -> dict[tuple[str, str], dict[str, object]]:
    """Everything the server has now, read from the start in one large page each time."""
    records: dict[tuple[str, str], dict[str, object]] = {}
    cursor = None
    while True:
        params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        page = alice.http.get("/changes", params=params).json()
        for item in page["items"]:
            key = (item["entity"], item["id"])
            records[key] = (
                item["data"]
                if not item["deleted"]
                else {"version": item["version"], "deleted": True}
            )
        cursor = page["cursor"]
        if not page["hasMore"]:
            return records


def test_cursor_resume_after_pages_applied_twice_or_not_at_all(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_ids = _seed(alice, 20)
    for seed in range(3):
        replica = ReplicaWithCrashes(alice.http, seed)
        replica.sync(limit=7)
        # Changes made between syncs, including edits of parents after their children.
        for client_id in client_ids[seed::4]:
            alice.mutate(
                {
                    "mutationId": new_id(),
                    "entity": "client",
                    "op": "update",
                    "id": client_id,
                    "baseVersion": 1 + seed,
                    "fields": {"notes": f"round {seed}"},
                }
            )
        alice.mutate(
            {
                "mutationId": new_id(),
                "entity": "client",
                "op": "delete",
                "id": client_ids[-1 - seed],
            }
        )
        replica.sync(limit=5)
        assert replica.records == _server_state(alice)


def test_parents_come_before_children_even_when_the_parent_changed_later(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    [client_id] = _seed(alice, 1)
    # The client changes after its engagement and task: its sequence is now the highest.
    alice.mutate(
        {
            "mutationId": new_id(),
            "entity": "client",
            "op": "update",
            "id": client_id,
            "baseVersion": 1,
            "fields": {"city": "Denver"},
        }
    )
    order: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = alice.http.get("/changes", params=params).json()
        order += [item["entity"] for item in page["items"]]
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    first_seen = {entity: order.index(entity) for entity in set(order)}
    assert first_seen["client"] < first_seen["engagement"] < first_seen["task"]


def test_pages_are_bounded_and_ordered_within(live_server: LiveServer) -> None:
    alice = live_server.account()
    _seed(alice, 5)
    page = alice.http.get("/changes", params={"limit": 4}).json()
    assert len(page["items"]) <= 4 + 2  # a page may bring the parents of its children
    assert page["hasMore"] is True
    ranks = [RANK[i["entity"]] for i in page["items"] if not i["deleted"]]
    assert ranks == sorted(ranks)
    too_big = alice.http.get("/changes", params={"limit": 5000})
    assert too_big.status_code == 422
    assert "limit" in too_big.json()["error"]["message"]


def test_an_empty_feed_keeps_the_cursor(live_server: LiveServer) -> None:
    alice = live_server.account()
    page = alice.http.get("/changes").json()
    again = alice.http.get("/changes", params={"cursor": page["cursor"]}).json()
    assert again == {**page, "items": [], "hasMore": False}


def test_cursor_older_than_tombstone_retention_answers_410(live_server: LiveServer) -> None:
    alice = live_server.account()
    old_cursor = alice.http.get("/changes").json()["cursor"]
    client_id = alice.create_client()
    alice.create_client("Still here Inc")
    alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id})
    purged = purge_tombstones(live_server.engine, retention_days=0)
    assert purged == 1
    response = alice.http.get("/changes", params={"cursor": old_cursor})
    assert response.status_code == 410
    error = response.json()["error"]
    assert error["code"] == "cursor_expired"
    assert "sync everything again" in error["message"]
    # Starting again from nothing works, and the deleted client is simply absent.
    fresh = _server_state(alice)
    assert ("client", client_id) not in fresh


def test_malformed_cursor_is_400_not_an_empty_page(live_server: LiveServer) -> None:
    alice = live_server.account()
    response = alice.http.get("/changes", params={"cursor": "yesterday"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_restored_database_gets_a_new_epoch_and_old_cursors_answer_410(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    live = LiveServer(server)
    try:
        alice = live.account()
        alice.create_client()
        backup = tmp_path / "backup.db"
        # An online backup, as an IT person would take one.
        source, target = sqlite3.connect(tmp_path / "server" / "server.db"), sqlite3.connect(backup)
        source.backup(target)
        source.close()
        target.close()
        alice.create_client("After the backup")
        page = alice.http.get("/changes").json()
        cursor, epoch = page["cursor"], page["epoch"]
    finally:
        live.close()
        server.stop()
    data_dir = tmp_path / "server"
    for suffix in ("-wal", "-shm"):
        (data_dir / f"server.db{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, data_dir / "server.db")  # restore
    server = start_server(tmp_path)
    try:
        http = httpx.Client(base_url=server.url + "/api/v1")
        token = http.post(
            "/auth/token", json={"email": alice.email, "password": "correct horse battery"}
        ).json()
        http.headers["Authorization"] = f"Bearer {token['accessToken']}"
        response = http.get("/changes", params={"cursor": cursor})
        assert response.status_code == 410
        assert response.json()["error"]["code"] == "epoch_changed"
        fresh = http.get("/changes").json()
        assert fresh["epoch"] != epoch
        names = {i["data"]["businessName"] for i in fresh["items"] if i["entity"] == "client"}
        assert names == {"Acme LLC"}
        http.close()
    finally:
        server.stop()


def test_a_fresh_sync_after_a_purge_reaches_the_end_over_many_pages(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    ids = _seed(alice, 6)
    for client_id in ids[:2]:
        alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id})
    _seed(alice, 3)  # changes after the deletions
    assert purge_tombstones(live_server.engine, retention_days=0) > 0
    # A new laptop joins: every page of its first sync must be accepted.
    replica = ReplicaWithCrashes(alice.http, seed=1)
    pages = replica.sync(limit=3)
    assert pages > 3
    assert replica.records == _server_state(alice)
    # After a later purge, cursors that saw the purged deletions stay good; older ones expire.
    before_delete = replica.cursor
    alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": ids[3]})
    replica.sync(limit=3)
    assert ("client", ids[3]) in replica.records
    purge_tombstones(live_server.engine, retention_days=0)
    assert alice.http.get("/changes", params={"cursor": replica.cursor}).status_code == 200
    expired = alice.http.get("/changes", params={"cursor": before_delete})
    assert expired.status_code == 410  # it never saw that deletion, and it is gone
