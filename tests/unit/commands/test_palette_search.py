"""The palette's search over a real cache: what an accountant types finds what they mean."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.commands import palette_search
from advisoros_desktop.commands.palette_search import PaletteIndex, PaletteItem
from advisoros_desktop.commands.palette_text import query_words, record_words, word_quality
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.feed_apply import apply_page, check_page
from advisoros_desktop.store.local_store import LocalStore

COMMANDS = [
    PaletteItem("command", "archive", "Archive", "Records"),
    PaletteItem("command", "undo", "Undo", "Edit"),
    PaletteItem("command", "sync-now", "Sync now", "Sync"),
    PaletteItem("command", "new-client", "New client", "Records"),
]


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


def _item(entity: str, **data: Any) -> dict[str, Any]:
    record_id = data.pop("id", None) or new_id()
    stamp = data.pop("updatedAt", "2026-01-02T00:00:00.000Z")
    return {
        "entity": entity,
        "id": record_id,
        "version": 1,
        "deleted": False,
        "data": {
            "id": record_id,
            "version": 1,
            "organizationId": "o",
            "createdAt": stamp,
            "updatedAt": stamp,
            "deletedAt": None,
            **data,
        },
    }


def _pull(store: LocalStore, *items: dict[str, Any]) -> None:
    """Records arriving from the server, as the sync engine writes them."""
    page = {"items": list(items), "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)


class Firm:
    """A small firm: three Smiths among other clients, their documents, work and tasks."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self.smith_sons = store.create("client", {"businessName": "Smith & Sons Plumbing"})
        self.john_smith = store.create(
            "client", {"businessName": "John Smith", "businessType": "individual"}
        )
        self.goldsmith = store.create("client", {"businessName": "Goldsmith Bakery"})
        self.acme = store.create(
            "client", {"businessName": "Acme LLC", "primaryContactName": "Maria Smith"}
        )
        self.jose = store.create("client", {"businessName": "José Núñez"})
        documents = [
            _item("document", clientId=self.john_smith, fileName="W-2 2024 - Acme LLC.pdf",
                  category="w2", year=2024),
            _item("document", clientId=self.john_smith, fileName="scan0042.pdf",
                  category="w2", year=2023),
            _item("document", clientId=self.john_smith, fileName="1099-INT 2024 Chase.pdf",
                  category="1099", year=2024),
            _item("document", clientId=self.acme, fileName="W-2 2024 - Northwind.pdf",
                  category="w2", year=2024),
            _item("document", clientId=self.acme, fileName="Archive 2019.zip",
                  category="general", year=2019),
        ]  # fmt: skip
        _pull(store, *documents)
        self.w2_john, self.scan_john, self.int_john, self.w2_acme, self.archive_zip = (
            d["id"] for d in documents
        )
        self.engagement = store.create(
            "engagement", {"clientId": self.john_smith, "name": "2024 Form 1040", "taxYear": 2024}
        )
        self.task = store.create(
            "task", {"title": "Request brokerage statements", "clientId": self.goldsmith}
        )


@pytest.fixture
def firm(store: LocalStore) -> Firm:
    return Firm(store)


@pytest.fixture
def index(store: LocalStore, firm: Firm) -> PaletteIndex:
    index = PaletteIndex(store)
    index.load()
    return index


def _keys(items: list[PaletteItem]) -> list[str]:
    return [item.key for item in items]


def test_text_is_folded_and_hyphenated_words_are_kept_whole() -> None:
    assert record_words("W-2 2024 - O'Brien & José.pdf") == [
        "w", "2", "w2", "2024", "obrien", "jose", "pdf",
    ]  # fmt: skip
    assert query_words("  W-2  smith  smith ") == ["w2", "smith"]
    assert query_words("1099-NEC") == ["1099nec"]
    assert word_quality("smith", "smith") == 1.0
    assert 0.7 < word_quality("smi", "smith") < 1.0
    assert 0.0 < word_quality("smtih", "smith") < word_quality("smi", "smith")
    assert word_quality("smtih", "jones") == 0.0


def test_a_prefix_finds_the_clients_whose_name_starts_with_it(
    index: PaletteIndex, firm: Firm
) -> None:
    found = index.search("smi", COMMANDS)
    assert _keys(found)[:2] == [firm.smith_sons, firm.john_smith]
    assert found[0] == PaletteItem("client", firm.smith_sons, "Smith & Sons Plumbing", "")


def test_two_words_find_the_documents_holding_both(index: PaletteIndex, firm: Firm) -> None:
    found = index.search("w2 smith", COMMANDS)
    # John Smith's W-2s (one only by its category), not Acme's W-2 nor Smith's 1099.
    assert set(_keys(found)[:2]) == {firm.w2_john, firm.scan_john}
    assert firm.int_john not in _keys(found)
    w2 = next(item for item in found if item.key == firm.w2_john)
    assert w2.kind == "document" and w2.subtitle == "John Smith · 2024 · W-2"


