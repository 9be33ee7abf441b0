"""Quantities: numbers in text with what they count and the interval the phrase allows.

``find_quantities(text)`` returns one :class:`Quantity` per number phrase, left to right, never
overlapping: digits (``1,200``, ``3.5``, ``$10 billion``), number words (``two``, ``twenty-five``,
``a dozen``, ``two hundred``), vague amounts (``dozens of``, ``hundreds of``, ``a couple of``,
``several``), percentages (``18%``, ``18 percent``), ranges (``10-20``, ``between 10 and 20``),
with an approximation marker kept (``more than``, ``about``, ``at least``, ``nearly``, ``up to``,
``over``, ``fewer than``, ...).

``unit`` is what is counted: the head noun after the number, lowercase and singular, with
adjectives dropped and noun or model modifiers kept (``10 Su-35 fighters`` -> ``su-35 fighter``,
``more than a dozen requests for meetings`` -> ``request``, ``the two sides`` -> ``side``);
``percent`` (or ``percentage point``) for percentages and ``dollar``/``euro``/``pound``/``yen`` for
money, the noun then going to ``noun`` (``18% chance`` -> unit ``percent``, noun ``chance``); ``""``
when nothing is counted.  The span covers marker, number and counted noun.

Not quantities: years and dates (``2018``, ``since 2021``, ``May 30``; whatever the time-expression
finder takes), model and version names (``S-400``, ``Su-35``, ``G7``, ``F-16``, ``IE 11``,
``Article 5``), ordinals (``first``, ``2nd``), clock times (``10:30``, ``9 a.m.``), file names
(``1694406968291.png``), superlative phrases (``the two largest economies``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger import rx
from ledger.extract.timex import ascii_views, date_span_at, fold_crlf, to_folded, to_original

__all__ = ["Quantity", "find_quantities"]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int  # text[start:end] == self.text
    text: str
    value: float  # the number as written ("more than a dozen" -> 12)
    low: float | None  # the interval the phrase allows; None = unbounded on that side
    high: float | None
    unit: str  # what is counted: "su-35 fighter", "request", "percent", "dollar", "" if nothing
    approx: str | None  # "more than", "about", "at least", "nearly", "up to", ... as written
    noun: str = ""  # the counted noun phrase after the number (== unit for plain counts)


# ---------------------------------------------------------------------------------------------
# Vocabulary

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
# (South Asia's "lakh" and "crore": "₹10 lakh" is a million rupees, "Rs 5 crore" fifty million)
_SCALE = {"hundred": 100, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
          "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_VAGUE = {  # "dozens of" -> at least 24
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2e3, "millions": 2e6,
    "billions": 2e9, "tens of thousands": 2e4, "hundreds of thousands": 2e5,
    "tens of millions": 2e7, "hundreds of millions": 2e8,
}  # fmt: skip
_CURRENCY = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
# other currency signs; the Philippine "P" before an amount with a scale word ("P650 million")
_SIGNS = {"₱": "peso", "₹": "rupee", "₩": "won"}
_SCALE_AFTER = rx.compile(r"(?:[.,]\d+)?[ \t\u00a0]*(?:million|billion|trillion|lakhs?|crores?|bn|m)\b")
# the other dollars (and the real) by the letters before "$": "NT$", "HK$", "C$", "A$", "R$"
_DOLLARS = {"NT": "new taiwan dollar", "HK": "hong kong dollar", "C": "canadian dollar", "CA": "canadian dollar",
            "A": "australian dollar", "AU": "australian dollar", "S": "singapore dollar", "SG": "singapore dollar",
            "NZ": "new zealand dollar", "R": "real", "MX": "peso"}
_OTHER_DOLLAR = rx.compile(r"(?<![A-Za-z])(" + "|".join(sorted(_DOLLARS, key=len, reverse=True)) + r")\Z")
# the units of amounts of money (a number in brackets after one is a conversion of it)
MONEY_UNITS = frozenset({*_CURRENCY.values(), *_DOLLARS.values(), "yuan", "rupee", "ruble", "rouble", "franc", "peso",
                         "real", "rand",
                         "won", "lira", "dirham", "riyal", "shekel", "krona", "krone", "zloty", "hryvnia"})


def _ci(alts: str) -> str:
    out = []
    for a in alts.split("|"):
        c = a[0]
        out.append(f"[{c.upper()}{c.lower()}]{a[1:]}" if c.isalpha() else a)
    return "|".join(out)


_UNITW = "one|two|three|four|five|six|seven|eight|nine"
_TEENW = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENSW = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDNUM = (
    r"(?:(?:"
    + _ci(_TENSW)
    + r")(?:[-\s](?:"
    + _UNITW
    + r"))?|(?:"
    + _ci(_TEENW)
    + r")|(?:"
    + _ci(_UNITW)
    + "))(?![\\w])"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?"
_SCALES = r"(?:\s+(?:hundred|thousand|lakhs?|crores?|million|billion|trillion)(?!\w))*"
_NUM = (
    r"(?:(?P<dig>" + _DIGITS + r")(?![\d])|(?P<word>" + _WORDNUM + r")|(?P<a>[Aa]n?)(?=\s+"
    r"(?:hundred|thousand|million|billion|trillion|dozen)\b))" + _SCALES
)

# Anchored at the word where a trigger was found.
_CORE = rx.compile(
    r"(?:(?P<vague>(?:" + _ci("tens|hundreds|dozens|thousands|millions|billions|scores")
    + r")(?:\s+of\s+(?:thousands|millions))?)\s+of(?!\w)"
    r"|(?P<couple>" + _ci(r"a\s+couple|a\s+pair|couple|pair") + r")\s+of(?!\w)"
    r"|(?P<several>" + _ci("several") + r")(?!\w)"
    r"|(?P<half>" + _ci(r"half\s+a") + r")\s+dozen(?!\w)"
    r"|" + _NUM + r"(?P<dozen>\s+dozen(?!\w))?"
    r"(?:(?P<abbr>k|m|mn|bn|b|tn|trn)(?!\w))?"
    r"(?:\s*(?P<rsep>-|–|—|to|and)\s*(?P<num2>" + _DIGITS + "|" + _WORDNUM + r")"
    + _SCALES + r")?"
    r"(?P<pct>\s?%|\s+(?:percent|per\s+cent)(?!\w)|\s+percentage\s+points?(?!\w))?"
    r")"
)  # fmt: skip

# Approximation markers, read right to left from the number (lowercased, reversed).
_MARKERS = (
    "more than|fewer than|less than|at least|at most|up to|as many as|as few as|as much as"
    "|no more than|no fewer than|no less than|not more than|nearly|almost|about|around"
    "|roughly|approximately|some|over|under|just over|just under|well over|well under"
    "|close to|upwards of|in excess of|an estimated|estimated|below|above|between|from"
)


def _rev(phrases: str) -> str:
    alts = sorted(phrases.split("|"), key=lambda p: (-len(p.split()), -len(p)))
    return "|".join(r"\s+".join(w[::-1] for w in reversed(p.split())) for p in alts)


# a verb that puts a number below what it counts: "rose past 7,000", "the toll passed 33,000" (not "the
# past 3 days", "passed 3 exams")
_PAST_MARK = rx.compile(r"\b(?:rose|risen|rises|climbed|climbs|went|pushed|surged|crept|moved)[ \t\u00a0]+(?P<m>past)"
                        r"[ \t\u00a0]+\Z|\b(?:toll|total|number|tally|count|figure)\b[^.;\d]{0,30}?\b"
                        r"(?:passed|passes|topped|tops|surpassed|surpasses|exceeded|exceeds)[ \t\u00a0]+\Z",
                        re.IGNORECASE)
_MARKER_R = rx.compile(r"\s+(?P<m>" + _rev(_MARKERS) + r")(?!\w)")
_LOWER = {"more than": 1, "over": 1, "above": 1, "upwards of": 1, "in excess of": 1,
          "well over": 1, "just over": 1, "at least": 0, "no fewer than": 0, "no less than": 0,
          "as few as": 0}  # fmt: skip
_UPPER = {"fewer than": 1, "less than": 1, "under": 1, "below": 1, "well under": 1,
          "just under": 1, "up to": 0, "at most": 0, "no more than": 0, "not more than": 0,
          "as many as": 0, "as much as": 0}  # fmt: skip
_ABOUT = {"about", "around", "roughly", "approximately", "some", "close to", "an estimated",
          "estimated"}  # fmt: skip
_NEARLY = {"nearly", "almost"}

# (a line break inside a paragraph is a space: "won 191\nseats"; a blank line is not)
_TOKEN = rx.compile(r"[^\S\n]*(?:\n[^\S\n]*)?((?:[A-Za-z]\.){2,}|[^\W_](?:[\w-]*[^\W_])?)(['’]s?)?")
_STOP = {
    "of", "in", "on", "at", "for", "to", "from", "with", "by", "and", "or", "but", "nor", "the",
    "a", "an", "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when",
    "where", "while", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "will", "would", "can", "could", "should", "may", "might", "must", "shall", "do", "does",
    "did", "per", "than", "as", "if", "vs", "versus", "into", "onto", "over", "under", "about",
    "after", "before", "since", "during", "between", "among", "against", "without", "within",
    "through", "across", "it", "its", "they", "them", "their", "he", "she", "his", "her", "we",
    "our", "you", "your", "i", "me", "my", "us", "not", "no", "so", "also", "each", "every",
    "all", "both", "either", "neither", "said", "says", "say", "told", "according", "ago",
    "less", "too", "very", "just", "only", "then", "there", "here", "out", "up", "down", "off",
    "again", "yet", "still", "even", "ever", "never", "because", "though", "although",
    "however", "including", "such", "like", "via", "percent", "times", "o'clock", "last", "next",
    "earlier", "later", "yesterday", "today", "tomorrow",
}  # fmt: skip
_ADJ = {
    "new", "old", "other", "more", "most", "additional", "many", "several", "few", "major",
    "minor", "key", "senior", "junior", "top", "high", "low", "big", "small", "large", "huge",
    "recent", "former", "current", "separate", "different", "similar", "main", "early", "late",
    "further", "extra", "total", "full", "young", "long", "short", "good", "bad", "great",
    "possible", "potential", "own", "same", "various", "certain", "specific", "foreign",
    "domestic", "local", "global", "civilian", "u.s.", "uk", "eu", "u.k.", "e.u.", "us", "free",
    "open", "real", "whole", "entire", "only", "first", "last", "next", "previous",
    "following", "remaining", "existing", "leading", "top-level", "high-level", "low-level",
    "fresh", "chief", "prime", "vast", "tiny", "near", "far", "rich", "poor",
}  # fmt: skip
_ADJ_SUFFIX = ("ous", "ful", "less", "ical", "ive", "ic", "al", "able", "ible", "ary", "ese",
               "ian", "ish", "ern", "ed", "ing", "ly")  # fmt: skip
_NOT_ADJ = {
    "official", "general", "rival", "arsenal", "proposal", "terminal", "signal", "capital",
    "criminal", "animal", "individual", "hospital", "journal", "festival", "trial", "interval",
    "principal", "professional", "admiral", "marshal", "memorial", "approval", "arrival",
    "withdrawal", "tribunal", "portal", "metal", "total", "executive", "representative",
    "detective", "objective", "relative", "native", "initiative", "alternative", "incentive",
    "directive", "motive", "archive", "missive", "public", "clinic", "topic", "traffic",
    "republic", "music", "logic", "critic", "mechanic", "graphic", "tactic", "table", "cable",
    "variable", "vegetable", "secretary", "library", "anniversary", "adversary", "emissary",
    "dignitary", "boundary", "summary", "salary", "commentary", "documentary", "beneficiary",
    "intermediary", "missionary", "functionary", "dictionary", "seed", "bed", "shed", "feed",
    "speed", "red", "hundred", "bring", "thing", "king", "ring", "wing", "string", "spring",
    "sibling", "ceiling", "darling", "family", "ally", "rally", "belly", "jelly", "italy",
    "supply", "reply", "assembly", "monopoly", "meal", "deal", "seal", "steal", "goal",
    "coal", "canal", "panel", "hotel", "missile", "plan", "man", "ban", "van", "fan", "scan",
    "drone", "tank", "jet", "ship",
}  # fmt: skip
_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "wolves": "wolf", "shelves": "shelf",
    "thieves": "thief", "leaves": "leaf", "crises": "crisis", "analyses": "analysis",
    "theses": "thesis", "viruses": "virus", "buses": "bus", "gases": "gas", "statuses": "status",
    "bonuses": "bonus", "campuses": "campus", "censuses": "census", "movies": "movie",
    "cookies": "cookie", "calories": "calorie", "zombies": "zombie", "rookies": "rookie",
    "pies": "pie", "lies": "lie", "ties": "tie", "dies": "die", "niches": "niche",
    "caches": "cache", "headaches": "headache", "aches": "ache", "avalanches": "avalanche",
    "dice": "die",
}  # fmt: skip
_INVARIANT = {"aircraft", "personnel", "staff", "police", "sheep", "fish", "deer", "series",
              "species", "headquarters", "cattle", "data", "means", "yuan", "yen", "offspring",
              "spacecraft", "hovercraft", "militia"}  # fmt: skip
_NOT_PLURAL = {"gas", "bias", "atlas", "canvas", "alias", "christmas", "texas", "kansas",
               "arkansas", "this", "his", "has", "was", "its", "is", "us", "yes", "plus",
               "thus", "always", "perhaps", "news", "whereas", "unless", "across", "towards",
               "afterwards", "sometimes", "besides", "as", "politics", "economics", "physics",
               "mathematics", "ethics", "tactics", "logistics", "statistics",
               "status", "chaos", "lens", "series", "species", "means"}  # fmt: skip
_SUPERLATIVE_OK = {"interest", "request", "contest", "protest", "forest", "guest", "test",
                   "west", "rest", "chest", "nest", "quest", "arrest", "suggest", "harvest",
                   "conquest", "digest", "manifest", "inquest", "behest", "honest",
                   "modest", "earnest", "priest", "unrest", "pest", "vest", "crest", "invest",
                   "protests", "requests", "tests", "guests", "interests", "arrests",
                   "contests"}  # fmt: skip
_MEASURES = {"km", "kg", "m", "cm", "mm", "ft", "mi", "mph", "kph", "lb", "lbs", "oz",
             "ha", "mw", "gw", "kw", "kwh", "mwh", "gwh", "t", "bpd", "sq", "nm"}  # fmt: skip
_SUPERLATIVE = {"most", "least", "best", "worst", "top", "biggest", "largest", "greatest"}

# Words before a number that make it a name, a label or a model, not a count: "IE 11",
# "Article 5", "Windows 10", "No. 1".
_LABELS = {
    "article", "section", "chapter", "title", "resolution", "flight", "route", "no", "no.",
    "number", "vol", "vol.", "volume", "page", "p.", "pp.", "phase", "level", "category",
    "windows", "iphone", "boeing", "airbus", "model", "type", "block", "room", "apollo", "covid",
    "gate", "unit", "act", "class", "grade", "stage", "version", "v", "part", "item", "rule",
    "table", "figure", "fig.", "exhibit", "round", "game", "episode", "season", "week", "day",
    "step", "paragraph", "line", "row", "tier", "zone", "district", "ward", "platform", "track",
    "highway", "interstate", "lane", "street", "avenue", "road", "suite", "floor", "building",
    "terminal", "pier", "berth", "channel", "ps", "xbox", "galaxy", "pixel", "ios", "android",
    "python", "java", "web", "industry", "g", "f", "su", "mig", "s", "ie",
}  # fmt: skip
_FUNCTION = _STOP | {
    "about", "some", "nearly", "almost", "around", "roughly", "approximately", "more", "fewer",
    "at", "up", "only", "just", "exactly", "all", "another", "additional", "estimated", "the",
    "those", "these", "its", "their", "his", "her", "our", "your", "my", "least",
    "over", "under", "below", "above", "between", "from", "to", "and", "or", "with", "without",
    "in", "on", "of", "for", "by", "killed", "kills", "killing", "wounded", "injured",
    "arrested", "detained", "sent", "sends", "deployed", "bought", "buys", "sold", "sells",
    "lost", "lose", "won", "wins", "had", "has", "have", "plus", "minus",
    "there", "were", "are", "is", "was", "upwards", "excess", "than", "most", "like",
    "despite", "once", "many", "here", "now", "today", "yesterday",
}  # fmt: skip
_BAD_AFTER = rx.compile(r"[.:/]\w|[A-Za-z_]")
_SCALE_RX = rx.compile(r"(?:\s+(?:hundred|thousand|lakhs?|crores?|million|billion|trillion)(?!\w))*")
_A_BEFORE = rx.compile(r"(?<!\w)(?:[Hh]alf\s+a|[Aa]n?)\s+\Z")
_A_WORDS = (b"dozen", b"hundred", b"thousand", b"million", b"billion", b"couple", b"pair")
_TIME_AFTER = rx.compile(r"\s*(?:[ap]\.?\s?m\b\.?|o['’]clock\b|[ap]\.m\.)", re.I)
_PREV_WORD = rx.compile(r"((?:[A-Za-z]\.){2,}|[A-Za-z][\w.'’]*)[^\S\n]+\Z")

# Trigger literals, searched in the lowercased text.
_TRIGGERS = [str(i).encode() for i in range(10)] + (
    b"one two three four five six seven eight nine ten eleven twe thirt fift forty hundred "
    b"thousand illion dozen couple pair several"
).split()


# start, end, value, low, high, unit, approx, noun
_Q = tuple[int, int, float, float | None, float | None, str, str | None, str]

# ---------------------------------------------------------------------------------------------


def _singular(w: str) -> str:
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _INVARIANT or w in _NOT_PLURAL:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith(("xes", "ches", "shes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _is_plural(w: str) -> bool:
    if w in _IRREGULAR or w in _INVARIANT:
        return True
    if w in _NOT_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _is_adj(tok: str) -> bool:
    low = tok.lower()
    if low in _ADJ or tok == "US":
        return True
    if low in _NOT_ADJ or any(c.isdigit() for c in low):
        return False
    if len(low) > 4 and low.endswith(_ADJ_SUFFIX):
        return True
    # demonyms: American, Korean, Israeli, Pakistani
    return tok[:1].isupper() and len(low) > 4 and (low.endswith("an") or low.endswith("i"))


def _word_value(words: str) -> float:
    """``twenty-five`` -> 25, ``two hundred`` -> 200, ``1.2 million`` -> 1.2e6."""
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", words.lower()):
        if not w:
            continue
        if w in _SMALL:
            current += _SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALE:
            total += (current or 1) * _SCALE[w]
            current = 0.0
        else:
            current += float(w.replace(",", ""))
    return total + current


def _interval(
    value: float, marker: str | None, discrete: bool
) -> tuple[float | None, float | None]:
    step = 1 if discrete and value == int(value) else 0
    if marker is None or marker in ("between", "from"):
        return value, value
    if marker in _LOWER:
        return value + step * _LOWER[marker], None
    if marker in _UPPER:
        return None, value - step * _UPPER[marker]
    tol = _about(value)
    if marker in _NEARLY:
        return round(value - tol, 6), value
    return round(value - tol, 6), round(value + tol, 6)  # about, around, some, ...


def _about(value: float) -> float:
    """How far "about" a number reaches either way: 5% of it ("about 560": 28, so it is not
    "about 650"), up to half the unit it is rounded to but at most 10% ("about 200": 20)."""
    v = abs(value)
    unit = 1.0
    while v >= unit * 10 and v % (unit * 10) == 0:
        unit *= 10
    return min(max(unit / 2, v * 0.05), v * 0.1)


def _sentence_start(text: str, pos: int, floor: int) -> bool:
    """Whether ``pos`` opens a sentence (or a quotation, a heading, a list item)."""
    k = pos - 1
    while k >= floor and text[k] in " \t\u00a0\"“‘'(":
        k -= 1
    return k < floor or text[k] in ".!?\n:•—–-"


# one unit however it is written: British and American spellings, the usual abbreviations
_UNIT_SPELLING = {
    "kilometre": "kilometer", "metre": "meter", "centimetre": "centimeter", "millimetre": "millimeter",
    "litre": "liter", "km": "kilometer", "mi": "mile", "kg": "kilogram", "cm": "centimeter",
    "mm": "millimeter", "ft": "foot", "lb": "pound", "lbs": "pound", "sq": "square", "ha": "hectare",
}


def _unit_words(noun: str) -> str:
    """A counted noun with its measure in one spelling: "square kilometres" and "sq km" are
    "square kilometer"."""
    if not noun:
        return noun
    words = noun.split()
    return " ".join(_UNIT_SPELLING.get(w, w) for w in words) if any(w in _UNIT_SPELLING for w in words) else noun


def _noun(text: str, pos: int, end: int, singular: bool) -> tuple[str, int]:
    """The counted noun phrase after ``pos`` (lowercase, singular, adjectives dropped) and where
    it ends (``pos`` when there is none).  After a plural count the head is the first plural
    noun ("10 Su-35 fighters"); after "one" or a percentage, the words up to a verb-like word.
    """
    toks: list[tuple[str, int]] = []
    p = pos
    plural_head = False
    for _ in range(5):
        m = _TOKEN.match(text, p, end)
        if m is None:
            break
        tok = m.group(1)
        low = tok.lower()
        if (low in _STOP and tok != "US") or low.replace(",", "").replace(".", "").isdigit():
            break
        if singular and toks and (low.endswith(("ing", "ed")) or _is_plural(low)):
            break
        toks.append((tok, m.end(1)))
        if not toks[1:] and low in _MEASURES:  # "3.5 km", "40 mph"
            plural_head = True
            if low == "sq" and (m2 := _TOKEN.match(text, m.end(), end)) and m2.group(1).lower() in _MEASURES:
                toks.append((m2.group(1), m2.end(1)))  # "1,000 sq km"
            break
        if not singular and _is_plural(low):
            plural_head = True
            break
        nxt = text[m.end() : m.end() + 1]
        if m.group(2) is not None or (nxt and nxt not in " \t\n-") or (singular and len(toks) == 3):
            break
        p = m.end()
    if not singular and not plural_head:
        toks = [t for t in toks if any(c.isdigit() for c in t[0])][:1]  # "24 Su-35"
    if not toks:
        return "", pos
    head, head_end = toks[-1]
    if singular and len(toks) == 1 and _is_adj(head):
        return "", pos
    words = [t.lower() for t, _ in toks[:-1] if not _is_adj(t)] + [_singular(head.lower())]
    return " ".join(words), head_end


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The quantities in ``text[start:end]``."""
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    lo = max(0, start - 128)  # only this much of the text before the window can matter
    if 0 < lo < n and text[lo - 1] == "\r" and text[lo] == "\n":
        lo -= 1
    folded, nl = fold_crlf(text[lo : end + 32])  # a little right context for boundaries
    fs, fe = to_folded(start - lo, nl), to_folded(end - lo, nl)
    out = []
    for q in _find(folded, fs, fe):
        s, e = lo + to_original(q[0], nl), lo + to_original(q[1], nl)
        out.append(Quantity(s, e, text[s:e], *q[2:]))
    return out


