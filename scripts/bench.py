"""`make bench`: how long the publisher and an editor wait for the site, and what a map weighs.

Each figure is the median of --runs runs (default 3), each in a throwaway copy of the project:

  full       the five-language build (`mkdocs build`) with the real data;
  static     the same Markdown without the data, maps and feeds: the Markdown the build makes
             (generated pages, lists, map iframes) is written into a copy as ordinary pages and
             its mkdocs.yml says `from_data: false`, so both builds render the same pages
             and full / static is what the hooks cost (target: at most 1.30);
  preview    the one-language preview build (BUILD_ONLY_LOCALE=ru, as `make serve SITE_LANG=ru`);
  rebuild    the same in a running `mkdocs serve` after a page is saved: from the save to
             "Reloading browsers", what the editor waits for (target: under 3 s on 2 cores);
  x10, x100  the full and the static build with 10 and 100 times the events (real events repeated,
             ids suffixed -x2, -x3 ...; target: 100x at most 10 times the full build; also shown:
             100x against 10x, and the hooks' share at each scale);

and the weight of the map pages of the full build (scripts/map_weight.py). Before each run it
waits for the machine to be quiet (other programs' load slows builds). Prints the figures,
writes bench-results/bench.json, rewrites BENCHMARKS.md, and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import queue
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import machine
import map_weight
import mkdocs_run
import yaml
from mkdocs.utils.meta import YAML_RE

from citysite.data.yamlfile import read_yaml
from citysite.languages import language_folder

ROOT = Path(__file__).resolve().parents[1]

IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", ".site-*", "__pycache__", ".pytest_cache", "bench-results"
)
PREVIEW_LANGUAGE = "ru"
OPTIONS_LINE = "\n  citysite:\n"  # mkdocs.yml: extra.citysite, where the static copy sets from_data: false
MAX_HOOKS_RATIO = 1.30
MAX_X100_RATIO = 10.0
MAX_REBUILD_SECONDS = 3.0
BENCHMARKS = ROOT / "BENCHMARKS.md"
RESULTS = ROOT / "bench-results"


@dataclass
class Timing:
    """Several runs of one kind of build: wall-clock and CPU seconds of each (for `rebuild`, the
    seconds from saving a page to the reload, and the rebuild alone as the server logs it)."""

    name: str
    what: str
    runs: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rebuild_only: list[float] = field(default_factory=list)
    pages: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


# --- project copies ----------------------------------------------------------------------------

def project_copy(target: Path, scale: int = 1) -> int:
    """Copy the project to `target` with `scale` times the events; return the number of events."""
    shutil.copytree(ROOT, target, ignore=IGNORED)
    events = read_yaml(ROOT / "data" / "events.yml", "data/events.yml").data or []
    copies = [
        {**event, "id": f"{event['id']}-x{n}" if n > 1 else event["id"]}
        for n in range(1, scale + 1)
        for event in events
    ]
    if scale > 1:
        (target / "data" / "events.yml").write_text(
            yaml.safe_dump(copies, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return len(copies)


CAPTURE_HOOK = '''"""Bench only: record each page's Markdown as the other hooks leave it."""
import json
import os

from mkdocs.plugins import event_priority

from citysite.pinned import current_language, path_in_language


@event_priority(-1000)  # after every other hook and plugin
def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    if getattr(page.file, "locale", lang) == lang:  # not a fallback copy of another language's page
        record = {"lang": lang, "src_uri": path_in_language(page.file),
                  "source": page.file.abs_src_path, "meta": page.meta, "markdown": markdown}
        with open(os.environ["BENCH_CAPTURE"], "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\\n")
    return markdown
