"""The program's log: the console, and rotating files in ``<data folder>/logs/``.

When something goes wrong at a firm, the log files are what support reads (by
way of Help → Export diagnostics), so they are kept where the rest of the
program's files are, bounded in size (about 1 MB × 6 files) and written in
UTF-8. Every line goes through ``redact_text`` on its way out, tracebacks
included, so no SSN, EIN, password or token ever lands in a file.

``configure_logging`` may be called again (a second window, a test): it finds
the handlers it added before by their type instead of adding more, and what it
returns removes them, closing the file (Windows refuses to delete an open one).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path

from advisoros_desktop.diagnostics.redaction import redact_text

LOG_FOLDER = "logs"
LOG_NAME = "advisoros.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
CONSOLE_FORMAT = "%(asctime)s %(levelname)s %(message)s"
# The file says which part of the program and which thread wrote each line.
FILE_FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
# One line per HTTP request is noise; warnings from httpx still show.
QUIET_LOGGERS = {"httpx": logging.WARNING}

log = logging.getLogger(__name__)


class RedactingFormatter(logging.Formatter):
    """Formats a record as usual, then replaces taxpayer ids and secrets in the result."""

    def format(self, record: logging.LogRecord) -> str:
        return redact_text(super().format(record))


class _LogFileHandler(RotatingFileHandler):
    """The rotating file this module added (found again by its type)."""

    # The levels before the first setup, restored by whichever setup removes it.
    previous_levels: dict[str, int]


class _ConsoleHandler(logging.StreamHandler):
    """The console output this module added (found again by its type)."""

    previous_levels: dict[str, int]


_OWN_HANDLERS = (_LogFileHandler, _ConsoleHandler)


@dataclass
class LogSetup:
    """What ``configure_logging`` changed, so that it can be undone (``with`` undoes it too)."""

    file: Path | None  # None when the log folder could not be written
    problem: str | None  # why there is no file, in words
    handlers: list[logging.Handler] = field(default_factory=list)
    previous_levels: dict[str, int] = field(default_factory=dict)

    def __enter__(self) -> LogSetup:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.remove()

    def remove(self) -> None:
        """Take the handlers off, close the file and put the log levels back."""
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers = []
        for name, level in self.previous_levels.items():
            logging.getLogger(name or None).setLevel(level)
        self.previous_levels = {}


def log_folder(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


def log_files(data_dir: Path) -> list[Path]:
    """Every log file in the data folder: the current one, then the rotated ones, oldest last.

    Other ``*.log`` files that someone put in the folder come after ours.
    """
    folder = log_folder(data_dir)
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if ".log" in path.name and path.is_file()]
    return sorted(found, key=_log_order)


def _log_order(path: Path) -> tuple[int, str, int]:
    match = re.fullmatch(re.escape(LOG_NAME) + r"(?:\.(\d+))?", path.name)
    if match is not None:
        return (0, "", int(match[1] or 0))
    return (1, path.name, 0)


def configure_logging(data_dir: Path, level: int = logging.INFO, console: bool = True) -> LogSetup:
    """Log to ``<data_dir>/logs/advisoros.log`` (rotating) and to the console.

    Without a writable log folder the program still runs and logs to the
    console; ``LogSetup.problem`` says why there is no file.
    """
    root = logging.getLogger()
    ours: list[_LogFileHandler | _ConsoleHandler] = [
        handler for handler in root.handlers if isinstance(handler, _OWN_HANDLERS)
    ]
    setup = LogSetup(file=None, problem=None)
    for handler in ours:
        setup.previous_levels.update(handler.previous_levels)
    if not setup.previous_levels:
        setup.previous_levels = {
            "": root.level,
            **{name: logging.getLogger(name).level for name in QUIET_LOGGERS},
        }
    root.setLevel(level)
    for name, quiet in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(quiet)

    console_handler = next((h for h in ours if isinstance(h, _ConsoleHandler)), None)
    if console and console_handler is None:
        console_handler = _ConsoleHandler()
        console_handler.setFormatter(RedactingFormatter(CONSOLE_FORMAT))
        root.addHandler(console_handler)
    if console_handler is not None:
        console_handler.previous_levels = setup.previous_levels
        setup.handlers.append(console_handler)

    path = log_folder(data_dir) / LOG_NAME
    file_handler = next((h for h in ours if isinstance(h, _LogFileHandler)), None)
    if file_handler is not None and Path(file_handler.baseFilename) != path.absolute():
        root.removeHandler(file_handler)  # another data folder now: log there instead
        file_handler.close()
        file_handler = None
    if file_handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            file_handler = _LogFileHandler(
                path,
                maxBytes=MAX_BYTES,
                backupCount=BACKUP_COUNT,
                encoding="utf-8",
                errors="backslashreplace",
            )
        except OSError as error:
            setup.problem = f"the log folder {path.parent} cannot be written ({error})"
            log.warning("logging to the console only: %s", setup.problem)
        else:
            file_handler.setFormatter(RedactingFormatter(FILE_FORMAT))
            root.addHandler(file_handler)
    if file_handler is not None:
        file_handler.previous_levels = setup.previous_levels
        setup.handlers.append(file_handler)
        setup.file = path
    return setup
