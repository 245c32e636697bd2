"""The intake settings survive a restart, and a damaged settings file never stops intake."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.routing import FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui.intake_settings import (
    GROUP,
    MAX_ASSIGNMENTS,
    IntakeSettings,
    group_for_account,
)


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_everything_is_read_back_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    settings = IntakeSettings(_settings(tmp_path))
    folder = WatchedFolder(tmp_path / "Scans — Müller", polling=True, after_upload="leave")
    rule = FilenameRule("re:^ACME_\\d+", client_id="c1", category="w2", year=2024)
    with qtbot.waitSignal(settings.changed):
        settings.set_folders([folder])
    settings.set_rules([rule])
    settings.add_assignments([("ACME_1.pdf", "c1", None, 2024)])
    settings.dismiss_suggestion("ACME_*")

    again = IntakeSettings(_settings(tmp_path))
    assert again.folders() == [folder]
    assert again.rules() == [rule]
    assert again.assignments() == [("ACME_1.pdf", "c1", None, 2024)]
    assert again.dismissed_suggestions() == {"ACME_*"}


def test_only_the_newest_assignments_are_kept(tmp_path: Path) -> None:
    settings = IntakeSettings(_settings(tmp_path))
    settings.add_assignments([(f"f{n}.pdf", "c1", None, None) for n in range(MAX_ASSIGNMENTS + 20)])
    kept = settings.assignments()
    assert len(kept) == MAX_ASSIGNMENTS
    assert kept[-1][0] == f"f{MAX_ASSIGNMENTS + 19}.pdf" and kept[0][0] == "f20.pdf"


def test_unreadable_entries_are_left_out_and_the_rest_applies(tmp_path: Path) -> None:
    raw = _settings(tmp_path)
    good = {"path": str(tmp_path), "after_upload": "move", "added_by_a_later_version": 1}
    raw.setValue("intake/folders", json.dumps([good, {"path": "/x", "after_upload": "shred"}]))
    raw.setValue(
        "intake/rules", json.dumps([{"pattern": "re:("}, {"pattern": "W2_*", "year": 2024}])
    )
    raw.setValue("intake/assignments", "{not json")
    raw.setValue("intake/dismissedSuggestions", json.dumps("not a list"))
    settings = IntakeSettings(raw)
    assert settings.folders() == [WatchedFolder(tmp_path)]
    assert settings.rules() == [FilenameRule("W2_*", year=2024)]
    assert settings.assignments() == []
    assert settings.dismissed_suggestions() == set()


def test_each_account_keeps_its_own_folders_and_rules(tmp_path: Path) -> None:
    local = group_for_account(True, "accounts/local-workspace/Demo/demo/cache.db")
    firm = group_for_account(False, "accounts/firm.example/Smith & Co/ana/cache.db")
    other = group_for_account(False, "accounts/firm.example/Smith & Co/ben/cache.db")
    assert local == GROUP  # where the local workspace always kept them
    assert len({local, firm, other}) == 3
    mine = IntakeSettings(_settings(tmp_path), group=firm)
    mine.set_folders([WatchedFolder(tmp_path / "Scans")])
    mine.set_rules([FilenameRule("ACME_*", client_id="c1")])
    assert IntakeSettings(_settings(tmp_path), group=other).folders() == []
    assert IntakeSettings(_settings(tmp_path), group=local).rules() == []
    assert IntakeSettings(_settings(tmp_path), group=firm).folders() == mine.folders()
