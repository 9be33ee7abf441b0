"""Time expressions: find them in text and normalize them against the document's date (the anchor).

``find_timexes(text, anchor, start, end)`` returns one :class:`Timex` per expression in
``text[start:end]``, left to right, never overlapping.  Each carries the inclusive interval of
days it allows (``valid_from`` .. ``valid_to``; ``None`` on a side = open, or unknown when a
relative expression has no anchor), its granularity (``day``, ``week``, ``month``, ``year``, or
``range`` for anything else: early/mid/late parts, seasons, quarters, open or multi-unit ranges)
and whether it is approximate ("early May", "late last week", "about 2019", "recent weeks").

Shapes covered:

* absolute dates: ``May 30, 2023``, ``30 May 2023``, ``Tuesday, May 30, 2023``, ``Jan. 5, 2024``,
  ``2023-05-06``, ``5/30/2023``, ``30.05.2023``, ``June 2-4``, ``May 30-June 2``; month and year:
  ``August 2022``.  A day and month without a year (``June 19``) takes the year that puts it
  nearest the anchor, a future date counting double (news mostly looks back), or the first one on
  or after the anchor when the clause has a future cue ("will", "set to", "scheduled", ...);
* years ``2018`` (not counts: "2000 troops"), ``2018-2020``, ``2023/24``, ``the 1990s``,
  ``Q1 2023``, ``the first half of 2023``, ``summer 2022``, ``early 2023``, ``mid-2018``;
* months alone (``in March``: the latest March at or before the anchor, or the next one after
  ``next`` or a future cue; ``March last year``) and their parts (``early May`` 1-10,
  ``mid-June`` 11-20, ``late March`` 21-end, ``the end of May``);
* weekdays (``Monday``, ``late Monday``, ``last Friday``, ``next Friday``, ``Monday night``): the
  latest one at or before the anchor, or the first on or after it with a future cue ("would",
  or a trip told in the present outside a headline: "who travels to Washington on Tuesday");
* relative: ``yesterday``, ``today``, ``tomorrow``, ``last night``, ``this/last/next
  week|month|year|weekend|quarter|summer``, ``late last week``, ``earlier this year``, ``the
  past year``, ``in recent weeks``, ``the past two years``, ``the coming months``, ``two years
  ago``;
* operators: ``since 2018`` / ``from 2018`` / ``after 2028`` (open end), ``before 2035`` (ends the
  day before), ``until 2028`` / ``by 2030`` (open start), ``from Friday to Sunday``, ``between
  2018 and 2020``.

``in``/``on``/``during`` are left out of the span; ``since``, ``before``, ``until``, ``by``,
``after``, ``from`` and ``between`` are kept in it, since they change its meaning.

How: every expression holds a trigger (a digit, a capitalized month abbreviation, "day", "week",
"month", "year", ...).  Triggers are found with ``bytes.find`` on an ASCII copy of the text (far
faster than any regex scan); at the word holding one, a short list of anchored regexes for that
trigger family reads the core ("May 30, 2023", "Monday", "weeks ago"), and one more, run on the
reversed text before it, reads what may precede ("since", "early", "last", "the past two").
Foreign-language dates in the ``30 mai 2023`` shape go to ``dateparser`` (imported lazily, only
for such a candidate).
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ledger import rx

__all__ = ["Timex", "date_span_at", "find_timexes"]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int  # character offsets in the text given; text[start:end] == self.text
    text: str
    valid_from: date | None  # inclusive; None = open start or unknown
    valid_to: date | None  # inclusive; None = open-ended ("since 2018") or unknown
    granularity: str  # "day", "week", "month", "year", "range"
    approx: bool = False


# ---------------------------------------------------------------------------------------------
# CRLF: the finders work on text with "\r\n" folded to "\n" and map offsets back, so that LF and
# CRLF copies of a text give the same results (quantities.py uses the same helpers).


def fold_crlf(text: str) -> tuple[str, list[int] | None]:
    """``text`` with every ``\\r\\n`` made ``\\n``, and the normalized offsets of those newlines
    (``None`` when there was nothing to fold)."""
    if "\r\n" not in text:
        return text, None
    crs = [m.start() for m in re.finditer("\r\n", text)]
    return text.replace("\r\n", "\n"), [c - i for i, c in enumerate(crs)]


def to_folded(offset: int, nl: list[int] | None) -> int:
    """An offset in the original text as an offset in the folded one."""
    if not nl:
        return offset
    # the i-th folded newline sits at nl[i] (folded) == nl[i] + i + 1 (original "\n")
    lo, hi = 0, len(nl)
    while lo < hi:  # count the pairs whose "\r" lies before ``offset``
        mid = (lo + hi) // 2
        if nl[mid] + mid < offset:
            lo = mid + 1
        else:
            hi = mid
    return offset - lo


def to_original(offset: int, nl: list[int] | None) -> int:
    """An offset in the folded text as an offset in the original one."""
    if not nl:
        return offset
    return offset + bisect.bisect_left(nl, offset)


# ---------------------------------------------------------------------------------------------
# Vocabulary

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "few": 3, "several": 5, "a couple of": 2, "couple of": 2,
}  # fmt: skip
_VAGUE_N = {"a few", "few", "several", "a couple of", "couple of"}
# "recent weeks" and friends, without a number: how far back they reach
_RECENT_SPAN = {
    "day": (0, 7),
    "week": (0, 42),
    "month": (6, 0),
    "year": (60, 0),
    "decade": (360, 0),
}
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _ci(alts: str) -> str:
    """``since|before`` -> ``[Ss]ince|[Bb]efore``: sentence-initial capitals without IGNORECASE
    (which would slow the scan down)."""
    out = []
    for a in alts.split("|"):
        c = a[0]
        out.append(f"[{c.upper()}{c.lower()}]{a[1:]}" if c.isalpha() else a)
    return "|".join(out)


_Y = r"(?:1[89]|20)\d\d"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ANY = _MON_FULL + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_LEAD = r"(?P<wd>" + _WD + r"),?\s+"
_END = r"(?![\w%]|[.,:/]\d)"
# "on June 30 of that year": the year named before it in the sentence
_SAME = r"\s+(?:of\s+)?(?P<same>that|the\s+same)\s+year"
_MD = (
    r"(?P<mon>" + _MON_ANY + r")\.?\s+(?P<d>" + _D + r")(?:\s*(?:-|–|—|to|through)\s*"
    r"(?:(?P<mon2>" + _MON_ANY + r")\.?\s+)?(?P<d2>" + _D + r"))?(?:,?\s+(?P<y>" + _Y + ")|" + _SAME + ")?"
    + _END
)
_DM = (
    r"(?<![\d.,/\-])(?P<d>" + _D + r")(?:\s*(?:-|–|—|to)\s*(?P<d2>" + _D + r"))?\s+(?:of\s+)?"
    r"(?P<mon>" + _MON_FULL + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?!\w)"
    r"(?:,?\s+(?P<y>" + _Y + ")|" + _SAME + ")?" + _END
)
_UNITS = (
    "weekend|week|month|year|decade|quarter|night|morning|afternoon|evening|spring|summer|fall"
    "|autumn|winter|day"
)

# The core of an expression starts at the word holding a trigger (a digit, a month name, "day",
# "week", ...): each trigger family has its own short list of anchored alternatives, tried in
# order.  What may precede the core (an operator, "early", "last", "two", "the") is read
# backwards from it with _PREFIX.
_CORES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    fam: [(name, rx.compile(pat)) for name, pat in alts]
    for fam, alts in {
        "digit4": [
            ("iso", r"(?<![\d.\-/])(?P<y>" + _Y + r")[-/.](?P<m>1[0-2]|0?[1-9])[-/.]"
                    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:(?=T\d)|(?![\w]|[-/.:]\d))"),
            ("yr", r"(?<![\d.,\-/:$€£#])(?P<y>" + _Y + r")\s*(?:-|–|—|/)\s*"
                   r"(?P<y2>(?:1[89]|20)\d\d|\d\d)(?![\w%]|[.,\-/:]\d)"),
            ("dec", r"(?P<dec>(?:1[89]|20)\d0)['’]?s(?!\w)"),
            ("year", r"(?P<y>" + _Y + r")(?![\w%°]|[.,]\d|[-–/:]\d)"),
        ],
        "digit12": [
            ("num", r"(?<![\d.,/\-])(?P<a>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])"
                    r"(?P<b>3[01]|[12]\d|0?[1-9])[/.](?P<y>" + _Y + r")(?![\w]|[.,/\-]\d)"),
            ("dm", _DM),
            ("foreign", r"(?<![\d.,/\-])(?P<d>3[01]|[12]\d|0?[1-9])\.?\s+(?:de\s+)?"
                        r"(?P<w>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<y>" + _Y + r")" + _END),
        ],
        "q": [
            ("qh", r"(?P<q>Q[1-4])\s+(?P<y>" + _Y + r")(?![\w%]|[.,]\d)"),
        ],
        "month": [
            ("md", _MD),
            ("my", r"(?P<mon>" + _MON_ANY + r")\.?,?\s+(?:of\s+)?(?P<y>" + _Y + r")"
                   r"(?![\w%]|[.,]\d|[-–/]\d)"),
            ("bm", r"(?P<mon>" + _MON_FULL + r")(?:\s+(?:of\s+)?(?P<yrel>" + _ci("last|this|next")
                   + r")\s+year)?(?![\w-])"),
        ],
        "day": [
            ("md", _WD_LEAD + _MD),
            ("dm", _WD_LEAD + r"(?:the\s+)?" + _DM),
            # (not a weekday named for what falls on it: "the Friday prayer leader", "Friday prayers")
            ("wd", r"(?P<wd>" + _WD + r")(?:\s+(?P<tod>morning|afternoon|evening|night))?(?!\w)"
                   r"(?!\s+(?:prayers?|sermons?|services?|market)\b)"),
            ("deic", r"(?P<deic>" + _ci("yesterday|today") + r")(?!\w)"),
            ("unit", r"(?P<u>" + _ci("day") + r")(?P<pl>s)?(?P<ago>\s+ago)?(?![\w-])"),
        ],
        # days of the year named for what falls on them ("on New Year's Day"), of a year the
        # nearest the document's, as a day and month written without one
        "holiday": [
            ("hol", r"(?P<hol>[Nn]ew[ \t\u00a0]+[Yy]ear['’]?s[ \t\u00a0]+(?:[Dd]ay|[Ee]ve)|[Cc]hristmas[ \t\u00a0]+"
                    r"(?:[Dd]ay|[Ee]ve)|[Bb]oxing[ \t\u00a0]+[Dd]ay)(?!\w)"),
        ],
        "unit": [
            ("season", r"(?P<s>" + _ci("spring|summer|fall|autumn|winter") + r")\s+(?:of\s+)?"
                       r"(?P<y>" + _Y + r")(?![\w%]|[.,]\d)"),
            ("qh", r"(?P<qu>quarter|half)\s+of\s+(?P<y>" + _Y + r")(?![\w%]|[.,]\d)"),
            ("deic", r"(?P<deic>" + _ci("tonight|tomorrow") + r")(?!\w)"),
            ("unit", r"(?P<u>" + _ci(_UNITS) + r")(?P<pl>s)?(?P<ago>\s+ago)?(?![\w-])"),
        ],
    }.items()
}  # fmt: skip

# Trigger literals (bytes.find is far faster than any regex scan), searched in the text as ASCII
# bytes (one byte per character, so offsets hold): months case-sensitively, the rest lowercased.
_TRIGGERS: list[tuple[bytes, str, bool]] = (
    [(str(i).encode(), "digit", False) for i in range(10)]
    + [(m.encode(), "month", False) for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()]  # noqa: E501
    + [(b"day", "day", True), (b"new year", "holiday", True), (b"christmas", "holiday", True),
       (b"boxing day", "holiday", True)]
    + [(k.encode(), "unit", True) for k in ("eek onth year ecade uarter alf night orning fternoon "
                                            "vening omorrow pring ummer fall utumn winter").split()]
)  # fmt: skip


def ascii_views(text: str) -> tuple[bytes, bytes]:
    """``text`` as ASCII bytes (anything else a ``?``), as is and lowercased: same offsets."""
    b = text.encode("ascii", "replace")
    return b, b.lower()


def _rev(phrases: str) -> str:
    """Alternatives for matching reversed text: ``as of|since`` -> ``fo\\s+sa|ecnis``."""
    alts = sorted(phrases.split("|"), key=lambda p: (-len(p.split()), -len(p)))
    return "|".join(r"\s+".join(w[::-1] for w in reversed(p.split())) for p in alts)


_OPS_R = _rev(
    "until after|as of|prior to|since|before|until|till|by|after|from|between|through|thru"
    "|starting|in|on|during|of|for|to|and"
)
# Read right to left from the core: count, ordinal, relative word, "the", early/mid/late, "the",
# circa, then one or two operators.
_PREFIX = rx.compile(
    r"(?:\s+(?P<n>\d{1,3}|"
    + _rev(
        "a few|a couple of|couple of|an|a|one|two|three|four|five"
        "|six|seven|eight|nine|ten|eleven|twelve|few|several"
    )
    + r")(?!\w))?"
    r"(?:\s+(?P<ord>" + _rev("first|second|third|fourth") + r")(?!\w))?"
    r"(?:\s+(?P<rel>" + _rev("last|this|next|past|coming|recent|upcoming") + r")(?!\w))?"
    r"(?:\s+(?P<the2>eht)(?!\w))?"
    r"(?:(?P<emlsep>\s*-\s*|\s+)(?:ni\s+)?(?P<eml>"
    + _rev(
        "early|mid|late|earlier|later"
        "|the end of|the beginning of"
        "|the start of|the middle of|end of"
        "|beginning of|start of|middle of"
    )
    + r")(?!\w))?"
    r"(?:\s+(?P<the1>eht)(?!\w))?"
    r"(?:\s+(?P<circa>" + _rev("about|around|circa|roughly|approximately") + r"|\.c)(?!\w))?"
    r"(?:\s+(?P<ops>(?:" + _OPS_R + r")(?:\s+(?:" + _OPS_R + r"))?)(?!\w))?"
)  # fmt: skip  (matched against lowercased text)
_PREFIX_I = rx.compile(_PREFIX.pattern, re.I)
_PREFIX_ORDER = ("n", "ord", "rel", "the2", "eml", "the1", "circa", "ops")
_NO_PREFIX = dict.fromkeys((*_PREFIX_ORDER, "the", "_ops_start"))
_ALLOWED = {
    "iso": {"ops"}, "num": {"ops"}, "yr": {"ops"}, "foreign": {"ops"}, "md": {"ops"},
    "dm": {"ops", "the"}, "my": {"ops", "eml"}, "bm": {"ops", "eml", "rel"},
    "season": {"ops", "the"}, "qh": {"ops", "the", "ord"}, "dec": {"ops", "the", "eml"},
    "year": {"ops", "eml", "circa"}, "unit": {"ops", "eml", "the", "rel", "n"},
    "deic": {"ops"}, "wd": {"ops", "eml", "rel"}, "hol": {"ops", "rel"},
}  # fmt: skip
_ALLOWED = {
    k: v | ({"the1", "the2"} if "the" in v else set()) for k, v in _ALLOWED.items()
}  # fmt: skip
_REL_UNITS = {"week", "weekend", "month", "year", "decade", "quarter", "night", "morning",
              "afternoon", "evening", "spring", "summer", "fall", "autumn", "winter"}  # fmt: skip
_PLURAL_UNITS = {"day", "week", "month", "year", "decade"}
_REL_SIMPLE = {None, "last", "this", "next", "past", "coming"}

_FUTURE = rx.compile(
    r"\b(?:will|shall|won['’]t|set\s+to|to\s+(?:begin|start|be\s+held|take\s+place|open)"
    r"|being\s+held|scheduled|slated|planned|plans?\s+to|expected\s+to|is\s+to|are\s+to|was\s+to|were\s+to"
    r"|was\s+due|were\s+due|set\s+for"
    r"|due\s+to\s+(?:begin|start|be|open|arrive|attend|visit|meet|travel|speak|hold|host|sign|vote|return"
    r"|announce|address|deliver|release|publish|rule|decide|testify|appear|face|leave|land|launch|report"
    r"|resume|end|close|expire|retire|take|join|submit|present|unveil|hand|head|lead|make|give|hear|go"
    r"|come|fly|run|play|sit|stand|receive|tour|win|sentence|conclude|finish)|upcoming"
    # "next", but not a possessive's ("elected Lai as their next leader in the election held on ...")
    r"|(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bour\s)(?<!\bmy\s)(?<!\byour\s)(?<!['’]s\s)next|going\s+to|begins|starts|opens"
    r"|kicks\s+off"
    # "faces a second impeachment vote on Saturday": one to come
    r"|fac(?:es|ing)\s+(?:an?\s+|the\s+|another\s+)?(?:[\w-]+\s+){0,3}?(?:votes?|elections?|runoff|ballot"
    r"|deadline|hearing|trial|test)(?=(?:\s+(?:on|in))?\s*$)"
    r")\b|\w['’]ll\b"
)  # matched against lowercased text
# a clause told in the past ("was held on", "took place on", "won the ... on"): matched lower-case
# (and "since": "under scrutiny since the Jan. 6 blowout" looks back)
# and a verb's regular past ("shareholders approved the deal on April 12"), but not the
# participles of a plan or a delay ("the proposed", "postponed to") nor words ending so
_PAST = rx.compile(r"\b(?:was|were|had|did|took|won|lost|died|came|met|began|ended|fell|rose|since|said|told"
                   r"|(?!(?:scheduled|planned|expected|proposed|postponed|delayed|rescheduled|deferred|pushed"
                   r"|moved|need|speed|feed|seed|breed|proceed|succeed|exceed|hundred)\b)[a-z]{3,}ed)\b")
_COUNT_BEFORE = rx.compile(
    r"(?:\b(?:than|least|nearly|almost|some|only|just|estimated|No\.?|no|number|Number|of|for"
    r"|by|from|between|and|to|top|over|under)|[#№])\s*\Z"
)
_DETERMINER_BEFORE = rx.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s)\s+\Z", re.I
)
_WORD_AFTER = rx.compile(r"\s+([a-z]+)\b")
_COUNT_NOUNS = {"people", "men", "women", "children", "personnel", "aircraft", "km", "kg", "m",
                "ft", "feet", "mile", "meter", "metre", "ton", "tonne", "vote", "unit", "police",
                "staff"}  # fmt: skip
_NOT_PLURAL = {"was", "has", "is", "as", "its", "this", "his", "does", "us", "yes", "plus",
               "thus", "always", "perhaps", "news", "whereas", "unless", "across", "towards",
               "afterwards", "sometimes", "besides", "hers", "ours", "yours", "theirs"}  # fmt: skip
_NAMED_DAY_BEFORE = rx.compile(r"\b(?:Black|Good|Cyber|Super|Easter|Ash|Holy|Blue|Giving)\s+\Z")
_NOT_WORD_BEFORE = rx.compile(r"\bUSA\s+\Z")

_SPAN_OPS = {"since", "before", "until", "till", "by", "after", "from", "between", "through",
             "thru", "as of", "prior to", "starting", "until after"}  # fmt: skip
_TEMPORAL_OPS = {"since", "before", "until", "till", "after", "in", "during", "as of", "prior to",
                 "starting", "until after", "on"}  # fmt: skip
_CONNECT = rx.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*")

_ENGLISH_NOT_MONTH = {
    "days", "weeks", "months", "years", "times", "people", "percent", "and", "the", "of", "to",
    "in", "on", "per", "out", "from", "points", "votes", "men", "women", "troops", "seats",
    "million", "billion", "thousand", "hundred", "dollars", "euros", "cases", "deaths",
}  # fmt: skip


@dataclass
class _Atom:
    start: int  # span start (operator included when it changes the meaning)
    core: int  # where the date expression itself starts (after any operator)
    end: int
    op: str | None
    frm: date | None
    to: date | None
    gran: str
    approx: bool
    shift: str | None = None  # how to move it forward in a range: "week" or "year"


# ---------------------------------------------------------------------------------------------
# Date arithmetic


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _mrange(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, _month_end(y, m))


def _yrange(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _add_months(d: date, k: int) -> date:
    y, m = divmod(d.month - 1 + k, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _month_end(y, m + 1)))


def _week_of(d: date) -> tuple[date, date]:
    mon = d - timedelta(days=d.weekday())
    return mon, mon + timedelta(days=6)


def _eml_kind(eml: str | None) -> str | None:
    if not eml:
        return None
    e = eml.lower()
    if "earlier" in e:
        return "earlier"
    if "later" in e:
        return "later"
    if "early" in e or "beginning" in e or "start" in e:
        return "early"
    if "mid" in e:  # mid, middle
        return "mid"
    return "late"  # late, end


def _part(frm: date, to: date, unit: str, kind: str, anchor: date | None) -> tuple[date, date]:
    """The early/mid/late part of a month, year, week or decade (earlier/later: before/after the
    anchor when it falls inside, else as early/late)."""
    if kind == "earlier":
        if anchor is not None and frm <= anchor <= to:
            return frm, max(frm, anchor - timedelta(days=1))
        kind = "early"
    elif kind == "later":
        if anchor is not None and frm <= anchor <= to:
            return min(to, anchor + timedelta(days=1)), to
        kind = "late"
    if unit == "month":
        cut = {"early": (1, 10), "mid": (11, 20), "late": (21, to.day)}[kind]
        return frm.replace(day=cut[0]), frm.replace(day=cut[1])
    if unit == "year":
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[kind]
        return date(frm.year, months[0], 1), _mrange(frm.year, months[1])[1]
    if unit == "week":
        days = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[kind]
        return frm + timedelta(days=days[0]), frm + timedelta(days=days[1])
    if unit == "decade":
        years = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}[kind]
        return date(frm.year + years[0], 1, 1), date(frm.year + years[1], 12, 31)
    return frm, to


def _future_cue(text: str, pos: int) -> bool:
    """Does the clause before ``pos`` speak of the future ("set to begin Friday")?"""
    return _FUTURE.search(_clause_before(text, pos)) is not None


def _weekday_ahead(text: str, pos: int) -> bool:
    """A future cue before a weekday, or "would" with no day told before it in the clause
    (reported speech of what is to come this week: "added that Calhoun would convene a safety
    meeting on Tuesday"; not "said on Monday it would hold a meeting on Tuesday", whose
    Tuesday follows that Monday; a day of a month is left to its tense: "announced that he
    would hold an election on Oct. 27" may be past)."""
    clause = _clause_before(text, pos)
    line = text.rfind("\n", 0, pos) + 1
    return _FUTURE.search(clause) is not None or (
        (_WOULD.search(clause) is not None or (_GOING.search(clause) is not None and not text.startswith("#", line)))
        and _DAY_TOLD.search(clause) is None)


# an event a day is ahead of: "campaigning ahead of Sunday's upper house election"
_AHEAD_OF = rx.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|upcoming)\s+\Z", re.IGNORECASE)
# a weekday's event told in the future after it: "Sunday's House of Councillors election will be held"
_POSSESSIVE_DAY = rx.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s\s")


