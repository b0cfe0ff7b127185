"""`make build` builds each language in its own process and assembles one site (scripts/build_site.py):
the site is byte for byte the one a one-process `mkdocs build` makes, a failure leaves the previous
site in place, and `--dirty` is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import build_site, mkdocs_run
from tests.conftest import ROOT
from tests.small_project import make_small_project

PAGES = {
    **{f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")},
    "docs/guide.md": "# Guide\n\n## Getting there\n\nBy air.\n",
    "docs_ru/guide.md": "# Путеводитель\n\n## Как добраться\n\nСамолётом.\n",
    "docs/cooperation/chronicle/index.md": "# Chronicle\n",
}


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    mine, theirs = files_of(first), files_of(second)
    found = [f"only in the first: {name}" for name in sorted(mine.keys() - theirs.keys())]
    found += [f"only in the second: {name}" for name in sorted(theirs.keys() - mine.keys())]
    found += [f"differs: {name}" for name in sorted(mine.keys() & theirs.keys())
              if mine[name].read_bytes() != theirs[name].read_bytes()]
    return found


def test_the_parallel_build_gives_the_one_process_site_byte_for_byte(frozen_site, tmp_path):
    """The site as make build builds it against `mkdocs build` in one process, both of the same copy
    of the project with the tests' SOURCE_DATE_EPOCH: every page, the language menu, hreflang links,
    sitemap.xml(.gz), 404.html, search indexes, feeds, maps and assets."""
    project, built = frozen_site
    parallel = built.root
    one_process = tmp_path / "one-process"  # `mkdocs build` (its code is the copy's, as the parallel build's)
    result = mkdocs_run.build_site(project, one_process, strict=True, options=("--sequential",))
    assert result.returncode == 0, result.stderr[-3000:]
    found = differences(parallel, one_process)
    assert not found, "\n".join(found[:40])
    assert len(files_of(one_process)) > 500


@pytest.fixture
def project(tmp_path) -> Path:
    return make_small_project(tmp_path / "project", PAGES)


def test_a_small_site_with_three_language_processes_at_a_time_is_the_same(project, tmp_path):
    parallel, sequential = tmp_path / "parallel", tmp_path / "sequential"
    result = mkdocs_run.build_site(project, parallel, strict=True, options=("--jobs", "3"))
    assert result.returncode == 0, result.stderr[-3000:]
    result = mkdocs_run.build_site(project, sequential, strict=True, options=("--sequential",))
    assert result.returncode == 0, result.stderr[-3000:]
    assert not differences(parallel, sequential)
    assert (parallel / "ru" / "search" / "search_index.json").is_file()


def test_a_failed_build_keeps_the_previous_site_and_says_why_once(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    ui = project / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    result = mkdocs_run.build_site(project, site, strict=True)
    assert result.returncode == 1
    assert result.stderr.count("data/ui.yml:") == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not list(tmp_path.glob(".site-build-*"))


def test_a_build_for_the_placeholder_address_says_so_once(project, tmp_path):
    """A publisher who forgot SITE_URL would upload a site whose canonical links, sitemap and calendars
    name khabarovsk.example.org: the build says so at its end (not a warning: previews use it). A build
    for a real address does not (the next test)."""
    placeholder = mkdocs_run.build_site(project, tmp_path / "a", quiet=False)
    assert placeholder.returncode == 0, placeholder.stderr[-3000:]
    assert placeholder.stderr.count("Built for https://khabarovsk.example.org/, a placeholder address") == 1


@pytest.mark.parametrize("address, problem", [
    ("", "SITE_URL is not set"),
    ("https://khabarovsk.example.org/", "not a placeholder"),
    ("https://www.example.org/khabarovsk/", "not a placeholder"),  # CONTRIBUTING's example, copied as it is
    ("https://visit.khabarovsk.example/", "not a placeholder"),
    ("https://localhost/k/", "not a placeholder"),
    ("http://www.your-host.ru/", "must start with https://"),
    ("www.your-host.ru/k/", "must start with https://"),
])
def test_make_publish_refuses_an_address_the_site_cannot_be_published_at(project, tmp_path, address, problem):
    """`make publish` (CONTRIBUTING.md, Publishing): no SITE_URL, the placeholder or another reserved
    name, or plain http (no offline guide, no location) stop it before it builds; the previous
    site/ stays. The message names the problem, and its example is no address to copy (it offered
    www.your-host.ru, which a publisher copied, and which builds)."""
    result = mkdocs_run.build_site(project, tmp_path / "site", {"SITE_URL": address}, options=("--publish",))
    assert result.returncode == 1
    assert problem in result.stderr, result.stderr[-3000:]
    assert "`SITE_URL=https://<the site's address>/ make publish`" in result.stderr
    assert address == "" or f"SITE_URL is {address!r}" in result.stderr
    assert not (tmp_path / "site").exists()


def test_make_publish_builds_for_the_real_address_and_refuses_a_leftover_placeholder(project, tmp_path):
    """It also speaks with the built copy's own code: a second checkout sharing the first one's
    .venv (a roll-back) had said the first checkout's messages, and built with its code."""
    messages = project / "hooks" / "citysite" / "messages.py"
    messages.write_text(messages.read_text(encoding="utf-8").replace('"Built for {url}:', '"Built (copy) for {url}:'),
                        encoding="utf-8")
    result = mkdocs_run.build_site(project, tmp_path / "site", {"SITE_URL": "https://www.your-host.ru/k/"},
                                   quiet=False, options=("--publish",))
    assert result.returncode == 0 and "placeholder address" not in result.stderr, result.stderr[-3000:]
    site = tmp_path / "site"
    files = sum(1 for path in site.rglob("*") if path.is_file())
    said = " ".join(result.stderr.split())  # MkDocs' log wraps long lines
    assert f"Built (copy) for https://www.your-host.ru/k/: upload everything in {site}/, {files} files" in said
    assert "<loc>https://www.your-host.ru/k/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    (site / "ru" / "extra.html").write_text('<a href="https://khabarovsk.example.org/ru/">', "utf-8")
    with pytest.raises(build_site.BuildFailed,
                       match=r"placeholder address \(https://khabarovsk\.example\.org\) in ru/extra\.html"):
        build_site.check_published(tmp_path / "site", "https://www.your-host.ru/k/")


