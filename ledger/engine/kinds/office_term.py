"""Kind ``office_term``: a person given an office they did not hold at the claim's time.

Against the KB's terms of office when the KB knows the person's terms; otherwise against the
agreeing majority of other outlets that name the person's office around the same date.

Flagged (May 2023; the KB has Austin as Secretary of Defense 2021-01-22 to 2025-01-20)::

    China rejected a request for a meeting between US Sec. of State Lloyd Austin and Li Shangfu.

Clean::

    Defense Secretary Lloyd Austin met then-Defense Minister Wei Fenghe in 2022.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ledger import rx
from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView, doc_order
from ledger.model import Claim, DocRef, Entity, Evidence, Finding, Fix, Term, still_in
from ledger.resolve.keys import (
    OTHER_OFFICE_WORDS,
    WHILE_NAME,
    claim_subject_key,
    cluster_names,
    split_nationality,
    surnames_of,
    title_key,
)


@dataclass
class Options:
    # claims of other outlets count for the majority when dated within this many days
    window_days: int = 90
    # the majority must count at least this many outlets (the flagged side has fewer)
    min_outlets: int = 2
    # sections whose claims are checked (opinion sections are not fact)
    sections: tuple[str, ...] = ("body",)
    # a sentence that tells how a person left office ("President Ebrahim Raisi was killed",
    # "will be laid to rest", "Intel CEO Pat Gelsinger has retired") gives them the title they
    # held until then: a term the KB ends at most this many days before the claim's date is held
    departure_days: int = 366
    # a title given this many days or fewer before the KB's first term of that office is given
    # too early ("Prime Minister Shigeru Ishiba" in January 2024); longer before, the KB may
    # just not list an earlier term
    premature_days: int = 366

    def __post_init__(self) -> None:
        self.sections = tuple(self.sections)
        if self.window_days < 0 or self.min_outlets < 1 or self.departure_days < 0 or self.premature_days < 0:
            raise ValueError("window_days, departure_days and premature_days must be >= 0 and min_outlets >= 1")


# words that tell a departure from office: death, resignation, dismissal, the end of a term
_DEPARTURE = rx.compile(
    r"\b(?:killed|killing|slain|murder(?:ed)?|died|dies|dead|death|deaths|funerals?|mourn\w*|martyred|assassinat\w*|"
    r"retire[sd]?|retiring|retirement|resign(?:s|ed|ing|ation|ations)?|stepp(?:ed|ing) down|"
    r"steps? down|quit(?:s|ting)?|oust(?:s|ed|er|ing)?|dismiss(?:ed|al|es)?|sack(?:ed|s|ing)|impeach(?:ed|es|ment)?|"
    # "forced out", "pushed out", "is out after the board lost confidence", his "exit"
    r"(?:forced|pushed|eased|squeezed|voted)\s+out|(?:is|was)\s+out\b(?!\s+of\b)|exit(?:s|ed|ing)?|departure|"
    r"fir(?:ed|es|ing)(?=\s+(?:(?-i:[A-Z])|his\b|her\b|its\b|their\b))|"  # "fired Attorney General X", "fired his
    # finance minister", not "fired rockets"

    r"remov(?:ed|es|e|ing|al)(?!\s+(?:the|a|an|his|her|its|their)\b)|replaced|replacing|"
    r"leaves office|left office|outgoing|"
    r"(?:left|leaves|leaving) (?:the|his|her) (?:company|post|job|role|government|cabinet|board|firm)|"
    r"laid to rest|buried|burial|"
    # a coup: "the presidential guard detained President Mohamed Bazoum", "ousted in a coup"
    r"detain(?:ed|s|ing)?|detention|overthr(?:ew|own|ow|owing)|toppl(?:ed|e|es|ing)|depos(?:ed|e|es|ing)|coup|"
    r"seiz(?:ed|es|ing) power|"  # (an arrest alone ends no term: "the arrest of Defense Minister Kim")
    # a move to another office: "parliament elected army chief Joseph Aoun president", "Lt. Gov.
    # Larry Rhoden took the oath as governor", "President Joe Biden's term ended"
    r"elect(?:s|ed)|sworn in|sw(?:ear|ore|ears) in|t(?:ook|akes|aking) the oath|inaugurated|promoted|elevated|"
    r"became|becomes|(?:term|tenure|mandate) (?:ended|ends|expired|expires|was over|came to an end))\b",
    re.IGNORECASE,
)


# between a departure word and a title it is about ("the resignations of Deputy Prime
# Minister ...", "Also killed were ...", "martyred, among them ..."), no other subject: not
# "Hours before he was killed, he had met Iran's acting President ..."
_SAID = rx.compile(r"\b(?:said|says|say|told|tells|announced|added|stated|reported|warned|claimed)\b")
_OTHER_SUBJECT = rx.compile(r"\b(?:he|she|they|we|I|you|it|who|which|that)\b", re.IGNORECASE)


# a departure someone gives another: "fired Yoav Gallant", "replaced Qin Gang"
_OBJECT_NAME = rx.compile(r"[ \t\u00a0]+(?:(?:his|her|its|the)[ \t\u00a0]+)?(?:[A-Z][\w.'’-]*[ \t\u00a0]+){0,4}"
                          r"(?P<last>[A-Z][\w'’-]+)")


def _someone_elses(sentence: str, m: re.Match[str], c: Claim) -> bool:
    """Whether the departure word ``m`` ("fired", "replaced") has another person as its object
    ("a week after Prime Minister Benjamin Netanyahu fired Yoav Gallant": Gallant's departure,
    not that of the title's holder before it)."""
    if not m.group().lower().startswith(("fire", "sack", "dismiss", "replac", "oust", "remov")):
        return False
    obj = _OBJECT_NAME.match(sentence, m.end())
    if obj is None:
        return False
    mine = set((c.subject_surface or "").split())
    return obj.group("last") not in mine


# an announcement of one's own departure is the departure: "Speaker Asad Qaiser announced his
# resignation shortly before midnight"
_OWN_DEPARTURE = rx.compile(r"\b(?:announced|announces|declared|declares|tendered|submitted|handed in|offered)"
                            r"[ \t\u00a0]+(?:his|her|their)[ \t\u00a0]+\Z")


def _ended_lately(terms: Sequence[Term], office: str, day: date, days: int) -> bool:
    """Whether a KB term of ``office`` ended on ``day`` or at most ``days`` before it."""
    return any(t.office == office and t.end is not None and t.end <= day <= t.end + timedelta(days=days)
               for t in terms)


# a title another person owns, by a pronoun: "His foreign minister, Hassoumi Massoudou" (the
# deposed president's)
_POSSESSED = rx.compile(r"(?:^|[^\w])(?:[Hh]is|[Hh]er|[Tt]heir)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,2}?\Z")
_OWNER_OPENS = rx.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)[ \t\u00a0]")
# how lately a term may have ended for a title another owns to be of that time
POSSESSED_DAYS = 31


