"""The offline guide (hooks/citysite/offline, issue 19) as built: every page links its language's web
app manifest and registers its language's service worker; the manifests, icons and the offline page
in five languages; what each worker keeps (the essential pages, what they load, the large maps) and
its size; the worker's version as a hash of those bytes; what an editor can get wrong. The same in
Chromium, online and offline: tests/test_offline_browser.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import struct
import subprocess
import sys
import types
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from citysite import offline
from citysite.config import load_options
from citysite.data import load_site_data
from citysite.errors import SiteError
from citysite.languages import language_prefix, load_ui_strings
from citysite.schedule import next_occurrence
from scripts import mkdocs_run
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, BuiltSite, plain, resolve

STRINGS = load_ui_strings(ROOT)
DATA = load_site_data(ROOT / "data")
PREFIX = {lang: language_prefix(lang) for lang in LANGUAGES}
# The visitor's essentials the issue lists (the phrases page does not exist yet); venue and route
# pages come from data/venues.yml and data/routes.yml.
ESSENTIALS = ("", "visit/", "events/", "venues/", "routes/", "partners/", "offline/")
REGISTER = re.compile(r'navigator\.serviceWorker\.register\("([^"]+)"\)')
# The tests' build date in Khabarovsk (UTC+10), the day the offline page's events are ordered from.
BUILD_DAY = (dt.datetime.fromtimestamp(int(mkdocs_run.SOURCE_DATE_EPOCH), dt.timezone.utc) + dt.timedelta(hours=10)).date()


def project_guide() -> offline.Guide:
    """The offline guide of the real project, as the build reads it."""
    config = types.SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra=_extra())
    return offline.Guide.load(config)


def _extra() -> dict:
    from mkdocs.utils import yaml_load

    return yaml_load((ROOT / "mkdocs.yml").open(encoding="utf-8"))["extra"]


def settings(worker_text: str) -> dict:
    """The SETTINGS a written worker holds."""
    start = worker_text.index("const SETTINGS = ") + len("const SETTINGS = ")
    return json.JSONDecoder().raw_decode(worker_text[start:])[0]


def kept(site: BuiltSite, lang: str) -> list[str]:
    return offline.worker_files(site.text(PREFIX[lang] + offline.WORKER))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


# --- every page ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_its_languages_manifest_and_registers_its_worker(site, lang):
    wrong = []
    for url in site.content_pages(lang):
        html = site.text(url)
        head = html[:html.index("</head>")]
        manifests = re.findall(r'<link rel="manifest" href="([^"]+)">', head)
        workers = REGISTER.findall(html)
        if [resolve(url, href) for href in manifests] != [PREFIX[lang] + offline.MANIFEST]:
            wrong.append(f"{url}: manifest {manifests}")
        if [resolve(url, src) for src in workers] != [PREFIX[lang] + offline.WORKER]:
            wrong.append(f"{url}: worker {workers}")
        if '<meta name="theme-color" content="#0b4a6f">' not in head:
            wrong.append(f"{url}: no theme-color")
    assert wrong == []


def test_the_worker_is_registered_after_the_page_has_loaded_and_asks_nothing(site):
    html = site.text("ru/visit/")
    script = html[html.index('if ("serviceWorker" in navigator)'):]
    script = script[:script.index("</script>")]
    assert 'addEventListener("load"' in script
    for asking in ("Notification", "PushManager", "beforeinstallprompt", "prompt(", "confirm(", "alert("):
        assert asking not in script
    worker = site.text("ru/sw.js")
    for asking in ('"push"', '"sync"', '"periodicsync"', "showNotification", "Notification", "pushManager"):
        assert asking not in worker, asking


# --- manifests and icons -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_an_installable_manifest(site, lang):
    manifest = json.loads(site.text(PREFIX[lang] + offline.MANIFEST))
    home = BeautifulSoup(site.text(PREFIX[lang]), "html.parser")
    site_name = home.find("meta", attrs={"property": "og:site_name"})["content"]
    assert manifest["name"] == STRINGS["app_name"][lang]
    assert manifest["short_name"] == site_name and len(site_name) <= 12
    assert manifest["lang"] == lang and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0b4a6f" and manifest["background_color"]
    assert manifest["description"]
    # start_url and scope: the language's folder, relative to the manifest (any host, any sub-path)
    manifest_url = "https://example.org/khabarovsk/" + PREFIX[lang] + offline.MANIFEST
    for key in ("start_url", "scope"):
        assert urljoin(manifest_url, manifest[key]) == "https://example.org/khabarovsk/" + PREFIX[lang]
    icons = {(icon["sizes"], icon["purpose"]): icon for icon in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _purpose), icon in icons.items():
        assert icon["type"] == "image/png"
        path = resolve(PREFIX[lang] + offline.MANIFEST, icon["src"])
        width, height = png_size(site.path_of(path).read_bytes())
        assert f"{width}x{height}" == sizes, path


def test_the_maskable_icon_fills_the_square_and_the_others_keep_the_rounded_corners(site):
    from PIL import Image

    with Image.open(site.path_of("images/icon-maskable-512.png")) as maskable:
        assert maskable.convert("RGBA").getpixel((0, 0))[3] == 255  # full bleed: the phone cuts its shape
        assert maskable.convert("RGB").getpixel((2, 2)) == (0x0b, 0x4a, 0x6f)
    with Image.open(site.path_of("images/icon-512.png")) as icon:
        assert icon.convert("RGBA").getpixel((0, 0))[3] == 0  # the rounded square of the favicon


# --- what each worker keeps ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_worker_keeps_the_essentials_of_its_language(site, lang):
    prefix, files = PREFIX[lang], set(kept(site, lang))
    pages = [prefix + url for url in ESSENTIALS]
    pages += [f"{prefix}venues/{venue}/" for venue in DATA.venues]
    pages += [f"{prefix}routes/{route}/" for route in DATA.routes]
    # every event's page: a Korean visitor offline in October found AmurFest's page not kept
    pages += [f"{prefix}events/{event}/" for event in DATA.events]
    assert [page for page in pages if page not in files] == []
    assert len(DATA.venues) >= 20 and len(DATA.routes) >= 1
    # what the pages load: the theme's and the site's styles and scripts, icons, the manifest
    home = site.text(prefix)
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', home) + re.findall(r'<script src="([^"]+)"', home):
        assert resolve(prefix, href) in files, href
    for path in ("favicon.ico", "images/favicon.svg", "images/logo.svg", "images/apple-touch-icon.png",
                 "images/icon-192.png", "images/icon-512.png", "images/icon-maskable-512.png",
                 prefix + offline.MANIFEST):
        assert path in files
    # the large maps (venues, partners, each route) and Leaflet; a venue's own small map is kept once seen
    for name in ("venues", "partners", *(f"route-{route}" for route in DATA.routes)):
        assert f"{prefix}maps/{name}.html" in files
    assert any(path.endswith("/leaflet.js") for path in files)
    assert [path for path in files if "/maps/venue-" in path] == []
    # this language only, this site only, every file there
    others = [PREFIX[other] for other in LANGUAGES if other != lang and PREFIX[other]]
    assert [path for path in files if any(path.startswith(folder) for folder in others)] == []
    assert [path for path in files if "://" in path or path.endswith(".map")] == []
    assert [path for path in files if not site.exists(path)] == []


def test_what_a_page_loads_is_read_from_its_tags_only():
    """Only real tags count: not a tag in a comment, in a script's text or inside an attribute value."""
    page = """<head><link rel="stylesheet" href="a.css"><link rel="alternate" href="/ru/">
    <!-- <img src="commented.png"> --><style>.x::after { content: "<img src=styled.png>" }</style>
    <script>var html = '<img src="scripted.png">';</script><script src="b.js" async></script></head>
    <body><img alt="a > b" src="c.png" srcset="c-1x.webp 1x, c-2x.webp 2x">
    <figure class="site-map site-map--small"><iframe data-src="small.html"></iframe></figure>
    <FIGURE><IFRAME SRC="large.html"></IFRAME></FIGURE></body>"""
    loads = offline._Loads().read(page)
    assert loads.files == ["a.css", "b.js", "c.png", "c-1x.webp", "c-2x.webp"]
    assert loads.frames == ["large.html"]  # a small map waits in data-src until it is seen


def test_a_tag_that_never_closes_does_not_hang_the_build():
    """An unbalanced quote in a tag that loads something must not make the reader backtrack: with
    a non-possessive pattern 16 letters took 9 seconds and each more letter doubled it, so 40
    letters would never finish. In a new process, stopped after a minute."""
    script = ("from citysite import offline; page = '<p><img src=x alt=' + 'a' * 40 + \"'</p>\"; "
              "print(offline._Loads().read(page).files)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_languages_precache_stays_under_2_mb(site, lang):
    weight = offline.precache_weight(site.root, lang)
    print(f"{lang}: {weight['files']} files, {weight['stored']:,} bytes stored, {weight['download']:,} downloaded")
    assert weight["download"] < offline.PRECACHE_BUDGET


def test_the_version_is_a_hash_of_the_kept_bytes(site, tmp_path):
    guide = project_guide()
    assert offline.worker(site.root, guide, "ru", "en") == site.text("ru/sw.js")  # the same bytes every build
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)

    def version_and_files(folder):
        values = settings(offline.worker(folder, guide, "ru", "en"))
        return values["version"], dict(values["files"])

    version, files = version_and_files(copy)
    (copy / "ru" / "cooperation" / "index.html").write_text("<p>changed</p>", encoding="utf-8")  # not kept
    assert version_and_files(copy) == (version, files)
    page = copy / "ru" / "visit" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>changed</p></article>"), encoding="utf-8")
    new_version, new_files = version_and_files(copy)
    assert new_version != version
    assert [path for path in files if files[path] != new_files[path]] == ["ru/visit/"]


