"""What one sync cycle moved, as the CLI prints it and the status bar shows it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0  # new ones found in this cycle
    rejected: int = 0
    pending: int = 0  # still in the outbox afterwards
    full_resync: str | None = None  # why the cycle pulled everything again, if it did

    def summary(self) -> str:
        text = (
            f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}, "
            f"rejected {self.rejected}, pending {self.pending}"
        )
        if self.full_resync:
            text += f" (full resync: {self.full_resync})"
        return text
