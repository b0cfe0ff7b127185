"""Shared fixtures: the real site built once per test session, pages read back as a visitor gets them,
and a browser (Playwright driving Debian's Chromium) looking at the site over HTTP."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from scripts import mkdocs_run
from tests.helpers import BuiltSite, serve_directory

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Messages in English in every test (and in the scripts the tests run), whatever the locale or CI:
# the tests compare English wording; tests of the Russian messages ask for them explicitly.
os.environ["SITE_MESSAGES"] = "en"


def run_mkdocs_build(project: Path, site_dir: Path, *, env: dict[str, str] | None = None, strict: bool = True):
    """Build `project` (a folder with mkdocs.yml) into `site_dir` with the tests' build date, in
    this process (a new interpreter per build cost a second and a half of imports)."""
    return mkdocs_run.build_in_process(project, site_dir, env, strict=strict)


def built_site_dir() -> Path | None:
    """SITE_DIR: an already built site to test instead of building one (relative to the project,
    as CI passes `SITE_DIR=site` after `make build`); None when it is not set."""
    value = os.environ.get("SITE_DIR", "").strip()
    if not value:
        return None
    folder = (ROOT / value).resolve()
    if not (folder / "index.html").is_file():
        pytest.fail(f"SITE_DIR={value}: {folder} has no index.html; build the site there first "
                    f"(`make build` writes site/) or unset SITE_DIR to let the tests build their own")
    return folder


@pytest.fixture(scope="session")
def site(request) -> BuiltSite:
    """The real site, built once with --strict into a temporary folder (build date 2026-11-26) as
    make build builds it (frozen_site), or the site already built in SITE_DIR (`SITE_DIR=site make
    test`, as CI does after `make build`; built with the same date and address). Tests never write
    into it."""
    given = built_site_dir()
    if given is not None:
        return BuiltSite(given)
    return request.getfixturevalue("frozen_site")[1]


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
        read_on_the_build_date(chromium)
        yield chromium
        chromium.close()


# Pages read on the day the tests' site was built (mkdocs_run.SOURCE_DATE_EPOCH): a page read later
# hides the events that have ended since (docs/javascripts/past-events.js), which would make what
# the tests see depend on the day they run. A test of that reading moves Date.now itself.
ON_THE_BUILD_DATE = ("(() => { const shift = %d * 1000 - Date.now(), now = Date.now;"
                     " Date.now = () => now() + shift; })();" % int(mkdocs_run.SOURCE_DATE_EPOCH))


def _language_hint_closed(options: dict) -> str:
    """A browser in Playwright's en-US reading a page in another language is offered the English
    page at the bottom of the screen (javascripts/language-hint.js), over what a test taps: closed
    unless the test chose the browser's language (locale=...)."""
    if "locale" in options:
        return ""
    return "try { localStorage.setItem('kh-language-hint-closed', '1'); } catch (error) {}"


def read_on_the_build_date(chromium) -> None:
    """Every context and page the tests open reads the site on its build date."""
    new_context, new_page = chromium.new_context, chromium.new_page

    def context_on_the_build_date(**options):
        context = new_context(**options)
        context.add_init_script(ON_THE_BUILD_DATE + _language_hint_closed(options))
        return context

    def page_on_the_build_date(**options):
        page = new_page(**options)
        page.add_init_script(ON_THE_BUILD_DATE + _language_hint_closed(options))
        return page

    chromium.new_context, chromium.new_page = context_on_the_build_date, page_on_the_build_date


def copy_project(target: Path) -> Path:
    """Copy the project (config, hooks, templates, pages, data) to `target`, without what git,
    the virtualenv, npm and earlier builds left in it; return `target`."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "node_modules", "bench-results"))
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project to build variants of."""
    return copy_project(tmp_path / "project")


def built_once(tmp_path_factory, name: str, build: Callable[[Path], str]) -> tuple[Path, str]:
    """(folder, build log) of something built once for the whole run: `build(folder)` builds it and
    returns its log. With tests side by side (pytest-xdist: make test), the first worker to ask
    builds it and the others wait for it, then read the same folder."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, log = base / name, base / f"{name}.log"
    with FileLock(f"{folder}.lock"):
        if not log.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            log.write_text(build(folder), encoding="utf-8")
    return folder, log.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def frozen_site(tmp_path_factory) -> tuple[Path, BuiltSite]:
    """(a copy of the project taken when the session needs it, its site as `make build` builds it:
    one process per language, scripts/build_site.py). The tests read that site, and the tests that
    build the same site another way compare bytes with it (tests/test_parallel_build.py,
    test_engines.py): edits to the working tree meanwhile reach neither."""
    def build(folder: Path) -> str:
        result = mkdocs_run.build_site(copy_project(folder / "project"), folder / "site", strict=True, quiet=False)
        if result.returncode != 0:
            pytest.fail(f"make build's build (scripts/build_site.py --strict) failed:\n{result.stdout}\n{result.stderr}")
        return result.stderr

    folder, log = built_once(tmp_path_factory, "frozen", build)
    return folder / "project", BuiltSite(folder / "site", build_log=log)


SUB_PATH_URL = "https://city.example.net/guides/khabarovsk/"  # a site served below a host's root
UNTRANSLATED = "test-untranslated/"  # an English-only page added to the sub-path build


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory) -> BuiltSite:
    """The project built for SUB_PATH_URL (SITE_URL, as the README says), with one page that has no
    translation (UNTRANSLATED); built once for every test that needs a site below the host's root."""
    def build(folder: Path) -> str:
        project = copy_project(folder / "project")
        (project / "docs" / "test-untranslated.md").write_text(
            "---\ndescription: A page that exists in English only.\n---\n# Untranslated test page\n\nOnly English.\n",
            encoding="utf-8",
        )
        result = run_mkdocs_build(project, folder / "site", env={"SITE_URL": SUB_PATH_URL}, strict=False)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stderr

    folder, log = built_once(tmp_path_factory, "sub-path", build)
    return BuiltSite(folder / "site", build_log=log)
