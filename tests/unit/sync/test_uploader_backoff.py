"""The uploader's pause after finding the server gone: grows to a minute, one outage at a time."""

from __future__ import annotations

from advisoros_desktop.sync.upload_backoff import Backoff


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_pause_starts_at_five_seconds_and_doubles_to_a_minute() -> None:
    clock = Clock()
    backoff = Backoff(clock=clock)
    pauses = []
    for _ in range(7):
        pauses.append(backoff.failed())
        clock.now += pauses[-1]  # the pause ran out, the next try failed too
    assert pauses == [5.0, 10.0, 20.0, 40.0, 60.0, 60.0, 60.0]
    assert backoff.failures == 7


def test_jobs_failing_together_are_one_outage_not_several() -> None:
    clock = Clock()
    backoff = Backoff(clock=clock)
    assert backoff.failed() == 5.0
    clock.now += 1.0
    assert backoff.failed() == 4.0  # the second job of the same round: the same pause
    assert backoff.failed() == 4.0
    assert backoff.failures == 1
    assert backoff.remaining() == 4.0


def test_a_success_ends_the_pause_and_starts_the_count_over() -> None:
    clock = Clock()
    backoff = Backoff(clock=clock)
    backoff.failed()
    clock.now += 5.0
    backoff.failed()
    backoff.succeeded()
    assert backoff.remaining() == 0.0 and backoff.failures == 0
    assert backoff.failed() == 5.0


def test_no_pause_before_any_failure_and_none_after_it_ran_out() -> None:
    clock = Clock()
    backoff = Backoff(first=0.5, longest=2.0, clock=clock)
    assert backoff.remaining() == 0.0
    backoff.failed()
    clock.now += 0.6
    assert backoff.remaining() == 0.0
    # Many failures in a row never overflow the doubling.
    for _ in range(2000):
        clock.now += backoff.failed()
    assert backoff.failed() == 2.0
