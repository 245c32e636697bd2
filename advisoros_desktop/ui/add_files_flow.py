"""From "these files" to a queued batch: find the client, let the person confirm, queue.

A drop, "Add files…" and "Add folder…" all end here. The dropped paths are
first surveyed on a worker thread (count, size, what the filename rules say),
then the add-files dialog asks; the client in view, or the one the rules are
sure of, is already filled in, otherwise the client picker opens. Confirming
hands the paths to the intake controller, which walks and queues them off
the GUI thread too.

One flow at a time: a drop while the dialog is open is refused with a word,
and a survey overtaken by a newer drop is abandoned (generation token).
``busy`` says when a flow starts and ends, so the window can hold back its
own background work (the palette's indexing) while the drop is surveyed,
confirmed and queued.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from advisoros_desktop.ui.add_files_dialog import AddFilesDialog, files_text
from advisoros_desktop.ui.drop_survey import Survey, survey_paths
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.reason_texts import reason_text

# (client id or None, a note saying where it came from)
ClientInView = Callable[[], tuple[str | None, str]]


class AddFilesFlow(QObject):
    message = Signal(str)  # for the status bar
    busy = Signal(bool)  # a drop is being surveyed or confirmed (True), or no longer (False)
    _surveyed = Signal(int, object)  # generation, Survey or the exception, from the worker

    def __init__(
        self,
        controller: IntakeController,
        client_in_view: ClientInView,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._client_in_view = client_in_view
        self._parent = parent
        self.dialog: AddFilesDialog | None = None
        self._generation = 0
        self._closed = False
        self._pending: tuple[str, str | None, str] | None = None  # source, client id, note
        self._surveyor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-survey")
        self._surveyed.connect(self._show_dialog)
        self._walking = 0  # batches handed to the controller and not yet queued
        controller.batch_ended.connect(self._batch_ended)

    def start(self, paths: Sequence[Path], source: str = "drag_drop") -> None:
        """Ask about ``paths`` and queue them; returns at once."""
        if self._closed or not paths:
            return
        if self.dialog is not None:
            self.message.emit(self.tr("Finish adding the files in the open dialog first."))
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        client_id, note = self._client_in_view()
        self._generation += 1
        generation = self._generation
        self._pending = (source, client_id, note)
        self.busy.emit(True)
        self.message.emit(self.tr("Looking at the files…"))
        future = self._surveyor.submit(
            survey_paths,
            list(paths),
            self._controller.clients.names,
            self._controller.settings.rules(),
            should_stop=lambda: self._closed or generation != self._generation,
        )
        future.add_done_callback(lambda done: self._survey_done(generation, done))

    def close(self) -> None:
        self._closed = True
        self._surveyor.shutdown(wait=False, cancel_futures=True)
        if self.dialog is not None:
            self.dialog.reject()

    # -- worker thread -> GUI thread ----------------------------------------------------
    def _survey_done(self, generation: int, future: Future[Survey]) -> None:
        if future.cancelled():
            return
        error = future.exception()
        with contextlib.suppress(RuntimeError):  # the window is gone
            self._surveyed.emit(generation, error if error is not None else future.result())

    @Slot(int, object)
    def _show_dialog(self, generation: int, result: Survey | BaseException) -> None:
        if self._closed or generation != self._generation or self._pending is None:
            return  # a newer drop overtook this one
        if isinstance(result, BaseException):
            self.busy.emit(False)
            self.message.emit(
                self.tr("The files could not be read ({problem}). Nothing was added.").format(
                    problem=result
                )
            )
            return
        source, client_id, note = self._pending
        if not result.files:
            self.busy.emit(False)
            self.message.emit(self._nothing_to_add(result))
            return
        self.message.emit("")
        client = result.client(client_id) if client_id else None
        dialog = AddFilesDialog(result, client, self._parent, client_note=note if client else "")
        dialog.finished.connect(lambda outcome: self._dialog_finished(dialog, source, outcome))
        self.dialog = dialog
        dialog.open()
        if dialog.needs_client():
            dialog.choose_client()

    def _nothing_to_add(self, survey: Survey) -> str:
        if not survey.ignored:
            return self.tr("Nothing to add.")
        if survey.ignored_reason:
            return self.tr("Nothing to add: {files} skipped ({why}).").format(
                files=files_text(survey.ignored), why=reason_text(survey.ignored_reason)
            )
        return self.tr("Nothing to add: {files} skipped.").format(files=files_text(survey.ignored))

    @Slot()
    def _batch_ended(self) -> None:
        if self._walking:
            self._walking -= 1
            if not self._walking and self.dialog is None:
                self.busy.emit(False)

    def _dialog_finished(self, dialog: AddFilesDialog, source: str, outcome: int) -> None:
        self.dialog = None
        self._pending = None
        if outcome == QDialog.DialogCode.Accepted.value:
            # Busy until the walk has queued the files; the uploads that follow hold the
            # window's background work themselves (``WindowIntake``).
            self._walking += 1
            self._controller.add_files(dialog.survey.paths, dialog.target(), source=source)
        else:
            self.message.emit(self.tr("Nothing was added."))
            self.busy.emit(False)
        dialog.deleteLater()
