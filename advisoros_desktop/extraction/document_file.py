"""Taking a file in for extraction: what it really is, and refusing what cannot be read.

Files arrive from scanners, e-mail and clients' own exports, so names lie (a
PNG saved as ``.pdf``) and some are empty, huge or not files at all. Each is
told apart here by its first bytes and refused with a sentence an accountant
can act on, before any parser sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.domain.upload_limits import DEFAULT_MAX_UPLOAD_BYTES
from advisoros_desktop.extraction.model import UnreadableDocument

PDF = "pdf"
IMAGE = "image"

# A PDF's header may follow a little junk (some scanners prepend a line).
_PDF_HEADER_WINDOW = 1024
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
)
_OTHER_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


@dataclass(frozen=True)
class DocumentFile:
    name: str
    data: bytes
    kind: str  # PDF or IMAGE
    description: str


def describe(data: bytes) -> tuple[str | None, str]:
    """(kind, what it is) from the first bytes; kind None when extraction cannot use it."""
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return PDF, "a PDF"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return IMAGE, "a HEIC image"
    for signature, what in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return IMAGE, what
    for signature, what in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return None, what
    return None, "not a PDF or an image"


def from_bytes(data: bytes, name: str) -> DocumentFile:
    """Refuse ``data`` unless it is a PDF or an image; a PDF name must hold a PDF."""
    if not data:
        raise UnreadableDocument("the file is empty (0 bytes)")
    kind, what = describe(data)
    if kind is None:
        raise UnreadableDocument(f"the file is {what}; extraction reads PDFs and images")
    if name.lower().endswith(".pdf") and kind != PDF:
        raise UnreadableDocument(f"the file is named .pdf but is {what}; rename it and try again")
    return DocumentFile(name, data, kind, what)


def load(path: Path, name: str, max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> DocumentFile:
    """Read ``path`` (shown to people as ``name``) within the size a document may have."""
    try:
        if path.is_dir():
            raise UnreadableDocument("this is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                f"the file is too large ({size / 2**20:,.0f} MB; at most "
                f"{max_bytes / 2**20:,.0f} MB can be read)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument("there is no such file") from None
    except PermissionError:
        raise UnreadableDocument("the file cannot be read: permission denied") from None
    except OSError as problem:
        raise UnreadableDocument(
            f"the file cannot be read: {problem.strerror or problem}"
        ) from None
    return from_bytes(data, name)
