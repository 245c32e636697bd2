"""The program's icons: SVG line drawings in ``resources/``, sharp at any size and screen.

Each icon is drawn from its SVG at the exact pixel size a widget asks for
(logical size × device pixel ratio), never scaled from a bitmap, so it stays
crisp at 100 %, 150 % and 200 % scaling. The drawings use ``currentColor``;
it becomes the palette's text colour when the icon is drawn (the disabled
text colour for a disabled action, the highlighted text colour on a selected
row), so the icons read on the light and the dark theme alike and follow a
theme change without being rebuilt.

``resources/`` is found beside the package in a checkout and under
``sys._MEIPASS`` in the PyInstaller bundle.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

CURRENT_COLOR = b"currentColor"
APP_ICON = "advisoros.svg"
# Sizes a platform may ask the window icon for when it does not say (X11 lists them).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_CACHE_LIMIT = 256  # rendered pixmaps kept per icon (size × scale × mode × colour)


def resources_dir() -> Path:
    """``resources/`` of the running program: the bundle's when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def _svg_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        log.warning("icon %s cannot be read: %s", path, err)
        return b""


def _colour_for(mode: QIcon.Mode) -> QColor:
    """The palette colour ``currentColor`` stands for, read when the icon is drawn."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    """Draws one SVG at the requested size; ``recolour`` swaps ``currentColor`` for the
    palette's text colour (the application icon keeps its own colours)."""

    def __init__(self, path: Path, recolour: bool = True, sizes: tuple[int, ...] = ()) -> None:
        super().__init__()
        self._path = path
        self._recolour = recolour
        self._sizes = sizes
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, float, int, str], QPixmap] = {}

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        colour = _colour_for(mode).name(QColor.NameFormat.HexArgb) if self._recolour else ""
        renderer = self._renderers.get(colour)
        if renderer is None:
            source = _svg_source(self._path)
            if self._recolour:
                # SVG wants #rrggbb; the alpha of a disabled colour goes in as opacity.
                rgb = QColor(colour)
                source = source.replace(CURRENT_COLOR, rgb.name().encode())
                if rgb.alpha() < 255:
                    source = source.replace(
                        b"<svg ", f'<svg opacity="{rgb.alphaF():.3f}" '.encode(), 1
                    )
            renderer = QSvgRenderer(QByteArray(source))
            self._renderers[colour] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Drawn as vectors straight onto the device: sharp whatever its pixel ratio.
        renderer = self._renderer(mode)
        if renderer.isValid():
            renderer.render(painter, QRectF(rect))

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """``size`` in logical pixels; the pixmap has ``size × scale`` device pixels."""
        colour = _colour_for(mode).name(QColor.NameFormat.HexArgb) if self._recolour else ""
        key = (size.width(), size.height(), scale, int(mode.value), colour)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return QPixmap(cached)
        device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        pixmap = QPixmap(device)
        pixmap.fill(Qt.GlobalColor.transparent)
        renderer = self._renderer(mode)
        if renderer.isValid():
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, device.width(), device.height()))
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
        return [QSize(s, s) for s in self._sizes]

    def isNull(self) -> bool:
        return not _svg_source(self._path)

    def iconName(self) -> str:
        return self._path.stem

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._path, self._recolour, self._sizes)


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the palette's colours; a null QIcon
    (and a log line) when there is no such drawing, so a missing file costs only the
    picture, never the action."""
    path = icon_path(name)
    if not path.is_file():
        log.warning("no icon %r at %s", name, path)
        return QIcon()
    return QIcon(SvgIconEngine(path))


def app_icon() -> QIcon:
    """The program's own icon (window title bars, task bar, Alt+Tab), in its own colours."""
    path = resources_dir() / APP_ICON
    if not path.is_file():
        log.warning("the application icon is missing at %s", path)
        return QIcon()
    return QIcon(SvgIconEngine(path, recolour=False, sizes=APP_ICON_SIZES))
