"""Fetching a document's bytes from the real embedded server, once, then offline."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.document_content import ContentMismatch, fetch
from advisoros_desktop.api.errors import ServerUnreachable
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.store.document_content import DocumentContent
from tests.conftest import PASSWORD, LiveServer, start_server
from tests.integration.server.test_extraction_job import upload
from tests.integration.sync.desktop import QUICK_RETRY

DATA = b"%PDF-1.4\n% not much of a PDF, but bytes all the same\n" * 50


def test_content_is_fetched_once_verified_and_read_offline(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    live = LiveServer(server)
    account = live.account()
    document_id = upload(account, account.create_client(), DATA, "w2.pdf")
    checksum = hashlib.sha256(DATA).hexdigest()
    cache = DocumentContent(tmp_path / "desktop")

    async def scenario() -> None:
        api = ApiClient(live.api, MemoryTokenStore(), "review", retry=QUICK_RETRY)
        await api.sign_in(account.email, PASSWORD)
        try:
            with pytest.raises(ContentMismatch):
                await fetch(api, document_id, hashlib.sha256(b"other").hexdigest(), cache)
            assert not cache.has(checksum)  # a mismatch is never kept
            before = api.request_count
            assert await fetch(api, document_id, checksum, cache) == DATA
            assert api.request_count == before + 1
            assert cache.read(checksum) == DATA
            live.close()
            server.stop()
            # Offline: from the cache, without a request.
            assert await fetch(api, document_id, checksum, cache) == DATA
            assert api.request_count == before + 1
            with pytest.raises(ServerUnreachable):
                await fetch(api, document_id, hashlib.sha256(b"never fetched").hexdigest(), cache)
        finally:
            await api.aclose()

    try:
        asyncio.run(scenario())
    finally:
        live.close()
        server.stop()