def _possessed_lately(c: Claim, terms: list[Term], office: str) -> bool:
    """Whether the title is one another person owns ("His foreign minister, X"), of a term
    the KB ends at most ``POSSESSED_DAYS`` before the claim's date: the owner's government,
    which may have fallen with it ("His foreign minister" of a president deposed days
    before), not a claim of now."""
    day = _when(c)
    sentence, excerpt = c.sentence or "", c.excerpt or ""
    at = sentence.find(excerpt) if excerpt else -1
    if day is None or at < 0 or not (_OWNER_OPENS.match(excerpt) or _POSSESSED.search(sentence, max(0, at - 30), at)):
        return False
    return _ended_lately(terms, office, day, POSSESSED_DAYS)


def _another_clause(sentence: str, end: int, start: int, c: Claim) -> bool:
    """Whether a departure word at ``start`` is in a clause whose subject is another named
    person than the claim's, after a conjunction ("while younger brother Basil")."""
    mine = set((c.subject_surface or "").split())
    return any(w.group("name") not in mine for w in WHILE_NAME.finditer(sentence, end, start))


# the words of a move to another office, which in a relative clause on the person tell how
# they took the office named ("Defense Minister Li Shangfu, who became minister in March")
_MOVES = rx.compile(r"elect|sworn|swor|swear|took|takes|taking|inaugurated|promoted|elevated|became|becomes",
                    re.IGNORECASE)
_WHO_BEFORE = rx.compile(r",[ \t\u00a0]+who[ \t\u00a0]+(?:(?:was|were|had|has|is)[ \t\u00a0]+(?:been[ \t\u00a0]+)?)?\Z",
                         re.IGNORECASE)


def _taking_it(sentence: str, end: int, m: re.Match[str]) -> bool:
    """Whether the move ``m`` is in a relative clause right after the name: how the person
    took an office, not how they left the one named."""
    return bool(_MOVES.match(m.group())) and _WHO_BEFORE.search(sentence, end, m.start()) is not None


def _departed(c: Claim, terms: list[Term], office: str, days: int) -> bool:
    """Whether the claim's sentence tells of the person's departure (after the title and
    name, not in what they said: "President Ebrahim Raisi ... were killed", not "Defense
    Minister X said 40 soldiers were killed"; or before them with no other subject between:
    "the resignations of Deputy Prime Minister ...") and the KB ends their term of the office
    at most ``days`` before the claim's date."""
    day = _when(c)
    sentence = c.sentence or ""
    at = sentence.find(c.excerpt) if c.excerpt else -1
    if day is None or at < 0:
        return False
    end = at + len(c.excerpt)
    after = [m.group().lower() for m in _DEPARTURE.finditer(sentence, end)
             if (not _SAID.search(sentence, end, m.start()) or _OWN_DEPARTURE.search(sentence, end, m.start()))
             and not _someone_elses(sentence, m, c)
             and not _taking_it(sentence, end, m) and not _another_clause(sentence, end, m.start(), c)]
    before = [m.group().lower() for m in _DEPARTURE.finditer(sentence)
              if m.end() <= at and at - m.end() <= 200  # (its look-ahead sees past ``at``)
              and not _OTHER_SUBJECT.search(sentence, m.end(), at)]
    cues = set(after + before)
    if not cues:
        return False
    if cues == {"outgoing"}:
        # "outgoing" is still in office: only the days of a hand-over ("Outgoing Prime Minister
        # Hussein Arnous", three months after his term ended, is wrong)
        days = min(days, _OUTGOING_DAYS)
    return _ended_lately(terms, office, day, days)


_OUTGOING_DAYS = 7
# a death the document tells of a name: "X ... were killed", "X died", "the death of X", "X's
# funeral", "the late X" (not "X said the workers died": what X said)
_DIED_AFTER = (r"(?:(?!\b(?:said|says|told|tells|added|warned|announced)\b)[^.;?!]){0,80}?\b(?:(?:was|were|had been"
               r"|have been|has been)[ \t\u00a0]+(?:killed|slain|assassinated)|died|perished)\b")
_DIED_BEFORE = (r"\b(?:death|deaths|killing|funeral|burial|assassination|coffins?|mourning)[ \t\u00a0]+(?:of|for)"
                r"[ \t\u00a0]+(?:[^.;?!\s]+[ \t\u00a0]+){0,8}?"
                # ("The other victims were OceanGate chief executive Stockton Rush, 61, ...")
                r"|\b(?:victims?|the[ \t\u00a0]+dead)[ \t\u00a0]+(?:were|was|are|is|included|include)[ \t\u00a0]+"
                r"(?:[^.;?!\s]+[ \t\u00a0]+){0,8}?"
                r"|\bthe[ \t\u00a0]+late[ \t\u00a0]+(?:[^.;?!\s]+[ \t\u00a0]+){0,4}?")
