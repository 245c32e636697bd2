"""Reading a change-feed page's JSON a record at a time, so other threads keep running.

A page of 1,000 records is most of a megabyte of JSON. ``json.loads`` reads
it in one C call that keeps Python's lock from start to end (about 10 ms,
several times that on a busy laptop): moved to a worker thread, it still
stopped the GUI thread, which needs that lock for every Qt callback, for the
whole of it. Here the arrays in the page's top-level object (the items) are
read one element at a time with the same C scanner ``json.loads`` uses, so
the lock can pass to another thread between two records. The result is the
one ``json.loads`` gives, and the same errors are refused.

Call ``read_page`` on a worker thread: it is still some milliseconds of work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_SPACES = " \t\n\r"  # JSON's whitespace
_SPACE = re.compile(f"[{_SPACES}]*")
# The C scanner behind json.loads, reading one value from an index: an attribute of
# every JSONDecoder that the type stubs do not declare.
_scan_once: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


class PageUnreadable(ValueError):
    """The body is not JSON, or not a change page's shape."""


def read_page(body: bytes) -> dict[str, Any]:
    """The change page in ``body``, checked for the shape the API promises.

    Raises ``PageUnreadable`` for JSON that does not parse, and for a page
    without its items (a list of objects), cursor (a string) and hasMore.
    """
    try:
        page = decode(body)
    except ValueError as err:
        raise PageUnreadable(str(err)) from None
    if not isinstance(page, dict):
        raise PageUnreadable("the page is not a JSON object")
    items = page.get("items")
    if (
        not isinstance(items, list)
        or not all(type(item) is dict for item in items)
        or not isinstance(page.get("cursor"), str)
        or not isinstance(page.get("hasMore"), bool)
    ):
        raise PageUnreadable("the page lacks its items, cursor or hasMore")
    return page


def decode(body: bytes | str) -> Any:
    """``json.loads(body)``, reading the arrays of a top-level object element by element.

    Raises ``json.JSONDecodeError`` (a ``ValueError``) where ``json.loads`` would.
    """
    if isinstance(body, bytes | bytearray):
        text = bytes(body).decode(json.detect_encoding(body), "surrogatepass")
    else:
        text = body
    if text.startswith("\ufeff"):
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    at = _skip(text, 0)
    if text.startswith("{", at):
        value, at = _object(text, at + 1)
    else:
        value, at = _value(text, at)
    at = _skip(text, at)
    if at != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
    return value


def _skip(text: str, at: int) -> int:
    found = _SPACE.match(text, at)
    return found.end() if found is not None else at


def _value(text: str, at: int) -> tuple[Any, int]:
    """One JSON value from ``at`` by the C scanner: a single call, the lock held throughout."""
    try:
        return _scan_once(text, at)
    except StopIteration as stop:
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None


def _object(text: str, at: int) -> tuple[dict[str, Any], int]:
    """The top-level object whose ``{`` ends just before ``at``; arrays element by element."""
    found: dict[str, Any] = {}
    at = _skip(text, at)
    if text.startswith("}", at):
        return found, at + 1
    while True:
        if not text.startswith('"', at):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, at
            )
        key, at = _value(text, at)
        at = _skip(text, at)
        if not text.startswith(":", at):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        at = _skip(text, at + 1)
        if text.startswith("[", at):
            found[key], at = _array(text, at + 1)
        else:
            found[key], at = _value(text, at)
        at = _skip(text, at)
        if text.startswith(",", at):
            at = _skip(text, at + 1)
        elif text.startswith("}", at):
            return found, at + 1
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)


def _array(text: str, at: int) -> tuple[list[Any], int]:
    """The array whose ``[`` ends just before ``at``, one element per scanner call.

    The server sends compact JSON, so the separator is looked at directly and
    whitespace skipped only where there is some: this loop runs per record.
    """
    elements: list[Any] = []
    append = elements.append
    at = _skip(text, at)
    if text.startswith("]", at):
        return elements, at + 1
    while True:
        element, at = _value(text, at)
        append(element)
        char = text[at : at + 1]
        if char in _SPACES:  # also "" at the end of the text, refused just below
            at = _skip(text, at)
            char = text[at : at + 1]
        if char == ",":
            at += 1
            if text[at : at + 1] in _SPACES:
                at = _skip(text, at)
        elif char == "]":
            return elements, at + 1
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
