"""Taxpayer ids and secrets replaced by markers in text that leaves the program.

Log files and the diagnostics zip go to people outside the firm (support), so
whatever they hold must not carry a client's social security number, a
business's EIN, a password or a sign-in token. ``redact_text`` replaces them
with ``[SSN]``, ``[EIN]``, ``[TIN]`` (a taxpayer id that could be either),
``[PASSWORD]`` and ``[TOKEN]``, and leaves the rest as it was, because the
rest is what support needs: dates, times, amounts, sizes and record ids
(UUIDs) are never touched.

What is replaced:

* SSNs written ``123-45-6789`` or ``123 45 6789``, EINs written ``12-3456789``,
  wherever they appear (in a file name too).
* Nine bare digits only where they cannot be anything else: with a label in
  front (``SSN 123456789``, ``"employerEin": "123456789"``, ``tax id: …``),
  with one behind (``'123456789' is not a valid SSN``, the validators'
  wording), or as a file name (``123456789.pdf``, ``Smith_123456789_W2``).
  Unlabelled, nine digits are as often a size in bytes, an amount in cents or
  a count, and those are what a diagnosis needs.
* Tokens: the values of keys named like ``accessToken``, ``refresh_token``,
  ``token``, ``secret``, ``apiKey``, ``cookie``, ``Authorization`` (the
  scheme, ``Bearer``, stays), a ``Bearer …`` credential anywhere, JWTs (three
  dot-separated parts, the first starting ``eyJ``, which every JWT header
  does) and the server's own tokens (``at_…``/``rt_…``, see
  ``server/tokens.py``).
* Passwords: the values of keys named like ``password``/``passwd``/``pwd``
  (an unquoted value to the end of its line, since a password may hold
  spaces), and the password in a URL (``postgresql://user:secret@host``).

Phone numbers and e-mail addresses are left alone: they identify the firm's
contacts rather than taxpayers, and the account's e-mail is often what a
support question is about.

Redacting redacted text changes nothing, so files that passed through the
log filter can be redacted again on their way into the zip.
"""

from __future__ import annotations

import re
from itertools import pairwise

SSN = "[SSN]"
EIN = "[EIN]"
TIN = "[TIN]"
TOKEN = "[TOKEN]"
PASSWORD = "[PASSWORD]"

# -- secrets --------------------------------------------------------------------------

_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][\w+.-]*://[^\s/:@]+:)[^\s/@]+(?=@)")
_JWT = re.compile(r"\beyJ[\w-]{5,}\.[\w-]{2,}\.[\w-]*")
# token_urlsafe(32) after "at_"/"rt_": 43 characters; the look-ahead keeps out
# long snake_case names that happen to start with "at_".
_SERVER_TOKEN = re.compile(r"(?<![\w-])(?:at|rt)_(?=[\w-]*[A-Z0-9])[\w-]{32,}")
# "Bearer" in prose ("bearer token expired") is followed by a plain word; a
# credential has a digit or punctuation in it.
_BEARER = re.compile(r"(?i:\b(?P<scheme>bearer)[ \t]+)(?=[\w.~+/-]*[\d._~+/-])[\w.~+/-]{8,}=*")

_QUOTED = r"\\\"(?:(?!\\\").)*\\\"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
# "Authorization: Bearer …" keeps its scheme; "Bearer [TOKEN]" is already done.
_SCHEMES = r"(?i:bearer|basic|token|digest)[ \t]+"
# Key, then a separator that may close the key's quotes (JSON, Python reprs,
# JSON escaped inside an INI value: \"token\": \"…\").
_KEY_SEPARATOR = r"(?P<sep>(?:\\?[\"'])?[ \t]*[:=][ \t]*)"
_TOKEN_VALUE = re.compile(
    r"(?<![\w.-])(?P<key>[\w.-]*(?i:token|secret|api[_-]?key|cookie|credential|authorization)"
    r"[\w.-]*)" + _KEY_SEPARATOR + r"(?P<value>" + _QUOTED + r"|"
    r"(?!" + _SCHEMES + r"\[)(?P<scheme>" + _SCHEMES + r")?"
    # not a call: "token = self._renew()" is a line of code in a traceback
    r"[^\s\"'&,;<>(){}\[\]=][^\s\"'&,;<>(){}\[\]]*+(?!\())"
)
_PASSWORD_VALUE = re.compile(
    r"(?<![\w.-])(?P<key>[\w.-]*(?i:passw(?:or)?d|pwd|passphrase)[\w.-]*)"
    + _KEY_SEPARATOR
    + r"(?P<value>"
    + _QUOTED
    + r"|[^\s\"'][^\n]*)"
)
_TOKEN_WORDS = frozenset(
    {"token", "tokens", "secret", "secrets", "apikey", "cookie", "cookies"}
    | {"credential", "credentials", "authorization"}
)
_PASSWORD_WORDS = frozenset({"password", "passwords", "passwd", "pwd", "passphrase"})
# What a key must contain for _TOKEN_VALUE and _PASSWORD_VALUE to find anything.
_TOKEN_NEEDLES = ("token", "secret", "api", "cookie", "credential", "authorization")
_PASSWORD_NEEDLES = ("passw", "pwd", "passphrase")
_KEY_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

# -- taxpayer ids ---------------------------------------------------------------------

