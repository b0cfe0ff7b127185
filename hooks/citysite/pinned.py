"""Everything that depends on the internals of the pinned mkdocs-material (9.8.2) and
mkdocs-static-i18n (1.3.1), in one place. Each piece checks what it relies on and stops the build
with a message naming this module when an upgrade changed it.

Re-check on an upgrade of mkdocs-material:
- `THEME_SCRIPTS`: the JavaScript bundle's call that fetches sitemap.xml for every
  <link rel="alternate"> (THEME_ALTERNATE_LOOKUP), where it fetches the search index
  (SEARCH_INDEX_ON_DEMAND), its single-key page turns (KEYS_THAT_LEAVE_THE_PAGE), and the search
  worker's query segmentation (SEARCH_WORKER_FIXES);
  `with_patched_scripts`: base.html's scripts and config blocks name the two scripts;
- `search_worker_scripts`: the lunr scripts the search worker imports for a language (the offline
  guide keeps them, so that search works without a connection); `TINYSEG_NUMBERS`: where lunr's
  TinySegmenter (tinyseg.js) returns its words;
- `segment_han_text`: the search plugin's module-level `jieba`, set per language build to a
  tokenizer of that build (the plugin calls its `cut`);
- `search_config` / `point_search_at_language`: partials/language.html's search.config.* keys and
  the `"base": ...` entry of the #__config script;
- `theme_head`: the <link rel="icon">, <meta name="description"> and hreflang links Material writes
  in its site_meta block; `label_search_dialog`: its search dialog's markup; `accessible_header`
  and `accessible_nav`: its logo, menu button, language links and the navigation's section toggles;
- overrides/partials/language.html: a copy of its partials/language.html that asks `theme_word`
  first (the site's words for some of Material's: data/ui.yml theme_*);
- `localize_permalinks`: the toc extension's English permalink title (Python-Markdown);
- `hide_icons`: the emoji extension's `<span class="twemoji">` around each Markdown icon.
Re-check on an upgrade of mkdocs-static-i18n:
- the plugin attributes read here (I18N_ATTRIBUTES) and the file attributes `locale`,
  `localization`, `alternates`, `norm_src_uri`;
- that it re-creates Files from docs_dir in its on_files (citysite.sources restores them), and its
  `reconfigure_files_alternates(i18n_src_uris, ...)` (give_versions_directly wraps it);
- its event priority (I18N_PRIORITY) and that it builds the other languages in its on_post_build.
Re-check on an upgrade of MkDocs (or ProperDocs):
- `strict_build_will_fail`: the CountHandler that `build` adds to the "mkdocs" logger in strict mode.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import io
import json
import logging
import os
import re
import sysconfig
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import material.plugins.search.plugin as material_search
from markupsafe import Markup

from . import search_words
from .errors import SiteError
from .languages import DEFAULT_LANGUAGE, language_prefix

THIS_MODULE = "hooks/citysite/pinned.py"
I18N_PRIORITY = -100  # mkdocs-static-i18n runs on_config, on_files, on_nav and on_post_build at -100
I18N_ATTRIBUTES = ("building", "current_language", "default_language", "build_languages",
                   "i18n_files_per_language", "search_entries")


def _changed(what: str, fix: str) -> SiteError:
    return SiteError(THIS_MODULE, None, f"{what}: the pinned theme or i18n plugin changed", fix)


# --- MkDocs -------------------------------------------------------------------------------------

def strict_build_will_fail(config: Any) -> bool:
    """Whether this strict build has logged a warning, so that MkDocs will abort it after on_post_build."""
    from mkdocs.utils import CountHandler

    return bool(config.strict) and any(isinstance(handler, CountHandler) and handler.get_counts()
                                       for handler in logging.getLogger("mkdocs").handlers)


# --- mkdocs-static-i18n --------------------------------------------------------------------------

def i18n_plugin(config: Any) -> Any | None:
    """The mkdocs-static-i18n plugin instance of this build, if it is configured."""
    return config.plugins.get("i18n")


def check_i18n_plugin(config: Any) -> None:
    """Stop early when the i18n plugin lacks what this site reads from it, or lists other languages."""
    plugin = i18n_plugin(config)
    if plugin is None:
        raise SiteError("mkdocs.yml", None, "the i18n plugin is not configured", "list it under plugins:")
    missing = [name for name in I18N_ATTRIBUTES if not hasattr(plugin, name)]
    if missing:
        raise _changed(f"the i18n plugin has no {', '.join(missing)}", "re-check the plugin and update this module")


def menu_translations(config: Any) -> dict[str, dict[str, str]]:
    """Each language's translations of the menu's titles (the i18n plugin's nav_translations), but the
    default language's, whose titles are the menu's own."""
    return {language.locale: dict(language.nav_translations or {}) for language in i18n_plugin(config).config.languages
            if language.locale != DEFAULT_LANGUAGE}


def root_language(config: Any) -> str:
    """The language served at the site root: English, or the one language of a preview build."""
    plugin = i18n_plugin(config)
    return plugin.default_language if plugin is not None else DEFAULT_LANGUAGE


def current_language(config: Any) -> str:
    """The language the current (sub-)build renders; the i18n plugin builds each in turn."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return DEFAULT_LANGUAGE
    return plugin.current_language or plugin.default_language or DEFAULT_LANGUAGE


def is_first_build(config: Any) -> bool:
    """True in the build that starts a run (the others are nested in its post_build event)."""
    plugin = i18n_plugin(config)
    return plugin is None or not plugin.building


def build_one_language(config: Any, lang: str) -> None:
    """Make this build one language's alone, as the i18n plugin's own builds of the other languages
    are (make serve's one-language rebuild, citysite/serve.py): call before the plugin's on_config."""
    plugin = i18n_plugin(config)
    plugin.current_language, plugin.building = lang, True


def preview_language(config: Any) -> str | None:
    """The only language this run builds, when it is a one-language preview (build_only_locale)."""
    plugin = i18n_plugin(config)
    return plugin.config.build_only_locale if plugin is not None else None


def files_per_language(config: Any) -> dict[str, list]:
    """Each built language's documentation files, as the i18n plugin kept them."""
    plugin = i18n_plugin(config)
    return {lang: plugin.i18n_files_per_language.get(lang, []) for lang in plugin.build_languages}


def search_entries(config: Any) -> list[dict]:
    """Every language's search entries, collected by the i18n plugin over the run."""
    return i18n_plugin(config).search_entries


def file_language(file: Any) -> str | None:
    """The language of the text of a file the i18n plugin sorted (None before it did)."""
    return getattr(file, "locale", None)


def is_untranslated(file: Any) -> bool:
    """A page the i18n plugin took from docs/ for want of a translation in the preview language."""
    return getattr(file, "localization", None) is None


def page_versions(file: Any) -> dict[str, Any]:
    """The i18n plugin's map of a page's version in each language (translated or fallback)."""
    return getattr(file, "alternates", None) or {}


def path_in_language(file: Any) -> str:
    """A page's source path without its language folder ("ru/venues/x.md" -> "venues/x.md")."""
    return getattr(file, "norm_src_uri", file.src_uri)


class LanguageVersion:
    """A page's version in another language, as the i18n plugin's `alternates` hold it: what the
    site and the plugin read of it (its URL and the language of its text)."""

    __slots__ = ("src_uri", "url", "locale", "page")

    def __init__(self, src_uri: str, url: str, locale: str) -> None:
        self.src_uri, self.url, self.locale, self.page = src_uri, url, locale, None


def give_versions_directly(config: Any, generated: Any) -> None:
    """Pages made from data (src_uris in `generated`) exist in every language, and each language's
    build is handed its own only (the i18n plugin re-creates every file it is handed, in each
    language's build: 327,000 files at 100 times the events). Seeing no other version of them, the
    plugin would make a fallback copy per other language, only for each to be replaced: here its
    `reconfigure_files_alternates` leaves them out, and each gets its version in every built
    language directly, as the plugin gives them when it is handed them all. Call before its on_files."""
    plugin = i18n_plugin(config)
    current = plugin.reconfigure_files_alternates
    if getattr(current, "citysite", False):
        current.generated = generated
        return

    def reconfigure_files_alternates(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
        made = {uri: file for uri, file in i18n_src_uris.items() if file.src_uri in reconfigure_files_alternates.generated}
        current({uri: file for uri, file in i18n_src_uris.items() if uri not in made}, i18n_alternate_src_uris,
                mkdocs_config, create_i18n_file)
        for file in made.values():
            _give_versions(file, plugin.current_language, plugin.build_languages, plugin.default_language)

    reconfigure_files_alternates.citysite, reconfigure_files_alternates.generated = True, generated
    plugin.reconfigure_files_alternates = reconfigure_files_alternates


def _give_versions(file: Any, lang: str, languages: list[str], root: str) -> None:
    own = language_prefix(lang, root)
    path, url = path_in_language(file), file.url[len(own):] if file.url.startswith(own) else file.url
    versions = {lang: file}
    for other in languages:
        if other != lang:
            prefix = language_prefix(other, root)
            versions[other] = LanguageVersion(prefix + path, prefix + url, other)
    file.alternates = versions


# --- MkDocs: one Markdown converter per configuration ------------------------------------------

class _ReusedConverter:
    """Stands in for the `markdown` module in mkdocs.structure.pages, whose Page.render (MkDocs
    1.6.1) makes a new markdown.Markdown, loading every extension, for each page: here one
    converter per configuration is made and reset() between pages, as Python-Markdown provides
    for reuse. MkDocs' per-page processors register under fixed names, so each page's replace the
    last page's. Any other name is the real module's."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self._made: tuple[Any, Any, Any] | None = None  # (extensions, extension_configs, converter)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def Markdown(self, *, extensions: Any, extension_configs: Any) -> Any:  # noqa: N802 - the module's name
        made = self._made
        if made is not None and made[0] is extensions and (made[1] is extension_configs or made[1] == extension_configs):
            made[2].reset()
            return made[2]
        converter = self._module.Markdown(extensions=extensions, extension_configs=extension_configs)
        self._made = (extensions, extension_configs, converter)
        return converter


def reuse_markdown_converters() -> None:
    """Install _ReusedConverter in MkDocs' page module (once per process)."""
    import mkdocs.structure.pages as mkdocs_pages

    current = getattr(mkdocs_pages, "markdown", None)
    if isinstance(current, _ReusedConverter):
        return
    if current is None or not hasattr(current, "Markdown"):
        raise _changed("mkdocs.structure.pages no longer uses the markdown module", "update reuse_markdown_converters")
    mkdocs_pages.markdown = _ReusedConverter(current)


# --- MkDocs: the theme's files, listed once ------------------------------------------------------
# Files.add_files_from_theme (MkDocs 1.6.1) lists every file of the theme's folders (Material's
# 14,500, icons included) in each build to pick the few it copies (scripts, stylesheets, fonts).
# `add_files_from_theme` below does the same, keeping the list of an installed theme's folder for
# the process (a parallel build's coordinator makes it before it forks the languages); a folder of
# the project (overrides/) is listed each time. tests/test_parallel_build.py compares it with MkDocs'.

_THEME_CANDIDATES: dict[tuple[str, tuple[str, ...]], list[str]] = {}
_INSTALLED = tuple(str(Path(path).resolve()) + os.sep for path in {sysconfig.get_path("purelib"),
                                                                  sysconfig.get_path("platlib")})


def _theme_patterns(config: Any) -> tuple[str, ...]:
    """The names mkdocs.structure.files.Files.add_files_from_theme leaves out (1.6.1, `filter`)."""
    from mkdocs import utils as mkdocs_utils

    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    patterns.extend(f"*{x}" for x in mkdocs_utils.markdown_extensions)
    patterns.extend(config.theme.static_templates)
    return tuple(patterns)


def _theme_candidates(directory: str, patterns: tuple[str, ...]) -> list[str]:
    """The files of one theme folder that MkDocs would copy, as jinja2.FileSystemLoader names them."""
    key = (directory, patterns)
    installed = str(Path(directory).resolve()).startswith(_INSTALLED)
    if installed and key in _THEME_CANDIDATES:
        return _THEME_CANDIDATES[key]
    found = []
    for dirpath, _, filenames in os.walk(directory):
        for filename in filenames:
            name = os.path.join(dirpath, filename)[len(directory):].strip(os.path.sep).replace(os.path.sep, "/")
            name = name[2:] if name[:2] == "./" else name
            if not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in patterns):
                found.append(name)
    if installed:
        _THEME_CANDIDATES[key] = found
    return found


def add_files_from_theme(files: Any, env: Any, config: Any) -> None:
    """mkdocs.structure.files.Files.add_files_from_theme, with installed theme folders listed once."""
    from mkdocs.structure.files import File

    dirs = [os.fspath(directory) for directory in config.theme.dirs]
    patterns = _theme_patterns(config)
    names = sorted(set().union(*(_theme_candidates(directory, patterns) for directory in dict.fromkeys(dirs))))
    for path in names:
        if files.get_file_from_path(path) is None:  # the theme's files do not override docs_dir's
            for directory in dirs:
                if os.path.isfile(os.path.join(directory, path)):
                    files.append(File(path, directory, config.site_dir, config.use_directory_urls))
                    break


def list_theme_files_once() -> None:
    """Install add_files_from_theme in place of MkDocs' (once per process)."""
    from mkdocs.structure.files import Files

    if getattr(Files.add_files_from_theme, "citysite", False):
        return
    if not callable(getattr(Files, "add_files_from_theme", None)):
        raise _changed("mkdocs.structure.files.Files has no add_files_from_theme", "update list_theme_files_once")

    def method(self, env, config):
        add_files_from_theme(self, env, config)

    method.citysite, method.original = True, Files.add_files_from_theme  # the original: for the tests
    Files.add_files_from_theme = method


# --- mkdocs-material: search ------------------------------------------------------------------

if not hasattr(material_search, "jieba"):
    raise _changed("material.plugins.search.plugin has no `jieba`", "find how it segments Chinese now")
_JIEBA = material_search.jieba  # the jieba module, None where it is not installed


def segment_han_text(on: bool, words: Iterable[str] = ()) -> None:
    """Material segments Han text with jieba when it is installed; that helps Chinese and splits
    Japanese kanji words apart, so the caller turns it on for the Chinese build only. The search
    plugin gets a tokenizer of this build's own: jieba's dictionary plus `words` (the site's names,
    citysite.search_words), each with the frequency jieba suggests for keeping it whole. jieba's
    default tokenizer would keep the words of every build in the process (make serve, the tests),
    and the same pages would give another search index after a build with other names."""
    material_search.jieba = _site_tokenizer(tuple(sorted(set(words)))) if on and _JIEBA is not None else None


@functools.lru_cache(maxsize=1)
def _site_tokenizer(words: tuple[str, ...]):
    """A jieba tokenizer with jieba's own dictionary (read once per process) and `words` added."""
    dictionary = search_words.jieba_dictionary()
    tokenizer = _JIEBA.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(dictionary.FREQ), dictionary.total, True
    if words:
        tokenizer.load_userdict(io.StringIO("".join(f"{word}\n" for word in words)))
    return tokenizer


def split_pipeline(value: str) -> list[str]:
    """Material's "search.config.pipeline" string ("stemmer, stopWordFilter") as a list."""
    return [name for name in re.split(r"\s*,\s*", value.strip()) if name]


THEME_WORD_PREFIX = "theme_"


def theme_word(strings: dict, lang: str, key: str) -> str | None:
    """The site's word for one of Material's interface strings ("top", "search.result.other"):
    data/ui.yml's theme_top, theme_search_result_other, ...; None where Material's own stands."""
    texts = strings.get(THEME_WORD_PREFIX + key.replace(".", "_"))
    return texts[lang] if texts else None


def search_config(env, lang: str, fields: dict) -> dict:
    """Material's search settings (lunr language, word separator, pipeline) for one language,
    read from its partials/language.html."""
    template = env.get_template("partials/language.html")
    module = template.make_module({"config": {"theme": {"language": lang}}})

    def translate(key: str) -> str:
        value = str(module.t(key))
        if value == key or not value:
            raise _changed(f"partials/language.html has no {key!r}", "update search_config")
        return value

    return {
        "lang": [translate("search.config.lang")],
        "separator": translate("search.config.separator"),
        "pipeline": split_pipeline(translate("search.config.pipeline")),
        "fields": fields,
    }


SEARCH_WORKER_FOLDER = "assets/javascripts/workers/"  # the theme's search worker, and each language's copy


def point_search_at_language(config_script: str, base_url: str, lang: str, root: str = DEFAULT_LANGUAGE) -> Markup:
    """Material's #__config script with "base" moved to the language's folder, where its index is,
    and "search" to the language's copy of the search worker (citysite.assembly.place_search_workers):
    a worker is controlled by the service worker whose scope its own address is in, so only a copy
    in the language's folder can be kept by that language's offline guide."""
    prefix = language_prefix(lang, root)
    if not prefix:
        return Markup(config_script)
    script = str(config_script)
    worker = f'"search": "{base_url}/{SEARCH_WORKER_FOLDER}'
    moves = (('"base": ' + json.dumps(base_url), '"base": ' + json.dumps(f"{base_url}/{prefix}")),
             (worker, worker.replace(SEARCH_WORKER_FOLDER, prefix + SEARCH_WORKER_FOLDER)))
    for old, new in moves:
        if old not in script:
            raise _changed(f"Material's #__config script no longer contains {old}",
                           "update point_search_at_language")
        script = script.replace(old, new, 1)
    return Markup(script)


# --- mkdocs-material: templates -------------------------------------------------------------------

_THEME_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _remove_once(html: str, old: str, what: str) -> str:
    if html.count(old) != 1:
        raise _changed(f"Material's {what} is no longer written as {old!r}", "update overrides/main.html's use")
    return html.replace(old, "", 1)


def theme_head(head: str, favicon_url: str, description: str) -> Markup:
    """Material's site_meta block minus what overrides/partials/head-meta.html writes better: its
    relative hreflang links (ours are absolute, real translations only), its one icon, and its
    description (inserted unescaped)."""
    head = _THEME_HREFLANG.sub("", str(head))
    head = _remove_once(head, f'<link rel="icon" href="{favicon_url}">', "icon link")
    head = _remove_once(head, f'<meta name="description" content="{description}">', "description")
    return Markup(head)


_SEARCH_DIALOG = 'data-md-component="search" role="dialog">'
_SEARCH_RESULT_META = '<div class="md-search-result__meta">'


def label_search_dialog(header: str, label: str) -> Markup:
    """Material's header with a name for its search dialog (role="dialog" and no label) and for the
    phone's search button (an icon alone: a screen reader said "image"; the keyboard reaches the
    search field itself, so the button stays out of the Tab order), and its number of results
    ("35 matching pages") a status that screen readers announce as it changes (typing a query
    said nothing: accessibility walkthroughs)."""
    html = str(header)
    if any(html.count(markup) != 1 for markup in (_SEARCH_DIALOG, _SEARCH_RESULT_META, _SEARCH_BUTTON)):
        raise _changed("Material's search dialog markup changed", "update label_search_dialog")
    named = f'data-md-component="search" role="dialog" aria-label="{escape(label)}">'
    html = html.replace(_SEARCH_DIALOG, named, 1)
    named_button = _SEARCH_BUTTON[:-1] + f' role="button" aria-label="{escape(label)}">'
    html = html.replace(_SEARCH_BUTTON, named_button, 1)
    return Markup(html.replace(_SEARCH_RESULT_META, '<div class="md-search-result__meta" role="status">', 1))


_THEME_LOGO_ALT = 'alt="logo"'  # the logo image in the header and the drawer, named in English
_DRAWER_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'
_SEARCH_BUTTON = '<label class="md-header__button md-icon" for="__search">'
_LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([A-Za-z-]+)" class="md-select__link")>')
_SECTION_TOGGLE = re.compile(r'<label class="md-nav__link[^"]*" for="(__nav_[\d_]+)" id="\1_label" tabindex="0">')
_SECTION_TITLE = re.compile(r'<label class="md-nav__title" for="(__nav_[\d_]+)">(.*?)</label>', re.S)
_OPEN_SECTION = re.compile(r'<input class="md-nav__toggle md-toggle[^"]*"[^>]* id="(__nav_[\d_]+)" checked>')


def _without_logo_alt(html: str, what: str) -> str:
    """The logo as decoration: its link already says the site's name, and alt="logo" was read out
    in English on every page."""
    if _THEME_LOGO_ALT not in html:
        raise _changed(f"Material's logo in the {what} no longer has alt=\"logo\"", "update _THEME_LOGO_ALT")
    return html.replace(_THEME_LOGO_ALT, 'alt=""')


def accessible_header(header: str, menu_label: str, page_lang: str = "") -> Markup:
    """Material's header for keyboards and screen readers: the menu button (a label) reachable and
    named, pressed with Enter or Space by docs/javascripts/menu-key.js, which also says whether the
    drawer is open (aria-expanded); the language menu's links marked with their language, so that
    "Русский" is not read in the page's voice, the page's own marked as the current one; the logo."""
    html = _without_logo_alt(str(header), "header")
    if html.count(_DRAWER_BUTTON) != 1:
        raise _changed("Material's menu button markup changed", "update _DRAWER_BUTTON")
    html = html.replace(_DRAWER_BUTTON, _DRAWER_BUTTON[:-1] + f' tabindex="0" role="button" '
                        f'aria-label="{escape(menu_label)}" aria-controls="__drawer" aria-expanded="false">', 1)
    if "md-select__link" in html and not _LANGUAGE_LINK.search(html):
        raise _changed("Material's language menu links changed", "update _LANGUAGE_LINK")
    return Markup(_LANGUAGE_LINK.sub(lambda link: f'{link[1]} lang="{link[2]}"'
                                     + (' aria-current="true">' if link[2] == page_lang else ">"), html))


def accessible_nav(nav: str, toggle_label: str = "{section}") -> Markup:
    """Material's navigation with each section's toggle (an icon alone: read as a nameless control,
    and the section's list, labelled by it, nameless too) a button named by `toggle_label` ("Partner
    cities: its pages"; the section's own link before it is "Partner cities") that says whether the
    section is open (docs/javascripts/menu-key.js keeps it so), and the drawer's logo."""
    html = str(nav)
    if _THEME_LOGO_ALT in html:
        html = _without_logo_alt(html, "drawer")
    titles = {key: re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", title)).strip()
              for key, title in _SECTION_TITLE.findall(html)}
    opened = set(_OPEN_SECTION.findall(html))

    def named(match: re.Match) -> str:
        if not titles.get(match[1]):
            raise _changed("Material's section titles in the navigation changed", "update _SECTION_TITLE")
        name = escape(toggle_label.format(section=titles[match[1]]), quote=True)
        expanded = "true" if match[1] in opened else "false"
        return match[0][:-1] + f' role="button" aria-expanded="{expanded}" aria-label="{name}">'
    return Markup(_SECTION_TOGGLE.sub(named, html))


MARKDOWN_PERMALINK_TITLE = 'title="Permanent link"'  # the toc extension's default, in English


def localize_permalinks(html: str, title: str) -> str:
    """Heading link icons with their tooltip in the page's language, for the mouse; out of the
    keyboard's and the screen reader's way (they read "¶", then "Link to this section", in each
    heading's name, and doubled the Tab stops before each section's links)."""
    if 'class="headerlink"' in html and MARKDOWN_PERMALINK_TITLE not in html:
        raise _changed("the toc extension's permalink title is no longer 'Permanent link'",
                       "update MARKDOWN_PERMALINK_TITLE")
    label = escape(title, quote=True)
    return html.replace(MARKDOWN_PERMALINK_TITLE, f'title="{label}" aria-hidden="true" tabindex="-1"')


TWEMOJI_SPAN = '<span class="twemoji">'  # pymdownx.emoji with Material's to_svg, around each icon


def hide_icons(html: str) -> str:
    """The icons Markdown writes (:material-passport:) beside their words, hidden from screen readers,
    which announced each as an unnamed image (3,587 of them); none is a link's only content."""
    return html.replace(TWEMOJI_SPAN, '<span class="twemoji" aria-hidden="true">')


# Material's JavaScript reads every <link rel="alternate"> in the head as the root of a language
# and fetches sitemap.xml beside it, to map the current page onto that language. Ours are
# per-page hreflang links (as search engines want), so each page view would request five
# missing <page>/sitemap.xml files. The language menu already links the same page in each
# language, so we switch that lookup off in the theme's bundle.
THEME_ALTERNATE_LOOKUP = "ui({document$:ct});"
# Material fetches the language's search index (260-430 KB, 55-90 KB compressed) on every page view
# over HTTP, parses it and hands it to the search worker, whether or not the visitor searches: a
# third of a page's download on a phone's roaming data, and main-thread work while the page loads.
# The bundle already waits for the search to be opened when the site is read from files (file:);
# so it does everywhere now: the index is fetched when the visitor opens the search (a tap on the
# search icon, the search field focused, or "/" typed), and on a page opened from a search result
# (?h=...) for the highlighting, which needs the index's settings; not at load for the highlighting.
SEARCH_INDEX_ON_DEMAND = (
    ('L($(location.protocol!=="file:"),Je("search")).pipe(Re(o=>o),b(()=>t))',
     'Je("search").pipe(Re(o=>o),b(()=>t))'),
    ('z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
     'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(o=>t.pipe(m(n=>[n,o]))))'),
)


# Material turns to the previous or next page of the navigation on a single key, p or "," and n or ".",
# wherever the focus is but a text field: a keyboard-only or speech user, or a screen reader with its
# quick keys off, left the page by accident (an accessibility walkthrough; WCAG 2.1.4 asks that such
# shortcuts can be turned off). The site's navigation is not a book to page through: they are removed.
KEYS_THAT_LEAVE_THE_PAGE = (
    ('case"p":case",":let t=ue("link[rel=prev]");typeof t!="undefined"&&st(t);break;'
     'case"n":case".":let r=ue("link[rel=next]");typeof r!="undefined"&&st(r);break;', ""),
)


def _the_one(folder: Path, pattern: str, what: str, function: str) -> Path:
    """The one built file of the theme matching `pattern` in `folder` (its name has a content hash)."""
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise _changed(f"expected one {what} in {folder.name}, found {len(found)}", f"update {function}")
    return found[0]


def _fixed(code: str, name: str, fixes: Iterable[tuple[str, str]], fix: str) -> str:
    """`code` with each `old` replaced by its `new`, once (each must be there once)."""
    for old, new in fixes:
        if code.count(old) != 1:
            shown = old[:60] + ("..." if len(old) > 60 else "")
            raise _changed(f"{name} no longer contains {shown!r} once", fix)
        code = code.replace(old, new, 1)
    return code


def _patched_bundle(code: str, name: str) -> str:
    """The bundle without the sitemap lookups and the single-key page turns, fetching the search
    index on demand."""
    code = _fixed(code, name, [(THEME_ALTERNATE_LOOKUP, "")],
                  "find the function that fetches sitemap.xml for link[rel=alternate]")
    code = _fixed(code, name, KEYS_THAT_LEAVE_THE_PAGE,
                  "find Material's keyboard handler for the previous and next page (KEYS_THAT_LEAVE_THE_PAGE)")
    return _fixed(code, name, SEARCH_INDEX_ON_DEMAND,
                  "find where Material's bundle fetches the search index (SEARCH_INDEX_ON_DEMAND)")


def _patched_worker(code: str, name: str) -> str:
    """The search worker with SEARCH_WORKER_FIXES."""
    return _fixed(code, name, SEARCH_WORKER_FIXES,
                  "find how Material's search worker segments queries (SEARCH_WORKER_FIXES)")


@dataclass(frozen=True)
class ThemeScript:
    """A script of the theme that the site changes: where it is, what it is, how it is changed."""
    folder: str
    pattern: str
    what: str
    patch: Callable[[str, str], str]


THEME_SCRIPTS = (
    ThemeScript("assets/javascripts", "bundle.*.min.js", "Material bundle", _patched_bundle),
    ThemeScript(SEARCH_WORKER_FOLDER.rstrip("/"), "search.*.min.js", "Material search worker",
                _patched_worker),
)
THEME_TEMPLATES = Path(material_search.__file__).parents[2] / "templates"  # the theme's own files


def _named_by_content(name: str, code: str) -> str:
    """bundle.a5f9d56c.min.js renamed for `code`: the part after the first dot is the hash of the
    content that the theme's names carry, so a host may keep the file for a year (CONTRIBUTING.md)."""
    return f"{name.split('.', 1)[0]}.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"


def _patched_scripts(theme_dir: str | Path = THEME_TEMPLATES) -> list[tuple[ThemeScript, str, str, str]]:
    """Each theme script the site changes: (its THEME_SCRIPTS entry, its name in the theme, the
    name of the changed copy, the changed code)."""
    found = []
    for script in THEME_SCRIPTS:
        source = _the_one(Path(theme_dir, script.folder), script.pattern, script.what, "THEME_SCRIPTS")
        code = script.patch(source.read_text(encoding="utf-8"), source.name)
        found.append((script, source.name, _named_by_content(source.name, code), code))
    return found


def patched_script_names(theme_dir: str | Path = THEME_TEMPLATES) -> dict[str, str]:
    """The site path of each theme script the site changes -> the path of its changed copy, named
    by its new content (the pages load that one: `with_patched_scripts`)."""
    return {f"{script.folder}/{old}": f"{script.folder}/{new}"
            for script, old, new, _code in _patched_scripts(theme_dir)}


def with_patched_scripts(html: str, names: dict[str, str]) -> Markup:
    """A block of Material's base.html (its scripts or its #__config) loading the changed scripts."""
    found = [old for old in names if old in html]
    if not found:
        raise _changed("Material's scripts and #__config blocks no longer name its bundle or search worker",
                       "update with_patched_scripts")
    for old in found:
        html = html.replace(old, names[old])
    return Markup(html)


def patch_theme_scripts(site_dir: str | Path) -> None:
    """Material's bundle and search worker as this site needs them, under the names the pages load
    (patched_script_names), in place of the theme's copies that MkDocs put in the site (and of an
    earlier rebuild's, in make serve); TinySegmenter keeping numbers whole (TINYSEG_NUMBERS)."""
    for script, _, new, code in _patched_scripts():
        folder = Path(site_dir, script.folder)
        for other in folder.glob(script.pattern):
            other.unlink()
        (folder / new).write_text(code, encoding="utf-8")
    segmenter = Path(site_dir, TINYSEG)
    if segmenter.is_file():  # the search worker imports it by this name, for Japanese only
        segmenter.write_text(_fixed(Path(THEME_TEMPLATES, TINYSEG).read_text(encoding="utf-8"), segmenter.name,
                                    [TINYSEG_NUMBERS], "find where TinySegmenter returns its words (TINYSEG_NUMBERS)"),
                             encoding="utf-8")


# TinySegmenter, which cuts the Japanese pages' text into the search index's words (lunr.ja), cuts a
# number into its digits (1965年4月23日: 1 9 6 5 年 4月 2 3 日), so no year or date could be found:
# 2019 found nothing, 1965 not the Niigata page (a Niigata official's briefing). Its words are joined
# again where digits follow digits.
TINYSEG = "assets/javascripts/lunr/tinyseg.js"
TINYSEG_NUMBERS = (
    "result.push(word);\n\n          return result;",
    "result.push(word);\n\n          return result.reduce(function (words, w) {\n"
    "            var last = words.length - 1, digits = /^[0-9\uff10-\uff19]+$/;\n"
    "            if (last >= 0 && digits.test(words[last]) && digits.test(w)) words[last] += w; else words.push(w);\n"
    "            return words;\n          }, []);",
)


# Material's search worker rewrites each query before lunr sees it (search(e) in the worker):
# - a run of Han characters is cut into the index's words by `segment` (minified: fe), whose inner
#   loop stops one character short (j < length): a query that is exactly an indexed word of three
#   characters or more (城市日, 格罗杰科夫) was cut to its first two characters and matched every page
#   with those, and a trailing character after the longest match (a < length - 1) was dropped;
#   and the cut stopped at the first character that begins no word of the index, so a question
#   (怎么去机场, how to get to the airport: no word begins with 怎) was searched whole and found
#   nothing: such a character is now stepped over (去 机场), each place looked at once;
# - Japanese is indexed by TinySegmenter (lunr.ja), but the query was cut by that same Han rule, kanji
#   run by kanji run, so 市の日 (City Day) stayed one term that no indexed word equals, and 両替 became
#   両*. Cutting the query with TinySegmenter too did not do: alone, without the page's context, it
#   cuts a query otherwise than the page (年末年始 into four single kanji, 両替所 into 両 and 替所,
#   遊覧船 into nothing the index has). A run of kanji and kana is now cut into the index's words
#   as Han is: 年末 年始; 両替所 gives 両替 (a single character beside a word is dropped, below);
#   市の日 gives 市 日 and 寒い gives 寒: a lone hiragana (a particle, an adjective's ending) is
#   dropped when anything else is left (い* and の* are in every page);
# - digits typed against those scripts belong to the run (2月のイベント gives 2月 イベント, words of
#   the index): they were left outside it and glued to its first word (2イベント found nothing);
# - the theme adds * to every term (its query transform), and its own Han rule added one more to
#   each word but the last (机场* 大巴): a word searched as 机场** matched, but the result said it
#   was missing from the page ("Not in this section: 机场*") and did not highlight it. The
#   words are now given without a *;
# - Korean is indexed word by word at spaces, but visitors often leave them out: 레닌광장 found
#   nothing, as no indexed word is 레닌광장. A run of Hangul is now cut as Han is, into the
#   beginnings of the index's words, since a Korean word is indexed with its particle (환전은): 레닌*
#   광장, 환전소 gives 환전 (환전*, which every word is also searched as); a run that begins no
#   indexed word stays whole, and so does a run of Hangul or of Han alone that would only fall
#   into single syllables or characters (맛집 listed every page with 집, 환율 every page with 환,
#   中餐 every page with 中; 哈巴 now finds 哈巴罗夫斯克, as the beginning of a word). A run of Han
#   that begins no word of the index is searched as the indexed words that hold it, up to five (飞机,
#   plane, is indexed inside 乘飞机, by plane), else, if it falls wholly into single characters,
#   each a word of the index, as all of them (蜱虫, ticks, is indexed as 蜱 虫: +蜱 +虫 finds the
#   health section; 中餐, whose 餐 is no word of the index, still finds nothing; 食事 still
#   begins 食事を);
# - a single character left over beside a word (机场大巴: 机场, 大, 巴) was searched as a prefix and
#   listed every page with 大 first: it is dropped when the query has a word of two or more;
# - every word is searched as a prefix (день* finds деньги, money), so a page with the word itself
#   ranked below one with a rarer longer word: each plain word is now also searched exactly, ten
#   times as strong (день^10 день*);
# - a query typed with a Japanese keyboard in full-width letters (ＳＩＭ) or half-width katakana
#   found nothing: the query is first brought to Unicode NFKC (SIM), as the pages are written;
# - Latin letters typed against kana or Hangul (SIMカード, SIM카드) were one term that no indexed
#   word equals: the two are searched as two words (SIM カード), as the pages are indexed;
# - a little word of a question (на, с, за, in, to, where) was searched as a prefix
#   (на* matched «народного» in a title: «билеты на хоккей» listed Unity Day first), and the city's
#   or the country's name, on some 136 pages and in many titles, pushed the page a query was for out
#   of the first ten (하바롭스크 공항, ハバロフスク駅, 러시아 유심): both are dropped while other
#   words are left (search audits in five languages), and a single character beside them is kept
#   (ハバロフスク駅: 駅);
# - a Russian word is searched as a prefix of its stem, as the pages are indexed (сувениры: сувенир*,
#   which finds «сувенирным»; the word itself was no prefix of «сувенирн»), unless the stem is three
#   letters or fewer (кафе: каф* would find «кафедральный» first); an English one stays as typed
#   (event* put the category pages, "Holiday: events in Khabarovsk", before What's on for "march
#   events");
# - a few words are searched as the pages write them (_AS_THE_PAGES_WRITE, from search audits and
#   walkthroughs).
# The little words of a question that every page has (in, to, на, с, где), a JavaScript regex: lunr's own
# stop-word lists also hold words a visitor means (год: «новый год» found only «Новые имена»).
_LITTLE_WORDS = (r"/^(?:a|an|the|in|on|at|to|for|of|with|from|by|and|or|is|are|what|where|how|when|do|does|can|i|my|me"
                 r"|в|во|на|с|со|к|ко|по|за|из|от|до|для|и|а|или|как|где|что|когда|мне|я|у|о|об|про|при)$/iu")
# The city's and the country's names as a query word (Хабаровска, 하바롭스크에서), a JavaScript regex.
_PLACE = r"/^(?:khabarovsk|хабаровск\p{L}*|哈巴罗夫斯克|ハバロフスク|하바롭스크\p{L}*|russia|росси\p{L}*|俄罗斯|ロシア|러시아\p{L}*)$/iu"
# Words a visitor types that the pages write another way, and how the pages write them: wifi as Wi-Fi
# (wi and fi in the index), 子供 as 子ども, 新泻 (a common mis-simplification of Niigata) as 新潟, 总领馆 as
# 总领事馆; 春天 and 秋天 as the climate table's 春季 and 秋季, 宾馆 as 酒店, 汇率 (exchange rate) as
# 兑换 (changing money): a Harbin delegate's searches found the public holidays, nothing, nothing;
# ダニ as マダニ, 水泳 as 遊泳 and 환율 as 환전 (a Japanese teacher's and a Korean visitor's found nothing);
# 夏天 as 夏季, 蚊子 (mosquitoes) as the climate table's 驱蚊液 (repellent), 看病 as 就医, and 医院 or 病院
# (hospital) on its own with the health section's 就医 or 医療: the 2019 news of Sejong hospital came first.
# Three walkthroughs of December 2026 (a Chinese family over National Day, a Japanese couple over Golden
# Week, a Korean stopover) found nothing for a month in Chinese numerals (十月: the pages write 10月), 国庆
# (National Day, 1-7 October) and ゴールデンウィーク (early May) as the months they fall in, SIM卡 (the
# pages index SIM and 电话卡), 穿什么 and 吃什么 (what to wear, what to eat: the sections 穿衣 and 美食),
# クレカ (クレジットカード), 散歩 (the walks are 散策), クルーズ (the river boats, 旅客船), 신용카드 (the
# money section's 카드) and 얼음 위 (on the ice: the river-ice section's 얼음 위로); a Chinese student's,
# 电车 (trams and trolleybuses), 取钱 (取现), 常用语 (the phrase section), 你好 (the table's 您好), 入境卡 (the
# migration card), 流量 (mobile data), 生病 and 感冒 (就医); a Korean couple's, 기차 (the pages' 열차),
# 119 (the emergency number at home: Russia's is 112), 치안 (the travel advisories), 티켓 (입장권); 买酒
# (buying alcohol: the alcohol section's 买不到任何酒, one word of the index), 抽烟 (smoking: 吸烟) and タバコ
# (たばこ, as that section writes it), отель (the pages write гостиница); a Chinese couple's 喝酒 and
# 饮酒 (酒), 订房 (预订 酒店), 旅馆 (酒店), 民宿 (住宿), 厕所 (洗手间), 温度 (气温), 换汇 (兑换) and 电子烟
# (its 电子 found the e-visa first), a Korean family's 페리 (the pages write 카페리), an Australian's evisa
# (the index holds e-visa as e and visa); a Chinese couple's 卫生间 (also 洗手间), 蚊虫 and 防蚊 (驱蚊液),
# 坐船 and 游轮 (游船 客船: the Plan your visit section and the River Station), 药房 and 买药 (药店); Korean
# students' 방한복 and 방한용품 (warm clothes: the climate section's 옷차림; 방한 alone is also "a visit to Korea");
# 青年旅舍 and 青旅 (hostels: its 青年 found the youth exchanges first); 성탄 (Christmas: it found the Cathedral
# of the Nativity of Christ, where the Christmas services of this guide are not). Three walkthroughs of
# December 2026 (a Japanese student in September, a Chinese family over May Day, a Korean woman alone over
# New Year): 学割 and 割引 (the museum's free days for 学生), 挨拶 and 会話 (the phrase section, ことば),
# 風邪 and 熱 (医療), 墓地 (the memorial, 慰霊碑); 中餐, 吃饭 and 好吃的 (美食), 码头 (the pier, 客运码头);
# 신정, 제야, 송년, 연말 (the New Year: 새해), 안전 and 혼자 (safety: the travel advisories), 카페, 커피
# and 맛집 (the food section, 먹거리), 데이터 (mobile data: 인터넷); a couple in August, 혈압약 (blood-pressure
# pills: the pharmacies, 약국) and 한식 (Korean food: 먹거리). A Korean visitor offline in July 2027: 카드
# (the migration card's section came before the money's: 카드 현금), 병원 (the holidays' section first: 의료),
# 유람선, 크루즈 and 보트 (the River Station writes 여객선), 시장 (a market: only the mayor's meetings; the
# fairs write 장터). A Harbin travel agent planning a Spring Festival tour: 春节 and 过年 (its 春 and 节
# found the spring fair, in May; the winter's events: 冬季). A Japanese family in January: マイナス (氷点下),
# キッズ (子ども), 小児科 (医療); a katakana word the index does not hold is searched whole, as a Hangul one
# is: マイナス, カイロ or コインロッカー had listed every page with イ, ロ or ッ. A year alone (1965, 2019)
# is also searched as the Chinese and Korean pages write it, glued to 年 or 년, one word in their index
# (a Niigata official's 1965 found nothing in Korean or Chinese). A Korean family over Chuseok with a
# grandmother: 할머니, 노인, 어르신 and the like (the section for those who walk with difficulty, 거동),
# 회화 and 표현 (phrases: the language tips, 언어 팁). A search walkthrough of 357 queries: 카페리 (the
# ferry: its 카페 had become 먹거리, the food), 배편 (카페리), 횡단열차 (횡단 철도), 공항에서 (공항),
# 러시아 음식 (먹거리); 車椅子 (車いす), ウラジオ (ウラジオストク, not ラジオ), 年越し (新年), 子連れ
# (子ども); 海参崴 (符拉迪沃斯托克), 江边 (滨江), 落地签 (签证), 俄餐 (美食); детьми (its stem finds
# nothing: дети), обменник (обмен валюты), что надеть (одежда), разница во времени (часовой пояс);
# restroom (toilet), trolley bus (trolleybus), habarovsk and khabarovks (khabarovsk), uber (taxi),
# vodka (alcohol); ё as the index holds it, е (ёлка or утёс in a link's ?q= found nothing). Retirees
# from Beijing: 游船 (the River Station writes 客船), 降压药 and 血压 (药店), 不舒服 (就医), 老人 (行动不便).
# A search walkthrough of 589 queries (December 2026): 换钱 and 换卢布 (兑换: the money section's rewrite had
# dropped the word), 取款机 (ATM 取现); hospital, police, ambulance, больница, скорая, полиция, 救急車,
# 警察, 医者, 救护车, 의사 and a lost passport (护照丢了) with the health, emergency and consulates'
# words (the holidays' or consulates' section, or the 2019 chronicle, came first); SIM card, сим-карта,
# симка, SIMカード and 심카드 (the card sections came first: SIM, 유심), eSIM, 이심 and 로밍 (유심);
# things to do, достопримечательности, 必去, 観光地, 관광지 and 볼거리 (the places: places, места, 景点,
# 見どころ, 가 볼 곳); 설날 and 추석 as their seasons (겨울, 가을); trans-siberian (rail), public transport
# (getting around), boat trip (river station), 游江 and 乘船, 南航 (南方航空), гостиницы, регистрация
# (миграционный учет), драмтеатр (театр драмы), вайфай (Wi-Fi), 泳げる (遊泳), 冬泳 (the ice hole, 冰窟),
# mosquitoes (repellent), 아이와 (어린이), safe and dangerous (travel advice). They come first: 심카드
# before 카드, гостиниц after отель. A Japanese couple over New Year: 元日 and 大晦日 (the holidays' 正月);
# a Chinese family's 跨年 (元旦). A Chinese family with a wheelchair and a stroller in August: 残疾人,
# 坡道 and 婴儿车 (行动不便), 洪水 and 涨水 (the high water of late summer, 高水位), 中暑 (the climate
# section, 气候 穿衣), 滴滴 (打车); a Korean stopover in February: 휴관 (the places write 휴무), 고려인
# (the independence sites' 한인), and 인터넷이 안 돼요 (its 안 found every page with 안: 인터넷).
_AS_THE_PAGES_WRITE = {"残疾人?|坡道|婴儿推?车": "行动不便", "洪水|涨水|发大水|汛期": "高水位", "中暑|天热": "气候 穿衣",
                       "滴滴": "打车", "휴관": "휴무", "고려인": "한인",
                       r"(인터넷|와이파이|데이터)[이가]?\s*안\s*(돼요?|되요|됨|되네요)": "$1",
                       "换钱|换卢布": "兑换", "取款机|提款机|取款": "ATM 取现",
                       r"(?<!\p{L})hospitals?(?!\p{L})": "hospital medical",
                       r"(?<!\p{L})(police|ambulance)(?!\p{L})": "$1 emergency",
                       r"(?<!\p{L})больниц\p{L}*": "больница медицинская",
                       r"(?<!\p{L})(скор\p{L}*|полици\p{L}*)(?!\p{L})": "$1 экстренные",
                       "救急車": "救急車 緊急", r"(?<!\p{L})警察(?!\p{L})": "警察 緊急", "医者": "病院 医療",
                       "救护车": "急救", r"(?<!\p{L})의사(?!\p{L})": "의료", "护照(丢了?|丢失|遗失)|丢了?护照": "护照 遗失",
                       r"(?<!\p{L})sim[\s-]?cards?(?!\p{L})|(?<!\p{L})(сим[\s-]?карт\p{L}*|симкарт\p{L}*|симк\p{L}*)"
                       r"|SIM\s?カード|シムカード": "SIM",
                       "심\\s?카드": "유심", r"(?<!\p{L})(e-?sim|이심)(?!\p{L})": "SIM 유심",
                       r"(?<!\p{L})로밍(?!\p{L})": "로밍 유심",
                       r"things\s+to\s+do|sightseeing|attractions?|must[\s-]see": "places",
                       r"достопримечательност\p{L}*|куда\s+сходить": "места", "必去|好玩|玩什么|去哪玩|景区": "景点",
                       r"観光地|観光スポット|観光名所|(?<!\p{L})名所": "見どころ",
                       r"관광지|볼거리|가볼\s?만한\s?곳|관광\s?명소": "가 볼 곳", r"설날|구정|설\s?연휴": "겨울", "추석": "가을",
                       r"trans-?\s?siberian|(?<!\p{L})transsib\p{L}*": "rail", r"public\s+transport": "getting around",
                       r"boat\s+(trip|tour)s?": "river station", "游江|乘船": "游船 客船", "南航": "南方航空", "元日|大晦日": "正月", "跨年": "元旦",
                       r"(?<!\p{L})регистрац\p{L}*": "миграционный учет", r"драмтеатр\p{L}*": "театр драмы",
                       r"вай-?\s?фай\p{L}*": "+wi +fi", "泳げる|泳ぐ": "遊泳", "冬泳": "冰窟",
                       r"mosquito(e?s)?": "repellent", "아이와|아이들|아이랑": "어린이",
                       r"(?<!\p{L})(safe|safety|dangerous)(?!\p{L})": "travel advice",
                       "学割|割引": "学生 無料", "挨拶|会話": "ことば", r"風邪|(?<!\p{L})熱(?!\p{L})": "医療",
                       "墓地": "慰霊碑", "中餐|吃饭|好吃的": "美食", "(?<!客运)码头": "客运码头",
                       "신정|제야|송년|연말": "새해", r"(?<!\p{L})(안전|혼자)(?!\p{L})": "여행경보",
                       "카페(?!리)|커피|맛집|한식|러시아\\s*음식": "먹거리", "데이터": "인터넷", "고?혈압약?": "약국",
                       "十二月": "12月", "十一月": "11月", "十月": "10月", "九月": "9月", "八月": "8月",
                       "七月": "7月", "六月": "6月", "五月": "5月", "四月": "4月", "三月": "3月", "二月": "2月",
                       "一月": "1月", "国庆节?": "10月", "ゴールデンウィーク": "5月", "SIM卡": "SIM 电话卡",
                       "穿什么": "穿衣", "吃什么": "美食", "クレカ": "クレジットカード", "散歩": "散策",
                       "クルーズ": "旅客船", "신용카드": "카드 현금", "얼음 위(?![로에])": "얼음 위로",
                       "(?<!轨)电车": "有轨电车 无轨电车", "取钱": "取现", "常用语": "语言小贴士", "你好": "您好",
                       "入境卡": "移民卡", "流量": "移动数据", "生病|感冒": "就医",
                       "기차(?!역)": "열차", "(?<!\\d)119(?!\\d)": "112", "치안": "여행경보", "티켓": "입장권", "买酒": "买 酒", "抽烟": "吸烟", "タバコ": "たばこ", "(?<!\\p{L})отел\\p{L}*": "гостиница", r"(?<!\p{L})гостиниц\p{L}*": "гостиница остановиться",
                       "喝酒|饮酒": "酒", "订房": "预订 酒店", "旅馆": "酒店", "民宿": "住宿", "厕所": "洗手间",
                       "温度": "气温", "换汇": "兑换", "电子烟": "吸烟", "(?<!카)페리": "카페리", r"(^|\s)evisa(?=\s|$)": "$1visa",
                       "卫生间": "洗手间 卫生间", "蚊虫|防蚊": "驱蚊液", "坐船|游轮|游船": "游船 客船", "药房|买药": "药店", "방한\\s*(복|용품)": "옷차림", "青年旅舍|青旅": "旅舍", "성탄(?!절|\\s*대성당)": "성탄절",
                       r"(^|\s)wi-?fi(?=\s|$)": "$1+wi +fi", "子供": "子ども", "新泻": "新潟", "总领馆": "总领事馆",
                       "春天": "春季", "秋天": "秋季", "宾馆": "酒店", "汇率": "兑换",
                       "(?<!マ)ダニ": "マダニ", "水泳": "遊泳", "환율": "환전",
                       "夏天": "夏季", "蚊子": "驱蚊液", "看病": "就医",
                       r"(?<!\p{sc=Han})医院(?!\p{sc=Han})": "医院 就医", r"(?<!\p{sc=Han})病院(?!\p{sc=Han})": "病院 医療",
                       r"(?<!\p{L})카드(?!\p{L})": "카드 현금", r"(?<!\p{L})병원(?!\p{L})": "병원 의료",
                       r"유람선|크루즈|(?<!\p{L})보트(?!\p{L})": "여객선", r"(?<!\p{L})시장(?!\p{L})": "시장 장터",
                       "春节|过年": "冬季", "マイナス": "氷点下", "キッズ": "子ども", "小児科": "医療",
                       "할머니|할아버지|어르신|노인|노약자|고령자?": "거동", "배편": "카페리",
                       "횡단\\s*열차": "횡단 철도", "공항에서": "공항", "車椅子": "車いす",
                       "ウラジオ(?!ストク)": "ウラジオストク", "年越し": "新年", "子連れ": "子ども",
                       "海参崴": "符拉迪沃斯托克", "江边": "滨江", "落地签": "签证", "俄餐": "美食",
                       "(?<!\\p{L})детьми(?!\\p{L})": "дети", "обменник\\p{L}*": "обмен валюты",
                       "что\\s+надеть": "одежда", "разниц\\p{L}*\\s+во\\s+времени": "часовой пояс",
                       "(?<!\\p{L})restrooms?(?!\\p{L})": "toilet", "trolley\\s+bus(es)?": "trolleybus",
                       "(?<!\\p{L})(habarovsk|khabarovks)(?!\\p{L})": "khabarovsk", "(?<!\\p{L})uber(?!\\p{L})": "taxi",
                       "(?<!\\p{L})vodka(?!\\p{L})": "alcohol", "ё": "е", "降压药|高血压|血压": "药店",
                       "不舒服": "就医", "老人|老年人": "行动不便", r"(?<!\p{L})(회화|표현)(?!\p{L})": "언어 팁",
                       r"(?<![\p{N}\p{L}])((?:1[89]|20)\d\d)(?![\p{N}\p{L}])": "$1 $1年 $1년"}
_SPELLED = "".join(f'.replace(/{typed}/giu,"{written}")' for typed, written in _AS_THE_PAGES_WRITE.items())
SEARCH_WORKER_FIXES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);"),
    ("let i=[0];for(let s=i.length;s>0;){let o=i[--s];",
     "let i=[0],v=new Uint8Array(t.length);for(let s=i.length;s>0;){let o=i[--s];if(v[o]++)continue;"),
    ('let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a),r.add(t.slice(o,a))}return r.has("")?new Set([t]):r}',
     'let a=o+(n[o]||1);a<t.length&&(i[s++]=a),n[o]&&r.add(t.slice(o,a))}return r.size?r:new Set([t])}'),
    (r'search(e){if(e=e.replace(new RegExp("\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* ")),',
     r'search(e){if(e=e.normalize("NFKC")' + _SPELLED +
     r'.replace(/(?<=[A-Za-z])(?=[\p{sc=Katakana}\p{sc=Hangul}])|(?<=[\p{sc=Katakana}\p{sc=Hangul}])(?=[A-Za-z])/gu," ")'
     r'.replace(/(?:\d*[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}ー]+)+\d*/gu,'
     r's=>{let P=()=>this.prefixes||(this.prefixes=(()=>{let p=Object.create(null);'
     r'for(let k in this.index.invertedIndex)for(let i=1;i<=k.length;i++)p[k.slice(0,i)]=1;return p})()),'
     r'w=[...fe(s,/\p{sc=Hangul}/u.test(s)?P():this.index.invertedIndex)],l=w.filter(x=>x.length>1&&!' + _PLACE + r'.test(x)),'
     r'k=w.filter(x=>!/^\p{sc=Hiragana}$/u.test(x));'
     r'if(!l.length&&s.length>1&&/^\p{sc=Han}+$/u.test(s)){if(s in P())return s;'
     r'let c=Object.keys(this.index.invertedIndex).filter(x=>x.includes(s));if(c.length&&c.length<=5)return c.join(" ");'
     r'return w.join("")===s?w.map(x=>"+"+x).join(" "):s}'
     r'if(!l.length&&s.length>1&&/^\p{sc=Hangul}+$|^[\p{sc=Katakana}ー]+$/u.test(s))return s;'
     r'return(l.length?l:k.length?k:w).join(" ")})'
     r'.split(/\s+/).filter(t=>t)'
     r'.filter((t,i,a)=>{let D=x=>' + _PLACE + r'.test(x)'
     r'||' + _LITTLE_WORDS + r'.test(x);return!D(t)||a.every(D)})'
     r'.map(t=>{if(!/^[\p{L}\p{N}]+$/u.test(t))return t;let r=this.index.pipeline.runString(t.toLowerCase())[0]||"";'
     r'return t+"^10 "+(r.length>3&&/\p{sc=Cyrillic}/u.test(t)?r:t)}).join(" "),'),
)


