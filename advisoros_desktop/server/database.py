"""Engine set-up for the server: SQLite (the default) or PostgreSQL (by URL).

SQLite gets the shared configuration of ``database_setup`` (WAL, FULL, lock up
front); PostgreSQL writers serialise per organization on its row lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa

from advisoros_desktop.database_setup import reading, sqlite_engine, utc_now
from advisoros_desktop.server.schema import metadata

__all__ = ["create_engine", "is_sqlite", "reading", "utc_now", "writing"]


def create_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sqlite_engine(url, pool_size=8, max_overflow=16)
    else:
        engine = sa.create_engine(url, pool_size=8, max_overflow=16, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def is_sqlite(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextlib.contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction, committed on success and rolled back on error."""
    with engine.begin() as conn:
        yield conn
