"""What the server accepts for upload, known to the desktop before it asks.

The server announces its limits (``GET /limits``); until the desktop has heard
them (first start offline) it checks files against these defaults, which are
also the embedded server's, so nothing is queued that a default server would
refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024

DEFAULT_MIME_TYPES = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/heic",
    "text/csv",
    "text/plain",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


@dataclass(frozen=True)
class UploadLimits:
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    allowed_mime_types: tuple[str, ...] = DEFAULT_MIME_TYPES

    @classmethod
    def from_server(cls, answer: Mapping[str, Any] | None) -> UploadLimits:
        """The limits in a ``/limits`` answer; defaults for what it does not say."""
        if not answer:
            return cls()
        size = answer.get("maxUploadBytes")
        types = answer.get("allowedMimeTypes")
        return cls(
            size if isinstance(size, int) and size > 0 else DEFAULT_MAX_UPLOAD_BYTES,
            tuple(types) if isinstance(types, list) and types else DEFAULT_MIME_TYPES,
        )
