"""What OCR read on a scanned page: positioned words, grouped into lines and blocks.

Tesseract reports every word with its pixel box and a 0..100 confidence in a
TSV table; the label-to-value geometry that reads a form's boxes wants the
same shape the text layer gives: words with boxes in fractions of the page
as shown (top-left origin, see ``model.BBox``), confidences 0..1, and which
line each word belongs to, so a value can be found right of or below its
label. Form rules and box edges come back as whitespace-only "words"; they
are dropped here, as are the table's structural rows (confidence -1).

Every box comes twice. ``bbox`` is on the page as the reviewer sees it (the
scan, skew and all); ``upright_bbox`` is on the straightened image OCR read,
where a form's rows are level, which is what geometry should compare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.page_geometry import union

# (left, top, right, bottom) in pixels of the image Tesseract read → shown-page fractions.
PixelsToPage = Callable[[float, float, float, float], BBox]

_COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)
_WORD_LEVEL = 5


class OcrOutputUnreadable(ValueError):
    """Tesseract's TSV did not have the expected columns."""


@dataclass(frozen=True)
class OcrWord:
    text: str
    bbox: BBox  # on the page as shown
    confidence: float  # 0..1
    line_id: int  # index into ``OcrText.lines``
    block_id: int  # index into ``OcrText.blocks``
    upright_bbox: BBox  # on the straightened page


@dataclass(frozen=True)
class OcrLine:
    line_id: int
    block_id: int
    words: tuple[OcrWord, ...]
    bbox: BBox
    upright_bbox: BBox

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def confidence(self) -> float:
        """The weakest word's: one misread digit spoils an amount."""
        return min(word.confidence for word in self.words)


@dataclass(frozen=True)
class OcrBlock:
    block_id: int
    lines: tuple[OcrLine, ...]
    bbox: BBox
    upright_bbox: BBox


@dataclass(frozen=True)
class OcrText:
    """Words, lines and blocks of one page, in Tesseract's reading order."""

    words: tuple[OcrWord, ...]
    lines: tuple[OcrLine, ...]
    blocks: tuple[OcrBlock, ...]

    @property
    def text(self) -> str:
        """The page's text, one line per OCR line, blocks separated by a blank line."""
        return "\n\n".join("\n".join(line.text for line in block.lines) for block in self.blocks)


def pixels_to_fractions(width: int, height: int) -> PixelsToPage:
    """The plain conversion for an image that is the whole page, unrotated."""

    def convert(left: float, top: float, right: float, bottom: float) -> BBox:
        return (
            _clamp(left / width),
            _clamp(top / height),
            _clamp(right / width),
            _clamp(bottom / height),
        )

    return convert


def parse_tsv(tsv: str, size: tuple[int, int], to_shown: PixelsToPage | None = None) -> OcrText:
    """Tesseract's ``tsv`` output for an image of ``size`` pixels as words, lines and blocks.

    ``to_shown`` places a pixel box on the page as shown (default: the image
    is the page as shown). Raises ``OcrOutputUnreadable`` when the header is
    not Tesseract's.
    """
    upright = pixels_to_fractions(*size)
    shown = to_shown or upright
    rows = tsv.splitlines()
    if not rows or tuple(rows[0].rstrip("\r").split("\t")) != _COLUMNS:
        raise OcrOutputUnreadable("the output of Tesseract has no TSV header")
    # Keyed by Tesseract's (page, block, paragraph, line) numbers, in first-seen order.
    grouped: dict[tuple[int, int, int, int], list[_Found]] = {}
    for row in rows[1:]:
        cells = row.rstrip("\r").split("\t", len(_COLUMNS) - 1)
        if len(cells) != len(_COLUMNS):
            continue
        try:
            numbers = [int(cell) for cell in cells[:10]]
            confidence = float(cells[10])
        except ValueError:
            continue
        text = " ".join(cells[11].split())
        if numbers[0] != _WORD_LEVEL or confidence < 0 or not text:
            continue
        left, top, width, height = numbers[6:10]
        box = (left, top, left + width, top + height)
        key = (numbers[1], numbers[2], numbers[3], numbers[4])
        found = _Found(text, shown(*box), upright(*box), min(1.0, confidence / 100.0))
        grouped.setdefault(key, []).append(found)
    return _assemble(grouped)


@dataclass(frozen=True)
class _Found:
    text: str
    shown: BBox
    upright: BBox
    confidence: float


def _assemble(grouped: dict[tuple[int, int, int, int], list[_Found]]) -> OcrText:
    words: list[OcrWord] = []
    lines: list[OcrLine] = []
    block_lines: dict[tuple[int, int], list[OcrLine]] = {}
    block_ids: dict[tuple[int, int], int] = {}
    for key, found in grouped.items():
        block_key = (key[0], key[1])
        block_id = block_ids.setdefault(block_key, len(block_ids))
        line_id = len(lines)
        line_words = tuple(
            OcrWord(f.text, f.shown, f.confidence, line_id, block_id, f.upright) for f in found
        )
        line = OcrLine(
            line_id,
            block_id,
            line_words,
            union([w.bbox for w in line_words]),
            union([w.upright_bbox for w in line_words]),
        )
        words.extend(line_words)
        lines.append(line)
        block_lines.setdefault(block_key, []).append(line)
    blocks = tuple(
        OcrBlock(
            block_ids[key],
            tuple(members),
            union([line.bbox for line in members]),
            union([line.upright_bbox for line in members]),
        )
        for key, members in block_lines.items()
    )
    return OcrText(tuple(words), tuple(lines), blocks)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
