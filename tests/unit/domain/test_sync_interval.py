"""The sync interval as typed and as stored: whole minutes from 1 to 1,440, reasons in words."""

from __future__ import annotations

import pytest

from advisoros_desktop.domain.sync_interval import (
    DEFAULT_SYNC_MINUTES,
    MAX_SYNC_MINUTES,
    parse_sync_interval,
    sync_interval_in,
)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("1", 1), (" 15 ", 15), ("1440", 1440), ("1,440", 1440), ("0060", 60)],
)
def test_whole_minutes_in_range_are_read(typed: str, minutes: int) -> None:
    assert parse_sync_interval(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Type how many minutes"),
        ("  ", "Type how many minutes"),
        ("0", "at most once a minute"),
        ("1441", "at least once a day"),
        ("99999", "at least once a day"),
        ("2.5", "whole number of minutes"),
        ("abc", "“abc” is not a number of minutes"),
        ("-5", "“-5” is not a number of minutes"),
        ("5 min", "“5 min” is not a number of minutes"),
    ],
)
def test_a_refused_interval_says_why_and_what_to_type(typed: str, reason: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_sync_interval(typed)
    assert reason in str(refused.value)
    assert "from 1 to 1,440" in str(refused.value)


@pytest.mark.parametrize(
    ("stored", "minutes"),
    [
        (None, DEFAULT_SYNC_MINUTES),
        (5, 5),
        ("30", 30),
        (45.0, 45),
        (0, DEFAULT_SYNC_MINUTES),
        (MAX_SYNC_MINUTES + 1, DEFAULT_SYNC_MINUTES),
        ("lots", DEFAULT_SYNC_MINUTES),
        (2.5, DEFAULT_SYNC_MINUTES),
        (True, DEFAULT_SYNC_MINUTES),
    ],
)
def test_a_stored_interval_is_read_leniently(stored: object, minutes: int) -> None:
    assert sync_interval_in(stored) == minutes
