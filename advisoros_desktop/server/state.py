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
from advisoros_desktop.server.tokens import NOT_VALID, Caller, find_caller
from advisoros_desktop.server.uploads import UploadService


@dataclass
class ServerState:
    config: ServerConfig
    engine: sa.Engine
    uploads: UploadService
    jobs: JobQueue
    epochs: EpochGuard


# Async although it does no I/O: FastAPI runs a plain function dependency in its
# thread pool, and that round trip costs more CPU than the attribute lookup itself.
async def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


_bearer = HTTPBearer(auto_error=False, description="An access token from /auth/token")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, None, {"WWW-Authenticate": "Bearer"})


def current_caller(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    state: ServerState = Depends(server_state),
) -> Caller:
    """The caller of a request, checked before its body is read (so 401 comes before 422)."""
    if credentials is None:
        raise _unauthorized("Sign in first: this route needs an access token.")
    with reading(state.engine) as conn:
        found = find_caller(conn, credentials.credentials)
    if isinstance(found, Caller):
        return found
    if found == NOT_VALID:
        raise _unauthorized(
            "Your session has expired or the token is not valid; refresh it or sign in again."
        )
    raise _unauthorized("This account is no longer active.")