def _future_after(text: str, pos: int) -> bool:
    head = _POSSESSIVE_DAY.match(text, pos)
    if head is None:
        return False
    end = len(text)
    # (of its own clause: not "results from Wednesday's election showed, raising the prospect
    # that the party will need a partner")
    for c in ".!?;,\n":
        if (k := text.find(c, head.end(), head.end() + 120)) >= 0:
            end = min(end, k)
    return _FUTURE.search(text[head.end() : min(end, head.end() + 120)].lower()) is not None


# a trip told in the present, as news tells what is scheduled ("the president, who travels to
# Washington for the NATO summit on Tuesday"); not in a headline, which tells the past so
_GOING = rx.compile(r"\b(?:travels|flies|heads|departs|attends)\b")


_WOULD = rx.compile(r"\bwould\b(?!\s+(?:have|be\s+\w+ed)\b)")
# (in the lower-cased clause; not "may", a verb as often as a month)
_DAY_TOLD = rx.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
                       r"|january|february|march|april|june|july|august|september|october|november|december"
                       r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\b\d{1,4}\b")


def _tense(text: str, pos: int) -> str | None:
    """"future" when the clause before ``pos`` speaks of the future, "past" when it is told in
    the past tense ("the election was held on February 14"), else None."""
    clause = _clause_before(text, pos)
    if _FUTURE.search(clause) is not None:
        return "future"
    return "past" if _PAST.search(clause) is not None else None


