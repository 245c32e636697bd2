"""Light and dark theme: the computer's choice by default, or one the user forces.

The choice is the setting ``appearance/theme`` (``system``, ``light`` or
``dark``). Every platform gets the Fusion style with one of two palettes of
our own, so the program looks and reads the same on Windows, macOS and Linux
and its colours are known here rather than left to a platform theme (some
ship dark palettes with unreadable disabled or placeholder text).

With ``system`` the palette follows the operating system while the program
runs (``QStyleHints.colorSchemeChanged``); where the system says nothing
(offscreen, older desktops) that is light. A forced choice is also handed to
Qt (``QStyleHints.setColorScheme``) so native parts such as title bars and
file dialogs match where the platform allows it.

Colours the palette has no role for (problem text, pending edits, sync
states, flagged fields, banners) come from ``TONES`` (``tone_colour``) and
``SURFACES`` (``surface_colours``, ``surface_style``), picked by the palette
in effect, so a widget reads the right one whichever theme shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

THEME_KEY = "appearance/theme"
THEME_CHOICES: tuple[str, ...] = ("system", "light", "dark")
DEFAULT_THEME = "system"
STYLE = "Fusion"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# role -> (active and inactive, disabled); hex colours. Text on its background is at
# least 4.5:1 (placeholder text too: the details pane uses it for real labels).
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#efefef", "#efefef"),
    Role.WindowText: ("#141414", "#8c8c8c"),
    Role.Base: ("#ffffff", "#f7f7f7"),
    Role.AlternateBase: ("#f5f5f5", "#f5f5f5"),
    Role.ToolTipBase: ("#ffffdc", "#ffffdc"),
    Role.ToolTipText: ("#141414", "#141414"),
    Role.PlaceholderText: ("#5f5f5f", "#a0a0a0"),
    Role.Text: ("#141414", "#8c8c8c"),
    Role.Button: ("#efefef", "#efefef"),
    Role.ButtonText: ("#141414", "#8c8c8c"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#ffffff", "#ffffff"),
    Role.Midlight: ("#e3e3e3", "#e3e3e3"),
    Role.Mid: ("#a0a0a0", "#b8b8b8"),
    Role.Dark: ("#9f9f9f", "#bebebe"),
    Role.Shadow: ("#767676", "#b1b1b1"),
    Role.Highlight: ("#2a6ebb", "#919191"),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.Accent: ("#2a6ebb", "#919191"),
    Role.Link: ("#1a5fb4", "#6f8fb8"),
    Role.LinkVisited: ("#6a3fa0", "#9a86b3"),
}
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#2d2d2d", "#2d2d2d"),
    Role.WindowText: ("#e8e8e8", "#7d7d7d"),
    Role.Base: ("#1f1f1f", "#262626"),
    Role.AlternateBase: ("#272727", "#272727"),
    Role.ToolTipBase: ("#3a3a3a", "#3a3a3a"),
    Role.ToolTipText: ("#e8e8e8", "#e8e8e8"),
    Role.PlaceholderText: ("#a6a6a6", "#6e6e6e"),
    Role.Text: ("#e8e8e8", "#7d7d7d"),
    Role.Button: ("#383838", "#333333"),
    Role.ButtonText: ("#e8e8e8", "#7d7d7d"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#505050", "#444444"),
    Role.Midlight: ("#424242", "#3a3a3a"),
    Role.Mid: ("#5a5a5a", "#444444"),
    Role.Dark: ("#1a1a1a", "#1a1a1a"),
    Role.Shadow: ("#0a0a0a", "#0a0a0a"),
    Role.Highlight: ("#2f6fc2", "#4a4a4a"),
    Role.HighlightedText: ("#ffffff", "#a0a0a0"),
    Role.Accent: ("#2f6fc2", "#4a4a4a"),
    Role.Link: ("#7cb7ff", "#5d7fa6"),
    Role.LinkVisited: ("#c39bff", "#8a78a6"),
}

# tone -> (light theme, dark theme): text and marks in colours no palette role names.
# Each keeps 4.5:1 against the window and base colours of its theme.
TONES: dict[str, tuple[str, str]] = {
    "error": ("#c62828", "#ff8a80"),  # a problem, a refused key, a client gone
    "warning": ("#8a5a00", "#ffc46b"),  # an edit not sent yet, a field that needs a look
    "success": ("#1b6e20", "#81c784"),  # uploaded; a value a person typed
    "info": ("#1565c0", "#8ab4f8"),  # syncing
    "muted": ("#5f5f5f", "#a6a6a6"),  # machine-read values, hints
}
# surface -> (light, dark), each (background, text, border): banners, bubbles, marked
# rows. An empty text colour means the palette's own text colour.
SURFACES: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "error": (("#fdecea", "#5f1111", "#c62828"), ("#4a2323", "#ffd9d5", "#e57373")),
    "note": (("#fff8e1", "#3e2f00", "#b08900"), ("#3d3420", "#ffe9b0", "#c9a227")),
    "pending": (("#fff4d6", "#4a3500", "#e0b94f"), ("#3d3420", "#ffe9b0", "#c9a227")),
    "flagged": (("#fff3e0", "", "#e07800"), ("#40301a", "", "#ffa040")),
    "current": (("#e3edfb", "", "#1e5ac8"), ("#1f3252", "", "#6ea8ff")),
}


def theme_labels() -> dict[str, str]:
    """The choices as a settings dialog lists them, translated."""
    return {
        "system": QCoreApplication.translate("Theme", "Same as the computer"),
        "light": QCoreApplication.translate("Theme", "Light"),
        "dark": QCoreApplication.translate("Theme", "Dark"),
    }


def theme_choice(settings: QSettings) -> str:
    """The stored choice; anything unknown (a hand-edited file) counts as ``system``."""
    value = settings.value(THEME_KEY, DEFAULT_THEME)
    choice = str(value).strip().lower() if value is not None else DEFAULT_THEME
    if choice not in THEME_CHOICES:
        log.warning(
            "unknown %s %r in the settings; following the computer's theme", THEME_KEY, value
        )
        return DEFAULT_THEME
    return choice


def save_theme_choice(settings: QSettings, choice: str) -> None:
    _check(choice)
    settings.setValue(THEME_KEY, choice)


def build_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in (_DARK if dark else _LIGHT).items():
        palette.setColor(Group.Active, role, QColor(normal))
        palette.setColor(Group.Inactive, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window (whoever built it)."""
    return palette.color(Group.Active, Role.Window).lightness() < 128


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def tone_colour(tone: str, palette: QPalette | None = None) -> QColor:
    """``TONES[tone]`` for the theme of ``palette`` (the application's when None).

    Read it when painting (a model's ``ForegroundRole``, a ``paintEvent``) and it
    follows a theme change by itself."""
    light, dark = TONES[tone]
    return QColor(dark if is_dark(_palette(palette)) else light)


