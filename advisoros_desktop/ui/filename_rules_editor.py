"""The "Filename rules" tab: a firm's own "files named like this belong there".

Rules are edited as drafts, so a half-typed regular expression is kept and
explained beside its field (red border, the reason underneath, as the table
cell editors do) instead of being refused or lost; only OK needs every rule
valid. Order matters (each field comes from the first matching rule that sets
it), so rules can be moved, and the "test a file name" field shows which rule
would decide what for a name, using exactly the routing code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PureWindowsPath

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES
from advisoros_desktop.intake.filename_rules import (
    REGEX_PREFIX,
    FilenameRule,
    apply_rules,
)
from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.ui.client_field import ClientField, PickClient, client_label
from advisoros_desktop.ui.field_editors import mark_problem
from advisoros_desktop.ui.field_format import choice_label
from advisoros_desktop.ui.filename_rules_model import (
    CATEGORY,
    CLIENT,
    PATTERN,
    YEAR,
    RuleDraft,
    RulesModel,
)
from advisoros_desktop.ui.theme import tone_colour

_REGEX_LOOKS = ("^", ".*", "\\d", "\\w", "$")
PATTERN_NOTE = QT_TRANSLATE_NOOP(
    "FilenameRulesEditor",
    "A glob on the file name (* any text, ? one character), or re: followed by a "
    "regular expression found anywhere in the name. Case is ignored.",
)
GLOB_NOTE = QT_TRANSLATE_NOOP(
    "FilenameRulesEditor",
    "This reads as a glob (* any text, ? one character). For a regular expression, "
    "start the pattern with re:",
)


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {tone_colour('error').name()};")
    label.hide()
    return label


def _note(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class FilenameRulesEditor(QWidget):
    """The rules list, the selected rule's fields, and the "test a file name" line."""

    def __init__(
        self,
        rules: Sequence[FilenameRule],
        clients: Sequence[ClientName],
        pick_client: PickClient,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client_ids = frozenset(client.client_id for client in clients)
        self._names = {client.client_id: client.name for client in clients}
        self.model = RulesModel([RuleDraft.of(rule) for rule in rules], self._names, self)
        self._loading = False

        intro = _note(
            self,
            self.tr(
                "Files whose name fits a pattern get the client, category and year the rule "
                "sets. A rule beats the folders; where several rules match, each setting "
                "comes from the first rule (highest in the list) that sets it."
            ),
        )
        self.table = self._build_table()
        rules_label = QLabel(self.tr("Ru&les:"), self)
        rules_label.setBuddy(self.table)
        self.new_button = QPushButton(self.tr("&New rule"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.new_rule)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))

        self.rule_box = self._build_rule_box(clients, pick_client)

        self.test_edit = QLineEdit(self)
        self.test_edit.setPlaceholderText(self.tr("Type or paste a file name, such as W2_Acme.pdf"))
        self.test_edit.setClearButtonEnabled(True)
        self.test_edit.textChanged.connect(self._update_test)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_label = QLabel(self.tr("&Test a file name:"), self)
        test_label.setBuddy(self.test_edit)
        test_row = QHBoxLayout()
        test_row.addWidget(test_label)
        test_row.addWidget(self.test_edit, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rules_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.rule_box)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_selected())
        if self.model.drafts:
            self.table.selectRow(0)
        self._load_selected()
        self._update_test()

    # -- building --------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves for the buttons and fields
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setAccessibleName(self.tr("Filename rules"))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(PATTERN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CLIENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YEAR, QHeaderView.ResizeMode.ResizeToContents)
        table.installEventFilter(self)
        return table

    def _build_rule_box(self, clients: Sequence[ClientName], pick_client: PickClient) -> QGroupBox:
        box = QGroupBox(self.tr("Selected rule"), self)
        self.pattern_edit = QLineEdit(box)
        self.pattern_edit.setPlaceholderText(self.tr("W2_*.pdf  or  re:^ACME_\\d+"))
        self.pattern_edit.textEdited.connect(self._pattern_edited)
        self.pattern_problem = _problem_label(box)
        self.pattern_note = _note(box, self.tr(PATTERN_NOTE))
        self.client_field = ClientField(
            clients,
            pick_client,
            title=self.tr("Client for this rule"),
            empty_text=self.tr("Not set by this rule"),
            parent=box,
        )
        self.client_field.changed.connect(self._client_changed)
        self.category_combo = QComboBox(box)
        self.category_combo.addItem(self.tr("Not set by this rule"), None)
        for category in DOCUMENT_CATEGORIES:
            self.category_combo.addItem(choice_label(category), category)
        self.category_combo.activated.connect(self._category_changed)
        self.year_edit = QLineEdit(box)
        self.year_edit.setPlaceholderText(self.tr("Not set by this rule"))
        self.year_edit.setMaxLength(4)
        self.year_edit.textEdited.connect(self._year_edited)
        self.year_problem = _problem_label(box)
        self.rule_problem = _problem_label(box)

        self.year_edit.setMaximumWidth(self.year_edit.fontMetrics().horizontalAdvance("M") * 14)
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field, below in (
            (self.tr("&Pattern:"), self.pattern_edit, (self.pattern_problem, self.pattern_note)),
            (self.tr("&Client:"), self.client_field, ()),
            (self.tr("C&ategory:"), self.category_combo, ()),
            (self.tr("&Year:"), self.year_edit, (self.year_problem, self.rule_problem)),
        ):
            label = QLabel(text, box)
            # A label's mnemonic skips a buddy that takes no focus itself (the client
            # field passes focus on to its line edit), so the buddy is the focus proxy.
            label.setBuddy(field.focusProxy() or field)
            column = QVBoxLayout()
            column.setSpacing(2)
            narrow = field in (self.category_combo, self.year_edit)
            column.addWidget(
                field, 0, Qt.AlignmentFlag.AlignLeft if narrow else Qt.AlignmentFlag(0)
            )
            for widget in below:
                column.addWidget(widget)
            form.addRow(label, column)
        return box

    # -- rules -----------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def new_rule(self) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else len(self.model.drafts)
        self.model.insert(row, RuleDraft())
        self.table.selectRow(row)
        self.pattern_edit.setFocus()
        self._update_test()

    def remove_selected(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.drafts:
            self.table.selectRow(min(row, len(self.model.drafts) - 1))
        self._load_selected()
        self._update_test()

    def move_selected(self, step: int) -> None:
        row = self.current_row()
        to = row + step
        if row < 0 or not 0 <= to < len(self.model.drafts):
            return
        self.model.move(row, to)
        self.table.selectRow(to)
        self._update_test()

    def rules(self) -> list[FilenameRule] | None:
        """Every rule in order (empty new rows left out), or None while one is not valid."""
        found = []
        for draft in self.model.drafts:
            if draft.blank:
                continue
            try:
                found.append(draft.rule())
            except ValueError:
                return None
        return found

    def show_first_problem(self) -> None:
        """Select the first rule that is not valid, show why, and focus its field."""
        for row, draft in enumerate(self.model.drafts):
            if not draft.blank and draft.problem() is not None:
                draft.touched = True
                self.model.changed(row)
                self.table.selectRow(row)
                self._load_selected()
                self._problem_field(draft).setFocus()
                return

    def _problem_field(self, draft: RuleDraft) -> QWidget:
        if draft.pattern_problem() is not None:
            return self.pattern_edit
        if draft.year_problem() is not None:
            return self.year_edit
        return self.client_field

    # -- the selected rule's fields --------------------------------------------------
    def _selected(self) -> RuleDraft | None:
        row = self.current_row()
        return self.model.drafts[row] if row >= 0 else None

    def _load_selected(self) -> None:
        draft = self._selected()
        self._loading = True
        try:
            self.rule_box.setEnabled(draft is not None)
            self.remove_button.setEnabled(draft is not None)
            row = self.current_row()
            self.up_button.setEnabled(row > 0)
            self.down_button.setEnabled(0 <= row < len(self.model.drafts) - 1)
            shown = draft or RuleDraft()
            self.pattern_edit.setText(shown.pattern)
            self.client_field.set_client_id(shown.client_id)
            self.category_combo.setCurrentIndex(
                max(0, self.category_combo.findData(shown.category))
            )
            self.year_edit.setText(shown.year_text)
        finally:
            self._loading = False
        self._show_problems()

    def _edited(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.drafts[row].touched = True
        self.model.changed(row)
        self._show_problems()
        self._update_test()

    def _pattern_edited(self, text: str) -> None:
        draft = self._selected()
        if draft is not None and not self._loading:
            draft.pattern = text
            self._edited()

    def _client_changed(self) -> None:
        draft = self._selected()
        if draft is not None and not self._loading:
            draft.client_id = self.client_field.client_id()
            self._edited()

    def _category_changed(self, _index: int) -> None:
        draft = self._selected()
        if draft is not None and not self._loading:
            draft.category = self.category_combo.currentData()
            self._edited()

    def _year_edited(self, text: str) -> None:
        draft = self._selected()
        if draft is not None and not self._loading:
            draft.year_text = text
            self._edited()

    def _show_problems(self) -> None:
        draft = self._selected()
        visible = draft is not None and draft.touched
        pattern = draft.pattern_problem() if draft is not None and visible else None
        regex_like = draft is not None and _looks_like_regex(draft.pattern)
        self.pattern_note.setText(self.tr(GLOB_NOTE if regex_like else PATTERN_NOTE))
        year = draft.year_problem() if draft is not None and visible else None
        rest = None
        if draft is not None and visible and pattern is None and year is None:
            rest = draft.problem()
        for field, label, problem in (
            (self.pattern_edit, self.pattern_problem, pattern),
            (self.year_edit, self.year_problem, year),
            (None, self.rule_problem, rest),
        ):
            if field is not None:
                mark_problem(field, problem)
            label.setText(problem or "")
            label.setVisible(problem is not None)

    # -- testing a name --------------------------------------------------------------
    def _update_test(self) -> None:
        name = _file_name(self.test_edit.text())
        if not name:
            self.model.set_matching(set())
            self.test_result.setText(
                self.tr("Type a file name above to see which rule would decide what for it.")
            )
            return
        valid: list[tuple[int, FilenameRule]] = []
        broken: list[int] = []
        for row, draft in enumerate(self.model.drafts):
            if draft.blank:
                continue
            try:
                valid.append((row, draft.rule()))
            except ValueError:
                broken.append(row)
        rules = [rule for _row, rule in valid]
        verdict = apply_rules(rules, name, self._client_ids or None)
        number = {id(rule): row + 1 for row, rule in valid}
        self.model.set_matching({row for row, rule in valid if rule.matches(name)})

        parts = []
        if verdict.client_rule is not None and verdict.client_id is not None:
            client = client_label(self._names, verdict.client_id)
            parts.append(self._said(self.tr("client"), client, number[id(verdict.client_rule)]))
        if verdict.category_rule is not None:
            label = choice_label(verdict.category)
            rule_number = number[id(verdict.category_rule)]
            parts.append(self._said(self.tr("category"), label, rule_number))
        if verdict.year_rule is not None:
            rule_number = number[id(verdict.year_rule)]
            parts.append(self._said(self.tr("year"), str(verdict.year), rule_number))
        if parts:
            text = self.tr("“{name}” → {parts}.").format(name=name, parts="; ".join(parts))
        else:
            text = self.tr(
                "No rule matches “{name}”: the folders and the name itself decide, "
                "or the file waits in Unsorted."
            ).format(name=name)
        if verdict.stale_rule is not None and verdict.client_rule is None:
            text += " " + self.tr(
                "Rule {n} matches but names a client no longer in the firm."
            ).format(n=number[id(verdict.stale_rule)])
        if broken:
            text += " " + self.tr("Not checked until fixed: rule {rows}.").format(
                rows=", ".join(str(row + 1) for row in broken)
            )
        self.test_result.setText(text)

    def _said(self, what: str, value: str, number: int) -> str:
        return self.tr("{what} {value} (rule {number})").format(
            what=what, value=value, number=number
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, control = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Delete:
            self.remove_selected()
            return True
        if key == Qt.Key.Key_Insert:
            self.new_rule()
            return True
        if control and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if key == Qt.Key.Key_Up else +1)
            return True
        if key == Qt.Key.Key_F2:
            self.pattern_edit.setFocus()
            return True
        return False


def _file_name(text: str) -> str:
    """The name part of what was typed: people paste whole paths, from any system."""
    return PureWindowsPath(text.strip().strip('"')).name


def _looks_like_regex(pattern: str) -> bool:
    return not pattern.startswith(REGEX_PREFIX) and any(m in pattern for m in _REGEX_LOOKS)
