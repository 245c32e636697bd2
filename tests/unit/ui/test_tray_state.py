"""The tray's one state from sync and intake, and which upload command its menu offers."""

from __future__ import annotations

import pytest

from advisoros_desktop.ui.tray_state import (
    PAUSE_UPLOADS,
    RESUME_UPLOADS,
    TrayFacts,
    TrayState,
    intake_toggle,
    tray_state,
)


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        (TrayFacts(), TrayState.IDLE),
        (TrayFacts(pending=3), TrayState.IDLE),  # waiting for the debounce, not a problem
        (TrayFacts(sync_state="syncing"), TrayState.SYNCING),
        (TrayFacts(uploads_on_their_way=2), TrayState.SYNCING),
        (TrayFacts(sync_state="paused"), TrayState.PAUSED),
        (TrayFacts(sync_state="paused", uploads_on_their_way=1), TrayState.SYNCING),
        (TrayFacts(sync_state="offline", pending=12), TrayState.OFFLINE),
        (TrayFacts(sync_state="offline", uploads_on_their_way=4), TrayState.OFFLINE),
        (TrayFacts(sync_state="signed_out"), TrayState.ATTENTION),
        (TrayFacts(conflicts=1), TrayState.ATTENTION),
        (TrayFacts(uploads_failed=1), TrayState.ATTENTION),
        (TrayFacts(unsorted=5), TrayState.ATTENTION),
        # What needs the person wins over what merely goes on.
        (TrayFacts(sync_state="offline", conflicts=2), TrayState.ATTENTION),
        (TrayFacts(sync_state="syncing", uploads_failed=1), TrayState.ATTENTION),
    ],
)
def test_the_state_is_the_most_pressing_fact(facts: TrayFacts, state: TrayState) -> None:
    assert tray_state(facts) is state


def test_paused_uploads_alone_do_not_change_the_state() -> None:
    assert tray_state(TrayFacts(uploads_paused=7)) is TrayState.IDLE


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (TrayFacts(), (PAUSE_UPLOADS, False)),
        (TrayFacts(uploads_on_their_way=3), (PAUSE_UPLOADS, True)),
        (TrayFacts(uploads_paused=3), (RESUME_UPLOADS, True)),
        # Some paused, others still going: pausing is what can be done to them.
        (TrayFacts(uploads_on_their_way=1, uploads_paused=3), (PAUSE_UPLOADS, True)),
        (TrayFacts(uploads_failed=2), (PAUSE_UPLOADS, False)),
    ],
)
def test_the_menu_offers_pause_while_files_go_and_resume_when_only_paused_are_left(
    facts: TrayFacts, expected: tuple[str, bool]
) -> None:
    assert intake_toggle(facts) == expected