_DEATH_GRACE_DAYS = 7
# (of mourning, the dead's own: not "seven workers were killed", anyone's)
_DEATHS = rx.compile(r"\b(?:coffins?|funerals?|mourners|mourning|laid to rest|burial)\b", re.IGNORECASE)
_DIED_OWN = r"(?:['’]s?)[ \t\u00a0]+(?:death|funeral|killing|burial|coffin|assassination)\b"


def _died_in_office(view: LedgerView, ref: DocRef, c: Claim, person: Entity, office: str, days: int) -> bool:
    """Whether the document tells the person's death ("Raisi, Foreign Minister Hossein
    Amir-Abdollahian and six other people were killed", "the funeral of ...") and the KB ends
    their term of the office at most ``days`` before the claim's date: the title of one just
    killed is theirs ("posters of the president and of Hossein Amir-Abdollahian, the foreign
    minister", two days after the crash)."""
    day = _when(c)
    if day is None or not _ended_lately(person.offices, office, day, days):
        return False
    doc = view.document(ref.key)
    words = (c.subject_surface or person.name).split()
    if doc is None or not words:
        return False
    # (a term ended in the week before, in a story of mourning: "Many held posters of ... Hossein
    # Amir-Abdollahian, the foreign minister", as the coffins of the crash passed, two days after it)
    if _ended_lately(person.offices, office, day, _DEATH_GRACE_DAYS) and _DEATHS.search(doc.text):
        return True
    from ledger.extract.mentions import HONORIFICS, TITLE_HEADS  # (lazily: only for a title to check)

    name = r"(?P<name>\b" + re.escape(words[-1]) + r"\b)"
    givens = {w.lower() for w in person.name.split()[:-1]} | {w.lower() for w in words[:-1]}
    for m in (m for told in (f"{name}{_DIED_AFTER}", f"(?:{_DIED_BEFORE}){name}", f"{name}{_DIED_OWN}")
              for m in re.finditer(told, doc.text, re.IGNORECASE)):
        at = m.start("name")
        before = doc.text[max(0, at - 30) : at].split()
        prev = before[-1].rstrip(".,") if before else ""
        # (not another of that surname: "the state funeral for ... Nobusuke Kishi", his grandfather)
        word = prev.lower()
        if not prev[:1].isupper() or word in givens or word in HONORIFICS or word in TITLE_HEADS:
            return True
    return False


def _when(c: Claim) -> date | None:
    return c.valid_to or c.valid_from


def _held(terms: list[Term], office: str, c: Claim) -> bool:
    time = c.qualifiers.get("time")
    for t in terms:
        if t.office != office:
            continue
        if time == "former":
            if still_in(terms, c) is not None:
                return False  # still in office then, not former
            if c.valid_to is None or t.start is None or t.start <= c.valid_to:
                return True
        elif t.overlaps(c.valid_from, c.valid_to):
            return True
        elif any(t.overlaps(date(y, 1, 1), date(y, 12, 31)) for y in c.qualifiers.get("years", ())):
            return True
        elif any(t.covers(date.fromisoformat(d)) for d in c.qualifiers.get("days", ())):
            return True  # a day the sentence names ("crashed on May 19")
    return False


def _claimed(view: LedgerView, c: Claim) -> str:
    """The office a claim gives: the KB office's name, else the title with its country as
    written ("Italian President")."""
    if c.object:
        return _name(view, c.object, c.object_surface)
    country = str(c.qualifiers.get("country") or "")
    return f"{country} {c.object_surface}" if country and not c.object_surface.startswith(country) else c.object_surface


def _name(view: LedgerView, eid: str | None, fallback: str) -> str:
    ent = view.entity(eid)
    return ent.name if ent else fallback


