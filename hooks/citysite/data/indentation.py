"""Explain a line indented under the wrong key as the indentation mistake it is.

YAML reads indentation as structure. A field indented two spaces too far becomes part of the block
above it (`start:` under `summary:`), and a language not indented enough leaves its block (`ru:`
under `title:` written at the entry's level). The validator then sees two unrelated problems,
"unknown field 'summary.start'" and "'start' is missing"; this module turns such a pair (or an
unknown field alone) into one message that says "indentation" and how to fix it.
"""

from __future__ import annotations

import typing
from dataclasses import fields
from typing import Any

from ..messages import Message

UNKNOWN = ("unexpected_keyword_argument", "extra_forbidden")
EXPLAINED = "citysite_message"  # the error type of a detail replaced here; load._describe shows its message


def _record_class(hint: Any) -> type | None:
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and hasattr(candidate, "__dataclass_fields__"):
            return candidate
        for inner in typing.get_args(candidate):  # list[RouteStop], Annotated[...]
            found = _record_class(inner)
            if found is not None:
                return found
    return None


def _owner(record: type, path: tuple) -> type | None:
    """The record class at `path` (field names; list positions skipped) inside `record`."""
    owner: type | None = record
    for part in path:
        if isinstance(part, int):
            continue
        if owner is None:
            return None
        owner = _record_class(typing.get_type_hints(owner).get(part))
    return owner


def _field_names(record: type | None) -> set[str]:
    return {f.name for f in fields(record)} if record is not None else set()


def _explained(detail: dict, message: Message) -> dict:
    return {**detail, "type": EXPLAINED, "msg": str(message), "ctx": {"message": message}}


def explain_indentation(details: list[dict], raw: Any, record: type) -> list[dict]:
    """`details` (pydantic's errors for one entry) with wrong-indentation pairs made one message."""
    dropped: set[tuple] = set()
    result = []
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] not in UNKNOWN or not loc or not isinstance(loc[-1], str):
            result.append(detail)
            continue
        key, parent_path = loc[-1], loc[:-1]
        named_parents = [part for part in parent_path if isinstance(part, str)]
        if named_parents and key in _field_names(_owner(record, parent_path[:-1])):
            # indented too far: `key` belongs beside `parent`, not inside it
            parent = named_parents[-1]
            result.append(_explained(detail, Message("indented_under", key=key, parent=parent)))
            dropped.add(parent_path[:-1] + (key,))
            continue
        container = _container(raw, parent_path)
        previous = _key_before(container, key)
        if previous is not None and key in _field_names(_owner(record, parent_path + (previous,))):
            # not indented enough: `key` belongs inside the block above it
            result.append(_explained(detail, Message("not_indented_enough", key=key, parent=previous)))
            dropped.add(parent_path + (previous, key))
            continue
        result.append(detail)
    return [detail for detail in result if not (detail["type"] == "missing" and tuple(detail["loc"]) in dropped)]


def _container(raw: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(raw, dict):
            raw = raw.get(part)
        elif isinstance(raw, list) and isinstance(part, int) and part < len(raw):
            raw = raw[part]
        else:
            return None
    return raw


def _key_before(container: Any, key: str) -> str | None:
    """The key written just before `key` in a block, when its value is a block (or empty)."""
    if not isinstance(container, dict) or key not in container:
        return None
    keys = list(container)
    position = keys.index(key)
    if position == 0:
        return None
    previous = keys[position - 1]
    return previous if isinstance(container[previous], (dict, type(None))) else None
