"""Which shop a receipt is from: the name printed at the head of the receipt.

A till prints the shop's name first, then what identifies it in law and on
the street: a company or tax registration number ("(123456-X)", "GST ID",
"VAT No"), the address, the telephone. The name is the first printed line
of that head that reads as a name: a line with no capital letter is
handwriting or a web address, a line that is only a title ("TAX INVOICE",
"RECEIPT", "WELCOME") names the document, and lines with a street, a post
code, a telephone or a registration number are the rest of the letterhead.
A name may run over two lines when the second ends in a company form
("... (TAMAN DAYA) / SDN BHD").

None of this is certain on a photographed receipt, and OCR misreads names
without knowing it, so the confidence stays below what a reviewer may skip:
higher when the line ends in a company form or the letterhead follows it.
"""

from __future__ import annotations

import re
import statistics

from advisoros_desktop.extraction.invoice_labels import normal
from advisoros_desktop.extraction.invoice_vendor import COMPANY_FORMS, Vendor
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of

# The name ends in a company form ("SDN BHD", "LLC", "GmbH").
COMPANY_NAME = 0.8
# The line under it is the letterhead's registration number, address or telephone.
LETTERHEAD = 0.7
# Just the first line that reads as a name.
FIRST_NAME_LINE = 0.55

# The head of a receipt: the top lines, before the sale itself.
_HEAD_LINES = 8
_HEAD_SHARE = 0.45
# A name has this many letters at least, and mostly letters.
_MIN_LETTERS = 4
_LETTER_SHARE = 0.6

_TITLE_WORDS = frozenset(
    {
        "tax", "invoice", "receipt", "simplified", "official", "cash", "bill", "sales", "sale",
        "copy", "duplicate", "customer", "welcome", "to", "order", "quittung", "kassenbon",
        "bon", "ticket", "reçu", "kwitansi", "resit", "rasmi", "-", "~", "*",
    }
)  # fmt: skip
_LETTERHEAD = re.compile(
    r"\b(?:tel|telephone|phone|fax|hp|mobile|e-?mail|www|gst|vat|tva|btw|ust|mwst|abn|gstin"
    r"|tax id|reg|registration|company no|co\.? ?no|co\.? ?reg|roc|ssm|tin|ein|siret)\b"
    r"|@|\.com\b|\(\s*[\w-]*\d{4,}[\w-]*\s*\)",
    re.IGNORECASE,
)
# A street word with a number on the line, or a post code.
_STREET = re.compile(
    r"\b(?:jalan|jln|lorong|taman|lot|no|street|st|road|rd|avenue|ave|blvd|boulevard|lane|ln"
    r"|drive|dr|suite|floor|unit|block|blk|highway|hwy|plaza|mall|centre|center|strasse|straße"
    r"|str|weg|platz|straat|laan|plein|rue|chemin|via|calle)\b",
    re.IGNORECASE,
)
# Initials: single characters each followed by a point ("D.I.Y.", OCR's "O.1.¥.").
_INITIALS = re.compile(r"(?:[^\s.]\.){2,}[^\s.]?")
_AS_LETTER = str.maketrans({"0": "O", "1": "I", "|": "I", "¥": "Y", "5": "S", "8": "B", "$": "S"})
# Letters and digits OCR takes for one another in upper-case print, each mapped to one of them.
_LOOKALIKE = str.maketrans({"D": "O", "0": "O", "Q": "O", "1": "I", "|": "I",
                            "8": "B", "5": "S", "$": "S"})  # fmt: skip
# Company forms of three letters or more, by how they look ("SDN BHD" and "SON BHO" alike).
_FORM_LOOKALIKES = {
    form.upper().translate(_LOOKALIKE): form.upper()
    for form in (*COMPANY_FORMS, "sdn bhd")
    if len(form) >= 3 and form.replace(" ", "").isalpha()
}
_POST_CODE = re.compile(r"(?<![\d-])\d{4,6}(?![\d-])")
# A word under this share of its line's usual height is not print of that line.
_SPECK_SHARE = 0.5
# Two lines are one when they share this much of the first one's height.
_SAME_LINE_SHARE = 0.6


