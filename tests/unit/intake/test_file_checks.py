"""Files the server would refuse are recognised before upload, each with a reason and advice."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfWriter

from advisoros_desktop.domain.upload_limits import UploadLimits
from advisoros_desktop.intake.file_checks import (
    FileProblem,
    accepted_types_in_words,
    check_file,
    mime_type_of,
)
from tests.conftest import SHARED
from tests.unit.intake.other_user import as_other_user, open_folder

CORPUS = SHARED / "corpus"
LIMITS = UploadLimits()
ACCEPTED = "PDF, JPEG, PNG, TIFF, HEIC, CSV, text, Excel and Word"

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
TIFF = b"II*\x00" + b"\x00" * 64
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00" + b"\x00" * 64
ZIP = b"PK\x03\x04" + b"\x00" * 64


def _pdf(pages: int = 1, *, user_password: str | None = None, algorithm: str = "AES-256") -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _problem(path: Path, limits: UploadLimits = LIMITS) -> FileProblem:
    _mime, problem = check_file(path, limits)
    assert problem is not None, f"{path.name} passed the checks"
    return problem


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    with open_folder() as folder:
        yield folder


# -- good files -------------------------------------------------------------------------


def _corpus_documents() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        path for path in CORPUS.rglob("*") if path.suffix.lower() in (".pdf", ".jpg", ".jpeg")
    )


def test_every_document_of_the_shared_corpus_passes() -> None:
    documents = _corpus_documents()
    if not documents:
        pytest.skip(f"the shared test corpus is not at {CORPUS} (a checkout without ../shared)")
    for path in documents:
        mime, problem = check_file(path, LIMITS)
        assert problem is None, f"{path.name}: {problem}"
        expected = "application/pdf" if path.suffix.lower() == ".pdf" else "image/jpeg"
        assert mime == expected, path.name


def test_a_small_pdf_passes(tmp_path: Path) -> None:
    path = _write(tmp_path / "W-2 Smith.pdf", _pdf(pages=3))
    assert check_file(path, LIMITS) == ("application/pdf", None)


def test_a_pdf_with_only_an_owner_password_passes(tmp_path: Path) -> None:
    # Opens without a password (printing or editing may be restricted): AdvisorOS can read it.
    path = _write(tmp_path / "statement.pdf", _pdf(user_password=""))
    assert check_file(path, LIMITS) == ("application/pdf", None)


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("receipt.jpg", JPEG, "image/jpeg"),
        ("receipt.JPEG", JPEG, "image/jpeg"),
        ("scan.png", PNG, "image/png"),
        ("scan.tif", TIFF, "image/tiff"),
        ("photo.heic", HEIC, "image/heic"),
        ("ledger.csv", b"date,amount\n2024-01-02,10.00\n", "text/csv"),
        ("notes.txt", b"Call the client about the K-1.\n", "text/plain"),
        ("ledger.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ledger.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 60, "application/vnd.ms-excel"),
        (
            "letter.docx",
            ZIP,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("letter.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 60, "application/msword"),
    ],
)
def test_accepted_types_pass(tmp_path: Path, name: str, data: bytes, mime: str) -> None:
    assert check_file(_write(tmp_path / name, data), LIMITS) == (mime, None)


# -- the type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("scan", JPEG, "image/jpeg"),  # no extension: the scanner forgot it
        ("scan.pdf", JPEG, "image/jpeg"),  # wrong extension
        ("scan.jpg", b"%PDF-1.7\n", "application/pdf"),
        ("image.pdf", PNG, "image/png"),
        ("page", TIFF, "image/tiff"),
        ("IMG_0042", HEIC, "image/heic"),
        ("SCAN.PDF", b"garbage", "application/pdf"),  # by extension when the bytes say nothing
        ("archive.zip", ZIP, "application/zip"),
        ("data", b"\x00\x01\x02", None),
    ],
)
def test_type_from_first_bytes_then_extension(
    tmp_path: Path, name: str, data: bytes, mime: str | None
) -> None:
    assert mime_type_of(_write(tmp_path / name, data)) == mime


def test_type_of_an_unreadable_or_missing_file_comes_from_its_extension(tmp_path: Path) -> None:
    assert mime_type_of(tmp_path / "gone.csv") == "text/csv"


def test_an_unsupported_type_names_the_type_and_what_is_accepted(tmp_path: Path) -> None:
    problem = _problem(_write(tmp_path / "client files.zip", ZIP))
    assert problem.code == "unsupported_type"
    assert "“client files.zip”" in problem.message
    assert "ZIP (application/zip)" in problem.message
    assert f"accepts {ACCEPTED} files" in problem.message
    assert "PDF" in problem.advice


def test_an_unknown_type_is_unsupported(tmp_path: Path) -> None:
    problem = _problem(_write(tmp_path / "data", b"\x00\x01\x02"))
    assert problem.code == "unsupported_type"
    assert "unknown type" in problem.message


def test_the_server_s_own_list_of_types_is_what_counts(tmp_path: Path) -> None:
    pdf_only = UploadLimits.from_server({"allowedMimeTypes": ["application/pdf"]})
    problem = _problem(_write(tmp_path / "receipt.jpg", JPEG), pdf_only)
    assert problem.code == "unsupported_type"
    assert "a file of type JPEG" in problem.message
    assert "accepts PDF files" in problem.message


def test_accepted_types_are_listed_once_each_in_words() -> None:
    assert accepted_types_in_words(LIMITS) == ACCEPTED
    assert accepted_types_in_words(UploadLimits(1, ("application/x-custom",))) == (
        "application/x-custom"
    )


# -- size -------------------------------------------------------------------------------


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan0001.pdf", b"")
    mime, problem = check_file(path, LIMITS)
    assert mime == "application/pdf"
    assert problem is not None and problem.code == "empty"
    assert "“scan0001.pdf” is empty" in problem.message


def test_a_file_over_the_server_s_limit_says_its_size_and_the_limit(tmp_path: Path) -> None:
    limits = UploadLimits(max_upload_bytes=2 * 1024 * 1024)
    path = _write(tmp_path / "tax return.pdf", _pdf() + b"\n" * (3 * 1024 * 1024))
    problem = _problem(path, limits)
    assert problem.code == "too_large"
    assert "“tax return.pdf” is 3.0 MB" in problem.message
    assert "at most 2 MB" in problem.message


def test_a_file_exactly_at_the_limit_passes(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.txt", b"x" * 1000)
    assert check_file(path, UploadLimits(max_upload_bytes=1000)) == ("text/plain", None)


# -- damaged and protected PDFs ---------------------------------------------------------


def test_a_pdf_that_cannot_be_opened_is_corrupt(tmp_path: Path) -> None:
    problem = _problem(_write(tmp_path / "scan.pdf", b"%PDF-1.7\n" + os.urandom(4000)))
    assert problem.code == "corrupt_pdf"
    assert "“scan.pdf” is not a usable PDF" in problem.message


def test_a_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = _pdf(pages=5)
    problem = _problem(_write(tmp_path / "half.pdf", whole[: len(whole) // 2]))
    assert problem.code == "corrupt_pdf"


def test_a_pdf_without_pages_is_corrupt(tmp_path: Path) -> None:
    problem = _problem(_write(tmp_path / "blank.pdf", _pdf(pages=0)))
    assert problem.code == "corrupt_pdf"
    assert "no pages" in problem.message


def test_a_file_named_pdf_that_is_not_one_is_corrupt(tmp_path: Path) -> None:
    problem = _problem(_write(tmp_path / "invoice.pdf", b"<html>Not found</html>"))
    assert problem.code == "corrupt_pdf"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_with_a_password_to_open_it_is_refused(tmp_path: Path, algorithm: str) -> None:
    path = _write(tmp_path / "1099 Jones.pdf", _pdf(user_password="s3cret", algorithm=algorithm))
    problem = _problem(path)
    assert problem.code == "encrypted_pdf"
    assert "“1099 Jones.pdf” is protected by a password" in problem.message
    assert "without a password" in problem.advice


def test_many_pdfs_are_checked_at_once_on_worker_threads(tmp_path: Path) -> None:
    # Throughput is measured by `make bench` (intake_drop); here: threads agree.
    data = _pdf(pages=2)
    paths = [_write(tmp_path / f"scan{n:04}.pdf", data) for n in range(200)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda path: check_file(path, LIMITS), paths))
    assert results == [("application/pdf", None)] * 200


# -- what is not a readable file --------------------------------------------------------


def test_a_file_that_is_gone_is_reported(tmp_path: Path) -> None:
    problem = _problem(tmp_path / "moved.pdf")
    assert problem.code == "gone"
    assert "“moved.pdf” is no longer there" in problem.message


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_link_to_nothing_is_reported(tmp_path: Path) -> None:
    link = tmp_path / "shortcut.pdf"
    link.symlink_to(tmp_path / "deleted.pdf")
    problem = _problem(link)
    assert problem.code == "gone"
    assert "shortcut" in problem.message


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_link_loop_is_not_a_file(tmp_path: Path) -> None:
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    assert _problem(loop).code == "not_a_file"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "Smith 2024.pdf"
    folder.mkdir()
    problem = _problem(folder)
    assert problem.code == "not_a_file"
    assert "is a folder" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_not_a_file_and_is_never_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "scanner.pdf"
    os.mkfifo(pipe)  # opening it would wait for a writer forever
    assert _problem(pipe).code == "not_a_file"


def test_a_file_that_may_not_be_read_is_unreadable(shared_folder: Path) -> None:
    path = _write(shared_folder / "payroll.pdf", _pdf())
    path.chmod(0o000)
    problem = as_other_user(_problem, path)
    assert problem.code == "unreadable"
    assert "“payroll.pdf” could not be opened" in problem.message
    assert "another program" in problem.message
    assert "permission" in problem.advice


def test_a_file_in_a_folder_that_may_not_be_entered_is_unreadable(shared_folder: Path) -> None:
    private = shared_folder / "private"
    private.mkdir()
    path = _write(private / "payroll.pdf", _pdf())
    private.chmod(0o000)
    problem = as_other_user(_problem, path)
    assert problem.code == "unreadable"
