"""Builds the one-folder app with PyInstaller and runs what was built, as a user would.

The frozen programs import nothing from the source tree, so this is where a
module only imported lazily, a missing Qt plugin or data file, or a child
process that cannot start from a frozen executable shows up. One build serves
every test here (about one to two minutes on two cores).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from product import CLI_NAME, GUI_NAME, REPO

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

SPEC = REPO / "packaging" / "advisoros-desktop.spec"
SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 240
DEMO_EMAIL, DEMO_PASSWORD = "demo@example.com", "demo"
# What the extraction worker says when its child process dies or hangs.
CHILD_FAILURES = ("stop unexpectedly", "took longer than")


@pytest.fixture(scope="module")
def app_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder (``dist/advisoros-desktop``), built once for this module."""
    root = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            # No --clean: the work folder is new, and --clean would also empty
            # PyInstaller's cache that a `make package` beside it may be using.
            "--noconfirm",
            "--log-level",
            "WARN",
            str(SPEC),
            "--distpath",
            str(root / "dist"),
            "--workpath",
            str(root / "build"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    print(f"PyInstaller build took {time.monotonic() - started:.0f} s")
    return root / "dist" / GUI_NAME


@pytest.fixture
def user_home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose settings and data live under ``tmp_path``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=RUN_TIMEOUT,
    )


def test_self_test_passes_offscreen(app_folder: Path, user_home: dict[str, str]) -> None:
    result = run(app_folder / f"{GUI_NAME}{SUFFIX}", "--self-test", env=user_home)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summaries = [line for line in result.stdout.splitlines() if line.startswith("self-test ")]
    assert len(summaries) == 1, output
    assert re.fullmatch(r"self-test passed in \d+(\.\d+)? s: .+", summaries[0]), output
    assert "Traceback" not in output
    assert "Could not load the Qt platform plugin" not in output


def test_both_programs_answer_help(app_folder: Path, user_home: dict[str, str]) -> None:
    desktop = run(app_folder / f"{GUI_NAME}{SUFFIX}", "--help", env=user_home)
    assert desktop.returncode == 0, desktop.stderr
    assert desktop.stdout.startswith(f"usage: {GUI_NAME}")
    assert "--self-test" in desktop.stdout
    cli = run(app_folder / f"{CLI_NAME}{SUFFIX}", "--help", env=user_home)
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.startswith(f"usage: {CLI_NAME}")
    for command in ("server", "accounts", "sync", "intake", "extract"):
        assert re.search(rf"^\s+{command}\s", cli.stdout, re.MULTILINE), command


def test_folder_holds_data_and_plugins_but_no_dev_tools(app_folder: Path) -> None:
    internal = app_folder / "_internal"
    # Every icon and drawing, where the program looks for them when frozen (sys._MEIPASS).
    assert (internal / "resources" / "advisoros.svg").is_file()
    for resource in (REPO / "resources").rglob("*"):
        if resource.is_file():
            relative = resource.relative_to(REPO)
            assert (internal / relative).is_file(), f"{relative} is missing"
    assert (internal / "advisoros_desktop" / "server" / "openapi.json").is_file()
    for compiled in (REPO / "i18n").glob("*.qm"):
        assert (internal / "i18n" / compiled.name).is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if sys.platform == "win32":
        plugins = internal / "PySide6" / "plugins"
    for plugin in ("platforms/*qoffscreen*", "imageformats/*qsvg*", "iconengines/*qsvgicon*"):
        assert list(plugins.glob(plugin)), f"Qt plugin {plugin} is missing"
    for left_out in ("tkinter", "pytest", "_pytest", "hypothesis", "mypy", "tests"):
        assert not (internal / left_out).exists(), f"{left_out} should not be packaged"
    assert not list(internal.rglob("*Qt6Quick*")), "Qt Quick should not be packaged"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="share/ is built on Linux only")
def test_linux_folder_carries_its_desktop_integration(app_folder: Path) -> None:
    share = app_folder / "share"
    assert (share / "applications" / f"{GUI_NAME}.desktop").is_file()
    assert list((share / "metainfo").glob("*.metainfo.xml"))
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "advisoros.svg").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "advisoros.png").is_file()


@pytest.fixture
def frozen_server(app_folder: Path, tmp_path: Path, user_home: dict[str, str]) -> Iterator[str]:
    """``advisoros server --demo`` from the built folder; yields its API address."""
    server = subprocess.Popen(
        [
            str(app_folder / f"{CLI_NAME}{SUFFIX}"),
            "server",
            "--demo",
            "--port",
            "0",
            "--data-dir",
            str(tmp_path / "server"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=user_home,
    )
    lines: list[str] = []
    address: list[str] = []
    listening = threading.Event()

    def read_output() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line)
            found = re.search(r"Uvicorn running on (http://\S+)", line)
            if found:
                address.append(found.group(1))
                listening.set()
        listening.set()  # the server ended

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    try:
        listening.wait(RUN_TIMEOUT)
        assert address, "the frozen server did not start:\n" + "".join(lines[-40:])
        yield address[0] + "/api/v1"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
        reader.join(timeout=10)


def documents(api: httpx.Client) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 1000}
        if cursor is not None:
            params["cursor"] = cursor
        page = api.get("/changes", params=params).raise_for_status().json()
        for item in page["items"]:
            if item["entity"] == "document":
                found[item["id"]] = item.get("data") or {}
        cursor = page["cursor"]
        if not page["hasMore"]:
            return found


def test_server_extracts_in_a_frozen_child_process(frozen_server: str) -> None:
    # The demo firm's scans wait for extraction, which runs in a child process
    # started with "spawn": from a frozen program, the program itself again.
    with httpx.Client(base_url=frozen_server, timeout=30) as api:
        tokens = api.post(
            "/auth/token", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
        ).raise_for_status()
        api.headers["Authorization"] = f"Bearer {tokens.json()['accessToken']}"
        waiting = {
            record_id
            for record_id, data in documents(api).items()
            if data.get("ocrStatus") == "pending"
        }
        assert waiting, "the demo firm has no document waiting for extraction"
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline:
            current = documents(api)
            finished = [
                current[record_id]
                for record_id in waiting
                if current[record_id].get("ocrStatus") not in ("pending", "processing")
            ]
            if finished:
                break
            time.sleep(1)
        else:
            pytest.fail(f"no document was extracted within {RUN_TIMEOUT} s")
    for data in finished:
        text = json.dumps(data)
        assert not any(failure in text for failure in CHILD_FAILURES), text
