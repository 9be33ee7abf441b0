"""JSON Lines (.jsonl): one document per line, ``{"text", "title", "source", "url",
"published", "path"}`` (also ``author``, ``lang``).

A record's document is known in the ledger by the record's ``path`` (else ``"{file}:{line}"``:
``Document.key``); its ``Document.path`` is the .jsonl file, and positions refer to it: the
record's line, and the column in that line of each character of ``text`` as written there
(escapes included), so that an editor or a code-scanning upload opens the right place.  A bad
line (invalid JSON, not an object, no ``text``, a bad field) does not spoil the others: with a
``problems`` list it is recorded there as a :class:`Skipped` named ``"{file}:{line}"``; without
one it raises :class:`ReadError` for that line.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from .base import Parsed, ReadError, Skipped
from .decode import decode_utf8
from .directives import directives
from .meta import MetaError, normalize_meta


def read(
    file: Path, shown: str, data: bytes, problems: list[Skipped] | None = None
) -> list[Parsed]:
    text = decode_utf8(data, shown)
    out: list[Parsed] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append(_record(file, shown, lineno, line))
        except ReadError as e:
            if problems is None:
                raise
            problems.append(Skipped(e.path, e.message))
    return out


def _record(file: Path, shown: str, lineno: int, line: str) -> Parsed:
    where = f"{shown}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(where, f"invalid JSON: {e.msg} (column {e.colno})") from None
    except RecursionError:
        raise ReadError(where, "invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ReadError(where, "missing or empty 'text'")
    path = record.get("path")
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise ReadError(where, "'path' must be a non-empty string")
    try:
        meta = normalize_meta(record, {}, ignore=("text", "path"))
    except MetaError as e:
        raise ReadError(where, str(e)) from None
    keys = (path, PurePosixPath(path).name) if path else ()
    origin = _origin(line, lineno, body)
    return Parsed(
        path=shown,
        key=path or where,
        text=body,
        file=file,
        keys=keys,
        meta=meta,
        meta_origin="jsonl record",
        origin=origin,
        directives=_directives(body, lineno, origin),
    )


def _directives(body: str, lineno: int, origin: list[list[int]] | None) -> list[list[Any]] | None:
    """The record's ``ledger-ignore`` comments at their place in the file: each silences its
    rules in the whole record, which is one line of the file (``-file`` too: the record is the
    document, not the .jsonl file)."""
    found = directives(body)
    if not found:
        return None
    starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]
    runs = origin or [[0, lineno, 1]]

    def column(offset: int) -> int:
        t, _, col = next(r for r in reversed(runs) if r[0] <= offset)
        return col + offset - t

    rows: list[list[Any]] = []
    for d in found:
        at = starts[d.line - 1] + d.column - 1
        rows.append([lineno, column(at), column(at) + d.end_column - d.column, sorted(d.rules), False, lineno,
                     d.text])
    return rows


def _origin(line: str, lineno: int, body: str) -> list[list[int]] | None:
    """Runs ``[text offset, line, column]`` placing each character of the record's ``text``
    where it is written in the line (``Document.origin``): a new run after each escape
    ("\\n", "\\u00e9"), which stands for one character but takes more columns."""
    raw = _text_value(line)
    if raw is None:
        return None
    runs: list[list[int]] = []
    prev = -2
    for offset in range(len(body)):
        if raw >= len(line) or line[raw] == '"':
            break
        if raw != prev + 1:
            runs.append([offset, lineno, raw + 1])
        prev = raw
        if line[raw] == "\\":
            step = 6 if line[raw + 1 : raw + 2] == "u" else 2
            if step == 6 and 0xD800 <= int(line[raw + 2 : raw + 6] or "0", 16) < 0xDC00:
                step = 12  # a surrogate pair: one character
            raw += step
        else:
            raw += 1
    return runs or None


def _text_value(line: str) -> int | None:
    """Where the value of the object's top-level ``"text"`` member starts in ``line`` (just
    after its opening quotation mark), found by scanning the JSON: strings, nesting, keys."""
    depth, i, n = 0, 0, len(line)
    key_next = False
    last_key: str | None = None
    while i < n:
        ch = line[i]
        if ch == '"':
            end = i + 1
            while end < n and line[end] != '"':
                end += 2 if line[end] == "\\" else 1
            if depth == 1 and key_next:
                last_key = line[i + 1 : end]
                key_next = False
            elif depth == 1 and last_key == "text":
                return i + 1
            i = end + 1
            continue
        if ch in "{[":
            depth += 1
            key_next = depth == 1 and ch == "{"
        elif ch in "}]":
            depth -= 1
        elif ch == "," and depth == 1:
            key_next, last_key = True, None
        i += 1
    return None
