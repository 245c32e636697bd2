"""CPU time a process has used, to say where an intake benchmark's time went.

When the desktop and the server share two cores, a throughput figure alone
cannot tell whose work limits it. The CPU seconds each side spent per file
can: read from ``/proc/<pid>/stat`` (user + system), so only on Linux; None
elsewhere, and the report then leaves the figure out.
"""

from __future__ import annotations

import os
from pathlib import Path


def cpu_seconds(pid: int | None = None) -> float | None:
    """User + system CPU seconds of process ``pid`` (this one when None), all threads."""
    try:
        stat = Path(f"/proc/{pid or os.getpid()}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    # Fields 14 and 15 of stat(5), counted here from the state field (the 3rd).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def spent(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before
