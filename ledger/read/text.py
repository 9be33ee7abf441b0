"""Plain text and Markdown (.txt, .md, .markdown), with optional YAML front matter.

A front matter block is a ``---`` line at the very top, YAML, and a closing ``---`` (or ``...``)
line.  Its lines stay in :attr:`Document.text` so that line numbers refer to the original file;
the block becomes a ``furniture`` section.  Its keys (``title``, ``source``, ``url``,
``published``/``date``, ``author``, ``lang``) are the highest-priority metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledger import rx

from .base import Parsed, ReadError, Skipped
from .decode import decode_utf8
from .meta import MetaError, normalize_meta
from .yamlutil import YamlProblem, load_yaml

_OPEN = rx.compile(r"---[ \t]*\r?$")
_CLOSE = rx.compile(r"(?:---|\.\.\.)[ \t]*\r?$")


def read(
    file: Path, shown: str, data: bytes, problems: list[Skipped] | None = None
) -> list[Parsed]:
    text = decode_utf8(data, shown)
    end, meta = front_matter(text, shown)
    return [
        Parsed(path=shown, text=text, file=file, keys=(file.name,), meta=meta, preamble_end=end)
    ]


def front_matter(text: str, shown: str) -> tuple[int, dict[str, Any]]:
    """``(end offset, normalized metadata)`` of the front matter block, ``(0, {})`` if none."""
    first_nl = text.find("\n")
    if first_nl == -1 or not _OPEN.fullmatch(text[:first_nl]):
        return 0, {}
    pos, lineno = first_nl + 1, 2
    body: list[str] = []
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl + 1
        line = text[pos : end if nl == -1 else nl]
        if _CLOSE.fullmatch(line):
            return end, _parse("\n".join(body), shown, lineno - len(body))
        body.append(line.removesuffix("\r"))
        pos, lineno = end, lineno + 1
    raise ReadError(
        shown, "malformed front matter: the '---' block opened at line 1 is never closed"
    )


def _parse(yaml_text: str, shown: str, first_line: int) -> dict[str, Any]:
    try:
        data, key_lines = load_yaml(yaml_text, first_line)
    except YamlProblem as e:
        plain = _plain_lines(yaml_text, first_line)
        if plain is None:
            raise ReadError(shown, f"malformed front matter at line {e.line}: {e.problem}") from None
        data, key_lines = plain
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReadError(
            shown,
            f"front matter at line {first_line - 1} is not a mapping "
            f"(got a {_kind(data)}); expected 'key: value' lines",
        )
    try:
        return normalize_meta(data, key_lines)
    except MetaError as e:
        where = f" at line {e.line}" if e.line else ""
        raise ReadError(shown, f"front matter{where}: {e}") from None


# a line of front matter as people write it: a key, a colon, the rest of the line as text
_PLAIN_LINE = rx.compile(r"([A-Za-z_][\w-]*):[ \t]+([^\s\[{\"'|>&*!%@`#].*?)[ \t]*")


def _plain_lines(yaml_text: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Front matter that is not YAML only because a value holds a colon ("title: Turkey
    earthquake: Emergency declared"), read as one ``key: text`` per line; None when some line
    is not of that form (or repeats a key), so the YAML error stands."""
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for i, line in enumerate(yaml_text.split("\n")):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _PLAIN_LINE.fullmatch(line)
        if m is None or m.group(1) in data:
            return None
        data[m.group(1)] = m.group(2)
        lines[m.group(1)] = first_line + i
    # only a colon inside a value makes such lines fail as YAML: any other failure stands
    return (data, lines) if any(": " in v for v in data.values()) else None


def _kind(value: object) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__
    )