def test_a_typo_still_finds_the_name(index: PaletteIndex, firm: Firm) -> None:
    assert _keys(index.search("smtih", COMMANDS))[:2] == [firm.smith_sons, firm.john_smith]
    assert _keys(index.search("jhon smith", COMMANDS))[0] == firm.john_smith


def test_accents_and_case_do_not_matter(index: PaletteIndex, firm: Firm) -> None:
    assert _keys(index.search("JOSE nunez", COMMANDS)) == [firm.jose]


def test_a_command_whose_title_fits_beats_records(index: PaletteIndex, firm: Firm) -> None:
    found = index.search("archive", COMMANDS)
    assert found[0].kind == "command" and found[0].key == "archive"
    assert firm.archive_zip in _keys(found)  # the file is still there, after the command
    assert index.search("sync", COMMANDS)[0].key == "sync-now"


def test_records_found_only_by_context_come_after_those_named_so(
    index: PaletteIndex, firm: Firm
) -> None:
    keys = _keys(index.search("smith", COMMANDS))
    # Named Smith first; then Acme (its contact is a Smith) and John Smith's records.
    assert keys[:2] == [firm.smith_sons, firm.john_smith]
    assert keys.index(firm.acme) > 1 and firm.w2_john in keys
    assert keys.index(firm.goldsmith) > keys.index(firm.john_smith)  # only inside a word


def test_recent_records_come_first_among_look_alikes(index: PaletteIndex, firm: Firm) -> None:
    recent = [("client", firm.john_smith)]
    assert _keys(index.search("smith", COMMANDS, recent))[0] == firm.john_smith


def test_empty_text_shows_recent_items_then_commands(index: PaletteIndex, firm: Firm) -> None:
    recent = [("document", firm.w2_john), ("command", "undo"), ("client", "gone-long-ago")]
    found = index.search("  ", COMMANDS, recent)
    assert [(i.kind, i.key) for i in found] == [
        ("document", firm.w2_john),
        ("command", "undo"),
        ("command", "archive"),
        ("command", "sync-now"),
        ("command", "new-client"),
    ]
    assert len(index.search("", COMMANDS, recent, limit=2)) == 2


def test_nothing_fits_nothing_is_found(index: PaletteIndex) -> None:
    assert index.search("zzzqqq", COMMANDS) == []
    assert index.search("smith zzzqqq", COMMANDS) == []


def test_kinds_and_subtitles(index: PaletteIndex, firm: Firm) -> None:
    engagement = index.search("form 1040", COMMANDS)[0]
    assert (engagement.kind, engagement.key) == ("engagement", firm.engagement)
    assert engagement.subtitle == "John Smith · 2024 · Planning"
    task = index.search("brokerage", COMMANDS)[0]
    assert (task.kind, task.key, task.subtitle) == ("task", firm.task, "Goldsmith Bakery · Pending")


def test_deleted_records_are_not_loaded(store: LocalStore, firm: Firm) -> None:
    store.delete("client", firm.goldsmith)
    index = PaletteIndex(store)
    index.load()
    assert firm.goldsmith not in _keys(index.search("goldsmith", COMMANDS))


def test_among_many_equal_fits_the_most_recently_changed_come_first(
    store: LocalStore, firm: Firm
) -> None:
    items = [
        _item(
            "document",
            clientId=firm.acme,
            fileName=f"Receipt {n:03d}.jpg",
            category="receipt",
            updatedAt=f"2026-02-01T00:00:{n // 10:02d}.{n % 10}00Z",
        )
        for n in range(400)
    ]
    _pull(store, *items)
    index = PaletteIndex(store)
    index.load()
    for text in ("receipt", "rec", "r", "receipt acme"):
        found = [i.title for i in index.search(text, COMMANDS, limit=5)]
        assert found == [f"Receipt {n:03d}.jpg" for n in (399, 398, 397, 396, 395)], text


# -- keeping up to date -----------------------------------------------------------------
def test_edits_reach_the_index_through_store_notices(
    store: LocalStore, index: PaletteIndex
) -> None:
    store.subscribe(index.apply)
    created = store.create("client", {"businessName": "Zephyr Logistics"})
    assert _keys(index.search("zephyr", COMMANDS)) == [created]
    store.update("client", created, {"businessName": "Yonder Freight"})
    assert index.search("zephyr", COMMANDS) == []
    assert index.search("yonder", COMMANDS)[0].title == "Yonder Freight"
    store.delete("client", created)
    assert index.search("yonder", COMMANDS) == []


def test_renaming_a_client_renames_it_in_its_records_subtitles(
    store: LocalStore, index: PaletteIndex, firm: Firm
) -> None:
    store.subscribe(index.apply)
    store.update("client", firm.john_smith, {"businessName": "John Q. Smithson"})
    w2 = next(i for i in index.search("w2 smithson", COMMANDS) if i.key == firm.w2_john)
    assert w2.subtitle == "John Q. Smithson · 2024 · W-2"
    assert firm.scan_john not in _keys(index.search("w2 nobody", COMMANDS))


