"""The one state the tray icon shows, worked out from sync and intake.

The tray is glanced at, not read: one picture must say whether the
accountant can close the laptop (idle), should wait (syncing), may carry on
but nothing reaches the firm (offline), or has to do something (attention:
conflicts to decide, files that could not be added or wait for a client,
signed out). When several hold, the one that needs the person wins; the
tooltip then lists the rest in words. Qt-free, so the rules are tested alone.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class TrayState(enum.StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    PAUSED = "paused"  # the person paused sync: nothing is sent, by choice
    OFFLINE = "offline"
    ATTENTION = "attention"


@dataclass(frozen=True)
class TrayFacts:
    """Everything the tray knows; each source replaces its own fields."""

    sync_state: str = "online"  # a SyncState value
    sync_message: str = ""
    pending: int = 0  # changes waiting to be sent
    conflicts: int = 0
    uploads_on_their_way: int = 0  # files being checked, waiting or uploading
    uploads_paused: int = 0
    uploads_failed: int = 0
    unsorted: int = 0  # files waiting for the accountant to choose a client

    @property
    def signed_out(self) -> bool:
        return self.sync_state == "signed_out"


def tray_state(facts: TrayFacts) -> TrayState:
    if facts.signed_out or facts.conflicts or facts.uploads_failed or facts.unsorted:
        return TrayState.ATTENTION
    if facts.sync_state == "offline":
        return TrayState.OFFLINE
    if facts.sync_state == "syncing" or facts.uploads_on_their_way:
        return TrayState.SYNCING
    if facts.sync_state == "paused":
        return TrayState.PAUSED
    return TrayState.IDLE


PAUSE_UPLOADS = "intake.pause_all"
RESUME_UPLOADS = "intake.resume_all"


def intake_toggle(facts: TrayFacts) -> tuple[str, bool]:
    """(the command the tray's pause/resume entry runs now, whether it has files to act on).

    Pause while files are on their way; resume when only paused ones are left.
    """
    if facts.uploads_on_their_way:
        return PAUSE_UPLOADS, True
    if facts.uploads_paused:
        return RESUME_UPLOADS, True
    return PAUSE_UPLOADS, False
