"""Whether a file can become a document, and if not, why and what to do about it.

Checked on a worker thread before hashing, so a file the server would refuse
(empty, too large, a type it does not take, a PDF nobody can open) is told to
the accountant at once, in plain words naming the file, instead of after a
long upload. The checks are cheap: a stat, the first bytes, and for PDFs only
the trailer and the page count, so a drop of 2,000 scans is checked in about
a second.
"""

from __future__ import annotations

import errno
import mimetypes
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from advisoros_desktop.domain.upload_limits import UploadLimits

PDF = "application/pdf"
_HEAD_BYTES = 1024
_MB = 1024 * 1024

# The server's types by extension; the platform's table (the Windows registry
# on Windows) is only asked about others, because it maps .csv to Excel on
# machines with Office installed and may not know .heic at all.
_BY_EXTENSION = {
    ".pdf": PDF,
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jpe": "image/jpeg",
    ".jfif": "image/jpeg",
    ".png": "image/png",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".heic": "image/heic",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

# What an accountant calls each type.
_TYPE_WORDS = {
    PDF: "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
    "image/heic": "HEIC",
    "text/csv": "CSV",
    "text/plain": "text",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
}

_HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs")


@dataclass(frozen=True)
class FileProblem:
    """Why a file cannot be uploaded: ``code`` for the program, the rest for people.

    code: 'empty' | 'unreadable' | 'too_large' | 'unsupported_type' |
    'corrupt_pdf' | 'encrypted_pdf' | 'gone' | 'not_a_file'.
    """

    code: str
    message: str
    advice: str


def mime_type_of(path: Path) -> str | None:
    """The file's type: from its first bytes for PDF/JPEG/PNG/TIFF/HEIC, else its extension."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        head = b""
    return _mime_type(path, head)


def check_file(path: Path, limits: UploadLimits) -> tuple[str | None, FileProblem | None]:
    """``(mime type, problem)`` of the file at ``path``; no problem means it may be uploaded."""
    name = path.name
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return _mime_type(path, b""), _gone(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return None, _not_a_file(name, "a link that leads back to itself")
        return _mime_type(path, b""), _unreadable(name, err)
    if not stat.S_ISREG(info.st_mode):
        return None, _not_a_file(name, "a folder" if stat.S_ISDIR(info.st_mode) else None)
    if info.st_size == 0:
        return _mime_type(path, b""), _empty(name)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
            mime = _mime_type(path, head)
            problem = _limits_problem(name, info.st_size, mime, limits)
            if problem is None and mime == PDF:
                problem = _pdf_problem(name, handle)
    except FileNotFoundError:
        return _mime_type(path, b""), _gone(path)
    except OSError as err:
        return _mime_type(path, b""), _unreadable(name, err)
    return mime, problem


def accepted_types_in_words(limits: UploadLimits) -> str:
    """The accepted types as people name them: "PDF, JPEG, PNG, …, Excel and Word"."""
    words: list[str] = []
    for mime in limits.allowed_mime_types:
        word = _TYPE_WORDS.get(mime, mime)
        if word not in words:
            words.append(word)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _mime_type(path: Path, head: bytes) -> str | None:
    sniffed = _sniff(head)
    if sniffed is not None:
        return sniffed
    extension = path.suffix.lower()
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    if not extension:
        return None
    guessed, _encoding = mimetypes.guess_type(path.name, strict=False)
    return guessed


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "image/heic"
    return None


def _limits_problem(
    name: str, size: int, mime: str | None, limits: UploadLimits
) -> FileProblem | None:
    if size > limits.max_upload_bytes:
        return FileProblem(
            "too_large",
            f"“{name}” is {size / _MB:.1f} MB ({size:,} bytes); AdvisorOS accepts files "
            f"of at most {_megabytes(limits.max_upload_bytes)}.",
            "Split it into smaller files, or scan it again at a lower resolution, "
            "then add it again.",
        )
    if mime not in limits.allowed_mime_types:
        found = f"a file of type {_type_name(name, mime)}" if mime else "of an unknown type"
        return FileProblem(
            "unsupported_type",
            f"“{name}” is {found}; AdvisorOS accepts {accepted_types_in_words(limits)} files.",
            "Save or print it as a PDF (for example with “Print to PDF”), then add the PDF.",
        )
    return None


def _pdf_problem(name: str, handle: BinaryIO) -> FileProblem | None:
    """Whether the PDF opens and has pages: the trailer and page count only, not every page."""
    try:
        reader = PdfReader(handle, strict=False)
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    return _encrypted(name)
            except DependencyError:
                # No AES library: whether an empty password opens it is unknown,
                # so the server, which can tell, decides.
                return None
        pages = _page_count(reader)
    except OSError:
        raise  # the disk or share failed, not the PDF: reported as unreadable
    except Exception:  # pypdf raises many kinds for damaged files; all mean the same here
        return _corrupt(name, "it is damaged and cannot be opened")
    if pages < 1:
        return _corrupt(name, "it has no pages")
    return None


def _page_count(reader: PdfReader) -> int:
    # /Count of the page tree is one lookup; walking the tree is the fallback
    # when a damaged file's count is missing or not a number.
    root: Any = reader.trailer["/Root"]  # dictionaries in any file that opened
    pages: Any = root["/Pages"]
    count = pages.get("/Count")
    if isinstance(count, int) and count > 0:
        return count
    return len(reader.pages)


def _type_name(name: str, mime: str) -> str:
    word = _TYPE_WORDS.get(mime)
    if word is not None:
        return word
    extension = Path(name).suffix.upper().lstrip(".")
    return f"{extension} ({mime})" if extension else mime


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f}".removesuffix(".0") + " MB"


def _gone(path: Path) -> FileProblem:
    if os.path.islink(path):
        return FileProblem(
            "gone",
            f"“{path.name}” is a shortcut to a file that no longer exists.",
            "Add the document itself instead of the shortcut.",
        )
    return FileProblem(
        "gone",
        f"“{path.name}” is no longer there; it was moved or deleted before AdvisorOS read it.",
        "If it should still be uploaded, add it again from where it is now.",
    )


def _not_a_file(name: str, what: str | None) -> FileProblem:
    if what == "a folder":
        return FileProblem(
            "not_a_file",
            f"“{name}” is a folder, not a document.",
            "Add the folder itself, so AdvisorOS takes the documents inside it.",
        )
    return FileProblem(
        "not_a_file",
        f"“{name}” is {what or 'not an ordinary file (a device or a pipe)'}, not a document.",
        "Only documents can be uploaded; add the document files themselves.",
    )


def _empty(name: str) -> FileProblem:
    return FileProblem(
        "empty",
        f"“{name}” is empty (0 bytes); the scan or download that made it probably failed.",
        "Scan or save the document once more, then add the new file.",
    )


def _unreadable(name: str, err: OSError) -> FileProblem:
    detail = f" ({err.strerror})" if err.strerror else ""
    return FileProblem(
        "unreadable",
        f"“{name}” could not be opened{detail}: another program may have it open, "
        "or your account may not be allowed to read it.",
        "Close the program using it, or ask whoever manages this computer or share for "
        "permission to read it, then add it again.",
    )


def _corrupt(name: str, why: str) -> FileProblem:
    return FileProblem(
        "corrupt_pdf",
        f"“{name}” is not a usable PDF: {why}.",
        "Open it in a PDF reader to check; ask the sender for a new copy or scan it again, "
        "then add the new file.",
    )


def _encrypted(name: str) -> FileProblem:
    return FileProblem(
        "encrypted_pdf",
        f"“{name}” is protected by a password, so AdvisorOS cannot read it.",
        "Ask the client for a copy without a password, or remove the password in Acrobat, "
        "then drop it again.",
    )
