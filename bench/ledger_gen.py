"""A realistic ledger generated straight into the database, for the ``check`` benchmark.

``generate(url, claims)`` loads the seed KB (``ledger.pipeline.load_kb``), adds a generated KB
(countries with their cities, offices with a succession of holders, commentators, companies,
annual events) through ``ledger.store.repo.save_entities``, then writes ~50 outlets and
``claims / claims_per_doc`` documents, each with its current revision, its text, its mentions
and its claims, with SQLAlchemy Core ``executemany`` on the models' tables in batches of
10,000 rows (documents and revisions get explicit ids so that the batches need no round trip;
PostgreSQL's sequences are moved past them at the end).  Nothing goes through the NLP
pipeline: the rows are what the pipeline would have stored for the synthetic text.

What a document holds (about 100 claims, one sentence each, ~1,200 words):

* ``holds_office`` (38%): "US Secretary of State Antony Blinken arrived in ...", with the
  holder the KB gives for the document's date; "Former ..." and "Then-... in 2021" claims;
  persons the KB does not know with titles the KB does not know ("Kenyan Trade Minister X":
  ``subject_key`` ``name:...``, ``object_key`` ``title:kenyan|trade minister``).
* ``said`` (20%): quotations from a pool, each reported by ~3.5 outlets within a few days,
  in full or in part, with ``normalized`` text.
* ``count`` (9%), ``sanctioned`` (6%), ``held`` (6%), ``located_in`` (6%): facts from pools
  (a count per subject and unit, a sanction year per subject, events of the KB with their
  dates and places) reported by several outlets, some at a coarser granularity ("in June",
  "in early June"; a country for a city).
* ``met`` (8%), ``declined`` (7%): predicates no rule reads (they are in the table all the
  same, as in a real ledger).

Subjects follow Zipf laws (a few offices and people dominate the news, as the US president
does), and a document's claims are about its own cast of ~20-40 entities.  About 2 mentions
per claim (names, titles, demonyms, places, events; the first mention of a person in a
document in full, later ones by surname).

Conflicts, at small rates (``Rates``): a person given an office they did not hold (a
neighbouring office, or a predecessor still called by the title after the hand-over); a KB
office given to a person the KB does not know; a quote given to the wrong speaker; a count, a
sanction year, an event's date or place that disagrees with the other outlets or the KB;
a later mention spelling a person differently (a transliteration, a slip of the keyboard);
"Mr. X" without an earlier full name; style-guide abbreviations ("Sec. of State"); a few
``ledger-ignore`` comments, some of them stale.  The first document always holds one wrong
office, so that even a tiny ledger has an error to find.

``python -m bench.ledger_gen --db URL --claims N`` fills a database by itself (for profiling).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_KB = ROOT / "seeds" / "kb"
FIRST_DAY, LAST_DAY = date(2020, 1, 1), date(2024, 12, 31)
BATCH = 10_000
COPY_ON_POSTGRESQL = True  # else executemany, as on SQLite

# predicate -> share of a document's claims
MIX = {
    "holds_office": 0.38, "said": 0.20, "count": 0.09, "met": 0.08, "declined": 0.07,
    "sanctioned": 0.06, "located_in": 0.06, "held": 0.06,
}


@dataclass(frozen=True)
class Rates:
    wrong_office: float = 0.004  # a neighbouring office of the same country
    stale_title: float = 0.003  # the predecessor still called by the title after a hand-over
    unknown_in_kb_office: float = 0.01  # of claims about persons the KB does not know
    unknown_wrong_title: float = 0.02  # a person the KB does not know, another title
    misquote: float = 0.005  # a quotation given to another speaker
    wrong_value: float = 0.015  # count, sanction year, event date or place
    variant: float = 0.004  # a later mention spelled differently
    unintroduced: float = 0.003  # "Mr. X" with no earlier full name (of said claims)
    abbreviation: float = 0.02  # "Sec. of State", "Pres." (of US titles)
    suppression: float = 0.004  # documents with a ledger-ignore comment
    opinion: float = 0.08  # documents whose last paragraphs are an opinion section
    former: float = 0.02
    then: float = 0.025
    unknown_person: float = 0.08  # holds_office claims about persons the KB does not know


# ----------------------------------------------------------------------------- word lists

OUTLETS = """Reuters|Associated Press|Agence France-Presse|Bloomberg News|NBC News|CNN|BBC News|
The Guardian|The New York Times|The Washington Post|The Wall Street Journal|Financial Times|
Politico|Axios|The Hill|Al Jazeera|Deutsche Welle|France 24|South China Morning Post|Nikkei Asia|
The Japan Times|The Straits Times|The Diplomat|Foreign Policy|The Economist|NPR|CBS News|ABC News|
Fox News|Sky News|The Times of India|Hindustan Times|Dawn|The Globe and Mail|Sydney Morning Herald|
ABC Australia|Kyiv Independent|Meduza|Le Monde|El Pais|Der Spiegel|Corriere della Sera|
Yonhap|Korea Herald|Bangkok Post|Jakarta Post|Rappler|VnExpress|Dan Tri|ZeroHedge""".replace("\n", "")

# id, name, code, demonym, (capital, second city)
COUNTRIES = [
    ("brazil", "Brazil", "BR", "Brazilian", ("Brasilia", "Sao Paulo")),
    ("india", "India", "IN", "Indian", ("New Delhi", "Mumbai")),
    ("germany", "Germany", "DE", "German", ("Berlin", "Munich")),
    ("france", "France", "FR", "French", ("Paris", "Marseille")),
    ("united-kingdom", "United Kingdom", "GB", "British", ("London", "Manchester")),
    ("italy", "Italy", "IT", "Italian", ("Rome", "Milan")),
    ("spain", "Spain", "ES", "Spanish", ("Madrid", "Barcelona")),
    ("canada", "Canada", "CA", "Canadian", ("Ottawa", "Toronto")),
    ("mexico", "Mexico", "MX", "Mexican", ("Mexico City", "Monterrey")),
    ("argentina", "Argentina", "AR", "Argentine", ("Buenos Aires", "Cordoba")),
    ("chile", "Chile", "CL", "Chilean", ("Santiago", "Valparaiso")),
    ("colombia", "Colombia", "CO", "Colombian", ("Bogota", "Medellin")),
    ("south-africa", "South Africa", "ZA", "South African", ("Pretoria", "Johannesburg")),
    ("nigeria", "Nigeria", "NG", "Nigerian", ("Abuja", "Lagos")),
    ("kenya", "Kenya", "KE", "Kenyan", ("Nairobi", "Mombasa")),
    ("egypt", "Egypt", "EG", "Egyptian", ("Cairo", "Alexandria")),
    ("turkey", "Turkey", "TR", "Turkish", ("Ankara", "Istanbul")),
    ("saudi-arabia", "Saudi Arabia", "SA", "Saudi", ("Riyadh", "Jeddah")),
    ("iran", "Iran", "IR", "Iranian", ("Tehran", "Isfahan")),
    ("israel", "Israel", "IL", "Israeli", ("Jerusalem", "Tel Aviv")),
    ("pakistan", "Pakistan", "PK", "Pakistani", ("Islamabad", "Karachi")),
    ("south-korea", "South Korea", "KR", "South Korean", ("Seoul", "Busan")),
    ("north-korea", "North Korea", "KP", "North Korean", ("Pyongyang", "Kaesong")),
    ("australia", "Australia", "AU", "Australian", ("Canberra", "Sydney")),
    ("poland", "Poland", "PL", "Polish", ("Warsaw", "Krakow")),
    ("sweden", "Sweden", "SE", "Swedish", ("Stockholm", "Gothenburg")),
    ("norway", "Norway", "NO", "Norwegian", ("Oslo", "Bergen")),
    ("netherlands", "Netherlands", "NL", "Dutch", ("Amsterdam", "Rotterdam")),
    ("belgium", "Belgium", "BE", "Belgian", ("Brussels", "Antwerp")),
    ("greece", "Greece", "GR", "Greek", ("Athens", "Thessaloniki")),
    ("thailand", "Thailand", "TH", "Thai", ("Bangkok", "Chiang Mai")),
    ("malaysia", "Malaysia", "MY", "Malaysian", ("Kuala Lumpur", "Penang")),
    ("kazakhstan", "Kazakhstan", "KZ", "Kazakh", ("Astana", "Almaty")),
    ("ethiopia", "Ethiopia", "ET", "Ethiopian", ("Addis Ababa", "Dire Dawa")),
]
# countries whose offices the seed KB already describes: no generated offices
SEED_OFFICE_COUNTRIES = {"US", "CN", "TW"}
CYRILLIC = {"RU", "UA", "KZ"}
CHINESE = {"CN", "TW", "SG"}

# offices the generated KB knows, per country: slug, name, titles
KB_PORTFOLIOS = [
    ("president", "President", ["President"]),
    ("prime-minister", "Prime Minister", ["Prime Minister", "Premier"]),
    ("foreign-minister", "Minister of Foreign Affairs", ["Foreign Minister", "Minister of Foreign Affairs"]),
    ("defense-minister", "Minister of Defense", ["Defense Minister", "Defence Minister", "Minister of Defense"]),
    ("finance-minister", "Minister of Finance", ["Finance Minister", "Minister of Finance"]),
    ("interior-minister", "Minister of the Interior", ["Interior Minister", "Minister of the Interior"]),
]
# titles the KB does not know (held by persons the KB does not know)
OTHER_TITLES = ["Trade Minister", "Energy Minister", "Health Minister", "Justice Minister",
                "Agriculture Minister", "Education Minister", "Transport Minister", "army chief",
                "central bank governor", "Labour Minister"]
US_ABBREV = {"Secretary of State": "Sec. of State", "Secretary of Defense": "Sec. of Defense",
             "President": "Pres.", "Defense Secretary": "Def. Sec.", "Vice President": "Vice Pres."}

EVENT_KINDS = ["Security Forum", "Energy Summit", "Climate Conference", "Trade Dialogue",
               "Investment Forum", "Defense Expo", "Economic Forum", "Peace Talks"]
COMPANY_WORDS = ["Energy", "Holdings", "Aerospace", "Shipbuilding", "Telecom", "Mining",
                 "Petroleum", "Logistics", "Electronics", "Motors", "Pharma", "Steel"]
TOPICS = ("for talks", "along the border", "from Moscow", "in the capital", "under the new budget",
          "near the coast", "for the northern region", "linked to the inquiry", "at the port",
          "in the disputed area", "for the reconstruction", "under the trade pact")
NOUNS = """request meeting missile soldier drone visit ship aircraft protest arrest deal contract
tank launch warship refugee journalist diplomat village rocket vessel flight shipment
battalion satellite sanction airstrike casualty detainee hostage border crossing
checkpoint factory election ballot patrol incursion exercise delegation treaty bank
loan reactor pipeline tanker convoy helicopter submarine fighter jet vote summit""".split()
WORDS = """we will not accept any conditions that undermine our sovereignty and the talks must
continue without delay because the region needs stability more than ever before our partners
know that this decision was made after careful consideration of every option on the table the
government remains committed to dialogue but it cannot ignore the threats facing its people
there is no military solution to this crisis and both sides should return to negotiations as
soon as possible the sanctions have failed to change behaviour and they hurt ordinary families
far more than the leaders they target we expect a clear answer from our counterparts within
days this is a turning point for the alliance and for the security of the whole continent the
agreement reflects years of patient work by diplomats who believed a deal was still possible
nobody should doubt our resolve to defend the country against any aggression from abroad the
economy grew faster than forecast despite high energy prices and weak demand for exports our
ministry has opened an investigation into the incident and will publish its findings the
decision to postpone the meeting was a mistake that sends the wrong signal to investors the
people deserve the truth about what happened that night at the border crossing the new budget
protects pensions while cutting waste in public spending across every department we have
offered to meet at any time and any place but the other side keeps refusing that offer the
ceasefire is fragile and the next few weeks will decide whether it holds or collapses this
visit marks the beginning of a new chapter in relations between our two countries we are deeply
concerned by the latest missile launch and call for restraint from all parties involved it is
designed to be a snub and everyone in the room understood exactly what it meant""".split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TAILS = [" arrived in {city} on {wd}.", " spoke to reporters in {city} on {wd}.",
         " told lawmakers the talks would continue.", " declined to comment on the report.",
         " is expected to visit {city} next week.", " met business leaders in {city}.",
         " defended the decision in a statement on {wd}.", " called for calm after the incident.",
         " will travel to {city} later this month.", " signed the agreement in {city}."]
FURNITURE = ["Sign up to our newsletter!", "Advertisement", "Related coverage",
             "Read more: the week in world news"]
COMMENTS = ["This is exactly what everyone expected.", "Nobody believes a word of this anymore.",
            "Great reporting, thank you.", "Why is nobody talking about the real issue here?"]


def _zipf(n: int, offset: float = 5.0, power: float = 1.0) -> list[float]:
    """Cumulative weights falling like 1 / (rank + offset)."""
    return list(accumulate(1.0 / (r + offset) ** power for r in range(n)))


def _slug(s: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in s)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


# ----------------------------------------------------------------------------- the world


@dataclass(eq=False)
class Ent:
    """An entity as the generator writes it: in the KB (``id``) or not (``id`` None)."""

    id: str | None
    name: str
    kind: str
    country: str | None = None  # place id of its country
    aliases: list[str] = field(default_factory=list)
    native: str | None = None
    surname: str = ""
    place: str | None = None  # events: where; cities: their country
    start: date | None = None
    end: date | None = None
    _variants: list[str] | None = None

    def variants(self) -> list[str]:
        """Other accepted spellings (transliterations of the native name)."""
        if self._variants is None:
            out: list[str] = []
            if self.native:
                from ledger.resolve.tokens import phrase_key
                from ledger.resolve.translit import derive_forms

                mine = phrase_key(self.name, expand=False)
                for f in derive_forms(self.native):
                    if any(c.isdigit() for c in f.text) or not f.text.isascii():
                        continue
                    if phrase_key(f.text, expand=False) != mine and f.text not in out:
                        out.append(f.text)
            self._variants = out
        return self._variants


@dataclass(eq=False)
class Office:
    id: str | None  # None: a title the KB does not know
    name: str
    country: str | None  # place id
    titles: list[str]
    terms: list[tuple[date, date | None, Ent]] = field(default_factory=list)
    _starts: list[date] | None = None

    def _index(self) -> list[date]:
        if self._starts is None:
            self.terms.sort(key=lambda t: t[0])
            self._starts = [t[0] for t in self.terms]
        return self._starts

    def holder(self, d: date) -> Ent | None:
        """The holder on ``d`` (the later one on a hand-over day)."""
        i = bisect_right(self._index(), d) - 1
        if i < 0:
            return None
        start, end, who = self.terms[i]
        return who if end is None or d <= end else None

    def previous(self, d: date) -> tuple[date, date, Ent] | None:
        """The last term that ended before ``d``."""
        i = bisect_right(self._index(), d) - 1
        while i >= 0:
            start, end, who = self.terms[i]
            if end is not None and end < d:
                return start, end, who
            i -= 1
        return None


@dataclass
class Fact:
    subject: Ent
    unit: str
    value: int
    day: date

    @property
    def topic(self) -> str:
        """What the number is about, told by every outlet that tells the fact ("for talks"):
        value-conflict compares numbers whose sentences share such a word.  Taken from a
        digest of the fact, so that it draws nothing from the generator's random stream."""
        key = f"{self.subject.id or self.subject.name}|{self.unit}".encode()
        return TOPICS[int.from_bytes(hashlib.blake2b(key, digest_size=4).digest(), "big") % len(TOPICS)]


