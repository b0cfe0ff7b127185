"""`make audit`: Lighthouse on a phone (its mobile preset) for the home, events, venues, partners
and visit pages of all five languages, checked against the site's budget.

    python scripts/audit.py [--site SITE_DIR] [--pages "" ru/venues/ ...] [--runs 3]

Without --site the project is built into .site-audit/ first, with the map tiles pointed at a
stand-in that this script serves (the audit machine has no network; see TILES below). The site
is served on 127.0.0.1 by a static server that gzips text like a real host, so the transferred
bytes are what a visitor downloads. Lighthouse (npm, pinned in package.json) drives Debian's
Chromium (CHROME_PATH, default /usr/bin/chromium), with Debian's fonts-noto-cjk as a phone has
CJK fonts, one page at a time, each page --runs times (the run with the median performance score
counts: Lighthouse's timings vary from run to run), each run once the machine is quiet (its CPU
time, scaled 4x to mimic a phone, includes whatever else the machine is doing).

Budget: at least 98 in performance and 100 in accessibility, best practices and SEO on every page,
and no layout shift (cumulative layout shift 0); the home page transfers at most 300 KB and a page with a big map (venues, partners) at most 400 KB,
compressed, map tiles not counted. Prints a table, writes each page's Lighthouse JSON and a
summary to bench-results/lighthouse/ (not committed), rewrites the Lighthouse section of
BENCHMARKS.md after a run over every page, and exits 1 when the budget is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

import benchmarks_file
import machine
import mkdocs_run
import static_host

from citysite.languages import LANGUAGES, language_prefix

ROOT = Path(__file__).resolve().parents[1]

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
RESULTS = ROOT / "bench-results" / "lighthouse"

SECTIONS = ("", "events/", "venues/", "partners/", "visit/")  # "" is the home page
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_SCORES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}  # issue 17
HOME_BUDGET = 300 * 1024
MAP_PAGE_BUDGET = 400 * 1024
MAP_SECTIONS = ("venues/", "partners/")

# Tiles: the real site loads them from the provider in mkdocs.yml (extra.citysite.tiles). Offline those
# requests would fail and log console errors a visitor never sees, so the audit build points the
# maps at this server instead (MAP_TILES_URL), which answers every tile with one grey PNG. A site
# audited with --site keeps its tile URLs; Lighthouse blocks every request to another host
# (https://*), which it does not count as a console error. Either way tile requests are counted
# apart and left out of the byte budget, as the budget says.
TILES = "/__tiles__/"
OTHER_HOSTS = "https://*"  # the audited site is served over http from 127.0.0.1


def _grey_tile() -> bytes:
    """A 256x256 light grey PNG, the size of a real tile."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xe8" * 256 for _ in range(256))  # 8-bit greyscale
    header = struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


TILE_PNG = _grey_tile()
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


# --- building and auditing -------------------------------------------------------------------------

def build(site: Path) -> None:
    """The project built into `site` (strict), its maps asking this script's server for tiles."""
    print(f"Building the site into {site.relative_to(ROOT)}/ ...", flush=True)
    shutil.rmtree(site, ignore_errors=True)
    result = mkdocs_run.build(ROOT, site, {"MAP_TILES_URL": TILES + "{z}/{x}/{y}.png"}, strict=True)
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr[-4000:]}")


