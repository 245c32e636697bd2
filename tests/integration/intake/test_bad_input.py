"""Bad input in a watched folder: each file gets a clear reason, and nothing is lost.

A refused file keeps its bytes: it moves to ``.failed`` under its path in the
watched folder, beside ``<name>.error.txt`` saying what went wrong and what to
do, and the upload queue shows the same reason. The refusals share one
intake run over one folder (a server with a 1 MB limit), so each is its own
test without each paying for a server and a watcher.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.intake import file_preparation
from advisoros_desktop.intake.disposition import FAILED_FOLDER, PROCESSED_FOLDER
from advisoros_desktop.intake.hashing import FileHash, hash_file
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.store.upload_queue import UploadJob
from tests.conftest import Account, LiveServer, start_server
from tests.integration.intake.intake_command import run_intake_command, summary
from tests.integration.intake.intake_desk import (
    Office,
    content,
    documents,
    eventually,
    failed,
    files_in,
    job_named,
    jobs,
    processed,
    running_intake,
    settled,
    watched,
)
from tests.integration.intake.sample_files import (
    corrupt_pdf,
    pdf_bytes,
    protected_pdf,
    write,
    write_pdf,
)

LIMIT = 1024 * 1024
CLIENT = "Gonzalez Household"


def said(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces (notes are wrapped)."""
    return " ".join(text.split())


# -- one folder of refusals --------------------------------------------------------------------


@dataclass
class Refusals:
    root: Path
    account: Account
    originals: dict[str, bytes]
    jobs: dict[str, UploadJob]
    client_id: str


REFUSED = {
    # name: (bytes maker, what the reason must say)
    "empty scan.pdf": (
        lambda: b"",
        "“empty scan.pdf” is empty (0 bytes); the scan or download that made it probably failed.",
    ),
    "whole year.pdf": (
        lambda: pdf_bytes("too big", size=LIMIT + 300_000),
        "AdvisorOS accepts files of at most 1 MB.",
    ),
    "setup.exe": (
        lambda: b"MZ\x90\x00" + os.urandom(3000),
        "AdvisorOS accepts PDF, JPEG, PNG, TIFF, HEIC, CSV, text, Excel and Word files.",
    ),
    "damaged.pdf": (
        corrupt_pdf,
        "“damaged.pdf” is not a usable PDF: it is damaged and cannot be opened.",
    ),
    "1099 Jones.pdf": (
        protected_pdf,
        "“1099 Jones.pdf” is protected by a password, so AdvisorOS cannot read it.",
    ),
}


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Refusals]:
    tmp_path = tmp_path_factory.mktemp("refusals")
    server = start_server(tmp_path, max_upload_bytes=LIMIT)
    live = LiveServer(server)
    try:
        account = live.account()
        client_id = account.create_client(CLIENT)
        root = tmp_path / "Scans"
        originals = {name: make() for name, (make, _said) in REFUSED.items()}
        originals["good.pdf"] = pdf_bytes("the one good file")

        async def scenario() -> dict[str, UploadJob]:
            async with running_intake(
                server.url, account.email, tmp_path / "desk", [watched(root)]
            ) as service:
                for name, data in originals.items():
                    write(root / CLIENT / name, data)
                await eventually(settled(service, len(originals)), "every file to be settled")
                return {Path(job.path).name: job for job in jobs(service)}

        yield Refusals(root, account, originals, asyncio.run(scenario()), client_id)
    finally:
        live.close()
        server.stop()


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_refused_file_fails_with_its_reason_and_is_kept_in_failed_beside_a_note(
    refusals: Refusals, name: str
) -> None:
    expected = REFUSED[name][1]
    job = refusals.jobs[name]
    assert job.state == "failed" and job.document_id is None
    assert job.reason is not None and expected in job.reason
    kept = refusals.root / FAILED_FOLDER / CLIENT / name
    assert job.path == str(kept)
    assert kept.read_bytes() == refusals.originals[name]
    note = kept.with_name(name + ".error.txt").read_text(encoding="utf-8")
    assert note.startswith(f"AdvisorOS could not upload “{name}”.")
    assert said(job.reason) in said(note)
    assert f"Where it was: {refusals.root / CLIENT / name}" in said(note)
    assert not (refusals.root / CLIENT / name).exists()


