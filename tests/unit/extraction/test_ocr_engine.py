"""The Tesseract runner says "OCR unavailable" or "OCR failed" in words, and nothing else escapes.

Stand-in programs (small shell scripts) play Tesseract missing, too old,
without English, failing, hanging and talking nonsense; the real program is
exercised by tests/integration/extraction/test_ocr_engine.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.ocr_engine import (
    OcrError,
    OcrFailed,
    OcrUnavailable,
    Tesseract,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-in programs are sh scripts")

HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
PROBES = """
case "$1" in
  --version) echo "{version}"; echo " leptonica-1.82.0"; exit 0 ;;
  --list-langs) echo 'List of available languages in "/x/" (2):'; echo {languages}; exit 0 ;;
esac
"""


def program(
    tmp_path: Path, reading: str, version: str = "tesseract 5.3.0", languages: str = "eng"
) -> str:
    script = tmp_path / "tesseract"
    script.write_text(
        "#!/bin/sh\n" + PROBES.format(version=version, languages=languages) + reading + "\n"
    )
    script.chmod(0o755)
    return str(script)


def page() -> Image.Image:
    return Image.new("L", (200, 100), 255)


def test_a_missing_program_makes_ocr_unavailable(tmp_path: Path) -> None:
    engine = Tesseract(tmp_path / "no-such-tesseract")
    assert not engine.is_available()
    with pytest.raises(
        OcrUnavailable, match=r"^OCR unavailable: the tesseract program is not installed"
    ):
        engine.read(page())


def test_ocr_errors_are_unreadable_documents_with_the_sentence_as_message(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument) as raised:
        Tesseract(tmp_path / "no-such-tesseract").program()
    assert isinstance(raised.value, OcrError)
    assert str(raised.value).startswith("OCR unavailable")


def test_an_old_tesseract_is_refused(tmp_path: Path) -> None:
    engine = Tesseract(program(tmp_path, "exit 0", version="tesseract 3.05.02"))
    with pytest.raises(OcrUnavailable, match=r"3\.05\.02 is too old"):
        engine.program()


def test_missing_english_data_is_named(tmp_path: Path) -> None:
    engine = Tesseract(program(tmp_path, "exit 0", languages="osd"))
    with pytest.raises(OcrUnavailable, match="no 'eng' language data"):
        engine.program()


def test_version_and_languages_are_reported(tmp_path: Path) -> None:
    found = Tesseract(program(tmp_path, "exit 0")).program()
    assert found.version == "5.3.0"
    assert found.languages == ("eng",)


def test_the_words_come_back_from_the_tsv(tmp_path: Path) -> None:
    row = "5\t1\t1\t1\t1\t1\t20\t10\t60\t20\t93\t52000.00"
    reading = f"cat > /dev/null; printf '{HEADER}\\n{row}\\n'"
    text = Tesseract(program(tmp_path, reading)).read(page(), dpi=200)
    assert [word.text for word in text.words] == ["52000.00"]
    assert text.words[0].bbox == pytest.approx((0.1, 0.1, 0.4, 0.3))
    assert text.words[0].confidence == pytest.approx(0.93)


def test_the_image_goes_in_on_stdin_with_the_resolution(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    reading = f'echo "$@" > {seen}; head -c 2 >> {seen}; cat > /dev/null; echo "{HEADER}"'
    Tesseract(program(tmp_path, reading)).read(page(), dpi=199.6, page_segmentation=11)
    arguments, magic = seen.read_text().splitlines()
    assert arguments == "stdin stdout -l eng --psm 11 --dpi 200 tsv"
    assert magic == "P5"  # an 8-bit grayscale PGM


def test_a_failing_run_says_why(tmp_path: Path) -> None:
    reading = (
        "cat > /dev/null; echo 'Estimating resolution as 200' >&2;"
        " echo 'Error in pixReadMem' >&2; exit 1"
    )
    with pytest.raises(OcrFailed, match=r"^OCR failed: Error in pixReadMem$") as raised:
        Tesseract(program(tmp_path, reading)).read(page())
    assert raised.value.reason == "Error in pixReadMem"


def test_a_silent_failure_gives_the_exit_status(tmp_path: Path) -> None:
    with pytest.raises(OcrFailed, match="exited with status 3"):
        Tesseract(program(tmp_path, "cat > /dev/null; exit 3")).read(page())


def test_a_hanging_run_is_stopped(tmp_path: Path) -> None:
    engine = Tesseract(program(tmp_path, "cat > /dev/null; exec sleep 30"), timeout_seconds=0.5)
    with pytest.raises(OcrFailed, match=r"longer than [01] s on the page and was stopped"):
        engine.read(page())


def test_output_that_is_not_tsv_is_a_failure(tmp_path: Path) -> None:
    with pytest.raises(OcrFailed, match="no TSV header"):
        Tesseract(program(tmp_path, "cat > /dev/null; echo hello")).read(page())


def test_a_program_that_cannot_be_run_makes_ocr_unavailable(tmp_path: Path) -> None:
    not_executable = tmp_path / "tesseract"
    not_executable.write_text("#!/bin/sh\n")
    with pytest.raises(OcrUnavailable, match="OCR unavailable"):
        Tesseract(not_executable).program()
