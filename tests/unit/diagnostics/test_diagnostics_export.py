"""The diagnostics zip: logs, versions, settings and a README, with no SSN, EIN or token."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from advisoros_desktop.diagnostics import diagnostics_export
from advisoros_desktop.diagnostics.diagnostics_export import (
    MAX_LOG_BYTES,
    DiagnosticsExportError,
    default_file_name,
    dependency_names,
    write_diagnostics,
)
from advisoros_desktop.diagnostics.log_files import LOG_NAME

NOW = datetime(2024, 1, 31, 9, 45, 12)
QT = "PySide6 6.11.3, Qt 6.11.3"
SSN = "123-45-6789"
EIN = "12-3456789"
ACCESS = "at_Zk3vQ9mWb1x-Yp0_rTn8sLc2Hd7gFa4jKe6uVo5iNqM"
REFRESH = "rt_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0X1c"
SETTINGS_TOKEN = "opaque-settings-token-42"
SECRETS = (SSN, EIN, ACCESS, REFRESH, SETTINGS_TOKEN, "987654321", "hunter2")


def _data_dir(tmp_path: Path) -> Path:
    """A data folder whose files predate redaction: every secret is in there, plainly."""
    data = tmp_path / "data"
    logs = data / "logs"
    logs.mkdir(parents=True)
    (logs / LOG_NAME).write_text(
        f"2024-01-31 09:00:00,001 INFO sync: edited client, SSN {SSN}\n"
        f"2024-01-31 09:00:01,002 INFO api: Authorization: Bearer {ACCESS}\n",
        encoding="utf-8",
    )
    (logs / f"{LOG_NAME}.1").write_text(
        f'2024-01-30 17:00:00,000 INFO api: {{"accessToken": "{ACCESS}", "refreshToken": '
        f'"{REFRESH}"}}\n'
        f"2024-01-30 17:00:01,000 WARNING store: employer EIN {EIN}; password=hunter2\n",
        encoding="utf-8",
    )
    (logs / f"{LOG_NAME}.2").write_bytes(
        b"2024-01-29 08:00:00,000 ERROR ui: '987654321' is not a valid SSN \xff\n"
    )
    (data / "settings.ini").write_text(
        "[General]\n"
        f"token={SETTINGS_TOKEN}\n"
        "lastFolder=/home/jane/Scans\n"
        "[keyBindings]\n"
        "palette.open=Ctrl+K\n",
        encoding="utf-8",
    )
    return data


def _read(zip_path: Path) -> dict[str, str]:
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_the_zip_holds_logs_versions_settings_and_readme(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    target = tmp_path / "out" / default_file_name(NOW)
    target.parent.mkdir()

    written = write_diagnostics(data, target, data / "settings.ini", QT, NOW)

    assert written == target and target.name == "advisoros-diagnostics-20240131-0945.zip"
    files = _read(target)
    assert sorted(files) == [
        "README.txt",
        f"logs/{LOG_NAME}",
        f"logs/{LOG_NAME}.1",
        f"logs/{LOG_NAME}.2",
        "settings.ini",
        "versions.txt",
    ]
    everything = "\n".join(files.values())
    for secret in SECRETS:
        assert secret not in everything, secret
    assert "edited client, SSN [SSN]" in files[f"logs/{LOG_NAME}"]
    assert "Authorization: Bearer [TOKEN]" in files[f"logs/{LOG_NAME}"]
    assert '"accessToken": "[TOKEN]"' in files[f"logs/{LOG_NAME}.1"]
    assert "employer EIN [EIN]; password=[PASSWORD]" in files[f"logs/{LOG_NAME}.1"]
    assert "'[SSN]' is not a valid SSN" in files[f"logs/{LOG_NAME}.2"]
    assert "token=[TOKEN]" in files["settings.ini"]
    assert "lastFolder=/home/jane/Scans" in files["settings.ini"]  # the rest is kept
    assert "palette.open=Ctrl+K" in files["settings.ini"]

    versions = files["versions.txt"]
    assert versions.startswith("AdvisorOS Desktop 0.1.0\n")
    assert "Python 3." in versions and f"Qt: {QT}" in versions
    assert "Operating system: " in versions
    for name in ("PySide6", "httpx", "SQLAlchemy", "qasync", "rapidfuzz"):
        assert f"\n  {name} " in versions
    assert "\n  pytest " not in versions  # the test tools are not the program's

    readme = files["README.txt"]
    assert "exported 2024-01-31 09:45" in readme
    assert "[SSN], [EIN], [TIN], [PASSWORD] and [TOKEN]" in readme
    assert f"logs/{LOG_NAME}.2" in readme


def test_entries_carry_the_export_time(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    target = write_diagnostics(data, tmp_path / "d.zip", None, QT, NOW)
    with zipfile.ZipFile(target) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 31, 9, 45, 12)}


def test_no_logs_and_no_settings_are_noted(tmp_path: Path) -> None:
    data = tmp_path / "empty"
    data.mkdir()
    files = _read(write_diagnostics(data, tmp_path / "d.zip", data / "settings.ini", QT, NOW))
    assert sorted(files) == ["README.txt", "versions.txt"]
    assert "No log files were found." in files["README.txt"]
    assert "There was no settings file to include." in files["README.txt"]


def test_a_huge_foreign_log_goes_in_by_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MAX_LOG_BYTES > 1_000_000  # ours rotate at 1 MB and always go in whole
    monkeypatch.setattr(diagnostics_export, "MAX_LOG_BYTES", 10_000)
    data = _data_dir(tmp_path)
    line = f"client {SSN} and some more words to fill the line\n"
    (data / "logs" / "server.log").write_text(line * 1000 + "the last line\n")
    files = _read(write_diagnostics(data, tmp_path / "d.zip", None, QT, NOW))
    kept = files["logs/server.log"]
    assert kept.endswith("the last line\n") and len(kept) <= 10_000
    assert kept.startswith("client [SSN] and")  # whole lines only
    assert SSN not in kept
    assert "server.log is long" in files["README.txt"]


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    target = tmp_path / "d.zip"
    target.write_text("an older export")
    write_diagnostics(data, target, None, QT, NOW)
    assert "versions.txt" in _read(target)
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")] == []


def test_a_missing_folder_is_said_plainly(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "d.zip"
    with pytest.raises(DiagnosticsExportError, match="does not exist"):
        write_diagnostics(_data_dir(tmp_path), target, None, QT, NOW)


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticsExportError, match="is a folder"):
        write_diagnostics(_data_dir(tmp_path), tmp_path, None, QT, NOW)


def test_an_unwritable_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refused the way the system refuses a folder one may not write to (as root,
    # permissions would not stop the test itself).
    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    data = _data_dir(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(diagnostics_export.tempfile, "mkstemp", refused)
    with pytest.raises(DiagnosticsExportError, match="not allowed to save files in"):
        write_diagnostics(data, locked / "d.zip", None, QT, NOW)
    assert list(locked.iterdir()) == []


def test_a_failure_midway_leaves_no_half_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(diagnostics_export, "readme_text", full_disk)
    with pytest.raises(DiagnosticsExportError, match="not enough free space"):
        write_diagnostics(_data_dir(tmp_path), tmp_path / "d.zip", None, QT, NOW)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data"]


def test_dependency_names_are_the_programs_own() -> None:
    names = dependency_names()
    assert "PySide6" in names and "SQLAlchemy" in names
    assert "pytest" not in names and "ruff" not in names
