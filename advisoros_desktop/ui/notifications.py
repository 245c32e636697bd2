"""What deserves a notification, the settings that switch each kind off, and the pacing.

Three things are worth interrupting an accountant for while they work in
another program: a batch of files has finished, a change of theirs conflicts
with someone else's, a file could not be added. Each kind can be switched off
(QSettings; ``notification_settings()`` lists the keys and labels for the
settings dialog); all are on by default.

Notifications must not become noise, so for each kind:

- events are gathered for a moment and told as one (a scanner folder that
  fails 30 files in three seconds gives one "30 files could not be added");
- after one is shown, the next of that kind waits at least ``min_gap``
  (what happens meanwhile is gathered into it, not lost);
- nothing is shown while the window is active and already shows it: a
  finished batch while the window is active at all (its status bar says so),
  failures while the Intake view is shown, conflicts while the Conflicts view
  is. Those events are dropped: the person has seen them.

A failure of a batch that has finished by the time its failure would be told
is left to the batch's notice ("40 files added; 2 could not be added"),
when those are on, rather than said twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, QTimer, Slot

from advisoros_desktop.ui.batch_outcomes import BatchOutcome, NewFailures
from advisoros_desktop.ui.tray_texts import batch_notice, conflict_notice, failure_notice

log = logging.getLogger(__name__)

BATCH_FINISHED = "notifications/batchFinished"
CONFLICTS = "notifications/conflicts"
INTAKE_FAILURES = "notifications/intakeFailures"


@dataclass(frozen=True)
class NotificationKind:
    key: str  # the QSettings key (a bool, on by default)
    label: str  # the settings dialog's check box, in English
    view: str  # the window's view a click on the notification opens
    # Quiet while the window is active on this view ("" for any view).
    quiet_in: str
    gather_ms: int  # events this close together become one notification
    min_gap_ms: int  # at least this long between two notifications of this kind


NOTIFICATION_KINDS: tuple[NotificationKind, ...] = (
    NotificationKind(
        BATCH_FINISHED,
        QT_TRANSLATE_NOOP("Notifications", "When a batch of files has been added"),
        "intake",
        "",
        2_000,
        15_000,
    ),
    NotificationKind(
        CONFLICTS,
        QT_TRANSLATE_NOOP("Notifications", "When a change of yours conflicts with someone else's"),
        "conflicts",
        "conflicts",
        1_000,
        60_000,
    ),
    NotificationKind(
        INTAKE_FAILURES,
        QT_TRANSLATE_NOOP("Notifications", "When a file could not be added"),
        "intake",
        "intake",
        4_000,
        30_000,
    ),
)
KINDS: dict[str, NotificationKind] = {kind.key: kind for kind in NOTIFICATION_KINDS}
# (key, label) for the settings dialog, in the order it lists them; the labels in
# English (``notification_settings()`` gives them in the user's language).
NOTIFICATION_SETTINGS: tuple[tuple[str, str], ...] = tuple(
    (kind.key, kind.label) for kind in NOTIFICATION_KINDS
)


def notification_settings() -> list[tuple[str, str]]:
    """(key, translated label) of each kind, for the settings dialog's check boxes."""
    return [
        (key, QCoreApplication.translate("Notifications", label))
        for key, label in NOTIFICATION_SETTINGS
    ]


def _as_bool(value: Any, default: bool) -> bool:
    """A setting as an INI file or the registry may hold it ("true", "0", 1, True)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
    return default


class NotificationSettings:
    """Which kinds are on; read each time, so the settings dialog's change holds at once."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def enabled(self, key: str) -> bool:
        if key not in KINDS:
            raise KeyError(f"no notification kind {key!r}")
        return _as_bool(self._settings.value(key, True), True)

    def set_enabled(self, key: str, on: bool) -> None:
        if key not in KINDS:
            raise KeyError(f"no notification kind {key!r}")
        self._settings.setValue(key, bool(on))


@dataclass(frozen=True)
class Notice:
    """One notification to show."""

    key: str  # its kind's settings key
    title: str
    text: str
    view: str  # where a click on it leads
    warning: bool = False  # something went wrong (shown with the platform's warning icon)


