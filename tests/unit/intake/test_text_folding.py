"""Folding names to one spelling."""

from __future__ import annotations

import unicodedata

from advisoros_desktop.intake.text_folding import fold, same_form


def test_fold_lowers_strips_accents_and_splits_camel_case() -> None:
    assert fold("MüllerFarms") == "muller farms"
    assert fold(unicodedata.normalize("NFD", "Café")) == "cafe"
    assert fold("STRASSE Straße") == "strasse strasse"
    assert fold("ACME") == "acme"


def test_same_form_composes_macos_names() -> None:
    assert same_form(unicodedata.normalize("NFD", "Müller")) == "Müller"