def _find(text: str, start: int, end: int) -> list[_Q]:
    low = ascii_views(text)[1]  # ASCII bytes, lowercased: the same offsets as ``text``
    trig: list[int] = []
    find = low.find
    for key in _TRIGGERS:
        i = find(key, start, end)
        while i >= 0:
            trig.append(i)
            i = find(key, i + 1, end)
    trig.sort()
    out: list[_Q] = []
    floor = start
    tried: set[int] = set()
    for pos in trig:
        if pos < floor:
            continue
        if pos > floor and text[pos - 1].isalnum() and not (
                text[pos - 1] == "P" and (pos - 1 == floor or not text[pos - 2].isalnum())):
            continue  # inside a word or a number: "phone", "G7", "1694406968291" (not a peso's "P650")
        ws = pos
        if low.startswith(_A_WORDS, ws):  # "a dozen", "half a dozen", "a couple of"
            a = _A_BEFORE.search(text, max(floor, ws - 8), ws)
            if a is not None:
                ws = a.start()
        if ws in tried:
            continue
        tried.add(ws)
        q = _quantity_at(text, ws, floor, end)
        if isinstance(q, int):
            floor = q  # a date: skip it whole ("June 2–4")
        elif q is not None:
            out.append(q)
            floor = q[1]
    return _ranges(text, out)


