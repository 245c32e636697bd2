"""Which events become notifications, gathered and paced, and switched off by the settings."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.batch_outcomes import BatchOutcome, FailedFile, NewFailures
from advisoros_desktop.ui.notifications import (
    BATCH_FINISHED,
    CONFLICTS,
    INTAKE_FAILURES,
    NOTIFICATION_SETTINGS,
    Notice,
    NotificationSettings,
    Notifier,
    notification_settings,
)
from advisoros_desktop.ui.tray_texts import batch_notice, conflict_notice, failure_notice

GATHER_MS = 30
GAP_MS = 400
PACING = {key: (GATHER_MS, GAP_MS) for key, _label in NOTIFICATION_SETTINGS}


class Screen:
    """The notices shown, and which view (if any) the active window shows."""

    def __init__(self) -> None:
        self.notices: list[Notice] = []
        self.showing: str | None = None  # None: the window is not active

    def notify(self, notice: Notice) -> None:
        self.notices.append(notice)

    def is_showing(self, view: str) -> bool:
        return self.showing is not None and (not view or view == self.showing)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def screen() -> Screen:
    return Screen()


@pytest.fixture
def notifier(settings: QSettings, screen: Screen) -> Notifier:
    return Notifier(settings, screen.notify, screen.is_showing, pacing=PACING)


def _outcome(batch_id: str = "b1", added: int = 3, failed: int = 0, **more: object) -> BatchOutcome:
    values: dict[str, object] = {
        "unsorted": 0,
        "duplicates": 0,
        "cancelled": 0,
        "clients": ("Smith & Co",),
        **more,
    }
    return BatchOutcome(batch_id, added, failed, **values)  # type: ignore[arg-type]


def _failures(batch_id: str = "b1", *names: str) -> NewFailures:
    files = tuple(
        FailedFile(name, "The file is locked by another program. Close it.") for name in names
    )
    return NewFailures(batch_id, len(names), files)


def _settle(qtbot: QtBot, ms: int = GATHER_MS * 4) -> None:
    qtbot.wait(ms)


def test_the_settings_table_lists_each_kind_once_and_all_are_on_by_default(
    settings: QSettings,
) -> None:
    keys = [key for key, _label in NOTIFICATION_SETTINGS]
    assert keys == [BATCH_FINISHED, CONFLICTS, INTAKE_FAILURES]
    assert keys == [
        "notifications/batchFinished",
        "notifications/conflicts",
        "notifications/intakeFailures",
    ]
    assert all(label for _key, label in NOTIFICATION_SETTINGS)
    assert [key for key, _label in notification_settings()] == keys  # labels translated
    chosen = NotificationSettings(settings)
    assert all(chosen.enabled(key) for key in keys)
    chosen.set_enabled(CONFLICTS, False)
    assert not chosen.enabled(CONFLICTS)
    with pytest.raises(KeyError):
        chosen.enabled("notifications/unknown")


@pytest.mark.parametrize(
    ("stored", "on"), [("false", False), ("0", False), ("true", True), ("?", True)]
)
def test_a_hand_edited_setting_is_read_the_way_it_was_meant(
    settings: QSettings, stored: str, on: bool
) -> None:
    settings.setValue(BATCH_FINISHED, stored)
    assert NotificationSettings(settings).enabled(BATCH_FINISHED) is on


def test_batches_finishing_together_become_one_notice_naming_the_client(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.batch_finished(_outcome("b1", 40))
    notifier.batch_finished(_outcome("b2", 2))
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    _settle(qtbot)
    [notice] = screen.notices
    assert notice.key == BATCH_FINISHED and notice.view == "intake" and not notice.warning
    assert notice.title == "Files added"
    assert notice.text == "42 files added to Smith & Co."


def test_a_notice_waits_for_the_gap_and_then_tells_what_came_meanwhile(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.batch_finished(_outcome("b1", 1))
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    notifier.batch_finished(_outcome("b2", 5, clients=("Jones LLC",)))
    notifier.batch_finished(_outcome("b3", 5, clients=("Smith & Co",)))
    _settle(qtbot)  # well past the gathering: the gap holds it back
    assert len(screen.notices) == 1
    qtbot.waitUntil(lambda: len(screen.notices) == 2, timeout=GAP_MS * 5)
    assert screen.notices[1].text == "10 files added to 2 clients."


def test_several_failures_within_a_few_seconds_become_one_notice(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.files_failed(_failures("b1", "W2.pdf"))
    notifier.files_failed(_failures("b2", "1099-INT.pdf", "Invoice.pdf"))
    notifier.files_failed(NewFailures("b2", 3, (FailedFile("K-1.pdf", "Too large."),)))
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    _settle(qtbot)
    [notice] = screen.notices
    assert notice.warning and notice.view == "intake"
    assert notice.title == "6 files could not be added"
    assert notice.text == "W2.pdf, 1099-INT.pdf, Invoice.pdf and 3 more. Retry them in Intake."


def test_one_failed_file_is_named_with_its_reason(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.files_failed(_failures("b1", "W2 Smith.pdf"))
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    assert screen.notices[0].title == "A file could not be added"
    assert screen.notices[0].text == (
        "W2 Smith.pdf: The file is locked by another program. Retry it in Intake."
    )


def test_failures_of_a_batch_that_finished_are_told_with_the_batch(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.files_failed(_failures("b1", "a.pdf"))
    notifier.files_failed(_failures("b2", "b.pdf"))
    notifier.batch_finished(_outcome("b1", 40, failed=1))
    qtbot.waitUntil(lambda: len(screen.notices) == 2)
    _settle(qtbot)
    by_kind = {n.key: n for n in screen.notices}
    assert by_kind[BATCH_FINISHED].text == (
        "40 files added to Smith & Co. 1 could not be added. Retry them in Intake."
    )
    assert by_kind[BATCH_FINISHED].warning
    assert by_kind[INTAKE_FAILURES].title == "A file could not be added"
    assert by_kind[INTAKE_FAILURES].text.startswith("b.pdf:")


def test_with_batch_notices_off_their_failures_are_still_told(
    qtbot: QtBot, notifier: Notifier, screen: Screen, settings: QSettings
) -> None:
    NotificationSettings(settings).set_enabled(BATCH_FINISHED, False)
    notifier.files_failed(_failures("b1", "a.pdf"))
    notifier.batch_finished(_outcome("b1", 40, failed=1))
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    _settle(qtbot)
    assert [n.key for n in screen.notices] == [INTAKE_FAILURES]


def test_conflicts_are_told_only_when_their_number_grows(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.conflicts_counted(2)  # the first count: what was there before
    notifier.conflicts_counted(2)
    _settle(qtbot)
    assert screen.notices == []
    notifier.conflicts_counted(3)
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    notice = screen.notices[0]
    assert notice.key == CONFLICTS and notice.view == "conflicts"
    assert notice.title == "A change needs your decision"
    assert notice.text.endswith("3 conflicts wait in all.")
    notifier.conflicts_counted(3)  # the same again: not news
    notifier.conflicts_counted(1)  # decided
    _settle(qtbot, GAP_MS * 2)
    assert len(screen.notices) == 1
    notifier.conflicts_counted(3)  # two new ones
    qtbot.waitUntil(lambda: len(screen.notices) == 2)
    assert screen.notices[1].title == "2 changes need your decision"


def test_a_kind_switched_off_is_not_shown_even_when_switched_off_while_gathering(
    qtbot: QtBot, notifier: Notifier, screen: Screen, settings: QSettings
) -> None:
    chosen = NotificationSettings(settings)
    chosen.set_enabled(INTAKE_FAILURES, False)
    notifier.files_failed(_failures("b1", "a.pdf"))
    assert notifier.pending(INTAKE_FAILURES) == 0
    notifier.batch_finished(_outcome())
    chosen.set_enabled(BATCH_FINISHED, False)  # before its gathering ends
    notifier.conflicts_counted(0)
    chosen.set_enabled(CONFLICTS, False)
    notifier.conflicts_counted(4)
    _settle(qtbot)
    assert screen.notices == []
    chosen.set_enabled(BATCH_FINISHED, True)
    notifier.batch_finished(_outcome())
    qtbot.waitUntil(lambda: len(screen.notices) == 1)


def test_nothing_is_told_about_what_the_active_window_already_shows(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    screen.showing = "clients"
    notifier.batch_finished(_outcome())  # the status bar says it, whatever the view
    notifier.files_failed(_failures("b9", "a.pdf"))  # not the Intake view: told
    qtbot.waitUntil(lambda: len(screen.notices) == 1)
    _settle(qtbot)
    assert [n.key for n in screen.notices] == [INTAKE_FAILURES]
    screen.showing = "conflicts"
    notifier.conflicts_counted(0)
    notifier.conflicts_counted(1)
    _settle(qtbot)
    assert len(screen.notices) == 1
    screen.showing = None  # the accountant went to another program
    notifier.conflicts_counted(2)
    qtbot.waitUntil(lambda: len(screen.notices) == 2)


def test_a_batch_whose_files_were_all_cancelled_tells_nothing(
    qtbot: QtBot, notifier: Notifier, screen: Screen
) -> None:
    notifier.batch_finished(_outcome(added=0, cancelled=12))
    _settle(qtbot)
    assert screen.notices == []


def test_a_notification_that_cannot_show_is_logged_not_raised(
    qtbot: QtBot, settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_notice: Notice) -> None:
        raise RuntimeError("no notification service")

    notifier = Notifier(settings, broken, lambda _view: False, pacing=PACING)
    with caplog.at_level(logging.ERROR):
        notifier.batch_finished(_outcome())
        qtbot.waitUntil(lambda: "could not be shown" in caplog.text)


@pytest.mark.parametrize(
    ("outcome", "title", "text"),
    [
        (_outcome(added=1), "Files added", "1 file added to Smith & Co."),
        (
            _outcome(added=0, failed=2),
            "Files could not be added",
            "2 files could not be added to Smith & Co. Retry them in Intake.",
        ),
        (
            _outcome(added=5, unsorted=2, duplicates=1, clients=()),
            "Files added",
            "5 files added. 2 need a client. 1 was there already.",
        ),
        (_outcome(added=0, unsorted=1, clients=()), "Files need a client", "1 needs a client."),
        (
            _outcome(added=0, duplicates=3),
            "Nothing new to add",
            "3 were there already.",
        ),
    ],
)
def test_batch_notices_say_what_became_of_the_files(
    outcome: BatchOutcome, title: str, text: str
) -> None:
    assert batch_notice([outcome]) == (title, text)


def test_failure_and_conflict_texts_say_nothing_for_nothing() -> None:
    assert failure_notice([]) is None
    assert conflict_notice(0, 3) is None
    assert conflict_notice(1, 1) == (
        "A change needs your decision",
        "Someone else changed what you changed. Choose which values to keep in Conflicts.",
    )
