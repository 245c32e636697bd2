"""Signing in, renewing tokens, and who the caller is."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Depends

from advisoros_desktop.domain.entities import USER
from advisoros_desktop.server.database import reading, writing
from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.models import (
    ErrorResponse,
    MeResponse,
    OrganizationInfo,
    TokenRequest,
    TokenResponse,
)
from advisoros_desktop.server.passwords import verify_password
from advisoros_desktop.server.records import read_record, to_wire
from advisoros_desktop.server.schema import credentials, organizations
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller, find_session, issue_pair, retire

router = APIRouter(tags=["auth"])

_WRONG = "The email or password is wrong."


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    responses={
        400: {"model": ErrorResponse},
        401: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
def token(body: TokenRequest, state: ServerState = Depends(server_state)) -> TokenResponse:
    """Exchange email and password, or a refresh token, for a new token pair."""
    config = state.config
    if body.refreshToken:
        with writing(state.engine) as conn:
            session = find_session(conn, body.refreshToken, "refresh")
            if session is None:
                raise ApiError(
                    401,
                    "invalid_refresh_token",
                    "This sign-in has expired; sign in again with your password.",
                )
            retire(conn, body.refreshToken, config.refresh_reuse_seconds)
            pair = issue_pair(
                conn,
                session.organizationId,
                session.userId,
                config.access_token_seconds,
                config.refresh_token_days,
            )
        return TokenResponse.model_validate(pair)
    if not body.email or not body.password:
        raise ApiError(
            422, "missing_credentials", "Give an email and a password, or a refresh token."
        )
    login = body.email.strip().lower()
    if "\x00" in login:
        raise ApiError(401, "invalid_credentials", _WRONG)
    with reading(state.engine) as conn:
        row = conn.execute(sa.select(credentials).where(credentials.c.email == login)).first()
    if row is None or not verify_password(body.password, row.passwordHash):
        raise ApiError(401, "invalid_credentials", _WRONG)
    with writing(state.engine) as conn:
        user = read_record(conn, row.organizationId, "user", row.userId)
        if user is None or not user["isActive"] or user["deletedAt"] is not None:
            raise ApiError(401, "account_disabled", "This account has been disabled.")
        pair = issue_pair(
            conn,
            row.organizationId,
            row.userId,
            config.access_token_seconds,
            config.refresh_token_days,
        )
    return TokenResponse.model_validate(pair)


@router.get("/me", response_model=MeResponse, responses={401: {"model": ErrorResponse}})
def me(
    caller: Caller = Depends(current_caller), state: ServerState = Depends(server_state)
) -> MeResponse:
    """The signed-in user and their organization."""
    with reading(state.engine) as conn:
        user = read_record(conn, caller.organization_id, "user", caller.user_id)
        org = conn.execute(
            sa.select(organizations.c.id, organizations.c.name).where(
                organizations.c.id == caller.organization_id
            )
        ).one()
    assert user is not None
    return MeResponse(
        user=to_wire(USER, user),
        organization=OrganizationInfo(id=org.id, name=org.name),
        role=caller.role,
    )