# a range told with its unit twice: "between 58.3% and 60.7%", "between $3 billion and $4
# billion" (not "from $3 billion to $4 billion": a change, its value before and after)
_RANGE_OPEN = rx.compile(r"\bbetween[ \t\u00a0]+\Z", re.IGNORECASE)
_RANGE_JOIN = rx.compile(r"[ \t\u00a0]*(?:and|-|–)[ \t\u00a0]*\Z")


def _ranges(text: str, found: list[_Q]) -> list[_Q]:
    """``found`` with two quantities of one unit that a range joins made one, from the first's
    value to the second's."""
    out: list[_Q] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev[5] and prev[5] == q[5] and prev[2] < q[2] and prev[6] in (None, "between")
                and _RANGE_JOIN.fullmatch(text, prev[1], q[0])
                and _RANGE_OPEN.search(text, max(0, prev[0] - 10), prev[0])):
            out[-1] = (prev[0], q[1], prev[2], prev[2], q[2], q[5], None, q[7])
        else:
            out.append(q)
    return out


_DETERMINERS = frozenset({"its", "the", "their", "his", "her", "our", "a", "an", "this", "that"})
_CAPITAL_AFTER = rx.compile(r"[ \t\u00a0]+[A-Z][a-z]")
# a part of a whole after the number: "230 of the 288 seats"
_OF_WHOLE_AFTER = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+"
                             r"(?:the[ \t\u00a0]+|[A-Z][\w-]*['’]s[ \t\u00a0]+|its[ \t\u00a0]+)?\d")


