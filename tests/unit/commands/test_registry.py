"""The command registry: one declaration per action, key bindings as checked data."""

from __future__ import annotations

import pytest

from advisoros_desktop.commands.registry import (
    Command,
    CommandRegistry,
    is_single_key,
    normalize_key,
)


def _noop(_context: object) -> None:
    return None


def _registry() -> CommandRegistry:
    registry = CommandRegistry()
    registry.register(
        Command("palette.open", "Command palette…", "General", _noop, ("Ctrl+K", "Ctrl+Shift+P"))
    )
    registry.register(Command("edit.undo", "Undo", "Edit", _noop, ("Ctrl+Z",)))
    registry.register(Command("table.down", "Next row", "Tables", _noop, ("J",), context="table"))
    registry.register(Command("table.filter", "Filter", "Tables", _noop, ("/",), context="table"))
    registry.register(Command("help.keys", "Keyboard shortcuts", "Help", _noop, ("F1", "?")))
    return registry


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ctrl+shift+z", "Ctrl+Shift+Z"),
        ("Shift+Ctrl+Z", "Ctrl+Shift+Z"),
        ("j", "J"),
        ("ctrl++", "Ctrl++"),
        ("f1", "F1"),
        ("pgdown", "PgDown"),
        ("Page Down", "PgDown"),
        ("PgDn", "PgDown"),
        ("Delete", "Del"),
        ("escape", "Esc"),
        ("ctrl+pageup", "Ctrl+PgUp"),
        ("+", "+"),
        ("Shift+?", "?"),
        ("ctrl+shift+?", "Ctrl+?"),
        ("Shift+/", "Shift+/"),
        ("Shift+1", "Shift+1"),
        ("Ctrl+,", "Ctrl+,"),
    ],
)
def test_keys_have_one_spelling(raw: str, clean: str) -> None:
    assert normalize_key(raw) == clean


@pytest.mark.parametrize("raw", ["", "Ctrl+", "Ctrl++K", "Ctrl+PageDn", "Ctrl+K, Ctrl+S"])
def test_what_is_not_one_key_is_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        normalize_key(raw)


def test_two_spellings_of_one_key_clash() -> None:
    registry = _registry()
    registry.register(Command("doc.delete", "Delete document", "Documents", _noop, ("Delete",)))
    registry.register(Command("doc.archive", "Archive", "Documents", _noop, ("Del",)))
    [clash] = registry.clashes(registry.bindings())
    assert clash.key == "Del"


def test_misspelt_keys_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="unknown modifier Strg"):
        normalize_key("Strg+K")
    with pytest.raises(ValueError, match="unknown key PageDn"):
        normalize_key("Ctrl+PageDn")
    registry = CommandRegistry()
    with pytest.raises(ValueError):
        registry.register(Command("x", "X", "General", _noop, ("Hyper+X",)))


def test_single_key_bindings_are_told_apart() -> None:
    assert is_single_key("J") and is_single_key("/") and is_single_key("Shift+?")
    assert is_single_key("Shift+J") and is_single_key("Delete") and is_single_key("PgDown")
    assert is_single_key("+") and is_single_key("Space")
    assert not is_single_key("Ctrl+K") and not is_single_key("Alt+Left")
    # Keys that never type text still work from inside a text field.
    assert not is_single_key("F1") and not is_single_key("Esc")


def test_user_overrides_replace_defaults_and_clashes_are_found() -> None:
    registry = _registry()
    bindings = registry.bindings()
    assert bindings["palette.open"] == ("Ctrl+K", "Ctrl+Shift+P")
    assert registry.clashes(bindings) == []
    mine = registry.bindings({"edit.undo": ["ctrl+k"]})
    [clash] = registry.clashes(mine)
    assert clash.key == "Ctrl+K"
    assert clash.command_ids == ("edit.undo", "palette.open")
    assert (
        clash.message(registry.titles()) == "Ctrl+K is bound to both “Undo” and “Command palette…”."
    )
    assert (
        clash.message(registry.titles(), key_text="⌘K")
        == "⌘K is bound to both “Undo” and “Command palette…”."
    )
    with pytest.raises(ValueError, match="unknown commands: nope"):
        registry.bindings({"nope": ["X"]})


def test_a_window_key_clashes_with_a_table_key_but_table_keys_may_differ_elsewhere() -> None:
    registry = _registry()
    bound = registry.bindings({"help.keys": ["J"]})
    assert [c.key for c in registry.clashes(bound)] == ["J"]


def test_declaring_a_command_twice_is_an_error() -> None:
    registry = _registry()
    with pytest.raises(ValueError, match="declared twice"):
        registry.register(Command("edit.undo", "Undo", "Edit", _noop))


def test_cheat_sheet_lists_every_bound_command_by_category() -> None:
    registry = _registry()
    sheet = dict(registry.cheat_sheet(registry.bindings()))
    assert sheet["General"] == [("Command palette…", ("Ctrl+K", "Ctrl+Shift+P"))]
    assert ("Next row", ("J",)) in sheet["Tables"]
    assert sheet["Help"] == [("Keyboard shortcuts", ("F1", "?"))]
