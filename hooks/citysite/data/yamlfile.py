"""Read an editor's YAML file into plain Python values and remember the line of every value.

Dates stay strings (YAML would turn 2019-02-30 into an exception without a line and 2019-05
into a string, inconsistently): the model parses them itself, with a clear message.

The traps of YAML for a person who is not a programmer are named as such: a tab, a line indented
differently from its neighbours, a non-breaking space pasted from Word or a web page where YAML
wants an ordinary one, a ': ' or an unclosed quote in text, and text cut short because
an unquoted ' #' starts a comment (the file reads without error, so `cut_texts` lists those for
the loader to report). A byte-order mark and Windows line endings are accepted as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..encoding import first_bad_line
from ..languages import SAFE_LOADER
from ..messages import Message

Path_ = tuple[Any, ...]


class YamlSyntaxError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


class _Loader(SAFE_LOADER):
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
    # (path, line, message) of texts that an unquoted ' #' cut short (the rest became a comment)
    cut_texts: list[tuple[Path_, int, str]] = field(default_factory=list)
    # path -> the text of an empty value whose line goes on with '#...': a text that starts with '#',
    # which YAML read as a comment (`ru: #ёлка2026 Фестиваль`)
    hashed: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known node on `path` (a missing key reports its parent's)."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _cut_by_comment(node: yaml.ScalarNode, value: Any, path: Path_, source: list[str]) -> str | None:
    """The message for a plain (unquoted) text followed on its line by ' #...': YAML took the
    rest of the line for a comment, so the text the editor wrote was cut short."""
    if node.style or not isinstance(value, str) or node.end_mark.line >= len(source):
        return None
    line = source[node.end_mark.line]
    rest = line[node.end_mark.column:]
    if not re.match(r"[ \t]+#", rest):
        return None
    names = [str(part) for part in path if not isinstance(part, int)]
    whole = line[node.start_mark.column:].rstrip() if node.start_mark.line == node.end_mark.line else value + rest
    return Message("yaml.cut_by_comment", name=".".join(names) or "value", key=names[-1] if names else "value",
                   value=value, whole=whole.replace('"', '\\"'))


def _walk(node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int],
          source: list[str] | None = None, cut: list | None = None, hashed: dict | None = None) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise YamlSyntaxError("", key_node.start_mark.line + 1,
                                      Message("yaml.key_twice", key=key, first=lines[path + (key,)]))
            result[key] = _walk(value_node, loader, path + (key,), lines, source, cut, hashed)
            lines[path + (key,)] = key_node.start_mark.line + 1  # a key's line, not its value's
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, path + (index,), lines, source, cut, hashed)
                for index, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if source is not None and cut is not None and isinstance(node, yaml.ScalarNode):
        message = _cut_by_comment(node, value, path, source)
        if message:
            cut.append((path, node.start_mark.line + 1, message))
    if value is None and hashed is not None and source is not None and isinstance(node, yaml.ScalarNode) \
            and not node.style and node.start_mark.line < len(source):
        comment = re.match(r"[ \t]*(#.*?)\s*$", source[node.start_mark.line][node.start_mark.column:])
        if comment:
            hashed[path] = comment[1]
    return value


def _column(text: str) -> int:
    """Where a line's text starts: its spaces, and a list entry's `- ` (`- id:` counts as 2)."""
    return len(re.match(r"(\s*-\s+|\s*)", text)[0])


def _indentation(source: list[str], line: int) -> Message:
    """The indentation message, with the spaces this line and the key line above it start with (a
    `- ` counts as two): an editor counting 5 against 6 sees where the difference is."""
    key = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(\s|$)")
    here = source[line - 1] if 0 < line <= len(source) else ""
    above = next((source[number] for number in range(line - 2, -1, -1)
                  if source[number].strip() and not source[number].lstrip().startswith("#")), "")
    other = _other_list_entry(source, line) if key.match(here) else None
    if other and _column(here) != _column(above):
        # an entry pasted two spaces off: YAML names the first line that no longer fits (under a
        # source's `- "page:…"` line too)
        return Message("yaml.indentation_list", here=_column(here), above=_column(above), line=other[0],
                       spaces=other[1], these=_dash(here))
    if key.match(here) and key.match(above) and _column(here) != _column(above):
        return Message("yaml.indentation_counted", here=_column(here), above=_column(above))
    return Message("yaml.indentation")


def _dash(text: str) -> int | None:
    """The spaces before a list entry's `- `; None for a line that is no list entry."""
    found = re.match(r"( *)- ", text)
    return len(found[1]) if found else None


def _other_list_entry(source: list[str], line: int) -> tuple[int, int] | None:
    """For a list entry at `line`, the nearest entry above it in the same record whose `- ` starts
    in another column, as (its line, its spaces): an edition pasted two spaces too far left sets the
    list's column, and YAML then names the old edition under it, which the editor never touched.
    Only entries that open with a `key:` count (a source's `- "page:…"` line is another list's)."""
    here = _dash(source[line - 1]) if 0 < line <= len(source) else None
    if not here:
        return None
    for number in range(line - 1, 0, -1):
        text = source[number - 1]
        if text.strip() and not text.startswith(" "):
            return None  # the record's first line: no other entry of this list above
        spaces = _dash(text) if re.match(r"\s*-\s+[A-Za-z_][\w-]*:(\s|$)", text) else None
        if spaces and spaces != here:
            return number, spaces
    return None