def _clause_before(text: str, pos: int) -> str:
    lo = max(0, pos - 140)
    for c in ".!?;:,\n•":
        lo = max(lo, text.rfind(c, lo, pos) + 1)
    return text[lo:pos].lower()


def _weekday(anchor: date, wd: int, rel: str | None, future: bool) -> date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + timedelta(days=fwd or 7)
    if rel == "this":
        return _week_of(anchor)[0] + timedelta(days=wd)
    if future:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


def _month_year(anchor: date, m: int, rel: str | None, future: bool) -> int:
    if rel in ("next", "coming"):
        return anchor.year if m > anchor.month else anchor.year + 1
    if rel in ("last", "past"):
        return anchor.year if m < anchor.month else anchor.year - 1
    if rel == "this":
        return anchor.year
    if future:
        return anchor.year if m >= anchor.month else anchor.year + 1
    return anchor.year if m <= anchor.month else anchor.year - 1


def _day_year(anchor: date, m: int, d: int, future: bool | str | None) -> int | None:
    """The year for a day and month given without one: nearest the anchor, a future day
    counting double; the first on or after it when ``future`` (or "future"); the last on or
    before it when "past"."""
    best: tuple[int, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(y, m, d)
        except ValueError:
            continue
        delta = (cand - anchor).days
        if future == "past":
            # (a day within a month ahead told in the past tense is one planned then: "the
            # runoff Georgescu faced on 8 December", the day after; not a year ago)
            cost = -delta if delta <= 0 else (2 * delta if delta <= 31 else 10**6)
        elif future:
            cost = delta if delta >= 0 else 10**6
        else:
            cost = 2 * delta if delta > 0 else -delta
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


def _n_value(n: str | None) -> tuple[int, bool]:
    """A count word and whether it is vague."""
    if n is None:
        return 1, True
    key = " ".join(n.lower().split())
    if key.isdigit():
        return int(key), False
    return NUMBER_WORDS.get(key, 1), key in _VAGUE_N


def _back(anchor: date, unit: str, n: int) -> date:
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "week":
        return anchor - timedelta(days=7 * n)
    return _add_months(anchor, -n * {"month": 1, "year": 12, "decade": 120}[unit])


@lru_cache(maxsize=256)
def _dateparser(s: str) -> date | None:
    try:
        import dateparser

        parsed = dateparser.parse(
            s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
        )
    except Exception:  # a heuristic helper: never let it fail extraction
        return None
    return parsed.date() if parsed is not None else None


# ---------------------------------------------------------------------------------------------
# One alternative's match -> (from, to, granularity, approx, shift)

_Res = tuple[date | None, date | None, str, bool, str | None]


_HOLIDAYS = {("new", "day"): (1, 1), ("new", "eve"): (12, 31), ("christmas", "day"): (12, 25),
             ("christmas", "eve"): (12, 24), ("boxing", "day"): (12, 26)}


def _resolve(name: str, g: dict[str, Any], text: str, pos: int, anchor: date | None) -> _Res | None:
    """An expression's interval, granularity, approximation and how it shifts in a range
    (``None``: not a time expression after all).  ``g``: the groups of the core and the prefix;
    ``pos``: where the expression starts, operator included."""
    eml = _eml_kind(g["eml"])
    ops = g["ops"]
    if name == "iso":
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
        return d, d, "day", False, None
    if name == "num":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 or (g["sep"] == "." and b <= 12):
            a, b = b, a  # day first: 30/05/2023, 30.05.2023
        d = date(y, a, b)
        return d, d, "day", False, None
    if name in ("md", "dm"):
        return _resolve_day_month(g, text, pos, anchor)
    if name == "hol":
        words = g["hol"].lower().split()
        month, day = _HOLIDAYS[(words[0], words[-1])]
        if anchor is None:
            return None, None, "day", False, "year"
        rel = g.get("rel")
        hy = (anchor.year - ((month, day) > (anchor.month, anchor.day)) if rel in ("last", "past")
              else anchor.year + ((month, day) < (anchor.month, anchor.day)) if rel in ("next", "coming")
              else anchor.year if rel == "this" else _day_year(anchor, month, day, _tense(text, pos)))
        if hy is None:
            return None
        d = date(hy, month, day)
        return d, d, "day", False, "year"
    if name == "my":
        frm, to = _mrange(int(g["y"]), MONTHS[g["mon"].lower()])
        if eml:
            return (*_part(frm, to, "month", eml, anchor), "range", True, None)
        return frm, to, "month", False, None
    if name == "season":
        frm = date(int(g["y"]), _SEASON_START[g["s"].lower()], 1)
        return frm, _add_months(frm, 3) - timedelta(days=1), "range", True, None
    if name == "qh":
        y = int(g["y"])
        if g.get("q"):
            q, months = int(g["q"][1]), 3
        else:
            if not g["ord"]:
                return None
            months = 3 if g["qu"] == "quarter" else 6
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[g["ord"].lower()]
            if q > 12 // months:
                return None
        frm = date(y, 1 + (q - 1) * months, 1)
        return frm, _add_months(frm, months) - timedelta(days=1), "range", False, None
    if name == "yr":
        y1, y2s = int(g["y"]), g["y2"]
        y2 = int(y2s)
        if len(y2s) == 2:
            y2 = y1 // 100 * 100 + int(y2s)
            if y2 <= y1:
                if int(y2s) <= 12 and "/" not in g["_raw"]:
                    frm, to = _mrange(y1, int(y2s))
                    return frm, to, "month", False, None  # 2023-05
                return None
        if y2 <= y1:
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "range", False, None
    if name == "dec":
        y = int(g["dec"])
        frm, to = date(y, 1, 1), date(y + 9, 12, 31)
        if eml:
            return (*_part(frm, to, "decade", eml, anchor), "range", True, None)
        return frm, to, "range", False, None
    if name == "year":
        y = int(g["y"])
        if not eml and not g["circa"] and not _year_context(text, g["_s"], g["_e"], ops, y):
            return None
        frm, to = _yrange(y)
        if eml:
            return (*_part(frm, to, "year", eml, anchor), "range", True, None)
        return frm, to, "year", bool(g["circa"]), None
    if name == "bm":
        rel = g["rel"].lower() if g["rel"] else None
        if not (ops or eml or g["yrel"]) and rel is None or rel not in _REL_SIMPLE:
            return None
        m = MONTHS[g["mon"].lower()]
        if anchor is None:
            return None, None, "range" if eml else "month", bool(eml), "year"
        if g["yrel"]:
            y = anchor.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
            shift = None
        else:
            y = _month_year(anchor, m, rel, _future_cue(text, pos))
            shift = "year"
        frm, to = _mrange(y, m)
        if eml:
            return (*_part(frm, to, "month", eml, anchor), "range", True, shift)
        return frm, to, "month", False, shift
    if name == "wd":
        rel = g["rel"].lower() if g["rel"] else None
        if rel not in _REL_SIMPLE or _NAMED_DAY_BEFORE.search(text, max(0, pos - 12), pos):
            return None
        if anchor is None:
            return None, None, "day", False, "week"
        at = text.find(g["wd"], pos)  # (``pos`` may be an operator's: "ahead of Sunday's")
        future = rel is None and (_weekday_ahead(text, pos) or _AHEAD_OF.search(text, max(0, at - 30), at) is not None
                                  or _future_after(text, at))
        d = _weekday(anchor, WEEKDAYS[g["wd"].lower()], rel, future)
        return d, d, "day", False, "week"
    if name == "deic":
        if _NOT_WORD_BEFORE.search(text, max(0, pos - 8), pos):
            return None
        if anchor is None:
            return None, None, "day", False, None
        d = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["deic"].lower(), 0))
        return d, d, "day", False, None
    if name == "unit":
        g["u"] = g["u"].lower()
        rel = g["rel"].lower() if g["rel"] else None
        if g["ago"]:
            if rel or eml or g["u"] not in _PLURAL_UNITS or (g["n"] is None and not g["pl"]):
                return None  # "two years ago", "a year ago", "years ago"
            return _resolve_ago(g, anchor)
        if g["n"] is not None and not g["pl"]:
            return None
        if g["pl"]:
            if rel is None or eml or g["u"] not in _PLURAL_UNITS:
                return None
            return _resolve_recent(g, rel, anchor)
        if rel is None and g["u"] == "weekend" and g.get("the") and not eml and _OVER_THE.search(
                text, max(0, pos - 8), pos):
            # "over the weekend", "at the weekend": the one just past (this one on a weekend)
            rel = "this" if anchor is not None and anchor.weekday() >= 5 else "last"
        if rel not in _REL_SIMPLE or rel is None or g["u"] not in _REL_UNITS:
            return None
        return _resolve_relu(g["u"], rel, anchor, eml)
    if name == "foreign":
        if g["w"].lower() in _ENGLISH_NOT_MONTH:
            return None
        parsed = _dateparser(f"{int(g['d'])} {g['w']} {g['y']}")
        if parsed is None or parsed.year != int(g["y"]) or parsed.day != int(g["d"]):
            return None
        return parsed, parsed, "day", False, None
    return None


