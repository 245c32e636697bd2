"""The sync interval as a setting: ``sync/intervalMinutes`` in the app's QSettings.

What the value may be is decided in ``domain.sync_interval``; this module only
stores and reads it, so the settings page and the sync controller agree on
the key and on what a hand-edited file that holds nonsense means (the default).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from advisoros_desktop.domain.sync_interval import (
    MAX_SYNC_MINUTES,
    MIN_SYNC_MINUTES,
    sync_interval_in,
)

SYNC_INTERVAL_KEY = "sync/intervalMinutes"


def load_sync_interval(settings: QSettings) -> int:
    """The stored interval in minutes, or the default."""
    return sync_interval_in(settings.value(SYNC_INTERVAL_KEY))


def save_sync_interval(settings: QSettings, minutes: int) -> None:
    """Keep ``minutes`` (already checked by ``parse_sync_interval``; checked again here)."""
    if not MIN_SYNC_MINUTES <= minutes <= MAX_SYNC_MINUTES:
        raise ValueError(f"the sync interval must be 1 to 1,440 minutes, not {minutes}")
    settings.setValue(SYNC_INTERVAL_KEY, int(minutes))
    settings.sync()
