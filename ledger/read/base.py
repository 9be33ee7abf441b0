"""Records shared by the readers: the error, the skip notice and a parsed-but-not-finished document.

A reader turns the bytes of one file into one or more :class:`Parsed` records; :mod:`.meta` then
applies the metadata precedence and :mod:`.sections` the section split to make a
:class:`ledger.model.Document`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ReadError(Exception):
    """A document that cannot be read.  ``str(e)`` is ``"{path}: {message}"``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path (or a .jsonl ``file:line``) that was not read, and why.  Reported, not fatal."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Parsed:
    """What a reader makes of one document before metadata precedence and sections are applied."""

    path: str  # Document.path
    text: str
    file: Path  # the file it came from (its folder holds the sources.yaml)
    keys: tuple[str, ...]  # names under which sources.yaml may describe it
    meta: dict[str, Any] = field(default_factory=dict)  # highest-priority metadata, normalized
    meta_origin: str = "front matter"  # how ``meta`` was found, for ``date_method``
    html_meta: dict[str, Any] = field(default_factory=dict)  # below sources.yaml
    preamble_end: int = 0  # end offset of the front matter (a furniture section)
    comments_start: int | None = None  # offset where known reader comments begin
    # an HTML page's: where its text stands in the page, and its ledger-ignore comments
    # (``ledger.model.Document`` has the same fields)
    origin: list[list[int]] | None = None
    directives: list[list[Any]] | None = None
    key: str | None = None  # Document.key (a .jsonl record's)


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as the user would see it: relative to the current folder when under it, else as
    given; forward slashes."""
    given = os.fspath(path)
    try:
        rel = os.path.relpath(os.path.abspath(given))
    except ValueError:  # another drive on Windows
        rel = os.pardir
    shown = given if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel
    return shown.replace(os.sep, "/") if os.sep != "/" else shown