'''


def static_copy(source: Path, target: Path) -> None:
    """A copy of `source` whose pages hold the Markdown the hooks make, without those hooks."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site-bench"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    (target / "hooks" / "_bench_capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/_bench_capture.py\n", 1), encoding="utf-8")
    capture = target / "capture.jsonl"
    result = mkdocs_run.build(target, target / "site-capture", {"BENCH_CAPTURE": str(capture)})
    if result.returncode != 0:
        sys.exit(f"the capture build failed:\n{result.stderr[-3000:]}")
    shutil.rmtree(target / "site-capture")
    for line in capture.read_text(encoding="utf-8").splitlines():
        _write_page(target, json.loads(line))
    capture.unlink()
    (target / "hooks" / "_bench_capture.py").unlink()
    if OPTIONS_LINE not in text:
        sys.exit(f"mkdocs.yml has no extra.citysite: update OPTIONS_LINE in {__file__}")
    config.write_text(text.replace(OPTIONS_LINE, OPTIONS_LINE + "    from_data: false\n", 1), encoding="utf-8")


def _write_page(project: Path, record: dict) -> None:
    """Write one captured page into `project` where MkDocs reads it, unless it is unchanged."""
    if record["source"] and Path(record["source"]).is_file():
        path = Path(record["source"])
        original = path.read_text(encoding="utf-8-sig")
        front = YAML_RE.match(original)  # MkDocs' own front-matter pattern
        front_matter = front.group(0) if front else ""
        if original[len(front_matter):].strip() == record["markdown"].strip():
            return
    else:
        path = language_folder(project, record["lang"]) / record["src_uri"]
        front_matter = f"---\n{yaml.safe_dump(record['meta'], allow_unicode=True)}---\n\n" if record["meta"] else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter + record["markdown"], encoding="utf-8")


# --- timing ------------------------------------------------------------------------------------

def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_builds(timing: Timing, project: Path, runs: int, extra_env: dict[str, str] | None = None) -> Path:
    """Build `project` `runs` times into project/site-bench, adding each run to `timing`."""
    site = project / "site-bench"
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        machine.wait_until_quiet()
        cpu, started = _children_cpu(), time.perf_counter()
        result = mkdocs_run.build(project, site, extra_env)
        timing.runs.append(time.perf_counter() - started)
        timing.cpu.append(_children_cpu() - cpu)
        if result.returncode != 0:
            sys.exit(f"{timing.name}: the build of {project} failed:\n{result.stderr[-3000:]}")
    timing.pages = count_pages(site)
    print(f"  {timing.name:<8} {timing.pages:>6} pages  {_seconds(timing.runs)}", flush=True)
    return site


def count_pages(site: Path) -> int:
    """HTML pages made from Markdown (map files and 404.html left out)."""
    return sum(1 for path in site.rglob("*.html") if path.name == "index.html" and "maps" not in path.parts)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuilds(timing: Timing, project: Path, lang: str, runs: int) -> None:
    """Run `mkdocs serve` on a one-language preview, save a page `runs` times and time each
    save until the server reloads the browsers, and the rebuild alone ("Detected file changes"
    to "Reloading browsers" in the server's log)."""
    environment = mkdocs_run.environment({"BUILD_ONLY_LOCALE": lang, "LANG": "C.UTF-8"})
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"],
        cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.perf_counter(), line)) for line in server.stdout],
                     daemon=True).start()

    def wait_for(text: str, timeout: float = 300) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                when, line = lines.get(timeout=1)
            except queue.Empty:
                if server.poll() is not None:
                    break
                continue
            if "ERROR" in line:
                sys.exit(f"mkdocs serve: {line.strip()}")
            if text in line:
                return when
        server.kill()
        sys.exit(f"mkdocs serve did not log {text!r}")

    page = language_folder(project, lang) / "visit" / "index.md"
    original = page.read_text(encoding="utf-8")
    try:
        wait_for("Serving on")
        for run in range(runs):
            machine.wait_until_quiet()
            while not lines.empty():
                lines.get()
            saved = time.perf_counter()
            page.write_text(original + f"\n<!-- bench edit {run} -->\n", encoding="utf-8")
            detected = wait_for("Detected file changes")
            reloaded = wait_for("Reloading browsers")
            timing.runs.append(reloaded - saved)
            timing.rebuild_only.append(reloaded - detected)
    finally:
        server.terminate()
        server.wait(timeout=30)
        page.write_text(original, encoding="utf-8")
    print(f"  {timing.name:<8} save to reload {_seconds(timing.runs)}; the rebuild alone {_seconds(timing.rebuild_only)}",
          flush=True)


def _seconds(values: list[float]) -> str:
    return f"{', '.join(f'{value:.2f}' for value in values)} s (median {statistics.median(values):.2f})"


# --- report ------------------------------------------------------------------------------------

@dataclass
class Check:
    text: str
    met: bool


def checks(timings: dict[str, Timing], scales: list[int], cores: int) -> list[Check]:
    """The targets, each met or not, with the figures behind it."""
    found = []
    for suffix, label in (("", "the real data"), *((f"-x{n}", f"{n}x the events") for n in scales)):
        full, static = timings.get(f"full{suffix}"), timings.get(f"static{suffix}")
        if full and static:
            share = full.median / static.median - 1
            found.append(Check(f"with {label}, the data, map and feed hooks add {100 * share:.0f}% to the build "
                               f"(at most {100 * (MAX_HOOKS_RATIO - 1):.0f}%)", share <= MAX_HOOKS_RATIO - 1))
    if 100 in scales:
        ratio = timings["full-x100"].median / timings["full"].median
        floor = timings["static-x100"].median / timings["static"].median
        found.append(Check(
            f"100x the events take {ratio:.1f} times the full build (at most {MAX_X100_RATIO:.0f}); "
            f"without the hooks the same pages take {floor:.1f} times as long as the real data's",
            ratio <= MAX_X100_RATIO))
    if len(scales) >= 2:
        below, largest = sorted(scales)[-2:]
        growth = timings[f"full-x{largest}"].median / timings[f"full-x{below}"].median
        found.append(Check(f"{largest / below:g} times the events ({below}x to {largest}x) take {growth:.1f} times "
                           f"as long (at most {largest / below:g}: the cost grows no faster than linearly)",
                           growth <= largest / below))
    if "rebuild" in timings:
        seconds = timings["rebuild"].median
        found.append(Check(f"the preview rebuild takes {seconds:.2f} s from saving a page to the reload on "
                           f"{cores} cores (under {MAX_REBUILD_SECONDS:.0f} s on 2 cores)",
                           seconds < MAX_REBUILD_SECONDS))
    return found


def markdown_report(timings: dict[str, Timing], found: list[Check], maps: dict[str, dict], about: dict,
                    runs: int, taken: dt.datetime) -> str:
    full = timings["full"]
    rows = []
    for timing in timings.values():
        if timing.rebuild_only:
            rows.append(f"| {timing.what} | | {', '.join(f'{v:.2f}' for v in timing.runs)} | **{timing.median:.2f}** "
                        f"| {statistics.median(timing.rebuild_only):.2f} s the rebuild alone | |")
            continue
        ratio = timing.median / full.median
        rows.append(f"| {timing.what} | {timing.pages} | {', '.join(f'{v:.2f}' for v in timing.runs)} | "
                    f"**{timing.median:.2f}** | {statistics.median(timing.cpu):.2f} | {ratio:.2f} |")
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (scripts/bench.py), which rewrites this file: the latest figures, each the",
        f"median of {runs} runs in a throwaway copy of the project. Wall-clock seconds of `mkdocs build` (Python",
        "start included), the CPU seconds the build used beside them, and each median as a multiple of the full",
        "build. Before every run the script waits until other programs leave the CPUs alone.",
        "",
        f"Taken {taken:%Y-%m-%d %H:%M} UTC on {about['cpu']}, {about['cores']} cores, {about['memory_gb']} GB, "
        f"{about['system']}; Python {about['python']}; {about['packages']}.",
        "",
        "## Build time",
        "",
        "| build | pages | runs (s) | median (s) | CPU (s) | x full |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
        *rows,
        "",
        "## Targets",
        "",
        *[f"- {'met' if check.met else '**missed**'}: {check.text}." for check in found],
        "",
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
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100], help="multiples of the events to build")
    args = parser.parse_args()
    about = machine.description()
    taken = dt.datetime.now(dt.UTC)
    timings: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        print(f"Benchmarking in {temp}, {args.runs} runs each:", flush=True)
        for scale in (1, *args.scales):
            suffix = "" if scale == 1 else f"-x{scale}"
            project = Path(temp) / f"x{scale}"
            events = project_copy(project, scale)
            label = f"{events} events" + ("" if scale == 1 else f", {scale}x")
            timings[f"full{suffix}"] = Timing(f"full{suffix}", f"full: five languages, {label}")
            site = timed_builds(timings[f"full{suffix}"], project, args.runs)
            if scale == 1:
                maps = map_weight.weigh_site(site)
                timings["preview"] = Timing("preview", f"one-language preview build ({PREVIEW_LANGUAGE})")
                timed_builds(timings["preview"], project, args.runs, {"BUILD_ONLY_LOCALE": PREVIEW_LANGUAGE})
                timings["rebuild"] = Timing("rebuild", "its rebuild in `mkdocs serve`, from saving a page to the reload")
                serve_rebuilds(timings["rebuild"], project, PREVIEW_LANGUAGE, args.runs)
            static = Path(temp) / f"static-x{scale}"
            static_copy(project, static)
            shutil.rmtree(project)
            timings[f"static{suffix}"] = Timing(f"static{suffix}", f"the same Markdown, data, map and feed hooks off ({label})")
            timed_builds(timings[f"static{suffix}"], static, args.runs)
            shutil.rmtree(static)
            if timings[f"static{suffix}"].pages != timings[f"full{suffix}"].pages:
                sys.exit(f"the static copy built {timings[f'static{suffix}'].pages} pages, the full build "
                         f"{timings[f'full{suffix}'].pages}: they no longer render the same pages")

    found = checks(timings, args.scales, int(about["cores"]))
    print()
    map_weight.print_table(maps)
    print()
    for check in found:
        print(f"{'met   ' if check.met else 'MISSED'} {check.text}")
    BENCHMARKS.write_text(markdown_report(timings, found, maps, about, args.runs, taken), encoding="utf-8")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps({
        "taken": taken.isoformat(timespec="seconds"), "machine": about,
        "timings": {name: {**asdict(timing), "median": timing.median} for name, timing in timings.items()},
        "checks": [asdict(check) for check in found],
        "maps": maps,
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{BENCHMARKS.relative_to(ROOT)} rewritten; every figure in {RESULTS.relative_to(ROOT)}/bench.json")
    return 0 if all(check.met for check in found) else 1


if __name__ == "__main__":
    sys.exit(main())
