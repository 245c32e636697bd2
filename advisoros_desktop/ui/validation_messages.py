"""Turn the validators' reasons into sentences an accountant can act on.

``normalize_field`` raises ``ValueError`` with a terse reason written to follow a
field name on the server ("'12-345' is neither an EIN (12-3456789) nor an SSN
(123-45-6789)"). Beside a table cell the typed value is already in view, so the
message names the field and says what a good value looks like instead, in the
language spoken (the examples keep the US way of writing amounts, which is
what the cells read back).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.domain.entities import FieldKind, FieldSpec
from advisoros_desktop.ui.counted_text import count_text
from advisoros_desktop.ui.field_format import choice_label, field_label

TIN_SHAPE = QT_TRANSLATE_NOOP(
    "ValidationMessages", "Tax ID must be 9 digits, like 12-3456789 or 123-45-6789."
)
# Per kind of record referred to: in Spanish the article follows the noun's gender.
PICK_FROM_LIST = {
    "user": QT_TRANSLATE_NOOP("ValidationMessages", "Pick a user from the list."),
    "client": QT_TRANSLATE_NOOP("ValidationMessages", "Pick a client from the list."),
    "engagement": QT_TRANSLATE_NOOP("ValidationMessages", "Pick an engagement from the list."),
    "task": QT_TRANSLATE_NOOP("ValidationMessages", "Pick a task from the list."),
    "document": QT_TRANSLATE_NOOP("ValidationMessages", "Pick a document from the list."),
}
PICK_RECORD = QT_TRANSLATE_NOOP("ValidationMessages", "Pick a record from the list.")


def _tr(text: str) -> str:
    """A text marked in context ``ValidationMessages``."""
    return QCoreApplication.translate("ValidationMessages", text)


def explain(spec: FieldSpec, reason: str, date_example: str = "2025-04-15") -> str:
    """A one- or two-sentence message for a value of ``spec`` refused with ``reason``."""
    label = field_label(spec)
    if reason == "is required":
        return QCoreApplication.translate("ValidationMessages", "{label} is required.").format(
            label=label
        )
    kind = spec.kind
    if kind is FieldKind.TIN:
        return _tin(reason)
    if kind is FieldKind.EMAIL:
        return QCoreApplication.translate(
            "ValidationMessages", "{label} must be an email address, like name@example.com."
        ).format(label=label)
    if kind is FieldKind.PHONE:
        return QCoreApplication.translate(
            "ValidationMessages",
            "{label} must be a phone number of 7 to 15 digits, like (512) 555-0142.",
        ).format(label=label)
    if kind is FieldKind.MONEY:
        return _money(label, reason)
    if kind is FieldKind.DATE:
        return QCoreApplication.translate(
            "ValidationMessages", "{label} must be a date, like {example}."
        ).format(label=label, example=date_example)
    if kind in (FieldKind.YEAR, FieldKind.INTEGER, FieldKind.NUMBER):
        return _number(spec, reason)
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return _text(label, reason)
    if kind is FieldKind.CHOICE:
        options = ", ".join(choice_label(c) for c in spec.choices)
        return QCoreApplication.translate(
            "ValidationMessages", "{label} must be one of: {options}."
        ).format(label=label, options=options)
    if kind is FieldKind.REFERENCE:
        return _tr(PICK_FROM_LIST.get(spec.references or "", PICK_RECORD))
    return _sentence(f"{label} {reason}")


def _tin(reason: str) -> str:
    prefix = re.search(r"prefix (\d\d)", reason)
    if prefix:
        return QCoreApplication.translate(
            "ValidationMessages",
            "No EIN starts with {prefix}: the IRS does not assign that prefix. "
            "Check the number on the client's IRS letter.",
        ).format(prefix=prefix.group(1))
    area = re.search(r"area (\d{3})", reason)
    if area:
        return QCoreApplication.translate(
            "ValidationMessages", "No SSN starts with {area}: that area number is never issued."
        ).format(area=area.group(1))
    if "group 00" in reason:
        return QCoreApplication.translate(
            "ValidationMessages",
            "No SSN has 00 as its middle two digits or 0000 as its last four.",
        )
    return _tr(TIN_SHAPE)


def _money(label: str, reason: str) -> str:
    if "two decimals" in reason:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} can have at most two decimals (whole cents)."
        )
    elif "plausible" in reason:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} is too large to be an amount of money."
        )
    else:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} must be an amount, like 1,250.00."
        )
    return text.format(label=label)


def _number(spec: FieldSpec, reason: str) -> str:
    bounds = re.search(r"\((-?[\d.e+]+) to (-?[\d.e+]+)\)", reason)
    label = field_label(spec)
    if bounds:
        low, high = bounds.groups()
        return QCoreApplication.translate(
            "ValidationMessages", "{label} must be between {low} and {high}."
        ).format(label=label, low=low, high=high)
    if spec.kind is FieldKind.YEAR:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} must be a year, like 2025."
        )
    elif spec.kind is FieldKind.INTEGER:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} must be a whole number, like 1200."
        )
    else:
        text = QCoreApplication.translate(
            "ValidationMessages", "{label} must be a number, like 0.95."
        )
    return text.format(label=label)


def _text(label: str, reason: str) -> str:
    lengths = re.search(r"\((\d+) characters, at most (\d+)\)", reason)
    if lengths:
        typed, most = (int(n) for n in lengths.groups())
        return QCoreApplication.translate(
            "ValidationMessages", "{label} is too long: {typed} characters, at most {most}."
        ).format(label=label, typed=count_text(typed), most=count_text(most))
    if "NUL" in reason:
        return QCoreApplication.translate(
            "ValidationMessages",
            "{label} contains an invisible NUL character, which cannot be saved.",
        ).format(label=label)
    return _sentence(f"{label} {reason}")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."