# Spaces that look like an ordinary one and come with text pasted from Word or a web page (a
# non-breaking space, a narrow or figure one, the full-width space of a Chinese or Japanese keyboard)
_LOOKALIKE_SPACES = "\u00a0\u2007\u202f\u3000\u2002\u2003\u2009"
_LOOKALIKE_IN_STRUCTURE = re.compile(
    rf"^[ {_LOOKALIKE_SPACES}]*[{_LOOKALIKE_SPACES}]"  # in the indentation
    rf"|^ *(?:-[ {_LOOKALIKE_SPACES}]+)?[A-Za-z_][\w-]*:[ ]*[{_LOOKALIKE_SPACES}]"  # right after `key:`
    rf"|^ *-[ ]*[{_LOOKALIKE_SPACES}]"  # after a list entry's `-`
)


def lookalike_space(source: list[str]) -> tuple[int, int] | None:
    """(line, column) of the first space that only looks like one where YAML's own spaces go: YAML
    reads it as a letter, and its message (indentation, a line further down) sends the editor to
    count spaces that all look right."""
    for number, text in enumerate(source, start=1):
        if text.lstrip(" ").startswith("#"):
            continue
        found = _LOOKALIKE_IN_STRUCTURE.match(text)
        if found:
            return number, found.end()
    return None


# A list item typed without the space after its hyphen: `-"page:…"`, `-start: "…"`, `-id: …` (YAML
# reads a text, or a key one space too deep; its message named the next line, or offered to quote
# the hyphen along with the rest: an editors' walkthrough).
_DASH_WITHOUT_SPACE = re.compile(r' *-(?=["\']|[a-z_]+: )')


def dash_without_space(source: list[str]) -> tuple[int, str] | None:
    """(line, its text from the hyphen) of the first list item without a space after its hyphen."""
    for number, text in enumerate(source, start=1):
        if _DASH_WITHOUT_SPACE.match(text):
            return number, text.strip()
    return None


def _colon_in_braces(text: str) -> str | None:
    """In a line such as `note: {en: box office, ru: касса: билеты}`, the `ru: "касса: билеты"` to
    write: a ': ' inside a text between braces, where the braces themselves are closed."""
    inside = re.search(r"\{(.*)\}", text)
    if inside is None or text.count("{") != text.count("}"):
        return None
    for part in inside[1].split(", "):
        item = re.fullmatch(r"[\s{]*([A-Za-z_][\w-]*):\s+([^\"'{\[].*?:\s.*?)[\s}]*", part)
        if item:
            return f'{item[1]}: "{item[2]}"'
    return None


