"""The name sent to the server: clean, normalised, at most 255 characters, never empty."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.domain.validators import normalize_text
from advisoros_desktop.intake.upload_names import (
    MAX_UPLOAD_NAME,
    shorten_name,
    split_extension,
    upload_file_name,
)

FOLDER = Path("/scans")


def test_an_ordinary_name_is_kept() -> None:
    assert upload_file_name(FOLDER / "W-2 Smith 2024.pdf") == "W-2 Smith 2024.pdf"


def test_decomposed_accents_are_composed() -> None:
    # macOS hands out names in decomposed form; the server and search expect composed.
    name = upload_file_name(FOLDER / "Releve\u0301 Mu\u0308ller.pdf")
    assert name == "Relevé Müller.pdf"
    assert unicodedata.is_normalized("NFC", name)


def test_control_characters_are_removed_and_white_space_collapsed() -> None:
    name = upload_file_name(FOLDER / "Bank\tstatement\n\x07March\x1b  2024 .pdf")
    assert name == "Bank statement March 2024 .pdf"


def test_direction_overrides_cannot_disguise_the_extension() -> None:
    # Shown as "Invoice-exe.pdf" by many file managers, it is an .exe.
    assert upload_file_name(FOLDER / "Invoice-\u202efdp.exe") == "Invoice-fdp.exe"


def test_undecodable_bytes_become_replacement_characters() -> None:
    name = upload_file_name(FOLDER / "caf\udce9.pdf")  # b"caf\xe9.pdf" on a UTF-8 system
    assert name == "caf\ufffd.pdf"
    name.encode("utf-8")  # sendable as JSON


def test_a_long_name_is_cut_to_255_characters_keeping_the_extension() -> None:
    name = upload_file_name(FOLDER / ("Quarterly report " * 30 + ".xlsx"))
    assert len(name) <= MAX_UPLOAD_NAME
    assert name.endswith("report.xlsx") or name.endswith(".xlsx")
    assert not name[: -len(".xlsx")].endswith(" ")


def test_a_cut_never_splits_an_emoji_sequence() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one picture, five code points
    name = upload_file_name(FOLDER / ("a" * 249 + family + ".pdf"))
    assert name == "a" * 249 + ".pdf"


def test_a_cut_never_leaves_a_bare_accent_or_half_a_flag() -> None:
    accented = upload_file_name(FOLDER / ("a" * 250 + "q\u0301z.pdf"))  # no composed q-acute
    assert accented == "a" * 250 + ".pdf"
    flags = upload_file_name(FOLDER / ("a" * 250 + "\U0001f1fa\U0001f1f8\U0001f1eb\U0001f1f7.pdf"))
    assert flags == "a" * 250 + ".pdf"
    kept = upload_file_name(FOLDER / ("a" * 249 + "\U0001f1fa\U0001f1f8\U0001f1eb\U0001f1f7.pdf"))
    assert kept == "a" * 249 + "\U0001f1fa\U0001f1f8.pdf"


def test_the_name_is_never_empty() -> None:
    assert upload_file_name(FOLDER / "\x01\x02") == "document"
    assert upload_file_name(FOLDER / "\x01.pdf") == "document.pdf"
    assert upload_file_name(FOLDER / "   ") == "document"
    assert upload_file_name(Path("/")) == "document"


def test_only_a_short_word_after_the_last_dot_is_an_extension() -> None:
    assert split_extension("scan.final.PDF") == ("scan.final", ".PDF")
    assert split_extension("Smith. Notes on the return") == ("Smith. Notes on the return", "")
    assert split_extension(".bashrc") == (".bashrc", "")
    assert split_extension("archive.") == ("archive.", "")


def test_shorten_name_measures_as_it_is_told() -> None:
    def fits_in_20_bytes(name: str) -> bool:
        return len(name.encode()) <= 20

    shortened = shorten_name("年度報告書類一式.pdf", fits_in_20_bytes)
    assert shortened == "年度報告書.pdf"
    assert shorten_name("x.pdf", lambda name: False) == ""


@given(st.text(st.characters(blacklist_characters="/\x00"), min_size=1, max_size=600))
def test_any_name_becomes_an_acceptable_one(raw: str) -> None:
    path = FOLDER / raw
    name = upload_file_name(path)
    assert name
    assert len(name) <= MAX_UPLOAD_NAME
    assert unicodedata.is_normalized("NFC", name)
    assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in name)
    assert normalize_text(name, MAX_UPLOAD_NAME) == name  # the server stores it unchanged
    _stem, extension = split_extension(unicodedata.normalize("NFC", path.name))
    if extension and extension.isascii():
        assert name.endswith(extension)
