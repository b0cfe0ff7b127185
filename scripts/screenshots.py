"""The README's two screenshots of the home page, made in Debian's Chromium and kept small
(a palette of at most 128 colours):

    docs/images/readme-home-phone.png     390 px wide, the first screen of a phone
    docs/images/readme-home-desktop.png   1280 x 800, scaled to 960 px wide

    .venv/bin/python scripts/screenshots.py [--site SITE_DIR] [--lang ko]

Without --site the project is built first (into .site-screenshots/). mkdocs.yml keeps the two
files out of the published site (exclude_docs). Run it when the home page changes.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
from pathlib import Path

import mkdocs_run
import static_host
from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
OUT = ROOT / "docs" / "images"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


def small_png(png: bytes, width: int | None = None) -> bytes:
    """A screenshot scaled to `width` and reduced to 128 colours."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if width and image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        buffer, "PNG", optimize=True)
    return buffer.getvalue()


def shoot(site: Path, lang: str) -> dict[str, bytes]:
    prefix = "" if lang == "en" else f"{lang}/"
    shots = {}
    with static_host.serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        for name, options, width in (("phone", PHONE, None), ("desktop", DESKTOP, 960)):
            context = browser.new_context(**options)
            context.route("https://**", lambda route: route.abort())  # the site alone, no tiles
            page = context.new_page()
            page.goto(base_url + prefix, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            shots[name] = small_png(page.screenshot(), width)
            context.close()
        browser.close()
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--lang", default="en", help="the home page of this language (default: en)")
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = ROOT / ".site-screenshots"
        shutil.rmtree(site, ignore_errors=True)
        result = mkdocs_run.build(ROOT, site, strict=True)
        if result.returncode != 0:
            sys.exit(f"the build failed:\n{result.stderr[-3000:]}")
    for name, png in shoot(site, args.lang).items():
        path = OUT / f"readme-home-{name}.png"
        path.write_bytes(png)
        print(f"{path.relative_to(ROOT)}: {len(png):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
