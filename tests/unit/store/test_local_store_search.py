"""``LocalStore.search``: whatever is typed is text to find, and only text is found.

The palette and the pickers search with it as the user types, so any
keystroke (a quote, a NUL pasted from a PDF, a lone dash) must give an
answer, never an FTS5 syntax error; and the state words the search indexes
carry for the tables' filters (hidden, archived, needs review) must never
match what was typed.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import insert_row
from advisoros_desktop.store.schema import SEARCH_INDEXES
from advisoros_desktop.store.search_index import FLAG_WORDS, HIDDEN_WORD

SEARCHED = tuple(entity for _fts, entity, _fields in SEARCH_INDEXES)


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


@pytest.fixture(scope="module")
def firm(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A client with an archived W-2, a 1099 that needs review, an archived task and engagement."""
    store = LocalStore(tmp_path_factory.mktemp("search") / "cache.db")
    client = _row("client", businessName="Harbor Light Bakery", status="active")
    archived = _row("document", clientId=client["id"], fileName="W-2 2024.pdf", isArchived=True)
    review = _row("document", clientId=client["id"], fileName="1099-NEC.pdf", needsReview=True)
    task = _row("task", clientId=client["id"], title="Request the W-2s", isArchived=True)
    engagement = _row("engagement", clientId=client["id"], name="2025 Form 1040", isArchived=True)
    with store.transaction() as txn:
        for entity, row in (
            ("client", client),
            ("document", archived),
            ("document", review),
            ("task", task),
            ("engagement", engagement),
        ):
            insert_row(txn.conn, entity, row)
    yield {
        "store": store,
        "client": client["id"],
        "archived": archived["id"],
        "review": review["id"],
        "task": task["id"],
        "engagement": engagement["id"],
    }
    store.close()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=30))
def test_no_typed_text_raises(firm: Any, text: str) -> None:
    for entity in SEARCHED:
        assert isinstance(firm["store"].search(entity, text), list)


@pytest.mark.parametrize("text", ["a\x00b", "\x00", 'say "hi', "NEAR(a b)", "fileName:w2", "-"])
def test_awkward_text_is_looked_for_as_text(firm: Any, text: str) -> None:
    for entity in SEARCHED:
        firm["store"].search(entity, text)  # no "unterminated string", no syntax error


def test_a_nul_separates_words_like_a_space(firm: Any) -> None:
    store = firm["store"]
    assert store.search("client", "harbor\x00bak") == [firm["client"]]
    assert store.search("client", "harbor\x00nothing") == []


def test_nothing_searchable_finds_nothing(firm: Any) -> None:
    for text in ("", "   ", " - & ", '"'):
        assert firm["store"].search("document", text) == []


@pytest.mark.parametrize("entity", ["document", "task", "engagement"])
def test_state_words_never_match_typed_text(firm: Any, entity: str) -> None:
    store = firm["store"]
    assert store.search(entity, "harbor")  # the rows are there, found by their client
    for word in (HIDDEN_WORD, *FLAG_WORDS.values()):
        assert store.search(entity, word) == []
        assert store.search(entity, word[:8]) == []  # a prefix of one, as typed so far
        assert store.search(entity, f"harbor {word}") == []


def test_records_are_found_by_their_words_and_their_clients_name(firm: Any) -> None:
    store = firm["store"]
    assert store.search("document", "w2") == [firm["archived"]]  # "W-2" is two words
    assert store.search("document", "1099nec harbor") == [firm["review"]]
    assert sorted(store.search("document", "harbor light")) == sorted(
        [firm["archived"], firm["review"]]
    )
    assert store.search("task", "harbor w2") == [firm["task"]]
    assert store.search("engagement", "form 1040") == [firm["engagement"]]
    assert store.search("client", "light") == [firm["client"]]