def _resolve_day_month(g: dict[str, Any], text: str, pos: int, anchor: date | None) -> _Res | None:
    m = MONTHS[g["mon"].lower().rstrip(".")]
    d1 = int(g["d"].rstrip("stndrh"))
    m2 = MONTHS[g["mon2"].lower()] if g.get("mon2") else m
    d2 = int(g["d2"].rstrip("stndrh")) if g.get("d2") else None
    gran = "day" if d2 is None else "range"
    if g.get("y"):
        y = int(g["y"])
        shift = None
    elif g.get("same") and (named := _year_before(text, pos)):
        y, shift = named, None
    elif anchor is not None:
        found = _day_year(anchor, m, d1, _tense(text, pos))
        if found is None:
            return None
        y, shift = found, "year"
    else:
        date(2000, m, d1)  # validate (2000 is a leap year)
        if d2 is not None:
            date(2000, m2, d2)
        return None, None, gran, False, "year"
    frm = to = date(y, m, d1)
    if d2 is not None:
        to = date(y, m2, d2)
        if to < frm and g.get("mon2"):
            to = date(y + 1, m2, d2)
        if to <= frm:
            return None
    return frm, to, gran, False, shift


def _year_before(text: str, pos: int) -> int | None:
    """The last year written in the sentence before ``pos`` ("In 2019 ... on June 30 of that
    year")."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), pos - 400)
    years = _YEAR_RX.findall(text, max(start, 0), pos)
    return int(years[-1]) if years else None


_YEAR_RX = rx.compile(r"(?<![\d.,\-/:$€£#])(" + _Y + r")(?![\w%°]|[.,]\d)")


def _resolve_ago(g: dict[str, Any], anchor: date | None) -> _Res:
    unit = g["u"]
    if anchor is None:
        gran = {"day": "day", "week": "week", "month": "month"}.get(unit, "year")
        return None, None, "range" if g["n"] is None else gran, unit != "day", None
    if g["n"] is None:  # "years ago": some time before that
        return None, _back(anchor, unit, 2), "range", True, None
    n, vague = _n_value(g["n"])
    point = _back(anchor, unit, n)
    if unit == "day":
        return point, point, "day", vague, None
    if unit == "week":
        # "three weeks ago": about 21 days before, a few days either way (not the calendar
        # week: on a Monday that would miss the Sunday three weeks before)
        return point - timedelta(days=3), point + timedelta(days=3), "week", True, None
    if unit == "month":
        return (*_mrange(point.year, point.month), "month", True, None)
    return (*_yrange(point.year), "year", True, None)


def _resolve_recent(g: dict[str, Any], rel: str, anchor: date | None) -> _Res:
    """``recent weeks``, ``the past two years``, ``the coming months``: rolling ranges."""
    if anchor is None:
        return None, None, "range", True, None
    unit = g["u"]
    n, vague = _n_value(g["n"])
    sign = 1 if rel in ("coming", "next", "upcoming") else -1
    if g["n"] is None:
        months, days = _RECENT_SPAN[unit]
        far = _add_months(anchor, sign * months) + timedelta(days=sign * days)
    else:
        far = _back(anchor, unit, -sign * n)
    frm, to = (anchor, far) if far > anchor else (far, anchor)
    return frm, to, "range", vague, None


_OVER_THE = rx.compile(r"\b(?:over|at|during|on)\s+\Z", re.I)


def _resolve_relu(unit: str, rel: str, anchor: date | None, eml: str | None) -> _Res:
    if anchor is None:
        gran = unit if unit in ("week", "month", "year") and not eml else "range"
        if unit in ("night", "morning", "afternoon", "evening"):
            gran = "day"
        return None, None, gran, bool(eml), None
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit in ("night", "morning", "afternoon", "evening"):
        d = anchor + timedelta(days=-1 if rel == "last" else 0)
        return d, d, "day", False, None
    if rel == "past" and unit in ("week", "month", "year", "decade"):  # rolling
        far = _back(anchor, unit, 1)
        return far, anchor, "range", bool(eml), None
    if unit == "week":
        frm, to = _week_of(anchor + timedelta(days=7 * step))
        if eml:
            return (*_part(frm, to, "week", eml, anchor), "range", True, None)
        return frm, to, "week", False, None
    if unit == "weekend":
        sat = _week_of(anchor)[0] + timedelta(days=5 + 7 * step)
        return sat, sat + timedelta(days=1), "range", False, None
    if unit == "month":
        first = _add_months(anchor.replace(day=1), step)
        frm, to = _mrange(first.year, first.month)
        if eml:
            return (*_part(frm, to, "month", eml, anchor), "range", True, None)
        return frm, to, "month", False, None
    if unit == "year":
        frm, to = _yrange(anchor.year + step)
        if eml:
            return (*_part(frm, to, "year", eml, anchor), "range", True, None)
        return frm, to, "year", False, None
    if unit == "quarter":
        q0 = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
        frm = _add_months(q0, 3 * step)
        return frm, _add_months(frm, 3) - timedelta(days=1), "range", bool(eml), None
    if unit == "decade":
        if rel == "this":
            y = anchor.year // 10 * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "range", bool(eml), None
        far = _add_months(anchor, 120 * step)
        frm, to = (anchor, far) if far > anchor else (far, anchor)
        return frm, to, "range", True, None
    # seasons
    m0 = _SEASON_START[unit]
    occ = [date(y, m0, 1) for y in range(anchor.year - 2, anchor.year + 2)]
    spans = [(s, _add_months(s, 3) - timedelta(days=1)) for s in occ]
    if rel == "this":
        pick = next((s for s in spans if s[0] <= anchor <= s[1]), None) or next(
            s for s in spans if s[0].year == anchor.year
        )
    elif step < 0:
        pick = [s for s in spans if s[1] < anchor][-1]
    else:
        pick = next(s for s in spans if s[0] > anchor)
    return pick[0], pick[1], "range", True, None


def _year_context(text: str, s: int, e: int, ops: str | None, y: int) -> bool:
    """Is a bare four-digit number a year here (rather than a count: "2000 troops")?"""
    if ops and ops.split()[0].lower() in _TEMPORAL_OPS:
        return True
    if not 1900 <= y <= 2099:
        return False
    before = text[max(0, s - 12) : s]
    if not ops and _COUNT_BEFORE.search(before):
        return False
    after = _WORD_AFTER.match(text, e)
    if after and not _DETERMINER_BEFORE.search(before):
        w = after.group(1)
        if w in _COUNT_NOUNS or (w.endswith("s") and not w.endswith("ss") and w not in _NOT_PLURAL):
            return False
    return True


def _op_word(ops: str | None) -> str | None:
    """The operator that governs: the last one given ("until after" -> "after")."""
    if not ops:
        return None
    if ops.isalpha():
        return ops.lower()
    words = " ".join(ops.lower().split())
    for two in ("as of", "prior to", "until after"):
        if words.endswith(two):
            return "after" if two == "until after" else two
    return words.split()[-1]


# ---------------------------------------------------------------------------------------------


_CONTEXT = 96


def find_timexes(
    text: str, anchor: date | None, start: int = 0, end: int | None = None
) -> list[Timex]:
    """The time expressions in ``text[start:end]``, normalized against ``anchor`` (the document's
    date; relative expressions get ``None`` dates without one)."""
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    # only this much of the text before the window can matter (clause cues, prefixes)
    lo = max(0, start - _CONTEXT)
    if 0 < lo < n and text[lo - 1] == "\r" and text[lo] == "\n":
        lo -= 1
    folded, nl = fold_crlf(text[lo : end + 32])  # a little right context for boundaries
    fs, fe = to_folded(start - lo, nl), to_folded(end - lo, nl)
    out = []
    for a in _combine(folded, _atoms(folded, anchor, fs, fe), anchor):
        s, e = lo + to_original(a.start, nl), lo + to_original(a.end, nl)
        frm, to = a.frm, a.to
        if frm is not None and to is not None and frm > to:
            frm, to = to, frm  # never happens by construction; keep the invariant regardless
        out.append(Timex(s, e, text[s:e], frm, to, a.gran, a.approx))
    return out


def _atoms(text: str, anchor: date | None, start: int, end: int) -> list[_Atom]:
    b, bl = ascii_views(text)
    trig: list[tuple[int, str]] = []
    for key, fam, lowered in _TRIGGERS:
        find = bl.find if lowered else b.find
        i = find(key, start, end)
        while i >= 0:
            trig.append((i, fam))
            i = find(key, i + 1, end)
    trig.sort()
    atoms: list[_Atom] = []
    floor = start  # nothing before this may be used again
    tried: set[tuple[int, str]] = set()
    for pos, fam in trig:
        if pos < floor:
            continue
        ws = pos
        if fam == "month" or fam == "digit":
            # months start their word; so do dates in digits, but for "Q1 2023"
            if pos > floor and text[pos - 1].isalnum():
                if not (fam == "digit" and text[pos - 1] == "Q"):
                    continue
                ws = pos - 1
                if ws > floor and text[ws - 1].isalnum():
                    continue
        else:
            while ws > floor and text[ws - 1].isalnum():
                ws -= 1
        if (ws, fam) in tried:
            continue
        tried.add((ws, fam))
        family = _digit_family(text, ws, end) if fam == "digit" else fam
        if family is None:
            continue
        atom = _atom_at(text, ws, family, anchor, floor, end)
        if atom is not None:
            atoms.append(atom)
            floor = atom.end
    return atoms


def _digit_family(text: str, ws: int, end: int) -> str | None:
    """Which dates a word holding digits can start: 1-2 digits (a day), 4 (a year), "Q1"."""
    q = text[ws] == "Q"
    k = ws + q
    while k < end and text[k].isdigit():
        k += 1
    n = k - ws - q
    if q:
        return "q" if n == 1 else None
    return "digit12" if n in (1, 2) else "digit4" if n == 4 else None


def _atom_at(
    text: str, ws: int, fam: str, anchor: date | None, floor: int, end: int
) -> _Atom | None:
    """The expression whose core starts at ``ws`` (a word start), if any."""
    for name, pat in _CORES[fam]:
        cm = pat.match(text, ws, end)
        if cm is None:
            continue
        g: dict[str, Any] = cm.groupdict()
        g.update(_NO_PREFIX)
        g["_raw"], g["_s"], g["_e"] = cm.group(), ws, cm.end()
        before = text[max(floor, ws - 48) : ws][::-1]
        low = before.lower()
        pm = _PREFIX.match(low) if len(low) == len(before) else _PREFIX_I.match(before)
        core = ws  # start of the expression without its operator
        if pm is not None and pm.end():
            allowed = _ALLOWED[name]
            for key, val in zip(_PREFIX_ORDER, pm.group(*_PREFIX_ORDER), strict=True):
                if val is None:
                    continue
                if key not in allowed:
                    break
                g[key] = before[pm.start(key) : pm.end(key)][::-1]
                if key == "ops":
                    g["_ops_start"] = ws - pm.end(key)
                else:
                    core = ws - pm.end(key)
            if g["the2"] or g["the1"]:
                g["the"] = "the"
        if name in ("year", "dec"):  # not "S-2018", "$2019", "2.2018" (but "mid-2018")
            before = text[ws - 1] if ws > 0 else " "
            if before in ".,-/:$€£#%+" and not (
                before == "-" and g["eml"] and pm is not None and "-" in (pm["emlsep"] or "")
            ):
                return None
        op = _op_word(g["ops"])
        if op in _SPAN_OPS and text.startswith(("'s", "’s"), cm.end()):
            op = None  # "after Friday's outage": "after" is of the outage; Friday is its day
        g["ops"] = op
        pos = g["_ops_start"] if op else core
        try:
            res = _resolve(name, g, text, pos, anchor)
        except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
            res = None
        if res is None:
            return None
        frm, to, gran, approx, shift = res
        span_start = pos if op in _SPAN_OPS else core
        stop = cm.end()
        if op == "between" and gran == "day" and frm is not None and to is not None:
            # "between June 2 and 4": the second day of the same month ends the range
            more = _AND_DAY.match(text, stop, end)
            if more is not None and frm.day < int(more.group("d")) <= 31:
                try:
                    to, gran, stop = frm.replace(day=int(more.group("d"))), "range", more.end()
                except ValueError:
                    pass
        return _Atom(span_start, core, stop, op, frm, to, gran, approx, shift)
    return None


_AND_DAY = rx.compile(r"\s+and\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?=\s*[.,;)]|\s*$|\s+(?:in|at|on|when|while|as)\b)")


def _shift(a: _Atom, ref: date) -> tuple[date | None, date | None]:
    """Move an underspecified atom (a weekday, a month, a day without a year) forward until it
    ends on or after ``ref``."""
    frm, to = a.frm, a.to
    if frm is None or to is None:
        return frm, to
    for _ in range(3):
        if to >= ref:
            break
        if a.shift == "week":
            frm, to = frm + timedelta(days=7), to + timedelta(days=7)
        elif a.shift == "year":
            try:
                frm, to = frm.replace(year=frm.year + 1), to.replace(year=to.year + 1)
            except ValueError:
                return frm, to
        else:
            break
    return frm, to


def _combine(text: str, atoms: list[_Atom], anchor: date | None) -> list[_Atom]:
    try:
        return _combine_unsafe(text, atoms)
    except OverflowError:  # an anchor at the edge of the calendar: drop the dates
        for a in atoms:
            a.frm = a.to = None
        return _combine_unsafe(text, atoms)


def _combine_unsafe(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Pair "from X to Y" / "between X and Y" / "X-Y" into ranges; apply open operators."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and b.op in (None, "to", "and", "until", "till", "through", "thru"):
            gap = text[a.end : b.core]
            ok = _CONNECT.fullmatch(gap) is not None
            if ok and "and" in gap.split():
                ok = a.op == "between"
            elif ok and a.op not in ("from", "between") and a.shift != b.shift:
                ok = False  # "2018 to Monday": not one range
            if ok:
                frm, to = a.frm, b.to
                if a.frm is not None and b.frm is not None:
                    bf, bt = _shift(b, a.frm)
                    frm, to = a.frm, bt
                    if bf is None or bt is None or bt < a.frm:
                        ok = False
                elif (a.frm is None) != (b.frm is None):
                    frm = to = None
                if ok:
                    start = a.start if a.op in ("from", "between") else a.core
                    out.append(_Atom(start, a.core, b.end, None, frm, to, "range",
                                     a.approx or b.approx))  # fmt: skip
                    i += 2
                    continue
        out.append(_apply_op(a))
        i += 1
    return out


def _apply_op(a: _Atom) -> _Atom:
    op = a.op
    if op in ("from", "between") and a.gran == "range":
        pass  # "from June 2 to 4": the expression is the range itself, not open-ended
    elif op in ("since", "from", "starting"):
        a.to, a.gran = None, "range"
    elif op == "after":
        a.frm = a.to + timedelta(days=1) if a.to is not None else None
        a.to, a.gran = None, "range"
    elif op in ("before", "prior to"):
        a.to = a.frm - timedelta(days=1) if a.frm is not None else None
        a.frm, a.gran = None, "range"
    elif op in ("until", "till", "by", "through", "thru"):
        a.frm, a.gran = None, "range"
    elif op == "between":  # "between" without its "and": just the date
        a.start = a.core
    return a


_MONTH_BEFORE = rx.compile(r"(?:" + _MON_ANY + r")\.?,?\s+\Z")
_UNIT_AFTER = rx.compile(r"\s+((?:day|week|month|year|decade)s?)\b")


def date_span_at(text: str, s: int, e: int) -> tuple[int, int] | None:
    """If ``text[s:e]`` (a number) belongs to a time expression ("May 30", "2018", "since 2021",
    "30 May 2023", "two years ago", "the past 3 years"), that expression's span.  A local check
    for quantities.py, much cheaper than finding every time expression in the text."""
    cands: list[tuple[int, str]] = []
    ws = s
    while ws > 0 and text[ws - 1].isalnum():
        ws -= 1
    fam = _digit_family(text, ws, len(text)) if ws < len(text) else None
    if fam is not None:
        cands.append((ws, fam))
    m = _MONTH_BEFORE.search(text, max(0, s - 16), s)
    if m is not None:
        cands.append((m.start(), "month"))
    m = _UNIT_AFTER.match(text, e)
    if m is not None:
        cands.append((m.start(1), "day" if m.group(1).startswith("day") else "unit"))
    for pos, family in cands:
        atom = _atom_at(text, pos, family, None, 0, len(text))
        if atom is not None and atom.start <= s and e <= atom.end:
            return atom.start, atom.end
    return None
