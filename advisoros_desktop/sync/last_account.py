"""Which account's cache the desktop showed last, so the next start can show it at once.

The window opens on that cache before the server has answered (or while it is
unreachable); signing in then confirms it, or switches to the right cache.
The file holds names and a path, never a secret. After "Sign out" there is no
last account: the next start asks where to work.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "last-account.json"
# The server identity of the local workspace: its port changes at every start, its cache must not.
LOCAL_WORKSPACE = "local-workspace"


@dataclass(frozen=True)
class LastAccount:
    server: str  # the server's identity ("local-workspace" or its API address)
    organization: str
    user: str
    cache: str  # the cache file, relative to the data folder
    # The email signed in with, which names its tokens in the keyring (files written
    # before it was kept have none: ``user`` is the same address, as the server spells it).
    email: str = ""

    @property
    def is_local(self) -> bool:
        return self.server == LOCAL_WORKSPACE

    @property
    def sign_in_email(self) -> str:
        return self.email or self.user


def remember(data_dir: Path, account: LastAccount) -> None:
    path = data_dir / FILE_NAME
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(account), indent=2))
    os.replace(temporary, path)  # never a half-written file after a crash


def forget(data_dir: Path) -> None:
    """No last account: the next start offers the choice again (its cache stays)."""
    (data_dir / FILE_NAME).unlink(missing_ok=True)


def recall(data_dir: Path) -> LastAccount | None:
    """The last account, when its cache still exists; anything unreadable counts as none."""
    path = data_dir / FILE_NAME
    try:
        found = LastAccount(**json.loads(path.read_text()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as err:
        log.warning("ignoring %s: %s", path, err)
        return None
    return found if (data_dir / found.cache).is_file() else None