@dataclass
class Quote:
    speaker: Ent
    words: list[str]
    day: date


@dataclass
class World:
    """Everything the documents are written about.  Deterministic for a seed."""

    countries: dict[str, Ent]  # place id -> country
    demonyms: dict[str, list[str]]  # country place id -> demonyms
    cities: dict[str, list[Ent]]  # country place id -> its cities
    all_cities: list[Ent]
    offices: list[Office]  # KB offices, Zipf order (seed offices first)
    other_offices: list[Office]  # titles the KB does not know, held by unknown persons
    commentators: list[Ent]  # KB persons with no office
    unknown: list[Ent]  # persons the KB does not know
    orgs: list[Ent]
    events: list[Ent]  # sorted by start
    sanctioned: list[tuple[Ent, int]]  # subject, year
    outlets: list[str]
    new_entities: list[Any]  # ledger.model.Entity rows for the generated KB
    kb_ids: set[str] = field(default_factory=set)

    def persons_at(self, d: date) -> list[tuple[Ent, Office]]:
        out = []
        for o in self.offices:
            h = o.holder(d)
            if h is not None:
                out.append((h, o))
        return out


def build_world(seed_entities: Sequence[Any], seed: int = 1, n_unknown: int = 2000) -> World:
    """The seed KB's entities plus a generated KB and pools of persons the KB does not know."""
    from bench.names import generate as generate_names
    from ledger.model import Entity, Term

    r = random.Random(seed)
    seed_by_id = {e.id: e for e in seed_entities}
    by_code: dict[str, str] = {}
    countries: dict[str, Ent] = {}
    demonyms: dict[str, list[str]] = {}
    cities: dict[str, list[Ent]] = defaultdict(list)
    new: list[Entity] = []
    line = [0]

    def origin() -> str:
        line[0] += 6
        return f"bench/generated-kb.yaml:{line[0]}"

    for e in seed_entities:
        if e.kind == "place" and e.code:
            by_code[e.code] = e.id
            countries[e.id] = Ent(e.id, e.name, "place")
            dem = [d for d in e.demonyms if d] or [e.name]
            demonyms[e.id] = (["US"] + dem) if e.code == "US" else dem
    for e in seed_entities:
        if e.kind == "place" and not e.code and e.part_of in countries:
            cities[e.part_of].append(Ent(e.id, e.name, "place", place=e.part_of))
    for pid, name, code, dem, (cap, second) in COUNTRIES:
        if pid in seed_by_id or code in by_code:
            continue
        by_code[code] = pid
        countries[pid] = Ent(pid, name, "place")
        demonyms[pid] = [dem]
        new.append(Entity(id=pid, kind="place", name=name, code=code, demonyms=[dem], origin=origin()))
        for city in (cap, second):
            cid = f"{pid}-{_slug(city)}"
            cities[pid].append(Ent(cid, city, "place", place=pid))
            new.append(Entity(id=cid, kind="place", name=city, part_of=pid, origin=origin()))
    for pid in countries:  # every country has a city to travel to
        if not cities[pid]:
            cities[pid].append(countries[pid])
    all_cities = [c for cs in cities.values() for c in cs]
    code_of = {pid: code for code, pid in by_code.items()}

    # names: KB persons and persons the KB does not know, by culture
    n_kb_offices = sum(1 for c in countries.values() if code_of.get(c.id) not in SEED_OFFICE_COUNTRIES) * len(KB_PORTFOLIOS)
    n_names = n_kb_offices * 5 + 600 + n_unknown + 400
    people, _ = generate_names(n_names, seed=seed, derive=0, prefix="n")
    pools: dict[str, list[Any]] = defaultdict(list)
    for p in people:
        pools[p.culture].append(p)

    def take(culture: str) -> Any:
        pool = pools[culture] or pools["western"]
        return pool.pop()

    def culture_of(country: str | None) -> str:
        code = code_of.get(country or "", "")
        if code in CYRILLIC:
            return "cyrillic"
        if code in CHINESE:
            return "chinese"
        return "western" if r.random() < 0.85 else r.choice(["chinese", "cyrillic"])

    counter = [0]

    def person(country: str | None, kb: bool = True) -> Ent:
        p = take(culture_of(country))
        counter[0] += 1
        name = p.forms[0]
        surname = name.split()[-1] if p.culture != "chinese" else name.split()[0]
        ent = Ent(f"g-person-{counter[0]}" if kb else None, name, "person", country=country,
                  native=p.native, surname=surname)
        if kb:
            toks = name.split()
            if p.culture == "western" and len(toks) == 2 and r.random() < 0.3:
                ent.aliases.append(f"{toks[0]} {chr(65 + r.randrange(26))}. {toks[1]}")
            if p.culture == "cyrillic" and len(p.forms) > 1:
                ent.aliases.append(p.forms[1])
        return ent

    # offices of the seed KB, with the seed persons' terms
    seed_persons: dict[str, Ent] = {}
    offices: list[Office] = []
    office_of: dict[str, Office] = {}
    for e in seed_entities:
        if e.kind == "office":
            o = Office(e.id, e.name, by_code.get(e.country or ""), list(e.titles) or [e.name])
            offices.append(o)
            office_of[e.id] = o
    commentators: list[Ent] = []
    for e in seed_entities:
        if e.kind != "person":
            continue
        toks = e.name.split()
        ent = Ent(e.id, e.name, "person", country=by_code.get(e.country or ""), aliases=list(e.aliases),
                  native=e.native, surname=toks[0] if e.native and not e.native.isascii()
                  and "\u4e00" <= e.native[0] <= "\u9fff" else toks[-1])
        seed_persons[e.id] = ent
        for t in e.offices:
            if t.office in office_of and t.start is not None:
                office_of[t.office].terms.append((t.start, t.end, ent))
        if not e.offices:
            commentators.append(ent)

    # generated offices and their holders, 2012 to now
    gen_offices: list[Office] = []
    terms_of: dict[str, list[Term]] = defaultdict(list)
    holders: dict[str, Ent] = {}
    for pid, c in countries.items():
        if code_of.get(pid) in SEED_OFFICE_COUNTRIES:
            continue
        for slug, oname, titles in KB_PORTFOLIOS:
            oid = f"g-{code_of[pid].lower()}-{slug}"
            o = Office(oid, f"{oname} of {c.name}", pid, list(titles))
            new.append(Entity(id=oid, kind="office", name=o.name, country=code_of[pid],
                              titles=list(titles), origin=origin()))
            day = date(2012, 1, 1) + timedelta(days=r.randrange(1500))
            past: list[Ent] = []
            while day < date(2026, 1, 1):
                length = timedelta(days=r.randrange(500, 2000))
                end: date | None = day + length
                if end is not None and end > date(2025, 6, 1):
                    end = None
                reuse = [p for p in past if p is not past[-1]] if r.random() < 0.15 else []
                who = r.choice(reuse) if reuse else person(pid)
                holders[who.id or ""] = who
                o.terms.append((day, end, who))
                terms_of[who.id or ""].append(Term(oid, day, end))
                past.append(who)
                if end is None:
                    break
                day = end  # the hand-over day belongs to both
            gen_offices.append(o)
    r.shuffle(gen_offices)
    offices = offices + gen_offices
    for pid_, who in holders.items():
        new.append(Entity(id=pid_, kind="person", name=who.name, native=who.native,
                          country=code_of.get(who.country or ""), aliases=list(who.aliases),
                          offices=terms_of[pid_], origin=origin()))
    for _ in range(400):
        ent = person(r.choice(list(countries)))
        commentators.append(ent)
        new.append(Entity(id=ent.id or "", kind="person", name=ent.name, native=ent.native,
                          country=code_of.get(ent.country or ""), aliases=list(ent.aliases),
                          origin=origin()))

    # titles the KB does not know, held by persons the KB does not know
    unknown: list[Ent] = []
    other_offices: list[Office] = []
    for pid in countries:
        for title in r.sample(OTHER_TITLES, 4):
            o = Office(None, title, pid, [title])
            day = date(2018, 1, 1) + timedelta(days=r.randrange(800))
            while day < date(2026, 1, 1):
                end = day + timedelta(days=r.randrange(400, 1500))
                who = person(pid, kb=False)
                unknown.append(who)
                o.terms.append((day, end, who))
                day = end + timedelta(days=1)
            other_offices.append(o)
    r.shuffle(other_offices)
    while len(unknown) < n_unknown:
        unknown.append(person(r.choice(list(countries)), kb=False))
    r.shuffle(unknown)

    # organisations: the seed's and generated companies
    orgs = [Ent(e.id, e.name, "org", country=by_code.get(e.country or "")) for e in seed_entities
            if e.kind == "org"]
    for i in range(120):
        pid = r.choice(list(countries))
        sur = take("western").forms[0].split()[-1]
        name = f"{sur} {r.choice(COMPANY_WORDS)}"
        oid = f"g-org-{i}-{_slug(name)}"
        orgs.append(Ent(oid, name, "org", country=pid))
        new.append(Entity(id=oid, kind="org", name=name, country=code_of.get(pid), origin=origin()))
    r.shuffle(orgs)

    # events: the seed's, and annual series in rotating or fixed cities
    events = [Ent(e.id, e.name, "event", place=e.place, start=e.start, end=e.end or e.start,
                  aliases=list(e.aliases)) for e in seed_entities if e.kind == "event" and e.start]
    series = set()
    while len(series) < 70:
        series.add((r.choice(all_cities).name, r.choice(EVENT_KINDS)))
    for city_name, kind in sorted(series):
        home = next(c for c in all_cities if c.name == city_name)
        name = f"{city_name} {kind}"
        month = r.randrange(1, 13)
        rotate = r.random() < 0.3
        for year in range(2019, 2026):
            where = r.choice(all_cities) if rotate else home
            start = date(year, month, r.randrange(1, 24))
            end = start + timedelta(days=r.randrange(0, 4))
            eid = f"g-event-{_slug(name)}-{year}"
            events.append(Ent(eid, name, "event", place=where.id, start=start, end=end))
            new.append(Entity(id=eid, kind="event", name=name, place=where.id, start=start,
                              end=end, origin=origin()))
    events.sort(key=lambda e: e.start or FIRST_DAY)

    # subjects of sanctions, with the year
    candidates = [h for h in holders.values() if code_of.get(h.country or "") in ("RU", "IR", "KP", "CN", "BY")]
    candidates += [seed_persons[i] for i in ("li-shangfu",) if i in seed_persons]
    candidates += r.sample([o for o in orgs if o.id and o.id.startswith("g-org")], 40)
    sanctioned = [(e, r.randrange(2014, 2024)) for e in candidates]
    if "li-shangfu" in seed_persons:
        sanctioned = [(e, 2018 if e.id == "li-shangfu" else y) for e, y in sanctioned]
    r.shuffle(sanctioned)

    outlets = [o.strip() for o in OUTLETS.split("|") if o.strip()]
    world = World(countries, demonyms, cities, all_cities, offices, other_offices, commentators,
                  unknown, orgs, events, sanctioned, outlets, new)
    world.kb_ids = {e.id for e in seed_entities} | {e.id for e in new}
    return world


