"""The site's cards and calendar chips, as HTML, for any list that shows events, venues or routes
(styled by docs/stylesheets/identity.css, the same in every language).

    <ul class="kh-cards">
      <li class="kh-card kh-card--event">            one card; the whole card is the link's target
        <div class="kh-card__media">...</div>        optional picture (or the calendar chip)
        <div class="kh-card__body">
          <h3 class="kh-card__title"><svg .../> <a href="...">Title</a></h3>
          <p class="kh-card__meta">...</p>           optional lines: date, place, category
          <p class="kh-card__text">...</p>           optional sentence
        </div>
      </li>
    </ul>

Icons are those Material bundles (.icons/material/*.svg), inlined so that they cost no request.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import material
from babel.dates import format_skeleton

from .errors import SiteError
from .languages import babel_locale

ICONS = Path(material.__file__).parent / "templates" / ".icons"

# The category icons of the site, the same on cards, maps and pages.
EVENT_ICONS = {  # data/events.yml `category`
    "holiday": "material/flag-variant", "festival": "material/party-popper", "concert": "material/music",
    "fair": "material/storefront", "exhibition": "material/image-frame", "museum": "material/bank",
    "sports": "material/trophy", "religious": "material/church",
}
VENUE_ICONS = {  # data/venues.yml `category`
    "square": "material/city", "riverside": "material/waves", "park": "material/tree", "monument": "material/pillar",
    "museum": "material/bank", "stage": "material/theater", "church": "material/church", "sports": "material/stadium",
    "transport": "material/train",
}
ROUTE_ICON = "material/walk"
DEFAULT_ICON = "material/calendar-star"


@functools.cache
def icon_svg(name: str) -> str:
    """A bundled icon ("material/ferry") as inline SVG, hidden from screen readers (the text beside
    it says the same)."""
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise SiteError("hooks/citysite/cards.py", None, f"Material bundles no icon '{name}'",
                        "pick one from material/templates/.icons/ (the icon search on Material's site)")
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="kh-icon" aria-hidden="true" focusable="false" ', 1)


def date_chip(first: dt.date, last: dt.date, lang: str, exact: bool = True, under_way: str = "",
              now: str = "") -> str:
    """The calendar chip of an event: the month over the day(s) ("May" / "30", "5月" / "27–28"), as
    <time>; the month alone while only the month is known (`exact` false); `under_way` ("Now")
    instead of a month long past for an event that began before today and goes on; `now`, the same
    word for a page read after the event has begun (data-from, data-now: past-events.js shows it on
    a page saved on a phone). Screen readers read the full date written beside it instead (the chip
    is hidden from them), and so does the search index (data-search-exclude: its result would read
    "May30City Day")."""
    month = under_way or format_skeleton("MMM", first, locale=babel_locale(lang))
    day = ""
    if exact and not under_way:
        same_month = (last.year, last.month) == (first.year, first.month)
        dash = "~" if lang == "ko" else "–"  # Korean dates read «6~7일» (zh and ja keep the narrow dash)
        day = f"{first.day}{dash}{last.day}" if last != first and same_month else str(first.day)
    stamp = first.isoformat() if exact else f"{first:%Y-%m}"
    day_html = f'<span class="kh-date__day">{escape(day)}</span>' if day else ""
    later = f' data-from="{first.isoformat()}" data-now="{escape(now, quote=True)}"' if now and not under_way else ""
    return (f'<time class="kh-date" datetime="{stamp}"{later} aria-hidden="true" data-search-exclude>'
            f'<span class="kh-date__month">{escape(month)}</span>{day_html}</time>')


@dataclass
class Card:
    """One card: a linked title (HTML, escaped), an icon, and what else it shows."""

    url: str
    title: str  # HTML
    icon: str | None = None  # "material/ferry"
    kind: str = ""  # "event", "venue", "route", "task", "season": a class for the list's look
    meta: list[str] = field(default_factory=list)  # HTML lines under the title
    text: str = ""  # HTML, a sentence or two
    media: str = ""  # HTML: a picture, or a date chip
    until: dt.date | None = None  # an event's last day: a saved page hides it after (past-events.js)
    spare: bool = False  # hidden, shown by a saved page in place of an event that has ended (past-events.js)
    label: str = ""  # the title link's name for screen readers when its words alone do not say where it goes

    def html(self, heading: int = 3) -> str:
        icon = icon_svg(self.icon) if self.icon else ""
        kind = f" kh-card--{self.kind}" if self.kind else ""
        media = f'<div class="kh-card__media">{self.media}</div>' if self.media else ""
        meta = "".join(f'<p class="kh-card__meta">{line}</p>' for line in self.meta)
        text = f'<p class="kh-card__text">{self.text}</p>' if self.text else ""
        until = f' data-until="{self.until.isoformat()}"' if self.until else ""
        until += " hidden data-spare" if self.spare else ""
        label = f' aria-label="{escape(self.label, quote=True)}"' if self.label else ""
        return (
            f'<li class="kh-card{kind}"{until}>{media}<div class="kh-card__body">'
            f'<h{heading} class="kh-card__title">{icon}<a href="{escape(self.url)}"{label}>{self.title}</a></h{heading}>'
            f"{meta}{text}</div></li>"
        )


def cards_html(cards: list[Card], heading: int = 3, css_class: str = "") -> str:
    """A list of cards; `css_class` adds a layout ("kh-cards--wide")."""
    extra = f" {css_class}" if css_class else ""
    return f'<ul class="kh-cards{extra}">{"".join(card.html(heading) for card in cards)}</ul>'


def meta_line(icon: str, html: str, aria_hidden: bool = False) -> str:
    """A line of a card with a small icon in front ("material/map-marker", the place); `aria_hidden`
    for a line the card's link already says to screen readers (they would hear it twice)."""
    hidden = ' aria-hidden="true"' if aria_hidden else ""
    return f"{icon_svg(icon)}<span{hidden}>{html}</span>"
