"""Starts the window program in a frozen build (PyInstaller needs a script, not an entry point).

``freeze_support()`` comes first: the server reads documents in child processes
started with ``spawn``, and in a frozen build a child is this same executable,
which must turn into the child instead of opening another window.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from advisoros_desktop.app import main

    sys.exit(main())
