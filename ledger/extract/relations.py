"""Office claims that lean on another person's office, made once names are resolved:
"his Chinese counterpart Li Shangfu" (the office of the same function in the other country)
and "Li's predecessor Wei Fenghe" (the same office, held before)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ledger import rx
from ledger.extract.mentions import AGE_AFTER_NAME
from ledger.extract.quotes import REPORTING_VERBS
from ledger.extract.sentences import Sentences, sentences_of
from ledger.model import Claim, Document, Mention, Span
from ledger.resolve.keys import DIRECTION, claim_subject_key, knows_person, name_key, split_nationality, unknown_key
from ledger.resolve.tokens import CALENDAR_WORDS, phrase_key

_COUNTERPART = rx.compile(r"\b(?:his|her|their|its)\s+(?:(?P<adj>[A-Z][\w’'.-]*)\s+)?counterparts?,?[ \t\u00a0]*$")
# a finite verb right after a name: it is its clause's subject ("Katz does not", "Katz has")
_VERB_AFTER = rx.compile(r"[ \t\u00a0]+(?:does|did|do|has|had|have|is|was|will|would|can|could|said|says|told|"
                         r"\w+ed\b|\w+s\b)")
_PREDECESSOR = rx.compile(r"(?:['’]s|\b(?P<pron>his|her))\s+predecessor,?[ \t\u00a0]*$")
# words every title shares: they say nothing about which office it is
_GENERIC = {
    "of",
    "the",
    "and",
    "for",
    "minister",
    "secretary",
    "chief",
    "national",
    "us",
    "state",
    "general",
    "head",
    "director",
    "office",
    "chairman",
    "president",
    "department",
    "ministry",
}


def relation_claims(doc: Document, mentions: list[Mention], claims: list[Claim], index: Any) -> list[Claim]:
    out: list[Claim] = []
    sentences: Sentences | None = None
    for i, m in enumerate(mentions):
        # a person of the KB, or one it does not know whom the text shows to be a person
        if not knows_person(m):
            continue
        before = doc.text[max(0, m.span.start - 60) : m.span.start]
        cp = _COUNTERPART.search(before)
        pred = _PREDECESSOR.search(before) if cp is None else None
        if cp is None and pred is None:
            continue
        if sentences is None:
            sentences = sentences_of(doc)
        cue_start = m.span.start - (len(before) - (cp or pred).start())  # type: ignore[union-attr]
        lo, _ = sentences.bounds(m.span.start)
        if cp is not None:
            other = _antecedent(mentions, i, lo, doc.text, cue_start)
            c = _counterpart(doc, m, other, cp.group("adj"), claims, index, cue_start) if other else None
            if c is None and cp.group("adj"):
                # a title the KB does not know: "Ukrainian Foreign Minister Dmytro Kuleba ...
                # his German counterpart Annalena Baerbock" holds that title for Germany
                other = _antecedent(mentions, i, lo, doc.text, cue_start, known=False)
                c = _title_relation(doc, m, other, cp.group("adj"), claims, cue_start, index) if other else None
        else:
            possessive = pred.group("pron") is None  # type: ignore[union-attr]
            if not possessive and "," in before[pred.start() :] and _VERB_AFTER.match(doc.text, m.span.end):  # type: ignore[union-attr]
                # "Unlike his predecessor, Katz does not ...": the name after the comma is the
                # subject whose predecessor "his" names, not the predecessor
                continue
            other = _antecedent(mentions, i, lo, doc.text, cue_start, possessive=possessive)
            if (other is not None and not possessive
                    and _ANOTHER_PERSON.search(doc.text, other.span.end, cue_start) is not None):
                # "Khamenei congratulated the president-elect and urged him to follow the path of
                # his predecessor": another person stands between, whose predecessor, unknown
                continue
            c = _predecessor(doc, m, other, claims, index, cue_start) if other else None
            if c is None:
                # "British Prime Minister Rishi Sunak ... Sunak's predecessor Liz Truss": the
                # title the KB does not know, held before
                other = _antecedent(mentions, i, lo, doc.text, cue_start, possessive=possessive, known=False)
                c = _title_relation(doc, m, other, None, claims, cue_start) if other else None
        if c is not None:
            c.sentence = sentences.sentence(m.span.start)
            out.append(c)
    return out


# a person named between a name and "his predecessor" otherwise than by name
_ANOTHER_PERSON = rx.compile(r"\b(?:him|her)\b|\bthe[ \t\u00a0]+[\w-]*-elect\b", re.I)


def _antecedent(
    mentions: list[Mention], i: int, lo: int, text: str, cue: int, possessive: bool = False, known: bool = True,
) -> Mention | None:
    """The person the 'his'/'X's' points at: the nearest person before the cue in the sentence
    (of the KB unless not ``known``)."""
    for m in reversed(mentions[:i]):
        if m.span.start < lo - 400:
            break
        if m.kind == "person" and (m.entity if known else knows_person(m)) and m.span.end <= cue:
            if possessive and m.span.end != cue:
                continue
            return m
    return None


def _office_of(person: Mention, doc: Document, claims: list[Claim], index: Any) -> str | None:
    """The antecedent's office: the KB's when it knows (a wrong title in the text must not
    spread to the counterpart), else what this document calls them."""
    named = [
        c.object
        for c in claims
        if c.predicate == "holds_office" and c.subject == person.entity and c.object and not c.qualifiers.get("time")
    ]
    ent = index.get(person.entity)
    if ent is not None and ent.offices and doc.published is not None:
        held = [t.office for t in ent.offices if t.covers(doc.published)]
        if len(held) > 1:  # several at once: the one the text names, else the single-holder one
            held = [o for o in held if o in named] or [
                o for o in held if (e := index.get(o)) is not None and e.single_holder
            ]
        return held[0] if len(held) == 1 else None
    return named[0] if named else None


def _words(index: Any, office_id: str) -> set[str]:
    ent = index.get(office_id)
    words: set[str] = set()
    for t in [ent.name, *ent.titles] if ent else []:
        words |= set(phrase_key(t).split())
    return words - _GENERIC


def _counterpart(
    doc: Document, m: Mention, other: Mention, adj: str | None, claims: list[Claim], index: Any, cue_start: int
) -> Claim | None:
    office = _office_of(other, doc, claims, index)
    if office is None:
        return None
    country = None
    if adj:
        for e in index.lookup(phrase_key(adj, expand=False)):
            if e.kind == "place":
                country = index.country_of(e.entity)
    country = country or index.country_of(m.entity)
    if not country or country == index.country_of(office):
        return None
    words = _words(index, office)
    scored = sorted(
        (
            (len(words & _words(index, o.id)), o.id)
            for o in index.entities.values()
            if o.kind == "office" and index.country_of(o.id) == country
        ),
        reverse=True,
    )
    if not scored or scored[0][0] == 0:
        return None
    best = [o for s, o in scored if s == scored[0][0]]
    if len(best) > 1:
        person = index.get(m.entity)
        held = [o for o in best if person and doc.published and person.holds(o, doc.published)]
        if len(held) != 1:
            return None
        best = held
    return _claim(
        doc, m, best[0], cue_start, {"title": "counterpart", "counterpart_of": office}, doc.published, doc.published
    )


def _title_relation(doc: Document, m: Mention, other: Mention, adj: str | None, claims: list[Claim],
                    cue_start: int, index: Any = None) -> Claim | None:
    """The claim of a counterpart or a predecessor when this document gives the other person a
    title the KB does not know: with ``adj`` (a counterpart), that title for the country of
    ``adj`` ("his German counterpart"); without, the same title, held before ("Sunak's
    predecessor Liz Truss").  The counterpart's title needs a country to be told from the
    other person's."""
    who = name_key(other)  # the person, by any form of the name ("Sunak's" after "Rishi Sunak")
    titled = [c for c in claims if c.predicate == "holds_office" and c.object is None and c.object_surface
              and claim_subject_key(c) == who and c.span.start < other.span.end and not c.qualifiers.get("time")]
    if not titled:
        return None
    title = titled[0].object_surface
    # the country named apart, else a nationality opening the title ("Ukrainian Foreign Minister")
    country = str(titled[0].qualifiers.get("country") or "") or split_nationality(title)[0]
    if adj is None:
        qualifiers: dict[str, Any] = {"title": "predecessor", "time": "former", "predecessor_of": other.surface}
        if country and title.startswith(str(country)):
            title = title.removeprefix(str(country)).strip()
        if country:
            qualifiers["country"] = country
        c = _claim(doc, m, None, cue_start, qualifiers, None, doc.published)
    else:
        if not country or phrase_key(str(country), expand=False) == phrase_key(adj, expand=False):
            return None
        title = title.removeprefix(str(country)).strip()
        # the KB's office of that title in the counterpart's country, when there is one
        # ("Russian Foreign Minister Sergei Lavrov ... his Chinese counterpart Wang Yi")
        office = _office_titled(index, title, adj) if index is not None and title else None
        if office is not None:
            return _claim(doc, m, office, cue_start, {"title": "counterpart", "counterpart_of": other.surface},
                          doc.published, doc.published)
        c = _claim(doc, m, None, cue_start, {"title": "counterpart", "country": adj, "counterpart_of": other.surface},
                   doc.published, doc.published)
    if not title:
        return None
    c.object_surface = title  # the office by its title, as a title before a name is
    return c


def age_claims(doc: Document, mentions: list[Mention], index: Any = None) -> list[Claim]:
    """``age`` claims: a person's age, written in apposition after their name ("Dong, 62,"),
    or after the title of the one person who holds it ("The King, 76,"), on the document's
    date."""
    from ledger.resolve.document import holder_of

    out: list[Claim] = []
    sentences: Sentences | None = None
    for m in mentions:
        subject = m.entity
        if m.kind == "office" and index is not None and _THE_BEFORE.search(doc.text, max(0, m.span.start - 4),
                                                                           m.span.start):
            subject = holder_of(index, m.entity, doc.published)  # "The King, 76,"
            if subject is None:
                continue
        elif not (m.kind == "person" and (m.entity or knows_person(m))):
            continue
        a = AGE_AFTER_NAME.match(doc.text, m.span.end) or _AGED_AFTER.match(doc.text, m.span.end)
        start, end = m.span.start, a.end(1) if a else m.span.end
        if a is None and m.kind == "person":
            a = _AGED_BEFORE.search(doc.text, max(0, m.span.start - 80), m.span.start)
            if a is not None and (_NOT_A_TITLE.search(a.group(2)) or any(
                    o.kind == "person" and a.start(2) <= o.span.start < m.span.start for o in mentions)):
                a = None  # "the 67-year-old Ishiba ally Keiichi Ishii": the age of another
            start = a.start(1) if a else start
        if a is None or not 16 <= int(a.group(1)) <= 110:
            continue
        sentences = sentences or sentences_of(doc)
        out.append(Claim(
            span=Span.of(doc, start, end), subject_key=subject or name_key(m), subject=subject,
            predicate="age", value=a.group(1), valid_from=doc.published, valid_to=doc.published,
            section=m.section, sentence=sentences.sentence(m.span.start),
            excerpt=doc.text[start:end], subject_surface=m.surface,
        ))
    return out


# an age after a name in other words: "Kim, a 64-year-old retired general,", "Kim, aged 64,"
_AGED_AFTER = rx.compile(r",[ \t\u00a0]+(?:(?:an?|the)[ \t\u00a0]+(?=\d{2,3}[-\u2010\u2011 ]year[-\u2010\u2011 ]old\b)"
                         r"|aged[ \t\u00a0]+)(\d{2,3})\b")
# and before it: "the 64-year-old former general Kim Yong-hyun" (group 2: the words between, at
# most five, with no punctuation)
_AGED_BEFORE = rx.compile(r"\b(\d{2,3})[-\u2010\u2011]year[-\u2010\u2011]old[ \t\u00a0]+"
                          r"((?:[\w.’'-]+[ \t\u00a0]+){0,5})\Z")
# words that make what is between an age and a name more than a title: "the 30-year-old man
# who shot at Kim", "a 40-year-old woman and Kim"
_NOT_A_TITLE = rx.compile(r"\b(?:who|whom|whose|which|that|and|or|but|of|for|with|to|from|by|in|on|at|as|than"
                          r"|said|says|told|is|was|were|has|had|will|would)\b", re.I)


def _predecessor(
    doc: Document, m: Mention, other: Mention, claims: list[Claim], index: Any, cue_start: int
) -> Claim | None:
    office = _office_of(other, doc, claims, index)
    if office is None:
        return None
    start = other.span.start if doc.text[other.span.end : cue_start + 2] in ("'s", "’s") else cue_start
    return _claim(
        doc,
        m,
        office,
        start,
        {"title": "predecessor", "time": "former", "predecessor_of": other.entity},
        None,
        doc.published,
    )


def _office_titled(index: Any, title: str, adj: str) -> str | None:
    """The one KB office of the country ``adj`` names (a demonym or a name) that has this
    title, if any."""
    country = next((index.country_of(e.entity) for e in index.lookup(phrase_key(adj, expand=False))
                    if e.kind == "place"), None)
    if country is None:
        return None
    found = {e.entity for e in index.lookup(phrase_key(title, expand=False))
             if e.kind == "office" and index.country_of(e.entity) == country}
    return found.pop() if len(found) == 1 else None


def _claim(
    doc: Document, m: Mention, office: str | None, start: int, qualifiers: dict[str, Any], valid_from: Any,
    valid_to: Any,
) -> Claim:
    return Claim(
        span=Span.of(doc, start, m.span.end),
        subject_key=name_key(m),
        subject=m.entity,
        predicate="holds_office",
        object=office,
        valid_from=valid_from,
        valid_to=valid_to,
        qualifiers=qualifiers,
        section=m.section,
        excerpt=" ".join(doc.text[start : m.span.end].split()),
        subject_surface=m.surface,
        object_surface=qualifiers["title"],
    )


# a prison term before its number: "sentenced Dominique Pelicot to 20 years", "was sentenced to
# up to 18 years" (the sentenced person is named between, or is the clause's subject)
_SENTENCED = rx.compile(r"\bsentenc(?:ed|es|ing)[ \t\u00a0]+(?:(?P<who>[^.;]{1,60}?)[ \t\u00a0]+)?to[ \t\u00a0]+"
                        r"(?:up[ \t\u00a0]+to[ \t\u00a0]+|about[ \t\u00a0]+|nearly[ \t\u00a0]+"
                        r"|more[ \t\u00a0]+than[ \t\u00a0]+)?\Z")

# (in French: "a condamné jeudi Dominique Pelicot à 20 ans de réclusion")
_CONDAMNE = rx.compile(r"\bcondamn[ée]e?s?[ \t\u00a0]+(?:(?P<who>[^.;]{1,60}?)[ \t\u00a0]+)?à[ \t\u00a0]+"
                       r"(?:environ[ \t\u00a0]+)?\Z")
# between "sentenced" and "to", a time only: the sentenced person is the clause's subject
_WHEN_ONLY = rx.compile(r"(?:(?:on|in|last|this|late|early|jeudi|lundi|mardi|mercredi|vendredi|samedi|dimanche"
                        r"|hier)\b[^,]*|\w+day)", re.IGNORECASE)


# counted nouns too generic to say which fact a number is about
_GENERIC_UNITS = {
    "",
    "country",
    "side",
    "time",
    "year",
    "an",  # (and the year in French, Spanish, Portuguese, German, Italian: "57 ans", "20 años")
    "año",
    "ano",
    "jahr",
    "anno",
    "day",
    "week",
    "month",
    "hour",
    "minute",
    "second",
    "way",
    "thing",
    "people",
    "person",
    "level",
    "part",
    "one",
    "other",
    "point",
    "place",
}


# a number joined to its noun as a modifier ("460-seat", "ten-year")
_MODIFIER = rx.compile(r"\S+-[^\W\d_]+")
# a verb of speech after a name (and its appositive): what follows is what the person said
# (the reporting verbs of quotes, but those whose subject may own the number: "Biden announced
# $10 billion in aid", "China confirmed it bought 24 jets")
_OWNING = frozenset({"announced", "announces", "pledged", "promised", "vowed", "confirmed", "confirms", "revealed",
                     "disclosed", "declared", "declares", "demanded", "boasted", "admitted", "admits", "acknowledged",
                     "acknowledges", "denied", "denies", "testified", "claimed"})
_SPEAKS = rx.compile(r"(?:,[^,.;]{1,80},)?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:"
                     + "|".join(sorted(v for v in REPORTING_VERBS if " " not in v and v not in _OWNING))
                     + r"|estimated)\b")
# what a speaker says of itself: "Nissan said it would cut 9,000 jobs" is Nissan's number
_ITSELF = rx.compile(r"(?:\s+(?:on|in|last|this)\s+\w+)?(?:\s+that)?\s+(?:it|they|its|their)\b")
# an announced cut is a fact of the announcement: "plans to cut 15,000 jobs"
_CUTS = rx.compile(r"\b(?:cut|cuts|cutting|eliminate|eliminating|shed|shedding|lay\s+off|laying\s+off|axe|axing"
                   r"|slash|slashing)\s+(?:about\s+|around\s+|roughly\s+|some\s+|up\s+to\s+|nearly\s+"
                   r"|more\s+than\s+)?\Z")
# a number hoped for, planned or forecast, not told as a fact
_HOPED = rx.compile(r"\b(?:target|targets|goal|goals|aim|aims|aimed|ambition|plan|plans|planned|hope|hopes|hoped"
                    r"|want|wants|wanted|seek|seeks|sought|forecast|forecasts|projected|projects|guidance|outlook"
                    # markets' pricing: "Markets now price the Bank's rate falling to about 4 per cent"
                    r"|price|prices|priced|pricing"
                    # "expects sales of about $37.5 billion in the current quarter", "expect the
                    # unemployment rate to end next year at 4.3%" (not "than expected")
                    r"|expects|expecting|expect(?:ed)?(?:\s+[\w'’-]+){0,4}?\s+to"
                    # a consequence supposed: "a cut, which would bring the rate to 4.25%"
                    r"|(?:which|that)\s+would(?:\s+[\w'’-]+){0,6}?\s+to)"
                    r"\b[^.;]{0,40}\Z", re.I)
# (and a bar to clear: "the 5% threshold")
_HOPED_NOUNS = frozenset({"target", "goal", "forecast", "projection", "estimate", "threshold", "hurdle"})
_HOPED_AFTER = rx.compile(r"[ \t\u00a0]+(?:\w+[ \t\u00a0]+)?(?:target|goal|forecast|projection|estimate|threshold"
                          r"|hurdle|cap|ceiling|limit)\b", re.I)
# a bar to clear told by what it takes: "18 short of the 233 (seats) needed for a majority",
# "a two-thirds majority of 200 required"
_NEEDED_AFTER = rx.compile(r"[ \t\u00a0]+(?:needed|required|necessary)\b")
# a number given to a thing named by a common noun: "giving the coalition 215 seats" is the
# coalition's, not the sentence's first actor's
_GIVEN_TO = rx.compile(r"\b(?:giv(?:e|es|ing)|gave|leav(?:e|es|ing)|left|hand(?:s|ed|ing)?)[ \t\u00a0]+"
                       r"(?:the|its|their|his|her|a|an)[ \t\u00a0]+(?:[a-z][\w-]*[ \t\u00a0]+){1,3}\Z")
# "the two sides": a definite few already named
_THE_FEW = rx.compile(r"\b(?:[Tt]he|[Bb]oth|[Tt]hese|[Tt]hose)\s+\Z")
# after an actor, a named thing it owns or leads: "Modi's Bharatiya Janata Party", "the BJP-led
# National Democratic Alliance"
_FEW_WORDS_GAP = rx.compile(r"(?:[\w-]+[ \t\u00a0]+){0,3}")
_OWNED = rx.compile(r"['’]s[ \t\u00a0]+|(?P<led>-(?:led|backed))[ \t\u00a0]+")
# an amount no one counted ("several", "dozens of", "tens of millions of"): told, never compared
_VAGUE_AMOUNT = rx.compile(r"(?:(?:more\s+than|at\s+least|some|about|over|nearly|almost|well\s+over)\s+)?"
                           r"(?:several|dozens|scores|hundreds|thousands|millions|billions|tens|a\s+few|a\s+couple)\b",
                           re.IGNORECASE)
_FEW_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def _toll_day(doc: Document, lo: int, hi: int, at: int) -> tuple[date, date] | None:
    """The past day or month a toll's sentence ties it to ("stormed southern Israel on Oct. 7,
    killing about 1,200 people"): the toll of that day, not of the document's; None for a
    cumulative toll ("since Oct. 7") or a sentence with no earlier date.  Of several times, the
    nearest the number ``at`` ("called the march for Tuesday but brought it forward after
    violence on Sunday, when at least 91 people were killed": Sunday's; "Officials, who imposed
    a curfew on Saturday, put the death toll at 147 on Monday": the document's Monday)."""
    if doc.published is None:
        return None
    from ledger.extract.timex import find_timexes

    for t in sorted(find_timexes(doc.text, doc.published, lo, hi),
                    key=lambda t: min(abs(t.start - at), abs(t.end - at))):
        if (t.valid_to is None and t.text[:6].lower() == "since " and t.end < at
                and _WHEN_CLAUSE.match(doc.text, t.end)):
            # "the worst since 1995, when two trains collided ..., killing more than 300
            # people": the toll of the time the clause after it tells of
            then = [(u.valid_from, u.valid_to) for u in find_timexes(doc.text, doc.published, t.start + 6, t.end)
                    if u.valid_from is not None and u.valid_to is not None]
            if len(then) == 1 and then[0][1] < doc.published:
                return then[0]
        if t.valid_to is None or t.valid_from is None:
            continue
        if doc.text.startswith(("'s", "’s"), t.end) or doc.text.startswith(("'s", "’s"), t.end - 2):
            continue  # "the victims of Friday's attack, as the death toll rose to 137": the attack's day
        if _AFTER_THE.search(doc.text, max(lo, t.start - 40), t.start):
            continue  # "killing six people, two weeks after the devastating Feb. 6 quake": another's day
        start, end = t.valid_from, t.valid_to
        if start > doc.published and not _YEAR_IN.search(t.text):
            # a day of no year after the document's, in a toll told as done: last year's
            start, end = _year_before(start), _year_before(end)
        if end >= doc.published:
            return None  # the document's day: today's toll
        if _SINCE.search(doc.text, max(lo, t.start - 12), t.start) or _SINCE_BEGAN.search(
                doc.text, max(lo, t.start - 50), t.start):
            return None  # "since Oct. 7", "since the fighting began on April 15": a toll to date
        return start, end
    return None


# a day of a noun a toll's sentence sets it after or before: "two weeks after the Feb. 6 quake"
_AFTER_THE = rx.compile(r"\b(?:after|before|following)[ \t\u00a0]+the[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}\Z")
# a weekday, a month or a year: a time a clause may name
_TIME_HINT = rx.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
                        r"|Nov|Dec)[a-z]*\.?|(?:19|20)\d\d)\b")


