"""Which thread's work the GUI thread's stalls went to, one thread at a time.

A stall sample (``gui_heartbeat.describe``) names either the GUI thread's own
code, or, when the GUI thread ran no Python, every other thread that was busy
at that moment ("palette-index: ...; intake_0: ...; intake_1: ..."). During an
intake five or six threads work at once, so whole labels rarely repeat and
ranking them says little. Counting each busy thread's frame on its own does:
"the palette's indexing thread was busy in 30% of the samples" is what
points at a culprit when the GUI thread is kept from the GIL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

_BUSY = " | busy: "
_NOBODY = "no other thread busy"


def parts(label: str) -> list[str]:
    """What one sample says ran: the GUI thread's code, or each busy thread's frame."""
    if label.startswith("GUI: "):
        path = label[len("GUI: ") :].split(" | ")[0]
        return ["GUI thread: " + " < ".join(path.split(" < ")[:2])]
    _head, _sep, busy = label.partition(_BUSY)
    if not busy or busy == _NOBODY:
        return ["GUI thread in Qt (no other thread running Python)"]
    found = []
    for item in busy.split("; "):
        name, _colon, frame = item.partition(": ")
        found.append(f"{name.rstrip('0123456789').rstrip('_')}: {frame}")
    return sorted(set(found))


def thread_shares(samples: Iterable[str]) -> tuple[Counter[str], int]:
    """(samples in which each part ran, all samples); one sample may count for several."""
    counts: Counter[str] = Counter()
    total = 0
    for label in samples:
        total += 1
        counts.update(parts(label))
    return counts, total
