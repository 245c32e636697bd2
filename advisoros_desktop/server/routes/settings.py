"""The firm's own settings: everyone signed in reads them, owners and administrators change them."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from advisoros_desktop.server.database import reading, writing
from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.firm_settings import (
    SETTINGS_EDITORS,
    review_threshold,
    set_review_threshold,
)
from advisoros_desktop.server.models import ErrorResponse, FirmSettings, FirmSettingsChange
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller

router = APIRouter(tags=["settings"])


@router.get("/settings", response_model=FirmSettings, responses={401: {"model": ErrorResponse}})
def read_settings(
    caller: Caller = Depends(current_caller), state: ServerState = Depends(server_state)
) -> FirmSettings:
    with reading(state.engine) as conn:
        return FirmSettings(reviewThreshold=review_threshold(conn, caller.organization_id))


@router.patch(
    "/settings",
    response_model=FirmSettings,
    responses={
        400: {"model": ErrorResponse},
        401: {"model": ErrorResponse},
        403: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
def change_settings(
    change: FirmSettingsChange,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> FirmSettings:
    """Documents extracted from now on are judged by the new threshold."""
    if caller.role not in SETTINGS_EDITORS:
        raise ApiError(
            403,
            "forbidden",
            "Only the firm's owner or an administrator can change the firm's settings.",
        )
    with writing(state.engine) as conn:
        threshold = set_review_threshold(
            conn, caller.organization_id, change.reviewThreshold, caller.user_id
        )
    return FirmSettings(reviewThreshold=threshold)
