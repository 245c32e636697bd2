"""The user's key bindings: stored overrides, the start-up check, and the text-field guard.

Bindings are data (see ``commands/registry.py``): each command's default keys,
replaced by whatever the user chose in the shortcut settings. Only the
differences from the defaults are stored, in QSettings group ``shortcuts``
(command id → list of keys; an empty list means "no shortcut"), so a changed
default reaches everyone who never touched that command.

A bad stored binding must never stop the app from starting: a key that cannot
be read, or one that clashes with another command, is set aside, the command
keeps its default, and the user is told why in plain words. Overrides for
commands this version does not have are left in the settings untouched (another
version of the app may still use them) and only logged.

``SingleKeyGuard`` keeps single-key shortcuts (J, /, ?, Del) from firing while
the user is typing: in a text field those keys are text.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from advisoros_desktop.commands.registry import (
    Clash,
    CommandRegistry,
    is_single_key,
    normalize_key,
)

log = logging.getLogger(__name__)

SETTINGS_GROUP = "shortcuts"
Bindings = dict[str, tuple[str, ...]]


def display_key(key: str) -> str:
    """A key as this platform shows it in menus (``Ctrl+Shift+Z``, ``⇧⌘Z`` on a Mac)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def display_keys(keys: Iterable[str]) -> str:
    """Several keys for one command, or "no shortcut"."""
    shown = [display_key(k) for k in keys]
    return ", ".join(shown) if shown else QCoreApplication.translate("KeyBindings", "no shortcut")


def translated_titles(registry: CommandRegistry) -> dict[str, str]:
    """Each command's title in the language spoken (context ``Commands``)."""
    return {cid: QCoreApplication.translate("Commands", t) for cid, t in registry.titles().items()}


def clash_text(clash: Clash, titles: Mapping[str, str]) -> str:
    """``Ctrl+E is bound to both “Edit cell” and “Export”.``, in the language spoken
    (``Clash.message`` says the same in English, for the logs and the tests below ui/)."""
    names = [f"“{titles[c]}”" for c in clash.command_ids]
    joined = names[0]
    for name in names[1:]:
        joined = QCoreApplication.translate("KeyBindings", "{first} and {second}").format(
            first=joined, second=name
        )
    return QCoreApplication.translate("KeyBindings", "{key} is bound to both {names}.").format(
        key=display_key(clash.key), names=joined
    )


def load_overrides(settings: QSettings) -> dict[str, list[str]]:
    """The stored overrides as written, unchecked: command id → keys."""
    settings.beginGroup(SETTINGS_GROUP)
    try:
        overrides = {}
        for command_id in settings.childKeys():
            value = settings.value(command_id)
            # An INI file gives back a one-key list as a plain string and an empty
            # list as None; a hand-edited file may hold anything.
            if value is None:
                keys: list[str] = []
            elif isinstance(value, str):
                keys = [value]
            elif isinstance(value, list):
                keys = [str(k) for k in value]
            else:
                keys = [str(value)]
            overrides[command_id] = [k for k in keys if k.strip()]
        return overrides
    finally:
        settings.endGroup()


def save_overrides(
    settings: QSettings, registry: CommandRegistry, bindings: Mapping[str, Iterable[str]]
) -> None:
    """Store what differs from the defaults; a command back at its default loses its entry."""
    defaults = registry.bindings()
    settings.beginGroup(SETTINGS_GROUP)
    try:
        for command_id, default in defaults.items():
            keys = tuple(dict.fromkeys(normalize_key(k) for k in bindings.get(command_id, default)))
            if keys == default:
                settings.remove(command_id)
            else:
                settings.setValue(command_id, list(keys))
    finally:
        settings.endGroup()
    settings.sync()


class EffectiveBindings(NamedTuple):
    """The keys each command answers to, and what the user should hear about them."""

    bindings: Bindings
    problems: list[str]


