"""The pinned Qt binding must not leak references to ``None``.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call
of a method returning nothing; after a few thousand calls (a minute of use)
the interpreter aborted with "deallocating None". This guards the pin.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    label = QLabel(widget)
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        label.setText("x")
    assert sys.getrefcount(None) >= before - 100
