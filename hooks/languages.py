"""MkDocs hook: the five-language site.

Feeds docs_<lang>/ to the i18n plugin, gives templates what they need to mark fallback pages
and link translations, and after the last language writes per-language search indexes and a
sitemap that advertise only real translations. Logic lives in hooks/citysite/.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import material.plugins.search.plugin as material_search
from mkdocs.plugins import event_priority

from citysite import alternates, search_index, sources
from citysite.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    check_configured_languages,
    current_language,
    i18n_plugin,
    is_first_build,
    localize_permalinks,
    project_root,
    root_language,
    ui_strings,
)

_JIEBA = material_search.jieba


# --- configuration ------------------------------------------------------------------------------

def on_config(config):
    if is_first_build(config):
        check_configured_languages(config)
    # Material segments Han text with jieba when it is installed; that helps Chinese and
    # splits Japanese kanji words apart, so it is on for the Chinese build only.
    material_search.jieba = _JIEBA if current_language(config) == "zh" else None
    return config


# --- files: docs_<lang>/ and generated pages ----------------------------------------------------

@event_priority(100)  # before the i18n plugin (-100) sorts files into languages
def on_files(files, config):
    return sources.add_translation_folders(files, config, project_root(config))


def on_nav(nav, config, files):
    # Runs after the i18n plugin re-created the files and before any page is read.
    sources.restore_sources(files)
    return nav


# --- templates ----------------------------------------------------------------------------------

def on_env(env, config, files):
    lang = current_language(config)
    strings = ui_strings(project_root(config) / "data" / "ui.yml")
    env.globals["t"] = lambda key: strings[key][lang]
    env.globals["t_all"] = lambda key: strings[key]
    env.globals["site_languages"] = LANGUAGES
    env.filters["without_hreflang"] = alternates.without_hreflang_links
    root = root_language(config)
    env.filters["search_in_language"] = lambda script, base_url: search_index.point_config_at_language(
        script, base_url, lang, root
    )
    return env


def on_page_content(html, page, config, files):
    strings = ui_strings(project_root(config) / "data" / "ui.yml")
    return localize_permalinks(html, strings["permalink_title"][current_language(config)])


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    fallback = alternates.is_fallback(page.file, lang)
    page.canonical_url = alternates.canonical_url(page.file, lang, config.site_url)
    context["page_lang"] = lang
    context["page_is_fallback"] = fallback
    context["page_original_url"] = alternates.translations(page.file).get(DEFAULT_LANGUAGE)
    if getattr(config.extra, "alternate", None):  # none in a one-language preview
        # The i18n plugin sets the attribute (which templates read first), not the item.
        config.extra.alternate = alternates.language_selector(page.file, config.extra.alternate)
    context["hreflang_links"] = [] if fallback else alternates.hreflang_links(page.file, config.site_url)
    return context


# --- after the last language ---------------------------------------------------------------------

@event_priority(-200)  # after the i18n plugin's post_build, which builds the other languages
def on_post_build(config):
    if not is_first_build(config):
        return
    plugin = i18n_plugin(config)
    site = Path(config.site_dir)
    search = config.plugins["material/search"]
    env = config.theme.get_env()
    for lang in plugin.build_languages:
        pages = plugin.i18n_files_per_language.get(lang, [])
        fallback_urls = {file.url for file in pages if alternates.is_fallback(file, lang)}
        index = search_index.language_index(
            plugin.search_entries,
            lang,
            fallback_urls,
            search_index.search_config(env, lang, search.config.fields),
            plugin.default_language,
        )
        search_index.write_index(config.site_dir, lang, index, plugin.default_language)
    sitemap = alternates.sitemap_xml(plugin.i18n_files_per_language, config.site_url)
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode("utf-8"), mtime=0))
    alternates.disable_theme_alternate_lookup(config.site_dir)
