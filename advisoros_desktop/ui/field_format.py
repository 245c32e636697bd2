"""How a stored field value reads on screen, for every kind of field.

The record tables (DisplayRole), the cell editors and the detail pane all show
values through ``display_text``, so an amount or a status reads the same
everywhere. Stored values stay canonical (ISO dates, "1250.00" money, choice
codes such as ``in_progress``); only their presentation lives here.

On screen the caller passes the display locale (``language.display_locale``):
dates in its short format, amounts and counts with its separators, choice
labels in the language spoken. Without a locale the text stays the portable
one (ISO dates, ``1,250.00``), which the copy for Excel relies on.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from advisoros_desktop.domain.entities import FieldKind, FieldSpec
from advisoros_desktop.ui.counted_text import counted

CHECK_MARK = "✓"
FIELD_COUNTS = (
    QT_TRANSLATE_NOOP("FieldFormat", "{n} field"),
    QT_TRANSLATE_NOOP("FieldFormat", "{n} fields"),
)
ITEM_COUNTS = (
    QT_TRANSLATE_NOOP("FieldFormat", "{n} item"),
    QT_TRANSLATE_NOOP("FieldFormat", "{n} items"),
)

# Codes whose plain "capitalise and replace underscores" reading would be wrong.
_CHOICE_LABELS = {
    "w2": "W-2",
    "llc": "LLC",
    "s_corp": "S corporation",
    "c_corp": "C corporation",
    "cpa": "CPA",
    "drag_drop": "Drag and drop",
    "manual_review": "Needs manual review",
}


def english_choice_label(value: object) -> str:
    """The English label of a choice code: ``in_progress`` → "In progress".

    It is also the source text the translations are keyed by (context ``Choices``;
    ``scripts/update_translations.py`` marks every code of the catalog).
    """
    if value is None:
        return ""
    code = str(value)
    if code in _CHOICE_LABELS:
        return _CHOICE_LABELS[code]
    if code != code.lower():
        return code  # already written for people, like "W-2" or "1099-NEC"
    words = code.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def choice_label(value: object) -> str:
    """The label accountants read for a choice code, in the language spoken."""
    label = english_choice_label(value)
    return QCoreApplication.translate("Choices", label) if label else ""


def field_label(spec: FieldSpec) -> str:
    """A field's label in the language spoken (context ``Fields``, marked like choices)."""
    return QCoreApplication.translate("Fields", spec.label)


def money_text(value: object, locale: QLocale | None = None) -> str:
    """``"1250.5"`` → ``"1,250.50"``: thousands separators and always two decimals.

    No currency symbol, and never the locale's: every amount is in US dollars, and
    the column or label says it is money."""
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return str(value)
    if not amount.is_finite():
        return str(value)
    return _localized(f"{amount:,.2f}", locale)


def date_text(value: object, locale: QLocale | None = None) -> str:
    """An ISO date as ISO, or in ``locale``'s short format with a four-digit year."""
    text = str(value)
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    if locale is None:
        return day.isoformat()
    return locale.toString(QDate(day.year, day.month, day.day), short_date_format(locale))


def short_date_format(locale: QLocale) -> str:
    """The locale's short date format, with the year in four digits (tax years are read
    at a glance, and "4/15/25" invites mistakes across centuries of filings)."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def number_text(value: object, locale: QLocale | None = None) -> str:
    """A measured number with at most four decimals and no trailing zeros."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return _localized(text, locale)


def _localized(text: str, locale: QLocale | None) -> str:
    """``1,234.5`` with ``locale``'s separators; swapped through a placeholder so "," and
    "." can trade places (de_DE: 1.234,5). Python's own formatting does the rounding, so
    an amount is never carried through a binary float."""
    if locale is None:
        return text
    return (
        text.replace(",", "\0")
        .replace(".", locale.decimalPoint())
        .replace("\0", locale.groupSeparator())
    )


def json_summary(value: object) -> str:
    """One line for structured data in a table cell: how much is there, not all of it."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return counted("FieldFormat", FIELD_COUNTS, len(value))
    if isinstance(value, list):
        return counted("FieldFormat", ITEM_COUNTS, len(value))
    return json.dumps(value)


def display_text(spec: FieldSpec, value: object, locale: QLocale | None = None) -> str:
    """The text a table cell or the detail pane shows for ``value`` of field ``spec``.

    ``locale`` switches dates to the locale's short format and money and numbers
    to its separators; without it dates are ISO (``2025-04-15``) and money reads
    ``1,250.00``. References come back as the record id: resolving an id to a
    client's name is the caller's business, it needs the store.
    """
    if value is None or value == "":
        return ""
    kind = spec.kind
    if kind is FieldKind.BOOLEAN:
        return CHECK_MARK if value else ""
    if kind is FieldKind.MONEY:
        return money_text(value, locale)
    if kind is FieldKind.DATE:
        return date_text(value, locale)
    if kind is FieldKind.CHOICE:
        return choice_label(value)
    if kind is FieldKind.YEAR:
        return str(value)  # never "2,025"
    if kind in (FieldKind.INTEGER, FieldKind.NUMBER):
        return number_text(value, locale)
    if kind is FieldKind.JSON:
        return json_summary(value)
    return str(value)
