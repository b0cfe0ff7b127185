"""The venues section: a page per venue (address, practical facts, map, its events) and the list on
/venues/, grouped by category. The maps hook puts a map where a line reads `<!-- map -->`.

A venue page gives, in the reader's language: the address (zh, ja, ko: in that language, with an
English one as a labelled alternative), the opening hours or that the place is open-air, admission,
phone, website, step-free access and the stop nearby, each practical fact with links to the pages
it was read on and the day it was checked (the Sources section lists the entry's own sources); then
the Russian address in large type, easy to copy for a taxi driver, and links that open the place in
Yandex Maps, 2GIS, Google Maps, Apple Maps and OpenStreetMap; its events, the walking routes that
stop there and the places within a walk."""

from __future__ import annotations

import datetime as dt
import html
import json
import typing
from urllib.parse import urlsplit

from babel.numbers import format_decimal

from ..cards import ROUTE_ICON, VENUE_ICONS, Card, cards_html, icon_svg, meta_line
from ..data.geo import city_corners
from ..data.model import ChronicleEntry, Event, Venue, VenueCategory
from ..data.sources import source_parts
from ..dates import format_day_of_year, format_span, format_when
from ..languages import aside, babel_locale, colon, list_gap
from ..places import distance_km, number_pattern
from ..practical import MAP_APPS, hours_text, map_app_urls, price_text, routes_text, tel_href
from ..walking import distance_text, minutes_text, walking_minutes
from .common import (
    PageContext,
    back_link,
    external_link,
    front_matter,
    in_language,
    language_root,
    md_inline,
    md_paragraphs,
    md_text,
    readable_host,
    source_labels,
)
from .events import event_cards, open_data_line, saved_list_note

MAP_MARKER = "<!-- map -->"
NEARBY_KM = 1.5  # a venue page lists the other venues this close (in a straight line): a short walk
NEARBY_COUNT = 4  # at most, the nearest first


def osm_link(lat: float, lon: float, text: str) -> str:
    """A link that opens the point in OpenStreetMap (on a phone: in the browser or a map app)."""
    return external_link(f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}", text)


def event_sections(ctx: PageContext, events: list[Event], lang: str,
                   chronicle: list[ChronicleEntry] | None = None) -> str:
    """The yearly events usually held at a venue, the next first (their next dates, or "usually"
    and the usual period), then its entries in the 2019 chronicle."""
    sections = []
    coming = [(event, ctx.next[event.id]) for event in events if ctx.next[event.id] is not None]
    if coming:  # cards; URLs from the venue's page (venues/<id>/) as built
        cards = event_cards(ctx, coming, lang, "../../events/", "../../", heading=3, with_places=False)
        sections.append(f"## {ctx.t('events_held_here', lang)}\n\n{cards}\n\n{saved_list_note(ctx, lang)}\n")
    if chronicle:
        entries = "\n".join(ctx.event_item(entry, lang, "../cooperation/chronicle/") for entry in chronicle)
        sections.append(f"## {ctx.t('chronicle_at_venue', lang)}\n\n{entries}\n")
    return "\n".join(sections)


SENTENCE_GAP = " · "  # between a fact and its note
HOURS_MATTER = ("museum", "church")  # places a visitor goes into at set hours (a theatre: at its plays)


def _checked(ctx: PageContext, fact, topic: str, lang: str) -> str:
    """Where a practical fact was read (its web pages, linked by host name, numbered where two
    share a host) and the day it was checked, small, after it: «(hkm.ru, checked 4 December 2026)».
    Each link is named with the fact's `topic` too ("hkm.ru: Opening hours"): a page's list of
    links read "hkm.ru" four times (an accessibility walkthrough)."""
    urls = [url for kind, url in map(source_parts, fact.sources) if kind == "page"]
    links = [external_link(url, label, name=f"{label}{colon(lang)}{topic}")
             for url, label in zip(urls, source_labels(urls, numbered=True))]
    text = ctx.t("checked_on", lang).format(sources=list_gap(lang).join(links),
                                            date=md_text(format_when(fact.checked, lang)))
    return f'<span class="fact-checked">{aside(text, lang)}</span>'


# Chinese, Japanese and Korean put a note in brackets before the full stop of the sentence it
# follows («…終わりました（…確認）。», «…끝났습니다(… 확인).»), not after it (the stop as a line of
# Markdown writes it: md_text).
FULL_STOP = {"zh": md_text("。"), "ja": md_text("。"), "ko": md_text(".")}


