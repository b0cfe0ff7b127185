"""Compiled Jinja templates kept in memory across the builds of one process and on disk across
processes (the project's .cache/jinja/): the theme's templates, and the ones folium and the site's
map pieces compile from strings when they are imported."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import jinja2
import jinja2.bccache

CACHE_FOLDER = ".cache/jinja"


class TemplateCache(jinja2.BytecodeCache):
    """The five language builds of a run and every rebuild of `make serve` compile each template
    once; the next build, and each language's process of a parallel build, load them instead of
    compiling. A template's source checksum is part of the check, so an edited one is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self.directory: Path | None = None  # set per project by keep_in (citysite.run)

    def keep_in(self, root: Path) -> None:
        self.directory = root / CACHE_FOLDER

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is None and self.directory is not None:
            with contextlib.suppress(OSError):
                compiled = (self.directory / bucket.key).read_bytes()
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # Jinja's version and the source's checksum are checked
            if bucket.code is not None:
                self._compiled[bucket.key] = compiled

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = compiled = bucket.bytecode_to_string()
        if self.directory is not None:
            with contextlib.suppress(OSError):
                self.directory.mkdir(parents=True, exist_ok=True)
                part = self.directory / f".{bucket.key}.{os.getpid()}"
                part.write_bytes(compiled)
                os.replace(part, self.directory / bucket.key)  # whole, whoever writes it at the same time

    @contextlib.contextmanager
    def compiling_strings(self) -> Iterator[None]:
        """While this is open, a template compiled from a string is looked up here too, by its
        source and its environment's settings. Folium's classes each compile their template when
        folium is imported (`_template = Template("...")`), about 90, a fifth of a second at the start
        of every build; Jinja's own bytecode cache serves only templates read by a loader."""
        original = jinja2.Environment.compile

        def compile_once(env, source, name=None, filename=None, raw=False, defer_init=False):
            if raw or name or filename or defer_init or not isinstance(source, str) \
                    or not isinstance(env.autoescape, bool):  # a function's repr differs in each process
                return original(env, source, name, filename, raw, defer_init)
            key = hashlib.sha256(repr((_code_settings(env), source)).encode()).hexdigest()
            bucket = jinja2.bccache.Bucket(env, f"string-{key}", key)
            self.load_bytecode(bucket)
            if bucket.code is None:
                bucket.code = original(env, source)
                self.dump_bytecode(bucket)
            return bucket.code

        jinja2.Environment.compile = compile_once
        try:
            yield
        finally:
            jinja2.Environment.compile = original


def _code_settings(env: jinja2.Environment) -> tuple:
    """What the Python code Jinja makes of a template depends on, besides its source."""
    return (type(env).__module__, type(env).__qualname__, env.block_start_string, env.block_end_string,
            env.variable_start_string, env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
            env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
            env.autoescape, tuple(sorted(env.extensions)))


TEMPLATE_CACHE = TemplateCache()
