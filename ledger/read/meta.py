"""Document metadata and its precedence.

First found wins, field by field (``title``, ``source``, ``url``, ``published``, ``author``,
``lang``):

1. the document's own metadata: YAML front matter (.md/.txt) or the record (.jsonl);
2. ``sources.yaml`` in the document's folder: a mapping of file names to metadata;
3. HTML meta tags;
4. inference from the text: the date from the first lines (see :mod:`.dates`), the title from
   the first line that is neither furniture nor a date line;
5. unknown (None).

``Document.date_method`` tells which one gave ``published``: ``"front matter"``,
``"jsonl record"``, ``"sources.yaml"``, ``"html meta"`` or ``"text: 'Last updated May 30, 2023'"``.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledger import rx
from ledger.model import Document, Section

from .base import Parsed, ReadError, display_path
from .dates import WINDOW_LINES, clean_line, infer_date, is_date_line, parse_date_value
from .sections import BODY, OPINION, analyse, heading_text
from .yamlutil import YamlProblem, load_yaml

FIELDS = ("title", "source", "url", "published", "author", "lang")
SOURCES_FILE = "sources.yaml"
TITLE_MAX = 200

#: Accepted spellings of each field, best first.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "pubdate"),
    "author": ("author", "authors", "byline"),
    "lang": ("lang", "language"),
}


class MetaError(ValueError):
    """A metadata value of the wrong shape; ``line`` is its file line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def normalize_meta(
    raw: Mapping[Any, Any], key_lines: Mapping[str, int], ignore: Iterable[str] = ()
) -> dict[str, Any]:
    """The known fields of ``raw`` as ``str`` (``published`` as a date); unknown keys ignored."""
    out: dict[str, Any] = {}
    for field, names in ALIASES.items():
        for name in names:
            if name in ignore or raw.get(name) is None:
                continue
            value = raw[name]
            line = key_lines.get(name)
            if field == "published":
                day = parse_date_value(value)
                if day is None:
                    raise MetaError(f"'{name}' is not a date (YYYY-MM-DD): {value!r}", line)
                out[field] = day
            else:
                text = _as_text(value, field)
                if text is None:
                    raise MetaError(f"'{name}' must be a string, got {value!r}", line)
                if not text:
                    continue
                out[field] = text
            break
    return out


def _as_text(value: Any, field: str) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return " ".join(str(value).split())
    if field == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip())
    return None


# -- sources.yaml -------------------------------------------------------------------------


@dataclass(slots=True)
class SourcesFile:
    """A parsed ``sources.yaml``, or the problem that makes it unusable."""

    shown: str
    entries: dict[str, Any]
    key_lines: dict[str, int]
    error: str | None = None

    def lookup(self, keys: Iterable[str], doc: str) -> dict[str, Any]:
        """Normalized metadata for the first of ``keys`` listed; ReadError for ``doc`` when the
        file (or the entry) is malformed."""
        if self.error:
            raise ReadError(doc, self.error)
        for key in keys:
            if key in self.entries:
                entry = self.entries[key]
                line = self.key_lines.get(key)
                where = f"{self.shown}:{line}" if line else self.shown
                if entry is None:
                    return {}
                if not isinstance(entry, dict):
                    raise ReadError(doc, f"{where}: the entry for {key!r} is not a mapping")
                try:
                    return normalize_meta(entry, {})
                except MetaError as e:
                    raise ReadError(doc, f"{where}: {key}: {e}") from None
        return {}


_cache: dict[str, tuple[tuple[int, ...], SourcesFile]] = {}


def sources_for(folder: Path) -> SourcesFile | None:
    """The ``sources.yaml`` of ``folder`` (cached per folder while the file is unchanged)."""
    path = folder / SOURCES_FILE
    try:
        st = path.stat()
    except OSError:
        return None
    key = os.path.abspath(path)
    stamp = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
    cached = _cache.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    result = _load_sources(path)
    _cache[key] = (stamp, result)
    return result


