"""Health for monitoring and the limits clients enforce before sending anything."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Depends

from advisoros_desktop import __version__
from advisoros_desktop.server.models import ErrorResponse, Health, Limits
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=Health)
def health(state: ServerState = Depends(server_state)) -> Health:
    """Answers without signing in; checks the database answers too."""
    with state.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))
    return Health(status="ok", version=__version__, database=state.engine.dialect.name)


@router.get("/limits", response_model=Limits, responses={401: {"model": ErrorResponse}})
def limits(
    _caller: Caller = Depends(current_caller), state: ServerState = Depends(server_state)
) -> Limits:
    config = state.config
    return Limits(
        maxUploadBytes=config.max_upload_bytes,
        maxUploadChunkBytes=config.max_upload_chunk_bytes,
        allowedMimeTypes=list(config.allowed_mime_types),
        maxPageSize=config.max_page_size,
        maxMutationsPerBatch=config.max_mutations_per_batch,
        maxRequestBodyBytes=config.max_json_body_bytes,
        rateLimitPerSecond=config.rate_limit_per_second,
    )
