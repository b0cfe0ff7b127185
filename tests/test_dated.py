"""Passages an editor dates with `{: until="YYYY-MM-DD" }` (citysite/dated.py): shown up to their
day, left out of the builds after it with a note to editors, hidden on a page saved on a phone and
read after it; a date that is no date stops the build with its file and line."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest

from citysite.dated import dated_passages
from citysite.errors import SiteError
from tests.conftest import ROOT
from tests.helpers import LANGUAGES

PAGE = """<ul>
<li>Always</li>
<li until="2027-01-10">Holidays <ul><li>nested</li></ul> until 10 January</li>
<li>Climate</li>
</ul>
<p class="note" until="2027-01-10">A dated paragraph.</p>
<p>After.</p>"""
SOURCE = '- Always\n- Holidays\n  {: until="2027-01-10" }\n- Climate\n\nA dated paragraph.\n{: .note until="2027-01-10" }\n'


@pytest.mark.parametrize("today", [dt.date(2026, 12, 7), dt.date(2027, 1, 10)])
def test_a_dated_passage_is_shown_up_to_its_day_and_marked_for_saved_pages(today):
    html = dated_passages(PAGE, today, "docs/visit/index.md", SOURCE)
    assert '<li class="kh-dated" data-until="2027-01-10">Holidays <ul><li>nested</li></ul>' in html
    assert '<p class="kh-dated note" data-until="2027-01-10">A dated paragraph.</p>' in html
    assert "until=" not in html.replace("data-until=", "")


def test_after_its_day_a_dated_passage_is_left_out_and_the_editors_are_told_its_line(caplog):
    logger = logging.getLogger("mkdocs.plugins.citysite")  # MkDocs' loggers do not pass records up to the root
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger=logger.name):
            html = dated_passages(PAGE, dt.date(2027, 1, 11), "docs/visit/index.md", SOURCE)
    finally:
        logger.removeHandler(caplog.handler)
    assert html == "<ul>\n<li>Always</li>\n\n<li>Climate</li>\n</ul>\n\n<p>After.</p>"
    notes = [record.getMessage() for record in caplog.records]
    assert any(note.startswith("docs/visit/index.md:3: ") and "dated until 2027-01-10 and is no longer shown" in note
               for note in notes), notes
    assert any(note.startswith("docs/visit/index.md:7: ") for note in notes), notes


def test_a_date_that_is_no_date_stops_the_build_with_its_line():
    with pytest.raises(SiteError) as caught:
        dated_passages('<p until="10.01.2027">x</p>', dt.date(2026, 12, 7), "docs_ru/visit/index.md",
                       'x\n{: until="10.01.2027" }\n')
    assert caught.value.text("ru").startswith("docs_ru/visit/index.md:2: '10.01.2027' в `until=\"…\"` — не дата")
    assert 'ГГГГ-ММ-ДД: {: until="2027-01-10" }' in caught.value.text("ru")


def test_every_dated_passage_of_the_pages_is_on_its_built_page(site):
    """Each `until` an editor wrote (the tests' build date is before them) is a kh-dated element of
    the built page with its date: none left as an unknown attribute, none lost."""
    for lang in LANGUAGES:
        folder = ROOT / ("docs" if lang == "en" else f"docs_{lang}")
        for page in folder.rglob("*.md"):
            dates = re.findall(r'\{:[^}]*\buntil="([0-9-]+)"', page.read_text(encoding="utf-8"))
            if not dates:
                continue
            url = page.relative_to(folder).with_suffix("").as_posix().removesuffix("index")
            url = (f"{lang}/" if lang != "en" else "") + (url + "/" if url and not url.endswith("/") else url)
            html = site.text(url)
            assert re.findall(r'class="kh-dated[^"]*" data-until="([0-9-]+)"', html) == dates, url
            assert " until=" not in html, url


def test_a_saved_page_read_after_a_passages_day_hides_it(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_server + "ko/visit/")
        dated = page.locator(".kh-dated").first
        until = dt.date.fromisoformat(dated.get_attribute("data-until"))
        assert dated.is_visible()
        after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(12), dt.timezone(dt.timedelta(hours=10)))
        context.add_init_script(f"Date.now = () => {int(after.timestamp() * 1000)};")
        page.goto(site_server + "ko/visit/")
        assert page.locator(".kh-dated").count() >= 1
        assert not any(page.eval_on_selector_all(".kh-dated", "all => all.map(e => e.checkVisibility())"))
    finally:
        context.close()
