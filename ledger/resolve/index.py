"""The name index: every form of every KB entity under one folded key.

Forms are the house-preferred name, the KB aliases, editor-taught aliases, and for entities with
a ``native`` name the transliterations derived from it.  Offices are indexed by their titles,
countries by their demonyms and codes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ledger import rx
from ledger.model import Entity
from ledger.resolve.keys import PARTICLES, TITLE_HEADS
from ledger.resolve.tokens import phrase_key

MEMO_SIZE = 100_000


class Entry(NamedTuple):
    """One form of an entity under a key (a tuple: the cached index unpickles fast)."""

    entity: str
    kind: str
    form: str  # the form as written in the KB or derived
    method: str  # exact, alias, transliteration, title, demonym, code
    reason: str


@dataclass
class NameIndex:
    entities: dict[str, Entity] = field(default_factory=dict)
    keys: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    max_tokens: int = 1
    prefixes: set[str] = field(default_factory=set)
    # person id -> folded surname keys / given-name keys, for short references
    surnames: dict[str, set[str]] = field(default_factory=dict)
    givens: dict[str, set[str]] = field(default_factory=dict)
    # country code -> place id
    countries: dict[str, str] = field(default_factory=dict)
    _by_surname: dict[str, list[str]] | None = None
    _fuzzy: Any = None

    def fuzzy(self) -> Any:
        """The near-miss index over every form (built on first use)."""
        if self._fuzzy is None:
            from ledger.resolve.fuzzy import FuzzyIndex

            fz = FuzzyIndex()
            for entries in self.keys.values():
                for e in entries:
                    if e.method in ("exact", "alias", "transliteration"):
                        fz.add(e.form, e.entity, e.kind)
            fz.build()
            self._fuzzy = fz
        return self._fuzzy

    def memo(self, name: str) -> dict[Any, Any]:
        """A cache for what depends only on the index and a few values (named by ``name``),
        kept with the index but never pickled with it.  Bounded: cleared when it grows past
        ``MEMO_SIZE`` entries."""
        memos: dict[str, dict[Any, Any]] = self.__dict__.setdefault("_memos", {})
        memo = memos.get(name)
        if memo is None or len(memo) > MEMO_SIZE:
            memo = memos[name] = {}
        return memo

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_memos", None)
        state.pop("_countries_of", None)
        return state

    def add(self, key: str, entry: Entry) -> None:
        if not key:
            return
        self.__dict__.pop("_memos", None)  # what was worked out from the index before
        self.__dict__.pop("_countries_of", None)
        bucket = self.keys[key]
        if any(e.entity == entry.entity and e.method == entry.method for e in bucket):
            return
        bucket.append(entry)
        self.max_tokens = max(self.max_tokens, key.count(" ") + 1)
        words = key.split(" ")
        for k in range(1, len(words)):
            self.prefixes.add(" ".join(words[:k]))

    def has_prefix(self, key: str) -> bool:
        """Could a longer key start with ``key``?  (Stops the longest-match scan early.)"""
        return key in self.prefixes

    def lookup(self, key: str) -> list[Entry]:
        return self.keys.get(key, [])

    def by_surname(self, key: str) -> list[str]:
        """Persons one of whose surname readings is ``key`` (blocking for transliteration)."""
        if self._by_surname is None:
            table: dict[str, list[str]] = defaultdict(list)
            for pid, keys in self.surnames.items():
                for k in keys:
                    table[k].append(pid)
            self._by_surname = table
        return self._by_surname.get(key, [])

    def get(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def country_of(self, entity_id: str | None) -> str | None:
        """ISO code of an entity's country, following part_of for places.  Asked for every
        candidate office of every title mentioned, so the answers are kept (never pickled)."""
        cache: dict[str | None, str | None] | None = self.__dict__.get("_countries_of")
        if cache is None:
            cache = self.__dict__["_countries_of"] = {}
        try:
            return cache[entity_id]
        except KeyError:
            code = cache[entity_id] = self._country_of(entity_id)
            return code

    def _country_of(self, entity_id: str | None) -> str | None:
        seen = set()
        ent = self.get(entity_id)
        while ent is not None and ent.id not in seen:
            seen.add(ent.id)
            if ent.code:
                return ent.code
            if ent.country:
                return ent.country
            ent = self.get(ent.part_of or ent.place)
        return None

    def within(self, inner: str, outer: str) -> bool:
        """Is place ``inner`` the same as or part of ``outer``?"""
        seen = set()
        ent = self.get(inner)
        while ent is not None and ent.id not in seen:
            if ent.id == outer:
                return True
            seen.add(ent.id)
            ent = self.get(ent.part_of)
        return False


def _name_parts(name: str) -> tuple[str, str]:
    """(surname, given) keys of a Latin-script name written given-name first.  A last word of
    three or more syllables joined by hyphens is the surname whole: "Ra-ma-pho-xa" of the
    Vietnamese press's "Xi-rin Ra-ma-pho-xa"."""
    words = name.split()
    if len(words) > 1 and words[-1].strip("-").count("-") >= 2 and (last := phrase_key(words[-1], expand=False)):
        return last, phrase_key(words[0], expand=False)
    toks = phrase_key(name, expand=False).split()
    toks = [t for t in toks if len(t) > 1 or not t.isalpha()]  # drop initials
    suffixes = {"jr", "sr", "ii", "iii", "iv"}
    while len(toks) > 1 and toks[-1] in suffixes:
        toks.pop()
    if not toks:
        return "", ""
    return toks[-1], toks[0] if len(toks) > 1 else ""