def lighthouse(url: str, report: Path) -> dict:
    """Lighthouse's JSON report for `url` (mobile preset: a mid-range phone on a slow 4G network)."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        f"--blocked-url-patterns={OTHER_HOSTS}",
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
    if result.returncode != 0 or not report.exists():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def median_run(url: str, report: Path, runs: int) -> tuple[dict, list[int]]:
    """The run with the median performance score of `runs` (Lighthouse's advice: its timings vary
    with the machine's load) and every run's performance score. Only that run's report is kept."""
    reports = []
    for run in range(runs):
        machine.wait_until_quiet()  # Lighthouse scales CPU time 4x: other programs' load counts too
        reports.append(lighthouse(url, report.with_suffix(f".{run}.json")))
        report.with_suffix(f".{run}.json").unlink()
    performance = [round(100 * (r["categories"]["performance"]["score"] or 0)) for r in reports]
    median = sorted(range(runs), key=performance.__getitem__)[runs // 2]
    report.write_text(json.dumps(reports[median], indent=1), encoding="utf-8")
    return reports[median], performance


@dataclass
class PageResult:
    page: str  # site-relative URL, "" for the English home page
    scores: dict[str, int]
    transfer_bytes: int  # tiles not counted
    requests: int  # tiles not counted
    tile_requests: int
    budget_bytes: int | None
    performance_runs: list[int]
    benchmark_index: float  # Lighthouse's measure of the machine's speed during the median run
    misses: list[str]  # where the page misses the budget
    weak_audits: list[str]  # the audits that cost it points


def is_tile(url: str, origin: str) -> bool:
    """A request for a map tile: the stand-in's, or any to another host (only tiles come from one)."""
    return TILES in url or (url.startswith(("http://", "https://")) and not url.startswith(origin))


def summarize(page: str, section: str, report: dict, performance_runs: list[int], origin: str) -> PageResult:
    """Scores, bytes and requests of one report, and where it misses the budget."""
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    requests = report["audits"]["network-requests"]["details"]["items"]
    tiles = [item for item in requests if is_tile(item["url"], origin)]
    counted = [item for item in requests if not is_tile(item["url"], origin)]
    transfer = sum(item.get("transferSize") or 0 for item in counted)
    budget = HOME_BUDGET if section == "" else MAP_PAGE_BUDGET if section in MAP_SECTIONS else None
    misses = [f"{name} {score} < {MIN_SCORES[name]}" for name, score in scores.items() if score < MIN_SCORES[name]]
    shift = report["audits"]["cumulative-layout-shift"].get("numericValue") or 0
    if shift > 0:
        misses.append(f"cumulative layout shift {shift:.3f} > 0")
    if budget is not None and transfer > budget:
        misses.append(f"{transfer / 1024:.0f} KB > {budget // 1024} KB")
    weak = [line for name in CATEGORIES if scores[name] < 100 for line in failed_audits(report, name)]
    return PageResult(page, scores, transfer, len(counted), len(tiles), budget, performance_runs,
                      report["environment"]["benchmarkIndex"], misses, weak)


def failed_audits(report: dict, category: str) -> list[str]:
    """The audits of `category` that cost points, as "category: audit id (score)"."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 0.9:
            failed.append(f"  {category}: {ref['id']} ({audit['score']:.2f})")
    return failed


def print_table(results: list[PageResult], runs: int) -> None:
    print(f"\nLighthouse {lighthouse_version()} mobile preset, median of {runs} run(s) by performance score; bytes as")
    print("transferred from a static host that gzips text (level 6); map tiles (the stand-in, or blocked with --site)")
    print("not counted.")
    print(f"{'page':<14}{'perf':>5}{'a11y':>5}{'b.p.':>5}{'seo':>5}{'KB':>8}{'budget':>7}{'requests':>9}{'tiles':>6}"
          f"  perf of each run (machine speed: Lighthouse's benchmark index, higher is faster)")
    for row in results:
        scores = "".join(f"{row.scores[name]:>5}" for name in CATEGORIES)
        budget = f"{row.budget_bytes // 1024}" if row.budget_bytes else "-"
        print(f"{'/' + row.page:<14}{scores}{row.transfer_bytes / 1024:>8.1f}{budget:>7}{row.requests:>9}"
              f"{row.tile_requests:>6}  {', '.join(map(str, row.performance_runs))} ({row.benchmark_index:.0f})")


def markdown_section(results: list[PageResult], runs: int) -> str:
    """BENCHMARKS.md's Lighthouse section: the table of a run over every page, and the misses."""
    lines = [
        benchmarks_file.LIGHTHOUSE_HEADING,
        "",
        f"Written by `make audit` (scripts/audit.py) over all {len(results)} pages: Lighthouse "
        f"{lighthouse_version()}, mobile preset, median of {runs} runs by performance score, on "
        f"{os.cpu_count()} cores; KB as transferred (gzip), map tiles not counted. The budget: performance "
        f"98, the others 100, no layout shift, the home page at most {HOME_BUDGET // 1024} KB and a map page "
        f"at most {MAP_PAGE_BUDGET // 1024} KB. Scores vary from run to run on a shared machine: the runs "
        "and Lighthouse's benchmark index (machine speed) are beside each median.",
        "",
        "| page | performance | accessibility | best practices | SEO | KB | runs (benchmark index) | misses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in results:
        scores = " | ".join(str(row.scores[name]) for name in CATEGORIES)
        lines.append(f"| /{row.page} | {scores} | {row.transfer_bytes / 1024:.0f} | "
                     f"{', '.join(map(str, row.performance_runs))} ({row.benchmark_index:.0f}) | "
                     f"{'; '.join(row.misses)} |")
    return "\n".join(lines)


def lighthouse_version() -> str:
    return json.loads((LIGHTHOUSE.parent.parent / "lighthouse" / "package.json").read_text())["version"]


def missing_cjk_fonts() -> bool:
    """True where fontconfig knows no font for Chinese, Japanese and Korean (Linux without Noto CJK)."""
    if not shutil.which("fc-list"):
        return False
    return any(not subprocess.run(["fc-list", f":lang={lang}"], capture_output=True, text=True).stdout.strip()
               for lang in ("zh-cn", "ja", "ko"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="audit this built site (its tiles as built) instead of building one")
    parser.add_argument("--pages", nargs="+", help="only these pages, e.g. '' ru/venues/ (default: all 25)")
    parser.add_argument("--runs", type=int, default=5,
                        help="Lighthouse runs per page, the median counts (default 5, as Lighthouse advises)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm ci` (`make audit` does)")
    if not Path(CHROME).exists():
        sys.exit(f"no Chromium at {CHROME}: apt-get install -y chromium (or set CHROME_PATH)")
    if missing_cjk_fonts():
        sys.exit("no Chinese, Japanese or Korean font: apt-get install -y fonts-noto-cjk (a phone has them; "
                 "without them every glyph goes through font fallback and CJK pages measure slower than they are)")

    site = args.site.resolve() if args.site else ROOT / ".site-audit"
    if not args.site:
        build(site)
    pages = [(f"{language_prefix(lang)}{section}", section) for lang in LANGUAGES for section in SECTIONS]
    if args.pages:
        pages = [(page, section) for page, section in pages if page in args.pages]
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    with static_host.serve(site, fixed={TILES: ("image/png", TILE_PNG)}) as base_url:
        for page, section in pages:
            name = (page or "en/").rstrip("/").replace("/", "-") or "en"
            print(f"  lighthouse /{page}", flush=True)
            report, performance = median_run(base_url + page, RESULTS / f"{name}.json", args.runs)
            results.append(summarize(page, section, report, performance, base_url))
    print_table(results, args.runs)
    (RESULTS / "summary.json").write_text(json.dumps([asdict(row) for row in results], indent=1) + "\n")
    if not args.pages:
        benchmarks_file.write(benchmarks_file.with_section(benchmarks_file.read(), benchmarks_file.LIGHTHOUSE_HEADING,
                                                           markdown_section(results, args.runs)))
    missed = [row for row in results if row.misses]
    for row in missed:
        print(f"\n/{row.page} misses the budget: {'; '.join(row.misses)}\n" + "\n".join(row.weak_audits))
    print(f"\n{'BUDGET MISSED on ' + str(len(missed)) + ' pages' if missed else 'Within budget'}; "
          f"reports in {RESULTS.relative_to(ROOT)}/")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
