"""scripts/bench.py's measurements: builds timed side by side (wall clock, CPU seconds, the
project's own share), `make test`, and saves in a running `mkdocs serve`."""

from __future__ import annotations

import itertools
import json
import os
import queue
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import build_site
import machine
import mkdocs_run

from citysite.languages import language_folder


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
    # The seconds on an idle machine, from the CPU seconds of each part (idle_estimate).
    idle: list[float] = field(default_factory=list)
    # The least a process per language could take on this machine's cores, in any order (best_split_estimate).
    best: list[float] = field(default_factory=list)
    # The project's own CPU seconds over everything else's (make build's builds): its share.
    share: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


BUILDERS = {
    "parallel": mkdocs_run.build_site,  # make build: scripts/build_site.py, a process per language
    "sequential": mkdocs_run.build,  # `mkdocs build`: the five languages one after another, one process
}


def timed_builds(timing: Timing, project: Path, runs: int, extra_env: dict[str, str] | None = None,
                 how: str = "sequential") -> Path:
    """Build `project` `runs` times into project/site-bench, adding each run to `timing`."""
    for _ in range(runs):
        site = _timed_build(timing, project, how, extra_env)
    timing.pages = count_pages(site)
    print(f"  {timing.name:<10} {timing.pages:>6} pages  {_seconds(timing.runs)}", flush=True)
    return site


def _timed_build(timing: Timing, project: Path, how: str, extra_env: dict[str, str] | None = None) -> Path:
    site = project / f"site-bench-{timing.name}"
    shutil.rmtree(site, ignore_errors=True)
    times = project / f"build-times-{timing.name}.json"
    times.unlink(missing_ok=True)
    machine.wait_until_quiet()
    cpu, started = _children_cpu(), time.perf_counter()
    result = BUILDERS[how](project, site, {**(extra_env or {}), build_site.TIMES_FILE: str(times)})
    timing.runs.append(time.perf_counter() - started)
    timing.cpu.append(_children_cpu() - cpu)
    if result.returncode != 0:
        sys.exit(f"{timing.name}: the build of {project} failed:\n{result.stderr[-3000:]}")
    parts = json.loads(times.read_text()) if times.exists() else None
    timing.idle.append(idle_estimate(parts, build_site.available_cores()) if parts else timing.cpu[-1])  # one process: its CPU
    if parts:
        timing.best.append(best_split_estimate(parts, build_site.available_cores()))
        total = parts["before"] + sum(parts["languages"].values()) + parts["assembly"]
        timing.share.append(parts["project"] / (total - parts["project"]))
    timing.pages = count_pages(site)
    return site


def idle_estimate(times: dict, cores: int) -> float:
    """The seconds a parallel build would take on this machine were nothing else running: the
    coordinator's part before the language processes, then the language processes in the order and
    number at a time build_site.py starts them (each its CPU seconds), then the assembly. Other
    programs' load slows the wall clock; these CPU seconds hardly change with it."""
    slots = [0.0] * max(1, min(times["jobs"], cores))
    for lang in times["order"]:
        slots[slots.index(min(slots))] += times["languages"][lang]
    return times["before"] + max(slots) + times["assembly"]


def best_split_estimate(times: dict, cores: int) -> float:
    """The least a build with a process per language could take on `cores` cores were nothing else
    running, whatever order it started them in: the coordinator's part before them, the best split
    of the languages' CPU seconds over the cores (a language's process runs on one core at a time),
    and the assembly. With five languages on two cores, one core builds three of them."""
    seconds = list(times["languages"].values())
    slots = max(1, min(times["jobs"], cores))
    least = min(max(sum(value for value, slot in zip(seconds, split) if slot == core) for core in range(slots))
                for split in itertools.product(range(slots), repeat=len(seconds)))
    return times["before"] + least + times["assembly"]


def side_by_side(builds: list[tuple[Timing, Path, str]], runs: int) -> dict[str, Path]:
    """Build each (timing, project, how) `runs` times, taking turns, so that whatever else the
    machine does slows each alike; the site each made (by timing name)."""
    sites = {}
    for _ in range(runs):
        for timing, project, how in builds:
            sites[timing.name] = _timed_build(timing, project, how)
    for timing, _, _ in builds:
        print(f"  {timing.name:<10} {timing.pages:>6} pages  {_seconds(timing.runs)}", flush=True)
    return sites


def timed_tests(timing: Timing, project: Path) -> None:
    """`make test` (pytest in `project`: the project itself, whose git history the translation
    tests read), once: every test, the site built as make build does."""
    machine.wait_until_quiet()
    cpu, started = _children_cpu(), time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=project,
                            env=mkdocs_run.environment(), capture_output=True, text=True)
    timing.runs.append(time.perf_counter() - started)
    timing.cpu.append(_children_cpu() - cpu)
    summary = (result.stdout.strip().splitlines() or ["no output"])[-1]
    print(f"  {timing.name:<10} {_seconds(timing.runs)}: {summary}", flush=True)


def count_pages(site: Path) -> int:
    """HTML pages made from Markdown (map files, 404.html and the redirects left at old addresses
    left out)."""
    return sum(1 for path in site.rglob("*.html") if path.name == "index.html" and "maps" not in path.parts
               and b'http-equiv="refresh"' not in path.read_bytes()[:2048])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuilds(timing: Timing, project: Path, lang: str | None, runs: int, saved_file: Path | None = None) -> None:
    """Run `mkdocs serve` (on a one-language preview of `lang`, or on all five languages when
    `lang` is None), save a file `runs` times (by default `lang`'s visit/index.md) and time each
    save until the server reloads the browsers, and the rebuild alone ("Detected file changes"
    to "Reloading browsers" in the server's log)."""
    extra = {"LANG": "C.UTF-8", "SITE_MESSAGES": "en"} | ({"BUILD_ONLY_LOCALE": lang} if lang else {})
    environment = mkdocs_run.environment(extra)
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

    page = saved_file or language_folder(project, lang) / "visit" / "index.md"
    original = page.read_text(encoding="utf-8")
    comment = "# bench edit {run}" if page.suffix == ".yml" else "<!-- bench edit {run} -->"
    try:
        wait_for("Serving on")
        for run in range(runs):
            machine.wait_until_quiet()
            while not lines.empty():
                lines.get()
            saved, cpu = time.perf_counter(), _process_cpu(server.pid)
            page.write_text(original + "\n" + comment.format(run=run) + "\n", encoding="utf-8")
            detected = wait_for("Detected file changes")
            reloaded = wait_for("Reloading browsers")
            timing.runs.append(reloaded - saved)
            timing.rebuild_only.append(reloaded - detected)
            timing.cpu.append(_process_cpu(server.pid) - cpu)
    finally:
        server.terminate()
        server.wait(timeout=30)
        page.write_text(original, encoding="utf-8")
    print(f"  {timing.name:<8} save to reload {_seconds(timing.runs)}; the rebuild alone {_seconds(timing.rebuild_only)}; "
          f"CPU {_seconds(timing.cpu)}", flush=True)


def _process_cpu(pid: int) -> float:
    """CPU seconds a process has used (user and system), from /proc; 0 where it is missing. Beside
    the wall-clock times it shows the work a rebuild does, whatever else the machine is doing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _seconds(values: list[float]) -> str:
    return f"{', '.join(f'{value:.2f}' for value in values)} s (median {statistics.median(values):.2f})"
