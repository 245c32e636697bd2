"""Extraction runners that misbehave on purpose, run in the server's extraction child process.

They live in a module of their own (not a test module) because the child
imports them by name.
"""

from __future__ import annotations

import os
import time

from advisoros_desktop.extraction.extractor import Outcome
from advisoros_desktop.server.extraction_worker import extract_stored_file

CRASH = b"%%CRASH-THE-READER"
HANG = b"%%HANG-THE-READER"


def misbehave_on_marker(path: str, name: str) -> Outcome:
    """Kill the process or hang on a file holding a marker; extract any other file."""
    with open(path, "rb") as handle:
        data = handle.read()
    if CRASH in data:
        os._exit(70)  # as a segfault in a native parser would: no exception, no reply
    if HANG in data:
        time.sleep(3600)
    return extract_stored_file(path, name)
