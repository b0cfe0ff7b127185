"""The real site (built once with --strict, build date 2026-11-26) has what data/*.yml promises:
a page for every venue, partner city, event and 2019 chronicle entry in five languages, with
parseable JSON-LD and calendars, and open data matching the files. What the events section must
give a visitor (issue 13) is tested in tests/test_events.py."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from citysite.data import load_site_data
from citysite.pages.events import event_sources
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, plain

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}
UI_STRINGS = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_has_its_page(site, data, lang):
    for section, records, name in (("venues", data.venues, "name"), ("partners", data.partners, "name"),
                                   ("events", data.events, "title"), ("cooperation/chronicle", data.chronicle, "title")):
        for record in records.values():
            url = f"{PREFIX[lang]}{section}/{record.id}/"
            h1 = site.page(url).select_one("article h1").get_text().rstrip("¶")
            assert plain(h1) == plain(getattr(record, name)[lang]), url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_pages_name_the_country_in_the_readers_language(site, data, lang):
    for partner in data.partners.values():
        text = site.page(f"{PREFIX[lang]}partners/{partner.id}/").select_one("article ul").get_text()
        assert data.country_name(partner.country, lang) in text  # the site's naming (Republic of Korea)


def source_links(page, lang: str) -> list[str] | None:
    """The links of a page's "Sources" section, found by its heading in the page's language (not
    by position: a page may have other sections after it, or none at all when its entry cites
    only sources for editors); None when the page has no such section."""
    label = UI_STRINGS["label_sources"][lang]
    for heading in page.select("article h2"):
        if heading.get_text().rstrip("¶").strip() == label:
            items = heading.find_next_sibling("ul")
            return [a["href"] for a in items.select("a")] if items is not None else []
    return None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_link_to_the_web_pages_the_data_cites(site, data, lang):
    """Each "page:<URL> (note)" source is a link to exactly that URL, the note left out; a page
    without a source for visitors has no Sources section (and the test no IndexError)."""
    for section, kind in (("venues", "venues"), ("partners", "partners"), ("events", "events"),
                          ("cooperation/chronicle", "chronicle")):
        for record in getattr(data, kind, {}).values():
            sources = event_sources(record) if kind == "events" else record.sources  # events: editions' too
            cited = [match[1] for match in (re.match(r"page:\s*(\S+)", source) for source in sources) if match]
            links = source_links(site.page(f"{PREFIX[lang]}{section}/{record.id}/"), lang)
            assert (links or []) == cited, f"{section}/{record.id}"
            if not any(source.split(":")[0].strip() in ("seed", "page") for source in record.sources):
                assert links is None, f"{section}/{record.id}: a Sources section without a source to show"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_ld_of_every_event_entry_and_venue_parses(site, data, lang):
    for section, records, kind in (("cooperation/chronicle", data.chronicle, "Event"),
                                   ("venues", data.venues, "TouristAttraction")):
        for record in records.values():
            script = site.page(f"{PREFIX[lang]}{section}/{record.id}/").select_one('script[type="application/ld+json"]')
            value = json.loads(script.string)
            assert kind in (value["@type"] if isinstance(value["@type"], list) else [value["@type"]])
            assert value["inLanguage" if kind == "Event" else "url"]
    for event in data.events.values():  # yearly events: one Event per occurrence with known days, or none
        script = site.page(f"{PREFIX[lang]}events/{event.id}/").select_one('script[type="application/ld+json"]')
        if script is not None:
            values = json.loads(script.string)
            assert all(value["@type"] == "Event" for value in (values if isinstance(values, list) else [values]))


def test_open_data_matches_the_data_files(site, data):
    venues = json.loads(site.text("data/venues.geojson"))["features"]
    assert [f["properties"]["id"] for f in venues] == list(data.venues)
    partners = json.loads(site.text("data/partners.geojson"))["features"]
    assert [f["properties"]["id"] for f in partners] == list(data.partners)
    events = json.loads(site.text("data/events.json"))
    assert [e["id"] for e in events["events"]] == list(data.events)
    assert events["build_date"] == "2026-11-26"
    chronicle = json.loads(site.text("data/chronicle.json"))
    assert [e["id"] for e in chronicle["entries"]] == list(data.chronicle)
