"""Turning what a form prints into the canonical values of FIELDS.md.

Every source (form fields, text layer, OCR) reads raw strings; this module is
the one place that decides what ``"$52,000"``, ``"785 44 5287"`` or a ticked
box becomes, so the reviewer sees one format whatever the source. A reader
keeps what it could not normalise (``ok`` false) rather than dropping it, and
the checks flag it, so nothing printed on a form silently disappears.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from advisoros_desktop.domain.validators import MAX_MONEY


class ValueKind(Enum):
    """How a box's content is normalised."""

    MONEY = "money"
    SSN = "ssn"
    EIN = "ein"
    TIN = "tin"  # either an EIN or an SSN, as printed
    TEXT = "text"  # one line: white space collapsed
    LINES = "lines"  # several lines joined with ", " (addresses)
    CODE = "code"  # short codes (box 12, state): upper case
    CHECK_BOX = "check_box"
    YEAR = "year"
    DATE = "date"


@dataclass(frozen=True)
class Normalised:
    """A canonical value, or the printed text when it could not be made canonical.

    ``repaired`` says the printed text needed more than formatting (stray
    characters dropped), which lowers the confidence a source reports.
    """

    value: str | bool
    ok: bool = True
    repaired: bool = False


_PHONE = re.compile(
    r"^(?:(?:tel|telephone|phone|ph)\.?:?\s*)?\+?1?[\s.-]*\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,6})?$",
    re.IGNORECASE,
)
_MASK = "X*•#"
_TRUE_WORDS = frozenset({"x", "yes", "y", "true", "1", "on", "checked"})
_FALSE_WORDS = frozenset({"", "off", "no", "n", "false", "0", "unchecked"})
# English, German, Dutch and French month names: invoices come from European vendors too.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "januari", "janvier", "janv"),
            ("feb", "february", "februar", "februari", "février", "fevrier", "févr"),
            ("mar", "march", "märz", "maerz", "maart", "mars", "mrz"),
            ("apr", "april", "avril", "avr"),
            ("may", "mai", "mei"),
            ("jun", "june", "juni", "juin"),
            ("jul", "july", "juli", "juillet", "juil"),
            ("aug", "august", "augustus", "août", "aout"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "okt", "oktober", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "dez", "dezember", "décembre", "decembre", "déc"),
        ),
        start=1,
    )
    for name in names
}


def collapse(text: str) -> str:
    """Runs of white space become one space; ends trimmed."""
    return " ".join(text.split())


def lines(text: str) -> list[str]:
    """The non-blank lines of a multi-line box, each collapsed."""
    return [line for line in (collapse(part) for part in re.split(r"[\r\n]+", text)) if line]


def join_lines(parts: list[str]) -> str:
    return ", ".join(part for part in (collapse(p) for p in parts) if part)


def is_telephone_line(line: str) -> bool:
    """A line that is only a telephone number (payer boxes end with one)."""
    return bool(_PHONE.match(collapse(line)))


def split_name_and_address(text: str) -> tuple[str, str, bool]:
    """A combined name/address box: first line the name, the others the address.

    Telephone lines are left out of the address (the IRS payer box asks for
    the number, but it is not where the payer is); the third value says
    whether one was.
    """
    found = lines(text)
    if not found:
        return "", "", False
    address = [line for line in found[1:] if not is_telephone_line(line)]
    return found[0], join_lines(address), len(address) < len(found) - 1


