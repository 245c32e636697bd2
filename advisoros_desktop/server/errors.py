"""One error shape for every failure: ``{"error": {"code", "message", "details"}}``.

Messages are sentences for a person (the desktop shows them as they come);
``code`` is for programs; ``details`` says which part of the request was wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import sqlalchemy.exc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answered to the caller as it is."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: object = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = dict(headers or {})


def error_response(
    status: int,
    code: str,
    message: str,
    details: object = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"No {what} with that id in your organization.")


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    411: "length_required",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


_NOT_OBJECT = ("model_attributes_type", "dict_type", "model_type")


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    text = ""
    for part in parts:
        text += f"[{part}]" if part.isdigit() else (f".{part}" if text else part)
    return text or "request"


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        ctx = next(e.get("ctx", {}) for e in errors if e.get("type") == "json_invalid")
        reason = ctx.get("error", "it could not be parsed") if isinstance(ctx, dict) else ""
        return error_response(
            400, "malformed_json", f"The request body is not valid JSON: {reason}."
        )
    if any(tuple(e.get("loc", ())) == ("body",) and e.get("type") in _NOT_OBJECT for e in errors):
        return error_response(
            400,
            "malformed_json",
            "The request body must be a JSON object, sent with Content-Type: application/json.",
        )
    if any(tuple(e.get("loc", ())) == ("body",) and e.get("type") == "missing" for e in errors):
        return error_response(400, "missing_body", "The request has no body; send a JSON object.")
    details = [
        {"field": _location(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))}
        for e in errors
    ]
    first = details[0] if details else {"field": "request", "message": "invalid"}
    more = f" (and {len(details) - 1} more problems)" if len(details) > 1 else ""
    message = f"{first['field']}: {first['message']}{more}."
    return error_response(422, "invalid_request", message, details)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no such route on this server."
        if message == "There was an error parsing the body":
            message = "The request body could not be read: send JSON text encoded as UTF-8."
        if exc.status_code == 405:
            message = "This route does not accept that HTTP method."
        return error_response(exc.status_code, code, message, None, exc.headers)

    @app.exception_handler(sqlalchemy.exc.OperationalError)
    async def _db_busy(_request: Request, exc: sqlalchemy.exc.OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return error_response(
            503,
            "database_busy",
            "The server's database is busy; try again in a moment.",
            None,
            {"Retry-After": "2"},
        )

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(
            500, "internal_error", "The server failed to handle this request; it has been logged."
        )
