"""Makes the build scripts in ``packaging/`` importable, as the PyInstaller spec does.

They import each other by their own names (``product``, ``windows.version_info``)
because PyInstaller runs the spec with ``packaging/`` as its folder. The folder
goes at the end of the path, so it can never hide an installed module.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"

if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))
