"""The README's keyboard reference is the registry's (``ui/keyboard_reference``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisoros_desktop.ui.keyboard_reference import (
    BEGIN,
    END,
    default_registry,
    markdown_reference,
    with_reference,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_command_with_a_default_key_is_listed_with_its_keys() -> None:
    registry = default_registry()
    reference = markdown_reference(registry)
    for command in registry:
        for key in registry.bindings().get(command.id, ()):
            assert f"<kbd>{key}</kbd>" in reference, (command.id, key)
        if registry.bindings().get(command.id):
            assert f"| {command.title} |" in reference


def test_the_readme_shows_the_registrys_keys() -> None:
    text = README.read_text(encoding="utf-8")
    expected = with_reference(text, markdown_reference(default_registry()))
    assert text == expected, (
        "README.md's keyboard reference is out of date: run "
        "`python -m advisoros_desktop.ui.keyboard_reference --write README.md`"
    )


def test_the_markers_must_be_there() -> None:
    with pytest.raises(ValueError, match="markers"):
        with_reference("no markers here", "x")
    assert with_reference(f"a {BEGIN} old {END} b", "new\n") == f"a {BEGIN}\n\nnew\n\n{END} b"
