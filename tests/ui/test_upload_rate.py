"""The time-left estimate: from the last 30 seconds of progress, and silent when unsure."""

from __future__ import annotations

from advisoros_desktop.ui.upload_rate import TransferRate


def test_nothing_is_estimated_from_a_moment_or_from_no_progress() -> None:
    rate = TransferRate()
    assert rate.seconds_left() is None
    rate.add(0.0, 0, 1_000_000)
    rate.add(1.0, 100_000, 1_000_000)
    assert rate.seconds_left() is None  # one second is too little to go on
    stalled = TransferRate()
    stalled.add(0.0, 500, 1_000)
    stalled.add(10.0, 500, 1_000)
    assert stalled.seconds_left() is None  # stalled: no promise


def test_the_estimate_follows_the_recent_rate() -> None:
    rate = TransferRate()
    for second in range(0, 61, 5):
        # 10 kB/s for the first 30 seconds, then 100 kB/s.
        done = 10_000 * min(second, 30) + 100_000 * max(0, second - 30)
        rate.add(float(second), done, 10_000_000)
    assert rate.bytes_per_second() is not None
    assert 95_000 <= rate.bytes_per_second() <= 100_000  # type: ignore[operator]
    assert rate.seconds_left() is not None
    assert 65 <= rate.seconds_left() <= 70  # type: ignore[operator]


def test_fewer_bytes_than_before_starts_the_history_again() -> None:
    rate = TransferRate()
    rate.add(0.0, 0, 1_000_000)
    rate.add(10.0, 500_000, 1_000_000)
    assert rate.seconds_left() == 10.0
    rate.add(11.0, 100_000, 400_000)  # finished jobs cleared from the queue
    assert rate.seconds_left() is None
