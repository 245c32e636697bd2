"""What the Conflicts view asks before deciding, and says of a record deleted on the server.

Whole sentences per kind of record: in Spanish the words around the noun follow
its gender ("este cliente", "esta tarea"), so a noun is never glued into a
sentence. The texts keep the view's translation context, ``ConflictsView``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.ui.counted_text import count_text

DELETED_ON_SERVER = {
    "client": QT_TRANSLATE_NOOP("ConflictsView", "This client was deleted on the server."),
    "engagement": QT_TRANSLATE_NOOP("ConflictsView", "This engagement was deleted on the server."),
    "task": QT_TRANSLATE_NOOP("ConflictsView", "This task was deleted on the server."),
    "document": QT_TRANSLATE_NOOP("ConflictsView", "This document was deleted on the server."),
    "extraction": QT_TRANSLATE_NOOP("ConflictsView", "This extraction was deleted on the server."),
}
RECORD_DELETED_ON_SERVER = QT_TRANSLATE_NOOP(
    "ConflictsView", "This record was deleted on the server."
)
COMES_BACK = {
    "client": QT_TRANSLATE_NOOP(
        "ConflictsView",
        "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
        "client with your changes.",
    ),
    "engagement": QT_TRANSLATE_NOOP(
        "ConflictsView",
        "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
        "engagement with your changes.",
    ),
    "task": QT_TRANSLATE_NOOP(
        "ConflictsView",
        "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
        "task with your changes.",
    ),
    "document": QT_TRANSLATE_NOOP(
        "ConflictsView",
        "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
        "document with your changes.",
    ),
    "extraction": QT_TRANSLATE_NOOP(
        "ConflictsView",
        "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
        "extraction with your changes.",
    ),
}
RECORD_COMES_BACK = QT_TRANSLATE_NOOP(
    "ConflictsView",
    "Keep your changes to {record}? It was deleted on the server; it comes back as a new "
    "record with your changes.",
)


class DecidedRow(Protocol):
    """What the questions need of a conflict (``conflicts_view.ConflictRow``)."""

    entity: str
    cells: tuple[str, str, str, str, str]

    @property
    def whole_record(self) -> bool: ...


def _tr(text: str) -> str:
    """A text already marked in context ``ConflictsView``."""
    return QCoreApplication.translate("ConflictsView", text)


def deleted_on_server(entity: str) -> str:
    """``This client was deleted on the server.``"""
    return _tr(DELETED_ON_SERVER.get(entity, RECORD_DELETED_ON_SERVER))


def confirmation(keep: str, rows: Sequence[DecidedRow]) -> tuple[str, str, str]:
    """(title, question, action button) for deciding ``rows`` one way."""
    action = (
        QCoreApplication.translate("ConflictsView", "Keep mine")
        if keep == "mine"
        else QCoreApplication.translate("ConflictsView", "Take theirs")
    )
    if len(rows) == 1:
        row = rows[0]
        record, field = row.cells[0], row.cells[1]
        if row.whole_record and keep == "mine":
            text = _tr(COMES_BACK.get(row.entity, RECORD_COMES_BACK)).format(record=record)
        elif row.whole_record:
            text = QCoreApplication.translate(
                "ConflictsView", "Let {record} stay deleted? Your changes to it are discarded."
            ).format(record=record)
        elif keep == "mine":
            text = QCoreApplication.translate(
                "ConflictsView",
                "Keep your value for {field} of {record}? It will be sent to the server "
                "and replace the value saved there.",
            ).format(field=field, record=record)
        else:
            text = QCoreApplication.translate(
                "ConflictsView",
                "Take the server's value for {field} of {record}? Your change is discarded.",
            ).format(field=field, record=record)
        return action, text, action
    deleted = any(r.whole_record for r in rows)
    count = count_text(len(rows))
    if keep == "mine":
        text = QCoreApplication.translate(
            "ConflictsView",
            "Keep your values for {n} conflicts? They will be sent to the server "
            "and replace the values saved there.",
        ).format(n=count)
        if deleted:
            text += " " + QCoreApplication.translate(
                "ConflictsView",
                "Records deleted on the server come back as new records with your changes.",
            )
    else:
        text = QCoreApplication.translate(
            "ConflictsView",
            "Take the server's values for {n} conflicts? Your changes are discarded.",
        ).format(n=count)
        if deleted:
            text += " " + QCoreApplication.translate(
                "ConflictsView", "Records deleted on the server stay deleted."
            )
    return action, text, action
