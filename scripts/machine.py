"""The machine a measurement runs on (scripts/bench.py, scripts/audit.py): what it is, and waiting
until other programs leave its CPUs alone, since timings grow with whatever else it is doing."""

from __future__ import annotations

import os
import platform
import time
from importlib import metadata
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "folium")


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def description() -> dict[str, str | int]:
    """CPU model, cores, memory, system, Python and the versions of the build's main packages."""
    pages = os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else 0
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 0,
        "memory_gb": round(pages * os.sysconf("SC_PAGE_SIZE") / 2**30) if pages else 0,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES),
    }


def _cpu_times() -> tuple[int, int]:
    """(busy, total) CPU time of the machine so far, from /proc/stat."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    return sum(values) - idle, sum(values)


def wait_until_quiet(limit: float = 0.25, patience: float = 180) -> float:
    """Wait (at most `patience` seconds) until other programs use less than `limit` of the CPUs
    over a second, and return the share they used last (0 where /proc/stat is missing)."""
    if not Path("/proc/stat").exists():
        return 0.0
    deadline = time.monotonic() + patience
    while True:
        busy, total = _cpu_times()
        time.sleep(1)
        busy_after, total_after = _cpu_times()
        share = (busy_after - busy) / max(total_after - total, 1)
        if share < limit or time.monotonic() > deadline:
            return share
