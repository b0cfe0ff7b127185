"""CitySite: the one object MkDocs hands every event of the site's build to (hooks/citysite_hook.py).

One method per event, in the order MkDocs calls them. mkdocs-static-i18n builds the default
language, then, in its own on_post_build, every other language with a full MkDocs build in the
same process: each method below therefore runs once per language, and the first language's
on_config starts a new Run that all of them share. Priorities are given against the i18n
plugin's own (I18N_PRIORITY); a higher number runs earlier.

`make build` instead runs one process per language (scripts/build_site.py, CITYSITE_BUILD_LANGUAGE):
there on_config makes the Run of that language alone and tells the i18n plugin not to build the
others, and on_post_build saves what the site-wide files need (citysite.assembly), which the
coordinator writes once every language is built. Both give the same site, byte for byte.
"""

from __future__ import annotations

import functools
import logging
import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from . import (
    alternates,
    anchors,
    assembly,
    buildlog,
    contents,
    dated,
    home,
    maps,
    menu,
    messages,
    offline,
    page_html,
    page_markdown,
    pinned,
    preview,
    search_words,
    translations,
    typography,
)
from .dates import khabarovsk_day
from .errors import SiteError, editor_errors
from .images import credits_url
from .languages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix, src_uri_language
from .maps import MapContext, Tiles
from .run import PLACEHOLDER_SITE_URL, Run, check_site_address, is_placeholder_address
from .serve import RENDER_CACHE, Preview
from .templates import TEMPLATE_CACHE

log = logging.getLogger("mkdocs.plugins.citysite")

BEFORE_I18N = pinned.I18N_PRIORITY + 150  # 50: before the plugin sorts files into languages
AFTER_I18N = pinned.I18N_PRIORITY - 100  # -200: after the plugin built the other languages


