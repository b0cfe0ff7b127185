"""`make bench`: how long the publisher and an editor wait for the site, and what a map weighs.

Each figure is the median of --runs runs (default 3), each in a throwaway copy of the project; the
builds of one scale take turns (side by side), so that other programs' load slows each alike:

  full       the five-language build as `make build` runs it (scripts/build_site.py: a process per
             language, as many at a time as there are cores) with the real data;
  sequential the same site built by `mkdocs build` in one process, the languages one after another
             (make build before): target, full at most 0.55 times this;
  static     the same Markdown without the data, maps and feeds: the Markdown the build makes
             (generated pages, lists, map iframes) is written into a copy as ordinary pages and
             its mkdocs.yml says `from_data: false`, so both builds render the same pages, and
             full / static - 1 is what the data, maps and feeds add: target at most 10% at 1x,
             10x and 100x;
  (share)    beside it, the CPU seconds inside the site's event methods and the assembly
             (scripts/build_site.py reports them) over everything else's: an upper bound, since
             MkDocs' and Material's work called from those methods counts there too;
  idle       beside each wall-clock time, what the build would take on the same machine with
             nothing else running, from the CPU seconds of its parts (idle_estimate);
  preview    the one-language preview build (BUILD_ONLY_LOCALE=ru, as `make serve SITE_LANG=ru`);
  rebuild    the same in a running `mkdocs serve` after a page is saved: from the save to
             "Reloading browsers", what the editor waits for (target: under 2 s on 2 cores);
  serve-*    the full five-language `make serve` after saving a Russian page, an English page and
             a data file: a page rebuilds its language alone (hooks/citysite/serve.py; target:
             under 3 s on 2 cores), a data file all five languages (no target);
  x10, x100  the full and the static build with 10 and 100 times the events (real events repeated,
             ids suffixed -x2, -x3 ...; target: 100x at most 10 times the one-process build of the
             real data; also shown: 100x against 10x, and the project's share at each scale);
  test       `make test` (pytest in the copy), once (--no-tests leaves it out);

and the weight of the map pages of the full build (scripts/map_weight.py) and what the offline
guide keeps of each language (offline_weights; target: under 2 MB downloaded). Before each run it
waits for the machine to be quiet (other programs' load slows builds). Prints the figures,
writes bench-results/bench.json, rewrites BENCHMARKS.md, and exits 1 when a target is missed.

`--only preview` measures the preview alone (rebuild and serve-*, a few minutes instead of half an
hour) and rewrites only the "Preview" section of BENCHMARKS.md. `--only offline` builds the site
once and rewrites what the offline guide keeps of each language (its section and its target line);
`--only build` times the full and the one-process build of the real data side by side and prints
the parallel build's target with each part's CPU seconds (a few minutes; BENCHMARKS.md unchanged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import benchmarks_file
import machine
import map_weight
import mkdocs_run
from bench_projects import ROOT, project_copy, static_copy
from bench_timing import Timing, serve_rebuilds, side_by_side, timed_builds, timed_tests

from citysite import offline
from citysite.languages import LANGUAGES, language_folder

PREVIEW_LANGUAGE = "ru"
MAX_HOOKS_RATIO = 1.10  # the project's own share of the build: at most 10% at 1x, 10x and 100x
MAX_X100_RATIO = 10.0  # 100x the events against the one-process build of the real data
MAX_PARALLEL_RATIO = 0.55  # make build (a process per language) against the one-process build
MAX_REBUILD_SECONDS = 2.0  # the one-language preview (make serve SITE_LANG=ru)
MAX_SERVE_PAGE_SECONDS = 3.0  # the full five-language make serve, after saving one language's page
PREVIEW_HEADING = "## Preview (make serve)"
BENCHMARKS = benchmarks_file.BENCHMARKS
RESULTS = ROOT / "bench-results"


# --- the offline guide ---------------------------------------------------------------------------

def offline_weights(site: Path) -> dict[str, dict[str, int]]:
    """What each language's service worker keeps at install (hooks/citysite/offline): how many
    files, the bytes a phone stores and the bytes it downloads for them (text gzipped)."""
    return {lang: offline.precache_weight(site, lang) for lang in LANGUAGES}


def offline_lines(weights: dict[str, dict[str, int]]) -> list[str]:
    return ["| language | files | stored | downloaded |", "| --- | ---: | ---: | ---: |",
            *[f"| {lang} | {w['files']} | {w['stored']:,} | {w['download']:,} |" for lang, w in weights.items()]]


def offline_checks(weights: dict[str, dict[str, int]]) -> list[Check]:
    largest = max(weights, key=lambda lang: weights[lang]["download"])
    download = weights[largest]["download"]
    return [Check(f"the offline guide of one language downloads at most {download / 1e6:.2f} MB ({largest}) at "
                  f"install (under {offline.PRECACHE_BUDGET / 1e6:g} MB)", download < offline.PRECACHE_BUDGET)]


OFFLINE_HEADING = "## Offline guide"
OFFLINE_TARGET = re.compile(r"^- (?:met|\*\*missed\*\*): the offline guide of one language .*$", re.M)


def offline_section(weights: dict[str, dict[str, int]]) -> list[str]:
    return [OFFLINE_HEADING, "",
            "What each language's service worker keeps at install (hooks/citysite/offline): its files, the",
            "bytes the phone stores and the bytes it downloads for them (text gzipped, -9).", "",
            *offline_lines(weights), ""]


def offline_only() -> int:
    """One build; what the offline guide keeps of each language, written into BENCHMARKS.md (its
    section and its line among the targets)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        result = mkdocs_run.build(ROOT, Path(temp) / "site", strict=True)
        if result.returncode != 0:
            sys.exit(f"the build failed:\n{result.stderr[-3000:]}")
        weights = offline_weights(Path(temp) / "site")
    print("\n".join(offline_lines(weights)))
    found = offline_checks(weights)
    for check in found:
        print(f"{'met   ' if check.met else 'MISSED'} {check.text}")
    text = benchmarks_file.with_section(benchmarks_file.read(), OFFLINE_HEADING, "\n".join(offline_section(weights)))
    targets = "\n".join(f"- {'met' if check.met else '**missed**'}: {check.text}." for check in found)
    benchmarks_file.write(OFFLINE_TARGET.sub(lambda _match: targets, text, count=1))
    print(f"\nThe offline section of {BENCHMARKS.relative_to(ROOT)} rewritten")
    return 0 if all(check.met for check in found) else 1


