"""Split a document's text into sections: ``body``, ``opinion``, ``comments``, ``furniture``.

The sections tile the whole text, in order, without gaps; each line (with its line end) belongs
to exactly one section.  The split is made of general mechanisms, never per-outlet cases:

* **furniture**: a line matching one of the data patterns in :mod:`.patterns` (browser warnings,
  image credits, newsletter and share prompts, "Related:", cookie notices, comment-form chrome,
  a bare image file name...), a line repeating an earlier line (a headline shown twice, also
  with a trailing count: "Headline 0"), a short handle-like line that occurs more than once
  ("beijingwalker"), a line with no letters or digits, and the front matter block.
* **comments**: from a comment-section marker ("Notify of", "Leave a Reply", "12 Comments",
  "View all comments"...) once the article has begun, or, in forum pages whose posts are
  separated by lines holding only a non-breaking space (or another invisible character; in a
  text without such lines, plain spaces, when the article's own blank lines are empty), from
  the first such separator after the article body.  Everything from there to the end is
  comments except furniture (the markers and separators themselves, comment author and
  time-stamp lines).  A headline-shaped line right before that point is a link to another
  page and is furniture too.
* **opinion**: a short isolated heading (at most 6 words, no final period) naming a viewpoint
  ("Pro-China narrative", "Analysis", "Our take", "What they are saying"), or a weaker word
  ("Establishment split") next to such headings, starts an opinion section that runs to the
  next heading that is not opinion-like, the next furniture pattern, or the comments.
* **body**: everything else.  Blank lines belong to the surrounding body, opinion or comments.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ledger import rx
from ledger.model import Section

from . import patterns
from .dates import is_date_line

BODY, OPINION, COMMENTS, FURNITURE = "body", "opinion", "comments", "furniture"
KINDS = (BODY, OPINION, COMMENTS, FURNITURE)

PROSE_MIN_WORDS = 6  # a line this long counts as article prose
MIN_PROSE_BEFORE_MARKER = 2  # a comment marker before this much prose is only furniture
MIN_PROSE_BEFORE_SEPARATOR = 3  # ditto for a forum post separator...
MIN_SEPARATORS = 2  # ...which must also recur

_INVISIBLE = "\u200b\u2060\ufeff"  # zero-width characters str.strip() keeps
_PLAIN_BLANK = frozenset(" \t\r\f\v")
_HAS_ALNUM = rx.compile(r"[^\W_]")
_HAS_LETTER = rx.compile(r"[^\W\d_]")
_TRAILING_COUNT = rx.compile(r"\s+\d+$")
_MD_HEADING = rx.compile(r"^#{1,6}\s+")
_EMPHASIS = rx.compile(r"^(\*\*|__)(.+)\1$")
_SENTENCE_END = tuple(".!?,;…")
_CLOSERS = tuple(".!?,;:…\"”'’)]»")


@dataclass(slots=True)
class Line:
    """One line of the text: ``[start, end)`` includes its line end."""

    index: int
    start: int
    end: int
    text: str  # stripped of surrounding (also invisible) whitespace
    separator: bool  # blank, but made of a non-breaking space or another invisible character
    soft: bool = False  # blank, but made of plain spaces or tabs (not empty)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` split at ``\\n`` only (as :meth:`Document.position` counts them)."""
    lines: list[Line] = []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()  # the text ends with a line break (or is empty): no line after it
    start = 0
    for i, raw in enumerate(parts):
        end = start + len(raw) + 1
        stripped = _strip(raw)
        separator = not stripped and any(c not in _PLAIN_BLANK for c in raw)
        soft = not stripped and not separator and raw.strip("\r") != ""
        lines.append(Line(i, start, end, stripped, separator, soft))
        start = end
    if lines and lines[-1].end > len(text):  # the last line has no line break
        last = lines[-1]
        lines[-1] = Line(last.index, last.start, len(text), last.text, last.separator, last.soft)
    return lines


def _soft_separators(lines: list[Line], preamble: list[bool]) -> None:
    """A page copied as plain text may have lost its non-breaking spaces: lines of plain spaces
    separate the posts when the text has no other separator, the body's blank lines are empty
    and the first such line comes after the article's prose.  They become separators."""
    if any(ln.separator for ln in lines):
        return
    soft = [ln.index for ln in lines if ln.soft and not preamble[ln.index]]
    if len(soft) < MIN_SEPARATORS:
        return
    before = [ln for ln in lines[: soft[0]] if not preamble[ln.index]]
    prose = sum(1 for ln in before if ln.words >= PROSE_MIN_WORDS)
    if prose < MIN_PROSE_BEFORE_SEPARATOR or not any(ln.blank and not ln.soft for ln in before):
        return  # not after the article's prose, or the article's blank lines are not empty
    for i in soft:
        lines[i].separator = True


def _strip(raw: str) -> str:
    s = raw.strip()
    while s and (s[0] in _INVISIBLE or s[-1] in _INVISIBLE):
        s = s.strip(_INVISIBLE).strip()
    return s


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


