"""Builds the FastAPI application of the AdvisorOS API v1."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Mapping

from fastapi import APIRouter, FastAPI

from advisoros_desktop import __version__
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.database import create_engine
from advisoros_desktop.server.epoch_guard import EpochGuard
from advisoros_desktop.server.errors import install_error_handlers
from advisoros_desktop.server.extraction_job import ExtractionJob
from advisoros_desktop.server.jobs import EXTRACT, JobHandler, JobQueue
from advisoros_desktop.server.load_limits import LoadLimitMiddleware
from advisoros_desktop.server.models import ErrorResponse
from advisoros_desktop.server.retention import purge_tombstones
from advisoros_desktop.server.routes import auth, documents, meta, settings, sync, uploads
from advisoros_desktop.server.state import ServerState
from advisoros_desktop.server.uploads import UploadService

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
PURGE_INTERVAL_SECONDS = 3600.0


def default_job_handlers(config: ServerConfig) -> dict[str, JobHandler]:
    """The jobs a real server runs: extraction after upload."""
    return {EXTRACT: ExtractionJob(config)}


def build_state(
    config: ServerConfig, job_handlers: Mapping[str, JobHandler] | None = None
) -> ServerState:
    """The server's shared objects; ``job_handlers`` None means the real ones, ``{}`` none."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(config.database_url)
    epochs = EpochGuard(config.data_dir / "epoch-watermarks.json")
    epochs.check(engine)
    handlers = default_job_handlers(config) if job_handlers is None else job_handlers
    jobs = JobQueue(engine, handlers)
    upload_service = UploadService(engine, config)
    upload_service.on_document_created.append(jobs.notify)
    return ServerState(
        config=config, engine=engine, uploads=upload_service, jobs=jobs, epochs=epochs
    )


def create_app(
    config: ServerConfig, job_handlers: Mapping[str, JobHandler] | None = None
) -> FastAPI:
    state = build_state(config, job_handlers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        purger = threading.Thread(
            target=_purge_loop, args=(state, stop), daemon=True, name="tombstone-purge"
        )
        if config.run_job_worker:
            state.jobs.start()
        purger.start()
        try:
            yield
        finally:
            stop.set()
            state.jobs.stop()
            state.engine.dispose()

    app = FastAPI(
        title="AdvisorOS API",
        version=__version__,
        description="Sync, upload and document API of AdvisorOS (embedded server).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.server = state
    install_error_handlers(app)
    # Any route may be refused under load (LoadLimitMiddleware); each says so in the schema.
    api = APIRouter(
        prefix=API_PREFIX,
        responses={
            429: {"model": ErrorResponse, "description": "Too many requests; see Retry-After"},
            503: {"model": ErrorResponse, "description": "Overloaded; see Retry-After"},
        },
    )
    for module in (auth, sync, uploads, documents, meta, settings):
        api.include_router(module.router)
    app.include_router(api)
    app.add_middleware(LoadLimitMiddleware, config=config)
    return app


def _purge_loop(state: ServerState, stop: threading.Event) -> None:
    while True:
        try:
            purged = purge_tombstones(state.engine, state.config.tombstone_retention_days)
            if purged:
                log.info("purged %d tombstones past retention", purged)
            dropped = state.uploads.drop_stale(state.config.stale_upload_seconds)
            if dropped:
                log.info("dropped %d unfinished uploads nobody resumed", dropped)
        except Exception:
            log.exception("tombstone purge failed")
        if stop.wait(PURGE_INTERVAL_SECONDS):
            return