# --- report ------------------------------------------------------------------------------------

@dataclass
class Check:
    text: str
    met: bool


def checks(timings: dict[str, Timing], scales: list[int], cores: int) -> list[Check]:
    """The targets, each met or not, with the figures behind it."""
    found = []
    if "sequential" in timings:
        full, one = timings["full"], timings["sequential"]
        ratio = full.median / one.median
        idle = statistics.median(full.idle) / statistics.median(one.idle) if full.idle and one.idle else ratio
        best = (f"; {statistics.median(full.best) / statistics.median(one.idle):.2f} at best with a process per "
                f"language on {cores} cores, in any order (best_split_estimate)" if full.best and one.idle else "")
        found.append(Check(f"make build (a process per language, {cores} cores) takes {ratio:.2f} times the "
                           f"one-process `mkdocs build` of the same site ({idle:.2f} on an idle machine, from "
                           f"CPU seconds{best}; at most {MAX_PARALLEL_RATIO})", ratio <= MAX_PARALLEL_RATIO))
    for suffix, label in (("", "the real data"), *((f"-x{n}", f"{n}x the events") for n in scales)):
        full, static = timings.get(f"full{suffix}"), timings.get(f"static{suffix}")
        if not (full and static):
            continue
        # What the data, maps and feeds add: the same pages built with the data hooks off (the
        # issue's own measure). The CPU seconds spent inside the site's event methods are shown
        # beside it: an upper bound, since MkDocs' and Material's work called from those methods
        # (templates, Markdown, the search index) counts there too (17% with the hooks off).
        added = full.median / static.median - 1
        inside = (f"; the site's event methods and assembly use {100 * statistics.median(full.share):.0f}% as much "
                  f"CPU as the rest, {100 * statistics.median(static.share):.0f}% with the data hooks off"
                  if full.share and static.share else "")
        found.append(Check(f"with {label}, the data, map and feed hooks add {100 * added:.0f}% to the build "
                           f"(at most {100 * (MAX_HOOKS_RATIO - 1):.0f}%{inside})", added <= MAX_HOOKS_RATIO - 1))
    if 100 in scales:
        reference = timings.get("sequential", timings["full"])
        ratio = timings["full-x100"].median / reference.median
        floor = timings["static-x100"].median / timings["static"].median
        found.append(Check(
            f"100x the events take {ratio:.1f} times the one-process build of the real data "
            f"({timings['full-x100'].median / timings['full'].median:.1f} times make build's; at most "
            f"{MAX_X100_RATIO:.0f}); without the hooks the same pages take {floor:.1f} times as long as the real data's",
            ratio <= MAX_X100_RATIO))
    if len(scales) >= 2:
        below, largest = sorted(scales)[-2:]
        growth = timings[f"full-x{largest}"].median / timings[f"full-x{below}"].median
        found.append(Check(f"{largest / below:g} times the events ({below}x to {largest}x) take {growth:.1f} times "
                           f"as long (at most {largest / below:g}: the cost grows no faster than linearly)",
                           growth <= largest / below))
    return found + preview_checks(timings, cores)


