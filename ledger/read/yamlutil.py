"""Safe YAML loading that reports problems with a line number in the original file."""

from __future__ import annotations

import functools
from typing import Any

from ledger import rx


class YamlProblem(ValueError):
    """A YAML document that could not be loaded; ``line`` is 1-based in the original file."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


def _timestamp(loader: Any, node: Any) -> Any:
    import yaml

    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as e:
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid date {node.value!r} ({e})", node.start_mark
        ) from e


@functools.cache
def _loader_class() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return Loader


@functools.cache
def _c_loader_class() -> type | None:
    """The same loader on libyaml's C parser, where PyYAML was built with it."""
    import yaml

    base = getattr(yaml, "CSafeLoader", None)
    if base is None:
        return None

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return Loader


# A YAML text libyaml reads exactly as PyYAML does: ``key: value`` lines, each value a plain
# scalar of common characters, or quoted without escapes, and nothing else (no tabs, BOMs,
# exotic line breaks, tags, anchors, block scalars, comments: where the two parsers differ).
# Front matter is nearly always like this; anything else goes to the pure-Python parser.
_QUOTED_CHAR = r"[^\x00-\x1f\x7f-\x9f\\\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
_SIMPLE = rx.compile(
    r"(?:[A-Za-z][A-Za-z0-9_-]*:"
    r"(?: (?:\"" + _QUOTED_CHAR + r"\"]*\"|'" + _QUOTED_CHAR + r"']*'"
    r"|[A-Za-z0-9](?:[A-Za-z0-9 .,/_+()?=%&~-]|:(?=[A-Za-z0-9/]))*(?<! )))?"
    r"(?:\n|\Z))+"
)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's C loader where PyYAML was built with it (several times
    faster: rule packs and frames are read on every ``ledger check``)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """Load one YAML document whose first line is line ``first_line`` of its file.

    Returns the data and, for a top-level mapping, the file line of each (string) key.
    Raises :class:`YamlProblem`.
    """
    import yaml

    fast = _load_simple(text) if _SIMPLE.fullmatch(text) else None
    data, node = fast if fast is not None else _load(text, first_line)
    if node is None:
        return None, {}
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
    return data, key_lines


def _load_simple(text: str) -> tuple[Any, Any] | None:
    """(data, root node) of a simple text (``_SIMPLE``) by libyaml, several times faster than
    PyYAML's parser (a front matter per document); None when libyaml is not there or finds a
    problem: the pure-Python parser then words it as it always has."""
    cls = _c_loader_class()
    if cls is None:
        return None
    try:
        loader = cls(text)
    except Exception:  # noqa: BLE001 - as below
        return None
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    except Exception:  # noqa: BLE001 - any problem: the Python parser reports it
        return None
    finally:
        loader.dispose()


def _load(text: str, first_line: int) -> tuple[Any, Any]:
    """(data, root node) by PyYAML's pure-Python parser; raises :class:`YamlProblem`."""
    import yaml

    loader = None
    try:
        # the Reader checks for unprintable characters already in the constructor
        loader = _loader_class()(text)
        node = loader.get_single_node()
        if node is None:
            return None, None
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = first_line + (mark.line if mark is not None else 0)
        raise YamlProblem(line, _problem_text(e)) from None
    except yaml.YAMLError as e:
        position = getattr(e, "position", None)
        line = first_line + (text.count("\n", 0, position) if isinstance(position, int) else 0)
        raise YamlProblem(line, _one_line(str(e))) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as e:
        raise YamlProblem(first_line, _one_line(f"{type(e).__name__}: {e}")) from None
    finally:
        if loader is not None:
            loader.dispose()


def _problem_text(e: Any) -> str:
    parts = [p for p in (e.context, e.problem) if p]
    return _one_line("; ".join(parts) or "invalid YAML")


def _one_line(s: str) -> str:
    return " ".join(s.split())
