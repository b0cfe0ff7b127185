"""The one-language preview (`make serve LANG=ru`, BUILD_ONLY_LOCALE=ru): that language alone at
the site root, its pages as in the full site, untranslated pages as marked English copies."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import yaml

from tests.conftest import run_mkdocs_build
from tests.helpers import TRANSLATED_LANGUAGES, BuiltSite, main_text, resolve
from tests.small_project import EVENTS, ROOT, make_small_project

PAGES = {
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs_ru/index.md": "# Главная\n\nДобро пожаловать в Хабаровск.\n",
    "docs/guide.md": "# Guide\n\nThe Amur is wide here.\n",
    "docs_ru/guide.md": "# Путеводитель\n\nАмур здесь широкий.\n",
    "docs/only-english.md": "# Only English\n\nNot translated.\n",
}
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> BuiltSite:
    project = make_small_project(tmp_path_factory.mktemp("preview") / "project", PAGES)
    site_dir = project.parent / "site"
    on_a_day = EVENTS.replace("    month: 5\n    part: late", '    date: "06-12"')  # a day: a calendar of its own
    (project / "data" / "events.yml").write_text(on_a_day, encoding="utf-8")
    result = run_mkdocs_build(project, site_dir, env={"BUILD_ONLY_LOCALE": "ru"})
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir, build_log=result.stderr)


def test_only_the_language_is_built_at_the_root(preview):
    for url in ("", "guide/", "only-english/"):
        assert preview.exists(url)
    for lang in ("zh", "ja", "ko"):
        assert not (preview.root / lang).exists()
    assert not preview.exists("ru/") and not preview.exists("ru/guide/")


@pytest.mark.parametrize(
    ("url", "text"), [("", "Добро пожаловать в Хабаровск."), ("guide/", "Амур здесь широкий.")]
)
def test_translated_pages_are_the_translation(preview, url, text):
    page = preview.page(url)
    assert page.html["lang"] == "ru"
    assert main_text(page).endswith(text)
    assert page.select("aside.kh-notice") == []
    assert page.title.get_text().endswith("Хабаровск")  # the language's own site name


@pytest.mark.parametrize("url", ["events/", "events/city-day/", "venues/lenin-square/"])
def test_the_calendar_links_lead_to_the_calendars(preview, url):
    """The calendars are written at the root with the previewed pages (not under ru/, where the
    preview's "Add to calendar" links found nothing: an editor's walkthrough, 2026-12-07)."""
    links = [resolve(url, a["href"]) for a in preview.page(url).select('a[href$=".ics"]')]
    assert links and all(preview.exists(link) and link.endswith(".ics") for link in links), links
    assert "BEGIN:VCALENDAR" in preview.text("events/city-day.ics")
    assert not (preview.root / "ru").exists()


def test_untranslated_page_is_an_english_copy_with_the_notice(preview):
    page = preview.page("only-english/")
    assert page.select_one("aside.kh-notice").get_text(strip=True) == UI["fallback_notice"]["ru"]
    assert page.select_one('div[lang="en"]') is not None


def test_search_finds_the_previewed_pages(preview):
    config = json.loads(preview.page("guide/").select_one("#__config").string)
    assert config["base"] == ".."
    index = json.loads((preview.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"] for doc in index["docs"]} >= {"", "guide/"}
    assert any("Амур здесь широкий" in doc["text"] for doc in index["docs"])


def make_serve(*arguments: str, **env: str) -> list[str]:
    """What `make serve` would print and run, with these arguments and environment (make -n runs nothing)."""
    environment = {key: value for key, value in os.environ.items() if key not in ("LANG", "SITE_LANG")} | env
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", "serve", *arguments],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def make_serve_command(*arguments: str, **env: str) -> str:
    """The command `make serve` runs (without the Makefile's quiet-failure ending, `|| ...`)."""
    return make_serve(*arguments, **env)[-1].split(" || ", 1)[0]


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_make_serve_site_lang_builds_one_language(lang):
    one_language = f"BUILD_ONLY_LOCALE={lang} .venv/bin/mkdocs serve"
    assert make_serve_command(f"SITE_LANG={lang}", LANG="C.UTF-8").endswith(one_language)
    assert make_serve_command(SITE_LANG=lang, LANG="ru_RU.UTF-8").endswith(one_language)  # SITE_LANG=ru make serve


def test_the_old_make_serve_lang_still_works_and_says_so():
    printed = make_serve("LANG=ru", LANG="C.UTF-8")
    assert printed[-1].split(" || ", 1)[0].endswith("BUILD_ONLY_LOCALE=ru .venv/bin/mkdocs serve")
    assert "Note: use SITE_LANG=ru; LANG is the locale variable of the shell." in printed


@pytest.mark.parametrize("locale", ["C.UTF-8", "en_US.UTF-8", "ru_RU.UTF-8", "ru", ""])
def test_the_locale_never_picks_a_site_language(locale):
    assert make_serve_command(LANG=locale) == ".venv/bin/mkdocs serve"


def test_english_preview(tmp_path):
    project = make_small_project(tmp_path / "project", PAGES)
    result = run_mkdocs_build(project, tmp_path / "site", env={"BUILD_ONLY_LOCALE": "en"})
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    assert site.page("guide/").html["lang"] == "en"
    assert main_text(site.page("guide/")).endswith("The Amur is wide here.")
    assert not any((site.root / lang).exists() for lang in TRANSLATED_LANGUAGES)
