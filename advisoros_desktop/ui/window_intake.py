"""The main window's side of intake: drops, the add-files commands, the progress line.

Built when the account's intake controller is attached (the window opens on
the cache before the workspace is connected, and intake needs the account).
The window's commands call the small methods here; the Intake view gets the
controller itself. The progress line is fed with totals the controller counts
off the GUI thread; whether files are on their way also tells the window to
hold the palette's re-indexing until they are all sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Slot
from PySide6.QtWidgets import QFileDialog

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.add_files_flow import AddFilesFlow
from advisoros_desktop.ui.counted_text import counted
from advisoros_desktop.ui.drop_intake import DropIntake
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_progress import IntakeProgress
from advisoros_desktop.ui.queue_totals import files_on_their_way

if TYPE_CHECKING:
    from advisoros_desktop.ui.main_window import MainWindow

LAST_FOLDER_KEY = "intake/lastFolder"
# How a record names itself in "the client of the current document (W2.pdf)".
RECORD_CAPTION = {"document": "fileName", "engagement": "name", "task": "title"}
# Per kind of record: in Spanish the words around the noun follow its gender.
CLIENT_OF_CURRENT = {
    "document": QT_TRANSLATE_NOOP(
        "WindowIntake", "The client of the current document ({caption})."
    ),
    "engagement": QT_TRANSLATE_NOOP(
        "WindowIntake", "The client of the current engagement ({caption})."
    ),
    "task": QT_TRANSLATE_NOOP("WindowIntake", "The client of the current task ({caption})."),
}
CLIENT_OF_CURRENT_RECORD = QT_TRANSLATE_NOOP(
    "WindowIntake", "The client of the current record ({caption})."
)
FILES = (
    QT_TRANSLATE_NOOP("WindowIntake", "{n} file"),
    QT_TRANSLATE_NOOP("WindowIntake", "{n} files"),
)


def _files(count: int) -> str:
    return counted("WindowIntake", FILES, count)


class WindowIntake(QObject):
    def __init__(self, window: MainWindow, controller: IntakeController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.progress = IntakeProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.flow = AddFilesFlow(controller, self.client_in_view, window)
        self.flow.message.connect(window.show_message)
        # A drop comes with a burst of work on several threads (survey, walk, hashing);
        # the palette's indexing waits meanwhile, as during a sync or uploads.
        self.flow.busy.connect(self._dropping)
        self.drops = DropIntake(window, self._target_name)
        self.drops.files_dropped.connect(lambda paths: self.flow.start(paths, "drag_drop"))
        self.drops.install()
        controller.message.connect(window.show_message)
        controller.totals.ready.connect(self._totals_ready)
        if controller.totals.latest is not None:
            self._totals_ready(controller.totals.latest)

    def close(self) -> None:
        self.drops.remove()
        self.flow.close()

    @Slot(bool)
    def _dropping(self, busy: bool) -> None:
        self.window.set_pouring("drop", busy)

    def client_in_view(self) -> tuple[str | None, str]:
        """The client files added now belong to by default, and a note saying why that one.

        The scoped client (or the scoped engagement's) of Documents, Engagements
        and Tasks; else the current row's client (in Clients, the row itself).
        Nothing in the Intake and Conflicts views.
        """
        window = self.window
        name = window.current_view_name()
        view = window.record_views.get(name)
        if view is None:
            return None, ""
        for field, value in view.scope():  # Documents, Engagements, Tasks of one client
            if field == "clientId":
                return value, self.tr("The client in view.")
            if field == "engagementId":
                engagement = window.store.get("engagement", value)
                if engagement is not None and engagement.get("clientId"):
                    return str(engagement["clientId"]), self.tr(
                        "The client of the engagement in view."
                    )
        record_id = view.table.current_record_id()
        if record_id is None:
            return None, ""
        if view.entity == "client":
            return record_id, self.tr("The client selected in the list.")
        row = window.store.get(view.entity, record_id)
        if row is None or not row.get("clientId"):
            return None, ""
        caption = str(row.get(RECORD_CAPTION.get(view.entity, "id")) or "")
        said = CLIENT_OF_CURRENT.get(view.entity, CLIENT_OF_CURRENT_RECORD)
        return str(row["clientId"]), self.tr(said).format(caption=caption)

    # -- commands --------------------------------------------------------------------------
    def add_files(self) -> None:
        """Ctrl+O: choose files, then confirm them in the add-files dialog."""
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add files"), self._last_folder()
        )
        if names:
            self._remember_folder(Path(names[0]).parent)
            self.flow.start([Path(n) for n in names], "desktop")

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Add a folder of files"), self._last_folder()
        )
        if folder:
            self._remember_folder(Path(folder).parent)
            self.flow.start([Path(folder)], "desktop")

    def open_watched_folders(self) -> None:
        try:
            from advisoros_desktop.ui.watched_folders_dialog import WatchedFoldersDialog
        except ImportError:
            self.window.show_message(self.tr("Watched folders cannot be set up in this version."))
            return
        dialog = WatchedFoldersDialog(
            self.controller.settings,
            self.controller.folder_states(),
            self.window,
            clients=self.controller.clients.names(),
        )
        dialog.exec()
        dialog.deleteLater()

    def pause_all(self) -> None:
        count = self.controller.pause_all()
        self.window.show_message(
            self.tr("Pausing {files}.").format(files=_files(count))
            if count
            else self.tr("Nothing is uploading; nothing to pause.")
        )

    def resume_all(self) -> None:
        count = self.controller.resume_all()
        self.window.show_message(
            self.tr("Resuming {files}.").format(files=_files(count))
            if count
            else self.tr("No upload is paused.")
        )

    # -- the progress line ------------------------------------------------------------------
    def _totals_ready(self, totals: QueueTotals) -> None:
        self.progress.show_totals(totals)
        self.window.set_pouring("uploads", files_on_their_way(totals) > 0)

    def _target_name(self) -> str | None:
        client_id, _note = self.client_in_view()
        if client_id is None:
            return None
        row = self.window.store.get("client", client_id)
        return str(row["businessName"]) if row is not None else None

    def _last_folder(self) -> str:
        return str(self.window.context.settings.value(LAST_FOLDER_KEY, str(Path.home())))

    def _remember_folder(self, folder: Path) -> None:
        self.window.context.settings.setValue(LAST_FOLDER_KEY, str(folder))
