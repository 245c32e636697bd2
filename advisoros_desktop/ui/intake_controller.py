"""Intake seen from the window: the account's intake service, with Qt signals and undo.

The service (engine, watched folders, uploader) is Qt-free; this wraps it the
way ``SyncController`` wraps the sync scheduler. Everything slow leaves the
GUI thread: a drop is walked and queued on the engine's walker, and the
person's queue actions (pause, resume, cancel, retry, assign, clear) run one
after another on a worker thread of their own, because each can touch
thousands of rows and every commit waits for the disk. Results come back to
the GUI thread as queued signals; what changed shows through ``queue_changed``
(store notices, at most four a second) and a line in ``message``. The queue's
totals are counted after each ``queue_changed`` on a thread of their own and
arrive in ``totals.ready``, for the status bar and the Intake view alike.

Queue actions return at once with the number of jobs they act on, counted
when asked (a job may still finish before the worker reaches it; the queue
then shows what really happened). Failures are said in ``message``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from advisoros_desktop.intake.client_directory import ClientDirectory
from advisoros_desktop.intake.intake_engine import BatchReport, IntakeEngine, IntakeTarget
from advisoros_desktop.intake.routing import Router
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.intake_service import IntakeService
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.store.upload_queue import FINISHED, UploadQueue
from advisoros_desktop.sync.account import Account
from advisoros_desktop.ui.counted_text import counted
from advisoros_desktop.ui.intake_settings import Assignment, IntakeSettings
from advisoros_desktop.ui.queue_totals import QueueTotalsReader, files_on_their_way
from advisoros_desktop.ui.reason_texts import reason_text

log = logging.getLogger(__name__)

QUEUE_CHANGED_INTERVAL_MS = 250  # at most four refreshes a second
# Jobs that "pause all" stops: those still on their way to the server by themselves.
_ON_THEIR_WAY = ("hashing", "waiting", "uploading")


FILES = (
    QT_TRANSLATE_NOOP("IntakeController", "{n} file"),
    QT_TRANSLATE_NOOP("IntakeController", "{n} files"),
)
ADDED_BEFORE = (
    QT_TRANSLATE_NOOP("IntakeController", "{n} file was added before."),
    QT_TRANSLATE_NOOP("IntakeController", "{n} files were added before."),
)
SKIPPED = (
    QT_TRANSLATE_NOOP("IntakeController", "{n} file skipped ({why})."),
    QT_TRANSLATE_NOOP("IntakeController", "{n} files skipped ({why})."),
)


def batch_texts(report: BatchReport, client_name: str | None) -> tuple[str, str]:
    """The undo step's text and the status-bar message for a queued batch.

    ``client_name`` None: no client was given, the filename rules route each file.
    """
    files = counted("IntakeController", FILES, report.queued)
    if client_name:
        undo_text = QCoreApplication.translate(
            "IntakeController", "Add {files} for {client}"
        ).format(files=files, client=client_name)
    else:
        undo_text = QCoreApplication.translate("IntakeController", "Add {files}").format(
            files=files
        )
    parts = []
    if report.queued and client_name:
        parts.append(
            QCoreApplication.translate("IntakeController", "Added {files} for {client}.").format(
                files=files, client=client_name
            )
        )
    elif report.queued:
        parts.append(
            QCoreApplication.translate("IntakeController", "Added {files}.").format(files=files)
        )
        parts.append(
            QCoreApplication.translate("IntakeController", "Filename rules choose their clients.")
        )
    else:
        parts.append(QCoreApplication.translate("IntakeController", "Nothing was added."))
    if report.already_taken:
        parts.append(counted("IntakeController", ADDED_BEFORE, report.already_taken))
    if report.ignored:
        why = reason_text(report.ignored[0][1])
        if len({w for _p, w in report.ignored}) > 1:
            why = QCoreApplication.translate("IntakeController", "{reason} and others").format(
                reason=why
            )
        parts.append(counted("IntakeController", SKIPPED, len(report.ignored), why=why))
    return undo_text, " ".join(parts)


class IntakeController(QObject):
    queue_changed = Signal()  # throttled, at most four a second
    folder_status_changed = Signal(str, str, str)  # folder path, state, message
    batch_queued = Signal(object)  # BatchReport
    # After every ``add_files``, queued or not (after ``batch_queued`` when it was).
    batch_ended = Signal()
    message = Signal(str)  # for the status bar

    _uploads_arrived = Signal()  # from the committing thread
    _done = Signal(object, object)  # (callback, result) from a worker thread

    def __init__(
        self,
        account: Account,
        settings: IntakeSettings,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._undo_stack = undo_stack
        self._applied_folders: list[WatchedFolder] = settings.folders()
        self._service = IntakeService(
            account,
            folders=self._applied_folders,
            rules=settings.rules,
            on_folder_status=self._folder_status,
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = False
        self._stopped = False
        self._folders_pending = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._actions = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-actions")
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(QUEUE_CHANGED_INTERVAL_MS)
        self._throttle.timeout.connect(self.queue_changed.emit)
        # Counted after every change the queue reports; shared by everyone who shows them.
        self.totals = QueueTotalsReader(lambda: self.queue.totals(), self)
        self.queue_changed.connect(self.totals.request)
        self._uploads_arrived.connect(self._uploads_changed)
        self._done.connect(self._deliver)
        self._unsubscribe: Callable[[], None] | None = account.store.subscribe(self._store_changed)
        settings.changed.connect(self._settings_changed)

    # -- what others read -------------------------------------------------------------------
    @property
    def service(self) -> IntakeService:
        return self._service

    @property
    def engine(self) -> IntakeEngine:
        return self._service.engine

    @property
    def queue(self) -> UploadQueue:
        return self._service.engine.queue

    @property
    def uploads_under_way(self) -> bool:
        """Files being checked or sent, by the last count (none before the first)."""
        latest = self.totals.latest
        return latest is not None and files_on_their_way(latest) > 0

    @property
    def clients(self) -> ClientDirectory:
        return self._service.engine.clients

    @property
    def settings(self) -> IntakeSettings:
        return self._settings

    def folder_states(self) -> dict[str, tuple[str, str]]:
        """Each watched folder's last state and message (``folder_status_changed`` tells news)."""
        return dict(self._service.folder_states)

    # -- starting and stopping ----------------------------------------------------------------
    async def start(self) -> None:
        """Resume what a previous run left, start the uploader and the watched folders."""
        self._loop = asyncio.get_running_loop()
        await self._service.start()
        self._started = True
        if self._folders_pending:
            self._apply_folders()
        # The client picker's matcher, prepared now rather than when someone is waiting.
        await asyncio.to_thread(lambda: Router(self.clients.names()))
        self.queue_changed.emit()  # what a previous run left shows at once

    async def stop(self) -> None:
        """Stop watching and sending; jobs keep their state and resume at the next start."""
        if self._stopped:
            return
        self._stopped = True
        self._settings.changed.disconnect(self._settings_changed)
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._throttle.stop()
        self.totals.close()
        for task in list(self._tasks):
            await asyncio.gather(task, return_exceptions=True)
        await asyncio.to_thread(self._actions.shutdown, True)
        await self._service.stop()

    # -- taking files ---------------------------------------------------------------------------
    def add_files(
        self, paths: Sequence[Path], target: IntakeTarget, *, source: str = "drag_drop"
    ) -> None:
        """Queue ``paths`` (files and folders) as one batch; returns at once.

        The walk happens on the engine's walker thread; when the batch is
        queued, it becomes one undo step and ``batch_queued`` and ``message``
        say what was taken.
        """
        if self._stopped:
            self.message.emit(self.tr("Intake has stopped; the files were not added."))
            self.batch_ended.emit()
            return
        future = self.engine.submit_in_background(list(paths), target=target, source=source)
        future.add_done_callback(lambda done: self._submitted(done, target))

    def _submitted(self, future: Future[BatchReport], target: IntakeTarget) -> None:
        # On the walker thread: the client's name is looked up here, off the GUI thread.
        if future.cancelled():  # intake stopped meanwhile
            self._emit_done(self._batch_failed, "")
            return
        error = future.exception()
        if error is not None:
            log.error("adding files failed", exc_info=error)
            self._emit_done(
                self._batch_failed,
                self.tr(
                    "The files could not be added ({problem}). Nothing was queued; try again."
                ).format(problem=error),
            )
            return
        report = future.result()
        name = None
        if target.client_id is not None:
            name = self.clients.name_of(target.client_id) or self.tr("the chosen client")
        self._emit_done(self._batch_done, (report, *batch_texts(report, name)))

    def _batch_done(self, result: tuple[BatchReport, str, str]) -> None:
        report, undo_text, message = result
        if report.queued:
            self._push_undo(report.batch_id, undo_text)
        self.batch_queued.emit(report)
        self.message.emit(message)
        self.batch_ended.emit()

    def _batch_failed(self, message: str) -> None:
        if message:
            self.message.emit(message)
        self.batch_ended.emit()

    def _push_undo(self, batch_id: str, text: str) -> None:
        try:
            from advisoros_desktop.commands.intake_batch import IntakeBatchCommand
        except ImportError:
            log.warning("intake batches cannot be undone: commands.intake_batch is missing")
            return
        self._undo_stack.push(IntakeBatchCommand(self, batch_id, text))

    # -- the person's queue actions ----------------------------------------------------------
    def pause(self, ids: Sequence[str]) -> int:
        return self._act(ids, self.engine.pause)

    def resume(self, ids: Sequence[str]) -> int:
        return self._act(ids, self.engine.resume_jobs)

    def cancel(self, ids: Sequence[str]) -> int:
        return self._act(ids, self.engine.cancel)

    def retry(self, ids: Sequence[str]) -> int:
        return self._act(ids, self.engine.retry)

    def pause_all(self) -> int:
        """Pause every file still on its way (unsorted files wait for a person anyway)."""
        return self._act_on_states(_ON_THEIR_WAY, self.engine.pause)

    def resume_all(self) -> int:
        return self._act_on_states(("paused",), self.engine.resume_jobs)

    def retry_failed(self) -> int:
        return self._act_on_states(("failed",), self.engine.retry)

    def clear_finished(self) -> int:
        """Remove finished jobs whose source files are dealt with."""
        # Counted here (cheap reads) so the caller can say how many; removed on the worker.
        count = self.queue.count(FINISHED) - len(self.queue.unsettled_finished())
        if count:
            self._run(self.queue.clear_finished, lambda _n: None)
        return count

    def assign(
        self,
        ids: Sequence[str],
        client_id: str,
        category: str | None = None,
        year: int | None = None,
    ) -> int:
        """Send unsorted files to ``client_id``; the choice is remembered for rule suggestions."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0

        def work() -> list[Assignment]:
            jobs = [job for job in map(self.queue.get, wanted) if job and job.state == "unsorted"]
            self.engine.assign(
                [job.upload_id for job in jobs], client_id, category=category, year=year
            )
            return [
                (job.file_name, client_id, category or job.category, year or job.year)
                for job in jobs
            ]

        self._run(work, self._settings.add_assignments)
        return len(wanted)

    def _act(self, ids: Sequence[str], work: Callable[[list[str]], int]) -> int:
        wanted = list(dict.fromkeys(ids))
        if wanted:
            self._run(lambda: work(wanted), lambda _n: None)
        return len(wanted)

    def _act_on_states(self, states: Sequence[str], work: Callable[[list[str]], int]) -> int:
        count = self.queue.count(list(states))  # one aggregate read, for the caller's message
        if count:
            self._run(
                lambda: work([job.upload_id for job in self.queue.jobs(list(states))]),
                lambda _n: None,
            )
        return count

    def _run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """``work`` on the actions thread, then ``then(result)`` on the GUI thread."""
        if self._stopped:
            return

        def run() -> None:
            try:
                result = work()
            except Exception as error:  # say it; the queue is unchanged or partly changed
                log.exception("an intake queue action failed")
                self._emit_done(
                    self.message.emit,
                    self.tr("The upload queue could not be changed: {problem}").format(
                        problem=error
                    ),
                )
                return
            self._emit_done(then, result)

        with contextlib.suppress(RuntimeError):  # shut down meanwhile
            self._actions.submit(run)

    # -- threads -> GUI thread ------------------------------------------------------------------
    def _emit_done(self, callback: Callable[[Any], None], result: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and this object) is gone
            self._done.emit(callback, result)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)

    def _store_changed(self, changes: ChangeSet) -> None:
        # On the committing thread: only a signal crosses to the GUI thread.
        if changes.uploads:
            with contextlib.suppress(RuntimeError):
                self._uploads_arrived.emit()

    @Slot()
    def _uploads_changed(self) -> None:
        if not self._throttle.isActive():
            self._throttle.start()

    def _folder_status(self, path: str, state: str, message: str) -> None:
        # On a watcher's thread; receivers on the GUI thread get it queued.
        with contextlib.suppress(RuntimeError):
            self.folder_status_changed.emit(path, state, message)

    # -- settings ------------------------------------------------------------------------------
    def _settings_changed(self) -> None:
        if self._settings.folders() == self._applied_folders:
            return  # rules are read for each file; nothing to restart
        if not self._started:
            self._folders_pending = True
            return
        self._apply_folders()

    def _apply_folders(self) -> None:
        self._folders_pending = False
        folders = self._settings.folders()
        self._applied_folders = folders
        if self._loop is None or self._loop.is_closed():
            return
        task = self._loop.create_task(self._service.set_folders(folders))
        self._tasks.add(task)
        task.add_done_callback(self._folders_applied)

    def _folders_applied(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("watched folders could not be applied", exc_info=task.exception())
            self.message.emit(
                self.tr("The watched folders could not be started: {problem}").format(
                    problem=task.exception()
                )
            )
