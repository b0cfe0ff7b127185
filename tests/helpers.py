"""Reading a built site as a visitor gets it: pages by URL, their text, and the site over HTTP."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LANGUAGES = ("en", "ru", "zh", "ja", "ko")
SITE_URL = "https://khabarovsk.example.org/"


@dataclass(eq=False)  # hashed by identity, so page() can be cached
class BuiltSite:
    root: Path
    build_log: str = ""

    def path_of(self, url: str) -> Path:
        """The file a site-relative URL ("ru/about/", "events/events.ics") is served from."""
        path = unquote(urlsplit(url).path).lstrip("/")
        if path.startswith(urlsplit(SITE_URL).path.lstrip("/")):
            path = path[len(urlsplit(SITE_URL).path.lstrip("/")):]
        target = self.root / path
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def exists(self, url: str) -> bool:
        return self.path_of(url).is_file()

    def text(self, url: str) -> str:
        return self.path_of(url).read_text(encoding="utf-8")

    @functools.cache
    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(url), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_of(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return relative.removesuffix("index.html")

    def content_pages(self, lang: str) -> list[str]:
        """URLs of the Markdown pages of one language (every HTML page but 404 and map files)."""
        urls = []
        for path in self.html_files():
            url = self.url_of(path)
            first = url.split("/", 1)[0]
            page_lang = first if first in LANGUAGES[1:] else "en"
            if page_lang == lang and path.name == "index.html" and "/maps/" not in f"/{url}":
                urls.append(url)
        return urls


def main_text(page: BeautifulSoup) -> str:
    """The article text of a Material page, without navigation, header or footer."""
    article = page.select_one("article.md-content__inner") or page.body
    return article.get_text(" ", strip=True)


def resolve(page_url: str, href: str) -> str:
    """A link on page `page_url` as a site-relative URL."""
    absolute = urljoin("http://site/" + page_url, href)
    return urlsplit(absolute).path.lstrip("/") + ("#" + urlsplit(absolute).fragment if urlsplit(absolute).fragment else "")


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Like a static host: files as they are, 404.html for anything missing, optionally under a sub-path."""

    prefix = "/"

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.exists():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def serve_directory(root: Path, prefix: str = "/"):
    """Serve `root` at http://127.0.0.1:<free port><prefix> during the block; yields that base URL."""
    handler_class = type("Handler", (_StaticHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
