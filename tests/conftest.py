"""Fixtures shared by every test: a real AdvisorOS server on loopback, signed-in clients.

Qt tests run offscreen; nothing here mocks the server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.organizations import add_user, create_organization
from tests.postgres_cluster import PostgresCluster, find_binaries

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PASSWORD = "correct horse battery"


@dataclass
class Account:
    """A signed-in user of one organization, with an httpx client on /api/v1."""

    organization_id: str
    user_id: str
    email: str
    http: httpx.Client

    def mutate(self, *mutations: dict[str, object]) -> list[dict[str, object]]:
        response = self.http.post("/mutations", json={"mutations": list(mutations)})
        assert response.status_code == 200, response.text
        results: list[dict[str, object]] = response.json()["results"]
        return results

    def create_client(self, name: str = "Acme LLC", **fields: object) -> str:
        record_id = new_id()
        [result] = self.mutate(
            {
                "mutationId": new_id(),
                "entity": "client",
                "op": "create",
                "id": record_id,
                "fields": {"businessName": name, **fields},
            }
        )
        assert result["status"] == "applied", result
        return record_id


class LiveServer:
    def __init__(self, server: EmbeddedServer) -> None:
        self.server = server
        self.url = server.url
        self.api = server.url + "/api/v1"
        self._clients: list[httpx.Client] = []

    @property
    def engine(self):
        return self.server.state.engine

    def account(self, organization: str = "Firm A", role: str = "owner") -> Account:
        """A new user (in a new or existing organization by name), signed in."""
        from advisoros_desktop.server.organizations import find_organization

        org_id = find_organization(self.engine, organization) or create_organization(
            self.engine, organization
        )
        domain = "".join(ch for ch in organization.lower() if ch.isalnum()) or "firm"
        email = f"u{new_id()[-12:]}@{domain}.example.com"
        user_id = add_user(self.engine, org_id, email, f"User {email[:8]}", role, PASSWORD)
        http = httpx.Client(base_url=self.api, timeout=30)
        self._clients.append(http)
        token = http.post("/auth/token", json={"email": email, "password": PASSWORD})
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['accessToken']}"
        return Account(org_id, user_id, email, http)

    def close(self) -> None:
        for client in self._clients:
            client.close()


def start_server(tmp_path: Path, **config: object) -> EmbeddedServer:
    settings = ServerConfig(data_dir=tmp_path / "server", **config)  # type: ignore[arg-type]
    return EmbeddedServer(settings).start()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    binaries = find_binaries()
    if binaries is None:
        pytest.fail(
            "PostgreSQL's server binaries are missing; `make test` installs the Debian "
            "package 'postgresql' (scripts/install-system-packages)."
        )
    cluster = PostgresCluster(binaries).start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def live_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh embedded server on loopback, on a SQLite file and on PostgreSQL."""
    db_url = None
    if request.param == "postgresql":
        db_url = request.getfixturevalue("postgres_cluster").new_database()
    server = start_server(tmp_path, db_url=db_url)
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus folder {SHARED} is absent")
    return SHARED
