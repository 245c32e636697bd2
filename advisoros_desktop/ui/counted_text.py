"""Texts with a count in them ("1 file", "3 files"), in the language spoken.

Spanish, like English, has one form for exactly one and another for every
other count, zero included. So each such text is a pair of source texts, both
marked for translation, and the form is chosen here rather than by Qt's
numerus forms, which read "1 file(s)" wherever no English catalogue is
installed (tests, a missing build step). The count is written with the
display locale's digit grouping: "1,234" in the US, "1.234" in Spain.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisoros_desktop.ui.language import display_locale

# (one, many): both source texts, each with "{n}" where the count goes.
Forms = tuple[str, str]


def count_text(count: int) -> str:
    return display_locale().toString(count)


def counted(context: str, forms: Forms, count: int, **values: object) -> str:
    """The translated form for ``count`` with ``{n}`` (and any ``values``) filled in."""
    one, many = forms
    text = QCoreApplication.translate(context, one if count == 1 else many)
    return text.format(n=count_text(count), **values)
