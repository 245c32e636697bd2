"""Pages drawn off the GUI thread, with a filled form's values drawn in.

Corpus tests skip when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.page_renderer import PageImage, PageRenderer, render_page
from tests.conftest import SHARED

W2 = SHARED / "corpus" / "w2" / "w2-001-filled.pdf"
# Box 1 (wages) of this W-2, in page fractions, as the extractor reports it.
WAGES_BOX = (0.5444, 0.0909, 0.7379, 0.1061)


@pytest.fixture
def w2() -> bytes:
    if not W2.is_file():
        pytest.skip(f"the extraction corpus is not at {W2.parent.parent} (../shared/corpus)")
    return W2.read_bytes()


def dark_pixels(image: QImage, box: tuple[float, float, float, float]) -> int:
    x0, y0, x1, y1 = box
    width, height = image.width(), image.height()
    count = 0
    # The value sits in the lower half of the box, under the printed caption.
    for y in range(int((y0 + y1) / 2 * height), int(y1 * height)):
        for x in range(int(x0 * width) + 2, int(x1 * width) - 2):
            if QColor(image.pixel(x, y)).lightness() < 160:
                count += 1
    return count


def test_a_filled_w2_shows_its_values(w2: bytes) -> None:
    image, pages, scale = render_page(w2, 1, 2.0)
    assert pages >= 1 and scale == 2.0
    assert dark_pixels(image, WAGES_BOX) > 50


def test_pages_are_drawn_on_a_worker_and_cached(qtbot: QtBot, w2: bytes) -> None:
    renderer = PageRenderer()
    threads: list[QThread] = []
    renderer.relay.done_in_worker.connect(lambda *_: threads.append(QThread.currentThread()))
    assert renderer.request("doc", w2, 1, 1.5) is None
    with qtbot.waitSignal(renderer.rendered, timeout=10_000) as drawn:
        pass
    page = drawn.args[0]
    assert isinstance(page, PageImage)
    assert page.page == 1 and page.page_width == pytest.approx(612, abs=1)
    cached = renderer.request("doc", w2, 1, 1.5)
    assert cached is page


def test_a_file_that_is_no_page_is_reported(qtbot: QtBot) -> None:
    renderer = PageRenderer()
    with qtbot.waitSignal(renderer.failed, timeout=10_000) as failed:
        renderer.request("doc", b"neither a PDF nor an image", 1, 1.0)
    assert failed.args[0] == "doc" and "neither a PDF nor an image" in failed.args[2]
