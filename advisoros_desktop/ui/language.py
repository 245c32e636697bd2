"""The language AdvisorOS speaks, and the locale its numbers, amounts and dates follow.

The choice is the setting ``appearance/language``: ``system`` (the computer's
language when AdvisorOS has it, else English), ``en`` or ``es``. It is read
once, when the program starts: ``install_translators`` loads the compiled
catalogue (``i18n/advisoros_<lang>.qm``, built by ``make translations``) and
Qt's own (``qtbase_es.qm``, for the standard buttons and dialogs) before the
first window is built. A change made in the settings takes effect when
AdvisorOS restarts: every window builds its texts once, and rebuilding them
all live would be a lot of code for a choice made once.

The locale follows the language but keeps the computer's country, so an
accountant in the US who chooses Spanish gets ``es_US``: Spanish month names
and day-first short dates, US digit grouping (1,234.56). Amounts never take
the locale's currency: the firm bills in US dollars, whatever the language.
A computer with no locale configured (``C``/POSIX) counts as US English.

The catalogues are found beside the package in a checkout and under
``sys._MEIPASS`` in the PyInstaller bundle. A missing catalogue is not fatal:
the program then speaks English, and says so in the log.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

log = logging.getLogger(__name__)

LANGUAGE_KEY = "appearance/language"
LANGUAGE_CHOICES: tuple[str, ...] = ("system", "en", "es")
DEFAULT_LANGUAGE = "system"
# Languages with a catalogue; "system" resolves to one of these.
LANGUAGES: tuple[str, ...] = ("en", "es")
FALLBACK_LANGUAGE = "en"
CATALOGUE_PREFIX = "advisoros_"
# Qt's own catalogues, for the texts of its standard buttons and dialogs.
QT_CATALOGUES: tuple[str, ...] = ("qtbase",)
# The object name our translators carry, so installing again replaces them.
TRANSLATOR_NAME = "advisorosTranslator"

_Language = QLocale.Language
_LANGUAGE_CODES = {"en": _Language.English, "es": _Language.Spanish}

RESTART_NOTE = QT_TRANSLATE_NOOP("Language", "Takes effect when AdvisorOS restarts")


def language_labels() -> dict[str, str]:
    """The choices as a settings dialog lists them: each language named in itself."""
    return {
        "system": QCoreApplication.translate("Language", "System default"),
        "en": "English",
        "es": "Español",
    }


def restart_note() -> str:
    """The line a settings page shows under the choice."""
    return QCoreApplication.translate("Language", RESTART_NOTE)


def language_choice(settings: QSettings) -> str:
    """The stored choice; anything unknown (a hand-edited file) counts as ``system``."""
    value = settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    choice = str(value).strip().lower() if value is not None else DEFAULT_LANGUAGE
    if choice not in LANGUAGE_CHOICES:
        log.warning("unknown %s %r in the settings; following the computer", LANGUAGE_KEY, value)
        return DEFAULT_LANGUAGE
    return choice


def set_language(settings: QSettings, choice: str) -> None:
    """Store the choice; it takes effect at the next start (``restart_note``)."""
    if choice not in LANGUAGE_CHOICES:
        raise ValueError(f"unknown language {choice!r}; expected one of {LANGUAGE_CHOICES}")
    settings.setValue(LANGUAGE_KEY, choice)


def system_locale() -> QLocale:
    """The computer's locale; one never configured (``C``) reads as US English."""
    system = QLocale.system()
    if system.language() == _Language.C:
        return QLocale(_Language.English, QLocale.Country.UnitedStates)
    return system


def display_locale() -> QLocale:
    """The locale numbers, amounts and dates are shown in: the default one
    ``install_translators`` set, or where nothing set it, the computer's."""
    locale = QLocale()
    if locale.language() == _Language.C:
        return system_locale()
    return locale


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """``en`` or ``es``: the chosen language, or for ``system`` the first of the
    computer's preferred languages AdvisorOS speaks (English when none is)."""
    if choice in LANGUAGES:
        return choice
    system = system if system is not None else system_locale()
    for name in system.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK_LANGUAGE


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale of ``language`` in the computer's country: Spanish in the US is ``es_US``.

    Where Qt knows no such pair (Spanish in Germany) it gives the language's main
    locale (``es_ES``). When the computer already speaks ``language`` its own
    locale is kept, with whatever formats the person set there.
    """
    system = system if system is not None else system_locale()
    wanted = _LANGUAGE_CODES[language]
    if system.language() == wanted:
        return system
    return QLocale(wanted, system.territory())


def translations_dir() -> Path:
    """``i18n/`` of the running program: the bundle's when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "i18n"
    return Path(__file__).resolve().parents[2] / "i18n"


def catalogue_path(language: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"{CATALOGUE_PREFIX}{language}.qm"


def install_translators(
    app: QCoreApplication, settings: QSettings, folder: Path | None = None
) -> str:
    """Load the chosen language's catalogues into ``app`` and make its locale the default.

    Call it before the first window is built. Returns the language now spoken
    (``en`` or ``es``): English when the chosen catalogue cannot be loaded.
    Calling it again replaces what an earlier call installed.
    """
    remove_translators(app)
    system = system_locale()
    language = resolve_language(language_choice(settings), system)
    ours = _translator(app, catalogue_path(language, folder))
    if ours is None and language != FALLBACK_LANGUAGE:
        log.warning("no %s catalogue in %s; AdvisorOS speaks English", language, folder)
        language = FALLBACK_LANGUAGE
        ours = _translator(app, catalogue_path(language, folder))
    if language != FALLBACK_LANGUAGE:
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for name in QT_CATALOGUES:
            if _translator(app, qt_folder / f"{name}_{language}.qm") is None:
                log.info("Qt's %s catalogue for %s is not installed", name, language)
    QLocale.setDefault(locale_for(language, system))
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Take out what ``install_translators`` put in, and give back the computer's locale."""
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def _translator(app: QCoreApplication, path: Path) -> QTranslator | None:
    """A catalogue loaded and installed, kept alive as a child of ``app``; None if unreadable."""
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not path.is_file() or not translator.load(str(path)):
        log.debug("no catalogue at %s", path)
        translator.setParent(None)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