# ----------------------------------------------------------------------------- sentences


class Sent:
    """One sentence being written: its text, and mentions and claims at offsets in it."""

    __slots__ = ("buf", "n", "mentions", "claims")

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.n = 0
        self.mentions: list[tuple[Any, ...]] = []
        self.claims: list[tuple[int, int, dict[str, Any]]] = []

    def t(self, s: str) -> int:
        start = self.n
        self.buf.append(s)
        self.n += len(s)
        return start

    def m(self, surface: str, entity: str | None, kind: str, method: str, form: str,
          score: float, reason: str) -> int:
        start = self.t(surface)
        self.mentions.append((start, self.n, surface, entity, kind, score, method, form, reason))
        return start

    def claim(self, start: int, end: int, **fields: Any) -> None:
        self.claims.append((start, end, fields))

    def text(self) -> str:
        return "".join(self.buf)


@dataclass
class DocState:
    """What a document has said so far: who was introduced on which line."""

    day: date
    rates: Rates
    r: random.Random
    introduced: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (surface, line)
    line: int = 1
    forced_wrong: bool = False


def _pk(s: str, expand: bool = True) -> str:
    from ledger.resolve.tokens import phrase_key

    return phrase_key(s, expand=expand)


def _subject_key(ent: Ent | None, surface: str) -> str | None:
    if ent is not None and ent.id:
        return ent.id
    from ledger.resolve.keys import unknown_key

    return unknown_key(_pk(surface, expand=False)) if surface else None