def preview_checks(timings: dict[str, Timing], cores: int) -> list[Check]:
    found = []
    if "rebuild" in timings:
        seconds = timings["rebuild"].median
        found.append(Check(f"the one-language preview rebuild takes {seconds:.2f} s from saving a page to the reload "
                           f"on {cores} cores (under {MAX_REBUILD_SECONDS:.0f} s on 2 cores)",
                           seconds < MAX_REBUILD_SECONDS))
    for name, what in (("serve-ru", "a Russian page"), ("serve-en", "an English page")):
        if name in timings:
            seconds = timings[name].median
            found.append(Check(f"the full five-language make serve takes {seconds:.2f} s from saving {what} to the "
                               f"reload on {cores} cores (under {MAX_SERVE_PAGE_SECONDS:.0f} s on 2 cores)",
                               seconds < MAX_SERVE_PAGE_SECONDS))
    return found


def measure_preview(timings: dict[str, Timing], project: Path, runs: int) -> None:
    """The preview's rebuilds: the one-language preview, and the full make serve after a page of
    one language and after a data file."""
    timings["rebuild"] = Timing("rebuild", f"one-language preview ({PREVIEW_LANGUAGE}): save a page to the reload")
    serve_rebuilds(timings["rebuild"], project, PREVIEW_LANGUAGE, runs)
    timings["serve-ru"] = Timing("serve-ru", "five languages: save a Russian page (docs_ru/) to the reload")
    serve_rebuilds(timings["serve-ru"], project, None, runs, language_folder(project, "ru") / "visit" / "index.md")
    timings["serve-en"] = Timing("serve-en", "five languages: save an English page (docs/) to the reload")
    serve_rebuilds(timings["serve-en"], project, None, runs, language_folder(project, "en") / "visit" / "index.md")
    timings["serve-data"] = Timing("serve-data", "five languages: save data/venues.yml to the reload (all five)")
    serve_rebuilds(timings["serve-data"], project, None, runs, project / "data" / "venues.yml")


def preview_section(timings: dict[str, Timing], found: list[Check], about: dict, runs: int,
                    taken: dt.datetime) -> list[str]:
    rows = [f"| {timing.what} | {', '.join(f'{v:.2f}' for v in timing.runs)} | **{timing.median:.2f}** | "
            f"{statistics.median(timing.rebuild_only):.2f} | {statistics.median(timing.cpu):.2f} |"
            for timing in timings.values() if timing.rebuild_only]
    return [
        PREVIEW_HEADING,
        "",
        "What an editor waits for in `make serve`: from saving a file to the browser's reload (the server",
        "notices a save within half a second), the rebuild alone as the server logs it, and the CPU seconds",
        "the server used for it (what the rebuild costs, whatever else the machine is doing). A page of one",
        "language rebuilds only that language (hooks/citysite/serve.py); a data file rebuilds all five.",
        f"Median of {runs} saves; taken {taken:%Y-%m-%d %H:%M} UTC on {about['cores']} cores. Load average at the end:",
        f"{', '.join(f'{value:.1f}' for value in os.getloadavg())} (1, 5, 15 min); above {about['cores']}, other "
        "programs shared the CPUs: the wall-clock times grow, the CPU seconds hardly.",
        "",
        "| save | runs (s) | median (s) | the rebuild alone (s) | CPU (s) |",
        "| --- | --- | ---: | ---: | ---: |",
        *rows,
        "",
        *[f"- {'met' if check.met else '**missed**'}: {check.text}." for check in found],
        "",
    ]


def rewrite_preview_section(section: list[str]) -> None:
    """BENCHMARKS.md with its preview section replaced (or added before the map weights)."""
    benchmarks_file.write(benchmarks_file.with_section(benchmarks_file.read(), PREVIEW_HEADING, "\n".join(section),
                                                       before="## Map page weight"))


