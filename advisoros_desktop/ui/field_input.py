"""From the text an accountant types in a cell to the value the server will accept.

Typed text is first read the way people write it (``1,200`` for a whole number,
``4/15/2025`` in a US locale for a date), then put through the server's own
``normalize_field``: a value that passes here is never refused later for a
different reason. Refusals come back as a human sentence, never an exception.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from advisoros_desktop.domain.entities import FieldKind, FieldSpec, normalize_field
from advisoros_desktop.ui.field_format import date_text, short_date_format
from advisoros_desktop.ui.validation_messages import explain

# Kinds edited as free text in a line editor.
TYPED_KINDS = frozenset(
    {
        FieldKind.TEXT,
        FieldKind.LONG_TEXT,
        FieldKind.EMAIL,
        FieldKind.PHONE,
        FieldKind.TIN,
        FieldKind.MONEY,
        FieldKind.DATE,
        FieldKind.YEAR,
        FieldKind.INTEGER,
        FieldKind.NUMBER,
    }
)


@dataclass(frozen=True)
class InputCheck:
    """The outcome of checking typed text: a canonical value, or why it was refused.

    ``note`` is a neutral remark on an accepted value worth a second look (a bare
    nine-digit tax id is read as an SSN).
    """

    value: object = None
    problem: str | None = None
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def editor_text(spec: FieldSpec, value: object) -> str:
    """The text a cell editor starts with: the stored value, unformatted, so that
    editing "1250.00" does not mean fighting thousands separators."""
    if value is None:
        return ""
    if spec.kind is FieldKind.NUMBER and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_example(locale: QLocale | None) -> str:
    """How to write a date in this locale, for messages and placeholders."""
    sample = "2025-04-15"
    if locale is None:
        return sample
    return QCoreApplication.translate("FieldInput", "{local} or {iso}").format(
        local=date_text(sample, locale), iso=sample
    )


def check_input(spec: FieldSpec, text: str, locale: QLocale | None = None) -> InputCheck:
    """Read ``text`` typed into a cell of field ``spec`` and validate it as the server does."""
    try:
        value = normalize_field(spec, read_typed(spec, text, locale))
    except ValueError as err:
        return InputCheck(problem=explain(spec, str(err), date_example(locale)))
    return InputCheck(value=value, note=_note(spec, text, value))


def read_typed(spec: FieldSpec, text: str, locale: QLocale | None = None) -> object:
    """The value ``text`` stands for, before the server's rules; blank means None.

    Raises ``ValueError`` only where the server's validators could not even be
    asked (a whole-number field given letters).
    """
    stripped = text.strip()
    if not stripped:
        return None
    kind = spec.kind
    if kind is FieldKind.INTEGER:
        try:
            return int(_without_grouping(stripped))
        except ValueError:
            raise ValueError("must be a whole number") from None
    if kind is FieldKind.NUMBER:
        try:
            return float(_without_grouping(stripped))
        except ValueError:
            raise ValueError("must be a number") from None
    if kind is FieldKind.DATE:
        return _read_date(stripped, locale)
    return text


def _without_grouping(text: str) -> str:
    return text.replace(",", "").replace(" ", "").replace("\u00a0", "")


def _read_date(text: str, locale: QLocale | None) -> str:
    """ISO always; the locale's own short format too, so a US accountant may type 4/15/2025."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    if locale is not None:
        # Four-digit years only: "4/15/25" could be 1925 or 2025, and a wrong century
        # on a filing date is worse than asking again.
        strict = short_date_format(locale)
        relaxed = strict.replace("dd", "d").replace("MM", "M")
        for pattern in (strict, relaxed):
            day = locale.toDate(text, pattern)
            if day.isValid():
                return day.toString("yyyy-MM-dd")
    return text  # normalize_date refuses it with the reason


def _note(spec: FieldSpec, text: str, value: object) -> str | None:
    """Say how a tax id was read when the server's reading differs from what was typed:
    nine bare digits are an SSN to the server, and an accountant may have meant an EIN."""
    if spec.kind is not FieldKind.TIN or not isinstance(value, str):
        return None
    if text.strip().upper() == value or value.startswith("XXX"):
        return None
    digits = value.replace("-", "")
    if len(value) == 11:
        return QCoreApplication.translate(
            "FieldInput", "Will be saved as SSN {ssn}. For an EIN, type {ein}."
        ).format(ssn=value, ein=f"{digits[:2]}-{digits[2:]}")
    return QCoreApplication.translate("FieldInput", "Will be saved as EIN {ein}.").format(ein=value)