def _candidates(
    view: LedgerView, targets: Collection[str] | None,
) -> tuple[list[tuple[DocRef, Claim]], dict[str, list[tuple[DocRef, Claim]]], dict[str, str]]:
    """The claims to judge: the drafts' own; over the whole ledger, those the KB's terms do
    not cover (an anti-join in SQL) and those of people given more than one office.  Also
    every office claim read of a subject key whose claims were all read (the second of those
    reads), so that the check does not read them again; and, for people the KB does not know,
    their keys -> one key per person (``cluster_names``: "Dave Calhoun", "David Calhoun")."""
    if targets is not None:
        mine = view.claims("holds_office", docs=targets)
        own = {k for _, c in mine if (k := claim_subject_key(c)).startswith("name:")}
        stored = view.unknown_subjects("holds_office", {w for k in own for w in surnames_of(k)})
        return mine, {}, cluster_names(own | {k for k, _ in stored})
    outside = view.outside_terms()
    multi = {k for (k,) in view.groups("holds_office", ("subject_key",), "object_key") if k}
    # people whose KB terms judge them are among ``outside`` already (every other claim of
    # theirs agrees with the KB): the majority is read only for the others
    view.prefetch(k for k in multi if not k.startswith("name:"))
    multi = {k for k in multi if not ((p := view.entity(k)) is not None and p.offices)}
    # a person the KB does not know, spelled one way with one office and another with another
    pairs = view.unknown_subjects("holds_office")
    rep = cluster_names(k for k, _ in pairs)
    offices: dict[str, set[str | None]] = defaultdict(set)
    for k, o in pairs:
        offices[rep[k]].add(o)
    multi |= {k for k, _ in pairs if len(offices[rep[k]]) > 1}
    seen = {(r.key, c.span.start) for r, c in outside}
    complete: dict[str, list[tuple[DocRef, Claim]]] = {k: [] for k in multi}
    more = []
    for r, c in view.claims("holds_office", subject_keys=multi):
        complete[c.subject_key].append((r, c))  # type: ignore[index]
        if (r.key, c.span.start) not in seen:
            more.append((r, c))
    return outside + more, complete, rep


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    found, complete, rep = _candidates(view, targets)

    def person(c: Claim) -> str:
        return rep.get(k := claim_subject_key(c), k)

    view.prefetch(e for _, c in found for e in (c.subject, c.object))
    candidates = [(r, c) for r, c in found if c.section in opts.sections and _office_of(c)
                  and (c.valid_from is not None or c.valid_to is not None) and not _kb_agrees(view, c)]
    if not candidates:
        return
    # what other outlets say about the same people: for people the KB knows, only the claims
    # of the offices the KB has them hold then (the evidence); for others, every claim (the
    # majority), under each of their spellings; for drafts only claims dated near theirs
    # (over the ledger, most of them are)
    by_subject: dict[str, list[tuple[DocRef, Claim]]] = defaultdict(list)
    known = [(r, c) for r, c in candidates if _with_terms(view, c) is not None]
    unknown = [(r, c) for r, c in candidates if _with_terms(view, c) is None]
    for group, kb in ((known, True), (unknown, False)):
        objects = {t.office for _, c in group for t in _held_terms(_with_terms(view, c), c)} if kb else None
        if not group or objects == set():
            continue
        days = [w for _, c in group if (w := _when(c)) is not None and not c.qualifiers.get("time")]
        if targets is not None and not days:
            continue  # nothing dated near: no other claim is needed
        pad = timedelta(days=opts.window_days)
        when = (min(days) - pad, max(days) + pad) if targets is not None else None
        people = {person(c) for _, c in group}
        keys = {claim_subject_key(c) for _, c in group} | {k for k, p in rep.items() if p in people}
        read = [rc for k in keys & complete.keys() for rc in complete[k]
                if objects is None or rc[1].object_key in objects]
        read += view.claims("holds_office", subject_keys=keys - complete.keys(), object_keys=objects, when=when)
        for r, c in read:
            if _office_of(c) and c.section in opts.sections and (objects is None or c.object in objects):
                by_subject[person(c)].append((r, c))
    view.prefetch(o.object for items in by_subject.values() for _, o in items)
    # in document order, not the database's (which claim speaks for an outlet, ties)
    windows = {k: _Window(sorted(items, key=doc_order)) for k, items in by_subject.items()}
    for ref, c in candidates:
        person_ = _with_terms(view, c)
        window = windows.get(person(c))
        others = [] if window is None else window.near(ref, c, opts.window_days)
        if person_ is not None:
            f = _against_kb(view, rule, ref, c, person_, others)
        else:
            # the person's other offices in this document, held at once with this one
            own = [o for o in (window.of_doc(ref.key) if window is not None else ())
                   if o is not c and not o.qualifiers.get("time")]
            f = _against_majority(view, rule, ref, c, others, opts, own)
        if f is not None:
            yield f


def _with_terms(view: LedgerView, c: Claim) -> Entity | None:
    """The claim's person when the KB knows their terms of office."""
    person = view.entity(c.subject)
    return person if person is not None and person.offices else None


def _kb_agrees(view: LedgerView, c: Claim) -> bool:
    """The KB knows the person's terms and one of them covers the claim: nothing to report,
    and nothing else needs reading (the claims of other outlets serve only as evidence).  A
    title the KB does not know agrees unless it rivals the title of an office the KB has them
    hold then ("Italian President" for the Prime Minister of Italy; not "Socialist leader"), or
    is that office's title for another country."""
    person = _with_terms(view, c)
    if person is None:
        return False
    if c.object:
        return _held(person.offices, c.object, c) or _titled_so(view, person, c)
    if c.qualifiers.get("time") == "former":
        return True  # a past office the KB does not know ("Katsunobu Kato, a former health minister")
    if c.qualifiers.get("offices"):
        # the title of several KB offices ("Attorney General": the country's, a state's):
        # true when the person held one of them
        return any(_held(person.offices, o, c) for o in c.qualifiers["offices"])
    if _ROLE_WORDS & set(str(c.object_surface or "").lower().split()) or c.qualifiers.get("owner"):
        # a role besides any office ("Opposition leader Friedrich Merz"), a party's or a
        # company's title ("PML-N President Shehbaz Sharif", "party president")
        return True
    mine = _office_of(c)
    held = [view.entity(t.office) for t in _held_terms(person, c)]
    titles = {f"title:{title_key(t)}" for o in held if o is not None for t in (o.name, *o.titles)}
    if mine is None:
        return True
    # an interim or acting holder holds the office ("its interim chief executive", when the KB
    # has them Chief Executive then)
    bare = mine if _INTERIM.isdisjoint(mine[6:].split()) else "title:" + " ".join(
        w for w in mine[6:].split() if w not in _INTERIM)
    same = [o for o in held if o is not None
            and any(_same_office(m_, f"title:{title_key(t)}") for t in (o.name, *o.titles) for m_ in {mine, bare})]
    if same:
        # the KB office's title, left unresolved: it agrees unless its country was not the
        # office's ("Italian Defense Secretary Lloyd Austin"; not "U.S. Ambassador Nicholas Burns")
        country = c.qualifiers.get("country")
        # (an office of no country, a party's or a company's, cannot be told otherwise so)
        # (a country the KB does not know by that word may be its ISO code: "US special envoy")
        code = str(country or "").replace(".", "").upper()
        code = {"UK": "GB"}.get(code, code)
        return not country or any(not o.country or c.qualifiers.get("country_code") == o.country or code == o.country
                                  for o in same)
    if _DESCRIBED.fullmatch(str(c.object_surface or "")):
        return True  # "Khalifa Haftar, the eastern military commander": a description of what he holds
    return not any(_rival_titles(mine, t) for t in titles)


