"""Signing in, token refresh and rotation, and what an unsigned request gets."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from advisoros_desktop.server.schema import ENTITY_TABLES, sessions
from tests.conftest import PASSWORD, LiveServer, start_server


def test_sign_in_refresh_and_rotation(live_server: LiveServer) -> None:
    alice = live_server.account()
    http = httpx.Client(base_url=live_server.api)
    wrong = http.post("/auth/token", json={"email": alice.email, "password": "nope"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["message"] == "The email or password is wrong."

    pair = http.post("/auth/token", json={"email": alice.email.upper(), "password": PASSWORD})
    assert pair.status_code == 200
    tokens = pair.json()
    assert tokens["expiresIn"] > 0 and tokens["tokenType"] == "Bearer"

    renewed = http.post("/auth/token", json={"refreshToken": tokens["refreshToken"]})
    assert renewed.status_code == 200
    new_tokens = renewed.json()
    assert new_tokens["accessToken"] != tokens["accessToken"]
    me = http.get("/me", headers={"Authorization": f"Bearer {new_tokens['accessToken']}"})
    assert me.json()["user"]["email"] == alice.email

    http.close()


def test_a_used_refresh_token_works_only_for_a_short_grace(tmp_path: Path) -> None:
    server = start_server(tmp_path, refresh_reuse_seconds=1.0)
    live = LiveServer(server)
    try:
        alice = live.account()
        http = httpx.Client(base_url=live.api)
        tokens = http.post("/auth/token", json={"email": alice.email, "password": PASSWORD})
        refresh = tokens.json()["refreshToken"]
        assert http.post("/auth/token", json={"refreshToken": refresh}).status_code == 200
        # The reply to that refresh was lost: the client asks again at once, and may.
        assert http.post("/auth/token", json={"refreshToken": refresh}).status_code == 200
        time.sleep(1.2)
        # Later, a used (perhaps stolen) refresh token is worthless.
        reused = http.post("/auth/token", json={"refreshToken": refresh})
        assert reused.status_code == 401
        assert "sign in again" in reused.json()["error"]["message"]
        http.close()
    finally:
        live.close()
        server.stop()


def test_routes_need_a_valid_token(live_server: LiveServer) -> None:
    http = httpx.Client(base_url=live_server.api)
    for method, path in [
        ("GET", "/me"),
        ("GET", "/changes"),
        ("POST", "/mutations"),
        ("GET", "/limits"),
        ("POST", "/uploads"),
    ]:
        response = http.request(method, path, json={} if method == "POST" else None)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert "Sign in" in response.json()["error"]["message"]
    bad = http.get("/me", headers={"Authorization": "Bearer at_forged"})
    assert bad.status_code == 401 and "expired or the token is not valid" in bad.text
    assert http.get("/health").json()["status"] == "ok"
    http.close()


def test_missing_credentials_get_a_readable_422(live_server: LiveServer) -> None:
    http = httpx.Client(base_url=live_server.api)
    response = http.post("/auth/token", json={"email": "a@example.com"})
    assert response.status_code == 422
    assert "email and a password, or a refresh token" in response.json()["error"]["message"]
    http.close()


def test_a_token_revoked_or_a_user_deactivated_in_the_database_is_refused_at_once(
    live_server: LiveServer,
) -> None:
    """The caller is read afresh for every request: nothing cached outlives a revocation."""
    alice, bob = live_server.account(), live_server.account()
    assert alice.http.get("/me").status_code == 200
    with live_server.engine.begin() as conn:
        conn.execute(
            sessions.update()
            .where(sessions.c.userId == alice.user_id, sessions.c.kind == "access")
            .values(revoked=True)
        )
    refused = alice.http.get("/me")
    assert refused.status_code == 401 and "expired or the token is not valid" in refused.text

    assert bob.http.get("/me").status_code == 200
    users = ENTITY_TABLES["user"]
    with live_server.engine.begin() as conn:
        conn.execute(users.update().where(users.c.id == bob.user_id).values(isActive=False))
    gone = bob.http.post("/uploads", json={})
    assert gone.status_code == 401 and "no longer active" in gone.text
