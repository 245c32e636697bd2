"""``advisoros intake`` run as a real command in a process of its own, as a scanner PC runs it.

The command is started with this interpreter (``python -m advisoros_desktop.cli``)
so it uses the same packages, with the password on standard input. Where the
tests run as root, ``as_other_than_root`` starts it without root's right to
read any file, so a file whose permissions were taken away is unreadable to
it, as it is to an accountant's account.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[3]
# The capabilities that let root read and enter anything whatever the file modes say.
_READ_ANYTHING = "-dac_override,-dac_read_search"


def run_intake_command(
    server_url: str,
    email: str,
    *arguments: str,
    data_dir: Path,
    as_other_than_root: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``advisoros intake ARGUMENTS --server --email --password-stdin --data-dir``; its result."""
    command = [
        *(sys.executable, "-m", "advisoros_desktop.cli", "intake", *arguments),
        *("--server", server_url, "--email", email, "--password-stdin"),
        *("--data-dir", str(data_dir), "--quiet-seconds", "0.2"),
    ]
    if as_other_than_root and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv is not None, "setpriv (util-linux) is needed to drop root's rights"
        drop = [f"--inh-caps={_READ_ANYTHING}", f"--bounding-set={_READ_ANYTHING}"]
        command = [setpriv, *drop, "--", *command]
    return subprocess.run(
        command,
        cwd=REPO,
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def summary(result: subprocess.CompletedProcess[str]) -> str:
    """The command's last line: "<firm>: taken N, duplicates N, failed N, ignored N"."""
    lines = result.stdout.strip().splitlines()
    assert lines, f"no output; stderr:\n{result.stderr}"
    return lines[-1]
