"""The committed copy of the API's OpenAPI document, and the command that keeps it current.

The project commits ``openapi.json`` next to the server so that client code and
reviewers see every change to the API (a renamed field, a new error answer, a
tighter limit) as a diff, not only as Python code that happens to produce one.
A test fails when the committed copy and the document the server builds differ;
``make openapi`` (``python -m advisoros_desktop.server.openapi_file --write``)
rewrites it, and ``--check`` only compares.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisoros_desktop.server.app import create_app
from advisoros_desktop.server.config import ServerConfig

COMMITTED_PATH = Path(__file__).resolve().with_name("openapi.json")
REGENERATE_COMMAND = "make openapi"


def current_openapi() -> dict[str, Any]:
    """The OpenAPI document of the app as the code defines it now."""
    with tempfile.TemporaryDirectory(prefix="advisoros-openapi-") as data_dir:
        app = create_app(ServerConfig(data_dir=Path(data_dir), run_job_worker=False))
        try:
            document: dict[str, Any] = app.openapi()
        finally:
            app.state.server.engine.dispose()
    return document


def render(document: dict[str, Any]) -> str:
    """The document as committed: stable key order and indentation, one trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed_text(path: Path | None = None) -> str | None:
    """The committed copy, or None when there is none yet."""
    path = path or COMMITTED_PATH
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def diff(expected: str, actual: str | None, limit: int = 60) -> str:
    """A unified diff from the committed copy to the generated document, cut to ``limit`` lines."""
    lines = list(
        difflib.unified_diff(
            (actual or "").splitlines(keepends=True),
            expected.splitlines(keepends=True),
            fromfile="openapi.json (committed)",
            tofile="openapi.json (generated)",
        )
    )
    if len(lines) > limit:
        lines = [*lines[:limit], f"... {len(lines) - limit} more diff lines\n"]
    return "".join(lines)


def stale_message(expected: str, actual: str | None, path: Path | None = None) -> str | None:
    """None when the committed copy is current; else what is wrong and how to fix it."""
    path = path or COMMITTED_PATH
    if actual == expected:
        return None
    if actual is None:
        return f"{path} is missing; run `{REGENERATE_COMMAND}` to create it, and commit it."
    return (
        f"{path} differs from the API the server code defines; run `{REGENERATE_COMMAND}` "
        "and commit the result.\n\n" + diff(expected, actual)
    )


def write(path: Path | None = None) -> bool:
    """Rewrite the committed copy; True when it changed."""
    path = path or COMMITTED_PATH
    text = render(current_openapi())
    if committed_text(path) == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m advisoros_desktop.server.openapi_file",
        description="Write or check the committed OpenAPI document of the AdvisorOS API.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help=f"rewrite {COMMITTED_PATH.name}")
    action.add_argument(
        "--check", action="store_true", help=f"exit 1 if {COMMITTED_PATH.name} is out of date"
    )
    args = parser.parse_args(argv)
    path = COMMITTED_PATH
    if args.write:
        changed = write(path)
        print(f"{'updated' if changed else 'unchanged'}: {path}")
        return 0
    problem = stale_message(render(current_openapi()), committed_text(path), path)
    if problem is None:
        print(f"up to date: {path}")
        return 0
    print(problem, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