# a title in lower case made of descriptive words and a head: no KB office's name, what one is
_DESCRIBED = rx.compile(r"(?:(?:eastern|western|northern|southern|central|military|top|senior|powerful|veteran"
                        r"|de facto|longtime|regional|local|rebel|army|security|provincial|tribal|influential)[ -])+"
                        r"(?:commander|chief|leader|strongman|general|boss|official|head|ruler|warlord)")


def _titled_so(view: LedgerView, person: Entity, c: Claim) -> bool:
    """Whether the title as written, with no country, is also that of an office the person
    held then: "Attorney General Ashley Moody" in a Florida paper, read as the country's
    Attorney General, when the KB has her Attorney General of Florida.  (The title's other
    words matter: "Prime Minister" is no title of the Deputy Prime Minister.)"""
    if c.qualifiers.get("country") or c.qualifiers.get("time") or not (mine := title_key(c.object_surface)):
        return False
    # (every word of the title counts: "IOC President" is no title of another body's president)
    held = [view.entity(t.office) for t in _held_terms(person, c)]
    return any(_same_office(f"title:{mine}", f"title:{title_key(t)}")
               for o in held if o is not None for t in (o.name, *o.titles))


class _Window:
    """A person's dated office claims (not "then-" or "former" ones), sorted by date, so that
    the claims of other documents within ``days`` of a claim are found by bisection."""

    def __init__(self, items: list[tuple[DocRef, Claim]]) -> None:
        rows = sorted(
            (when.toordinal(), i)
            for i, (_, o) in enumerate(items)
            if (when := _when(o)) is not None and not o.qualifiers.get("time")
        )
        self.days = [d for d, _ in rows]
        self.order = [i for _, i in rows]
        self.items = items
        self._docs: dict[str, list[Claim]] | None = None

    def of_doc(self, key: str) -> list[Claim]:
        """The claims of one document, in its order."""
        if self._docs is None:
            self._docs = defaultdict(list)
            for r, o in self.items:
                self._docs[r.key].append(o)
        return self._docs.get(key, [])

    def near(self, ref: DocRef, c: Claim, days: int) -> list[tuple[DocRef, Claim]]:
        when = _when(c)
        if when is None or c.qualifiers.get("time"):
            return []
        lo = bisect_left(self.days, when.toordinal() - days)
        hi = bisect_right(self.days, when.toordinal() + days)
        picked = sorted(self.order[lo:hi])  # in the items' (document) order
        return [self.items[i] for i in picked if self.items[i][0].key != ref.key]


def _against_kb(view: LedgerView, rule: Rule, ref: DocRef, c: Claim, person: Entity,
                others: list[tuple[DocRef, Claim]]) -> Finding | None:
    if any(_held(person.offices, o, c) for o in c.qualifiers.get("offices") or [c.object or ""]):
        return None
    if c.object and _departed(c, person.offices, c.object, rule.options.departure_days):
        return None
    if c.object and _possessed_lately(c, person.offices, c.object):
        return None
    if c.object and _died_in_office(view, ref, c, person, c.object, rule.options.departure_days):
        return None
    if (term := still_in(person.offices, c)) is not None:
        return _still_in_office(view, rule, ref, c, person, term, others)
    held_terms = _held_terms(person, c)
    held_ids = {t.office for t in held_terms}
    claimed = _claimed(view, c)
    if held_terms and _premature(c, person, rule.options.premature_days) is not None and _appointed(c):
        return None  # "His future vice president, J.D. Vance", a senator then: named, to take it
    other: tuple[Entity, Term] | None = None
    if held_terms:
        actual = "; ".join(
            f"{_name(view, t.office, t.office)} ({_fmt(t.start)} to {_fmt(t.end)})" for t in held_terms
        )
        actual = f"per the KB, {person.name} was {actual}"
    else:
        later = _premature(c, person, rule.options.premature_days)
        if later is not None and _appointed(c):
            return None  # "has been appointed England's head coach", "New England head coach ...": named, to take it
        if later is not None:
            # the office the KB has the person take soon after: a title given too early
            # ("Prime Minister Shigeru Ishiba" in January 2024, his term from October)
            office = _name(view, later.office, later.office)
            actual = f"per the KB, {person.name} was {office} only from {_fmt(later.start)}"
        elif _before_kb(c, person):
            # a time before every term the KB lists: the KB is silent of the person, not against
            # it, unless it has another hold that office of one holder then ("Manhattan U.S.
            # Attorney Danielle Sassoon" in 2023, when the KB has Damian Williams hold it)
            other = _other_holder(view, c, person)
            if other is None:
                return None
            actual = f"per the KB, {other[0].name} was {_name(view, c.object, c.object or '')} then"
        else:
            actual = f"per the KB, {person.name} held no office then"
            # (and who did, when the office has one holder: "Oleksandr Prokudin was then")
            if (other := _other_holder(view, c, person)) is not None:
                actual += f"; {other[0].name} was {_name(view, c.object, c.object or '')} then"
    evidence = [_terms_evidence(person)] + ([_terms_evidence(other[0])] if other is not None else [])
    support = [(r, o) for r, o in others if o.object in held_ids]
    evidence += _evidence(support)
    # the office of the same kind the person holds then, if one ("Senate Majority Leader" when
    # the KB has him Minority Leader), is the fix rather than "former"
    alike = _office_alike(view, c, held_terms)
    # so is the one office the person holds then when other outlets call them by it ("Pennsylvania
    # Attorney General Josh Shapiro" when three outlets write "Pennsylvania Gov. Josh Shapiro")
    held = held_terms[0].office if len(held_terms) == 1 else None
    fix = ((_fix(view, c, support, alike) if alike else None)
           or (_fix(view, c, support, held) if held and any(o.object == held for _, o in support) else None)
           or _former(c, person) or _fix(view, c, support, held))
    return _finding(rule, ref, c, person.name, claimed, actual, evidence, fix)


