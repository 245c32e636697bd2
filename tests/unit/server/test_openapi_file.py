"""The committed ``openapi.json`` is the document the server builds and serves.

A change to a route or a model changes the API; this fails until the committed
copy is regenerated (``make openapi``), so the change shows up in the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisoros_desktop.server import openapi_file
from tests.conftest import LiveServer


def test_committed_document_is_current() -> None:
    expected = openapi_file.render(openapi_file.current_openapi())
    actual = openapi_file.committed_text()
    problem = openapi_file.stale_message(expected, actual)
    assert problem is None, problem
    assert actual is not None and actual.endswith("}\n")


def test_document_is_rendered_deterministically() -> None:
    first = openapi_file.render(openapi_file.current_openapi())
    second = openapi_file.render(openapi_file.current_openapi())
    assert first == second
    document = json.loads(first)
    assert document["info"]["title"] == "AdvisorOS API"
    assert "/api/v1/mutations" in document["paths"]


def test_live_server_serves_the_committed_document(live_server: LiveServer) -> None:
    account = live_server.account()
    response = account.http.get("/openapi.json")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    committed = openapi_file.committed_text()
    assert committed is not None, "run `make openapi` to create the committed openapi.json"
    assert response.json() == json.loads(committed), (
        "the server serves a different OpenAPI document than the committed one; "
        "run `make openapi` and commit the result"
    )


def test_check_fails_on_a_stale_copy_and_write_repairs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "openapi.json"
    monkeypatch.setattr(openapi_file, "COMMITTED_PATH", copy)

    assert openapi_file.main(["--check"]) == 1
    assert "make openapi" in capsys.readouterr().err  # missing

    copy.write_text('{"openapi": "3.1.0"}\n', encoding="utf-8")
    assert openapi_file.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert "differs" in err and "make openapi" in err
    assert "(generated)" in err  # a diff shows what changed

    assert openapi_file.main(["--write"]) == 0
    assert openapi_file.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert openapi_file.main(["--write"]) == 0
    assert "unchanged" in capsys.readouterr().out
