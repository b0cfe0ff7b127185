"""CitySite: the one object MkDocs hands every event of the site's build to (hooks/citysite_hook.py).

One method per event, in the order MkDocs calls them. mkdocs-static-i18n builds the default
language, then, in its own on_post_build, every other language with a full MkDocs build in the
same process: each method below therefore runs once per language, and the first language's
on_config starts a new Run that all of them share. Priorities are given against the i18n
plugin's own (I18N_PRIORITY); a higher number runs earlier.
"""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from . import alternates, maps, pinned, preview, search_index, translations
from .errors import editor_errors
from .languages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix
from .maps import MapContext, Tiles
from .run import Run

log = logging.getLogger("mkdocs.plugins.citysite")

BEFORE_I18N = pinned.I18N_PRIORITY + 150  # 50: before the plugin sorts files into languages
AFTER_I18N = pinned.I18N_PRIORITY - 100  # -200: after the plugin built the other languages


class CitySite:
    """The site's build steps; state of the run in progress is on `run`, nothing at module level."""

    def __init__(self) -> None:
        self.run: Run | None = None

    # Default priority: before the i18n plugin's on_config, which reads the language it is at.
    @editor_errors
    def on_config(self, config):
        pinned.check_i18n_plugin(config)
        if pinned.is_first_build(config):
            self.run = Run.start(config)
            for warning in self.run.data.warnings if self.run.data else []:
                log.info(str(warning))
        pinned.segment_han_text(pinned.current_language(config) == "zh")
        return config

    @event_priority(BEFORE_I18N)  # the plugin sorts every language's pages, ours included
    @editor_errors
    def on_files(self, files, config):
        run = self.run
        run.sources.add_translation_folders(files, config, run.root)
        for src_uri, markdown in run.outputs.pages.items():
            run.sources.add_generated_page(files, config, src_uri, markdown)
        lang = pinned.preview_language(config)
        if lang and lang != DEFAULT_LANGUAGE:
            preview.drop_translated_originals(files, lang)
        return files

    # Default priority: after every on_files (the i18n plugin chose this language's files) and
    # before any page is read; files added here are written like the others.
    @editor_errors
    def on_nav(self, nav, config, files):
        run, lang = self.run, pinned.current_language(config)
        run.sources.restore(files)
        preview_lang = pinned.preview_language(config)
        if preview_lang and preview_lang != DEFAULT_LANGUAGE:
            preview.mark_untranslated_as_english(files)
        made = {}
        if run.data is not None:
            context = run.maps[lang] = self._map_context(config, files, lang)
            made = maps.map_files(context, run.data)
            if pinned.is_first_build(config):  # the libraries are shared by every language's maps
                for path, source in maps.vendor_files().items():
                    files.append(File.generated(config, path, abs_src_path=str(source)))
        # The open data ("" key) in every language build, so that --strict checks links to it.
        for group in (made, run.outputs.files[lang], run.outputs.files[""]):
            for src_uri, content in group.items():
                files.append(File.generated(config, src_uri, content=content))
        log.info(f"maps: {len(made)} map files for '{lang}'")
        return nav

    @editor_errors
    def on_env(self, env, config, files):
        strings = self.run.strings
        lang, root = pinned.current_language(config), pinned.root_language(config)
        env.globals["t"] = lambda key: strings[key][lang]
        env.globals["t_all"] = lambda key: strings[key]
        env.globals["site_languages"] = LANGUAGES
        env.filters["theme_head"] = pinned.theme_head
        env.filters["label_search_dialog"] = pinned.label_search_dialog
        env.filters["search_in_language"] = lambda script, base_url: pinned.point_search_at_language(
            script, base_url, lang, root)
        return env

    @editor_errors
    def on_page_markdown(self, markdown, page, config, files):
        run = self.run
        if run.data is None:
            return markdown
        listing = run.outputs.listings.get(page.file.src_uri)
        if listing is not None:  # before the map: a list may carry the `<!-- map -->` line
            markdown = f"{markdown.rstrip()}\n\n{listing}"
        path = page.file.abs_src_path
        source = (Path(path).relative_to(run.root).as_posix(), Path(path).read_text(encoding="utf-8-sig")) \
            if path else None
        return maps.embed_maps(markdown, run.maps[pinned.current_language(config)],
                               pinned.path_in_language(page.file), page.url, run.data, source)

    @editor_errors
    def on_page_content(self, html, page, config, files):
        return pinned.localize_permalinks(html, self.run.strings["permalink_title"][pinned.current_language(config)])

    @editor_errors
    def on_page_context(self, context, page, config, nav):
        run, lang = self.run, pinned.current_language(config)
        fallback = alternates.is_fallback(page.file, lang)
        page.canonical_url = alternates.canonical_url(page.file, lang, config.site_url)
        context["page_lang"] = lang
        context["page_is_fallback"] = fallback
        context["page_original_url"] = alternates.translations(page.file).get(DEFAULT_LANGUAGE)
        context["page_is_outdated"] = not fallback and translations.is_outdated(
            run.root, lang, page.file.src_uri, page.meta)
        context["page_jsonld"] = run.outputs.jsonld.get(page.file.src_uri)
        if getattr(config.extra, "alternate", None):  # none in a one-language preview
            # The i18n plugin sets the attribute (which templates read first), not the item.
            config.extra.alternate = alternates.language_selector(page.file, config.extra.alternate)
        context["hreflang_links"] = [] if fallback else alternates.hreflang_links(page.file, config.site_url)
        return context

    @event_priority(AFTER_I18N)  # the plugin's on_post_build builds the other languages first
    @editor_errors
    def on_post_build(self, config):
        if not pinned.is_first_build(config):
            return
        site = Path(config.site_dir)
        root = pinned.root_language(config)
        fields = config.plugins["material/search"].config.fields
        env = config.theme.get_env()
        pages = pinned.files_per_language(config)
        for lang, files in pages.items():
            fallback_urls = {file.url for file in files if alternates.is_fallback(file, lang)}
            index = search_index.language_index(pinned.search_entries(config), lang, fallback_urls,
                                                pinned.search_config(env, lang, fields), root)
            search_index.write_index(config.site_dir, lang, index, root)
        sitemap = alternates.sitemap_xml(pages, config.site_url)
        (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode("utf-8"), mtime=0))
        pinned.disable_theme_alternate_lookup(config.site_dir)

    # --- helpers ------------------------------------------------------------------------------

    def _map_context(self, config, files, lang: str) -> MapContext:
        tiles = self.run.options.tiles
        return MapContext(
            lang=lang,
            strings=self.run.strings_in(lang),
            tiles=Tiles(tiles.url, tiles.attribution_in(lang), tiles.max_zoom),
            page_urls=maps.page_urls(files),
            prefix=language_prefix(lang, pinned.root_language(config)),
        )

    def events(self) -> dict[str, object]:
        """The hook functions MkDocs looks for, by name."""
        return {name: getattr(self, name) for name in type(self).__dict__ if name.startswith("on_")}