def _terms_evidence(person: Entity) -> Evidence:
    """The KB's terms of the person, as evidence."""
    return person.evidence(f"{person.name}: " + "; ".join(
        f"{t.office} {_fmt(t.start)} to {_fmt(t.end)}" for t in person.offices))


def _still_in_office(view: LedgerView, rule: Rule, ref: DocRef, c: Claim, person: Entity, term: Term,
                     others: list[tuple[DocRef, Claim]]) -> Finding:
    """A "former" title of an office the person was still in ("Former IOC President Thomas
    Bach" during his presidency), fixed by leaving "former" out when the excerpt holds it."""
    office = _name(view, term.office, term.office)
    actual = f"per the KB, {person.name} was still {office} ({_fmt(term.start)} to {_fmt(term.end)})"
    evidence = [_terms_evidence(person), *_evidence([(r, o) for r, o in others if o.object == term.office])]
    unformer = _FORMER.sub("", c.excerpt, count=1)
    fix = None
    if unformer != c.excerpt:
        fix = Fix(replacement=unformer[:1].upper() + unformer[1:] if c.excerpt[:1].isupper() else unformer,
                  description=f"{c.subject_surface} still held the office then")
    found = _finding(rule, ref, c, person.name, f"a former {_claimed(view, c)}", actual, evidence, fix)
    sentence = c.sentence or ""
    at = sentence.find(c.excerpt) if fix is None else -1
    word = _FORMER_BEFORE.search(sentence, max(0, at - 12), at) if at > 0 else None
    if word is not None and c.span.column > at - word.start():
        # "Former President Zuzana Caputova": the claim starts at the title; the finding holds
        # the word that is wrong, and the fix leaves it out
        found = replace(found, column=c.span.column - (at - word.start()),
                        excerpt=sentence[word.start() : at] + c.excerpt,
                        fix=Fix(replacement=c.excerpt, description=f"{c.subject_surface} still held the office then"))
    return found


