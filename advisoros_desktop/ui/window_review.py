"""The main window's Review view: the list of documents needing review, and the split view.

The Review entry of the navigation shows the documents whose extracted
fields need a person (a record list like the others, J/K and the filter
work there). Enter opens the current one in the split view (the page on the
left, the fields on the right); approving with Ctrl+Enter opens the next
document of the list; Alt+Left (Go > Back) goes back to the list (Backspace
edits the value under review there). While the split view
shows, the window's Details dock steps aside (the split view has the
document's fields, and the page needs the width); it comes back as it was
when the reviewer returns to the list or leaves the view. The split view is
built the first time a document is opened: it needs the signed-in user (to
record who confirmed what) and, for pages not on this computer yet, the
account's connection, which exist only once the window is attached to its
account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QStackedWidget

from advisoros_desktop.store.document_content import DocumentContent
from advisoros_desktop.ui.record_view import RecordView
from advisoros_desktop.ui.review_commands import REVIEW_COMMAND_IDS
from advisoros_desktop.ui.review_view import ReviewView, signed_in_user_id

if TYPE_CHECKING:
    from advisoros_desktop.ui.main_window import MainWindow


class WindowReview(QObject):
    """The Review view's two pages: the list, and the document under review."""

    def __init__(self, window: MainWindow, list_view: RecordView) -> None:
        super().__init__(window)
        self.window = window
        self.list_view = list_view
        self.page = QStackedWidget(window)
        self.page.setObjectName("reviewPage")
        self.page.addWidget(list_view)
        self.page.setFocusProxy(list_view)  # the window focuses the page it shows
        self.view: ReviewView | None = None
        # Whether the Details dock showed before the split view put it aside (None: it did not).
        self._details_were_visible: bool | None = None

    @property
    def showing_document(self) -> bool:
        return self.view is not None and self.page.currentWidget() is self.view

    def open(self, document_id: str) -> None:
        """Show ``document_id`` in the split view, building the view the first time."""
        view = self.view or self._build()
        if view is None:
            return
        self.page.setCurrentWidget(view)
        self.page.setFocusProxy(view.fields)
        self._set_details_aside(True)
        if not view.open_document(document_id):
            self.window.show_message(self.tr("This document has no extracted fields yet."))
        view.fields.setFocus(Qt.FocusReason.OtherFocusReason)
        self.window.actions.update_enabled()

    def show_list(self) -> None:
        self.page.setCurrentWidget(self.list_view)
        self.page.setFocusProxy(self.list_view)
        self._set_details_aside(False)
        self.list_view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.window.actions.update_enabled()

    def view_shown(self, shown: bool) -> None:
        """The window switched to (True) or away from the Review view."""
        self._set_details_aside(shown and self.showing_document)

    def _set_details_aside(self, aside: bool) -> None:
        dock = self.window.details_dock
        if aside and self._details_were_visible is None:
            self._details_were_visible = dock.isVisible()
            dock.hide()
        elif not aside and self._details_were_visible is not None:
            if self._details_were_visible:
                dock.show()
            self._details_were_visible = None

    def _build(self) -> ReviewView | None:
        sync = self.window.context.sync
        account = sync.account if sync is not None else None
        if account is None:
            self.window.show_message(
                self.tr("The review opens once the workspace is connected; try again in a moment.")
            )
            return None
        user_id = signed_in_user_id(self.window.store, account.user)
        if user_id is None:
            self.window.show_message(
                self.tr(
                    "Your user is not in this computer's copy yet; sync, then open the "
                    "document again."
                )
            )
            return None
        view = ReviewView(
            self.window.store,
            self.window.undo_stack,
            user_id,
            DocumentContent(self.window.context.data_dir),
            account.api,
            notices=self.window.notices,
            parent=self.page,
        )
        view.adopt_actions({cid: self.window.actions.action(cid) for cid in REVIEW_COMMAND_IDS})
        view.next_requested.connect(self._open_next)
        view.message.connect(self.window.show_message)
        self.page.addWidget(view)
        self.view = view
        return view

    def _open_next(self) -> None:
        """After an approval: the next document of the list, or back to the list at its end."""
        table = self.list_view.table
        current = table.currentIndex().row()
        if current + 1 >= table.record_model().rowCount():
            self.show_list()
            self.window.show_message(self.tr("That was the last document to review."))
            return
        table.move_rows(1)
        document_id = table.current_record_id()
        if document_id is not None:
            self.open(document_id)
