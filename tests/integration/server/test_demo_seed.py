"""``advisoros server --demo`` seeds a realistic fictional firm, once, extracted, and it syncs."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_server_from_the_command_line(tmp_path: Path) -> None:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "advisoros_desktop.cli",
        "server",
        "--demo",
        "--port",
        str(port),
        "--data-dir",
        str(tmp_path),
    ]
    log = tmp_path / "server.log"
    with open(log, "w") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        api = f"http://127.0.0.1:{port}/api/v1"
        deadline = time.monotonic() + 180  # the seed extracts 300 documents first
        while True:
            try:
                if httpx.get(api + "/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and process.poll() is None, log.read_text()
            time.sleep(0.2)
        assert f"AdvisorOS server: {api}" in log.read_text()  # tells the user where it is
        http = httpx.Client(base_url=api, timeout=30)
        token = http.post("/auth/token", json={"email": "demo@example.com", "password": "demo"})
        assert token.status_code == 200
        http.headers["Authorization"] = f"Bearer {token.json()['accessToken']}"
        assert http.get("/me").json()["organization"]["name"] == "Demo CPA Firm"
        items, cursor = [], None
        while True:
            page = http.get(
                "/changes", params={"limit": 1000, **({"cursor": cursor} if cursor else {})}
            ).json()
            items += page["items"]
            cursor = page["cursor"]
            if not page["hasMore"]:
                break
        # A record may come twice (a parent brought along with its child); count records.
        kinds = Counter(entity for entity, _id in {(i["entity"], i["id"]) for i in items})
        assert kinds["client"] == 60
        assert kinds["engagement"] == 120
        assert 380 <= kinds["task"] <= 420
        assert kinds["document"] == 300
        documents = [i["data"] for i in items if i["entity"] == "document"]
        # Printed documents arrive extracted; scans (OCR) follow through the job queue.
        printed = [d for d in documents if d["category"] in ("w2", "1099", "invoice")]
        assert len(printed) == 240
        assert "pending" not in {d["ocrStatus"] for d in printed}
        extractions = [i["data"] for i in items if i["entity"] == "extraction"]
        assert {d["id"] for d in printed} <= {x["documentId"] for x in extractions}
        invoices = [x for x in extractions if x["formType"] == "invoice"]
        assert len(invoices) >= 50 and all(x["status"] == "completed" for x in invoices)
        confidences = [f["confidence"] for x in invoices for f in x["fields"]]
        assert any(c >= 0.9 for c in confidences) and any(c < 0.9 for c in confidences)
        assert any(d["needsReview"] for d in documents)
        categories = Counter(d["category"] for d in documents)
        assert categories["w2"] >= 50 and categories["1099"] >= 50 and categories["invoice"] >= 50
        assert {"image/jpeg", "application/pdf"} <= {d["mimeType"] for d in documents}
        assert len({d["checksum"] for d in documents}) == 300
        sample = next(d for d in documents if d["category"] == "w2")
        content = http.get(f"/documents/{sample['id']}/content").content
        assert content.startswith(b"%PDF")
        assert hashlib.sha256(content).hexdigest() == sample["checksum"]
        http.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
