"""What every generated page shares: data text made safe for Markdown, the facts computed once per
run (upcoming dates, events per venue and per partner city), and the small pieces of Markdown
(a labelled line, a list of sources, where an event happens) that pages repeat."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


from ..data import SiteData
from ..data.model import Address, ChronicleEntry, Event, Text
from ..data.sources import public_sources, source_parts
from ..dates import format_span
from ..languages import colon, language_prefix, names_list
from ..places import Location, event_locations
from ..schedule import Occurrence, next_occurrence, upcoming
from ..timing import occurrence_text

# Characters with a meaning in Markdown, its extensions (emoji :name:, attr_list {...}, tables |,
# details ???) or HTML. Data text shows them literally as numeric character references.
_SPECIAL = frozenset("\\`*_{}[]()#+-.!|:<>&~^=$?\"")
_AS_REFERENCES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
# Line breaks and ordinary spaces become one space; a no-break space stays (str.split() took it too).
_LINE_BREAKS_AND_SPACES = re.compile(r"[ \t\r\n]+")


def md_text(text: str) -> str:
    """Data text for a line of Markdown: shows literally, whatever it contains; one line (no-break
    spaces kept: «43\u00a0410», «350\u00a0m»)."""
    return _LINE_BREAKS_AND_SPACES.sub(" ", text).strip(" ").translate(_AS_REFERENCES)


def in_language(markdown: str, written_in: str, lang: str) -> str:
    """Inline Markdown marked with its language when it is not the page's (English standing in
    for a missing translation, a Russian address), for screen readers, fonts and tests."""
    return markdown if written_in == lang else f'<span lang="{written_in}">{markdown}</span>'


def md_inline(value: Text | Address, lang: str) -> str:
    """A data text in `lang` for a line of Markdown, escaped and marked if shown in English."""
    return in_language(md_text(value[lang]), value.shown_in(lang), lang)


def md_paragraphs(value: Text, lang: str) -> str:
    """A data text in `lang` as Markdown paragraphs (blank lines in the data separate them)."""
    written_in = value.shown_in(lang)
    parts = [md_text(part) for part in value.paragraphs(lang)]
    if written_in != lang:
        parts = [f'<p lang="{written_in}">{part}</p>' for part in parts]
    return "\n\n".join(parts)


def external_link(url: str, label: str | None = None, name: str | None = None) -> str:
    """A link out of the site (data URLs are validated http(s) addresses) as escaped inline HTML,
    showing the address, a host name or coordinates: text without a language (lang="zxx"); `name`,
    when given, is what a screen reader says instead (the label, then what the link is for), in the
    page's language: the link's text alone is marked lang="zxx" then, as the label said in no
    language was read in none (an accessibility walkthrough)."""
    href, shown = html.escape(url, quote=True), md_text(label or url)
    if name:
        return f'<a href="{href}" aria-label="{html.escape(name, quote=True)}"><span lang="zxx">{shown}</span></a>'
    return f'<a href="{href}" lang="zxx">{shown}</a>'


def readable_host(url: str) -> str:
    """The host name of `url` as its readers write it: a Cyrillic domain in Cyrillic (двхм.рф, not
    xn--b1adz9a.xn--p1ai)."""
    host = urlsplit(url).hostname or ""
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def source_label(url: str, longest: int = 48) -> str:
    """A web source named by its host, path and query, to tell apart pages of one site
    (hkm.ru/en/building/amurskij-utes, kdksrus.ru/news?id=256); shortened with "…" past `longest`
    characters."""
    parts = urlsplit(url)
    path = unquote(parts.path).strip("/") + (f"?{unquote(parts.query)}" if parts.query else "")
    label = f"{readable_host(url)}/{path}" if path else readable_host(url)
    return label if len(label) <= longest else label[:longest - 1] + "…"


def source_labels(urls: list[str], numbered: bool = False) -> list[str]:
    """How each of a list's web sources is named: by its host, or where the list has several pages
    of that host, by host and path (source_label) or, `numbered`, by host and number (hab.aif.ru 1,
    hab.aif.ru 2: a path of Russian words in Latin letters reads as noise in a fact's short note)."""
    hosts, seen = Counter(readable_host(url) for url in urls), Counter[str]()
    labels = []
    for url in urls:
        host = readable_host(url)
        seen[host] += 1
        labels.append(host if hosts[host] == 1 else f"{host} {seen[host]}" if numbered else source_label(url))
    return labels


def back_link(label: str, target: str) -> str:
    """"← All events": the link from an entry's page back to its list (class kh-back: left off a
    printed page, with the buttons, site.css)."""
    return f"[:material-arrow-left: {label}]({target}){{ .kh-back }}"


def front_matter(description: str) -> str:
    """The page's meta description (Material inserts it into an attribute as it is: escape it)."""
    text = " ".join(description.split())
    if len(text) > 200:
        text = text[:199].rsplit(" ", 1)[0] + "…"
    return f"---\ndescription: {json.dumps(html.escape(text, quote=True), ensure_ascii=False)}\n---\n\n"


@dataclass
class PageContext:
    """The data and what pages derive from it, computed once per run for all languages: each yearly
    event's occurrences in the next 12 months (`upcoming`, from the build date `today`) and its next
    one however far (`next`), the events usually held at each venue (soonest first), and the 2019
    chronicle's entries by venue and by partner city (in date order)."""

    data: SiteData
    today: dt.date
    strings: dict[str, dict[str, str]]
    upcoming: dict[str, list[Occurrence]] = field(default_factory=dict)
    next: dict[str, Occurrence | None] = field(default_factory=dict)
    events_at_venue: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    chronicle_at_venue: dict[str, list[ChronicleEntry]] = field(default_factory=lambda: defaultdict(list))
    events_with_partner: dict[str, list[ChronicleEntry]] = field(default_factory=lambda: defaultdict(list))
    by_language: dict[str, dict[str, str]] = field(default_factory=dict)  # strings_in, made once per language

    def __post_init__(self) -> None:
        events = self.data.events.values()
        self.upcoming = {event.id: upcoming(event, self.today) for event in events}
        self.next = {event.id: next_occurrence(event, self.today) for event in events}
        for event in sorted(events, key=self.date_key):
            for venue in event.venues:
                self.events_at_venue[venue].append(event)
        for entry in sorted(self.data.chronicle.values(), key=self.chronicle_key):
            for venue in entry.venues:
                self.chronicle_at_venue[venue].append(entry)
            for city in dict.fromkeys([*entry.partners, *([entry.city] if entry.city else [])]):
                if city in self.data.partners:
                    self.events_with_partner[city].append(entry)

    def date_key(self, event: Event) -> tuple:
        """Sort key of a yearly event: when its next occurrence starts (today for one that is on);
        of two that start together, the one that lasts longer first (a New Year town on for two
        months before a contest of four days in the same late December)."""
        return self._occurrence_key(event, self.next[event.id])

    def _occurrence_key(self, event: Event, occurrence: Occurrence | None) -> tuple:
        if occurrence is None:
            return (dt.date.max, dt.time(), 0, event.id)
        return (max(occurrence.first, self.today), occurrence.time or dt.time(),
                -occurrence.last.toordinal(), event.id)

    @staticmethod
    def chronicle_key(entry: ChronicleEntry) -> tuple:
        start = entry.start
        return (start.first_day(), start.hour or 0, start.minute or 0, entry.id)

    def coming_up(self) -> list[tuple[Event, Occurrence]]:
        """The next events from the build date, soonest first (those already on first), each once
        at its next occurrence in the next 12 months."""
        return [(event, self.upcoming[event.id][0]) for event in sorted(self.data.events.values(), key=self.date_key)
                if self.upcoming[event.id]]

    def every_occurrence(self) -> list[tuple[Event, Occurrence]]:
        """Each event at each of its occurrences in the next 12 months, soonest first (those already
        on first): the hockey season under way and the next one, from September, both."""
        found = [(event, occurrence) for event in self.data.events.values()
                 for occurrence in self.upcoming[event.id]]
        return sorted(found, key=lambda entry: self._occurrence_key(*entry))

    def t(self, key: str, lang: str) -> str:
        return self.strings[key][lang]

    def strings_in(self, lang: str) -> dict[str, str]:
        """Every interface string in `lang` (made once per run and language: every event page asks)."""
        if lang not in self.by_language:
            self.by_language[lang] = {key: texts[lang] for key, texts in self.strings.items()}
        return self.by_language[lang]

    # --- pieces of Markdown -----------------------------------------------------------------------

    def line(self, icon: str, label_key: str, value: str, lang: str) -> str:
        """One fact of a page as a list item: icon, bold label, value (already Markdown)."""
        mark = colon(lang)
        return f"- :{icon}: **{self.t(label_key, lang)}{mark.strip()}**{mark[1:]}{value}"

    def event_dates(self, event: Event | ChronicleEntry, lang: str) -> str:
        """When it happens, as a visitor plans for it: a chronicle entry's dates; a yearly event's
        next occurrence (its usual period while the dates are not announced)."""
        if isinstance(event, ChronicleEntry):
            return format_span(event.start, event.end, lang)
        occurrence = self.next[event.id]
        strings = {key: texts[lang] for key, texts in self.strings.items()}
        return occurrence_text(occurrence, lang, strings) if occurrence is not None else ""

    def locations(self, event: Event | ChronicleEntry, lang: str) -> list[Location]:
        return event_locations(self.data, event, lang, self.t("khabarovsk", lang))

    def event_place(self, event: Event | ChronicleEntry, lang: str, link_prefix: str | None = None) -> str:
        """Where an event happens, in Markdown; venues and partner cities link to their pages when
        `link_prefix` (the relative path to the sections' folders, e.g. "../") is given."""
        parts = []
        for place in self.locations(event, lang):
            text = in_language(md_text(place.name), place.name_lang, lang)
            if link_prefix is not None and place.section:
                text = f"[{text}]({link_prefix}{place.section}/{place.id}.md)"
            if place.section == "partners":
                country = md_text(self.data.country_name(place.country, lang))
                text = self.t("place_in_country", lang).format(place=text, country=country)
            parts.append(text)
        return names_list(parts, lang)

    def event_item(self, event: Event | ChronicleEntry, lang: str, events_path: str = "") -> str:
        """An entry in a list: date, linked title (`events_path` leads to its folder), place."""
        title = md_inline(event.title, lang)
        place = self.event_place(event, lang)
        return f"- **{self.event_dates(event, lang)}** · [{title}]({events_path}{event.id}.md) · {place}"

    def sources(self, sources: list[str], lang: str) -> str:
        """The "Sources" a visitor can follow: web pages (linked) and the 2019 report (with the
        passage cited on Russian pages: the report is in Russian). The other kinds (datasets by id,
        estimates, general knowledge, notes for editors) stay in the data files: never on a page, a
        map or in the open data (citysite.data.sources.PUBLIC_KINDS)."""
        items = []
        public = [source_parts(source) for source in public_sources(sources)]
        labels = iter(source_labels([detail for kind, detail in public if kind == "page"]))
        for kind, detail in public:
            if kind == "page":
                items.append(f"- {external_link(detail, next(labels))}")
            elif kind == "seed":  # the report once, unless the passages are shown (in Russian)
                extra = f" ({md_text(detail)})" if detail and lang == "ru" else ""
                item = f"- {md_text(self.t('source_report_2019', lang))}{extra}"
                if item not in items:
                    items.append(item)
        if not items:
            return ""
        return f"## {self.t('label_sources', lang)} {{: .kh-sources }}\n\n" + "\n".join(items) + "\n"


def language_root(lang: str) -> str:
    """The relative path from a section's index page (events/index.md) to the site root."""
    return "../" * (1 + language_prefix(lang).count("/"))
