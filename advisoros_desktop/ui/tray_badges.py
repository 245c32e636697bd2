"""The tray's pictures: the program's icon with a small badge for the state.

Idle is the plain icon (nothing to see); every other state puts a round badge
on its lower right corner, by colour *and* by shape, so it reads for a
colour-blind accountant and on a grey tray: circling arrows (syncing), two
bars (sync paused), a bar (offline), an exclamation mark (attention). The
colours are fixed rather than taken from the theme: the tray's background
belongs to the operating system, not to us, so the badge carries a white ring
and white marks that hold on light and dark taskbars alike.

Drawn as vectors at whatever size the platform asks (16 px on Windows at
100 %, 22 on KDE, 44 on a Retina menu bar), never scaled from a bitmap.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from advisoros_desktop.ui.icons import APP_ICON_SIZES, app_icon, icon_path
from advisoros_desktop.ui.tray_state import TrayState

WHITE = QColor("#ffffff")
# state -> (badge colour, mark); every colour holds white marks at 4.5:1 or more.
BADGES: dict[TrayState, tuple[str, str]] = {
    TrayState.SYNCING: ("#1565c0", "sync"),
    TrayState.PAUSED: ("#5f5f5f", "pause"),
    TrayState.OFFLINE: ("#8a5a00", "bar"),
    TrayState.ATTENTION: ("#c62828", "exclamation"),
}
_SVG_MARKS = {"sync": "sync"}  # marks drawn from resources/icons
_CACHE_LIMIT = 64


@cache
def _base_icon() -> QIcon:
    return app_icon()


@cache
def _mark_renderer(name: str) -> QSvgRenderer:
    try:
        source = icon_path(name).read_bytes()
    except OSError:
        source = b""
    return QSvgRenderer(QByteArray(source.replace(b"currentColor", b"#ffffff")))


def badge_rect(size: float) -> QRectF:
    """Where the badge sits in a ``size``-pixel icon: a bit over half of it, lower right
    (large enough to be told apart on a 16-pixel tray)."""
    diameter = size * (0.62 if size <= 24 else 0.55)
    return QRectF(size - diameter, size - diameter, diameter, diameter)


def _draw_mark(painter: QPainter, mark: str, badge: QRectF) -> None:
    inner = badge.adjusted(*(d * badge.width() for d in (0.2, 0.2, -0.2, -0.2)))
    if mark in _SVG_MARKS:
        renderer = _mark_renderer(_SVG_MARKS[mark])
        if renderer.isValid():
            renderer.render(painter, inner)
        return
    pen = QPen(WHITE, max(1.5, badge.width() * 0.16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    centre = inner.center()
    if mark == "pause":  # filled bars: the outlined drawing of pause.svg blurs when this small
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WHITE)
        bar = QRectF(0, 0, inner.width() * 0.22, inner.height() * 0.7)
        for dx in (-0.2, 0.2):
            bar.moveCenter(QPointF(centre.x() + dx * inner.width(), centre.y()))
            painter.drawRoundedRect(bar, bar.width() * 0.25, bar.width() * 0.25)
    elif mark == "bar":
        half = inner.width() * 0.38
        painter.drawLine(
            QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y())
        )
    elif mark == "exclamation":
        top = inner.top() + inner.height() * 0.05
        stem_end = inner.top() + inner.height() * 0.58
        painter.drawLine(QPointF(centre.x(), top), QPointF(centre.x(), stem_end))
        dot = inner.top() + inner.height() * 0.92
        painter.drawPoint(QPointF(centre.x(), dot))


def paint_badged(painter: QPainter, rect: QRect | QRectF, state: TrayState) -> None:
    """The app icon in ``rect`` with the badge of ``state`` (none for idle)."""
    area = QRectF(rect)
    _base_icon().paint(painter, area.toRect())
    badge = BADGES.get(state)
    if badge is None:
        return
    colour, mark = badge
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(area.topLeft())
    size = min(area.width(), area.height())
    circle = badge_rect(size)
    ring = max(1.0, size / 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(WHITE)
    painter.drawEllipse(circle)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(circle.adjusted(ring, ring, -ring, -ring))
    _draw_mark(painter, mark, circle)
    painter.restore()


class TrayIconEngine(QIconEngine):
    """Draws the badged icon of one state at the exact size asked for."""

    def __init__(self, state: TrayState) -> None:
        super().__init__()
        self._state = state
        self._pixmaps: dict[tuple[int, int, float], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        paint_badged(painter, rect, self._state)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), scale)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return QPixmap(cached)
        side = max(1, round(min(size.width(), size.height()) * scale))
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_badged(painter, QRect(0, 0, side, side), self._state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._pixmaps) >= _CACHE_LIMIT:
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return QPixmap(pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(s, s) for s in APP_ICON_SIZES]

    def iconName(self) -> str:
        return f"advisoros-{self._state}"

    def clone(self) -> QIconEngine:
        return TrayIconEngine(self._state)


def state_icon(state: TrayState) -> QIcon:
    """The tray picture for ``state`` (the plain program icon when idle)."""
    if state not in BADGES:
        return _base_icon()
    return QIcon(TrayIconEngine(state))
