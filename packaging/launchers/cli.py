"""Starts the ``advisoros`` command in a frozen build (PyInstaller needs a script).

``freeze_support()`` comes first: ``advisoros server`` reads documents in child
processes started with ``spawn``, which in a frozen build re-run this executable.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from advisoros_desktop.cli import main

    sys.exit(main())
