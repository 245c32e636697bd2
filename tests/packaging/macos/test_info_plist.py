"""The bundle's Info.plist entries: the window program, our id and version, a valid plist."""

from __future__ import annotations

import plistlib

from macos.info_plist import info_plist
from product import APP_ID, GUI_NAME, version


def test_names_the_window_program_and_our_id() -> None:
    entries = info_plist("0.1.0")
    assert entries["CFBundleIdentifier"] == APP_ID
    assert entries["CFBundleExecutable"] == GUI_NAME
    assert entries["CFBundlePackageType"] == "APPL"
    # The bundle also holds the console `advisoros`; the bundle itself is a window program.
    assert entries["LSBackgroundOnly"] is False
    assert entries["NSHighResolutionCapable"] is True


def test_versions_are_numeric() -> None:
    entries = info_plist("1.4rc2")
    assert entries["CFBundleShortVersionString"] == entries["CFBundleVersion"] == "1.4.0"
    assert info_plist(version())["CFBundleShortVersionString"] == version()


def test_is_a_valid_property_list() -> None:
    entries = info_plist(version())
    assert plistlib.loads(plistlib.dumps(entries)) == entries
