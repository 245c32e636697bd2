"""The Linux menu entry ``packaging/advisoros-desktop.desktop``.

Always parsed for the keys menus need; ``desktop-file-validate`` (Debian's
``desktop-file-utils``) checks the rest where it is installed.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest
from product import GUI_NAME, REPO

DESKTOP_FILE = REPO / "packaging" / f"{GUI_NAME}.desktop"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_has_the_keys_menus_need() -> None:
    keys = entry()
    assert keys["Type"] == "Application"
    assert keys["Name"] == "AdvisorOS Desktop"
    assert keys["Comment"]
    assert keys["Icon"] == "advisoros"
    assert keys["Terminal"] == "false"
    assert {"Office", "Finance"} <= set(keys["Categories"].rstrip(";").split(";"))
    assert keys["Categories"].endswith(";") and keys["Keywords"].endswith(";")
    assert "tax" in keys["Keywords"].split(";")


def test_exec_runs_the_window_program_without_file_arguments() -> None:
    # The program opens no files from its command line; %F would make it refuse to start.
    assert entry()["Exec"] == GUI_NAME
    assert entry()["StartupWMClass"] == GUI_NAME


def test_desktop_file_validate_accepts_it() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [validator, str(DESKTOP_FILE)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()
