"""`make bench`: how long a full build (five languages) takes with the real data, and with 10x and
100x the events, and whether the cost grows no faster than linearly.

Each scale builds a throwaway copy of the project whose data/events.yml holds the real events
repeated (ids suffixed -x2, -x3 ...); the median of a few runs is reported. The cost per added
event between 10x and 100x must not exceed the cost per added event between 1x and 10x by more
than the tolerance, or the script exits 1. Results also go to bench-results/build-times.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from citysite.data.yamlfile import read_yaml  # noqa: E402

IGNORED = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "bench-results")
SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26, as in the tests


def project_copy(project: Path, target: Path, data_dir: Path, scale: int) -> int:
    """Copy `project` to `target` with `scale` times the events of `data_dir`; return the count."""
    shutil.copytree(project, target, ignore=IGNORED)
    for name in ("venues.yml", "partners.yml", "events.yml"):
        shutil.copy(data_dir / name, target / "data" / name)
    events = read_yaml(data_dir / "events.yml", "data/events.yml").data or []
    copies = [
        {**event, "id": f"{event['id']}-x{n}" if n > 1 else event["id"]}
        for n in range(1, scale + 1)
        for event in events
    ]
    (target / "data" / "events.yml").write_text(
        yaml.safe_dump(copies, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return len(copies)


def build_seconds(project: Path) -> float:
    site = project / "site-bench"
    shutil.rmtree(site, ignore_errors=True)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=project, env=environment, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return elapsed


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project to build (default: this one)")
    parser.add_argument("--data", type=Path, help="data folder to scale (default: the project's data/)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3, help="builds per scale (the median is reported)")
    parser.add_argument("--tolerance", type=float, default=1.5,
                        help="allowed ratio of the per-event cost at the largest scale to the one below")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for scale in args.scales:
            project = Path(temp) / f"x{scale}"
            events = project_copy(args.project, project, args.data or args.project / "data", scale)
            times = [build_seconds(project) for _ in range(args.runs)]
            pages = count_pages(project / "site-bench")
            rows.append({"scale": scale, "events": events, "pages": pages, "runs": times,
                         "median_s": statistics.median(times)})
            print(f"  {scale:>4}x: {events} events, {pages} pages, runs {', '.join(f'{t:.1f}' for t in times)} s",
                  flush=True)
            shutil.rmtree(project)

    base = rows[0]
    print(f"\n{'scale':>6} {'events':>7} {'pages':>7} {'median s':>9} {'ms/page':>8} {'vs 1x':>6} {'ms/added event':>15}")
    previous = None
    for row in rows:
        marginal = ""
        if previous is not None and row["events"] > previous["events"]:
            row["ms_per_added_event"] = 1000 * (row["median_s"] - previous["median_s"]) / (row["events"] - previous["events"])
            marginal = f"{row['ms_per_added_event']:.1f}"
        print(f"{row['scale']:>5}x {row['events']:>7} {row['pages']:>7} {row['median_s']:>9.2f} "
              f"{1000 * row['median_s'] / row['pages']:>8.2f} {row['median_s'] / base['median_s']:>6.1f} {marginal:>15}")
        previous = row

    marginals = [row["ms_per_added_event"] for row in rows if "ms_per_added_event" in row]
    linear = len(marginals) < 2 or marginals[-1] <= args.tolerance * marginals[-2]
    verdict = (
        "linear: each added event costs about the same at every scale" if linear else
        f"SUPERLINEAR: an added event costs {marginals[-1]:.1f} ms at the largest scale, "
        f"{marginals[-2]:.1f} ms below it (tolerance {args.tolerance}x)"
    )
    print(f"\n{verdict}")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "build-times.json").write_text(json.dumps({"rows": rows, "linear": linear}, indent=2) + "\n")
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