def markdown_report(timings: dict[str, Timing], found: list[Check], maps: dict[str, dict], about: dict,
                    runs: int, taken: dt.datetime, offline_sizes: dict[str, dict[str, int]] | None = None) -> str:
    full = timings["full"]
    reference = timings.get("sequential", full)
    rows = []
    for timing in timings.values():
        if timing.rebuild_only:  # in the preview section
            continue
        idle = f"{statistics.median(timing.idle):.2f}" if timing.idle else ""
        rows.append(f"| {timing.what} | {timing.pages or ''} | {', '.join(f'{v:.2f}' for v in timing.runs)} | "
                    f"**{timing.median:.2f}** | {statistics.median(timing.cpu):.2f} | {idle} | "
                    f"{timing.median / full.median:.2f} | {timing.median / reference.median:.2f} |")
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (scripts/bench.py), which rewrites this file: the latest figures, each the",
        f"median of {runs} runs in a throwaway copy of the project, the builds of one scale taking turns. Wall-",
        "clock seconds of the build as `make build` runs it (scripts/build_site.py: a process per language, as",
        f"many at a time as there are cores, here {about['cores']}) unless the row says one process (`mkdocs build`,",
        "the five languages one after another, as `make build` did before), Python start included; the CPU",
        "seconds the build used beside them; each median as a multiple of make build's full build (x full) and",
        "of the one-process build of the same site (x one process). Before every run the script waits until",
        "other programs leave the CPUs alone. \"idle\" is what the build would take with nothing else running,",
        "from the CPU seconds of its parts (scripts/bench.py, idle_estimate): on a shared machine the wall",
        "clock of a parallel build depends on how busy the other programs keep the cores.",
        "",
        f"Taken {taken:%Y-%m-%d %H:%M} UTC on {about['cpu']}, {about['cores']} cores, {about['memory_gb']} GB, "
        f"{about['system']}; Python {about['python']}; {about['packages']}.",
        "",
        "## Build time",
        "",
        "| build | pages | runs (s) | median (s) | CPU (s) | idle (s) | x full | x one process |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        "## Targets",
        "",
        *[f"- {'met' if check.met else '**missed**'}: {check.text}." for check in found],
        "",
        *preview_section({name: t for name, t in timings.items() if t.rebuild_only},
                         preview_checks(timings, int(about["cores"])), about, runs, taken),
        "## Map page weight",
        "",
        "Bytes of each map page's HTML and the scripts and stylesheets it loads, raw (gzip -9), tiles not",
        "counted: the venues and partners maps and the heaviest venue map of each language. Leaflet's files",
        "are the same for every map, so a visitor downloads them once.",
        "",
        "| " + " | ".join(map_weight.HEADER) + " |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[f"| {name} | " + " | ".join(map_weight.cells(weights)) + " |"
          for name, weights in map_weight.shown(maps).items()],
        "",
    ]
    if offline_sizes:
        lines += offline_section(offline_sizes)
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100], help="multiples of the events to build")
    parser.add_argument("--no-tests", dest="tests", action="store_false", help="leave out timing make test")
    parser.add_argument("--only", choices=["preview", "offline", "build"], help="preview: measure only the preview "
                        "(make serve) and rewrite only that section of BENCHMARKS.md; offline: only what the offline "
                        "guide keeps; build: only make build against the one-process build")
    args = parser.parse_args()
    about = machine.description()
    taken = dt.datetime.now(dt.UTC)
    timings: dict[str, Timing] = {}
    if args.only == "preview":
        return preview_only(args.runs, about, taken)
    if args.only == "offline":
        return offline_only()
    if args.only == "build":
        return build_only(args.runs, int(about["cores"]))
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        print(f"Benchmarking in {temp}, {args.runs} runs each:", flush=True)
        for scale in (1, *args.scales):
            suffix = "" if scale == 1 else f"-x{scale}"
            project = Path(temp) / f"x{scale}"
            events = project_copy(project, scale)
            label = f"{events} events" + ("" if scale == 1 else f", {scale}x")
            static = Path(temp) / f"static-x{scale}"
            static_copy(project, static)
            timings[f"full{suffix}"] = Timing(f"full{suffix}", f"full: five languages, {label}")
            timings[f"static{suffix}"] = Timing(f"static{suffix}", f"the same Markdown, data, map and feed hooks off ({label})")
            builds = [(timings[f"full{suffix}"], project, "parallel"), (timings[f"static{suffix}"], static, "parallel")]
            if scale == 1:  # make build before: `mkdocs build`, one process
                timings["sequential"] = Timing("sequential", f"full, one process (`mkdocs build`), {label}")
                builds.insert(1, (timings["sequential"], project, "sequential"))
            site = side_by_side(builds, args.runs)[f"full{suffix}"]
            if scale == 1:
                maps = map_weight.weigh_site(site)
                offline_sizes = offline_weights(site)
                timings["preview"] = Timing("preview", f"one-language preview build ({PREVIEW_LANGUAGE})")
                timed_builds(timings["preview"], project, args.runs, {"BUILD_ONLY_LOCALE": PREVIEW_LANGUAGE})
                measure_preview(timings, project, args.runs)
                if args.tests:
                    timings["test"] = Timing("test", "make test: every test (it builds the site as make build does)")
                    timed_tests(timings["test"], ROOT)
            shutil.rmtree(project)
            shutil.rmtree(static)
            if timings[f"static{suffix}"].pages != timings[f"full{suffix}"].pages:
                sys.exit(f"the static copy built {timings[f'static{suffix}'].pages} pages, the full build "
                         f"{timings[f'full{suffix}'].pages}: they no longer render the same pages")

    found = checks(timings, args.scales, int(about["cores"])) + offline_checks(offline_sizes)
    print()
    map_weight.print_table(maps)
    print()
    print("\n".join(offline_lines(offline_sizes)))
    print()
    for check in found:
        print(f"{'met   ' if check.met else 'MISSED'} {check.text}")
    lighthouse = benchmarks_file.section(benchmarks_file.read(), benchmarks_file.LIGHTHOUSE_HEADING)  # make audit's
    benchmarks_file.write(markdown_report(timings, found, maps, about, args.runs, taken, offline_sizes).rstrip("\n")
                          + ("\n\n" + lighthouse if lighthouse else ""))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps({
        "taken": taken.isoformat(timespec="seconds"), "machine": about,
        "timings": {name: {**asdict(timing), "median": timing.median} for name, timing in timings.items()},
        "checks": [asdict(check) for check in found],
        "maps": maps,
        "offline": offline_sizes,
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{BENCHMARKS.relative_to(ROOT)} rewritten; every figure in {RESULTS.relative_to(ROOT)}/bench.json")
    return 0 if all(check.met for check in found) else 1


def build_only(runs: int, cores: int) -> int:
    """make build against the one-process build of the real data, side by side, with the CPU
    seconds of the parallel build's parts (scripts/build_site.py reports them)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        project = Path(temp) / "x1"
        project_copy(project)
        timings = {"full": Timing("full", "make build"), "sequential": Timing("sequential", "mkdocs build")}
        side_by_side([(timings["full"], project, "parallel"), (timings["sequential"], project, "sequential")], runs)
        parts = json.loads((project / "build-times-full.json").read_text())
    print(f"\nthe last parallel build's CPU seconds: before the languages {parts['before']:.2f}, "
          + ", ".join(f"{lang} {seconds:.2f}" for lang, seconds in parts["languages"].items())
          + f", assembly {parts['assembly']:.2f}")
    found = checks(timings, [], cores)
    for check in found:
        print(f"{'met   ' if check.met else 'MISSED'} {check.text}")
    return 0 if all(check.met for check in found) else 1


def preview_only(runs: int, about: dict, taken: dt.datetime) -> int:
    timings: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        print(f"Benchmarking the preview in {temp}, {runs} runs each:", flush=True)
        project = Path(temp) / "x1"
        project_copy(project)
        measure_preview(timings, project, runs)
    found = preview_checks(timings, int(about["cores"]))
    print()
    for check in found:
        print(f"{'met   ' if check.met else 'MISSED'} {check.text}")
    rewrite_preview_section(preview_section(timings, found, about, runs, taken))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "preview.json").write_text(json.dumps({
        "taken": taken.isoformat(timespec="seconds"), "machine": about,
        "timings": {name: {**asdict(timing), "median": timing.median} for name, timing in timings.items()},
        "checks": [asdict(check) for check in found],
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nThe preview section of {BENCHMARKS.relative_to(ROOT)} rewritten; figures in "
          f"{RESULTS.relative_to(ROOT)}/preview.json")
    return 0 if all(check.met for check in found) else 1


if __name__ == "__main__":
    sys.exit(main())
