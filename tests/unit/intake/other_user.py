"""Run a check as an account the file system refuses, to see real "permission denied" errors.

File modes do not stop root, and CI containers often run tests as root, so
there the call runs in a forked child that has given up root for ``nobody``.
As an ordinary user, taking a file's or folder's permissions away is enough,
and the call runs in the test's own process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

NOBODY = 65534


def as_other_user(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``call(*args, **kwargs)`` as an account without root's rights; its result."""
    if os.name == "nt":
        pytest.skip("permission checks here rely on POSIX file modes")
    if os.geteuid() != 0:
        return call(*args, **kwargs)
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    child = context.Process(target=_run_as_nobody, args=(answers, call, args, kwargs))
    child.start()
    child.join(60)
    kind, value = answers.get(timeout=5)
    if kind == "skip":
        pytest.skip(value)
    if kind == "error":
        raise AssertionError(f"the call failed as another user: {value}")
    return value


def _run_as_nobody(
    answers: Any, call: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    try:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    except OSError as err:
        answers.put(("skip", f"cannot drop root's rights here: {err}"))
        return
    try:
        answers.put(("ok", call(*args, **kwargs)))
    except BaseException as err:
        answers.put(("error", repr(err)))


@contextlib.contextmanager
def open_folder() -> Iterator[Path]:
    """A temporary folder every account may enter (tmp_path's parents are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="advisoros-intake-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
