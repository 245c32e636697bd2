"""Resumable uploads: create, then HEAD/PATCH bytes (tus 1.0 core), state, cancel."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Header, Path, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.models import NO_NUL, ErrorResponse, UploadCreate, UploadState
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller

router = APIRouter(tags=["uploads"])

TUS_VERSION = "1.0.0"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (401, 404, 409, 413, 415, 422)
}
UploadId = Path(max_length=64, pattern=NO_NUL, description="The client-generated upload id")


@router.post(
    "/uploads",
    response_model=UploadState,
    status_code=201,
    responses={
        200: {"model": UploadState, "description": "Duplicate or already created"},
        400: {"model": ErrorResponse},
        **_ERRORS,
    },
)
def create_upload(
    body: UploadCreate,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> JSONResponse:
    """Announce a file by SHA-256 and size; a file the firm already has moves no bytes."""
    # The service answers in UploadState's shape already; validating it again costs CPU.
    status, payload = state.uploads.create(caller, body.model_dump())
    headers = {"Location": f"/api/v1/uploads/{body.uploadId}", "Tus-Resumable": TUS_VERSION}
    return JSONResponse(payload, status_code=status, headers=headers)


@router.options("/uploads", status_code=204, include_in_schema=False)
def upload_capabilities(state: ServerState = Depends(server_state)) -> Response:
    return Response(
        status_code=204,
        headers={
            "Tus-Resumable": TUS_VERSION,
            "Tus-Version": TUS_VERSION,
            "Tus-Max-Size": str(state.config.max_upload_bytes),
            "Tus-Extension": "termination",
        },
    )


# A HEAD answer has no body, so its errors are declared without content.
@router.head(
    "/uploads/{uploadId}",
    status_code=200,
    response_class=Response,
    responses={code: {} for code in (401, 404, 422)},
)
def upload_offset(
    uploadId: str = UploadId,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> Response:
    """How many bytes of the upload the server has (``Upload-Offset``)."""
    upload = state.uploads.get(caller, uploadId)
    return Response(
        status_code=200,
        headers={
            "Upload-Offset": str(upload["offset"]),
            "Upload-Length": str(upload["size"]),
            "Tus-Resumable": TUS_VERSION,
            "Cache-Control": "no-store",
        },
    )


@router.get("/uploads/{uploadId}", response_model=UploadState, responses=_ERRORS)
def upload_state(
    uploadId: str = UploadId,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> UploadState:
    """The upload's state, and its document once verified."""
    return UploadState.model_validate(state.uploads.get(caller, uploadId))


@router.patch(
    "/uploads/{uploadId}",
    status_code=204,
    response_class=Response,
    responses={**_ERRORS, 412: {"model": ErrorResponse}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/offset+octet-stream": {
                    "schema": {"type": "string", "format": "binary"}
                }
            },
        }
    },
)
async def upload_bytes(
    request: Request,
    uploadId: str = UploadId,
    upload_offset: int = Header(alias="Upload-Offset", ge=0, le=2**50),
    content_type: str = Header(alias="Content-Type"),
    tus_resumable: str | None = Header(default=None, alias="Tus-Resumable"),
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> Response:
    """Append bytes at ``Upload-Offset``; the last byte verifies the file."""
    if tus_resumable is not None and tus_resumable != TUS_VERSION:
        raise ApiError(
            412,
            "tus_version",
            f"This server speaks tus {TUS_VERSION}.",
            headers={"Tus-Version": TUS_VERSION},
        )
    if content_type.split(";")[0].strip() != "application/offset+octet-stream":
        raise ApiError(
            415,
            "unsupported_media_type",
            "Upload bytes must be sent as application/offset+octet-stream.",
        )
    chunks: list[bytes] = []
    try:
        async for chunk in request.stream():
            chunks.append(chunk)
    except ClientDisconnect:
        pass  # keep what arrived: the client resumes from it
    result = await run_in_threadpool(
        state.uploads.append, caller, uploadId, upload_offset, b"".join(chunks)
    )
    headers = {"Upload-Offset": str(result["offset"]), "Tus-Resumable": TUS_VERSION}
    if result.get("documentId"):
        headers["AdvisorOS-Document-Id"] = result["documentId"]
        headers["AdvisorOS-Upload-Status"] = result["status"]
    return Response(status_code=204, headers=headers)


@router.delete("/uploads/{uploadId}", status_code=204, response_class=Response, responses=_ERRORS)
def cancel_upload(
    uploadId: str = UploadId,
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> Response:
    """Cancel an unfinished upload and drop its bytes (tus termination)."""
    state.uploads.cancel(caller, uploadId)
    return Response(status_code=204, headers={"Tus-Resumable": TUS_VERSION})
