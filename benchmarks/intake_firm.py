"""The firm the intake benchmarks upload to: a small firm on the real server, in its own process.

Intake's figures are about files, not records, so the firm is small (a few
hundred clients, as many a firm has) and seeded straight into the server's
tables like the large firm (``large_firm``). Every file goes to one client,
as when an accountant drops a folder on that client's documents. The
benchmark checks what reached the server by counting the firm's documents in
the server's own database, not by asking the desktop.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from advisoros_desktop.server.schema import ENTITY_TABLES
from benchmarks.large_firm import SeededFirm, seed_firm

CLIENTS = 300


@dataclass
class IntakeFirm:
    firm: SeededFirm
    db_url: str
    client_id: str  # where the benchmark's files go

    def documents(self) -> int:
        """The firm's live documents, as the server's database holds them now."""
        table = ENTITY_TABLES["document"]
        engine = sa.create_engine(self.db_url)  # a reader beside the server's own
        try:
            with engine.connect() as conn:
                found = conn.execute(
                    sa.select(sa.func.count())
                    .select_from(table)
                    .where(
                        table.c.organizationId == self.firm.organization_id,
                        table.c.deletedAt.is_(None),
                    )
                ).scalar_one()
        finally:
            engine.dispose()
        return int(found)


def seed_intake_firm(data_dir: Path) -> IntakeFirm:
    """A firm of ``CLIENTS`` clients and no documents in ``data_dir``'s server database."""
    db_url = f"sqlite:///{data_dir / 'server.db'}"
    firm = seed_firm(db_url, clients=CLIENTS, engagements=0, tasks=0, documents=0)
    live = sorted(
        record_id
        for (entity, record_id), (_version, deleted) in firm.expected.items()
        if entity == "client" and not deleted
    )
    return IntakeFirm(firm, db_url, live[0])
