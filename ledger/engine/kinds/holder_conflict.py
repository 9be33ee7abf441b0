"""Kind ``holder_conflict``: two people presented as holders of the same single-holder office
at the same time, across documents, even with no KB entry for either.  An office the KB does
not know counts as single-holder only when its title says so: a head word such as "President"
or "Minister" with a country or portfolio before it ("French President", "Fisheries
Minister"), and no "Deputy" or "Vice": two articles of a day may well name two countries'
presidents or prime ministers, or two ministers.

Offices are compared by KB id when the title resolved, otherwise by the title as written with
its country ("US|defense secretary"); people by KB id, otherwise by their written name.  Claims
are compared at their valid time: "then-Defense Minister Wei Fenghe" in 2022 and "Defense
Minister Li Shangfu" in 2023 do not conflict.  Where the KB's terms show both claims right at
their own dates (a hand-over between two articles), nothing is reported.

Flagged::

    A (2023-05-30): "Defense Minister Wei Fenghe declined."   B (2023-05-30): "Defense Minister Li Shangfu declined."

Clean::

    A: "Austin met then-Defense Minister Wei Fenghe in 2022."  B: "Defense Minister Li Shangfu declined."
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ledger.engine.rules import Rule
from ledger.engine.runner import cited
from ledger.engine.view import LedgerView, doc_order
from ledger.model import Claim, DocRef, Evidence, Finding
from ledger.resolve.keys import (
    OTHER_OFFICE_WORDS,
    claim_subject_key,
    cluster_names,
    office_key,
    title_key,
    unknown_key,
)
from ledger.resolve.tokens import phrase_key


@dataclass
class Options:
    # point claims (a title at the document's date) this many days apart still overlap
    window_days: int = 7
    sections: tuple[str, ...] = ("body",)

    def __post_init__(self) -> None:
        self.sections = tuple(self.sections)
        if self.window_days < 0:
            raise ValueError("window_days must be >= 0")


def _office_key(c: Claim) -> str:
    return c.object_key or office_key(c)


def _interval(ref: DocRef, c: Claim, window: int) -> tuple[date, date] | None:
    if c.qualifiers.get("time") == "former" or c.qualifiers.get("years"):
        return None  # a past or uncertain time: not comparable
    # a state ("appointed in March") is asserted from its start to the document's date
    lo = c.valid_from or ref.published
    hi = c.valid_to or ref.published
    if lo is None or hi is None:
        return None
    if (hi - lo).days > 366:
        # a term over years ("served from 2010 to 2024", "became ... in 2017"): its edges are
        # too coarse to pin an overlap
        return None
    if lo == hi:
        pad = timedelta(days=window / 2)
        try:
            return lo - pad, hi + pad
        except OverflowError:
            return lo, hi
    return lo, hi


def _kb_knows(view: LedgerView, c: Claim) -> bool:
    """The KB has terms for this person: office-mismatch judges the claim, not this rule."""
    person = view.entity(c.subject)
    return person is not None and bool(person.offices)


def _kb_refutes(view: LedgerView, c: Claim, iv: tuple[date, date]) -> bool:
    person = view.entity(c.subject)
    if person is None or not person.offices or not c.object:
        return False
    return not any(
        t.office == c.object and (t.start is None or t.start <= iv[1]) and (t.end is None or iv[0] <= t.end)
        for t in person.offices
    )


# titles the KB does not know are compared only when they name one seat: a head word that
# has one holder per country, a portfolio or a country before it, and no "deputy" or "vice"
# ("Fisheries Minister", "Japanese Prime Minister" yes; "President" or "Prime Minister" alone,
# "US Senator", "Deputy Foreign Minister" no)
# (a county's sheriff with its place: "Butler County Sheriff"; not "County Sheriff" alone)
_ONE_SEAT = {"president": 2, "premier": 2, "chancellor": 2, "speaker": 2, "minister": 2, "secretary": 2,
             "sheriff": 3}


def _one_holder(view: LedgerView, c: Claim) -> bool:
    """Whether the claim's office has a single holder: per the KB, or by its title's shape."""
    office = view.entity(c.object)
    if office is not None:
        return office.single_holder
    # the country named apart ("Haiti's prime minister") counts as a word of the title; the
    # title in its one spelling ("CEO" is "chief executive officer")
    words = title_key(f"{c.qualifiers.get('country') or ''} {c.object_surface}").split()
    need = _ONE_SEAT.get(words[-1]) if words else None
    if words[-2:] in (["prime", "minister"], ["secretary", "general"], ["general", "secretary"]):
        need = 3  # the head of a government, an organization, a party: which one's
    elif words[-3:-2] == ["chief"] and words[-1] == "officer":
        need = 4  # a company's chief executive, financial ... officer: which company's
    return need is not None and len(words) >= need and OTHER_OFFICE_WORDS.isdisjoint(words)


def _judged(view: LedgerView, ref: DocRef, c: Claim, opts: Options) -> bool:
    """A claim this rule may flag: in a checked section, dated, of a single-holder (or
    unknown) office, about a person whose terms the KB does not know."""
    if c.section not in opts.sections or _interval(ref, c, opts.window_days) is None or _kb_knows(view, c):
        return False
    return _one_holder(view, c)


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    by_office: dict[str, list[tuple[DocRef, Claim, tuple[date, date]]]] = defaultdict(list)
    if targets is not None:  # the offices of the drafts' claims that this rule judges
        mine = view.claims("holds_office", docs=targets)
        view.prefetch(e for _, c in mine for e in (c.subject, c.object))
        keys = {c.object_key for r, c in mine if c.object_key and _judged(view, r, c, opts)}
    else:  # offices given to more than one person anywhere in the ledger (GROUP BY)
        keys = {k for (k,) in view.groups("holds_office", ("object_key",), "subject_key") if k}
    if not keys:
        return
    claims = view.claims("holds_office", object_keys=keys)
    view.prefetch(e for _, c in claims for e in (c.subject, c.object))
    for ref, c in claims:
        if c.section not in opts.sections:
            continue
        iv = _interval(ref, c, opts.window_days)
        if iv is None:
            continue
        if not _one_holder(view, c):
            continue
        by_office[_office_key(c)].append((ref, c, iv))
    pending: list[tuple[DocRef, Claim, list[tuple[DocRef, Claim]]]] = []
    for items in by_office.values():
        names = [claim_subject_key(c) for _, c, _ in items]
        if len(set(names)) < 2:
            continue
        # one key per person: a fuller, shorter or other spelling of a name is the same person,
        # also of a person the KB knows ("Raisi" in a headline, "Dmitry Lubinets" for Dmytro)
        people = _people(view, names)
        if len(set(people)) < 2:
            continue
        overlap = _Overlaps(items)
        refuted: dict[int, bool] = {}
        for i, (ref, c, iv) in enumerate(items):
            if targets is not None and ref.key not in targets:
                continue
            if _kb_knows(view, c):
                continue
            who = people[i]
            near = overlap.of(iv)
            rivals = []
            for j in near:
                r, o, jv = items[j]
                if r.key == ref.key or people[j] == who or _succeeded(ref, c, r, o) or _succeeded(r, o, ref, c):
                    continue
                if j not in refuted:
                    refuted[j] = _kb_refutes(view, o, jv)
                if not refuted[j]:
                    rivals.append((r, o))
            if not rivals:
                continue
            support = {items[j][0].outlet for j in near if people[j] == who} | {ref.outlet}
            against = {r.outlet for r, _ in rivals}
            if len(against) < len(support):
                continue  # the majority sides with this claim: the rivals are reported instead
            pending.append((ref, c, rivals))
    if not pending:
        return
    # a rival whom the other outlets give another office of the kind ("Luis Caputo" called
    # Foreign Minister by one outlet, Economy Minister by three) does not hold this one:
    # office-mismatch reports that claim, and it outvotes no one here
    # (the KB's terms judge the people it knows: ``_kb_refutes``; only the others are read)
    keys = {k for _, _, rivals in pending for _, o in rivals if not _has_terms(view, k := claim_subject_key(o))}
    told: dict[str, list[tuple[DocRef, Claim]]] = defaultdict(list)
    for r, o in view.claims("holds_office", subject_keys=keys) if keys else []:
        told[claim_subject_key(o)].append((r, o))
    for ref, c, rivals in pending:
        kept = [(r, o) for r, o in rivals if not _told_otherwise(r, o, told.get(claim_subject_key(o), []))]
        if kept:
            yield _finding(view, rule, ref, c, kept)


def _succeeded(ra: DocRef, a: Claim, rb: DocRef, b: Claim) -> bool:
    """Whether ``a`` tells an appointment ("named Takeshi Iwaya as foreign minister") that
    ``b``'s holder, given the office on or before it, was succeeded by: not two holders at once.
    An appointment told with no time took place by its document's date."""
    if a.qualifiers.get("frame") != "appointed" or b.qualifiers.get("frame") == "appointed":
        return False  # (two taking the office in one week are two holders at once)
    start = a.valid_from or ra.published
    day = b.valid_to or b.valid_from or rb.published
    return start is not None and day is not None and day <= start