def _clause_end(text: str, pos: int, hi: int) -> int:
    found = _CLAUSE_BREAK.search(text, pos, hi)
    return found.start() if found is not None else hi


def _clause_time(doc: Document, lo: int, hi: int, sentence: tuple[int, int],
                 cache: dict[tuple[int, int], list[Any]]) -> tuple[date, date] | None:
    """The one day, month or year a clause ``[lo, hi)`` names, as a range; None when it names
    none (or a longer time: "this year" is the document's).  The times of the clause's
    sentence are found once, in ``cache``."""
    if doc.published is None or not _TIME_HINT.search(doc.text, lo, hi):
        return None
    if sentence not in cache:
        from ledger.extract.timex import find_timexes

        cache[sentence] = find_timexes(doc.text, doc.published, *sentence)
    found = [(t.valid_from, t.valid_to) for t in cache[sentence] if lo <= t.start and t.end <= hi
             and t.valid_from is not None and t.valid_to is not None and t.granularity in ("day", "month", "year")]
    return found[0] if len(found) == 1 else None


def _year_before(d: date) -> date:
    return d.replace(year=d.year - 1, day=min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day)


_YEAR_IN = rx.compile(r"\b\d{4}\b")
_WHEN_CLAUSE = rx.compile(r",?[ \t\u00a0]+when\b")
_SINCE = rx.compile(r"\b(?:since|from|as\s+of)\s+\Z", re.IGNORECASE)
_SINCE_BEGAN = rx.compile(r"\bsince\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:began|started|erupted|broke\s+out)"
                          r"(?:\s+(?:on|in))?\s+\Z", re.IGNORECASE)


