"""What can go wrong talking to the AdvisorOS server, as exceptions the layers above can act on.

The split follows what the caller does next, not what failed underneath:

- ``ApiError``: the server answered and said no; show its message to the person.
- ``CursorGone``: the change feed cannot continue from this cursor; push, then pull all.
- ``SignInRequired``: no usable tokens; ask for the password, keep queued work.
- ``ServerUnreachable``: nothing (usable) came back, even after retrying; work
  stays queued and is tried again later.
- ``ServerUnavailable``: both an ``ApiError`` (it has the server's status and
  message) and a ``ServerUnreachable`` (the status is a "try later" one: 408,
  429, 5xx), so code that only asks "should I keep this for later?" catches
  ``ServerUnreachable`` and never mistakes an overloaded server for a refusal.
"""

from __future__ import annotations

from http import HTTPStatus

import httpx

from advisoros_desktop.api.retry import is_retryable


class ApiError(Exception):
    """The server answered with an error; ``message`` is a sentence for a person."""

    def __init__(self, status: int, code: str, message: str, details: object = None) -> None:
        Exception.__init__(self, message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, code={self.code!r})"


class CursorGone(ApiError):
    """410 from the change feed (``cursor_expired`` or ``epoch_changed``)."""


class SignInRequired(Exception):
    """No usable tokens: never signed in, or the server refused to renew them."""

    def __init__(self, message: str = "Sign in to AdvisorOS to continue.") -> None:
        super().__init__(message)
        self.message = message


class ServerUnreachable(Exception):
    """The server could not be reached (or kept failing) after the retry budget.

    ``cause`` is the last underlying error (a network exception), or ``None``
    when the server did answer, with a retryable status, every time.
    """

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        Exception.__init__(self, message)
        self.message = message
        self.cause = cause

    def __str__(self) -> str:
        return self.message


class ServerUnavailable(ApiError, ServerUnreachable):
    """The server kept answering 408/429/5xx until the retry budget ran out."""

    def __init__(self, status: int, code: str, message: str, details: object = None) -> None:
        # Each base sets its own attributes (no cooperative super() across the two).
        ApiError.__init__(self, status, code, message, details)
        self.cause = None


def error_from_response(response: httpx.Response, *, change_feed: bool = False) -> ApiError:
    """The exception for an error response, with the server's own message when it sent one.

    The server's error shape is ``{"error": {"code", "message", "details"}}``; a
    proxy or a different server in between may send HTML or nothing, and the
    person still gets a sentence rather than a stack of markup. A retryable
    status only gets here once the retry budget is spent, hence ``ServerUnavailable``.
    """
    status = response.status_code
    code, message, details = _parse_error_body(response)
    if code is None or message is None:
        code = code or f"http_{status}"
        message = _fallback_message(status)
    if change_feed and status == 410:
        return CursorGone(status, code, message, details)
    if is_retryable(status):
        return ServerUnavailable(status, code, message, details)
    return ApiError(status, code, message, details)


def _parse_error_body(response: httpx.Response) -> tuple[str | None, str | None, object]:
    try:
        body = response.json()
    except ValueError:  # not JSON at all (JSONDecodeError, UnicodeDecodeError)
        return None, None, None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None, None
    code = error.get("code")
    message = error.get("message")
    return (
        code if isinstance(code, str) and code else None,
        message if isinstance(message, str) and message.strip() else None,
        error.get("details"),
    )


def _fallback_message(status: int) -> str:
    try:
        phrase = f" ({HTTPStatus(status).phrase})"
    except ValueError:
        phrase = ""
    return f"The AdvisorOS server answered with an unexpected error: HTTP {status}{phrase}."
