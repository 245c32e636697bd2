"""Resumable uploads (tus 1.0 core): announce a file, send its bytes at explicit offsets.

A file is announced by SHA-256 and size before any byte moves, so a file the
firm already has moves nothing. Every PATCH says at which offset its bytes
go; that is what makes a PATCH safe to retry after a lost answer: a repeat of
bytes the server already has is refused with 409 and the server's offset
(``OffsetMismatch``), and the sender simply continues from there.

This module takes and returns bytes only; reading files is the uploader's job
(``sync/``), so this layer never blocks on a disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeGuard
from urllib.parse import quote

import httpx

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import ApiError

TUS_VERSION = "1.0.0"
_OCTETS = "application/offset+octet-stream"
_STATUSES = frozenset({"uploading", "completed", "failed", "duplicate"})
# 409 codes that mean "this upload is closed, and made (or found) its document".
_CLOSED_WITH_DOCUMENT = frozenset({"upload_completed", "upload_duplicate"})


@dataclass(frozen=True)
class UploadAnswer:
    """What the server says about one upload.

    ``size`` is 0 where the answer does not carry it (a PATCH reply mid-upload).
    ``document_id`` is set once the file is a document: a new one (``completed``)
    or the one the firm already had (``duplicate``).
    """

    upload_id: str
    status: str  # 'uploading' | 'completed' | 'failed' | 'duplicate'
    offset: int
    size: int
    document_id: str | None
    document: dict[str, Any] | None
    error: str | None


@dataclass(frozen=True)
class Announcement:
    """A file about to be sent: who it is for and what it is, known before any byte moves."""

    upload_id: str
    sha256: str
    size: int
    file_name: str
    mime_type: str
    client_id: str
    category: str | None = None
    year: int | None = None
    engagement_id: str | None = None
    source: str | None = None


class OffsetMismatch(ApiError):
    """The server holds a different number of bytes than the PATCH assumed (409).

    Not a failure: continue from ``server_offset``. It happens after a retried
    PATCH the server had already applied, or a connection that broke mid-body.
    """

    def __init__(self, server_offset: int, message: str, details: object = None) -> None:
        super().__init__(409, "offset_mismatch", message, details)
        self.server_offset = server_offset


class UploadNotFound(ApiError):
    """The server has no upload with this id (cancelled, or dropped after lying unfinished
    too long); announcing it again starts it over."""


async def announce(api: ApiClient, announcement: Announcement) -> UploadAnswer:
    """``POST /uploads``: create the upload, or learn the server has the file already.

    Asked again for the same upload id (an answer was lost, a crash), the server
    answers with the upload's state and offset, so this is also how to resume.
    Refusals (413 too large, 415 type, 422 fields or unknown client, 409 an
    upload id used for other content) raise ``ApiError`` with the server's sentence.
    """
    a = announcement
    body: dict[str, Any] = {
        "uploadId": a.upload_id,
        "sha256": a.sha256,
        "size": a.size,
        "fileName": a.file_name,
        "mimeType": a.mime_type,
        "clientId": a.client_id,
    }
    optional = {
        "category": a.category,
        "year": a.year,
        "engagementId": a.engagement_id,
        "source": a.source,
    }
    body.update({name: value for name, value in optional.items() if value is not None})
    response = await api.request("POST", "uploads", json=body)
    return _answer_from(response)


async def server_offset(api: ApiClient, upload_id: str) -> int:
    """``HEAD``: how many bytes of the upload the server holds."""
    try:
        response = await api.request("HEAD", _path(upload_id))
    except ApiError as error:
        raise _not_found_or(error) from error
    offset = _int_header(response, "Upload-Offset")
    if offset is None:
        raise _malformed(response, "upload offset")
    return offset


async def send_chunk(api: ApiClient, upload_id: str, offset: int, data: bytes) -> UploadAnswer:
    """``PATCH`` ``data`` at ``offset``; the answer has the new offset.

    The last byte makes the document: the answer is then ``completed`` (or
    ``duplicate``, when another upload of the same file finished first) with its
    ``document_id``. An empty ``data`` at the full size asks for that answer again.
    Raises ``OffsetMismatch`` when the server holds another offset.
    """
    headers = {
        "Upload-Offset": str(offset),
        "Content-Type": _OCTETS,
        "Tus-Resumable": TUS_VERSION,
    }
    try:
        response = await api.request("PATCH", _path(upload_id), content=data, headers=headers)
    except ApiError as error:
        if error.status == 409 and error.code == "offset_mismatch":
            held = _offset_in(error.details)
            if held is None:
                held = await server_offset(api, upload_id)
            raise OffsetMismatch(held, error.message, error.details) from error
        if error.status == 409 and error.code in _CLOSED_WITH_DOCUMENT:
            # The last bytes went through before and only their answer was lost.
            return await upload_state(api, upload_id)
        raise _not_found_or(error) from error
    new_offset = _int_header(response, "Upload-Offset")
    if new_offset is None:
        raise _malformed(response, "upload offset")
    document_id = response.headers.get("AdvisorOS-Document-Id")
    if document_id:
        status = response.headers.get("AdvisorOS-Upload-Status") or "completed"
        if status not in _STATUSES:
            raise _malformed(response, "upload status")
        return UploadAnswer(upload_id, status, new_offset, new_offset, document_id, None, None)
    return UploadAnswer(upload_id, "uploading", new_offset, 0, None, None, None)


async def upload_state(api: ApiClient, upload_id: str) -> UploadAnswer:
    """``GET``: the upload's status, offset and, once verified, its document."""
    try:
        response = await api.request("GET", _path(upload_id))
    except ApiError as error:
        raise _not_found_or(error) from error
    return _answer_from(response)


