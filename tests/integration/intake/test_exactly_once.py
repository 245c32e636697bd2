"""Every file reaches the firm exactly once: across kill -9, the server going away, copies,
second looks at a folder and files put back after they were processed.

Each test ends with the same three-way check: the server holds one document
per distinct file, the watched folders' ``.processed`` hold exactly as many
files as the server has documents, and every other copy is a ``duplicate``
linked to the document it repeats.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from advisoros_desktop.intake.disposition import PROCESSED_FOLDER
from advisoros_desktop.intake.intake_engine import IntakeTarget
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.store.upload_queue import UploadJob
from advisoros_desktop.sync.upload_refusals import WAITING_FOR_SERVER
from tests.conftest import PASSWORD, LiveServer
from tests.integration.intake.intake_desk import (
    Office,
    content,
    documents,
    duplicates,
    eventually,
    files_in,
    jobs,
    processed,
    running_intake,
    settled,
    watched,
)
from tests.integration.intake.sample_files import pdf_bytes, write

REPO = Path(__file__).resolve().parents[3]
CHILD = "tests/integration/intake/intake_child.py"
CLIENT = "Gonzalez Household"


def head_offset(office: Office, upload_id: str) -> int | None:
    response = office.account.http.head(f"/uploads/{upload_id}")
    return int(response.headers["Upload-Offset"]) if response.status_code == 200 else None


def start_child(
    office: Office, data_dir: Path, root: Path, log: Path, errors: Path
) -> subprocess.Popen[bytes]:
    """``intake_child.py`` watching ``root`` with the cache in ``data_dir``, signed in."""
    with errors.open("ab") as stderr:
        child = subprocess.Popen(
            [
                *(sys.executable, CHILD, "--server", office.url, "--email", office.email),
                *("--data-dir", str(data_dir), "--folder", str(root), "--log", str(log)),
            ],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    assert child.stdin is not None
    child.stdin.write(PASSWORD.encode() + b"\n")
    child.stdin.close()
    return child


def read_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


# -- crashes ----------------------------------------------------------------------------------


def test_intake_killed_mid_upload_finishes_after_a_restart_without_a_duplicate_or_a_loss(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client(CLIENT)
    root = tmp_path / "Scans"
    data_dir = tmp_path / "desk"
    files = {
        "return 2025.pdf": pdf_bytes("the big one", size=1_500_000),
        "W-2.pdf": pdf_bytes("a small one"),
        "1099-INT.pdf": pdf_bytes("another small one"),
    }
    for name, data in files.items():
        write(root / CLIENT / name, data)
    log, errors = tmp_path / "child.log", tmp_path / "child.err"
    # Killed three times, each once the server holds more of the big file.
    for kill_at in (100_000, 600_000, 1_100_000):
        child = start_child(office, data_dir, root, log, errors)
        deadline = time.monotonic() + 60
        try:
            while not any(
                e["event"] == "patch" and e["pid"] == child.pid and e["offset"] > kill_at
                for e in read_log(log)
            ):
                assert child.poll() is None, errors.read_text(errors="replace")[-4000:]
                assert time.monotonic() < deadline, f"the child sent nothing past {kill_at:,}"
                time.sleep(0.005)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
    [big_upload] = {e["upload"] for e in read_log(log) if e["event"] == "patch" and e["offset"]}
    held = head_offset(office, big_upload)
    assert held is not None and 1_100_000 < held < len(files["return 2025.pdf"]), held

    async def restart() -> list[UploadJob]:
        async with running_intake(office.url, office.email, data_dir, [watched(root)]) as service:
            await eventually(settled(service, 3), "the three files after the restart")
            await asyncio.sleep(0.5)  # the start's walk offers nothing new
            return jobs(service)

    found = asyncio.run(restart())
    assert [j.state for j in found] == ["done"] * 3, [(j.file_name, j.reason) for j in found]
    on_server = {d["fileName"]: d for d in documents(office.account)}
    assert sorted(on_server) == sorted(files)
    for name, data in files.items():
        assert content(office.account, on_server[name]["id"]) == data
    big = next(j for j in found if j.upload_id == big_upload)
    assert big.document_id == big_upload  # the upload resumed, not started again
    assert processed(root) == sorted(f"{CLIENT}/{name}" for name in files)
    assert files_in(root / CLIENT) == []


# -- the server away --------------------------------------------------------------------------


def test_files_taken_while_the_server_is_away_wait_and_go_when_it_is_back(
    tmp_path: Path,
) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    account = live.account()
    account.create_client(CLIENT)
    root = tmp_path / "Scans"
    files = {f"statement {n}.pdf": pdf_bytes(f"statement {n}", size=60_000) for n in range(3)}

    async def scenario() -> tuple[list[UploadJob], list[UploadJob]]:
        nonlocal server
        async with running_intake(
            server.url, account.email, tmp_path / "desk", [watched(root)]
        ) as (service):
            await asyncio.to_thread(server.stop)
            for name, data in files.items():
                write(root / CLIENT / name, data)
            await eventually(
                lambda: (
                    len(jobs(service)) == 3
                    and all(j.reason == WAITING_FOR_SERVER for j in jobs(service))
                ),
                "the files to wait for the server",
            )
            offline = jobs(service)
            assert files_in(root) == sorted(f"{CLIENT}/{name}" for name in files)
            server = await asyncio.to_thread(lambda: EmbeddedServer(config, port=port).start())
            await eventually(settled(service, 3), "the files to go once the server is back")
            return offline, jobs(service)

    try:
        offline, back = asyncio.run(scenario())
        assert [j.state for j in offline] == ["waiting"] * 3
        assert all(j.sha256 and j.client_id for j in offline)  # checked and routed offline
        assert [j.state for j in back] == ["done"] * 3
        on_server = {d["fileName"]: d for d in documents(account)}
        assert sorted(on_server) == sorted(files)
        for name, data in files.items():
            assert content(account, on_server[name]["id"]) == data
        assert processed(root) == sorted(f"{CLIENT}/{name}" for name in files)
    finally:
        live.close()
        server.stop()


# -- the same file again ----------------------------------------------------------------------


def test_the_same_file_dropped_twice_and_a_copy_of_it_make_one_document(
    office: Office, tmp_path: Path
) -> None:
    client_id = office.account.create_client(CLIENT)
    data = pdf_bytes("1099-DIV Vanguard")
    dropped = write(tmp_path / "Downloads" / "1099-DIV.pdf", data)
    copy = write(tmp_path / "Desktop" / "1099-DIV (1).pdf", data)
    target = IntakeTarget(client_id=client_id)

    async def scenario() -> tuple[list[Any], list[UploadJob]]:
        async with running_intake(office.url, office.email, tmp_path / "desk") as service:
            submit = service.engine.submit
            reports = [await asyncio.to_thread(submit, [dropped], target=target)]
            await eventually(settled(service, 1), "the first drop")
            reports.append(await asyncio.to_thread(submit, [dropped], target=target))
            reports.append(await asyncio.to_thread(submit, [copy, dropped], target=target))
            await eventually(settled(service, 2), "the copy")
            return reports, jobs(service)

    reports, found = asyncio.run(scenario())
    assert [(r.queued, r.already_taken) for r in reports] == [(1, 0), (0, 1), (1, 1)]
    [document] = documents(office.account)
    first, second = found
    assert (first.state, first.document_id) == ("done", document["id"])
    assert (second.state, second.document_id) == ("duplicate", document["id"])
    assert second.reason == "The firm already has this file."
    assert dropped.read_bytes() == copy.read_bytes() == data  # dropped files stay where they are


def test_a_dropped_file_that_failed_is_tried_again_when_dropped_again(
    office: Office, tmp_path: Path
) -> None:
    client_id = office.account.create_client(CLIENT)
    blank = write(tmp_path / "Downloads" / "blank.pdf", b"")
    target = IntakeTarget(client_id=client_id)

    async def scenario() -> tuple[list[Any], list[UploadJob]]:
        async with running_intake(office.url, office.email, tmp_path / "desk") as service:
            first = await asyncio.to_thread(service.engine.submit, [blank], target=target)
            await eventually(settled(service, 1), "the first try")
            again = await asyncio.to_thread(service.engine.submit, [blank], target=target)
            await eventually(settled(service, 2), "the second try")
            return [first, again], jobs(service)

    reports, found = asyncio.run(scenario())
    assert [(r.queued, r.already_taken) for r in reports] == [(1, 0), (1, 0)]
    assert [j.state for j in found] == ["failed", "failed"]
    assert blank.exists() and documents(office.account) == []


def test_a_copy_in_two_watched_folders_and_a_second_look_make_one_document(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client(CLIENT)
    scanner, printer = tmp_path / "Scanner", tmp_path / "Print to PDF"
    data = pdf_bytes("W-2 Acme")
    twice = pdf_bytes("two copies in one folder")

    async def scenario() -> list[UploadJob]:
        folders = [watched(scanner), watched(printer)]
        async with running_intake(office.url, office.email, tmp_path / "desk", folders) as service:
            write(scanner / CLIENT / "W-2.pdf", data)
            await eventually(settled(service, 1), "the scanner's copy")
            write(printer / CLIENT / "W-2 printed.pdf", data)
            write(scanner / CLIENT / "copy one.pdf", twice)
            write(scanner / CLIENT / "copy two.pdf", twice)
            await eventually(settled(service, 4), "the other copies")
            service.rescan()  # after a sleep: every folder looked at again
            await asyncio.sleep(1.0)
            return jobs(service)

    found = asyncio.run(scenario())
    assert len(found) == 4, "a second look took a file again"
    on_server = documents(office.account)
    assert len(on_server) == 2
    by_name = {Path(j.path).name: j for j in found}
    w2 = by_name["W-2.pdf"]
    assert w2.state == "done"
    printed = by_name["W-2 printed.pdf"]
    assert (printed.state, printed.document_id) == ("duplicate", w2.document_id)
    copies = [by_name["copy one.pdf"], by_name["copy two.pdf"]]
    assert sorted(j.state for j in copies) == ["done", "duplicate"]
    assert copies[0].document_id == copies[1].document_id is not None
    assert processed(scanner) == [f"{CLIENT}/W-2.pdf", f"{CLIENT}/{copies_done(copies)}"]
    assert processed(printer) == []
    assert duplicates(printer) == [f"{CLIENT}/W-2 printed.pdf"]
    assert len(processed(scanner)) + len(processed(printer)) == len(on_server)


def copies_done(copies: list[UploadJob]) -> str:
    [done] = [Path(j.path).name for j in copies if j.state == "done"]
    return done


def test_a_processed_file_renamed_and_put_back_is_a_duplicate_not_a_second_document(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client(CLIENT)
    root = tmp_path / "Scans"
    data = pdf_bytes("engagement letter")

    async def scenario() -> list[UploadJob]:
        async with running_intake(office.url, office.email, tmp_path / "desk", [watched(root)]) as (
            service
        ):
            write(root / CLIENT / "letter.pdf", data)
            await eventually(settled(service, 1), "the letter")
            [done] = list((root / PROCESSED_FOLDER).rglob("letter.pdf"))
            # Someone fishes it out of .processed under a name of their own.
            shutil.move(done, root / CLIENT / "letter signed.pdf")
            await eventually(settled(service, 2), "the renamed letter")
            return jobs(service)

    first, again = asyncio.run(scenario())
    [document] = documents(office.account)
    assert (first.state, first.document_id) == ("done", document["id"])
    assert (again.state, again.document_id) == ("duplicate", document["id"])
    assert processed(root) == []  # the person took it out of there
    assert duplicates(root) == [f"{CLIENT}/letter signed.pdf"]
