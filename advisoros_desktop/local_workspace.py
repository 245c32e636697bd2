"""The local workspace: an embedded AdvisorOS server in the data folder, for one person.

It runs on loopback only. Its single account gets a fresh random password at
every start, held in memory for that run only: the program that embeds the
server is the only one that needs to sign in, and no secret is written to disk.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.demo.seed import DEMO_EMAIL, DEMO_FIRM, seed_demo_firm
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.organizations import (
    add_user,
    create_organization,
    find_organization,
    set_password,
)

LOCAL_FIRM = "My firm"
LOCAL_EMAIL = "me@workspace.local"


@dataclass
class LocalWorkspace:
    server: EmbeddedServer
    email: str
    password: str

    @property
    def api_url(self) -> str:
        return self.server.url + "/api/v1"

    def stop(self) -> None:
        self.server.stop()


def start_local_workspace(data_dir: Path, demo: bool) -> LocalWorkspace:
    """Start the embedded server in ``data_dir/workspace`` and prepare its account."""
    config = ServerConfig(data_dir=data_dir / "workspace")
    server = EmbeddedServer(config).start()
    engine = server.state.engine
    password = secrets.token_urlsafe(24)
    if demo:
        seed_demo_firm(engine, config)
        email = DEMO_EMAIL
    else:
        email = LOCAL_EMAIL
        if (
            find_organization(engine, LOCAL_FIRM) is None
            and find_organization(engine, DEMO_FIRM) is None
        ):
            org_id = create_organization(engine, LOCAL_FIRM)
            add_user(engine, org_id, email, "Me", "owner", password)
    set_password(engine, email, password)
    return LocalWorkspace(server, email, password)
