"""Shared fixtures: the real site built once per test session, pages read back as a visitor gets them,
and a browser (Playwright driving Debian's Chromium) looking at the site over HTTP."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts import mkdocs_run
from tests.helpers import BuiltSite, serve_directory

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def run_mkdocs_build(project: Path, site_dir: Path, *, env: dict[str, str] | None = None, strict: bool = True):
    """Build `project` (a folder with mkdocs.yml) into `site_dir` with the tests' build date, in
    this process (a new interpreter per build cost a second and a half of imports)."""
    return mkdocs_run.build_in_process(project, site_dir, env, strict=strict)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once with --strict into a temporary folder (build date 2026-11-26)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return BuiltSite(site_dir, build_log=result.stderr)


@pytest.fixture(scope="session")
def site_server(site):
    """The built site over HTTP on 127.0.0.1, answering missing paths with 404.html like a static host."""
    with serve_directory(site.root) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright; skipped when Chromium is not installed (never in CI)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project (config, hooks, templates, pages, data) to build variants of."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy
