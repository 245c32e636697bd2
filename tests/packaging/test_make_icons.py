"""The icon files drawn from the SVG: every size Windows and macOS want, sharp, transparent."""

from __future__ import annotations

from pathlib import Path

import pytest
from make_icons import ICNS_NAME, ICO_NAME, ICO_SIZES, PNG_NAME, PNG_SIZE, main, make_icons, render
from PIL import Image
from product import REPO

SVG = REPO / "resources" / "advisoros.svg"
BADGE_BLUE = (0x1F, 0x4E, 0x79)


@pytest.fixture(autouse=True, scope="module")
def application(qapp: object) -> object:
    # Drawing needs a Qt application; without one, make_icons would create a
    # QGuiApplication that later widget tests could not use.
    return qapp


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_icons(tmp_path_factory.mktemp("icons"))


def test_ico_holds_every_size_windows_picks_from(icons: dict[str, Path]) -> None:
    with Image.open(icons[ICO_NAME]) as ico:
        assert ico.info["sizes"] == {(size, size) for size in ICO_SIZES}


def test_icns_reads_back_at_full_size(icons: dict[str, Path]) -> None:
    with Image.open(icons[ICNS_NAME]) as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024 px Retina image


def test_png_is_the_drawing_on_transparency(icons: dict[str, Path]) -> None:
    with Image.open(icons[PNG_NAME]) as png:
        assert png.size == (PNG_SIZE, PNG_SIZE)
        rgba = png.convert("RGBA")
        assert rgba.getpixel((1, 1))[3] == 0  # outside the rounded badge
        assert rgba.getpixel((PNG_SIZE // 8, PNG_SIZE // 2))[:3] == BADGE_BLUE


def test_small_sizes_are_drawn_not_shrunk() -> None:
    # Drawn at 16 px the badge's edge is crisp: its centre-left pixel is the full colour.
    small = render(SVG, 16)
    assert small.size == (16, 16)
    assert small.getpixel((2, 8))[:3] == BADGE_BLUE


@pytest.mark.qt_log_ignore("Cannot read file")
def test_refuses_a_file_that_is_not_svg(tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("not a drawing", encoding="utf-8")
    with pytest.raises(ValueError, match="not an SVG"):
        render(broken, 16)


def test_command_line_needs_one_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
