"""A static host on 127.0.0.1 for tests and measuring scripts: files as they are, 404.html for
anything missing, optionally under a sub-path, text gzipped when the browser accepts it (as a
real host does), and extra fixed answers by path prefix (the audit's stand-in map tiles)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".geojson", ".txt", ".webmanifest"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  # the site's base path
    fixed: Mapping[str, tuple[str, bytes]] = {}  # path prefix -> (content type, body), cached by browsers

    def log_message(self, *args):  # keep test and script output clean
        pass

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head: bool = False):
        url_path = self.path.split("?", 1)[0]
        for start, (content_type, body) in self.fixed.items():
            if url_path.startswith(start):
                return self._send(200, content_type, body, Path(url_path).suffix, head, cache=True)
        if not url_path.startswith(self.prefix):
            return self._not_found(head)
        path = Path(super().translate_path("/" + url_path[len(self.prefix):]))
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            return self._not_found(head)
        self._send(200, self.guess_type(str(path)), path.read_bytes(), path.suffix, head)

    def _not_found(self, head: bool):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self._send(404, "text/html; charset=utf-8", body, ".html", head)

    def _send(self, status: int, content_type: str, body: bytes, suffix: str, head: bool, cache: bool = False):
        encoded = suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if encoded:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json", "xml")):
            content_type += "" if "charset" in content_type else "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "public, max-age=3600" if cache else "no-cache")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser moved on
                self.wfile.write(body)


@contextlib.contextmanager
def serve(root: Path, prefix: str = "/", fixed: Mapping[str, tuple[str, bytes]] | None = None,
          host: type[StaticHost] = StaticHost) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:<free port><prefix> during the block; yields that base URL.
    `host`: a StaticHost that answers differently (a test's slow host)."""
    handler_class = type("Host", (host,), {"prefix": prefix, "fixed": dict(fixed or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
