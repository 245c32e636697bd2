"""Checking and hashing one file, with the retries a file being written needs.

A scanner or a sync client may still be replacing a file when intake reads it;
the hash is only trusted when the file was the same before and after. A file
that keeps changing, or vanishes, becomes a clear reason instead of a wrong
checksum.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from advisoros_desktop.domain.upload_limits import UploadLimits
from advisoros_desktop.intake.file_checks import check_file
from advisoros_desktop.intake.hashing import FileChanged, HashingStopped, hash_file

# A file that changed while being hashed is tried again after these pauses.
RETRY_PAUSES = (0.5, 2.0)


@dataclass(frozen=True)
class PreparedFile:
    mime_type: str | None = None
    sha256: str | None = None
    size: int = 0
    mtime_ns: int = 0
    problem: str | None = None  # FileProblem code, 'changed', or 'stopped' (closing)
    reason: str | None = None  # what the queue and the .error.txt say


def prepare_file(
    path: Path,
    limits: UploadLimits,
    *,
    should_stop: Callable[[], bool] | None = None,
    pauses: tuple[float, ...] = RETRY_PAUSES,
) -> PreparedFile:
    mime_type, problem = check_file(path, limits)
    if problem is not None:
        return PreparedFile(
            mime_type, problem=problem.code, reason=_say(problem.message, problem.advice)
        )
    last: FileChanged | None = None
    for pause in (0.0, *pauses):
        if pause:
            time.sleep(pause)
        if should_stop is not None and should_stop():
            break
        try:
            digest = hash_file(path, should_stop=should_stop)
        except HashingStopped:  # intake is closing: the job stays 'hashing' for next time
            return PreparedFile(mime_type, problem="stopped")
        except FileChanged as changed:
            last = changed
            if not path.exists():
                break
            continue
        except OSError as error:
            return PreparedFile(
                mime_type,
                problem="unreadable",
                reason=_say(
                    f"“{path.name}” could not be read ({error.strerror or error}).",
                    "Close any program that has it open, check you may read it, then retry.",
                ),
            )
        return PreparedFile(mime_type, digest.sha256, digest.size, digest.mtime_ns)
    if last is not None and last.how == "deleted":
        advice = "If it should still be uploaded, add it again from where it is now."
    else:
        advice = "Wait until the program writing it has finished, then retry."
    return PreparedFile(
        mime_type,
        problem="changed",
        reason=_say(
            str(last) if last else f"“{path.name}” changed while it was being read.", advice
        ),
    )


def _say(message: str, advice: str) -> str:
    return f"{message} {advice}".strip()
