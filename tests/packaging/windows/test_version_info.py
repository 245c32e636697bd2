"""The Windows version resource text: PyInstaller can read it, and it states our version.

PyInstaller reads the text with its ``versioninfo`` classes, which import
``pefile`` (Windows only); so the text is checked against those classes'
signatures in their source, and its values read with stand-in classes.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import PyInstaller
import pytest
from product import DISPLAY_NAME, PUBLISHER, version
from windows.version_info import version_info_text, write_version_file

VERSIONINFO_SOURCE = Path(PyInstaller.__file__).parent / "utils" / "win32" / "versioninfo.py"


def constructor_parameters() -> dict[str, list[str]]:
    """Class name → parameters of its ``__init__`` (without self), from PyInstaller's source."""
    tree = ast.parse(VERSIONINFO_SOURCE.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    found[node.name] = [arg.arg for arg in item.args.args[1:]]
    return found


def read(text: str) -> Any:
    """Evaluate the text with each class standing in as ``(name, args, kwargs)``."""
    names = constructor_parameters()

    def stand_in(name: str) -> Any:
        return lambda *args, **kwargs: (name, args, kwargs)

    return eval(text, {"__builtins__": {}}, {name: stand_in(name) for name in names})


def strings_of(resource: Any) -> dict[str, str]:
    """The StringTable of a read resource, as a dict."""
    string_file_info = resource[2]["kids"][0]
    [table] = string_file_info[1][0]
    _language, structs = table[1]
    return dict(struct[1] for struct in structs)


def test_every_call_fits_pyinstallers_classes() -> None:
    parameters = constructor_parameters()
    text = version_info_text("0.1.0", "advisoros-desktop", DISPLAY_NAME)
    calls = [node for node in ast.walk(ast.parse(text, mode="eval")) if isinstance(node, ast.Call)]
    assert calls
    for call in calls:
        assert isinstance(call.func, ast.Name)
        accepted = parameters[call.func.id]
        assert len(call.args) <= len(accepted), call.func.id
        assert {keyword.arg for keyword in call.keywords} <= set(accepted), call.func.id


def test_states_the_version_and_names() -> None:
    name, _args, fields = read(version_info_text("2.3.0rc1", "advisoros", "the tools"))
    assert name == "VSVersionInfo"
    fixed = fields["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (2, 3, 0, 0)
    string_file_info, var_file_info = fields["kids"]
    [table] = string_file_info[1][0]
    assert table[1][0] == "040904B0"
    strings = strings_of((name, _args, fields))
    assert strings == {
        "CompanyName": PUBLISHER,
        "FileDescription": "the tools",
        "FileVersion": "2.3.0rc1",
        "InternalName": "advisoros",
        "LegalCopyright": strings["LegalCopyright"],
        "OriginalFilename": "advisoros.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": "2.3.0rc1",
    }
    [translation] = var_file_info[1][0]
    assert translation[1] == ("Translation", [1033, 1200])


@pytest.mark.parametrize("program", ["advisoros-desktop", "advisoros"])
def test_written_file_holds_the_projects_version(tmp_path: Path, program: str) -> None:
    path = write_version_file(tmp_path / "generated", version(), program, DISPLAY_NAME)
    assert path.name == f"{program}-version.txt"
    strings = strings_of(read(path.read_text(encoding="utf-8")))
    assert strings["ProductVersion"] == strings["FileVersion"] == version()
    assert strings["OriginalFilename"] == f"{program}.exe"
