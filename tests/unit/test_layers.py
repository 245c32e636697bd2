"""Nothing below ui/ imports Qt widgets; the Qt-free packages import no Qt at all."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "advisoros_desktop"
QT_FREE = ("domain", "store", "api", "sync", "intake", "extraction", "server", "diagnostics")
# The undo commands may use QtGui's QUndoCommand/QUndoStack, nothing else of Qt.
QTGUI_ONLY = ("commands",)
ALLOWED_IMPORTS = {
    "domain": set(),
    "store": {"domain", "database_setup"},
    "api": {"domain"},
    "sync": {"domain", "store", "api", "paths"},
    "intake": {"domain", "store"},
    "extraction": {"domain"},
    "commands": {"domain", "store"},
    "server": {"domain", "extraction", "paths", "database_setup"},
    "diagnostics": set(),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((PACKAGE / package).rglob("*.py"))


def test_qt_free_packages_do_not_import_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for package in QT_FREE
        for path in _modules(package)
        for name in _imports(path)
        if name.split(".")[0] in ("PySide6", "shiboken6", "qasync")
    ]
    assert offenders == []


def test_commands_use_qtgui_only() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for package in QTGUI_ONLY
        for path in _modules(package)
        for name in _imports(path)
        if name.startswith("PySide6") and name not in ("PySide6", "PySide6.QtGui")
    ]
    assert offenders == []


def test_layers_import_only_the_layers_below() -> None:
    offenders = []
    for package, allowed in ALLOWED_IMPORTS.items():
        for path in _modules(package):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] != "advisoros_desktop" or len(parts) < 2:
                    continue
                target = parts[1]
                if target != package and target not in allowed:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_check_sees_real_code() -> None:
    # Guard against a refactor that moves the tree and leaves these tests checking nothing.
    assert len(_modules("server")) > 10 and len(_modules("domain")) >= 3
