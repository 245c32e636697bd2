"""The cache database file: where it lives and how SQLite is configured.

One file per (server, organization, user), so switching accounts never mixes
two firms' records. SQLite is set up as ``database_setup`` says: an edit the
user saw saved survives a power cut, and the GUI's reads and the sync engine's
writes queue instead of failing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import sqlalchemy as sa

from advisoros_desktop.database_setup import reading, sqlite_engine

__all__ = ["account_folder", "open_engine", "reading"]


def account_folder(data_dir: Path, server_url: str, organization_id: str, user_id: str) -> Path:
    """``<data>/accounts/<server>/<organization>/<user>/``: one cache per account."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "-", re.sub(r"^https?://", "", server_url)).strip("-")
    digest = hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:10]
    return data_dir / "accounts" / f"{readable[:60]}-{digest}" / organization_id / user_id


def open_engine(path: Path) -> sa.Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_engine(f"sqlite:///{path}", pool_size=4, max_overflow=4)