def with_checked(ctx: PageContext, value: str, fact, topic: str, lang: str) -> str:
    """A fact's text followed by where and when it was checked (_checked), inside its last sentence
    where the language puts a note there."""
    checked, stop = _checked(ctx, fact, topic, lang), FULL_STOP.get(lang)
    if stop and value.endswith(stop):
        return value[: -len(stop)] + checked + stop
    return value + checked


def _with_note(ctx: PageContext, value: str, note, lang: str) -> str:
    return value + (SENTENCE_GAP + md_inline(note, lang) if note is not None else "")


def _website_label(url: str) -> str:
    """The address as written, with a Cyrillic domain shown in Cyrillic (двхм.рф, not xn--...)."""
    return url.replace(urlsplit(url).hostname or "", readable_host(url), 1)


def closure_notices(ctx: PageContext, venue: Venue, lang: str) -> str:
    """A warning box for each closure not over by the build date: its days, its reason, its source;
    "Temporarily closed" once it has begun, "Closure ahead" before (an editor's closure from February
    read, in December, as the museum closed that day)."""
    boxes = []
    for closure in venue.closures_ahead(ctx.today):
        text = md_text(format_span(closure.start, closure.end, lang)) + colon(lang) + md_inline(closure.reason, lang)
        begun = closure.start.first_day() <= ctx.today
        title = ctx.t("venue_closed_title" if begun else "venue_closing_title", lang).replace('"', "'")
        boxes.append(f'!!! warning "{title}"\n    {with_checked(ctx, text, closure, title, lang)}\n')
    return "\n".join(boxes)


# A stock line ("open-air site; no hours listed", "ask at your hotel") kept out of the search index
# (attr_list on its list item): "hotel" and "opening hours" listed museums and parks that only said so.
_OUT_OF_SEARCH = "\n  {: data-search-exclude }"


CLOSED_DAYS_SHOWN = 3  # a place's next closing days named on its page and on the walks through it
CLOSED_DAYS_AHEAD = 62  # how far ahead they are worked out: those after the first three wait, hidden


def closed_days_ahead(ctx: PageContext, venue: Venue, lang: str) -> str | None:
    """The place's next closing days by its hours, or None: a Japanese walkthrough planned the
    museum for the last Friday of October, its sanitary day, from a rule no page worked out for her
    dates. A saved page read later drops those gone and shows the next ones, hidden till then
    (docs/javascripts/past-events.js; read a week later, a page listing two weeks had lost a last
    Friday and a Monday). The days of a closure (repairs) count too: during one, an editors'
    walkthrough read the next Mondays alone, as if the museum opened on the other days. Each day but
    the first carries its separator, hidden on the first shown."""
    spec = venue.hours.spec if venue.hours is not None else None
    if spec is None:
        return None
    days = [day for day in (ctx.today + dt.timedelta(days=offset) for offset in range(CLOSED_DAYS_AHEAD))
            if spec.closed_on(day) or any(closure.start.first_day() <= day <= closure.end.last_day()
                                          for closure in venue.closed)]
    gap = f'<span class="kh-gap">{list_gap(lang)}</span>'
    spans = [f'<span data-closed="{day.isoformat()}"{" hidden" if number >= CLOSED_DAYS_SHOWN else ""}>'
             f'{gap if number else ""}{md_text(format_day_of_year(day, lang))}</span>' for number, day in enumerate(days)]
    return (f'<span class="kh-closed-days" data-shown="{CLOSED_DAYS_SHOWN}">{"".join(spans)}</span>'
            if spans else None)


