"""What extraction hands back: one ``Extraction`` per form found in a file.

The shape is the contract of FIELDS.md (``advisoros extract --json``, the
server's extraction record, the review view), so every source fills the same
objects and the JSON is produced in one place.

Coordinates: ``bbox`` is ``(x0, y0, x1, y1)`` in fractions of the page as it
is shown (0..1), origin at the **top-left** corner, x to the right, y down;
``page`` is 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BBox = tuple[float, float, float, float]

# Where a value came from, best first: a fillable form's own field, the PDF's
# text layer, OCR of an image.
SOURCES = ("acroform", "text", "ocr")


@dataclass(frozen=True)
class ExtractedField:
    key: str
    label: str
    value: str | bool
    confidence: float
    page: int
    bbox: BBox | None
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "confidence": round(self.confidence, 2),
            "page": self.page,
            "bbox": None if self.bbox is None else [round(c, 4) for c in self.bbox],
            "source": self.source,
        }


@dataclass(frozen=True)
class CheckResult:
    """A check that failed: a warning a reviewer sees beside ``fields``."""

    code: str
    message: str
    fields: tuple[str, ...]
    severity: str = "warning"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "fields": list(self.fields),
        }


@dataclass
class Extraction:
    """One form found in ``file`` (a packet gives several)."""

    file: str
    form_type: str
    category: str
    confidence: float
    pages: list[int]
    fields: list[ExtractedField] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)

    def value(self, key: str) -> str | bool | None:
        for found in self.fields:
            if found.key == key:
                return found.value
        return None

    def values(self) -> dict[str, str | bool]:
        return {found.key: found.value for found in self.fields}

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "formType": self.form_type,
            "category": self.category,
            "confidence": round(self.confidence, 2),
            "pages": self.pages,
            "fields": [found.to_json() for found in self.fields],
            "checks": [check.to_json() for check in self.checks],
        }


@dataclass(frozen=True)
class ExtractionFailure:
    """A file that could not be read at all, with a sentence a person can act on."""

    file: str
    error: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "error": self.error}


class UnreadableDocument(Exception):
    """Raised by readers; its message is shown to the accountant as is."""
