"""Fetching a document's bytes from the server once, for the review preview.

``GET documents/{id}/content`` answers the file with its SHA-256 as ``ETag``.
The bytes are checked against the checksum the document record carries
before they are kept: a mismatch is an error and is never cached, so a
truncated or swapped download cannot show the wrong page beside the fields.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Protocol

from advisoros_desktop.api.client import ApiClient


class ContentCache(Protocol):
    """What ``fetch`` needs of the local cache (``store.document_content.DocumentContent``)."""

    def read(self, checksum: str) -> bytes | None: ...

    def put(self, data: bytes, expected: str | None = None) -> str: ...


class ContentMismatch(Exception):
    """The server's bytes are not the document's (their SHA-256 differs)."""


async def fetch(api: ApiClient, document_id: str, checksum: str, cache: ContentCache) -> bytes:
    """The document's bytes: from ``cache`` if there, else downloaded, verified and kept.

    Raises ``ContentMismatch``, and what ``ApiClient.request`` raises (``ApiError``,
    ``ServerUnreachable``, ``SignInRequired``).
    """
    expected = checksum.strip().lower()
    # Reading and hashing a large file is not for the GUI thread's loop.
    cached = await asyncio.to_thread(cache.read, expected)
    if cached is not None:
        return cached
    response = await api.request("GET", f"documents/{document_id}/content")
    data = response.content
    actual = await asyncio.to_thread(lambda: hashlib.sha256(data).hexdigest())
    if actual != expected:
        raise ContentMismatch(
            f"The server sent a file whose SHA-256 ({actual[:12]}…) is not the document's "
            f"({expected[:12]}…); it was not kept. Try again later."
        )
    await asyncio.to_thread(cache.put, data, expected)
    return data
