"""``api.uploads`` against the real embedded server (SQLite and PostgreSQL).

Coroutines run with ``asyncio.run`` inside plain tests, one loop per scenario.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from advisoros_desktop.api import uploads
from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import ApiError, ServerUnreachable
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.api.uploads import Announcement, OffsetMismatch, UploadNotFound
from advisoros_desktop.domain.ids import new_id
from tests.conftest import PASSWORD, Account, LiveServer
from tests.integration.api.test_api_client import revoke_tokens

T = TypeVar("T")


def signed_in(
    live_server: LiveServer,
) -> tuple[ApiClient, Account, str]:
    """An API client (not yet signed in: the scenario does it), its user, and one client id."""
    account = live_server.account()
    client_id = account.create_client("Gonzalez Household")
    api = ApiClient(live_server.api, MemoryTokenStore(), f"{live_server.api}|{account.email}")
    return api, account, client_id


def run(api: ApiClient, account: Account, scenario: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        try:
            await api.sign_in(account.email, PASSWORD)
            return await scenario()
        finally:
            await api.aclose()

    return asyncio.run(main())


def announcement(data: bytes, client_id: str, **changes: object) -> Announcement:
    fields: dict[str, object] = {
        "upload_id": new_id(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "file_name": "W-2 2025 Gonzalez.pdf",
        "mime_type": "application/pdf",
        "client_id": client_id,
        "category": "w2",
        "year": 2025,
        "source": "drag_drop",
    }
    fields.update(changes)
    return Announcement(**fields)  # type: ignore[arg-type]


def test_a_file_sent_in_chunks_becomes_a_verified_document(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = random.Random(1).randbytes(250_000)
    sent = announcement(data, client_id)

    async def scenario() -> None:
        created = await uploads.announce(api, sent)
        assert (created.status, created.offset, created.size) == ("uploading", 0, len(data))
        assert created.document_id is None
        offset, answer = 0, created
        while offset < len(data):
            answer = await uploads.send_chunk(api, sent.upload_id, offset, data[offset:][:64_000])
            offset = answer.offset
            if offset < len(data):
                assert answer.status == "uploading" and answer.document_id is None
                assert await uploads.server_offset(api, sent.upload_id) == offset
        assert answer.status == "completed"
        assert answer.document_id == sent.upload_id and answer.offset == len(data)

        state = await uploads.upload_state(api, sent.upload_id)
        assert state.status == "completed" and state.document_id == answer.document_id
        assert state.document is not None
        assert state.document["checksum"] == sent.sha256
        assert state.document["fileName"] == "W-2 2025 Gonzalez.pdf"
        assert state.document["category"] == "w2" and state.document["source"] == "drag_drop"

    run(api, account, scenario)
    content = account.http.get(f"/documents/{sent.upload_id}/content")
    assert content.content == data


def test_a_file_the_firm_already_has_answers_duplicate_without_bytes(
    live_server: LiveServer,
) -> None:
    api, account, client_id = signed_in(live_server)
    data = b"%PDF-1.7 1099-INT First Bank" * 300

    async def scenario() -> None:
        first = announcement(data, client_id)
        await uploads.announce(api, first)
        done = await uploads.send_chunk(api, first.upload_id, 0, data)
        assert done.status == "completed"
        before = api.request_count
        again = await uploads.announce(api, announcement(data, client_id))
        assert again.status == "duplicate" and again.document_id == first.upload_id
        assert again.document is not None and again.document["checksum"] == first.sha256
        assert api.request_count == before + 1  # no bytes moved

    run(api, account, scenario)


def test_announcing_again_resumes_from_the_servers_offset(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = random.Random(2).randbytes(120_000)
    sent = announcement(data, client_id)

    async def scenario() -> None:
        await uploads.announce(api, sent)
        await uploads.send_chunk(api, sent.upload_id, 0, data[:50_000])
        # After a crash the desktop only knows its upload id: announce again, go on.
        resumed = await uploads.announce(api, sent)
        assert (resumed.status, resumed.offset) == ("uploading", 50_000)
        assert await uploads.server_offset(api, sent.upload_id) == 50_000
        done = await uploads.send_chunk(api, sent.upload_id, 50_000, data[50_000:])
        assert done.status == "completed"

    run(api, account, scenario)
    assert account.http.get(f"/documents/{sent.upload_id}/content").content == data


def test_bytes_sent_twice_are_an_offset_mismatch_with_the_servers_offset(
    live_server: LiveServer,
) -> None:
    api, account, client_id = signed_in(live_server)
    data = random.Random(3).randbytes(90_000)
    sent = announcement(data, client_id)

    async def scenario() -> None:
        await uploads.announce(api, sent)
        await uploads.send_chunk(api, sent.upload_id, 0, data[:30_000])
        with pytest.raises(OffsetMismatch) as caught:
            # What a PATCH retried after its answer was lost looks like.
            await uploads.send_chunk(api, sent.upload_id, 0, data[:30_000])
        assert caught.value.server_offset == 30_000 and caught.value.status == 409
        assert "continue from 30000" in caught.value.message
        done = await uploads.send_chunk(
            api, sent.upload_id, caught.value.server_offset, data[30_000:]
        )
        assert done.status == "completed"

    run(api, account, scenario)


def test_the_last_chunk_sent_again_answers_with_the_document(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = b"%PDF bank statement March" * 400
    sent = announcement(data, client_id, category="bank_statement")

    async def scenario() -> None:
        await uploads.announce(api, sent)
        first = await uploads.send_chunk(api, sent.upload_id, 0, data)
        # The answer to the last PATCH was lost and the whole PATCH went again.
        again = await uploads.send_chunk(api, sent.upload_id, 0, data)
        assert again.status == "completed" and again.document_id == first.document_id
        # Or only the final, empty PATCH is asked again.
        empty = await uploads.send_chunk(api, sent.upload_id, len(data), b"")
        assert empty.status == "completed" and empty.document_id == first.document_id

    run(api, account, scenario)
    documents = [
        item
        for item in account.http.get("/changes").json()["items"]
        if item["entity"] == "document"
    ]
    assert len(documents) == 1


def test_refusals_carry_the_servers_sentence(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = b"MZ\x90\x00 an executable"

    async def scenario() -> None:
        limits = await uploads.upload_limits(api)
        assert limits["maxUploadBytes"] > 0 and "application/pdf" in limits["allowedMimeTypes"]

        with pytest.raises(ApiError) as wrong_type:
            await uploads.announce(
                api, announcement(data, client_id, mime_type="application/x-msdownload")
            )
        assert wrong_type.value.status == 415
        assert "not accepted" in wrong_type.value.message
        assert not isinstance(wrong_type.value, ServerUnreachable)

        with pytest.raises(ApiError) as too_large:
            await uploads.announce(
                api, announcement(data, client_id, size=limits["maxUploadBytes"] + 1)
            )
        assert too_large.value.status == 413 and "accepts at most" in too_large.value.message

        with pytest.raises(ApiError) as nobody:
            await uploads.announce(api, announcement(b"%PDF", new_id()))
        assert nobody.value.status == 422 and "no client with id" in nobody.value.message

        with pytest.raises(ApiError) as bad_category:
            await uploads.announce(api, announcement(b"%PDF", client_id, category="recipe"))
        assert bad_category.value.status == 422

        reused = announcement(b"%PDF first", client_id)
        await uploads.announce(api, reused)
        with pytest.raises(ApiError) as other_file:
            await uploads.announce(
                api, announcement(b"%PDF second", client_id, upload_id=reused.upload_id)
            )
        assert other_file.value.status == 409 and other_file.value.code == "upload_id_reused"

    run(api, account, scenario)


def test_damaged_bytes_fail_the_upload_with_a_reason(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = b"%PDF what the desktop hashed" * 100
    sent = announcement(data, client_id)

    async def scenario() -> None:
        await uploads.announce(api, sent)
        with pytest.raises(ApiError) as caught:
            await uploads.send_chunk(api, sent.upload_id, 0, data[:-1] + b"!")
        assert caught.value.status == 422 and "arrived damaged" in caught.value.message
        state = await uploads.upload_state(api, sent.upload_id)
        assert state.status == "failed" and state.error and "damaged" in state.error
        assert state.document_id is None

    run(api, account, scenario)


def test_cancel_drops_the_upload_and_a_second_cancel_is_fine(live_server: LiveServer) -> None:
    api, account, client_id = signed_in(live_server)
    data = b"%PDF half sent" * 1000
    sent = announcement(data, client_id)

    async def scenario() -> None:
        await uploads.announce(api, sent)
        await uploads.send_chunk(api, sent.upload_id, 0, data[:100])
        await uploads.cancel(api, sent.upload_id)
        await uploads.cancel(api, sent.upload_id)  # already gone: nothing to say
        with pytest.raises(UploadNotFound) as gone:
            await uploads.server_offset(api, sent.upload_id)
        assert "no longer has this upload" in gone.value.message
        with pytest.raises(UploadNotFound):
            await uploads.send_chunk(api, sent.upload_id, 100, data[100:])
        # Announcing again starts it over from the first byte.
        again = await uploads.announce(api, sent)
        assert (again.status, again.offset) == ("uploading", 0)

    run(api, account, scenario)


def test_a_refused_access_token_is_renewed_and_the_bytes_go_again(
    live_server: LiveServer,
) -> None:
    api, account, client_id = signed_in(live_server)
    data = random.Random(5).randbytes(40_000)
    sent = announcement(data, client_id)

    async def scenario() -> None:
        await uploads.announce(api, sent)
        await uploads.send_chunk(api, sent.upload_id, 0, data[:10_000])
        revoke_tokens(live_server.engine, account.email, kind="access")
        done = await uploads.send_chunk(api, sent.upload_id, 10_000, data[10_000:])
        assert done.status == "completed" and done.offset == len(data)
        state = await uploads.upload_state(api, sent.upload_id)
        assert state.document is not None and state.document["checksum"] == sent.sha256

    run(api, account, scenario)
