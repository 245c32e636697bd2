"""What a form's printed title says: which form it is, and for which year.

A fillable PDF and its flattened or scanned copies print the same title
("Form 1099-NEC", "Form W-2 Wage and Tax Statement 2026"), so this is the
evidence every source shares for classification. The W-2 prints its tax year
only in the title; there is no form field for it.
"""

from __future__ import annotations

import re
from collections import Counter

# "Form W-2" but not W-2c (corrections) or W-2G (gambling), which are other forms.
_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("W-2", re.compile(r"\bForm\s+W-2(?![A-Za-z0-9])")),
    ("1099-NEC", re.compile(r"\bForm\s+1099-NEC\b")),
    ("1099-INT", re.compile(r"\bForm\s+1099-INT\b")),
    ("1099-DIV", re.compile(r"\bForm\s+1099-DIV\b")),
    ("1099-MISC", re.compile(r"\bForm\s+1099-MISC\b")),
)
_W2_YEAR = re.compile(r"Wage\s+and\s+Tax\s+Statement\s*((?:19|20)\d\d)\b")


def form_type_from_title(text: str) -> str | None:
    """The form a page's text names most often ("Form 1099-INT"), or None."""
    counts = Counter({form: len(pattern.findall(text)) for form, pattern in _TITLES})
    form, hits = counts.most_common(1)[0]
    return form if hits else None


def w2_tax_year(text: str) -> tuple[str, int] | None:
    """The year printed after "Wage and Tax Statement" on a W-2, and where it starts in ``text``."""
    match = _W2_YEAR.search(text)
    return (match[1], match.start(1)) if match else None
