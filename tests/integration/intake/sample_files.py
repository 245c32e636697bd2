"""Documents for intake tests: small valid PDFs and images, each with bytes of its own.

Intake deduplicates by SHA-256, so two test files that should become two
documents must differ; every maker here takes a label that goes into the
bytes. The PDFs are written by hand (one page, a correct cross-reference
table) because ten thousand of them must be made in seconds; pypdf opens them
and counts their page. Broken and protected PDFs are made with pypdf itself.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

from pypdf import PdfWriter


def pdf_bytes(label: str, *, size: int = 0) -> bytes:
    """A one-page PDF whose content stream names ``label``; padded to about ``size`` bytes."""
    text = label.encode("utf-8", "replace").hex().encode()
    padding = max(0, size - 600)
    # Random bytes in the stream: a big file must not be mostly one repeated byte.
    stream = b"% " + text + b"\nq Q\n" + (os.urandom(padding) if padding else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title <" + text + b"> >>",
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
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def protected_pdf(password: str = "s3cret") -> bytes:
    """A PDF that opens only with ``password`` (RC4, so no extra library is needed)."""
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    """Starts like a PDF; the rest is noise no reader can open."""
    return b"%PDF-1.7\n" + os.urandom(4000)


def png_bytes(label: str) -> bytes:
    """A valid 1x1 PNG, its text chunk naming ``label``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + label.encode("utf-8", "replace"))
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_pdf(path: Path, *, size: int = 0) -> Path:
    """A PDF of its own at ``path`` (its label is the path, so its bytes are unique)."""
    return write(path, pdf_bytes(str(path), size=size))