def test_the_refusals_beside_it_do_not_stop_a_good_file(refusals: Refusals) -> None:
    job = refusals.jobs["good.pdf"]
    assert job.state == "done"
    [document] = documents(refusals.account)
    assert document["id"] == job.document_id and document["clientId"] == refusals.client_id
    assert content(refusals.account, document["id"]) == refusals.originals["good.pdf"]
    assert processed(refusals.root) == [f"{CLIENT}/good.pdf"]
    assert sorted(failed(refusals.root)) == sorted(
        f"{CLIENT}/{name}{suffix}" for name in REFUSED for suffix in ("", ".error.txt")
    )


@pytest.mark.skipif(os.name == "nt", reason="file modes are POSIX")
def test_a_file_that_may_not_be_read_fails_saying_so_and_is_kept(
    office: Office, tmp_path: Path
) -> None:
    """Through ``advisoros intake --once`` (the same service, in a process of its own).

    As root the command runs without root's right to read any file (setpriv
    drops it), since chmod alone does not stop root; as any other user, the
    file's permissions are enough.
    """
    office.account.create_client(CLIENT)
    root = tmp_path / "Scans"
    payroll = write_pdf(root / CLIENT / "payroll.pdf")
    data = payroll.read_bytes()
    write_pdf(root / CLIENT / "W-2.pdf")
    payroll.chmod(0o000)

    result = run_intake_command(
        office.url,
        office.email,
        str(root),
        "--once",
        data_dir=tmp_path / "desk",
        as_other_than_root=True,
    )

    assert result.returncode == 3, result.stderr
    assert summary(result) == "Firm A: taken 1, duplicates 0, failed 1, ignored 0"
    kept = root / FAILED_FOLDER / CLIENT / "payroll.pdf"
    kept.chmod(0o600)
    assert kept.read_bytes() == data
    note = said(kept.with_name("payroll.pdf.error.txt").read_text(encoding="utf-8"))
    assert (
        "“payroll.pdf” could not be opened (Permission denied): another program may have it "
        "open, or your account may not be allowed to read it." in note
    )
    assert "ask whoever manages this computer or share for permission to read it" in note
    assert [d["fileName"] for d in documents(office.account)] == ["W-2.pdf"]


def test_a_refused_file_put_back_once_the_problem_is_fixed_is_taken_again(
    tmp_path: Path,
) -> None:
    """What the note advises: fix the problem (here the firm raises its size limit), then
    move the file back into the watched folder; intake started again takes it."""
    config = ServerConfig(data_dir=tmp_path / "server", max_upload_bytes=LIMIT)
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    account = live.account()
    account.create_client(CLIENT)
    root = tmp_path / "Scans"
    data = pdf_bytes("the whole year in one scan", size=LIMIT + 300_000)

    async def intake_until(count: int) -> list[UploadJob]:
        async with running_intake(
            server.url, account.email, tmp_path / "desk", [watched(root)]
        ) as (service):
            await eventually(settled(service, count), f"{count} jobs to be settled")
            return jobs(service)

    try:
        write(root / CLIENT / "whole year.pdf", data)
        [refused] = asyncio.run(intake_until(1))
        assert refused.state == "failed"
        server.stop()
        server = EmbeddedServer(replace(config, max_upload_bytes=4 * LIMIT), port=port).start()
        os.rename(
            root / FAILED_FOLDER / CLIENT / "whole year.pdf", root / CLIENT / "whole year.pdf"
        )

        first, again = asyncio.run(intake_until(2))
        assert first == refused
        assert again.state == "done", again.reason
        [document] = documents(account)
        assert content(account, document["id"]) == data
        assert processed(root) == [f"{CLIENT}/whole year.pdf"]
        assert failed(root) == [f"{CLIENT}/whole year.pdf.error.txt"]  # the old note stays
    finally:
        live.close()
        server.stop()


