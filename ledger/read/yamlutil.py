"""Safe YAML loading that reports problems with a line number in the original file."""

from __future__ import annotations

import functools
from typing import Any


class YamlProblem(ValueError):
    """A YAML document that could not be loaded; ``line`` is 1-based in the original file."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


@functools.cache
def _loader_class() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError) as e:
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid date {node.value!r} ({e})", node.start_mark
            ) from e

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader


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

    loader = None
    try:
        # the Reader checks for unprintable characters already in the constructor
        loader = _loader_class()(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
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
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
    return data, key_lines


def _problem_text(e: Any) -> str:
    parts = [p for p in (e.context, e.problem) if p]
    return _one_line("; ".join(parts) or "invalid YAML")


def _one_line(s: str) -> str:
    return " ".join(s.split())
