"""Render the raster version (`card:` in data/images.yml) of each SVG illustration that has one,
with Chromium, 1200 px wide: social networks show no SVG in a link preview. The build crops it to
1200 x 630 around the record's `focus`. Run by hand when an illustration changes; the PNG files
are committed beside the SVGs, so the build needs no browser.

    .venv/bin/python scripts/illustration_cards.py
"""

from __future__ import annotations

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

from citysite.images.process import svg_size
from citysite.images.records import load_image_records

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
WIDTH = 1200


def main() -> None:
    records = load_image_records(ROOT, check_files=False).records
    wanted = [record for record in records.values() if record.is_vector and record.card]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for record in wanted:
            svg = (ROOT / record.file).read_bytes()
            width, height = svg_size(svg.decode("utf-8"))
            page = browser.new_page(viewport={"width": WIDTH, "height": round(WIDTH * height / width)})
            data = base64.b64encode(svg).decode()
            page.set_content(f"<!doctype html><body style='margin:0'>"
                             f"<img src='data:image/svg+xml;base64,{data}' style='display:block;width:100%'></body>")
            (ROOT / record.card).write_bytes(page.screenshot())
            page.close()
            print(f"{record.card}: {(ROOT / record.card).stat().st_size:,} bytes")
        browser.close()


if __name__ == "__main__":
    main()