def _office_alike(view: LedgerView, c: Claim, terms: list[Term]) -> str | None:
    """Of the offices of ``terms``, the one of the claim's kind (its title's head word) whose
    title is the most like the claim's ("Senate Minority Leader" for "Senate Majority Leader",
    not "Senate Democratic Leader"); None when none is, or two are alike."""
    from rapidfuzz.fuzz import ratio

    head = _title_head(c.object_surface)
    mine = title_key(c.object_surface or "")
    scored: dict[str, float] = {}
    for t in terms:
        office = view.entity(t.office)
        titles = [x for x in ((office.name, *office.titles) if office else ()) if head and _title_head(x) == head]
        if titles:
            scored[t.office] = max(scored.get(t.office, 0.0), max(ratio(mine, title_key(x)) for x in titles))
    ranked = sorted(scored.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(scored, key=lambda k: scored[k])


def _title_head(title: str | None) -> str:
    """A title's head word ("Senate Majority Leader" -> "leader"; "Minister of Defence" ->
    "minister")."""
    words = title_key(split_nationality(title or "")[1]).split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


def _premature(c: Claim, person: Entity, days: int) -> Term | None:
    """The KB term of the claimed office that starts after the claim's time, at most ``days``
    later, when the person held it at no time before (the KB's earlier terms may be missing
    from the KB, so not a term years away)."""
    day = _when(c)
    if day is None or not c.object or c.qualifiers.get("time") or c.qualifiers.get("years"):
        return None
    terms = [t for t in person.offices if t.office == c.object]
    if not terms or any(t.start is None or t.start <= day for t in terms):
        return None
    first = min(terms, key=lambda t: t.start or day)
    assert first.start is not None
    return first if (first.start - day).days <= days else None


def _appointed(c: Claim) -> bool:
    """Whether the claim says the person was named to the office, not yet that they hold it:
    an appointment with no time told ("has been appointed England's head coach"), or "new" or
    "incoming" before the title ("New England head coach Thomas Tuchel")."""
    if c.qualifiers.get("frame") == "appointed" and c.valid_from is None:
        return True
    sentence, excerpt = c.sentence or "", c.excerpt or c.object_surface or ""
    at = sentence.find(excerpt) if excerpt else -1
    new = _NEW_BEFORE.search(sentence, max(0, at - 20), at + 4) if at >= 0 else None
    return new is not None and new.start() < at  # (not the excerpt's own "New Zealand")


# "new" or "incoming" before a title (or opening it: "New England head coach")
_NEW_BEFORE = rx.compile(r"\b(?:[Nn]ew|[Ii]ncoming|[Ff]uture)[ \t\u00a0]+(?:[A-Z][\w'’-]*['’]s[ \t\u00a0]+)?\S")


def _other_holder(view: LedgerView, c: Claim, person: Entity) -> tuple[Entity, Term] | None:
    """Another KB person holding the claim's office of one holder on its date, and their term."""
    day = _when(c)
    office = view.entity(c.object)
    if day is None or office is None or not office.single_holder:
        return None
    # (on the day, and through every year the sentence names, when the title may be of then)
    years = [int(y) for y in c.qualifiers.get("years") or ()]
    return next(((h, t) for h in view.holders(office.id) if h.id != person.id
                 for t in h.offices if t.office == office.id and t.covers(day)
                 and all(t.covers(date(y, 1, 1)) and t.covers(date(y, 12, 31)) for y in years)), None)


def _before_kb(c: Claim, person: Entity) -> bool:
    """Whether the claim is of a time before the first term the KB lists for the person
    ("Bayrou was education minister from 1993 to 1997", when the KB starts with 2024)."""
    starts = [t.start for t in person.offices if t.start is not None]
    years = c.qualifiers.get("years") or ()
    end = c.valid_to if not years else date(max(years), 12, 31)
    return bool(starts) and end is not None and end < min(starts)


def _title_and_name(c: Claim) -> bool:
    """Whether the claim's text is a title and a name ("Defense Minister Li Shangfu", "Li
    Shangfu, the defense minister"), which a fix may rewrite; not a clause ("He was named
    first deputy foreign minister in April")."""
    name, title = c.subject_surface or "", c.object_surface or ""
    return bool(name) and (c.excerpt.endswith(name) or (c.excerpt.startswith(name) and bool(title)
                                                         and c.excerpt.endswith(title)))


def _former(c: Claim, person: Entity) -> Fix | None:
    """The fix for an office the person held before the claim's time and no longer: the title
    as written, made former ("Foreign Minister Qin Gang" -> "former Foreign Minister Qin Gang";
    "Qin Gang, the foreign minister" -> "Qin Gang, the former foreign minister")."""
    day = _when(c)
    written = c.object_surface
    if (day is None or not c.object or not _title_and_name(c) or c.qualifiers.get("time") or not written
            or written not in c.excerpt
            or not any(t.office == c.object and t.end is not None and t.end < day for t in person.offices)):
        return None
    if c.excerpt.endswith(written) and not c.excerpt.startswith(written):
        at = len(c.excerpt) - len(written)  # in apposition after the name
    elif (owner := _OWNER.match(c.excerpt)) is not None:
        at = owner.end()  # after a possessive ("Iran's former President Ebrahim Raisi")
    else:
        at = 0  # before the name, with its country if any ("former Chinese Foreign Minister")
    word = "Former" if at == 0 and " ".join(c.sentence.split()).startswith(c.excerpt) else "former"
    replacement = f"{c.excerpt[:at]}{word} {c.excerpt[at:]}"
    return Fix(replacement=replacement, description=f"{c.subject_surface} no longer held the office then: former")


# the word that makes a title a past one, with the space after it
_FORMER = rx.compile(r"\b[Ff]ormer[ \t\u00a0]+")
_FORMER_BEFORE = rx.compile(r"\b(?:[Ff]ormer|FORMER)[ \t\u00a0]+\Z")
_OWNER = rx.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?\s+")


def _held_terms(person: Entity | None, c: Claim) -> list[Term]:
    """The KB terms of the person at the claim's time."""
    if person is None:
        return []
    day = _when(c)
    if c.qualifiers.get("time") == "then" and c.valid_from and c.valid_to:
        return [t for t in person.offices if t.overlaps(c.valid_from, c.valid_to)]
    if day is not None:
        return [t for t in person.offices if t.covers(day)]
    return []


def _office_of(c: Claim) -> str | None:
    """The office a claim names: its KB id, else ``title:`` and the words of its title that
    say which office it is (no nationality, no "new" or "current")."""
    if c.object:
        return c.object
    if not (c.object_key or "").startswith("title:") or not c.object_surface:
        return None
    return _title_office(c.object_surface)


@functools.lru_cache(maxsize=1 << 14)  # a ledger repeats the same few titles
def _title_office(title: str) -> str | None:
    # a nationality opening it ("British", "UK") leaves the office as it is
    core = title_key(split_nationality(title)[1])
    return f"title:{core}" if core else None


@functools.lru_cache(maxsize=1 << 16)
def _same_office(a: str, b: str) -> bool:
    """One office: the same KB id, or titles of which one holds all the words of the other
    ("Prime Minister", "British Prime Minister"); a KB office and a title are not compared."""
    if a == b:
        return True
    if not (a.startswith("title:") and b.startswith("title:")):
        return False
    wa, wb = set(a[6:].split()), set(b[6:].split())
    # a fuller title is the same office, unless what it adds makes it another one
    return (wa <= wb or wb <= wa) and OTHER_OFFICE_WORDS.isdisjoint(wa ^ wb)


_INTERIM = frozenset({"interim", "acting", "caretaker"})

# the heads of a state or a government: one person is not two of them ("Italian President" and
# "Italian Prime Minister" are rival titles, though their head words differ)
_LEADERS = ("president", "prime minister", "premier", "chancellor")


def _rival_titles(a: str, b: str) -> bool:
    """Titles (``title:`` offices) of which only one can be right of a person: the same head
    word ("Foreign Minister", "Defence Minister"), or both a state's or a government's head."""
    if any(w in _ROLE_WORDS for t in (a, b) for w in t.replace("|", " ").split()):
        return False  # "Opposition leader" and a party's leader: a role besides the office
    if a.rsplit(" ", 1)[-1] == b.rsplit(" ", 1)[-1]:
        return True
    return a.endswith(_LEADERS) and b.endswith(_LEADERS)


# words of a title that name a role one holds besides an office ("Opposition leader")
_ROLE_WORDS = frozenset({"opposition", "parliamentary", "majority", "minority"})


def _against_majority(view: LedgerView, rule: Rule, ref: DocRef, c: Claim,
                      others: list[tuple[DocRef, Claim]], opts: Options, own: Sequence[Claim] = ()) -> Finding | None:
    mine_office = _office_of(c) or ""
    outlets: dict[str, set[str]] = defaultdict(set)
    for r, o in others:
        office = _office_of(o)
        # KB offices against KB offices, titles against titles
        if r.outlet != ref.outlet and office and office.startswith("title:") == mine_office.startswith("title:"):
            outlets[office].add(r.outlet)
    agree = {x for k, s in outlets.items() if _same_office(k, mine_office) for x in s}
    mine = len(agree) + 1
    # offices one document gives the person at once ("Qatar's prime minister and foreign
    # minister, Sheikh Mohammed"): one person holds both, neither rivals the other
    by_doc: dict[str, set[str]] = defaultdict(set)
    for key, o in [*((r.key, o) for r, o in others), *((ref.key, o) for o in own)]:
        if office := _office_of(o):
            by_doc[key].add(office)
    by_doc[ref.key].add(mine_office)
    together = [offices for offices in by_doc.values() if any(_same_office(x, mine_office) for x in offices)]
    rivals: dict[str, int] = {}
    for k in outlets:
        if _same_office(k, mine_office) or any(_same_office(x, k) for offices in together for x in offices):
            continue
        if k.startswith("title:") and not _rival_titles(k, mine_office):
            # titles the KB does not know are rivals only with the same head word ("Foreign
            # Secretary", "Defence Secretary") or as two leaders' titles: "Labour leader" and
            # "Prime Minister" may both be true of one person
            continue
        n = len({x for j, s in outlets.items() if _same_office(j, k) and not _same_office(j, mine_office) for x in s})
        if n >= opts.min_outlets:
            rivals[k] = n
    if not rivals or max(rivals.values()) < mine:
        return None
    top = max(rivals, key=lambda o: (rivals[o], o))
    subject = _name(view, c.subject, c.subject_surface)
    claimed = _claimed(view, c)
    support = [(r, o) for r, o in others if (office := _office_of(o)) and _same_office(office, top)
               and not _same_office(office, mine_office)]
    shown = _name(view, top, top) if not top.startswith("title:") else Counter(
        o.object_surface for _, o in support).most_common(1)[0][0]
    actual = f"{rivals[top]} other outlets call {subject} {shown}"
    kb_office = None if top.startswith("title:") else top
    return _finding(rule, ref, c, subject, claimed, actual, _evidence(support),
                    _fix(view, c, support, kb_office, keep_country=True))


def _evidence(claims: list[tuple[DocRef, Claim]]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[str] = set()
    for r, o in sorted(claims, key=doc_order):
        if r.key in seen:
            continue
        seen.add(r.key)
        out.append(Evidence.at(r, o.span, o.excerpt))
    return out


def _fix(view: LedgerView, c: Claim, support: list[tuple[DocRef, Claim]], office: str | None,
         keep_country: bool = False) -> Fix | None:
    """The title most outlets use for the right office (titles of one key are one title:
    "Chief Technology Officer", "chief technology officer"), in place of the title as written:
    before the name, or after it in apposition ("Mira Murati, its chief technology officer")."""
    outlets: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for r, o in support:
        title = str(o.qualifiers.get("title") or "")
        if {"counterpart_of", "predecessor_of"} & o.qualifiers.keys():
            # "his German counterpart", "Li's predecessor": the title is the office's, if any
            title = o.object_surface if o.object is None else ""
        if title and (office is None or o.object == office):
            key = title_key(title) or title
            outlets[key].add(r.outlet)
            forms[key][title] += 1
    if outlets:
        key = max(outlets, key=lambda t: (len(outlets[t]), forms[t].total(), t))
        title = max(forms[key], key=lambda t: (forms[key][t], t))
    else:
        ent = view.entity(office)
        if ent is None:
            return None
        title = ent.titles[0] if ent.titles else ent.name
    written = c.object_surface
    if not _title_and_name(c):
        return None
    if written and c.excerpt.endswith(written) and not c.excerpt.startswith(written):
        # in apposition after the name: the title alone changes, in the case it was written in
        if written[:1].islower() and not title.isupper():
            # (a name after "of" keeps its capitals: "the commander of the Libyan National Army")
            head, of, rest = title.partition(" of ")
            title = head.lower() + of + (rest.lower() if set(rest.lower().split()) <= _TITLE_OF_WORDS else rest)
        return Fix(replacement=c.excerpt[: len(c.excerpt) - len(written)] + title,
                   description=f"call {c.subject_surface} by the office held then: {title}")
    if outlets and title[:1].islower():
        # before a name a title is capitalized: a form others wrote so, else this one so written
        title = max((t for t in forms[key] if t[:1].isupper()), key=lambda t: (forms[key][t], t), default="") \
            or _capitalized(title)
    replacement = f"{title} {c.subject_surface}"
    # the country named apart, else a nationality opening the title ("Swedish Prime Minister")
    country = str(c.qualifiers.get("country") or "") or split_nationality(c.object_surface)[0]
    if keep_country and country and c.excerpt.startswith(country) and not title.startswith(country):
        # against other outlets, the title is theirs and the country the writer's ("Russian
        # Foreign Minister Sergei Lavrov"); against the KB, the office's own title is the fix
        replacement = f"{country} {replacement}"
    return Fix(replacement=replacement, description=f"call {c.subject_surface} by the office held then: {title}")


# the words after "of" in a title that are no name: "minister of foreign affairs"
_TITLE_OF_WORDS = frozenset("the and foreign affairs defense defence state interior home finance health justice "
                            "education trade economy labour labor agriculture transport energy culture".split())
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "de", "du", "des"})


def _capitalized(title: str) -> str:
    """A title as written before a name: "foreign secretary" -> "Foreign Secretary" (not its
    small words: "Secretary of State")."""
    words = title.split(" ")
    return " ".join(w[:1].upper() + w[1:] if k == 0 or w not in _SMALL_WORDS else w for k, w in enumerate(words))


def _finding(rule: Rule, ref: DocRef, c: Claim, subject: str, claimed: str, actual: str,
             evidence: list[Evidence], fix: Fix | None) -> Finding:
    day = _when(c)
    message = rule.format(subject=subject, office=claimed, date=_fmt(day), actual=actual,
                          title=c.object_surface)
    return Finding.at(
        rule.id, rule.severity, ref, c, message, evidence=evidence, fix=fix,
        # a title the KB does not know is told by its words: two such titles are two findings
        identity=(c.subject or c.subject_surface, c.predicate, c.object or _office_of(c), c.qualifiers.get("time")),
    )


def _fmt(d: date | None) -> str:
    return d.isoformat() if d else "present"
