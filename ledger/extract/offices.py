"""Office claims: a title before a name ("Defense Secretary Lloyd Austin", "US Sec. of State
Lloyd Austin", "China's Defense Minister Gen. Li Shangfu") says the person holds the office at
the document's date; "then-" ties it to a time named in the sentence, "former" to the past."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ledger import rx
from ledger.extract.sentences import Sentences, sentences_of
from ledger.model import Claim, Document, Mention, Span
from ledger.resolve.keys import WHILE_NAME

# "then-Defense Minister", "then-US House Speaker" (two words between), "then Prime Minister"
# (not "then-" of another noun a comma closes: "his then-client, former prime minister")
_THEN = rx.compile(r"\bthen(?:-(?:[^\s,]+\s+){0,2}|\s+(?:[^\s,]+\s+)?)$", re.IGNORECASE)
# words before a title that put it in the past ("former", "ex-")
PAST_WORDS = ("former", "ex", "erstwhile", "late", "onetime", "one-time", "assassinated", "slain", "ousted", "deposed",
              "toppled",
              # terms counted ("three-time prime minister Nawaz Sharif"), and "former" in the
              # languages outlets print beside English ("l'ancien Premier ministre")
              "two-time", "three-time", "four-time", "five-time", "multiple-time",
              "ancien", "ancienne", "antiguo", "antigua", "expresidente", "ehemalige", "ehemaliger", "ehemaligen")
# a whole word ("Later, Defense Minister ..." is no "late" holder), up to three words before the
# title ("the former European Commission vice president"; not past a possessive: "the former
# Soviet republic's President" is a current one)
# ("late" of a time is none: "Late on Monday the US secretary of state, Antony Blinken, said")
_LATE_OF_TIME = (r"late(?!\s+(?:on|in|at|last|this|that|yesterday|tonight|night|evening|afternoon|morning"
                 r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")
_FORMER = rx.compile(r"\b(?:" + "|".join({"ex": "ex(?=-)", "late": _LATE_OF_TIME}.get(w, w) for w in PAST_WORDS)
                     + r")\b[\s-]*(?:[^\s'’,;:]+\s+){0,3}$", re.IGNORECASE)
# a title after the death of its holder is the one held then ("since the martyrdom of President
# Raeisi"): a past term, as after "the late"
_DEATH_OF = rx.compile(r"\b(?:death|martyrdom|killing|assassination|murder|funeral|burial|passing)[ \t\u00a0]+of"
                       r"[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:[^\s'’,;:]+[ \t\u00a0]+)?$", re.IGNORECASE)
# the holder whom someone follows in office, before the title (and a word such as "outgoing")
_SUCCEEDED = rx.compile(r"\b(?:(?:takes|took|taking|take)\s+over\s+from|replac(?:es|ed|ing)|succeed(?:s|ed|ing))"
                        r"\s+(?:\S+\s+)?$", re.IGNORECASE)
# a rank word right before a title makes it another office ("Assistant Secretary of Defense")
_RANK = rx.compile(
    r"\b(?:assistant|deputy|under|vice|associate|principal|shadow|acting|interim|incoming)[\s-]*$"
    # a nominee's title: "Trump's pick for Treasury secretary, Scott Bessent"
    r"|\b(?:pick|choice|nominee|candidate|nomination|tapped|nominated|nominate)[ \t]+(?:for|as)[ \t]+(?:\S+[ \t]+)?$",
    re.IGNORECASE,
)
# a title another person's and of a long time: "his longtime chief cabinet secretary"
# (or another's by an ordinal, of their time: "Ms Truss's first Chancellor, Kwasi Kwarteng")
_LONGTIME_OF = rx.compile(r"(?:\b(?:his|her|their)|['’]s)[ \t\u00a0]+(?:longtime|long-time|long-serving|onetime"
                          r"|one-time|first|second|third|fourth|fifth|last|previous)[ \t\u00a0]+\Z", re.IGNORECASE)
_PERIOD_SPACE = rx.compile(r"\.[ \t\u00a0]")
# a period or a government of the holder before the title: the title names whose, not that they hold it now
_PERIOD_OF = rx.compile(r"\b(?:term|terms|cabinet|government|administration|era|tenure|rule|presidency|premiership"
                        r"|reign|mandate)[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:\S+[ \t\u00a0]+)?\Z",
                        re.IGNORECASE)
# a noun whose "of" the title is, before it ("The press secretary of the President of the
# Russian Federation, Dmitrii Peskov"): the name after the comma is that noun's, not the title's
_NOUN_OF = rx.compile(r"\b[a-z]+[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z")
# a government of another after the title: "the foreign minister in Mr Bazoum's government"
_GOVERNMENT_AFTER = rx.compile(r"[ \t\u00a0]+(?:in|of|under)[ \t\u00a0]+(?:(?:the|[A-Z][\w.]*)[ \t\u00a0]+){0,3}"
                               r"[A-Z][\w'’-]*['’]s?[ \t\u00a0]+(?:(?:former|ousted|deposed|toppled|last|previous)"
                               r"[ \t\u00a0]+)?(?:government|cabinet|administration|regime)\b")
_INITIALISM = rx.compile(r"(?:\b[A-Z]\.)+\Z")


def _last_period(text: str) -> int:
    """Where the last sentence of ``text`` ends (a period and a space), not counting the periods
    of initialisms ("U.S. House"); -1 when none."""
    for m in reversed(list(_PERIOD_SPACE.finditer(text))):
        if not _INITIALISM.search(text, 0, m.start() + 1):
            return m.start()
    return -1


# the words of military ranks: a title of only these is a rank, which no one holds as an office
RANK_WORDS = frozenset('''
general gen admiral adm major maj lieutenant lt colonel col brigadier brig captain capt sergeant sgt
corporal cpl private pvt marshal field army air navy naval vice rear commodore ensign first second
'''.split())
_TITLE_WORD = rx.compile(r"[^\W\d_]+")

_YEAR = rx.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a year that tells the time of a noun a "then-" title is part of, no comma between ("a 2017
# investigation into the wealth of then-prime minister Dmitry Medvedev")
_YEAR_OF_NOUN = rx.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t\u00a0]+(1[89]\d\d|20\d\d)"
                           r"[ \t\u00a0]+[a-z][^,;:.]*\Z")
# a relative clause on a name, after its age if any, up to the next comma or the sentence's end
# (or after a description of the name: "Ivanishvili, the billionaire who founded GD in 2012")
_RELATIVE_AFTER = rx.compile(r",[ \t\u00a0]+(?:\d{1,3},[ \t\u00a0]+)?"
                             r"(?:(?:the|a|an)[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,3}?)?(?:who|whose)\b[^,;:]*")


_DAY_HINT = rx.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+"
                       r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b(?:ago|[Yy]esterday|[Ll]ast\s+(?:week|month))\b"
                       r"|\b(?:in|last)\s+(?:January|February|March|April|May|June|July|August|September|October"
                       r"|November|December)\b|\b[Oo]n\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# "a day after ...": the day before the document's
_DAY_AFTER = rx.compile(r"\b(?:[Aa]|[Oo]ne|[Tt]he)\s+day\s+(?:after|earlier)\b")


def _past_days(doc: Document, lo: int, hi: int, cache: dict[int, list[tuple[int, date]]],
               skip: list[tuple[int, int]]) -> list[str]:
    """The days before the document's date that its sentence ``[lo, hi)`` names ("on May
    19", "yesterday", "two months ago" or "in November": its first and last day, "a day
    after ..."), as ISO dates: a title there may be of that day.  Not those told at ``skip``
    (a relative clause on the holder, a date of another noun: "the October 7, 2023 attack")."""
    found = cache.get(lo)
    if found is None:
        found = cache[lo] = []
        if doc.published is not None and _DAY_HINT.search(doc.text, lo, hi):
            from ledger.extract.timex import find_timexes

            for t in find_timexes(doc.text, doc.published, lo, hi):
                if t.valid_from is None or t.valid_from >= doc.published:
                    continue
                if t.granularity == "day":
                    found.append((t.start, t.valid_from))
                elif t.granularity in ("week", "month") and t.valid_to is not None:
                    found += [(t.start, t.valid_from), (t.start, min(t.valid_to, doc.published - timedelta(days=1)))]
        if doc.published is not None and (after := _DAY_AFTER.search(doc.text, lo, hi)):
            found.append((after.start(), doc.published - timedelta(days=1)))
    return sorted({d.isoformat() for at, d in found if not any(a <= at < b for a, b in skip)})


def _noun_dates(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where a date or a year modifies another noun, after "the" ("the October 7, 2023 attack",
    "the 2023 attack"): that noun's time, not a title's."""
    return [(m.start(1), m.end(1)) for m in _NOUN_DATE.finditer(text, lo, hi)]


