"""``advisoros intake --once`` as a real process against the server, as a scanner PC runs it.

What a script around the command relies on: the summary line, the exit code
(0 all taken, 3 some failed, 2 a mistake in the command, 1 no server), the
folders tidied, and nothing taken twice by the next run.
"""

from __future__ import annotations

from pathlib import Path

from tests.integration.intake.intake_command import run_intake_command, summary
from tests.integration.intake.intake_desk import Office, documents, failed, files_in, processed
from tests.integration.intake.sample_files import pdf_bytes, write, write_pdf


def test_once_uploads_what_is_there_tidies_the_folder_and_says_so(
    office: Office, tmp_path: Path
) -> None:
    gonzalez = office.account.create_client("Gonzalez Household")
    okafor = office.account.create_client("Okafor Dental PLLC")
    root = tmp_path / "Scans"
    write_pdf(root / "Gonzalez Household" / "2025" / "W-2.pdf")
    write_pdf(root / "Okafor Dental PLLC" / "invoice 1001.pdf")
    write(root / "Okafor Dental PLLC" / "~$letter.docx", b"an Office lock file")
    desk = tmp_path / "desk"

    first = run_intake_command(office.url, office.email, str(root), "--once", data_dir=desk)

    assert first.returncode == 0, first.stderr
    assert summary(first) == "Firm A: taken 2, duplicates 0, failed 0, ignored 1"
    by_client = {d["clientId"]: d for d in documents(office.account)}
    assert by_client[gonzalez]["fileName"] == "W-2.pdf" and by_client[gonzalez]["year"] == 2025
    assert by_client[okafor]["fileName"] == "invoice 1001.pdf"
    assert processed(root) == [
        "Gonzalez Household/2025/W-2.pdf",
        "Okafor Dental PLLC/invoice 1001.pdf",
    ]
    assert files_in(root / "Okafor Dental PLLC") == ["~$letter.docx"]
    assert "HTTP Request" not in first.stdout  # one line per file, not per request

    # The next run: a copy of a file already sent, and nothing taken twice.
    write(root / "Gonzalez Household" / "W-2 again.pdf", _processed_bytes(root, "W-2.pdf"))
    second = run_intake_command(office.url, office.email, str(root), "--once", data_dir=desk)

    assert second.returncode == 0, second.stderr
    assert summary(second) == "Firm A: taken 0, duplicates 1, failed 0, ignored 1"
    assert len(documents(office.account)) == 2


def _processed_bytes(root: Path, name: str) -> bytes:
    [found] = list((root / ".processed").rglob(name))
    return found.read_bytes()


def test_once_with_a_file_that_fails_exits_3_and_keeps_it_with_a_note(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client("Gonzalez Household")
    root = tmp_path / "Scans"
    write(root / "Gonzalez Household" / "blank scan.pdf", b"")
    write_pdf(root / "Gonzalez Household" / "W-2.pdf")

    result = run_intake_command(
        office.url, office.email, str(root), "--once", data_dir=tmp_path / "desk"
    )

    assert result.returncode == 3, result.stderr
    assert summary(result) == "Firm A: taken 1, duplicates 0, failed 1, ignored 0"
    assert "failed: " in result.stdout and "“blank scan.pdf” is empty (0 bytes)" in result.stdout
    assert failed(root) == [
        "Gonzalez Household/blank scan.pdf",
        "Gonzalez Household/blank scan.pdf.error.txt",
    ]
    assert processed(root) == ["Gonzalez Household/W-2.pdf"]


def test_client_sends_every_file_to_that_client_whatever_its_folder(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client("Gonzalez Household")
    okafor = office.account.create_client("Okafor Dental PLLC")
    root = tmp_path / "Okafor scans"
    write_pdf(root / "Gonzalez Household" / "misfiled.pdf")  # the --client wins over folders
    write_pdf(root / "bank statement.pdf")
    write(root / "receipt.png", pdf_bytes("not really a PNG, a PDF named .png"))

    result = run_intake_command(
        office.url,
        office.email,
        str(root),
        "--once",
        "--client",
        "okafor dental",
        data_dir=tmp_path / "desk",
    )

    assert result.returncode == 0, result.stderr
    assert summary(result) == "Firm A: taken 3, duplicates 0, failed 0, ignored 0"
    on_server = documents(office.account)
    assert {d["clientId"] for d in on_server} == {okafor}
    assert sorted(d["fileName"] for d in on_server) == [
        "bank statement.pdf",
        "misfiled.pdf",
        "receipt.png",
    ]


def test_a_client_name_that_fits_several_exits_2_naming_them_and_takes_nothing(
    office: Office, tmp_path: Path
) -> None:
    office.account.create_client("Gonzalez Household")
    office.account.create_client("Gonzales Family Trust")
    office.account.create_client("Okafor Dental PLLC")
    root = tmp_path / "Scans"
    scan = write_pdf(root / "W-2.pdf")

    result = run_intake_command(
        office.url, office.email, str(root), "--once", "--client", "Gonzal", data_dir=tmp_path / "d"
    )

    assert result.returncode == 2
    assert "“Gonzal” does not name one client clearly; did you mean" in result.stderr
    assert "“Gonzalez Household”" in result.stderr and "“Gonzales Family Trust”" in result.stderr
    assert "Okafor" not in result.stderr
    assert scan.exists() and files_in(root) == ["W-2.pdf"]
    assert documents(office.account) == []


def test_a_client_nobody_has_exits_2_saying_so(office: Office, tmp_path: Path) -> None:
    office.account.create_client("Gonzalez Household")
    root = tmp_path / "Scans"
    write_pdf(root / "W-2.pdf")

    result = run_intake_command(
        office.url,
        office.email,
        str(root),
        "--once",
        "--client",
        "Zebra Holdings",
        data_dir=tmp_path / "d",
    )

    assert result.returncode == 2
    assert "Zebra Holdings" in result.stderr
    assert documents(office.account) == []


def test_a_folder_that_is_not_there_exits_2_before_signing_in(
    office: Office, tmp_path: Path
) -> None:
    there = tmp_path / "Scans"
    there.mkdir()
    missing = tmp_path / "Unplugged drive" / "Scans"

    result = run_intake_command(
        office.url, office.email, str(there), str(missing), "--once", data_dir=tmp_path / "d"
    )

    assert result.returncode == 2
    assert result.stderr.strip() == f"advisoros intake: not a folder: {missing}"
    assert result.stdout == ""
