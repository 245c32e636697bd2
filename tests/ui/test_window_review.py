"""The Review view in the window, by keyboard: list, Enter opens the split view, approve, back.

The demo firm's documents arrive extracted, some needing review; the window
is attached to its account as the program does it, so the split view knows
who is reviewing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.sync_controller import SyncController
from tests.ui.desktop_fixture import Desktop

CTRL = Qt.KeyboardModifier.ControlModifier


def _attached(desktop: Desktop) -> None:
    window = desktop.window
    window.attach_sync(SyncController(desktop.account, window))


@pytest.fixture
def current_loop(desktop: Desktop) -> Iterator[None]:
    """In the program the window runs on qasync's loop, the thread's current one; here the
    desktop's own loop stands in (the page fetch is scheduled on it), for this test only."""
    asyncio.set_event_loop(desktop.loop)
    yield
    asyncio.set_event_loop(None)


@pytest.mark.usefixtures("current_loop")
def test_enter_reviews_ctrl_enter_approves_and_opens_the_next_back_returns(
    qtbot: QtBot, desktop: Desktop
) -> None:
    _attached(desktop)
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.current_view_name() == "review"
    listing = window.record_views["review"]
    assert listing.model.rowCount() >= 2, "the demo firm has documents to review"
    table = listing.table
    assert QApplication.focusWidget() is table
    first = table.current_record_id()
    window.details_dock.show()

    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.review_view
    assert view is not None and window.review.showing_document
    # The split view has the fields itself and needs the width: the Details dock steps aside.
    assert not window.details_dock.isVisible()
    assert view.document_id == first
    assert view.fields.isAncestorOf(QApplication.focusWidget()) or (
        QApplication.focusWidget() is view.fields
    )
    extraction_id = view.extraction_id
    assert extraction_id is not None

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    approved = desktop.account.store.get("extraction", extraction_id)
    assert approved is not None and approved["approved"] is True
    assert window.review.showing_document
    assert view.document_id != first  # the next one of the list
    assert view.document_id == table.current_record_id()

    window.undo()  # the approval is one undo step
    assert desktop.account.store.get("extraction", extraction_id)["approved"] is False

    # Backspace belongs to the value being typed there; Alt+Left (Go > Back) returns.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert not window.review.showing_document
    assert QApplication.focusWidget() is table
    assert window.details_dock.isVisible()  # back as it was

    # Leaving the view from the split view brings the dock back too, and returning hides it.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.review.showing_document and not window.details_dock.isVisible()
    window.show_view("clients")
    assert window.details_dock.isVisible()
    window.show_view("review")
    assert window.review.showing_document and not window.details_dock.isVisible()


@pytest.mark.usefixtures("current_loop")
def test_a_dock_closed_before_the_review_stays_closed_after(qtbot: QtBot, desktop: Desktop) -> None:
    _attached(desktop)
    window = desktop.window
    window.show_view("review")
    window.details_dock.hide()
    qtbot.keyClick(window.record_views["review"].table, Qt.Key.Key_Return)
    assert window.review.showing_document
    window.actions.action("nav.back").trigger()
    assert not window.details_dock.isVisible()
