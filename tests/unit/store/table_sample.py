"""A small cache with every case the record tables must order and filter right.

Names equal but for case, empty values, archived and deleted rows, rows
deleted here but not yet on the server, references to records the cache does
not hold, rows without a reference: the table reads are checked against
``expected_ids``, a plain Python statement of what each query must show.
"""

from __future__ import annotations

import random
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from advisoros_desktop.domain.entities import ENTITIES, FieldKind
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import insert_row
from advisoros_desktop.store.table_order import (
    LABEL_FIELDS,
    NATURAL_ORDER,
    ROW_FILTERS,
    trailing_columns,
)
from advisoros_desktop.store.table_query import TableQuery

USERS = ("ann Lee", "Bob Stone", "carl Diaz")
CLIENTS = (
    "Acme LLC",
    "acme llc",
    "Brightwater Bakery",
    "Smith & Sons",
    "Wanda Smith",
    "Zephyr Partners",
    "Café Ünïcode",
    "brightwater bakery",
)
FILE_NAMES = (
    "2025 W-2 Smith.pdf",
    "2024 W-2 Smith.pdf",
    "1099-NEC 2024 - Acme.pdf",
    "Invoice 12 - Zephyr.pdf",
    "invoice 12 - zephyr.pdf",
    "Receipt 2025-03-01 Café.jpg",
    "Statement 2024-03 Bank.pdf",
    'Near "quoted" * file.pdf',
)
TASK_TITLES = ("Request W-2s", "request w-2s", "E-file Form 1040", "Call Wanda", "Reconcile March")


def _base(record_id: str, created: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "version": 1,
        "createdAt": created,
        "updatedAt": created,
        "deletedAt": None,
        "dirty": {},
        "localOnly": False,
        "localDeleted": False,
    }


def _state(rng: random.Random) -> dict[str, Any]:
    """Mostly visible; some deleted on the server, some deleted here and not yet sent."""
    roll = rng.random()
    if roll < 0.08:
        return {"deletedAt": "2026-01-02T00:00:00.000Z"}
    if roll < 0.14:
        return {"localDeleted": True}
    return {}


def build(path: Path, seed: int = 7) -> LocalStore:
    """A cache at ``path`` holding the sample (the same for the same seed)."""
    rng = random.Random(seed)
    store = LocalStore(path)
    stamps = iter(f"2025-{m:02d}-{d:02d}T10:00:00.000Z" for m in range(1, 13) for d in range(1, 29))
    # Some creation times repeat: the tie must still be broken the same way every time.
    created = lambda: next(stamps) if rng.random() < 0.8 else "2025-01-01T10:00:00.000Z"  # noqa: E731
    users = [new_id() for _ in USERS]
    clients = [new_id() for _ in CLIENTS]
    missing = new_id()  # referenced, never in the cache
    with store.transaction() as txn:
        for user_id, name in zip(users, USERS, strict=True):
            row = _base(user_id, created())
            insert_row(
                txn.conn,
                "user",
                {
                    **row,
                    "email": f"{user_id[:8]}@x.example.com",
                    "name": name,
                    "role": "staff",
                    "isActive": True,
                },
            )
        for index, (client_id, name) in enumerate(zip(clients, CLIENTS, strict=True)):
            status = ("active", "archived", "prospect", None)[index % 4]
            extra = {"localDeleted": True} if index == 5 else {}
            insert_row(
                txn.conn,
                "client",
                {
                    **_base(client_id, created()),
                    **extra,
                    "businessName": name,
                    "status": status,
                    "city": rng.choice(("Austin", "austin", None)),
                },
            )
        engagements = []
        for index in range(10):
            engagement_id = new_id()
            engagements.append(engagement_id)
            insert_row(
                txn.conn,
                "engagement",
                {
                    **_base(engagement_id, created()),
                    **_state(rng),
                    "clientId": rng.choice([*clients, missing]),
                    "name": rng.choice(
                        ("2024 Form 1040 tax return", "Payroll 2025", "payroll 2025")
                    ),
                    "taxYear": rng.choice((2024, 2025, None)),
                    "feeAmount": rng.choice(("950.00", "10000.00", "99.50", None)),
                    "assignedToId": rng.choice([*users, None]),
                    "isArchived": index % 5 == 0,
                },
            )
        for _ in range(40):
            insert_row(
                txn.conn,
                "task",
                {
                    **_base(new_id(), created()),
                    **_state(rng),
                    "title": rng.choice(TASK_TITLES),
                    "status": rng.choice(("pending", "completed", None)),
                    "priority": rng.choice(("low", "high", "urgent")),
                    "dueDate": rng.choice(("2025-04-15", "2025-03-15", None)),
                    "assignedToId": rng.choice([*users, None, missing]),
                    "clientId": rng.choice([*clients, None]),
                    "engagementId": rng.choice([*engagements, None]),
                    "isArchived": rng.random() < 0.2,
                },
            )
        for _ in range(120):
            insert_row(
                txn.conn,
                "document",
                {
                    **_base(new_id(), created()),
                    **_state(rng),
                    "clientId": rng.choice([*clients, missing]),
                    "engagementId": rng.choice([*engagements, None]),
                    "fileName": rng.choice(FILE_NAMES),
                    "fileSize": rng.choice((1200, 35_000, 35_000, None)),
                    "category": rng.choice(("w2", "1099", "invoice", "general")),
                    "year": rng.choice((2024, 2025, None)),
                    "description": rng.choice((None, "Uploaded by the client", "Año fiscal")),
                    "needsReview": rng.random() < 0.3,
                    "uploadedById": rng.choice([*users, None]),
                    "isArchived": rng.random() < 0.15,
                },
            )
    return store


