"""Drag anywhere: files dropped on any part of the main window are taken in.

Qt hands a drag to the widget under the cursor that accepts drops, and tables,
text fields and docks each have their own ideas (a filter box would paste the
file's address as text). Rather than teach every widget, an event filter on
the window's platform window (and on each dock floating as a window of its
own) takes every drag of local files before Qt hands it to the widget under
the cursor, and a translucent overlay says what a drop will do: "Drop to add
3 files to Acme LLC". The filter is not application-wide: that one would
bring every event of every object into Python, each waiting for Python's lock
while uploads keep other threads busy.

A drop never moves anything: the action is always a copy, so the program the
files came from (a file manager) never deletes its originals. The drop itself
returns at once; the files are handed on from the event loop's next turn.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QWindow,
)
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from advisoros_desktop.ui.counted_text import count_text

HINT = QT_TRANSLATE_NOOP(
    "DropOverlay", "You check the client, category and year before anything is sent."
)
_DRAG_EVENTS = (
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.DragLeave,
    QEvent.Type.Drop,
)


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders a drag carries (web links and text are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def overlay_text(paths: list[Path], client_name: str | None) -> str:
    """What a drop will do. Names only: a drag must not wait for a slow network drive."""
    if len(paths) == 1:
        what = f"“{paths[0].name or paths[0]}”"
    else:
        with_suffix = sum(1 for p in paths if p.suffix)
        kind = (
            QCoreApplication.translate("DropIntake", "{n} files")
            if with_suffix == len(paths)
            else QCoreApplication.translate("DropIntake", "{n} folders")
            if not with_suffix
            else QCoreApplication.translate("DropIntake", "{n} files and folders")
        )
        what = kind.format(n=count_text(len(paths)))
    if client_name:
        return QCoreApplication.translate("DropIntake", "Drop to add {what} to {client}").format(
            what=what, client=client_name
        )
    return QCoreApplication.translate(
        "DropIntake", "Drop to add {what} — you will choose the client next"
    ).format(what=what)


class DropOverlay(QWidget):
    """A translucent sheet over the whole window while files are dragged over it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("dropOverlay")
        # The widgets underneath still receive the drag; the sheet is only a picture.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = ""
        self.hide()

    def show_text(self, text: str) -> None:
        self.text = text
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.palette().highlight().color()
        veil = QColor(self.palette().window().color())
        veil.setAlpha(200)
        painter.fillRect(self.rect(), veil)
        frame = QRectF(self.rect()).adjusted(16, 16, -16, -16)
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        tint = QColor(accent)
        tint.setAlpha(30)
        painter.setBrush(tint)
        painter.drawRoundedRect(frame, 12, 12)
        title_font = self.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        title_metrics = QFontMetrics(title_font)
        hint_metrics = QFontMetrics(self.font())
        room = int(frame.width()) - 96
        title = title_metrics.elidedText(self.text, Qt.TextElideMode.ElideMiddle, room)
        hint = self.tr(HINT)
        width = max(title_metrics.horizontalAdvance(title), hint_metrics.horizontalAdvance(hint))
        height = title_metrics.height() + hint_metrics.height() + 8
        card = QRectF(0, 0, min(width + 64, frame.width() - 32), height + 40)
        card.moveCenter(frame.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(card, 10, 10)
        painter.setPen(self.palette().windowText().color())
        painter.setFont(title_font)
        top = card.adjusted(0, 20, 0, 0)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), title)
        painter.setFont(self.font())
        painter.setPen(self.palette().placeholderText().color())
        below = top.adjusted(0, title_metrics.height() + 8, 0, 0)
        painter.drawText(
            below, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), hint
        )
        painter.end()


class DropIntake(QObject):
    """Watches the application's drag events for ``window``; ``files_dropped`` on a drop.

    ``target_name()`` names the client a drop would go to (None: not known yet);
    it is asked once per drag, when the drag enters the window.
    """

    files_dropped = Signal(list)  # list[Path]

    def __init__(
        self,
        window: QMainWindow,
        target_name: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self._window = window
        self._target_name = target_name
        self.overlay = DropOverlay(window)
        self._installed = False
        self._watched: list[QWindow] = []  # the platform windows whose drags are taken
        self._leaving = QTimer(self)
        self._leaving.setSingleShot(True)
        self._leaving.setInterval(0)
        self._leaving.timeout.connect(self.overlay.hide)

    def install(self) -> None:
        # Qt sends drag events only to widgets that accept drops: the window does,
        # and the docks too, for when they float as windows of their own.
        self._window.setAcceptDrops(True)
        if self._installed:
            return
        self._installed = True
        self._watch(self._window)
        for dock in self._window.findChildren(QDockWidget):
            dock.setAcceptDrops(True)
            dock.topLevelChanged.connect(self._dock_floated)
            if dock.isFloating():
                self._watch(dock)

    def remove(self) -> None:
        if self._installed:
            for dock in self._window.findChildren(QDockWidget):
                dock.topLevelChanged.disconnect(self._dock_floated)
        self._installed = False
        for handle in self._watched:
            with contextlib.suppress(RuntimeError):  # a floating dock's window may be gone
                handle.removeEventFilter(self)
        self._watched.clear()
        self.overlay.hide()

    def _watch(self, widget: QWidget) -> None:
        """Filter the drag events of ``widget``'s platform window (made now if it has none)."""
        widget.winId()
        handle = widget.windowHandle()
        if handle is not None and handle not in self._watched:
            handle.installEventFilter(self)
            self._watched.append(handle)

    def _dock_floated(self, floating: bool) -> None:
        dock = self.sender()
        if floating and self._installed and isinstance(dock, QDockWidget):
            self._watch(dock)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _DRAG_EVENTS or watched not in self._watched:
            return False
        if kind == QEvent.Type.DragLeave:
            self._leaving.start()  # unless the drag enters another widget of the window now
            return False
        assert isinstance(event, QDropEvent)  # enter and move events are drop events too
        paths = local_paths(event.mimeData())
        if not paths or not self._copy(event):
            return False
        if kind == QEvent.Type.DragEnter:
            self._leaving.stop()
            if not self.overlay.isVisible():
                self.overlay.show_text(overlay_text(paths, self._target_name()))
        elif kind == QEvent.Type.DragMove:
            self._leaving.stop()
        else:
            self.overlay.hide()
            # The program the files came from waits for the drop to return.
            QTimer.singleShot(0, lambda: self.files_dropped.emit(paths))
        return True

    @staticmethod
    def _copy(event: QDropEvent) -> bool:
        """Accept as a copy (never a move: the source must keep its files)."""
        if not event.possibleActions() & Qt.DropAction.CopyAction:
            event.ignore()
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        return True
