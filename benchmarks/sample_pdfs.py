"""Small one-page PDFs, each with bytes of its own, for the intake benchmarks.

An intake benchmark drops thousands of files and needs every one of them to
be new to the server: a file the firm already has is answered as a duplicate
without a byte sent, which would flatter the figures. Each PDF here carries
a fresh 32-character id in its title and its text, so no two are alike, and
every file of a set has exactly the same size, so two sets compare.

The files look like what a scanner's "searchable PDF" or "print to PDF" of a
one-page statement gives, at the small end: a text layer of a few dozen lines
(about 25 KB in all), valid enough for the desktop's PDF checks and the
server's text extraction. They are written from a template rather than with
a PDF library, so writing 2,000 of them costs the disk's time, not Python's.
"""

from __future__ import annotations

import uuid
from pathlib import Path

LINES = 240
_ID = b"@" * 32  # replaced by each file's own id: the length never changes


def _template() -> bytes:
    """A one-page PDF with a text layer, ``_ID`` standing where each file's id goes."""
    lines = [b"BT /F1 9 Tf 40 800 Td 11 TL"]
    lines.append(b"(Harborview CPA Partners - statement " + _ID + b") Tj T*")
    for number in range(LINES):
        lines.append(
            b"(%04d  2025-%02d-%02d  Deposit  ACH transfer from operating account  "
            b"%9.2f  balance %10.2f) Tj T*"
            % (number, number % 12 + 1, number % 28 + 1, number * 13.07, 10_000 + number * 41.3)
        )
    lines.append(b"ET")
    stream = b"\n".join(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (Statement " + _ID + b") /Producer (AdvisorOS benchmarks) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


TEMPLATE = _template()
FILE_BYTES = len(TEMPLATE)


def pdf_bytes(identifier: str | None = None) -> bytes:
    """One PDF whose bytes no other has (``identifier``: 32 hex digits, new when None)."""
    own = (identifier or uuid.uuid4().hex).encode("ascii")
    if len(own) != len(_ID):
        raise ValueError("a PDF's identifier is 32 characters")
    return TEMPLATE.replace(_ID, own)


def write_pdfs(folder: Path, count: int, prefix: str = "Statement") -> list[Path]:
    """``count`` new PDFs in ``folder`` (made if missing), named as a scanner names them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"{prefix} {number:05d}.pdf"
        path.write_bytes(pdf_bytes())
        paths.append(path)
    return paths
