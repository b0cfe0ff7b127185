"""The home page's blocks (data/home.yml, hooks/citysite/home.py, overrides/home.html): checked when
the build starts, and on the built home page of every language in the visitor's order, with the
next events as cards with calendar chips, links that lead to pages, and the same layout everywhere."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from citysite.cards import date_chip
from citysite.data import DataError, load_site_data
from citysite.home import coming_seasons_first, load_home_blocks
from citysite.images import SiteImages
from citysite.languages import LANGUAGES, load_ui_strings
from citysite.schedule import next_occurrence
from tests.conftest import ROOT
from tests.helpers import resolve

STRINGS = load_ui_strings(ROOT)
HOME = (ROOT / "data" / "home.yml").read_text(encoding="utf-8")
PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}


def project_with(tmp_path: Path, home: str) -> Path:
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "home.yml").write_text(home, encoding="utf-8")
    return tmp_path


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def images() -> SiteImages:
    return SiteImages.load(ROOT, STRINGS)


def every_page(page: str) -> bool:
    return True


def test_the_sites_home_blocks_are_complete():
    blocks = load_home_blocks(ROOT, images(), lambda page: (ROOT / "docs" / page).is_file()
                              or page.split("/")[0] in ("events", "venues", "partners", "routes"))
    assert len(blocks.tasks) == 6 and len(blocks.seasons) == 4
    assert [tile.icon for tile in blocks.seasons] == ["material/snowflake", "material/party-popper", "material/ferry",
                                                      "material/bank"]


def test_a_link_to_no_page_names_its_line(tmp_path):
    home = HOME.replace("link: visit/index.md#money", "link: visit/mony.md#money")
    root = project_with(tmp_path, home)
    with pytest.raises(DataError) as caught:
        load_home_blocks(root, images(), lambda page: page != "visit/mony.md")
    assert [str(p) for p in caught.value.problems] == [
        f"data/home.yml:{line_of(home, 'visit/mony.md')}: 'visit/mony.md#money' is not a page of the site; "
        "correct the path"]


def test_a_text_needs_every_language(tmp_path):
    home = HOME.replace('      ko: "현금을 준비하세요.', '      kr: "현금을 준비하세요.')
    root = project_with(tmp_path, home)
    with pytest.raises(DataError) as caught:
        load_home_blocks(root, images(), every_page)
    messages = [str(p) for p in caught.value.problems]
    assert any("'tasks.text.ko' is missing" in m for m in messages), messages
    assert any(m.startswith(f"data/home.yml:{line_of(home, 'kr: ')}: unknown field 'tasks.text.kr'") for m in messages), messages


def test_a_missing_data_entry_leads_to_its_section(tmp_path):
    """A project with other data (the tests' fixtures) keeps its home page: the card leads to the list."""
    root = project_with(tmp_path, HOME)
    blocks = load_home_blocks(root, images(), lambda page: page != "venues/river-station.md")
    assert blocks.seasons[2].link == "venues/index.md"


@pytest.mark.parametrize("day, order", [
    ("2027-07-10", ["summer", "autumn", "winter", "spring"]),  # a visitor in July saw winter first
    ("2026-11-20", ["winter", "spring", "summer", "autumn"]),  # two weeks ahead is December: winter
    ("2027-02-20", ["spring", "summer", "autumn", "winter"]),
])
def test_the_coming_season_comes_first(day, order):
    blocks = load_home_blocks(ROOT, images(), every_page)
    assert [tile.season for tile in coming_seasons_first(blocks.seasons, dt.date.fromisoformat(day))] == order


def test_a_season_with_two_cards_names_both_lines(tmp_path):
    home = HOME.replace("season: spring", "season: winter")
    with pytest.raises(DataError) as caught:
        load_home_blocks(project_with(tmp_path, home), images(), every_page)
    first = line_of(home, "season: winter")
    second = next(number for number, line in enumerate(home.splitlines(), 1) if "season: winter" in line and number > first)
    assert [p.text("ru") for p in caught.value.problems] == [
        f"data/home.yml:{second}: season: winter уже указан у карточки в строке {first}; у каждого времени года может "
        "быть только одна карточка (winter — зима, spring — весна, summer — лето, autumn — осень)"]


def test_calendar_chips_show_month_and_days():
    chip = BeautifulSoup(date_chip(dt.date(2027, 5, 29), dt.date(2027, 5, 30), "ja"), "html.parser").time
    assert (chip["datetime"], chip.get_text("|")) == ("2027-05-29", "5月|29–30")
    chip = BeautifulSoup(date_chip(dt.date(2027, 9, 1), dt.date(2027, 9, 10), "ru", exact=False), "html.parser").time
    assert (chip["datetime"], chip.get_text("|"), chip["aria-hidden"]) == ("2027-09", "сент.", "true")


# --- the built home page ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_shows_the_visitor_blocks_in_order(site, data, lang):
    url = PREFIX[lang]
    page = site.page(url)
    assert page.select_one(".kh-hero h1").get_text(strip=True) != STRINGS["home_plan"][lang]
    assert page.select_one(".kh-hero__tagline").get_text(strip=True)
    hero = page.select_one(".kh-hero__image")
    assert hero["width"] and hero["height"] and hero.get("loading") is None
    assert site.exists(resolve(url, hero["src"]))
    ids = [section.h2["id"] for section in page.select("article section.kh-section")]
    assert ids == ["kh-coming-up", "kh-walks", "kh-tasks", "kh-seasons", "kh-about", "kh-partners"]
    walks = page.select(".kh-cards--routes > li.kh-card")  # where to start: two walks, this season's first
    assert len(walks) == 2 and all(site.exists(resolve(url, card.h3.a["href"])) for card in walks)
    assert resolve(url, walks[0].h3.a["href"]).startswith(f"{url}routes/")
    for card in walks:  # what each walk is for: the winter one was offered on 7 December, its ice towns not up
        route = data.routes[card.h3.a["href"].rstrip("/").rsplit("/", 1)[-1]]
        lines = [" ".join(line.get_text().split()) for line in card.select(".kh-card__meta")]
        assert lines[1:] == ([" ".join(route.season.first_sentence(lang).split())] if route.season else []), lines
    call = page.select_one(".kh-cards--tasks a.kh-call")  # the emergency card calls 112 from the home page
    assert call["href"] == "tel:112" and call.get_text() == "112"
    more = [resolve(url, a["href"]) for a in page.select_one("#kh-walks").parent.select(".kh-more a")]
    assert more == [f"{url}routes/", f"{url}venues/", f"{url}visit/#tourist-info"]
    assert page.select_one("#kh-walks") and site.page(f"{url}visit/").select_one("#tourist-info")
    events = page.select(".kh-cards--events > li.kh-card:not([data-spare])")
    assert 1 <= len(events) <= 3
    for card in events:
        assert card.select_one("time.kh-date .kh-date__month").get_text(strip=True)
        assert site.exists(resolve(url, card.h3.a["href"])), card.h3.a["href"]
    for card in page.select(".kh-cards--tasks > li, .kh-cards--seasons > li"):
        assert card.select_one("svg.kh-icon"), card
        assert site.exists(resolve(url, card.select_one("a")["href"].split("#")[0])), card
    for img in page.select(".kh-cards--seasons img"):
        assert img["loading"] == "lazy" and img["alt"] == "" and img["width"] and img["height"]
    kinds = {folder: STRINGS[f"home_opens_{folder}"][lang] for folder in ("routes", "events", "venues")}
    for card in page.select(".kh-cards--seasons > li"):  # "Summer" opened the River Station unannounced
        target = resolve(url, card.select_one("a")["href"])
        opened = site.page(target).select_one("article h1").get_text(strip=True).rstrip("¶")
        kind = kinds[target.removeprefix(url).split("/")[0]]  # a walk, an event or a place, said
        meta = card.select_one(".kh-card__meta").get_text(strip=True)
        assert card.select_one(".kh-card__meta span")["aria-hidden"] == "true"  # read once, in the link's name
        assert " ".join(meta.split()) == " ".join(kind.format(name=opened).split()), (meta, kind, opened)
        link = card.select_one(".kh-card__title a")  # and so does its link, in a screen reader's list of links
        assert link["aria-label"].startswith(link.get_text(strip=True)) and link["aria-label"].endswith(" ".join(opened.rstrip("¶").split()))
    offline = page.select_one("#kh-tasks").parent.select_one(".kh-more a")
    assert (resolve(url, offline["href"]), offline.get_text()) == (f"{url}offline/", STRINGS["home_offline"][lang])
    partners = [resolve(url, a["href"]) for a in page.select(".kh-section--partners a")]
    assert partners == [f"{url}partners/", f"{url}cooperation/", f"{url}reports/2019/"]
    assert page.select_one(".kh-section--about h1") is None  # the title is in the hero


def test_coming_up_shows_the_soonest_events_the_longest_first_of_those_starting_together(site):
    """Of events that start together (three in 'late December'), the card goes to the one a visitor
    can still catch longest: a New Year town on for two months before a four-day contest."""
    data = load_site_data(ROOT / "data")
    today = dt.date.fromisoformat(json.loads(site.text("data/events.json"))["build_date"])
    ids = {record.title["en"]: record.id for record in data.events.values()}
    shown = [ids[card.h3.get_text(strip=True)]
             for card in site.page("").select(".kh-cards--events > li.kh-card:not([data-spare])")]
    def key(event_id):
        occurrence = next_occurrence(data.events[event_id], today)
        return max(occurrence.first, today), -occurrence.last.toordinal()
    rest = sorted((event_id for event_id in data.events if event_id not in shown
                   and next_occurrence(data.events[event_id], today)), key=key)
    assert [key(event_id) for event_id in shown] == sorted(key(event_id) for event_id in shown)
    assert key(shown[-1]) <= key(rest[0]), (shown, rest[0])


def test_home_page_has_the_same_layout_in_every_language(site):
    def shape(lang):
        page = site.page(PREFIX[lang])
        return [(section.h2["id"], len(section.select("li.kh-card"))) for section in page.select("section.kh-section")]
    assert len({tuple(shape(lang)) for lang in LANGUAGES}) == 1


def test_the_credits_page_is_linked_from_every_page_footer(site):
    for lang in LANGUAGES:
        for url in (PREFIX[lang], f"{PREFIX[lang]}visit/"):
            link = site.page(url).select_one("footer a.kh-footer-link")
            assert resolve(url, link["href"]) == f"{PREFIX[lang]}credits/", url
            assert link.get_text(strip=True) == STRINGS["credits_title"][lang]
        credits = site.page(f"{PREFIX[lang]}credits/")
        assert credits.select(".kh-credits__item"), lang


def test_old_addresses_still_work(site):
    """The menu changed (What's on, Places, cooperation under Partner cities); the pages did not move."""
    for lang in LANGUAGES:
        for path in ("events/", "venues/", "partners/", "cooperation/", "cooperation/culture/", "reports/2019/",
                     "about/", "about/tourism/", "visit/"):
            assert site.exists(PREFIX[lang] + path), PREFIX[lang] + path