def double_surname(name: str) -> str | None:
    """The surname of several words a name of three or more (its initials aside) may be
    shortened to: its particles and last word ("Le Pen" of "Marine Le Pen", "von der Leyen",
    "da Silva"), else its last two words ("Šutaj Eštok" of "Matúš Šutaj Eštok", "López Obrador",
    "Hasina Wajed" of "Sheikh Hasina Wajed")."""
    toks = [t for t in phrase_key(name, expand=False).split() if len(t) > 1 or not t.isalpha()]
    if len(toks) < 3 or toks[-1] in ("jr", "sr", "ii", "iii", "iv"):
        return None
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in PARTICLES:
        i -= 1
    return " ".join(toks[i:] if i < len(toks) - 1 else toks[-2:])


# a preposition and the name after it, inside an event's name ("attack on Crocus City Hall")
_PREPOSITION_NAME = rx.compile(r"(?<=\w )(on|of|in|at) ([A-Z])")


def build_index(entities: Iterable[Entity], extra_aliases: Iterable[tuple[str, str]] = ()) -> NameIndex:
    idx = NameIndex()
    ents = list(entities)
    for e in ents:
        idx.entities[e.id] = e
    for e in ents:
        idx.add(phrase_key(e.name, expand=False), Entry(e.id, e.kind, e.name, "exact", "house-preferred name"))
        for a in e.aliases:
            idx.add(phrase_key(a, expand=False), Entry(e.id, e.kind, a, "alias", f"KB alias of {e.name}"))
        if e.kind == "event":
            # "attack on Crocus City Hall" is also written "attack on the Crocus City Hall"
            for n in [e.name, *e.aliases]:
                if (the := _PREPOSITION_NAME.sub(r"\1 the \2", n)) != n:
                    idx.add(phrase_key(the, expand=False), Entry(e.id, e.kind, the, "alias", f"KB alias of {e.name}"))
        german = _german_forms(e)
        for form, written in german:
            idx.add(phrase_key(written, expand=False),
                    Entry(e.id, e.kind, written, "transliteration", f"{form} with its umlauts spelled out"))
        if e.kind == "office":
            for t in [e.name, *e.titles]:
                idx.add(phrase_key(t), Entry(e.id, e.kind, t, "title", f"title of {e.name}"))
                # a body named by its possessive after "of": "head of its political bureau" for
                # "head of the political bureau" (the text named whose before)
                if (its := _OF_THE.sub(r"\1 its ", t)) != t:
                    idx.add(phrase_key(its), Entry(e.id, e.kind, its, "title", f"title of {e.name}"))
        if e.kind == "place":
            if e.code:
                idx.countries[e.code] = e.id
                idx.add(
                    phrase_key(e.code, expand=False), Entry(e.id, e.kind, e.code, "code", f"country code of {e.name}")
                )
            for d in e.demonyms:
                idx.add(phrase_key(d, expand=False), Entry(e.id, e.kind, d, "demonym", f"demonym of {e.name}"))
        if e.kind == "person" and (nick := _NICKNAME_IN.search(e.name)) is not None:
            # 'Sunita "Suni" Williams': the name without its nickname, and the nickname and surname
            plain = e.name[: nick.start()] + " " + e.name[nick.end() :]
            short = nick.group(1) + " " + e.name[nick.end() :]
            for form in (plain, short):
                idx.add(phrase_key(form, expand=False),
                        Entry(e.id, e.kind, form, "exact", "house-preferred name without its nickname"
                              if form is plain else "house-preferred name's nickname and surname"))
        if e.kind == "person":
            sur, giv = set(), set()
            for n in [e.name, *e.aliases, *(w for _, w in german)]:
                s, g = _name_parts(n)
                if s:
                    sur.add(s)
                if g:
                    giv.add(g)
                if (double := double_surname(n)) is not None:
                    sur.add(double)  # "Šutaj Eštok" of "Matúš Šutaj Eštok", "López Obrador"
            if e.native:
                _add_native(idx, e, sur, giv)
            idx.surnames[e.id] = sur
            idx.givens[e.id] = giv
        elif e.native:
            _add_native(idx, e, set(), set())
    _add_generic_events(idx, ents)
    _add_verb_forms(idx, ents)
    for entity_id, form in extra_aliases:
        taught = idx.entities.get(entity_id)
        if taught is not None:
            idx.add(
                phrase_key(form, expand=False),
                Entry(taught.id, taught.kind, form, "alias", f"alias of {taught.name} taught by an editor"),
            )
    return idx


