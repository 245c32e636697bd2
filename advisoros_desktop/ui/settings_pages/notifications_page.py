"""Notifications: which news AdvisorOS announces while the accountant works elsewhere.

The kinds and their labels come from ``ui.notifications`` (``NOTIFICATION_SETTINGS``),
which reads each setting when it has something to say, so a box unticked here
silences that kind at once. While that module is missing the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from advisoros_desktop.ui.settings_pages.page import SettingsPage, note_label
from advisoros_desktop.ui.settings_pages.sources import SettingsSources

try:
    from advisoros_desktop.ui.notifications import NOTIFICATION_SETTINGS, NotificationSettings
except ImportError:  # a build without notifications: the page says so instead of failing
    NOTIFICATIONS_AVAILABLE = False
else:
    NOTIFICATIONS_AVAILABLE = True


class NotificationsPage(SettingsPage):
    page_id = "notifications"
    icon_name = "details"

    def __init__(self, sources: SettingsSources, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Notifications"), parent)
        self.boxes: dict[str, QCheckBox] = {}
        if not NOTIFICATIONS_AVAILABLE:
            self.body.addWidget(
                note_label(self.tr("Notification settings are not available."), self)
            )
            self.body.addStretch(1)
            return
        self._kinds = NotificationSettings(sources.settings)
        self._settings = sources.settings
        self.body.addWidget(
            note_label(
                self.tr(
                    "Shown by the system while AdvisorOS is in the background, never for "
                    "what its window shows you already."
                ),
                self,
            )
        )
        for key, label in NOTIFICATION_SETTINGS:
            box = QCheckBox(QCoreApplication.translate("Notifications", label), self)
            box.setChecked(self._kinds.enabled(key))
            box.toggled.connect(lambda on, key=key: self._toggled(key, on))
            self.body.addWidget(box)
            self.boxes[key] = box
        self.body.addStretch(1)

    def first_field(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)

    def _toggled(self, key: str, on: bool) -> None:
        self._kinds.set_enabled(key, on)
        self._settings.sync()
