"""The change feed (pull) and mutation batches (push)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from advisoros_desktop.server.change_feed import read_page
from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.models import (
    ChangesResponse,
    ErrorResponse,
    MutationBatch,
    MutationsResponse,
)
from advisoros_desktop.server.mutations import apply_batch
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller

router = APIRouter(tags=["sync"])


@router.get(
    "/changes",
    response_model=ChangesResponse,
    responses={
        400: {"model": ErrorResponse},
        401: {"model": ErrorResponse},
        410: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
async def changes(
    cursor: str | None = Query(
        default=None,
        max_length=100,
        description="The cursor of the last page applied; none to start",
    ),
    limit: int = Query(default=500, ge=1, le=1000),
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> Response:
    """Records changed after ``cursor``, parents before children, at most ``limit``."""
    page = await run_in_threadpool(
        read_page,
        state.engine,
        caller.organization_id,
        cursor,
        min(limit, state.config.max_page_size),
        state.epochs.cursor_issued,
    )
    # Serialised here rather than through the response model: pages are large and hot.
    return Response(json.dumps(page, separators=(",", ":")), media_type="application/json")


@router.post(
    "/mutations",
    response_model=MutationsResponse,
    responses={
        400: {"model": ErrorResponse},
        401: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
def mutations(
    batch: MutationBatch,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> MutationsResponse:
    """Apply a batch in order; each mutation gets its own result."""
    if len(batch.mutations) > state.config.max_mutations_per_batch:
        raise ApiError(
            413,
            "batch_too_large",
            f"At most {state.config.max_mutations_per_batch} mutations per batch.",
        )
    results = apply_batch(state.engine, caller, [m.model_dump() for m in batch.mutations])
    return MutationsResponse.model_validate({"results": results})
