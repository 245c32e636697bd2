"""What every request handler needs, built once per server and passed through FastAPI."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.database import reading
from advisoros_desktop.server.epoch_guard import EpochGuard
from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.jobs import JobQueue
from advisoros_desktop.server.schema import ENTITY_TABLES
from advisoros_desktop.server.tokens import Caller, find_session
from advisoros_desktop.server.uploads import UploadService


@dataclass
class ServerState:
    config: ServerConfig
    engine: sa.Engine
    uploads: UploadService
    jobs: JobQueue
    epochs: EpochGuard


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


_bearer = HTTPBearer(auto_error=False, description="An access token from /auth/token")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, None, {"WWW-Authenticate": "Bearer"})


def current_caller(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    state: ServerState = Depends(server_state),
) -> Caller:
    if credentials is None:
        raise _unauthorized("Sign in first: this route needs an access token.")
    token = credentials.credentials
    users = ENTITY_TABLES["user"]
    with reading(state.engine) as conn:
        session = find_session(conn, token, "access")
        if session is None:
            raise _unauthorized(
                "Your session has expired or the token is not valid; refresh it or sign in again."
            )
        user = conn.execute(
            sa.select(users.c.role, users.c.isActive, users.c.deletedAt).where(
                users.c.organizationId == session.organizationId, users.c.id == session.userId
            )
        ).first()
    if user is None or not user.isActive or user.deletedAt is not None:
        raise _unauthorized("This account is no longer active.")
    return Caller(session.organizationId, session.userId, user.role, session.tokenHash)
