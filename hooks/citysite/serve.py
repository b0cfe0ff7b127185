"""`make serve` for editors: a failed rebuild shows its errors in the browser (so does one whose
warnings would stop the strict build that publishes the site, such as a broken link), and a saved
page of one language rebuilds that language only.

MkDocs 1.6's server (mkdocs/livereload/__init__.py, pinned 1.6.1) keeps the last good site when a
rebuild fails, but every request then waits for a build that never finishes ("the server will
appear stuck"): the browser hangs until the file is fixed. Here the builder the server calls is
wrapped: a failed build is caught, so the server goes on and reloads the browsers, and until the
next good build every page request is answered with an error page (file, line and message in the
editor's language) that carries the server's live-reload script, so it reloads by itself once
the file is fixed.

A full rebuild of the five languages takes about as long as `make build`. When every file saved
since the last build is a page of one language (docs_ru/... for Russian, or an existing page of
docs/ for English), only that language is built again, into the same site folder, reusing the
data of the last full build (MkDocs is not told to clean the folder, so the other languages stay
as they were), and the Markdown of its unchanged pages as rendered before (RenderCache). A
one-language preview (`make serve SITE_LANG=ru`) does the same when only pages were saved. Anything else (data, templates, settings, assets, new English pages, or after a
failed build) rebuilds everything. The other languages' English copies of a changed English page
are updated with the next full rebuild; the terminal says so.
"""

from __future__ import annotations

import contextlib
import html
import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs import utils as mkdocs_utils

from .errors import Located
from .languages import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, language_folder
from .messages import Message, message_languages, render, where

log = logging.getLogger("mkdocs.plugins.citysite")

MODIFIED = {"modified", "closed", "opened", "closed_no_write", "saved"}  # watchdog event types of a saved file
THIS_MODULE = "hooks/citysite/serve.py"
SERVER_ATTRIBUTES = ("builder", "observer", "get_app", "set_app", "_visible_epoch", "_inject_js_into_html")


