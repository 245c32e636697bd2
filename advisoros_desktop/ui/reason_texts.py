"""Reasons the Qt-free layers give in English, said in the language spoken.

Intake, sync and the API client explain themselves in fixed English phrases
("a temporary file", "Waiting for the server") that the window shows as they
are. Their translations are keyed by those phrases (context ``Reasons``), so
the layers below stay free of Qt. The few sentences built around a value
("Cannot reach the AdvisorOS server at …: connection refused") are taken
apart here and said again. A phrase not listed, such as a server's own
message, is shown as it came. ``tests/ui/test_translations.py`` checks that
the phrases below still match the layers' constants.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Why intake skips a file (``intake/ignore_rules.py``).
IGNORE_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "an Office lock file"),
    QT_TRANSLATE_NOOP("Reasons", "a temporary file"),
    QT_TRANSLATE_NOOP("Reasons", "a partial download"),
    QT_TRANSLATE_NOOP("Reasons", "an editor's temporary file"),
    QT_TRANSLATE_NOOP("Reasons", "a backup copy"),
    QT_TRANSLATE_NOOP("Reasons", "a Windows thumbnail cache"),
    QT_TRANSLATE_NOOP("Reasons", "a Windows folder setting"),
    QT_TRANSLATE_NOOP("Reasons", "a macOS folder icon"),
    QT_TRANSLATE_NOOP("Reasons", "an intake error report"),
    QT_TRANSLATE_NOOP("Reasons", "a hidden file"),
)
# Where an upload stands (``sync/upload_refusals.py``) and why sync stopped
# (``sync/connectivity.py``, ``api/errors.py``, ``api/retrying_sender.py``).
STATE_REASONS = (
    QT_TRANSLATE_NOOP(
        "Reasons",
        "The file was moved or deleted before it was sent. "
        "Add it again if it should still be uploaded.",
    ),
    QT_TRANSLATE_NOOP("Reasons", "The file changed after it was checked; checking it again."),
    QT_TRANSLATE_NOOP("Reasons", "Waiting for the server"),
    QT_TRANSLATE_NOOP("Reasons", "Waiting for you to sign in to AdvisorOS."),
    QT_TRANSLATE_NOOP("Reasons", "Choose a client for this file."),
    QT_TRANSLATE_NOOP("Reasons", "Sync is paused."),
    QT_TRANSLATE_NOOP("Reasons", "Sign in to AdvisorOS to continue."),
)
NETWORK_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "the address is not a valid http:// or https:// URL"),
    QT_TRANSLATE_NOOP("Reasons", "connecting timed out"),
    QT_TRANSLATE_NOOP("Reasons", "the server did not answer in time"),
    QT_TRANSLATE_NOOP("Reasons", "the connection was closed before the server answered"),
    QT_TRANSLATE_NOOP("Reasons", "connection refused"),
    QT_TRANSLATE_NOOP("Reasons", "the connection was reset"),
    QT_TRANSLATE_NOOP("Reasons", "the server's name could not be found"),
)

_UNREACHABLE_AT = re.compile(r"^Cannot reach the AdvisorOS server at (?P<url>\S+): (?P<why>.+)$")
_UNREACHABLE_NO_ADDRESS = re.compile(
    r"^Cannot reach the AdvisorOS server: no server address is set \((?P<why>.+)\)$"
)
# Why intake routed a file where it did (``intake/routing.py``).
_FOLDER_NO_CLIENT = re.compile(r"^folder '(?P<folder>.+)' matches no client$")
_FOLDER_AMBIGUOUS = re.compile(
    r"^folder '(?P<folder>.+)' is ambiguous: (?P<client>.+) \((?P<score>\d+%)\) "
    r"or (?P<rival>.+) \((?P<rival_score>\d+%)\)$"
)
_FOLDER_MATCHES = re.compile(
    r"^folder '(?P<folder>.+)' matches client (?P<client>.+) \((?P<score>\d+%)\)$"
)


def reason_text(reason: str) -> str:
    """``reason`` in the language spoken, or as it is when it is not a known phrase."""
    if not reason:
        return reason
    found = _UNREACHABLE_AT.match(reason)
    if found:
        return QCoreApplication.translate(
            "Reasons", "Cannot reach the AdvisorOS server at {url}: {why}"
        ).format(url=found["url"], why=_phrase(found["why"]))
    found = _UNREACHABLE_NO_ADDRESS.match(reason)
    if found:
        return QCoreApplication.translate(
            "Reasons", "Cannot reach the AdvisorOS server: no server address is set ({why})"
        ).format(why=_phrase(found["why"]))
    return _routing(reason) or _phrase(reason)


def _routing(reason: str) -> str | None:
    found = _FOLDER_NO_CLIENT.match(reason)
    if found:
        return QCoreApplication.translate("Reasons", "folder '{folder}' matches no client").format(
            folder=found["folder"]
        )
    found = _FOLDER_AMBIGUOUS.match(reason)
    if found:
        return QCoreApplication.translate(
            "Reasons",
            "folder '{folder}' is ambiguous: {client} ({score}) or {rival} ({rival_score})",
        ).format(**found.groupdict())
    found = _FOLDER_MATCHES.match(reason)
    if found:
        return QCoreApplication.translate(
            "Reasons", "folder '{folder}' matches client {client} ({score})"
        ).format(**found.groupdict())
    return None


def _phrase(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)
