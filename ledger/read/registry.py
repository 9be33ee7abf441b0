"""The one place where file suffixes meet their readers.

A reader is ``read(file, shown, data, problems) -> list[Parsed]``: ``file`` the path to open
metadata beside, ``shown`` its display path for messages, ``data`` its checked bytes, and
``problems`` an optional list collecting per-record problems (see :mod:`.jsonl`).  Reader modules
import their heavy dependencies inside ``read``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import html, jsonl, text
from .base import Parsed, Skipped

Reader = Callable[[Path, str, bytes, "list[Skipped] | None"], list[Parsed]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".markdown": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".jsonl": jsonl.read,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())
