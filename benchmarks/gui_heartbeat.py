"""How long the GUI thread goes without turning its event loop, and what it was doing.

A person feels a stall as a frozen window: keys and clicks wait until the GUI
thread gets back to its event loop. A ``QTimer`` ticking every 5 ms on that
thread measures it: the gap between two ticks is the longest anything waited.

Knowing that a stall happened is half of it; ``gui_stalls`` must also say
what caused it. A watchdog thread looks at the heartbeat every few
milliseconds; once a tick is late it samples the GUI thread's Python stack
(``sys._current_frames``) until the tick comes, and keeps the samples of the
gaps that turned out to be stalls. When the GUI thread is not running Python
at all (inside Qt, or waiting for the GIL), the sample names the other
threads that were busy instead. A sample is taken only between two Python
bytecodes: a long C call that holds the GIL (``json.loads`` of a page, say)
is seen in the frame that called it, once it returns or the GIL is passed.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 5
# A tick this late starts the sampling; a gap this long counts as a stall.
SAMPLE_AFTER_SECONDS = 0.015
STALL_SECONDS = 0.050
SAMPLE_EVERY_SECONDS = 0.004
# Frames of idle threads: waiting on a lock, a queue, a socket or a sleep. An idle
# executor thread waits in C (``SimpleQueue.get``), so its innermost Python frame
# is the executor's ``_worker`` loop itself.
IDLE_LEAVES = {"wait", "get", "select", "poll", "sleep", "_worker"}
PROJECT = "advisoros_desktop/"


@dataclass
class Stall:
    seconds: float
    samples: list[str] = field(default_factory=list)


class Heartbeat(QObject):
    """Ticks on the GUI thread from ``start`` to ``stop``; leaves ``gaps`` and ``stalls``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[float] = []
        self.stalls: list[Stall] = []
        self.last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._gui_thread = threading.get_ident()
        self._samples: dict[float, list[str]] = {}  # the last tick before a late one -> samples
        self._watching = threading.Event()
        self._watchdog: threading.Thread | None = None

    def start(self) -> None:
        self.last = time.perf_counter()
        self._timer.start()
        self._watching.set()
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._watching.clear()
        if self._watchdog is not None:
            self._watchdog.join()

    def figures(self) -> dict[str, Any]:
        """Every gap and stall in milliseconds, with the stalls' samples, as JSON can carry them."""
        return {
            "gaps": [round(gap * 1000, 3) for gap in self.gaps],
            "stalls": [
                {"ms": round(stall.seconds * 1000, 3), "samples": stall.samples}
                for stall in self.stalls
            ],
        }

    def _tick(self) -> None:
        now = time.perf_counter()
        previous, self.last = self.last, now
        gap = now - previous
        self.gaps.append(gap)
        samples = self._samples.pop(previous, [])
        if gap >= STALL_SECONDS:
            self.stalls.append(Stall(gap, samples))

    def _watch(self) -> None:
        watchdog = threading.get_ident()
        while self._watching.is_set():
            time.sleep(SAMPLE_EVERY_SECONDS)
            last = self.last
            if time.perf_counter() - last < SAMPLE_AFTER_SECONDS:
                continue
            frames = sys._current_frames()
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            label = describe(frames, names, self._gui_thread, watchdog)
            if self.last == last:  # still the same late tick: the sample belongs to it
                self._samples.setdefault(last, []).append(label)


def _stack(frame: FrameType | None) -> list[tuple[str, int, str]]:
    """(file, line, function) from the innermost frame outwards."""
    found = []
    while frame is not None:
        found.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
        frame = frame.f_back
    return found


def _where(file: str, _line: int, function: str) -> str:
    # By function, not line: samples of one slow function then add up to one culprit.
    path = file.replace("\\", "/")
    if PROJECT in path:
        path = PROJECT + path.rsplit(PROJECT, 1)[1]
    elif "site-packages/" in path:
        path = path.rsplit("site-packages/", 1)[1]
    elif "/lib/python" in path:  # the standard library, without the version
        path = path.rsplit("/lib/python", 1)[1].split("/", 1)[-1]
    return f"{path} {function}"


def _project_path(stack: list[tuple[str, int, str]], depth: int = 3) -> list[str]:
    """The innermost desktop frame of each desktop module, from the inside out.

    One frame per module gives what ran and why in a few words:
    ``table_query count < record_table_model reload < main_window _store_changed``.
    """
    found: list[str] = []
    files: list[str] = []
    for file, line, function in stack:
        if PROJECT in file.replace("\\", "/") and (not files or files[-1] != file):
            files.append(file)
            found.append(_where(file, line, function))
    return found[:depth]


def describe(
    frames: dict[int, FrameType], names: dict[int | None, str], gui_thread: int, watchdog: int
) -> str:
    """One line saying what the GUI thread (or, when it runs no Python, the others) did.

    The innermost frames of the desktop's own code say why; the innermost frame
    of all says what exactly (a query, a JSON parse, a Qt call).
    """
    stack = _stack(frames.get(gui_thread))
    if stack:
        leaf = _where(*stack[0])
        mine = _project_path(stack)
        in_loop = not mine and any(function.startswith("run_") for _f, _l, function in stack[:3])
        if not in_loop:
            path = " < ".join(mine) if mine else "no desktop code on the stack"
            return f"GUI: {path} | leaf {leaf}" if not mine or mine[0] != leaf else f"GUI: {path}"
    busy = []
    for ident, frame in frames.items():
        if ident in (gui_thread, watchdog):
            continue
        other = _stack(frame)
        if other and other[0][2] not in IDLE_LEAVES:
            mine = _project_path(other, depth=1)
            busy.append(f"{names.get(ident, 'a thread')}: {mine[0] if mine else _where(*other[0])}")
    others = "; ".join(sorted(busy)) if busy else "no other thread busy"
    return f"GUI in Qt or waiting for the GIL | busy: {others}"
