"""Routing: which client, category and tax year a file belongs to.

Watched folders are laid out ``<root>/<client>/[<year>/][<category>/]file``
(year and category folders in either order, deeper folders allowed). What a
person configured wins: filename rules first, each field from the first rule
that sets it; then the folders; then hints in the file name itself. A dropped
file has no folders, so only rules and its name speak for it.

The client comes from a rule (certain) or from the first folder under the root,
matched fuzzily against the firm's clients. Only a certain route (confidence at
or above the threshold) goes straight to the upload queue; anything weaker
waits in the "Unsorted" triage list with its reason, so a person decides.

A drop can hold thousands of files in a handful of folders: each distinct
folder name is read once and remembered. A Router is built for one set of
clients and rules; build a new one when they change. Safe to share between
threads (the memo only ever gains entries that are the same whoever adds them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TypeVar

from advisoros_desktop.intake.client_matching import ClientIndex, ClientName, Identification
from advisoros_desktop.intake.filename_rules import FilenameRule, RuleVerdict, apply_rules
from advisoros_desktop.intake.name_hints import (
    NameHints,
    hints_from_file_name,
    hints_from_name,
    latest_tax_year,
)

__all__ = ["DEFAULT_THRESHOLD", "ClientName", "FilenameRule", "Route", "Router"]

DEFAULT_THRESHOLD = 0.85
# Folder names remembered before the memo starts over (a runaway tree must not grow it forever).
MEMO_LIMIT = 50_000

_T = TypeVar("_T")


@dataclass(frozen=True)
class Route:
    """Where a file goes, how sure that is, and why (shown in the triage list)."""

    client_id: str | None
    confidence: float  # 0..1
    category: str | None
    year: int | None
    reason: str
    threshold: float = field(default=DEFAULT_THRESHOLD, compare=False)

    @property
    def certain(self) -> bool:
        """Sure enough to queue without asking; otherwise the file waits in 'Unsorted'."""
        return self.client_id is not None and self.confidence >= self.threshold


@dataclass(frozen=True)
class _ClientFolder:
    """What the first folder under the root says."""

    identification: Identification
    reason: str
    hints: NameHints  # the year or category it gives, when it gives any


class Router:
    """Routes files for one firm: its clients and its filename rules."""

    def __init__(
        self,
        clients: Sequence[ClientName],
        rules: Sequence[FilenameRule] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        latest_year: int | None = None,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(
                f"The routing threshold must be above 0 and at most 1, not {threshold}."
            )
        self.threshold = threshold
        self._index = ClientIndex.of(clients)
        self._rules = tuple(rules)
        self._latest_year = latest_tax_year() if latest_year is None else latest_year
        self._client_folders: dict[str, _ClientFolder] = {}
        self._folder_hints: dict[str, NameHints] = {}

    def route(self, path: Path, root: Path | None) -> Route:
        """Route the file at ``path``, found under the watched folder ``root`` (None: dropped).

        Reads names only; never touches the disk.
        """
        verdict = apply_rules(self._rules, path.name, self._index.client_ids)
        folders = _folders_between(root, path)
        client_folder = self._client_folder(folders[0]) if folders else None

        client_id, confidence, reason = _client_of(verdict, root, folders, client_folder)

        category, year = verdict.category, verdict.year
        # Nearest folder to the file first: it is the most specific.
        hint_sources = [self._hints_of_folder(name) for name in reversed((folders or ())[1:])]
        if client_folder is not None:
            hint_sources.append(client_folder.hints)
        hint_sources.append(hints_from_file_name(path.name, latest_year=self._latest_year))
        for hints in hint_sources:
            category = category if category is not None else hints.category
            year = year if year is not None else hints.year

        return Route(
            client_id,
            confidence,
            category,
            year,
            _with_rules(reason, verdict),
            self.threshold,
        )

    def clients_matching(self, text: str, limit: int = 10) -> list[tuple[ClientName, float]]:
        """Clients fitting ``text``, best first, with scores 0..1 (for the client picker)."""
        if limit <= 0:
            return []
        return [(client, score / 100) for client, score in self._index.ranked(text, typing=True)][
            :limit
        ]

    def _client_folder(self, name: str) -> _ClientFolder:
        known = self._client_folders.get(name)
        if known is None:
            known = self._read_client_folder(name)
            _remember(self._client_folders, name, known)
        return known

    def _read_client_folder(self, name: str) -> _ClientFolder:
        hints = hints_from_name(name, latest_year=self._latest_year)
        if hints.only_hints:
            what = "a year" if hints.category is None else "a category"
            return _ClientFolder(
                Identification(None, 0.0), f"no client folder ('{name}' names {what})", hints
            )
        found = self._index.identify(name)
        if hints.year is None:
            return _ClientFolder(found, _folder_reason(name, found), NameHints())
        # "Smith, John 2024": the year is most likely not part of the client's name,
        # unless the name with it fits better ("Studio 2024 LLC").
        without_year = re.sub(rf"(?<!\d){hints.year}(?!\d)", " ", name)
        found_without = self._index.identify(without_year)
        year_only = NameHints(year=hints.year)
        if found_without.confidence > found.confidence:
            return _ClientFolder(found_without, _folder_reason(name, found_without), year_only)
        return _ClientFolder(
            found, _folder_reason(name, found), year_only if found.client is None else NameHints()
        )

    def _hints_of_folder(self, name: str) -> NameHints:
        known = self._folder_hints.get(name)
        if known is None:
            known = hints_from_name(name, latest_year=self._latest_year)
            _remember(self._folder_hints, name, known)
        return known


def _client_of(
    verdict: RuleVerdict,
    root: Path | None,
    folders: tuple[str, ...] | None,
    client_folder: _ClientFolder | None,
) -> tuple[str | None, float, str]:
    """The client, the confidence and the reason, from a rule or else the client folder."""
    if verdict.client_id is not None and verdict.client_rule is not None:
        return verdict.client_id, 1.0, f"rule '{verdict.client_rule.pattern}'"
    if client_folder is not None:
        found = client_folder.identification
        if found.client is None:
            return None, 0.0, client_folder.reason
        return found.client.client_id, found.confidence, client_folder.reason
    if root is None:
        return None, 0.0, "dropped file: no rule names its client"
    if folders is None:
        return None, 0.0, "outside the watched folder"
    return None, 0.0, "no client folder"


def _folders_between(root: Path | None, path: Path) -> tuple[str, ...] | None:
    """The folder names from ``root`` down to the file; None when it is not under ``root``."""
    if root is None:
        return ()
    try:
        relative = PurePath(path).relative_to(root)
    except ValueError:
        return None
    return relative.parts[:-1]


def _folder_reason(name: str, found: Identification) -> str:
    if found.client is None:
        return f"folder '{name}' matches no client"
    if found.rival is not None:
        return (
            f"folder '{name}' is ambiguous: {found.client.name} ({found.score:.0%}) "
            f"or {found.rival.name} ({found.rival_score:.0%})"
        )
    return f"folder '{name}' matches client {found.client.name} ({found.confidence:.0%})"


def _with_rules(reason: str, verdict: RuleVerdict) -> str:
    """The client's reason, then any rule that set the category or year, or was stale."""
    parts = [reason]
    parts += [f"rule '{rule.pattern}'" for rule in verdict.rules if rule is not verdict.client_rule]
    if verdict.stale_rule is not None and verdict.client_rule is None:
        parts.append(f"rule '{verdict.stale_rule.pattern}' names a client no longer in the firm")
    return "; ".join(parts)


def _remember(memo: dict[str, _T], key: str, value: _T) -> None:
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = value