class _Gathering:
    """One kind's events waiting to be told, and when the last notice of it showed."""

    def __init__(
        self, kind: NotificationKind, parent: QObject, flush: Callable[[str], None]
    ) -> None:
        self.kind = kind
        self.events: list[Any] = []
        self.last_shown: float | None = None
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: flush(kind.key))


class Notifier(QObject):
    """Turns what the tray's readings report into notices, gathered and paced.

    ``notify(Notice)`` shows one (the tray's ``showMessage``; tests capture it).
    ``is_showing(view)`` tells whether the window is active and shows ``view``
    (``""``: any view).
    """

    def __init__(
        self,
        settings: QSettings,
        notify: Callable[[Notice], None],
        is_showing: Callable[[str], bool],
        parent: QObject | None = None,
        *,
        pacing: Mapping[str, tuple[int, int]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.settings = NotificationSettings(settings)
        self._notify = notify
        self._is_showing = is_showing
        self._clock = clock
        self._conflicts: int | None = None  # the last count; None before the first
        self._gatherings: dict[str, _Gathering] = {}
        for kind in NOTIFICATION_KINDS:
            gather, gap = (pacing or {}).get(kind.key, (kind.gather_ms, kind.min_gap_ms))
            paced = NotificationKind(kind.key, kind.label, kind.view, kind.quiet_in, gather, gap)
            self._gatherings[kind.key] = _Gathering(paced, self, self._flush)

    # -- what happened (slots: the tray's readings send these from their worker thread) -----
    @Slot(object)
    def batch_finished(self, outcome: BatchOutcome) -> None:
        if self.settings.enabled(BATCH_FINISHED):
            # Its failures not told yet are told with it.
            failures = self._gatherings[INTAKE_FAILURES]
            failures.events = [f for f in failures.events if f.batch_id != outcome.batch_id]
            if not failures.events:
                failures.timer.stop()
        self._add(BATCH_FINISHED, outcome)

    @Slot(object)
    def files_failed(self, failures: NewFailures) -> None:
        self._add(INTAKE_FAILURES, failures)

    def conflicts_counted(self, count: int) -> None:
        """The number of conflicts now; more than at the last count is news."""
        before, self._conflicts = self._conflicts, count
        if before is not None and count > before:
            self._add(CONFLICTS, (count - before, count))

    @property
    def last_conflict_count(self) -> int | None:
        """The conflicts at the last count; None before the first (which is not news)."""
        return self._conflicts

    def pending(self, key: str) -> int:
        """Events of this kind gathered and not told yet (for tests and diagnostics)."""
        return len(self._gatherings[key].events)

    # -- gathering and pacing -----------------------------------------------------------
    def _add(self, key: str, event: Any) -> None:
        if not self.settings.enabled(key):
            return
        gathering = self._gatherings[key]
        gathering.events.append(event)
        if gathering.timer.isActive():
            return
        wait = gathering.kind.gather_ms
        if gathering.last_shown is not None:
            since_ms = (self._clock() - gathering.last_shown) * 1000
            wait = max(wait, int(gathering.kind.min_gap_ms - since_ms))
        gathering.timer.start(max(0, wait))

    def _flush(self, key: str) -> None:
        gathering = self._gatherings[key]
        events, gathering.events = gathering.events, []
        kind = gathering.kind
        if not events or not self.settings.enabled(key) or self._is_showing(kind.quiet_in):
            return
        notice = self._notice(key, events)
        if notice is None:
            return
        gathering.last_shown = self._clock()
        try:
            self._notify(notice)
        except Exception:  # a notification that cannot show must not break the window
            log.exception("the notification %r could not be shown", notice.title)

    def _notice(self, key: str, events: list[Any]) -> Notice | None:
        view = KINDS[key].view
        if key == BATCH_FINISHED:
            said = batch_notice(events)
            warning = any(o.failed for o in events)
        elif key == INTAKE_FAILURES:
            said = failure_notice(events)
            warning = True
        else:
            new = sum(n for n, _total in events)
            said = conflict_notice(new, events[-1][1])
            warning = True
        if said is None:
            return None
        title, text = said
        return Notice(key, title, text, view, warning)
