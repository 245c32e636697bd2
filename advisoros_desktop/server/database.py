"""Engine set-up for SQLite (the default) and PostgreSQL (by URL).

SQLite is configured for a server that must not lose an acknowledged change:
WAL, ``synchronous=FULL``, foreign keys, a busy timeout, and transactions that
take the write lock up front (``BEGIN IMMEDIATE``) so two writers queue rather
than deadlock when a reader upgrades.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.server.schema import metadata

BUSY_TIMEOUT_MS = 10_000


def utc_now() -> str:
    """The current time as an ISO-8601 UTC string with milliseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def create_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            pool_size=8,
            max_overflow=16,
        )
        _configure_sqlite(engine)
    else:
        engine = sa.create_engine(url, pool_size=8, max_overflow=16, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def _configure_sqlite(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # Readers need no lock in WAL mode; writers take the write lock at once.
        if connection.get_execution_options().get("advisoros_read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_sqlite(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextlib.contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read-only transaction: one consistent snapshot, no write lock."""
    with engine.connect() as conn:
        options: dict[str, object] = {"advisoros_read_only": True}
        if not is_sqlite(engine):
            # Several SELECTs make one change-feed page; they must see one snapshot.
            options["isolation_level"] = "REPEATABLE READ"
        conn = conn.execution_options(**options)
        with conn.begin():
            yield conn


@contextlib.contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction, committed on success and rolled back on error."""
    with engine.begin() as conn:
        yield conn
