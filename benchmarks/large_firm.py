"""A large, realistic firm seeded straight into the server's tables.

Benchmarks need a firm the size of a real one (tens of thousands of clients'
records) before they can measure anything, and seeding it through the API
would take longer than most of the things measured. So this module writes the
records that ``firm_records`` makes up directly into the server's own tables,
with what the API would have left there: consistent change sequence numbers,
versions and the organization's last sequence. It returns what a benchmark
needs to sign in and to check what it read back against what was written.

Seeding is set-up, never part of a measurement; its time is reported apart.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.server.database import create_engine, writing
from advisoros_desktop.server.organizations import add_user, create_organization
from advisoros_desktop.server.schema import ENTITY_TABLES, organizations
from benchmarks.firm_records import RecordFactory

FIRM_NAME = "Harborview CPA Partners"
OWNER_NAME = "Dana Whitaker"
EMAIL = "bench.owner@harborview-cpa.example.com"
PASSWORD = "correct horse battery staple"
# The same seed gives the same firm, so figures from different runs compare.
DEFAULT_SEED = 20261121
# Rows per INSERT: large enough to be quick, small enough to keep memory flat.
INSERT_BATCH = 5_000

RecordKey = tuple[str, str]


@dataclass
class SeededFirm:
    """What the seed wrote, so a benchmark can sign in and check what it reads."""

    organization_id: str
    user_id: str
    # The owner's credentials: every benchmark signs in as them.
    email: str
    password: str
    # (entity, id) -> (version, deleted) of every record, the owner included.
    expected: dict[RecordKey, tuple[int, bool]]
    # Records per entity, the owner (one "user") included.
    counts: Counter[str]
    seconds: float = 0.0


def scaled(counts: Mapping[str, int], scale: float) -> dict[str, int]:
    """``counts`` multiplied by ``--scale``, never below one of each."""
    return {name: max(1, round(count * scale)) for name, count in counts.items()}


def seed_firm(
    db_url: str,
    *,
    clients: int,
    engagements: int,
    tasks: int,
    documents: int,
    seed: int = DEFAULT_SEED,
) -> SeededFirm:
    """Create the firm, its signing-in owner and every record, in the server's tables.

    The database at ``db_url`` gets its tables if it lacks them. Children are
    shared out unevenly (a few large clients, many small ones); every client
    has an engagement while there are enough of them to go round.
    """
    if clients < 1 or min(engagements, tasks, documents) < 0:
        raise ValueError("a firm needs at least one client and no negative counts")
    # Keyed by entity, in the order the factory creates them (parents first).
    mix = {"client": clients, "engagement": engagements, "task": tasks, "document": documents}
    started = time.perf_counter()
    engine = create_engine(db_url)
    try:
        organization_id = create_organization(engine, FIRM_NAME)
        user_id = add_user(engine, organization_id, EMAIL, OWNER_NAME, "owner", PASSWORD)
        # The owner took sequence number 1; the firm's records follow it.
        factory = RecordFactory(random.Random(seed), user_id, first_seq=2, total=sum(mix.values()))
        rows = factory.firm(mix)
        _bulk_insert(engine, organization_id, user_id, factory.start, rows, factory.seq)
    finally:
        engine.dispose()
    expected: dict[RecordKey, tuple[int, bool]] = {("user", user_id): (1, False)}
    counts: Counter[str] = Counter({"user": 1})
    for entity, entity_rows in rows.items():
        counts[entity] += len(entity_rows)
        for row in entity_rows:
            expected[(entity, row["id"])] = (row["version"], row["deletedAt"] is not None)
    return SeededFirm(
        organization_id,
        user_id,
        EMAIL,
        PASSWORD,
        expected,
        counts,
        time.perf_counter() - started,
    )


def _bulk_insert(
    engine: sa.Engine,
    organization_id: str,
    user_id: str,
    start: str,
    rows: dict[str, list[dict[str, Any]]],
    last_seq: int,
) -> None:
    users = ENTITY_TABLES["user"]
    with writing(engine) as conn:
        for entity, entity_rows in rows.items():
            for row in entity_rows:
                row["organizationId"] = organization_id
            for at in range(0, len(entity_rows), INSERT_BATCH):
                conn.execute(ENTITY_TABLES[entity].insert(), entity_rows[at : at + INSERT_BATCH])
        # The owner predates the records the firm created.
        conn.execute(
            users.update().where(users.c.id == user_id).values(createdAt=start, updatedAt=start)
        )
        # As if the API had written them: the next change gets the next number.
        conn.execute(
            organizations.update()
            .where(organizations.c.id == organization_id)
            .values(lastSeq=last_seq)
        )
