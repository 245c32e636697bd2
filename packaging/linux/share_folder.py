"""Puts the Linux desktop integration files into the built folder, in the XDG layout.

A one-folder build is not installed by a package manager, so it carries its
menu entry, AppStream metainfo and icons in ``share/`` laid out as under
``/usr/share`` or ``~/.local/share``: installing is copying ``share/`` there
and putting the two programs on the ``PATH`` (see ``packaging/README.md``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from product import APP_ID, GUI_NAME

PACKAGING = Path(__file__).resolve().parent.parent
ICON_NAME = "advisoros"  # the desktop file's Icon= key


def share_files(svg: Path, png: Path) -> dict[str, Path]:
    """Destination inside ``share/`` → source file."""
    return {
        f"applications/{GUI_NAME}.desktop": PACKAGING / f"{GUI_NAME}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml": PACKAGING / f"{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{ICON_NAME}.svg": svg,
        f"icons/hicolor/256x256/apps/{ICON_NAME}.png": png,
    }


def add_share_folder(app_folder: Path, svg: Path, png: Path) -> list[Path]:
    """Copy the integration files into ``app_folder/share``; returns what was written."""
    written = []
    for destination, source in share_files(svg, png).items():
        target = app_folder / "share" / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
