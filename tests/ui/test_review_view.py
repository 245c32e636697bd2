"""The review view over a real cache synced from a real server, driven by keys only.

Corpus tests skip when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.document_content import DocumentContent, checksum_of
from advisoros_desktop.ui.review_view import NOT_HERE_YET, ReviewView, signed_in_user_id
from tests.ui.review_desk import (
    CHECK_MESSAGE,
    CHECKED_KEY,
    UNSURE_KEY,
    Desk,
    ReviewServer,
    desk,
    review_server,
)

__all__ = ["desk", "review_server"]  # fixtures


def make_view(qtbot: QtBot, desk: Desk, user_id: str, *, online: bool = True) -> ReviewView:
    view = ReviewView(
        desk.account.store,
        QUndoStack(),
        user_id,
        DocumentContent(desk.data_dir),
        desk.account.api if online else None,
        schedule=desk.run,
    )
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def typed(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def field(desk: Desk, extraction_id: str, key: str) -> dict[str, Any]:
    row = desk.account.store.get("extraction", extraction_id)
    assert row is not None
    [found] = [f for f in row["fields"] if f["key"] == key]
    return dict(found)


def test_a_w2_is_reviewed_by_keyboard_offline_then_synced(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    store = desk.account.store
    user_id = signed_in_user_id(store, review_server.account.email) or review_server.account.user_id
    assert user_id == review_server.account.user_id
    view = make_view(qtbot, desk, user_id)
    assert view.open_document(review_server.document_id)
    fields = view.fields
    # The first field that needs a look is current; the page is drawn with its box.
    assert fields.current == UNSURE_KEY
    qtbot.waitUntil(lambda: view.preview.box_rect(UNSURE_KEY) is not None, timeout=10_000)
    assert "⚑" in fields.rows[UNSURE_KEY].label.text()
    assert CHECK_MESSAGE in fields.rows[CHECKED_KEY].warnings.text()
    assert fields.rows[CHECKED_KEY].warnings.isVisibleTo(view)

    # Tab and Shift+Tab move between fields; the preview follows.
    press(qtbot, Qt.Key.Key_Tab)
    assert fields.current == "federalIncomeTaxWithheld"
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert fields.current == UNSURE_KEY
    assert view.preview._current == UNSURE_KEY

    # A bad amount is refused beside the field, and nothing is written.
    typed(qtbot, "22,3x1.06")
    press(qtbot, Qt.Key.Key_Return)
    row = fields.rows[UNSURE_KEY]
    assert row.error.isVisibleTo(view)
    assert "amount" in row.error.text()
    assert fields.current == UNSURE_KEY
    assert field(desk, review_server.extraction_id, UNSURE_KEY)["value"] == "22321.06"
    assert store.pending_count() == 0

    # Esc puts the value back; typing replaces it; Enter saves and moves on.
    press(qtbot, Qt.Key.Key_Escape)
    assert row.editor.text() == "22321.06" and not row.error.isVisibleTo(view)
    typed(qtbot, "$22,321.60")
    press(qtbot, Qt.Key.Key_Return)
    corrected = field(desk, review_server.extraction_id, UNSURE_KEY)
    assert corrected["value"] == "22321.60"
    assert corrected["machineValue"] == "22321.06"
    assert corrected["source"] == "user"
    assert corrected["confirmedBy"] == user_id and corrected["confirmedAt"]
    assert row.editor.text() == "22321.60" and not row.editor.font().italic()
    assert "✓" in row.source.text()
    assert fields.current == "federalIncomeTaxWithheld"

    # Enter accepts a value as read: confirmed, not changed.
    press(qtbot, Qt.Key.Key_Return)
    accepted = field(desk, review_server.extraction_id, "federalIncomeTaxWithheld")
    assert accepted["value"] == "1845.11" and accepted["confirmedBy"] == user_id
    assert "machineValue" not in accepted and accepted["source"] == "acroform"

    # N jumps to the next field that needs a look (the one a check names).
    press(qtbot, Qt.Key.Key_N)
    assert fields.current == CHECKED_KEY
    assert row.editor.text() == "22321.60"  # N was a command, not typing
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_N)
    assert view.status.text() == "Every field has been looked at."

    # Ctrl+Enter approves and asks for the next document.
    with qtbot.waitSignal(view.next_requested, timeout=2000):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    extraction = store.get("extraction", review_server.extraction_id)
    assert extraction is not None and extraction["approved"] is True

    # The outbox holds the review; undo takes it back step by step.
    outbox = [e for e in store.outbox_entries() if e.entity == "extraction"]
    assert outbox
    stack = view.undo_stack
    assert stack.count() == 4
    while stack.canUndo():
        stack.undo()
    restored = store.get("extraction", review_server.extraction_id)
    assert restored is not None and restored["approved"] is False
    original = field(desk, review_server.extraction_id, UNSURE_KEY)
    assert original["value"] == "22321.06" and "machineValue" not in original
    assert "confirmedBy" not in original
    assert store.pending_count() == 0
    # The view hears of the undo from the store, as of any change.
    qtbot.waitUntil(lambda: fields.rows[UNSURE_KEY].editor.text() == "22321.06")
    while stack.canRedo():
        stack.redo()
    assert field(desk, review_server.extraction_id, UNSURE_KEY)["value"] == "22321.60"

    # The server gets the review at the next sync.
    desk.sync()
    assert store.pending_count() == 0
    server_row = review_server.account.http.get("/changes", params={"limit": 1000}).json()
    [record] = [i["data"] for i in server_row["items"] if i["id"] == review_server.extraction_id]
    assert record["approved"] is True
    on_server = {f["key"]: f for f in record["fields"]}
    assert on_server[UNSURE_KEY]["value"] == "22321.60"
    assert on_server[UNSURE_KEY]["machineValue"] == "22321.06"
    assert on_server["federalIncomeTaxWithheld"]["confirmedBy"] == user_id


def test_clicking_a_box_selects_its_field_and_zoom_keys_work(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    view = make_view(qtbot, desk, review_server.account.user_id)
    view.open_document(review_server.document_id)
    preview = view.preview
    qtbot.waitUntil(lambda: preview.box_rect("employerEin") is not None, timeout=10_000)
    fitted = preview.zoom
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == pytest.approx(fitted * 1.25)
    press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == pytest.approx(fitted / 1.25)
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == pytest.approx(fitted) and preview.fitting_width
    box = preview.box_rect("employerEin")
    assert box is not None
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert view.fields.current == "employerEin"
    # The bytes were fetched once and kept, verified, for the next time.
    assert (
        DocumentContent(desk.data_dir).read(checksum_of(review_server.data)) == review_server.data
    )


def test_without_the_file_the_fields_can_still_be_reviewed(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    view = make_view(qtbot, desk, review_server.account.user_id, online=False)
    view.open_document(review_server.document_id)
    assert view.page_note.isVisibleTo(view)
    assert view.page_note.text() == NOT_HERE_YET
    press(qtbot, Qt.Key.Key_Return)  # accepts the first field needing a look
    assert field(desk, review_server.extraction_id, UNSURE_KEY)["confirmedBy"]
    assert desk.account.store.pending_count() == 1


def test_pages_turn_by_keyboard_and_a_field_brings_its_page_back(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    view = make_view(qtbot, desk, review_server.account.user_id)
    view.open_document(review_server.document_id)
    preview = view.preview
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=10_000)
    assert preview.page_count > 1, "the IRS's fillable W-2 has a page per copy"
    assert view.page_label.isVisibleTo(view)
    assert view.page_label.text().startswith(f"Page 1 of {preview.page_count}")
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.page_label.text().startswith("Page 2 of"), timeout=10_000)
    assert preview.current_page() == 2
    assert preview.box_rect(UNSURE_KEY) is None  # its box is on page 1
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # stays on the first
    qtbot.waitUntil(lambda: view.page_label.text().startswith("Page 1 of"), timeout=10_000)
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: preview.current_page() == 2)
    press(qtbot, Qt.Key.Key_Tab)  # the next field is on page 1: the page follows it
    qtbot.waitUntil(lambda: preview.box_rect(view.fields.current or "") is not None)
    assert preview.current_page() == 1


def test_long_labels_wrap_inside_a_narrow_pane_and_strangers_are_named_plainly(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    view = make_view(qtbot, desk, review_server.account.user_id)
    view.open_document(review_server.document_id)
    view.splitter.setSizes([1100, 180])  # as narrow as the fields' pane goes
    fields = view.fields
    longest = max(fields.rows.values(), key=lambda r: len(r.label.text()))
    label = longest.label

    def wrapped_height() -> int:
        space = QRect(0, 0, label.contentsRect().width(), 10_000)
        flags = Qt.TextFlag.TextWordWrap
        return label.fontMetrics().boundingRect(space, flags, label.text()).height()

    # Laid out, the whole label shows, on as many lines as it needs at the pane's width.
    qtbot.waitUntil(lambda: label.width() > 100 and label.height() >= wrapped_height())
    assert label.fontMetrics().horizontalAdvance(label.text()) > label.width()  # it had to wrap
    assert fields.widget().width() <= fields.viewport().width()
    assert fields.horizontalScrollBar().maximum() == 0  # nothing runs past the pane's edge

    stranger = "0190ffff-0000-7000-8000-00000000beef"
    key = fields.order[0]
    confirmed = {**fields.fields[key], "confirmedBy": stranger, "confirmedAt": "2026-03-01T10:00Z"}
    fields.set_fields([confirmed], [], view.who)
    tip = fields.rows[key].source.toolTip()
    assert "Confirmed by a colleague" in tip and stranger not in tip


def test_the_firms_review_threshold_decides_the_flags_online_and_offline(
    qtbot: QtBot, review_server: ReviewServer, desk: Desk
) -> None:
    settings = review_server.account.http
    view = make_view(qtbot, desk, review_server.account.user_id)
    view.open_document(review_server.document_id)
    fields = view.fields
    assert fields.threshold == 0.9  # the default

    def unconfirmed(shown: ReviewView) -> int:
        return sum(1 for f in shown.fields.fields.values() if not f.get("confirmedBy"))

    before = fields.pending_count()
    assert settings.patch("/settings", json={"reviewThreshold": 1.0}).status_code == 200
    try:
        view.open_document(review_server.document_id)  # asks the server again, in the background
        qtbot.waitUntil(lambda: fields.threshold == 1.0, timeout=10_000)
        # No field was read at 100 %: every one not yet confirmed now asks for a look.
        assert fields.pending_count() == unconfirmed(view) > before
        flagged = [row for key, row in fields.rows.items() if fields.attention[key]]
        assert flagged and all("⚑" in row.label.text() for row in flagged)

        # Kept on this computer: a review offline flags the same fields.
        offline = make_view(qtbot, desk, review_server.account.user_id, online=False)
        offline.open_document(review_server.document_id)
        assert offline.fields.threshold == 1.0
        assert offline.fields.pending_count() == unconfirmed(offline)
    finally:  # the server is shared by this module's tests
        settings.patch("/settings", json={"reviewThreshold": 0.9})
        view.open_document(review_server.document_id)
        qtbot.waitUntil(lambda: fields.threshold == 0.9, timeout=10_000)