def test_retrying_a_refused_file_from_the_queue_keeps_the_folders_tidy(tmp_path: Path) -> None:
    """The queue's Retry on a file in ``.failed``: failing again leaves it there with a
    new note; once the problem is fixed (the firm's limit raised) it goes to
    ``.processed`` under its client's folder, as if it had never failed."""
    config = ServerConfig(data_dir=tmp_path / "server", max_upload_bytes=LIMIT)
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    account = live.account()
    account.create_client(CLIENT)
    root = tmp_path / "Scans"
    data = pdf_bytes("the whole year in one scan", size=LIMIT + 300_000)

    async def retried(first_time: bool) -> UploadJob:
        async with running_intake(
            server.url, account.email, tmp_path / "desk", [watched(root)]
        ) as (service):
            if first_time:
                write(root / CLIENT / "whole year.pdf", data)
                await eventually(settled(service, 1), "the first try")
            [job] = jobs(service)
            assert job.state == "failed"
            assert await asyncio.to_thread(service.engine.retry, [job.upload_id]) == 1
            await eventually(settled(service, 1), "the retry")
            return jobs(service)[0]

    try:
        again = asyncio.run(retried(first_time=True))
        assert again.state == "failed"
        assert failed(root) == [
            f"{CLIENT}/whole year.pdf",
            f"{CLIENT}/whole year.pdf (2).error.txt",
            f"{CLIENT}/whole year.pdf.error.txt",
        ]
        assert again.path == str(root / FAILED_FOLDER / CLIENT / "whole year.pdf")

        server.stop()
        server = EmbeddedServer(replace(config, max_upload_bytes=4 * LIMIT), port=port).start()
        done = asyncio.run(retried(first_time=False))
        assert done.state == "done", done.reason
        assert processed(root) == [f"{CLIENT}/whole year.pdf"]
        assert failed(root) == []  # the notes went with the file they were about
        [document] = documents(account)
        assert content(account, document["id"]) == data
    finally:
        live.close()
        server.stop()


# -- files that change under intake's feet ------------------------------------------------------


def test_a_file_still_being_written_is_taken_once_complete_after_it_stops(
    office: Office, tmp_path: Path
) -> None:
    root = tmp_path / "Scans"
    client_id = office.account.create_client(CLIENT)
    whole = pdf_bytes("a scan arriving page by page", size=400_000)
    pieces = [whole[start : start + 20_000] for start in range(0, len(whole), 20_000)]

    async def scenario() -> list[UploadJob]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            scan = root / CLIENT / "scanning.pdf"
            scan.parent.mkdir(parents=True)
            with open(scan, "wb") as handle:
                for piece in pieces:  # 20 pieces over about a second, each under the quiet period
                    handle.write(piece)
                    handle.flush()
                    await asyncio.sleep(0.05)
                    assert jobs(service) == [], "taken while still being written"
            await eventually(settled(service, 1), "the finished scan to be uploaded")
            await asyncio.sleep(0.5)  # nothing more comes of it
            return jobs(service)

    [job] = asyncio.run(scenario())
    assert job.state == "done" and job.size == len(whole)
    [document] = documents(office.account)
    assert document["clientId"] == client_id
    assert content(office.account, document["id"]) == whole
    assert processed(root) == [f"{CLIENT}/scanning.pdf"]


class HashingInterrupted:
    """``hash_file`` as intake calls it, with ``change`` done to the file after its first MB.

    Deterministic where a race against a real writer is not: between two chunks
    is exactly where another program's write lands in the middle of a hash.
    """

    def __init__(self, change: Any) -> None:
        self.change = change
        self.done = False

    def __call__(self, path: Path, **options: Any) -> FileHash:
        chunks = 0

        def between_chunks() -> bool:
            nonlocal chunks
            chunks += 1
            if chunks == 2 and not self.done:
                self.done = True
                self.change(path)
            stop = options.get("should_stop")
            return bool(stop and stop())

        return hash_file(path, chunk_bytes=1024 * 1024, should_stop=between_chunks)


