"""The search indexes stay in step with the rows, and typed text is never FTS5 syntax."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import insert_row, update_row
from advisoros_desktop.store.schema import ENTITY_TABLES, SEARCH_INDEXES
from advisoros_desktop.store.search_index import (
    CLIENT_NAMED_INDEXES,
    filter_expression,
    match_expression,
)
from advisoros_desktop.store.table_query import TableQuery, count_rows, read_rows
from tests.unit.store.table_sample import expected_ids


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("", None),
        ('  - " * ', None),
        ("smith", '"smith"*'),
        ("smith w2", '"smith"* AND ("w2"* OR "w 2"*)'),
        ("1099nec", '("1099nec"* OR "1099 nec"*)'),
        ('say "hi', '"say"* AND """hi"*'),
        ("NEAR(a b)", '"NEAR(a"* AND "b)"*'),
        ("a\x00b", '"a"* AND "b"*'),
    ],
)
def test_typed_words_become_quoted_prefix_phrases(typed: str, expression: str | None) -> None:
    assert match_expression(typed) == expression


@pytest.fixture(scope="module")
def empty_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "cache.db"
    LocalStore(path).close()
    return path


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_no_typed_text_is_an_fts5_syntax_error(empty_cache: Path, text: str) -> None:
    conn = sqlite3.connect(empty_cache)
    try:
        expressions = [(fts, match_expression(text)) for fts, _entity, _fields in SEARCH_INDEXES]
        expressions += [
            (index.table, filter_expression(index, text, hide_archived=True, needs_review=review))
            for index in CLIENT_NAMED_INDEXES
            for review in (False, True)
        ]
        for fts, expression in expressions:
            if expression is not None:
                conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (expression,))
    finally:
        conn.close()


# ------------------------------------------------------------------ kept in step by triggers


def _row(entity: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "version": 1,
        "createdAt": "2025-01-01T00:00:00.000Z",
        "updatedAt": "2025-01-01T00:00:00.000Z",
        "deletedAt": None,
        "dirty": {},
        "localOnly": False,
        "localDeleted": False,
        **fields,
    }


def _check_indexes(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        for fts, _entity, _fields in SEARCH_INDEXES:
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    finally:
        conn.close()


def _found(store: LocalStore, entity: str, text: str) -> set[str]:
    return {row["id"] for row in read_rows(store, TableQuery(entity, text=text), 0, 1000)}


def test_rows_are_found_by_their_clients_current_name(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    client = _row("client", businessName="Brightwater Bakery", status="active")
    document = _row("document", clientId=client["id"], fileName="2025 W-2.pdf")
    task = _row("task", clientId=client["id"], title="Request W-2s")
    engagement = _row("engagement", clientId=client["id"], name="2025 Form 1040")
    with store.transaction() as txn:  # children before their client, as a page may bring them
        insert_row(txn.conn, "document", document)
        insert_row(txn.conn, "task", task)
        insert_row(txn.conn, "engagement", engagement)
    assert _found(store, "document", "brightwater") == set()
    with store.transaction() as txn:
        insert_row(txn.conn, "client", client)
    for entity, row in (("document", document), ("task", task), ("engagement", engagement)):
        assert _found(store, entity, "brightwater w2" if entity != "engagement" else "bright")
        assert _found(store, entity, "bright") == {row["id"]}
    store.update("client", client["id"], {"businessName": "Harbor Light Bakery"})
    assert _found(store, "document", "brightwater") == set()
    assert _found(store, "document", "harbor w2") == {document["id"]}
    assert store.search("document", "harbor") == [document["id"]]
    assert store.search("task", "harbor") == [task["id"]]
    with store.transaction() as txn:
        txn.conn.execute(ENTITY_TABLES["client"].delete())
    assert _found(store, "document", "harbor") == set()
    assert _found(store, "document", "w2") == {document["id"]}
    _check_indexes(tmp_path / "cache.db")
    store.close()


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "rename",
                "archive",
                "review",
                "server_delete",
                "local_delete",
                "undelete",
                "file_name",
                "move",
                "remove",
                "add",
            ]
        ),
        st.integers(0, 30),
        st.sampled_from(["Smith & Sons", "Wanda Smith", "Acme", "W-2 2025 Acme.pdf", "Café"]),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=_OPERATIONS)
def test_counts_from_the_index_agree_with_the_rows_after_any_changes(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, str]]
) -> None:
    """The count comes from the search index's state words, the rows from the tables."""
    path = tmp_path_factory.mktemp("changes") / "cache.db"
    store = LocalStore(path)
    clients = [_row("client", businessName=n) for n in ("Smith & Sons", "Acme", "Zephyr")]
    documents = [
        _row("document", clientId=clients[n % 3]["id"], fileName=f"W-2 {n}.pdf", category="w2")
        for n in range(8)
    ]
    with store.transaction() as txn:
        for row in clients:
            insert_row(txn.conn, "client", row)
        for row in documents:
            insert_row(txn.conn, "document", row)
    with store.transaction() as txn:
        for name, number, text in operations:
            _apply(txn.conn, name, number, text, clients, documents)
    _check_indexes(path)
    for text in ("smith", "w2", "acme w", "zephyr", "caf", "sons 2025"):
        for archived in (False, True):
            for review in (False, True):
                query = TableQuery(
                    "document", text=text, include_archived=archived, needs_review=review
                )
                expected = expected_ids(path, query)
                assert count_rows(store, query) == len(expected), query
                assert [r["id"] for r in read_rows(store, query, 0, 100)] == expected
    store.close()


def _apply(
    conn: Any,
    name: str,
    number: int,
    text: str,
    clients: list[dict[str, Any]],
    documents: list[dict[str, Any]],
) -> None:
    client, document = clients[number % len(clients)], documents[number % len(documents)]
    changes: dict[str, dict[str, Any]] = {
        "rename": {"businessName": text},
        "archive": {"isArchived": number % 2 == 0},
        "review": {"needsReview": number % 3 != 0},
        "server_delete": {"deletedAt": "2026-01-01T00:00:00.000Z"},
        "local_delete": {"localDeleted": True},
        "undelete": {"deletedAt": None, "localDeleted": False},
        "file_name": {"fileName": text},
        "move": {"clientId": clients[(number + 1) % len(clients)]["id"]},
    }
    if name == "rename":
        update_row(conn, "client", client["id"], changes[name])
    elif name in changes:
        update_row(conn, "document", document["id"], changes[name])
    elif name == "remove":
        table = ENTITY_TABLES["document"]
        conn.execute(table.delete().where(table.c.id == document["id"]))
    else:
        row = _row("document", clientId=client["id"], fileName=text, category="general")
        insert_row(conn, "document", row)
        documents.append(row)
