"""Routing files to a client, category and year from rules, folders and names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES
from advisoros_desktop.intake.routing import ClientName, FilenameRule, Route, Router

ROOT = Path("/scans")
LATEST = 2026
CLIENTS = [
    ClientName("acme", "Acme LLC", ("Acme Holdings Legal",)),
    ClientName("smith", "John Smith"),
    ClientName("jane", "Jane Smith"),
    ClientName("muller", "Müller Farms, Inc."),
]


def router(*rules: FilenameRule, threshold: float = 0.85) -> Router:
    return Router(CLIENTS, rules, threshold=threshold, latest_year=LATEST)


def route(relative: str, *rules: FilenameRule) -> Route:
    return router(*rules).route(ROOT / relative, ROOT)


def test_the_first_folder_is_the_client() -> None:
    found = route("Acme/scan.pdf")
    assert (found.client_id, found.confidence, found.certain) == ("acme", 1.0, True)
    assert found.reason == "folder 'Acme' matches client Acme LLC (100%)"


@pytest.mark.parametrize(
    "relative",
    [
        "Smith, John/2024/W-2/a.pdf",
        "Smith, John/W-2/2024/a.pdf",
        "Smith, John/W2s/Tax Year 2024/a.pdf",
        "Smith, John/2024 W-2s/a.pdf",
        "Smith, John/2024/W-2/Employer A/a.pdf",
        "JOHN SMITH/Archive/2024/W-2/a.pdf",
    ],
)
def test_year_and_category_folders_in_any_order(relative: str) -> None:
    found = route(relative)
    assert (found.client_id, found.category, found.year, found.certain) == (
        "smith",
        "w2",
        2024,
        True,
    )


def test_the_folder_nearest_the_file_wins() -> None:
    found = route("Acme/2023/Amended 2024/Receipts/Bank/x.pdf")
    assert (found.category, found.year) == ("bank_statement", 2024)


def test_a_year_in_the_client_folder_is_the_year() -> None:
    found = route("Smith, John 2024/scan.pdf")
    assert (found.client_id, found.year, found.certain) == ("smith", 2024, True)


def test_folders_win_over_hints_in_the_file_name() -> None:
    found = route("Acme/2023/Invoices/receipt 2024.pdf")
    assert (found.category, found.year) == ("invoice", 2023)


def test_the_file_name_fills_what_folders_do_not_say() -> None:
    found = route("Acme/W2_2025.pdf")
    assert (found.client_id, found.category, found.year) == ("acme", "w2", 2025)


def test_ambiguous_folders_wait_for_a_person_and_say_why() -> None:
    found = route("Smith/x.pdf")
    assert found.client_id in ("smith", "jane")
    assert not found.certain
    assert "ambiguous" in found.reason
    assert "John Smith" in found.reason and "Jane Smith" in found.reason


def test_a_weak_match_is_suggested_but_not_certain() -> None:
    found = route("Holdings/x.pdf")
    assert found.client_id == "acme"
    assert 0 < found.confidence < 0.85 and not found.certain


@pytest.mark.parametrize(
    ("relative", "reason"),
    [
        ("scan.pdf", "no client folder"),
        ("2024/scan.pdf", "no client folder ('2024' names a year)"),
        ("Receipts/scan.pdf", "no client folder ('Receipts' names a category)"),
        ("Zebra Partners/scan.pdf", "folder 'Zebra Partners' matches no client"),
    ],
)
def test_no_client(relative: str, reason: str) -> None:
    found = route(relative)
    assert (found.client_id, found.confidence, found.certain) == (None, 0.0, False)
    assert found.reason == reason


def test_a_year_or_category_folder_in_place_of_the_client_still_gives_them() -> None:
    found = route("2024/Receipts/scan.pdf")
    assert (found.client_id, found.category, found.year) == (None, "receipt", 2024)


def test_a_rule_beats_the_folders_for_the_fields_it_sets() -> None:
    rule = FilenameRule("W2_*.pdf", category="w2")
    found = route("Acme/2024/Invoices/W2_x.pdf", rule)
    assert (found.client_id, found.category, found.year) == ("acme", "w2", 2024)
    assert found.reason == "folder 'Acme' matches client Acme LLC (100%); rule 'W2_*.pdf'"


def test_a_rule_naming_the_client_is_certain() -> None:
    rule = FilenameRule("ACME_*", client_id="acme")
    found = route("Unsorted scans/ACME_001.pdf", rule)
    assert (found.client_id, found.confidence, found.certain) == ("acme", 1.0, True)
    assert found.reason == "rule 'ACME_*'"


def test_a_rule_for_a_deleted_client_falls_back_to_the_folder() -> None:
    rule = FilenameRule("ACME_*", client_id="deleted-client")
    found = route("Muller Farms/ACME_001.pdf", rule)
    assert found.client_id == "muller"
    assert "rule 'ACME_*' names a client no longer in the firm" in found.reason


def test_a_dropped_file_uses_rules_and_its_name_only() -> None:
    plain = router().route(Path("/home/cpa/Desktop/Acme/W2 2024.pdf"), None)
    assert (plain.client_id, plain.confidence, plain.certain) == (None, 0.0, False)
    assert (plain.category, plain.year) == ("w2", 2024)
    assert plain.reason == "dropped file: no rule names its client"

    ruled = router(FilenameRule("W2 *", client_id="smith")).route(Path("/tmp/W2 2024.pdf"), None)
    assert (ruled.client_id, ruled.certain, ruled.year) == ("smith", True, 2024)


def test_a_file_outside_the_watched_folder_has_no_client_folder() -> None:
    found = router().route(Path("/elsewhere/Acme/x.pdf"), ROOT)
    assert (found.client_id, found.reason) == (None, "outside the watched folder")


def test_the_threshold_decides_certainty() -> None:
    strict = router(threshold=0.99).route(ROOT / "Acme Holdngs Legal/x.pdf", ROOT)
    lenient = router(threshold=0.5).route(ROOT / "Acme Holdngs Legal/x.pdf", ROOT)
    assert strict.confidence == lenient.confidence
    assert not strict.certain and lenient.certain
    with pytest.raises(ValueError, match="threshold"):
        Router(CLIENTS, threshold=0)


def test_clients_matching_for_the_picker() -> None:
    matches = router().clients_matching("mül", limit=3)
    assert matches[0][0].client_id == "muller"
    assert all(0.0 < score <= 1.0 for _, score in matches)
    assert len(router().clients_matching("smith", limit=1)) == 1
    assert router().clients_matching("smith", limit=0) == []
    assert router().clients_matching("  ") == []


def test_many_files_in_few_folders() -> None:
    clients = [ClientName(f"c{n}", f"Client Number {n} LLC") for n in range(500)]
    many = Router(clients, latest_year=LATEST)
    routes = [many.route(ROOT / f"Client Number {n % 7}" / f"{n}.pdf", ROOT) for n in range(700)]
    assert {r.client_id for r in routes} == {f"c{n}" for n in range(7)}
    assert all(r.certain for r in routes)


_segment = st.text(min_size=0, max_size=24).filter(lambda s: "/" not in s and "\0" not in s)


@given(
    segments=st.lists(_segment, min_size=1, max_size=6),
    use_root=st.booleans(),
    rule_pattern=st.sampled_from(["*", "*.pdf", "re:\\d{4}", "re:^a", "ACME_*"]),
)
def test_routing_never_raises_and_routes_are_well_formed(
    segments: list[str], use_root: bool, rule_pattern: str
) -> None:
    rules = (FilenameRule(rule_pattern, category="invoice"),)
    path = Path(ROOT, *segments)
    found = router(*rules).route(path, ROOT if use_root else None)
    assert 0.0 <= found.confidence <= 1.0
    assert found.client_id is None or found.client_id in {c.client_id for c in CLIENTS}
    assert found.client_id is not None or found.confidence == 0.0
    assert found.category is None or found.category in DOCUMENT_CATEGORIES
    assert found.year is None or 1990 <= found.year <= LATEST
    assert found.reason