# --- the offline page ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_offline_page_lists_what_is_kept_in_the_readers_language(site, lang):
    url = PREFIX[lang] + "offline/"
    page = site.page(url)
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text().rstrip("¶") == STRINGS["offline_title"][lang]
    assert STRINGS["offline_text"][lang] in page.select_one("article").get_text()
    # Safari deletes a site's saved pages after seven days of use without it: said, with its source
    webkit = page.select_one('article a[href^="https://webkit.org/blog/"]')
    assert webkit is not None and plain(STRINGS["offline_iphone"][lang].split("[")[0].rstrip()) in plain(webkit.parent.get_text())
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    links = {resolve(url, a["href"]) for a in page.select("article ul.kh-offline-pages a")}
    pages = {path for path in kept(site, lang) if path.endswith("/")} - {url}
    categories = {path for path in pages if "/category/" in path}  # kept, reached from the events list
    assert categories and links == pages - categories
    venue = DATA.venues[next(iter(DATA.venues))]
    assert venue.name[lang] in page.select_one("article").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_offline_page_lists_a_sections_pages_in_an_order_its_reader_can_follow(site, lang):
    """The events in the order they come from the build date (by title, a Korean visitor in January
    found Christmas and Epiphany near the bottom; in the data's order, from December, a summer
    visitor's list began with the New Year towns); the places by name in English, Russian and Korean,
    in the data's order in Chinese and Japanese, whose titles in code-point order looked random."""
    url = PREFIX[lang] + "offline/"
    listed = [resolve(url, a["href"]) for a in site.page(url).select("article ul.kh-offline-pages a")]
    for section, names in (("events", {event.id: event.title[lang] for event in DATA.events.values()}),
                           ("venues", {venue.id: venue.name[lang] for venue in DATA.venues.values()})):
        titles = {f"{PREFIX[lang]}{section}/{key}/": name for key, name in names.items()}
        shown = [link for link in listed if link in titles]
        assert shown, (url, section)
        if section == "events":
            first = {link: next_occurrence(DATA.events[link.rstrip("/").rsplit("/", 1)[1]], BUILD_DAY)
                     for link in shown}
            days = [max(first[link].first, BUILD_DAY) if first[link] else dt.date.max for link in shown]  # on now: today
            assert days == sorted(days), list(zip(shown, days))
        elif lang in ("zh", "ja"):
            assert shown == [link for link in titles if link in shown]
        else:
            names_shown = [titles[link].casefold() for link in shown]
            assert names_shown == sorted(names_shown)


def test_the_offline_page_is_left_out_of_the_menu_and_the_sitemap_and_searched_once(site):
    """Search engines are not sent to it; the site's own search finds it (a visitor searching
    "offline"), as one page with its text, not the list of kept pages the template adds."""
    assert "offline/" not in site.text("sitemap.xml")
    for lang in LANGUAGES:
        index = json.loads(site.text(PREFIX[lang] + "search/search_index.json"))
        found = [doc for doc in index["docs"] if doc["location"].startswith("offline/")]
        assert [doc["location"] for doc in found] == ["offline/"]
        assert STRINGS["offline_title"][lang] in found[0]["title"].replace("\u200b", "")  # jieba's word breaks
        home = site.page(PREFIX[lang])
        assert [a["href"] for a in home.select("nav a") if "offline" in a.get("href", "")] == []


