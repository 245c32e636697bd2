"""What the tray icon and its notifications say, in the words accountants read.

The tooltip is the tray's only words, and a notification is read in the
second it shows, away from the window: each says what happened and to whom
("42 files added to Smith & Co"), never a state code. The wording lives here
so it can be checked without a tray.

Every text is a literal in a ``translate("Tray", …)`` call, or a
``QT_TRANSLATE_NOOP`` pair (one, many) for counts, so ``pyside6-lupdate``
finds them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.ui.batch_outcomes import BatchOutcome, FailedFile, NewFailures
from advisoros_desktop.ui.tray_state import TrayFacts
from advisoros_desktop.ui.upload_queue_texts import first_sentence

APP_NAME = "AdvisorOS"
NAMES_SHOWN = 3  # file names a failure notification lists before "and 2 more"

Plural = tuple[str, str]  # (one, many), each with {n} for the count

CONFLICTS_NEED_YOU: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} conflict needs you"),
    QT_TRANSLATE_NOOP("Tray", "{n} conflicts need you"),
)
FILES_NOT_ADDED: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} file could not be added"),
    QT_TRANSLATE_NOOP("Tray", "{n} files could not be added"),
)
FILES_NEED_CLIENT: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} file needs a client"),
    QT_TRANSLATE_NOOP("Tray", "{n} files need a client"),
)
CHANGES_WAITING: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} change waiting"),
    QT_TRANSLATE_NOOP("Tray", "{n} changes waiting"),
)
UPLOADING: Plural = (
    QT_TRANSLATE_NOOP("Tray", "Uploading {n} file"),
    QT_TRANSLATE_NOOP("Tray", "Uploading {n} files"),
)
UPLOADS_PAUSED: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} upload paused"),
    QT_TRANSLATE_NOOP("Tray", "{n} uploads paused"),
)
FILES_ADDED: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} file added"),
    QT_TRANSLATE_NOOP("Tray", "{n} files added"),
)
NEED_CLIENT: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} needs a client."),
    QT_TRANSLATE_NOOP("Tray", "{n} need a client."),
)
THERE_ALREADY: Plural = (
    QT_TRANSLATE_NOOP("Tray", "{n} was there already."),
    QT_TRANSLATE_NOOP("Tray", "{n} were there already."),
)
CHANGES_NEED_DECISION: Plural = (
    QT_TRANSLATE_NOOP("Tray", "A change needs your decision"),
    QT_TRANSLATE_NOOP("Tray", "{n} changes need your decision"),
)


def _count(count: int, plural: Plural) -> str:
    return QCoreApplication.translate("Tray", plural[0] if count == 1 else plural[1]).format(
        n=f"{count:,}"
    )


# -- the tooltip -----------------------------------------------------------------------
def _problems(facts: TrayFacts) -> list[str]:
    lines = []
    if facts.signed_out:
        lines.append(
            facts.sync_message
            or QCoreApplication.translate("Tray", "Signed out; sign in to send your changes")
        )
    if facts.conflicts:
        lines.append(_count(facts.conflicts, CONFLICTS_NEED_YOU))
    if facts.uploads_failed:
        lines.append(_count(facts.uploads_failed, FILES_NOT_ADDED))
    if facts.unsorted:
        lines.append(_count(facts.unsorted, FILES_NEED_CLIENT))
    return lines


def _activity(facts: TrayFacts) -> list[str]:
    lines = []
    waiting = _count(facts.pending, CHANGES_WAITING)
    if facts.sync_state == "offline":
        if facts.pending:
            lines.append(
                QCoreApplication.translate("Tray", "Offline, {waiting}").format(waiting=waiting)
            )
        else:
            lines.append(
                QCoreApplication.translate("Tray", "Offline; your changes are kept and sent later")
            )
    elif facts.sync_state == "syncing":
        lines.append(QCoreApplication.translate("Tray", "Syncing"))
    elif facts.sync_state == "paused":
        if facts.pending:
            lines.append(
                QCoreApplication.translate("Tray", "Sync paused, {waiting}").format(waiting=waiting)
            )
        else:
            lines.append(QCoreApplication.translate("Tray", "Sync paused"))
    if facts.uploads_on_their_way:
        lines.append(_count(facts.uploads_on_their_way, UPLOADING))
    if facts.uploads_paused:
        lines.append(_count(facts.uploads_paused, UPLOADS_PAUSED))
    return lines


def tooltip(facts: TrayFacts) -> str:
    """``AdvisorOS — 3 conflicts need you``, then a line for each other thing that holds."""
    lines = _problems(facts) + _activity(facts)
    if not lines:
        if facts.pending:
            lines = [_count(facts.pending, CHANGES_WAITING)]
        else:
            lines = [QCoreApplication.translate("Tray", "Everything is sent")]
    return "\n".join([f"{APP_NAME} — {lines[0]}", *lines[1:]])


# -- notifications ---------------------------------------------------------------------
def _to_whom(clients: Sequence[str]) -> str:
    if len(clients) == 1:
        return QCoreApplication.translate("Tray", " to {client}").format(client=clients[0])
    if clients:
        return QCoreApplication.translate("Tray", " to {n} clients").format(n=len(clients))
    return ""


def batch_notice(outcomes: Sequence[BatchOutcome]) -> tuple[str, str] | None:
    """(title, text) for batches that finished; None when there is nothing to tell
    (every file cancelled: the person did that themselves)."""
    added = sum(o.added for o in outcomes)
    failed = sum(o.failed for o in outcomes)
    unsorted = sum(o.unsorted for o in outcomes)
    duplicates = sum(o.duplicates for o in outcomes)
    if not (added or failed or unsorted or duplicates):
        return None
    to_whom = _to_whom(sorted({name for o in outcomes for name in o.clients}))
    parts = []
    if added:
        parts.append(_count(added, FILES_ADDED) + to_whom + ".")
    if failed:
        if added:
            parts.append(
                QCoreApplication.translate("Tray", "{n} could not be added.").format(
                    n=f"{failed:,}"
                )
            )
        else:
            parts.append(_count(failed, FILES_NOT_ADDED) + to_whom + ".")
    if unsorted:
        parts.append(_count(unsorted, NEED_CLIENT))
    if duplicates:
        parts.append(_count(duplicates, THERE_ALREADY))
    if failed:
        parts.append(QCoreApplication.translate("Tray", "Retry them in Intake."))
        if added:
            title = QCoreApplication.translate("Tray", "Some files could not be added")
        else:
            title = QCoreApplication.translate("Tray", "Files could not be added")
    elif added:
        title = QCoreApplication.translate("Tray", "Files added")
    elif unsorted:
        title = QCoreApplication.translate("Tray", "Files need a client")
    else:
        title = QCoreApplication.translate("Tray", "Nothing new to add")
    return title, " ".join(parts)


def failure_notice(failures: Sequence[NewFailures]) -> tuple[str, str] | None:
    """(title, text) for files that failed while their batches went on."""
    count = sum(f.count for f in failures)
    if count <= 0:
        return None
    examples: list[FailedFile] = [e for f in failures for e in f.examples]
    if count == 1 and examples:
        reason = first_sentence(examples[0].reason) or QCoreApplication.translate(
            "Tray", "no reason was given"
        )
        return (
            QCoreApplication.translate("Tray", "A file could not be added"),
            QCoreApplication.translate("Tray", "{name}: {reason}. Retry it in Intake.").format(
                name=examples[0].file_name, reason=reason
            ),
        )
    names = [e.file_name for e in examples[:NAMES_SHOWN]]
    more = count - len(names)
    listed = ", ".join(names)
    if names and more > 0:
        listed = QCoreApplication.translate("Tray", "{names} and {n} more").format(
            names=listed, n=f"{more:,}"
        )
    title = _count(count, FILES_NOT_ADDED)
    if not names:
        return title, QCoreApplication.translate("Tray", "Retry them in Intake.")
    return title, QCoreApplication.translate("Tray", "{names}. Retry them in Intake.").format(
        names=listed
    )


def conflict_notice(new: int, total: int) -> tuple[str, str] | None:
    """(title, text) when conflicts appeared: ``new`` since the last count, ``total`` now."""
    if new <= 0:
        return None
    text = QCoreApplication.translate(
        "Tray", "Someone else changed what you changed. Choose which values to keep in Conflicts."
    )
    if total > new:
        text += " " + QCoreApplication.translate("Tray", "{n} conflicts wait in all.").format(
            n=f"{total:,}"
        )
    return _count(new, CHANGES_NEED_DECISION), text