# One pass for the shapes that are taxpayer ids wherever they appear. Spaced
# groups inside a longer run of spaced numbers are a table, not an SSN.
_SHAPED_ID = re.compile(
    r"(?<!\d)(?:(?P<ssn>\d{3}-\d{2}-\d{4})|(?P<ein>\d{2}-\d{7})"
    r"|(?<!\d )\d{3} \d{2} \d{4}(?! \d))(?!\d)"
)
# Nine digits, perhaps grouped oddly ("12345 6789" passes the SSN validator),
# kept unless a label or a file name says what they are; or glued to a word by
# an underscore, as in a scanned file's name.
_NINE_DIGITS = re.compile(
    r"(?<![\w.,$-])\d(?:[ -]?\d){8}(?![^\W_]|[.,]\d|[ -]\d)|(?<=_)(?P<glued>\d{9})(?![A-Za-z0-9])"
)
_FILE_NAME_AFTER = re.compile(r"_|\.(?i:pdf|png|jpe?g|tiff?|heic|gif|bmp)\b")
_LABEL = (
    r"social[\s_-]*security(?:[\s_-]*(?:number|no))?|ssn|itin|f?ein"
    r"|employer[\s_-]*(?:identification[\s_-]*(?:number|no)|id(?:entifier)?)"
    r"|tin|tax(?:payer)?[\s_-]*(?:identification[\s_-]*)?(?:id|number|no)"
)
# A label starts a word or a camelCase part ("employerEin", not "protein"), and
# only punctuation and a few filler words sit between it and the number.
_LABEL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?P<label>(?i:" + _LABEL + r")s?)(?![a-z])"
    r"(?:[^\w\n]|(?i:is|was|no|nr|number|num|value)\b)*$"
)
_LABEL_AFTER = re.compile(
    r"(?:[\"'\\]*\s+(?i:is|was)\s+(?i:not|neither)\s+(?i:an?\s+)?(?i:valid\s+)?"
    r"|\s*\(\s*)(?P<label>(?i:" + _LABEL + r"))(?![a-z])"
)
_LABEL_WINDOW = 48


def redact_text(text: str) -> str:
    """``text`` with every SSN, EIN, token and password replaced by its marker."""
    # Each pattern costs a scan of the whole text; most lines hold none of the
    # words a secret needs, and a lower-cased copy says so for a fraction of that.
    lower = text.lower()
    if "://" in text:
        text = _URL_PASSWORD.sub(lambda m: m["head"] + PASSWORD, text)
    if "eyj" in lower:
        text = _JWT.sub(TOKEN, text)
    if "at_" in lower or "rt_" in lower:
        text = _SERVER_TOKEN.sub(TOKEN, text)
    if "bearer" in lower:
        text = _BEARER.sub(lambda m: f"{m['scheme']} {TOKEN}", text)
    if any(word in lower for word in _TOKEN_NEEDLES):
        text = _TOKEN_VALUE.sub(_token_value, text)
    if any(word in lower for word in _PASSWORD_NEEDLES):
        text = _PASSWORD_VALUE.sub(_password_value, text)
    text = _SHAPED_ID.sub(lambda m: EIN if m["ein"] else SSN, text)
    return _NINE_DIGITS.sub(_nine_digits, text)


def _key_words(key: str) -> list[str]:
    words = [word.lower() for word in _KEY_WORD.findall(key)]
    # "apiKey", "api_key", "X-Api-Key" and "apikey" are one word here
    return words + [a + b for a, b in pairwise(words)]


def _marked(match: re.Match[str], words: frozenset[str], marker: str) -> str:
    key, separator, value = match["key"], match["sep"], match["value"]
    if words.isdisjoint(_key_words(key)):
        # "tokenizer", "bypassword": not a secret's name, but its value may hold one
        return key + separator + redact_text(value)
    if value[:1] in ("'", '"'):
        quote = value[0]
        return f"{key}{separator}{quote}{marker}{quote}" if len(value) > 2 else match[0]
    if value.startswith('\\"'):
        return f'{key}{separator}\\"{marker}\\"' if len(value) > 4 else match[0]
    scheme = match.groupdict().get("scheme") or ""
    return f"{key}{separator}{scheme}{marker}"


def _token_value(match: re.Match[str]) -> str:
    return _marked(match, _TOKEN_WORDS, TOKEN)


def _password_value(match: re.Match[str]) -> str:
    return _marked(match, _PASSWORD_WORDS, PASSWORD)


def _nine_digits(match: re.Match[str]) -> str:
    if match["glued"]:
        return TIN
    text, start, end = match.string, match.start(), match.end()
    line_start = text.rfind("\n", 0, start) + 1
    before = _LABEL_BEFORE.search(text, max(line_start, start - _LABEL_WINDOW), start)
    if before is not None:
        return _label_marker(before["label"])
    line_end = text.find("\n", end)
    after_end = min(end + _LABEL_WINDOW, len(text) if line_end < 0 else line_end)
    after = _LABEL_AFTER.match(text, end, after_end)
    if after is not None:
        return _label_marker(after["label"])
    if _FILE_NAME_AFTER.match(text, end):
        return TIN
    return match[0]


def _label_marker(label: str) -> str:
    letters = re.sub(r"[^a-z]", "", label.lower())
    if letters.startswith(("social", "ssn")):
        return SSN
    if letters.startswith(("ein", "fein", "employer")):
        return EIN
    return TIN
