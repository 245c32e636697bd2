"""How often the desktop syncs on its own: a whole number of minutes, from 1 to 1,440.

The desktop sends an accountant's own edits a moment after they are made; the
interval is how often it also asks the server for everyone else's changes.
Once a minute keeps a shared client list fresh. A laptop on a slow or metered
connection may ask less often, but at least once a day, so that a desk left
open overnight never shows last week's data as current; more often than once
a minute would ask the server far more than the change feed needs.
"""

from __future__ import annotations

import re

DEFAULT_SYNC_MINUTES = 1
MIN_SYNC_MINUTES = 1
MAX_SYNC_MINUTES = 1440  # a day

_WHOLE = re.compile(r"\d{1,3}(,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d*[.,]\d+")
RANGE_TEXT = "from 1 to 1,440 (a day)"


def parse_sync_interval(text: str) -> int:
    """The minutes typed in ``text`` (``5``, ``1,440``).

    Raises ValueError with a sentence the person can act on: the field shows it.
    """
    typed = text.strip()
    if not typed:
        raise ValueError(f"Type how many minutes to wait between syncs, {RANGE_TEXT}.")
    if _WHOLE.fullmatch(typed) is None:
        if _DECIMAL.fullmatch(typed) is not None:
            raise ValueError(f"Type a whole number of minutes, {RANGE_TEXT}.")
        raise ValueError(f"“{typed}” is not a number of minutes; type one {RANGE_TEXT}.")
    minutes = int(typed.replace(",", ""))
    if minutes < MIN_SYNC_MINUTES:
        raise ValueError(
            f"AdvisorOS syncs at most once a minute; type a number of minutes {RANGE_TEXT}."
        )
    if minutes > MAX_SYNC_MINUTES:
        raise ValueError(
            f"AdvisorOS syncs at least once a day; type a number of minutes {RANGE_TEXT}."
        )
    return minutes


def sync_interval_in(value: object) -> int:
    """A stored interval read leniently (an INI file gives text back); anything that is
    not a whole number in range (a hand-edited file) counts as the default."""
    if isinstance(value, bool):
        return DEFAULT_SYNC_MINUTES
    if isinstance(value, int):
        minutes = value
    elif isinstance(value, float) and value.is_integer():
        minutes = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        minutes = int(value.strip())
    else:
        return DEFAULT_SYNC_MINUTES
    if MIN_SYNC_MINUTES <= minutes <= MAX_SYNC_MINUTES:
        return minutes
    return DEFAULT_SYNC_MINUTES