class Changes:
    """Files changed since the last build, recorded from the server's own file watcher."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[tuple[str, str]] = []  # (event type, absolute path)

    def dispatch(self, event: Any) -> None:  # a watchdog event handler
        kind = "directory" if event.is_directory else event.event_type
        dest = getattr(event, "dest_path", "")
        with self._lock:
            if kind == "moved" and dest.endswith(".md") and not event.src_path.endswith(".md"):
                # a page saved by renaming a copy written aside over it (vim, gedit, sed -i): a save
                self._events += [("written_aside", event.src_path), ("saved", dest)]
                return
            self._events.append((kind, event.src_path))
            if dest:
                self._events.append((kind, dest))

    def take(self) -> list[tuple[str, str]]:
        """The events since the last build, without those of a copy an editor saved a page through
        (the copy itself, and its folder's change of contents)."""
        with self._lock:
            events, self._events = self._events, []
        aside = {path for kind, path in events if kind == "written_aside"}
        # the same page deleted and created again, and there: its copy renamed over it, as a polling
        # watcher sees it (the copy came and went between two looks)
        replaced = {path for kind, path in events if kind == "deleted"} & \
            {path for kind, path in events if kind == "created"}
        replaced = {path for path in replaced if Path(path).is_file()}
        folders = {str(Path(path).parent) for path in aside | replaced}
        kept = [(kind, path) for kind, path in events if path not in aside | replaced
                and not (kind == "directory" and path in folders)]
        return kept + [("saved", path) for path in sorted(replaced)]


def rebuild_language(events: Iterable[tuple[str, str]], root: Path) -> str | None:
    """The one language whose pages alone changed, or None when everything must be rebuilt."""
    languages = set()
    for kind, path in events:
        lang = _page_language(kind, Path(path), root)
        if lang is None:
            return None
        languages.add(lang)
    return languages.pop() if len(languages) == 1 else None


def _page_language(kind: str, path: Path, root: Path) -> str | None:
    if kind == "directory" or path.suffix != ".md":
        return None
    for lang in TRANSLATED_LANGUAGES:  # any change of a translation's pages stays in its language
        if path.is_relative_to(language_folder(root, lang)):
            return lang
    english = language_folder(root, DEFAULT_LANGUAGE)
    if path.is_relative_to(english) and kind in MODIFIED and path.is_file():
        return DEFAULT_LANGUAGE  # a new or deleted English page changes every language's menu
    return None


def untranslated_in(root: Path, english_pages: Iterable[str]) -> list[str]:
    """Languages that show an English copy of any of these pages (docs/<rel> without docs_<lang>/<rel>)."""
    rels = [Path(page).relative_to(language_folder(root, DEFAULT_LANGUAGE)) for page in english_pages]
    return [lang for lang in TRANSLATED_LANGUAGES
            if any(not (language_folder(root, lang) / rel).is_file() for rel in rels)]


@contextlib.contextmanager
def site_folder_kept():
    """MkDocs cleans the site folder at the start of a build; a one-language rebuild must not."""
    original = mkdocs_utils.clean_directory
    mkdocs_utils.clean_directory = lambda directory: None
    try:
        yield
    finally:
        mkdocs_utils.clean_directory = original


class Preview:
    """The wrapper around `mkdocs serve`'s builder and web application (see the module's docstring)."""

    def __init__(self, site: Any, root: Path, site_dir: str) -> None:
        self.site = site  # the CitySite: .partial (language to rebuild alone), .full_ok, .last_error
        self.root = root
        self.site_dir = Path(site_dir)
        self.changes = Changes()
        self.problems: list[Located] | None = None  # of the last build, when it failed
        # warnings that stop `make build --strict` (a broken link), by the file they are in, kept until
        # that file is built again without them; shown instead of the pages while there are any
        self.warned: dict[str, list[Located]] = {}
        self.server: Any = None
        self._builder: Callable[[], None] | None = None
        self._app: Callable | None = None

    # --- set-up -----------------------------------------------------------------------------------

    def attach(self, server: Any, watched: Iterable[str], one_language: str | None) -> Any:
        """Wrap `server` (see the module's docstring); `one_language`: the language of a
        one-language preview (`make serve SITE_LANG=ru`), which is then the only one built."""
        missing = [name for name in SERVER_ATTRIBUTES if not hasattr(server, name)]
        if missing:
            log.warning(f"{THIS_MODULE}: MkDocs' live-reload server has no {', '.join(missing)}; the preview "
                        "keeps MkDocs' own behaviour (a failed rebuild leaves the browser waiting)")
            return server
        self.server, self._builder, self._app = server, server.builder, server.get_app()
        server.builder = self.build
        server.set_app(self.app)
        self.one_language = one_language
        from watchdog.events import FileSystemEventHandler

        handler = FileSystemEventHandler()
        handler.dispatch = self.changes.dispatch  # type: ignore[method-assign]
        for path in dict.fromkeys(str(Path(path).resolve()) for path in watched):
            if Path(path).exists():
                server.observer.schedule(handler, path, recursive=True)
        return server

    # --- building --------------------------------------------------------------------------------------

    def build(self) -> None:
        """What the server calls for a rebuild; never raises, so the browsers always reload."""
        events = self.changes.take()
        if not self.site.full_ok:
            lang = None
        elif self.one_language:  # only pages saved: the same language again, with the data it has
            pages_only = bool(events) and all(kind != "directory" and Path(path).suffix == ".md"
                                              for kind, path in events)
            lang = self.one_language if pages_only else None
        else:
            lang = rebuild_language(events, self.root)
        root_language = self.one_language or DEFAULT_LANGUAGE
        self.site.partial, self.site.last_error = lang, None
        saved_index = self._search_index() if lang and lang != root_language else None
        try:
            if lang is None:
                RENDER_CACHE.clear()  # data, templates or settings may have changed
                self._builder()
            else:
                with site_folder_kept():
                    self._builder()
                if not self.one_language:
                    self._report_partial(lang, [path for _kind, path in events])
        except BaseException as error:  # noqa: BLE001 - any failure is shown in the browser
            if isinstance(error, KeyboardInterrupt):
                raise
            self.problems = self._describe(self.site.last_error or error)
            if lang is None:
                self.site.full_ok = False
        else:
            self._keep_warnings(lang is None, [path for _kind, path in events])
            self.problems = [problem for found in self.warned.values() for problem in found] or None
            if lang is None:
                self.site.full_ok = True
        finally:
            self.site.partial = None
            if saved_index is not None:
                self._restore_search_index(saved_index)

    def _keep_warnings(self, full: bool, saved: list[str]) -> None:
        """The strict build's warnings of this build: a full build's replace all; a one-language
        build's replace those of the files saved (the others' pages were not looked at again)."""
        from .buildlog import LINK_WARNINGS

        if full:
            self.warned = {}
        else:
            for path in saved:
                with contextlib.suppress(ValueError):
                    self.warned.pop(Path(path).resolve().relative_to(self.root).as_posix(), None)
        for problem in LINK_WARNINGS.found:
            self.warned.setdefault(problem.file.split(" ", 1)[0], []).append(problem)

    def _search_index(self) -> bytes | None:
        path = self.site_dir / "search" / "search_index.json"
        return path.read_bytes() if path.is_file() else None

    def _restore_search_index(self, content: bytes) -> None:
        """Material's search plugin writes the built language's entries into the root's index."""
        (self.site_dir / "search" / "search_index.json").write_bytes(content)

    def _report_partial(self, lang: str, paths: list[str]) -> None:
        files = [Path(path).resolve().relative_to(self.root).as_posix() for path in dict.fromkeys(paths)]
        log.info(render(Message("serve.partial", lang=lang, files=", ".join(files))))
        if lang == DEFAULT_LANGUAGE:
            stale = untranslated_in(self.root, paths)
            if stale:
                log.info(render(Message("serve.stale", langs=", ".join(stale), files=", ".join(files))))

    def _describe(self, error: BaseException) -> list[Located]:
        problems = getattr(error, "problems", None)
        if callable(problems):
            return problems()
        from mkdocs.exceptions import BuildError  # MkDocs has logged these itself

        if not isinstance(error, BuildError) and type(error).__name__ != "Abort":
            traceback.print_exception(error)
        text = str(error) or type(error).__name__
        return [Located("", None, (text,))]

    # --- answering the browser -------------------------------------------------------------------------

    def app(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if self.problems is not None and not path.startswith("/livereload/") and _is_page(path):
            body = self.server._inject_js_into_html(self.error_page().encode("utf-8"), self.server._visible_epoch)
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                         ("Content-Length", str(len(body))),
                                                         ("Cache-Control", "no-store")])
            return [body]
        return self._app(environ, start_response)

    def error_page(self) -> str:
        languages = message_languages()
        built = self.site.last_error is None and bool(self.warned)  # built, with warnings only
        title, lead = ("serve.warnings_title", "serve.warnings_lead") if built else ("serve.title", "serve.lead")
        sections = []
        for lang in languages:
            items = "".join(
                f'<li><code>{html.escape(where(problem.file, problem.line).rstrip(": ") if problem.file else "")}'
                f"</code> {html.escape(problem.what(lang))}</li>" for problem in self.problems or [])
            guide = Message("serve.guide").in_language(lang)
            sections.append(
                f'<section lang="{lang}"><h1>{html.escape(Message(title).in_language(lang))}</h1>'
                f'<p>{html.escape(Message(lead).in_language(lang))}</p><ol class="problems">{items}</ol>'
                f'<p class="more">{html.escape(Message("serve.more", guide=guide).in_language(lang))}</p></section>')
        return (
            f'<!doctype html><html lang="{languages[0]}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(Message(title).in_language(languages[0]))}</title><style>"
            "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
            "h1{color:#b00020;font-size:1.6rem}ol.problems li{margin:.6rem 0}"
            "code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px;white-space:nowrap}"
            "section+section{border-top:1px solid #ddd;margin-top:2rem}.more{color:#555}"
            f"</style></head><body>{''.join(sections)}</body></html>"
        )


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith((".html", ".htm")) or "." not in last


