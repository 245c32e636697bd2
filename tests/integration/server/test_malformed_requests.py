"""Broken requests get a 4xx in the server's one error shape, with a message a person can read.

Malformed JSON, bodies that are not objects, bodies over the size limit (declared
with Content-Length or streamed chunked), fields of the wrong type, unknown routes
and wrong methods: never a 5xx, always ``{"error": {"code", "message", "details"}}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from advisoros_desktop.domain.ids import new_id
from tests.conftest import LiveServer, start_server

JSON = {"Content-Type": "application/json"}
SMALL_LIMIT = 1024


def assert_error(response: httpx.Response, status: int, code: str, *words: str) -> str:
    """The response is ``status`` with the error shape and ``code``; its message has ``words``."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    )
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "details"}, error
    assert error["code"] == code, error
    message = error["message"]
    assert isinstance(message, str) and len(message.split()) >= 3, message  # a sentence
    for word in words:
        assert word.lower() in message.lower(), f"{word!r} is not in {message!r}"
    return message


@pytest.fixture
def small_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server that takes JSON bodies of at most 1 KiB."""
    server = start_server(tmp_path, max_json_body_bytes=SMALL_LIMIT)
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


@pytest.mark.parametrize(
    ("path", "body", "words"),
    [
        ("/mutations", b'{"mutations": [', ("not valid JSON",)),
        ("/auth/token", b"{email: 'a@b.c'}", ("not valid JSON", "double quotes")),
        ("/uploads", b"uploadId=1&size=2", ("not valid JSON",)),
        ("/mutations", b'{"mutations": []', ("not valid JSON",)),
    ],
)
def test_malformed_json_is_a_400_naming_the_problem(
    live_server: LiveServer, path: str, body: bytes, words: tuple[str, ...]
) -> None:
    account = live_server.account()
    response = account.http.post(path, content=body, headers=JSON)
    assert_error(response, 400, "malformed_json", *words)


def test_a_body_that_is_not_utf8_is_a_400(live_server: LiveServer) -> None:
    account = live_server.account()
    response = account.http.post("/mutations", content=b'{"mutations": "\xff\xfe"}', headers=JSON)
    assert_error(response, 400, "bad_request", "could not be read", "UTF-8")


@pytest.mark.parametrize("body", [b"[1, 2]", b'"mutations"', b"42", b"null", b"true"])
def test_a_body_that_is_not_an_object_is_a_400(live_server: LiveServer, body: bytes) -> None:
    account = live_server.account()
    for path in ("/mutations", "/uploads", "/auth/token"):
        response = account.http.post(path, content=body, headers=JSON)
        assert_error(response, 400, "malformed_json", "must be a JSON object")


def test_a_json_body_sent_as_another_type_is_a_400_saying_which(live_server: LiveServer) -> None:
    account = live_server.account()
    response = account.http.post(
        "/mutations", content=b'{"mutations": []}', headers={"Content-Type": "text/plain"}
    )
    assert_error(response, 400, "malformed_json", "JSON object", "Content-Type: application/json")


def test_a_missing_body_is_a_400(live_server: LiveServer) -> None:
    account = live_server.account()
    response = account.http.post("/mutations", headers=JSON)
    assert_error(response, 400, "missing_body", "has no body")


def _mutation(**overrides: object) -> dict[str, object]:
    return {
        "mutationId": new_id(),
        "entity": "client",
        "op": "update",
        "id": new_id(),
        "baseVersion": 1,
        "fields": {"businessName": "Acme"},
        **overrides,
    }


def test_fields_of_the_wrong_type_are_a_422_naming_the_field(live_server: LiveServer) -> None:
    account = live_server.account()
    client_id = account.create_client()
    http = account.http

    message = assert_error(
        http.get("/changes", params={"limit": "abc"}), 422, "invalid_request", "limit", "integer"
    )
    assert message.startswith("limit:")
    assert_error(
        http.get("/changes", params={"limit": "0"}),
        422,
        "invalid_request",
        "limit",
        "greater than or equal to 1",
    )

    upload = {
        "uploadId": new_id(),
        "sha256": "ab" * 32,
        "size": "big",
        "fileName": "w2.pdf",
        "mimeType": "application/pdf",
        "clientId": client_id,
    }
    response = http.post("/uploads", json=upload)
    message = assert_error(response, 422, "invalid_request", "size", "integer")
    assert response.json()["error"]["details"] == [
        {
            "field": "size",
            "message": "Input should be a valid integer, unable to parse string as an integer",
        }
    ]

    response = http.post("/mutations", json={"mutations": [_mutation(baseVersion="x")]})
    message = assert_error(response, 422, "invalid_request", "baseVersion", "integer")
    assert message.startswith("mutations[0].baseVersion:")

    response = http.post("/mutations", json={"mutations": "all of them"})
    assert_error(response, 422, "invalid_request", "mutations", "list")

    response = http.post(
        "/mutations",
        json={
            "mutations": [
                _mutation(),
                _mutation(entity="planet", op="explode"),
            ]
        },
    )
    message = assert_error(
        response, 422, "invalid_request", "mutations[1].entity", "'client'", "1 more problem"
    )
    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert fields == ["mutations[1].entity", "mutations[1].op"]

    response = http.post("/auth/token", json={"email": ["a@b.c"], "password": 1})
    assert_error(response, 422, "invalid_request", "email", "string")


def test_unknown_routes_are_a_404(live_server: LiveServer) -> None:
    account = live_server.account()
    for response in (
        account.http.get("/no-such-thing"),
        account.http.post("/mutation", json={"mutations": []}),
        account.http.get(f"{live_server.url}/not/the/api"),
        httpx.get(f"{live_server.api}/no-such-thing"),  # signed in or not
    ):
        assert_error(response, 404, "not_found", "no such route")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/changes", "GET"),
        ("PUT", "/mutations", "POST"),
        ("GET", "/mutations", "POST"),
        ("POST", "/health", "GET"),
        ("GET", "/auth/token", "POST"),
        # Starlette's Allow names the methods of the first route on the path only (HEAD).
        ("PUT", "/uploads/01a1fe66-6cbd-766f-a511-0d6cb91d3298", None),
        ("GET", "/uploads", "POST"),  # the collection has no listing
    ],
)
def test_wrong_methods_are_a_405_listing_the_allowed_ones(
    live_server: LiveServer, method: str, path: str, allowed: str | None
) -> None:
    account = live_server.account()
    response = account.http.request(method, path)
    assert_error(response, 405, "method_not_allowed", "does not accept that HTTP method")
    assert "allow" in response.headers
    if allowed is not None:
        assert allowed in response.headers["allow"]


def test_a_body_over_the_limit_with_content_length_is_a_413(small_server: LiveServer) -> None:
    account = small_server.account()
    padding = " " * (SMALL_LIMIT * 2)
    body = f'{{"mutations": [{padding}]}}'.encode()
    for path in ("/mutations", "/uploads", "/auth/token"):
        response = account.http.post(path, content=body, headers=JSON)
        message = assert_error(response, 413, "payload_too_large", "limit", "1,024 bytes")
        assert f"{len(body):,} bytes" in message
    # Refused before anything is read: signing in does not matter.
    response = httpx.post(f"{small_server.api}/mutations", content=body, headers=JSON)
    assert_error(response, 413, "payload_too_large", "1,024 bytes")


def test_a_chunked_body_over_the_limit_is_a_413(small_server: LiveServer) -> None:
    account = small_server.account()

    def chunks() -> Iterator[bytes]:
        yield b'{"mutations": ['
        for _ in range(8):
            yield b" " * 256  # no Content-Length: the server counts as the bytes arrive
        yield b"]}"

    response = account.http.post("/mutations", content=chunks(), headers=JSON)
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_error(response, 413, "payload_too_large", "larger than the limit", "1,024 bytes")


def test_a_chunked_body_under_the_limit_is_read(small_server: LiveServer) -> None:
    account = small_server.account()
    client_id = new_id()
    body = (
        b'{"mutations": [{"mutationId": "' + new_id().encode() + b'", "entity": "client", '
        b'"op": "create", "id": "' + client_id.encode() + b'", '
        b'"fields": {"businessName": "Chunked LLC"}}]}'
    )

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 64):
            yield body[start : start + 64]

    response = account.http.post("/mutations", content=chunks(), headers=JSON)
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "applied"