def syntax_message(error: yaml.MarkedYAMLError, source: list[str]) -> tuple[int, str]:
    """(line, message) for a YAML syntax error, naming the usual trap when it is one."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    context_line = error.context_mark.line + 1 if error.context_mark else line
    problem = " ".join(part for part in (error.context, error.problem) if part)
    text_of = lambda number: source[number - 1] if 0 < number <= len(source) else ""  # noqa: E731
    for number in (line, context_line):
        if "\t" in text_of(number):
            return number, Message("yaml.tab", column=text_of(number).index("\t") + 1)
    no_space = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):([^\s/].*?)\s*$", text_of(context_line))
    if "simple key" in problem and no_space:  # `category:holiday` runs into the next line
        return context_line, Message("yaml.no_space", key=no_space[1], value=no_space[2])
    no_colon = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s+([^:#\s][^:]*?)\s*$", text_of(context_line))
    if "simple key" in problem and no_colon:  # `category museum`: PyYAML names the line after it
        return context_line, Message("yaml.no_colon", key=no_colon[1], value=no_colon[2])
    bare_key = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*$", text_of(context_line))
    if "simple key" in problem and bare_key:  # `summary` with its en:, ru: ... under it
        return context_line, Message("yaml.no_colon_block", key=bare_key[1])
    entry_start = re.match(r"^\s*id:\s*(\S.*?)\s*$", text_of(line))
    if "block collection" in problem and entry_start:  # `id: x` without its `- `
        return line, Message("yaml.no_dash", id=entry_start[1])
    quoted_then_more = re.compile(r"""^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?(["'])[^"']*\1\s*[^\s#,\]}]""")
    for number in (line, line - 1):  # a list's `- "…"…"` is named on the line after it
        if any(words in problem for words in ("expected <block end>", "expected key", "'-' indicator")) \
                and quoted_then_more.match(text_of(number)):
            # `ru: "Ниигата" — …`, or a source `- "page:… фестиваль "Амурфест" …"`
            return number, Message("yaml.quote_then_text")
    if "flow mapping" in problem or "flow sequence" in problem:
        if re.search(r"""[\[{,]\s*(["'])[^"']*\1\s*[^\s,\]}:#]""", text_of(context_line)):
            # `sources: ["page:… фестиваль "Амурфест")"]`: not a bracket left open
            return context_line, Message("yaml.quote_then_text")
        meant = _colon_in_braces(text_of(context_line))
        if meant:  # the braces are closed: a text in them holds a ': '
            return context_line, Message("yaml.colon_in_braces", meant=meant)
        hint = Message("yaml.hash_in_flow") if re.search(r"\s#", text_of(context_line)) else ""
        return context_line, Message("yaml.unclosed_flow", line=context_line, hint=hint)
    if "quoted scalar" in problem and "end of stream" in problem:
        return context_line, Message("yaml.unclosed_quote", line=context_line)
    if "mapping values are not allowed" in problem:
        here = text_of(line)
        field = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+([^\"'\s{\[].*?)\s*$", here)
        if field and ": " in field[2] and '"' not in field[2]:  # `en: … Square: concerts`, whatever the
            # indentation of the lines around it (an editor was sent to move `summary:` instead)
            return line, Message("yaml.colon.line", key=field[1], value=field[2])
        # A line that is a `key:` of its own but indented unlike the line above it was read as the
        # rest of that line's text: say indentation, not quotes.
        here, above = text_of(line), text_of(line - 1)
        item = re.match(r"^\s*-\s+([A-Za-z_][\w-]*)(?::([^\s/].*?)|\s+([^:#\s][^:]*?))\s*$", above)
        if item and _column(here) == _column(above):  # `- start "2026-12-12"`: its entry's next line is named
            if item[2] is not None:
                return line - 1, Message("yaml.no_space", key=item[1], value=item[2])
            return line - 1, Message("yaml.no_colon", key=item[1], value=item[3])
        key = r"^\s*([A-Za-z_][\w-]*):(\s|$)"
        if re.match(key, here) and above.strip() and _column(here) != _column(above):
            moved = re.match(key, above)
            if moved and _column(above) < _column(here) == _column(text_of(line - 2)):
                # `  ru:` moved left out of its block (title:'s en: above, zh: below): that line is wrong
                parent = next((re.match(key, text_of(number))[1] for number in range(line - 2, 0, -1)
                               if re.match(key, text_of(number)) and _column(text_of(number)) < _column(here)), "")
                if parent:
                    return line - 1, Message("not_indented_enough", key=moved[1], parent=parent)
            return line, _indentation(source, line)
        field = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+([^\"'\s{\[].*?)\s*$", here)
        if field and '"' not in field[2]:  # the editor's own line, in quotes
            return line, Message("yaml.colon.line", key=field[1], value=field[2])
        return line, Message("yaml.colon")
    for number in range(context_line, line):  # a text whose closing quote is missing ran on
        if text_of(number).count('"') % 2 == 1:
            return number, Message("yaml.unclosed_quote", line=number)
    if "cannot start any token" in problem:
        return line, Message("yaml.bad_start")
    if any(words in problem for words in ("expected key", "block end", "indentation", "'-' indicator",
                                          "simple key")):
        return line, _indentation(source, line)
    return line, Message("yaml.syntax", detail=problem)


def read_yaml(path: Path, display_name: str) -> YamlDocument:
    """Parse `path`; syntax errors (and a file not saved as UTF-8) become YamlSyntaxError naming
    the file and line."""
    try:
        text = normalised_text(path)
    except YamlSyntaxError as error:
        raise YamlSyntaxError(display_name, error.line, error.message) from None
    source = text.split("\n")
    lookalike = lookalike_space(source)
    if lookalike:
        raise YamlSyntaxError(display_name, lookalike[0], Message("yaml.lookalike_space", column=lookalike[1]))
    dash = dash_without_space(source)
    if dash:
        item = dash[1] if len(dash[1]) <= 40 else dash[1][:39] + "…"
        raise YamlSyntaxError(display_name, dash[0], Message("yaml.dash_without_space", item=item,
                                                             fixed="- " + item[1:]))
    loader = _Loader(text)
    cut: list[tuple[Path_, int, str]] = []
    hashed: dict[Path_, str] = {}
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _walk(node, loader, (), lines, source, cut, hashed) if node is not None else None
    except YamlSyntaxError as error:
        raise YamlSyntaxError(display_name, error.line, error.message) from None
    except yaml.MarkedYAMLError as error:
        line, message = syntax_message(error, source)
        raise YamlSyntaxError(display_name, line, message) from None
    finally:
        loader.dispose()
    return YamlDocument(display_name, data, lines, cut, hashed)


def normalised_text(path: Path) -> str:
    """A file's text without a byte-order mark and with Unix line endings (as git stores it);
    YamlSyntaxError (without the file's name) when the file is not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise YamlSyntaxError("", first_bad_line(data), Message("not_utf8")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