class RenderCache:
    """Markdown rendered in earlier builds of `make serve`, reused when nothing it depends on has
    changed: the same page (source and address), the same Markdown after the site's own steps, and
    the same set of files (links are resolved against it). A one-language rebuild after one page was
    saved then converts that page only; the others are taken from here. Cleared before every full
    rebuild (data, templates, settings may have changed)."""

    def __init__(self) -> None:
        self.pages: dict[tuple, tuple] = {}
        self._signature: tuple[Any, int] | None = None
        self._original: Callable | None = None

    def clear(self) -> None:
        self.pages.clear()

    def _files_signature(self, files: Any) -> int:
        """The files a page's links can name: the site's own (not those a plugin or hook generates,
        such as map libraries, added by the first build of a run only)."""
        if self._signature is None or self._signature[0] is not files:
            names = sorted((f.src_uri, f.dest_uri) for f in files if not getattr(f, "generated_by", None))
            self._signature = (files, hash(tuple(names)))
        return self._signature[1]

    def start(self) -> None:
        """Render pages through the cache (for the rest of this `mkdocs serve` process)."""
        from mkdocs.structure.pages import Page

        if self._original is not None:
            return
        self._original = original = Page.render
        cache = self

        def render(page: Any, config: Any, files: Any) -> None:
            key = (page.file.src_uri, page.file.dest_uri, page.markdown, cache._files_signature(files))
            found = cache.pages.get(key)
            if found is None:
                original(page, config, files)
                cache.pages[key] = (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                                    getattr(page, "links_to_anchors", None))
            else:
                (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                 page.links_to_anchors) = found

        Page.render = render

    def stop(self) -> None:
        from mkdocs.structure.pages import Page

        if self._original is not None:
            Page.render, self._original = self._original, None
        self.clear()


RENDER_CACHE = RenderCache()
