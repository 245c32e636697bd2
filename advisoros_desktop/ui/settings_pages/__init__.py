"""The pages of the settings dialog (``ui.settings_dialog``), one module per page.

Each page stores what it edits as soon as the value is complete and valid,
and keeps a refused value on screen with its reason rather than storing or
losing it (``SettingsPage``).
"""
