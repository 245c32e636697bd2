"""Taxpayer ids and secrets become markers; dates, amounts, ids, sizes and times stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.diagnostics.redaction import EIN, PASSWORD, SSN, TIN, TOKEN, redact_text

SERVER_ACCESS = "at_Zk3vQ9mWb1x-Yp0_rTn8sLc2Hd7gFa4jKe6uVo5iNqM"
SERVER_REFRESH = "rt_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0X1c"
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
    ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SSNs and EINs in the shapes people and the validators write them
        ("client SSN 123-45-6789 saved", "client SSN [SSN] saved"),
        ("ssn=123 45 6789", "ssn=[SSN]"),
        ("EIN 12-3456789.", "EIN [EIN]."),
        ("'987-65-4321' is not a valid SSN", "'[SSN]' is not a valid SSN"),
        ("scan Smith 123-45-6789 W2.pdf", "scan Smith [SSN] W2.pdf"),
        ("2024-123-45-6789.pdf", "2024-[SSN].pdf"),
        ("x12-3456789y", "x[EIN]y"),
        # nine bare digits with a label in front
        ("SSN: 123456789", "SSN: [SSN]"),
        ("Social Security number is 123 456 789", "Social Security number is [SSN]"),
        ("social security no. 123456789", "social security no. [SSN]"),
        ("Employer identification number: 123456789", "Employer identification number: [EIN]"),
        ("FEIN #123456789", "FEIN #[EIN]"),
        ("tax id 123456789", "tax id [TIN]"),
        ("TIN=123456789", "TIN=[TIN]"),
        ("ITIN: 912345678", "ITIN: [TIN]"),
        ("SSNs: 123456789", "SSNs: [SSN]"),
        ('{"employeeSsn": "123456789"}', '{"employeeSsn": "[SSN]"}'),
        ('{"employerEin": "123456789"}', '{"employerEin": "[EIN]"}'),
        (
            '{"payerTin": "123456789", "recipientTin": "12 3456789"}',
            '{"payerTin": "[TIN]", "recipientTin": "[TIN]"}',
        ),
        ("{'taxId': 123456789}", "{'taxId': [TIN]}"),
        ("tax_id=12345 6789", "tax_id=[TIN]"),
        # ... and behind (the validators' messages)
        ("'123456789' is not a valid SSN: area 123", "'[SSN]' is not a valid SSN: area 123"),
        ("'12 3456789' is not an EIN (nine digits)", "'[EIN]' is not an EIN (nine digits)"),
        ("'123456789' is neither an EIN nor an SSN", "'[EIN]' is neither an EIN nor an SSN"),
        ("123456789 (SSN)", "[SSN] (SSN)"),
        # ... or as a file name
        ("added Smith_123456789_W2.pdf", "added Smith_[TIN]_W2.pdf"),
        ("added 123456789.pdf", "added [TIN].pdf"),
        ("added 123456789_w2.PDF", "added [TIN]_w2.PDF"),
        # tokens
        (f"Authorization: Bearer {SERVER_ACCESS}", f"Authorization: Bearer {TOKEN}"),
        ("authorization: Basic dXNlcjpwYXNz", f"authorization: Basic {TOKEN}"),
        ("Authorization=abc123", f"Authorization={TOKEN}"),
        ("sent with bearer abcdef123456", f"sent with bearer {TOKEN}"),
        (
            '{"accessToken": "abc", "refreshToken": "def", "expiresIn": 900}',
            f'{{"accessToken": "{TOKEN}", "refreshToken": "{TOKEN}", "expiresIn": 900}}',
        ),
        ("{'access_token': 'abc'}", f"{{'access_token': '{TOKEN}'}}"),
        ("GET /changes?token=abc123&since=5", f"GET /changes?token={TOKEN}&since=5"),
        ("refresh_token = xyz", f"refresh_token = {TOKEN}"),
        ("X-Api-Key: k-123", f"X-Api-Key: {TOKEN}"),
        ("clientSecret=s3cr3t", f"clientSecret={TOKEN}"),
        ("Cookie: session=abc", f"Cookie: {TOKEN}"),
        (f"refused {SERVER_REFRESH} (expired)", f"refused {TOKEN} (expired)"),
        (f"jwt {JWT} end", f"jwt {TOKEN} end"),
        (r"rules=\"[{\"token\": \"abcdef\"}]\"", rf"rules=\"[{{\"token\": \"{TOKEN}\"}}]\""),
        # passwords
        ("password=hunter2", f"password={PASSWORD}"),
        ("password = my secret phrase", f"password = {PASSWORD}"),
        (
            '{"email": "a@firm.com", "password": "p@ss word"}',
            f'{{"email": "a@firm.com", "password": "{PASSWORD}"}}',
        ),
        ("newPassword: x", f"newPassword: {PASSWORD}"),
        ("db_pwd=x", f"db_pwd={PASSWORD}"),
        (
            "postgresql+psycopg://advisor:s3cret@db.firm.local:5432/advisoros",
            f"postgresql+psycopg://advisor:{PASSWORD}@db.firm.local:5432/advisoros",
        ),
    ],
)
def test_replaces_ids_and_secrets(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "record 3f2b8c1e-9a4d-4e2b-8f1a-123456789abc updated",
        "record 12345678-1234-1234-1234-123456789012 updated",
        "due 2024-01-31, filed 01/31/2024, at 2024-01-31T12:34:56.789+00:00",
        "12:30:45.123456789",
        "amount 1,234.56 and $123,456,789.00 and 123456789.50",
        "uploaded 123456789 bytes in 0.123456789 s",
        "sizes 123 456 789 1011",  # a table of numbers, not an SSN
        "page 1 of 3, 45 rows, 6789 bytes",
        "call (555) 123-4567 or 555-123-4567",
        "e-mail jane@firm.com",
        "version 6.11.3; advisoros_desktop.diagnostics.diagnostics_export.write_diagnostics",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "Martin: 123456789",  # 'tin' inside a name is no label
        "protein 123456789",
        "waiting=123456789",
        "bearer token expired",  # prose, not a credential
        "tokens = self._store.load(self.account_key)",  # a traceback's line of code
        "the token: [Errno 2] no such file",
        "employee SSN ending XXX-XX-6789",
        "at_least_one_of_the_files_was_readable_by_the_program",
        "keeping sign-in tokens in memory only",
        "",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert redact_text(text) == text


def test_tracebacks_and_many_lines() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "validators.py", line 81, in normalize_ssn\n'
        "ValueError: '123456789' is not a valid SSN: area 123 is never issued\n"
        "2024-01-31 09:00:00,001 INFO sync: pulled 123456789 bytes\n"
    )
    assert redact_text(text) == (
        "Traceback (most recent call last):\n"
        '  File "validators.py", line 81, in normalize_ssn\n'
        "ValueError: '[SSN]' is not a valid SSN: area 123 is never issued\n"
        "2024-01-31 09:00:00,001 INFO sync: pulled 123456789 bytes\n"
    )


def test_a_label_on_another_line_does_not_count() -> None:
    assert redact_text("SSN\n123456789") == "SSN\n123456789"


def test_markers_are_distinct() -> None:
    assert len({SSN, EIN, TIN, TOKEN, PASSWORD}) == 5


@given(st.text(alphabet="0123456789 -_.:=\"'abcSNEITokenpasswrdBe\n", max_size=80))
def test_redacting_twice_changes_nothing_more(text: str) -> None:
    once = redact_text(text)
    assert redact_text(once) == once


@given(st.from_regex(r"\d{3}-\d{2}-\d{4}", fullmatch=True), st.sampled_from([" ", "'", "(", ":"]))
def test_no_dashed_ssn_survives(ssn: str, before: str) -> None:
    assert ssn not in redact_text(f"value{before}{ssn} more")


def test_long_text_is_linear() -> None:
    # A megabyte of one word (a base64 blob in a log line) must not backtrack.
    import time

    blob = "a" * 1_000_000 + " token: " + "b" * 100_000
    started = time.perf_counter()
    redact_text(blob)
    assert time.perf_counter() - started < 60  # quadratic would take hours
