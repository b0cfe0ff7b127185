"""The outdated-translation notice as readers get it, on a small built site: shown at the top of
translations whose English original changed since they were marked, in the reader's language,
linking to the original; never on up-to-date, unmarked, fallback or English pages."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from tests.conftest import run_mkdocs_build
from tests.helpers import BuiltSite, main_text, resolve, serve_directory
from tests.small_project import ROOT, make_small_project

HOME = {"docs/index.md": "# Home\n\nWelcome.\n"} | {
    f"docs_{lang}/index.md": f"# {title}\n" for lang, title in
    (("ru", "Главная"), ("zh", "首页"), ("ja", "ホーム"), ("ko", "홈"))
}
PAGES = HOME | {
    "docs/guide.md": "# Guide\n\nThe Amur is wide here.\n",
    "docs_ru/guide.md": "# Путеводитель\n\nАмур здесь широкий.\n",
    "docs_zh/guide.md": "# 指南\n\n阿穆尔河在这里很宽。\n",
    "docs_ja/guide.md": "# ガイド\n\nここでアムール川は広い。\n",
    "docs_ko/guide.md": "# 안내\n\n여기서 아무르강은 넓다.\n",
    "docs/plain.md": "# Plain\n\nA page.\n",
    "docs_ru/plain.md": "# Простая\n\nСтраница.\n",
    "docs/only-english.md": "# Only English\n\nNot translated.\n",
}
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> BuiltSite:
    """Every translation marked, then the English guide changed and only zh and ko re-marked:
    ru/guide and ja/guide are outdated; ru/plain is left unmarked."""
    project = make_small_project(tmp_path_factory.mktemp("outdated") / "project", PAGES)
    script = [sys.executable, str(ROOT / "scripts" / "translations.py"), "mark", "--root", str(project)]
    subprocess.run([*script, "--all"], check=True, capture_output=True)
    (project / "docs_ru/plain.md").write_text(PAGES["docs_ru/plain.md"], encoding="utf-8")  # unmarked again
    english = project / "docs/guide.md"
    english.write_text(english.read_text(encoding="utf-8").replace("wide", "wide and deep"), encoding="utf-8")
    subprocess.run([*script, "docs_zh/guide.md", "docs_ko/guide.md"], check=True, capture_output=True)

    site_dir = project.parent / "site"
    result = run_mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir, build_log=result.stderr)


def notices(site: BuiltSite, url: str) -> list[str]:
    return [aside.get_text(" ", strip=True) for aside in site.page(url).select("aside.kh-notice")]


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_outdated_translation_says_so_in_the_readers_language(small_site, lang):
    page = small_site.page(f"{lang}/guide/")
    assert page.html["lang"] == lang
    expected = f"{UI['outdated_notice'][lang]} {UI['outdated_link'][lang]}"
    assert notices(small_site, f"{lang}/guide/") == [expected]
    article = page.select_one("article.md-content__inner")
    assert article.find("aside", class_="kh-notice") is not None  # at the top of the content
    assert article.find("aside", class_="kh-notice").find_previous("h1") is None
    assert main_text(page).endswith({"ru": "Амур здесь широкий.", "ja": "ここでアムール川は広い。"}[lang])


def test_the_notice_links_to_the_english_original(small_site):
    link = small_site.page("ru/guide/").select_one("aside.kh-notice a")
    target = resolve("ru/guide/", link["href"])
    assert target == "guide/" and link["hreflang"] == "en"
    original = small_site.page(target)
    assert original.html["lang"] == "en" and "The Amur is wide and deep here." in main_text(original)


@pytest.mark.parametrize(
    "url",
    [
        "zh/guide/", "ko/guide/",  # marked after the English change
        "ru/", "ja/",  # marked, English unchanged
        "ru/plain/",  # never marked: nothing known, nothing claimed
        "guide/", "",  # English pages
    ],
)
def test_no_notice_where_the_translation_is_current_unmarked_or_english(small_site, url):
    assert notices(small_site, url) == []


def test_fallback_page_has_only_the_fallback_notice(small_site):
    assert notices(small_site, "ru/only-english/") == [UI["fallback_notice"]["ru"]]


@pytest.mark.browser
def test_reader_follows_the_notice_to_the_original(small_site, browser):
    with serve_directory(small_site.root) as base_url:
        page = browser.new_page()
        page.goto(base_url + "ja/guide/")
        page.get_by_role("note").get_by_role("link", name=UI["outdated_link"]["ja"]).click()
        page.wait_for_url(base_url + "guide/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", name="Guide", level=1).is_visible()
        page.close()
