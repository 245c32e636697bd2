"""Reading the words on a page image with the Tesseract program, when it is installed.

Tesseract is a separate program (Debian's ``tesseract-ocr``), not a Python
package, so it is run as a subprocess: the image goes in on stdin as an
uncompressed PGM, the words come back as TSV. A firm's machine may not have
it; then every scan says "OCR unavailable" in so many words rather than
coming back with no fields as if the page were blank. A page that makes
Tesseract hang is killed after a time limit so one bad scan cannot hold up
an intake batch.

Blocking (a second or two of CPU a page): call it off the GUI thread.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass

from PIL import Image

from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.ocr_words import (
    OcrOutputUnreadable,
    OcrText,
    PixelsToPage,
    parse_tsv,
)

PAGE_TIMEOUT_SECONDS = 60.0
# Automatic page layout: forms come back as blocks of short lines, which is
# what the label-to-value geometry reads. (Sparse-text mode 11 finds no more
# of the corpus values and loses the line grouping.)
DEFAULT_PAGE_SEGMENTATION = 3
_PROBE_TIMEOUT_SECONDS = 15.0
_MIN_MAJOR_VERSION = 4  # TSV output, --dpi and the LSTM engine
_NOT_INSTALLED = "OCR unavailable: the tesseract program is not installed"


class OcrError(UnreadableDocument):
    """OCR could not read a page; the message is shown to the accountant as is."""


class OcrUnavailable(OcrError):
    """Tesseract is missing or unusable on this machine, so no scan can be read."""


class OcrFailed(OcrError):
    """Tesseract is there but could not read this page."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"OCR failed: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class TesseractProgram:
    path: str
    version: str  # "5.3.0"
    languages: tuple[str, ...]


class Tesseract:
    """The Tesseract program, found lazily; one instance may serve several threads.

    ``program`` overrides the search of ``PATH`` (a path or a command name).
    """

    def __init__(
        self,
        program: str | os.PathLike[str] | None = None,
        *,
        language: str = "eng",
        timeout_seconds: float = PAGE_TIMEOUT_SECONDS,
    ) -> None:
        self._program = None if program is None else os.fspath(program)
        self.language = language
        self.timeout_seconds = timeout_seconds
        self._found: TesseractProgram | None = None
        self._lock = threading.Lock()

    def program(self) -> TesseractProgram:
        """Where Tesseract is, its version and languages; raises ``OcrUnavailable``."""
        with self._lock:
            if self._found is None:
                self._found = _probe(self._program, self.language)
            return self._found

    def is_available(self) -> bool:
        try:
            self.program()
        except OcrUnavailable:
            return False
        return True

    def read(
        self,
        image: Image.Image,
        *,
        dpi: float | None = None,
        page_segmentation: int = DEFAULT_PAGE_SEGMENTATION,
        to_shown: PixelsToPage | None = None,
    ) -> OcrText:
        """The words on ``image``; ``to_shown`` places boxes on the page as shown (``ocr_words``).

        ``dpi`` tells Tesseract the scale of the print (it guesses when None).
        Raises ``OcrUnavailable`` or ``OcrFailed`` and nothing else.
        """
        program = self.program()
        command = [program.path, "stdin", "stdout", "-l", self.language]
        command += ["--psm", str(page_segmentation)]
        if dpi is not None:
            command += ["--dpi", str(max(70, min(2400, round(dpi))))]
        command.append("tsv")
        try:
            finished = subprocess.run(
                command,
                input=_as_pgm(image),
                capture_output=True,
                timeout=self.timeout_seconds,
                env=_environment(),
                check=False,
            )
        except subprocess.TimeoutExpired:
            # subprocess.run has killed and reaped it.
            limit = f"{self.timeout_seconds:.0f} s"
            stopped = f"Tesseract took longer than {limit} on the page and was stopped"
            raise OcrFailed(stopped) from None
        except (OSError, ValueError) as problem:
            why = getattr(problem, "strerror", None) or problem
            raise OcrUnavailable(
                f"OCR unavailable: the tesseract program could not be started ({why})"
            ) from None
        if finished.returncode != 0:
            reason = _last_line(finished.stderr)
            raise OcrFailed(reason or f"Tesseract exited with status {finished.returncode}")
        try:
            return parse_tsv(
                finished.stdout.decode("utf-8", errors="replace"), image.size, to_shown
            )
        except OcrOutputUnreadable as problem:
            raise OcrFailed(str(problem)) from None


def _probe(program: str | None, language: str) -> TesseractProgram:
    path = shutil.which(program or "tesseract")
    if path is None:
        raise OcrUnavailable(_NOT_INSTALLED if program is None else f"{_NOT_INSTALLED} ({program})")
    version_output = _run_probe([path, "--version"])
    match = re.search(r"tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?", version_output, re.IGNORECASE)
    if match is None:
        raise OcrUnavailable(f"OCR unavailable: {path} did not say which Tesseract it is")
    version = ".".join(part for part in match.groups() if part is not None)
    if int(match[1]) < _MIN_MAJOR_VERSION:
        raise OcrUnavailable(
            f"OCR unavailable: Tesseract {version} is too old (version 4 or later is needed)"
        )
    listing = _run_probe([path, "--list-langs"]).splitlines()
    # The first line names the data folder; the languages follow, one a line.
    languages = tuple(line.strip() for line in listing[1:] if line.strip())
    if language not in languages:
        raise OcrUnavailable(
            f"OCR unavailable: Tesseract has no '{language}' language data "
            f"(install tesseract-ocr-{language})"
        )
    return TesseractProgram(path, version, languages)


def _run_probe(command: list[str]) -> str:
    try:
        finished = subprocess.run(
            command,
            capture_output=True,
            timeout=_PROBE_TIMEOUT_SECONDS,
            env=_environment(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"OCR unavailable: {command[0]} did not answer") from None
    except OSError as problem:
        raise OcrUnavailable(
            f"OCR unavailable: {command[0]} could not be started ({problem.strerror})"
        ) from None
    # Tesseract 4 printed its version on stderr, 5 prints it on stdout.
    return (finished.stdout + b"\n" + finished.stderr).decode("utf-8", errors="replace")


def _environment() -> dict[str, str]:
    # Tesseract's OpenMP threads spin on a busy machine: on two cores they cost
    # more than twice the CPU for the same page. The server reads pages on
    # worker threads already, so one thread per Tesseract.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _as_pgm(image: Image.Image) -> bytes:
    # Uncompressed: writing a PNG costs more CPU than the pipe saves.
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()


def _last_line(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", errors="replace").splitlines()]
    meaningful = [line for line in lines if line and not line.startswith("Estimating resolution")]
    return meaningful[-1] if meaningful else ""
