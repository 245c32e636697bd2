"""Names of records and times, as an accountant reads them, for lists of changes.

The Conflicts view and the outbox dialog both list changes to records that may
no longer be in the cache (deleted on the server, or waiting to be deleted), and
both must say which client or document a change is about rather than show an
id. Keeping the naming here gives both the same words for the same record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt

from advisoros_desktop.domain.entities import ENTITIES, FieldKind, FieldSpec
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.ui.field_format import display_text
from advisoros_desktop.ui.language import display_locale

# The field that names a record for people.
LABEL_FIELDS = {
    "client": "businessName",
    "engagement": "name",
    "task": "title",
    "document": "fileName",
    "user": "name",
}
EMPTY_VALUE = QT_TRANSLATE_NOOP("RecordLabels", "(empty)")
# Per kind of record: in Spanish the words around the noun follow its gender.
UNNAMED = {
    "user": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed user"),
    "client": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed client"),
    "engagement": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed engagement"),
    "task": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed task"),
    "document": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed document"),
    "extraction": QT_TRANSLATE_NOOP("RecordLabels", "Unnamed extraction"),
}
GONE = {
    "user": QT_TRANSLATE_NOOP("RecordLabels", "A user no longer here"),
    "client": QT_TRANSLATE_NOOP("RecordLabels", "A client no longer here"),
    "engagement": QT_TRANSLATE_NOOP("RecordLabels", "An engagement no longer here"),
    "task": QT_TRANSLATE_NOOP("RecordLabels", "A task no longer here"),
    "document": QT_TRANSLATE_NOOP("RecordLabels", "A document no longer here"),
    "extraction": QT_TRANSLATE_NOOP("RecordLabels", "An extraction no longer here"),
}


def _tr(text: str) -> str:
    """A text marked in context ``RecordLabels``."""
    return QCoreApplication.translate("RecordLabels", text)


class RecordLabels:
    """Names of records, one query per entity for a whole list, remembered for one refresh.

    Tombstones are read too: a conflict over a client deleted on the server, or a
    deletion waiting in the outbox, should still say which client it was.
    """

    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self._found: dict[tuple[str, str], dict[str, Any]] = {}

    def load(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted: dict[str, set[str]] = {}
        for entity, record_id in keys:
            if (entity, record_id) not in self._found:
                wanted.setdefault(entity, set()).add(record_id)
        documents: set[tuple[str, str]] = set()
        with reading(self.store.engine) as conn:
            for entity, ids in wanted.items():
                table = ENTITY_TABLES[entity]
                names = [n for n in (LABEL_FIELDS.get(entity), "documentId") if n and n in table.c]
                columns = [table.c.id, *(table.c[n] for n in names)]
                for record_id in ids:
                    self._found[(entity, record_id)] = {}
                ordered = sorted(ids)
                for start in range(0, len(ordered), 500):  # SQLite's bound-parameter limit
                    chunk = ordered[start : start + 500]
                    query = sa.select(*columns).where(table.c.id.in_(chunk))
                    for row in conn.execute(query).mappings():
                        self._found[(entity, row["id"])] = dict(row)
                        if row.get("documentId"):
                            documents.add(("document", str(row["documentId"])))
        if documents:
            self.load(documents)

    def label(self, entity: str, record_id: str, known: Mapping[str, Any] | None = None) -> str:
        """How people name a record: a client's business name, a task's title...

        ``known`` holds values remembered elsewhere (a conflict's or an outbox
        entry's fields), used when the cache no longer has the record.
        """
        key = (entity, record_id)
        if key not in self._found:
            self.load([key])
        values = {**(known or {}), **self._found[key]}
        if entity == "extraction" and values.get("documentId"):
            document = self.label("document", str(values["documentId"]))
            return QCoreApplication.translate("RecordLabels", "Extraction of {document}").format(
                document=document
            )
        name = values.get(LABEL_FIELDS.get(entity, ""))
        if name:
            return str(name)
        said = (UNNAMED if self._found[key] else GONE).get(entity)
        return _tr(said) if said else f"{ENTITIES[entity].label} {record_id}"

    def value_text(self, spec: FieldSpec, value: Any) -> str:
        """A value as people read it: empty and false spelt out, references by name."""
        if value is None or value == "":
            return _tr(EMPTY_VALUE)
        if spec.kind is FieldKind.BOOLEAN:
            yes = QCoreApplication.translate("RecordLabels", "Yes")
            return yes if value else QCoreApplication.translate("RecordLabels", "No")
        if spec.kind is FieldKind.REFERENCE and spec.references:
            return self.label(spec.references, str(value))
        return display_text(spec, value, display_locale())


def when_text(iso_utc: str | None) -> tuple[str, str]:
    """(short, full) local-time readings of an ISO UTC timestamp."""
    if not iso_utc:
        return "", ""
    moment = QDateTime.fromString(iso_utc, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return iso_utc, iso_utc
    local = moment.toLocalTime()
    locale = display_locale()
    time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    days = local.date().daysTo(QDate.currentDate())
    if days == 0:
        short = QCoreApplication.translate("RecordLabels", "Today {time}").format(time=time)
    elif days == 1:
        short = QCoreApplication.translate("RecordLabels", "Yesterday {time}").format(time=time)
    else:
        day = locale.toString(
            local.date(), QCoreApplication.translate("RecordLabels", "MMM d, yyyy")
        )
        short = QCoreApplication.translate("RecordLabels", "{day} {time}").format(
            day=day, time=time
        )
    return short, locale.toString(local, QLocale.FormatType.LongFormat)
