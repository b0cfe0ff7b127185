"""`make bench`, map part: what a visitor downloads to see each map (tiles aside).

For every map page of the built site (maps/venues.html, maps/partners.html and the venue maps,
in each language) it adds up the bytes of the HTML and of the scripts and stylesheets the page
loads, raw and gzipped (as a static host would send them). Prints a table of the venues and
partners maps and the heaviest venue map per language, and writes every page's numbers to
bench-results/map-weight.json.

    python scripts/map_weight.py [--site SITE_DIR]

Without --site the project is built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26, as in the tests
KINDS = ("html", "js", "css")


class _Assets(HTMLParser):
    """The scripts and stylesheets an HTML page loads."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.found.append(("js", attrs["src"]))
        elif tag == "link" and attrs.get("rel") == "stylesheet" and attrs.get("href"):
            self.found.append(("css", attrs["href"]))


def _gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=9, mtime=0))


def weigh(map_page: Path, site: Path) -> dict[str, dict[str, int]]:
    """Bytes of the page's HTML, JS and CSS and their total, each {"raw": .., "gzip": ..}."""
    html = map_page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    files: dict[str, list[bytes]] = {"html": [html], "js": [], "css": []}
    for kind, url in parser.found:
        if "://" in url:
            raise SystemExit(f"{map_page.relative_to(site)} loads {url} from another host")
        files[kind].append((map_page.parent / url).resolve().read_bytes())
    weights = {
        kind: {"raw": sum(map(len, contents)), "gzip": sum(map(_gzip_size, contents))}
        for kind, contents in files.items()
    }
    weights["total"] = {unit: sum(weights[kind][unit] for kind in KINDS) for unit in ("raw", "gzip")}
    return weights


def map_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("maps/*.html") if path.parent.name == "maps")


def build(site: Path) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr}")


def _cell(weight: dict[str, int]) -> str:
    return f"{weight['raw']:>9,} ({weight['gzip']:>7,})"


def report(site: Path) -> dict[str, dict]:
    pages = {page.relative_to(site).as_posix(): weigh(page, site) for page in map_pages(site)}
    if not pages:
        raise SystemExit(f"no map pages (maps/*.html) in {site}")
    shown = {name: weights for name, weights in pages.items() if not name.split("/")[-1].startswith("venue-")}
    for folder in sorted({name.rsplit("maps/", 1)[0] for name in pages}):
        venue_maps = {n: w for n, w in pages.items() if n.startswith(f"{folder}maps/venue-")}
        if venue_maps:
            heaviest = max(venue_maps, key=lambda n: venue_maps[n]["total"]["raw"])
            shown[heaviest] = venue_maps[heaviest]
    print("Map page weight in bytes, raw (gzip -9): the HTML and the JS and CSS it loads; tiles not counted.")
    print(f"{'map page':<44}{'HTML':>20}{'JS':>20}{'CSS':>20}{'total':>20}")
    for name in sorted(shown, key=lambda name: (name.count("/"), name)):  # English first
        weights = shown[name]
        print(f"{name:<44}" + "".join(f"{_cell(weights[kind]):>20}" for kind in (*KINDS, "total")))
    print(f"{len(pages)} map pages; JS and CSS are the same files for all of them (cached after the first).")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    args = parser.parse_args()
    if args.site:
        pages = report(args.site.resolve())
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder) / "site")
            pages = report(Path(folder) / "site")
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / "map-weight.json").write_text(json.dumps(pages, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
