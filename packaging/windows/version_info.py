"""The Windows version resource of each executable, written for PyInstaller's ``version=``.

Explorer's Properties → Details tab, the SmartScreen prompt and the installers
of IT departments read the publisher and version from this resource, so it is
filled from ``product.py`` and ``pyproject.toml`` rather than typed in. It is
written as PyInstaller's version text (the ``VSVersionInfo(...)`` form that
``pyi-grab_version`` prints), because building the objects directly needs
``pefile``, which only Windows installs.
"""

from __future__ import annotations

from pathlib import Path

from product import COPYRIGHT, DISPLAY_NAME, PUBLISHER, numeric_version

# US English, Unicode: the language/code page pair Windows looks up first.
LANGUAGE = "040904B0"
TRANSLATION = (1033, 1200)
VOS_NT_WINDOWS32 = 0x40004
VFT_APP = 0x1


def version_info_text(version: str, program: str, description: str) -> str:
    """The resource for ``program.exe`` at ``version``, as PyInstaller's version text."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{program}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    table = ",\n          ".join(
        f"StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS={VOS_NT_WINDOWS32:#x},
    fileType={VFT_APP:#x},
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        {LANGUAGE!r},
        [
          {table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', {list(TRANSLATION)!r})])
  ]
)
"""


def write_version_file(folder: Path, version: str, program: str, description: str) -> Path:
    """Write ``<program>-version.txt`` into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{program}-version.txt"
    path.write_text(version_info_text(version, program, description), encoding="utf-8")
    return path
