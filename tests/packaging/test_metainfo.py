"""The AppStream metainfo software centres read: required tags, our id, the current release.

Always parsed for what AppStream requires; ``appstreamcli validate`` checks the
rest where it is installed (without network: URLs are not fetched).
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from product import APP_ID, CLI_NAME, DISPLAY_NAME, GUI_NAME, REPO, version

METAINFO = REPO / "packaging" / f"{APP_ID}.metainfo.xml"


def component() -> ElementTree.Element:
    return ElementTree.parse(METAINFO).getroot()


def text(tag: str) -> str:
    found = component().find(tag)
    assert found is not None, f"<{tag}> is missing"
    return "".join(found.itertext()).strip()


def test_identifies_the_desktop_application() -> None:
    root = component()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert text("id") == APP_ID
    assert text("name") == DISPLAY_NAME
    assert text("summary") and not text("summary").endswith(".")
    assert text("metadata_license") == "CC0-1.0"
    assert text("project_license") == "LicenseRef-proprietary"
    assert text("developer/name") == "AdvisorOS"
    assert len(root.findall("description/p")) >= 1


def test_launches_the_desktop_entry_that_exists() -> None:
    launchable = component().find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{GUI_NAME}.desktop"
    assert (REPO / "packaging" / launchable.text).is_file()
    binaries = {item.text for item in component().findall("provides/binary")}
    assert binaries == {GUI_NAME, CLI_NAME}


def test_rates_content_and_lists_the_current_release() -> None:
    rating = component().find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    releases = [release.get("version") for release in component().findall("releases/release")]
    assert version() in releases
    assert all(release.get("date") for release in component().findall("releases/release"))


def test_appstreamcli_accepts_it() -> None:
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
