"""The firm's review threshold: read by everyone, set by owners and administrators, and
used by the extraction job and by reviews to decide what needs a person's look."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import LiveServer
from tests.integration.server.test_extraction_job import corpus, extracted, upload

__all__ = ["corpus"]  # fixture


def test_everyone_reads_the_threshold_and_only_owners_and_admins_change_it(
    live_server: LiveServer,
) -> None:
    owner = live_server.account("Firm S")
    admin = live_server.account("Firm S", role="admin")
    staff = live_server.account("Firm S", role="staff")
    other_firm = live_server.account("Firm T")

    assert staff.http.get("/settings").json() == {"reviewThreshold": 0.9}  # the default

    refused = staff.http.patch("/settings", json={"reviewThreshold": 0.95})
    assert refused.status_code == 403
    assert refused.json()["error"]["message"] == (
        "Only the firm's owner or an administrator can change the firm's settings."
    )
    changed = owner.http.patch("/settings", json={"reviewThreshold": 0.95})
    assert changed.status_code == 200 and changed.json() == {"reviewThreshold": 0.95}
    assert admin.http.patch("/settings", json={"reviewThreshold": 0.97}).status_code == 200
    assert staff.http.get("/settings").json() == {"reviewThreshold": 0.97}
    assert other_firm.http.get("/settings").json() == {"reviewThreshold": 0.9}  # its own

    for bad in (1.5, 0.2, "high", None):
        answer = owner.http.patch("/settings", json={"reviewThreshold": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.json()["error"]["message"].startswith("reviewThreshold")
    unknown = owner.http.patch("/settings", json={"reviewThreshold": 0.9, "theme": "dark"})
    assert unknown.status_code == 422
    assert owner.http.get("/settings").json() == {"reviewThreshold": 0.97}  # nothing changed
    assert httpx.get(f"{live_server.api}/settings").status_code == 401


def test_a_stricter_firm_gets_a_sure_w2_up_for_review(
    live_server: LiveServer, corpus: Path
) -> None:
    w2 = (corpus / "w2/w2-001-filled.pdf").read_bytes()
    relaxed = live_server.account("Relaxed Firm")
    document, _ = extracted(relaxed, upload(relaxed, relaxed.create_client(), w2, "w2.pdf"))
    assert document["needsReview"] is False  # every field read at 0.99 >= 0.90

    strict = live_server.account("Strict Firm")
    assert strict.http.patch("/settings", json={"reviewThreshold": 1.0}).status_code == 200
    document, _ = extracted(strict, upload(strict, strict.create_client(), w2, "w2.pdf"))
    assert document["needsReview"] is True  # 0.99 is under the firm's 1.0
