"""The built folder's ``share/``: menu entry, metainfo and icons where XDG looks for them."""

from __future__ import annotations

import configparser
from pathlib import Path

from linux.share_folder import ICON_NAME, add_share_folder
from product import APP_ID, GUI_NAME, REPO


def test_lays_out_share_as_xdg_does(tmp_path: Path) -> None:
    png = tmp_path / "advisoros.png"
    png.write_bytes(b"png")
    app = tmp_path / GUI_NAME
    written = add_share_folder(app, svg=REPO / "resources" / "advisoros.svg", png=png)
    share = app / "share"
    assert sorted(path.relative_to(share).as_posix() for path in written) == sorted(
        [
            f"applications/{GUI_NAME}.desktop",
            f"metainfo/{APP_ID}.metainfo.xml",
            f"icons/hicolor/scalable/apps/{ICON_NAME}.svg",
            f"icons/hicolor/256x256/apps/{ICON_NAME}.png",
        ]
    )
    assert (share / f"icons/hicolor/256x256/apps/{ICON_NAME}.png").read_bytes() == b"png"


def test_icon_name_is_the_desktop_entrys() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(REPO / "packaging" / f"{GUI_NAME}.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == ICON_NAME
