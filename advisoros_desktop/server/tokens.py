"""Access and refresh tokens: random strings, stored only as their SHA-256.

Opaque random tokens (not JWTs) because the server that issues them is the
only one that checks them, and a row can be revoked. Refresh tokens rotate:
using one issues a new pair and retires the old one after a short grace period,
so a client whose reply to a refresh was lost can refresh again instead of
being signed out; after that, a used refresh token is worthless.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa

from advisoros_desktop.server.schema import ENTITY_TABLES, sessions


@dataclass(frozen=True)
class Caller:
    """Who is calling: resolved from the bearer token on every request."""

    organization_id: str
    user_id: str
    role: str
    token_hash: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_pair(
    conn: sa.Connection,
    organization_id: str,
    user_id: str,
    access_seconds: int,
    refresh_days: int,
) -> dict[str, object]:
    now = time.time()
    access = "at_" + secrets.token_urlsafe(32)
    refresh = "rt_" + secrets.token_urlsafe(32)
    conn.execute(
        sessions.insert(),
        [
            {
                "tokenHash": token_hash(access),
                "kind": "access",
                "organizationId": organization_id,
                "userId": user_id,
                "expiresAt": now + access_seconds,
                "revoked": False,
            },
            {
                "tokenHash": token_hash(refresh),
                "kind": "refresh",
                "organizationId": organization_id,
                "userId": user_id,
                "expiresAt": now + refresh_days * 86400,
                "revoked": False,
            },
        ],
    )
    # Expired rows are useless; sweeping them here keeps the table small without a timer.
    conn.execute(sessions.delete().where(sessions.c.expiresAt < now - 86400))
    return {
        "accessToken": access,
        "refreshToken": refresh,
        "tokenType": "Bearer",
        "expiresIn": access_seconds,
    }


# Built once: every request checks its token, and building a statement costs more than
# running this one (two primary-key lookups).
_SESSION = sa.select(sessions).where(sessions.c.tokenHash == sa.bindparam("token_hash"))
_users = ENTITY_TABLES["user"]
_CALLER = (
    sa.select(
        sessions.c.kind,
        sessions.c.revoked,
        sessions.c.expiresAt,
        sessions.c.organizationId,
        sessions.c.userId,
        _users.c.id.label("userFound"),
        _users.c.role,
        _users.c.isActive,
        _users.c.deletedAt,
    )
    .select_from(
        sessions.outerjoin(
            _users,
            (_users.c.organizationId == sessions.c.organizationId)
            & (_users.c.id == sessions.c.userId),
        )
    )
    .where(sessions.c.tokenHash == sa.bindparam("token_hash"))
)

# Why a token stands for nobody (see ``find_caller``).
NOT_VALID = "not_valid"
INACTIVE = "inactive"


def find_session(conn: sa.Connection, token: str, kind: str) -> sa.Row[tuple[object, ...]] | None:
    row = conn.execute(_SESSION, {"token_hash": token_hash(token)}).first()
    if row is None or row.kind != kind or row.revoked or row.expiresAt < time.time():
        return None
    return row


def find_caller(conn: sa.Connection, token: str) -> Caller | str:
    """Who an access token stands for, or why nobody: ``NOT_VALID`` or ``INACTIVE``.

    Read afresh on every request, never cached: a token revoked or a user
    deactivated (by this server or straight in its database) is refused at once.
    """
    digest = token_hash(token)
    row = conn.execute(_CALLER, {"token_hash": digest}).first()
    if row is None or row.kind != "access" or row.revoked or row.expiresAt < time.time():
        return NOT_VALID
    if row.userFound is None or not row.isActive or row.deletedAt is not None:
        return INACTIVE
    return Caller(row.organizationId, row.userId, row.role, digest)


def revoke(conn: sa.Connection, token: str) -> None:
    conn.execute(
        sessions.update().where(sessions.c.tokenHash == token_hash(token)).values(revoked=True)
    )


def retire(conn: sa.Connection, token: str, grace_seconds: float) -> None:
    """Let a used refresh token live ``grace_seconds`` more, then never again."""
    if grace_seconds <= 0:
        revoke(conn, token)
        return
    conn.execute(
        sessions.update()
        .where(sessions.c.tokenHash == token_hash(token))
        .values(
            expiresAt=sa.func.min(sessions.c.expiresAt, time.time() + grace_seconds)
            if conn.dialect.name == "sqlite"
            else sa.func.least(sessions.c.expiresAt, time.time() + grace_seconds)
        )
    )
