"""The walking routes: a page per route (summary, map, numbered stops linking their venues, the
distance and walking time to the next stop) and the list on /routes/, where the routes made for
the season of the build date come first (`best_in`: the winter walk from December to February).

Distances are in a straight line between the stops and the pages say so (citysite.walking).
"""

from __future__ import annotations

from ..cards import ROUTE_ICON, Card, cards_html, meta_line
from ..data.model import Route
from ..dates import format_span
from ..languages import colon
from ..practical import hours_text
from ..schedule import season_of
from ..walking import distance_text, minutes_text, route_km, route_legs, route_minutes, speed_text
from .common import PageContext, back_link, front_matter, in_language, md_inline, md_paragraphs, md_text
from .venues import MAP_MARKER, closed_days_ahead, with_checked

INDENT = "    "  # the continuation of a list item in Markdown


def length_text(ctx: PageContext, route: Route, lang: str) -> str:
    """«2.9 km in a straight line from stop to stop, about 39 min on foot», escaped for Markdown."""
    legs = route_legs(ctx.data, route)
    text = ctx.t("route_length_value", lang).format(
        distance=distance_text(route_km(legs), lang), time=minutes_text(route_minutes(legs), lang))
    return md_text(text)


def stops_count(ctx: PageContext, route: Route, lang: str) -> str:
    """How many stops the route has, with the language's counter where it needs one (6곳)."""
    return ctx.t("route_stops_count", lang).format(n=len(route.stops))


def stops_list(ctx: PageContext, route: Route, lang: str) -> str:
    """The stops as an ordered list (numbered like the map's markers): the venue's name linking its
    page, the stop's text, its address (in Russian on the other languages' pages: a printed route
    shown to a taxi driver or a passer-by; a Chinese tour leader's print had none), its weekly
    hours (from its data: a route's own text kept a museum's old closing days after an editor had
    changed them), when the venue is closed, and the way to the next stop."""
    legs = route_legs(ctx.data, route)
    items = []
    for number, stop in enumerate(route.stops, start=1):
        venue = ctx.data.venues[stop.venue]
        lines = [f"{number}. **[{md_inline(venue.name, lang)}](../venues/{venue.id}.md)**", "",
                 f"{INDENT}{md_inline(stop.text, lang)}"]
        label = ctx.t("label_address" if lang == "ru" else "label_address_ru", lang)
        address = in_language(md_text(venue.address.ru), "ru", lang)
        lines += ["", f"{INDENT}:material-home-map-marker: {md_text(label)}{colon(lang)}{address}"]
        if venue.hours is not None and venue.hours.spec:  # where and when they were checked, as on its page
            label = ctx.t("label_hours", lang)
            hours = with_checked(ctx, md_text(hours_text(venue.hours.spec, lang)), venue.hours, label, lang)
            lines += ["", f"{INDENT}:material-clock-outline: {md_text(label)}{colon(lang)}{hours}"]
            closed = closed_days_ahead(ctx, venue, lang)
            if closed:
                label = md_text(ctx.t("label_closed_ahead", lang))
                lines += ["", f"{INDENT}:material-calendar-remove: **{label}{colon(lang).strip()}**{colon(lang)[1:]}{closed}",
                          f"{INDENT}{{: data-search-exclude }}"]
        for closure in venue.closures_ahead(ctx.today):  # the venue's page gives the reason and source
            closed = md_text(ctx.t("route_stop_closed", lang).format(dates=format_span(closure.start, closure.end, lang)))
            lines += ["", f"{INDENT}:material-alert-circle-outline: **{closed}**"]
        if number <= len(legs):
            leg = legs[number - 1]
            way = ctx.t("route_leg", lang).format(distance=distance_text(leg.km, lang),
                                                  direction=ctx.t(f"direction_{leg.direction}", lang),
                                                  time=minutes_text(leg.minutes, lang))
            lines += ["", f"{INDENT}:material-walk: *{md_text(way)}*"]
        items.append("\n".join(lines))
    # In a block of its own (md_in_html) for its look: numbered circles like the map's markers.
    return '<div class="kh-stops" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>\n"


def route_page(ctx: PageContext, route: Route, lang: str) -> str:
    """/routes/<id>/: the facts, the summary, the map, the stops in order, how distances are
    measured, and the sources."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    facts = [
        ctx.line("material-map-marker-multiple", "label_route_stops", stops_count(ctx, route, lang), lang),
        ctx.line("material-walk", "label_route_length", length_text(ctx, route, lang), lang),
    ]
    if route.season:
        facts.append(ctx.line("material-calendar-month", "label_season", md_inline(route.season, lang), lang))
    parts = [
        front_matter(route.summary[lang]),
        f"# {md_inline(route.title, lang)}\n",
        back_link(t('back_to_routes'), "index.md") + "\n",
        "\n".join(facts) + "\n",
        md_paragraphs(route.summary, lang) + "\n",
        MAP_MARKER + "\n",
        f"## {t('route_stops_heading')}\n",
        stops_list(ctx, route, lang),
        md_text(t("route_note").format(speed=speed_text(lang))) + "\n",
        ctx.sources(route.sources, lang),
    ]
    return "\n".join(part for part in parts if part)


def routes_in_order(ctx: PageContext) -> list[Route]:
    """The routes as listed: those made for this season first, then the others, each in the order
    of data/routes.yml."""
    season, _ = season_of(ctx.today)
    return sorted(ctx.data.routes.values(), key=lambda route: season not in route.best_in)


def route_cards(ctx: PageContext, lang: str, to_routes: str, short: bool = False,
                routes: list[Route] | None = None) -> list[Card]:
    """Each route (of `routes`; all of them by default) as a card with its summary, number of stops
    and length, in the order of the list (routes_in_order); `to_routes` leads from the page to
    /routes/. A `short` card (the home page) has its facts on one line and no summary: two full
    cards took 700 px of a phone's home page."""
    cards = []  # cards with the routes' icon (citysite/cards.py)
    for route in routes_in_order(ctx) if routes is None else routes:
        if short:
            legs = route_legs(ctx.data, route)
            line = ctx.t("route_card_short", lang).format(count=len(route.stops), distance=distance_text(
                route_km(legs), lang), time=minutes_text(route_minutes(legs), lang))
            meta = [meta_line("material/map-marker-path", md_text(line))]
            if route.season:  # when it is for: the winter walk was offered on 7 December, its ice towns not up
                meta.append(meta_line("material/calendar-range", in_language(
                    md_text(route.season.first_sentence(lang)), route.season.shown_in(lang), lang)))
            cards.append(Card(url=f"{to_routes}{route.id}/", title=md_inline(route.title, lang), icon=ROUTE_ICON,
                              kind="route", meta=meta))
            continue
        facts = [
            meta_line("material/map-marker-multiple",
                      f"{ctx.t('label_route_stops', lang)}{colon(lang)}{stops_count(ctx, route, lang)}"),
            meta_line("material/walk", f"{ctx.t('label_route_length', lang)}{colon(lang)}{length_text(ctx, route, lang)}"),
        ]
        cards.append(Card(url=f"{to_routes}{route.id}/", title=md_inline(route.title, lang), icon=ROUTE_ICON,
                          kind="route", meta=facts, text=md_inline(route.summary, lang)))
    return cards


def routes_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /routes/: each route with its summary, number of stops and length."""
    return cards_html(route_cards(ctx, lang, ""), heading=2, css_class="kh-cards--routes") + "\n"
