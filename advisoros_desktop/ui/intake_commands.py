"""The Intake view's own commands: pause, cancel and retry the files chosen in the queue.

Declared once here and registered by ``window_commands`` with the rest, so
they appear in the palette and the cheat sheet with their keys and can be
rebound. Their keys (Space, Delete, R) mean other things in the record
tables, so they live in their own shortcut context, ``intake``: active only
while the upload queue table has focus.

Handlers receive the main window (or, before the window adopts them, the
Intake view itself) and act on the Intake view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisoros_desktop.commands.registry import Command

if TYPE_CHECKING:
    from advisoros_desktop.ui.intake_view import IntakeView

INTAKE_CONTEXT = "intake"


def intake_view_of(target: Any) -> IntakeView:
    """The Intake view, given the main window or the view itself."""
    from advisoros_desktop.ui.intake_view import IntakeView

    if isinstance(target, IntakeView):
        return target
    view = target.views["intake"]
    assert isinstance(view, IntakeView)
    return view


def _intake_ready(target: Any) -> bool:
    """The queue is on screen (or the view is asked directly) and intake is running."""
    view = intake_view_of(target)
    if view is not target and target.current_view_name() != "intake":
        return False
    return view.controller is not None


INTAKE_COMMANDS: tuple[Command, ...] = (
    Command(
        "intake.pause_resume",
        "Pause or resume the selected uploads",
        "Intake",
        lambda w: intake_view_of(w).pause_or_resume_selected(),
        ("Space", "P"),
        INTAKE_CONTEXT,
        enabled_when=_intake_ready,
    ),
    Command(
        "intake.cancel",
        "Cancel the selected uploads",
        "Intake",
        lambda w: intake_view_of(w).cancel_selected(),
        ("Del",),
        INTAKE_CONTEXT,
        enabled_when=_intake_ready,
    ),
    Command(
        "intake.retry",
        "Retry the selected uploads",
        "Intake",
        lambda w: intake_view_of(w).retry_selected(),
        ("R",),
        INTAKE_CONTEXT,
        enabled_when=_intake_ready,
    ),
    Command(
        "intake.retry_all_failed",
        "Retry all failed uploads",
        "Intake",
        lambda w: intake_view_of(w).retry_all_failed(),
        ("Ctrl+R",),
        INTAKE_CONTEXT,
        enabled_when=_intake_ready,
    ),
)
