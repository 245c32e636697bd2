"""A first look at dropped files, before anything is queued: how many, how big, whose.

The add-files dialog says "Add 40 files (12.3 MB)" and names the client the
filename rules give when they are sure of every file, so the accountant
confirms with one key. A dropped folder may hold thousands of files, so this
runs on a worker thread; it reads names and sizes only (no file is opened)
and stops early when asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advisoros_desktop.intake.folder_walk import walk_files
from advisoros_desktop.intake.routing import ClientName, FilenameRule, Router


@dataclass
class Survey:
    paths: list[Path]
    clients: list[ClientName]  # the firm's clients, read on the worker thread
    files: int = 0
    total_bytes: int = 0
    ignored: int = 0
    ignored_reason: str | None = None  # the first reason a file was skipped, as an example
    routed: Counter[str] = field(default_factory=Counter)  # client id -> files a rule sends there
    unrouted: int = 0  # files no rule names a client for
    categories: Counter[str | None] = field(default_factory=Counter)
    years: Counter[int | None] = field(default_factory=Counter)

    @property
    def certain_by_rules(self) -> bool:
        """Filename rules name the client of every file (then nobody needs to be asked)."""
        return self.files > 0 and self.unrouted == 0

    @property
    def single_client(self) -> str | None:
        """The one client the rules send every file to, if there is exactly one."""
        if self.certain_by_rules and len(self.routed) == 1:
            return next(iter(self.routed))
        return None

    def client(self, client_id: str | None) -> ClientName | None:
        for client in self.clients:
            if client.client_id == client_id:
                return client
        return None


def survey_paths(
    paths: Sequence[Path],
    clients: Callable[[], list[ClientName]],
    rules: Sequence[FilenameRule],
    *,
    should_stop: Callable[[], bool] = lambda: False,
) -> Survey:
    """Walk ``paths`` and route each file by its name as a dropped file (no watched folder).

    Blocking: call it on a worker thread. Building the router also prepares
    the client matcher the client picker will use.
    """
    names = clients()
    router = Router(names, rules)
    found = Survey(list(paths), names)
    for entry in walk_files(paths, should_stop=should_stop):
        if entry.ignored is not None:
            found.ignored += 1
            found.ignored_reason = found.ignored_reason or entry.ignored
            continue
        found.files += 1
        found.total_bytes += entry.size
        route = router.route(entry.path, None)
        if route.certain and route.client_id is not None:
            found.routed[route.client_id] += 1
        else:
            found.unrouted += 1
        found.categories[route.category] += 1
        found.years[route.year] += 1
    return found
