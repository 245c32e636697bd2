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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.store.upload_queue import QueueTotals, UploadJob
from advisoros_desktop.ui.counted_text import count_text, counted
from advisoros_desktop.ui.field_format import choice_label
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.reason_texts import reason_text

# State codes in the order the totals line names them.
_TOTALS_ORDER = (
    "hashing",
    "waiting",
    "uploading",
    "paused",
    "unsorted",
    "done",
    "failed",
    "duplicate",
    "cancelled",
)
# lupdate reads ``translate(context, text, comment)`` calls by this name too.
translate = QCoreApplication.translate
_SOURCES = {
    "drag_drop": QT_TRANSLATE_NOOP("Intake", "Dropped"),
    "watched_folder": QT_TRANSLATE_NOOP("Intake", "Watched folder"),
    "desktop": QT_TRANSLATE_NOOP("Intake", "Added here"),
}
# The states a row names in one word.
_STATE_WORDS = {
    "done": QT_TRANSLATE_NOOP("Intake", "Done"),
    "paused": QT_TRANSLATE_NOOP("Intake", "Paused"),
    "unsorted": QT_TRANSLATE_NOOP("Intake", "Unsorted"),
}
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
_UNITS = ("KB", "MB", "GB", "TB")
BYTES = (QT_TRANSLATE_NOOP("Intake", "{n} byte"), QT_TRANSLATE_NOOP("Intake", "{n} bytes"))


def _tr(text: str) -> str:
    """A text marked in context ``Intake``."""
    return QCoreApplication.translate("Intake", text)


def size_text(size: int) -> str:
    """``532 bytes``, ``12.3 KB``, ``120.0 MB`` (1 KB = 1,000 bytes, as file managers say)."""
    if size < 1000:
        return counted("Intake", BYTES, size)
    value = float(size)
    for unit in _UNITS:
        value /= 1000
        if value < 1000 or unit == _UNITS[-1]:
            return f"{display_locale().toString(value, 'f', 1)} {unit}"
    raise AssertionError("unreachable")


def first_sentence(text: str) -> str:
    """The first sentence of a reason, for a cell; the whole reason goes in the tooltip."""
    text = " ".join(text.split())
    found = _FIRST_SENTENCE.match(text)
    sentence = found.group(1) if found else text
    return sentence.rstrip(".")


def state_text(job: UploadJob, duplicate_of: str | None = None) -> str:
    """The job's state as the queue table shows it (``duplicate_of``: the existing file's name)."""
    state, reason = job.state, reason_text((job.reason or "").strip())
    if state == "hashing":
        return QCoreApplication.translate("Intake", "Hashing")
    if state == "waiting":
        if not reason:
            return QCoreApplication.translate("Intake", "Waiting")
        # "Waiting for the server", "Waiting for you to sign in…": the reason says it all.
        if (job.reason or "").strip().lower().startswith("waiting"):
            return first_sentence(reason)
        return QCoreApplication.translate("Intake", "Waiting: {reason}").format(
            reason=first_sentence(reason)
        )
    if state == "uploading":
        percent = int(100 * min(job.offset, job.size) / job.size) if job.size else 0
        return QCoreApplication.translate("Intake", "Uploading {percent}%").format(percent=percent)
    if state == "duplicate":
        if duplicate_of:
            return QCoreApplication.translate("Intake", "Duplicate of {name}").format(
                name=duplicate_of
            )
        if reason:
            return QCoreApplication.translate("Intake", "Duplicate: {reason}").format(
                reason=first_sentence(reason)
            )
        return QCoreApplication.translate("Intake", "Duplicate")
    if state == "failed":
        return QCoreApplication.translate("Intake", "Failed: {reason}").format(
            reason=first_sentence(reason or _tr(QT_TRANSLATE_NOOP("Intake", "no reason given")))
        )
    if state == "cancelled":
        return QCoreApplication.translate("Intake", "Cancelled")
    word = _STATE_WORDS.get(state)
    return _tr(word) if word else state.capitalize()


def source_text(job: UploadJob) -> str:
    """``Dropped``, or ``Watched: Scans`` naming the folder the file came from."""
    if job.source == "watched_folder" and job.watched_root:
        return QCoreApplication.translate("Intake", "Watched: {folder}").format(
            folder=folder_name(job.watched_root)
        )
    source = _SOURCES.get(job.source)
    return _tr(source) if source else choice_label(job.source)


def folder_name(path: str) -> str:
    """The last part of a folder's path (``E:\\`` stays whole)."""
    return PurePath(path).name or path


def category_text(category: str | None) -> str:
    return choice_label(category) if category else ""


