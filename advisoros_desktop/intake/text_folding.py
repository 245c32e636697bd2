"""Folding names to one spelling before they are compared.

Folder and file names come from scanners, Windows Explorer, macOS Finder (which
stores names decomposed: "é" as "e" plus an accent) and people typing fast, so
"Müller", "MULLER" and "MullerFarms" must meet "Muller Farms" on equal terms.
Client matching and name hints both compare folded text.
"""

from __future__ import annotations

import re
import unicodedata

# A lower-case letter followed by a capital: a word break people write as "JohnSmith".
_CAMEL_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")


def fold(text: str) -> str:
    """``text`` in lower case, accents removed and camel-case words split apart."""
    spaced = _CAMEL_BREAK.sub(" ", text)
    decomposed = unicodedata.normalize("NFKD", spaced)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold()


def same_form(text: str) -> str:
    """``text`` in Unicode's composed form, so a name typed on Windows meets one from macOS."""
    return unicodedata.normalize("NFC", text)