def _owner_like(m: Mention, index: Any) -> bool:
    """Whether a mention can own a number in its clause: not a city ("Beijing has declined
    more than a dozen requests" is China's count), nor an event ("Georgian Dream won Saturday's
    parliamentary election with 53.93%": the winner's), a country or anything else is."""
    if m.kind == "event":
        return False
    if m.kind != "place":
        return True
    return index is not None and m.entity is not None and m.entity in index.countries.values()


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the (start, end) ``spans``, sorted by start."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# where a number's clause starts within its sentence
# a comma of a date written "Month Day, Year," ("agreed on Dec. 18, 2023, to pay $53 a share"):
# the two commas are the date's, no clause ends there
_MONTH_DAY = rx.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t\u00a0]+\d{1,2}"
                        r"(?:,[ \t\u00a0]+(?P<y>(?:19|20)\d\d))?\Z")
_VERB_AFTER_COMMA = rx.compile(r",[ \t\u00a0]+(?:has|have|had|is|are|was|were|will|would|said|says)\b")
_COMMA_YEAR = rx.compile(r",[ \t\u00a0]+(?:19|20)\d\d\b")


def _date_comma(text: str, lo: int, at: int) -> bool:
    """Whether the comma at ``at`` is one of a date's ("Dec. 18, 2023,")."""
    day = _MONTH_DAY.search(text, max(lo, at - 25), at)
    if day is None:
        return False
    if day.group("y") is None:
        return _COMMA_YEAR.match(text, at) is not None
    # (but a verb after the closing comma ends a clause: "The war Hamas started on Oct. 7,
    # 2023, has killed more than 46,000")
    return _VERB_AFTER_COMMA.match(text, at) is None


# (a spaced hyphen too: a wire's dateline, "NAIROBI, July 1 (Reuters) - Thirty-nine people ...")
# a clause that opens with a verb of saying
_REPORTED = rx.compile(r"(?:said|says|told|tells|added|announced|stated|reported|confirmed|noted|wrote)\b")
_CLAUSE_BREAK = rx.compile(r"[,;:(\u2014\u2013]\s*|\s-\s+|\b(?:while|whereas|but|ahead\s+of|against)\s+")
# a sentence's opening phrase of time or occasion, up to its comma ("In the 2019 election, ")
_OPENING_PHRASE = rx.compile(r"[ \t\u00a0]*(?:In|During|At|By|After|Before|Since|Until|Of)\b[^,;:.!?]{1,60},"
                             r"[ \t\u00a0]*")
# a clause about the name before it
_RELATIVE = rx.compile(r"(?:who|which)\s")
_PAREN_OPEN = rx.compile(r"\([ \t\u00a0]*\Z")
# the one a winner defeated, then the margin ("defeated Robert Jenrick, a former minister, by
# 53,806 votes to 41,388")
_DEFEATED = rx.compile(r"\b(?:defeat(?:ed|ing|s)?|beat(?:ing|s|en)?|edg(?:ed|ing) out|trounc(?:ed|ing)|"
                       r"outpoll(?:ed|ing)|outvot(?:ed|ing))[ \t\u00a0]+\Z")
_BY_AFTER = rx.compile(r"(?:,[^,.;]{1,80},)?[ \t\u00a0]+by[ \t\u00a0]+(?:about[ \t\u00a0]+|some[ \t\u00a0]+)?")
# a clause whose subject is a body named before by its kind: "when the party won 121 seats"
_THE_BODY = rx.compile(r"(?:(?:when|as|and|but|while|after)\s+)?the\s+(?:party|company|group|alliance|coalition|bloc"
                       r"|firm|airline|bank|carmaker|government|ministry|club|team)\s+"
                       r"(?!(?:said|says|told|added|announced|reported|estimated)\b|[a-z]+ing\b)[a-z]+")
# a clause of its own whose subject is a common noun and whose verb tells a change: "and turnout
# fell to 59.7%" (a number of the noun, not of the sentence's actor)
_NOUN_CHANGED = rx.compile(r"(?:and|but|while|whereas)\s+(?:the\s+)?[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?\s+"
                           r"(?:fell|rose|dropped|climbed|jumped|slipped|slumped|surged|grew|shrank|declined|"
                           r"increased|decreased|stood|reached|hit)\b")
# a clause that opens with its verb, no subject of its own ("took 14.58%"; not "the alliance has")
_VERB_FIRST = rx.compile(r"(?!(?:the|a|an|its|his|her|their|this|that|these|those|it|he|she|they|we|i"
                         r"|when|where|while|as|after|before|because|since|if|although|though|until|and|but)\b)"
                         r"[a-z]+\b")
_ABBREVIATION_BRACKET = rx.compile(r"\([ \t\u00a0]*[A-Z][A-Z0-9&.-]{0,7}[ \t\u00a0]*\)")
# a capitalized word within a clause, not a month or a weekday: a name the number may be about
_OTHER_NAME = rx.compile(r"(?<![\w.])(?!(?:" + "|".join(sorted(w.title() for w in CALENDAR_WORDS)) + r")\b)"
                         r"[A-Z][a-z]+\b")
# after a number, whose it is when not the actor's: "35.79 percent for the ruling coalition's candidate"
_FOR_ANOTHER = rx.compile(r"(?:\s+of\s+the\s+(?:vote|votes|ballots))?\s+for\s+(?:the\s+(?!\d|(?:fiscal|financial|"
                          r"year|quarter|month|week|period|first|second|third|fourth|last|past|next|current|full|whole)"
                          r"\b)|[A-Z](?!Y\d|Q\d)"
                          # ("37 percent for former first lady Sandra Torres": a description, then the name)
                          r"|(?:former|ex-|outgoing|opposition|rival)[ \t\u00a0-]+(?:[a-z-]+[ \t\u00a0]+){0,3}[A-Z])")
# before a margin: "a majority of 172 (seats)", "a lead of 12 points"
_MAJORITY_OF = rx.compile(r"\b(?:majority|margin|lead)\s+of\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?\Z",
                          re.IGNORECASE)
# places counted after a preposition: where something happened ("across six states")
_PLACE_UNITS = frozenset({"state", "country", "province", "region", "county", "municipality", "city", "town",
                          "district", "prefecture", "village", "continent", "territory"})
_ACROSS_BEFORE = rx.compile(r"\b(?:in|across|throughout|over|from|to|into)[ \t\u00a0]+"
                            r"(?:(?:at least|more than|about|some|nearly|almost|over)[ \t\u00a0]+)?\Z")
# before a whole: "248 seats out of 460"
_WHOLE_BEFORE = rx.compile(r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?\Z")
# a second plural noun joined to a count's noun: "300 drones and missiles"
_AND_MORE = rx.compile(r"[ \t\u00a0]+and[ \t\u00a0]+([a-z]{3,}s)\b(?![ \t\u00a0]+(?:of|were|was|have|had|are|is)\b)")
# a distance that names a race: after "the", "at", "in" ("the 4 x 100 m"), or before a race's word
_LENGTHS = frozenset({"m", "meter", "meters", "metre", "metres", "km", "kilometer", "kilometers", "kilometre",
                      "kilometres", "mile", "miles", "mi", "yard", "yards"})
# a distance that tells where ("about 72 kilometers (44 miles) southwest of Marrakesh", "30
# miles from the capital"): no count of a fact
_WHERE_AFTER = rx.compile(r"\)?(?:[ \t\u00a0]*\([^()\n]{1,30}\))?[ \t\u00a0]+(?:(?:north|south|east|west|northeast"
                          r"|northwest|southeast|southwest)(?:ward)?(?:[ \t\u00a0]+of)?|from|away|outside|off"
                          r"|inland|offshore|west-southwest|east-northeast)\b", re.IGNORECASE)
_RACE_BEFORE = rx.compile(r"\b(?:the|at|in|over|and)\s+(?:\d+\s*[x×]\s*)?\Z", re.IGNORECASE)
_RACE_AFTER = rx.compile(r"\s+(?:freestyle|backstroke|breaststroke|butterfly|medley|individual|hurdles|relay"
                         r"|final|race|dash|sprint|steeplechase|heats?|semi-?finals?|titles?|world record)\b",
                         re.IGNORECASE)
# between a part and its whole: "248 of the 460 seats", "191 of the chamber's 465 seats"
_PART_OF = rx.compile(r"\s+of\s+(?:a\s+total\s+of\s+|(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?)")


# an actor joined to another before the number: the number is the two's ("Ishiba's Liberal
# Democratic Party and its junior partner Komeito won 215 seats", "China and Japan sent 20
# ships"), or the actor a companion of the number's subject ("Together with its partner
# Komeito, the bloc has 215 seats")
_AND_ANOTHER = rx.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?:(?:its|their|his|her|the)[ \t\u00a0]+)?"
                          r"(?:(?:[\w-]+[ \t\u00a0]+){0,3}?[A-Z]|(?:[\w-]+[ \t\u00a0]+){0,3}?(?:parties|groups"
                          r"|factions|independents)\b)")  # (not "its allies": the party's, as named)
