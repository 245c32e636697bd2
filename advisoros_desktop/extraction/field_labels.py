"""Labels a reviewer can tell apart when one printed box gives two fields.

The IRS prints a payer's or an employer's name and address in one box, and
every source reads it as two fields (``payerName``, ``payerAddress``) under
the box's one label. Shown as they are, the review would list the same long
label twice; each field says which part of the box it holds instead.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from advisoros_desktop.extraction.model import ExtractedField

# The end of a field's key, and the part of its box that word names.
_PARTS = (("Name", "name"), ("Address", "address"))


def distinct_labels(fields: Sequence[ExtractedField]) -> list[ExtractedField]:
    """``fields`` with a shared label followed by the part each holds ("… (address)")."""
    shared = Counter(field.label for field in fields)
    labelled = []
    for field in fields:
        part = next((word for end, word in _PARTS if field.key.endswith(end)), None)
        if shared[field.label] > 1 and part is not None:
            field = dataclasses.replace(field, label=f"{field.label} ({part})")
        labelled.append(field)
    return labelled
