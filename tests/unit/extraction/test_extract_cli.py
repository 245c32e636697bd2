"""``advisoros extract``: JSON lines per FIELDS.md, a table for people, failures counted."""

from __future__ import annotations

import io
import json
from pathlib import Path

from advisoros_desktop.cli import build_parser
from advisoros_desktop.extract_cli import run_extract
from tests.unit.extraction.test_extractor import blank_pdf


def run(argv: list[str]) -> tuple[int, str]:
    args = build_parser().parse_args(["extract", *argv])
    out = io.StringIO()
    return run_extract(args, out), out.getvalue()


def test_json_lines_and_a_failure_do_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "scan.pdf"
    good.write_bytes(blank_pdf())
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    code, out = run([str(bad), str(good), "--json"])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert lines[0] == {"file": str(bad), "error": "the file is empty (0 bytes)"}
    assert lines[1]["file"] == str(good) and lines[1]["formType"] == "unknown"
    assert set(lines[1]) >= {"file", "formType", "confidence", "fields", "checks"}


def test_table_for_people_and_success_status(tmp_path: Path) -> None:
    good = tmp_path / "scan.pdf"
    good.write_bytes(blank_pdf())
    code, out = run([str(good)])
    assert code == 0
    assert f"{good}: unknown" in out and "no fields read" in out