def _people(view: LedgerView, names: list[str]) -> list[str]:
    """One key per person for the subject keys ``names``: names the KB does not know cluster
    (``cluster_names``) with each other and with the name of a KB person, which then stands
    for them all; two KB people are never one."""
    as_name: dict[str, str] = {}
    for k in set(names):
        ent = None if k.startswith("name:") else view.entity(k)
        if ent is not None and ent.kind == "person":
            as_name[k] = unknown_key(phrase_key(ent.name, expand=False))
    rep = cluster_names([k for k in names if k.startswith("name:")] + list(as_name.values()))
    kb_of: dict[str, list[str]] = defaultdict(list)
    for k, n in as_name.items():
        kb_of[rep.get(n, n)].append(k)
    out = []
    for k in names:
        if k in as_name:
            out.append(k)
            continue
        group = rep.get(k, k)
        ids = kb_of.get(group, [])
        out.append(ids[0] if len(ids) == 1 else group)
    return out


def _has_terms(view: LedgerView, key: str) -> bool:
    person = None if key.startswith("name:") else view.entity(key)
    return person is not None and bool(person.offices)


# other outlets' claims count against a rival's title when dated this near it
_OTHERWISE_DAYS = 90


def _head(c: Claim) -> str:
    words = title_key(c.object_surface or "").split()
    return words[-1] if words else ""