# the nouns of acts and the verbs that tell them ("the declaration of martial law", "declared
# martial law"; "the capture of Hama", "captured Hama")
_ACTS = {
    "declaration": "declared", "launch": "launched", "invasion": "invaded", "capture": "captured",
    "assassination": "assassinated", "signing": "signed", "lifting": "lifted", "impeachment": "impeached",
    "arrest": "arrested", "release": "released", "seizure": "seized", "dissolution": "dissolved",
    "bombing": "bombed", "inauguration": "inaugurated", "withdrawal": "withdrew", "imposition": "imposed",
    "suspension": "suspended", "annexation": "annexed", "liberation": "liberated", "evacuation": "evacuated",
    "ratification": "ratified", "takeover": "took over", "occupation": "occupied", "siege": "besieged",
    "storming": "stormed", "breach": "breached", "attack": "attacked", "assault": "assaulted",
    "raid": "raided", "shelling": "shelled", "nomination": "nominated", "dismissal": "dismissed",
}
# and those that tell what the act befell ("the fall of Damascus", "Damascus fell"; "Starliner's
# splashdown", "Starliner splashed down"; not the verbs the frames read after an event's name:
# "made landfall", "erupted")
_HAPPENINGS = {
    "fall": "fell", "crash": "crashed", "collapse": "collapsed", "explosion": "exploded",
    "splashdown": "splashed down", "liftoff": "lifted off", "touchdown": "touched down",
    "surrender": "surrendered", "resignation": "resigned", "collision": "collided",
}
# a verb that tells an event whose name has a word of these, in a clause that names it
# otherwise too ("the helicopter crashed" for the "Strelsau helicopter crash", "Mr. Abe was
# shot" for the "assassination of Shinzo Abe"): the verbs above and these
TOLD_BY: dict[str, tuple[str, ...]] = {}
for _noun, _verb in (*_ACTS.items(), *_HAPPENINGS.items()):
    TOLD_BY.setdefault(_verb, ())
    TOLD_BY[_verb] += (_noun,)
for _verb, _nouns in {
    "shot": ("shooting", "assassination", "attempt", "attack"), "gunned down": ("shooting", "assassination", "attempt"),
    "stabbed": ("stabbing", "attempt", "attack"), "assassinated": ("killing",), "derailed": ("derailment",),
    "imploded": ("implosion",), "sank": ("sinking",), "capsized": ("capsizing",), "erupted": ("eruption",),
    "landed": ("landing",), "kidnapped": ("kidnapping", "abduction"), "abducted": ("abduction", "kidnapping"),
    "demolished": ("demolition",), "sworn in": ("inauguration", "swearing"), "ousted": ("ouster", "coup"),
    "toppled": ("ouster", "coup"), "overthrown": ("overthrow", "coup"), "exploded": ("blast",),
    "blown up": ("destruction", "explosion", "blast", "bombing"), "destroyed": ("destruction",),
    "breached": ("breach", "collapse"), "died": ("death",), "took the oath": ("inauguration", "swearing"),
}.items():
    TOLD_BY[_verb] = TOLD_BY.get(_verb, ()) + _nouns
_ACT_OF = rx.compile(r"(?:the )?(?P<act>[a-z]+) (?:of|on) (?:the )?(?P<what>.+)")
_WHAT_ACT = rx.compile(r"(?:the )?(?P<what>.+?)(?:['’]s)? (?P<act>[a-z]+)")


_OF_THE = rx.compile(r"\b(of) the ", re.IGNORECASE)


