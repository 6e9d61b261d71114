"""Reading YAML files safely and fast, and finding where in a file a field sits.

The fast path uses libyaml (`CSafeLoader`) and keeps no positions. Positions are only needed for
a bad file, so `locate()` re-reads that one file's node tree. Aliases are refused (an alias bomb
loads in milliseconds but explodes in validation), and so are duplicate keys, which PyYAML would
silently let the last one win.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from gpcheck.errors import GpcheckError

MAX_BYTES = 1024 * 1024
# Block levels (indentation, `- `, `? `) and flow levels (`[`, `{`), counted separately. An
# assessment needs about six; libyaml crashes on tens of thousands, so we stop long before.
MAX_DEPTH = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
# YAML 1.1 also reads 0b11, 0x1f, 010 (octal), 1_0 and 1:00 (base 60) as integers, and Python
# refuses to convert thousands of digits. Only plain decimals become ints; the rest stay text,
# which a number field then refuses with its own one-line message.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")


def _parse(text: str) -> Any:
    """libyaml composes the node tree; `_Builder` turns it into plain data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader).build(node)
    finally:
        loader.dispose()


class _Builder:
    """Node tree → dicts, lists and scalars, faster than PyYAML's generic constructor.

    Refuses aliases (a node met twice), merge keys and duplicate keys; keeps dates as strings so
    that pydantic reports a wrong date with our own message. Non-string scalars (int, bool, null,
    float) go through PyYAML's own constructors, so their YAML meaning is unchanged.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.seen: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:
            raise _YamlProblem("alias", node.start_mark)
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR or node.tag == _TIMESTAMP:
                return node.value
            if node.tag == _INT:
                return int(node.value) if _DECIMAL.fullmatch(node.value) else node.value
            return self.loader.construct_object(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        return self._mapping(node)

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _YamlProblem("alias", key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _YamlProblem("complex_key", key_node.start_mark)
            key = self.build(key_node)
            if key in mapping:
                raise _YamlProblem("duplicate_key", key_node.start_mark, name=key_node.value)
            mapping[key] = self.build(value_node)
        return mapping


class _YamlProblem(Exception):
    def __init__(self, problem: str, mark: Any, **params: Any) -> None:
        super().__init__(problem)
        self.key, self.mark, self.params = problem, mark, params


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing huge, empty and non-UTF-8 files with a located error."""
    try:
        data = read_bounded(path)
    except GpcheckError:
        raise
    except IsADirectoryError:
        raise GpcheckError("is_directory", path=path) from None
    except FileNotFoundError:
        raise GpcheckError("not_found", path=path) from None
    except OSError as exc:
        raise GpcheckError("unreadable", path=path, reason=exc.strerror or str(exc)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise GpcheckError("not_utf8", path=path, line=line, column=column) from None
    if not text.strip() or _only_comments(text):
        raise GpcheckError("empty", path=path, line=1, column=1)
    return text.removeprefix("\ufeff")


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a regular file; anything else is refused before reading.

    The cap is on the read itself, not on `stat` (which a FIFO, a device or a file growing
    while we read would defeat). O_NONBLOCK keeps opening a FIFO without a writer from hanging.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise GpcheckError("is_directory", path=path)
        if not stat.S_ISREG(mode):
            raise GpcheckError("not_regular", path=path)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise GpcheckError("too_large", path=path, limit=limit)
    return b"".join(chunks)


def check_depth(text: str, path: Path | None = None) -> None:
    """Refuse nesting deeper than MAX_DEPTH before libyaml (recursive, in C) ever sees it."""
    line = _too_deep(text)
    if line:
        raise GpcheckError("too_deep", path=path, line=line, column=1, limit=MAX_DEPTH)


_MARKERS = re.compile(r"(?:[-?:](?: +|$))*")
_INDENTS = re.compile(r"^ *(?=[^ \n])", re.M)
_MARKER_RUN = r"^ *(?:[-?:](?: +|$)){%d}"
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")


def _too_deep(text: str) -> int | None:
    """The first line nested deeper than MAX_DEPTH, counting block and flow levels separately.

    Block levels: indentation levels plus leading `- `, `? `, `: ` markers. Flow levels: open
    `[` and `{` (quotes are not parsed: a line with 100 unclosed brackets is refused either
    way). Lines inside a block scalar (`notes: |`) are text, not structure, and are skipped.
    """
    count_flow = text.count("[") + text.count("{") > MAX_DEPTH
    if not count_flow:  # fast path: depth ≤ distinct indentations + markers on one line
        room = MAX_DEPTH - len(set(_INDENTS.findall(text)))
        if room > 0 and not re.search(_MARKER_RUN % room, text, re.M):
            return None
    stack: list[int] = []
    scalar: int | None = None
    flow = 0
    for number, line in enumerate(text.split("\n"), 1):
        body = line.lstrip(" ")
        if not body.strip() or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if scalar is not None and indent > scalar:
            continue
        scalar = None
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        markers = _MARKERS.match(body).group().replace(" ", "")  # type: ignore[union-attr]
        if len(stack) + len(markers) > MAX_DEPTH:
            return number
        if count_flow and (flow := _flow_depth(body, flow)) > MAX_DEPTH:
            return number
        if _BLOCK_SCALAR.search(body):
            scalar = indent
    return None


def _flow_depth(line: str, depth: int) -> int:
    """Open `[`/`{` after this line, or MAX_DEPTH + 1 as soon as the line goes beyond it."""
    for char in line:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return depth
        elif char in "]}" and depth:
            depth -= 1
    return depth


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def load_mapping(path: Path, text: str | None = None) -> dict[Any, Any]:
    """Load a YAML file whose top level must be a mapping."""
    if text is None:
        text = read_text(path)
    check_depth(text, path)
    try:
        data = _parse(text)
    except _YamlProblem as exc:
        raise GpcheckError(
            exc.key, path=path, line=exc.mark.line + 1, column=exc.mark.column + 1, **exc.params
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise GpcheckError(
            "yaml_syntax",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            raw=f"{exc.problem or exc.context}",
            problem=(exc.problem or exc.context or "").splitlines()[0],
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise GpcheckError(
            "control_character", path=path, line=line, column=column, code=f"{exc.character:#x}"
        ) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        raise GpcheckError("yaml_syntax", path=path, raw=first, problem=first) from None
    except RecursionError:
        raise GpcheckError("too_deep", path=path) from None
    if data is None:
        raise GpcheckError("empty", path=path, line=1, column=1)
    if not isinstance(data, dict):
        raise GpcheckError("not_mapping", path=path, line=1, column=1)
    return data


def locate(text: str, loc: tuple[Any, ...]) -> tuple[int, int] | None:
    """Line and column (1-based) of the deepest node along `loc` (keys and list indices)."""
    return locator(text)(loc)


def locator(text: str) -> Callable[[tuple[Any, ...]], tuple[int, int] | None]:
    """`locate` for many fields of one file: the node tree is composed once."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return lambda loc: None
    return lambda loc: _find(root, loc)


def _find(node: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[int, int] | None:
    best = node
    for part in loc:
        nxt = _child(node, part)
        if nxt is None:
            break
        best = node = nxt
    if best is None:
        return None
    return best.start_mark.line + 1, best.start_mark.column + 1


def _child(node: yaml.Node | None, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(part):
                return value_node if not isinstance(part, _KeyRef) else key_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


class _KeyRef(str):
    """A path part that points at a mapping key itself (e.g. an unknown key), not its value."""


def key_ref(name: str) -> str:
    return _KeyRef(name)