async def cancel(api: ApiClient, upload_id: str) -> None:
    """``DELETE``: drop an unfinished upload and its bytes. Already gone is fine.

    An upload that became a document cannot be cancelled (``ApiError`` 409).
    """
    try:
        await api.request("DELETE", _path(upload_id), headers={"Tus-Resumable": TUS_VERSION})
    except ApiError as error:
        if error.status != 404:
            raise


async def upload_limits(api: ApiClient) -> dict[str, Any]:
    """The server's ``/limits``: largest file, accepted types, chunk size."""
    return await api.limits()


def _path(upload_id: str) -> str:
    return f"uploads/{quote(upload_id, safe='')}"


def _not_found_or(error: ApiError) -> ApiError:
    """A 404 about an upload as ``UploadNotFound`` with a sentence (a HEAD has no body)."""
    if error.status != 404:
        return error
    return UploadNotFound(
        404,
        "upload_not_found",
        "The server no longer has this upload (it was cancelled, or left unfinished "
        "too long); it will be sent again from the start.",
        error.details,
    )


def _offset_in(details: object) -> int | None:
    value = details.get("offset") if isinstance(details, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _int_header(response: httpx.Response, name: str) -> int | None:
    text = response.headers.get(name)
    if text is None or not text.strip().isdigit():
        return None
    return int(text)


def _answer_from(response: httpx.Response) -> UploadAnswer:
    try:
        body = response.json()
    except ValueError:
        raise _malformed(response, "upload state") from None
    if not isinstance(body, dict):
        raise _malformed(response, "upload state")
    upload_id, status = body.get("uploadId"), body.get("status")
    offset: object = body.get("offset")
    size: object = body.get("size")
    document_id, document, error = body.get("documentId"), body.get("document"), body.get("error")
    if (
        not isinstance(upload_id, str)
        or status not in _STATUSES
        or not _is_count(offset)
        or not _is_count(size)
        or not (document_id is None or isinstance(document_id, str))
        or not (document is None or isinstance(document, dict))
        or not (error is None or isinstance(error, str))
        or (status in ("completed", "duplicate") and not document_id)
    ):
        raise _malformed(response, "upload state")
    return UploadAnswer(upload_id, str(status), offset, size, document_id, document, error)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _malformed(response: httpx.Response, what: str) -> ApiError:
    return ApiError(
        response.status_code,
        "malformed_response",
        f"The server sent an {what} this version of AdvisorOS cannot read "
        f"(HTTP {response.status_code}). Nothing was changed on this computer.",
    )
