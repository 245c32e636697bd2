"""The desktop's own entry points, run as a user would: ``--self-test`` and ``--screenshot``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def run_desktop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "advisoros_desktop.app", *args],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=cwd,
    )


def test_self_test_exercises_the_desktop_and_says_so_in_one_line(tmp_path: Path) -> None:
    done = run_desktop("--self-test", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("self-test")]
    assert len(lines) == 1, done.stdout
    assert "passed" in lines[0] and "edit/undo/redo" in lines[0] and "pending 0" in lines[0]


def test_screenshot_renders_the_chosen_view_with_its_rows(tmp_path: Path) -> None:
    picture = tmp_path / "documents.png"
    done = run_desktop(
        "--screenshot",
        str(picture),
        "--view",
        "documents",
        "--data-dir",
        str(tmp_path / "d"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    image = QImage(str(picture))
    assert not image.isNull() and image.width() >= 1000 and image.height() >= 600
    # Not blank: a rendered table has many distinct colours along a row of pixels.
    colours = {image.pixel(x, image.height() // 3) for x in range(0, image.width(), 4)}
    assert len(colours) > 5