def test_an_address_folded_in_a_calendar_file_is_not_read_as_the_placeholder(tmp_path):
    """iCalendar folds lines at 75 octets: «URL:https://example» / « .github.io/…» was read as the
    reserved host «example», and `make publish` refused https://example.github.io/khabarovsk/."""
    site_url = "https://example.github.io/khabarovsk/"
    (tmp_path / "sitemap.xml").write_text(f"<urlset><url><loc>{site_url}</loc></url></urlset>", "utf-8")
    (tmp_path / "events.ics").write_bytes(b"BEGIN:VEVENT\r\nURL:https://example\r\n .github.io/khabarovsk/events/a/\r\n")
    build_site.check_published(tmp_path, site_url)
    (tmp_path / "events.ics").write_bytes(b"URL:https://khabarovsk.exam\r\n ple.org/events/a/\r\n")
    with pytest.raises(build_site.BuildFailed, match=r"khabarovsk\.example\.org\) in events\.ics; it was not put"):
        build_site.check_published(tmp_path, site_url)


def test_a_warning_in_one_language_fails_a_strict_build(project, tmp_path):
    (project / "docs_ja" / "guide.md").write_text("# ガイド\n\n[壊れたリンク](missing.md)\n", encoding="utf-8")
    result = mkdocs_run.build_site(project, tmp_path / "site", strict=True)
    assert result.returncode == 1
    assert "docs_ja/guide.md:3: the link 'missing.md'" in result.stderr, result.stderr[-3000:]
    assert "ERROR" in result.stderr and "\x1b[" not in result.stderr  # no colour codes in a log file or cron mail
    assert result.stderr.rstrip().endswith("the site was not built (the messages above say why); the previous "
                                           "site is unchanged"), result.stderr[-3000:]
    assert not (tmp_path / "site").exists()


def test_a_link_broken_in_every_language_is_named_in_every_file_in_one_build(project, tmp_path):
    """An editors' walkthrough deleted an event: the first language to fail stopped the others, so each
    round of the checks named one more file, in languages she could not read before her own; and the
    last line said one warning."""
    for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko"):
        (project / folder / "guide.md").write_text("# Guide\n\n[Day](events/victory-day.md)\n", encoding="utf-8")
    result = mkdocs_run.build_site(project, tmp_path / "site", strict=True, options=("--jobs", "2"))
    assert result.returncode == 1
    for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko"):
        assert f"{folder}/guide.md:3: the link 'events/victory-day.md'" in result.stderr, result.stderr[-3000:]
    # counted over the languages, once (each language's own "Aborted with 1 warnings" read as one in all)
    assert result.stderr.count("Aborted with") == 1 and "Aborted with 5 warnings in strict mode!" in result.stderr


def test_languages_that_write_the_same_file_differently_stop_the_build(tmp_path):
    for lang, text in (("en", "a"), ("ru", "b")):
        (tmp_path / lang / "assets").mkdir(parents=True)
        (tmp_path / lang / "assets" / "site.css").write_text(text, encoding="utf-8")
        (tmp_path / lang / "sitemap.xml").write_text(lang, encoding="utf-8")  # rewritten afterwards: allowed
    with pytest.raises(build_site.BuildFailed, match=r"assets/site\.css \(ru"):
        build_site.merge([tmp_path / "en", tmp_path / "ru"], tmp_path / "site")


def test_dirty_builds_are_refused_with_a_message(project, tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(tmp_path / "site")],
                            cwd=project, env=mkdocs_run.environment(), capture_output=True, text=True)
    assert result.returncode == 1
    assert "`--dirty` builds are not supported" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    result = mkdocs_run.build_site(project, tmp_path / "site", options=("--dirty",))
    assert result.returncode == 2 and "--dirty is not supported" in result.stderr


def test_the_theme_files_listed_once_are_those_mkdocs_lists():
    """citysite.pinned.add_files_from_theme keeps the list of an installed theme's folders for the
    process; it must give the files (and the folder each comes from) that MkDocs' own method gives."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from citysite import pinned

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.theme.dirs.insert(0, config.theme.dirs[0])  # the i18n plugin adds a folder per language build
    theirs = Files([])
    for _ in range(2):  # listed, then from what was kept
        mine = Files([])
        pinned.add_files_from_theme(mine, None, config)
    original = getattr(Files.add_files_from_theme, "original", Files.add_files_from_theme)  # MkDocs' own
    original(theirs, config.theme.get_env(), config)
    assert [(file.src_uri, file.abs_src_path) for file in mine] == [(file.src_uri, file.abs_src_path) for file in theirs]
    assert any(file.src_uri.startswith("assets/javascripts/bundle.") for file in mine)
