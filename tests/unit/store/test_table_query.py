"""Record tables read a window at a time: the right rows, in the right order, from indexes."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisoros_desktop.domain.entities import ENTITIES, FieldKind
from advisoros_desktop.store import table_query
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.table_order import indexed_fields
from advisoros_desktop.store.table_query import TableQuery, count_rows, read_rows, row_position
from tests.unit.store import table_sample
from tests.unit.store.table_sample import ENTITY_NAMES, expected_ids, scope_values

WORDS = (
    "smith", "w2", "w-2", "2025", "acme", "ac", "a", "1099", "nec", "1099nec", "cafe", "café",
    "zeph", "invoice", "inv", "sons", "bake", "request", "payroll", "near", "quoted", "austin",
    "ann", '"', "-", "*", "NEAR", "x", "año", "form 1040", "smith w2", "brightwater bakery",
)  # fmt: skip
# SMALL_SET decides between sorting the matches outright and walking the sort index:
# both must give the same rows in the same order.
STRATEGIES = {"sorted outright": 10**9, "index walk": 0}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalStore, Path]]:
    path = tmp_path_factory.mktemp("tables") / "cache.db"
    store = table_sample.build(path)
    yield store, path
    store.close()


@contextlib.contextmanager
def small_set(threshold: int) -> Iterator[None]:
    before = table_query.SMALL_SET
    table_query.SMALL_SET = threshold
    try:
        yield
    finally:
        table_query.SMALL_SET = before


@st.composite
def queries(draw: st.DrawFn, path: Path) -> TableQuery:
    entity = draw(st.sampled_from(ENTITY_NAMES))
    spec = ENTITIES[entity]
    sortable = [None, *indexed_fields(entity)]
    if entity == "document":
        sortable.append("description")  # not a column: sorted outright, still right
    references = [f.name for f in spec.references()]
    scope: tuple[tuple[str, str], ...] = ()
    if references and draw(st.integers(0, 3)) == 0:
        field = draw(st.sampled_from(references))
        values = scope_values(path, entity, field)
        if values:
            scope = ((field, draw(st.sampled_from(values))),)
    return TableQuery(
        entity,
        sort_field=draw(st.sampled_from(sortable)),
        descending=draw(st.booleans()),
        text=draw(st.one_of(st.just(""), st.sampled_from(WORDS))),
        scope=scope,
        needs_review=entity == "document" and draw(st.booleans()),
        include_archived=draw(st.booleans()),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_windows_show_the_expected_rows_in_the_expected_order(
    sample: tuple[LocalStore, Path], data: st.DataObject
) -> None:
    store, path = sample
    query = data.draw(queries(path))
    expected = expected_ids(path, query)
    window = data.draw(st.integers(3, 40))
    probes = data.draw(st.lists(st.sampled_from(expected), max_size=8)) if expected else []
    for strategy, threshold in STRATEGIES.items():
        with small_set(threshold):
            assert count_rows(store, query) == len(expected), strategy
            shown: list[str] = []
            for offset in range(0, len(expected) + window, window):
                shown += [row["id"] for row in read_rows(store, query, offset, window)]
            assert shown == expected, strategy
            for record_id in probes:
                assert row_position(store, query, record_id) == expected.index(record_id)


def test_a_record_the_table_does_not_show_has_no_position(sample: tuple[LocalStore, Path]) -> None:
    store, path = sample
    everything = {r["id"] for r in table_sample._all_rows(path, "document")}
    query = TableQuery("document", sort_field="fileName", text="smith")
    hidden = everything - set(expected_ids(path, query))
    assert hidden
    for strategy, threshold in STRATEGIES.items():
        with small_set(threshold):
            for record_id in sorted(hidden)[:20]:
                assert row_position(store, query, record_id) is None, strategy
    assert row_position(store, TableQuery("document"), "no such id") is None


def test_rows_carry_every_column_and_the_labels_of_their_references(
    sample: tuple[LocalStore, Path],
) -> None:
    store, path = sample
    clients = {r["id"]: r["businessName"] for r in table_sample._all_rows(path, "client")}
    users = {r["id"]: r["name"] for r in table_sample._all_rows(path, "user")}
    rows = read_rows(store, TableQuery("document", include_archived=True), 0, 500)
    assert rows
    for row in rows:
        assert set(row) >= {f.name for f in ENTITIES["document"].fields} | {"id", "dirty"}
        assert row["clientId:label"] == clients.get(row["clientId"])
        assert row["uploadedById:label"] == users.get(row["uploadedById"])
        assert ("engagementId:label" in row) and (
            row["engagementId"] is not None or row["engagementId:label"] is None
        )
        assert isinstance(row["needsReview"], bool) and isinstance(row["dirty"], dict)
        assert row == {**store.get("document", row["id"]), **_labels(row)}
    missing = [r for r in rows if r["clientId"] not in clients]
    assert missing and all(r["clientId:label"] is None for r in missing)


def _labels(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k.endswith(":label")}


def test_text_sorts_ignore_case_and_money_sorts_by_amount(sample: tuple[LocalStore, Path]) -> None:
    store, _path = sample
    clients = read_rows(store, TableQuery("client", include_archived=True), 0, 100)
    names = [row["businessName"] for row in clients]
    assert names.index("Acme LLC") + 1 == names.index("acme llc") or names.index(
        "acme llc"
    ) + 1 == names.index("Acme LLC")
    fees = [
        row["feeAmount"]
        for row in read_rows(store, TableQuery("engagement", sort_field="feeAmount"), 0, 100)
        if row["feeAmount"] is not None
    ]
    assert fees == sorted(fees, key=float)


# ------------------------------------------------------------------ sorting from indexes


def _plans(path: Path, statements: list[tuple[str, Any]]) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in statements
        ]
    finally:
        conn.close()


@contextlib.contextmanager
def captured(store: LocalStore) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("entity", ENTITY_NAMES)
def test_every_column_sorts_from_an_index_without_a_sort_step(
    sample: tuple[LocalStore, Path], entity: str
) -> None:
    """The unfiltered table, by any column either way, at the top and further down."""
    store, path = sample
    for field in (None, *indexed_fields(entity)):
        for descending in (False, True):
            query = TableQuery(entity, sort_field=field, descending=descending)
            with captured(store) as statements:
                read_rows(store, query, 0, 5)
                read_rows(store, query, 25, 5)
                count_rows(store, query)
            reads = [(sql, p) for sql, p in statements if "ORDER BY" in sql]
            assert reads
            for plan in _plans(path, reads):
                assert "TEMP B-TREE" not in plan, (field, descending, plan)
                assert not re.search(r"SCAN [rl]\b(?! USING)", plan), plan  # no table scan


@pytest.mark.parametrize("field", [None, "fileName", "clientId", "fileSize"])
def test_many_matches_are_read_down_the_sort_index(
    sample: tuple[LocalStore, Path], field: str | None
) -> None:
    """A first letter typed matches most rows: they are looked up, not sorted."""
    store, path = sample
    query = TableQuery("document", sort_field=field, text="a")
    with small_set(0), captured(store) as statements:
        read_rows(store, query, 0, 5)
    for plan in _plans(path, [(sql, p) for sql, p in statements if "ORDER BY" in sql]):
        assert "TEMP B-TREE" not in plan, plan


def test_the_review_list_and_counts_use_indexes(sample: tuple[LocalStore, Path]) -> None:
    store, path = sample
    query = TableQuery("document", needs_review=True, sort_field="year")
    with captured(store) as statements:
        count_rows(store, query)
        read_rows(store, query, 0, 5)
    for plan in _plans(path, statements):
        assert "TEMP B-TREE" not in plan, plan
        assert not re.search(r"SCAN r\b(?! USING)", plan), plan


# ------------------------------------------------------------------ whatever is typed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=40), entity=st.sampled_from(ENTITY_NAMES), walk=st.booleans())
def test_any_typed_text_filters_without_an_error(
    sample: tuple[LocalStore, Path], text: str, entity: str, walk: bool
) -> None:
    store, _path = sample
    query = TableQuery(entity, text=text, sort_field=None if walk else indexed_fields(entity)[0])
    with small_set(0 if walk else 10**9):
        count = count_rows(store, query)
        rows = read_rows(store, query, 0, 1000)
        assert len(rows) == count
        if rows:
            assert row_position(store, query, rows[-1]["id"]) == count - 1


def test_a_blank_or_punctuation_filter_shows_everything(sample: tuple[LocalStore, Path]) -> None:
    store, _path = sample
    everything = count_rows(store, TableQuery("document"))
    for text in ("", "   ", "-", '"', "* -"):
        assert count_rows(store, TableQuery("document", text=text)) == everything


def test_documents_match_their_clients_name_and_w2_matches_w_dash_2(
    sample: tuple[LocalStore, Path],
) -> None:
    store, _path = sample
    query = TableQuery("document", text="wanda w2", include_archived=True)
    rows = read_rows(store, query, 0, 100)
    assert rows
    for row in rows:
        assert row["clientId:label"] == "Wanda Smith"
        assert "W-2" in row["fileName"] or row["category"] == "w2"


# ------------------------------------------------------------------ what cannot be asked


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (TableQuery("extraction"), "no table"),
        (TableQuery("task", needs_review=True), "cannot need review"),
        (TableQuery("task", scope=(("nope", "x"),)), "no field 'nope'"),
        (TableQuery("document", sort_field="extractedData"), "structured data"),
        (TableQuery("document", sort_field="nope"), "no field 'nope'"),
    ],
)
def test_a_query_no_table_can_show_is_refused_with_a_reason(
    sample: tuple[LocalStore, Path], query: TableQuery, message: str
) -> None:
    store, _path = sample
    with pytest.raises(ValueError, match=message):
        count_rows(store, query)


def test_reads_change_nothing(sample: tuple[LocalStore, Path]) -> None:
    store, path = sample
    before = path.stat().st_mtime_ns, Path(f"{path}-wal").stat().st_size
    for entity in ENTITY_NAMES:
        query = TableQuery(entity, text="a", sort_field=indexed_fields(entity)[0])
        rows = read_rows(store, query, 0, 10)
        count_rows(store, query)
        if rows:
            row_position(store, query, rows[0]["id"])
    assert (path.stat().st_mtime_ns, Path(f"{path}-wal").stat().st_size) == before


def test_a_reference_sort_skips_nothing_when_no_row_has_a_reference(tmp_path: Path) -> None:
    """Every segment of a label sort may be empty, or be the only one."""
    store = LocalStore(tmp_path / "cache.db")
    try:
        ids = [store.create("task", {"title": f"Task {n}"}) for n in range(7)]
        query = TableQuery("task", sort_field="clientId", descending=True)
        shown = [r["id"] for o in range(0, 10, 3) for r in read_rows(store, query, o, 3)]
        assert sorted(shown) == sorted(ids) and len(shown) == 7
        assert [row_position(store, query, i) for i in shown] == list(range(7))
    finally:
        store.close()


def test_field_kinds_all_have_a_sort() -> None:
    for entity in ENTITY_NAMES:
        for spec in ENTITIES[entity].fields:
            indexed = spec.name in indexed_fields(entity)
            assert indexed == (
                spec.kind not in (FieldKind.JSON, FieldKind.LONG_TEXT) and spec.name != "checksum"
            ), spec.name
