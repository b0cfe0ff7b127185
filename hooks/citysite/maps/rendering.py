"""How folium/branca render our maps, patched for the duration of one map (map_rendering): ids
numbered from 1 instead of random ones, so the same map gives the same bytes, and pieces branca
has rendered kept as text instead of being compiled again as templates (which would run any
"{{ ... }}" in data text and took half the time of a map)."""

from __future__ import annotations

import itertools
import threading
from contextlib import contextmanager

import branca.element
from branca.element import Element

_render_lock = threading.Lock()


class _RenderedText:
    """A piece of a map that branca has already rendered (a marker's script, a popup's HTML), as
    branca keeps it: branca compiles each piece again as a jinja2 template, which would run any
    "{{ ... }}" in data text as template code and takes half the time of a map. The text as it is,
    less one trailing newline (as jinja2 would give it)."""

    def __init__(self, text: str):
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, **kwargs) -> str:
        return self.text


@contextmanager
def map_rendering():
    """Build and render one map inside this block: branca elements get ids 1, 2, 3... instead of
    random ones, so the same map renders to the same bytes, and the pieces branca has rendered
    are kept as text (_RenderedText)."""
    counter = itertools.count(1)
    with _render_lock:
        original_ids, original_template = Element.__dict__["_generate_id"], branca.element.Template
        Element._generate_id = classmethod(lambda cls: str(next(counter)))
        branca.element.Template = _RenderedText  # only Element(text) looks it up while rendering
        try:
            yield
        finally:
            Element._generate_id = original_ids
            branca.element.Template = original_template
