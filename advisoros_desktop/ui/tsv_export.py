"""Rows as tab-separated text that Excel and Numbers paste into cells cleanly.

A header line names the columns so a pasted block says what it is. A value
with a tab, a line break or a double quote is quoted the way Excel quotes it
when it copies such a cell itself, so one record stays one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any


def tsv_cell(text: str) -> str:
    if any(ch in text for ch in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows_as_tsv(
    headers: Sequence[str],
    rows: Iterable[Any],
    cell_text: Callable[[Any, int], str],
) -> str:
    lines = ["\t".join(tsv_cell(h) for h in headers)]
    for row in rows:
        lines.append("\t".join(tsv_cell(cell_text(row, column)) for column in range(len(headers))))
    return "\r\n".join(lines) + "\r\n"  # Excel's own line ends on the clipboard
