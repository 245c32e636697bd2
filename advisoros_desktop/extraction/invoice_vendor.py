"""Who issued an invoice: the vendor's name, from the clues an accountant would use.

The issuer is rarely labelled. Its name is in the title ("Amazon Web Services
Invoice"), in its web address or e-mail (the logo is usually a picture, but
``www.flipkart.com`` is text), before a company form at the top of the page
("Coolblue B.V."), after "account holder" in the payment details, or at the
head of the top-most address block. Each clue is tried in that order and
none is certain, so the confidence stays below what a reviewer may skip.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from advisoros_desktop.extraction.invoice_labels import normal
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of

TITLE = 0.8
WEB_ADDRESS = 0.75
COMPANY_FORM = 0.7
PAYEE = 0.6
TOP_BLOCK = 0.5

_TITLE_WORDS = frozenset({"invoice", "rechnung", "factuur", "facture", "factura", "fattura"})
# Words that end a company's name and say what kind of company it is (Malaysia's
# "Sdn Bhd" ends in "bhd").
COMPANY_FORMS = frozenset(
    {
        "inc", "llc", "llp", "ltd", "limited", "corp", "corporation", "co", "plc", "gmbh",
        "ag", "kg", "b.v", "bv", "n.v", "nv", "s.a", "sa", "sas", "sarl", "s.a.r.l", "s.l",
        "spa", "s.p.a", "oy", "ab", "as", "pty", "pvt", "pte", "bhd",
    }
)  # fmt: skip
_DOMAIN = re.compile(r"(?:^|[/@.])([a-z0-9][a-z0-9-]{2,})\.(?:[a-z]{2,6})(?:/|$)", re.IGNORECASE)
_GENERIC_DOMAINS = frozenset({"www", "mail", "gmail", "yahoo", "hotmail", "outlook", "example"})
# A generator's credit ("Powered by TCPDF") names software, not the issuer.
_CREDIT = re.compile(r"\b(?:powered|generated|created|produced)\s+(?:by|with)\b", re.IGNORECASE)
_PAYEE = (
    ("titulaire", "du", "compte"),
    ("account", "holder"),
    ("kontoinhaber",),
    ("payable", "to"),
    ("in", "favor", "of"),
    ("in", "favour", "of"),
    ("beneficiary",),
)


@dataclass(frozen=True)
class Vendor:
    name: str
    words: tuple[Word, ...]
    confidence: float
    page: PageWords


def find_vendor(pages: list[PageWords]) -> Vendor | None:
    """The issuer's name, by the first clue that gives one."""
    first = pages[0]
    return (
        _from_title(first)
        or _from_web_address(pages)
        or _from_company_form(first)
        or _from_payee(pages)
        or _from_top_block(first)
    )


def _from_title(page: PageWords) -> Vendor | None:
    """ "Amazon Web Services Invoice": the largest line near the top names the issuer."""
    top = [line for line in page.lines if line[0].y0 > page.page_box[1] + page.height * 0.75]
    if not top:
        return None
    line = max(top, key=lambda ln: max(w.height for w in ln))
    tokens = [normal(w.text) for w in line]
    if tokens and tokens[-1] in _TITLE_WORDS and len(tokens) > 1:
        name = line[:-1]
        return Vendor(text_of(name), tuple(name), TITLE, page)
    return None


def _from_web_address(pages: list[PageWords]) -> Vendor | None:
    """A name printed as words that is also the name of the issuer's web site or mail domain."""
    domains: list[str] = []
    for page in pages:
        for line in page.lines:
            if _CREDIT.search(text_of(line)):
                continue
            for word in line:
                for found in _DOMAIN.findall(word.text):
                    label = found.casefold()
                    if label not in _GENERIC_DOMAINS and label not in domains:
                        domains.append(label)
    for domain in domains:
        wanted = domain.replace("-", "")
        best: tuple[int, Vendor] | None = None
        for page in pages:
            for line in page.lines:
                if _CREDIT.search(text_of(line)):
                    continue
                for start in range(len(line)):
                    found = _name_at(line, start, wanted, page)
                    if found and (best is None or found[0] > best[0]):
                        best = found
        if best is not None:
            return best[1]
    return None


def _name_at(
    line: list[Word], start: int, wanted: str, page: PageWords
) -> tuple[int, Vendor] | None:
    """Capitalised words from ``start`` spelling the domain name (or, one word, its start)."""
    joined = ""
    best: tuple[int, int] | None = None
    for end in range(start, min(start + 4, len(line))):
        word = line[end].text.strip(",")
        if "@" in word or "." in word.strip(".") or not word[:1].isupper():
            break
        joined += word.strip(".").casefold()
        if not wanted.startswith(joined):
            break
        if joined == wanted:
            best = (2, end)
            break
        if end == start and len(joined) >= 3:
            best = (1, end)
    if best is None:
        return None
    name = line[start : best[1] + 1]
    following = line[best[1] + 1] if best[1] + 1 < len(line) else None
    if following is not None and normal(following.text) in COMPANY_FORMS:
        name = [*name, following]
    return best[0], Vendor(text_of(name).rstrip(",-"), tuple(name), WEB_ADDRESS, page)


def _from_company_form(page: PageWords) -> Vendor | None:
    """The top-most name in the upper half of the first page that ends in a company form."""
    for line in page.lines:
        if line[0].y0 < page.page_box[1] + page.height * 0.5:
            break
        for index, word in enumerate(line):
            if index > 0 and normal(word.text) in COMPANY_FORMS:
                start = index
                while start > 0 and line[start - 1].x1 > line[start].x0 - 2 * word.height:
                    if (
                        normal(line[start - 1].text) in {"-", "|"}
                        or not line[start - 1].text[:1].isalnum()
                    ):
                        break
                    start -= 1
                name = line[start : index + 1]
                return Vendor(text_of(name).rstrip(","), tuple(name), COMPANY_FORM, page)
    return None


def _from_payee(pages: list[PageWords]) -> Vendor | None:
    """ "Account holder: NETPRESSE": who is paid is who issued the invoice."""
    for page in pages:
        for line in page.lines:
            tokens = [normal(w.text) for w in line]
            for phrase in _PAYEE:
                for start in range(len(tokens) - len(phrase) + 1):
                    if tuple(tokens[start : start + len(phrase)]) == phrase:
                        rest = [w for w in line[start + len(phrase) :] if normal(w.text)]
                        if rest:
                            return Vendor(text_of(rest), tuple(rest), PAYEE, page)
    return None


def _from_top_block(page: PageWords) -> Vendor | None:
    """The first line of the top-most block whose next line looks like a street address."""
    lines = page.lines
    for line, following in itertools.pairwise(lines):
        left = [w for w in following if abs(w.x0 - line[0].x0) < 3]
        if (
            left
            and any(c.isdigit() for c in left[0].text)
            and not any(c.isdigit() for w in line for c in w.text)
        ):
            block = [w for w in line if w.x0 - line[0].x0 < page.width / 3]
            return Vendor(text_of(block), tuple(block), TOP_BLOCK, page)
    return None
