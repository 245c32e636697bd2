"""The real server, fuzzed by schemathesis against the OpenAPI document it publishes.

Every operation of ``/api/v1/openapi.json`` gets generated requests, valid
(positive) and invalid (negative), signed in with a real bearer token and
anonymous, plus requests aimed at an upload and a document that exist. Each
answer must not be a server error, must use a status code and content type
the document declares for the operation, and its body must match the declared
schema. The run is bounded (fixed examples per operation, derandomized, no
shrinking) so the file stays well under two minutes on a two-core machine.

pytest fixtures and ``schema.parametrize()`` do not mix well (the schema URL is
only known once the ``live_server`` fixture has started the server), so one
test loads the schema from the live URL and drives each operation's hypothesis
strategy itself. Failures are collected across all operations and reported
together, each with schemathesis' explanation and a curl command to reproduce.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from advisoros_desktop.domain.ids import new_id
from tests.conftest import Account, LiveServer

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# tus sends upload bytes as application/offset+octet-stream, which schemathesis has no
# serializer for; they are raw bytes like application/octet-stream, so reuse that one.
# With it the PATCH operation is fuzzed like every other: none is excluded.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")

FILE_BYTES = b"Form W-2 2025, fuzzing sample\n"


@dataclass(frozen=True)
class Variant:
    """One batch of generated requests for an operation."""

    name: str
    mode: GenerationMode
    signed_in: bool
    max_examples: int
    # Fix the path ids to resources that exist, so the success answers get checked too.
    existing_resources: bool = False


VARIANTS = (
    Variant("valid, signed in", GenerationMode.POSITIVE, True, 25),
    Variant("invalid, signed in", GenerationMode.NEGATIVE, True, 10),
    Variant("valid, anonymous", GenerationMode.POSITIVE, False, 5),
    Variant("invalid, anonymous", GenerationMode.NEGATIVE, False, 5),
    Variant("valid, signed in, existing ids", GenerationMode.POSITIVE, True, 10, True),
)


@dataclass
class Seeded:
    """Resources that exist in the fuzzing account's organization."""

    client_id: str
    upload_id: str
    document_id: str
    path_ids: dict[str, str] = field(default_factory=dict)


def _seed(account: Account) -> Seeded:
    client_id = account.create_client("Fuzzing Client LLC")
    upload_id = new_id()
    created = account.http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(FILE_BYTES).hexdigest(),
            "size": len(FILE_BYTES),
            "fileName": "w2-2025.txt",
            "mimeType": "text/plain",
            "clientId": client_id,
            "category": "w2",
            "year": 2025,
        },
    )
    assert created.status_code == 201, created.text
    sent = account.http.patch(
        f"/uploads/{upload_id}",
        content=FILE_BYTES,
        headers={
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Tus-Resumable": "1.0.0",
        },
    )
    assert sent.status_code == 204, sent.text
    document_id = sent.headers["AdvisorOS-Document-Id"]
    # The completed upload: GET/HEAD answer 200, DELETE 409, and it stays for every example.
    return Seeded(
        client_id, upload_id, document_id, {"uploadId": upload_id, "documentId": document_id}
    )


def _has_inputs(operation: APIOperation) -> bool:
    """Whether anything of the operation can be made invalid (else negative mode can't run)."""
    raw = operation.definition.raw
    return any(raw.get(key) for key in ("parameters", "requestBody", "security"))


def _applies(variant: Variant, operation: APIOperation) -> bool:
    if variant.mode is GenerationMode.NEGATIVE and not _has_inputs(operation):
        return False  # GET /health takes nothing at all: there is no invalid request to make
    if variant.existing_resources:
        return "{" in operation.path
    return True


def _run(
    operation: APIOperation,
    variant: Variant,
    send: Callable[[Case, dict[str, str] | None], None],
    token: str,
    seeded: Seeded,
) -> None:
    path_parameters = None
    if variant.existing_resources:
        path_parameters = {
            name: value
            for name, value in seeded.path_ids.items()
            if "{" + name + "}" in operation.path
        }
    strategy = operation.as_strategy(variant.mode, path_parameters=path_parameters)
    headers = {"Authorization": f"Bearer {token}"} if variant.signed_in else None

    @hypothesis.settings(
        max_examples=variant.max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],  # no shrinking: the first failing request is reported as is
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
        report_multiple_bugs=False,
    )
    @hypothesis.given(case=strategy)
    def examples(case: Case) -> None:
        send(case, headers)

    examples()


def test_every_operation_conforms_to_the_published_schema(live_server: LiveServer) -> None:
    account = live_server.account("Fuzzing Firm")
    token = account.http.headers["Authorization"].removeprefix("Bearer ")
    seeded = _seed(account)
    schema = schemathesis.openapi.from_url(
        f"{live_server.api}/openapi.json", config=schemathesis.Config()
    )
    session = requests.Session()

    def send(case: Case, headers: dict[str, str] | None) -> None:
        response = case.call(session=session, headers=headers, timeout=30)
        case.validate_response(response, checks=CHECKS, headers=headers)

    operations: list[str] = []
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        operations.append(operation.label)
        for variant in VARIANTS:
            if not _applies(variant, operation):
                continue
            try:
                _run(operation, variant, send, token, seeded)
            # Every failure of every operation is collected, to be reported together.
            except (Exception, BaseExceptionGroup) as exc:
                failures.append(f"{operation.label} [{variant.name}]\n{_describe(exc)}")
    published = {
        f"{method.upper()} {path}"
        for path, methods in session.get(f"{live_server.api}/openapi.json").json()["paths"].items()
        for method in methods
    }
    session.close()
    assert sorted(operations) == sorted(published)  # every operation was fuzzed
    assert not failures, (
        f"{len(failures)} operation/variant runs failed against the published OpenAPI "
        "document:\n\n" + "\n\n".join(failures)
    )


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or repr(exc)
    notes: Any = getattr(exc, "__notes__", None) or []
    return "\n".join([text, *[str(note) for note in notes]])
