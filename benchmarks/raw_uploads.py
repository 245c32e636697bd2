"""The floor for uploading files: plain httpx, straight to the upload API, nothing else.

The intake benchmarks compare the desktop's upload throughput with what the
server allows on this machine in the same run: the same number of files of
the same size, sent by the shortest correct client there is. For each file it
reads the bytes, hashes them, announces the upload (``POST /uploads``) and
sends the whole file in one ``PATCH``, with as many files on the wire at once
as the desktop's uploader sends. No queue, no ledger, no checks, no retries:
whatever the desktop spends above this is its own.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import httpx

from benchmarks import BenchmarkError

TUS_VERSION = "1.0.0"
TIMEOUT_SECONDS = 60.0


async def _sign_in(http: httpx.AsyncClient, email: str, password: str) -> None:
    response = await http.post("/auth/token", json={"email": email, "password": password})
    if response.status_code != 200:
        raise BenchmarkError(f"sign-in failed: {response.status_code} {response.text[:300]}")
    http.headers["Authorization"] = f"Bearer {response.json()['accessToken']}"


async def _upload(http: httpx.AsyncClient, path: Path, client_id: str) -> str:
    """One file, announced and sent whole; the id of the document it became."""
    data = path.read_bytes()
    upload_id = str(uuid.uuid4())
    announced = await http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": path.name,
            "mimeType": "application/pdf",
            "clientId": client_id,
            "source": "drag_drop",
        },
    )
    if announced.status_code != 201:
        raise BenchmarkError(
            f"the server did not take {path.name} as new: "
            f"{announced.status_code} {announced.text[:300]}"
        )
    sent = await http.patch(
        f"/uploads/{upload_id}",
        content=data,
        headers={
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Tus-Resumable": TUS_VERSION,
        },
    )
    document_id = sent.headers.get("AdvisorOS-Document-Id")
    if sent.status_code != 204 or not document_id:
        raise BenchmarkError(f"{path.name} did not become a document: {sent.status_code}")
    return document_id


async def upload_all(
    base_url: str,
    email: str,
    password: str,
    paths: Sequence[Path],
    client_id: str,
    parallel: int,
) -> float:
    """Seconds to turn every file of ``paths`` into a document (sign-in not counted)."""
    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT_SECONDS) as http:
        await _sign_in(http, email, password)
        todo = list(reversed(paths))
        documents: set[str] = set()

        async def lane() -> None:
            while todo:
                documents.add(await _upload(http, todo.pop(), client_id))

        started = time.perf_counter()
        await asyncio.gather(*(lane() for _ in range(max(1, parallel))))
        seconds = time.perf_counter() - started
    if len(documents) != len(paths):
        raise BenchmarkError(f"{len(paths)} files became {len(documents)} documents")
    return seconds


def upload_all_now(
    base_url: str,
    email: str,
    password: str,
    paths: Sequence[Path],
    client_id: str,
    parallel: int,
) -> float:
    """``upload_all`` for code that runs no event loop of its own."""
    return asyncio.run(upload_all(base_url, email, password, paths, client_id, parallel))