_AND_PARTNER = rx.compile(r"\band[ \t\u00a0]+(?:its|their|his|her)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,2}"
                          r"(?:partners?|ally),?[ \t\u00a0]+[A-Z]")  # (a partner named: "its allies" are the party's)
_AND_NUMBER = rx.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?:the[ \t\u00a0]+|its[ \t\u00a0]+|their[ \t\u00a0]+)?")
_TOGETHER_WITH = rx.compile(r"\b(?:[Tt]ogether|[Aa]long|[Ii]n alliance|[Ii]n coalition)[ \t\u00a0]+with[ \t\u00a0]+"
                            r"(?:[\w'’-]+[ \t\u00a0]+){0,4}\Z")


# a part no one counted of a whole: "Most of the 300 people on board"
_SOME_OF = rx.compile(r"\b(?:[Mm]ost|[Ss]ome|[Mm]any|[Ss]everal|[Ff]ew|[Hh]alf|[Nn]one)[ \t\u00a0]+of[ \t\u00a0]+"
                      r"(?:the|its|their|his|her)[ \t\u00a0]+\Z")
# a person's party or coalition after the name: " of the Taxawu Senegal coalition"
_OF_PARTY = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z][\w'’-]*(?:[ \t\u00a0]+[\w'’()-]+){0,6}?"
                       r"[ \t\u00a0]*")
# a share told after a name and "with": "ahead of Saïd Jalili, with 38.6%"
_WITH_AFTER_NAME = rx.compile(r",[ \t\u00a0]+with[ \t\u00a0]+(?:about[ \t\u00a0]+|nearly[ \t\u00a0]+|just[ \t\u00a0]+"
                              r"|some[ \t\u00a0]+|around[ \t\u00a0]+)?\Z")
# a number told again in another unit: "1,605,086 votes, or 35.79%"
_OR_RESTATED = rx.compile(r",?[ \t\u00a0]+or[ \t\u00a0]+(?:about[ \t\u00a0]+|nearly[ \t\u00a0]+|some[ \t\u00a0]+)?")
_BASED = rx.compile(r"(?:,[ \t\u00a0]+[A-Z][\w.]*(?:[ \t\u00a0]+[A-Z][\w.]*)?)?-based\b")


