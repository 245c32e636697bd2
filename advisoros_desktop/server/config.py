"""Server settings, with defaults fit for a laptop's local workspace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.domain.upload_limits import DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MIME_TYPES


@dataclass
class ServerConfig:
    data_dir: Path
    # SQLAlchemy URL; None means a SQLite file in data_dir.
    db_url: str | None = None
    access_token_seconds: int = 900
    refresh_token_days: int = 30
    # A used refresh token still works this long, for a client whose reply was lost.
    refresh_reuse_seconds: float = 60.0
    # Requests per second per caller (token or address), with a burst allowance; 0 disables.
    rate_limit_per_second: float = 0.0
    rate_limit_burst: int = 50
    # Requests handled at once before the server answers 503 (the thread pool is finite).
    max_concurrent_requests: int = 64
    max_json_body_bytes: int = 2 * 1024 * 1024
    max_upload_chunk_bytes: int = 16 * 1024 * 1024
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    allowed_mime_types: tuple[str, ...] = DEFAULT_MIME_TYPES
    max_page_size: int = 1000
    default_page_size: int = 500
    max_mutations_per_batch: int = 500
    tombstone_retention_days: float = 90.0
    # Seconds a stale, unfinished upload is kept before its partial bytes are dropped.
    stale_upload_seconds: int = 7 * 24 * 3600
    run_job_worker: bool = True

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def content_dir(self) -> Path:
        return self.data_dir / "content"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"
