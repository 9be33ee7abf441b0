"""Dates: parsing metadata values and inferring a document's date from its first lines.

Inference looks for, in order of preference (earliest line first within a rank):

0. a labelled publication date: ``Published June 20, 2023``, ``Posted on 2023-06-20``,
   ``By Jane Doe | Published May 30, 2023``;
1. a date alone on a line (a byline date, ``• May 4, 2023``, ``Tuesday, May 30, 2023 10:31 AM EDT``)
   or in a short ``By ...`` line;
2. a date after a bare "date" label (``date 2023-05-06 What's new``: often a forum or archive
   stamp, later than the story's own byline date);
3. an update date: ``Last updated May 30, 2023``, ``Updated: 2023-05-30``.

Month names, ISO dates, unambiguous numeric dates and CJK dates are parsed with the standard
library; only a short line that holds a year but no date the regexes know is handed to
``dateparser`` (imported lazily: it is slow), for dates in other languages ("30 mai 2023").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ledger import rx

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_DATE_RES = tuple(
    rx.compile(p, re.I)
    for p in (
        r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])",
        _MON + r"\s+" + _DAY + r",?\s+" + _YEAR,
        _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR,
        r"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]" + _YEAR,
        r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日",
    )
)

_DATE_START_RES = tuple(rx.compile(_WEEKDAY + p.pattern, re.I) for p in _DATE_RES)

_LABEL = rx.compile(
    r"\b(?P<label>(?:first\s+|originally\s+)?published|posted|dated?"
    r"|(?:last\s+)?(?:updated|modified))\b\s*(?:on\b|at\b)?\s*[:\-–—]?\s*",
    re.I,
)
_UPDATE_LABEL = rx.compile(r"updated|modified", re.I)
_LEAD = rx.compile(r"^[\s•·*\-–—|>#]+")
_TIME_TAIL = rx.compile(
    r"(?:[,|•·\-–—]?\s*(?:at\s+)?\d{1,2}(?::\d\d){0,2}\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:UTC|GMT|[ECMP][SD]?T|BST|CES?T|IST|JST|KST|HKT|SGT|AE[SD]T)"
    r"(?:\s*[+-]\d{1,2}(?::?\d\d)?)?)?)?\s*$",
    re.I,
)
_YEAR_ANYWHERE = rx.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

RANK_PUBLISHED, RANK_BYLINE, RANK_DATE_LABEL, RANK_UPDATED = 0, 1, 2, 3
WINDOW_LINES = 15


@dataclass(frozen=True, slots=True)
class DateGuess:
    day: dt.date
    rank: int
    line_index: int
    phrase: str  # the line it came from, cleaned, for ``date_method``


def _from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        year = int(g["y"])
        if g.get("mon"):
            month = MONTHS[g["mon"].lower().rstrip(".")]
            day = int(g["d"])
        elif g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a or a == b:
                month, day = a, b
            else:
                return None  # 05/06/2023: day-first or month-first? unknowable
        else:
            month, day = int(g["m"]), int(g["d"])
        return dt.date(year, month, day)
    except (KeyError, ValueError):
        return None


def find_date(s: str, *, at_start: bool = False) -> tuple[dt.date, int] | None:
    """The first date in ``s`` (or one starting ``s``, after an optional weekday) and the offset
    where it ends."""
    best: tuple[int, dt.date, int] | None = None
    for pat, start_rx in zip(_DATE_RES, _DATE_START_RES, strict=True):
        if at_start:
            m = start_rx.match(s)
            found = [m] if m else []
        else:
            found = list(pat.finditer(s))
        for m in found:
            day = _from_match(m)
            if day is not None and (best is None or m.start() < best[0]):
                best = (m.start(), day, m.end())
                break
    return (best[1], best[2]) if best else None


def parse_date_value(value: object) -> dt.date | None:
    """A metadata value as a date: a date/datetime, or a string starting ``YYYY-MM-DD`` (a time
    may follow), or a written-out date (``May 30, 2023``).  None when it is none of these."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = re.match(r"((?:19|20|21)\d\d)-(\d\d)-(\d\d)(?:$|[T\s])", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    found = find_date(s, at_start=True)
    if found and _TIME_TAIL.fullmatch(s[found[1] :]):
        return found[0]
    return None


def clean_line(line: str) -> str:
    return " ".join(_LEAD.sub("", line).split())


def _line_guess(index: int, line: str, use_dateparser: bool = True) -> DateGuess | None:
    s = clean_line(line)
    if not s or len(s) > 200:
        return None
    words = len(s.split())
    phrase = s if len(s) <= 80 else s[:77] + "..."
    # labelled: "Published June 20, 2023", "Last updated: May 30, 2023", "date 2023-05-06 ..."
    for m in _LABEL.finditer(s):
        if m.start() != 0 and words > 14:
            break
        found = find_date(s[m.end() :], at_start=True)
        if found:
            label = m["label"].lower()
            if _UPDATE_LABEL.search(label):
                rank = RANK_UPDATED
            elif label.startswith("date"):
                rank = RANK_DATE_LABEL
            else:
                rank = RANK_PUBLISHED
            return DateGuess(found[0], rank, index, phrase)
    # a date alone on the line, possibly with a time
    found = find_date(s, at_start=True)
    if found and _TIME_TAIL.fullmatch(s[found[1] :]):
        return DateGuess(found[0], RANK_BYLINE, index, phrase)
    # a short byline: "By Jane Doe, May 4, 2023"
    if words <= 15 and re.match(r"by\s", s, re.I):
        found = find_date(s)
        if found:
            return DateGuess(found[0], RANK_BYLINE, index, phrase)
    # something date-like in another language: "30 mai 2023", "30. Mai 2023"
    if (
        use_dateparser
        and words <= 6
        and not found
        and _YEAR_ANYWHERE.search(s)
        and re.search(r"[^\W\d_]", s)
    ):
        day = _dateparser(s)
        if day is not None:
            return DateGuess(day, RANK_BYLINE, index, phrase)
    return None


def _dateparser(s: str) -> dt.date | None:
    try:
        import dateparser

        parsed = dateparser.parse(
            s,
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser is a heuristic helper: never let it fail a read
        return None
    return parsed.date() if parsed is not None else None


def infer_date(lines: Iterable[tuple[int, str]]) -> DateGuess | None:
    """The best date guess among ``(index, line)`` pairs (the caller picks the window)."""
    best: DateGuess | None = None
    for index, line in lines:
        guess = _line_guess(index, line)
        if guess is not None and (
            best is None or (guess.rank, guess.line_index) < (best.rank, best.line_index)
        ):
            best = guess
            if best.rank == RANK_PUBLISHED:
                break
    return best


def is_date_line(line: str, *, use_dateparser: bool = True) -> bool:
    """A line that is only a date, a labelled date or a dated byline (never a title)."""
    return _line_guess(-1, line, use_dateparser) is not None
