"""What the palette shows for each kind of record, and which of its words find it.

A row of the palette is a record's title (a client's name, a document's file
name) and a subtitle that tells look-alikes apart: a document's client and
year, an engagement's client and status. A record is found by the words of
its title first and, less strongly, by its context: a document by its
client's name, its category ("W-2") and its year, so "w2 smith" finds Smith's
W-2s even when the file is called "scan0042.pdf".

Only the few columns needed are read, never the documents' extracted data.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.store.schema import ENTITY_TABLES

# The kinds of record the palette finds, in the order they rank when all else is equal.
KINDS = ("client", "engagement", "task", "document")

CATEGORY_LABELS = {
    "w2": "W-2",
    "1099": "1099",
    "invoice": "Invoice",
    "receipt": "Receipt",
    "bank_statement": "Bank statement",
    "tax_return": "Tax return",
    "financial_statement": "Financial statement",
    "general": "General",
}
SEPARATOR = " · "
# A row as read: column name -> value (SQLAlchemy's row mappings, or a plain dict).
Row = Mapping[Any, Any]

_COLUMNS: dict[str, tuple[str, ...]] = {
    "client": (
        "businessName",
        "legalName",
        "primaryContactName",
        "city",
        "state",
        "status",
    ),
    "engagement": ("clientId", "name", "type", "status", "taxYear", "isArchived"),
    "task": ("clientId", "title", "status", "dueDate", "isArchived"),
    "document": ("clientId", "fileName", "category", "year", "isArchived"),
}
# Rows read per statement when records are looked up by id.
ID_CHUNK = 500


@dataclass(frozen=True, slots=True)
class RecordText:
    """A record as the palette sees it: what it shows and what it is found by."""

    kind: str
    key: str
    title: str
    subtitle: str
    title_text: str
    context_text: str
    archived: bool


def _label(value: object) -> str:
    return str(value).replace("_", " ").capitalize() if value else ""


def _join(*parts: object) -> str:
    return SEPARATOR.join(str(p) for p in parts if p not in (None, ""))


def _client(row: Row, _client_names: Mapping[str, str]) -> RecordText:
    name = row["businessName"] or ""
    contact = row["primaryContactName"] if row["primaryContactName"] != name else None
    place = ", ".join(p for p in (row["city"], row["state"]) if p)
    archived = row["status"] == "archived"
    status = _label(row["status"]) if row["status"] in ("prospect", "inactive", "archived") else ""
    return RecordText(
        "client",
        row["id"],
        name,
        _join(contact, place, status),
        name,
        " ".join(p for p in (row["legalName"], row["primaryContactName"], row["city"]) if p),
        archived,
    )


def _engagement(row: Row, client_names: Mapping[str, str]) -> RecordText:
    client = client_names.get(row["clientId"] or "", "")
    return RecordText(
        "engagement",
        row["id"],
        row["name"] or "",
        _join(client, row["taxYear"], _label(row["status"])),
        row["name"] or "",
        " ".join(str(p) for p in (client, _label(row["type"]), row["taxYear"]) if p),
        bool(row["isArchived"]),
    )


def _task(row: Row, client_names: Mapping[str, str]) -> RecordText:
    client = client_names.get(row["clientId"] or "", "")
    return RecordText(
        "task",
        row["id"],
        row["title"] or "",
        _join(client, row["dueDate"], _label(row["status"])),
        row["title"] or "",
        client,
        bool(row["isArchived"]),
    )


def _document(row: Row, client_names: Mapping[str, str]) -> RecordText:
    client = client_names.get(row["clientId"] or "", "")
    category = CATEGORY_LABELS.get(row["category"] or "", _label(row["category"]))
    file_name = row["fileName"] or ""
    # "pdf" would fit every document: the extension counts as context, not title.
    stem, dot, extension = file_name.rpartition(".")
    if not (dot and stem and extension.isalnum() and len(extension) <= 5):
        stem, extension = file_name, ""
    return RecordText(
        "document",
        row["id"],
        file_name,
        _join(client, row["year"], category),
        stem,
        " ".join(str(p) for p in (client, category, row["year"], extension) if p),
        bool(row["isArchived"]),
    )


_MAKERS: dict[str, Callable[[Row, Mapping[str, str]], RecordText]] = {
    "client": _client,
    "engagement": _engagement,
    "task": _task,
    "document": _document,
}


def record_text(kind: str, row: Row, client_names: Mapping[str, str]) -> RecordText:
    return _MAKERS[kind](row, client_names)


def _select(kind: str) -> sa.Select[Any]:
    table = ENTITY_TABLES[kind]
    columns = [table.c.id, *(table.c[name] for name in _COLUMNS[kind])]
    return sa.select(*columns).where(table.c.deletedAt.is_(None), table.c.localDeleted.is_(False))


def read_all(conn: sa.Connection, kind: str) -> Iterator[Row]:
    """Every visible record of ``kind``, least recently changed first."""
    table = ENTITY_TABLES[kind]
    statement = _select(kind).order_by(table.c.updatedAt, table.c.id)
    return iter(conn.execute(statement).mappings())


def read_by_id(conn: sa.Connection, kind: str, ids: Iterable[str]) -> list[Row]:
    """The visible records among ``ids``; the others are gone or were never there."""
    table = ENTITY_TABLES[kind]
    return _read_chunked(conn, kind, table.c.id, sorted(ids))


def read_children(conn: sa.Connection, kind: str, client_ids: Iterable[str]) -> list[Row]:
    """The visible records of ``kind`` that belong to these clients."""
    table = ENTITY_TABLES[kind]
    return _read_chunked(conn, kind, table.c.clientId, sorted(client_ids))


def read_changed(
    conn: sa.Connection, records: Mapping[str, Iterable[str]], client_names: Mapping[str, str]
) -> tuple[list[RecordText], list[tuple[str, str]]]:
    """The changed records as they now are, and the (kind, id) of those now gone.

    ``client_names`` are the names known so far: the records of a client whose
    name changed are read too, since their subtitles and context name it. A
    client the index did not know has no records there yet (the change feed
    brings a client before its records), so a first sync's 10,000 new clients
    do not read their records twice.
    """
    rows = {kind: read_by_id(conn, kind, records.get(kind, ())) for kind in KINDS}
    names = {row["id"]: row["businessName"] or "" for row in rows["client"]}
    renamed = {
        cid for cid, name in names.items() if cid in client_names and client_names[cid] != name
    }
    if renamed:
        for kind in KINDS[1:]:
            known = set(records.get(kind, ()))
            rows[kind] += [r for r in read_children(conn, kind, renamed) if r["id"] not in known]
    all_names = ChainMap(names, dict(client_names))
    fresh = [record_text(kind, row, all_names) for kind in KINDS for row in rows[kind]]
    found = {(record.kind, record.key) for record in fresh}
    gone = [(kind, key) for kind, ids in records.items() for key in ids if (kind, key) not in found]
    return fresh, gone


def _read_chunked(
    conn: sa.Connection, kind: str, column: sa.ColumnElement[Any], values: Sequence[str]
) -> list[Row]:
    rows: list[Row] = []
    for at in range(0, len(values), ID_CHUNK):
        chunk = values[at : at + ID_CHUNK]
        found: Iterable[Row] = conn.execute(_select(kind).where(column.in_(chunk))).mappings()
        rows.extend(found)
    return rows
