"""Filename rules as they are being edited: drafts that may not be valid yet.

A half-typed regular expression must survive until it is fixed, so the rules
tab edits ``RuleDraft``s and turns them into ``FilenameRule``s only on OK; each
draft says what is wrong with it in the words ``FilenameRule`` itself uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from advisoros_desktop.intake.filename_rules import RULE_YEARS, FilenameRule
from advisoros_desktop.ui.client_field import client_label
from advisoros_desktop.ui.field_format import choice_label
from advisoros_desktop.ui.theme import tone_colour

AnyIndex = QModelIndex | QPersistentModelIndex
PATTERN, CLIENT, CATEGORY, YEAR = range(4)
_HEADERS = (
    QT_TRANSLATE_NOOP("RulesModel", "Pattern"),
    QT_TRANSLATE_NOOP("RulesModel", "Client"),
    QT_TRANSLATE_NOOP("RulesModel", "Category"),
    QT_TRANSLATE_NOOP("RulesModel", "Year"),
)


@dataclass
class RuleDraft:
    """A rule as typed so far; ``touched`` once the person has edited it."""

    pattern: str = ""
    client_id: str | None = None
    category: str | None = None
    year_text: str = ""
    touched: bool = False

    @classmethod
    def of(cls, rule: FilenameRule) -> RuleDraft:
        year = "" if rule.year is None else str(rule.year)
        return cls(rule.pattern, rule.client_id, rule.category, year)

    @property
    def blank(self) -> bool:
        return not self.pattern.strip() and not self.year_text.strip() and not self.setting

    @property
    def setting(self) -> bool:
        return self.client_id is not None or self.category is not None

    def pattern_problem(self) -> str | None:
        # FilenameRule checks the pattern first; giving it a valid year isolates
        # that check, so the message can sit beside the pattern field.
        try:
            FilenameRule(self.pattern, year=RULE_YEARS.start)
        except ValueError as error:
            return str(error)
        return None

    def year_problem(self) -> str | None:
        text = self.year_text.strip()
        if text and not (text.isdigit() and int(text) in RULE_YEARS):
            return QCoreApplication.translate(
                "RuleDraft",
                "'{text}' is not a tax year; type a year from {first} to {last}, "
                "or leave it empty.",
            ).format(text=text, first=RULE_YEARS.start, last=RULE_YEARS.stop - 1)
        return None

    def rule(self) -> FilenameRule:
        """The valid rule; raises ValueError with the person's reason otherwise."""
        problem = self.year_problem()
        if problem is not None:
            raise ValueError(problem)
        year = int(self.year_text) if self.year_text.strip() else None
        return FilenameRule(self.pattern.strip(), self.client_id, self.category, year)

    def problem(self) -> str | None:
        try:
            self.rule()
        except ValueError as error:
            return str(error)
        return None


class RulesModel(QAbstractTableModel):
    """The drafts in order; rows that are not valid rules read in red with the reason."""

    def __init__(
        self, drafts: Sequence[RuleDraft], names: Mapping[str, str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.drafts = list(drafts)
        self._names = names
        self._matching: set[int] = set()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(_HEADERS[section])
        return str(section + 1)  # rule numbers, as the test line names them

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self.drafts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PATTERN:
                return draft.pattern
            if column == CLIENT:
                if draft.client_id is None:
                    return ""
                return client_label(self._names, draft.client_id)
            if column == CATEGORY:
                return choice_label(draft.category)
            return draft.year_text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            problem = draft.problem() if draft.touched or not draft.blank else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem
            return tone_colour("error") if problem is not None else None
        if role == Qt.ItemDataRole.FontRole and index.row() in self._matching:
            font = QFont()
            font.setBold(True)  # matches the name being tested
            return font
        return None

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))

    def insert(self, row: int, draft: RuleDraft) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.drafts.insert(row, draft)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.drafts[row]
        self.endRemoveRows()

    def move(self, row: int, to: int) -> None:
        # Qt's destination is the row the moved one goes before, in the old numbering.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
        self.drafts.insert(to, self.drafts.pop(row))
        self.endMoveRows()

    def set_matching(self, rows: set[int]) -> None:
        if rows != self._matching:
            self._matching = rows
            if self.drafts:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.drafts) - 1, YEAR))