def _load_sources(path: Path) -> SourcesFile:
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        return SourcesFile(shown, {}, {}, f"{shown}: cannot read: {e.strerror or e}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        return SourcesFile(shown, {}, {}, f"{shown}:{line}: invalid UTF-8 at byte {e.start}")
    try:
        data, key_lines = load_yaml(text)
    except YamlProblem as e:
        return SourcesFile(shown, {}, {}, f"{shown}:{e.line}: malformed YAML: {e.problem}")
    if data is None:
        return SourcesFile(shown, {}, {})
    if not isinstance(data, dict):
        return SourcesFile(
            shown, {}, {}, f"{shown}:1: expected a mapping of file names to metadata"
        )
    entries = {str(k): v for k, v in data.items()}
    return SourcesFile(shown, entries, key_lines)


# -- the document -------------------------------------------------------------------------


def build_document(parsed: Parsed) -> Document:
    """Apply the metadata precedence and the section split to a reader's result."""
    layout = analyse(
        parsed.text, preamble_end=parsed.preamble_end, comments_start=parsed.comments_start
    )
    sources = sources_for(parsed.file.parent)
    from_sources = sources.lookup(parsed.keys, parsed.key or parsed.path) if sources is not None else {}
    layers = (
        (parsed.meta_origin, parsed.meta),
        (SOURCES_FILE, from_sources),
        ("html meta", parsed.html_meta),
    )
    values: dict[str, Any] = {}
    date_method = None
    for field in FIELDS:
        for origin, meta in layers:
            if meta.get(field) is not None:
                values[field] = meta[field]
                if field == "published":
                    date_method = origin
                break
    if values.get("published") is None:
        window = itertools.islice(layout.lines_of(BODY, OPINION), WINDOW_LINES)
        guess = infer_date((ln.index, ln.text) for ln in window)
        if guess is not None:
            values["published"] = guess.day
            date_method = f"text: '{guess.phrase}'"
    if values.get("title") is None:
        values["title"] = _infer_title(layout.lines_of(BODY, OPINION))
    sections = layout.sections()
    if _opinion_piece(values.get("title"), values.get("url"), layout):
        # a column, an op-ed: its prose is the author's view, not reporting
        sections = [Section(OPINION, s.start, s.end) if s.kind == BODY else s for s in sections]
    return Document(
        path=parsed.path,
        text=parsed.text,
        date_method=date_method,
        sections=sections,
        origin=parsed.origin,
        directives=parsed.directives,
        key=parsed.key,
        **values,
    )


# how a page says it is an opinion piece: a title's label ("Opinion: ...", "OPINION | ..."), a
# line of its own ("**Opinion**", "Opinion | ...", "The views expressed are the author's own"),
# a folder of its address (".../opinion/...", ".../commentisfree/...")
_OPINION_LABEL = rx.compile(r"^[\W_]*(?:opinion|op-?ed|comment|column|editorial|guest essay|viewpoint|breakingviews)\b"
                            r"(?:[\W_]*$|[ \t]*[:|\u2014\u2013-]|\])", re.I)  # ("[OPINION] ...", "[Column] ...")
_VIEWS_OWN = rx.compile(r"\b(?:views?|opinions?) (?:expressed )?(?:here |in this (?:article|column|piece) )?(?:are|is) "
                        r"(?:(?:the|this) (?:author|writer|columnist)(?:'|\u2019)s|(?:his|her|their|my)) own\b", re.I)
_OPINION_PATH = rx.compile(r"/(?:opinions?|commentisfree|op-?eds?|editorials?|columnists?|guest-essays?|breakingviews)"
                           r"(?:/|$)", re.I)
OPINION_LINES = 12  # the lines at the top of a page that may label it


def _opinion_piece(title: Any, url: Any, layout: Any) -> bool:
    """Whether the whole document is an opinion piece, by its title, its first lines or its
    address (see ``_OPINION_LABEL``)."""
    if isinstance(title, str) and _OPINION_LABEL.search(title):
        return True
    if isinstance(url, str) and _OPINION_PATH.search(url.split("?")[0].split("#")[0]):
        return True
    for line in itertools.islice(layout.lines_of(BODY, OPINION), OPINION_LINES):
        if _OPINION_LABEL.search(line.text) or _VIEWS_OWN.search(line.text):
            return True
    # (or its last lines: "The opinions expressed are his own" closing a column)
    return any(_VIEWS_OWN.search(line.text) for line in list(layout.lines_of(BODY, OPINION))[-3:])


def _infer_title(lines: Iterable[Any]) -> str | None:
    for ln in lines:
        if is_date_line(ln.text, use_dateparser=False):
            continue
        title = clean_line(heading_text(ln.text)[0])
        if not title:
            continue
        if len(title) > TITLE_MAX:
            title = title[:TITLE_MAX].rsplit(" ", 1)[0] + "…"
        return title
    return None
