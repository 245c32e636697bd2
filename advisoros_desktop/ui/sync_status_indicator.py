"""The sync status in the status bar: online or not, what waits to be sent, when it last worked.

It is what an accountant glances at before closing the laptop, so it says in
words (never by colour alone) whether everything reached the server. During a
sync the counts change hundreds of times a second; the indicator keeps only
the latest values and shows them at most ten times a second (STYLE.md §7).
Clicking it, or Enter/Space when it has focus, opens the outbox; the conflict
count is a button of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionFocusRect,
    QToolButton,
    QWidget,
)

from advisoros_desktop.ui.counted_text import counted
from advisoros_desktop.ui.field_format import short_date_format
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.reason_texts import reason_text
from advisoros_desktop.ui.theme import tone_colour

MIN_INTERVAL_MS = 100  # at most ten updates a second
CLOCK_INTERVAL_MS = 30_000  # "Synced 2 min ago" stays true
DETAIL_WIDTH = 280  # pixels of the offline / signed-out explanation before it is elided

# state -> (words, tone of the dot in ui/theme.py TONES, so it shows on either theme)
STATES: dict[str, tuple[str, str]] = {
    "online": (QT_TRANSLATE_NOOP("SyncStatusIndicator", "Online"), "success"),
    "syncing": (QT_TRANSLATE_NOOP("SyncStatusIndicator", "Syncing…"), "info"),
    "offline": (QT_TRANSLATE_NOOP("SyncStatusIndicator", "Offline"), "warning"),
    "signed_out": (QT_TRANSLATE_NOOP("SyncStatusIndicator", "Signed out"), "error"),
    "paused": (QT_TRANSLATE_NOOP("SyncStatusIndicator", "Sync paused"), "muted"),
}
# Shown when the scheduler gave no message for a state that needs explaining.
DEFAULT_DETAILS = {
    "offline": QT_TRANSLATE_NOOP("SyncStatusIndicator", "Your changes are kept and sent later."),
    "signed_out": QT_TRANSLATE_NOOP("SyncStatusIndicator", "Sign in to send your changes."),
}
CHANGES_TO_SEND = (
    QT_TRANSLATE_NOOP("SyncStatusIndicator", "{n} change to send"),
    QT_TRANSLATE_NOOP("SyncStatusIndicator", "{n} changes to send"),
)
CONFLICTS = (
    QT_TRANSLATE_NOOP("SyncStatusIndicator", "{n} conflict"),
    QT_TRANSLATE_NOOP("SyncStatusIndicator", "{n} conflicts"),
)


def _tr(text: str) -> str:
    """A text marked in context ``SyncStatusIndicator``."""
    return QCoreApplication.translate("SyncStatusIndicator", text)


def last_sync_text(iso_utc: str | None, now: dt.datetime) -> str:
    """``Synced 2 min ago``; ``Never synced`` before the first successful sync."""
    if not iso_utc:
        return QCoreApplication.translate("SyncStatusIndicator", "Never synced")
    try:
        when = dt.datetime.fromisoformat(iso_utc)
    except ValueError:
        return QCoreApplication.translate("SyncStatusIndicator", "Last sync time unknown")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("SyncStatusIndicator", "Synced just now")
    if seconds < 3600:
        return QCoreApplication.translate("SyncStatusIndicator", "Synced {n} min ago").format(
            n=int(seconds // 60)
        )
    if seconds < 86_400:
        return QCoreApplication.translate("SyncStatusIndicator", "Synced {n} h ago").format(
            n=int(seconds // 3600)
        )
    local = when.astimezone()
    day = display_locale().toString(
        QDate(local.year, local.month, local.day),
        QCoreApplication.translate("SyncStatusIndicator", "MMM d, yyyy"),
    )
    return QCoreApplication.translate("SyncStatusIndicator", "Synced on {date}").format(date=day)


def exact_time(iso_utc: str) -> str:
    """The moment in local time, to the minute, for the tooltip (the locale's short date
    and time, with the year in four digits)."""
    try:
        when = dt.datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc
    local = when.astimezone()
    locale = display_locale()
    day = locale.toString(QDate(local.year, local.month, local.day), short_date_format(locale))
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day} {time}"


@dataclass(frozen=True)
class Wanted:
    """What the indicator should show; applied at most every ``MIN_INTERVAL_MS``."""

    state: str = "online"
    message: str = ""
    pending: int = 0
    conflicts: int = 0
    last_sync: str | None = None


class StatusDot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tone = "muted"
        self.setFixedSize(QSize(10, 10))

    @property
    def colour(self) -> QColor:
        return tone_colour(self.tone, self.palette())

    def set_tone(self, tone: str) -> None:
        if tone != self.tone:
            self.tone = tone
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))


class SyncStatusIndicator(QWidget):
    """Status-bar widget; the window feeds it from the scheduler and the store."""

    clicked = Signal()
    conflicts_clicked = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._wanted = Wanted()
        self._due = False
        self.updates_shown = 0  # how many times new values were put on screen
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dot = StatusDot(self)
        self.state_label = QLabel(self)
        self.detail_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.conflicts_button = QToolButton(self)
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_button.setToolTip(self.tr("Show the conflicts to decide"))
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        font = self.conflicts_button.font()
        font.setBold(True)
        self.conflicts_button.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 4, 1)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        for widget in (
            self.state_label,
            self.detail_label,
            self.counts_label,
            self.conflicts_button,
            self.last_sync_label,
        ):
            layout.addWidget(widget)
        self._cooldown = QTimer(self)
        self._cooldown.setSingleShot(True)
        self._cooldown.setInterval(MIN_INTERVAL_MS)
        self._cooldown.timeout.connect(self._after_cooldown)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_INTERVAL_MS)
        self._clock.timeout.connect(self._request)
        self._clock.start()
        self._apply()

    # -- what the window calls --------------------------------------------------------
    def show_state(self, state: str, message: str) -> None:
        """A ``SyncState`` value (online, syncing, offline, signed_out, paused) and why."""
        self._want(replace(self._wanted, state=str(state), message=message))

    def show_counts(self, pending: int, conflicts: int) -> None:
        self._want(replace(self._wanted, pending=pending, conflicts=conflicts))

    def show_last_sync(self, iso_utc: str | None) -> None:
        self._want(replace(self._wanted, last_sync=iso_utc))

    def flush(self) -> None:
        """Show the latest values now (tests, and before the window is grabbed)."""
        self._cooldown.stop()
        self._due = False
        self._apply()

    # -- keyboard and mouse ---------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # a plain QWidget draws no focus mark of its own
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            painter = QPainter(self)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )

    # -- throttling -------------------------------------------------------------------
    def _want(self, wanted: Wanted) -> None:
        if wanted == self._wanted:
            return
        self._wanted = wanted
        self._request()

    def _request(self) -> None:
        # The first change shows at once; later ones within the interval wait for its end.
        if self._cooldown.isActive():
            self._due = True
            return
        self._apply()
        self._cooldown.start()

    def _after_cooldown(self) -> None:
        if self._due:
            self._due = False
            self._apply()
            self._cooldown.start()

    def _apply(self) -> None:
        self.updates_shown += 1
        wanted = self._wanted
        words, tone = STATES.get(wanted.state, (wanted.state, "muted"))
        self.dot.set_tone(tone)
        words = _tr(words)
        self.state_label.setText(words)
        detail = ""
        if wanted.state in DEFAULT_DETAILS:
            detail = reason_text(wanted.message) or _tr(DEFAULT_DETAILS[wanted.state])
        metrics = self.detail_label.fontMetrics()
        self.detail_label.setText(
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, DETAIL_WIDTH)
        )
        self.detail_label.setVisible(bool(detail))
        counts = counted("SyncStatusIndicator", CHANGES_TO_SEND, wanted.pending)
        self.counts_label.setText(counts)
        self.counts_label.setVisible(wanted.pending > 0)
        conflicts = counted("SyncStatusIndicator", CONFLICTS, wanted.conflicts)
        self.conflicts_button.setText(conflicts)
        self.conflicts_button.setVisible(wanted.conflicts > 0)
        last = last_sync_text(wanted.last_sync, self._now())
        self.last_sync_label.setText(last)
        parts = [words]
        if detail:
            parts.append(detail)
        if wanted.pending:
            parts.append(counts)
        if wanted.conflicts:
            parts.append(conflicts)
        parts.append(last)
        self.setAccessibleName(self.tr("Sync status: {0}").format(". ".join(parts)))
        tip = [reason_text(wanted.message) or words]
        if wanted.last_sync:
            tip.append(self.tr("Last sync: {0}").format(exact_time(wanted.last_sync)))
        tip.append(self.tr("Click, or press Enter, to see the changes waiting to be sent."))
        self.setToolTip("\n".join(tip))
