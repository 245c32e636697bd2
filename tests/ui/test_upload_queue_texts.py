"""The words the Intake view uses: sizes, durations, the totals line, folder states."""

from __future__ import annotations

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.upload_queue_texts import (
    duration_text,
    first_sentence,
    folder_state_text,
    folder_states_text,
    size_text,
    totals_text,
)


def test_sizes_read_as_file_managers_write_them() -> None:
    assert size_text(0) == "0 bytes"
    assert size_text(1) == "1 byte"
    assert size_text(999) == "999 bytes"
    assert size_text(1_000) == "1.0 KB"
    assert size_text(34_200_000) == "34.2 MB"
    assert size_text(120_000_000) == "120.0 MB"
    assert size_text(2_500_000_000_000_000) == "2,500.0 TB"


def test_durations_are_rounded_like_an_estimate() -> None:
    assert duration_text(3) == "a few seconds"
    assert duration_text(41) == "40 s"
    assert duration_text(119) == "2 min"
    assert duration_text(3_600) == "1 h"
    assert duration_text(3_900) == "1 h 5 min"


def test_the_totals_line_names_what_there_is_and_what_is_left() -> None:
    totals = QueueTotals(
        {"waiting": 12, "uploading": 3, "done": 140, "failed": 2, "duplicate": 1},
        bytes_total=120_000_000,
        bytes_done=34_200_000,
    )
    assert totals_text(totals, 119) == (
        "12 waiting · 3 uploading · 140 done · 2 failed · 1 duplicate — "
        "34.2 MB of 120.0 MB — about 2 min left"
    )
    assert totals_text(totals) == (
        "12 waiting · 3 uploading · 140 done · 2 failed · 1 duplicate — 34.2 MB of 120.0 MB"
    )
    two = QueueTotals({"duplicate": 2, "hashing": 1_500}, 0, 0)
    assert totals_text(two) == "1,500 checking · 2 duplicates"
    assert totals_text(QueueTotals({}, 0, 0)).startswith("Nothing in the upload queue.")


def test_a_reason_shows_its_first_sentence_in_a_cell() -> None:
    assert first_sentence("The file is empty. Scan it again.") == "The file is empty"
    assert first_sentence("Waiting for the server") == "Waiting for the server"
    assert first_sentence("  Split\nthe file.  ") == "Split the file"


def test_watched_folders_say_their_state_in_a_few_words() -> None:
    assert folder_state_text("/srv/Scans", "watching", "Watching /srv/Scans.") == "Scans: watching"
    assert folder_state_text("E:\\Scans", "missing", "") == (
        "E:\\Scans: not there (unplugged drive?) — waiting for it"
    )
    assert folder_state_text("/srv/Scans", "paused", "Paused.") == "Scans: paused"
    assert folder_state_text("/srv/Locked", "error", "denied") == (
        "/srv/Locked: cannot be opened — trying again"
    )
    assert (
        folder_states_text({"/b/Scans": ("watching", ""), "/a/Print": ("paused", "")})
        == "Print: paused · Scans: watching"
    )
