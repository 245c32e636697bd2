"""Document bytes, with HTTP Range so previews and resumed downloads fetch only what they need."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from fastapi.responses import FileResponse

from advisoros_desktop.server.database import reading
from advisoros_desktop.server.errors import ApiError, not_found
from advisoros_desktop.server.models import NO_NUL, ErrorResponse
from advisoros_desktop.server.records import read_record
from advisoros_desktop.server.state import ServerState, current_caller, server_state
from advisoros_desktop.server.tokens import Caller
from advisoros_desktop.server.uploads import content_path

router = APIRouter(tags=["documents"])


@router.get(
    "/documents/{documentId}/content",
    response_class=FileResponse,
    responses={
        # Served with the document's own MIME type (PDF, image, spreadsheet…).
        200: {"content": {"*/*": {}}, "description": "The file"},
        206: {"content": {"*/*": {}}, "description": "Part of the file"},
        401: {"model": ErrorResponse},
        404: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
)
def document_content(
    documentId: str = Path(max_length=64, pattern=NO_NUL),
    caller: Caller = Depends(current_caller),
    state: ServerState = Depends(server_state),
) -> FileResponse:
    """The document's file; honours ``Range: bytes=a-b``."""
    with reading(state.engine) as conn:
        row = read_record(conn, caller.organization_id, "document", documentId)
    if row is None or row["deletedAt"] is not None:
        raise not_found("document")
    path = content_path(state.config, row["checksum"])
    if not path.is_file():
        raise ApiError(
            404,
            "content_missing",
            "The server has this document's record but not its file; upload the file again.",
        )
    return FileResponse(
        path,
        media_type=row["mimeType"],
        filename=row["fileName"],
        headers={"ETag": f'"{row["checksum"]}"'},
    )