def effective_bindings(registry: CommandRegistry, settings: QSettings) -> EffectiveBindings:
    """Defaults with the user's overrides applied, minus any override that cannot work."""
    defaults = registry.bindings()
    titles = translated_titles(registry)
    bindings = dict(defaults)
    problems: list[str] = []
    overridden: set[str] = set()
    for command_id, raw_keys in load_overrides(settings).items():
        if command_id not in defaults:
            log.info("ignoring stored shortcut for unknown command %r", command_id)
            continue
        title = titles[command_id]
        try:
            keys = tuple(dict.fromkeys(normalize_key(k) for k in raw_keys))
        except ValueError as error:
            problems.append(
                QCoreApplication.translate(
                    "KeyBindings",
                    "Your shortcut for “{title}” could not be read ({problem}). "
                    "“{title}” keeps {keys}.",
                ).format(title=title, problem=error, keys=display_keys(defaults[command_id]))
            )
            continue
        bindings[command_id] = keys
        overridden.add(command_id)

    # Undo the user's clashing overrides until none is left; restoring one may
    # clash with another override (two swapped keys), hence the loop.
    while True:
        clashes = [c for c in registry.clashes(bindings) if overridden & set(c.command_ids)]
        if not clashes:
            break
        for clash in clashes:
            message = clash_text(clash, titles)
            for command_id in sorted(overridden & set(clash.command_ids)):
                bindings[command_id] = defaults[command_id]
                overridden.discard(command_id)
                not_applied = QCoreApplication.translate(
                    "KeyBindings",
                    "Your shortcut for “{title}” was not applied; it keeps {keys}. "
                    "You can change it in File ▸ Customize keyboard shortcuts…",
                ).format(title=titles[command_id], keys=display_keys(defaults[command_id]))
                problems.append(f"{message} {not_applied}")
    for clash in registry.clashes(bindings):  # only defaults are left: a bug in the app
        problems.append(clash_text(clash, titles))
    return EffectiveBindings(bindings, problems)


def is_text_input(widget: QWidget | None) -> bool:
    """True while ``widget`` (the focus widget) takes typed text."""
    current = widget
    while current is not None:
        if isinstance(current, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
            return not current.isReadOnly()
        if isinstance(current, QComboBox) and current.isEditable():
            return True  # a plain drop-down is no text field, but it may be a cell editor
        if isinstance(current, QKeySequenceEdit):
            return True
        if isinstance(current, QAbstractItemView):
            # Focus inside a view (not on it) belongs to an open item editor.
            editing = current.state() == QAbstractItemView.State.EditingState
            return editing and current is not widget
        if current.isWindow():
            return False
        current = current.parentWidget()
    return False


_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}
_IGNORED_MODIFIERS = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier


def types_into_text(event: QKeyEvent) -> bool:
    """True for a keystroke a single-key binding would take (no Ctrl, Alt or Meta)."""
    key = Qt.Key(event.key())
    if key in _MODIFIER_KEYS or key in (Qt.Key.Key_unknown, 0):
        return False
    modifiers = event.modifiers() & ~_IGNORED_MODIFIERS
    text = QKeySequence(QKeyCombination(modifiers, key)).toString(
        QKeySequence.SequenceFormat.PortableText
    )
    try:
        return is_single_key(text)
    except ValueError:  # a key bindings cannot name (media keys and the like)
        return False


class SingleKeyGuard(QObject):
    """Event filter on the focus widget: while a text field has focus, single keys are text.

    Qt asks the focus widget first (a ShortcutOverride event) whether it wants a key
    before any shortcut may fire; accepting it hands the key to the widget. Qt's own
    fields already claim printable characters, but not Down, PgDown or Return, and
    not inside custom item editors, so the guard decides for all of them alike.

    ``follow_focus(app)`` keeps it on whichever widget has the focus. It is not an
    application-wide filter: that would bring every event of every object (each
    paint, each timer tick) into Python, and each of those waits for Python's lock
    while a sync or an upload keeps other threads busy.
    """

    _following: QApplication | None = None

    def follow_focus(self, app: QApplication) -> None:
        """Watch the focus widget of ``app`` from now on (and the one focused now)."""
        if self._following is not None:
            return
        self._following = app
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def stop_following(self) -> None:
        app, self._following = self._following, None
        if app is not None:
            app.focusChanged.disconnect(self._focus_changed)
            self._focus_changed(app.focusWidget(), None)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        with contextlib.suppress(RuntimeError):  # a widget going away takes its filters along
            if old is not None:
                old.removeEventFilter(self)
        if new is not None:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        assert isinstance(event, QKeyEvent)
        if is_text_input(QApplication.focusWidget()) and types_into_text(event):
            event.accept()
            return True
        return False
