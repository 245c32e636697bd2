"""The yardstick for ``cold_start``: a bare PySide6 window, started and painted once.

``python benchmarks/bare_window.py`` builds a ``QApplication`` and an empty
``QMainWindow`` of the main window's size, shows it and prints
``first-paint <time.monotonic()>`` when it first painted, the way
``advisoros-desktop`` does with ``ADVISOROS_EXIT_AFTER_FIRST_PAINT``. What the
desktop takes beyond this is the program's own cost: Python and Qt's start
are in both. It is run by path, not as a module of ``benchmarks``, so it
imports nothing but PySide6.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class BareWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Bare window")
        self.resize(1280, 800)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # As MainWindow.first_painted: the next turn of the loop, after the paint.
            QTimer.singleShot(0, self._report)

    def _report(self) -> None:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
