"""The HTML inside a map: popups and legends, in the map's language, with every data text escaped."""

from __future__ import annotations

from html import escape

from ..data.model import Partner, Text, Venue
from ..dates import format_since, format_when
from ..languages import colon
from .context import MapContext


def _link(href: str | None, text: str, place: str, lang: str) -> str:
    """The link to a place's page, named with the place after its visible words ("Place details:
    Lenin Square"): a screen reader that reached it with the keyboard heard only "Place details",
    the same in every popup (an accessibility walkthrough)."""
    if href is None:
        return ""
    label = escape(f"{text}{colon(lang)}{place}", quote=True)
    return f'<a href="{escape(href)}" target="_top" aria-label="{label}">{escape(text)}</a>'


def _popup(lang: str, lines: list[str]) -> str:
    """The name in bold, then one line each; `lines` are already HTML."""
    name, *rest = [line for line in lines if line]
    return f'<div class="map-popup" lang="{lang}"><strong>{name}</strong>{"<br>".join(rest)}</div>'


def _in_language(text: Text, lang: str) -> str:
    """A data text in the popup's language, escaped; marked lang="en" when English stands in for it
    (a missing translation), so that the popup's own lang stays true for what it shows."""
    shown = text.shown_in(lang)
    return escape(text[lang]) if shown == lang else f'<span lang="{shown}">{escape(text[lang])}</span>'


def _russian_address(venue: Venue, lang: str) -> str:
    """The Russian address under the reader's, for a taxi driver or a street sign (none on Russian maps)."""
    return "" if lang == "ru" else f'<span lang="ru">{escape(venue.address["ru"])}</span>'


def _venue_link(ctx: MapContext, venue: Venue) -> str:
    return _link(ctx.link_from_maps(f"venues/{venue.id}.md"), ctx.t("map_venue_link"), venue.name[ctx.lang], ctx.lang)


def venue_popup(ctx: MapContext, venue: Venue, *, link: bool = True) -> str:
    """Name, category, address (in the map's language: zh, ja and ko have their own, then the Russian
    one) and (unless the map is on the venue's own page) a link to its page."""
    return _popup(ctx.lang, [
        _in_language(venue.name, ctx.lang),
        escape(ctx.t(f"venue_category_{venue.category}")),
        _in_language(venue.address, ctx.lang),
        _russian_address(venue, ctx.lang),
        _venue_link(ctx, venue) if link else "",
    ])


def route_stop_popup(ctx: MapContext, number: int, venue: Venue) -> str:
    """A route's stop: its number and name, the venue's category and addresses, a link to its page."""
    return _popup(ctx.lang, [
        escape(ctx.t("route_stop_title").format(number=number, name=venue.name[ctx.lang])),
        escape(ctx.t(f"venue_category_{venue.category}")),
        escape(venue.address[ctx.lang]),
        _russian_address(venue, ctx.lang),
        _venue_link(ctx, venue),
    ])


def partner_popup(ctx: MapContext, partner: Partner) -> str:
    """Name, country (as the site names it in the map's language), status, since when, a suspension or
    exchanges on hold (a Niigata official's map showed the sister city and not the pause), and a link
    to its page."""
    country = ctx.countries.get(partner.country, partner.country)
    since = f"{ctx.t('label_since')}{colon(ctx.lang)}{format_when(partner.since, ctx.lang)}" if partner.since else ""
    return _popup(ctx.lang, [
        escape(partner.name[ctx.lang]),
        escape(country),
        escape(ctx.t(f"partner_status_{partner.status}")),
        escape(since),
        *(escape(ctx.t(f"{pause}_value").format(date=format_since(date, ctx.lang))) for pause, date in partner.pauses()),
        _link(ctx.link_from_maps(f"partners/{partner.id}.md"), ctx.t("map_partner_link"), partner.name[ctx.lang],
              ctx.lang),
    ])


def home_popup(ctx: MapContext) -> str:
    return _popup(ctx.lang, [escape(ctx.t('khabarovsk'))])


def _legend(ctx: MapContext, rows: list[str]) -> str:
    return f"<summary>{escape(ctx.t('map_legend'))}</summary><ul>{''.join(rows)}</ul>"


def _swatch(marker_class: str) -> str:
    return f'<span class="map-swatch {marker_class}" aria-hidden="true"></span>'


def venue_legend(ctx: MapContext, categories: list[str]) -> str:
    """One row per venue category on the map: the pin's colour and the category's name."""
    return _legend(ctx, [
        f"<li>{_swatch(f'map-marker--{category}')}{escape(ctx.t(f'venue_category_{category}'))}</li>"
        for category in categories
    ])


def partner_legend(ctx: MapContext, statuses: list[str]) -> str:
    """Khabarovsk, then one row per status: the city's colour, its line's dashes and the status name."""
    rows = [f"<li>{_swatch('map-marker--home')}{escape(ctx.t('khabarovsk'))}</li>"]
    for status in statuses:
        line = (  # drawn like the lines on the map (map.css gives colour and dashes)
            f'<svg width="28" height="10" aria-hidden="true">'
            f'<line class="map-line map-line--{status}" x1="1" y1="5" x2="27" y2="5"/></svg>'
        )
        rows.append(
            f"<li>{_swatch(f'map-marker--city map-marker--{status}')}{line}"
            f"{escape(ctx.t(f'partner_status_{status}'))}</li>"
        )
    return _legend(ctx, rows)
