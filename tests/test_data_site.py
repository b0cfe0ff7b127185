"""The real site (built once with --strict, build date 2026-11-26) has what data/*.yml promises:
a page for every venue, partner city and event in five languages, with parseable JSON-LD and
calendars, and open data matching the files."""

from __future__ import annotations

import json
import re

import icalendar
import pytest
from babel import Locale

from citysite.data import load_site_data
from citysite.ical import in_calendar
from tests.conftest import ROOT
from tests.helpers import LANGUAGES

PREFIX = {lang: "" if lang == "en" else f"{lang}/" for lang in LANGUAGES}


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_has_its_page(site, data, lang):
    for section, records, name in (("venues", data.venues, "name"), ("partners", data.partners, "name"),
                                   ("events", data.events, "title")):
        for record in records.values():
            url = f"{PREFIX[lang]}{section}/{record.id}/"
            h1 = site.page(url).select_one("article h1").get_text().rstrip("¶")
            assert h1 == getattr(record, name)[lang], url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_pages_name_the_country_in_the_readers_language(site, data, lang):
    for partner in data.partners.values():
        text = site.page(f"{PREFIX[lang]}partners/{partner.id}/").select_one("article ul").get_text()
        assert Locale.parse(lang).territories[partner.country] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_link_to_the_web_pages_the_data_cites(site, data, lang):
    """Each "page:<URL> (note)" source is a link to exactly that URL, the note left out."""
    for section, records in (("venues", data.venues), ("partners", data.partners), ("events", data.events)):
        for record in records.values():
            cited = [re.match(r"page:\s*(\S+)", source) for source in record.sources]
            heading = site.page(f"{PREFIX[lang]}{section}/{record.id}/").select("article h2")[-1]
            links = [a["href"] for a in heading.find_next_sibling("ul").select("a")] if any(cited) else []
            assert links == [match[1] for match in cited if match], f"{section}/{record.id}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_ld_of_every_event_and_venue_parses(site, data, lang):
    for section, records, kind in (("events", data.events, "Event"), ("venues", data.venues, "TouristAttraction")):
        for record in records.values():
            script = site.page(f"{PREFIX[lang]}{section}/{record.id}/").select_one('script[type="application/ld+json"]')
            value = json.loads(script.string)
            assert kind in (value["@type"] if isinstance(value["@type"], list) else [value["@type"]])
            assert value["inLanguage" if kind == "Event" else "url"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_has_every_event_with_a_day(site, data, lang):
    feed = icalendar.Calendar.from_ical(site.path_of(f"{PREFIX[lang]}events/events.ics").read_bytes())
    uids = {str(event["UID"]).split("@")[0] for event in feed.walk("VEVENT")}
    assert uids == {event.id for event in data.events.values() if in_calendar(event)}


def test_open_data_matches_the_data_files(site, data):
    venues = json.loads(site.text("data/venues.geojson"))["features"]
    assert [f["properties"]["id"] for f in venues] == list(data.venues)
    partners = json.loads(site.text("data/partners.geojson"))["features"]
    assert [f["properties"]["id"] for f in partners] == list(data.partners)
    events = json.loads(site.text("data/events.json"))
    assert [e["id"] for e in events["events"]] == list(data.events)
    assert events["build_date"] == "2026-11-26"
