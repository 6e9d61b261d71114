"""Reading YAML files safely and fast, and finding where in a file a field sits.

The fast path uses libyaml (`CSafeLoader`) and keeps no positions. Positions are only needed for
a bad file, so `locate()` re-reads that one file's node tree. Aliases are refused (an alias bomb
loads in milliseconds but explodes in validation), and so are duplicate keys, which PyYAML would
silently let the last one win.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from gpcheck.errors import GpcheckError

MAX_BYTES = 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


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
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise GpcheckError("too_large", path=path, size=size, limit=MAX_BYTES)
        data = path.read_bytes()
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


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def load_mapping(path: Path, text: str | None = None) -> dict[Any, Any]:
    """Load a YAML file whose top level must be a mapping."""
    if text is None:
        text = read_text(path)
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