def _quantity_at(text: str, ws: int, floor: int, end: int) -> _Q | int | None:
    """The quantity starting at ``ws``, or where a date starting there ends, or None."""
    m = _CORE.match(text, ws, end)
    if m is None:
        return None
    num_end = m.end()
    before = text[ws - 1] if ws > floor else " "
    after = text[num_end : num_end + 2]
    if m["dig"] is not None:
        # not part of a model name, a version, a path, a score, a time or a file name
        if before in "-–—_/\\.@#:'’" or (before.isalnum() and not (
                before == "P" and (ws - 1 == floor or not text[ws - 2].isalnum())
                and _SCALE_AFTER.match(text, m.end("dig")))):  # (the peso's "P650 million")
            return None
        if before in ",." and ws > 1 and text[ws - 2].isdigit():
            return None
        if _BAD_AFTER.match(after) or (after[:1] == "," and after[1:2].isdigit()):
            return None
        if not m["pct"] and not m["abbr"] and _TIME_AFTER.match(text, num_end, end):
            return None
        if m["abbr"] and before not in "$€£¥":
            return None
    elif before.isalnum() or before in "-_":
        return None
    # a label or a model before the number: "IE 11", "Article 5", "Windows 10", "Air Force One"
    pw = _PREV_WORD.search(text, max(floor, ws - 30), ws)
    prev = pw.group(1) if pw else ""
    prev_low = prev.lower()
    if prev and not m["vague"] and not m["couple"] and not m["several"]:
        if prev_low in _LABELS or prev_low.rstrip(".") in _LABELS:
            return None
        if (prev[0].isupper() and prev_low not in _FUNCTION and not prev.endswith(("'s", "’s", "."))
                and not _OF_WHOLE_AFTER.match(text, num_end)):  # (not "gave the Mahayuti 230 of the 288 seats")
            return None
        if prev.isupper() and len(prev) <= 5 and prev not in ("A", "I"):
            return None
    # a model a determiner names, a number of three digits or more and a capitalized word:
    # "its 737 Max jets", "the 787 Dreamliner" (not "the 10 Su-35 fighters": two digits)
    if (m["dig"] is not None and prev_low in _DETERMINERS and num_end - ws >= 3 and m.group(0).isdigit()
            and _CAPITAL_AFTER.match(text, num_end, end)):
        return None
    # a number word capitalized inside a sentence is part of a name: "Group of Seven", "Big Four"
    if m["word"] is not None and text[ws].isupper() and not _sentence_start(text, ws, 0):
        return None
    # a date or a year, not a count: "May 30", "2018", "since 2021", "two years ago"
    if m["dig"] is not None or m["word"] is not None:
        span = date_span_at(text, ws, m.end("dig") if m["dig"] else m.end("word"))
        if span is not None:
            return max(span[1], ws + 1)
    # a currency sign and the approximation marker before
    currency = None
    qstart = ws
    if m["dig"] is not None and before in "₱₹₩" and ws - 1 >= floor:
        currency, qstart = _SIGNS[before], ws - 1  # "₱650 million", "₹5,000 crore"
    elif (m["dig"] is not None and before == "P" and ws > floor and (ws - 1 == floor or not text[ws - 2].isalnum())
            and _SCALE_AFTER.match(text, m.end("dig"))):
        currency, qstart = "peso", ws - 1  # the Philippine "P650 million"
    if currency is None and m["dig"] is not None and before in "$€£¥":
        currency = _CURRENCY[before]
        qstart = ws - 1
        if text[max(floor, ws - 3) : ws - 1].lower() == "us":
            qstart = ws - 3
        elif before == "$" and (other := _OTHER_DOLLAR.search(text, max(floor, ws - 4), ws - 1)) is not None:
            currency, qstart = _DOLLARS[other.group(1)], other.start(1)  # "NT$325.26bn", "C$66.9bn"
    marker = None
    sign_start = qstart  # where the number starts with its currency sign ("$3 billion")
    mm = _MARKER_R.match(text[max(floor, qstart - 28) : qstart][::-1].lower())
    if mm is not None:
        marker = " ".join(mm.group("m")[::-1].split())
        qstart -= mm.end()
    elif (past := _PAST_MARK.search(text, max(floor, qstart - 40), qstart)) is not None:
        marker = "more than"  # "the death toll rose past 7,000", "passed 33,000", "topped 1,000"
        qstart = past.start("m") if past.group("m") else qstart
    # the value
    vague = False
    first_end = num_end
    if m["vague"]:
        value = float(_VAGUE.get(" ".join(m["vague"].lower().split()), 24))
        vague = True
    elif m["couple"]:
        value = 2.0
    elif m["several"]:
        value, vague = 3.0, True
    elif m["half"]:
        value = 6.0
    else:
        key = "dig" if m["dig"] else "word" if m["word"] else "a"
        sw = _SCALE_RX.match(text, m.end(key), end)
        first_end = sw.end() if sw else m.end(key)
        value = _word_value(m[key].replace(",", "") + (sw.group() if sw else ""))
        if m["dozen"]:
            value *= 12
        if m["abbr"]:
            value *= _SCALE_ABBR[m["abbr"].lower()]
    if not value == value or value in (float("inf"), float("-inf")):
        return None
    value = float(f"{value:.12g}")  # no float noise from the scale ("66.9 billion" is 66900000000)
    pct = m["pct"]
    unit_kind = None
    if pct:
        unit_kind = "percentage point" if "point" in pct else "percent"
    elif currency:
        unit_kind = currency
    discrete = unit_kind is None
    # ranges: "10-20", "10 to 20", "between 10 and 20"
    low_v: float | None
    high_v: float | None
    if m["num2"]:
        rsep = m["rsep"]
        if rsep == "and" and sw and sw.group() and not m["dig"] and not m["num2"][0].isdigit():
            # "a hundred and fifty": one number
            sw2 = _SCALE_RX.match(text, m.end("num2"), end)
            value += _word_value(m["num2"] + (sw2.group() if sw2 else ""))
            lo1, hi1 = _interval(value, marker, discrete)
            return _finish(text, ws, qstart, sw2.end() if sw2 else m.end("num2"), value, lo1, hi1,
                           marker, unit_kind, False, floor, end)  # fmt: skip
        if rsep == "and" and marker != "between":
            # "10 and 20 people": two numbers, not a range; this one ends at the first number
            lo1, hi1 = _interval(value, marker, discrete)
            if m["dozen"] or m["abbr"] or m["pct"]:
                return None
            return _finish(text, ws, qstart, first_end, value, lo1, hi1, marker, unit_kind,
                           value == 1, floor, end)  # fmt: skip
        sw = _SCALE_RX.match(text, m.end("num2"), end)
        v2 = _word_value(m["num2"].replace(",", "") + (sw.group() if sw else ""))
        if v2 <= value:
            return None  # a score ("3-1") or nonsense
        low_v, high_v = value, v2
        if marker in ("between", "from"):
            marker = None
    elif vague:
        low_v, high_v = value, None
        if marker is not None:
            lo2, hi2 = _interval(value, marker, discrete)
            low_v = lo2 if lo2 is not None else None
            high_v = hi2 if marker in _UPPER else None
    elif m["couple"]:
        low_v, high_v = (2.0, 3.0) if marker is None else _interval(value, marker, discrete)
    else:
        low_v, high_v = _interval(value, marker, discrete)
    if marker in ("between", "from") and not m["num2"]:
        marker, qstart = None, sign_start  # "from 10" without its "to": not a marker
    singular = (value == 1 or unit_kind is not None) and not m["num2"] and not vague
    return _finish(text, ws, qstart, num_end, value, low_v, high_v, marker, unit_kind, singular,
                   floor, end)  # fmt: skip


