"""Detects a database restored from a backup and gives its organizations a new epoch.

The server remembers, in a small file beside (not inside) the database, the
highest sequence it has handed out in a cursor for each organization. If the
database on start-up is behind that mark, clients hold cursors from a future
this database never saw: the organization gets a new epoch, and clients
resynchronise instead of silently missing changes.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.database import writing
from advisoros_desktop.server.schema import organizations

log = logging.getLogger(__name__)


class EpochGuard:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._marks: dict[str, int] = self._load()

    def _load(self) -> dict[str, int]:
        try:
            data = json.loads(self._path.read_text())
            return {str(k): int(v) for k, v in data.items()}
        except FileNotFoundError:
            return {}
        except (ValueError, AttributeError):
            log.warning("ignoring unreadable %s", self._path)
            return {}

    def check(self, engine: sa.Engine) -> list[str]:
        """Rotate the epoch of every organization whose data went back in time."""
        rotated = []
        with writing(engine) as conn:
            for org_id, last_seq in conn.execute(
                sa.select(organizations.c.id, organizations.c.lastSeq)
            ):
                if last_seq < self._marks.get(org_id, 0):
                    conn.execute(
                        organizations.update()
                        .where(organizations.c.id == org_id)
                        .values(epoch=new_id())
                    )
                    rotated.append(org_id)
                    log.warning("organization %s was restored from a backup: new epoch", org_id)
        with self._lock:
            for org_id in rotated:
                self._marks.pop(org_id, None)
            self._save()
        return rotated

    def cursor_issued(self, organization_id: str, seq: int) -> None:
        """Remember a cursor before it leaves the server."""
        with self._lock:
            if seq <= self._marks.get(organization_id, 0):
                return
            self._marks[organization_id] = seq
            self._save()

    def _save(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._marks))
        os.replace(tmp, self._path)
