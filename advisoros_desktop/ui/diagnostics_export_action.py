"""Help → Export diagnostics…: ask where, write the zip off the GUI thread, say how it went.

The zip itself is ``diagnostics/diagnostics_export.py``'s job; this module is
the conversation around it: a save dialog suggesting
``advisoros-diagnostics-YYYYMMDD-HHMM.zip`` in the person's Documents folder,
"Diagnostics saved to …" in the status bar when done, and a message box with
the reason when not. Reading and compressing several megabytes of logs runs
on a worker thread, so the window stays responsive meanwhile.

The dialog is a parameter (``choose_target``) so tests, and anything that
already knows the path, skip it. One ``DiagnosticsExport`` lives on each
window (``diagnostics_export_for``) so a second request while a zip is being
written is answered rather than started twice.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from advisoros_desktop.diagnostics.diagnostics_export import (
    DiagnosticsExportError,
    default_file_name,
    write_diagnostics,
)

if TYPE_CHECKING:
    from advisoros_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# (parent, suggested path) -> the chosen path, or None when the person cancelled.
ChooseTarget = Callable[[QWidget, Path], Path | None]

DIALOG_TITLE = QT_TRANSLATE_NOOP("DiagnosticsExport", "Export diagnostics")


def _tr(text: str) -> str:
    """A text marked in context ``DiagnosticsExport``."""
    return QCoreApplication.translate("DiagnosticsExport", text)


def ask_for_target(parent: QWidget, suggested: Path) -> Path | None:
    """The save dialog; a name typed without ``.zip`` gets it."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr(DIALOG_TITLE),
        str(suggested),
        QCoreApplication.translate("DiagnosticsExport", "Zip archives (*.zip)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def suggested_folder() -> Path:
    """The person's Documents folder (whatever the system calls it), else their home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def qt_versions() -> str:
    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"


class DiagnosticsExport(QObject):
    """Exports the diagnostics of one window's data folder, one zip at a time."""

    saved = Signal(object)  # the zip's Path
    failed = Signal(str)  # why not, in words
    _finished_in_worker = Signal(object)  # the Path, or the exception

    def __init__(
        self,
        window: MainWindow,
        choose_target: ChooseTarget = ask_for_target,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(window)
        self.setObjectName("diagnosticsExport")
        self._window = window
        self._choose_target = choose_target
        self._clock = clock
        self.running = False
        self.message_box: QMessageBox | None = None  # the last failure, while it is open
        self._finished_in_worker.connect(self._finished)

    def start(self) -> None:
        """Ask where to save, then write the zip on a worker thread; returns at once."""
        window = self._window
        if self.running:
            window.show_message(self.tr("Diagnostics are still being saved…"))
            return
        now = self._clock()
        target = self._choose_target(window, suggested_folder() / default_file_name(now))
        if target is None:
            return
        settings = window.context.settings
        settings.sync()  # what the window changed lately, on disk before it is read
        settings_file = (
            Path(settings.fileName())
            if settings.format() == QSettings.Format.IniFormat
            else None  # the registry or a plist: nothing to read as a file
        )
        self.running = True
        window.show_message(self.tr("Saving diagnostics…"))
        worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diagnostics")
        future = worker.submit(
            write_diagnostics,
            window.context.data_dir,
            target,
            settings_file,
            qt_versions(),
            now,
        )
        future.add_done_callback(self._done_in_worker)
        worker.shutdown(wait=False)  # the thread ends once the zip is written

    # -- worker thread -> GUI thread --------------------------------------------------------
    def _done_in_worker(self, future: Future[Path]) -> None:
        error = future.exception()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished_in_worker.emit(error if error is not None else future.result())

    @Slot(object)
    def _finished(self, result: Path | BaseException) -> None:
        self.running = False
        if isinstance(result, Path):
            self._window.show_message(self.tr("Diagnostics saved to {path}").format(path=result))
            self.saved.emit(result)
            return
        if isinstance(result, DiagnosticsExportError):
            reason = str(result)
        else:
            log.error("exporting diagnostics failed", exc_info=result)
            reason = self.tr("Something unexpected stopped the export ({problem}).").format(
                problem=result
            )
        self._window.show_message(self.tr("Diagnostics not saved."))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr(DIALOG_TITLE),
            self.tr("The diagnostics could not be saved.") + "\n\n" + reason,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps working behind it
        self.message_box = box
        self.failed.emit(reason)


def diagnostics_export_for(window: MainWindow) -> DiagnosticsExport:
    """The window's exporter, made on first use."""
    existing = window.findChild(DiagnosticsExport, "diagnosticsExport")
    return existing if existing is not None else DiagnosticsExport(window)