def _finish(
    text: str,
    ws: int,
    qstart: int,
    num_end: int,
    value: float,
    low: float | None,
    high: float | None,
    marker: str | None,
    unit_kind: str | None,
    singular: bool,
    floor: int,
    end: int,
) -> _Q | None:
    # "one" is mostly a pronoun or an idiom: "one of", "no one", "one another", "on the one hand"
    word = text[ws:num_end].lower()
    if word == "one":
        prev = text[max(floor, ws - 8) : ws].lower().split()
        nxt = text[num_end : num_end + 10].lower().split()
        if (prev and prev[-1] in ("no", "the", "any", "every", "each", "which", "this", "that",
                                  "someone", "anyone", "only")) or not nxt or nxt[0].strip(
            ",.;:!?"
        ) in ("of", "another", "by", "after", "day", "hand", "way", "thing", "more", "or",
              "and", "who", "that", "which", "is", "was", "in", "to", "side"):  # fmt: skip
            return None
    # the counted noun: "10 Su-35 fighters", "a 10-year plan" (hyphen compound)
    noun, qend = "", num_end
    if text[num_end : num_end + 1] == "-":
        cm = _TOKEN.match(text, num_end + 1, end)
        if cm is None or not cm.group(1)[:1].isalpha():
            return None
        noun, qend = _singular(cm.group(1).lower().split("-")[0]), cm.end(1)
    else:
        first = _TOKEN.match(text, num_end, end)
        if first is not None and not singular:
            fw = first.group(1).lower()
            if fw in _SUPERLATIVE or (fw.endswith("est") and fw not in _SUPERLATIVE_OK):
                return None  # "the two largest economies": not a count of anything
        noun, noun_end = _noun(text, num_end, end, singular)
        if noun:
            qend = noun_end
    if word == "one" and not noun:
        return None
    noun = _unit_words(noun)
    unit = unit_kind or noun
    return (qstart, qend, value, low, high, unit, marker, noun)