def test_a_new_client_does_not_read_its_records_again(store: LocalStore, firm: Firm) -> None:
    from advisoros_desktop.commands import palette_records
    from advisoros_desktop.database_setup import reading

    client = store.create("client", {"businessName": "Brand New Bakery"})
    store.create("engagement", {"clientId": client, "name": "2026 Tax Return"})
    known = {firm.john_smith: "John Smith"}
    with reading(store.engine) as conn:
        fresh, gone = palette_records.read_changed(conn, {"client": {client}}, known)
    assert [r.key for r in fresh] == [client] and gone == []  # its engagement is not re-read
    with reading(store.engine) as conn:
        fresh, _gone = palette_records.read_changed(
            conn, {"client": {client}}, {**known, client: "Old Bakery Name"}
        )
    assert {r.kind for r in fresh} == {"client", "engagement"}  # renamed: its records follow


def test_records_pulled_from_the_server_are_indexed(
    store: LocalStore, index: PaletteIndex, firm: Firm
) -> None:
    store.subscribe(index.apply)
    item = _item("document", clientId=firm.acme, fileName="K-1 2024 Fund.pdf", category="general")
    _pull(store, item)
    assert _keys(index.search("k1 acme", COMMANDS)) == [item["id"]]
    _pull(store, {"entity": "document", "id": item["id"], "version": 2, "deleted": True})
    assert index.search("k1 acme", COMMANDS) == []


def test_many_changes_are_applied_and_dead_entries_swept(store: LocalStore, firm: Firm) -> None:
    index = PaletteIndex(store)
    index.load()
    store.subscribe(index.apply)
    items = [
        _item("document", clientId=firm.acme, fileName=f"Scan {n:04d}.jpg", category="receipt")
        for n in range(2_500)
    ]
    _pull(store, *items)
    assert index.settle(timeout=30)  # that many go to a background thread
    assert len(index) == 5 + 5 + 2 + 2_500
    for item in items:  # each changed once more: 2,500 dead slots, enough to sweep
        item["version"] = item["data"]["version"] = 2
        item["data"]["fileName"] = item["data"]["fileName"].replace("Scan", "Lunch")
    _pull(store, *items)
    assert index.settle(timeout=30)
    assert not index._corpus.dead[3]  # swept
    assert index.search("scan 0042", COMMANDS) == []
    assert [i.title for i in index.search("lunch 0042", COMMANDS)] == ["Lunch 0042.jpg"]


def test_a_change_made_while_loading_is_not_lost(
    store: LocalStore, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = PaletteIndex(store)
    store.subscribe(index.apply)
    read = palette_search.build_corpus

    def read_then_edit(store: LocalStore) -> Any:
        corpus = read(store)  # the old name: the edit below came too late for this read
        store.update("client", firm.acme, {"businessName": "Acme Holdings"})
        return corpus

    monkeypatch.setattr(palette_search, "build_corpus", read_then_edit)
    index.load()
    assert index.search("acme holdings", COMMANDS)[0].key == firm.acme
    assert firm.acme not in _keys(index.search("acme llc", COMMANDS))


def test_searching_while_loading_and_applying_on_other_threads(
    store: LocalStore, firm: Firm
) -> None:
    index = PaletteIndex(store)
    store.subscribe(index.apply)
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_searching() -> None:
        try:
            while not stop.is_set():
                for text in ("s", "sm", "smi", "w2 smith", "acme", ""):
                    index.search(text, COMMANDS, [("client", firm.acme)])
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    def keep_loading() -> None:
        try:
            for _ in range(5):
                index.load()
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=keep_searching) for _ in range(2)]
    threads.append(threading.Thread(target=keep_loading))
    for thread in threads:
        thread.start()
    for n in range(30):
        store.create("client", {"businessName": f"Smithfield Farms {n}"})
    threads[-1].join()
    stop.set()
    for thread in threads:
        thread.join()
    assert errors == []
    assert index.settle(timeout=30)
    assert len(index.search("smithfield", COMMANDS)) == 30


def test_background_indexing_waits_while_paused(store: LocalStore, firm: Firm) -> None:
    index = PaletteIndex(store)
    index.load()
    store.subscribe(index.apply)
    index.pause_background(True)  # uploads are running
    items = [
        _item("document", clientId=firm.acme, fileName=f"Invoice {n:04d}.pdf", category="invoice")
        for n in range(300)
    ]
    _pull(store, *items)  # more than are applied at once: the background thread's work
    assert not index.settle(timeout=0.3)
    assert index.search("invoice 0042", COMMANDS) == []
    index.pause_background(False)
    assert index.settle(timeout=30)
    assert [i.title for i in index.search("invoice 0042", COMMANDS)] == ["Invoice 0042.pdf"]
