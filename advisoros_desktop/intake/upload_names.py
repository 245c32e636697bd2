"""The name a document gets on the server, and shortening names that are too long.

Scanners, e-mail attachments and other operating systems produce names the
server would refuse or store differently: decomposed accents (macOS), control
characters, invisible direction overrides that disguise an extension, names
longer than the document's 255-character ``fileName``. The name is cleaned
here, before the upload is created, so the server stores exactly what the
queue shows. Cutting a name keeps its extension and never splits a
character (an accent from its letter, an emoji sequence in half), because
the extension is what tells the accountant, and the server, what the file is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

MAX_UPLOAD_NAME = 255  # the document's fileName field (domain/entities.py)
FALLBACK_STEM = "document"
# Longer "extensions" are part of the name ("Smith. Notes on the 2024 return").
_MAX_EXTENSION = 16

# Bidirectional embeddings, overrides and isolates: invisible, and able to make
# "invoice\u202egpj.exe" read as "invoiceexe.jpg".
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that belong to the one before them: cutting in front of one
# would leave a bare accent, a broken emoji sequence or a lone skin tone.
_JOINER = "\u200d"
# Variation selectors, skin tones and the tags of subdivision flags.
_MODIFIERS = re.compile(
    "[\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)  # a flag is two of these


def upload_file_name(path: Path) -> str:
    """The name sent to the server for the file at ``path``.

    NFC-normalised, control characters removed, white space collapsed as the
    server does, at most 255 characters with the extension kept; never empty.
    """
    name = clean_name(path.name)
    name = shorten_name(name, lambda candidate: len(candidate) <= MAX_UPLOAD_NAME)
    return name or FALLBACK_STEM


def clean_name(name: str) -> str:
    """``name`` without control characters, normalised; a lone extension gets a stem."""
    # Undecodable bytes in a POSIX name arrive as lone surrogates, which no
    # JSON body or database text column can carry.
    text = _LONE_SURROGATE.sub("\ufffd", name)
    text = unicodedata.normalize("NFC", text)
    text = _DIRECTION_CONTROLS.sub("", text)
    # A tab or line break separates words (collapsed below); other control
    # characters are noise.
    text = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    text = " ".join(text.split())  # the server's normalize_text does the same
    if text.startswith(".") and _is_extension(text):
        text = FALLBACK_STEM + text
    return text


def split_extension(name: str) -> tuple[str, str]:
    """``(stem, extension)``; the extension keeps its dot and is "" when there is none."""
    dot = name.rfind(".")
    if dot <= 0 or not _is_extension(name[dot:]):
        return name, ""
    return name[:dot], name[dot:]


def shorten_name(name: str, fits: Callable[[str], bool]) -> str:
    """``name``, its stem cut at a character boundary until ``fits`` accepts it.

    The extension is kept whenever some stem fits beside it; otherwise the
    whole name is cut. Returns "" only when not even one character fits.
    """
    if fits(name):
        return name
    stem, extension = split_extension(name)
    if extension and not fits(stem[:1] + extension):
        stem, extension = name, ""
    # Binary search for the longest stem that fits; length is monotonic in the cut.
    low, high = 0, len(stem)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(_cut(stem, middle) + extension):
            low = middle
        else:
            high = middle - 1
    cut = _cut(stem, low)
    return cut + extension if cut else ""


def _cut(stem: str, length: int) -> str:
    """The first ``length`` characters of ``stem``, backed off to a character boundary."""
    while 0 < length < len(stem) and _continues(stem, length):
        length -= 1
    return stem[:length].rstrip()


def _continues(text: str, at: int) -> bool:
    """Whether the character at ``at`` belongs to the one before it."""
    char = text[at]
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == _JOINER
        or text[at - 1] == _JOINER
        or _MODIFIERS.match(char) is not None
        or _second_of_a_flag(text, at)
    )


def _second_of_a_flag(text: str, at: int) -> bool:
    if ord(text[at]) not in _REGIONAL_INDICATORS:
        return False
    before = at
    while before > 0 and ord(text[before - 1]) in _REGIONAL_INDICATORS:
        before -= 1
    return (at - before) % 2 == 1


def _is_extension(suffix: str) -> bool:
    body = suffix[1:]
    return 0 < len(body) <= _MAX_EXTENSION and body.isalnum()
