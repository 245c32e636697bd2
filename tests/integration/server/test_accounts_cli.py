"""``advisoros accounts add``: how a firm's IT person creates the people who sign in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer


def _accounts_add(data_dir: Path, *args: str, password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "advisoros_desktop.cli",
            "accounts",
            "add",
            "--data-dir",
            str(data_dir),
            "--password-stdin",
            *args,
        ],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_added_people_sign_in_and_share_their_firm(tmp_path: Path) -> None:
    firm = ["--organization", "Smith & Co CPAs"]
    done = _accounts_add(
        tmp_path,
        *firm,
        "--email",
        "ana@smithco.example",
        "--name",
        "Ana Smith",
        "--role",
        "owner",
        password="s3cret-pass",
    )
    assert done.returncode == 0, done.stderr
    assert "Added ana@smithco.example (owner) to Smith & Co CPAs." in done.stdout
    _accounts_add(
        tmp_path,
        *firm,
        "--email",
        "raj@smithco.example",
        "--name",
        "Raj Patel",
        "--role",
        "staff",
        password="another-pass",
    )
    duplicate = _accounts_add(
        tmp_path,
        *firm,
        "--email",
        "ANA@smithco.example",
        "--name",
        "Ana Again",
        password="whatever",
    )
    assert duplicate.returncode == 2
    assert "already exists" in duplicate.stderr
    bad = _accounts_add(
        tmp_path, *firm, "--email", "not-an-email", "--name", "X", password="whatever"
    )
    assert bad.returncode == 2 and "not a valid email address" in bad.stderr

    with EmbeddedServer(ServerConfig(data_dir=tmp_path)) as server:
        import httpx

        api = server.url + "/api/v1"
        token = httpx.post(
            api + "/auth/token", json={"email": "raj@smithco.example", "password": "another-pass"}
        )
        assert token.status_code == 200
        me = httpx.get(
            api + "/me", headers={"Authorization": f"Bearer {token.json()['accessToken']}"}
        )
        assert me.json()["organization"]["name"] == "Smith & Co CPAs"
        assert me.json()["role"] == "staff"
