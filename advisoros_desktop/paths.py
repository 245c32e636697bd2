"""Where the program keeps its files: the platform's user data dir, or ``--data-dir``."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "AdvisorOS Desktop"
APP_AUTHOR = "AdvisorOS"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def data_dir(option: str | None) -> Path:
    """The data folder chosen on the command line, else the platform's default."""
    return Path(option).expanduser().resolve() if option else default_data_dir()
