"""Fixtures of the UI tests: a main window on a cache synced from the real demo server."""

from tests.ui.desktop_fixture import demo_workspace, desktop  # noqa: F401
