"""Filename rules: globs and regular expressions on file names, first rule wins per field."""

from __future__ import annotations

import unicodedata

import pytest

from advisoros_desktop.intake.filename_rules import FilenameRule, RuleVerdict, apply_rules


def test_a_glob_matches_the_whole_name_ignoring_case() -> None:
    rule = FilenameRule("W2_*.pdf", category="w2")
    assert rule.matches("W2_2024.pdf")
    assert rule.matches("w2_acme.PDF")
    assert not rule.matches("old W2_2024.pdf")
    assert not rule.matches("W2_2024.pdf.part")


def test_a_regex_is_searched_anywhere_unless_anchored() -> None:
    anywhere = FilenameRule(r"re:acme\d+", client_id="acme")
    anchored = FilenameRule(r"re:^acme\d+\.pdf$", client_id="acme")
    assert anywhere.matches("Scan ACME42 final.pdf")
    assert anchored.matches("acme42.PDF")
    assert not anchored.matches("Scan ACME42 final.pdf")


def test_names_from_macos_match_rules_typed_on_windows() -> None:
    rule = FilenameRule("Müller_*", client_id="mueller")
    assert rule.matches(unicodedata.normalize("NFD", "Müller_scan.pdf"))
    regex = FilenameRule(unicodedata.normalize("NFD", "re:^Müller"), client_id="mueller")
    assert regex.matches("Müller_scan.pdf")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"pattern": "  ", "client_id": "a"}, "needs a pattern"),
        ({"pattern": "re:", "client_id": "a"}, "needs a pattern"),
        ({"pattern": "re:(unclosed", "client_id": "a"}, "not a valid regular expression"),
        ({"pattern": "*.pdf"}, "sets no client, category or year"),
        ({"pattern": "*.pdf", "category": "w-2"}, "'w-2' is not a document category"),
        ({"pattern": "*.pdf", "year": 24}, "24 is not a tax year"),
    ],
)
def test_invalid_rules_say_what_to_fix(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FilenameRule(**arguments)  # type: ignore[arg-type]


def test_each_field_comes_from_the_first_matching_rule_that_sets_it() -> None:
    client_rule = FilenameRule("ACME_*", client_id="acme")
    year_rule = FilenameRule("*_2024_*", year=2024, category="invoice")
    later = FilenameRule("*", client_id="other", category="receipt", year=2020)
    verdict = apply_rules([client_rule, year_rule, later], "ACME_2024_001.pdf")
    assert verdict == RuleVerdict(
        client_id="acme",
        category="invoice",
        year=2024,
        client_rule=client_rule,
        category_rule=year_rule,
        year_rule=year_rule,
    )
    assert verdict.rules == (client_rule, year_rule)


def test_no_matching_rule_sets_nothing() -> None:
    assert apply_rules([FilenameRule("W2_*", category="w2")], "invoice.pdf") == RuleVerdict()
    assert apply_rules([], "invoice.pdf") == RuleVerdict()


def test_a_rule_for_a_client_no_longer_in_the_firm_sets_only_its_other_fields() -> None:
    stale = FilenameRule("ACME_*", client_id="gone", category="invoice")
    fallback = FilenameRule("*.pdf", client_id="acme")
    verdict = apply_rules([stale, fallback], "ACME_1.pdf", known_clients={"acme"})
    assert verdict.client_id == "acme"
    assert verdict.client_rule is fallback
    assert verdict.category == "invoice"
    assert verdict.stale_rule is stale
