"""Everything that depends on the internals of the pinned mkdocs-material (9.8.2) and
mkdocs-static-i18n (1.3.1), in one place. Each piece checks what it relies on and stops the build
with a message naming this module when an upgrade changed it.

Re-check on an upgrade of mkdocs-material:
- `disable_theme_alternate_lookup`: the call in the JavaScript bundle that fetches sitemap.xml for
  every <link rel="alternate"> (THEME_ALTERNATE_LOOKUP);
- `segment_han_text`: the search plugin's module-level `jieba` (set per language build);
- `search_config` / `point_search_at_language`: partials/language.html's search.config.* keys and
  the `"base": ...` entry of the #__config script;
- `theme_head`: the <link rel="icon">, <meta name="description"> and hreflang links Material writes
  in its site_meta block; `label_search_dialog`: its search dialog's markup;
- `localize_permalinks`: the toc extension's English permalink title (Python-Markdown).
Re-check on an upgrade of mkdocs-static-i18n:
- the plugin attributes read here (I18N_ATTRIBUTES) and the file attributes `locale`,
  `localization`, `alternates`, `norm_src_uri`;
- that it re-creates Files from docs_dir in its on_files (citysite.sources restores them);
- its event priority (I18N_PRIORITY) and that it builds the other languages in its on_post_build.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

import material.plugins.search.plugin as material_search
from markupsafe import Markup

from .errors import SiteError
from .languages import DEFAULT_LANGUAGE, language_prefix

THIS_MODULE = "hooks/citysite/pinned.py"
I18N_PRIORITY = -100  # mkdocs-static-i18n runs on_config, on_files, on_nav and on_post_build at -100
I18N_ATTRIBUTES = ("building", "current_language", "default_language", "build_languages",
                   "i18n_files_per_language", "search_entries")


def _changed(what: str, fix: str) -> SiteError:
    return SiteError(THIS_MODULE, None, f"{what}: the pinned theme or i18n plugin changed", fix)


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


# --- mkdocs-material: search ------------------------------------------------------------------

if not hasattr(material_search, "jieba"):
    raise _changed("material.plugins.search.plugin has no `jieba`", "find how it segments Chinese now")
_JIEBA = material_search.jieba


def segment_han_text(on: bool) -> None:
    """Material segments Han text with jieba when it is installed; that helps Chinese and splits
    Japanese kanji words apart, so the caller turns it on for the Chinese build only."""
    material_search.jieba = _JIEBA if on else None


def split_pipeline(value: str) -> list[str]:
    """Material's "search.config.pipeline" string ("stemmer, stopWordFilter") as a list."""
    return [name for name in re.split(r"\s*,\s*", value.strip()) if name]


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


def point_search_at_language(config_script: str, base_url: str, lang: str, root: str = DEFAULT_LANGUAGE) -> Markup:
    """Material's #__config script with "base" moved to the language's folder, where its index is."""
    prefix = language_prefix(lang, root)
    if not prefix:
        return Markup(config_script)
    old = '"base": ' + json.dumps(base_url)
    if old not in config_script:
        raise _changed(f"Material's #__config script no longer contains {old}", "update point_search_at_language")
    return Markup(str(config_script).replace(old, '"base": ' + json.dumps(f"{base_url}/{prefix}"), 1))


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


def label_search_dialog(header: str, label: str) -> Markup:
    """Material's header with a name for its search dialog (role="dialog" and no label)."""
    if str(header).count(_SEARCH_DIALOG) != 1:
        raise _changed("Material's search dialog markup changed", "update label_search_dialog")
    return Markup(str(header).replace(
        _SEARCH_DIALOG, f'data-md-component="search" role="dialog" aria-label="{escape(label)}">', 1))


MARKDOWN_PERMALINK_TITLE = 'title="Permanent link"'  # the toc extension's default, in English


def localize_permalinks(html: str, title: str) -> str:
    """Heading link icons with their tooltip in the page's language."""
    if 'class="headerlink"' in html and MARKDOWN_PERMALINK_TITLE not in html:
        raise _changed("the toc extension's permalink title is no longer 'Permanent link'",
                       "update MARKDOWN_PERMALINK_TITLE")
    return html.replace(MARKDOWN_PERMALINK_TITLE, f'title="{escape(title)}"')


# Material's JavaScript reads every <link rel="alternate"> in the head as the root of a language
# and fetches sitemap.xml beside it, to map the current page onto that language. Ours are
# per-page hreflang links (as search engines want), so each page view would request five
# missing <page>/sitemap.xml files. The language menu already links the same page in each
# language, so we switch that lookup off in the theme's bundle.
THEME_ALTERNATE_LOOKUP = "ui({document$:ct});"


def disable_theme_alternate_lookup(site_dir: str) -> Path:
    """Remove the call that starts Material's sitemap lookups from the built bundle."""
    bundles = sorted(Path(site_dir, "assets", "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise _changed(f"expected one Material bundle in assets/javascripts, found {len(bundles)}",
                       "update disable_theme_alternate_lookup")
    bundle = bundles[0]
    code = bundle.read_text(encoding="utf-8")
    if code.count(THEME_ALTERNATE_LOOKUP) != 1:
        raise _changed(f"{bundle.name} no longer contains {THEME_ALTERNATE_LOOKUP!r} once",
                       "find the function that fetches sitemap.xml for link[rel=alternate]")
    bundle.write_text(code.replace(THEME_ALTERNATE_LOOKUP, "", 1), encoding="utf-8")
    return bundle

