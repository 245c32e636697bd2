"""Resumable, verified, deduplicated uploads (tus 1.0 core semantics).

An upload is created with the file's SHA-256 and size before any byte moves:
a file the firm already has answers with the existing document, and limits
are checked up front. Bytes then arrive in PATCHes at an explicit offset;
the last byte triggers verification, and only a file whose size and SHA-256
match becomes a document. Partial bytes live in ``uploads/``; verified files
move to ``content/`` under their SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
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

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def content_path(config: ServerConfig, sha256: str) -> Path:
    return config.content_dir / sha256[:2] / sha256


class UploadService:
    def __init__(self, engine: sa.Engine, config: ServerConfig) -> None:
        self._engine = engine
        self._config = config
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self.on_document_created: list[Any] = []

    # -- paths and locks -------------------------------------------------
    def _part_path(self, organization_id: str, upload_id: str) -> Path:
        return self._config.uploads_dir / organization_id / f"{upload_id}.part"

    def _lock(self, organization_id: str, upload_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault((organization_id, upload_id), threading.Lock())

    # -- create ------------------------------------------------------------
    def create(self, caller: Caller, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        upload_id = body["uploadId"]
        sha256 = body["sha256"].lower()
        if not is_valid_id(upload_id):
            raise ApiError(422, "invalid_id", f"'{upload_id}' is not an upload id (a UUID).")
        if not _SHA256.match(sha256):
            raise ApiError(422, "invalid_checksum", "sha256 must be 64 hexadecimal digits.")
        self._check_limits(body["size"], body["mimeType"])
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
        org = caller.organization_id
        with writing(self._engine) as conn:
            writer = OrganizationWriter(conn, org)
            for ref in ("clientId", "engagementId"):
                target = clean.get(ref)
                if target is not None and writer.live(ref[:-2], str(target)) is None:
                    raise ApiError(
                        422,
                        "invalid_fields",
                        f"There is no {ref[:-2]} with id {target} in your organization.",
                    )
            existing = self._document_by_checksum(conn, org, sha256)
            if existing is not None:
                return 200, {
                    "uploadId": upload_id,
                    "status": "duplicate",
                    "documentId": existing["id"],
                    "offset": 0,
                    "size": body["size"],
                    "document": to_wire(DOCUMENT, existing),
                }
            previous = (
                conn.execute(
                    sa.select(uploads).where(
                        uploads.c.organizationId == org, uploads.c.uploadId == upload_id
                    )
                )
                .mappings()
                .first()
            )
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
            conn.execute(uploads.insert().values(**row))
            part = self._part_path(org, upload_id)
            part.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(b"")
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

    def _document_by_checksum(self, conn: sa.Connection, org: str, sha256: str) -> Any:
        table = ENTITY_TABLES["document"]
        return (
            conn.execute(
                sa.select(table).where(
                    table.c.organizationId == org,
                    table.c.checksum == sha256,
                    table.c.deletedAt.is_(None),
                )
            )
            .mappings()
            .first()
        )

    def _state(self, conn: sa.Connection, row: Any) -> dict[str, Any]:
        state = {
            "uploadId": row["uploadId"],
            "status": row["status"],
            "offset": row["offset"],
            "size": row["size"],
            "sha256": row["sha256"],
            "documentId": row["documentId"],
            "error": row["error"],
        }
        if row["documentId"]:
            table = ENTITY_TABLES["document"]
            doc = (
                conn.execute(
                    sa.select(table).where(
                        table.c.organizationId == row["organizationId"],
                        table.c.id == row["documentId"],
                    )
                )
                .mappings()
                .first()
            )
            state["document"] = to_wire(DOCUMENT, doc) if doc is not None else None
        return state

    # -- state -------------------------------------------------------------
    def get(self, caller: Caller, upload_id: str) -> dict[str, Any]:
        with reading(self._engine) as conn:
            return self._state(conn, self._row(conn, caller.organization_id, upload_id))

    def _row(self, conn: sa.Connection, org: str, upload_id: str) -> Any:
        row = (
            conn.execute(
                sa.select(uploads).where(
                    uploads.c.organizationId == org, uploads.c.uploadId == upload_id
                )
            )
            .mappings()
            .first()
        )
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
            self._part_path(org, upload_id).unlink(missing_ok=True)

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
                    return dict(row)  # the final PATCH again, after a lost reply
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
            if data:
                with open(self._part_path(org, upload_id), "r+b") as handle:
                    handle.seek(offset)
                    handle.write(data)
                    handle.truncate()  # drop bytes a crash left past the recorded offset
                    handle.flush()
                    os.fsync(handle.fileno())
            new_offset = offset + len(data)
            with writing(self._engine) as conn:
                conn.execute(
                    uploads.update()
                    .where(uploads.c.organizationId == org, uploads.c.uploadId == upload_id)
                    .values(offset=new_offset, updatedAt=utc_now())
                )
            # Every declared byte is here, even if the client left before its reply.
            if new_offset == row["size"]:
                return self._finish(caller, {**row, "offset": new_offset})
            return {**row, "offset": new_offset}

    def _finish(self, caller: Caller, row: dict[str, Any]) -> dict[str, Any]:
        org, upload_id = caller.organization_id, row["uploadId"]
        part = self._part_path(org, upload_id)
        target = content_path(self._config, row["sha256"])
        if not part.exists() and target.exists():
            part = target  # verified and moved before a crash, not yet recorded
        size, sha256 = _measure(part)
        if size != row["size"] or sha256 != row["sha256"]:
            reason = (
                f"The file arrived damaged: {size:,} bytes with SHA-256 {sha256[:12]}…, "
                f"expected {row['size']:,} bytes with {row['sha256'][:12]}…. Upload it again."
            )
            self._mark(org, upload_id, "failed", None, reason)
            part.unlink(missing_ok=True)
            raise ApiError(422, "checksum_mismatch", reason)
        target.parent.mkdir(parents=True, exist_ok=True)
        if part != target:
            os.replace(part, target)
        status, document_id = self._record_document(org, row)
        if status == "failed":
            raise ApiError(409, "client_deleted", _CLIENT_GONE)
        for callback in self.on_document_created:
            callback()
        return {**row, "status": status, "documentId": document_id}

    def _record_document(self, org: str, row: dict[str, Any]) -> tuple[str, str | None]:
        """Make the document of a verified upload, or link the one the firm already has."""
        with writing(self._engine) as conn:
            writer = OrganizationWriter(conn, org)
            existing = self._document_by_checksum(conn, org, row["sha256"])
            document_id: str | None
            error = None
            if existing is not None:  # another upload of the same file finished first
                status, document_id = "duplicate", existing["id"]
            elif writer.live("client", row["clientId"]) is None:
                status, document_id, error = "failed", None, _CLIENT_GONE
            else:
                status, document_id = "completed", row["uploadId"]
                engagement = row["engagementId"]
                if engagement and writer.live("engagement", engagement) is None:
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
            self._mark(org, row["uploadId"], status, document_id, error, conn)
            writer.finish()
        return status, document_id

    def _mark(
        self,
        org: str,
        upload_id: str,
        status: str,
        document_id: str | None,
        error: str | None,
        conn: sa.Connection | None = None,
    ) -> None:
        statement = (
            uploads.update()
            .where(uploads.c.organizationId == org, uploads.c.uploadId == upload_id)
            .values(status=status, documentId=document_id, error=error, updatedAt=utc_now())
        )
        if conn is not None:
            conn.execute(statement)
            return
        with writing(self._engine) as own:
            own.execute(statement)

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
            self._part_path(org, upload_id).unlink(missing_ok=True)
        return len(rows)


_FINISHED = {
    "completed": "This upload is already complete; its document exists.",
    "duplicate": "This file was already on the server; the upload is closed.",
    "failed": "This upload failed ({error}); start a new upload.",
}

_CLIENT_GONE = (
    "The client of this upload was deleted while it uploaded; upload the file again for "
    "another client."
)


def _measure(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()
