"""Reading the data out of tax forms and invoices so an accountant does not retype it.

``extract_file`` / ``extract_bytes`` give one ``Extraction`` per form found
(form type, fields with confidence and page boxes, failed checks), or an
``ExtractionFailure`` saying why the file could not be read. Qt-free: the
server runs it after an upload, the desktop for offline preview and
``advisoros extract``.
"""

from __future__ import annotations

from advisoros_desktop.extraction.extractor import extract_bytes, extract_file
from advisoros_desktop.extraction.model import (
    CheckResult,
    ExtractedField,
    Extraction,
    ExtractionFailure,
)

__all__ = [
    "CheckResult",
    "ExtractedField",
    "Extraction",
    "ExtractionFailure",
    "extract_bytes",
    "extract_file",
]
