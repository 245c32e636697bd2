"""No token and no password ever lands in the data folder; ``advisoros sync`` says what it did.

A refresh token is as good as the password for weeks, and the data folder is
what gets copied into backups, synced to cloud drives and attached to support
tickets. So after a real CLI run and a real in-process sync, every byte of
every file under the data folder (the cache, its WAL and shared memory, logs)
is searched for the tokens the server issued and for the password. The
server keeps only SHA-256 hashes of its tokens, so the CLI's tokens are found
by hashing every token-shaped string in the files and asking whether the
server issued it.

The CLI runs with no keyring backend at all (as on a headless box), which is
also how it is checked that it says, once, that the tokens stay in memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from advisoros_desktop.api.token_store import INSECURE_MESSAGE, MemoryTokenStore, Tokens
from advisoros_desktop.server.schema import sessions
from advisoros_desktop.sync.account import account_key, api_root, open_account
from tests.conftest import PASSWORD, LiveServer

REPO = Path(__file__).resolve().parents[3]
SUMMARY = re.compile(rb"pushed (\d+), pulled (\d+), conflicts (\d+), rejected (\d+), pending (\d+)")
# The server's tokens: "at_" or "rt_" and 43 characters of URL-safe base64.
TOKEN_SHAPED = re.compile(rb"(?:at|rt)_[A-Za-z0-9_-]{20,}")


def advisoros(*args: str, stdin: str, home: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed ``advisoros`` command, with no keyring and a home of its own."""
    script = Path(sys.executable).with_name("advisoros")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "advisoros_desktop.cli"]
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    return subprocess.run(
        [*command, *args], input=stdin.encode(), capture_output=True, env=env, cwd=REPO, timeout=60
    )


def sync_cli(
    live_server: LiveServer, email: str, password: str, data_dir: Path, home: Path
) -> subprocess.CompletedProcess[bytes]:
    return advisoros(
        "sync",
        *("--server", live_server.url, "--email", email, "--password-stdin"),
        *("--data-dir", str(data_dir)),
        stdin=password + "\n",
        home=home,
    )


def every_file(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def issued_token_hashes(live_server: LiveServer, user_id: str) -> set[str]:
    with live_server.engine.connect() as conn:
        rows = conn.execute(sa.select(sessions.c.tokenHash).where(sessions.c.userId == user_id))
        return {row.tokenHash for row in rows}


def secrets_in(blob: bytes, secrets: list[str], issued: set[str]) -> list[str]:
    """Which of ``secrets`` (as UTF-8 or UTF-16) or of the issued tokens ``blob`` holds."""
    found = [
        secret[:6] + "..."
        for secret in secrets
        if secret.encode() in blob or secret.encode("utf-16-le") in blob
    ]
    for match in TOKEN_SHAPED.finditer(blob):
        candidate = match.group()[:46]  # a token is 46 characters; more is what follows it
        if hashlib.sha256(candidate).hexdigest() in issued:
            found.append(candidate[:6].decode() + "... (issued by the server)")
    return found


def assert_no_secrets(folder: Path, secrets: list[str], issued: set[str]) -> None:
    files = every_file(folder)
    assert any(path.name == "cache.db" for path in files), sorted(files)
    leaks = {
        str(path.relative_to(folder)): found
        for path, blob in files.items()
        if (found := secrets_in(blob, secrets, issued))
    }
    assert leaks == {}


def summary(output: bytes) -> tuple[int, ...]:
    match = SUMMARY.search(output)
    assert match is not None, output
    return tuple(int(n) for n in match.groups())


def test_no_token_or_password_in_the_data_dir_after_cli_and_in_process_syncs(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice, bob = live_server.account(), live_server.account()
    for n in range(2):
        bob.create_client(f"Filed by Bob {n}")
    data_dir, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()

    first = sync_cli(live_server, alice.email, PASSWORD, data_dir, home)
    assert first.returncode == 0, first.stderr
    pushed, pulled, conflicts, rejected, pending = summary(first.stdout)
    assert (pushed, conflicts, rejected, pending) == (0, 0, 0, 0)
    assert pulled >= 2
    # No keyring here: said once, in words, on stderr; not a traceback.
    assert first.stderr.decode().count(INSECURE_MESSAGE) == 1, first.stderr
    assert b"Traceback" not in first.stderr

    tokens = MemoryTokenStore()

    async def in_process(edit: bool, sync: bool) -> Tokens:
        account = await open_account(live_server.url, alice.email, PASSWORD, data_dir, tokens)
        try:
            if edit:
                account.store.create("client", {"businessName": "Typed in the desktop"})
            if sync:
                await account.engine.sync_once()
            kept = tokens.load(account_key(api_root(live_server.url), alice.email))
            assert kept is not None
            return kept
        finally:
            await account.close()

    kept = asyncio.run(in_process(edit=True, sync=True))
    issued = issued_token_hashes(live_server, alice.user_id)
    # The search finds an issued token by its hash alone (else "no leak" would mean nothing).
    planted = b'{"refreshToken":"' + kept.refresh_token.encode() + b'","x":1}'
    assert secrets_in(planted, [], issued) == [
        kept.refresh_token[:6] + "... (issued by the server)"
    ]
    assert_no_secrets(data_dir, [kept.access_token, kept.refresh_token, PASSWORD], issued)

    # An edit left unsent by the desktop goes with the next CLI run.
    kept_too = asyncio.run(in_process(edit=True, sync=False))
    second = sync_cli(live_server, alice.email, PASSWORD, data_dir, home)
    assert second.returncode == 0, second.stderr
    assert summary(second.stdout)[0] == 1 and summary(second.stdout)[4] == 0, second.stdout
    secrets = [kept.access_token, kept.refresh_token, kept_too.access_token, kept_too.refresh_token]
    issued = issued_token_hashes(live_server, alice.user_id)
    assert_no_secrets(data_dir, [*secrets, PASSWORD], issued)
    for output in (first.stdout, first.stderr, second.stdout, second.stderr):
        assert secrets_in(output, [PASSWORD], issued) == []


def test_the_cli_with_a_wrong_password_says_so_and_exits_1(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()
    home = tmp_path / "home"
    home.mkdir()
    wrong = sync_cli(live_server, alice.email, "not " + PASSWORD, tmp_path / "data", home)
    assert wrong.returncode == 1, (wrong.stdout, wrong.stderr)
    assert b"The email or password is wrong." in wrong.stderr
    assert b"Traceback" not in wrong.stderr
    assert SUMMARY.search(wrong.stdout) is None