# Markdown's marks around a line ("## Comments", "**Leave a reply**"): no part of its wording
_MARKUP = rx.compile(r"^(?:#{1,6}[ \t]+|>[ \t]*)?[*_]{0,3}(.*?)[*_]{0,3}[ \t]*#*$", re.S)


def _matches(pats: tuple[re.Pattern[str], ...], text: str) -> bool:
    if text[:1] in "#*_>" and (bare := _MARKUP.match(text)) is not None:
        text = bare.group(1).strip()
    combined = _combined(pats)
    if combined is not None:
        return combined.fullmatch(text) is not None
    return any(pat.fullmatch(text) for pat in pats)


_BACKREF = rx.compile(r"\\\d|\(\?P=")
_COMBINED: dict[int, tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None]] = {}


def _combined(pats: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that fully matches what one of ``pats`` fully matches: an alternation, tried
    in one call instead of one call per pattern, in which the patterns that start with ``.*``
    ("... your browser is ...") share it, so that the line is scanned once for all of them.
    None when the patterns cannot be joined (different flags, back-references whose numbers
    would shift).  Kept per tuple (by identity: hashing the tuple would cost more than it
    saves)."""
    known = _COMBINED.get(id(pats))
    if known is not None and known[0] is pats:
        return known[1]
    combined = None
    if pats and len({pat.flags for pat in pats}) == 1 and not any(_BACKREF.search(pat.pattern) for pat in pats):
        heads = [pat.pattern for pat in pats if not _dot_star(pat)]
        tails = [pat.pattern[2:] for pat in pats if _dot_star(pat)]
        alternatives = [f"(?:{p})" for p in heads]
        if tails:  # .*a | .*b == .*(?:a|b)
            alternatives.append(".*(?:" + "|".join(f"(?:{p})" for p in tails) + ")")
        try:
            combined = rx.compile("|".join(alternatives), pats[0].flags)
        except re.error:
            pass
    _COMBINED[id(pats)] = (pats, combined)
    return combined


def _dot_star(pat: re.Pattern[str]) -> bool:
    """Does ``pat`` read ``.*`` and then a sequence (no ``|`` at its top level)?"""
    if not pat.pattern.startswith(".*") or pat.pattern[2:3] in ("?", "+", "*", "{", ""):
        return False
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    try:
        items = list(sre_parse.parse(pat.pattern, pat.flags))
    except re.error:
        return False
    first = items[0] if items else None
    return (
        len(items) > 1
        and first is not None
        and first[0] is sre.MAX_REPEAT
        and first[1][:2] == (0, sre.MAXREPEAT)
        and list(first[1][2]) == [(sre.ANY, None)]
    )


def is_furniture_text(text: str) -> bool:
    """Whether a (stripped) line is page furniture by its wording alone."""
    if not text:
        return False
    if not _HAS_ALNUM.search(text):
        return True
    if len(text.split()) > patterns.MAX_FURNITURE_WORDS:
        return False
    return _matches(patterns.FURNITURE, text) or _matches(patterns.COMMENT_MARKERS, text)


def is_comment_marker(text: str) -> bool:
    return len(text.split()) <= patterns.MAX_FURNITURE_WORDS and _matches(
        patterns.COMMENT_MARKERS, text
    )


def _is_handle(text: str, max_words: int = 3) -> bool:
    """A short name-like line: a user handle, a comment author."""
    return (
        1 <= len(text.split()) <= max_words
        and len(text) <= 40
        and not text.endswith(_CLOSERS)
        and ":" not in text
        and bool(_HAS_LETTER.search(text))
    )


def _is_headline_shaped(text: str) -> bool:
    return 3 <= len(text.split()) <= 15 and text[-1].isalnum() and not text[0].islower()


def heading_text(text: str) -> tuple[str, bool]:
    """A line without markdown heading marks or bold markers, and whether it had ``#`` marks."""
    md = _MD_HEADING.match(text)
    core = text[md.end() :] if md else text
    em = _EMPHASIS.match(core)
    if em:
        core = em.group(2)
    return core.strip(), md is not None


def _is_heading(lines: list[Line], i: int, first: int = 0) -> bool:
    """A short line without a final period, alone between blank lines (or a ``#`` heading);
    ``first`` is the first line after the front matter."""
    core, markdown = heading_text(lines[i].text)
    if not core or not 1 <= len(core.split()) <= 6 or len(core) > 60:
        return False
    if core.endswith(_SENTENCE_END) or not _HAS_LETTER.search(core) or core[0].islower():
        return False
    if markdown:
        return True
    before = i <= first or lines[i - 1].blank
    after = i == len(lines) - 1 or lines[i + 1].blank
    return before and after


@dataclass(slots=True)
class Layout:
    """A text's lines and the section kind of each."""

    text: str
    lines: list[Line]
    kinds: list[str]

    def sections(self) -> list[Section]:
        out: list[Section] = []
        for line, kind in zip(self.lines, self.kinds, strict=True):
            if out and out[-1].kind == kind:
                out[-1] = Section(kind, out[-1].start, line.end)
            else:
                out.append(Section(kind, line.start, line.end))
        return out

    def lines_of(self, *kinds: str) -> Iterator[Line]:
        """Non-blank lines of the given kinds, in order."""
        for line, kind in zip(self.lines, self.kinds, strict=True):
            if kind in kinds and not line.blank:
                yield line


def analyse(text: str, *, preamble_end: int = 0, comments_start: int | None = None) -> Layout:
    """Classify every line of ``text``.  ``preamble_end`` ends the front matter (furniture);
    ``comments_start``, when a reader knows it (HTML), is where reader comments begin."""
    lines = split_lines(text)
    n = len(lines)
    preamble = [ln.end <= preamble_end for ln in lines]
    _soft_separators(lines, preamble)
    content = [ln for ln in lines if not preamble[ln.index] and not ln.blank]
    first_content = content[0].index if content else -1

    # -- furniture by wording, repetition and shape --------------------------------------
    keys = [_key(ln.text) for ln in content]
    counts = Counter(keys)
    marker = [False] * n
    worded = [False] * n  # furniture by its wording (ends an opinion section)
    furniture = [False] * n
    seen: set[str] = set()
    for ln, key in zip(content, keys, strict=True):
        # is_comment_marker, else is_furniture_text; the key has the line's words
        short = key.count(" ") < patterns.MAX_FURNITURE_WORDS
        if short and _matches(patterns.COMMENT_MARKERS, ln.text):
            marker[ln.index] = worded[ln.index] = furniture[ln.index] = True
        elif not _HAS_ALNUM.search(ln.text) or (short and _matches(patterns.FURNITURE, ln.text)):
            worded[ln.index] = furniture[ln.index] = True
        elif key in seen:
            furniture[ln.index] = True  # a repeated line: headline shown twice, pull quote
        elif key[-1:].isdigit() and key.count(" ") >= 3 and _TRAILING_COUNT.sub("", key) in seen:
            furniture[ln.index] = True  # "Headline 0": the headline with a comment count
        elif ln.index != first_content and counts[key] > 1 and _is_handle(ln.text):
            furniture[ln.index] = True  # a handle shown more than once
        seen.add(key)

    separators_after = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        separators_after[i] = separators_after[i + 1] + lines[i].separator

    body_start = sum(preamble)
    heading = [
        not preamble[i] and not lines[i].blank and _is_heading(lines, i, body_start)
        for i in range(n)
    ]
    strong = [heading[i] and bool(patterns.OPINION_STRONG.search(lines[i].text)) for i in range(n)]
    weak = [heading[i] and bool(patterns.OPINION_WEAK.search(lines[i].text)) for i in range(n)]
    next_heading_strong = [False] * n
    following = False
    for i in range(n - 1, -1, -1):
        next_heading_strong[i] = following
        if heading[i]:
            following = strong[i]

    # -- regions ---------------------------------------------------------------------------
    kinds = [BODY] * n
    region = BODY
    prose = 0

    def start_comments(at: int) -> None:
        for j in range(at - 1, -1, -1):
            if lines[j].blank:
                continue
            if kinds[j] in (BODY, OPINION) and _is_headline_shaped(lines[j].text):
                kinds[j] = FURNITURE  # a link to another story right before the comments
            break

    for ln in lines:
        i = ln.index
        if preamble[i]:
            kinds[i] = FURNITURE
            continue
        if region != COMMENTS:
            if comments_start is not None and ln.start >= comments_start:
                region = COMMENTS
            elif (marker[i] and prose >= MIN_PROSE_BEFORE_MARKER) or (
                ln.separator
                and prose >= MIN_PROSE_BEFORE_SEPARATOR
                and separators_after[i] >= MIN_SEPARATORS
            ):
                start_comments(i)
                region = COMMENTS
        if region == COMMENTS:
            if ln.separator or furniture[i] or _is_comment_meta(ln.text):
                kinds[i] = FURNITURE
            else:
                kinds[i] = COMMENTS
            continue
        if ln.blank:
            kinds[i] = region
            continue
        if furniture[i]:
            kinds[i] = FURNITURE
            if region == OPINION and worded[i]:
                region = BODY
            continue
        if heading[i]:
            if strong[i] or (weak[i] and (region == OPINION or next_heading_strong[i])):
                region = OPINION
            elif region == OPINION:
                region = BODY
        kinds[i] = region
        if ln.words >= PROSE_MIN_WORDS:
            prose += 1
    return Layout(text, lines, kinds)


def _is_comment_meta(text: str) -> bool:
    """In a comment thread: an author line ("Ivan Freely", "beijingwalker") or a time stamp."""
    if not text:
        return False
    if _is_handle(text, max_words=4):
        words = text.split()
        if len(words) == 1 or (words[0][0].isupper() and words[-1][0].isupper()):
            return True
    return is_date_line(text, use_dateparser=False)


def split_sections(
    text: str, *, preamble_end: int = 0, comments_start: int | None = None
) -> list[Section]:
    """The sections of ``text``: a list tiling ``[0, len(text))`` in order."""
    return analyse(text, preamble_end=preamble_end, comments_start=comments_start).sections()
