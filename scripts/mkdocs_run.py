"""`mkdocs build` as the measuring scripts (bench, audit, map_weight) run it: quiet, from a given
project folder, with the tests' build date, so their sites are the ones the tests check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26, as in tests/conftest.py


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment with the build date and no MkDocs 2 banner, plus `extra`."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(extra or {})}


def build(project: Path, site: Path, extra_env: dict[str, str] | None = None,
          strict: bool = False) -> subprocess.CompletedProcess:
    """Build `project` into `site`; the caller decides what a failure means."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    return subprocess.run(command + (["--strict"] if strict else []), cwd=project, env=environment(extra_env),
                          capture_output=True, text=True)
