"""Keeping Python's full garbage collections short while the window is busy.

A full collection walks every object the process holds and keeps Python's
lock while it does, so every thread, the GUI's included, waits. Once the
window and the cache are open, most objects (Qt wrappers, modules, the
command registry, the window's models) live as long as the program, yet each
full collection would walk them again: during a first sync that came to
50–115 ms a collection, two or three times a sync. Moving what exists at that
moment out of the collector's reach (``gc.freeze``) leaves the collections
only what is new. Nothing is collected first: that would itself be such a
pause, and the little garbage frozen with the rest is not worth it.
"""

from __future__ import annotations

import gc


def set_aside_long_lived_objects() -> None:
    """Exclude every object alive now from future garbage collections."""
    gc.freeze()
