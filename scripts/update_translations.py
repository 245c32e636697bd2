"""Refresh the Qt Linguist sources in ``i18n/`` from the code: ``make update-translations``.

Runs ``pyside6-lupdate`` over every module of ``advisoros_desktop/ui/`` (and the
composition root), plus texts declared as data rather than written as calls,
marked here so nobody has to mark them by hand: the field labels and choice
labels of the entity catalog (Qt-free ``domain/``; contexts ``Fields`` and
``Choices``), and the command registry's titles and categories (``Commands``),
menu titles (``Menus``) and view names (``Views``) from ``ui/window_commands.py``.
Texts that are gone are dropped; new ones arrive unfinished. The English catalogue's translations
are its source texts, filled in here, so it is always complete; the Spanish
one lists what is left to translate (open it in ``pyside6-linguist``).
``--check`` exits with 1 while any Spanish text is unfinished.

Source locations are left out of the files: line numbers would change with
every edit of the code and bury the real changes in the diffs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisoros_desktop.commands.registry import CommandRegistry  # noqa: E402
from advisoros_desktop.domain.entities import ENTITIES  # noqa: E402
from advisoros_desktop.ui.field_format import english_choice_label  # noqa: E402
from advisoros_desktop.ui.window_commands import (  # noqa: E402
    MENUS,
    VIEWS,
    register_window_commands,
)

I18N = ROOT / "i18n"
CATALOGUES = {"en": I18N / "advisoros_en.ts", "es": I18N / "advisoros_es.ts"}
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
# The Spanish is written for accountants in the US and Latin America.
LANGUAGE_TAGS = {"en": "en_US", "es": "es_US"}


def source_files() -> list[Path]:
    package = ROOT / "advisoros_desktop"
    ui = sorted((package / "ui").rglob("*.py"))
    roots = [package / "app.py", package / "desktop_startup.py"]
    return [*ui, *(path for path in roots if path.exists())]


def declared_texts() -> list[tuple[str, str]]:
    """(context, source text) of every text declared as data, in a stable order."""
    fields = {spec.label for entity in ENTITIES.values() for spec in entity.fields}
    choices = {
        english_choice_label(code)
        for entity in ENTITIES.values()
        for spec in entity.fields
        for code in spec.choices
    }
    registry = register_window_commands(CommandRegistry())
    commands = {c.title for c in registry} | {c.category for c in registry}
    texts = [("Fields", label) for label in sorted(fields)]
    texts += [("Choices", label) for label in sorted(choices)]
    texts += [("Commands", text) for text in sorted(commands)]
    texts += [("Menus", title) for title, _ids in MENUS]
    texts += [("Views", title) for _view, title, _key in VIEWS]
    return texts


def markers() -> str:
    """The declared texts as lupdate reads them in Python source."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in declared_texts()]
    return "\n".join(lines) + "\n"


def lupdate(sources: list[Path], catalogue: Path, language: str) -> None:
    command = [
        str(LUPDATE),
        "-silent",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en_US",
        "-target-language",
        LANGUAGE_TAGS[language],
        *map(str, sources),
        "-ts",
        str(catalogue),
    ]
    subprocess.run(command, check=True)


def messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def is_unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None:
        return True
    forms = translation.findall("numerusform")
    texts = [form.text for form in forms] if forms else [translation.text]
    return translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts)


def fill_english(catalogue: Path) -> int:
    """Give every unfinished English message its source text; returns how many."""
    tree = ET.parse(catalogue)
    filled = 0
    for _context, message in messages(tree.getroot()):
        if not is_unfinished(message):
            continue
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source") or ""
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        for form in forms:
            form.text = source
        if not forms:
            translation.text = source
        filled += 1
    if filled:
        tree.write(catalogue, encoding="utf-8", xml_declaration=True)
    return filled


def unfinished(catalogue: Path) -> list[tuple[str, str]]:
    root = ET.parse(catalogue).getroot()
    return [
        (context, message.findtext("source") or "")
        for context, message in messages(root)
        if is_unfinished(message)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail while Spanish is unfinished")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="advisoros-i18n-") as scratch:
        declared = Path(scratch) / "declared_texts.py"
        declared.write_text(markers(), encoding="utf-8")
        sources = [*source_files(), declared]
        for language, catalogue in CATALOGUES.items():
            lupdate(sources, catalogue, language)
        if fill_english(CATALOGUES["en"]):
            lupdate(sources, CATALOGUES["en"], "en")  # back in lupdate's own layout
    left = unfinished(CATALOGUES["es"])
    total = len(messages(ET.parse(CATALOGUES["es"]).getroot()))
    print(f"{total} texts; {len(left)} without a Spanish translation")
    for context, source in left:
        print(f"  [{context}] {source}")
    return 1 if args.check and left else 0


if __name__ == "__main__":
    sys.exit(main())