def practical_facts(ctx: PageContext, venue: Venue, lang: str) -> list[str]:
    """Opening hours (or open-air), admission, phone, website, step-free access and the stop, as
    fact lines; each fact read from a source ends with the day it was checked."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    facts = []
    if venue.hours is not None:
        spec = md_text(hours_text(venue.hours.spec, lang)) if venue.hours.spec else ""
        value = _with_note(ctx, spec, venue.hours.note, lang) if spec else md_inline(venue.hours.note, lang)
        value = with_checked(ctx, value, venue.hours, t("label_hours"), lang)
        if venue.hours.spec:  # a week's timetable, which a visitor on 1 January took for that day's (a
            # Korean walkthrough): the holidays' note is on Plan your visit
            value += SENTENCE_GAP + t("hours_holidays").format(url="../visit/index.md#holidays")
        facts.append(ctx.line("material-clock-outline", "label_hours", value, lang))
        closed = closed_days_ahead(ctx, venue, lang)
        if closed:  # out of the search index: the days of one build
            facts.append(ctx.line("material-calendar-remove", "label_closed_ahead", closed, lang) + _OUT_OF_SEARCH)
    elif venue.open_air:
        facts.append(ctx.line("material-clock-outline", "label_hours", md_text(t("hours_open_air")), lang)
                     + _OUT_OF_SEARCH)
    elif venue.category in HOURS_MATTER:  # said, not left out: a visitor could not tell "none found" from
        # "forgotten" on three museums' pages (a Korean walkthrough); not "check its site" where it has
        # none (a Japanese walkthrough looked for the military-history museum's)
        not_found = t("hours_not_found") if venue.website else t("hours_not_found_ask")
        facts.append(ctx.line("material-clock-outline", "label_hours", md_text(not_found), lang) + _OUT_OF_SEARCH)
    if venue.category == "riverside":  # where a visitor stands by the frozen river (a Chinese walkthrough
        # planning a February trip found the warning only on Plan your visit)
        ice = t("river_ice").format(url="../visit/index.md#river-ice")
        facts.append(ctx.line("material-snowflake-alert", "label_river_ice", ice, lang))
    if venue.tickets is not None:
        tickets = venue.tickets
        value = t("tickets_free") if tickets.free else (
            t("tickets_price").format(price=price_text(tickets.price, lang)) if tickets.price else t("tickets_paid"))
        value = _with_note(ctx, md_text(value), tickets.note, lang)
        value = with_checked(ctx, value, tickets, t("label_tickets"), lang)
        facts.append(ctx.line("material-ticket-outline", "label_tickets", value, lang))
    if venue.phone is not None:
        number = f'<a href="{html.escape(tel_href(venue.phone.number))}" lang="zxx">{md_text(venue.phone.number)}</a>'
        value = _with_note(ctx, number, venue.phone.note, lang)
        value = with_checked(ctx, value, venue.phone, t("label_phone"), lang)
        facts.append(ctx.line("material-phone", "label_phone", value, lang))
    if venue.website:
        facts.append(ctx.line("material-web", "label_website", external_link(venue.website, _website_label(venue.website)), lang))
    if venue.step_free is not None:
        value = t("step_free_yes") if venue.step_free.available else t("step_free_no")
        value = _with_note(ctx, md_text(value), venue.step_free.note, lang)
        value = with_checked(ctx, value, venue.step_free, t("label_step_free"), lang)
        facts.append(ctx.line("material-human-wheelchair", "label_step_free", value, lang))
    if venue.stop is not None:
        stop = venue.stop
        name = md_inline(stop.name, lang)
        if lang != "ru":  # as on the sign and in the announcements
            name += aside(in_language(md_text(stop.name.ru), "ru", lang), lang)  # its Russian name
        if stop.routes is not None and routes_text(stop.routes, ctx.strings, lang):
            name = t("stop_routes").format(stop=name, routes=md_text(routes_text(stop.routes, ctx.strings, lang)))
        name = with_checked(ctx, name, stop, t("label_stop"), lang)
        facts.append(ctx.line("material-bus-stop", "label_stop", name, lang))
    return facts


TAXI_REQUEST = "Отвезите меня по этому адресу, пожалуйста"  # as Plan your visit's phrases write it


def taxi_block(ctx: PageContext, venue: Venue, lang: str) -> str:
    """The place's Russian name and its Russian address in large type, the address selected whole
    with one tap (site.css: user-select: all) to copy it into a taxi app, both to show a driver
    under the Russian for "Please take me to this address" (a walkthrough found the phrase only on
    Plan your visit, not on the card she showed); on zh, ja and ko pages also the English address,
    labelled, for apps that want Latin letters. Not on Russian pages: their name and address are these."""
    if lang == "ru":
        return ""
    lines = [
        '<div class="taxi-address" id="taxi">',
        f'<p class="taxi-address__label">{html.escape(ctx.t("taxi_address", lang))}</p>',
        f'<p class="taxi-address__ask" lang="ru" translate="no">{TAXI_REQUEST}</p>',
        f'<div class="taxi-address__name" lang="ru" translate="no">{html.escape(venue.name.ru)}</div>',
        f'<div class="taxi-address__text" lang="ru" translate="no">{html.escape(venue.address.ru)}</div>',
    ]
    if lang in ("zh", "ja", "ko") and venue.address.shown_in(lang) == lang:
        label = html.escape(ctx.t("label_address_latin", lang))
        lines.append(f'<p class="taxi-address__latin">{label}{html.escape(colon(lang))}'
                     f'<span lang="en">{html.escape(venue.address.en)}</span></p>')
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def map_apps_block(ctx: PageContext, venue: Venue, lang: str) -> str:
    """Buttons that open the venue in the map apps used in Russia and abroad (brand names are not
    for machine translation: translate="no")."""
    urls = map_app_urls(venue, lang)
    links = " ".join(
        f'<a class="md-button map-app map-app--{key}" href="{html.escape(urls[key])}" translate="no">'
        f'{html.escape(ctx.t(f"map_app_{key}", lang)).replace("StreetMap", "Street<wbr>Map")}</a>'
        for key in MAP_APPS
    )
    label = html.escape(ctx.t("label_map_apps", lang) + colon(lang).rstrip())
    return f'<p class="map-apps"><span class="map-apps__label">{label}</span> {links}</p>\n'


def routes_section(ctx: PageContext, venue: Venue, lang: str) -> str:
    """The walking routes that stop at `venue`, each with the stop's number («Stop 3 of 15»);
    nothing where none does."""
    cards = [
        Card(url=f"../../routes/{route.id}/", title=md_inline(route.title, lang), icon=ROUTE_ICON, kind="route",
             meta=[meta_line("material/map-marker-multiple", md_text(ctx.t("venue_route_stop", lang).format(
                 number=number, count=len(route.stops))))])
        for route in ctx.data.routes.values()
        for number, stop in enumerate(route.stops, start=1) if stop.venue == venue.id
    ]
    return f"## {ctx.t('venue_on_routes', lang)}\n\n{cards_html(cards)}\n" if cards else ""


def nearby_venues(ctx: PageContext, venue: Venue) -> list[tuple[Venue, float]]:
    """The other venues within NEARBY_KM of `venue` in a straight line, the nearest first (at most
    NEARBY_COUNT), with their distance in km."""
    around = sorted(
        ((other, distance_km(venue.lat, venue.lon, (other.lat, other.lon)))
         for other in ctx.data.venues.values() if other.id != venue.id),
        key=lambda pair: (pair[1], pair[0].id),
    )
    return [(other, km) for other, km in around if km <= NEARBY_KM][:NEARBY_COUNT]


def nearby_section(ctx: PageContext, venue: Venue, lang: str) -> str:
    """"Nearby": cards of the venues within a walk, each with its distance and time on foot (a
    straight line: the page says so, as a route's page does); nothing where none is that close."""
    nearby = nearby_venues(ctx, venue)
    if not nearby:
        return ""
    cards = cards_html([
        Card(url=f"../{other.id}/", title=md_inline(other.name, lang), icon=VENUE_ICONS[other.category], kind="venue",
             meta=[meta_line("material/walk", md_text(ctx.t("nearby_distance", lang).format(
                 distance=distance_text(km, lang), time=minutes_text(walking_minutes(km), lang))))])
        for other, km in nearby
    ], css_class="kh-cards--grid")
    return f"## {ctx.t('venues_nearby', lang)}\n\n{cards}\n"


def venue_page(ctx: PageContext, venue: Venue, lang: str) -> str:
    """/venues/<id>/: what the place is (its description, first: on a phone the facts and the map fill
    the first two screens), category, address, practical facts, the Russian address for a taxi
    driver, map-app links, map, the walking routes that stop here, the places nearby, events."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    address = md_inline(venue.address, lang)
    if lang != "ru":  # the card for a taxi driver is below the facts, which a long admission note made two
        # screens in the cold (a Korean walkthrough): one tap to it
        address += f" · [{md_text(t('taxi_jump'))}](#taxi)"
    facts = [
        ctx.line("material-tag", "label_category", t(f"venue_category_{venue.category}"), lang),
        ctx.line("material-map-marker", "label_address", address, lang),
        *practical_facts(ctx, venue, lang),
    ]
    coordinates = f"{venue.lat:.4f}, {venue.lon:.4f}"
    facts.append(
        ctx.line("material-crosshairs-gps", "label_coordinates", osm_link(venue.lat, venue.lon, coordinates), lang)
    )
    if venue.capacity:
        capacity = format_decimal(venue.capacity, format=number_pattern(venue.capacity, lang), locale=babel_locale(lang))
        facts.append(ctx.line("material-account-group", "label_capacity", capacity, lang))

    events = ctx.events_at_venue.get(venue.id, [])
    parts = [
        front_matter(venue.description[lang]),
        f"# {md_inline(venue.name, lang)}\n",
        back_link(t('back_to_venues'), "index.md") + "\n",
        md_paragraphs(venue.description, lang) + "\n",
        closure_notices(ctx, venue, lang),
        "\n".join(facts) + "\n",
        taxi_block(ctx, venue, lang),
        map_apps_block(ctx, venue, lang),
        MAP_MARKER + "\n",
        # the walks and the places around before the events: eleven event cards pushed them 3,800 px
        # down a phone at Lenin Square (a design review)
        routes_section(ctx, venue, lang),
        nearby_section(ctx, venue, lang),
        event_sections(ctx, events, lang, ctx.chronicle_at_venue.get(venue.id, []))
        or f"## {t('events_here')}\n\n{t('venue_no_events')}\n",
        ctx.sources(venue.sources, lang),
    ]
    return "\n".join(part for part in parts if part)


def near_me_block(ctx: PageContext, lang: str) -> str:
    """A button that lists the places nearest to the visitor (docs/javascripts/near-me.js, which
    does the rest): the places (name, page, coordinates), the city's bounds and the texts are data
    attributes, JSON escaped for HTML."""
    places = [{"name": venue.name[lang], "url": f"{venue.id}/", "lat": venue.lat, "lon": venue.lon}
              for venue in ctx.data.venues.values()]
    texts = {"distance": ctx.t("distance_value", lang), "found": ctx.t("venues_near_me_found", lang),
             "far": ctx.t("venues_near_me_far", lang), "failed": ctx.t("map_locate_failed", lang)}

    def attribute(value) -> str:
        return html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=True)

    return (
        f'<div class="near-me" data-places="{attribute(places)}" data-texts="{attribute(texts)}" '
        f'data-city="{attribute(city_corners())}">\n'
        f'<button type="button" class="md-button near-me__button">{icon_svg("material/crosshairs-gps")}'
        f'{html.escape(ctx.t("venues_near_me", lang))}</button>\n'
        '<p class="near-me__note" role="status"></p>\n'
        '<ol class="near-me__list" hidden></ol>\n'
        "</div>\n\n"
        f'<script src="{language_root(lang)}javascripts/near-me.js" async></script>\n'
    )


def venues_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /venues/: the map, the places nearest to the visitor on request, then
    every venue by category (the map's text version)."""
    by_category: dict[str, list[Venue]] = {}
    # by name, those not yet named in this language last (an editor's new museum, named in English
    # only, came first on the Chinese list: Latin letters sort before the others)
    for venue in sorted(ctx.data.venues.values(), key=lambda v: (v.name.shown_in(lang) != lang, v.name[lang])):
        by_category.setdefault(venue.category, []).append(venue)
    lines = [MAP_MARKER, "", near_me_block(ctx, lang)]
    for category in typing.get_args(VenueCategory):
        if category not in by_category:
            continue
        lines += ["", f"## {ctx.t(f'venue_category_{category}', lang)}", ""]
        lines.append(cards_html([  # cards with the category's icon (citysite/cards.py); URLs as built
            Card(url=f"{venue.id}/", title=md_inline(venue.name, lang), icon=VENUE_ICONS[category], kind="venue",
                 meta=[meta_line("material/map-marker", md_inline(venue.address, lang))],
                 # what the place is, to choose by (a design review: a name and an address said nothing)
                 text=in_language(md_text(venue.description.first_sentence(lang)), venue.description.shown_in(lang),
                                  lang))
            for venue in by_category[category]
        ], css_class="kh-cards--grid"))
    lines += ["", open_data_line(ctx, lang, "venues.geojson")]
    return "\n".join(lines) + "\n"
