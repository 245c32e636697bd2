"""The printed text of PDF pages, read with PDFium.

Classification reads each page's text (form titles, "Wage and Tax Statement
2026"); the text-layer source reads words with their positions through the
same object. PDFium is not thread-safe and the server extracts on worker
threads, so every call into it holds one lock.
"""

from __future__ import annotations

import threading
from types import TracebackType

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.page_geometry import normalise_rect
from advisoros_desktop.extraction.page_words import Char, PageWords, words_from_chars

# PDFium is not thread-safe and the server extracts on worker threads: every
# call into it, from any extraction module, holds this lock.
PDFIUM_LOCK = threading.Lock()


class PdfText:
    """A PDF's pages as text; use as a context manager so PDFium's memory is freed."""

    def __init__(self, data: bytes) -> None:
        with PDFIUM_LOCK:
            self._document = pdfium.PdfDocument(data)
            self.page_count = len(self._document)
        self._texts: dict[int, str] = {}
        self._words: dict[int, PageWords] = {}

    def text(self, page: int) -> str:
        """All text of ``page`` (1-based), in PDFium's reading order."""
        if page not in self._texts:
            with PDFIUM_LOCK:
                pdf_page = self._document[page - 1]
                text_page = pdf_page.get_textpage()
                try:
                    self._texts[page] = text_page.get_text_range()
                finally:
                    text_page.close()
                    pdf_page.close()
        return self._texts[page]

    def words(self, page: int) -> PageWords:
        """The words of ``page`` (1-based) with their boxes in PDF points."""
        if page not in self._words:
            with PDFIUM_LOCK:
                pdf_page = self._document[page - 1]
                text_page = pdf_page.get_textpage()
                try:
                    chars = _chars(text_page)
                    crop = pdf_page.get_cropbox()
                    rotation = pdf_page.get_rotation()
                finally:
                    text_page.close()
                    pdf_page.close()
            self._words[page] = PageWords(page, words_from_chars(chars), crop, rotation)
        return self._words[page]

    def find(self, page: int, needle: str, start: int = 0) -> BBox | None:
        """Where ``needle`` first appears on ``page`` at or after character ``start``.

        ``start`` is an offset into ``text(page)``; the box is normalised (see
        ``page_geometry``).
        """
        with PDFIUM_LOCK:
            pdf_page = self._document[page - 1]
            text_page = pdf_page.get_textpage()
            try:
                searcher = text_page.search(needle, match_case=True)
                hit = searcher.get_next()
                while hit is not None and hit[0] < start:
                    hit = searcher.get_next()
                searcher.close()
                if hit is None:
                    return None
                start, count = hit
                first = text_page.get_charbox(start)
                last = text_page.get_charbox(start + count - 1)
                rect = (first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))
                crop = pdf_page.get_cropbox()
                return normalise_rect(rect, crop, pdf_page.get_rotation())
            finally:
                text_page.close()
                pdf_page.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._document.close()

    def __enter__(self) -> PdfText:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _chars(text_page: pdfium.PdfTextPage) -> list[Char]:
    """Every character with its loose box (font height, so words on a line align)."""
    rect = pdfium_c.FS_RECTF()
    chars = []
    for index in range(pdfium_c.FPDFText_CountChars(text_page)):
        code = pdfium_c.FPDFText_GetUnicode(text_page, index)
        if not pdfium_c.FPDFText_GetLooseCharBox(text_page, index, rect):
            continue
        chars.append(
            Char(
                chr(code) if 0 < code < 0x110000 else "",
                (rect.left, rect.bottom, rect.right, rect.top),
                pdfium_c.FPDFText_IsGenerated(text_page, index) == 1,
            )
        )
    return chars
