"""Under load the server answers 429/503 with Retry-After instead of falling over."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import LiveServer, start_server


def test_rate_limit_answers_429_with_retry_after(tmp_path: Path) -> None:
    server = start_server(tmp_path, rate_limit_per_second=2.0, rate_limit_burst=5)
    live = LiveServer(server)
    try:
        alice = live.account()
        statuses = [alice.http.get("/me") for _ in range(12)]
        limited = [r for r in statuses if r.status_code == 429]
        assert limited, "12 quick requests at 2/s with a burst of 5 must be limited"
        assert int(limited[0].headers["Retry-After"]) >= 1
        assert limited[0].json()["error"]["code"] == "rate_limited"
        # Monitoring is never limited.
        assert all(alice.http.get("/health").status_code == 200 for _ in range(10))
    finally:
        live.close()
        server.stop()


def test_too_many_requests_at_once_answer_503_with_retry_after(tmp_path: Path) -> None:
    server = start_server(tmp_path, max_concurrent_requests=0)
    try:
        response = httpx.get(server.url + "/api/v1/me")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "1"
        assert "retry shortly" in response.json()["error"]["message"]
    finally:
        server.stop()


def test_upload_resumes_after_the_server_restarts(tmp_path: Path) -> None:
    import hashlib

    server = start_server(tmp_path)
    live = LiveServer(server)
    data = bytes(range(256)) * 1000
    headers = {"Content-Type": "application/offset+octet-stream"}
    try:
        alice = live.account()
        client_id = alice.create_client()
        upload_id = alice.http.post(
            "/uploads",
            json={
                "uploadId": "0192f6a0-0000-7000-8000-000000000001",
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "fileName": "scan.pdf",
                "mimeType": "application/pdf",
                "clientId": client_id,
            },
        ).json()["uploadId"]
        alice.http.patch(
            f"/uploads/{upload_id}",
            content=data[:100_000],
            headers={**headers, "Upload-Offset": "0"},
        )
        token = alice.http.headers["Authorization"]
    finally:
        live.close()
        server.stop()
    server = start_server(tmp_path)
    try:
        http = httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": token})
        offset = int(http.head(f"/uploads/{upload_id}").headers["Upload-Offset"])
        assert offset == 100_000
        done = http.patch(
            f"/uploads/{upload_id}",
            content=data[offset:],
            headers={**headers, "Upload-Offset": str(offset)},
        )
        assert done.status_code == 204
        assert http.get(f"/uploads/{upload_id}").json()["status"] == "completed"
        http.close()
    finally:
        server.stop()