# "the October 7, 2023 attack", "the 2018 sanctions", "the Oct. 7 attack"
_NOUN_DATE = rx.compile(
    r"\b[Tt]he[ \t\u00a0]+((?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)[ \t\u00a0]+\d{1,2}(?:,[ \t\u00a0]+(?:1[89]|20)\d\d)?"
    r"|(?:1[89]|20)\d\d))[ \t\u00a0]+[a-z]")


def office_claims(doc: Document, mentions: list[Mention]) -> list[Claim]:
    claims: list[Claim] = []
    sentences: Sentences | None = None
    index_of = {id(m): i for i, m in enumerate(mentions)}
    day_cache: dict[int, list[tuple[int, date]]] = {}
    for i, office in enumerate(mentions):
        holder = office.hint.get("holder")
        if office.kind != "office" or holder is None:
            continue
        if all(w in RANK_WORDS for w in _TITLE_WORD.findall(office.surface.lower())):
            continue  # "Army General Valery Gerasimov", "Major General Eduard Moskalyov": a rank, no office
        qualifier: Mention | None = office.hint.get("qualifier")
        start = qualifier.span.start if qualifier else office.span.start
        unknown = office.hint.get("unknown_qualifier")
        if qualifier is None and unknown:
            # "German Defence Minister": a country the KB does not know, right before the title
            q = doc.text.rfind(unknown, max(0, start - len(unknown) - 4), start)
            if q >= 0 and doc.text[q + len(unknown) : start].strip(" \t\u00a0") in ("", "'s", "’s"):
                start = q
        before = doc.text[max(0, start - 30) : office.span.start]
        if qualifier is not None:  # "China's former defense minister": look past the country
            before = doc.text[max(0, start - 30) : start] + " " + doc.text[qualifier.span.end : office.span.start]
        # of this sentence only ("... late on Sunday. Interim CEO X": no "late" holder; the
        # period of an initialism ends none: "then-U.S. House Speaker")
        before = before[max(_last_period(before), before.rfind("\n")) + 1 :]
        if _RANK.search(before):
            continue
        if _PERIOD_OF.search(before):
            continue  # "the second term of President Joko Widodo", "the Cabinet of President X": whose time
        if _LONGTIME_OF.search(before):
            continue  # "Yoshihide Suga, his longtime chief cabinet secretary": whose, in another's time
        if holder.span.start >= office.span.end and doc.text[office.span.end : holder.span.start].lstrip(
                " \t\u00a0").startswith(",") and _NOUN_OF.search(before):
            continue  # "the press secretary of the president, Dmitrii Peskov": the secretary is named
        if _GOVERNMENT_AFTER.match(doc.text, office.span.end):
            continue  # "the foreign minister in Mr Bazoum's government": of its time, which may be over
        if sentences is None:
            sentences = sentences_of(doc)
        s_lo, s_hi = sentences.bounds(office.span.start)
        sec_lo, sec_hi = office.hint.get("section", (0, len(doc.text)))
        s_lo, s_hi = max(s_lo, sec_lo), min(s_hi, sec_hi)
        sentence = " ".join(doc.text[s_lo:s_hi].split())
        qualifiers: dict[str, object] = {}
        valid_from: date | None = doc.published
        valid_to: date | None = doc.published
        if _THEN.search(before):
            qualifiers["time"] = "then"
            # the year after the name, else one before it in the sentence ("In 2019, then-...");
            # not one of a relative clause on the holder ("When Fico resigned in March 2018, he
            # was succeeded by his then-deputy, Pellegrini, who led the government until 2020")
            # (first the year of a noun the title is part of: "a 2017 investigation into the
            # wealth of then-prime minister Dmitry Medvedev, was banned in 2021")
            after = max(holder.span.end, office.span.end)
            clause = _RELATIVE_AFTER.match(doc.text, after, s_hi)
            of_noun = _YEAR_OF_NOUN.search(doc.text[max(s_lo, start - 200) : min(holder.span.start, start)])
            years = ([of_noun.group(1)] if of_noun is not None else
                     _YEAR.findall(doc.text[after : s_hi if clause is None else clause.start()])
                     or _YEAR.findall(doc.text[s_lo : min(holder.span.start, start)])[-1:])
            if years:
                y = int(years[0])
                valid_from, valid_to = date(y, 1, 1), date(y, 12, 31)
            else:
                valid_from = valid_to = None
        elif _FORMER.search(before) or _SUCCEEDED.search(before) or _DEATH_OF.search(before):
            # "former Defense Minister", or the holder someone takes over from ("takes over from
            # caretaker Foreign Minister Hanke Bruins Slot"): held until now
            qualifiers["time"] = "former"
            valid_from, valid_to = None, doc.published
        else:
            # a year named in the sentence may be the title's time ("In 2018, ... President
            # Donald Trump's administration"): the rule accepts a term at either time
            this_year = doc.published.year if doc.published else None
            # (not a year of a relative clause on the holder: "Defense Minister Takeshi Iwaya,
            # 67, who headed the Defense Ministry in 2018 and 2019": his time then, not the title's)
            clause = _RELATIVE_AFTER.match(doc.text, holder.span.end, s_hi) if start < holder.span.start else None
            # (nor a date of another noun: "over the October 7, 2023 attack on Israel")
            skip = _noun_dates(doc.text, s_lo, s_hi) + ([clause.span()] if clause is not None else [])
            # (nor one of a clause of another: "Prime Minister X is in hiding, while younger
            # brother Basil has kept a low profile since quitting parliament in June")
            mine = set(holder.surface.split())
            other = next((w for w in WHILE_NAME.finditer(doc.text, max(holder.span.end, office.span.end), s_hi)
                          if w.group("name") not in mine), None)
            if other is not None:
                skip.append((other.start(), s_hi))
            years = sorted({int(y.group(1)) for y in _YEAR.finditer(doc.text, s_lo, s_hi)
                            if not any(a <= y.start() < b for a, b in skip)} - {this_year})
            if years:
                qualifiers["years"] = years
            # so may an earlier day ("The helicopter carrying President Raisi crashed on May 19"),
            # but once the clause of the title has its day, a clause after a comma past the name
            # tells another's ("A court late Tuesday approved the arrest of Defense Minister Kim,
            # the first warrant in the investigation into the martial law of last week")
            if start > s_lo and _past_days(doc, s_lo, s_hi, day_cache, [*skip, (start, s_hi)]):
                comma = doc.text.find(",", holder.span.end, s_hi)
                if comma >= 0:
                    skip.append((comma, s_hi))
            days = _past_days(doc, s_lo, s_hi, day_cache, skip)
            if days:
                qualifiers["days"] = days
        title = doc.text[office.span.start : office.span.end]
        qualifiers["title"] = title
        if qualifier is not None:
            qualifiers["country"] = qualifier.surface
        elif "unknown_qualifier" in office.hint:
            qualifiers["country"] = office.hint["unknown_qualifier"]  # "Lithuanian": no KB place
        after_name = office.hint.get("appositive") == "after-name"
        if after_name:
            start = holder.span.start
        end = office.span.end if after_name else holder.span.end
        span = Span.of(doc, start, end)
        claim = Claim(
            span=span,
            subject=None,
            predicate="holds_office",
            valid_from=valid_from,
            valid_to=valid_to,
            qualifiers=qualifiers,
            section=office.section,
            sentence=sentence,
            excerpt=doc.text[start:end],
            subject_surface=holder.surface,
            object_surface=title,
        )
        claim.refs = {"subject": index_of[id(holder)], "object": i}
        if qualifier is not None:
            claim.refs["qualifier"] = index_of[id(qualifier)]
        claims.append(claim)
    return claims
