"""What the generated pages say about a partner city's status and about dates, in every language:
a suspended relationship and exchanges put on hold are shown in the list and on the city's page, Chinese and Japanese date
ranges are written with 至 and ～, and event pages show no date internal to the data."""

from __future__ import annotations

import re

import pytest
import yaml

from citysite.data import load_site_data
from citysite.dates import format_since
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, main_text

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def suspended():
    data = load_site_data(ROOT / "data")
    return [partner for partner in data.partners.values() if partner.suspended]


def test_victoria_is_suspended_in_the_data(suspended):
    assert [partner.id for partner in suspended] == ["victoria"]
    assert str(suspended[0].suspended) == "2022-03"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partner_list_shows_the_suspension(site, suspended, lang):
    for partner in suspended:
        text = UI["suspended_value"][lang].format(date=format_since(partner.suspended, lang))
        item = next(li for li in site.page(PREFIX[lang] + "partners/").select("article li")
                    if li.find("a", href=re.compile(rf"(^|/){partner.id}/$")))
        assert text in " ".join(item.get_text().split()), (lang, item.get_text())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partner_page_shows_the_suspension(site, suspended, lang):
    for partner in suspended:
        facts = " ".join(site.page(f"{PREFIX[lang]}partners/{partner.id}/").select_one("article ul").get_text().split())
        assert UI["label_suspended"][lang] in facts, (lang, facts)
        assert format_since(partner.suspended, lang) in facts, (lang, facts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exchanges_on_hold_are_shown_in_the_list_and_on_the_page(site, lang):
    """Niigata put its exchanges with its Russian sister cities on hold in March 2022: the list
    showed it only as «sister city since 1965», as if the exchanges went on."""
    partner = load_site_data(ROOT / "data").partners["niigata"]
    date = " ".join(format_since(partner.exchanges_paused, lang).split())  # as the pages' text is read below
    item = next(li for li in site.page(PREFIX[lang] + "partners/").select("article li")
                if li.find("a", href=re.compile(r"(^|/)niigata/$")))
    assert UI["exchanges_paused_value"][lang].format(date=date) in " ".join(item.get_text().split())
    facts = " ".join(site.page(f"{PREFIX[lang]}partners/niigata/").select_one("article ul").get_text().split())
    assert UI["label_exchanges_paused"][lang] in facts and date in facts, (lang, facts)


CJK_DASH_RANGE = re.compile(r"\d+日\s*[–—-]\s*\d+(?:月\d+)?日|\d+月\s*[–—-]\s*\d+月")


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_chinese_and_japanese_ranges_use_their_own_marks(site, lang):
    mark = {"zh": "至", "ja": "～"}[lang]
    pages = [url for url in site.content_pages(lang) if "/chronicle/" in url or "/events/" in url or url.endswith("partners/")]
    texts = {url: main_text(site.page(url)) for url in pages}
    assert any(re.search(rf"\d+日{mark}\d+日", text) for text in texts.values()), "no day range found"
    assert {url: CJK_DASH_RANGE.findall(text) for url, text in texts.items() if CJK_DASH_RANGE.search(text)} == {}


# The City Day page once showed when the event was first listed ("Listed since"), a date of the
# data file that means nothing to a visitor.
LISTED_SINCE = {"en": "Listed since", "ru": "Впервые в календаре", "zh": "收录起始日期", "ja": "掲載開始日", "ko": "수록 시작일"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_pages_show_no_internal_listing_date(site, lang):
    pages = [url for url in site.content_pages(lang) if "/events/" in f"/{url}"]
    assert pages
    assert [url for url in pages if LISTED_SINCE[lang] in main_text(site.page(url))] == []