def confidence_text(confidence: float | None) -> str:
    if confidence is None:
        return ""
    return QCoreApplication.translate("Intake", "{percent}%").format(
        percent=round(confidence * 100)
    )


def duration_text(seconds: float) -> str:
    """``a few seconds``, ``40 s``, ``2 min``, ``1 h 5 min``: an estimate, so rounded."""
    if seconds < 10:
        return QCoreApplication.translate("Intake", "a few seconds")
    if seconds < 60:
        return QCoreApplication.translate("Intake", "{n} s").format(n=round(seconds / 5) * 5)
    minutes = round(seconds / 60)
    if minutes < 60:
        return QCoreApplication.translate("Intake", "{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    if minutes == 0:
        return QCoreApplication.translate("Intake", "{h} h").format(h=hours)
    return QCoreApplication.translate("Intake", "{h} h {m} min").format(h=hours, m=minutes)


def _totals_forms() -> dict[str, tuple[str, str]]:
    """Each state's words for one file and for several, translated. English says most
    of them the same way for both; the comment tells the two apart for languages that
    do not ("1 listo", "2 listos")."""
    return {
        "hashing": (
            translate("Intake", "{n} checking", "one file"),
            translate("Intake", "{n} checking", "several files"),
        ),
        "waiting": (
            translate("Intake", "{n} waiting", "one file"),
            translate("Intake", "{n} waiting", "several files"),
        ),
        "uploading": (
            translate("Intake", "{n} uploading", "one file"),
            translate("Intake", "{n} uploading", "several files"),
        ),
        "paused": (
            translate("Intake", "{n} paused", "one file"),
            translate("Intake", "{n} paused", "several files"),
        ),
        "unsorted": (
            translate("Intake", "{n} unsorted", "one file"),
            translate("Intake", "{n} unsorted", "several files"),
        ),
        "done": (
            translate("Intake", "{n} done", "one file"),
            translate("Intake", "{n} done", "several files"),
        ),
        "failed": (
            translate("Intake", "{n} failed", "one file"),
            translate("Intake", "{n} failed", "several files"),
        ),
        "duplicate": (
            translate("Intake", "{n} duplicate", "one file"),
            translate("Intake", "{n} duplicates", "several files"),
        ),
        "cancelled": (
            translate("Intake", "{n} cancelled", "one file"),
            translate("Intake", "{n} cancelled", "several files"),
        ),
    }


def totals_text(totals: QueueTotals, seconds_left: float | None = None) -> str:
    """``12 waiting · 3 uploading · 140 done — 34.2 MB of 120.0 MB — about 2 min left``."""
    forms = _totals_forms()
    counts = [
        forms[state][totals.files[state] != 1].format(n=count_text(totals.files[state]))
        for state in _TOTALS_ORDER
        if totals.files.get(state)
    ]
    if not counts:
        return QCoreApplication.translate(
            "Intake", "Nothing in the upload queue. Drop files anywhere on the window to add them."
        )
    parts = [" · ".join(counts)]
    if totals.bytes_total:
        parts.append(
            QCoreApplication.translate("Intake", "{done} of {total}").format(
                done=size_text(totals.bytes_done), total=size_text(totals.bytes_total)
            )
        )
    if seconds_left is not None:
        parts.append(
            QCoreApplication.translate("Intake", "about {time} left").format(
                time=duration_text(seconds_left)
            )
        )
    return " — ".join(parts)


def folder_state_text(path: str, state: str, message: str) -> str:
    """One watched folder's state in a few words; the full ``message`` goes in the tooltip."""
    name = folder_name(path)
    if state == "watching":
        return QCoreApplication.translate("Intake", "{folder}: watching").format(folder=name)
    if state == "paused":
        return QCoreApplication.translate("Intake", "{folder}: paused").format(folder=name)
    if state == "missing":
        # The whole path: the person has to find the drive or share it lives on.
        return QCoreApplication.translate(
            "Intake", "{path}: not there (unplugged drive?) — waiting for it"
        ).format(path=path)
    if state == "error":
        return QCoreApplication.translate(
            "Intake", "{path}: cannot be opened — trying again"
        ).format(path=path)
    return f"{name}: {first_sentence(reason_text(message)) or state}"


def folder_states_text(states: Mapping[str, tuple[str, str]]) -> str:
    """Every watched folder's state on one line, ``Scans: watching · E:\\Inbox: not there…``."""
    return " · ".join(
        folder_state_text(path, state, message)
        for path, (state, message) in sorted(states.items(), key=lambda item: item[0].lower())
    )