def _told_otherwise(ref: DocRef, c: Claim, theirs: list[tuple[DocRef, Claim]]) -> bool:
    """Whether at least two other outlets give the claim's person, near its date, another
    office of the same kind (head word), and no other outlet gives them this one."""
    day = c.valid_to or c.valid_from or ref.published
    if day is None:
        return False
    mine, head = _office_key(c), _head(c)
    same: set[str] = set()
    other: set[str] = set()
    for r, o in theirs:
        when = o.valid_to or o.valid_from or r.published
        if (r.outlet == ref.outlet or o.qualifiers.get("time") or when is None
                or abs((when - day).days) > _OTHERWISE_DAYS):
            continue
        if _office_key(o) == mine:
            same.add(r.outlet)
        elif _head(o) == head:
            other.add(r.outlet)
    return len(other) >= 2 and not same


class _Overlaps:
    """The items whose intervals overlap a given one, in their original order: short
    intervals found by bisection on their start, the few long ones checked one by one."""

    LONG = 31  # days

    def __init__(self, items: list[tuple[DocRef, Claim, tuple[date, date]]]) -> None:
        self.items = items
        short = sorted((iv[0].toordinal(), i) for i, (_, _, iv) in enumerate(items)
                       if (iv[1] - iv[0]).days <= self.LONG)
        self.starts = [d for d, _ in short]
        self.order = [i for _, i in short]
        self.long = [i for i, (_, _, iv) in enumerate(items) if (iv[1] - iv[0]).days > self.LONG]

    def of(self, iv: tuple[date, date]) -> list[int]:
        lo = bisect_left(self.starts, iv[0].toordinal() - self.LONG)
        hi = bisect_right(self.starts, iv[1].toordinal())
        found = [j for j in self.order[lo:hi] if self.items[j][2][1] >= iv[0]]
        found += [j for j in self.long if self.items[j][2][0] <= iv[1] and self.items[j][2][1] >= iv[0]]
        return sorted(found)


def _name(view: LedgerView, eid: str | None, fallback: str) -> str:
    ent = view.entity(eid)
    return ent.name if ent else fallback


def _finding(view: LedgerView, rule: Rule, ref: DocRef, c: Claim, rivals: list[tuple[DocRef, Claim]]) -> Finding:
    # in document order, not the database's: the message must not depend on a query plan
    rivals = sorted(rivals, key=doc_order)
    others = ", ".join(dict.fromkeys(_name(view, o.subject, o.subject_surface) for _, o in rivals))
    when = c.valid_from or c.valid_to  # (an appointment told with no time: by the document's date)
    day = when.isoformat() if when else "?"
    picked, omitted = cited(rivals)
    evidence = [Evidence.at(r, o.span, o.excerpt) for r, o in picked]
    rival_keys = tuple(sorted({claim_subject_key(o) for _, o in rivals}))
    ident: tuple[Any, ...] = (claim_subject_key(c), _office_key(c), rival_keys)
    message = rule.format(subject=_name(view, c.subject, c.subject_surface),
                          office=_name(view, c.object, c.object_surface), date=day, others=others)
    return Finding.at(rule.id, rule.severity, ref, c, message, evidence=evidence, evidence_omitted=omitted,
                      identity=ident)