def count_claims(doc: Document, mentions: list[Mention], index: Any,
                 quoted: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """``count`` claims: a number and what it counts, about the first actor named in its
    sentence ("Mr. Ly ... the purchase of 10 Su-35 fighters" -> li-shangfu, su-35, 10); none
    from inside the ``quoted`` spans (quotations)."""
    from ledger.extract.quantities import MONEY_UNITS, Quantity, find_quantities

    out: list[Claim] = []
    sentences: Sentences | None = None
    times: dict[tuple[int, int], list[Any]] = {}  # a sentence's times, for the clauses of its numbers
    kinds = ("person", "org", "place", "event")
    text = doc.text
    # KB entities, and people the KB does not know whom the text shows to be people
    # (and events it does not know: "the Mediterranean Nations Cup final")
    # (not a name inside a quotation: "“... one Bongo replacing another,” said Albert Ondo Ossa,
    # ... who finished second with 30.77%" is not Bongo's number)
    actors = sorted((m.span.start, k) for k, m in enumerate(mentions)
                    if m.kind in kinds and not _aside(text, m)
                    and not any(a <= m.span.start < b for a, b in quoted)
                    # (where a company is based is no actor: "the Santa Clara, California-based company")
                    and not (m.kind == "place" and _BASED.match(text, m.span.end))
                    and (m.entity or knows_person(m) or (m.kind == "event" and m.method == "unknown-name")))
    # places where something happens ("in New York"): no actor of a sentence whose subject is
    # a pronoun ("He was convicted in New York on 34 counts" is not New York's number)
    located = {k for _, k in actors if mentions[k].kind == "place"
               and _LOCATIVE.search(text, max(0, mentions[k].span.start - 8), mentions[k].span.start)}
    actor_starts = [a for a, _ in actors]
    spans = sorted((m.span.start, m.span.end) for m in mentions)
    event_spans = [(m.span.start, m.span.end) for m in mentions if m.kind == "event"]
    last_toll: tuple[str | None, str | None, str] | None = None  # the subject of the last toll
    last_kind: tuple[int, str] | None = None  # where the last number that was a toll ended, and its kind

    def lo_of(pos: int) -> int:
        nonlocal sentences
        sentences = sentences or sentences_of(doc)
        return sentences.bounds(pos)[0]
    for sec in doc.body_spans():
        prev: Quantity | None = None
        for q in find_quantities(doc.text, sec.start, sec.end):
            before, prev = prev, q
            unit = _unit_key(q.unit)
            # "573 deaths so far this year": the year's toll, another fact than the event's
            to_date = _YEAR_TO_DATE.match(text, q.end) is not None
            if unit in _DEATH_NOUNS and not to_date and _CUMULATIVE.match(text, q.end):
                continue  # "since the outbreak": a toll of a longer time than the event's
            # "537 deaths" is the toll "537 dead"
            toll = _DEATH_NOUNS.get(unit) or _toll(text, q, unit, to_date)
            if (toll is None and last_kind is not None and (not unit or _people(unit))
                    and last_kind[0] > lo_of(q.start) and _AND_ANOTHER_TOLL.fullmatch(text, last_kind[0], q.start)):
                toll = last_kind[1]  # "killing 5,434 people in Turkey and 1,832 in Syria": the same toll
            last_kind = (q.end, toll) if toll is not None else None
            if toll is not None and _REVISED.search(text, max(0, q.start - 160), q.start):
                continue  # "The UN has sharply revised down its death toll ..., saying 3,958": a correction
            if toll is not None and (_OTHERS_AFTER.match(text, q.end) or (
                    _OTHERS_IN.search(q.text) and not _TOLL_BEFORE.search(text, max(0, q.start - 30), q.start))):
                # "Raisi, the minister and six other people were killed": a part of the toll (not
                # one a verb tells whole: "killed one man and critically wounded two other men")
                continue
            if toll is not None and _SOME_OF.search(text, max(0, q.start - 20), q.start):
                continue  # "Most of the 300 people on board were killed": a part no one counted
            if toll is not None and to_date:
                toll += " this year"
            # "sentenced Dominique Pelicot to 20 years": a prison term, the sentenced person's
            sentenced = ((_SENTENCED.search(text, max(0, q.start - 90), q.start)
                          or _CONDAMNE.search(text, max(0, q.start - 90), q.start))
                         if unit in ("year", "an") and not _MODIFIER.fullmatch(q.text) else None)
            if toll is not None:
                unit = toll  # "at least 820 people have died": a death toll, "dead"
            elif sentenced is not None:
                unit = "prison year"
            elif _MAJORITY_OF.search(text, max(0, q.start - 30), q.start):
                unit = "majority"  # "a majority of 172 (seats)": the margin, not the seats won
            elif unit in ("day", "week", "month") and not _MODIFIER.fullmatch(q.text) \
                    and _IN_OFFICE_AFTER.match(text, q.end):
                unit = f"{unit} in office"  # "resigned after 45 days in office": a tenure, the holder's
            elif unit in _GENERIC_UNITS or _MODIFIER.fullmatch(q.text):
                continue  # "the 460-seat lower house", "a 10-member team": a kind of thing, not a count
            elif unit and (more := _AND_MORE.match(text, q.end)) is not None:
                # "more than 300 drones and missiles": a count of the two, not of drones
                noun = more.group(1).lower()
                noun = noun[:-2] if noun.endswith(("sses", "xes", "ches", "shes")) else noun[:-1]
                unit = f"{unit} and {noun}"
            if _WHOLE_BEFORE.search(text, max(0, q.start - 30), q.start):
                continue  # "248 seats out of 460": the whole, another fact's number
            if toll is None and (_COMBINED_BEFORE.search(text, max(0, q.start - 12), q.start)
                                 or _COMBINED_AFTER.match(text, q.end)):
                continue  # "the two dams held a combined 24 million cubic metres": several things' sum
            if q.unit.lower() in _LENGTHS and _WHERE_AFTER.match(text, q.end):
                continue  # "72 kilometers (44 miles) southwest of Marrakesh": where, no count
            if q.unit.lower() in _LENGTHS and (_RACE_BEFORE.search(text, max(0, q.start - 12), q.start)
                                               or _RACE_AFTER.match(text, q.end)):
                continue  # "the 200 m individual medley", "at 100 m and 200 m": a race, no length counted
            if unit in _PLACE_UNITS and _ACROSS_BEFORE.search(text, max(0, q.start - 20), q.start):
                continue  # "killing 44 people in four states": where, not a fact's number
            if q.unit in MONEY_UNITS and text[max(0, q.start - 1) : q.start] == "(":
                continue  # "two million rand (about 110,000 dollars)", "400m rand ($22m)": an amount converted
            if ((_HOPED.search(text, max(0, q.start - 90), q.start) and not _CUTS.search(text, max(0, q.start - 30),
                                                                                         q.start))
                    or _HOPED_AFTER.match(text, q.end) or q.noun in _HOPED_NOUNS or _NEEDED_AFTER.match(text, q.end)):
                continue  # "a target of $10 billion", "the 3% target": no fact yet (a plan to cut jobs is one)
            if any(a <= q.start < b for a, b in quoted):
                continue  # a number in a quotation is the speaker's to tell: the quote is the claim
            if any(a <= q.start < b for a, b in event_spans):
                continue  # a number inside an event's name: "The 6.8 magnitude quake flattened villages"
            if before is not None and not before.unit and _PART_OF.fullmatch(text, before.end, q.start):
                # "248 of the 460 seats": the actor's count is the part, the whole is another fact's
                q = replace(before, end=q.end, text=text[before.start : q.end], unit=q.unit, noun=q.noun)
            sentences = sentences or sentences_of(doc)
            lo, hi = sentences.bounds(q.start)
            k = bisect_left(actor_starts, lo)  # the first actor named in the sentence
            # the number's own clause ("..., while Chipotle shares fell 7.5%"): an actor named
            # in it before the number is what it is about; a name there the KB does not know
            # leaves it unknown; "who took 35.79 percent" is about the name before "who"
            # (not the bracket of an abbreviation: "uMkhonto weSizwe (MK) Party")
            breaks = [m for m in _CLAUSE_BREAK.finditer(text, lo, q.start) if not _date_comma(text, lo, m.start())
                      and not (text[m.start()] == "(" and _ABBREVIATION_BRACKET.match(text, m.start()))]
            clause = own_clause = max((m.end() for m in breaks), default=lo)
            aside = (0, 0)  # a relative clause the number's clause skips
            near = bisect_left(actor_starts, q.start) - 1
            # a relative clause closed right before the number's ("Jacob Zuma's MK Party, which was
            # registered only in September, took 14.58%"): the clause is the one it interrupts
            if (len(breaks) >= 2 and _RELATIVE.match(text, breaks[-2].end())
                    and not any(clause <= a < q.start for a in actor_starts)
                    and _VERB_FIRST.match(text, clause)):  # (its clause has no subject of its own)
                if any(not _within(spans, m.start()) for m in _OTHER_NAME.finditer(text, clause, q.start)):
                    continue  # a name the KB does not know in the number's own clause: whose, unknown
                aside = (breaks[-2].start(), clause)  # ("which was founded by Bidzina Ivanishvili")
                clause = max((m.end() for m in breaks[:-2]), default=lo)
            if clause > lo and not any(clause <= a < q.start for a in actor_starts) \
                    and _NOUN_CHANGED.match(text, clause):
                continue  # "Labour won 33.7%, and turnout fell to 59.7%": the turnout's, not Labour's
            if clause > lo:
                # the nearest actor of the clause that can own a number ("Georgian Dream party
                # won Saturday's parliamentary election with 53.93%": the party, not the election)
                owner = next((j for j in range(near, k - 1, -1) if actors[j][0] >= clause
                              and not aside[0] <= actors[j][0] < aside[1]
                              and _owner_like(mentions[actors[j][1]], index)), None)
                orgs = [j for j in range(near, k - 1, -1) if mentions[actors[j][1]].kind == "org"]
                # (or the name an appositive closes right before the clause: "and the incumbent,
                # Ranil Wickremesinghe, trailed in third with 17.27%")
                # (the name alone between the commas, its clause no report: not "Spain's foreign
                # minister, Margarita Robles, said 56 soldiers ...")
                appos = None
                if (owner is None and len(breaks) >= 2 and text[breaks[-1].start()] == ","
                        and text[breaks[-2].start()] == "," and not _REPORTED.match(text, clause)):
                    appos = next((j for j in range(near, k - 1, -1)
                                  if mentions[actors[j][1]].span.end == breaks[-1].start()
                                  and mentions[actors[j][1]].kind == "person"
                                  and actors[j][0] == breaks[-2].end()), None)
                if owner is not None:
                    k = owner
                elif appos is not None:
                    k = appos
                elif toll is None and _THE_BODY.match(text, clause):
                    # "..., when the party won just 121 of 650 seats": the party named before
                    if not orgs:
                        continue
                    k = orgs[0]
                elif (rel := _RELATIVE.match(text, clause)) and near >= k and rel.group().startswith("which") \
                        and len(text[mentions[actors[near][1]].span.end : breaks[-1].start()].split()) > 3:
                    continue  # "the collapse in the Conservative vote, which fell to 23.7%": the vote's
                elif (rel := _RELATIVE.match(text, clause)) and near >= k:
                    # "Hou Yu-ih of the Kuomintang, who took 33.5%": who is a person, not the party
                    people = [j for j in range(near, k - 1, -1) if mentions[actors[j][1]].kind == "person"]
                    # ("Reform UK, led by Nigel Farage, which won 4 million votes": which is no person)
                    things = [j for j in range(near, k - 1, -1) if mentions[actors[j][1]].kind != "person"]
                    # ("The RN and its allies, who had topped the first round with 33%": who is no event)
                    groups = [j for j in range(near, k - 1, -1) if mentions[actors[j][1]].kind == "org"]
                    k = (people[0] if people else groups[0] if groups else near) if rel.group().startswith("who") \
                        else (things[0] if things else near)
                elif any(not _within(spans, m.start()) for m in _OTHER_NAME.finditer(text, clause, q.start)):
                    continue
            if _VAGUE_AMOUNT.match(q.text):
                continue  # "several PPP lawmakers", "dozens of states": no one counted them
            if _GIVEN_TO.search(text, max(lo, q.start - 60), q.start):
                continue  # "giving the coalition 215 seats": a thing the KB does not know, its number
            if (toll is None and _THE_FEW.search(text, max(0, q.start - 5), q.start)
                    and q.text.split()[0].lower() in _FEW_WORDS):
                continue  # "the two defense ministers", "the two companies": who they are, not how many
            if _FOR_ANOTHER.match(text, q.end):
                continue  # "35.79 percent for the ruling coalition's candidate": another's number
            if k < len(actors) and actors[k][1] in located and _PRONOUN_OPENS.match(text, lo):
                continue
            if clause > lo and _PRONOUN_SUBJECT.match(text, clause) and (
                    k >= len(actors) or actors[k][0] < clause):
                continue  # "... met the general, he won the second round with 96 votes": his, not theirs
            actor = mentions[actors[k][1]] if k < len(actors) and actors[k][0] < hi else None
            if (with_ := _WITH_AFTER_NAME.search(text, max(lo, q.start - 24), q.start)) is not None:
                # "ahead of the ultraconservative Saïd Jalili, with 38.6%": the share of the name before
                j = next((j for j in range(bisect_left(actor_starts, with_.start()) - 1, -1, -1)
                          if mentions[actors[j][1]].span.end == with_.start()), None)
                if j is not None and actors[j][0] >= lo and mentions[actors[j][1]].kind == "person":
                    k, actor = j, mentions[actors[j][1]]
            if (paren := _PAREN_OPEN.search(text, max(lo, q.start - 4), q.start)) is not None:
                # "ahead of former prime minister Amadou Ba (35.79%)": the share of the name before
                j = next((j for j in range(bisect_left(actor_starts, paren.start()) - 1, -1, -1)
                          if mentions[actors[j][1]].span.end <= paren.start()),
                         None)
                if (j is not None and actors[j][0] >= lo
                        and not text[mentions[actors[j][1]].span.end : paren.start()].strip()):
                    k, actor = j, mentions[actors[j][1]]
                elif j is not None:
                    # "ahead of Khalifa Ababacar Sall of the Taxawu Senegal coalition (1.56%)": the
                    # person whose party the words between name
                    p = next((p for p in range(j, -1, -1) if actors[p][0] >= lo
                              and mentions[actors[p][1]].kind == "person"), None)
                    if p is not None and _OF_PARTY.fullmatch(text, mentions[actors[p][1]].span.end, paren.start()):
                        k, actor = p, mentions[actors[p][1]]
            if sentenced is not None and sentenced.group("who") and not _WHEN_ONLY.fullmatch(sentenced.group("who")):
                who = [mentions[i] for a, i in actors if sentenced.start("who") <= a < sentenced.end("who")
                       and mentions[i].kind == "person"]
                actor = who[0] if who else None
                if actor is None:
                    continue  # sentenced someone the text does not name: whose term, unknown
            # "Mr Modi's Bharatiya Janata Party won 240 seats", "the BJP-led alliance won 293
            # seats": what the actor owns or leads is what the number is about, when named
            if actor is not None and actor.span.end <= q.start and (
                    own := _OWNED.match(text, actor.span.end, q.start)) is not None:
                nxt = k + 1 if k + 1 < len(actors) and actors[k + 1][0] < q.start and _FEW_WORDS_GAP.fullmatch(
                    text, own.end(), actors[k + 1][0]) else None  # ("Modi's Hindu nationalist BJP")
                if nxt is not None:
                    k, actor = nxt, mentions[actors[nxt][1]]
                elif own.group("led") or text[own.end() : own.end() + 1].isupper():
                    continue  # a thing the KB does not know: whose number, unknown
                # (a common noun owned, "China's exports", is the actor's own number)
            # "defeating Robert Jenrick by 53,806 votes to 41,388": the winner's number, not the
            # one defeated (the sentence's subject, when it names one before)
            if (actor is not None and actor.span.end <= q.start and _BY_AFTER.fullmatch(text, actor.span.end, q.start)
                    and _DEFEATED.search(text, max(lo, actor.span.start - 30), actor.span.start)):
                first = bisect_left(actor_starts, lo)  # the sentence's first actor: its subject
                if first >= k:
                    continue
                k, actor = first, mentions[actors[first][1]]
            # "Othman Abduljalil said 5,000 people were missing": the speaker is not what the
            # number is about; an actor named in what they said may be
            while (actor is not None and actor.span.end <= q.start
                   and (said := _SPEAKS.match(text, actor.span.end, q.start))
                   and not _ITSELF.match(text, said.end(), q.start)):  # "Nissan said it would cut ..."
                k += 1
                actor = mentions[actors[k][1]] if k < len(actors) and actors[k][0] < q.start else None
            if actor is not None and actor.span.end <= q.start and (
                    (_AND_ANOTHER.match(text, actor.span.end, q.start) and clause <= actor.span.start)
                    or (_TOGETHER_WITH.search(text, max(lo, actor.span.start - 40), actor.span.start)
                        and clause > actor.span.end and not _RELATIVE.match(text, clause))):
                continue  # "the LDP and its junior partner Komeito won 215 seats": the two's number
            if (toll is None and actor is not None and actor.span.end <= q.start
                    and _AND_PARTNER.search(text, actor.span.end, q.start)):
                continue  # "The LDP, which Mr. Abe once led, and its coalition partner, Komeito, won 76": the two's
            if toll is None and actor is not None and _AND_NUMBER.fullmatch(text, actor.span.end, q.start):
                continue  # "the Democratic Party and five smaller parties": the others, not a count of its
            if actor is not None and actor.span.start > q.start and actor.kind != "event":
                # named after the number: "... came second with 25 seats, followed by Rutte's
                # VVD": not what it counts (an event is: "68,500 spectators attended the final")
                actor = None
            subject: tuple[str | None, str | None, str] | None = None
            if unit.endswith(" in office"):
                # a tenure is the person's named last before it ("Mr Johnson flew back ... after Liz
                # Truss announced that she was quitting after 45 days in office"), or the one an act
                # told by its verb befell ("Liz Truss resigned ... after 55 days in office")
                holder = _tenure_holder(mentions, lo, q.start, index)
                if holder is None:
                    continue
                actor = holder
            if toll is not None and _MANY_COUNTRIES.search(text, lo, hi):
                continue  # "in 13 African countries", "across Southeast Asia": no one country's toll
            if toll is not None and index is not None:
                # a toll is a place's: where the people died when the sentence says ("Six
                # people died in St. Lucie County": that county's toll, not the country's; "In
                # Lebanon, Israeli strikes have killed 3,800": Lebanon's, not the killers'),
                # else the country of the places the sentence names (not by a nationality, the
                # killers' most often), else of those the text names most
                here = [m for m in mentions if lo <= m.span.start < hi and m.method != "demonym"]
                where = [m for m in here if m.kind == "place" and _IN_BEFORE.search(
                    text, max(lo, m.span.start - 4), m.span.start)]
                # (of those, the nearest before the number: "deadliest in South Korea since
                # 1997, when a Korean Air plane crashed in Guam, killing 228": Guam's)
                where = [m for m in where if m.span.end <= q.start][-1:] or where[:1]
                at = _toll_place(text, q.end, hi, mentions, index)
                if at is None and (_COMBINED.search(text, lo, q.start) or _two_countries(text, here, index)):
                    continue  # "the combined death toll in Turkey and Syria rose above 7,000": no one country's
                # (a nationality is the killers' most often, but of the authority that counts, the
                # country's: "The Libyan Red Crescent said 13,000 people had died")
                counting = [m for m in mentions if lo <= m.span.start < q.start and m.method == "demonym"
                            and m.kind == "place" and _AUTHORITY_AFTER.match(text, m.span.end)]
                subject = (at
                           or _toll_country(text, where, index, whole=False)
                           or _toll_country(text, here, index, whole=False)
                           or _toll_country(text, counting, index, whole=False)
                           # a sentence that names no place ("The crash killed 38 people"): the
                           # place of the document's toll before, the country where it last said
                           # the disaster struck ("crashed near Aktobe in Kazakhstan"), else the
                           # country it names most
                           or last_toll
                           or _toll_country(text, _struck_at(text, mentions, lo), index, whole=False)
                           or _toll_country(text, mentions, index))
                last_toll = subject or last_toll
                if subject is None and actor is not None and actor.kind != "place":
                    subject = (actor.entity, name_key(actor), actor.surface)  # "the quake killed 12"
            elif actor is not None:
                subject = (actor.entity, name_key(actor), actor.surface)
            if (toll is None and before is not None and out and out[-1].span.end == before.end
                    and _OR_RESTATED.fullmatch(text, before.end, q.start)):
                # "Amadou Bâ, who received 1,605,086 votes, or 35.79%": the same count told
                # again, of the same one
                subject = (out[-1].subject, out[-1].subject_key, out[-1].subject_surface or "")
            if subject is None:
                continue
            value = int(q.value) if float(q.value).is_integer() else q.value
            # (a toll told in the present perfect is the day's: "floods that began on 29 April have
            # killed 157 people")
            when = (_toll_day(doc, lo, hi, q.start) if toll is not None
                    and not _SO_FAR.search(text, max(lo, q.start - 40), min(hi, q.end + 40)) else None)
            told: tuple[date, date] | None = None
            if toll is None and doc.published is not None:
                # the day or the year the number's clause names ("shares rose 2% on Monday",
                # "paid $20 billion in 2022"): the number of that time, not another's
                # (an opening phrase of time is the whole sentence's: "In the 2019 election, the
                # ANC won 57.5% of the votes")
                start = lo if own_clause > lo and _OPENING_PHRASE.fullmatch(text, lo, own_clause) else own_clause
                told = _clause_time(doc, start, _clause_end(text, q.end, hi), (lo, hi), times)
                when = told
            out.append(
                Claim(
                    span=Span.of(doc, q.start, q.end),
                    subject_key=subject[1],
                    subject=subject[0],
                    predicate="count",
                    object=None,
                    value=str(value),
                    valid_from=when[0] if when else doc.published,
                    valid_to=when[1] if when else doc.published,
                    qualifiers={
                        "unit": unit,
                        "noun": q.noun or q.unit,
                        "low": q.low,
                        "high": q.high,
                        "approx": q.approx,
                        **({"told_of": "time"} if told else {}),
                    },
                    section=sec.kind,
                    sentence=sentences.sentence(q.start),
                    excerpt=q.text,
                    subject_surface=subject[2],
                    object_surface=unit,
                )
            )
    return out


# a vote's tally: two numbers joined ("6-3"), with a word of a vote before ("ruled 6-3", "by a
# vote of 51-50") or after ("a 7-2 decision"); or "283 votes to 44"
_TALLY = rx.compile(r"(?<![\w.,-])(?P<a>\d{1,3})(?:[-–](?P<b>\d{1,3})(?![\w.,]?\d|[-–])"
                    r"|[ \t\u00a0]+votes?[ \t\u00a0]+to[ \t\u00a0]+(?P<c>\d{1,3})\b"
                    # "The motion passed 214 to 85" (after a word of a vote only)
                    r"|[ \t\u00a0]+to[ \t\u00a0]+(?P<d>\d{1,3})(?![\w.,]?\d|[ \t\u00a0]+(?:percent|per|%)))")
_TALLY_AFTER = rx.compile(r"[ \t\u00a0]+(?:vote|decision|ruling|majority|verdict|split)\b")
_TALLY_BEFORE = rx.compile(r"\b(?:ruled|voted|decided|sided|passed|approved|confirmed|rejected|upheld"
                           r"|struck[ \t\u00a0]+down|vote[ \t\u00a0]+of)[ \t\u00a0]+(?:[a-z]+[ \t\u00a0]+){0,3}?\Z")


def tally_claims(doc: Document, mentions: list[Mention], quoted: Sequence[tuple[int, int]] = (),
                 index: Any = None) -> list[Claim]:
    """``count`` claims of a vote's tally ("The Supreme Court ruled 6-3", "re-elected Ramaphosa
    by 283 votes to 44", "208 lawmakers voted in favor of impeachment and 85 against"): the unit
    "vote tally", the value "6-3", about the one vote the KB holds on the day its sentence
    names (or in the week to the document's date, when it names none), else the first person,
    organization or event the KB knows named in its sentence before it."""
    out: list[Claim] = []
    text = doc.text
    sentences: Sentences | None = None
    actors = sorted((m.span.start, k) for k, m in enumerate(mentions)
                    if m.kind in ("person", "org", "event") and m.entity and not _aside(text, m))
    starts = [a for a, _ in actors]
    times: dict[tuple[int, int], list[Any]] = {}
    for sec in doc.body_spans():
        found = [(t, False) for t in _TALLY.finditer(text, sec.start, sec.end)]
        found += [(t, True) for t in _TALLY_FOR.finditer(text, sec.start, sec.end)]
        for t, told_for in sorted(found, key=lambda f: f[0].start()):
            if not told_for and t.group("b") is not None and not (
                    _TALLY_AFTER.match(text, t.end()) or _TALLY_BEFORE.search(text, max(0, t.start() - 40), t.start())):
                continue  # two numbers joined, no vote: a score, a range, a model
            if not told_for and t.group("d") is not None and not _TALLY_BEFORE.search(
                    text, max(0, t.start() - 40), t.start()):
                continue  # "from 5 to 7", "aged 18 to 25": no vote
            a, b = int(t.group("a")), int(t.group("b") or t.group("c") or t.group("d"))
            if (a < b and not told_for) or any(lo <= t.start() < hi for lo, hi in quoted):
                continue  # "3-6": a score, not a vote; a tally in a quotation is the speaker's
            sentences = sentences or sentences_of(doc)
            lo, hi = sentences.bounds(t.start())
            vote = _vote_then(doc, index, _clause_time(doc, lo, hi, (lo, hi), times))
            of_vote = vote is not None
            if vote is not None:
                subject, key, surface = vote.id, vote.id, vote.name
            else:
                k = bisect_left(starts, lo)
                # named before it; or after, when the tally opens the sentence ("In a 7-2
                # decision, the Supreme Court ruled ...")
                opening = "," not in text[lo : t.start()] and text.find(",", t.end(), hi) >= 0
                if k >= len(actors) or actors[k][0] >= hi or (actors[k][0] >= t.start() and not opening):
                    continue  # no one the KB knows voted or was voted on
                actor = mentions[actors[k][1]]
                subject, key, surface = actor.entity, name_key(actor), actor.surface
            start = t.start()
            value = a + b / 1000
            out.append(Claim(
                span=Span.of(doc, start, t.end()), subject=subject, subject_key=key,
                predicate="count", object=None, value=f"{a}-{b}",
                valid_from=doc.published, valid_to=doc.published,
                qualifiers={"unit": "vote tally", "noun": "vote", "low": value, "high": value, "approx": None,
                            "tally": [a, b], **({"of_vote": True} if of_vote else {})},
                section=sec.kind, sentence=sentences.sentence(t.start()), excerpt=text[start : t.end()],
                subject_surface=surface, object_surface="vote tally",
            ))
    return out


def _vote_then(doc: Document, index: Any, told: tuple[date, date] | None) -> Any:
    """The one vote (an event whose name says it is one) the KB holds on the day a sentence
    names, or, when it names none, the latest in the week up to the document's date."""
    if index is None or doc.published is None:
        return None
    memo = index.memo("votes")
    votes = memo.get("list")
    if votes is None:
        votes = memo["list"] = [e for e in index.entities.values() if e.kind == "event" and e.start is not None
                                and _VOTE_NAME.search(" ".join([e.name, *e.aliases]))]
    if not votes:
        return None
    lo, hi = told if told is not None and (told[1] - told[0]).days <= 1 else (
        doc.published - timedelta(days=7), doc.published)
    if told is not None and (told[1] - told[0]).days > 1:
        return None  # a month or a year: which vote, unknown
    on = [e for e in votes if e.start <= hi and (e.end or e.start) >= lo]
    if told is None and on:
        # (of the week's votes, the latest: a vote told of with no day is the news's)
        last = max(e.start for e in on)
        on = [e for e in on if e.start == last]
    return on[0] if len(on) == 1 else None


# the words of an event that is a vote ("impeachment vote", "confirmation vote", "runoff")
_VOTE_NAME = rx.compile(r"\b(?:votes?|ballot|referendum|runoff|run-off|elections?|plebiscite|confidence motion"
                        r"|no-confidence)\b", re.IGNORECASE)
# a tally told as the votes for and against: "204 votes in favor and 85 against", "208
# lawmakers voted in favor of impeachment and 85 against"
_TALLY_FOR = rx.compile(
    r"(?<![\w.,-])(?P<a>\d{1,3})[ \t\u00a0]+(?:[a-z]+[ \t\u00a0]+){0,2}?(?:votes?[ \t\u00a0]+|voted[ \t\u00a0]+)?"
    r"in[ \t\u00a0]+favou?r\b[^.;\d]{0,60}?[ \t\u00a0,]+(?:and|with|to|versus|vs\.?)[ \t\u00a0]+"
    r"(?P<b>\d{1,3})[ \t\u00a0]+(?:(?:votes?|lawmakers|members|MPs|senators|deputies)[ \t\u00a0]+)?"
    r"(?:voted[ \t\u00a0]+)?(?:against|opposed)\b")


_QUALIFIES = rx.compile(r"[ \t\u00a0]+[A-Z]")


# a dateline opening a paragraph: the city in capitals, maybe a country and a date, maybe the
# agency, then a dash
_DATELINE = rx.compile(r"[ \t]*[A-Z][A-Z.'’ -]{2,40}(?:,[^\n(—–]{1,60}?)?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:-|—|–)")


def _aside(text: str, m: Mention) -> bool:
    """A mention that is no actor of its sentence: in parentheses ("ISTANBUL (Reuters) -",
    "the Pentagon (DoD)"), a place in a dateline, or a place that qualifies the capitalized name or title after it
    ("the U.S. Geological Survey", "U.S. President Joe Biden")."""
    a, b = m.span.start, m.span.end
    if text[a - 1 : a] == "(" and text[b : b + 1] == ")":
        return True
    if m.kind == "place" and (d := _DATELINE.match(text, text.rfind("\n", 0, a) + 1)) is not None and b <= d.end():
        return True  # "WASHINGTON, June 12 (Reuters) -", "BORGO EGNAZIA, Italy, June 13 (Reuters) -"
    return m.kind == "place" and _QUALIFIES.match(text, b) is not None


# people counted: a casualty toll when a verb of death, injury or loss goes with them
_PEOPLE = frozenset({"people", "person", "persons", "civilian", "civilians", "resident", "residents",
                     "passenger", "passengers", "man", "men", "woman", "women", "spectator", "spectators",
                     "bystander", "bystanders"})
# people of a group a toll may count ("killing six construction workers", "three children"):
# compared only with tolls of the same group (``value_conflict``)
TOLL_GROUPS = frozenset({"worker", "workers", "miner", "miners", "child", "children", "student", "students",
                         "crew", "crew member", "crew members", "firefighter", "firefighters", "journalist",
                         "journalists", "tourist", "tourists", "pilgrim", "pilgrims", "migrant", "migrants",
                         "villager", "villagers", "worshipper", "worshippers", "patient", "patients"})


def _people(unit: str) -> bool:
    """Whether a count's unit is of people: "people", "civilians", or a group ("construction workers")."""
    return unit in _PEOPLE or (unit.split() or [""])[-1] in TOLL_GROUPS or unit in TOLL_GROUPS


_TOLL_AFTER = rx.compile(
    # ("379 passengers and crew", the people aboard)
    r"(?:[ \t\u00a0]+(?:and|&)[ \t\u00a0]+crew(?:[ \t\u00a0]+members)?)?"
    # ("nine people aboard were killed", "the nine people on board who were killed", "all 379
    # people aboard the JAL jet escaped")
    r"(?:[ \t\u00a0]+(?:on[ \t\u00a0]+board|aboard|onboard|inside)"
    r"(?:[ \t\u00a0]+(?:the|a|an)(?:[ \t\u00a0]+[\w-]+){1,4}?)?(?:[ \t\u00a0]+who)?)?"
    # ("76,000 residents of the region had been evacuated")
    r"(?:[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:[\w-]+[ \t\u00a0]+){0,2}?[\w-]+"
    r"(?=[ \t\u00a0]+(?:had|have|has|were|was)\b))?"
    # ("61 people, including 13 police officers, were killed": the part told between)
    r"(?:,[ \t\u00a0]+(?:including|among[ \t\u00a0]+them|most[ \t\u00a0]+of[ \t\u00a0]+them|mostly)\b[^,;.()\n]{1,60},"
    r"|[ \t\u00a0]*\((?:including|among)\b[^()\n]{1,60}\))?"
    r"[ \t\u00a0]+(?:(?:have|had|has|were|was|are|is|had|remain|remained|remains)[ \t\u00a0]+)?"
    r"(?:(?:been|now|also|reportedly|confirmed|so far|still|safely|critically|seriously|severely|badly|gravely"
    r"|fatally|slightly|lightly)[ \t\u00a0]+)*"
    # ("six workers presumed dead", "are feared dead", "believed to be dead")
    r"(?:(?:presumed|feared|believed|thought)[ \t\u00a0]+(?:to[ \t\u00a0]+be[ \t\u00a0]+)?(?=dead\b))?"
    r"(killed|died|dead|injured|wounded|hurt|missing|evacuated|escaped)\b")
# ("killing all eight people aboard")
_TOLL_BEFORE = rx.compile(r"\b(killed|killing|kills|left|leaving|injured|injuring|wounded|wounding)[ \t\u00a0]+"
                          r"(?:all[ \t\u00a0]+)?\Z")
_LEFT_HOW = rx.compile(r"[ \t\u00a0]+(dead|injured|wounded|missing)\b")
_LEFT_BARE = rx.compile(r"\b(?:left|leaving)[ \t\u00a0]+"
                        r"(?:more[ \t\u00a0]+than[ \t\u00a0]+|at[ \t\u00a0]+least[ \t\u00a0]+)?\Z")
# a toll told as such: "the death toll rose to 52", "the toll has climbed to 52", "bringing the
# death toll to 52" (the number with no noun)
# ("the death toll from Typhoon Yagi in Vietnam rose to at least 179": what the toll is of between)
# (the words between may be possessives: "the death toll from Friday's earthquake rose to 2,497")
_TOLL_TOLD = rx.compile(r"\b(?:death[ \t\u00a0]+)?toll[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,10}?"
                        r"(?:rose|risen|rises|climbed|climbs|reached|reaches|jumped|stood|stands|increased|"
                        r"is|was|to|at)(?:[ \t\u00a0]+(?:to|at))?[ \t\u00a0]+"
                        # (words of a bound, "at least"; no number before and another after it:
                        # "rose to 137 and four men accused ... were brought before a court")
                        r"(?:(?!and\b)[^\W\d]\w*[ \t\u00a0]+){0,2}?\Z", re.I)
# a toll or a count told as it stands now, in the present perfect
_SO_FAR = rx.compile(r"\b(?:have|has)[ \t\u00a0]+(?:now[ \t\u00a0]+|so[ \t\u00a0]+far[ \t\u00a0]+)?"
                     r"(?:killed|died|been[ \t\u00a0]+killed|reached|risen|climbed|left)\b", re.I)
# a number no one counted: "several people were killed" is no toll
_VAGUE = rx.compile(r"(?:a\s+)?(?:several|few|many|dozens|scores|hundreds|thousands|some|a\s+number)\b(?!\s+\d)", re.I)
# bodies found: the dead ("rescuers recovered 40 bodies")
_BODIES = frozenset({"body", "bodies"})
# a toll of a longer time than the event's ("have killed more than 100 people across Kenya this
# year"): another fact
_CUMULATIVE = rx.compile(r"[^.;]{0,60}?\b(?:this|last)[ \t\u00a0]+(?:year|season|month)\b|[^.;]{0,60}?\bso far this\b"
                         r"|[^.;]{0,40}?\bsince[ \t\u00a0]+(?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December|the start|the beginning|the outbreak|then|"
                         r"19\d\d|20\d\d)\b")
# a toll of several countries or a region: "in 13 African countries", "across Southeast Asia"
_MANY_COUNTRIES = rx.compile(
    r"\b(?:in|across|from)[ \t\u00a0]+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)"
    r"[ \t\u00a0]+(?:[A-Z][\w-]*[ \t\u00a0]+)?countries\b|\b(?:worldwide|globally)\b"
    r"|\b(?:in|across)[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:Africa|Asia|Europe|Latin[ \t\u00a0]+America"
    r"|the[ \t\u00a0]+Americas"
    r"|South[ \t\u00a0]+America|North[ \t\u00a0]+America|Middle[ \t\u00a0]+East|Southeast[ \t\u00a0]+Asia"
    r"|South[ \t\u00a0]+Asia|East[ \t\u00a0]+Africa|West[ \t\u00a0]+Africa|the[ \t\u00a0]+region)\b")
# a toll of the year so far ("573 deaths so far this year", "since January"): the year's
_YEAR_TO_DATE = rx.compile(r"[^.;]{0,60}?\b(?:so far )?this year\b|[^.;]{0,40}?\bsince (?:January|the start of the"
                           r" year|the beginning of the year)\b")
# nouns of a toll: the count of the dead, the injured ("537 deaths" is "537 dead")
_DEATH_NOUNS = {"death": "dead", "deaths": "dead", "fatality": "dead", "fatalities": "dead",
                "injury": "injured", "injuries": "injured"}
_TOLL_KIND = {"killed": "dead", "died": "dead", "dead": "dead", "killing": "dead", "kills": "dead",
              "injured": "injured", "wounded": "injured", "hurt": "injured", "injuring": "injured",
              "wounding": "injured", "missing": "missing",
              # people brought out alive: the evacuated and those who escaped are one count (not
              # those rescued, a count of rescuers' work that grows by the hour)
              "evacuated": "evacuated", "escaped": "evacuated"}


# after a toll, where the people died: "died in St. Lucie County", "killed 12 people across
# southern Valencia"
_DIED_IN = rx.compile(r"(?:\s+(?:have|has|had|were|was|been|are|is|reportedly|also|now|died|killed|dead|missing"
                      r"|injured|wounded|hurt|perished|drowned|confirmed))*"
                      r"\s+(?:in|across|throughout)\s+(?:the\s+)?(?:[a-z]+\s+)?(?=[A-Z])")
# a part of a country by the word that says so, known or not
_ADMIN_UNIT = rx.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:County|Province|District|Prefecture|Parish|Governorate"
                         r"|Oblast|Municipality|Region)\b")


