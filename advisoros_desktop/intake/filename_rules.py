"""Filename rules: a firm's own "files named like this belong there".

A scanner that always writes "ACME_scan_001.pdf", a payroll export named
"W2_*.pdf": a rule says so once and beats anything inferred from folders or
names, because a person wrote it. Patterns are globs on the file name
(``W2_*.pdf``), or regular expressions written ``re:...`` (searched anywhere in
the name; anchor with ``^``/``$`` when needed); both ignore case.

Each field is taken from the first matching rule that sets it, so a rule for
the client and another for the year combine; folder inference fills whatever
no rule set.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, replace

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES
from advisoros_desktop.intake.text_folding import same_form

REGEX_PREFIX = "re:"
RULE_YEARS = range(1990, 2101)

# A compiled pattern's bound ``match`` or ``search``.
_Matcher = Callable[[str], "re.Match[str] | None"]


@dataclass(frozen=True)
class FilenameRule:
    """Files whose name fits ``pattern`` get the client, category and year it sets.

    Raises ValueError, with a message for the person who wrote it, when the
    pattern is not valid or the rule sets nothing valid.
    """

    pattern: str
    client_id: str | None = None
    category: str | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        if not self.pattern.strip() or self.pattern.strip() == REGEX_PREFIX:
            raise ValueError("A filename rule needs a pattern, such as W2_*.pdf.")
        try:
            _compiled(self.pattern)
        except re.error as error:
            raise ValueError(
                f"The pattern '{self.pattern}' is not a valid regular expression ({error})."
            ) from None
        if self.client_id is None and self.category is None and self.year is None:
            raise ValueError(
                f"The rule '{self.pattern}' sets no client, category or year: choose at least one."
            )
        if self.category is not None and self.category not in DOCUMENT_CATEGORIES:
            raise ValueError(
                f"'{self.category}' is not a document category; use one of "
                f"{', '.join(DOCUMENT_CATEGORIES)}."
            )
        if self.year is not None and self.year not in RULE_YEARS:
            raise ValueError(
                f"{self.year} is not a tax year; use a year from "
                f"{RULE_YEARS.start} to {RULE_YEARS.stop - 1}."
            )

    def matches(self, file_name: str) -> bool:
        """Whether this rule applies to a file called ``file_name`` (a name, not a path)."""
        return _compiled(self.pattern)(same_form(file_name)) is not None


@dataclass(frozen=True)
class RuleVerdict:
    """What the rules say about one file, and which rule said each part."""

    client_id: str | None = None
    category: str | None = None
    year: int | None = None
    client_rule: FilenameRule | None = None
    category_rule: FilenameRule | None = None
    year_rule: FilenameRule | None = None
    # The first matching rule naming a client that is no longer among the firm's clients.
    stale_rule: FilenameRule | None = None

    @property
    def rules(self) -> tuple[FilenameRule, ...]:
        """The distinct rules that set something, first set first."""
        found = (self.client_rule, self.category_rule, self.year_rule)
        return tuple(dict.fromkeys(rule for rule in found if rule is not None))


def apply_rules(
    rules: Sequence[FilenameRule],
    file_name: str,
    known_clients: Container[str] | None = None,
) -> RuleVerdict:
    """Each field from the first rule matching ``file_name`` that sets it.

    A rule's client is skipped when ``known_clients`` is given and lacks it (the
    client was deleted since the rule was written); the rule still sets its
    other fields.
    """
    verdict = RuleVerdict()
    for rule in rules:
        if not rule.matches(file_name):
            continue
        if rule.client_id is not None and verdict.client_rule is None:
            if known_clients is None or rule.client_id in known_clients:
                verdict = replace(verdict, client_id=rule.client_id, client_rule=rule)
            elif verdict.stale_rule is None:
                verdict = replace(verdict, stale_rule=rule)
        if rule.category is not None and verdict.category_rule is None:
            verdict = replace(verdict, category=rule.category, category_rule=rule)
        if rule.year is not None and verdict.year_rule is None:
            verdict = replace(verdict, year=rule.year, year_rule=rule)
    return verdict


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str) -> _Matcher:
    if pattern.startswith(REGEX_PREFIX):
        return re.compile(same_form(pattern[len(REGEX_PREFIX) :]), re.IGNORECASE).search
    return re.compile(fnmatch.translate(same_form(pattern)), re.IGNORECASE | re.DOTALL).match
