"""The language setting: stored choices, which catalogue loads, and the locale that follows."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from advisoros_desktop.ui.language import (
    LANGUAGE_CHOICES,
    LANGUAGE_KEY,
    display_locale,
    install_translators,
    language_choice,
    language_labels,
    locale_for,
    remove_translators,
    resolve_language,
    restart_note,
    set_language,
    translations_dir,
)

I18N = Path(__file__).resolve().parents[2] / "i18n"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def compile_catalogues(folder: Path) -> Path:
    """The .qm files built from i18n/*.ts into ``folder`` (the tests never rely on a build)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(I18N.glob("advisoros_*.ts")):
        target = folder / source.with_suffix(".qm").name
        subprocess.run(
            [str(LRELEASE), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
    return folder


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_catalogues(tmp_path_factory.mktemp("i18n"))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    remove_translators(qapp)


def test_the_choice_is_stored_and_read_back(settings: QSettings) -> None:
    assert language_choice(settings) == "system"
    for choice in LANGUAGE_CHOICES:
        set_language(settings, choice)
        assert settings.value(LANGUAGE_KEY) == choice
        assert language_choice(settings) == choice


def test_an_unknown_choice_is_refused_or_read_as_system(settings: QSettings) -> None:
    with pytest.raises(ValueError, match="klingon"):
        set_language(settings, "klingon")
    settings.setValue(LANGUAGE_KEY, "klingon")  # a hand-edited file
    assert language_choice(settings) == "system"


def test_each_language_is_named_in_itself(app: QApplication) -> None:
    labels = language_labels()
    assert list(labels) == list(LANGUAGE_CHOICES)
    assert labels["en"] == "English" and labels["es"] == "Español"
    assert labels["system"] == "System default"
    assert restart_note() == "Takes effect when AdvisorOS restarts"


def test_system_follows_the_first_preferred_language_the_program_speaks() -> None:
    assert resolve_language("system", QLocale("es_MX")) == "es"
    assert resolve_language("system", QLocale("en_GB")) == "en"
    assert resolve_language("system", QLocale("fr_FR")) == "en"  # no French: English
    assert resolve_language("es", QLocale("en_US")) == "es"


def test_the_locale_keeps_the_computers_country() -> None:
    assert locale_for("es", QLocale("en_US")).name() == "es_US"
    assert locale_for("es", QLocale("es_MX")).name() == "es_MX"
    assert locale_for("en", QLocale("en_US")).name() == "en_US"
    assert locale_for("es", QLocale("de_DE")).name() == "es_ES"  # no Spanish for Germany


def test_spanish_installs_its_catalogue_qts_own_and_its_locale(
    app: QApplication, settings: QSettings, catalogues: Path
) -> None:
    set_language(settings, "es")
    assert install_translators(app, settings, catalogues) == "es"
    assert QCoreApplication.translate("Views", "Clients") == "Clientes"
    # Qt's own buttons come from qtbase_es.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert display_locale().language() == QLocale.Language.Spanish
    # Installing again replaces rather than stacks.
    set_language(settings, "en")
    assert install_translators(app, settings, catalogues) == "en"
    assert QCoreApplication.translate("Views", "Clients") == "Clients"
    assert display_locale().language() == QLocale.Language.English


def test_a_missing_catalogue_means_english(
    app: QApplication, settings: QSettings, tmp_path: Path
) -> None:
    set_language(settings, "es")
    assert install_translators(app, settings, tmp_path / "nowhere") == "en"
    assert QCoreApplication.translate("Views", "Clients") == "Clients"
    assert display_locale().language() == QLocale.Language.English


def test_removing_gives_back_english_and_the_computers_locale(
    app: QApplication, settings: QSettings, catalogues: Path
) -> None:
    set_language(settings, "es")
    install_translators(app, settings, catalogues)
    remove_translators(app)
    assert QCoreApplication.translate("Views", "Clients") == "Clients"
    assert QLocale() == QLocale.system()


def test_the_catalogues_are_looked_for_beside_the_package() -> None:
    assert translations_dir() == I18N
