"""JSON Lines (.jsonl): one document per line, ``{"text", "title", "source", "url",
"published", "path"}`` (also ``author``, ``lang``).

``Document.path`` is the record's ``path`` or ``"{file}:{line}"``; positions refer to the
record's ``text``.  A bad line (invalid JSON, not an object, no ``text``, a bad field) does not
spoil the others: with a ``problems`` list it is recorded there as a :class:`Skipped` named
``"{file}:{line}"``; without one it raises :class:`ReadError` for that line.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from .base import Parsed, ReadError, Skipped
from .decode import decode_utf8
from .meta import MetaError, normalize_meta


def read(
    file: Path, shown: str, data: bytes, problems: list[Skipped] | None = None
) -> list[Parsed]:
    text = decode_utf8(data, shown)
    out: list[Parsed] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{shown}:{lineno}"
        try:
            out.append(_record(file, where, line))
        except ReadError as e:
            if problems is None:
                raise
            problems.append(Skipped(e.path, e.message))
    return out


def _record(file: Path, where: str, line: str) -> Parsed:
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
    return Parsed(
        path=path or where,
        text=body,
        file=file,
        keys=keys,
        meta=meta,
        meta_origin="jsonl record",
    )
