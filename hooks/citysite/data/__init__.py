"""The site's data: typed records (model), the validating loader (load), YAML with line numbers.

The data is loaded once per run (`load_for_run`, called by hooks/data.py in the first
language's on_config) and shared by every hook and language through `current()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .load import DataError, Problem, SiteData, load_site_data

__all__ = ["DataError", "Problem", "SiteData", "load_site_data", "load_for_run", "current", "once_per_run"]

T = TypeVar("T")
_current: SiteData | None = None
_made_this_run: dict[str, object] = {}


def load_for_run(data_dir: Path) -> SiteData:
    """Validate the data files and keep the result for the rest of this run."""
    global _current
    _current = None
    _made_this_run.clear()
    _current = load_site_data(data_dir)
    return _current


def current() -> SiteData:
    """The data loaded at the start of this run."""
    if _current is None:
        raise RuntimeError("citysite.data.current() called before hooks/data.py loaded the data")
    return _current


def once_per_run(name: str, make: Callable[[], T]) -> T:
    """`make()` the first time `name` is asked for in this run, the same object afterwards
    (every language build of a run shares it; loading the data starts a new run)."""
    if name not in _made_this_run:
        _made_this_run[name] = make()
    return _made_this_run[name]  # type: ignore[return-value]
