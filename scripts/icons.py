"""Render the site's bitmap icons from its SVGs with Chromium (run by hand when an SVG changes;
the results are committed, so the build needs no browser):

    docs/favicon.ico                  16 and 32 px, for browsers and tools that ask for /favicon.ico
    docs/images/apple-touch-icon.png  180 px, square (the phone rounds the corners itself)
    docs/images/social-card.png       1200 x 630, the preview of a shared link (Open Graph)
    docs/images/icon-192.png          192 and 512 px, the app icons of the web app manifests
    docs/images/icon-512.png          (hooks/citysite/offline), the rounded square as drawn
    docs/images/icon-maskable-512.png 512 px, full bleed, the drawing inside the central circle
                                      that a phone's mask keeps (purpose "maskable")

from docs/images/favicon.svg and docs/images/social-card.svg. The card's text needs the Noto CJK
fonts (Debian: apt-get install fonts-noto-cjk).

    .venv/bin/python scripts/icons.py
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"


def render(browser, svg: str, width: int, height: int, transparent: bool = False) -> bytes:
    """`svg` drawn at width x height CSS pixels, as PNG bytes."""
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
    svg = re.sub(r"<svg ", f'<svg width="{width}" height="{height}" ', svg, count=1)
    page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
    png = page.screenshot(omit_background=transparent)
    page.close()
    return png


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An .ico file holding PNG images (size in px, PNG bytes), as every current browser reads."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def maskable(icon: str) -> str:
    """The icon for a phone's mask: the background to the edges, the drawing scaled to 75% around
    the centre, inside the circle of 40% radius that every mask shape keeps."""
    square = icon.replace('rx="12" ', "")
    background, rest = re.match(r'(<svg [^>]*>\s*<rect [^>]*/>)(.*)</svg>\s*$', square, re.S).groups()
    return f'{background}<g transform="translate(32 32) scale(0.75) translate(-32 -32)">{rest}</g></svg>'


def main() -> None:
    icon = (IMAGES / "favicon.svg").read_text(encoding="utf-8")
    card = (IMAGES / "social-card.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        favicon = [(size, render(browser, icon, size, size, transparent=True)) for size in (16, 32)]
        (ROOT / "docs" / "favicon.ico").write_bytes(ico(favicon))
        square = icon.replace('rx="12" ', "")  # full bleed: iOS masks the corners
        (IMAGES / "apple-touch-icon.png").write_bytes(render(browser, square, 180, 180))
        (IMAGES / "social-card.png").write_bytes(render(browser, card, 1200, 630))
        for size in (192, 512):
            (IMAGES / f"icon-{size}.png").write_bytes(render(browser, icon, size, size, transparent=True))
        (IMAGES / "icon-maskable-512.png").write_bytes(render(browser, maskable(icon), 512, 512))
        browser.close()
    for path in (ROOT / "docs" / "favicon.ico", IMAGES / "apple-touch-icon.png", IMAGES / "social-card.png",
                 *(IMAGES / name for name in ("icon-192.png", "icon-512.png", "icon-maskable-512.png"))):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
