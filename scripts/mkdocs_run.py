"""`mkdocs build` as the tests and the measuring scripts (bench, audit, map_weight) run it: from a
given project folder, with the tests' build date, so the scripts measure the site the tests check."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26 00:00 UTC: the build date of tests and measurements


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment with the build date and no MkDocs 2 banner, plus `extra`."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(extra or {})}


def build(project: Path, site: Path, extra_env: dict[str, str] | None = None,
          strict: bool = False, quiet: bool = True) -> subprocess.CompletedProcess:
    """Build `project` into `site`; the caller decides what a failure means."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + (["--quiet"] if quiet else [])
    return subprocess.run(command + (["--strict"] if strict else []), cwd=project, env=environment(extra_env),
                          capture_output=True, text=True)


BUILD_SITE = Path(__file__).resolve().parent / "build_site.py"


def build_site(project: Path, site: Path, extra_env: dict[str, str] | None = None, strict: bool = False,
               quiet: bool = True, options: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Build `project` into `site` as `make build` does: one process per language, assembled
    (scripts/build_site.py; `options` such as "--sequential", "--jobs", "3", "--engine", "properdocs")."""
    command = [sys.executable, str(BUILD_SITE), "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site),
               *(["--quiet"] if quiet else []), *(["--strict"] if strict else []), *options]
    return subprocess.run(command, cwd=project, env=environment(extra_env), capture_output=True, text=True)


@dataclass
class Result:
    """What a build gives back, as a finished `mkdocs build` process would: its exit code and log."""

    returncode: int
    stderr: str
    stdout: str = ""


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    saved = dict(os.environ)
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class _LogText(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(project: Path, site: Path, extra_env: dict[str, str] | None = None,
                     strict: bool = False) -> Result:
    """The same build as `build`, in this process (as mkdocs-static-i18n's own tests do): no new
    interpreter and imports per build. MkDocs' Abort ends it with code 1 and its message, as the
    command line does; any other exception is a traceback in the log, as there."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    handler, logger = _LogText(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    site_logger = logging.getLogger("mkdocs.plugins.citysite")  # its details too (quiet on the command line)
    site_level, site_logger.level = site_logger.level, logging.DEBUG
    try:
        with _environment(environment(extra_env)):
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        return Result(0, "\n".join(handler.lines))
    except Abort as error:
        return Result(1, "\n".join([*handler.lines, f"Aborted: {error}"]))
    except Exception:  # noqa: BLE001 - reported as the command line would
        return Result(1, "\n".join([*handler.lines, traceback.format_exc()]))
    finally:
        logger.removeHandler(handler)
        logger.level, site_logger.level = level, site_level
