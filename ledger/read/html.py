"""HTML pages (.html, .htm), through trafilatura (imported lazily: it is slow to import).

``Document.text`` is the extracted main text, followed by the reader comments trafilatura finds
(they become a ``comments`` section).  Metadata comes from the page's meta tags: title,
author, date, site name (the source) and canonical URL, and ``<html lang>``; it ranks below
front matter-like sources and ``sources.yaml``.

Positions (line, column) refer to the HTML source: ``ledger.read.htmlmap`` finds each
extracted line in the page.  ``<!-- ledger-ignore ... -->`` comments of the page, which the
extracted text no longer holds, are kept with the document at their lines in the page.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from ledger import rx

from .base import Parsed, ReadError, Skipped
from .dates import parse_date_value
from .decode import check_not_empty, decode_utf8

_PARAGRAPH_BREAK = rx.compile(r"(?<!\n)\n(?!\n)")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LANG = rx.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)


def read(
    file: Path, shown: str, data: bytes, problems: list[Skipped] | None = None
) -> list[Parsed]:
    page = _decode(data, shown)
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura/lxml failures on hostile markup
        raise ReadError(shown, f"cannot parse HTML: {type(e).__name__}: {e}") from None
    main = (getattr(result, "text", None) or "").strip("\n") if result is not None else ""
    if not main.strip():
        raise ReadError(shown, "no article text could be extracted from the HTML")
    comments = (getattr(result, "comments", None) or "").strip("\n")
    # one line per paragraph from trafilatura; a blank line between them, as in Markdown, so
    # that a headline without a full stop ends its sentence (positions come from the page)
    main = _PARAGRAPH_BREAK.sub("\n\n", main)
    comments = _PARAGRAPH_BREAK.sub("\n\n", comments)
    text = main + "\n"
    comments_start = None
    if comments.strip():
        text += "\n"
        comments_start = len(text)
        text += comments + "\n"
    check_not_empty(text, shown)
    meta: dict[str, Any] = {}
    for field, attr in (
        ("title", "title"),
        ("author", "author"),
        ("source", "sitename"),
        ("url", "url"),
    ):
        value = getattr(result, attr, None)
        if isinstance(value, str) and value.strip():
            meta[field] = value.strip()
    day = parse_date_value(getattr(result, "date", None))
    if day is not None:
        meta["published"] = day
    lang = _LANG.search(page[:5000])
    if lang:
        meta["lang"] = lang.group(1)
    from .directives import as_rows, directives
    from .htmlmap import SourceMap

    where = SourceMap(page, text)
    # the comment form only: the page's visible text may quote "[ledger-ignore ...]"
    found = [d for d in directives(page) if d.text.startswith("<!--")] if "ledger-ignore" in page else []
    return [
        Parsed(
            path=shown,
            text=text,
            file=file,
            keys=(file.name,),
            html_meta=meta,
            comments_start=comments_start,
            origin=where.runs(),
            directives=as_rows(found) if found else None,
        )
    ]


def _decode(data: bytes, shown: str) -> str:
    """UTF-8, or the charset the page declares when it is not UTF-8."""
    try:
        return decode_utf8(data, shown)
    except ReadError as e:
        if not e.message.startswith("invalid UTF-8"):
            raise
        declared = _CHARSET.search(data[:4096])
        if not declared:
            raise
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise e from None
        if codec.name == "utf-8":
            raise
        text = data.decode(codec.name, errors="replace")
        check_not_empty(text, shown)
        return text
