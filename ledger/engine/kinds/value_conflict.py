"""Kind ``value_conflict``: sources disagree on the date, number or place of the same fact.

Claims of one predicate are grouped by subject (and object, for predicates whose value is a
time or a number); within a group two values conflict when they cannot both be true: time
ranges that do not overlap at their granularity ("in May" and "May 4" agree; two ranges told to
the day, "June 2 to 4" and "June 3 to 5", must be the same), numbers whose
allowed intervals do not overlap ("more than a dozen" and 14 agree), places of which neither
lies inside the other (Hiroshima and Japan agree; Tokyo and Hiroshima do not).  Numbers are
compared only with the numbers that tell the same fact: told within ``number_window_days``,
sharing a content word of their clauses (the words around the number up to a comma or a word
that opens another clause; "from" before a number opens the value before a change) and saying
the same way the value moved (a rise, a fall, or neither).  A claim is
reported when the sources that disagree with it are at least as many as those on its side
(so each side of a tie is reported), counting outlets, with copies of one text counted once.
Where the KB knows the value (an event's place or dates), it decides.

Flagged::

    A: "The U.S. slapped sanctions on Li in 2017."   B, C: "... sanctions on Li in 2018."

Clean::

    A: "the G7 summit in Hiroshima"   B: "the G7 summit in Japan"
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ledger import rx
from ledger.engine.rules import Rule
from ledger.engine.runner import cited
from ledger.engine.view import LedgerView, doc_order
from ledger.model import Claim, DocRef, Evidence, Finding, Fix
from ledger.resolve import gazetteer
from ledger.resolve.keys import cluster_names, surnames_of
from ledger.resolve.tokens import COMMON_WORDS


@dataclass
class Options:
    # predicate -> how its values compare: "time" (the claim's value), "place" (its object),
    # "number" (value with qualifiers low/high)
    predicates: dict[str, str] = field(
        default_factory=lambda: {"sanctioned": "time", "held": "time", "began": "time", "located_in": "place"}
    )
    sections: tuple[str, ...] = ("body",)
    # numbers are snapshots (a death toll rises, a budget is revised): two are compared only
    # when told within this many days of each other, and only when their sentences share a
    # content word besides the subject, the unit and the numbers ("purchase", "talks"), so that
    # "Biden announced $10 billion in aid" and "Biden signed a $40 billion border bill" are two
    # facts, not one told twice.  A unit with a model number ("Su-35") needs no shared word.
    number_window_days: int = 31
    # the day a person took an office (``holds_office`` with a time: "was appointed defense
    # minister in 2014") is compared with the KB's start of their term of it; an appointment
    # may be told up to this many days before the term starts (named in August, from September)
    announced_days: int = 120

    def __post_init__(self) -> None:
        self.sections = tuple(self.sections)
        if self.number_window_days < 0 or self.announced_days < 0:
            raise ValueError("number_window_days and announced_days must be >= 0")
        bad = {v for v in self.predicates.values()} - {"time", "place", "number", "age"}
        if bad:
            raise ValueError(f"'predicates' values must be time, place, number or age (got {', '.join(sorted(bad))})")


_ISO = rx.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@functools.lru_cache(maxsize=1 << 16)  # a ledger repeats the same few dates
def time_range(value: str | None) -> tuple[date, date] | None:
    """'2018' -> the year; '2023-05' -> the month; '2023-05-04' -> the day; 'a/b' -> a range."""
    if not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        ra, rb = time_range(a), time_range(b)
        return (ra[0], rb[1]) if ra and rb else None
    m = _ISO.match(value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    mo_i = int(mo)
    if d is None:
        nxt = date(y + (mo_i == 12), mo_i % 12 + 1, 1)
        return date(y, mo_i, 1), nxt - timedelta(days=1)
    day = date(y, mo_i, int(d))
    return day, day


def _day_range(value: str | None) -> bool:
    """A range whose both ends are days ("2023-06-02/2023-06-04"; "early June" is one too,
    but approximate: the caller checks)."""
    a, slash, b = (value or "").partition("/")
    return bool(slash) and len(a) == len(b) == 10


def _number_range(c: Claim) -> tuple[float, float] | None:
    """The interval a number allows: "more than a dozen" -> (13, inf); "about 100" -> (90, 110)."""
    q = c.qualifiers
    try:
        # (a vote's tally, "6-3", is no number: its interval, in ``low`` and ``high``, is)
        v = float(c.value) if c.value is not None and not q.get("tally") else None
        lo = float(q["low"]) if q.get("low") is not None else (v if not q.get("approx") else None)
        hi = float(q["high"]) if q.get("high") is not None else (v if not q.get("approx") else None)
    except (TypeError, ValueError):
        return None
    if v is None and lo is None and hi is None:
        return None
    if v is not None and lo == hi == v and (told := _SCALED.search(c.excerpt or "")) is not None:
        # an amount with a scale word stands for what rounds to it: "3.8 billion euros" is
        # 3.765 billion told to a tenth (half a unit of its last digit either way)
        half = v / float(told.group(1).replace(",", "")) * 10.0 ** -len(told.group(2) or "") / 2
        lo, hi = v - half, v + half
    elif v is not None and lo == hi == v and (told := _PERCENT_TOLD.search(c.excerpt or "")) is not None:
        # a percentage stands for what rounds to it: "40%" is 40.18% told to the unit
        half = 10.0 ** -len(told.group(1) or "") / 2
        lo, hi = v - half, v + half
    return (lo if lo is not None else float("-inf"), hi if hi is not None else float("inf"))


# a percentage as written: the digits after its decimal point
_PERCENT_TOLD = rx.compile(r"\d(?:\.(\d+))?[ \t\u00a0]*(?:%|per[ \t\u00a0]?cent\b|percent\b)", re.IGNORECASE)
# a number with a scale word: its digits, the digits after its decimal point
_SCALED = rx.compile(r"(\d[\d,]*(?:\.(\d+))?)[ \t\u00a0-]*(?:million|billion|trillion|bn|mn|m|tn|crore|lakh)\b",
                     re.IGNORECASE)


# how far above a small lower bound another lower bound may be ("at least 2 people", "at least 9")
_OPEN_SLACK = 10


def _overlap(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class _Compare:
    def __init__(self, view: LedgerView, how: str) -> None:
        self.view, self.how = view, how

    def value(self, c: Claim) -> Any:
        if self.how == "time":
            r = time_range(c.value)
            return None if r is None else (*r, _day_range(c.value) and not c.qualifiers.get("approx"))
        if self.how == "number":
            return _number_range(c)
        if self.how == "age":
            try:
                return (int(c.value or ""), c.valid_from)
            except ValueError:
                return None
        # a KB place, else a place the KB does not know by its GeoNames key ("geo:LT:65:vilnius")
        return c.object or (c.object_key if (c.object_key or "").startswith("geo:") else None)

    def width(self, a: Any) -> float:
        """How much a value allows (a number's interval, a time's days): an outlet's narrowest
        values are its word on the fact; 0 for a value of no extent (a place, an age)."""
        if self.how == "number":
            return float(a[1] - a[0])
        if self.how == "time":
            return float((a[1] - a[0]).days)
        return 0.0

    def agree(self, a: Any, b: Any) -> bool:
        if self.how == "age":
            # a birthday may fall between two days a person's age is told: the older age on
            # the later day, within a year ("84" on Aug. 8 and "83" on Aug. 9 cannot both be)
            if a[0] == b[0]:
                return True
            if abs(a[0] - b[0]) != 1 or a[1] == b[1]:
                return False
            if a[1] is None or b[1] is None:
                return True
            return (a[0] > b[0]) == (a[1] > b[1]) and abs((a[1] - b[1]).days) <= 366
        if self.how == "time" and a[2] and b[2]:
            return a[:2] == b[:2]  # two ranges told to the day: "June 2 to 4" is not "June 3 to 5"
        if self.how == "number" and a[1] == b[1] == float("inf") and a[0] > 0 and b[0] > 0:
            # two lower bounds ("at least 39", "at least 93"; "more than 15,000", "more than
            # 50,000"): each tells about that many, up to twice it, not any number above
            return _overlap((a[0], max(2 * a[0], a[0] + _OPEN_SLACK)), (b[0], max(2 * b[0], b[0] + _OPEN_SLACK)))
        if self.how in ("time", "number"):
            return _overlap(a, b)
        return a == b or self._within(a, b) or self._within(b, a)

    def _within(self, inner: str, outer: str) -> bool:
        """Whether place ``inner`` lies in ``outer``: by the KB's ``part_of``; places the KB does
        not know by their GeoNames keys (Atlanta in Georgia in the US), or by their country
        against a KB country of that ISO ``code`` (Vilnius in the KB's Lithuania, the KB's
        Hiroshima in GeoNames' Japan)."""
        if inner.startswith("geo:") and outer.startswith("geo:"):
            return gazetteer.within(inner, outer)
        if inner.startswith("geo:"):
            ent = self.view.entity(outer)
            return (ent is not None and ent.kind == "place" and not ent.part_of and bool(ent.code)
                    and gazetteer.country_of(inner) == ent.code)
        country = gazetteer.country_of(outer) if outer.startswith("geo:") and outer.count(":") == 1 else None
        seen: set[str] = set()
        ent = self.view.entity(inner)
        while ent is not None and ent.id not in seen:
            if ent.id == outer or (country is not None and ent.code == country):
                return True
            seen.add(ent.id)
            ent = self.view.entity(ent.part_of) if ent.part_of else None
        return False

    def show(self, c: Claim) -> str:
        if self.how == "place":
            ent = self.view.entity(c.object)
            return ent.name if ent else (c.object_surface or str(c.object))
        if self.how == "number":
            return _readable(c.value)
        return str(c.value)


def _readable(value: str | None) -> str:
    """A number as a reader writes it: "3.8 billion", not "3800000000"; a count to the unit and
    thousands with commas ("10,415,991", "12,500")."""
    try:
        v = float(value or "")
    except ValueError:
        return str(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            if v.is_integer() and v % (scale / 1000):
                return f"{int(v):,}"  # a count to the unit: "10,415,991", not "10.415991 million"
            return f"{v / scale:.12g} {word}"
    if abs(v) >= 10_000 and v.is_integer():
        return f"{int(v):,}"
    return str(value)


def _group_key(c: Claim, how: str, people: dict[str, str] | None = None) -> tuple[Any, ...]:
    # the subject by KB id, or by its name as written when the KB does not know it (one key
    # for the names of one person: ``people``, "Dave Calhoun" and "David Calhoun")
    subject = c.subject_key or c.subject
    if people and subject in people:
        subject = people[subject]
    if how == "place":
        return (subject, c.predicate)
    if how == "number":
        return (subject, c.predicate, c.object_key or c.qualifiers.get("unit"))
    return (subject, c.predicate, c.object_key or c.object)


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    for predicate, how in opts.predicates.items():
        cmp = _Compare(view, how)
        groups: dict[tuple[Any, ...], list[tuple[DocRef, Claim, Any]]] = defaultdict(list)
        related, people = _related(view, predicate, how, targets)
        view.prefetch(e for _, c in related for e in (c.subject, c.object))
        for ref, c in related:
            if c.section not in opts.sections or not (c.subject or c.subject_key):
                continue
            v = cmp.value(c)
            if v is not None and not _another_edition(view, c, v, how):
                groups[_group_key(c, how, people)].append((ref, c, v))
        for items in groups.values():
            # in document order, not the database's: which claim speaks for an outlet, and the
            # order of the values in the message, must not depend on a query plan
            items.sort(key=doc_order)
            if predicate == "holds_office":  # a term's start: against the KB only
                yield from _starts(view, rule, cmp, items, targets, opts.announced_days)
                continue
            facts = (_SameFact(items, opts.number_window_days, context=how == "number")
                     if how in ("number", "age") else None)
            yield from _conflicts(view, rule, cmp, items, targets, facts)


def _starts(view: LedgerView, rule: Rule, cmp: _Compare, items: list[tuple[DocRef, Claim, Any]],
            targets: Collection[str] | None, days: int) -> Iterator[Finding]:
    """A time told of taking an office ("was appointed defense minister in 2014") that the KB's
    start of the person's term of it does not fall in, nor up to ``days`` after (an appointment
    announced before the term starts)."""
    for ref, c, v in items:
        if targets is not None and ref.key not in targets:
            continue
        if c.valid_to is not None:
            continue  # a term told whole ("served as ... throughout the past year"), not its start
        if _RENEWED.search(c.sentence or ""):
            continue  # "re-elected", "sworn in for a third term": a term renewed, not the first start
        person = view.entity(c.subject)
        terms = [t for t in person.offices if t.office == c.object and t.start] if person else []
        if _ELECTED.search(c.excerpt or "") and any(
                t.start + timedelta(days=days) < v[0] and (t.end is None or t.end >= v[1])  # type: ignore[operator]
                for t in terms):
            continue  # elected while in office long before and then: a term renewed ("elected president by MPs")
        starts = [t.start for t in terms if t.start is not None]
        # (taking it, not being named to it, has no announcement before: "became acting
        # president on Dec. 14" is not a term from Dec. 27)
        took = _TOOK_IT.search(c.excerpt or "") is not None and (v[1] - v[0]).days == 0
        if not starts or any(_started(v, s, 0 if took else days) for s in starts):
            continue
        start = min(starts, key=lambda s: abs((s - v[0]).days))
        others = [(r, o) for r, o, w in items if r.key != ref.key and o.valid_to is None and _started(w, start, days)]
        yield _finding(view, rule, cmp, ref, c, others, kb_value=(start, start, True))


_RENEWED = rx.compile(r"\bre-?(?:elected|appointed|nominated|installed|confirmed|sworn)\b"
                      r"|\b(?:second|third|fourth|fifth|sixth|another|new|further|consecutive|\d+(?:st|nd|rd|th))"
                      r"[ \t\u00a0]+(?:(?:consecutive|straight|successive)[ \t\u00a0]+)?(?:term|mandate)s?\b"
                      # ("sworn in as Turkey's president for another five years")
                      r"|\b(?:another|a further|(?:a|an)[ \t\u00a0]+(?:second|third|fourth|fifth|new))[ \t\u00a0]+"
                      r"(?:\w+[ \t\u00a0]+)?years?\b", re.I)


# an election to an office (which may renew a term)
_ELECTED = rx.compile(r"\belect(?:ed|s)?\b", re.I)
# the verbs of taking an office, not of being named to it
_TOOK_IT = rx.compile(r"\b(?:became|becomes|become|sworn[ \t\u00a0]+in"
                      r"|took[ \t\u00a0]+(?:office|over|the[ \t\u00a0]+oath)|inaugurated|assumed)\b", re.I)


def _started(v: Any, start: date, days: int) -> bool:
    """Whether a term starting on ``start`` is the one taken at time ``v``: in it, or (a day or a
    month told: an announcement) at most ``days`` after it."""
    slack = days if (v[1] - v[0]).days <= 31 else 0
    return v[0] <= start <= v[1] + timedelta(days=slack)


def _related(view: LedgerView, predicate: str, how: str,
             targets: Collection[str] | None) -> tuple[list[tuple[DocRef, Claim]], dict[str, str]]:
    """The claims that may conflict: about the drafts' subjects; over the whole ledger, the
    groups in which the value varies (GROUP BY), and what the KB can decide.  With them, the
    keys of the names of people the KB does not know -> one key per person (``cluster_names``),
    whose claims under each name are read together."""
    if predicate == "holds_office":
        # a term's start, told with a time (a year, a month, a day: every value has "19" or "20"
        # in it; a title's claim has no value): compared with the KB only, so a draft's own
        # claims are all it needs
        if targets is not None:
            return [(r, c) for r, c in view.claims(predicate, docs=targets) if c.value], {}
        return view.claims(predicate, value_words=[("19",), ("20",)]), {}
    if targets is not None:
        mine = [c for _, c in view.claims(predicate, docs=targets)]
        keys = {c.subject_key for c in mine if c.subject_key}
        own = {k for k in keys if k.startswith("name:")}
        people: dict[str, str] = {}
        if own:
            stored = view.unknown_subjects(predicate, {w for k in own for w in surnames_of(k)})
            people = cluster_names(own | {k for k, _ in stored})
            mine_people = {people.get(k, k) for k in own}
            keys |= {k for k, p in people.items() if p in mine_people}
        # dates and numbers are compared within (subject, object): read only the drafts' objects
        # when each is named (a claim's object_key is its object when that resolved)
        objects = None
        if how != "place" and all(c.object_key and _group_key(c, how)[-1] == c.object_key for c in mine):
            objects = {c.object_key for c in mine if c.object_key}
        return (view.claims(predicate, subject_keys=keys, object_keys=objects) if keys else []), people
    if predicate in ("located_in", "held", "began"):
        # events and places: few, and the KB may decide alone
        found = view.claims(predicate)
        return found, cluster_names(k for _, c in found if (k := c.subject_key) and k.startswith("name:"))
    if how == "place":
        keys = {k for (k,) in view.groups(predicate, ("subject_key",), "object_key") if k}
    else:
        keys = {k for k, _ in view.groups(predicate, ("subject_key", "object_key"), "value") if k}
    # one person under several names, one value under each
    people = cluster_names(k for k, _ in view.unknown_subjects(predicate))
    sizes = Counter(people.values())
    keys |= {k for k, p in people.items() if sizes[p] > 1}
    return (view.claims(predicate, subject_keys=keys) if keys else []), people


def _another_edition(view: LedgerView, c: Claim, v: Any, how: str) -> bool:
    """Whether a date of an event is of another year than the KB's edition ("who first won the
    Tour in 2020", when the KB holds the 2024 Tour): another edition, not this one's date."""
    if how != "time" or c.predicate not in ("held", "began"):
        return False
    ent = view.entity(c.subject)
    if ent is None or ent.start is None:
        return False
    first, last = ent.start.year, (ent.end or ent.start).year
    return v[1].year < first or v[0].year > last


def _kb_value(view: LedgerView, c: Claim, how: str) -> Any:
    ent = view.entity(c.subject)
    if ent is None:
        return None
    if how == "place" and c.predicate == "located_in":
        return ent.place
    if how == "time" and c.predicate == "held" and ent.start:
        return (ent.start, ent.end or ent.start, True)
    if how == "time" and c.predicate == "began" and ent.start:
        return (ent.start, ent.start, True)  # its first day
    return None


# words that say nothing about which fact a number belongs to
_PLAIN = COMMON_WORDS | frozenset("""
according added again against ago almost among another before being between both during each
early either else ever every few here last late least less many much must near nearly next nor
off once other own per same should since still such though through told total under until upon
where while whom whose why within year years yet
accounts account accounted accounting represents represent represented amounts amounted comprises
january february march april june july august september october november december monday
tuesday wednesday thursday friday saturday sunday week weeks month months day days today
""".split())
_WORD = rx.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = rx.compile(r"['’]s?\Z")  # "party's": "party"
# the forms of the verbs numbers are told with, as one word ("won 306 electoral votes", "winning
# 312 electoral votes")
_LEMMAS = {w: lemma for lemma, forms in (
    ("win", "won wins winning"), ("take", "took takes taking taken"), ("get", "got gets getting gotten"),
    ("lose", "lost loses losing"), ("hold", "held holds holding"), ("sell", "sold sells selling"),
    ("pay", "paid pays paying"), ("give", "gave gives giving given"), ("buy", "bought buys buying"),
) for w in forms.split()}


# where a clause of a sentence ends: punctuation, and the words that open another clause or
# a number's previous value ("rose to 5% from 3%")
_CLAUSE_END = rx.compile(
    r"[,;:()\u2014\u2013]|\s(?:while|whereas|but|and|with|as|after|before|when|which|who|than|"
    r"against|versus|vs\.?|compared)\s", re.IGNORECASE)
# "from" right before a number opens its clause: the value before a change ("to 0.25% from 0.1%")
_FROM = rx.compile(r"\bfrom\s+(?:\S+\s+){0,5}\Z", re.IGNORECASE)
_FROM_NUMBER = rx.compile(r"\sfrom\s+(?:\S+\s+){0,5}?[$€£¥]?\d", re.IGNORECASE)
# a number's clause: at most this many content words before it and after it
_BEFORE_WORDS, _AFTER_WORDS = 6, 4
# which way a change went: "shares jumped 24.5%" and "shares fell 7.5%" are two facts
_UP = frozenset("""rose rise rises rising jumped jump jumps surged surge soared gained gain gains climbed
climb up increased increase increases higher rallied grew grow growth advanced""".split())
_DOWN = frozenset("""fell fall falls falling dropped drop drops slid slide slumped slump slipped slip slips
dipped dip dips retreated shed sheds declined decline
declines down lost lose plunged plunge tumbled sank lower decreased decrease shrank cut cuts""".split())


_CHAMBER_OF = frozenset({"lower", "upper"})


# the words of voting and of its outcomes (by their first six letters): a vote's fact is what
# was voted on ("to confirm Bondi", "the budget bill"), not that it confirmed or passed
_VOTE_WORDS = frozenset({
    "vote", "voted", "votes", "voting", "tally", "confir", "approv", "impeac", "passed", "passes", "pass",
    "passag", "reject", "adopt", "adopte", "electe", "elect", "ratifi", "ratify", "overri", "acquit",
    "convic", "motion", "narrow", "unanim", "margin", "tie", "tiebre", "favor", "favour", "against",
})
_RULING_WORDS = frozenset({"ruled", "ruling", "decisi", "decide", "verdic", "sided", "opinio", "judgme", "upheld"})


def _content(words: list[str], own: set[str]) -> list[str]:
    """The content words by their first six letters, a plural as its singular ("votes", "vote")."""
    return [k for w in words if (lw := _LEMMAS.get(lw0 := _POSSESSIVE.sub("", w.lower()), lw0)) not in _PLAIN
            and len(lw) > 2
            and (k := (lw[:-1] if len(lw) > 3 and lw[-1] == "s" and lw[-2] != "s" else lw)[:6]) not in own]


def _context(c: Claim) -> tuple[frozenset[str], int]:
    """The content words of a number's clause (by their first six letters, without the
    subject's name, the unit and the number's own words), and which way the clause says the
    value moved (1 up, -1 down, 0 neither).  The whole sentence when the number is not found
    in it."""
    own = {w.lower()[:6] for part in (c.subject_surface, c.excerpt, c.qualifiers.get("noun"),
                                       c.qualifiers.get("unit"))
           for w in _WORD.findall(str(part or ""))}
    # a vote's tally: what was voted on tells the fact ("to confirm Hegseth", not "to cut off
    # debate"), not the words of voting; a court's ruling is one, however told ("ruled", "a 6-3
    # decision")
    tally = bool(c.qualifiers.get("tally"))
    if tally:
        own |= _VOTE_WORDS
    sentence = c.sentence or ""
    at = sentence.find(c.excerpt) if c.excerpt else -1
    if at < 0:
        return _as_told(_content(_WORD.findall(sentence), own), tally), 0
    end = at + len(c.excerpt)
    lo = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    if (prior := _FROM.search(sentence, lo, at)) is not None:
        lo = prior.start()
    stop = _CLAUSE_END.search(sentence, end)
    hi = stop.start() if stop else len(sentence)
    if (prior := _FROM_NUMBER.search(sentence, end, hi)) is not None:
        hi = prior.start()
    before = _content(_WORD.findall(sentence, lo, at), own)[-_BEFORE_WORDS:]
    after = _content(_WORD.findall(sentence, end, hi), own)[:_AFTER_WORDS]
    told = [w.lower() for w in _WORD.findall(sentence, lo, hi)]
    # (a parliament's "lower house" tells no fall)
    lowered = {w for i, w in enumerate(told)
               if not (w in _CHAMBER_OF and told[i + 1 : i + 2] in (["house"], ["chamber"]))}
    way = (1 if lowered & _UP else 0) - (1 if lowered & _DOWN else 0)
    return _as_told(before + after, tally), way


# what a number is of, when the sentence says so before it: the noun before "of" ("a loss of
# $6.17 billion", "revenue of about $17.8 billion").  (Not the words after it: "of Russian
# territory" and "of the region" may be one thing.)
_OF_BEFORE = rx.compile(r"([^\W\d_][\w'’-]*)[ \t\u00a0]+of[ \t\u00a0]+(?:(?:about|around|nearly|almost|some|roughly|"
                        r"more[ \t\u00a0]+than|less[ \t\u00a0]+than|over|under|up[ \t\u00a0]+to|at[ \t\u00a0]+least|"
                        r"an[ \t\u00a0]+estimated|US|A|C|HK)[ \t\u00a0]*)*\Z", re.IGNORECASE)


_BY_BEFORE = rx.compile(r"([^\W\d_][\w'’-]*)[ \t\u00a0]+by[ \t\u00a0]+(?:(?:about|around|nearly|almost|some|roughly|"
                        r"more[ \t\u00a0]+than|less[ \t\u00a0]+than|over|under|up[ \t\u00a0]+to|at[ \t\u00a0]+least|"
                        r"an[ \t\u00a0]+estimated|US|A|C|HK)[ \t\u00a0]*)*\Z", re.IGNORECASE)
# a percentage is a part of the whole its "of" names ("0.7 percent of world oil production",
# "0.1% of the world's greenhouse gas emissions"): the head noun of that whole
_PERCENT_OF = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+((?:[\w'’-]+[ \t\u00a0]+){0,5}?[^\W\d_][\w-]*)"
                         r"(?=[ \t\u00a0]*(?:[,.;:)]|$|[ \t\u00a0]+(?:and|or|in|on|at|for|from|to|by|with|as|than|"
                         r"since|after|before|while|which|that|who|last|this|next|it|its|they|he|she|we|is|was|against|versus|"
                         r"were|are|has|had|have|will|would)\b))")


def _of_what(c: Claim) -> frozenset[str]:
    """What the number is of, by the first six letters: the noun before "of" (``_OF_BEFORE``),
    and for a percentage the head of the whole after it (``_PERCENT_OF``); empty when the
    sentence does not say."""
    sentence = c.sentence or ""
    at = sentence.find(c.excerpt) if c.excerpt else -1
    if at < 0:
        return frozenset()
    words = []
    if (before := _OF_BEFORE.search(sentence, max(0, at - 60), at)) is not None:
        words.append(before.group(1))
    # what a change by the number is of ("raised taxes by £40 billion"), not how it moved
    if ((by := _BY_BEFORE.search(sentence, max(0, at - 60), at)) is not None
            and (w := by.group(1).lower()) not in _UP | _DOWN and not w.endswith(("ed", "ing"))):
        words.append(w)
    # what changed by the number ("net profit rose by 54.2 per cent", "revenue for November
    # rose 34%"): the noun before the verb of the change
    if (changed := _CHANGED.search(sentence, max(0, at - 60), at)) is not None:
        words.append(changed.group(1))
    # a sum's own noun ("a £1 billion package")
    noun, unit = str(c.qualifiers.get("noun") or ""), str(c.qualifiers.get("unit") or "")
    if noun and unit and noun != unit and " " not in noun and unit not in _TOLLS:
        words.append(noun)  # (a toll's people are one: "379 people aboard", "379 passengers and crew")
    own = {w.lower()[:6] for w in _WORD.findall(f"{c.subject_surface} {c.qualifiers.get('unit') or ''}")}
    from ledger.extract.quantities import MONEY_UNITS

    after = at + len(c.excerpt)
    if unit in MONEY_UNITS:
        if (rate := _RATE_AFTER.match(sentence, after)) is not None:
            words.append("per" + rate.group(1))  # "£12.21 an hour": a rate, not a total
        elif (of := _MONEY_OF.match(sentence, after)) is not None:
            words.append(of.group(1).split()[-1])  # "£40bn of tax rises": what the money is
    found = set(_content(words, own))
    if c.qualifiers.get("unit") == "percent" and (whole := _PERCENT_OF.match(sentence, at + len(c.excerpt))):
        # the head, before a participle after it ("the votes cast"), by its first four letters
        # ("vote", "votes")
        head = [w for w in whole.group(1).lower().split() if not (w.endswith("ed") or w in _AFTER_HEAD)]
        if head:
            # and the words that make it a part of that whole ("of the diaspora vote" is not
            # "of the vote"; "of the popular vote", "of world oil production" say no part)
            part = sorted({w[:6] for w in head[:-1] if w not in _PLAIN and w not in _WHOLE_WORDS and len(w) > 2})
            found.add("%" + head[-1][:4] + ("/" + "+".join(part) if part else ""))
    return frozenset(found)


def _round(c: Claim) -> str:
    """Which round of a vote the number's sentence names: "1" (the first round), "2" (a second
    round, a runoff), "" for none or both."""
    sentence = c.sentence or ""
    first, second = _FIRST_ROUND.search(sentence), _SECOND_ROUND.search(sentence)
    if first is not None and second is not None and c.excerpt and (at := sentence.find(c.excerpt)) >= 0:
        # both named: the one nearest the number ("won 42.31% of first-preference votes and
        # 55.89% after the second count")
        end = at + len(c.excerpt)

        def gap(m: re.Match[str]) -> int:
            return min(abs(m.start() - end), abs(at - m.end()))

        near_first = min(gap(m) for m in _FIRST_ROUND.finditer(sentence))
        near_second = min(gap(m) for m in _SECOND_ROUND.finditer(sentence))
        return "" if near_first == near_second else "1" if near_first < near_second else "2"
    return "" if (first is None) == (second is None) else "1" if first else "2"


# (a count of first preferences, then one with the second preferences added: "won 42.31% of
# first-preference votes", "after second preferences were added, won 55.89%")
_FIRST_ROUND = rx.compile(r"\bfirst[ -]round\b|\bpremier tour\b|\bfirst[ -]preference|\bfirst count\b", re.I)
_SECOND_ROUND = rx.compile(r"\b(?:second|final)[ -]round\b|\brun-?[ ]?offs?\b|\bsecond tour\b"
                           r"|\bsecond[ -]preferences?\b|\bpreferential count\b|\bsecond count\b|\bfinal count\b", re.I)


def _owned(c: Claim) -> frozenset[str]:
    """What of the subject's the number is, by the content words the subject's possessive
    gives it ("Nvidia's gaming division ... reported $3.3 billion", "Nvidia's data center
    business generated $30.8 billion"; "China's exports"); empty when the sentence says none."""
    sentence, subject = c.sentence or "", str(c.subject_surface or "")
    at = sentence.find(c.excerpt) if c.excerpt else -1
    if at < 0 or not subject or (at_subject := sentence.rfind(subject, 0, at)) < 0:
        return frozenset()
    owned = _OWNED_NOUNS.match(sentence, at_subject + len(subject))
    if owned is None and _DEMONYM.fullmatch(subject):
        # a nationality before its people: "The Chinese divers ... winning all eight diving gold
        # medals" are China's divers
        owned = _PEOPLE_AFTER.match(sentence, at_subject + len(subject))
    if owned is None:
        return frozenset()
    words = []
    for w in owned.group(1).split():
        if w.endswith("ed") or w in _UP or w in _DOWN or w in _VERBS_AFTER_OWNED:
            break  # the phrase ends at its verb ("'s gaming division reported")
        words.append(w)
    return frozenset(_content(words, set()))


_AFTER_HEAD = frozenset({"cast", "held", "sold", "won", "made", "paid", "spent", "taken", "given"})
# after an amount of money: a rate ("an hour", "per share"), or what it is of ("of tax rises")
_RATE_AFTER = rx.compile(r"[ \t\u00a0]+(?:an?|per)[ \t\u00a0]+(hour|day|week|month|year|head|person|share|capita"
                         r"|barrel|ton|tonne|litre|liter|gallon|kilogram|kilo)\b", re.IGNORECASE)
_MONEY_OF = rx.compile(r"[ \t\u00a0]+(?:worth[ \t\u00a0]+)?of[ \t\u00a0]+((?:[\w'’-]+[ \t\u00a0]+){0,3}?[a-z][\w-]*)"
                       r"(?=[ \t\u00a0]*(?:[,.;:)]|$|[ \t\u00a0]+(?:and|or|in|on|at|for|from|to|by|with|as|than|since"
                       r"|after|before|while|which|that|who|a|an|per|this|next|last|is|was|were|are|will|would)\b))")
# a noun, what it is for, and a verb of a change right before the number
_CHANGED = rx.compile(r"\b([a-z][\w-]{2,})(?:[ \t\u00a0]+(?:for|in)[ \t\u00a0]+[A-Za-z][\w-]*)?[ \t\u00a0]+"
                      r"(?:rose|rises|fell|falls|jumped|jumps|surged|climbed|dropped|declined|grew|increased"
                      r"|decreased|slumped|soared|tumbled|plunged|gained|slid)"
                      r"(?:[ \t\u00a0]+by)?(?:[ \t\u00a0]+(?:about|around|nearly|almost|some|roughly))?[ \t\u00a0]*\Z")
_VERBS_AFTER_OWNED = frozenset("""had has have is was were are made makes saw sees took takes brought brings
posts reports generates earns stood stands hit hits reached reaches totaled totalled""".split())
# the nouns (by their first six letters, as ``_content`` keeps them) of a part of a country,
# a company or a team that has numbers of its own: its players, a division, a squad
_PART_NOUNS = frozenset("""player team athlet swimme divisi unit busine subsid squad branch depart segmen
force army navy gymnas boxer fencer cyclis runner rower delega women men rider sailor shoote wrestl
diver sprint skater skier climbe archer jumper
""".split())
# a nationality's word ("Chinese", "American", "British", "Thai") and the plural noun of its
# people after it ("divers", "swimmers")
_DEMONYM = rx.compile(r"[A-Z][a-z]+(?:ese|an|ian|ish|i|ch|ic|ss|sh)")
_PEOPLE_AFTER = rx.compile(r"[ \t\u00a0]+((?:[a-z][\w-]*[ \t\u00a0]+){0,2}[a-z][\w-]*s)\b")
# the lower-case words a possessive gives its owner ("'s gaming division")
_OWNED_NOUNS = rx.compile(r"['’]s[ \t\u00a0]+((?:[a-z][\w-]*[ \t\u00a0]+){0,3}[a-z][\w-]*)")
# words before the head of a percentage's whole that name no part of it
_WHOLE_WORDS = frozenset({"popular", "total", "overall", "national", "nationwide", "valid", "final", "official",
                          "entire", "whole", "all", "world", "world's", "world’s", "global", "worldwide", "country's",
                          "country’s", "nation's", "nation’s"})


def _as_told(words: list[str], tally: bool) -> frozenset[str]:
    return frozenset("ruling" if tally and w in _RULING_WORDS else w for w in words)


# casualty tolls (the units ``extract.relations`` gives them): the unit tells the fact, and a
# toll rises by the day, so only tolls told within a day of each other are compared
_TOLLS = frozenset({"dead", "injured", "missing", "evacuated", "dead this year", "injured this year",
                    "missing this year"})
# (of those, the tolls that only rise: the dead and the injured; the missing are found)
_GROWING = frozenset({"dead", "injured", "dead this year", "injured this year"})
_TERMS = frozenset({"prison year"})
_TOLL_DAYS = 1
# a share of the vote ("42.49% of the vote") is of one round of voting, and rounds are a week
# or more apart (a runoff two weeks after the first round): only shares told within this many
# days of each other are compared
_ROUND_DAYS = 6
_VOTE_WHOLES = ("%vote", "%ball")
# a number told as it stands at the time ("now controlled 1,150 square kilometres", "so far
# 82 settlements"), or a price of the day (a market value, a share price), is a running total,
# compared as a toll is: only with those of its day
# (and what one holds, a state of the day: "Ukraine controls 1,150 square kilometers")
_RUNNING = rx.compile(r"\b(?:now|so far|thus far|to date|currently|as of|in total|"
                      r"control(?:s|led|ling)?|occup(?:y|ies|ied|ying)|market (?:capitali[sz]ation|value|cap)|"
                      r"(?:share|stock) price|valued at|worth|shares|stocks|Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|"
                      r"(?:stock|share|benchmark) index)\b", re.IGNORECASE)


# a toll told as it rises: "the death toll rose to 143", "has climbed to", "were still missing"
# a fire's containment, which grows by the day: "85 percent contained as of Wednesday"
_CONTAINED = rx.compile(r"\b(?:contained|containment)\b", re.IGNORECASE)
_RISING = rx.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|increased|reached|mounted"
                     r"|still|so far|now stands?)\b", re.IGNORECASE)


def _toll_group(c: Claim) -> str:
    """The group a toll counts ("worker" of "six construction workers"; "body" of bodies
    recovered), or "" for people at large."""
    from ledger.extract.relations import TOLL_GROUPS

    words = str(c.qualifiers.get("noun") or "").split()
    last = words[-1] if words else ""
    if last in ("body", "bodies"):
        return "body"  # bodies recovered, buried or identified so far: a count of its own, not the toll
    two = " ".join(words[-2:])
    if len(words) >= 2 and two in TOLL_GROUPS:
        last = two  # "six crew members": the crew's
    return (last[:-1] if last.endswith("s") and last[:-1] in TOLL_GROUPS else last) if last in TOLL_GROUPS else ""


def _running(c: Claim) -> bool:
    sentence = c.sentence or ""
    at = sentence.find(c.excerpt) if c.excerpt else -1
    return at >= 0 and _RUNNING.search(sentence, max(0, at - 80), at) is not None


def _other_time(a: Claim, b: Claim) -> bool:
    """Whether two numbers are of times their clauses name apart ("rose 2% on Monday", "rose
    1.1% on Tuesday"; "$20 billion in 2022", "$26 billion in 2021")."""
    if b.qualifiers.get("told_of") != "time" or None in (a.valid_from, a.valid_to, b.valid_from, b.valid_to):
        return False
    return a.valid_to < b.valid_from or b.valid_to < a.valid_from  # type: ignore[operator]


class _SameFact:
    """Which numbers of a group (same subject and unit) tell the same fact: told within
    ``days`` of each other and sharing a content word (``_context``), or counting a model
    ("Su-35")."""

    def __init__(self, items: list[tuple[DocRef, Claim, Any]], days: int, context: bool = True) -> None:
        """``context``: whether the numbers must share a content word (ages need none: a
        person's age told within ``days`` is one fact)."""
        self.items, self.days, self.context = items, days, context
        found = [_context(c) if context else (frozenset(), 0) for _, c, _ in items]
        self.contexts = [ctx for ctx, _ in found]
        self.ways = [way for _, way in found]
        self.running = [_running(c) for _, c, _ in items]
        self.rising = [_RISING.search(c.sentence or "") is not None for _, c, _ in items]
        self.contained = [c.qualifiers.get("unit") == "percent" and _CONTAINED.search(c.sentence or "") is not None
                          for _, c, _ in items]
        self.of_what = [_of_what(c) if context else frozenset() for _, c, _ in items]
        self.vote = [any(w.startswith(_VOTE_WHOLES) for w in of) or c.qualifiers.get("unit") == "vote"
                     for of, (_, c, _) in zip(self.of_what, items, strict=True)]
        self.owned = [_owned(c) if context else frozenset() for _, c, _ in items]
        self.round = [_round(c) if context else "" for _, c, _ in items]
        self.whole = [_whole(c) for _, c, _ in items]
        self.group = [_toll_group(c) for _, c, _ in items]
        self.amount = [_amount(c) for _, c, _ in items]
        self.bare = {i for i, ctx in enumerate(self.contexts) if not ctx} if context else set()
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, ctx in enumerate(self.contexts):
            for w in ctx:
                self.by_word[w].append(i)

    def of(self, i: int) -> list[int]:
        c = self.items[i][1]
        unit = str(c.qualifiers.get("unit") or "")
        model = any(ch.isdigit() for ch in unit) and any(ch.isalpha() for ch in unit)
        toll = unit in _TOLLS
        # (a prison term is the sentenced person's one fact however told: "réclusion", "prison";
        # a vote the KB holds has one tally: "208 in favor and 85 against", "voted 204-85")
        vote = bool(c.qualifiers.get("of_vote"))
        near = range(len(self.items)) if (model or toll or unit in _TERMS or not self.context or vote) else sorted(
            {i} | {j for w in self.contexts[i] for j in self.by_word[w] if self.ways[i] == self.ways[j]}
            # two numbers told with nothing of what they are of: the plain total ("won 94
            # medals in all", "91 medals in total")
            | ({j for j in self.bare if self.ways[i] == self.ways[j]} if i in self.bare else set()))
        day = c.valid_from or c.valid_to
        days = _TOLL_DAYS if toll else self.days
        told = c.qualifiers.get("told_of") == "time"
        return [j for j in near if (day is None or (d := self.items[j][1].valid_from or self.items[j][1].valid_to)
                                    is None or abs((d - day).days) <= (
                                        # a toll told as it rises ("rose to 143", "were still
                                        # missing"): only that day's
                                        0 if (toll and (self.rising[i] or self.rising[j]))
                                        or self.contained[i] or self.contained[j]
                                        else _TOLL_DAYS if self.running[i] or self.running[j]
                                        # a share of the vote is of one round of voting
                                        else min(days, _ROUND_DAYS) if self.vote[i] or self.vote[j] else days))
                and not (told and _other_time(c, self.items[j][1]))
                # (a toll of the dead or injured only rises: a larger one told a day later is no other count)
                and not (unit in _GROWING and self._grew(i, j))
                # (a toll of a group, "six construction workers", only with the group's)
                and not (toll and self.group[i] != self.group[j])
                # (a vote's tallies: only its rounds apart)
                and (not (self.round[i] and self.round[j] and self.round[i] != self.round[j]) if vote
                     else self._alike(i, j))]

    def _grew(self, i: int, j: int) -> bool:
        """Whether numbers ``i`` and ``j`` are of two days, the later higher than the earlier
        (not the same: that one agrees with the other, and counts for its majority)."""
        a, b = self.items[i][1], self.items[j][1]
        da, db = a.valid_from or a.valid_to, b.valid_from or b.valid_to
        if da is not None and da == db:
            # one day's toll first told that day, then by a later story ("at least five" on the
            # day, 23 a week later): counted since, told later
            pa, pb = self.items[i][0].published, self.items[j][0].published
            if pa is not None and pb is not None and (min(pa, pb) - da).days <= 1:
                da, db = pa, pb
        elif da is not None and db is not None and da != db:
            # a toll of a day told days later, when another story had told a lower one of a
            # later day before it ("On Friday evening, four gunmen ... killed at least 139
            # people", five days on; "an attack ... that killed 133 people", the day after):
            # the later story knew more
            pa, pb = self.items[i][0].published, self.items[j][0].published
            if pa is not None and pb is not None and pa != pb and (da < db) != (pa < pb):
                da, db = pa, pb
        if da is None or db is None or da == db:
            return False
        early, late = (a, b) if da < db else (b, a)
        top, bottom = early.qualifiers.get("high"), late.qualifiers.get("low")
        if top is None:
            # an open toll ("at least 2,862") and a higher one a day later: grown, or the same;
            # neither side's support
            top = early.qualifiers.get("low")
        return isinstance(top, int | float) and isinstance(bottom, int | float) and top < bottom

    def _alike(self, i: int, j: int) -> bool:
        """Whether numbers ``i`` and ``j``, of one subject and unit told near in time, are of
        one thing (not parts or rounds or wholes apart)."""
        mine = self.of_what[i]
        # (numbers of two things: "a loss of $6.17 billion", "revenue of $17.8 billion")
        return (not (mine and self.of_what[j] and mine.isdisjoint(self.of_what[j]))
                # of two parts of the subject: "Nvidia's gaming division", "its data center business"
                and not (self.owned[i] and self.owned[j] and self.owned[i].isdisjoint(self.owned[j]))
                # of a part of it and of the whole: "China's table tennis players won all five
                # gold medals", "China won 40 gold medals"
                and not ((self.owned[i] & _PART_NOUNS and not self.owned[j])
                         or (self.owned[j] & _PART_NOUNS and not self.owned[i]))
                # of two rounds of a vote: "in the first round", "in the runoff"
                and not (self.round[i] and self.round[j] and self.round[i] != self.round[j])
                # a part of a whole the other number exceeds: "26 of the 47 votes allotted to the
                # prefectural chapters" is not the 215 votes of the runoff
                and not _beyond(self.amount[j], self.whole[i]) and not _beyond(self.amount[i], self.whole[j]))


# a number told as a part of a whole: "26 of the 47 votes", "191 of the chamber's 465 seats"
_PART_OF_WHOLE = rx.compile(r"[\d.,]+[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+|its[ \t\u00a0]+|their[ \t\u00a0]+)?"
                            r"(?:[\w-]+['’]s[ \t\u00a0]+)?([\d][\d,]*(?:\.\d+)?)\b")


def _whole(c: Claim) -> float | None:
    """The whole a number is told as a part of ("26 of the 47 votes": 47), if any."""
    m = _PART_OF_WHOLE.search(c.excerpt or "")
    try:
        return float(m.group(1).replace(",", "")) if m else None
    except ValueError:
        return None


def _amount(c: Claim) -> float | None:
    try:
        return float(c.value or "")
    except ValueError:
        return None


def _beyond(amount: float | None, whole: float | None) -> bool:
    return amount is not None and whole is not None and amount > whole


def _conflicts(
    view: LedgerView, rule: Rule, cmp: _Compare, items: list[tuple[DocRef, Claim, Any]],
    targets: Collection[str] | None, facts: _SameFact | None = None,
) -> Iterator[Finding]:
    # sides by outlet, computed once per distinct value of the group: an outlet is with a
    # value when one of its claims agrees, against it when its claims all disagree
    # (numbers: per claim, among the claims that tell the same fact)
    sides: dict[Any, tuple[dict[str, int], dict[str, int], int]] = {}
    kb_agree: dict[Any, list[int]] = {}
    everyone = list(range(len(items)))
    for n, (ref, c, v) in enumerate(items):
        if targets is not None and ref.key not in targets:
            continue
        kb = _kb_value(view, c, cmp.how)
        if kb is not None and not cmp.agree(v, kb):
            if kb not in kb_agree:
                kb_agree[kb] = [i for i, (_, _, w) in enumerate(items) if cmp.agree(w, kb)]
            others = [(items[i][0], items[i][1]) for i in kb_agree[kb] if items[i][0].key != ref.key]
            yield _finding(view, rule, cmp, ref, c, others, kb_value=kb)
            continue
        if kb is not None:
            continue  # the KB knows the value and the claim agrees: other sources do not outvote it
        if facts is not None:
            same = facts.of(n)
            against_first, agreeing, with_it = _sides(cmp, [items[j] for j in same], v)
        else:
            same = everyone
            if v not in sides:
                sides[v] = _sides(cmp, items, v)
            against_first, agreeing, with_it = sides[v]
        # the claim's own outlet does not vote
        opp = len(against_first) - (ref.outlet in against_first)
        mine = 1 + with_it - (ref.outlet in agreeing and ref.outlet not in against_first)
        if opp and opp >= mine:
            if facts is not None and any(j < n and items[j][0].key == ref.key and not cmp.agree(v, items[j][2])
                                         for j in same):
                # the document told this fact otherwise before ("won 55.35% of the votes ... In
                # the diaspora, she won more than 80%"): a number of something else
                continue
            against = sorted(same[i] for outlet, i in against_first.items() if outlet != ref.outlet)
            yield _finding(view, rule, cmp, ref, c, [(items[i][0], items[i][1]) for i in against])


def _sides(cmp: _Compare, items: list[tuple[DocRef, Claim, Any]],
           v: Any) -> tuple[dict[str, int], dict[str, int], int]:
    """For value ``v``: each outlet's first claim disagreeing with it, the outlets with an
    agreeing claim, and how many of those have no disagreeing claim.  An outlet that also
    tells ``v`` is not against it ("248 of the 460 seats": two numbers, neither disputed)."""
    against: dict[str, int] = {}
    agreeing: dict[str, int] = {}
    # an outlet's word is its narrowest values: one that says "10 people had died" and "at
    # least 10" is against 19, which only its lower bound allows
    narrowest: dict[str, float] = {}
    for r, _, w in items:
        narrowest[r.outlet] = min(narrowest.get(r.outlet, float("inf")), cmp.width(w))
    for i, (r, _, w) in enumerate(items):
        if cmp.agree(v, w):
            if cmp.width(w) <= narrowest[r.outlet]:
                agreeing.setdefault(r.outlet, i)
        else:
            against.setdefault(r.outlet, i)
    for outlet in agreeing:
        against.pop(outlet, None)
    return against, agreeing, len(agreeing)


def _predicate(view: LedgerView, c: Claim, how: str) -> str:
    """The fact's name in a message: the predicate, what a number counts ("count (dead)"), the
    office taken ("took office as Minister of Defence", the KB's name)."""
    if c.predicate == "holds_office":
        office = view.entity(c.object)
        return f"took office as {office.name if office is not None else c.object_surface or c.object}"
    name = c.predicate.replace("_", " ")
    unit = c.qualifiers.get("unit") if how == "number" else None
    return f"{name} ({unit})" if unit else name


def _finding(
    view: LedgerView,
    rule: Rule,
    cmp: _Compare,
    ref: DocRef,
    c: Claim,
    others: list[tuple[DocRef, Claim]],
    kb_value: Any = None,
) -> Finding:
    subject = view.entity(c.subject)
    # only the evidence that will be shown is built (a popular fact has hundreds of tellings)
    picked, omitted = cited(sorted(others, key=doc_order), kb=kb_value is not None)
    evidence = [Evidence.at(r, o.span, o.excerpt) for r, o in picked]
    if kb_value is not None:
        shown = (kb_value if isinstance(kb_value, str) else str(kb_value[0]) if kb_value[0] == kb_value[1]
                 else f"{kb_value[0]} to {kb_value[1]}")  # (one day as itself)
        if isinstance(kb_value, str) and view.entity(kb_value):
            shown = view.entity(kb_value).name  # type: ignore[union-attr]
        kb = subject.evidence(f"KB: {shown}") if subject is not None else Evidence(
            path="KB", line=1, column=1, excerpt=f"KB: {shown}", source="KB")
        evidence.insert(0, kb)
        theirs = shown
    else:
        theirs = ", ".join(dict.fromkeys(cmp.show(o) for _, o in others))
    message = rule.format(subject=subject.name if subject else c.subject_surface,
                          predicate=_predicate(view, c, cmp.how), value=cmp.show(c), others=theirs)
    fix = _number_fix(c, others) if cmp.how == "number" and kb_value is None else None
    return Finding.at(rule.id, rule.severity, ref, c, message, evidence=evidence,
                      evidence_omitted=omitted, fix=fix,
                      identity=(c.subject, c.predicate, c.object, c.value))


_NUMBER = rx.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_fix(c: Claim, others: list[tuple[DocRef, Claim]]) -> Fix | None:
    """The number most other outlets give, written as they write it, in place of this one's
    ("131 seats" -> "121 seats"), when each excerpt holds one number and one outlet's value
    leads."""
    mine = _NUMBER.findall(c.excerpt or "")
    if len(mine) != 1:
        return None
    outlets: dict[str, set[str]] = defaultdict(set)
    written: dict[str, str] = {}
    for r, o in others:
        theirs = _NUMBER.findall(o.excerpt or "")
        if len(theirs) == 1 and o.value is not None:
            outlets[o.value].add(r.outlet)
            written.setdefault(o.value, theirs[0])
    ranked = sorted(outlets, key=lambda v: len(outlets[v]), reverse=True)
    if not ranked or (len(ranked) > 1 and len(outlets[ranked[0]]) == len(outlets[ranked[1]])):
        return None
    return Fix(replacement=(c.excerpt or "").replace(mine[0], written[ranked[0]], 1),
               description=f"the number {len(outlets[ranked[0]])} other outlet(s) give")
