"""The first window: which workspace this is and what it holds, read through the API.

The fetch runs on a worker thread and comes back as a Qt signal, so the window
paints at once and never waits on the network.
"""

from __future__ import annotations

import threading
from collections import Counter

import httpx
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

_KINDS = [
    ("client", "Clients"),
    ("engagement", "Engagements"),
    ("task", "Tasks"),
    ("document", "Documents"),
]


class SummaryFetcher(QObject):
    finished = Signal(dict)
    failed = Signal(str)

    def fetch(self, api_url: str, email: str, password: str) -> None:
        threading.Thread(target=self._run, args=(api_url, email, password), daemon=True).start()

    def _run(self, api_url: str, email: str, password: str) -> None:
        try:
            with httpx.Client(base_url=api_url, timeout=30) as http:
                token = http.post("/auth/token", json={"email": email, "password": password})
                token.raise_for_status()
                http.headers["Authorization"] = f"Bearer {token.json()['accessToken']}"
                me = http.get("/me").json()
                counts: Counter[str] = Counter()
                cursor = None
                while True:
                    params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
                    page = http.get("/changes", params=params).json()
                    counts.update(i["entity"] for i in page["items"] if not i["deleted"])
                    cursor = page["cursor"]
                    if not page["hasMore"]:
                        break
            self.finished.emit(
                {
                    "firm": me["organization"]["name"],
                    "user": me["user"]["name"],
                    "counts": dict(counts),
                }
            )
        except (httpx.HTTPError, KeyError, ValueError) as err:
            self.failed.emit(str(err))


class WorkspaceSummaryWindow(QMainWindow):
    """Shows the local workspace's server address, firm and record counts."""

    def __init__(self, api_url: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("AdvisorOS Desktop"))
        self.resize(560, 320)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        title = QLabel(self.tr("Local workspace"), body)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self._firm = QLabel(self.tr("Loading…"), body)
        self._user = QLabel("", body)
        server = QLabel(api_url, body)
        server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Firm:"), self._firm)
        form.addRow(self.tr("Signed in as:"), self._user)
        form.addRow(self.tr("Server:"), server)
        self._counts: dict[str, QLabel] = {}
        for kind, label in _KINDS:
            self._counts[kind] = QLabel("…", body)
            self._counts[kind].setAccessibleName(self.tr(label))
            form.addRow(self.tr(label) + ":", self._counts[kind])
        layout.addLayout(form)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("Starting…"))
        self.fetcher = SummaryFetcher(self)
        self.fetcher.finished.connect(self.show_summary)
        self.fetcher.failed.connect(self.show_failure)

    def show_summary(self, summary: dict[str, object]) -> None:
        self._firm.setText(str(summary["firm"]))
        self._user.setText(str(summary["user"]))
        counts = summary["counts"]
        assert isinstance(counts, dict)
        for kind, label in self._counts.items():
            label.setText(f"{counts.get(kind, 0):,}")
        self.statusBar().showMessage(self.tr("Ready"))

    def show_failure(self, message: str) -> None:
        self._firm.setText(self.tr("Could not read the workspace"))
        self.statusBar().showMessage(message)