# --- maps ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_map_can_say_that_tiles_need_a_connection(site, lang):
    for name in ("venues", "partners", f"venue-{next(iter(DATA.venues))}"):
        html = site.text(f"{PREFIX[lang]}maps/{name}.html")
        note = BeautifulSoup(html, "html.parser").select_one("p.map-tiles-note")
        assert note is not None and note.has_attr("hidden"), name
        assert note.get_text() == STRINGS["map_tiles_offline"][lang]
        assert "tileerror" in html


def test_the_worker_asks_only_the_tile_server_of_another_host(site):
    english = settings(site.text("sw.js"))
    assert re.match(english["tiles"], "https://tile.openstreetmap.org/12/3584/1415.png")
    assert not re.match(english["tiles"], "https://tile.openstreetmap.org/tracker.js")
    assert not re.match(english["tiles"], "https://cdn.example.com/12/3584/1415.png")
    assert english["maxTiles"] == 300
    # the worker at the site root leaves the other languages' folders to their own workers
    assert english["others"] == ["ru/", "zh/", "ja/", "ko/"] and settings(site.text("ru/sw.js"))["others"] == []


@pytest.mark.parametrize("template, url, matches", [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org/1/2/3.png", True),
    ("https://{s}.tile.example.net/{z}/{x}/{y}{r}.png", "https://b.tile.example.net/1/2/3@2x.png", True),
    ("https://{s}.tile.example.net/{z}/{x}/{y}{r}.png", "https://b.tile.example.net.evil.org/1/2/3.png", False),
])
def test_tile_urls(template, url, matches):
    assert bool(re.match(offline.tile_pattern(template), url)) is matches


def test_tiles_on_the_sites_own_host_are_the_sites_files():
    assert offline.tile_pattern("/__tiles__/{z}/{x}/{y}.png") is None


# --- what an editor can get wrong ----------------------------------------------------------------

def test_offline_in_front_matter_takes_true_or_false(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("---\ntitle: Guide\noffline: yes please\n---\n# Guide\n",
                                                encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        offline.kept_by_front_matter(tmp_path)
    assert (caught.value.file, caught.value.line) == ("docs/guide.md", 3)
    assert caught.value.what("en") == ("'offline: yes please' must be true or false; write `offline: true` to keep "
                                       "the page on visitors' phones for reading offline, or remove the line")
    assert "true или false" in caught.value.what("ru")


def test_a_page_is_kept_in_every_language_when_its_english_page_says_so(tmp_path):
    for folder, text in (("docs", "---\noffline: true\n---\n# Guide\n"), ("docs_ru", "# Гид\n"),
                         ("docs_ja", "---\noffline: true\n---\n# 案内\n")):
        (tmp_path / folder / "guide").mkdir(parents=True)
        (tmp_path / folder / "guide" / "index.md").write_text(text, encoding="utf-8")
    (tmp_path / "docs_ja" / "extra.md").write_text("---\noffline: true\n---\n# 追加\n", encoding="utf-8")
    kept_pages = offline.kept_by_front_matter(tmp_path)
    assert kept_pages["ru"] == {"guide/"} and kept_pages["en"] == {"guide/"}
    assert kept_pages["ja"] == {"guide/", "extra/"}


def test_from_data_names_data_sections():
    extra = _extra()
    extra["citysite"]["offline"]["from_data"] = ["venues", "phrases"]
    config = types.SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra=extra)
    with pytest.raises(SiteError) as caught:
        load_options(config)
    assert caught.value.file == "mkdocs.yml" and caught.value.line is not None
    assert "extra.citysite.offline" in str(caught.value) and "from_data" in str(caught.value)
    assert "'phrases'" in str(caught.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_your_visit_tells_the_visitor_the_guide_works_offline(site, lang):
    """A Japanese visitor never learnt that the site reads without a connection: Plan your visit's
    phone section says so and links the list of what is kept."""
    phone = site.page(language_prefix(lang) + "visit/").select_one("article h2#phone")
    section = []
    for sibling in phone.find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    links = [a["href"] for element in section for a in element.select("a")]
    assert "../offline/" in links, links
