"""The keyboard cheat sheet (F1 or ?): every bound key, by category, on one screen.

Generated from the registry and the user's current bindings, so it always shows
the keys that really work. Sections flow into up to three balanced columns and
keys are drawn as key caps. Typing filters at once (focus stays in the filter
box); Esc closes. About fifty commands fit a 1280×800 screen without scrolling;
on a smaller screen the sheet scrolls rather than clipping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations, pairwise

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui.key_bindings import display_key

MAX_COLUMNS = 3
_STYLE = """
QLabel#keycap {
    border: 1px solid palette(mid);
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0px 6px;
    background: palette(base);
    font-weight: 600;
}
QLabel#category { font-weight: bold; font-size: 13px; padding: 6px 0px 0px 0px; margin: 0px; }
QLabel#or, QLabel#hint { color: palette(placeholder-text); }
"""


def _translate(text: str) -> str:
    return QCoreApplication.translate("Commands", text)  # titles and categories alike


class _Row(QWidget):
    """One command: its title left, its key caps right."""

    def __init__(self, title: str, keys: Sequence[str]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 1, 0, 1)
        self.title = title
        layout.addWidget(QLabel(title))
        layout.addStretch(1)
        layout.addSpacing(16)
        for position, key in enumerate(keys):
            if position:
                separator = QLabel(self.tr("or"))
                separator.setObjectName("or")
                layout.addWidget(separator)
            cap = QLabel(display_key(key))
            cap.setObjectName("keycap")
            layout.addWidget(cap)
        shown = " ".join(display_key(k) for k in keys)
        self.search_text = f"{title} {shown} {' '.join(keys)}".lower()


class _Section(QWidget):
    """A category header and its rows; hides the rows a filter does not match."""

    def __init__(self, category: str, rows: Iterable[tuple[str, Sequence[str]]]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        header = QLabel(category)
        header.setObjectName("category")
        layout.addWidget(header)
        self.category = category.lower()
        self.rows = [_Row(title, keys) for title, keys in rows]
        for row in self.rows:
            layout.addWidget(row)

    def apply_filter(self, words: list[str]) -> int:
        """Show the rows matching every word (a matching category shows all); return how many."""
        shown = 0
        for row in self.rows:
            visible = all(w in row.search_text or w in self.category for w in words)
            row.setVisible(visible)
            shown += visible
        self.setVisible(shown > 0)
        return shown


def balanced_columns(weights: Sequence[float], columns: int) -> list[list[int]]:
    """Split items, in order, into at most ``columns`` runs with the smallest tallest run."""
    count = len(weights)
    columns = max(1, min(columns, count))
    best: list[list[int]] = [list(range(count))]
    best_height = float("inf")
    for cuts in combinations(range(1, count), columns - 1):
        bounds = [0, *cuts, count]
        runs = [list(range(a, b)) for a, b in pairwise(bounds)]
        height = max(sum(weights[i] for i in run) for run in runs)
        if height < best_height:
            best, best_height = runs, height
    return best


class CheatSheetDialog(QDialog):
    """All bound keys at a glance; built fresh each time it opens."""

    def __init__(
        self,
        registry: CommandRegistry,
        bindings: Mapping[str, Iterable[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setStyleSheet(_STYLE)
        self.filter = QLineEdit(placeholderText=self.tr("Type to filter shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.textChanged.connect(self._apply_filter)
        self.sections = [
            _Section(_translate(category), [(_translate(t), k) for t, k in rows])
            for category, rows in registry.cheat_sheet(bindings)
        ]
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("hint")
        self.body = QWidget()
        self._columns = QHBoxLayout(self.body)
        self._columns.setSpacing(32)
        # The column count is chosen once, so filtering never makes the sheet jump.
        rows = sum(len(s.rows) for s in self.sections)
        self._column_count = MAX_COLUMNS if rows > 24 else 2 if rows > 10 else 1
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always reaches the filter
        hint = QLabel(
            self.tr("Esc closes · Keys can be changed in File ▸ Customize keyboard shortcuts…")
        )
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
        self._apply_filter("")
        self._fit_to_screen()
        self.filter.setFocus()

    def visible_titles(self) -> list[str]:
        return [row.title for s in self.sections for row in s.rows if not row.isHidden()]

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        shown = [(s, s.apply_filter(words)) for s in self.sections]
        shown = [(s, n) for s, n in shown if n]
        # A header weighs about a row and a half.
        runs = balanced_columns([n + 1.5 for _s, n in shown], self._column_count)
        self._relayout([[shown[i][0] for i in run] for run in runs] if shown else [])
        self.empty.setText(
            self.tr("No shortcut matches “{text}”.").format(text=text.strip()) if not shown else ""
        )
        self.empty.setVisible(not shown)

    def _relayout(self, columns: list[list[_Section]]) -> None:
        while self._columns.count():
            item = self._columns.takeAt(0)
            inner = item.layout()
            while inner is not None and inner.count():
                inner.takeAt(0)
            if inner is not None:
                inner.deleteLater()
        if not columns:
            self._columns.addWidget(self.empty)
            return
        columns += [[]] * (self._column_count - len(columns))
        for sections in columns:
            column = QVBoxLayout()
            column.setSpacing(4)
            for section in sections:
                column.addWidget(section)
            column.addStretch(1)
            self._columns.addLayout(column, 1)

    def preferred_size(self) -> QSize:
        """Big enough to show every section without scrolling."""
        chrome = QSize(48, self.filter.sizeHint().height() + 72)
        return self.sizeHint().expandedTo(self.body.sizeHint() + chrome)

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        limit = QSize(int(screen.width() * 0.95), int(screen.height() * 0.9))
        self.resize(self.preferred_size().boundedTo(limit))
