"""Item-data roles shared by the record tables, their delegates and the detail pane.

A model answers ``FIELD_SPEC_ROLE`` with the column's ``FieldSpec`` (so an
editor knows the kind, choices and label of what it edits) and
``RECORD_ID_ROLE`` with the row's record id (so selections survive re-sorts).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

FIELD_SPEC_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 3
