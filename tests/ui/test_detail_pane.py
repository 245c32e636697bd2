"""The detail pane shows a whole record, readable and selectable, and says what has
not reached the server yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.detail_pane import CONFLICT_MARK, PENDING_MARK, DetailPane

CLIENT_ID = "0190aaaa-0000-7000-8000-000000000001"
USER_ID = "0190eeee-0000-7000-8000-000000000001"

NOTES = (
    "Prefers email over phone. Fiscal year ends June 30; the 2024 return needs the "
    "amended K-1 from Birch Partners before filing. Estimated payments go out on the "
    "15th; remind the controller a week ahead. Keep copies of the state franchise tax "
    "notices in the permanent file."
)


def client_row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": CLIENT_ID,
        "businessName": "Acme Manufacturing LLC",
        "legalName": "Acme Manufacturing Holdings, LLC",
        "businessType": "llc",
        "taxId": "12-3456789",
        "primaryContactName": "Dana Whitfield",
        "primaryContactEmail": "dana@acme.example.com",
        "primaryContactPhone": "(512) 555-0142",
        "address": "1200 Industrial Blvd, Suite 400",
        "city": "Austin",
        "state": "TX",
        "zipCode": "78701",
        "industry": "Manufacturing",
        "status": "active",
        "notes": NOTES,
        "dirty": {},
        "localOnly": False,
        "localDeleted": False,
    }
    row.update(changes)
    return row


def make_pane(qtbot: QtBot) -> DetailPane:
    pane = DetailPane()
    pane.resize(420, 640)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def form(pane: DetailPane) -> QWidget:
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is not None
    return scroll.widget()


def value_label(pane: DetailPane, field_label: str) -> QLabel:
    found = [
        label for label in form(pane).findChildren(QLabel) if label.accessibleName() == field_label
    ]
    assert len(found) == 1, field_label
    return found[0]


def texts(pane: DetailPane) -> list[str]:
    return [label.text() for label in form(pane).findChildren(QLabel) if label.isVisible()]


def test_nothing_selected_is_said_quietly(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.show_record("client", None, {})
    assert pane.showing_nothing()
    shown = [label for label in pane.findChildren(QLabel) if label.isVisible()]
    assert [label.text() for label in shown] == ["Nothing selected"]


def test_every_field_is_laid_out_with_its_label_and_display_text(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.show_record("client", client_row(), {})
    assert not pane.showing_nothing()
    on_screen = texts(pane)
    assert "Acme Manufacturing LLC" in on_screen  # the headline
    assert "Tax ID (EIN or SSN)" in on_screen
    assert value_label(pane, "Business type").text() == "LLC"
    assert value_label(pane, "Status").text() == "Active"
    assert value_label(pane, "Notes").text() == NOTES
    assert value_label(pane, "Notes").wordWrap()
    flags = value_label(pane, "Tax ID (EIN or SSN)").textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not any(PENDING_MARK in text for text in on_screen)


def test_empty_values_show_a_dash_and_markup_in_data_stays_text(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.show_record("client", client_row(legalName=None, industry="<b>Retail</b>"), {})
    assert value_label(pane, "Legal name").text() == "—"
    industry = value_label(pane, "Industry")
    assert industry.textFormat() == Qt.TextFormat.PlainText


def test_references_read_by_name(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    engagement = {
        "id": "0190bbbb-0000-7000-8000-000000000001",
        "clientId": CLIENT_ID,
        "name": "2024 Form 1065",
        "type": "tax_preparation",
        "status": "in_progress",
        "taxYear": 2024,
        "startDate": "2025-01-06",
        "dueDate": "2025-03-17",
        "assignedToId": USER_ID,
        "feeAmount": "4850.00",
        "description": None,
        "isArchived": False,
        "dirty": {},
    }
    pane.show_record("engagement", engagement, {"clientId": "Acme Manufacturing LLC"})
    assert value_label(pane, "Client").text() == "Acme Manufacturing LLC"
    assert value_label(pane, "Assigned to").text() == f"{USER_ID} (not in this workspace yet)"
    assert value_label(pane, "Fee").text() == "4,850.00"
    assert value_label(pane, "Type").text() == "Tax preparation"
    assert value_label(pane, "Archived").text() == "—"


def test_unsent_changes_are_marked_with_what_the_server_still_has(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    row = client_row(status="inactive", dirty={"status": "active", "primaryContactPhone": None})
    pane.show_record("client", row, {})
    on_screen = texts(pane)
    assert f"{PENDING_MARK} 2 changes pending upload to server." in on_screen
    assert f"{PENDING_MARK} Status" in on_screen
    assert f"{PENDING_MARK} Contact phone" in on_screen
    assert "On the server: Active" in on_screen
    assert "On the server: empty" in on_screen
    assert "Business name" in on_screen  # unchanged fields carry no mark

    pane.show_record("client", client_row(), {})  # the next record starts clean
    assert not any(PENDING_MARK in text for text in texts(pane))
    assert not any(text.startswith("On the server") for text in texts(pane))


def test_new_and_deleted_records_and_conflicts_say_so(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.show_record("client", client_row(localOnly=True), {})
    assert f"{PENDING_MARK} Created here — pending upload to server." in texts(pane)
    pane.show_record("client", client_row(localDeleted=True), {})
    assert f"{PENDING_MARK} Deleted here — pending upload to server." in texts(pane)
    pane.show_record("client", client_row(dirty={"taxId": "98-7654321"}), {}, conflicts={"taxId"})
    on_screen = texts(pane)
    assert f"{CONFLICT_MARK} Conflicts with the server's version: Tax ID (EIN or SSN)." in on_screen
    assert f"{CONFLICT_MARK} Tax ID (EIN or SSN)" in on_screen


def test_structured_data_is_spelt_out(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    document = {
        "id": "0190dddd-0000-7000-8000-000000000001",
        "clientId": CLIENT_ID,
        "fileName": "W-2 Dana Whitfield.pdf",
        "fileSize": 48213,
        "category": "w2",
        "extractedData": {"employerEin": "12-3456789", "wages": "52000.00", "box2": 8000},
        "dirty": {},
    }
    pane.show_record("document", document, {"clientId": "Acme Manufacturing LLC"})
    assert value_label(pane, "Extracted data").text() == (
        "employerEin: 12-3456789\nwages: 52000.00\nbox2: 8000"
    )
    assert value_label(pane, "Size").text() == "48,213"
    assert value_label(pane, "Category").text() == "W-2"


def test_nested_extracted_data_is_an_indented_outline_not_json(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    document = {
        "id": "0190dddd-0000-7000-8000-000000000002",
        "fileName": "packet.pdf",
        "extractedData": {
            "formType": "w2",
            "confidence": 0.98,
            "values": {"wagesAndTips": "52000.00", "retirementPlan": True},
            "forms": [{"formType": "1099-int", "values": {"interestIncome": "12.50"}}],
        },
        "dirty": {},
    }
    pane.show_record("document", document, {})
    assert value_label(pane, "Extracted data").text() == (
        "formType: w2\n"
        "confidence: 0.98\n"
        "values:\n"
        "    wagesAndTips: 52000.00\n"
        "    retirementPlan: true\n"
        "forms:\n"
        "    – formType: 1099-int\n"
        "      values:\n"
        "          interestIncome: 12.50"
    )


def test_switching_entities_reuses_each_form_and_renders(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    pane.show_record("client", client_row(), {})
    client_form = form(pane)
    pane.show_record("task", {"id": "t1", "title": "Call Dana", "priority": "high"}, {})
    assert form(pane) is not client_form
    assert value_label(pane, "Priority").text() == "High"
    pane.show_record(
        "client",
        client_row(status="inactive", dirty={"status": "active"}),
        {},
    )
    assert form(pane) is client_form
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible())  # laid out: it all fits
    image = pane.grab()
    assert not image.isNull()
    image.save("/tmp/detail_pane.png")
