"""The accountant's intake settings: watched folders, filename rules, what triage taught.

Kept in the app's QSettings, each list as one JSON text so an INI file holds
it faithfully on every platform. Each account has its own group: watched
folders, rules and what triage taught name that firm's clients, and a scanner
folder set up for one firm must not feed another after *Switch account*. The
local workspace keeps the group ``intake``; an account on a server gets
``intake-<digest of its cache's path>`` (``group_for_account``). A hand-edited or older
settings file must never stop intake: an entry that cannot be read is left
out (and logged), the rest still apply.

The lists are also kept in memory: the intake engine's worker threads read
the rules for every file they route, and QSettings is not meant to be shared
between threads. Writes happen on the GUI thread only.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from advisoros_desktop.intake.routing import FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder

log = logging.getLogger(__name__)

GROUP = "intake"
MAX_ASSIGNMENTS = 500

Assignment = tuple[str, str, str | None, int | None]  # (file name, client id, category, year)
_T = TypeVar("_T")


def group_for_account(local: bool, cache: str) -> str:
    """The settings group of an account's intake (``cache``: its cache file, as remembered)."""
    if local:
        return GROUP
    return f"{GROUP}-{hashlib.sha256(cache.encode('utf-8')).hexdigest()[:16]}"


def _folder_from(value: Any) -> WatchedFolder:
    # Keys a later version may add are left alone rather than refused.
    known = {f.name for f in dataclass_fields(WatchedFolder)}
    fields = {k: v for k, v in dict(value).items() if k in known}
    fields["path"] = Path(str(fields["path"]))
    return WatchedFolder(**fields)


def _folder_to(folder: WatchedFolder) -> dict[str, Any]:
    values = asdict(folder)
    values["path"] = str(folder.path)
    return values


def _rule_from(value: Any) -> FilenameRule:
    values = dict(value)
    year = values.get("year")
    return FilenameRule(
        str(values["pattern"]),
        client_id=values.get("client_id"),
        category=values.get("category"),
        year=int(year) if year is not None else None,
    )


def _assignment_from(value: Any) -> Assignment:
    name, client_id, category, year = value
    return (str(name), str(client_id), category, int(year) if year is not None else None)


class IntakeSettings(QObject):
    changed = Signal()

    def __init__(
        self, settings: QSettings, parent: QObject | None = None, *, group: str = GROUP
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.group = group
        self._folders: list[WatchedFolder] = self._load("folders", _folder_from)
        self._rules: list[FilenameRule] = self._load("rules", _rule_from)
        self._assignments: list[Assignment] = self._load("assignments", _assignment_from)
        self._dismissed: set[str] = set(self._load("dismissedSuggestions", str))

    # -- watched folders ------------------------------------------------------------------
    def folders(self) -> list[WatchedFolder]:
        return list(self._folders)

    def set_folders(self, folders: Sequence[WatchedFolder]) -> None:
        self._folders = list(folders)
        self._save("folders", [_folder_to(f) for f in self._folders])

    # -- filename rules -------------------------------------------------------------------
    def rules(self) -> list[FilenameRule]:
        """Safe to call from any thread (the engine's workers do, for every file)."""
        return list(self._rules)

    def set_rules(self, rules: Sequence[FilenameRule]) -> None:
        self._rules = list(rules)
        self._save("rules", [asdict(rule) for rule in self._rules])

    # -- what triage taught ---------------------------------------------------------------
    def assignments(self) -> list[Assignment]:
        """(file name, client id, category, year) chosen in triage, newest last."""
        return list(self._assignments)

    def add_assignments(self, items: Sequence[Assignment]) -> None:
        if not items:
            return
        self._assignments = [*self._assignments, *items][-MAX_ASSIGNMENTS:]
        self._save("assignments", [list(item) for item in self._assignments])

    def dismissed_suggestions(self) -> set[str]:
        return set(self._dismissed)

    def dismiss_suggestion(self, pattern: str) -> None:
        if pattern in self._dismissed:
            return
        self._dismissed.add(pattern)
        self._save("dismissedSuggestions", sorted(self._dismissed))

    # -- storage --------------------------------------------------------------------------
    def _key(self, name: str) -> str:
        return f"{self.group}/{name}"

    def _load(self, name: str, read: Callable[[Any], _T]) -> list[_T]:
        raw = self._settings.value(self._key(name))
        if raw in (None, ""):
            return []
        try:
            entries = json.loads(str(raw))
            if not isinstance(entries, list):
                raise ValueError("not a list")
        except ValueError as error:
            log.warning("intake setting %s could not be read (%s); it is left out", name, error)
            return []
        loaded = []
        for entry in entries:
            try:
                loaded.append(read(entry))
            except (TypeError, ValueError, KeyError) as error:
                log.warning("intake setting %s: entry %r left out (%s)", name, entry, error)
        return loaded

    def _save(self, name: str, entries: list[Any]) -> None:
        self._settings.setValue(self._key(name), json.dumps(entries, ensure_ascii=False))
        self._settings.sync()
        self.changed.emit()
