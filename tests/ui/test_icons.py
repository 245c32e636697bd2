"""Icons: every drawing a command names exists, draws sharp at any scale, in the
palette's text colour (so it shows on the dark theme), and the actions carry them."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui import icons
from advisoros_desktop.ui.command_actions import CommandActions
from advisoros_desktop.ui.command_icons import COMMAND_ICONS, VIEW_ICONS
from advisoros_desktop.ui.icons import app_icon, icon, icon_path, resources_dir
from advisoros_desktop.ui.theme import build_palette
from advisoros_desktop.ui.window_commands import TOOLBAR, VIEWS, register_window_commands

ALL_ICONS = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))


@pytest.fixture
def palette(qapp: QApplication) -> Iterator[None]:
    saved = QPalette(qapp.palette())
    yield
    qapp.setPalette(saved)


def opaque_colours(image: QImage) -> set[str]:
    """The colours of the pixels the drawing covers fully (its strokes' insides)."""
    return {
        image.pixelColor(x, y).name()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_the_icons_are_line_drawings_in_the_current_colour() -> None:
    assert len(ALL_ICONS) >= 20
    for name in ALL_ICONS:
        source = icon_path(name).read_bytes()
        assert QSvgRenderer(QByteArray(source)).isValid(), name
        assert b'viewBox="0 0 24 24"' in source, name
        assert b'stroke="currentColor"' in source, name
        # No colour of their own: the theme gives it.
        assert not re.search(rb"#[0-9a-fA-F]{3,6}\b", source), name


def test_every_named_icon_exists_and_names_a_real_command() -> None:
    registry = register_window_commands(CommandRegistry())
    ids = {command.id for command in registry}
    assert set(COMMAND_ICONS) <= ids, set(COMMAND_ICONS) - ids
    assert {view for view, _title, _key in VIEWS} == set(VIEW_ICONS)
    for name in {*COMMAND_ICONS.values(), *VIEW_ICONS.values()}:
        assert icon_path(name).is_file(), name
    for command_id in TOOLBAR:
        assert command_id is None or command_id in COMMAND_ICONS, command_id


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_an_icon_is_drawn_at_the_device_pixels_asked_for(qapp: QApplication, scale: float) -> None:
    pixmap = icon("sync").pixmap(QSize(16, 16), scale)
    assert pixmap.devicePixelRatio() == scale
    assert pixmap.size() == QSize(round(16 * scale), round(16 * scale))
    assert opaque_colours(pixmap.toImage()), "something is drawn"


@pytest.mark.usefixtures("palette")
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_an_icon_takes_the_palettes_text_colours(qapp: QApplication, dark: bool) -> None:
    palette = build_palette(dark)
    qapp.setPalette(palette)
    undo = icon("undo")  # made once; the colours are read when it is drawn
    normal = opaque_colours(undo.pixmap(QSize(48, 48)).toImage())
    assert normal == {palette.color(QPalette.ColorRole.WindowText).name()}
    disabled = opaque_colours(undo.pixmap(QSize(48, 48), QIcon.Mode.Disabled).toImage())
    assert disabled == {
        palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    }
    selected = opaque_colours(undo.pixmap(QSize(48, 48), QIcon.Mode.Selected).toImage())
    assert selected == {palette.color(QPalette.ColorRole.HighlightedText).name()}


@pytest.mark.usefixtures("palette")
def test_an_icon_follows_a_theme_change(qapp: QApplication) -> None:
    sync = icon("sync")
    qapp.setPalette(build_palette(False))
    light = opaque_colours(sync.pixmap(QSize(24, 24)).toImage())
    qapp.setPalette(build_palette(True))
    dark = opaque_colours(sync.pixmap(QSize(24, 24)).toImage())
    assert light != dark
    assert all(QColor(c).lightness() > 200 for c in dark)


def test_a_missing_drawing_is_an_empty_icon_and_a_log_line(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="advisoros_desktop.ui.icons"):
        assert icon("no-such-drawing").isNull()
    assert "no-such-drawing" in caplog.text


def test_the_application_icon_keeps_its_colours_at_every_size(qapp: QApplication) -> None:
    program = app_icon()
    assert not program.isNull()
    assert QSize(16, 16) in program.availableSizes()
    for size in (16, 32, 256):
        image = program.pixmap(QSize(size, size)).toImage()
        assert image.size() == QSize(size, size)
        assert image.pixelColor(size // 2, size // 5).name() == "#1f4e79"  # the tile, not text


def test_resources_come_from_the_bundle_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (resources_dir() / "advisoros.svg").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", "/opt/advisoros/_internal", raising=False)
    assert icons.resources_dir() == Path("/opt/advisoros/_internal/resources")


def test_actions_carry_their_icons_into_menus_and_the_toolbar(qtbot: QtBot) -> None:
    registry = register_window_commands(CommandRegistry())
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = CommandActions(registry, lambda: window, window)
    for command in registry:
        assert actions.action(command.id).icon().isNull() == (command.id not in COMMAND_ICONS)
    toolbar = actions.toolbar(list(TOOLBAR))
    assert all(not a.icon().isNull() for a in toolbar.actions() if not a.isSeparator())
