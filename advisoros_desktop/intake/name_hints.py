"""What a file or folder name says about a document's category and tax year.

Scanners and accountants name things "W2_2025.pdf", "1099-NEC Acme.pdf",
"2024/Bank Statements/": enough to file most documents without asking. A hint
only fills what neither a filename rule nor the folder layout said, and it
stays silent rather than guess: a year is read only from a four-digit number
standing on its own or inside a date, never from part of a longer number (an
EIN, an invoice or account number, a scanner's counter), and a name holding two
different years gives none.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from advisoros_desktop.intake.text_folding import fold

MIN_YEAR = 1990

# A number that refers to something ("INV 1040", "#1099") rather than naming a form.
_NOT_A_NUMBER_REF = r"(?<!inv )(?<!inv)(?<!#)(?<!# )(?<!no )"

# Most specific first: the first category found wins ("1099 invoice" is a 1099; a
# "receipt for invoice 12" is a receipt).
_CATEGORY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(pattern))
    for category, pattern in (
        ("w2", r"(?<![a-z0-9])w ?2(?![0-9])"),
        ("1099", _NOT_A_NUMBER_REF + r"(?<![0-9])1099(?![0-9])"),
        (
            "tax_return",
            _NOT_A_NUMBER_REF + r"(?<![0-9])(?:1040|1041|1065|1120)(?![0-9])"
            r"|(?<![a-z])(?:tax ?)?returns?(?![a-z])",
        ),
        (
            "financial_statement",
            r"(?<![a-z])(?:financial ?statements?|financials|balance ?sheets?"
            r"|profit (?:and|&) loss|p ?& ?l|pnl|income ?statements?)(?![a-z])",
        ),
        (
            "bank_statement",
            r"(?<![a-z])(?:bank ?statements?|e ?statements?|statements?|stmts?|bank)(?![a-z])",
        ),
        ("receipt", r"(?<![a-z])(?:receipts?|rcpts?)(?![a-z])"),
        ("invoice", r"(?<![a-z])(?:invoice[sd]?|inv)(?![a-z])"),
    )
)

# Digit runs joined by "-" or ".", not touching another digit: "2024", "03-15-2024",
# "12-3456789". Any digit counts as touching, not only 0-9, so a run is always whole.
_DIGIT_CHAIN = re.compile(r"(?<!\d)[0-9]+(?:[-.][0-9]+)*(?!\d)")
_CHAIN_SEPARATOR = re.compile(r"[-.]")
_EXTENSION = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]{0,5}")

# Words that may sit beside a year or category in a folder name without making it
# anything else: "Tax Year 2024", "W-2s", "2024 Tax Returns", "Receipts & Invoices".
_FILLER_WORDS = frozenset(
    {"s", "tax", "taxes", "year", "years", "ty", "fy", "form", "forms", "copies", "scan", "scans"}
    | {"doc", "docs", "document", "documents", "file", "files", "and", "&", "for", "of", "the"}
)


@dataclass(frozen=True)
class NameHints:
    """The category and year a name suggests; ``only_hints`` when it says nothing else.

    ``only_hints`` tells a "2024" or "Bank Statements" folder from a client's
    folder that happens to contain a year or a word like "bank".
    """

    category: str | None = None
    year: int | None = None
    only_hints: bool = False


def latest_tax_year(today: datetime.date | None = None) -> int:
    """The latest year a document may belong to: next year (estimates, early organisers)."""
    return (today or datetime.date.today()).year + 1


def hints_from_file_name(file_name: str, *, latest_year: int | None = None) -> NameHints:
    """Hints from a file's name, its extension left out."""
    stem, dot, extension = file_name.rpartition(".")
    # "Statement 2024.03.15" has no extension: only a short word after the last dot is one.
    if not (dot and stem and _EXTENSION.fullmatch(extension)):
        stem = file_name
    return hints_from_name(stem, latest_year=latest_year)


def hints_from_name(name: str, *, latest_year: int | None = None) -> NameHints:
    """Hints from a folder name or a file name without its extension."""
    latest = latest_tax_year() if latest_year is None else latest_year
    folded = fold(name)
    # One character for one, so positions found in either text match the other.
    spaced = re.sub(r"[^a-z0-9&#]", " ", folded)
    year_spans = _years_in(folded, latest)
    years = {year for year, _start, _end in year_spans}
    year = years.pop() if len(years) == 1 else None

    category = None
    rest = spaced
    for candidate, pattern in _CATEGORY_PATTERNS:
        found = pattern.search(spaced)
        if found is not None:
            category = candidate
            rest = _blank(rest, found.start(), found.end())
            break
    if category is None and year is None:
        return NameHints()
    for _year, start, end in year_spans:
        rest = _blank(rest, start, end)
    leftover = [word for word in rest.split() if word not in _FILLER_WORDS]
    return NameHints(category, year, only_hints=not leftover)


def year_in(name: str, *, latest_year: int | None = None) -> int | None:
    """The one tax year ``name`` mentions, or None (no year, or several)."""
    return hints_from_name(name, latest_year=latest_year).year


def _years_in(text: str, latest: int) -> list[tuple[int, int, int]]:
    """Each (year, start, end) found in ``text``: alone, or as the year of a date."""
    found = []
    for chain in _DIGIT_CHAIN.finditer(text):
        year = _year_of_chain(chain.group())
        if year is not None and MIN_YEAR <= year <= latest:
            found.append((year, chain.start(), chain.end()))
    return found


def _year_of_chain(chain: str) -> int | None:
    groups = _CHAIN_SEPARATOR.split(chain)
    widths = [len(group) for group in groups]
    numbers = [int(group) for group in groups]
    if widths == [4]:
        return numbers[0]
    if widths[0] == 4 and len(groups) in (2, 3) and all(w <= 2 for w in widths[1:]):
        # 2024-03 or 2024-03-15
        day_ok = len(groups) == 2 or 1 <= numbers[2] <= 31
        return numbers[0] if 1 <= numbers[1] <= 12 and day_ok else None
    if widths[-1] == 4 and len(groups) in (2, 3) and all(w <= 2 for w in widths[:-1]):
        # 03-2024, 03-15-2024 or 15.03.2024
        parts = numbers[:-1]
        if not all(1 <= part <= 31 for part in parts) or min(parts) > 12:
            return None
        return numbers[-1]
    return None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]
