"""Signing in to a server from the form: a real embedded server on loopback, every way it fails.

Each failure must come back as one sentence a person can act on, naming the
box to fix, with nothing kept (no tokens, no cache) from an attempt that failed.
Accounts keep a cache each: two users of one server, and the same person on
two servers, never share one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisoros_desktop.api.errors import SignInRequired
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.organizations import add_user, create_organization
from advisoros_desktop.server.schema import sessions
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import account_key, api_root, resume_account
from advisoros_desktop.sync.server_sign_in import (
    SignInFailed,
    sign_in_again,
    sign_in_to_server,
)
from tests.conftest import PASSWORD, start_server
from tests.integration.foreign_servers import closed_port, self_signed_server, web_server

DANA = "dana@harbor.example.com"
SAM = "sam@harbor.example.com"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    running = start_server(tmp_path)
    engine = running.state.engine
    firm = create_organization(engine, "Harbor CPA")
    add_user(engine, firm, DANA, "Dana Whitaker", "owner", PASSWORD)
    add_user(engine, firm, SAM, "Sam Ortiz", "staff", PASSWORD)
    yield running
    running.stop()


def failure(coroutine: object) -> SignInFailed:
    with pytest.raises(SignInFailed) as caught:
        asyncio.run(coroutine)  # type: ignore[arg-type]
    return caught.value


def caches(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("accounts/*/*/*/cache.db"))


def test_the_right_password_opens_the_accounts_own_cache_and_keeps_only_tokens(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    tokens = MemoryTokenStore()
    data = tmp_path / "data"

    async def scenario() -> None:
        # As a person may type it: spaces, a trailing slash, capitals in the email.
        account = await sign_in_to_server(
            f"  {server.url}/  ", " Dana@Harbor.example.com ", PASSWORD, data, tokens
        )
        try:
            assert account.organization == "Harbor CPA" and account.user == DANA
            assert account.email == "Dana@Harbor.example.com"
            assert account.api.base_url == api_root(server.url)
            assert account.store.path.is_file()
            report = await account.engine.sync_once()
            assert report.pending == 0
        finally:
            await account.close()

    asyncio.run(scenario())
    assert tokens.load(account_key(server.url, DANA)) is not None
    [cache] = caches(data)
    assert "127.0.0.1" in cache.parts[-4]  # the folder names the server


def test_two_users_of_one_server_and_one_user_of_two_servers_keep_separate_caches(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    other = start_server(tmp_path / "second")
    try:
        firm = create_organization(other.state.engine, "Harbor CPA")
        add_user(other.state.engine, firm, DANA, "Dana Whitaker", "owner", PASSWORD)
        data = tmp_path / "data"
        tokens = MemoryTokenStore()

        async def scenario() -> None:
            for url, email in ((server.url, DANA), (server.url, SAM), (other.url, DANA)):
                account = await sign_in_to_server(url, email, PASSWORD, data, tokens)
                await account.close()

        asyncio.run(scenario())
        assert len(caches(data)) == 3
        assert len({cache.parts[-4] for cache in caches(data)}) == 2  # two servers
    finally:
        other.stop()


def test_a_wrong_password_says_so_and_keeps_nothing(server: EmbeddedServer, tmp_path: Path) -> None:
    tokens = MemoryTokenStore()
    data = tmp_path / "data"
    refused = failure(sign_in_to_server(server.url, DANA, "not the password", data, tokens))
    assert refused.message == "The email or password is not right."
    assert refused.field == "password"
    assert tokens.load(account_key(server.url, DANA)) is None
    assert caches(data) == []
    unknown = failure(
        sign_in_to_server(server.url, "nobody@harbor.example.com", PASSWORD, data, tokens)
    )
    assert unknown.message == "The email or password is not right."


def test_an_address_where_nothing_listens_is_unreachable(tmp_path: Path) -> None:
    address = closed_port()
    problem = failure(sign_in_to_server(address, DANA, PASSWORD, tmp_path, MemoryTokenStore()))
    assert problem.field == "address"
    assert problem.message.startswith(
        f"Could not reach {address} — check the address and your connection."
    )
    assert "Nothing answered" in problem.message


def test_a_certificate_this_computer_does_not_trust_is_named_and_no_password_is_sent(
    tmp_path: Path,
) -> None:
    with self_signed_server(tmp_path / "tls") as address:
        problem = failure(sign_in_to_server(address, DANA, PASSWORD, tmp_path, MemoryTokenStore()))
    assert problem.field == "address"
    assert problem.message.startswith("The server's certificate is not trusted by this computer")
    assert "self-signed" in problem.message and "password was not sent" in problem.message


@pytest.mark.parametrize("status", [404, 200])
def test_a_web_server_that_is_not_advisoros_is_told_apart(tmp_path: Path, status: int) -> None:
    with web_server(status) as address:
        problem = failure(sign_in_to_server(address, DANA, PASSWORD, tmp_path, MemoryTokenStore()))
    assert problem.field == "address"
    assert problem.message == (
        f"{address} answered, but it is not an AdvisorOS server. Check the address "
        "(your firm's administrator can give it to you)."
    )


@pytest.mark.parametrize(
    ("address", "email", "password", "field", "words"),
    [
        ("", DANA, PASSWORD, "address", "Enter the address"),
        ("http://advisoros.example.com", DANA, PASSWORD, "address", "Use https://"),
        ("ftp://advisoros.example.com", DANA, PASSWORD, "address", "is not a web address"),
        ("https://advisoros.example.com:99999", DANA, PASSWORD, "address", "port number"),
        ("https://advisoros.example.com", "", PASSWORD, "email", "Enter the email"),
        ("https://advisoros.example.com", "dana", PASSWORD, "email", "is not an email address"),
        ("https://advisoros.example.com", DANA, "", "password", "Enter your password"),
    ],
)
def test_the_form_is_checked_before_anything_is_sent(
    tmp_path: Path, address: str, email: str, password: str, field: str, words: str
) -> None:
    problem = failure(sign_in_to_server(address, email, password, tmp_path, MemoryTokenStore()))
    assert problem.field == field
    assert words in problem.message


def test_a_kept_sign_in_resumes_offline_first_and_a_refused_one_waits_for_the_password(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    tokens = MemoryTokenStore()
    data = tmp_path / "data"

    async def scenario() -> None:
        first = await sign_in_to_server(server.url, DANA, PASSWORD, data, tokens)
        await first.engine.sync_once()
        path = first.store.path
        await first.close()

        # The next start: the cache and the kept tokens, no password.
        store = LocalStore(path)
        resumed = resume_account(api_root(server.url), DANA, store, tokens, "Harbor CPA", DANA)
        try:
            await resumed.engine.sync_once()
            client = resumed.store.create("client", {"businessName": "Kept While Signed Out"})
            # The server forgets every sign-in (a password change, an administrator).
            with server.state.engine.begin() as conn:
                conn.execute(sa.delete(sessions))
            with pytest.raises(SignInRequired):
                await resumed.engine.sync_once()
            assert resumed.store.pending_count() == 1  # the change waits

            with pytest.raises(SignInFailed) as wrong:
                await sign_in_again(resumed, DANA, "not the password")
            assert wrong.value.message == "The email or password is not right."
            await sign_in_again(resumed, DANA, PASSWORD)
            report = await resumed.engine.sync_once()
            assert report.pending == 0
            assert resumed.store.get("client", client)["version"] >= 1
        finally:
            await resumed.close()

    asyncio.run(scenario())
