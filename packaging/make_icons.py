"""Renders the program's icon files from ``resources/advisoros.svg`` at build time.

Windows wants an ``.ico``, macOS an ``.icns`` and Linux menus a PNG beside the
SVG. They are all derived from the one SVG, so they are made on each build
rather than kept in the repository where they would drift from it. Each size
is rendered from the vector drawing (QtSvg) instead of scaled down from the
largest bitmap, so the 16 and 32 px icons in Explorer and the Dock stay sharp;
Pillow writes the containers, on any operating system.

    python packaging/make_icons.py OUTPUT_DIR
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "advisoros.svg"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows picks from, 100-200 % scale
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # the Retina pairs of 16…512
PNG_SIZE = 256

ICO_NAME = "advisoros.ico"
ICNS_NAME = "advisoros.icns"
PNG_NAME = "advisoros.png"

# Kept for the life of the process when this script had to create it.
_application: QGuiApplication | None = None


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn at ``size`` x ``size`` pixels on a transparent background."""
    global _application
    # QPainter needs a GUI application object; a build machine may have no screen.
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG drawing Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def make_icons(output: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write the .ico, .icns and .png into ``output``; returns them by name."""
    output.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(ICO_SIZES) | set(ICNS_SIZES) | {PNG_SIZE})
    images = {size: render(svg, size) for size in sizes}
    written = {name: output / name for name in (ICO_NAME, ICNS_NAME, PNG_NAME)}
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        written[ICO_NAME],
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        written[ICNS_NAME],
        format="ICNS",
        append_images=[images[size] for size in ICNS_SIZES if size != max(ICNS_SIZES)],
    )
    images[PNG_SIZE].save(written[PNG_NAME], format="PNG")
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/make_icons.py OUTPUT_DIR", file=sys.stderr)
        return 2
    for path in make_icons(Path(argv[0])).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
