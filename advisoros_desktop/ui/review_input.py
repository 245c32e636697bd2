"""Reading a value a reviewer typed over an extracted field, or saying why not.

The extractor's own normalisation (``extraction/values.py``) decides what a
box of each kind holds, so a typed ``$52,000`` becomes ``52000.00`` exactly as
a read one would. What does not normalise is refused, with the sentence the
table cells use for the same kind of value (``validation_messages.explain``,
with the domain validators' reasons), and identifiers that normalise are
also checked the way the domain checks them (an SSN area never issued, an EIN
prefix the IRS does not assign). An empty value means the box is blank on
the document: FIELDS.md has a blank field absent, so it is stored as null.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from advisoros_desktop.domain import validators
from advisoros_desktop.domain.entities import FieldKind, FieldSpec
from advisoros_desktop.extraction.form_keys import kind_of
from advisoros_desktop.extraction.values import ValueKind, normalize
from advisoros_desktop.ui.validation_messages import explain

_DOMAIN_KIND = {
    ValueKind.MONEY: (FieldKind.MONEY, validators.normalize_money),
    ValueKind.SSN: (FieldKind.TIN, validators.normalize_ssn),
    ValueKind.EIN: (FieldKind.TIN, validators.normalize_ein),
    ValueKind.TIN: (FieldKind.TIN, validators.normalize_tin),
    ValueKind.DATE: (FieldKind.DATE, validators.normalize_date),
    ValueKind.YEAR: (FieldKind.YEAR, validators.normalize_year),
}
# English and Spanish words (the two languages the program speaks), whichever is shown.
_YES = frozenset({"x", "yes", "y", "true", "1", "on", "checked", "sí", "si", "s"})
_NO = frozenset({"no", "n", "false", "0", "off", "unchecked"})


@dataclass(frozen=True)
class Reading:
    """The canonical value, or the sentence saying why the text was refused."""

    value: str | bool | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def display_text(value: object) -> str:
    """An extracted value as the editor shows it."""
    if value is True:
        return QCoreApplication.translate("ReviewInput", "Yes")
    if value is False:
        return QCoreApplication.translate("ReviewInput", "No")
    return "" if value is None else str(value)


def read_correction(form_type: str, key: str, label: str, text: str) -> Reading:
    """The value to store for ``text`` typed into field ``key`` of a ``form_type``."""
    kind = kind_of(form_type, key)
    if not text.strip():
        return Reading(None)
    if kind is ValueKind.CHECK_BOX:
        word = text.strip().lower()
        if word in _YES or word in _NO:
            return Reading(word in _YES)
        return Reading(
            None,
            QCoreApplication.translate(
                "ReviewInput", "{label} is a check box: type Yes or No."
            ).format(label=label),
        )
    normalised = normalize(kind, text)
    domain = _DOMAIN_KIND.get(kind)
    if domain is None:
        return Reading(normalised.value)
    field_kind, check = domain
    spec = FieldSpec(key, field_kind, label)
    if not normalised.ok:
        return Reading(None, explain(spec, _reason(check, text)))
    value = normalised.value
    if isinstance(value, str) and "X" not in value:  # a masked number cannot be checked
        try:
            check(value)
        except ValueError as refused:
            return Reading(None, explain(spec, str(refused)))
    return Reading(value)


def _reason(check: object, text: str) -> str:
    try:
        check(text)  # type: ignore[operator]
    except ValueError as refused:
        return str(refused)
    return "is not valid"
