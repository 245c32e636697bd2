"""The settings of one watched folder: a scanner's or "print to PDF" output folder.

Kept apart from the watcher so settings screens and the intake engine can
read them without starting anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What happens to a source file once the server confirmed it has the document.
AFTER_UPLOAD_CHOICES = ("move", "delete", "leave")


@dataclass(frozen=True)
class WatchedFolder:
    """One folder intake watches.

    ``polling`` checks the folder every ``poll_seconds`` instead of relying on
    the system's change notifications, which network shares often do not send.
    ``after_upload``: ``move`` to ``.processed/<date>/``, ``delete``, or
    ``leave`` in place. ``quiet_seconds``: how long a file must stay unchanged
    before it is taken. ``client_id``: every file here belongs to that client.
    """

    path: Path
    polling: bool = False
    paused: bool = False
    after_upload: str = "move"
    quiet_seconds: float = 2.0
    poll_seconds: float = 5.0
    client_id: str | None = None

    def __post_init__(self) -> None:
        if self.after_upload not in AFTER_UPLOAD_CHOICES:
            raise ValueError(
                f"after_upload must be one of {', '.join(AFTER_UPLOAD_CHOICES)}, "
                f"not {self.after_upload!r}"
            )
        if self.quiet_seconds < 0:
            raise ValueError("quiet_seconds cannot be negative")
        if self.poll_seconds <= 0:
            raise ValueError("poll_seconds must be more than zero")
