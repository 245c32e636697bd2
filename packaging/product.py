"""What every package format says about the program: its names, its id and its version.

The Windows version resource, the macOS ``Info.plist``, the AppStream
metainfo and the PyInstaller spec all repeat these facts; reading them from
here (and the version from ``pyproject.toml``, where pip reads it) keeps a
release from saying 0.1.0 in one place and 0.2.0 in another.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent

DISPLAY_NAME = "AdvisorOS Desktop"
PUBLISHER = "AdvisorOS"
# Reverse-DNS id: the AppStream component id and the macOS bundle identifier.
APP_ID = "com.advisoros.desktop"
SUMMARY = "Practice management for CPA firms, online or offline"
COPYRIGHT = "Copyright © AdvisorOS. All rights reserved."

GUI_NAME = "advisoros-desktop"  # the window program; also the output folder's name
CLI_NAME = "advisoros"  # server, accounts, sync, intake and extract from a terminal


def version(pyproject: Path = REPO / "pyproject.toml") -> str:
    """The project's version, as pip and ``pyproject.toml`` state it."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def numeric_version(text: str, parts: int = 4) -> tuple[int, ...]:
    """``"0.1.0"`` as ``(0, 1, 0, 0)``: Windows and macOS accept only numbers.

    A pre-release (``0.2.0rc1``) keeps the numbers of the release it leads to.
    """
    release = Version(text).release[:parts]
    return tuple(release) + (0,) * (parts - len(release))
