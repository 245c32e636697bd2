"""The base of every undoable change to the store: failure is reported, never raised.

``QUndoStack.push`` calls ``redo()`` from C++, and so do Ctrl+Z and
Ctrl+Shift+Z: an exception there reaches no caller, and the stack would list
a change that never happened. So a step that did not happen at all marks the
command obsolete (the stack drops it: pushed, it is never added; undone or
redone, it is removed), sets ``dropped`` and leaves the reason in ``error``.
A step that happened for some records and not others stays on the stack,
with ``error`` None and the others in ``refused`` ({id: why}). Either way
``on_failure(command)`` is called, for the window to show ``message()``; the
UI may as well read the attributes after ``stack.push(command)``.

A command that would change nothing (every value is already there) is
dropped too, without an error: it is not worth an undo step.

The command's Python attributes outlive the C++ object Qt deletes when it
drops a command, so ``title``, ``dropped``, ``error`` and ``refused`` may be
read afterwards, and so may ``text()``, which answers from ``title`` here.
Nothing else of QUndoCommand may be called on a dropped command.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from advisoros_desktop.store.local_store import EditRefused

log = logging.getLogger(__name__)


class StoreCommand(QUndoCommand):
    """An undoable change to the local store; subclasses write ``apply`` and ``revert``."""

    def __init__(
        self, title: str, on_failure: Callable[[StoreCommand], None] | None = None
    ) -> None:
        super().__init__(title)
        self.title = title
        # The last step's failure: None, or a sentence for the user.
        self.error: str | None = None
        # The last step's records that refused it: {record id: why}.
        self.refused: dict[str, str] = {}
        # "do", "undo" or "redo": which step ``error`` or ``refused`` is about.
        self.failed_step: str | None = None
        # True once the stack has dropped the command (see the module docstring).
        self.dropped = False
        # A sentence summing up ``refused``, when some records refused the last step.
        self.refusal: str | None = None
        self._on_failure = on_failure
        self._steps = 0
        self._running: str | None = None

    def text(self) -> str:
        """The History panel's text, still readable after the stack dropped the command."""
        return self.title

    def set_title(self, title: str) -> None:
        self.title = title
        self.setText(title)

    def apply(self) -> None:
        """Make the change. Raise ``EditRefused`` when nothing of it could be made."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take the change back. Raise ``EditRefused`` when nothing of it could be."""
        raise NotImplementedError

    @property
    def first_step(self) -> bool:
        """True while the step running is the first ``redo``: the one ``push`` makes."""
        return self._running == "do"

    def redo(self) -> None:
        self._steps += 1
        self._run(self.apply, "do" if self._steps == 1 else "redo")

    def undo(self) -> None:
        self._run(self.revert, "undo")

    def partly_refused(self, refused: dict[str, str], summary: str) -> None:
        """Called by ``apply``/``revert`` when some records refused: the step stands."""
        self.refused, self.refusal = refused, summary

    def drop(self) -> None:
        """Have the stack drop this command (it changed nothing, or could not)."""
        self.dropped = True
        self.setObsolete(True)

    def message(self) -> str | None:
        """The last step's failure as the status bar says it, or None."""
        reason = self.error or self.refusal
        if reason is None:
            return None
        action = {"undo": "Undo of", "redo": "Redo of"}.get(self.failed_step or "", "")
        subject = f"{action} “{self.title}”" if action else f"“{self.title}”"
        return f"{subject}: {reason}"

    def _run(self, step: Callable[[], None], name: str) -> None:
        self.error, self.refused, self.refusal, self.failed_step = None, {}, None, None
        self._running = name
        try:
            step()
        except EditRefused as refused:
            self.error = str(refused)
            self.drop()
        except Exception as err:  # it must not reach Qt: see the module docstring
            log.exception("%s of %r failed", name, self.title)
            self.error = f"The change could not be saved ({err})."
            self.drop()
        self._running = None
        if self.error is not None or self.refused:
            self.failed_step = name
            if self._on_failure is not None:
                try:
                    self._on_failure(self)
                except Exception:  # the window's handler must not break the stack either
                    log.exception("reporting the failure of %r failed", self.title)