def _add_verb_forms(idx: NameIndex, ents: list[Entity]) -> None:
    """An event that is an act, told by its verb: "declared emergency martial law" for "the
    declaration of emergency martial law", "declared martial law" for its alias "martial law
    declaration", "captured Hama" for "the capture of Hama" (lower case, as written in a sentence)."""
    people = {phrase_key(n, expand=False) for e in ents if e.kind == "person" for n in (e.name, *e.aliases)}
    for e in ents:
        if e.kind != "event":
            continue
        for form in (e.name, *e.aliases):
            as_written = " ".join(form.split())
            low = as_written[:1].lower() + as_written[1:]
            m = _ACT_OF.fullmatch(low) or _WHAT_ACT.fullmatch(low)
            if m is None or not m.group("what").strip():
                continue
            act, what = m.group("act"), m.group("what")
            if what.split()[-1:] and what.split()[-1].lower() in TITLE_HEADS | {"king", "queen"}:
                # ("impeachment of the interior minister": "impeached Interior Minister Lee
                # Sang-min" is of the minister named; the verb alone tells the event, TOLD_BY)
                continue
            named = as_written[m.start("what") : m.end("what")]  # (its first letter as written)
            if act in _ACTS:
                told = f"{_ACTS[act]} {what}"
            elif act in _HAPPENINGS and named[:1].isupper() and phrase_key(named, expand=False) not in people:
                # (of a name: "Damascus fell"; not of a person's, "Gotabaya Rajapaksa resigned",
                # which would hide the person's mention: the verb tells the event by itself)
                told = f"{named} {_HAPPENINGS[act]}"
            else:
                continue
            idx.add(phrase_key(told, expand=False), Entry(e.id, e.kind, told, "alias", f"{e.name} told by its verb"))


# the words of a country's votes, which news names without the country ("the parliamentary
# election" in a story about Georgia)
_VOTES = frozenset({"election", "elections", "referendum", "runoff", "run", "vote", "ballot", "poll", "polls",
                    "primary", "primaries", "round", "inauguration"})


_ORDINALS = frozenset({"first", "second", "third", "final", "last", "runoff"})


def _add_generic_events(idx: NameIndex, ents: list[Entity]) -> None:
    """A vote's name without the country it names ("Georgian parliamentary election",
    "Georgia's parliamentary election" -> "parliamentary election"), of two words or more and
    naming no other country, as a ``generic`` form: the resolver takes it for the event only in
    a document that names the event's country."""
    words = {phrase_key(w, expand=False) for e in ents if e.kind == "place" and e.code
             for w in (e.name, *e.aliases, *e.demonyms)}
    if not words:
        return
    for e in ents:
        if e.kind != "event" or e.place is None:
            continue
        for form in dict.fromkeys((e.name, *e.aliases)):
            key = phrase_key(form, expand=False)
            toks = key.split()
            rest = None
            for n in (2, 1):
                head = " ".join(toks[:n])
                if len(toks) > n + 1 and (head in words or (head.endswith("'s") and head[:-2] in words)):
                    rest = toks[n:]
                    break
            if rest is None and len(toks) > 3 and toks[-2] == "in" and toks[-1] in words:
                rest = toks[:-2]  # "parliamentary election in Georgia"
            if (rest is None and len(toks) > 3 and toks[0] in _ORDINALS and toks[1] == "round" and toks[2] == "of"
                    and not _VOTES.isdisjoint(toks[3:])):
                rest = toks[:2]  # "first round of the French legislative election": "first round"
            if (rest is not None and len(rest) >= 2 and not _VOTES.isdisjoint(rest) and words.isdisjoint(rest)
                    and (generic := " ".join(rest)) not in idx.keys):
                idx.add(generic, Entry(e.id, e.kind, generic, "generic", f"{e.name}, named without its country"))


# a nickname in quotation marks inside a name: 'Barry "Butch" Wilmore'
_NICKNAME_IN = rx.compile(r"[ \t]+[\"“‘']([^\W\d_][\w.'’-]*)[\"”’'][ \t]+(?=[^\W\d_])")


def _german_forms(e: Entity) -> list[tuple[str, str]]:
    """(form, the form as German is written without umlauts: "Jörg Kukies", "Joerg Kukies")."""
    if not any(ch in "äöüÄÖÜ" for f in (e.name, *e.aliases) for ch in f):
        return []
    from ledger.resolve.translit import german_spelling

    return [(f, w) for f in dict.fromkeys((e.name, *e.aliases)) if (w := german_spelling(f))]


def _add_native(idx: NameIndex, e: Entity, sur: set[str], giv: set[str]) -> None:
    from ledger.resolve import translit

    assert e.native
    for f in translit.derive_forms(e.native):
        idx.add(phrase_key(f.text, expand=False), Entry(e.id, e.kind, f.text, "transliteration", f.reason))
    if e.kind == "person":
        sur |= {phrase_key(s, expand=False) for s in translit.surname_forms(e.native)}
        giv |= {phrase_key(g, expand=False) for g in translit.given_forms(e.native)}