def surface_colours(surface: str, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """(background, text, border) of ``SURFACES[surface]`` for the theme of ``palette``."""
    chosen = _palette(palette)
    light, dark = SURFACES[surface]
    background, text, border = dark if is_dark(chosen) else light
    text_colour = QColor(text) if text else chosen.color(Group.Active, Role.Text)
    return QColor(background), text_colour, QColor(border)


def surface_style(surface: str, palette: QPalette | None = None) -> str:
    """Style-sheet declarations for a banner or bubble on ``surface``."""
    background, text, border = surface_colours(surface, palette)
    return (
        f"background: {background.name()}; color: {text.name()}; border: 1px solid {border.name()};"
    )


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class _SchemeFollower(QObject):
    """Keeps the palette in step with the system while the choice is ``system``."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("advisorosThemeFollower")
        self.app = app
        self.choice = DEFAULT_THEME
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            _set_palette(self.app, system_is_dark(self.app))


def _follower(app: QApplication) -> _SchemeFollower:
    found = app.findChild(_SchemeFollower, "advisorosThemeFollower")
    return found if isinstance(found, _SchemeFollower) else _SchemeFollower(app)


def applied_choice(app: QApplication) -> str:
    """The choice ``apply_theme`` last applied to ``app`` (``system`` before it ran)."""
    found = app.findChild(_SchemeFollower, "advisorosThemeFollower")
    return found.choice if isinstance(found, _SchemeFollower) else DEFAULT_THEME


def apply_theme(app: QApplication, choice: str) -> None:
    """Style and palette for ``choice`` (one of ``THEME_CHOICES``), at once and live:
    open windows repaint in the new colours. Safe to call again with another choice."""
    _check(choice)
    if app.style().name().lower() != STYLE.lower():
        app.setStyle(STYLE)
    follower = _follower(app)
    follower.choice = choice  # before the hint below, which may signal a change at once
    hints = app.styleHints()
    if choice == "system":
        hints.unsetColorScheme()
        dark = system_is_dark(app)
    else:
        dark = choice == "dark"
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    _set_palette(app, dark)
    log.info("theme %s (%s)", choice, "dark" if dark else "light")


def set_theme(app: QApplication, settings: QSettings, choice: str) -> None:
    """Keep ``choice`` and show it now: what a settings dialog calls."""
    save_theme_choice(settings, choice)
    apply_theme(app, choice)


def _set_palette(app: QApplication, dark: bool) -> None:
    palette = build_palette(dark)
    if app.palette() == palette:
        return
    app.setPalette(palette)
    # Style sheets that name palette colours (``palette(base)``) resolved them when
    # they were set; setting each again makes it and its children take the new ones.
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if "palette(" in sheet:
            widget.setStyleSheet(sheet)


def _check(choice: str) -> None:
    if choice not in THEME_CHOICES:
        raise ValueError(f"theme must be one of {', '.join(THEME_CHOICES)}, not {choice!r}")
