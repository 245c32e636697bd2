"""The ``Info.plist`` entries of the macOS application bundle.

PyInstaller writes a minimal ``Info.plist``; these entries complete it. The
bundle holds two programs (the window and the ``advisoros`` command), and
PyInstaller would take the bundle's settings from whichever it saw last, so
the executable and the "not a background-only program" flag are stated here
outright. The icon itself (``advisoros.icns``) comes from ``make_icons.py``.
"""

from __future__ import annotations

from typing import Any

from product import APP_ID, COPYRIGHT, DISPLAY_NAME, GUI_NAME, numeric_version


def info_plist(version: str) -> dict[str, Any]:
    """The entries for a bundle of ``version`` (merged over PyInstaller's defaults)."""
    short = ".".join(str(part) for part in numeric_version(version, parts=3))
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleExecutable": GUI_NAME,
        "CFBundleShortVersionString": short,
        "CFBundleVersion": short,
        "CFBundlePackageType": "APPL",
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "es"],
        "NSHumanReadableCopyright": COPYRIGHT,
        "LSApplicationCategoryType": "public.app-category.finance",
        # The window program: a Dock icon and a menu bar, sharp on Retina screens.
        "LSBackgroundOnly": False,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
    }