def normalize_money(raw: str) -> Normalised:
    """``"$52,000"`` → ``"52000.00"``; ``(12.50)`` and a trailing minus are negative."""
    text = collapse(raw).replace("$", "").replace(",", "").replace(" ", "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        text, negative = text[1:-1], True
    elif text.endswith("-") and len(text) > 1:
        text, negative = text[:-1], True
    if re.fullmatch(r"-?\.\d+", text):
        text = text.replace(".", "0.", 1)
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
        return Normalised(collapse(raw), ok=False)
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
        return Normalised(collapse(raw), ok=False)
    if abs(amount) > MAX_MONEY:
        return Normalised(collapse(raw), ok=False)
    if negative:
        amount = -amount
    return Normalised(str(amount.quantize(Decimal("0.01"))))


def _groups(raw: str) -> tuple[list[str], bool]:
    """Digit/mask groups of an identifier, and whether anything else had to go."""
    text = collapse(raw).upper()
    for mask in _MASK:
        text = text.replace(mask, "X")
    groups = re.findall(r"[0-9X]+", text)
    leftover = re.sub(r"[0-9X\s.\-/]", "", text)
    return groups, bool(leftover)


def _as_ssn(chars: str) -> str | None:
    if re.fullmatch(r"\d{9}", chars):
        return f"{chars[:3]}-{chars[3:5]}-{chars[5:]}"
    if re.fullmatch(r"X{5}\d{4}", chars):
        return f"XXX-XX-{chars[5:]}"
    return None


def _as_ein(chars: str) -> str | None:
    if re.fullmatch(r"\d{9}", chars):
        return f"{chars[:2]}-{chars[2:]}"
    if re.fullmatch(r"X{5}\d{4}", chars):
        return f"XX-XXX{chars[5:]}"
    return None


def normalize_ssn(raw: str) -> Normalised:
    """``"785 44 5287"`` → ``"785-44-5287"``; a masked one stays masked (``XXX-XX-5287``)."""
    groups, repaired = _groups(raw)
    value = _as_ssn("".join(groups))
    if value is None:
        return Normalised(collapse(raw), ok=False)
    return Normalised(value, repaired=repaired)


def normalize_ein(raw: str) -> Normalised:
    """``"47 7197406"`` → ``"47-7197406"``."""
    groups, repaired = _groups(raw)
    value = _as_ein("".join(groups))
    if value is None:
        return Normalised(collapse(raw), ok=False)
    return Normalised(value, repaired=repaired)


def normalize_tin(raw: str) -> Normalised:
    """A payer's or recipient's TIN as printed, dashes normalised.

    The grouping tells an SSN (3-2-4) from an EIN (2-7); nine bare digits say
    neither, so they stay as printed.
    """
    groups, repaired = _groups(raw)
    chars = "".join(groups)
    sizes = [len(group) for group in groups]
    if sizes == [3, 2, 4]:
        value = _as_ssn(chars)
    elif sizes == [2, 7]:
        value = _as_ein(chars)
    elif re.fullmatch(r"\d{9}", chars):
        value = chars
    else:
        value = _as_ssn(chars)
    if value is None:
        return Normalised(collapse(raw), ok=False)
    return Normalised(value, repaired=repaired)


def normalize_check_box(raw: str | bool | None) -> Normalised:
    """A form's check box: its on-state name (``/1``), ``X`` or ``Yes`` are true."""
    if isinstance(raw, bool):
        return Normalised(raw)
    word = collapse(raw or "").lstrip("/").lower()
    if word in _FALSE_WORDS:
        return Normalised(False)
    if word in _TRUE_WORDS:
        return Normalised(True)
    # A PDF check box's on state is whatever name the form chose (``/1``, ``/Yes``, ``/On``).
    return Normalised(True, repaired=not (raw or "").startswith("/"))


def normalize_year(raw: str) -> Normalised:
    text = collapse(raw)
    if re.fullmatch(r"(19|20)\d\d", text):
        return Normalised(text)
    return Normalised(text, ok=False)


def normalize_date(raw: str, *, day_first: bool = False) -> Normalised:
    """``YYYY-MM-DD`` from ISO, ``MM/DD/YYYY`` (``DD/MM/YYYY`` if ``day_first``), month names."""
    text = collapse(raw)
    found = _parse_date(text, day_first)
    if found is None:
        return Normalised(text, ok=False)
    return Normalised(found.isoformat())


def _parse_date(text: str, day_first: bool) -> dt.date | None:
    try:
        if match := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", text):
            first, second, year = int(match[1]), int(match[2]), _full_year(match[3])
            month, day = (second, first) if day_first else (first, second)
            return dt.date(year, month, day)
        words = re.findall(r"[^\W\d_]+|\d+", text)
        months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
        numbers = [w for w in words if w.isdigit()]
        if len(months) == 1 and len(numbers) == 2:
            day, year = (numbers[0], numbers[1]) if len(numbers[1]) >= 4 else numbers
            return dt.date(_full_year(year), months[0], int(day))
    except ValueError:
        return None
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def normalize_code(raw: str) -> Normalised:
    return Normalised(collapse(raw).upper())


def normalize_text(raw: str) -> Normalised:
    return Normalised(collapse(raw))


def normalize_lines(raw: str) -> Normalised:
    return Normalised(join_lines(lines(raw)))


def normalize(kind: ValueKind, raw: str | bool | None) -> Normalised:
    """The canonical value of ``raw`` read from a box of ``kind``."""
    if kind is ValueKind.CHECK_BOX:
        return normalize_check_box(raw)
    text = raw if isinstance(raw, str) else ""
    return _NORMALISERS[kind](text)


_NORMALISERS = {
    ValueKind.MONEY: normalize_money,
    ValueKind.SSN: normalize_ssn,
    ValueKind.EIN: normalize_ein,
    ValueKind.TIN: normalize_tin,
    ValueKind.TEXT: normalize_text,
    ValueKind.LINES: normalize_lines,
    ValueKind.CODE: normalize_code,
    ValueKind.YEAR: normalize_year,
    ValueKind.DATE: normalize_date,
}
