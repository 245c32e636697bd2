"""Fuzzy client matching: folded names, confidence, ambiguity, the typed-text picker."""

from __future__ import annotations

import pytest

from advisoros_desktop.intake.client_matching import (
    ClientIndex,
    ClientName,
    Identification,
    normalised_name,
)

CLIENTS = [
    ClientName("acme", "Acme Holdings, LLC", ("ACME Holdings Legal Entity",)),
    ClientName("smith", "John Smith"),
    ClientName("jane", "Jane Smith"),
    ClientName("muller", "Müller Farms, Inc."),
    ClientName("obrien", "O'Brien & Co."),
    ClientName("jr", "J.R. Ewing Oil Corp"),
    ClientName("dental", "Bright Smile Dental PLLC", ("Maria Lopez",)),
]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Acme Holdings, LLC", "acme holdings"),
        ("The Smith & Co., L.L.C.", "smith"),
        ("Smith & Co", "smith"),
        ("Müller Farms, Inc.", "muller farms"),
        ("O'Brien", "obrien"),
        ("J.R. Ewing", "jr ewing"),
        ("JohnSmith", "john smith"),
        ("smith_john-2", "smith john 2"),
        ("LLC", "llc"),  # nothing left but the ending: keep it
        ("Иванов и партнеры", "иванов и партнеры"),
        ("___", ""),
    ],
)
def test_names_are_folded_to_one_spelling(text: str, normalised: str) -> None:
    assert normalised_name(text) == normalised


@pytest.mark.parametrize(
    ("folder", "client_id"),
    [
        ("Acme Holdings", "acme"),
        ("ACME HOLDINGS LLC", "acme"),
        ("acme-holdings", "acme"),
        ("Smith, John", "smith"),
        ("SMITH JOHN", "smith"),
        ("JohnSmith", "smith"),
        ("johnsmith", "smith"),
        ("Muller Farms", "muller"),
        ("MÜLLER FARMS INC", "muller"),
        ("OBrien", "obrien"),
        ("O Brien", "obrien"),
        ("JR Ewing Oil", "jr"),
        ("Lopez, Maria", "dental"),  # an alias: the primary contact
        ("Bright Smile Dental", "dental"),
    ],
)
def test_folder_spellings_find_their_client_with_certainty(folder: str, client_id: str) -> None:
    found = ClientIndex(CLIENTS).identify(folder)
    assert found.client is not None and found.client.client_id == client_id
    assert found.confidence >= 0.85
    assert found.rival is None


def test_a_typo_is_a_likely_match() -> None:
    found = ClientIndex(CLIENTS).identify("Acme Holdngs")
    assert found.client is not None and found.client.client_id == "acme"
    assert 0.85 <= found.confidence < 1.0


def test_part_of_a_name_is_likely_but_never_certain() -> None:
    found = ClientIndex(CLIENTS).identify("Ewing")
    assert found.client is not None and found.client.client_id == "jr"
    assert 0.6 <= found.confidence < 0.85


def test_two_clients_fitting_alike_make_the_match_doubtful() -> None:
    index = ClientIndex(CLIENTS)
    found = index.identify("Smith")
    assert found.client is not None and found.rival is not None
    assert {found.client.client_id, found.rival.client_id} == {"smith", "jane"}
    assert found.confidence < 0.5
    # The full name settles it.
    exact = index.identify("Jane Smith")
    assert exact.client is not None and exact.client.client_id == "jane"
    assert exact.rival is None and exact.confidence == 1.0


def test_two_clients_with_the_same_name_are_never_certain() -> None:
    index = ClientIndex([ClientName("a", "Acme LLC"), ClientName("b", "Acme, Inc.")])
    found = index.identify("Acme")
    assert found.rival is not None
    assert found.confidence < 0.85


def test_unknown_or_empty_text_matches_no_client() -> None:
    index = ClientIndex(CLIENTS)
    assert index.identify("Zebra Quantum Partners") == Identification(None, 0.0)
    assert index.identify("") == Identification(None, 0.0)
    assert index.identify("--") == Identification(None, 0.0)
    assert ClientIndex([]).identify("Acme") == Identification(None, 0.0)


def test_typed_text_finds_names_by_word_starts() -> None:
    index = ClientIndex(CLIENTS)
    assert [c.client_id for c, _ in index.ranked("acm", typing=True)][:1] == ["acme"]
    found = [c.client_id for c, _ in index.ranked("sm", typing=True)]
    assert set(found[:3]) >= {"smith", "jane"}
    assert [c.client_id for c, _ in index.ranked("bri smi", typing=True)][:1] == ["dental"]
    # Without typing, a word start is not a match.
    assert index.ranked("sm") == []


def test_ranked_is_best_first_and_each_client_once() -> None:
    ranked = ClientIndex(CLIENTS).ranked("Acme Holdings")
    ids = [client.client_id for client, _ in ranked]
    assert ids[0] == "acme" and len(ids) == len(set(ids))
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)


def test_from_record_takes_legal_and_contact_names_as_aliases() -> None:
    record = {
        "id": "c1",
        "businessName": "Acme",
        "legalName": "Acme Holdings LLC",
        "primaryContactName": "Acme",
    }
    assert ClientName.from_record(record) == ClientName("c1", "Acme", ("Acme Holdings LLC",))


def test_the_index_of_the_same_client_list_is_built_once() -> None:
    clients = list(CLIENTS)
    first = ClientIndex.of(clients)
    assert ClientIndex.of(clients) is first
    assert ClientIndex.of(list(CLIENTS)) is not first


def test_a_different_number_is_a_different_client() -> None:
    index = ClientIndex([ClientName("one", "Property 1 LLC"), ClientName("ten", "Property 10 LLC")])
    found = index.identify("Property 1")
    assert found.client is not None and found.client.client_id == "one"
    assert found.rival is None and found.confidence == 1.0