# ----------------------------------------------------------------- what a query must show

_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_TEXT = {
    "client": (
        "businessName",
        "legalName",
        "primaryContactName",
        "primaryContactEmail",
        "taxId",
        "city",
    ),
    "engagement": ("name", "description", "client"),
    "task": ("title", "description", "client"),
    "document": ("fileName", "description", "category", "client"),
}


def _tokens(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", plain.lower())


def _phrase_in(tokens: list[str], phrase: list[str]) -> bool:
    """FTS5's ``"a b"*``: the words in a row, the last one as a prefix."""
    for start in range(len(tokens) - len(phrase) + 1):
        window = tokens[start : start + len(phrase)]
        if window[:-1] == phrase[:-1] and window[-1].startswith(phrase[-1]):
            return True
    return False


def text_matches(entity: str, row: dict[str, Any], client_names: dict[str, str], text: str) -> bool:
    columns = []
    for name in _TEXT[entity]:
        value = client_names.get(row.get("clientId") or "") if name == "client" else row.get(name)
        columns.append(_tokens(str(value)) if value is not None else [])
    for word in text.replace("\x00", " ").split():
        phrases = [p for p in (_tokens(word), _tokens(_LETTER_DIGIT.sub(" ", word))) if p]
        if not phrases:
            continue
        if not any(_phrase_in(column, p) for column in columns for p in phrases):
            return False
    return True


def _fold(value: Any) -> Any:
    return value.translate(_ASCII_FOLD) if isinstance(value, str) else value


def _sortable(entity: str, field: str, value: Any) -> tuple[int, Any]:
    """NULL lowest; NOCASE folds ASCII letters only; money by amount."""
    if value is None:
        return (0, 0)
    spec = ENTITIES[entity].by_name.get(field)
    if spec is not None and spec.kind is FieldKind.MONEY:
        return (1, float(value))
    if spec is not None and spec.kind in (FieldKind.TEXT, FieldKind.EMAIL, FieldKind.CHOICE):
        return (1, _fold(value))
    return (1, value)


def _all_rows(path: Path, entity: str) -> Iterator[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        for row in conn.execute(f"SELECT rowid AS _rowid, * FROM {ENTITIES[entity].plural}"):
            yield dict(row)
    finally:
        conn.close()


def expected_ids(path: Path, query: TableQuery) -> list[str]:
    """The ids ``query`` must show, in order: the rules, one row at a time."""
    entity = query.entity
    clients = {r["id"]: r for r in _all_rows(path, "client")}
    names = {i: r["businessName"] for i, r in clients.items()}
    rows = []
    for row in _all_rows(path, entity):
        if row["deletedAt"] is not None or row["localDeleted"] != 0:
            continue
        if not query.include_archived:
            if entity == "client" and row["status"] == "archived":
                continue
            if entity != "client" and row["isArchived"] == 1:
                continue
        if query.needs_review and row["needsReview"] != 1:
            continue
        if any(row[field] != value for field, value in query.scope):
            continue
        if query.text and not text_matches(entity, row, names, query.text):
            continue
        rows.append(row)
    field, descending = (
        NATURAL_ORDER[entity] if query.sort_field is None else (query.sort_field, False)
    )
    descending = descending != query.descending
    trailing = trailing_columns(entity, field)

    def rest(row: dict[str, Any]) -> tuple[Any, ...]:
        # The filter columns follow the sort key as stored (no case folding).
        raw = ((0, 0) if row[c] is None else (1, row[c]) for c in trailing)
        return (*raw, row["_rowid"])

    spec = ENTITIES[entity].by_name.get(field)
    if spec is None or spec.kind is not FieldKind.REFERENCE:
        rows.sort(key=lambda r: (_sortable(entity, field, r[field]), *rest(r)), reverse=descending)
        return [r["id"] for r in rows]
    target = spec.references
    assert target is not None
    referenced = {r["id"]: r for r in _all_rows(path, target)}
    label = LABEL_FIELDS[target]
    groups: dict[str, list[dict[str, Any]]] = {"none": [], "labelled": [], "missing": []}
    for row in rows:
        if row[field] is None:
            groups["none"].append(row)
        elif row[field] in referenced:
            groups["labelled"].append(row)
        else:
            groups["missing"].append(row)
    groups["none"].sort(key=rest, reverse=descending)
    groups["missing"].sort(key=rest, reverse=descending)
    groups["labelled"].sort(
        key=lambda r: (
            _sortable(target, label, referenced[r[field]][label]),
            referenced[r[field]]["_rowid"],
            *rest(r),
        ),
        reverse=descending,
    )
    order = ("labelled", "none", "missing") if descending else ("none", "labelled", "missing")
    return [r["id"] for name in order for r in groups[name]]


def scope_values(path: Path, entity: str, field: str) -> list[str]:
    """Values ``field`` holds in ``entity``'s rows (to scope by)."""
    return sorted({r[field] for r in _all_rows(path, entity) if r[field] is not None})


ENTITY_NAMES = tuple(ROW_FILTERS)