_LOCATIVE = rx.compile(r"\b(?:in|at|near|across|inside|outside)[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z")
_PRONOUN_OPENS = rx.compile(r"[\"“‘(\s]*(?:He|She|They|It|We|I)\b")
# a clause whose subject is a pronoun (after a comma: "..., he won ...")
_PRONOUN_SUBJECT = rx.compile(r"[\"“‘(\s]*(?:he|she|they|He|She|They)[ \t\u00a0]+(?!said|says|told)[a-z]")
_THE_BEFORE = rx.compile(r"\b[Tt]he[ \t\u00a0]+\Z")
_IN_BEFORE = rx.compile(r"\b[Ii]n[ \t\u00a0]+\Z")


def _tenure_holder(mentions: list[Mention], lo: int, hi: int, index: Any) -> Mention | None:
    """The person named last in ``[lo, hi)``, or named in an act told by its verb there ("Liz
    Truss resigned"): a mention of them."""
    for m in reversed([m for m in mentions if lo <= m.span.start < hi]):
        if m.kind == "person" and (m.entity or knows_person(m)):
            return m
        if m.kind == "event" and m.entity and index is not None and len(words := m.surface.split()) >= 2:
            named = phrase_key(" ".join(words[:-1]), expand=False)
            people = [e for e in index.lookup(named) if e.kind == "person"]
            if len({e.entity for e in people}) == 1:
                who = replace(m, kind="person", entity=people[0].entity, surface=" ".join(words[:-1]))
                return who
    return None