def person_mention(s: Sent, st: DocState, p: Ent, full: bool = False) -> str:
    """Write a person's name the way news does; returns the surface written."""
    r, key = st.r, p.id or "?" + p.name
    seen = st.introduced.get(key)
    if p.id is None:  # the product keys unknown persons by the name as written: always in full
        surface = p.name
        s.m(surface, None, "person", "unresolved", "", 0.0, "no KB entry matches this name")
        st.introduced.setdefault(key, (surface, st.line))
        return surface
    if seen is not None and r.random() < st.rates.variant:
        forms = p.variants()
        if forms:
            v = r.choice(forms)
            s.m(v, p.id, "person", "transliteration", "transliteration", 0.95,
                f"a transliteration of {p.native}")
        else:
            i = r.randrange(max(1, len(p.surname) - 1))
            sur = p.surname[:i] + p.surname[i + 1 : i + 2] + p.surname[i] + p.surname[i + 2 :]
            v = p.name.replace(p.surname, sur) if sur != p.surname else p.name + "e"
            s.m(v, p.id, "person", "fuzzy", "misspelling", 0.9, f"near miss of {p.name} (0.92)")
        return v
    if seen is not None and not full:
        s.m(p.surname, p.id, "person", "short", "short", 0.9,
            f"surname of {p.name}, introduced on line {seen[1]}")
        return p.surname
    if p.aliases and r.random() < 0.05:
        a = r.choice(p.aliases)
        s.m(a, p.id, "person", "alias", "alias", 1.0, f"KB alias of {p.name}")
        surface = a
    else:
        s.m(p.name, p.id, "person", "exact", "preferred", 1.0, "house-preferred name")
        surface = p.name
    if seen is None:
        st.introduced[key] = (surface, st.line)
    return surface


def place_mention(s: Sent, place: Ent) -> str:
    s.m(place.name, place.id, "place", "exact", "preferred", 1.0, "house-preferred name")
    return place.name


def holds_office_sentence(w: World, st: DocState, office: Office, who: Ent, *, title: str | None = None,
                          time: str | None = None, year: int | None = None,
                          demonym: bool | None = None) -> Sent:
    r = st.r
    s = Sent()
    title = title or r.choice(office.titles)
    country = w.countries.get(office.country or "")
    if office.id is None:
        demonym = True  # titles the KB does not know are written with their country
    elif demonym is None:
        demonym = time is None and country is not None and r.random() < 0.5
    if time == "former":
        s.t("Former ")
    elif time == "then":
        s.t("Then-")
    start = s.n
    qualifiers: dict[str, Any] = {}
    dem = ""
    if demonym and country is not None:
        dem = w.demonyms[country.id or ""][0] if office.id is None else r.choice(w.demonyms[country.id or ""])
        s.m(dem, country.id, "place", "demonym", "demonym", 1.0, f"demonym of {country.name}")
        s.t(" ")
    if office.country and w.countries.get(office.country) and w.countries[office.country].id == "united-states" \
            and title in US_ABBREV and r.random() < st.rates.abbreviation:
        title = US_ABBREV[title]
    if office.id is None:
        s.m(title, None, "office", "unresolved", "unresolved", 0.0, "no office of that title in the KB")
    else:
        why = f"title of {office.name}" + (f"; country from '{dem}'" if dem else "")
        s.m(title, office.id, "office", "title", "title", 1.0 if dem else 0.8, why)
    s.t(" ")
    surface = person_mention(s, st, who, full=True)
    end = s.n
    valid_from: date | None = st.day
    valid_to: date | None = st.day
    if time == "then" and year:
        valid_from, valid_to = date(year, 1, 1), date(year, 12, 31)
        qualifiers["time"] = "then"
    elif time == "former":
        valid_from = None
        qualifiers["time"] = "former"
    qualifiers["title"] = title
    if dem:
        qualifiers["country"] = dem
    if office.id:
        object_key = office.id
    else:
        from ledger.resolve.keys import title_key

        object_key = f"title:{_pk(dem, expand=False)}|{title_key(title)}"
    s.claim(start, end, subject_id=who.id, subject_key=_subject_key(who, surface), predicate="holds_office",
            object_id=office.id, object_key=object_key, value=None, valid_from=valid_from, valid_to=valid_to,
            qualifiers=qualifiers, subject_surface=surface, object_surface=title)
    if time == "then":
        s.t(f" attended the talks in {year}.")
    else:
        city = r.choice(w.cities[office.country or ""] if office.country in w.cities else w.all_cities)
        tail = r.choice(TAILS)
        if "{city}" in tail:
            a, b = tail.split("{city}")
            s.t(a.format(wd=r.choice(WEEKDAYS)))
            place_mention(s, city)
            s.t(b.format(wd=r.choice(WEEKDAYS)))
        else:
            s.t(tail)
    return s


def said_sentence(w: World, st: DocState, q: Quote, speaker: Ent, outlet: str) -> Sent:
    r = st.r
    s = Sent()
    words = q.words
    partial = r.random() < 0.2 and len(words) >= 10
    if partial:
        k = r.randrange(6, len(words) - 2)
        i = r.randrange(0, len(words) - k + 1)
        words = words[i : i + k]
    text = " ".join(words)
    if not partial:
        text = text[0].upper() + text[1:]
    unintroduced = speaker.id is not None and (speaker.id not in st.introduced) and r.random() < st.rates.unintroduced
    cue = "said"
    if partial:
        who_start = s.n
        surface = _speaker(s, st, speaker, unintroduced)
        s.t(" said the situation was ")
        start = s.t("“" + text + ".”")
        end = s.n
    else:
        start = s.t("“" + text + ",”")
        end = s.n
        if r.random() < 0.3:
            s.t(" ")
            surface = _speaker(s, st, speaker, unintroduced)
            cue = "told"
            s.t(f" told {outlet}.")
        else:
            s.t(" ")
            surface = _speaker(s, st, speaker, unintroduced)
            s.t(" said.")
        who_start = start
    del who_start
    sid = None if unintroduced else speaker.id
    s.claim(start, end, subject_id=sid,
            subject_key=_subject_key(None if unintroduced else speaker, surface), predicate="said",
            object_id=None, object_key=None, value=text, valid_from=st.day, valid_to=st.day,
            qualifiers={"normalized": " ".join(words).lower(), "partial": partial, "cue": cue,
                        "speaker_text": ("Mr. " + surface) if unintroduced else surface, "pronoun": False},
            subject_surface=surface, object_surface="")
    return s


def _speaker(s: Sent, st: DocState, p: Ent, unintroduced: bool) -> str:
    if unintroduced:
        s.t("Mr. ")
        s.m(p.surname, None, "person", "unintroduced", "unintroduced", 0.0,
            f"Mr. + {p.surname}: no earlier full name in this document")
        return p.surname
    return person_mention(s, st, p)


