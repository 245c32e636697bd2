"""A desktop that dies by ``kill -9`` in the middle of its first sync, for ``test_first_sync``.

It signs in with an empty data folder, starts the first sync in small pages,
and after the page given by ``--die-after`` is committed (the sort indexes a
first sync leaves out are then missing) it sends itself SIGKILL: no
``finally`` runs, nothing is closed, just as when the machine loses power.

Run from the repository root, the password on standard input:
``python tests/integration/sync/first_sync_child.py --server URL --email E
--data-dir D --page-size N --die-after K``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from pathlib import Path

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.sync.account import open_account


async def main(args: argparse.Namespace) -> None:
    password = sys.stdin.readline().rstrip("\n")
    account = await open_account(
        args.server, args.email, password, Path(args.data_dir), MemoryTokenStore()
    )
    account.engine.page_size = args.page_size
    pages = 0

    def after_commit(changes: ChangeSet) -> None:
        nonlocal pages
        if changes.records and changes.sync_state:  # a page with its cursor
            pages += 1
            if pages == args.die_after:
                os.kill(os.getpid(), signal.SIGKILL)

    account.store.subscribe(after_commit)
    await account.engine.sync_once()
    sys.exit("the sync ended before the page it was to die after")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--page-size", type=int, required=True)
    parser.add_argument("--die-after", type=int, required=True)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