# a tenure after its length: "45 days in office", "49 days in power", "50 days as prime minister"
_IN_OFFICE_AFTER = rx.compile(r"[ \t\u00a0]+(?:in[ \t\u00a0]+(?:office|power|the[ \t\u00a0]+job|the[ \t\u00a0]+post)"
                              r"|as[ \t\u00a0]+(?:the[ \t\u00a0]+country['’]s[ \t\u00a0]+)?(?:[a-z]+[ \t\u00a0]+)?"
                              r"(?:prime[ \t\u00a0]+minister|president|premier|chancellor|leader|minister|governor"
                              r"|mayor)"
                              r")\b", re.IGNORECASE)
# an authority that counts a toll after a nationality: "the Libyan Red Crescent", "Syrian officials"
_AUTHORITY_AFTER = rx.compile(r"[ \t\u00a0]+(?:Red[ \t\u00a0]+Crescent|Red[ \t\u00a0]+Cross|authorities|officials"
                              r"|[Hh]ealth[ \t\u00a0]+[Mm]inistry|[Cc]ivil[ \t\u00a0]+[Dd]efen[cs]e|government"
                              r"|emergency[ \t\u00a0]+services|state[ \t\u00a0]+media)\b")
# a toll told as corrected down, whose figure answers an earlier one: "revised down its death
# toll", "lowers Libya flood death toll to 3,958"
_REVISED = rx.compile(r"\b(?:revis(?:ed|es|ing)[ \t\u00a0]+down|lower(?:ed|s|ing)|reduc(?:ed|es|ing)|cut(?:s|ting)?"
                      r"|correct(?:ed|s|ing)|downgrad(?:ed|es|ing))\b[^.;\n]{0,60}\btoll\b[^.;\n]{0,100}\Z",
                      re.IGNORECASE)
