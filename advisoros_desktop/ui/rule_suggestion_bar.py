"""Rules offered from how the person sorted files: "Always send ACME_* to Acme LLC?".

Learned from the assignments made in the triage list (``intake.rule_suggestions``);
a rule that routes tax documents is only ever made when the person accepts it.
Add rule appends it to their filename rules and sends the unsorted files it
fits to that client at once, which is what "always" promises; Dismiss makes
sure the same rule is not offered again. Both are buttons, reached with Tab.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.intake.rule_suggestions import suggest_rules
from advisoros_desktop.ui.counted_text import counted
from advisoros_desktop.ui.upload_queue_model import selected_in_state

if TYPE_CHECKING:
    from advisoros_desktop.ui.intake_controller import IntakeController

log = logging.getLogger(__name__)

SENT_NOW = (
    QT_TRANSLATE_NOOP("RuleSuggestionBar", "{n} unsorted file it fits went there now."),
    QT_TRANSLATE_NOOP("RuleSuggestionBar", "{n} unsorted files it fits went there now."),
)

# More than a few offers at once is a form to fill in, not a suggestion.
SHOWN_AT_ONCE = 3


class RuleSuggestionBar(QWidget):
    """Up to ``SHOWN_AT_ONCE`` suggested rules, each with Add rule and Dismiss."""

    message = Signal(str)
    rule_added = Signal(object)  # the FilenameRule

    def __init__(self, controller: IntakeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.suggestions: list[FilenameRule] = []
        self._rows: list[QWidget] = []
        # The list the offers come from: Tab leads from it to them, and focus goes back
        # to it when the last offer was taken or dismissed.
        self.fallback_focus: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        controller.settings.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Work out the offers again (after an assignment, a new rule or a dismissal)."""
        settings = self.controller.settings
        try:
            offered = suggest_rules(settings.assignments(), settings.rules())
        except Exception:  # a bad stored assignment must not take the triage list down
            log.exception("suggesting filename rules failed")
            offered = []
        dismissed = settings.dismissed_suggestions()
        names = {c.client_id: c.name for c in self.controller.clients.names()}
        self.suggestions = [
            rule for rule in offered if rule.pattern not in dismissed and rule.client_id in names
        ][:SHOWN_AT_ONCE]
        self._show(names)

    def suggestion_text(self, rule: FilenameRule, client: str) -> str:
        return self.tr("Always send {pattern} to {client}?").format(
            pattern=rule.pattern, client=client
        )

    def add_rule(self, rule: FilenameRule) -> int:
        """Keep the rule and send the unsorted files it fits; how many were sent."""
        settings = self.controller.settings
        settings.set_rules([*settings.rules(), rule])
        assert rule.client_id is not None  # suggestions always name a client
        unsorted = selected_in_state(self.controller.engine.store, "unsorted")
        fitting = [job.upload_id for job in unsorted if rule.matches(job.file_name)]
        sent = self.controller.assign(fitting, rule.client_id) if fitting else 0
        client = self.controller.clients.name_of(rule.client_id) or self.tr("the client")
        text = self.tr("Rule added: files named {pattern} go to {client}.").format(
            pattern=rule.pattern, client=client
        )
        if sent:
            text += " " + counted("RuleSuggestionBar", SENT_NOW, sent)
        self.message.emit(text)
        self.rule_added.emit(rule)
        self.refresh()
        return sent

    def dismiss(self, rule: FilenameRule) -> None:
        self.controller.settings.dismiss_suggestion(rule.pattern)
        self.refresh()

    def _show(self, names: dict[str, str]) -> None:
        focus = self.window().focusWidget()  # the window's, even while another is active
        had_focus = focus is not None and self.isAncestorOf(focus)
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows = []
        for number, rule in enumerate(self.suggestions):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(self.suggestion_text(rule, names[str(rule.client_id)]), row)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            # The first offer gets the mnemonics (Alt+A, Alt+D); the others are a Tab away.
            add = QPushButton(self.tr("&Add rule") if number == 0 else self.tr("Add rule"), row)
            dismiss = QPushButton(self.tr("&Dismiss") if number == 0 else self.tr("Dismiss"), row)
            add.setAccessibleDescription(text.text())
            dismiss.setAccessibleDescription(text.text())
            add.clicked.connect(lambda _=False, rule=rule: self.add_rule(rule))
            dismiss.clicked.connect(lambda _=False, rule=rule: self.dismiss(rule))
            line.addWidget(text, 1)
            line.addWidget(add)
            line.addWidget(dismiss)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(self.suggestions))
        # Tab goes from the list straight to the offers, whenever they were made.
        previous = self.fallback_focus
        for add, dismiss in self.buttons():
            if previous is not None:
                QWidget.setTabOrder(previous, add)
            QWidget.setTabOrder(add, dismiss)
            previous = dismiss
        if not had_focus:
            return
        # Keyboard users stay in the bar after acting on an offer, or go back to the list.
        if self._rows:
            self.buttons()[0][0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.fallback_focus is not None:
            self.fallback_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def buttons(self) -> list[tuple[QPushButton, QPushButton]]:
        """(Add rule, Dismiss) of each offer shown, for the view and tests."""
        found = []
        for row in self._rows:
            add, dismiss = row.findChildren(QPushButton)
            found.append((add, dismiss))
        return found
