"""Filename rules suggested from how a person sorted the "Unsorted" list.

When someone files "ACME_scan_001.pdf" and "ACME_scan_002.pdf" under Acme, the
next "ACME_scan_003.pdf" should not need them: a rule ``ACME_*`` for Acme is
offered. Only offered; a rule that routes tax documents is never made without
the person accepting it.

A word makes a rule only when it is distinctive: at least three letters, not
something every scanner or camera writes ("scan", "IMG", "page", "document"),
not a category, month or number, and never seen in a file given to another
client. The suggested pattern is then checked against every sorted file: it
must not match a file of another client.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.intake.text_folding import fold, same_form

# (file name, client id, category, year) as a person assigned them, oldest first.
Assignment = tuple[str, str, str | None, int | None]

MIN_FILES = 2
MIN_LETTERS = 3

_GENERIC_WORDS = frozenset(
    # What scanners, cameras, phones and "print to PDF" put in names.
    {"scan", "scans", "scanned", "scanner", "scansnap", "img", "image", "images", "photo"}
    | {"pic", "picture", "dsc", "dcim", "pxl", "screenshot", "screen", "shot", "fax", "print"}
    | {"printed", "printout", "output", "export", "attachment", "email", "mail", "upload"}
    | {"download", "epson", "canon", "brother", "xerox", "ricoh", "fujitsu", "samsung", "iphone"}
    # What people put in any name.
    | {"doc", "docs", "document", "documents", "page", "pages", "file", "files", "copy"}
    | {"copies", "new", "old", "final", "draft", "version", "ver", "rev", "untitled", "misc"}
    | {"signed", "sign", "part", "batch", "item", "record", "records", "the", "and", "for"}
    | {"from", "with", "pdf", "jpg", "jpeg", "png", "tif", "tiff", "heic", "txt", "xls", "xlsx"}
    # Categories and tax words: they say what a document is, not whose.
    | {"form", "forms", "tax", "taxes", "year", "invoice", "invoices", "inv", "receipt"}
    | {"receipts", "rcpt", "statement", "statements", "stmt", "bank", "return", "returns"}
    | {"financial", "financials", "balance", "sheet", "profit", "loss", "income", "nec", "int"}
    | {"div", "corrected", "amended", "payroll", "general"}
    # Dates.
    | {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov"}
    | {"dec", "january", "february", "march", "april", "june", "july", "august", "september"}
    | {"october", "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)
# Runs of letters (any script) or of digits: "ACME2024_scan" → ACME, 2024, scan.
_RUN = re.compile(r"[^\W\d_]+|\d+")


@dataclass
class _Candidate:
    """One distinctive word of one client's files, and the patterns it was seen in."""

    client_id: str
    leading: bool
    # Each shape the word was seen in, by its case-folded form: ("acme_*" → "ACME_*").
    patterns: dict[str, str] = field(default_factory=dict)
    loose: str = ""
    names: set[str] = field(default_factory=set)

    def rule(self) -> FilenameRule:
        # One shape in every file ("ACME_..."): that shape. Shapes differ: the word alone.
        if len(self.patterns) == 1:
            return FilenameRule(next(iter(self.patterns.values())), client_id=self.client_id)
        return FilenameRule(self.loose, client_id=self.client_id)


def suggest_rules(
    assignments: Sequence[Assignment], existing: Sequence[FilenameRule] = ()
) -> list[FilenameRule]:
    """Rules to offer, each naming only a client: ``ACME_*`` when ACME files went to Acme.

    A later assignment of the same file name replaces an earlier one (the person
    changed their mind). Nothing is suggested that an ``existing`` rule already
    does for the same client.
    """
    client_of: dict[str, str] = {}
    shown: dict[str, str] = {}
    for name, client_id, _category, _year in assignments:
        if name and client_id:
            key = same_form(name).casefold()
            client_of[key] = client_id
            shown[key] = same_form(name)

    candidates: dict[tuple[str, str, bool], _Candidate] = {}
    clients_of_word: dict[str, set[str]] = {}
    for key, client_id in client_of.items():
        for word, leading, pattern, loose in _words_of(shown[key]):
            clients_of_word.setdefault(word, set()).add(client_id)
            candidate = candidates.setdefault(
                (client_id, word, leading), _Candidate(client_id, leading, loose=loose)
            )
            candidate.patterns.setdefault(pattern.casefold(), pattern)
            candidate.names.add(key)

    suggestions: list[tuple[int, _Candidate, FilenameRule]] = []
    client_order = {client_id: n for n, client_id in enumerate(dict.fromkeys(client_of.values()))}
    for (client_id, word, _leading), candidate in candidates.items():
        if len(candidate.names) < MIN_FILES or clients_of_word[word] != {client_id}:
            continue
        rule = candidate.rule()
        others = (key for key, owner in client_of.items() if owner != client_id)
        if any(rule.matches(shown[key]) for key in others):
            continue
        if not all(rule.matches(shown[key]) for key in candidate.names):
            continue
        if any(
            known.client_id == client_id and all(known.matches(shown[k]) for k in candidate.names)
            for known in existing
        ):
            continue
        suggestions.append((client_order[client_id], candidate, rule))

    # Per client, the rules covering most files first, a leading word before an inner one;
    # a rule covering only files an earlier one covers is left out.
    suggestions.sort(
        key=lambda item: (item[0], -len(item[1].names), not item[1].leading, item[2].pattern)
    )
    chosen: list[FilenameRule] = []
    covered: dict[str, set[str]] = {}
    for _order, candidate, rule in suggestions:
        done = covered.setdefault(candidate.client_id, set())
        if candidate.names <= done:
            continue
        done |= candidate.names
        chosen.append(rule)
    return chosen


def _words_of(name: str) -> list[tuple[str, bool, str, str]]:
    """Each distinctive word of a file name: (folded word, leading?, pattern, loose pattern).

    The pattern keeps the separators around the word ("ACME_*", "*_Acme_*"), so
    "ACMEX" files do not match; the loose one drops them when files disagree.
    """
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    found = []
    for run in _RUN.finditer(stem):
        word = run.group()
        folded = fold(word).replace(" ", "")
        if word.isdigit() or len(folded) < MIN_LETTERS or folded in _GENERIC_WORDS:
            continue
        before = name[run.start() - 1] if run.start() > 0 else ""
        after = name[run.end()] if run.end() < len(name) else ""
        # A separator beside the word belongs to the pattern; a digit does not ("ACME2024").
        before = _glob_literal(before) if before and not before.isalnum() else ""
        after = _glob_literal(after) if after and not after.isalnum() else ""
        if run.start() == 0:
            found.append((folded, True, f"{word}{after}*", f"{word}*"))
        else:
            found.append((folded, False, f"*{before}{word}{after}*", f"*{word}*"))
    return found


def _glob_literal(char: str) -> str:
    """A separator as glob reads it literally: "[" and the wildcards go in brackets."""
    return f"[{char}]" if char in "*?[" else char
