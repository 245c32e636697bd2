"""Sleep shows as the wall clock running ahead of the monotonic clock."""

from __future__ import annotations

from advisoros_desktop.intake.resume_detection import ResumeDetector


class Clocks:
    def __init__(self) -> None:
        self.wall = 1_700_000_000.0
        self.monotonic = 500.0

    def run(self, seconds: float) -> None:
        self.wall += seconds
        self.monotonic += seconds

    def sleep(self, seconds: float) -> None:
        self.wall += seconds  # the monotonic clock stands still while suspended


def _detector(clocks: Clocks) -> ResumeDetector:
    return ResumeDetector(wall_clock=lambda: clocks.wall, monotonic_clock=lambda: clocks.monotonic)


def test_running_normally_is_not_a_resume() -> None:
    clocks = Clocks()
    detector = _detector(clocks)

    clocks.run(3600)
    assert not detector.resumed()
    clocks.wall += 5  # a time-server correction of a few seconds
    assert not detector.resumed()


def test_sleep_is_reported_once() -> None:
    clocks = Clocks()
    detector = _detector(clocks)

    clocks.sleep(8 * 3600)
    clocks.run(1)
    assert detector.resumed()
    clocks.run(1)
    assert not detector.resumed()


def test_the_clock_set_back_counts_too() -> None:
    clocks = Clocks()
    detector = _detector(clocks)

    clocks.wall -= 3600
    assert detector.resumed()
