"""Turn the validators' reasons into sentences an accountant can act on.

``normalize_field`` raises ``ValueError`` with a terse reason written to follow a
field name on the server ("'12-345' is neither an EIN (12-3456789) nor an SSN
(123-45-6789)"). Beside a table cell the typed value is already in view, so the
message names the field and says what a good value looks like instead.
"""

from __future__ import annotations

import re

from advisoros_desktop.domain.entities import ENTITIES, FieldKind, FieldSpec
from advisoros_desktop.ui.field_format import choice_label

TIN_SHAPE = "Tax ID must be 9 digits, like 12-3456789 or 123-45-6789."


def explain(spec: FieldSpec, reason: str, date_example: str = "2025-04-15") -> str:
    """A one- or two-sentence message for a value of ``spec`` refused with ``reason``."""
    label = spec.label
    if reason == "is required":
        return f"{label} is required."
    kind = spec.kind
    if kind is FieldKind.TIN:
        return _tin(reason)
    if kind is FieldKind.EMAIL:
        return f"{label} must be an email address, like name@example.com."
    if kind is FieldKind.PHONE:
        return f"{label} must be a phone number of 7 to 15 digits, like (512) 555-0142."
    if kind is FieldKind.MONEY:
        return _money(label, reason)
    if kind is FieldKind.DATE:
        return f"{label} must be a date, like {date_example}."
    if kind in (FieldKind.YEAR, FieldKind.INTEGER, FieldKind.NUMBER):
        return _number(spec, reason)
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return _text(label, reason)
    if kind is FieldKind.CHOICE:
        options = ", ".join(choice_label(c) for c in spec.choices)
        return f"{label} must be one of: {options}."
    if kind is FieldKind.REFERENCE:
        target = ENTITIES[spec.references].label if spec.references in ENTITIES else "record"
        return f"Pick a {target} from the list."
    return _sentence(f"{label} {reason}")


def _tin(reason: str) -> str:
    prefix = re.search(r"prefix (\d\d)", reason)
    if prefix:
        return (
            f"No EIN starts with {prefix.group(1)}: the IRS does not assign that prefix. "
            "Check the number on the client's IRS letter."
        )
    area = re.search(r"area (\d{3})", reason)
    if area:
        return f"No SSN starts with {area.group(1)}: that area number is never issued."
    if "group 00" in reason:
        return "No SSN has 00 as its middle two digits or 0000 as its last four."
    return TIN_SHAPE


def _money(label: str, reason: str) -> str:
    if "two decimals" in reason:
        return f"{label} can have at most two decimals (whole cents)."
    if "plausible" in reason:
        return f"{label} is too large to be an amount of money."
    return f"{label} must be an amount, like 1,250.00."


def _number(spec: FieldSpec, reason: str) -> str:
    bounds = re.search(r"\((-?[\d.e+]+) to (-?[\d.e+]+)\)", reason)
    if bounds:
        low, high = bounds.groups()
        return f"{spec.label} must be between {low} and {high}."
    if spec.kind is FieldKind.YEAR:
        return f"{spec.label} must be a year, like 2025."
    if spec.kind is FieldKind.INTEGER:
        return f"{spec.label} must be a whole number, like 1200."
    return f"{spec.label} must be a number, like 0.95."


def _text(label: str, reason: str) -> str:
    lengths = re.search(r"\((\d+) characters, at most (\d+)\)", reason)
    if lengths:
        typed, most = (int(n) for n in lengths.groups())
        return f"{label} is too long: {typed:,} characters, at most {most:,}."
    if "NUL" in reason:
        return f"{label} contains an invisible NUL character, which cannot be saved."
    return _sentence(f"{label} {reason}")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."