def test_a_file_deleted_while_it_is_hashed_fails_saying_so_and_sends_nothing(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "Scans"
    office.account.create_client(CLIENT)
    interrupted = HashingInterrupted(lambda path: path.unlink())
    monkeypatch.setattr(file_preparation, "hash_file", interrupted)

    async def scenario() -> UploadJob:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            write(root / CLIENT / "moved away.pdf", pdf_bytes("gone", size=3_000_000))
            await eventually(settled(service, 1), "the deleted file's job to finish")
            return job_named(service, "moved away.pdf")

    job = asyncio.run(scenario())
    assert interrupted.done
    assert job.state == "failed" and job.reason is not None
    assert job.reason == (
        "“moved away.pdf” was deleted or moved away before AdvisorOS finished reading it. "
        "If it should still be uploaded, add it again from where it is now."
    )
    assert documents(office.account) == []
    assert files_in(root) == []  # nothing to keep: the person took the file away


def test_a_file_replaced_while_it_is_hashed_is_read_again_and_the_new_one_sent(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "Scans"
    office.account.create_client(CLIENT)
    first = pdf_bytes("first scan", size=3_000_000)
    second = pdf_bytes("corrected scan", size=2_500_000)

    def replace(path: Path) -> None:
        fresh = path.with_name("incoming.tmp")
        fresh.write_bytes(second)
        os.replace(fresh, path)

    interrupted = HashingInterrupted(replace)
    monkeypatch.setattr(file_preparation, "hash_file", interrupted)

    async def scenario() -> list[UploadJob]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            write(root / CLIENT / "statement.pdf", first)
            await eventually(settled(service, 1), "the replacement to be uploaded")
            await asyncio.sleep(1.0)  # long enough for the watcher to offer the new version
            return jobs(service)

    found = asyncio.run(scenario())
    assert interrupted.done
    [document] = documents(office.account)
    assert content(office.account, document["id"]) == second
    # The replacement was seen by the watcher as a new version; the job already
    # taking the file read it again instead of a second job racing it.
    [job] = found
    assert job.state == "done" and job.size == len(second), job
    assert processed(root) == [f"{CLIENT}/statement.pdf"]


# -- names ------------------------------------------------------------------------------------


def test_unicode_and_very_long_names_reach_the_server_readable_and_whole(
    office: Office, tmp_path: Path
) -> None:
    root = tmp_path / "Scans"
    office.account.create_client(CLIENT)
    start = "Relevé de compte – Société Générale – 東京支店 – 領収書 🧾📄 – "
    long_name = start + "x" * (200 - len(start) - len(".pdf")) + ".pdf"
    assert len(long_name) == 200 and len(long_name.encode()) <= 255  # as long as Linux allows
    decomposed = unicodedata.normalize("NFD", "Reçu café Zoë.pdf")  # as macOS writes it
    names = [long_name, decomposed, "请求书 2025 ✅.pdf"]
    data = {name: pdf_bytes(name) for name in names}

    async def scenario() -> list[UploadJob]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            for name in names:
                write(root / CLIENT / name, data[name])
            await eventually(settled(service, len(names)), "the three files to be uploaded")
            return jobs(service)

    found = asyncio.run(scenario())
    assert [j.state for j in found] == ["done"] * 3, [(j.file_name, j.reason) for j in found]
    on_server = {d["fileName"]: d for d in documents(office.account)}
    assert sorted(on_server) == sorted(unicodedata.normalize("NFC", n) for n in names)
    assert all(len(name) <= 255 for name in on_server)
    for name in names:
        document = on_server[unicodedata.normalize("NFC", name)]
        assert content(office.account, document["id"]) == data[name]
    assert processed(root) == sorted(f"{CLIENT}/{name}" for name in names)


def test_files_of_one_name_in_several_folders_are_all_taken_and_none_overwritten(
    office: Office, tmp_path: Path
) -> None:
    root = tmp_path / "Scans"
    office.account.create_client(CLIENT)
    first = {year: pdf_bytes(f"scan of {year}") for year in ("2024", "2025")}
    again = pdf_bytes("the scanner's next scan.pdf, same name, same folder")

    async def scenario() -> list[UploadJob]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            for year, data in first.items():
                write(root / CLIENT / year / "scan.pdf", data)
            await eventually(settled(service, 2), "both scans to be uploaded")
            write(root / CLIENT / "2024" / "scan.pdf", again)  # scanners reuse their names
            await eventually(settled(service, 3), "the next scan to be uploaded")
            return jobs(service)

    found = asyncio.run(scenario())
    assert [j.state for j in found] == ["done"] * 3
    on_server = documents(office.account)
    assert sorted(d["fileName"] for d in on_server) == ["scan.pdf"] * 3
    assert sorted(content(office.account, d["id"]) for d in on_server) == sorted(
        [*first.values(), again]
    )
    assert processed(root) == [
        f"{CLIENT}/2024/scan (2).pdf",
        f"{CLIENT}/2024/scan.pdf",
        f"{CLIENT}/2025/scan.pdf",
    ]
    today = root / PROCESSED_FOLDER / dt.date.today().isoformat() / CLIENT
    assert (today / "2024" / "scan.pdf").read_bytes() == first["2024"]
    assert (today / "2024" / "scan (2).pdf").read_bytes() == again
    assert (today / "2025" / "scan.pdf").read_bytes() == first["2025"]
