"""Confirming what dropped (or chosen) files are: how many, for which client, what kind.

One glance and one key: the client in view (or the one the filename rules
give) is filled in and the OK button has focus, so Enter adds the files. When
no client is known the client field has focus and the client picker opens.
Category and tax year default to "infer from each file" (filename rules, then
what the name says); choosing one applies it to every file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES
from advisoros_desktop.intake.intake_engine import IntakeTarget
from advisoros_desktop.intake.name_hints import MIN_YEAR, latest_tax_year
from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.ui.client_picker import ClientPicker
from advisoros_desktop.ui.counted_text import count_text, counted
from advisoros_desktop.ui.drop_survey import Survey
from advisoros_desktop.ui.field_format import choice_label
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.reason_texts import reason_text

# Years offered besides "infer": the latest tax year back this many years.
YEARS_OFFERED = 30
# Kinds of category or year named in the "infer" entry before the rest are counted as "others".
SUMMARY_KINDS = 3


def size_text(size: int) -> str:
    """Bytes as people read them: "840 bytes", "1.2 MB"."""
    return display_locale().formattedDataSize(
        size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


FILE_COUNTS = (
    QT_TRANSLATE_NOOP("AddFilesDialog", "{n} file"),
    QT_TRANSLATE_NOOP("AddFilesDialog", "{n} files"),
)


def files_text(count: int) -> str:
    return counted("AddFilesDialog", FILE_COUNTS, count)


def _inferred_summary(found: Counter[Hashable], none_text: str) -> str:
    """'all W-2', 'W-2: 2, 1099: 1, no hint: 1', or ``none_text`` when no file says anything."""
    named = [(kind, n) for kind, n in found.most_common() if kind is not None]
    if not named:
        return none_text
    if len(found) == 1:
        return QCoreApplication.translate("AddFilesDialog", "all {kind}").format(kind=named[0][0])
    shown = named[:SUMMARY_KINDS]
    parts = [f"{kind}: {count_text(n)}" for kind, n in shown]
    others = sum(n for _kind, n in named[SUMMARY_KINDS:])
    if others:
        parts.append(
            QCoreApplication.translate("AddFilesDialog", "others: {n}").format(n=count_text(others))
        )
    if found.get(None):
        parts.append(
            QCoreApplication.translate("AddFilesDialog", "no hint: {n}").format(
                n=count_text(found[None])
            )
        )
    return ", ".join(parts)


class ClientField(QLineEdit):
    """Shows the chosen client; typing, Enter (when empty), F4 or a click opens the picker."""

    pick_requested = Signal(str)  # the text typed so far

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)  # a client is chosen from the list, never typed free
        self.setObjectName("clientField")
        self.setPlaceholderText(self.tr("Type to choose a client"))
        self.setToolTip(self.tr("Type part of a name, or press Enter or F4, to choose the client"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt_down = key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_F4, Qt.Key.Key_Space) or alt_down:
            self.pick_requested.emit("")
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.text():
            self.pick_requested.emit("")
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.text().isprintable() and event.text().strip() and not modifiers:
            self.pick_requested.emit(event.text())
            return
        super().keyPressEvent(event)  # Tab, Enter to confirm, Esc to cancel

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.pick_requested.emit("")


class AddFilesDialog(QDialog):
    """``client``: the client in view (with ``client_note`` saying so), or None."""

    def __init__(
        self,
        survey: Survey,
        client: ClientName | None = None,
        parent: QWidget | None = None,
        *,
        client_note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addFilesDialog")
        self.setWindowTitle(self.tr("Add files"))
        self.survey = survey
        self.picker: ClientPicker | None = None
        self._client = client
        self._by_rules = client is None and survey.certain_by_rules
        if client is None and survey.single_client is not None:
            self._client = survey.client(survey.single_client)
            self._by_rules = False
            client_note = self.tr("Filename rules send every file to this client.")

        summary = self._summary()
        self.client_field = ClientField(self)
        self.client_field.pick_requested.connect(self.choose_client)
        self.client_note = QLabel(client_note, self)
        self.client_note.setObjectName("clientNote")
        self.client_note.setWordWrap(True)
        self.client_note.setEnabled(False)  # a quiet hint under the field
        self.category = self._category_choice()
        self.year = self._year_choice()

        form = QFormLayout()
        form.addRow(self.tr("&Client:"), self.client_field)
        form.addRow("", self.client_note)
        form.addRow(self.tr("Ca&tegory:"), self.category)
        form.addRow(self.tr("Tax &year:"), self.year)
        buttons = QDialogButtonBox(self)
        # Made here and then added: addButton(text, role) may hand back a plain
        # QWidget wrapper, which has no setDefault (the drop then did nothing).
        self.ok_button = QPushButton(self.tr("&Add files"), buttons)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("addFilesOk")
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._show_client()

    # -- building -------------------------------------------------------------------------
    def _summary(self) -> QVBoxLayout:
        """ "Add 3 files (1.2 MB)", where from, and what will be skipped."""
        survey = self.survey
        title = QLabel(
            self.tr("Add {files} ({size})").format(
                files=files_text(survey.files), size=size_text(survey.total_bytes)
            ),
            self,
        )
        title.setObjectName("addFilesSummary")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        names = ", ".join(f"“{path.name or path}”" for path in survey.paths)
        self.sources = QLabel(self)
        self.sources.setObjectName("addFilesSources")
        self.sources.setText(
            self.sources.fontMetrics().elidedText(
                self.tr("From {names}").format(names=names), Qt.TextElideMode.ElideRight, 420
            )
        )
        self.sources.setToolTip("\n".join(str(path) for path in survey.paths))
        self.skipped = QLabel(self)
        self.skipped.setObjectName("addFilesSkipped")
        self.skipped.setWordWrap(True)
        if survey.ignored:
            self.skipped.setText(
                self.tr("{files} will be skipped ({why}).").format(
                    files=files_text(survey.ignored), why=reason_text(survey.ignored_reason or "")
                )
            )
        self.skipped.setVisible(bool(survey.ignored))
        column = QVBoxLayout()
        for label in (title, self.sources, self.skipped):
            column.addWidget(label)
        return column

    def _category_choice(self) -> QComboBox:
        choice = QComboBox(self)
        choice.setObjectName("categoryChoice")
        found = Counter(
            {(choice_label(k) if k else None): n for k, n in self.survey.categories.items()}
        )
        choice.addItem(
            self.tr("Infer from each file ({found})").format(
                found=_inferred_summary(found, self.tr("none found: General"))
            ),
            None,
        )
        for code in DOCUMENT_CATEGORIES:
            choice.addItem(choice_label(code), code)
        return choice

    def _year_choice(self) -> QComboBox:
        choice = QComboBox(self)
        choice.setObjectName("yearChoice")
        choice.addItem(
            self.tr("Infer from each file ({found})").format(
                found=_inferred_summary(self.survey.years, self.tr("none found"))
            ),
            None,
        )
        latest = latest_tax_year()
        for year in range(latest, max(MIN_YEAR, latest - YEARS_OFFERED) - 1, -1):
            choice.addItem(str(year), year)
        return choice

    # -- the client -----------------------------------------------------------------------
    @property
    def client(self) -> ClientName | None:
        return self._client

    def needs_client(self) -> bool:
        return self._client is None and not self._by_rules

    def set_client(self, client: ClientName, note: str = "") -> None:
        self._client = client
        self._by_rules = False
        self.client_note.setText(note)
        self._show_client()

    def choose_client(self, initial_text: str = "") -> None:
        """Open the client picker over this dialog (not blocking: the result arrives later)."""
        if self.picker is not None:
            return
        self.picker = ClientPicker(
            self.survey.clients,
            self,
            initial_text=initial_text,
            title=self.tr("Which client are these files for?"),
        )
        self.picker.finished.connect(self._picker_closed)
        self.picker.open()

    def _picker_closed(self, _result: int) -> None:
        picker, self.picker = self.picker, None
        if picker is None:
            return
        chosen = picker.chosen()
        picker.deleteLater()
        if chosen is not None:
            self.set_client(chosen)
            self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.client_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_client(self) -> None:
        if self._client is not None:
            self.client_field.setText(self._client.name)
        elif self._by_rules:
            routed = [
                f"{(self.survey.client(cid) or ClientName(cid, cid)).name} ({n})"
                for cid, n in self.survey.routed.most_common(SUMMARY_KINDS)
            ]
            self.client_field.setText(self.tr("By filename rules"))
            self.client_note.setText(
                self.tr("Each file goes to the client its rule names: {clients}.").format(
                    clients=", ".join(routed)
                )
            )
        else:
            self.client_field.clear()
            if not self.client_note.text():
                self.client_note.setText(self.tr("No client in view: choose one."))
        focus = self.client_field if self.needs_client() else self.ok_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- result ---------------------------------------------------------------------------
    def target(self) -> IntakeTarget:
        return IntakeTarget(
            client_id=self._client.client_id if self._client is not None else None,
            category=self.category.currentData(),
            year=self.year.currentData(),
        )

    def accept(self) -> None:
        if self.needs_client():
            self.client_note.setText(self.tr("Choose the client these files belong to."))
            self.choose_client()
            return
        super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = self.client_field if self.needs_client() else self.ok_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
