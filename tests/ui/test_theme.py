"""Light and dark theme: the stored choice, the palettes' contrast, switching live.

The offscreen platform reports no system colour scheme, which the program
takes as light; forcing a scheme is the program's own palette, so it is
tested here as it shows on every platform.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui import theme
from advisoros_desktop.ui.theme import (
    SURFACES,
    THEME_CHOICES,
    THEME_KEY,
    TONES,
    applied_choice,
    apply_theme,
    build_palette,
    is_dark,
    set_theme,
    surface_colours,
    theme_choice,
    tone_colour,
)

Role = QPalette.ColorRole
# (text role, background role) pairs people read; each must reach WCAG AA (4.5:1).
READ_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
]


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test process's application, given back as it was found."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    follower = qapp.findChild(theme._SchemeFollower, "advisorosThemeFollower")
    if follower is not None:
        shiboken6.delete(follower)
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_choice_defaults_to_the_system_and_keeps_what_was_saved(settings: QSettings) -> None:
    assert theme_choice(settings) == "system"
    for choice in THEME_CHOICES:
        theme.save_theme_choice(settings, choice)
        assert theme_choice(settings) == choice
    settings.setValue(THEME_KEY, " Dark ")  # typed by hand into settings.ini
    assert theme_choice(settings) == "dark"


def test_an_unknown_stored_theme_follows_the_system_and_says_so(
    settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.setValue(THEME_KEY, "purple")
    with caplog.at_level(logging.WARNING, logger="advisoros_desktop.ui.theme"):
        assert theme_choice(settings) == "system"
    assert "purple" in caplog.text


def test_an_unknown_choice_is_refused_before_anything_changes(
    app: QApplication, settings: QSettings
) -> None:
    with pytest.raises(ValueError, match="purple"):
        apply_theme(app, "purple")
    with pytest.raises(ValueError):
        theme.save_theme_choice(settings, "purple")
    assert settings.value(THEME_KEY) is None


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_palette_pair_people_read_has_aa_contrast(dark: bool) -> None:
    palette = build_palette(dark)
    assert is_dark(palette) is dark
    for text, background in READ_PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= 4.5, f"{text.name} on {background.name}: {ratio:.2f}"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_tones_and_surfaces_read_on_their_theme(dark: bool) -> None:
    palette = build_palette(dark)
    for tone in TONES:
        colour = tone_colour(tone, palette)
        for background in (Role.Window, Role.Base):
            ratio = contrast(colour, palette.color(background))
            assert ratio >= 4.5, f"{tone} on {background.name}: {ratio:.2f}"
    for surface in SURFACES:
        fill, text, _border = surface_colours(surface, palette)
        assert contrast(text, fill) >= 4.5, surface


def test_dark_and_light_apply_fusion_and_their_palette(app: QApplication) -> None:
    apply_theme(app, "dark")
    assert app.style().name().lower() == "fusion"
    assert is_dark(app.palette())
    assert app.palette().color(Role.Window) == QColor("#2d2d2d")
    assert applied_choice(app) == "dark"
    assert tone_colour("error") == QColor(TONES["error"][1])  # the application's palette
    apply_theme(app, "light")
    assert not is_dark(app.palette())
    assert tone_colour("error") == QColor(TONES["error"][0])


def test_system_without_a_system_scheme_is_light(app: QApplication) -> None:
    assert app.styleHints().colorScheme() == Qt.ColorScheme.Unknown  # offscreen says nothing
    apply_theme(app, "dark")
    apply_theme(app, "system")
    assert not is_dark(app.palette())
    assert applied_choice(app) == "system"


def test_a_system_change_is_followed_only_while_the_choice_is_system(app: QApplication) -> None:
    hints = app.styleHints()
    apply_theme(app, "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert is_dark(app.palette()), "a forced theme ignores the system"
    apply_theme(app, "system")
    app.setPalette(build_palette(True))  # as it was before the system switched back to light
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(app.palette())


def test_switching_live_recolours_open_widgets_and_style_sheets(
    qtbot: QtBot, app: QApplication, settings: QSettings
) -> None:
    apply_theme(app, "light")
    frame = QFrame()
    frame.setStyleSheet("QLabel#hint { color: palette(placeholder-text); }")
    hint = QLabel("hint", frame)
    hint.setObjectName("hint")
    plain = QLabel("plain", frame)
    layout = QVBoxLayout(frame)
    layout.addWidget(hint)
    layout.addWidget(plain)
    qtbot.addWidget(frame)
    frame.show()
    assert hint.palette().color(Role.WindowText) == QColor("#5f5f5f")

    set_theme(app, settings, "dark")  # what a settings dialog does
    assert theme_choice(settings) == "dark"
    dark = build_palette(True)
    assert plain.palette().color(Role.WindowText) == dark.color(Role.WindowText)
    assert hint.palette().color(Role.WindowText) == dark.color(Role.PlaceholderText)


def test_labels_name_every_choice() -> None:
    labels = theme.theme_labels()
    assert list(labels) == list(THEME_CHOICES)
    assert all(labels.values())