def count_sentence(w: World, st: DocState, f: Fact) -> Sent:
    r = st.r
    s = Sent()
    subj = f.subject
    if subj.kind == "person":
        surface = person_mention(s, st, subj)
    else:
        surface = subj.name
        s.m(subj.name, subj.id, subj.kind, "exact", "preferred", 1.0, "house-preferred name")
    s.t(" " + r.choice(["has rejected", "reported", "counted", "deployed", "received", "announced"]) + " ")
    k = f.value
    if r.random() < st.rates.wrong_value:
        k = max(2, int(k * r.uniform(1.6, 3.0))) if r.random() < 0.5 else max(1, k // 2)
    roll = r.random()
    plural = f.unit + "s"
    if roll < 0.15 and k > 8:
        low = k - r.randrange(1, max(2, k // 5))
        phrase, value, q = f"more than {low}", str(low), {"low": float(low + 1), "high": None, "approx": "more than"}
    elif roll < 0.3 and k > 10:
        phrase, value, q = f"about {k}", str(k), {"low": round(k * 0.9, 6), "high": round(k * 1.1, 6), "approx": "about"}
    else:
        phrase, value, q = str(k), str(k), {"low": float(k), "high": float(k), "approx": None}
    start = s.t(phrase + " " + plural)
    end = s.n
    s.t(" " + f.topic + r.choice([" this year.", " since the start of the crisis.", ", officials said.", "."]))
    s.claim(start, end, subject_id=subj.id, subject_key=_subject_key(subj, surface), predicate="count",
            object_id=None, object_key=None, value=value, valid_from=st.day, valid_to=st.day,
            qualifiers={"unit": f.unit, "noun": f.unit, **q}, subject_surface=surface, object_surface=f.unit)
    return s


def sanctioned_sentence(w: World, st: DocState, subj: Ent, year: int) -> Sent:
    r = st.r
    s = Sent()
    if r.random() < st.rates.wrong_value:
        year += r.choice([-2, -1, 1, 2])
    if r.random() < 0.5:
        start = s.n
        surface = person_mention(s, st, subj) if subj.kind == "person" else _plain(s, subj)
        s.t(f" has been under US sanctions since {year}")
        end = s.n
        s.t(".")
        obj, gran = None, "range"
    else:
        s.t("Washington sanctioned ")
        start = s.n
        surface = person_mention(s, st, subj) if subj.kind == "person" else _plain(s, subj)
        s.t(f" in {year}")
        end = s.n
        s.t(".")
        obj, gran = "united-states", "year"
    s.claim(start, end, subject_id=subj.id, subject_key=_subject_key(subj, surface), predicate="sanctioned",
            object_id=obj, object_key=obj, value=str(year), valid_from=date(year, 1, 1), valid_to=None,
            qualifiers={"frame": "sanctioned", "granularity": gran}, subject_surface=surface,
            object_surface="Washington" if obj else "")
    return s


def _plain(s: Sent, e: Ent) -> str:
    s.m(e.name, e.id, e.kind, "exact", "preferred", 1.0, "house-preferred name")
    return e.name


def held_sentence(w: World, st: DocState, ev: Ent) -> Sent:
    r = st.r
    s = Sent()
    a, b = ev.start or st.day, ev.end or ev.start or st.day
    if r.random() < st.rates.wrong_value:
        shift = timedelta(days=r.choice([-1, 1]) * r.randrange(35, 95))
        a, b = a + shift, b + shift
    s.t("The ")
    start = s.n
    _plain(s, ev)
    roll = r.random()
    if roll < 0.4:
        s.t(f" was held in {MONTHS[a.month - 1]}")
        value, lo, hi, gran = f"{a.year}-{a.month:02d}", date(a.year, a.month, 1), None, "month"
        nxt = date(a.year + (a.month == 12), a.month % 12 + 1, 1)
        hi = nxt - timedelta(days=1)
        q: dict[str, Any] = {"frame": "held", "granularity": gran}
    elif roll < 0.7:
        s.t(f" was held from {MONTHS[a.month - 1]} {a.day} to {b.day if b.month == a.month else MONTHS[b.month - 1] + ' ' + str(b.day)}")
        value, lo, hi = f"{a.isoformat()}/{b.isoformat()}", a, b
        q = {"frame": "held", "granularity": "range"}
    else:
        part = "early" if a.day <= 10 else ("mid-" if a.day <= 20 else "late")
        lo_d, hi_d = (1, 10) if part == "early" else ((11, 20) if part == "mid-" else (21, 28))
        s.t(f" was held in {part}{'' if part.endswith('-') else ' '}{MONTHS[a.month - 1]}")
        lo, hi = date(a.year, a.month, lo_d), date(a.year, a.month, hi_d)
        value = f"{lo.isoformat()}/{hi.isoformat()}"
        q = {"frame": "held", "granularity": "range", "approx": True}
    end = s.n
    s.t(".")
    s.claim(start, end, subject_id=ev.id, subject_key=ev.id, predicate="held", object_id=None, object_key=None,
            value=value, valid_from=lo, valid_to=hi, qualifiers=q, subject_surface=ev.name, object_surface="")
    return s


def located_sentence(w: World, st: DocState, ev: Ent) -> Sent:
    r = st.r
    s = Sent()
    city = next((c for c in w.all_cities if c.id == ev.place), None) if ev.place else None
    if city is None:
        city = w.countries.get(ev.place or "") or r.choice(w.all_cities)
    where = city
    if r.random() < st.rates.wrong_value:
        where = r.choice(w.all_cities)
    elif city.place and r.random() < 0.35:
        where = w.countries.get(city.place, city)
    s.t("The ")
    start = s.n
    _plain(s, ev)
    s.t(" in ")
    place_mention(s, where)
    end = s.n
    s.t(f" opened on {r.choice(WEEKDAYS)}.")
    s.claim(start, end, subject_id=ev.id, subject_key=ev.id, predicate="located_in", object_id=where.id,
            object_key=where.id, value=None, valid_from=st.day, valid_to=st.day,
            qualifiers={"frame": "located_in"}, subject_surface=ev.name, object_surface=where.name)
    return s


def met_sentence(w: World, st: DocState, a: Ent, b: Ent, city: Ent) -> Sent:
    s = Sent()
    start = s.n
    sa = person_mention(s, st, a)
    s.t(" met ")
    sb = person_mention(s, st, b)
    end = s.n
    s.t(" in ")
    place_mention(s, city)
    s.t(f" on {st.r.choice(WEEKDAYS)}.")
    s.claim(start, end, subject_id=a.id, subject_key=_subject_key(a, sa), predicate="met", object_id=b.id,
            object_key=b.id, value=None, valid_from=st.day, valid_to=st.day, qualifiers={"frame": "met"},
            subject_surface=sa, object_surface=sb)
    return s


def declined_sentence(w: World, st: DocState, who: Ent, b: Ent) -> Sent:
    s = Sent()
    start = s.n
    surface = _plain(s, who)
    s.t(" declined a request for talks with ")
    person_mention(s, st, b)
    end = s.n
    s.t(".")
    s.claim(start, end, subject_id=who.id, subject_key=who.id, predicate="declined", object_id=None,
            object_key=None, value=None, valid_from=st.day, valid_to=st.day, qualifiers={"frame": "declined"},
            subject_surface=surface, object_surface="")
    return s


# ----------------------------------------------------------------------------- documents


@dataclass
class Pools:
    quotes: list[Quote]
    quote_days: list[date]
    facts: list[Fact]
    fact_days: list[date]
    event_days: list[date]


def make_pools(w: World, n_said: int, n_count: int, seed: int) -> Pools:
    r = random.Random(seed + 17)
    span = (LAST_DAY - FIRST_DAY).days
    speakers_cum = _zipf(len(w.commentators), 5)
    unknown_cum = _zipf(len(w.unknown), 10)
    office_cum = _zipf(len(w.offices), 8)
    quotes = []
    for _ in range(max(10, int(n_said / 3.5))):
        day = FIRST_DAY + timedelta(days=r.randrange(span + 1))
        roll = r.random()
        who = None
        if roll < 0.6:
            for _ in range(5):
                o = r.choices(w.offices, cum_weights=office_cum)[0]
                who = o.holder(day)
                if who is not None:
                    break
        if who is None and roll < 0.85:
            who = r.choices(w.commentators, cum_weights=speakers_cum)[0]
        if who is None:
            who = r.choices(w.unknown, cum_weights=unknown_cum)[0]
        # fragments of 3-4 words from anywhere: no 5-word stretch is shared by two quotes
        words: list[str] = []
        for _ in range(r.randrange(3, 6)):
            k = r.randrange(3, 5)
            i = r.randrange(0, len(WORDS) - k)
            words += WORDS[i : i + k]
        quotes.append(Quote(who, list(words), day))
    quotes.sort(key=lambda q: q.day)
    subjects = [c for c in w.countries.values()] + [o for o in w.orgs if o.id] + w.commentators[:100]
    subj_cum = _zipf(len(subjects), 10)
    facts: dict[tuple[str, str], Fact] = {}
    for _ in range(max(5, n_count // 4)):
        subj = r.choices(subjects, cum_weights=subj_cum)[0]
        unit = r.choice(NOUNS)
        key = (subj.id or subj.name, unit)
        if key not in facts:
            value = int(r.choice([2, 3, 4, 5, 6, 8, 10, 12, 14, 20, 25, 30, 40, 50, 100, 150, 300, 1200]) * r.uniform(0.8, 1.3)) or 2
            facts[key] = Fact(subj, unit, value, FIRST_DAY + timedelta(days=r.randrange(span + 1)))
        else:  # the same fact again, told later
            facts[key] = Fact(subj, unit, facts[key].value, FIRST_DAY + timedelta(days=r.randrange(span + 1)))
    fl = sorted(facts.values(), key=lambda f: f.day)
    return Pools(quotes, [q.day for q in quotes], fl, [f.day for f in fl],
                 [e.start or FIRST_DAY for e in w.events])


def _window(days: list[date], lo: date, hi: date) -> tuple[int, int]:
    """Indexes of the items dated lo..hi; the nearest few when there are none (small ledgers)."""
    a, b = bisect_left(days, lo), bisect_right(days, hi)
    if b - a < 3 and days:
        a, b = max(0, a - 3), min(len(days), b + 3)
    return a, b


@dataclass
class Doc:
    id: int
    key: str
    path: str
    url: str | None
    source_id: int
    title: str
    published: date
    text: str
    sections: list[list[Any]]
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]


def make_document(w: World, pools: Pools, doc_id: int, n_claims: int, r: random.Random,
                  rates: Rates, outlet_cum: list[float], stamp: datetime) -> Doc:
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + timedelta(days=r.randrange(span + 1))
    st = DocState(day, rates, r, forced_wrong=doc_id == 1)
    source_id = r.choices(range(1, len(w.outlets) + 1), cum_weights=outlet_cum)[0]
    outlet = w.outlets[source_id - 1]
    # the document's cast: offices (with their holders today), commentators, unknown persons
    office_cum = _zipf(len(w.offices), 8)
    cast: list[tuple[Office, Ent]] = []
    seen_o: set[int] = set()
    want = 4 + n_claims // 12
    tries = 0
    while len(cast) < want and tries < want * 6:
        tries += 1
        o = r.choices(w.offices, cum_weights=office_cum)[0]
        h = o.holder(day)
        if h is None or id(o) in seen_o:
            continue
        seen_o.add(id(o))
        cast.append((o, h))
    if not cast:
        cast = [(w.offices[0], w.offices[0].terms[-1][2])]
    lead_cum = _zipf(len(cast), 1.0)
    others = [(o, o.holder(day)) for o in w.other_offices[: max(8, len(w.other_offices))]]
    others = [(o, h) for o, h in others if h is not None]
    other_cum = _zipf(len(others), 5) if others else []
    comment_cum = _zipf(len(w.commentators), 5)
    people = [h for _, h in cast] + r.choices(w.commentators, cum_weights=comment_cum, k=3 + n_claims // 25)

    counts = dict.fromkeys(MIX, 0)
    for p in r.choices(list(MIX), weights=list(MIX.values()), k=n_claims):
        counts[p] += 1
    q_lo, q_hi = _window(pools.quote_days, day - timedelta(days=5), day)
    f_lo, f_hi = _window(pools.fact_days, day - timedelta(days=25), day)
    e_lo, e_hi = _window(pools.event_days, day - timedelta(days=50), day + timedelta(days=20))
    sentences: list[Sent] = []

    # holds_office first: titles introduce people
    for _ in range(counts["holds_office"]):
        roll = r.random()
        if roll < rates.unknown_person and others:
            o, h = r.choices(others, cum_weights=other_cum)[0]
            roll2 = r.random()
            if roll2 < rates.unknown_in_kb_office:
                kb_o = r.choice([c[0] for c in cast])
                sentences.append(holds_office_sentence(w, st, kb_o, h))
            elif roll2 < rates.unknown_in_kb_office + rates.unknown_wrong_title:
                alt = [x for x in w.other_offices if x.country == o.country and x is not o]
                sentences.append(holds_office_sentence(w, st, alt[0] if alt else o, h))
            else:
                sentences.append(holds_office_sentence(w, st, o, h))
            continue
        o, h = r.choices(cast, cum_weights=lead_cum)[0]
        if roll < rates.unknown_person + rates.former:
            prev = o.previous(day)
            if prev is not None:
                sentences.append(holds_office_sentence(w, st, o, prev[2], time="former"))
                continue
        elif roll < rates.unknown_person + rates.former + rates.then:
            prev = o.previous(day)
            if prev is not None and prev[1].year >= 2010:
                y = r.randrange(prev[0].year + 1, prev[1].year + 1) if prev[1].year > prev[0].year else prev[1].year
                sentences.append(holds_office_sentence(w, st, o, prev[2], time="then", year=y))
                continue
        wrong = r.random()
        if st.forced_wrong or wrong < rates.wrong_office:
            st.forced_wrong = False
            alt = [x for x in w.offices if x.country == o.country and x is not o and x.holder(day) is not h]
            if alt:
                sentences.append(holds_office_sentence(w, st, r.choice(alt), h))
                continue
        elif wrong < rates.wrong_office + rates.stale_title:
            prev = o.previous(day)
            if prev is not None and (day - prev[1]).days <= 120:
                sentences.append(holds_office_sentence(w, st, o, prev[2]))
                continue
        sentences.append(holds_office_sentence(w, st, o, h))
    # the rest, shuffled
    rest: list[Callable[[], Sent]] = []
    for _ in range(counts["said"]):
        if q_hi > q_lo:
            q = pools.quotes[r.randrange(q_lo, q_hi)]
            speaker = q.speaker
            if r.random() < rates.misquote:
                speaker = r.choice(people)
            rest.append(lambda q=q, sp=speaker: said_sentence(w, st, q, sp, outlet))
    for _ in range(counts["count"]):
        if f_hi > f_lo:
            f = pools.facts[r.randrange(f_lo, f_hi)]
            rest.append(lambda f=f: count_sentence(w, st, f))
    sanc_cum = _zipf(len(w.sanctioned), 3)
    for _ in range(counts["sanctioned"]):
        subj, year = r.choices(w.sanctioned, cum_weights=sanc_cum)[0]
        rest.append(lambda s_=subj, y=year: sanctioned_sentence(w, st, s_, y))
    for pred, fn in (("held", held_sentence), ("located_in", located_sentence)):
        for _ in range(counts[pred]):
            if e_hi > e_lo:
                ev = w.events[r.randrange(e_lo, e_hi)]
                rest.append(lambda ev=ev, fn=fn: fn(w, st, ev))
    for _ in range(counts["met"]):
        a, b = r.sample(people, 2) if len(people) > 1 else (people[0], people[0])
        city = r.choice(w.all_cities)
        rest.append(lambda a=a, b=b, c=city: met_sentence(w, st, a, b, c))
    decliners = list(w.countries.values()) + [o for o in w.orgs if o.id]
    for _ in range(counts["declined"]):
        who = r.choice(decliners[:40]) if r.random() < 0.7 else r.choice(decliners)
        rest.append(lambda who=who, b=r.choice(people): declined_sentence(w, st, who, b))
    r.shuffle(rest)
    n_sent = len(sentences) + len(rest)
    # interleave: the title claims spread over the article
    order: list[Any] = []
    ho = iter(sentences)
    step = max(1, n_sent // max(1, len(sentences)))
    rest_it = iter(rest)
    for i in range(n_sent):
        nxt = next(ho, None) if i % step == 0 else None
        if nxt is None:
            fn = next(rest_it, None)
            nxt = fn() if fn is not None else next(ho, None)
        if nxt is not None:
            order.append(nxt)
    for s in ho:
        order.append(s)
    for fn in rest_it:
        order.append(fn())
    return _assemble(w, st, doc_id, source_id, outlet, order, stamp)


def _assemble(w: World, st: DocState, doc_id: int, source_id: int, outlet: str,
              sentences: list[Sent], stamp: datetime) -> Doc:
    r = st.r
    day = st.day
    lead = next((c for s in sentences for c in s.claims if c[2]["predicate"] == "holds_office"), None)
    if lead is not None:
        f = lead[2]
        title = f"{f['object_surface']} {f['subject_surface']} {r.choice(['under pressure', 'signals shift', 'rejects talks', 'heads abroad'])} as {r.choice(['tensions rise', 'talks stall', 'allies meet', 'deadline nears'])}"
    else:
        title = "World news in brief"
    parts: list[str] = []
    pos = 0
    line = 1
    sections: list[list[Any]] = []
    mentions: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []

    def emit(text: str) -> None:
        nonlocal pos
        parts.append(text)
        pos += len(text)

    emit(f"# {title}\n\n")
    line = 3
    body_start = 0
    if r.random() < 0.3:
        sections.append(["body", 0, pos])
        fstart = pos
        emit(r.choice(FURNITURE) + "\n\n")
        line += 2
        sections.append(["furniture", fstart, pos])
        body_start = pos
    opinion_from = len(sentences) - max(3, len(sentences) // 7) if r.random() < st.rates.opinion else None
    suppress_at = r.randrange(len(sentences)) if (sentences and r.random() < st.rates.suppression) else None
    section = "body"
    sec_start = body_start
    i = 0
    while i < len(sentences):
        if opinion_from is not None and i >= opinion_from and section == "body":
            if pos > sec_start:
                sections.append(["body", sec_start, pos])
            sec_start = pos
            section = "opinion"
            emit("Opinion\n\n")
            line += 2
        if suppress_at is not None and i >= suppress_at:
            emit("<!-- ledger-ignore house-style -->\n")
            line += 1
            suppress_at = None
        n = 1 + (r.random() < 0.5) + (r.random() < 0.2)
        para = sentences[i : i + n]
        if opinion_from is not None and section == "body" and i < opinion_from < i + n:
            para = sentences[i:opinion_from]
        i += len(para)
        col0 = 0
        st.line = line
        for k, s in enumerate(para):
            if k:
                emit(" ")
                col0 += 1
            text = s.text()
            base = pos
            for (a, b, surface, entity, kind, score, method, form, reason) in s.mentions:
                mentions.append({
                    "start": base + a, "end": base + b, "line": line, "column": col0 + a + 1,
                    "end_line": line, "end_column": col0 + b + 1, "surface": surface,
                    "entity_id": entity, "kind": kind, "score": score, "method": method, "form": form,
                    "reason": reason, "section": section,
                })
            for (a, b, fields) in s.claims:
                claims.append({
                    **fields, "recorded_at": stamp, "start": base + a, "end": base + b, "line": line,
                    "column": col0 + a + 1, "end_line": line, "end_column": col0 + b + 1,
                    "section": section, "sentence": text, "excerpt": text[a:b],
                })
            emit(text)
            col0 += len(text)
        emit("\n\n")
        line += 2
    sections.append([section, sec_start, pos])
    if r.random() < 0.1:
        cstart = pos
        emit("Comments\n\n" + "\n\n".join(r.sample(COMMENTS, 2)) + "\n")
        sections.append(["comments", cstart, pos])
    text = "".join(parts)
    slug = _slug(outlet)
    path = f"gen/{slug}/{day:%Y/%m}/{doc_id:06d}.md"
    url = f"https://{slug}.example/{day:%Y/%m/%d}/story-{doc_id}" if r.random() < 0.7 else None
    return Doc(doc_id, url or path, path, url, source_id, title, day, text, sections, mentions, claims)


# ----------------------------------------------------------------------------- writing


@dataclass
class GenStats:
    url: str
    documents: int = 0
    claims: int = 0
    mentions: int = 0
    entities: int = 0
    text_mb: float = 0.0
    seconds: float = 0.0
    by_predicate: dict[str, int] = field(default_factory=dict)


def bulk_insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """``executemany`` of ``rows`` into ``table`` (a model's Core table), as ``conn.execute(
    table.insert(), rows)`` does, without its per-row parameter processing: every column of the
    table (so a column added by a new migration gets its default or NULL), each value through the
    column type's own bind processor, one DB-API ``executemany``."""
    if not rows:
        return
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    first = rows[0]
    cols, getters = [], []
    for c in table.columns:
        if c.key not in first:
            if c.primary_key and c.autoincrement in (True, "auto"):
                continue  # the database numbers it
            if c.default is not None and getattr(c.default, "is_scalar", False):
                fill = c.default.arg
            elif c.default is not None and getattr(c.default, "is_callable", False):
                fill = c.default.arg(None)  # default=list, default=dict
            else:
                fill = None
            proc = c.type.dialect_impl(dialect).bind_processor(dialect)
            value = proc(fill) if proc and fill is not None else fill
            cols.append(c)
            getters.append((None, None, value))
            continue
        cols.append(c)
        getters.append((c.key, c.type.dialect_impl(dialect).bind_processor(dialect), None))
    data = [
        tuple((proc(v) if (proc is not None and (v := row[key]) is not None) else row[key])
              if key is not None else fixed for key, proc, fixed in getters)
        for row in rows
    ]
    names = ", ".join(prep.format_column(c) for c in cols)
    if dialect.name == "postgresql" and COPY_ON_POSTGRESQL:
        # COPY: twice as fast as executemany here (the server's per-statement work dominates)
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur, cur.copy(f"COPY {prep.format_table(table)} ({names}) FROM STDIN") as copy:
            for values in data:
                copy.write_row(values)
        return
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO {prep.format_table(table)} ({names}) VALUES ({', '.join([mark] * len(cols))})",
                         data)


def _fix_sequences(conn: Any) -> None:
    from sqlalchemy import text

    if conn.dialect.name != "postgresql":
        return
    for table in ("sources", "documents", "revisions"):
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
        ))


def generate(url: str, claims: int, seed: int = 1, claims_per_doc: int = 100, rates: Rates | None = None,
             progress: Callable[[str], Any] | None = None) -> tuple[GenStats, World]:
    """Fill the (new, empty) ledger at ``url`` with about ``claims`` claims."""
    from ledger.model import Claim, Span
    from ledger.pipeline import analyzer_id, load_kb
    from ledger.store import repo
    from ledger.store.db import open_engine
    from ledger.store.models import ClaimRow, DocumentRow, MentionRow, QuoteKeyRow, Revision, Source
    from ledger.store.shingles import claim_keys

    t0 = time.perf_counter()
    rates = rates or Rates()
    engine = open_engine(url)
    load_kb(engine, [SEED_KB])
    seed_entities = repo.entities(engine)
    n_docs = max(1, round(claims / claims_per_doc))
    world = build_world(seed_entities, seed, n_unknown=max(300, n_docs // 2))
    repo.save_entities(engine, world.new_entities)
    stats = GenStats(url, entities=len(seed_entities) + len(world.new_entities))
    pools = make_pools(world, int(claims * MIX["said"]), int(claims * MIX["count"]), seed)
    r = random.Random(seed + 1)
    # claims per document: 50% to 150% of the mean, summing to ``claims``
    sizes = [max(3, int(claims_per_doc * r.uniform(0.5, 1.5))) for _ in range(n_docs)]
    scale = claims / sum(sizes)
    sizes = [max(3, round(s * scale)) for s in sizes]
    outlet_cum = _zipf(len(world.outlets), 6)
    analyzer = analyzer_id()
    stamp = datetime(2025, 1, 15, 12, 0, 0)
    src, dt, rv, mt, ct, qt = (Source.__table__, DocumentRow.__table__, Revision.__table__,
                               MentionRow.__table__, ClaimRow.__table__, QuoteKeyRow.__table__)
    docs_buf: list[dict[str, Any]] = []
    revs_buf: list[dict[str, Any]] = []
    ment_buf: list[dict[str, Any]] = []
    claim_buf: list[dict[str, Any]] = []
    key_buf: list[dict[str, Any]] = []  # quote_keys, as ingest files quotes
    by_pred: dict[str, int] = defaultdict(int)
    text_bytes = 0

    with engine.begin() as conn:
        bulk_insert(conn, src, [{"id": i + 1, "name": n} for i, n in enumerate(world.outlets)])

        def flush(final: bool = False) -> None:
            if docs_buf:
                bulk_insert(conn, dt, docs_buf)
                bulk_insert(conn, rv, revs_buf)
                docs_buf.clear()
                revs_buf.clear()
            for buf, table in ((ment_buf, mt), (claim_buf, ct), (key_buf, qt)):
                while len(buf) >= BATCH or (final and buf):
                    bulk_insert(conn, table, buf[:BATCH])
                    del buf[:BATCH]

        for i, n in enumerate(sizes, start=1):
            d = make_document(world, pools, i, n, r, rates, outlet_cum, stamp)
            text_bytes += len(d.text)
            docs_buf.append({"id": i, "key": d.key, "path": d.path, "url": d.url, "source_id": d.source_id,
                             "current_revision": i})
            revs_buf.append({
                "id": i, "document_id": i, "number": 1,
                "content_hash": hashlib.sha256(d.text.encode("utf-8")).hexdigest(), "analyzer": analyzer,
                "text": d.text, "title": d.title, "author": None, "lang": "en", "published": d.published,
                "date_method": "front matter", "sections": d.sections, "recorded_at": stamp,
            })
            for m in d.mentions:
                m["revision_id"] = i
            keys: set[tuple[int, int]] = set()
            for c in d.claims:
                c["revision_id"] = i
                by_pred[c["predicate"]] += 1
                if c["predicate"] == "said":
                    quote = Claim(span=Span(c["start"], c["end"], 1, 1, 1, 1), subject=None, predicate="said",
                                  value=c["value"], qualifiers=c["qualifiers"])
                    keys.update((k, c["start"]) for k in claim_keys(quote))
            key_buf.extend({"key": k, "revision_id": i, "start": st} for k, st in sorted(keys))
            ment_buf.extend(d.mentions)
            claim_buf.extend(d.claims)
            stats.claims += len(d.claims)
            stats.mentions += len(d.mentions)
            if len(claim_buf) >= BATCH or len(ment_buf) >= BATCH:
                flush()
            if progress is not None and i % 1000 == 0:
                progress(f"{i:,}/{n_docs:,} documents, {stats.claims:,} claims")
        flush(final=True)
        _fix_sequences(conn)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            from sqlalchemy import text

            conn.execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            from sqlalchemy import text

            conn.execute(text("ANALYZE"))
    engine.dispose()
    stats.documents = n_docs
    stats.text_mb = text_bytes / 1e6
    stats.by_predicate = dict(by_pred)
    stats.seconds = time.perf_counter() - t0
    return stats, world


# ----------------------------------------------------------------------------- the draft


def write_draft(world: World, path: Path, day: date = date(2023, 5, 30), seed: int = 7) -> int:
    """A ~1,000-word article dated ``day`` naming people of the ledger (the seed KB's and the
    generated KB's), with a few of the slips editors make.  Returns its word count."""
    r = random.Random(seed)
    holders = [(o, o.holder(day)) for o in world.offices if o.id and o.id.startswith("g-")]
    holders = [(o, h) for o, h in holders if h is not None][:40]
    r.shuffle(holders)
    picks = holders[:8]

    def t(o: Office) -> str:
        return o.titles[0]

    def dem(o: Office) -> str:
        return world.demonyms[o.country or ""][0] if o.country in world.demonyms else ""

    ev = next((e for e in world.events if e.id and e.id.startswith("g-event") and e.start
               and abs((e.start - day).days) < 40), None)
    ev_line = ""
    if ev is not None:
        city = next((c for c in world.all_cities if c.id == ev.place), None)
        ev_line = (f"Delegations are also preparing for the {ev.name}, which opens in "
                   f"{city.name if city else 'the capital'} in {MONTHS[(ev.start or day).month - 1]}. "
                   f"Organisers said the {ev.name} would focus on regional security and energy.")
    q_speaker = picks[0][1] if picks else None
    (o1, h1), (o2, h2), (o3, h3), (o4, h4) = picks[0], picks[1], picks[2], picks[3]
    (o5, h5), (o6, h6), (o7, h7), (o8, h8) = picks[4], picks[5], picks[6], picks[7]
    paras = [
        "---",
        "title: Defense chiefs trade blame as Asia security forum nears",
        "source: Bench Daily",
        f"published: {day.isoformat()}",
        "author: Bench Desk",
        "---",
        "",
        "# Defense chiefs trade blame as Asia security forum nears",
        "",
        "China has declined a request from the United States for a meeting between the two "
        "countries' defense chiefs at the Shangri-La Dialogue in Singapore this week, the "
        "Pentagon said on Monday, in the latest sign of the strain between the two militaries.",
        "",
        "US Sec. of State Lloyd Austin had hoped to meet his Chinese counterpart, Defense "
        "Minister Li Shangfu, on the sidelines of the forum, which runs from June 2 to June 4. "
        "Defense Secretary Lloyd Austin has said repeatedly that open lines of communication "
        "between the two militaries are essential to avoid miscalculation.",
        "",
        "Li Shangfu has been under US sanctions since 2018 over the purchase of Russian fighter "
        "jets and air defense equipment. Washington sanctioned Li Shangfu in 2018, and Beijing "
        "has made the lifting of those sanctions a precondition for talks. The Chinese Foreign "
        "Ministry spokesperson Mao Ning said the United States knew the reason for the impasse.",
        "",
        "“The US side is fully aware of the reasons for the difficulties in military "
        "communication,” Mao Ning said at a regular briefing in Beijing.",
        "",
        "Secretary of State Antony Blinken, who postponed a trip to Beijing in February after a "
        "Chinese surveillance balloon was shot down over US territory, said Washington would keep "
        "trying. “We will keep the channels open,” Blinken said. National Security Adviser Jake "
        "Sullivan met Wang Yi in Vienna earlier this month, and President Joe Biden said at the "
        "G7 summit in Hiroshima that he expected a thaw in relations soon.",
        "",
        "Mr. Ly, as some regional outlets call him, is an aerospace engineer who rose through the "
        "ranks of the People's Liberation Army. Li Thuong Phuc was named defense minister in March, "
        "succeeding then-Defense Minister Wei Fenghe, who met Austin at the same forum in 2022.",
        "",
        f"Elsewhere, {dem(o1)} {t(o1)} {h1.name} told reporters that the decision was a mistake. "
        f"“We will not accept any conditions that undermine our sovereignty,” {h1.name} said, "
        f"adding that the talks must continue without delay. {dem(o2)} {t(o2)} {h2.name} called "
        f"for calm after the incident, and {dem(o3)} {t(o3)} {h3.name} said the region needed "
        "stability more than ever before.",
        "",
        f"In a statement, {dem(o4)} {t(o4)} {h4.name} said there was no military solution to "
        f"the crisis. {dem(o5)} {t(o5)} {h5.name} is expected to travel to Singapore later this "
        f"week, and {dem(o6)} {t(o6)} {h6.name} will attend the forum for the first time. "
        f"{h4.name} met {h5.name} in Singapore on Sunday.",
        "",
        f"{dem(o7)} {t(o7)} {h8.name} defended the government's budget on Tuesday, while "
        f"{dem(o8)} {t(o8)} {h8.name} said the economy had grown faster than forecast despite "
        "high energy prices. Officials counted more than a dozen requests for meetings that "
        "Beijing has rejected since 2021, and the Pentagon said 14 requests had gone unanswered.",
        "",
        ev_line,
        "",
        "The Shangri-La Dialogue, an annual security forum run by the International Institute "
        "for Strategic Studies, is known as a venue for defense officials to network informally. "
        "The 2023 edition was held in Singapore from June 2 to 4, and more than 40 delegations "
        "were expected to attend, according to the organisers.",
        "",
        "Analysts said the refusal was designed to send a message. “It's designed to be a snub, "
        "I think that's pretty evident,” Alexander Neill, a Singapore-based strategic adviser, "
        "told reporters. He said relations between the two militaries were obviously the most "
        "fraught and sensitive part of the bilateral relationship.",
        "",
        "US Pres. Biden said the sanctions on Li Shangfu were under negotiation, but the State "
        "Department later clarified that no change was planned. Commerce Secretary Gina Raimondo "
        "met Chinese Commerce Minister Wang Wentao in Washington last week, the first cabinet-level "
        "meeting between the two sides in months.",
        "",
        f"{h2.name} said on Wednesday that the agreement reflected years of patient work by "
        f"diplomats. “This visit marks the beginning of a new chapter in relations between our two "
        f"countries,” {h2.name} said. {h3.name} added that nobody should doubt the government's "
        "resolve to defend the country against any aggression from abroad.",
        "",
        f"Speaking in Singapore, {h6.name} said the ceasefire was fragile and that the next few "
        "weeks would decide whether it held or collapsed. The ministry has opened an "
        "investigation into the incident and will publish its findings, officials said, adding "
        "that 12 diplomats had been recalled for consultations.",
        "",
        "Defense Secretary Lloyd Austin is due to speak at the forum on Saturday, and Chinese "
        "Defense Minister Li Shangfu on Sunday. Neither side has ruled out a brief exchange on "
        "the sidelines, though officials on both sides played down the chances of a formal "
        "meeting. Austin said the United States would not be deterred from operating in the "
        "region, and Li said China would defend its interests.",
        "",
        "In Beijing, Foreign Minister Qin Gang told visiting diplomats that China was ready to "
        "work with the United States but would not accept pressure. Chinese President Xi Jinping "
        "has not commented publicly on the request, and the Chinese Embassy in Washington said it "
        "had nothing to add to the ministry's statement. State Councilor Wang Yi is expected to "
        "travel to Europe next month.",
        "",
        f"Back in Singapore, officials said {h7.name} and {h1.name} had spoken by phone on "
        "Friday about the meeting and agreed to keep talking. Organisers said about 600 "
        "delegates had registered, more than in any previous year, and that 3 plenary sessions "
        "would be devoted to maritime security. A spokesman for the organisers said the agenda "
        "was final and that no further changes were planned.",
        "",
        f"{q_speaker.name if q_speaker else 'The minister'} is due to brief parliament next week. "
        "The people deserve the truth about what happened that night at the border crossing, "
        "opposition lawmakers said, calling for an independent inquiry into the incident.",
    ]
    text = "\n".join(paras) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.split())


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ledger_gen",
                                 description="Fill a new ledger with generated documents and claims.")
    ap.add_argument("--db", required=True, help="database URL (a new, empty database)")
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--claims-per-doc", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--draft", type=Path, help="also write the draft article to this file")
    args = ap.parse_args(argv)
    stats, world = generate(args.db, args.claims, args.seed, args.claims_per_doc,
                            progress=lambda s: print(s, file=sys.stderr, flush=True))
    print(f"{stats.documents:,} documents, {stats.claims:,} claims, {stats.mentions:,} mentions, "
          f"{stats.entities:,} entities, {stats.text_mb:.1f} MB text in {stats.seconds:.1f} s")
    print("claims by predicate: " + ", ".join(f"{k} {v:,}" for k, v in sorted(stats.by_predicate.items())))
    if args.draft:
        words = write_draft(world, args.draft)
        print(f"draft: {args.draft} ({words} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