class CitySite:
    """The site's build steps; state of the run in progress is on `run`, nothing at module level."""

    def __init__(self) -> None:
        self.run: Run | None = None
        # make serve (citysite/serve.py): the language of a one-language rebuild, whether the last
        # full build succeeded (its run is what a one-language rebuild reuses), and the first error
        # of the build in progress (the nested language builds report it again on their way out).
        self.partial: str | None = None
        self.full_ok = False
        self.last_error: BaseException | None = None
        self.dirty = False  # `--dirty` (refused in on_config)
        self.serving = False  # `mkdocs serve`: no service worker (citysite/offline) on the preview
        self.event_seconds = 0.0  # CPU seconds spent in the event methods (events())

    def on_startup(self, command, dirty):
        self.dirty = dirty
        self.serving = command == "serve"
        if self.serving:  # pages rendered once are reused by one-language rebuilds (serve.py)
            RENDER_CACHE.start()

    # Default priority: before the i18n plugin's on_config, which reads the language it is at.
    @editor_errors
    def on_config(self, config):
        pinned.check_i18n_plugin(config)
        offline.revision_links(config)
        pinned.reuse_markdown_converters()
        pinned.list_theme_files_once()
        if self.partial and self.run is not None and pinned.is_first_build(config):
            pinned.build_one_language(config, self.partial)  # the run of the last full build stays
            buildlog.install(self._locator(), config.strict)
        if pinned.is_first_build(config):
            if self.dirty:
                raise SiteError("mkdocs.yml", None, "`--dirty` builds are not supported: they would keep pages "
                                "made from the data out of date", "build without --dirty (`make build`)")
            check_site_address(config.site_url)
            menu.check_menu_titles(config.nav, pinned.menu_translations(config), Path(config.config_file_path).parent)
            one = assembly.parallel_language()  # one language of a parallel build (scripts/build_site.py)
            self.run = Run.start(config, (one,) if one else LANGUAGES)
            buildlog.install(self._locator(), config.strict)
            if one:
                self.run.language = one
                pinned.build_one_language(config, one)
            for warning in self.run.data.warnings if self.run.data else []:
                log.info(str(warning))
        chinese = pinned.current_language(config) == "zh"
        words = search_words.chinese_words(self.run.data, self.run.root / "data" / "glossary.yml") \
            if chinese and self.run.data is not None else ()
        pinned.segment_han_text(chinese, words)
        return config

    @event_priority(BEFORE_I18N)  # the plugin sorts every language's pages, ours included
    @editor_errors
    def on_files(self, files, config):
        run = self.run
        run.sources.add_translation_folders(files, config, run.root)
        building = pinned.current_language(config)
        for src_uri, markdown in run.outputs.pages.items():
            if src_uri_language(src_uri) == building:  # its other versions: pinned.give_versions_directly
                run.sources.add_generated_page(files, config, src_uri, markdown, run.root)
        pinned.give_versions_directly(config, run.sources.texts)
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
            if self._writes_shared_files(config):  # the libraries are shared by every language's maps
                for path, source in maps.vendor_files().items():
                    files.append(File.generated(config, path, abs_src_path=str(source)))
        if self._writes_shared_files(config):  # pictures (data/images.yml) are shared by every language
            for path, content in run.images.files().items():
                files.append(File.generated(config, path, content=content))
        # The language's calendars, at the root in a one-language preview (its pages are there);
        # the open data ("" key) in every language build, so that --strict checks links to it.
        root = pinned.root_language(config)
        own = {language_prefix(lang, root) + src_uri.removeprefix(language_prefix(lang)): content
               for src_uri, content in run.outputs.files[lang].items()}
        for group in (made, own, run.outputs.files[""]):
            for src_uri, content in group.items():
                files.append(File.generated(config, src_uri, content=content))
        # the language's web app manifest (citysite/offline)
        files.append(File.generated(config, language_prefix(lang, root) + offline.MANIFEST, content=offline.manifest(
            lang, root, config.site_name, config.site_description or "", run.strings)))
        log.debug(f"maps: {len(made)} map files for '{lang}'")
        return nav

    @editor_errors
    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATE_CACHE  # each template compiled once (citysite/templates.py)
        strings = self.run.strings
        lang, root = pinned.current_language(config), pinned.root_language(config)
        env.globals["t"] = lambda key: strings[key][lang]
        env.globals["t_all"] = lambda key: strings[key]
        env.globals["theme_word"] = lambda key: pinned.theme_word(strings, lang, key)
        env.globals["site_languages"] = LANGUAGES
        env.filters["theme_head"] = pinned.theme_head
        env.globals["site_picture"] = lambda image_id, page_url, **options: Markup(
            self.run.images.picture(image_id, lang, page_url, **options))
        env.globals["site_credit"] = lambda image_id, page_url: Markup(
            self.run.images.credit(image_id, lang, page_url, root))
        env.filters["without_h1"] = home.without_h1
        env.globals["credits_path"] = credits_url(lang, root)
        env.filters["label_search_dialog"] = pinned.label_search_dialog
        env.filters["accessible_header"] = pinned.accessible_header
        env.filters["accessible_nav"] = pinned.accessible_nav
        # The offline guide (citysite/offline): the manifest and worker of this language, and the
        # kept pages that its offline page lists.
        env.globals["app_manifest"] = language_prefix(lang, root) + offline.MANIFEST
        env.globals["offline_worker"] = None if self.serving else language_prefix(lang, root) + offline.WORKER
        env.globals["offline_pages"] = lambda page, nav_pages=(): offline.kept_links(
            self.run.offline, lang, root, files, page, nav_pages,
            [f"events/{event_id}/" for event_id in self.run.outputs.coming])
        env.filters["bind_spaces"] = lambda text: typography.bind_text(str(text), lang)  # a title in a template
        env.filters["search_in_language"] = lambda script, base_url: pinned.point_search_at_language(
            script, base_url, lang, root)
        scripts = pinned.patched_script_names()  # the theme's scripts as the site changes them
        env.filters["with_patched_scripts"] = lambda html: pinned.with_patched_scripts(html, scripts)
        return env

    @editor_errors
    def on_page_markdown(self, markdown, page, config, files):
        run = self.run
        if markdown.startswith("---"):  # front matter MkDocs could not read stays in the text: say why
            translations.check_front_matter(page.file.abs_src_path, run.root)
        path = page.file.abs_src_path  # (file, whole text) of an editor's page; None for a generated one
        source = (Path(path).relative_to(run.root).as_posix(), Path(path).read_text(encoding="utf-8-sig")) \
            if path else None
        if source is not None:
            page_html.check_page_html(markdown, *source)
            page_markdown.check_page_markdown(markdown, *source, config.site_url or PLACEHOLDER_SITE_URL,
                                              page.file.src_uri, files.src_uris)
        markdown = self._pictures(markdown, page, config, source)
        if run.data is None:
            return markdown
        listing = run.outputs.listings.get(page.file.src_uri)
        if listing is not None:  # before the map: a list may carry the `<!-- map -->` line
            markdown = f"{markdown.rstrip()}\n\n{listing}"
        return maps.embed_maps(markdown, run.maps[pinned.current_language(config)],
                               pinned.path_in_language(page.file), page.url, run.data, source)

    @editor_errors
    def on_page_content(self, html, page, config, files):
        lang = pinned.current_language(config)
        anchors.check_unique_anchors(html, page.file.abs_src_path, self.run.root)
        if page.file.abs_src_path:  # an editor's page may date a passage (`{: until="…" }`)
            path = Path(page.file.abs_src_path)
            html = dated.dated_passages(html, khabarovsk_day(self.run.moment), path.relative_to(self.run.root).as_posix(),
                                        path.read_text(encoding="utf-8-sig"))
        if contents.wants_contents(page, self.run.root):  # first: its line of links gets the typography too
            html = contents.with_contents(html, page.toc, self.run.strings["on_this_page"][lang], lang)
        html = typography.keep_dates_whole(typography.bind_spaces(page_html.without_comments(html), lang), lang)
        html = typography.mark_other_scripts(html, lang)
        return pinned.hide_icons(pinned.localize_permalinks(html, self.run.strings["permalink_title"][lang]))

    @editor_errors
    def on_page_context(self, context, page, config, nav):
        run, lang = self.run, pinned.current_language(config)
        fallback = alternates.is_fallback(page.file, lang)
        page.canonical_url = alternates.canonical_url(page.file, lang, config.site_url)
        context["page_lang"] = lang
        context["page_is_fallback"] = fallback
        versions = alternates.translations(page.file)
        context["page_original_url"] = versions.get(DEFAULT_LANGUAGE)
        context["page_is_outdated"] = not fallback and translations.is_outdated(
            run.root, lang, page.file.src_uri, page.meta)
        context["page_jsonld"] = run.outputs.jsonld.get(page.file.src_uri)
        contents.hide_empty_sidebar(page)
        if getattr(config.extra, "alternate", None):  # none in a one-language preview
            # The i18n plugin sets the attribute (which templates read first), not the item.
            config.extra.alternate = alternates.language_selector(page.file, config.extra.alternate)
        context["hreflang_links"] = [] if fallback else alternates.hreflang_links(page.file, config.site_url)
        context["language_hints"] = [] if fallback else alternates.language_hints(versions, lang, run.strings)
        card = run.images.card(page.meta.get("image"))  # the page's own picture for link previews
        context["page_card"] = None if card is None else {
            "url": (config.site_url or "/") + card.path, "width": card.width, "height": card.height, "type": card.mime,
            "alt": run.images.images[page.meta["image"]].record.alt[page.file.locale if fallback else lang]}
        if page.meta.get("template") == home.HOME_TEMPLATE:
            root = pinned.root_language(config)
            titles = {pinned.path_in_language(item.file): item.title for item in nav.pages}
            context["home"] = home.home_context(run.home, run.data, run.images, run.strings, lang,
                                                khabarovsk_day(run.moment), page.url, root, titles)
        return context

    @event_priority(AFTER_I18N)  # the plugin's on_post_build builds the other languages first
    @editor_errors
    def on_post_build(self, config):
        root = pinned.root_language(config)
        if self.partial:  # a one-language rebuild of make serve: that language's own files
            assembly.finish_languages(config.site_dir, assembly.language_parts(config, [self.partial]), root,
                                      self.run.offline)
            return
        if self.run.language:  # one language of a parallel build: scripts/build_site.py finishes the site
            part = assembly.language_parts(config, [self.run.language])[0]
            assembly.finish_languages(config.site_dir, [part], root, self.run.offline)
            path = Path(assembly.part_path())
            assembly.save_pages(part, path)
            path.with_suffix(".seconds").write_text(f"{self.event_seconds}")  # for scripts/bench.py
            return
        if not pinned.is_first_build(config):
            return
        # The steps after the language builds go in assembly, which the parallel build runs too.
        parts = assembly.language_parts(config)
        assembly.finish_languages(config.site_dir, parts, root, self.run.offline)
        assembly.finish_site(config.site_dir, {part.lang: part.pages for part in parts}, config.site_url, root)
        # Said once the site is built (scripts/build_site.py says it for make build's language processes)
        if not self.serving and is_placeholder_address(config.site_url) and not pinned.strict_build_will_fail(config):
            log.info(messages.render(messages.Message("build.placeholder_address", url=config.site_url)))

    def on_build_error(self, error):
        """Remember the build's first error for make serve's error page; in GitHub Actions, show
        the errors that name a file on that file's line (citysite/messages.py)."""
        if self.last_error is None:
            self.last_error = error
            if messages.github_actions() and callable(getattr(error, "problems", None)):
                found = error.problems()
                for problem in found:
                    if problem.file:
                        body = "\n".join(problem.what(lang) for lang in messages.message_languages())
                        print(messages.annotation("error", problem.file, problem.line, body, "mkdocs build"),
                              flush=True)
                messages.add_to_step_summary("\n".join([
                    "### " + " / ".join(messages.Message("summary.build_errors").in_language(lang)
                                        for lang in messages.BOTH), "",
                    *[f"- `{messages.where(p.file, p.line).rstrip(': ')}`: "
                      + " / ".join(p.what(lang) for lang in messages.BOTH) for p in found]]))

    def on_pre_build(self, config):
        if self._first_build(config) or self.partial:
            self.last_error = None

    def on_shutdown(self):
        RENDER_CACHE.stop()

    def on_serve(self, server, config, builder):
        """make serve: a failed rebuild shows an error page, a page of one language rebuilds that
        language only (citysite/serve.py)."""
        self.full_ok = True  # MkDocs calls this after a good first build
        preview = Preview(self, self.run.root, config.site_dir)
        watched = [config.docs_dir, config.config_file_path, *config.watch]
        return preview.attach(server, watched, one_language=pinned.preview_language(config))

    # --- helpers ------------------------------------------------------------------------------

    def _first_build(self, config) -> bool:
        """The build that starts the run (the i18n plugin nests the others in its post_build event);
        in a parallel build's process, that of the language the one-process build starts with."""
        if self.run is not None and self.run.language:
            return self.run.language == pinned.root_language(config)
        return pinned.is_first_build(config)

    def _writes_shared_files(self, config) -> bool:
        """Whether this build writes the files every language shares (the maps' libraries, the
        pictures): the run's first; in a parallel build, each language's process, whose service
        worker keeps them (assembly.finish_languages; the merge checks that they are the same)."""
        return bool(self.run.language) or pinned.is_first_build(config)

    def _locator(self) -> buildlog.Locator:
        return buildlog.Locator(self.run.root if self.run else Path.cwd(),
                                lambda: self.run.sources.paths if self.run else {},
                                lambda: self.run.outputs.pages if self.run else {})

    def _pictures(self, markdown: str, page, config, source: tuple[str, str] | None) -> str:
        """Each `<!-- image: id -->` line as the picture and its credit; the first one is the page's
        picture for link previews unless its front matter names one (`image: id`)."""
        run = self.run
        markdown, first = run.images.embed(markdown, pinned.current_language(config), page.url,
                                           pinned.root_language(config), source)
        chosen = page.meta.get("image")
        if chosen is not None:
            run.images.get(str(chosen), (source[0] if source else page.file.src_uri, 1))
        elif first is not None:
            page.meta["image"] = first
        return markdown

    def _map_context(self, config, files, lang: str) -> MapContext:
        tiles = self.run.options.tiles
        return MapContext(
            lang=lang,
            strings=self.run.strings_in(lang),
            tiles=Tiles(tiles.url, tiles.attribution_in(lang), tiles.max_zoom),
            page_urls=maps.page_urls(files),
            prefix=language_prefix(lang, pinned.root_language(config)),
            site_name=config.site_name,
            icon=config.theme.get("favicon") or "",
            # The languages of Material's menu (none in a one-language preview): the i18n plugin sets
            # the item in on_config, and the attribute only once it has rendered a page.
            languages=tuple((entry["lang"], entry["name"]) for entry in
                            config.extra.get("alternate") or getattr(config.extra, "alternate", None) or []),
            root_language=pinned.root_language(config),
            countries={partner.country: self.run.data.country_name(partner.country, lang)
                       for partner in self.run.data.partners.values()},
        )

    def events(self) -> dict[str, object]:
        """The hook functions MkDocs looks for, by name, each adding its CPU time to `event_seconds`
        (the project's own share of a build, which scripts/bench.py reports)."""
        return {name: self._timed(getattr(self, name)) for name in type(self).__dict__ if name.startswith("on_")}

    def _timed(self, method):
        @functools.wraps(method)  # keeps mkdocs_priority
        def event(*args, **kwargs):
            started = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.event_seconds += time.process_time() - started

        return event
