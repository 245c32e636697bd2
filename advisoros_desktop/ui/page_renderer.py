"""Pages of a document drawn to images off the GUI thread, for the review preview.

Drawing a PDF page takes tens of milliseconds, more for a scan at a high zoom,
so it runs on a worker thread of the renderer's own pool; the result comes
back as the ``rendered`` signal on the GUI thread. PDFium is not thread-safe,
so every pypdfium2 call holds ``PDFIUM_LOCK`` (the server's extraction in the
same process uses PDFium too).

Filled forms are drawn with their form fields: QtPdf and PDFium without its
form environment leave a filled W-2's boxes blank, which would show the
reviewer an empty form beside the values. ``init_forms()`` before any page is
loaded makes PDFium draw what was typed into them.

Images (a phone photo of a receipt, a TIFF scan) are decoded once and scaled.
Results are kept per (document, page, scale), a few at a time, so moving
between fields on one page, or back to a zoom just left, is instant.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from advisoros_desktop.extraction.page_text import PDFIUM_LOCK

log = logging.getLogger(__name__)

CACHED_IMAGES = 12
# Beyond this many pixels a page is drawn smaller: a 400 % zoom of a large scan
# would otherwise take hundreds of megabytes.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class PageImage:
    """A drawn page: ``scale`` image pixels per page unit (PDF point, or image pixel)."""

    document: str
    page: int
    page_count: int
    scale: float
    image: QImage

    @property
    def page_width(self) -> float:
        """The page's width in page units (what a bbox fraction is a fraction of)."""
        return self.image.width() / self.scale

    @property
    def page_height(self) -> float:
        return self.image.height() / self.scale


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def render_page(data: bytes, page: int, scale: float) -> tuple[QImage, int, float]:
    """Page ``page`` (1-based) of a PDF or an image: (image, page count, scale used)."""
    if is_pdf(data):
        return _render_pdf(data, page, scale)
    return _render_image(data, scale)


def _render_pdf(data: bytes, page: int, scale: float) -> tuple[QImage, int, float]:
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            # Before any page is loaded, or filled form fields are not drawn.
            document.init_forms()
            count = len(document)
            if not 1 <= page <= count:
                raise ValueError(
                    QCoreApplication.translate(
                        "PageRenderer", "the document has {count} pages, not {page}"
                    ).format(count=count, page=page)
                )
            pdf_page = document[page - 1]
            try:
                width, height = pdf_page.get_size()
                scale = _capped(width, height, scale)
                bitmap = pdf_page.render(scale=scale, may_draw_forms=True, rev_byteorder=True)
                try:
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGB888
                        if bitmap.n_channels == 3
                        else QImage.Format.Format_RGBA8888,
                    ).copy()  # the bitmap's memory is PDFium's, freed below
                finally:
                    bitmap.close()
            finally:
                pdf_page.close()
        finally:
            document.close()
    return image, count, scale


def _render_image(data: bytes, scale: float) -> tuple[QImage, int, float]:
    image = QImage.fromData(data)
    if image.isNull():
        image = _decoded_by_pillow(data)
    scale = _capped(image.width(), image.height(), scale)
    if abs(scale - 1.0) > 1e-3:
        from PySide6.QtCore import Qt

        image = image.scaled(
            max(1, round(image.width() * scale)),
            max(1, round(image.height() * scale)),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image, 1, scale


def _decoded_by_pillow(data: bytes) -> QImage:
    """Formats Qt's plugins may lack here (TIFF scans): decoded by Pillow."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as opened:
            rgb = opened.convert("RGB")
    except Exception as problem:
        raise ValueError(
            QCoreApplication.translate(
                "PageRenderer",
                "the file is neither a PDF nor an image that can be shown ({problem})",
            ).format(problem=problem)
        ) from None
    raw = rgb.tobytes()
    return QImage(raw, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def _capped(width: float, height: float, scale: float) -> float:
    pixels = width * height * scale * scale
    if pixels > MAX_PIXELS:
        scale *= (MAX_PIXELS / pixels) ** 0.5
    return max(scale, 0.01)


class _Job(QRunnable):
    def __init__(self, renderer: PageRenderer, key: tuple[str, int, float], data: bytes) -> None:
        super().__init__()
        self._relay = renderer.relay
        self._key = key
        self._data = data

    def run(self) -> None:
        document, page, scale = self._key
        try:
            try:
                image, count, used = render_page(self._data, page, scale)
            except Exception as problem:  # shown to the reviewer; the fields stay usable
                log.info("page %s of %s could not be drawn: %s", page, document, problem)
                self._relay.failed_in_worker.emit(document, page, str(problem))
                return
            self._relay.done_in_worker.emit(
                self._key, PageImage(document, page, count, used, image)
            )
        except RuntimeError:
            pass  # the view closed while the page was drawn: no one is waiting for it


class _Relay(QObject):
    """Lives on the GUI thread: signals emitted by a worker arrive there, queued."""

    done_in_worker = Signal(object, object)
    failed_in_worker = Signal(str, int, str)


class PageRenderer(QObject):
    """Draws pages on a worker thread; ``request`` answers from the cache when it can."""

    # A page drawn (PageImage), on the GUI thread.
    rendered = Signal(object)
    # (document key, page, reason) when a page could not be drawn.
    failed = Signal(str, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The pool first: children go in creation order, and the pool waits for its
        # jobs as it goes, before the relay they report to.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # PDFium runs one call at a time anyway
        self.relay = _Relay(self)
        self.relay.done_in_worker.connect(self._done)
        self.relay.failed_in_worker.connect(self.failed)
        self._cache: OrderedDict[tuple[str, int, float], PageImage] = OrderedDict()
        self._pending: set[tuple[str, int, float]] = set()

    def request(self, document: str, data: bytes, page: int, scale: float) -> PageImage | None:
        """The page if already drawn; else None, and ``rendered`` follows."""
        key = (document, page, round(scale, 3))
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_Job(self, key, data))
        return None

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for the drawing under way (tests, closing)."""
        return self._pool.waitForDone(msecs)

    @Slot(object, object)
    def _done(self, key: Any, page: PageImage) -> None:
        self._pending.discard(key)
        self._cache[key] = page
        while len(self._cache) > CACHED_IMAGES:
            self._cache.popitem(last=False)
        self.rendered.emit(page)
