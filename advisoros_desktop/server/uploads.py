"""Resumable, verified, deduplicated uploads (tus 1.0 core semantics).

An upload is created with the file's SHA-256 and size before any byte moves:
a file the firm already has answers with the existing document, and limits
are checked up front. Bytes then arrive in PATCHes at an explicit offset;
the last byte triggers verification, and only a file whose size and SHA-256
match becomes a document.

Every request is at most one write transaction: create writes the upload row;
a PATCH writes its bytes (fsynced) first, then records the new offset, and
the last one records the offset, the document, its extraction job and the
upload's outcome together. A firm's uploads queue for the database's write
lock, so each transaction is kept short, and the hot statements are built once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import DOCUMENT, validate_fields
from advisoros_desktop.domain.ids import is_valid_id
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.database import reading, utc_now, writing
from advisoros_desktop.server.errors import ApiError, not_found
from advisoros_desktop.server.jobs import EXTRACT, enqueue
from advisoros_desktop.server.records import OrganizationWriter, to_wire
from advisoros_desktop.server.schema import ENTITY_TABLES, uploads
from advisoros_desktop.server.tokens import Caller
from advisoros_desktop.server.upload_files import UploadFiles, content_path, measure

__all__ = ["UploadService", "content_path"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

_documents = ENTITY_TABLES["document"]
_org: sa.BindParameter[str] = sa.bindparam("org")
_upload_id: sa.BindParameter[str] = sa.bindparam("upload_id")
_this_upload = (uploads.c.organizationId == _org) & (uploads.c.uploadId == _upload_id)
_UPLOAD = sa.select(uploads).where(_this_upload)
_INSERT_UPLOAD = uploads.insert()
# Guarded by the offset and status the request saw: a writer that raced it changes
# no row, and the request is refused instead of recording over the other's work.
_PROGRESS = (
    uploads.update()
    .where(
        _this_upload,
        uploads.c.status == "uploading",
        uploads.c.offset == sa.bindparam("seen_offset"),
    )
    .values(
        offset=sa.bindparam("new_offset"),
        status=sa.bindparam("new_status"),
        documentId=sa.bindparam("document_id"),
        error=sa.bindparam("new_error"),
        updatedAt=sa.bindparam("now"),
    )
)
_DOCUMENT_BY_CHECKSUM = (
    sa.select(_documents)
    .where(
        _documents.c.organizationId == _org,
        _documents.c.checksum == sa.bindparam("sha256"),
        _documents.c.deletedAt.is_(None),
    )
    .limit(1)
)
_DOCUMENT = sa.select(_documents).where(
    _documents.c.organizationId == _org, _documents.c.id == sa.bindparam("record_id")
)


def _live(entity: str) -> sa.Select[tuple[Any]]:
    table = ENTITY_TABLES[entity]
    return sa.select(table.c.id).where(
        table.c.organizationId == _org,
        table.c.id == sa.bindparam("record_id"),
        table.c.deletedAt.is_(None),
    )


_LIVE = {"client": _live("client"), "engagement": _live("engagement")}


def _is_live(conn: sa.Connection, org: str, entity: str, record_id: str) -> bool:
    found = conn.execute(_LIVE[entity], {"org": org, "record_id": record_id}).first()
    return found is not None


class UploadService:
    def __init__(self, engine: sa.Engine, config: ServerConfig) -> None:
        self._engine = engine
        self._config = config
        self._files = UploadFiles(config)
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self.on_document_created: list[Any] = []

    def _lock(self, organization_id: str, upload_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault((organization_id, upload_id), threading.Lock())

    # -- create ------------------------------------------------------------
    def create(self, caller: Caller, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Announce a file; returns (HTTP status, upload state as the API answers it)."""
        upload_id = body["uploadId"]
        sha256 = body["sha256"].lower()
        if not is_valid_id(upload_id):
            raise ApiError(422, "invalid_id", f"'{upload_id}' is not an upload id (a UUID).")
        if not _SHA256.match(sha256):
            raise ApiError(422, "invalid_checksum", "sha256 must be 64 hexadecimal digits.")
        self._check_limits(body["size"], body["mimeType"])
        clean = _valid_fields(body)
        source = body.get("source") or "desktop"
        org = caller.organization_id
        with writing(self._engine) as conn:
            for ref in ("clientId", "engagementId"):
                target = clean.get(ref)
                if target is not None and not _is_live(conn, org, ref[:-2], str(target)):
                    raise ApiError(
                        422,
                        "invalid_fields",
                        f"There is no {ref[:-2]} with id {target} in your organization.",
                    )
            existing = conn.execute(_DOCUMENT_BY_CHECKSUM, {"org": org, "sha256": sha256})
            document = existing.mappings().first()
            if document is not None:
                return 200, {
                    "uploadId": upload_id,
                    "status": "duplicate",
                    "offset": 0,
                    "size": body["size"],
                    "sha256": None,
                    "documentId": document["id"],
                    "error": None,
                    "document": to_wire(DOCUMENT, document),
                }
            previous = self._find(conn, org, upload_id)
            if previous is not None:
                if previous["sha256"] != sha256 or previous["size"] != body["size"]:
                    raise ApiError(
                        409,
                        "upload_id_reused",
                        "This uploadId belongs to another file; start a new upload with a new id.",
                    )
                return 200, self._state(conn, previous)
            now = utc_now()
            row = {
                "organizationId": org,
                "uploadId": upload_id,
                "sha256": sha256,
                "size": body["size"],
                "offset": 0,
                "fileName": clean["fileName"],
                "mimeType": body["mimeType"],
                "clientId": clean["clientId"],
                "engagementId": clean.get("engagementId"),
                "category": clean.get("category"),
                "year": clean.get("year"),
                "source": source,
                "status": "uploading",
                "documentId": None,
                "error": None,
                "createdById": caller.user_id,
                "createdAt": now,
                "updatedAt": now,
            }
            # The partial file is made by the first PATCH that brings bytes.
            conn.execute(_INSERT_UPLOAD, row)
            return 201, self._state(conn, row)

    def _check_limits(self, size: int, mime_type: str) -> None:
        if size > self._config.max_upload_bytes:
            raise ApiError(
                413,
                "file_too_large",
                f"The file is {size:,} bytes; this server accepts at most "
                f"{self._config.max_upload_bytes:,} bytes.",
            )
        if mime_type not in self._config.allowed_mime_types:
            raise ApiError(
                415,
                "unsupported_type",
                f"Files of type {mime_type} are not accepted here. Accepted: "
                f"{', '.join(self._config.allowed_mime_types)}.",
            )

    def _state(self, conn: sa.Connection, row: Any) -> dict[str, Any]:
        """An upload as the API answers it (``UploadState``)."""
        document = None
        if row["documentId"]:
            found = conn.execute(
                _DOCUMENT, {"org": row["organizationId"], "record_id": row["documentId"]}
            )
            doc = found.mappings().first()
            document = to_wire(DOCUMENT, doc) if doc is not None else None
        return {
            "uploadId": row["uploadId"],
            "status": row["status"],
            "offset": row["offset"],
            "size": row["size"],
            "sha256": row["sha256"],
            "documentId": row["documentId"],
            "error": row["error"],
            "document": document,
        }

    # -- state -------------------------------------------------------------
    def get(self, caller: Caller, upload_id: str) -> dict[str, Any]:
        with reading(self._engine) as conn:
            return self._state(conn, self._row(conn, caller.organization_id, upload_id))

    def _find(self, conn: sa.Connection, org: str, upload_id: str) -> dict[str, Any] | None:
        row = conn.execute(_UPLOAD, {"org": org, "upload_id": upload_id}).mappings().first()
        return None if row is None else dict(row)

    def _row(self, conn: sa.Connection, org: str, upload_id: str) -> dict[str, Any]:
        row = self._find(conn, org, upload_id)
        if row is None:
            raise not_found("upload")
        return row

    def cancel(self, caller: Caller, upload_id: str) -> None:
        """tus termination: drop an unfinished upload and its partial bytes."""
        org = caller.organization_id
        with self._lock(org, upload_id), writing(self._engine) as conn:
            row = self._row(conn, org, upload_id)
            if row["status"] == "completed":
                raise ApiError(
                    409,
                    "upload_completed",
                    "This upload already became a document; delete the document instead.",
                )
            conn.execute(
                uploads.delete().where(
                    uploads.c.organizationId == org, uploads.c.uploadId == upload_id
                )
            )
            self._files.part_path(org, upload_id).unlink(missing_ok=True)

    # -- bytes -------------------------------------------------------------
    def append(self, caller: Caller, upload_id: str, offset: int, data: bytes) -> dict[str, Any]:
        """Write ``data`` at ``offset``; verify and make the document on the last byte.

        ``data`` may be less than the request promised when the client went away
        mid-request: what arrived is kept, and the client resumes from it (tus).
        """
        org = caller.organization_id
        with self._lock(org, upload_id):
            with reading(self._engine) as conn:
                row = self._row(conn, org, upload_id)
            if row["status"] != "uploading":
                if row["status"] != "failed" and offset == row["size"] and not data:
                    return row  # the final PATCH again, after a lost reply
                raise ApiError(
                    409,
                    f"upload_{row['status']}",
                    _FINISHED[row["status"]].format(error=row["error"] or "unknown reason"),
                )
            if offset != row["offset"]:
                raise ApiError(
                    409,
                    "offset_mismatch",
                    f"The server has {row['offset']} bytes of this upload, not "
                    f"{offset}; continue from {row['offset']}.",
                    {"offset": row["offset"]},
                    {"Upload-Offset": str(row["offset"]), "Tus-Resumable": "1.0.0"},
                )
            if offset + len(data) > row["size"]:
                raise ApiError(
                    413,
                    "beyond_declared_size",
                    f"These bytes go past the declared size of {row['size']} bytes.",
                )
            # Every declared byte is here, even if the client left before its reply.
            if offset + len(data) == row["size"]:
                return self._finish(org, row, data)
            if data:
                self._files.write_part(org, upload_id, offset, data)
            new_offset = offset + len(data)
            with writing(self._engine) as conn:
                self._progress(conn, row, new_offset, "uploading")
            return {**row, "offset": new_offset}

    def _finish(self, org: str, row: dict[str, Any], data: bytes) -> dict[str, Any]:
        """The last bytes: verify the whole file, keep it, and record its document."""
        upload_id, seen = row["uploadId"], row["offset"]
        source: Path | None = None
        if seen == 0:
            # The whole file is in this request: check it before writing anything.
            size, sha256 = len(data), hashlib.sha256(data).hexdigest()
        else:
            if data:
                source = self._files.write_part(org, upload_id, seen, data)
            else:
                source = self._files.part_path(org, upload_id)
                target = self._files.content_path(row["sha256"])
                if not source.exists() and target.exists():
                    source = target  # verified and moved before a crash, not yet recorded
            size, sha256 = measure(source)
        if size != row["size"] or sha256 != row["sha256"]:
            reason = (
                f"The file arrived damaged: {size:,} bytes with SHA-256 {sha256[:12]}…, "
                f"expected {row['size']:,} bytes with {row['sha256'][:12]}…. Upload it again."
            )
            with writing(self._engine) as conn:
                self._progress(conn, row, row["size"], "failed", error=reason)
            (source or self._files.part_path(org, upload_id)).unlink(missing_ok=True)
            raise ApiError(422, "checksum_mismatch", reason)
        if source is None:
            source = self._files.write_part(org, upload_id, 0, data)
        self._files.keep(source, sha256)
        status, document_id = self._record_document(org, row)
        if status == "failed":
            raise ApiError(409, "client_deleted", _CLIENT_GONE)
        for callback in self.on_document_created:
            callback()
        return {**row, "offset": row["size"], "status": status, "documentId": document_id}

    def _record_document(self, org: str, row: dict[str, Any]) -> tuple[str, str | None]:
        """Make the document of a verified upload, or link the one the firm already has."""
        with writing(self._engine) as conn:
            writer = OrganizationWriter(conn, org)
            existing = conn.execute(_DOCUMENT_BY_CHECKSUM, {"org": org, "sha256": row["sha256"]})
            duplicate = existing.first()
            document_id: str | None
            error = None
            if duplicate is not None:  # another upload of the same file finished first
                status, document_id = "duplicate", duplicate.id
            elif not _is_live(conn, org, "client", row["clientId"]):
                status, document_id, error = "failed", None, _CLIENT_GONE
            else:
                status, document_id = "completed", row["uploadId"]
                engagement = row["engagementId"]
                if engagement and not _is_live(conn, org, "engagement", engagement):
                    engagement = None  # the engagement went; the document still belongs
                writer.insert(
                    "document",
                    document_id,
                    {
                        "clientId": row["clientId"],
                        "engagementId": engagement,
                        "fileName": row["fileName"],
                        "fileSize": row["size"],
                        "mimeType": row["mimeType"],
                        "checksum": row["sha256"],
                        "category": row["category"] or "general",
                        "year": row["year"],
                        "source": row["source"],
                        "ocrStatus": "pending",
                        "needsReview": False,
                        "uploadedById": row["createdById"],
                        "isArchived": False,
                    },
                )
                enqueue(conn, org, document_id, EXTRACT)
            self._progress(conn, row, row["size"], status, document_id, error)
            writer.finish()
        return status, document_id

    def _progress(
        self,
        conn: sa.Connection,
        row: dict[str, Any],
        new_offset: int,
        status: str,
        document_id: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record the upload's new offset and status, if nobody moved it since ``row``."""
        moved = conn.execute(
            _PROGRESS,
            {
                "org": row["organizationId"],
                "upload_id": row["uploadId"],
                "seen_offset": row["offset"],
                "new_offset": new_offset,
                "new_status": status,
                "document_id": document_id,
                "new_error": error,
                "now": utc_now(),
            },
        )
        if moved.rowcount != 1:  # rolls the whole transaction back
            raise ApiError(
                409,
                "upload_moved",
                "This upload changed while these bytes arrived; ask for its offset and resume.",
            )

    def drop_stale(self, older_than_seconds: float) -> int:
        """Forget unfinished uploads nobody resumed for a long time, and their bytes."""
        limit = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=older_than_seconds)
        cutoff = limit.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        stale = (uploads.c.status == "uploading") & (uploads.c.updatedAt < cutoff)
        with writing(self._engine) as conn:
            rows = conn.execute(
                sa.select(uploads.c.organizationId, uploads.c.uploadId).where(stale)
            ).all()
            conn.execute(uploads.delete().where(stale))
        for org, upload_id in rows:
            self._files.part_path(org, upload_id).unlink(missing_ok=True)
        return len(rows)


def _valid_fields(body: dict[str, Any]) -> dict[str, Any]:
    """The document fields of a create request, checked against the catalog."""
    fields = {
        "fileName": body["fileName"],
        "clientId": body["clientId"],
        "category": body.get("category"),
        "year": body.get("year"),
        "engagementId": body.get("engagementId"),
    }
    clean, problems = validate_fields(
        DOCUMENT, {k: v for k, v in fields.items() if v is not None}, creating=True
    )
    source = body.get("source") or "desktop"
    source_spec = DOCUMENT.by_name["source"]
    if source not in source_spec.choices:
        problems.append(
            ("source", f"source '{source}' is not one of {', '.join(source_spec.choices)}")
        )
    if problems:
        raise ApiError(
            422,
            "invalid_fields",
            "; ".join(m for _f, m in problems) + ".",
            [{"field": f, "message": m} for f, m in problems],
        )
    return clean


_FINISHED = {
    "completed": "This upload is already complete; its document exists.",
    "duplicate": "This file was already on the server; the upload is closed.",
    "failed": "This upload failed ({error}); start a new upload.",
}

_CLIENT_GONE = (
    "The client of this upload was deleted while it uploaded; upload the file again for "
    "another client."
)
