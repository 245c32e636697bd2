"""Reading a change page a record at a time gives what ``json.loads`` gives, and refuses
what it refuses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.api.change_page import PageUnreadable, decode, read_page

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
_PAGES = st.dictionaries(st.text(), _VALUES | st.lists(_VALUES, max_size=8), max_size=5)


@given(_PAGES, st.sampled_from([None, 0, 2]), st.booleans())
def test_reads_what_json_loads_reads(page: dict[str, Any], indent: int | None, ascii: bool) -> None:
    text = json.dumps(page, indent=indent, ensure_ascii=ascii)
    assert decode(text) == json.loads(text)
    assert decode(text.encode()) == json.loads(text.encode())


@given(_VALUES)
def test_any_top_level_value_reads_the_same(value: Any) -> None:
    text = json.dumps(value)
    assert decode(text) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"items": [ {"id": "a"} ,\n {"id": "b"}\t] , "cursor" : "c" }',
        '{"items":[],"n":1}',
        '{"items":[ ]}',
        " {} ",
        '{"a": [1], "a": [2]}',  # the last of a repeated name, as json.loads
    ],
)
def test_whitespace_and_edge_cases(text: str) -> None:
    assert decode(text) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"items": [1,]}',
        '{"items": [1 2]}',
        '{"items": [1',
        '{"items": [{"id": "a"}]',
        '{"a": 1,}',
        '{"a" 1}',
        "{a: 1}",
        '{"items": []} trailing',
        '\ufeff{"items": []}',
    ],
)
def test_refuses_what_json_loads_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        decode(text)


def test_bytes_with_a_byte_order_mark_read_as_json_loads_reads_them() -> None:
    body = b'\xef\xbb\xbf{"items": [1]}'
    assert decode(body) == json.loads(body) == {"items": [1]}


def test_a_page_reads_whole() -> None:
    page = {
        "items": [{"entity": "client", "id": f"c{n}", "version": 1} for n in range(50)],
        "cursor": "e:1:50",
        "hasMore": False,
        "epoch": "e",
    }
    assert read_page(json.dumps(page).encode()) == page


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b'{"cursor": "c", "hasMore": false}',
        b'{"items": null, "cursor": "c", "hasMore": false}',
        b'{"items": ["x"], "cursor": "c", "hasMore": false}',
        b'{"items": [], "hasMore": false}',
        b'{"items": [], "cursor": "c"}',
        b'{"items": [}',
    ],
)
def test_what_is_not_a_page_is_unreadable(body: bytes) -> None:
    with pytest.raises(PageUnreadable):
        read_page(body)
