"""The review's left pane: the document's page with every field's box on it.

The scene is measured in page units (PDF points, or an image's pixels), so a
field's ``bbox`` fractions map to the same rectangle whatever the zoom; the
drawn page is a pixmap scaled into those units. Zooming changes the view's
transform at once and asks the renderer for a sharper page a moment later.

Every field's box is outlined faintly; the current field's is highlighted
and scrolled into view; clicking a box selects its field (``field_clicked``).
One page shows at a time: the current field's, or the one the reviewer
turned to (``next_page``/``previous_page``), so a packet's other pages and a
statement's back can be read too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from advisoros_desktop.ui.page_renderer import PageImage, PageRenderer

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
# Page units per inch is 72 for a PDF; this is how sharp a page is drawn at zoom 1.
_RERENDER_DELAY_MS = 150
_FAINT = QColor(30, 90, 200, 90)
_CURRENT = QColor(230, 120, 0)
_CURRENT_FILL = QColor(255, 170, 0, 60)


class ReviewPreview(QGraphicsView):
    """One page at a time: the page of the current field."""

    # The key of the field whose box was clicked.
    field_clicked = Signal(str)
    # A sentence when the page cannot be shown ("" once it can).
    problem = Signal(str)
    # (page shown, page count) once a page is drawn.
    page_changed = Signal(int, int)

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPreview")
        self.setAccessibleName(self.tr("Document preview"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the field list
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(110, 110, 110))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setMinimumWidth(240)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._renderer = renderer
        renderer.rendered.connect(self._rendered)
        renderer.failed.connect(self._failed)
        self._document = ""
        self._data: bytes | None = None
        self._fields: list[Mapping[str, Any]] = []
        self._current: str | None = None
        self._page = 1
        self.page_count = 0
        self._page_size: tuple[float, float] | None = None
        self._pixmap: QGraphicsPixmapItem | None = None
        self._boxes: dict[str, QGraphicsRectItem] = {}
        self.zoom = 1.0
        self.fitting_width = True
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(_RERENDER_DELAY_MS)
        self._rerender.timeout.connect(self._request_page)

    # -- what is shown ----------------------------------------------------------------
    def show_document(self, document: str, data: bytes | None) -> None:
        """The document's bytes (None: not on this computer, only the boxes' list is kept)."""
        if document != self._document:
            self._page, self.page_count = 1, 0
        self._document, self._data = document, data
        self._page_size = None
        self._scene.clear()
        self._pixmap, self._boxes = None, {}
        if data is not None:
            self._request_page()

    def set_fields(self, fields: Sequence[Mapping[str, Any]]) -> None:
        self._fields = [f for f in fields if isinstance(f, Mapping)]
        self._draw_boxes()

    def set_current(self, key: str | None) -> None:
        """Highlight ``key``'s box and bring it into view, turning to its page."""
        self._current = key
        page = self._page_of(key)
        if page is not None and page != self._page:
            self._page = page
            self._request_page()
        self._style_boxes()
        self.scroll_to_current()

    def current_page(self) -> int:
        return self._page

    def next_page(self) -> None:
        self.turn_to(self._page + 1)

    def previous_page(self) -> None:
        self.turn_to(self._page - 1)

    def turn_to(self, page: int) -> None:
        """Show ``page`` (1-based; kept within the document's pages once they are known)."""
        last = self.page_count or 1
        page = max(1, min(last, page))
        if page != self._page:
            self._page = page
            self._request_page()

    def box_rect(self, key: str) -> QRectF | None:
        """The box of ``key`` in viewport pixels (None: not on the page shown)."""
        box = self._boxes.get(key)
        if box is None:
            return None
        return self.mapFromScene(box.sceneBoundingRect()).boundingRect().toRectF()

    # -- zoom ---------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self.fitting_width = True
        self._fit()

    def _fit(self) -> None:
        if self._page_size is None:
            return
        width = self.viewport().width() - 2
        self._apply_zoom(max(MIN_ZOOM, min(MAX_ZOOM, width / self._page_size[0])))

    def _set_zoom(self, zoom: float) -> None:
        self.fitting_width = False
        self._apply_zoom(max(MIN_ZOOM, min(MAX_ZOOM, zoom)))

    def _apply_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        if self._data is not None:
            self._rerender.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting_width:
            self._fit()

    # -- drawing ------------------------------------------------------------------------
    def _render_scale(self) -> float:
        # As sharp as the screen shows it, in steps, so small zoom moves reuse a page.
        wanted = self.zoom * self.devicePixelRatioF()
        return round(max(0.5, wanted) * 4) / 4

    def _request_page(self) -> None:
        if self._data is None:
            return
        found = self._renderer.request(self._document, self._data, self._page, self._render_scale())
        if found is not None:
            self._rendered(found)

    def _rendered(self, page: PageImage) -> None:
        if page.document != self._document or page.page != self._page:
            return  # a page asked for before the reviewer moved on
        self.page_count = page.page_count
        first = self._page_size is None
        self._page_size = (page.page_width, page.page_height)
        pixmap = QPixmap.fromImage(page.image)
        if self._pixmap is None or first:
            self._scene.clear()
            self._boxes = {}
            self._pixmap = self._scene.addPixmap(pixmap)
            self._pixmap.setZValue(-1)
        else:
            self._pixmap.setPixmap(pixmap)
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._pixmap.setScale(1.0 / page.scale)
        self._scene.setSceneRect(QRectF(0, 0, *self._page_size))
        self._draw_boxes()
        self.problem.emit("")
        self.page_changed.emit(self._page, self.page_count)
        if first and self.fitting_width:
            self._fit()
        self.scroll_to_current()

    def _failed(self, document: str, page: int, reason: str) -> None:
        if document == self._document:
            self.problem.emit(self.tr("The page cannot be shown: %1").replace("%1", reason))

    def _page_of(self, key: str | None) -> int | None:
        for field in self._fields:
            if field.get("key") == key:
                page = field.get("page")
                return page if isinstance(page, int) and page >= 1 else None
        return None

    def _draw_boxes(self) -> None:
        for box in self._boxes.values():
            self._scene.removeItem(box)
        self._boxes = {}
        if self._page_size is None:
            return
        width, height = self._page_size
        for field in self._fields:
            bbox, key = field.get("bbox"), field.get("key")
            if field.get("page") != self._page or not isinstance(key, str):
                continue
            if not (isinstance(bbox, list | tuple) and len(bbox) == 4):
                continue
            x0, y0, x1, y1 = (float(v) for v in bbox)
            box = self._scene.addRect(
                QRectF(x0 * width, y0 * height, (x1 - x0) * width, (y1 - y0) * height)
            )
            box.setData(0, key)
            box.setToolTip(str(field.get("label") or key))
            self._boxes[key] = box
        self._style_boxes()

    def _style_boxes(self) -> None:
        for key, box in self._boxes.items():
            current = key == self._current
            pen = QPen(_CURRENT if current else _FAINT, 2.5 if current else 1.0)
            pen.setCosmetic(True)  # the same line width at every zoom
            box.setPen(pen)
            box.setBrush(QBrush(_CURRENT_FILL) if current else QBrush(Qt.BrushStyle.NoBrush))
            box.setZValue(1 if current else 0)

    def scroll_to_current(self) -> None:
        box = self._boxes.get(self._current or "")
        if box is not None:
            self.ensureVisible(box, 40, 40)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self._key_at(event.position())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.field_clicked.emit(key)
            event.accept()
            return
        super().mousePressEvent(event)

    def _key_at(self, point: QPointF) -> str | None:
        scene_point = self.mapToScene(point.toPoint())
        # The smallest box under the pointer: a box inside another is the one meant.
        found = [b for b in self._boxes.values() if b.rect().contains(scene_point)]
        if not found:
            return None
        best = min(found, key=lambda b: b.rect().width() * b.rect().height())
        key = best.data(0)
        return key if isinstance(key, str) else None