# The search worker's own import of lunr's language scripts (its function that sets up the index).
SEARCH_WORKER_IMPORTS = "importScripts(`${e}/min/lunr.stemmer.support.min.js`,...r)"


def search_worker(site_dir: str | Path, prefix: str = "") -> Path:
    """The search worker the pages of the language at `prefix` ("ru/", "" at the root) start."""
    return _the_one(Path(site_dir, prefix, SEARCH_WORKER_FOLDER), "search.*.min.js", "Material search worker",
                    "search_worker")


def search_worker_scripts(worker: Path, languages: Iterable[str]) -> list[Path]:
    """The lunr scripts Material's search worker imports for an index of `languages`, as it
    decides them (tinyseg for Japanese, wordcut for Hindi and Thai, lunr.<lang> for each language
    but English, lunr.multi for several, the stemmer support before any)."""
    if SEARCH_WORKER_IMPORTS not in worker.read_text(encoding="utf-8"):
        raise _changed("the search worker no longer imports lunr's language scripts as it did",
                       "update search_worker_scripts (SEARCH_WORKER_IMPORTS)")
    languages = list(languages)
    scripts = []
    for lang in languages:
        scripts += ["tinyseg.js"] if lang == "ja" else ["wordcut.js"] if lang in ("hi", "th") else []
        scripts += [f"min/lunr.{lang}.min.js"] if lang != "en" else []
    scripts += ["min/lunr.multi.min.js"] if len(languages) > 1 else []
    lunr = worker.parent.parent / "lunr"
    return [lunr / script for script in (["min/lunr.stemmer.support.min.js", *scripts] if scripts else [])]
