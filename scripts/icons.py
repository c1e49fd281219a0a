#!/usr/bin/env python3
"""Draws Wijkplein's app icons (two houses side by side and a warm dot, the
same drawing as public/favicon.svg) as the PNG files the web app manifest and
iOS need. Run it again after changing the drawing; the PNGs are committed.

    python3 scripts/icons.py        (needs Debian's python3-pil)
"""
from pathlib import Path

from PIL import Image, ImageDraw

PRIMARY = (0x1D, 0x5C, 0x55)
WHITE = (0xFF, 0xFF, 0xFF)
ACCENT = (0xF2, 0xA5, 0x41)
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"


def draw(size: int, maskable: bool) -> Image.Image:
    """The drawing on a 32-unit grid, scaled to `size`. A maskable icon fills
    the whole square and keeps the drawing inside the safe circle (80%)."""
    big = size * 4  # drawn large, then scaled down: smooth edges
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=PRIMARY)
        # The drawing (16 by 16 units around (16, 19)) at half the width.
        scale = big * 0.5 / 16
        offset_x, offset_y = big / 2 - 16 * scale, big / 2 - 19 * scale
    else:
        unit = big / 32
        pen.rounded_rectangle((unit, unit, 31 * unit, 31 * unit), radius=9 * unit, fill=PRIMARY)
        scale, offset_x, offset_y = big / 32, 0.0, 0.0

    def at(x: float, y: float) -> tuple[float, float]:
        return (offset_x + x * scale, offset_y + y * scale)

    for left in (8, 16):
        pen.polygon([at(left, 15), at(left + 4, 11), at(left + 8, 15), at(left + 8, 23), at(left, 23)], fill=WHITE)
    cx, cy = at(16, 25.5)
    r = 1.6 * scale
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=ACCENT)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, False).save(OUT / f"icon-{size}.png", optimize=True)
        draw(size, True).save(OUT / f"maskable-{size}.png", optimize=True)
    # iOS shows the touch icon on a square of its own: no transparency.
    touch = Image.new("RGB", (180, 180), PRIMARY)
    touch.paste(draw(180, True), (0, 0), draw(180, True))
    touch.save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
