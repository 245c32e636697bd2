"""The command registry: each action declared once, with its id, title and keys.

Menus, the toolbar, context menus, keyboard shortcuts, the command palette and
the cheat sheet are all built from these entries, so a command shows the same
shortcut everywhere and a key cannot be bound twice without it being noticed.
Titles are English source texts; the UI passes them through Qt's translation
(context ``Commands``), which is why nothing here imports Qt.

Key bindings are data: a default per command, overridden by the user's
settings, checked for clashes per context. A binding without Ctrl, Alt or Meta
on a key that types or edits text (``J``, ``/``, ``?``, ``Del``) is a
*single-key* binding: the UI never fires those while a text field has focus.
Keys are spelt the way Qt's QKeySequence prints them (``PgDown``, ``Del``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Where a binding applies. "window" bindings work everywhere in the main window;
# "table" ones only while a table has focus (so J/K can mean different things
# elsewhere); "intake" ones while the Intake view's queue or triage list has focus;
# "review" ones while the review view's field list has focus (Tab, Enter, N).
# A window binding clashes with any other binding on the same key.
CONTEXTS = ("window", "table", "intake", "review")
MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")

Handler = Callable[[Any], None]
Predicate = Callable[[Any], bool]


def _always(_context: Any) -> bool:
    return True


@dataclass(frozen=True)
class Command:
    id: str
    title: str
    category: str
    handler: Handler
    shortcuts: tuple[str, ...] = ()
    context: str = "window"
    enabled_when: Predicate = field(default=_always)
    # Shown in the palette; False for commands that only make sense from a key.
    in_palette: bool = True


@dataclass(frozen=True)
class Clash:
    key: str
    command_ids: tuple[str, ...]

    def message(self, titles: Mapping[str, str], key_text: str | None = None) -> str:
        """``Ctrl+E is bound to both “Edit cell” and “Export”.`` (key_text: as displayed)."""
        names = " and ".join(f"“{titles[c]}”" for c in self.command_ids)
        return f"{key_text or self.key} is bound to both {names}."


# Qt's portable names for the named keys (what QKeySequence parses and prints),
# looked up by the lower-case spellings people write: "Delete" and "Del" must be
# one key, or a clash between them would go unnoticed.
# fmt: off
_QT_KEY_NAMES = (
    "Space", "Esc", "Tab", "Backtab", "Backspace", "Return", "Enter", "Ins", "Del", "Pause",
    "Print", "SysReq", "Home", "End", "Left", "Up", "Right", "Down", "PgUp", "PgDown", "Menu",
    "Help", "Back", "Forward", "Refresh",
)
# fmt: on
NAMED_KEYS: dict[str, str] = {
    **{name.lower(): name for name in _QT_KEY_NAMES},
    **{f"f{n}": f"F{n}" for n in range(1, 36)},
    "escape": "Esc",
    "insert": "Ins",
    "delete": "Del",
    "pageup": "PgUp",
    "pgdn": "PgDown",
    "pagedown": "PgDown",
}
# Named keys a text field uses for typing or moving its cursor. F-keys and Esc are
# not among them, so F1 still opens help from inside a filter box.
# fmt: off
TEXT_EDITING_KEYS = frozenset((
    "Space", "Tab", "Backtab", "Backspace", "Return", "Enter", "Ins", "Del", "Home", "End",
    "Left", "Up", "Right", "Down", "PgUp", "PgDown",
))
# fmt: on


# Symbols typed with Shift on a US keyboard: "Shift+?" can only mean "?", and Qt
# matches that keystroke against the bare symbol, so the Shift is dropped. Other
# symbols keep a written Shift ("Shift+/" stays), since it may mean that chord.
_SHIFTED_SYMBOLS = frozenset('~!@#$%^&*()_+{}|:"<>?')


def _split(sequence: str) -> tuple[set[str], str]:
    """Modifiers and key as written; the "+" key itself is the one key containing "+"."""
    compact = sequence.replace(" ", "")
    if compact == "+" or compact.endswith("++"):
        return {p.capitalize() for p in compact[:-2].split("+") if p}, "+"
    *modifiers, key = compact.split("+")
    if not key or "" in modifiers:
        raise ValueError(f"'{sequence}' is not a key sequence")
    return {m.capitalize() for m in modifiers}, key


def normalize_key(sequence: str) -> str:
    """``ctrl+shift+z`` → ``Ctrl+Shift+Z``: one spelling per key, so clashes are found.

    The result is Qt's portable text (``QKeySequence(s).toString()`` gives it back).
    Shift is dropped before a symbol that needs it anyway (``Shift+?`` → ``?``): Qt
    matches Shift+/ against ``?``, so a ``Shift+?`` binding would never fire.
    """
    modifiers, key = _split(sequence)
    unknown = modifiers - set(MODIFIERS)
    if unknown:
        raise ValueError(f"'{sequence}': unknown modifier {', '.join(sorted(unknown))}")
    if len(key) == 1:
        key = key.upper() if len(key.upper()) == 1 else key
        if key in _SHIFTED_SYMBOLS:
            modifiers.discard("Shift")
    elif key.lower() in NAMED_KEYS:
        key = NAMED_KEYS[key.lower()]
    else:
        raise ValueError(f"'{sequence}': unknown key {key}")
    return "+".join([*(m for m in MODIFIERS if m in modifiers), key])


def is_single_key(sequence: str) -> bool:
    """True for bindings a text field takes as typing: no Ctrl, Alt or Meta, and a
    character or an editing key. Shift alone still types text; F1 and Esc never do."""
    modifiers, key = _split(normalize_key(sequence))
    if modifiers & {"Ctrl", "Alt", "Meta"}:
        return False
    return len(key) == 1 or key in TEXT_EDITING_KEYS


class CommandRegistry:
    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}

    def register(self, command: Command) -> Command:
        if command.id in self._commands:
            raise ValueError(f"command '{command.id}' is declared twice")
        if command.context not in CONTEXTS:
            raise ValueError(f"command '{command.id}': unknown context '{command.context}'")
        for key in command.shortcuts:
            normalize_key(key)  # refuse a misspelt default at declaration time
        self._commands[command.id] = command
        return command

    def get(self, command_id: str) -> Command:
        return self._commands[command_id]

    def __iter__(self) -> Any:
        return iter(self._commands.values())

    def __len__(self) -> int:
        return len(self._commands)

    def bindings(
        self, overrides: Mapping[str, Iterable[str]] | None = None
    ) -> dict[str, tuple[str, ...]]:
        """Each command's keys: the user's override where there is one, else the default."""
        overrides = overrides or {}
        unknown = set(overrides) - set(self._commands)
        if unknown:
            raise ValueError(f"shortcuts for unknown commands: {', '.join(sorted(unknown))}")
        return {
            cid: tuple(normalize_key(k) for k in overrides.get(cid, command.shortcuts))
            for cid, command in self._commands.items()
        }

    def clashes(self, bindings: Mapping[str, Iterable[str]]) -> list[Clash]:
        """Keys bound to more than one command where both could fire."""
        by_key: dict[str, list[str]] = {}
        for cid, keys in bindings.items():
            for key in keys:
                by_key.setdefault(normalize_key(key), []).append(cid)
        clashes = []
        for key, ids in sorted(by_key.items()):
            contexts = {self._commands[c].context for c in ids}
            # Two table-only bindings clash too; window vs table clash as well.
            if len(ids) > 1 and (len(contexts) == 1 or "window" in contexts):
                clashes.append(Clash(key, tuple(sorted(ids))))
        return clashes

    def titles(self) -> dict[str, str]:
        return {cid: c.title for cid, c in self._commands.items()}

    def cheat_sheet(
        self, bindings: Mapping[str, Iterable[str]]
    ) -> list[tuple[str, list[tuple[str, tuple[str, ...]]]]]:
        """(category, [(title, keys)]) for every command that has a key, in category order."""
        sections: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for command in self._commands.values():
            keys = tuple(bindings.get(command.id, ()))
            if keys:
                sections.setdefault(command.category, []).append((command.title, keys))
        return [(category, rows) for category, rows in sections.items()]
