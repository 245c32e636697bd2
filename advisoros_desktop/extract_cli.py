"""``advisoros extract FILE...``: the server's extractor, run locally on files.

For checking what AdvisorOS will read from a document before uploading it,
and for scripts (``--json``: one object per form found, one per line, as in
FIELDS.md). Exit status 1 when any file could not be read; the others are
still processed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TextIO

from advisoros_desktop.extraction import Extraction, ExtractionFailure, extract_file


def register(commands: argparse._SubParsersAction) -> None:
    extract = commands.add_parser(
        "extract",
        help="read the fields of W-2s, 1099s and other documents",
        description=(
            "Classify each file and read its fields (form type, values, confidence, "
            "page boxes) and the checks they fail, as the server does after an upload."
        ),
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument(
        "--json", action="store_true", help="one JSON object per form found, one per line"
    )
    extract.set_defaults(handler=run_extract)


def run_extract(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    # Damaged PDFs make the parser log repairs; the per-file error line says what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    failed = False
    for name in args.files:
        outcome = extract_file(name)
        if isinstance(outcome, ExtractionFailure):
            failed = True
            found: list[Extraction | ExtractionFailure] = [outcome]
        else:
            found = list(outcome)
        for item in found:
            if args.json:
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            else:
                out.write(render(item) + "\n")
        out.flush()
    return 1 if failed else 0


def render(item: Extraction | ExtractionFailure) -> str:
    """A readable table of one result, for a person at a terminal."""
    if isinstance(item, ExtractionFailure):
        return f"{item.file}: cannot be read: {item.error}\n"
    pages = ", ".join(str(page) for page in item.pages)
    head = (
        f"{item.file}: {item.form_type} (confidence {item.confidence:.2f}, "
        f"page{'s' if len(item.pages) != 1 else ''} {pages})"
    )
    rows = [head]
    if not item.fields:
        rows.append("  no fields read")
    width = max((len(found.key) for found in item.fields), default=0)
    for found in item.fields:
        value = ("yes" if found.value else "no") if isinstance(found.value, bool) else found.value
        rows.append(
            f"  {found.key:<{width}}  {value}  "
            f"[{found.confidence:.2f} {found.source}, p. {found.page}]"
        )
    for check in item.checks:
        rows.append(f"  ! {check.code}: {check.message}")
    return "\n".join(rows) + "\n"
