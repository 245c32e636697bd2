"""What the Intake view says about the upload queue, in the words accountants read.

A job's state is stored as a code (``waiting``, ``failed``); people read
"Waiting for the server", "Uploading 42%", "Failed: the file is empty". The
totals line, sizes, sources and watched-folder states are worded here too, so
the wording lives in one place and can be tested without a window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from advisoros_desktop.store.upload_queue import QueueTotals, UploadJob
from advisoros_desktop.ui.field_format import choice_label

# State codes in the order the totals line names them, with the word it uses.
_TOTALS_WORDS = (
    ("hashing", "checking", "checking"),
    ("waiting", "waiting", "waiting"),
    ("uploading", "uploading", "uploading"),
    ("paused", "paused", "paused"),
    ("unsorted", "unsorted", "unsorted"),
    ("done", "done", "done"),
    ("failed", "failed", "failed"),
    ("duplicate", "duplicate", "duplicates"),
    ("cancelled", "cancelled", "cancelled"),
)
_SOURCES = {"drag_drop": "Dropped", "watched_folder": "Watched folder", "desktop": "Added here"}
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
_UNITS = ("KB", "MB", "GB", "TB")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Intake", text)


def size_text(size: int) -> str:
    """``532 bytes``, ``12.3 KB``, ``120.0 MB`` (1 KB = 1,000 bytes, as file managers say)."""
    if size < 1000:
        return f"{size:,} byte{'s' if size != 1 else ''}"
    value = float(size)
    for unit in _UNITS:
        value /= 1000
        if value < 1000 or unit == _UNITS[-1]:
            return f"{value:,.1f} {unit}"
    raise AssertionError("unreachable")


def first_sentence(text: str) -> str:
    """The first sentence of a reason, for a cell; the whole reason goes in the tooltip."""
    text = " ".join(text.split())
    found = _FIRST_SENTENCE.match(text)
    sentence = found.group(1) if found else text
    return sentence.rstrip(".")


def state_text(job: UploadJob, duplicate_of: str | None = None) -> str:
    """The job's state as the queue table shows it (``duplicate_of``: the existing file's name)."""
    state, reason = job.state, (job.reason or "").strip()
    if state == "hashing":
        return _tr("Hashing")
    if state == "waiting":
        if not reason:
            return _tr("Waiting")
        # "Waiting for the server", "Waiting for you to sign in…": the reason says it all.
        if reason.lower().startswith("waiting"):
            return first_sentence(reason)
        return _tr("Waiting: {reason}").format(reason=first_sentence(reason))
    if state == "uploading":
        percent = int(100 * min(job.offset, job.size) / job.size) if job.size else 0
        return _tr("Uploading {percent}%").format(percent=percent)
    if state == "duplicate":
        if duplicate_of:
            return _tr("Duplicate of {name}").format(name=duplicate_of)
        if reason:
            return _tr("Duplicate: {reason}").format(reason=first_sentence(reason))
        return _tr("Duplicate")
    if state == "failed":
        return _tr("Failed: {reason}").format(reason=first_sentence(reason or "no reason given"))
    if state == "cancelled":
        return _tr("Cancelled")
    return _tr(state.capitalize())  # Done, Paused, Unsorted


def source_text(job: UploadJob) -> str:
    """``Dropped``, or ``Watched: Scans`` naming the folder the file came from."""
    if job.source == "watched_folder" and job.watched_root:
        return _tr("Watched: {folder}").format(folder=folder_name(job.watched_root))
    return _tr(_SOURCES.get(job.source, choice_label(job.source)))


def folder_name(path: str) -> str:
    """The last part of a folder's path (``E:\\`` stays whole)."""
    return PurePath(path).name or path


def category_text(category: str | None) -> str:
    return choice_label(category) if category else ""


def confidence_text(confidence: float | None) -> str:
    return f"{confidence:.0%}" if confidence is not None else ""


def duration_text(seconds: float) -> str:
    """``a few seconds``, ``40 s``, ``2 min``, ``1 h 5 min``: an estimate, so rounded."""
    if seconds < 10:
        return _tr("a few seconds")
    if seconds < 60:
        return _tr("{n} s").format(n=round(seconds / 5) * 5)
    minutes = round(seconds / 60)
    if minutes < 60:
        return _tr("{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    if minutes == 0:
        return _tr("{h} h").format(h=hours)
    return _tr("{h} h {m} min").format(h=hours, m=minutes)


def totals_text(totals: QueueTotals, seconds_left: float | None = None) -> str:
    """``12 waiting · 3 uploading · 140 done — 34.2 MB of 120.0 MB — about 2 min left``."""
    counts = [
        f"{totals.files[state]:,} {_tr(one if totals.files[state] == 1 else many)}"
        for state, one, many in _TOTALS_WORDS
        if totals.files.get(state)
    ]
    if not counts:
        return _tr("Nothing in the upload queue. Drop files anywhere on the window to add them.")
    parts = [" · ".join(counts)]
    if totals.bytes_total:
        parts.append(
            _tr("{done} of {total}").format(
                done=size_text(totals.bytes_done), total=size_text(totals.bytes_total)
            )
        )
    if seconds_left is not None:
        parts.append(_tr("about {time} left").format(time=duration_text(seconds_left)))
    return " — ".join(parts)


def folder_state_text(path: str, state: str, message: str) -> str:
    """One watched folder's state in a few words; the full ``message`` goes in the tooltip."""
    name = folder_name(path)
    if state == "watching":
        return _tr("{folder}: watching").format(folder=name)
    if state == "paused":
        return _tr("{folder}: paused").format(folder=name)
    if state == "missing":
        # The whole path: the person has to find the drive or share it lives on.
        return _tr("{path}: not there (unplugged drive?) — waiting for it").format(path=path)
    if state == "error":
        return _tr("{path}: cannot be opened — trying again").format(path=path)
    return f"{name}: {first_sentence(message) or state}"


def folder_states_text(states: Mapping[str, tuple[str, str]]) -> str:
    """Every watched folder's state on one line, ``Scans: watching · E:\\Inbox: not there…``."""
    return " · ".join(
        folder_state_text(path, state, message)
        for path, (state, message) in sorted(states.items(), key=lambda item: item[0].lower())
    )
