"""Render resources/icons/parallax.svg to the PNG, ICO and ICNS icons that desktops ask for.

Run by `make icons` (the `dist` extra provides Pillow); the results are committed, so neither a
build nor the program needs this script or Pillow. Qt draws the SVG, so the icons look like the
window's own icon.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "parallax.svg"
# The freedesktop hicolor sizes; 1024 only feeds the ICNS (512 at 2x on Retina screens).
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows picks among these; 256 is the format's largest
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Return the SVG drawn on a transparent square of size pixels, as a Pillow RGBA image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def png_path(size: int) -> Path:
    """Return where the PNG of one size goes (the hicolor theme layout, ready to copy)."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / "parallax.png"


def main() -> int:
    """Write every PNG size, parallax.ico and parallax.icns beside the SVG."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SVG}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}
    for size in PNG_SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(path, optimize=True)
    # Each size drawn from the SVG, not scaled down from the largest: small icons stay crisp.
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / "parallax.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        ICONS / "parallax.icns", append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    print(f"make_icons: {len(PNG_SIZES)} PNG sizes, parallax.ico, parallax.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
