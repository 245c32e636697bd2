"""The sentences a failed upload shows: what went wrong, and what the accountant can do.

The server says *why* it refused a file; the queue row should also say what to
do next, which depends on the refusal (a too-large scan wants splitting, an
unknown client wants another client). Kept apart so the wording lives in one place.
"""

from __future__ import annotations

from advisoros_desktop.api.errors import ApiError

FILE_GONE = (
    "The file was moved or deleted before it was sent. Add it again if it should still be uploaded."
)
FILE_CHANGED = "The file changed after it was checked; checking it again."
WAITING_FOR_SERVER = "Waiting for the server"
WAITING_FOR_SIGN_IN = "Waiting for you to sign in to AdvisorOS."
NEEDS_CLIENT = "Choose a client for this file."

# Server messages that already end with what to do.
_SELF_EXPLAINED = frozenset({"checksum_mismatch", "client_deleted", "upload_failed"})

_NEXT_STEP_BY_STATUS = {
    403: "Ask your firm's AdvisorOS administrator for permission to upload documents.",
    413: "Split the file, or scan it at a lower resolution, then add it again.",
    415: "Save it as a PDF (or another accepted type), then add it again.",
    422: "Check the client, category and year chosen for it, then retry.",
}
_NEXT_STEP = "Retry it; if it fails again, tell your firm's AdvisorOS administrator."


def refusal_reason(error: ApiError) -> str:
    """The queue row's reason for a file the server refused."""
    message = error.message.strip()
    if error.code in _SELF_EXPLAINED:
        return message
    if error.status == 422 and "no client" in message.lower():
        step = "Choose another client for it, then retry."
    else:
        step = _NEXT_STEP_BY_STATUS.get(error.status, _NEXT_STEP)
    return f"{message} {step}"


def unreadable_reason(error: OSError) -> str:
    why = error.strerror or type(error).__name__
    return f"The file could not be read ({why}). Check that it is not open elsewhere, then retry."


def unexpected_reason(error: BaseException) -> str:
    return (
        f"Sending stopped on an unexpected problem ({type(error).__name__}: {error}). {_NEXT_STEP}"
    )
