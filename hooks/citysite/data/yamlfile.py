"""Read an editor's YAML file into plain Python values and remember the line of every value.

Dates stay strings (YAML would turn 2019-02-30 into an exception without a line and 2019-05
into a string, inconsistently): the model parses them itself, with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]


class YamlSyntaxError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it: 5x faster
    """SafeLoader without implicit timestamps: dates reach the model as text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """A file's values and, for each path into them (("venues", 3, "lat")), its 1-based line."""

    file: str
    data: Any
    lines: dict[Path_, int]

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known node on `path` (a missing key reports its parent's)."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _walk(node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise YamlSyntaxError(
                    "", key_node.start_mark.line + 1, f"the key '{key}' appears twice in the same entry"
                )
            result[key] = _walk(value_node, loader, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1  # a key's line, not its value's
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, path + (index,), lines) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(path: Path, display_name: str) -> YamlDocument:
    """Parse `path`; syntax errors become YamlSyntaxError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _walk(node, loader, (), lines) if node is not None else None
    except YamlSyntaxError as error:
        raise YamlSyntaxError(display_name, error.line, error.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlSyntaxError(
            display_name,
            line,
            f"YAML syntax error: {problem}; check indentation, colons and quotes on this line "
            f"or the one above (text with ':' or '#' needs quotes)",
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(display_name, data, lines)
