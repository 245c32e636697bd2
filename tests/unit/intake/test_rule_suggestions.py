"""Rules suggested from a person's triage assignments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.intake.rule_suggestions import Assignment, suggest_rules
from advisoros_desktop.intake.text_folding import same_form


def assigned(client_id: str, *names: str) -> list[Assignment]:
    return [(name, client_id, None, None) for name in names]


def test_two_files_with_a_shared_prefix_suggest_a_rule() -> None:
    rules = suggest_rules(assigned("acme", "ACME_scan_001.pdf", "ACME_scan_002.pdf"))
    assert rules == [FilenameRule("ACME_*", client_id="acme")]


def test_one_file_suggests_nothing() -> None:
    assert suggest_rules(assigned("acme", "ACME_scan_001.pdf")) == []
    # The same file assigned twice is still one file.
    assert suggest_rules(assigned("acme", "ACME_scan_001.pdf", "acme_scan_001.PDF")) == []


def test_a_word_inside_the_name_suggests_a_rule_around_it() -> None:
    rules = suggest_rules(assigned("smith", "W2_Smith_2024.pdf", "1099_Smith_2024.pdf"))
    assert rules == [FilenameRule("*_Smith_*", client_id="smith")]


def test_files_disagreeing_on_separators_get_the_word_alone() -> None:
    rules = suggest_rules(assigned("acme", "ACME_001.pdf", "Acme-002.pdf", "acme 003.pdf"))
    assert rules == [FilenameRule("ACME*", client_id="acme")]


def test_a_word_seen_in_another_clients_files_suggests_nothing() -> None:
    assignments = [
        *assigned("acme", "ACME_scan_001.pdf", "ACME_scan_002.pdf"),
        *assigned("other", "report_acme_review.pdf"),
    ]
    assert suggest_rules(assignments) == []


def test_a_pattern_that_would_catch_another_clients_file_is_not_suggested() -> None:
    # "ACME*" (separators disagree) would also take "ACMEX_1.pdf", which went elsewhere.
    assignments = [
        *assigned("acme", "ACME_001.pdf", "ACME-002.pdf"),
        *assigned("acmex", "ACMEX_1.pdf"),
    ]
    assert suggest_rules(assignments) == []


def test_generic_words_numbers_and_dates_never_make_a_rule() -> None:
    names = [
        "scan_0001.pdf",
        "scan_0002.pdf",
        "IMG_2024.jpg",
        "IMG_2025.jpg",
        "Document 2024-03-15.pdf",
        "Document 2024-04-15.pdf",
        "Page 1.pdf",
        "Page 2.pdf",
        "20240315.pdf",
        "20240316.pdf",
        "Invoice March.pdf",
        "Invoice April.pdf",
        "W2 2024.pdf",
        "W2 2025.pdf",
        "AB_1.pdf",  # two letters: too short to be distinctive
        "AB_2.pdf",
    ]
    assert suggest_rules(assigned("acme", *names)) == []


def test_the_latest_assignment_of_a_file_counts() -> None:
    assignments = [
        *assigned("wrong", "ACME_scan_001.pdf"),
        *assigned("acme", "ACME_scan_001.pdf", "ACME_scan_002.pdf"),
    ]
    assert suggest_rules(assignments) == [FilenameRule("ACME_*", client_id="acme")]


def test_one_rule_per_group_of_files_and_per_client() -> None:
    assignments = [
        *assigned("acme", "ACME_Holdings_001.pdf", "ACME_Holdings_002.pdf"),
        *assigned("smith", "Smith_W2.pdf", "Smith_1099.pdf", "Smith_receipt.pdf"),
    ]
    assert suggest_rules(assignments) == [
        FilenameRule("ACME_*", client_id="acme"),
        FilenameRule("Smith_*", client_id="smith"),
    ]


def test_rules_already_in_place_are_not_suggested_again() -> None:
    assignments = assigned("acme", "ACME_scan_001.pdf", "ACME_scan_002.pdf")
    existing = [FilenameRule("acme_*", client_id="acme")]
    assert suggest_rules(assignments, existing) == []


def test_unicode_names() -> None:
    rules = suggest_rules(assigned("muller", "Müller_1.pdf", "MÜLLER_2.pdf"))
    assert rules == [FilenameRule("Müller_*", client_id="muller")]
    assert rules[0].matches("müller_3.pdf")


# Names built from a few words, so that suggestions and clashes actually happen.
_built_name = st.builds(
    lambda words, separator, number: separator.join([*words, str(number)]) + ".pdf",
    st.lists(st.sampled_from(["ACME", "acme", "Zeta", "Smith", "scan", "ACMEX"]), max_size=3),
    st.sampled_from(["_", "-", " ", ""]),
    st.integers(0, 20),
)
_assignment = st.tuples(
    st.one_of(_built_name, st.text(max_size=30)),
    st.sampled_from(["a", "b", "c"]),
    st.none(),
    st.none(),
)


@given(st.lists(_assignment, max_size=30))
def test_a_suggestion_never_takes_a_file_from_the_client_it_was_given(
    assignments: list[Assignment],
) -> None:
    latest = {same_form(name).casefold(): client for name, client, _c, _y in assignments if name}
    for rule in suggest_rules(assignments):
        for name, client in latest.items():
            if rule.matches(name):
                assert rule.client_id == client
