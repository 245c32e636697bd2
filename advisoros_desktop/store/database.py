"""The cache database file: where it lives and how SQLite is configured.

One file per (server, organization, user), so switching accounts never mixes
two firms' records. WAL with ``synchronous=FULL``: an edit the user saw saved
survives a power cut. Write transactions take the lock up front so the GUI's
reads and the sync engine's writes queue instead of failing.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

BUSY_TIMEOUT_MS = 10_000


def account_folder(data_dir: Path, server_url: str, organization_id: str, user_id: str) -> Path:
    """``<data>/accounts/<server>/<organization>/<user>/``: one cache per account."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "-", re.sub(r"^https?://", "", server_url)).strip("-")
    digest = hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:10]
    return data_dir / "accounts" / f"{readable[:60]}-{digest}" / organization_id / user_id


def open_engine(path: Path) -> sa.Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        pool_size=4,
        max_overflow=4,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's events decide on BEGIN
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            f"busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        if connection.get_execution_options().get("advisoros_read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@contextlib.contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    with engine.connect() as conn:
        conn = conn.execution_options(advisoros_read_only=True)
        with conn.begin():
            yield conn
