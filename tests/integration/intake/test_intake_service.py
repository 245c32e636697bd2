"""``IntakeService`` end to end: watched folders on disk, real watchdog, the real server.

Routing from the folders a file sits in, the triage of files for a client the
firm does not have, and the watched folder itself misbehaving: links that loop,
a drive unplugged and plugged back, ten thousand files at once. Each test waits
until every job is finished and tidied, then checks the three places that must
agree: the upload queue, the folders on disk, and the documents the server holds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from advisoros_desktop.intake.disposition import PROCESSED_FOLDER
from advisoros_desktop.store.upload_queue import UploadJob
from tests.integration.intake.intake_desk import (
    Office,
    content,
    documents,
    eventually,
    files_in,
    job_named,
    jobs,
    processed,
    running_intake,
    settled,
    watched,
)
from tests.integration.intake.sample_files import pdf_bytes, write, write_pdf

T = TypeVar("T")


def run(scenario: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(scenario)


# -- routing ---------------------------------------------------------------------------------


def test_a_file_in_client_year_and_category_folders_reaches_that_client_as_that_document(
    office: Office, tmp_path: Path
) -> None:
    account = office.account
    gonzalez = account.create_client("Gonzalez Household")
    account.create_client("Okafor Dental PLLC")
    root = tmp_path / "Scans"
    data = pdf_bytes("W-2 from Acme Corp", size=40_000)
    relative = Path("Gonzalez Household") / "2025" / "W-2" / "W-2 Acme.pdf"

    async def scenario() -> None:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            write(root / relative, data)
            await eventually(settled(service, 1), "the W-2 to be uploaded and tidied")
            [job] = jobs(service)
            assert job.state == "done", job.reason
            assert (job.client_id, job.year, job.category) == (gonzalez, 2025, "w2")
            assert job.route_confidence is not None and job.route_confidence >= 0.85

    run(scenario())
    [document] = documents(account)
    assert document["clientId"] == gonzalez
    assert (document["year"], document["category"]) == (2025, "w2")
    assert document["fileName"] == "W-2 Acme.pdf" and document["source"] == "watched_folder"
    assert content(account, document["id"]) == data
    today = dt.date.today().isoformat()
    assert files_in(root) == [f"{PROCESSED_FOLDER}/{today}/{relative.as_posix()}"]
    assert (root / PROCESSED_FOLDER / today / relative).read_bytes() == data


def test_an_unknown_client_folder_waits_unsorted_until_a_person_assigns_it(
    office: Office, tmp_path: Path
) -> None:
    account = office.account
    account.create_client("Gonzalez Household")
    later = account.create_client("Zimmerman Bakery")
    root = tmp_path / "Scans"
    scan = Path("Nobody We Know Ltd") / "1099-INT.pdf"

    async def scenario() -> None:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            write_pdf(root / scan)
            await eventually(
                lambda: [j.state for j in jobs(service)] == ["unsorted"], "the file to be unsorted"
            )
            [job] = jobs(service)
            assert job.client_id is None and job.reason is None
            assert job.route_reason == "folder 'Nobody We Know Ltd' matches no client"
            await asyncio.sleep(0.5)  # nothing moves while nobody has decided
            assert files_in(root) == [scan.as_posix()]
            assert documents(account) == []

            assigned = await asyncio.to_thread(service.engine.assign, [job.upload_id], later)
            assert assigned == 1
            await eventually(settled(service, 1), "the assigned file to be uploaded")
            done = job_named(service, "1099-INT.pdf")
            assert done.state == "done" and done.client_id == later
            assert done.route_reason == "assigned by hand"

    run(scenario())
    [document] = documents(account)
    assert document["clientId"] == later and document["category"] == "1099"
    assert processed(root) == [scan.as_posix()]


# -- the folder itself -------------------------------------------------------------------------


def test_a_link_loop_in_a_watched_folder_does_not_hang_and_the_real_files_are_taken(
    office: Office, tmp_path: Path
) -> None:
    root = tmp_path / "Scans"
    office.account.create_client("Gonzalez Household")
    client = root / "Gonzalez Household"
    early = write_pdf(client / "W-2.pdf")
    (client / "again").symlink_to(client)  # Gonzalez Household/again/again/again/...
    (root / "everything").symlink_to(root)

    async def scenario() -> None:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            await eventually(settled(service, 1), "the file there before the start")
            write_pdf(client / "1099-DIV.pdf")
            await eventually(settled(service, 2), "the file added while watching")
            service.rescan()  # a walk through the loops again takes nothing twice
            await asyncio.sleep(1.0)
            assert [j.state for j in jobs(service)] == ["done", "done"]

    run(scenario())
    assert sorted(d["fileName"] for d in documents(office.account)) == ["1099-DIV.pdf", "W-2.pdf"]
    assert processed(root) == ["Gonzalez Household/1099-DIV.pdf", "Gonzalez Household/W-2.pdf"]
    assert not early.exists() and (client / "again").is_symlink()


def test_a_watched_folder_unplugged_and_plugged_back_is_missing_then_watched_again(
    office: Office, tmp_path: Path
) -> None:
    root = tmp_path / "USB drive" / "Scans"
    office.account.create_client("Gonzalez Household")
    away = tmp_path / "drive in another computer"
    statuses: list[tuple[str, str]] = []

    async def scenario() -> None:
        async with running_intake(
            office.url,
            office.email,
            tmp_path / "desk",
            [watched(root)],
            on_folder_status=lambda _path, state, message: statuses.append((state, message)),
        ) as service:
            state = lambda: service.folder_states.get(str(root), ("", ""))[0]  # noqa: E731
            await eventually(lambda: state() == "watching", "watching to start")
            write_pdf(root / "Gonzalez Household" / "before.pdf")
            await eventually(settled(service, 1), "the first file")

            os.rename(root.parent, away)  # the drive is unplugged
            await eventually(lambda: state() == "missing", "the folder to be missing")
            # Filled elsewhere meanwhile, then plugged back in.
            write_pdf(away / "Scans" / "Gonzalez Household" / "while away.pdf")
            os.rename(away, root.parent)
            await eventually(lambda: state() == "watching", "watching to resume")
            write_pdf(root / "Gonzalez Household" / "after.pdf")
            await eventually(settled(service, 3), "the files of while it was away and after")

    run(scenario())
    assert [s for s, _m in statuses] == ["watching", "missing", "watching"]
    assert statuses[1][1] == (
        f"The folder {root} is not there (unplugged drive?); watching for it to come back."
    )
    assert sorted(d["fileName"] for d in documents(office.account)) == [
        "after.pdf",
        "before.pdf",
        "while away.pdf",
    ]
    assert processed(root) == [
        "Gonzalez Household/after.pdf",
        "Gonzalez Household/before.pdf",
        "Gonzalez Household/while away.pdf",
    ]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_folder_of_10000_files_is_taken_file_by_file_exactly_once(
    office: Office, tmp_path: Path
) -> None:
    """Ten thousand notes written straight into the watched folder, for a client the firm
    does not have yet: every one becomes exactly one job (waiting for a person to say
    whose it is), a second look takes none again, and the ones assigned are sent.

    Sending all ten thousand would measure the uploads (``make bench`` does), not
    whether each file is taken once; a sample of them goes the whole way.
    """
    count = 10_000
    later = office.account.create_client("Brand New Client LLC")
    root = tmp_path / "Scans"
    incoming = root / "New client, not in AdvisorOS yet"

    def write_notes() -> set[Path]:
        incoming.mkdir(parents=True)
        for number in range(count):
            (incoming / f"note {number:05}.txt").write_text(f"note number {number}\n")
        return set(incoming.iterdir())

    async def scenario() -> tuple[list[UploadJob], list[UploadJob]]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            queue = service.engine.queue
            written = await asyncio.to_thread(write_notes)
            await eventually(
                lambda: queue.count(["unsorted"]) == count,
                "every note to wait unsorted",
                timeout=600,
                every=1.0,
            )
            service.rescan()
            await asyncio.sleep(2.0)
            taken = jobs(service)
            assert {Path(j.path) for j in taken} == written
            sample = [j.upload_id for j in taken[:: count // 25]]
            await asyncio.to_thread(service.engine.assign, sample, later)
            await eventually(
                lambda: queue.count(["done"]) == len(sample) and not queue.unsettled_finished(),
                "the assigned notes to be sent",
                every=0.5,
            )
            return taken, jobs(service)

    taken, after = run(scenario())
    assert len(taken) == count and all(j.state == "unsorted" for j in taken)
    done = [j for j in after if j.state == "done"]
    assert len(after) == count and len(done) == 25
    on_server = documents(office.account)
    assert len(on_server) == len(processed(root)) == 25
    assert {d["clientId"] for d in on_server} == {later}
    assert len(files_in(incoming)) == count - 25
