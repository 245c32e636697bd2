"""The version every package format states is the one in pyproject.toml."""

from __future__ import annotations

import tomllib

import pytest
from product import APP_ID, REPO, numeric_version, version


def test_version_is_pyprojects() -> None:
    with (REPO / "pyproject.toml").open("rb") as handle:
        assert version() == tomllib.load(handle)["project"]["version"]


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("0.1.0", 4, (0, 1, 0, 0)),
        ("1.2", 4, (1, 2, 0, 0)),
        ("2.0.0rc1", 4, (2, 0, 0, 0)),
        ("1.2.3.4.5", 4, (1, 2, 3, 4)),
        ("0.1.0", 3, (0, 1, 0)),
    ],
)
def test_numeric_version(text: str, parts: int, expected: tuple[int, ...]) -> None:
    assert numeric_version(text, parts) == expected


def test_app_id_is_reverse_dns() -> None:
    parts = APP_ID.split(".")
    assert len(parts) >= 3 and all(part.isidentifier() for part in parts)