def find_receipt_vendor(page: PageWords) -> Vendor | None:
    """The shop's name at the head of the receipt's first page, or None."""
    head = _head(page)
    for index, line in enumerate(head):
        if not _is_name(line):
            continue
        following = head[index + 1] if index + 1 < len(head) else None
        name = list(line)
        if (
            following is not None
            and not _ends_in_company_form(line)
            and _ends_in_company_form(following)
            and _is_name(following)
        ):
            name += following
            following = head[index + 2] if index + 2 < len(head) else None
        if _ends_in_company_form(name):
            confidence = COMPANY_NAME
        elif following is not None and _is_letterhead(following):
            confidence = LETTERHEAD
        else:
            confidence = FIRST_NAME_LINE
        return Vendor(repaired_name(name), tuple(name), confidence, page)
    return None


def repaired_name(words: list[Word]) -> str:
    """The name as printed, with the misreadings OCR makes in a name's letters put right.

    Initials ("D.I.Y.") are letters, so a digit or symbol OCR read for one
    is the letter it looks like; an upper-case company form a letter away
    ("SON BHD", "BHO") is the form; brackets hold their words without spaces.
    """
    texts = [_initials(word.text) for word in words]
    if len(texts) >= 2 and texts[-2].isupper():
        pair = _company_form(f"{texts[-2]} {texts[-1]}")
        texts[-2:] = pair.split(" ", 1) if " " in pair else [texts[-2], texts[-1]]
    if texts:
        texts[-1] = _company_form(texts[-1])
    text = " ".join(texts).strip(" ,;:-")
    return re.sub(r"\s+\)", ")", re.sub(r"\(\s+", "(", text))


def _initials(text: str) -> str:
    if not _INITIALS.fullmatch(text) or not any(c.isalpha() for c in text):
        return text
    return text.translate(_AS_LETTER)


def _company_form(text: str) -> str:
    core = text.strip(".,;:")
    if len(core) < 3 or not core.isupper() or core in _FORM_LOOKALIKES.values():
        return text
    found = _FORM_LOOKALIKES.get(_folded(core))
    return text.replace(core, found) if found else text


def _folded(text: str) -> str:
    return text.upper().translate(_LOOKALIKE)


def _head(page: PageWords) -> list[list[Word]]:
    top = page.page_box[1] + page.height * (1 - _HEAD_SHARE)
    lines = [line for line in page.lines if line[0].y0 >= top]
    return [_without_specks(line) for line in _with_brackets(lines)][:_HEAD_LINES]


def _with_brackets(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines with their brackets back: a bracket is drawn taller than the letters, so OCR's
    line finding may put a line's "(" and ")" on a line of their own, just beside it."""
    merged: list[list[Word]] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if previous is not None and (
            (_only_punctuation(line) and _overlaps(previous, line))
            or (_only_punctuation(previous) and _overlaps(line, previous))
        ):
            merged[-1] = sorted([*previous, *line], key=lambda w: w.x0)
        else:
            merged.append(list(line))
    return merged


def _only_punctuation(line: list[Word]) -> bool:
    return not any(c.isalnum() for word in line for c in word.text)


def _overlaps(line: list[Word], other: list[Word]) -> bool:
    """True when ``other`` spans most of ``line``'s height: the same printed line."""
    low, high = min(w.y0 for w in line), max(w.y1 for w in line)
    shared = min(high, max(w.y1 for w in other)) - max(low, min(w.y0 for w in other))
    return shared >= (high - low) * _SAME_LINE_SHARE


def _without_specks(line: list[Word]) -> list[Word]:
    """The line without words far smaller than its letters: specks, a rule's dots, the
    tails of handwriting above it, which OCR reads as letters ("ay", ",s")."""
    if len(line) < 3:
        return line
    usual = statistics.median(w.height for w in line)
    kept = [w for w in line if w.height >= usual * _SPECK_SHARE]
    return kept or line


def _is_name(line: list[Word]) -> bool:
    text = text_of(line)
    letters = sum(c.isalpha() for c in text)
    alnum = sum(c.isalnum() for c in text)
    if letters < _MIN_LETTERS or letters < alnum * _LETTER_SHARE:
        return False
    if not any(c.isupper() for c in text):
        return False  # handwriting on the receipt, a web address
    if all(normal(w.text) in _TITLE_WORDS or not normal(w.text) for w in line):
        return False
    if len(line) == 1 and letters < 5:
        return False  # a lone short word at the head is a logo's remains
    return not _is_letterhead(line)


def _is_letterhead(line: list[Word]) -> bool:
    """A registration number, telephone, e-mail or address line."""
    text = text_of(line)
    street = _STREET.search(text) and any(c.isdigit() for c in text)
    return bool(_LETTERHEAD.search(text) or street or _POST_CODE.search(text))


def _ends_in_company_form(line: list[Word]) -> bool:
    return bool(line) and normal(line[-1].text) in COMPANY_FORMS