# a number of the dead besides those named, or more than counted before: "six other people", "five more"
_OTHERS_AFTER = rx.compile(r"[ \t\u00a0]+(?:other|others|more)\b")
_OTHERS_IN = rx.compile(r"(?:\d[\d,.]*|[A-Za-z]+)[ \t\u00a0]+(?:other|more)\b(?![ \t\u00a0]+than\b)")
# a second number of a toll, of another place: "killing 5,434 people in Turkey and at least 1,832 in Syria"
_AND_ANOTHER_TOLL = rx.compile(r"(?:[ \t\u00a0]+(?:people|persons))?[ \t\u00a0]+(?:in|across)[ \t\u00a0]+"
                               r"(?:the[ \t\u00a0]+)?[A-Z][^,.;:\d]{0,40}?,?[ \t\u00a0]+(?:and|while|with)"
                               r"[ \t\u00a0]+(?:another[ \t\u00a0]+)?")
_COMBINED_BEFORE = rx.compile(r"\bcombined[ \t\u00a0]+\Z", re.IGNORECASE)
_COMBINED_AFTER = rx.compile(r"[ \t\u00a0]+(?:combined|between[ \t\u00a0]+them)\b")
# a toll of several places summed: "the combined death toll", "bringing the combined toll to"
_COMBINED = rx.compile(r"\bcombined[ \t\u00a0]+(?:death[ \t\u00a0]+)?toll\b", re.IGNORECASE)
_AND_PLACE = rx.compile(r"[ \t\u00a0]*(?:,|and|&)[ \t\u00a0]+(?:the[ \t\u00a0]+|" + DIRECTION + r")?")


def _two_countries(text: str, here: list[Mention], index: Any) -> bool:
    """Whether the places of a sentence are joined as one ("in Turkey and Syria", "southern
    Turkey and northwest Syria") and are of two countries: a toll told of them is of neither."""
    places = [m for m in here if m.kind == "place"]
    for a, b in zip(places, places[1:], strict=False):
        if _AND_PLACE.fullmatch(text, a.span.end, b.span.start):
            ca, cb = _toll_country(text, [a], index, whole=False), _toll_country(text, [b], index, whole=False)
            if ca is not None and cb is not None and ca[1] != cb[1]:
                return True
    return False


def _toll_place(text: str, end: int, hi: int, mentions: list[Mention],
                index: Any) -> tuple[str | None, str, str] | None:
    """(entity, key, name) of where a toll's people died when its sentence says so right
    after the number: a part of a country is the toll's subject (a county's, a city's toll is
    not the country's), a country is; None when the sentence does not say."""
    from ledger.resolve import gazetteer

    where = _DIED_IN.match(text, end, hi)
    if where is None:
        return None
    pos = where.end()
    m = next((m for m in mentions if m.span.start == pos and m.kind == "place"), None)
    if m is not None:
        key = m.entity or str(m.hint.get("name_key") or "")
        if m.entity and m.entity in index.countries.values():
            ent = index.get(m.entity)
            return m.entity, m.entity, ent.name if ent is not None else m.surface
        if m.entity or key.count(":") >= 2:
            return m.entity, key, m.surface
        if key.startswith("geo:") and (code := gazetteer.country_of(key)):
            return _country(index, code)
    unit = _ADMIN_UNIT.match(text, pos, hi)
    if unit is not None:
        return None, unknown_key(phrase_key(unit.group(), expand=False)), unit.group()
    return None


def _country(index: Any, code: str) -> tuple[str | None, str, str]:
    """(entity, key, name) of a country by its ISO code: the KB's, else GeoNames'."""
    from ledger.resolve import gazetteer

    ent = index.get(index.countries.get(code))
    if ent is not None:
        return ent.id, ent.id, ent.name
    return None, f"geo:{code}", gazetteer.name_of(f"geo:{code}") or code


def _toll_country(text: str, mentions: list[Mention], index: Any,
                  whole: bool = True) -> tuple[str | None, str, str] | None:
    """(entity, key, name) of the country the text names most often through its places (a
    city counts for its country; the first named on a tie): the KB's country when the KB
    has one of that ISO code, else GeoNames' ("geo:MA" for "Marrakesh").  A disaster story
    names an agency abroad once ("the U.S. Geological Survey") and its country many times.
    With no place among ``mentions``: the first country's name in the text when ``whole``."""
    from ledger.resolve import gazetteer

    codes: dict[str, int] = {}
    for m in mentions:
        if m.kind != "place":
            continue
        key = str(m.hint.get("name_key") or "")
        code = index.country_of(m.entity) if m.entity else gazetteer.country_of(key) if key.startswith("geo:") else None
        if code:
            codes[code] = codes.get(code, 0) + 1
    if codes:
        return _country(index, max(codes, key=lambda c: codes[c]))  # the first of the most named
    if not whole:
        return None
    # no place named where names of places are looked for ("Kenya's Rift Valley"): the first
    # country's name in the text, outside people's names
    people = [(m.span.start, m.span.end) for m in mentions if m.kind == "person"]
    words = [w for w in _CAPITALIZED.finditer(text) if not any(a <= w.start() < b for a, b in people)]
    for w, nxt in zip(words, [*words[1:], None], strict=True):
        two = f"{w.group()} {nxt.group()}" if nxt is not None and text[w.end() : nxt.start()] == " " else None
        for name in (two, w.group()):  # "South Sudan" before "South"
            found = gazetteer.lookup(name) if name else None
            if found is not None and found.count(":") == 1:
                return None, found, gazetteer.name_of(found) or name or ""
    return None


_CAPITALIZED = rx.compile(r"\b[A-Z][a-z]+\b")
# a disaster's verb and where it struck: "crashed near Aktobe", "struck off the coast of"
_STRUCK_AT = rx.compile(r"\b(?:crash(?:ed|es)?|came[ \t\u00a0]+down|went[ \t\u00a0]+down|struck|hit|exploded"
                        r"|collapsed|erupted|sank|derailed|occurred|happened|made[ \t\u00a0]+landfall)[ \t\u00a0]+"
                        r"(?:[\w,'’-]+[ \t\u00a0]+){0,4}?(?:near|in|at|off|outside)[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z")


def _struck_at(text: str, mentions: list[Mention], before: int) -> list[Mention]:
    """The place where the text last says, before ``before``, that a disaster struck ("the plane
    crashed near Aktobe in Kazakhstan": Aktobe), as a one-place list; empty when it says none."""
    for m in reversed(mentions):
        if m.span.start < before and m.kind == "place" and _STRUCK_AT.search(
                text, max(0, m.span.start - 80), m.span.start):
            return [m]
    return []


def _toll(text: str, q: Any, unit: str, to_date: bool = False) -> str | None:
    """Whether a count is a casualty toll, and which: "dead", "injured" or "missing" (people
    "820 people have died", "killed at least 820 people", "left 2,000 people dead"; "recovered
    40 bodies"; "the death toll rose to 52").  Not a number no one counted ("several people")
    nor a toll of a longer time ("... this year")."""
    if _CUMULATIVE.match(text, q.end) and not to_date:
        return None
    if unit in _BODIES or ((not unit or _people(unit)) and _TOLL_TOLD.search(text, max(0, q.start - 100), q.start)):
        return "dead"  # (and "the death toll has reached at least 117 people")
    if not unit and _LEFT_BARE.search(text, max(0, q.start - 12), q.start) and (
            tail := _LEFT_HOW.match(text, q.end)) is not None:
        return _TOLL_KIND[tail.group(1)]  # "killed 197 people and left 128 missing"
    if not _people(unit) or _VAGUE.match(q.text):
        return None
    after = _TOLL_AFTER.match(text, q.end)
    if after is not None:
        return _TOLL_KIND[after.group(1)]
    before = _TOLL_BEFORE.search(text, max(0, q.start - 30), q.start)
    if before is None:
        return None
    if before.group(1) in ("left", "leaving"):  # "left 2,000 people dead"
        tail = _LEFT_HOW.match(text, q.end)
        return _TOLL_KIND[tail.group(1)] if tail else None
    return _TOLL_KIND[before.group(1)]


def _unit_key(unit: str) -> str:
    """'su-35 fighter' and 'su-35' count the same thing: a model name is the key; soldiers and
    troops are one count ("1,500 soldiers", "1,500 troops")."""
    for word in unit.split():
        if any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word):
            return word
    return _SAME_UNIT.get(unit, unit)


_SAME_UNIT = {"soldier": "troop", "serviceman": "troop", "servicemen": "troop", "service member": "troop"}
