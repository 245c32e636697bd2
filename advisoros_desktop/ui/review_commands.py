"""The Review view's own commands: move between fields, accept, revert, approve, zoom.

Declared once here so they appear in the palette and the cheat sheet with
their keys and can be rebound; the window registers them with the rest.
Their keys (Tab, Enter, Esc, N) mean other things elsewhere, so they live in
their own shortcut context, ``review``: active only while the review view
(its field list) has focus. N is a single key: it never fires while the
reviewer is typing a value, so a value starting with N is typed after F2.

Handlers receive the main window (or, before the window adopts them, the
review view itself) and act on the review view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisoros_desktop.commands.registry import Command

if TYPE_CHECKING:
    from advisoros_desktop.ui.review_view import ReviewView

REVIEW_CONTEXT = "review"


def review_view_of(target: Any) -> ReviewView:
    """The review view, given the main window (its ``review_view``) or the view itself."""
    from advisoros_desktop.ui.review_view import ReviewView

    if isinstance(target, ReviewView):
        return target
    view = target.review_view
    assert isinstance(view, ReviewView)
    return view


def _reviewing(target: Any) -> bool:
    """A document is open in the review view, and the view is on screen."""
    try:
        view = review_view_of(target)
    except (AttributeError, AssertionError):
        return False
    return view.extraction_id is not None and view.isVisible()


def _command(cid: str, title: str, method: str, keys: tuple[str, ...]) -> Command:
    return Command(
        f"review.{cid}",
        title,
        "Review",
        lambda target: getattr(review_view_of(target), method)(),
        keys,
        REVIEW_CONTEXT,
        enabled_when=_reviewing,
    )


REVIEW_COMMANDS: tuple[Command, ...] = (
    _command("next_field", "Next field", "next_field", ("Tab",)),
    _command("previous_field", "Previous field", "previous_field", ("Shift+Tab",)),
    _command("accept_field", "Accept or save the field", "accept_field", ("Return", "Enter")),
    _command("revert_field", "Put back the field's value", "revert_field", ("Esc",)),
    _command(
        "approve",
        "Approve the document and open the next",
        "approve",
        ("Ctrl+Return", "Ctrl+Enter"),
    ),
    _command("next_attention", "Next field that needs a look", "next_attention", ("N",)),
    _command("zoom_in", "Zoom in on the page", "zoom_in", ("Ctrl++", "Ctrl+=")),
    _command("zoom_out", "Zoom out of the page", "zoom_out", ("Ctrl+-",)),
    _command("fit_width", "Fit the page to the width", "fit_width", ("Ctrl+0",)),
    _command("next_page", "Next page of the document", "next_page", ("Ctrl+PgDown",)),
    _command("previous_page", "Previous page of the document", "previous_page", ("Ctrl+PgUp",)),
)
REVIEW_COMMAND_IDS = tuple(command.id for command in REVIEW_COMMANDS)
