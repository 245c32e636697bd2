"""The accounts used on this computer, each with its own cache, for "Switch account…".

An entry is written whenever an account opens and stays after signing out, so
its cache (and any changes it has not sent yet) can be opened again later.
The file holds names and paths only: tokens live in the keyring, passwords
nowhere. An account whose cache file has gone is not listed.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path

from advisoros_desktop.sync.last_account import LastAccount, recall

log = logging.getLogger(__name__)

FILE_NAME = "known-accounts.json"


def known_accounts(data_dir: Path) -> list[LastAccount]:
    """The accounts with a cache here, the most recently opened first.

    The last account is listed even when the list predates it (a data folder
    from before accounts were listed).
    """
    entries = _read(data_dir)
    last = recall(data_dir)
    if last is not None and all(entry.cache != last.cache for entry in entries):
        entries.insert(0, last)
    return [entry for entry in entries if (data_dir / entry.cache).is_file()]


def add_known_account(data_dir: Path, account: LastAccount) -> None:
    """Put ``account`` first; an entry for the same cache is replaced (names may change)."""
    entries = [account, *(entry for entry in _read(data_dir) if entry.cache != account.cache)]
    path = data_dir / FILE_NAME
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps([asdict(entry) for entry in entries], indent=2))
    os.replace(temporary, path)  # never a half-written list after a crash


def _read(data_dir: Path) -> list[LastAccount]:
    """What the file lists; an unreadable file or entry is skipped (its cache is not touched)."""
    path = data_dir / FILE_NAME
    try:
        items = json.loads(path.read_text())
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        log.warning("ignoring %s: %s", path, err)
        return []
    if not isinstance(items, list):
        log.warning("ignoring %s: not a list of accounts", path)
        return []
    entries: list[LastAccount] = []
    for item in items:
        try:
            entry = LastAccount(**item)
        except TypeError as err:
            log.warning("ignoring an entry of %s: %s", path, err)
            continue
        if all(isinstance(value, str) for value in asdict(entry).values()):
            entries.append(entry)
    return entries
