"""What a visitor downloads to see each map (tiles aside); part of `make bench`.

For every map page of a built site (maps/venues.html, maps/partners.html and the venue maps, in
each language) it adds up the bytes of the HTML and of the scripts and stylesheets the page
loads, raw and gzipped (as a static host would send them). scripts/bench.py reports the venues
and partners maps and the heaviest venue map per language; run alone, this script prints them
for a built site and writes every page's numbers to bench-results/map-weight.json.

    python scripts/map_weight.py [--site SITE_DIR]

Without --site the project is built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import mkdocs_run

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("html", "js", "css")
HEADER = ("map page", "HTML", "JS", "CSS", "total")


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


def weigh_site(site: Path) -> dict[str, dict]:
    """Every map page of `site` ("ru/maps/venues.html") -> its weights."""
    pages = {
        page.relative_to(site).as_posix(): weigh(page, site)
        for page in sorted(site.rglob("maps/*.html")) if page.parent.name == "maps"
    }
    if not pages:
        raise SystemExit(f"no map pages (maps/*.html) in {site}")
    return pages


def shown(pages: dict[str, dict]) -> dict[str, dict]:
    """The venues and partners maps and the heaviest venue map of each language, English first."""
    picked = {name: weights for name, weights in pages.items() if not name.split("/")[-1].startswith("venue-")}
    for folder in sorted({name.rsplit("maps/", 1)[0] for name in pages}):
        venue_maps = {n: w for n, w in pages.items() if n.startswith(f"{folder}maps/venue-")}
        if venue_maps:
            heaviest = max(venue_maps, key=lambda n: venue_maps[n]["total"]["raw"])
            picked[heaviest] = venue_maps[heaviest]
    return {name: picked[name] for name in sorted(picked, key=lambda name: (name.count("/"), name))}


def cells(weights: dict[str, dict[str, int]]) -> list[str]:
    """"raw (gzip)" byte counts for HTML, JS, CSS and the total."""
    return [f"{weights[kind]['raw']:,} ({weights[kind]['gzip']:,})" for kind in (*KINDS, "total")]


def print_table(pages: dict[str, dict]) -> None:
    print("Map page weight in bytes, raw (gzip -9): the HTML and the JS and CSS it loads; tiles not counted.")
    print(f"{HEADER[0]:<44}" + "".join(f"{column:>22}" for column in HEADER[1:]))
    for name, weights in shown(pages).items():
        print(f"{name:<44}" + "".join(f"{cell:>22}" for cell in cells(weights)))
    print(f"{len(pages)} map pages; JS and CSS are the same files for all of them (cached after the first).")


def build(site: Path) -> None:
    result = mkdocs_run.build(ROOT, site)
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    args = parser.parse_args()
    if args.site:
        pages = weigh_site(args.site.resolve())
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder) / "site")
            pages = weigh_site(Path(folder) / "site")
    print_table(pages)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / "map-weight.json").write_text(json.dumps(pages, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
