"""Retries of upload requests against scripted answers: which are sent again, which are not.

The server's real upload behaviour is tested in ``tests/integration/api``;
here only what a real server cannot be made to do on cue (answer 503, drop a
connection mid-PATCH) is scripted. No real waiting: ``sleep`` records delays.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from advisoros_desktop.api import uploads
from advisoros_desktop.api.errors import ApiError, ServerUnreachable
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.uploads import OffsetMismatch
from tests.unit.api.fake_api import ScriptedAnswers, error, make_client

UPLOAD = "0196a8a4-3c1e-7b8e-9f00-5a1b2c3d4e5f"
PATCH_URL = f"http://advisoros.test/api/v1/uploads/{UPLOAD}"
CHUNK = b"%PDF-1.7 chunk of a W-2" * 50


def accepted(offset: int, **headers: str) -> httpx.Response:
    return httpx.Response(204, headers={"Upload-Offset": str(offset), **headers})


def mismatch(offset: int | None) -> httpx.Response:
    details = None if offset is None else {"offset": offset}
    body = {
        "error": {
            "code": "offset_mismatch",
            "message": f"The server has {offset} bytes of this upload; continue from {offset}.",
            "details": details,
        }
    }
    return httpx.Response(409, json=body)


def test_a_503_with_retry_after_on_patch_is_retried_with_the_same_bytes_and_offset() -> None:
    answers = ScriptedAnswers(
        error(503, "overloaded", "The server is busy.", **{"Retry-After": "7"}),
        accepted(1000 + len(CHUNK)),
    )
    client, sleep, _ = make_client(answers)
    answer = asyncio.run(uploads.send_chunk(client, UPLOAD, 1000, CHUNK))
    assert (answer.status, answer.offset, answer.document_id) == (
        "uploading",
        1000 + len(CHUNK),
        None,
    )
    assert len(answers.requests) == 2 and sleep.delays[0] >= 7.0
    for request in answers.requests:
        assert request.method == "PATCH"
        assert request.headers["Upload-Offset"] == "1000"
        assert request.headers["Content-Type"] == "application/offset+octet-stream"
        assert request.headers["Tus-Resumable"] == "1.0.0"
        assert request.headers["Authorization"] == "Bearer at_0"
        assert request.content == CHUNK


def test_the_last_byte_answers_completed_with_the_document_id() -> None:
    answers = ScriptedAnswers(
        accepted(
            len(CHUNK),
            **{"AdvisorOS-Document-Id": UPLOAD, "AdvisorOS-Upload-Status": "completed"},
        )
    )
    client, _, _ = make_client(answers)
    answer = asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert (answer.status, answer.document_id, answer.offset, answer.size) == (
        "completed",
        UPLOAD,
        len(CHUNK),
        len(CHUNK),
    )


def test_a_409_is_not_retried_and_says_the_servers_offset() -> None:
    answers = ScriptedAnswers(mismatch(4096))
    client, sleep, _ = make_client(answers)
    with pytest.raises(OffsetMismatch) as caught:
        asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert caught.value.server_offset == 4096
    assert isinstance(caught.value, ApiError) and caught.value.status == 409
    assert "continue from 4096" in str(caught.value)
    assert len(answers.requests) == 1 and sleep.delays == []


def test_a_409_without_the_offset_asks_the_server_with_head() -> None:
    answers = ScriptedAnswers(
        mismatch(None), httpx.Response(200, headers={"Upload-Offset": "2048"})
    )
    client, _, _ = make_client(answers)
    with pytest.raises(OffsetMismatch) as caught:
        asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert caught.value.server_offset == 2048
    assert [r.method for r in answers.requests] == ["PATCH", "HEAD"]


def test_a_transport_error_mid_patch_surfaces_as_server_unreachable() -> None:
    broken = httpx.WriteError("[Errno 32] Broken pipe", request=httpx.Request("PATCH", PATCH_URL))
    answers = ScriptedAnswers(broken)
    client, sleep, _ = make_client(answers, retry=RetryPolicy(max_attempts=3))
    with pytest.raises(ServerUnreachable) as caught:
        asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert not isinstance(caught.value, ApiError)
    assert caught.value.cause is broken
    assert "Cannot reach the AdvisorOS server" in str(caught.value)
    assert len(answers.requests) == 3 and len(sleep.delays) == 2


def test_a_patch_retried_after_the_server_kept_its_bytes_resumes_from_the_server() -> None:
    # The first attempt's bytes arrived, its answer did not; the retry is refused
    # with the offset the server reached, which is where sending goes on.
    reset = httpx.ReadError(
        "[Errno 104] Connection reset", request=httpx.Request("PATCH", PATCH_URL)
    )
    answers = ScriptedAnswers(reset, mismatch(len(CHUNK)))
    client, _, _ = make_client(answers)
    with pytest.raises(OffsetMismatch) as caught:
        asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert caught.value.server_offset == len(CHUNK)
    assert len(answers.requests) == 2


def test_a_retried_last_patch_on_a_finished_upload_answers_with_its_document() -> None:
    finished = {
        "error": {
            "code": "upload_completed",
            "message": "This upload is already complete; its document exists.",
            "details": None,
        }
    }
    state = {
        "uploadId": UPLOAD,
        "status": "completed",
        "offset": len(CHUNK),
        "size": len(CHUNK),
        "sha256": "a" * 64,
        "documentId": UPLOAD,
        "error": None,
        "document": {"id": UPLOAD, "checksum": "a" * 64},
    }
    answers = ScriptedAnswers(httpx.Response(409, json=finished), httpx.Response(200, json=state))
    client, _, _ = make_client(answers)
    answer = asyncio.run(uploads.send_chunk(client, UPLOAD, 0, CHUNK))
    assert (answer.status, answer.document_id) == ("completed", UPLOAD)
    assert [r.method for r in answers.requests] == ["PATCH", "GET"]


def test_an_unreadable_state_is_an_error_not_a_guess() -> None:
    answers = ScriptedAnswers(httpx.Response(200, json={"uploadId": UPLOAD, "status": "weird"}))
    client, _, _ = make_client(answers)
    with pytest.raises(ApiError) as caught:
        asyncio.run(uploads.upload_state(client, UPLOAD))
    assert caught.value.code == "malformed_response"


def test_announce_sends_only_the_fields_it_has() -> None:
    state = {"uploadId": UPLOAD, "status": "uploading", "offset": 0, "size": 10}
    answers = ScriptedAnswers(httpx.Response(201, json=state))
    client, _, _ = make_client(answers)
    sent = uploads.Announcement(UPLOAD, "b" * 64, 10, "scan.pdf", "application/pdf", "c1")
    answer = asyncio.run(uploads.announce(client, sent))
    assert answer.status == "uploading" and answer.size == 10
    assert json.loads(answers.requests[0].content) == {
        "uploadId": UPLOAD,
        "sha256": "b" * 64,
        "size": 10,
        "fileName": "scan.pdf",
        "mimeType": "application/pdf",
        "clientId": "c1",
    }
