"""SQLite configured for data that must not be lost, shared by the cache and the server.

WAL, ``synchronous=FULL`` (an acknowledged write survives a power cut),
foreign keys, a busy timeout, and write transactions that take the lock up
front (``BEGIN IMMEDIATE``) so two writers queue instead of deadlocking when a
reader upgrades. Readers in WAL mode need no lock at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "advisoros_read_only"


def utc_now() -> str:
    """The current time as an ISO-8601 UTC string with milliseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sqlite_engine(url: str, pool_size: int, max_overflow: int) -> sa.Engine:
    engine = sa.create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        pool_size=pool_size,
        max_overflow=max_overflow,
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
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@contextlib.contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read-only transaction: one consistent snapshot, no write lock."""
    with engine.connect() as conn:
        options: dict[str, object] = {READ_ONLY: True}
        if engine.dialect.name != "sqlite":
            # Several SELECTs make one change-feed page; they must see one snapshot.
            options["isolation_level"] = "REPEATABLE READ"
        conn = conn.execution_options(**options)
        with conn.begin():
            yield conn
