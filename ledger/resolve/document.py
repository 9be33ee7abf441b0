"""Resolution inside one document: pick the entity each mention denotes, with a reason.

- KB forms (name, alias, derived transliteration) resolve directly; several entities with one
  name (editions of a recurring event) are told apart by the document's date.
- A capitalized run that is no KB form is tried syllable by syllable against the KB persons
  sharing its surname reading ("Li Thuong Phuc": pinyin surname, Sino-Vietnamese given name).
- A short form ("Austin", "Mr. Li", "Gen. Li", "Mr. Phuc") resolves only to a person introduced
  earlier in the same document, the nearest compatible one; never by a guess across the KB.
- A title resolves to the office of the country named before it ("US", "Chinese", "China's")
  or, failing that, of its holder's country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ledger import rx
from ledger.extract import Extraction
from ledger.extract.mentions import (
    AGE_AFTER_NAME,
    GIVEN_NAME_ONLY,
    HONORIFICS,
    TITLE_HEADS,
    titled_description,
    unknown_qualifier,
)
from ledger.extract.quotes import REPORTING_VERBS
from ledger.model import Claim, Document, Entity, Mention, Span
from ledger.read.sections import heading_text
from ledger.resolve.index import TOLD_BY, Entry, NameIndex, double_surname
from ledger.resolve.keys import DIRECTION, ORG_LAST_WORDS, PARTICLES, name_key, name_like
from ledger.resolve.tokens import CALENDAR_WORDS, COMMON_WORDS, phrase_key

# countries whose press calls people by the given name (no surname, a patronymic, or the
# custom): "Anwar", "Prabowo", "Paetongtarn", "Abiy"; elsewhere a given name alone is someone
# else ("said Oleksandr, a 46-year-old driver"; "Russia's Vladimir region")
_GIVEN_NAME_COUNTRIES = frozenset({"VN", "TH", "ID", "MY", "MM", "KH", "LA", "BN", "IS", "ET", "ER", "SO"})


def _by_given_name(p: Introduced, index: NameIndex) -> bool:
    """Whether a given name alone may name ``p``: a person the KB does not know (the text may
    follow any custom), or of a country that calls people so."""
    if p.entity is None:
        return True
    ent = index.entities.get(p.entity)
    return ent is None or not ent.country or ent.country in _GIVEN_NAME_COUNTRIES


@dataclass
class Introduced:
    entity: str | None
    name: str
    line: int
    surnames: set[str]
    givens: set[str]
    kin: bool = False  # introduced as someone's relative ("his son Hunter Biden")
    female: bool = False  # introduced as a woman relative ("Abe's widow, Akie Abe"): "Mrs. Abe"
    end: int = -1  # where the introducing mention ends


def resolve(doc: Document, ex: Extraction, index: NameIndex) -> None:
    intro: list[Introduced] = []
    # capitalized runs of several words that nothing showed to be a name yet ("hosted Yoon Suk
    # Yeol"): a later "Mr. Yoon" shows that one was, and is introduced by it
    loose: list[tuple[Mention, set[str]]] = []  # with the words of each
    last_event: Mention | None = None
    events: list[Mention] = []  # the events named so far
    named: set[str] = set()  # the countries the text has named so far, by code
    places: set[str] = set()  # the KB places the text has named so far
    people: list[Mention] = []  # the KB people named so far
    prev: Mention | None = None
    outer: Mention | None = None  # the last event told by "the" and a word ("The 7.4-magnitude quake")
    for m in ex.mentions:
        if m.kind == "office":
            continue
        if m.hint.get("verb"):
            _resolve_verb(doc, m, events, index, people)
            continue
        if m.hint.get("anaphor"):
            _resolve_anaphor(doc, m, _in_course(doc, m, last_event, events, index), index, places)
            outer = m
            continue
        if m.candidates and any(e.method == "generic" for e in m.candidates):
            # an event named without its country ("the parliamentary election"): the one of a
            # country the text has named, else none
            m.candidates = [e for e in m.candidates if e.method != "generic"
                            or index.country_of(index.entities[e.entity].place) in named]
            if not m.candidates:
                _set(m, index, None, None, 0.0, "dropped", "")
                continue
        if m.candidates:
            _resolve_kb(doc, m, index)
            if m.kind == "org" and m.entity:
                _another_countrys(doc, m, prev, named, index)
        elif m.hint.get("run"):
            _resolve_run(doc, m, index, intro, loose)
            words = set(phrase_key(m.surface, expand=False).split()) if m.method == "dropped" else set()
            if len(words) >= 2:
                loose.append((m, words))
        if m.kind == "person" and m.method in _INTRODUCING:
            intro.append(_introduce(m, index))
            relation = _KIN_BEFORE.search(doc.text, max(0, m.span.start - 40), m.span.start)
            intro[-1].kin = relation is not None
            intro[-1].female = relation is not None and relation.group("kin").lower() in _WOMEN_KIN
        if (m.kind == "event" and not m.entity and outer is not None and outer.entity
                and outer.span.start <= m.span.start and m.span.end <= outer.span.end):
            # "The 7.4-magnitude quake": its words after "The" name no other event than the whole
            _set(m, index, None, None, 0.0, "dropped", "")
            continue
        if m.kind == "event" and (m.entity or m.method == "unknown-name") and not m.hint.get("anaphor"):
            last_event = m
            events.append(m)
            # "the killing of Hassan Nasrallah": the person the event's name names is introduced
            intro += _named_in(m, index)
        if m.kind == "place" and (code := _country_code(m, index)):
            named.add(code)
        if m.kind == "place" and m.entity:
            places.add(m.entity)
        if m.kind == "person" and m.entity:
            people.append(m)
        prev = m
    if any(m.hint.get("named_late") for m in ex.mentions):
        _resolve_dropped_again(doc, ex.mentions, index)
    _headline_names(doc, ex.mentions, index)
    # a title a verb gives its subject ("Li Shangfu was named defense minister"): that person holds it
    given = {id(o): p for p in ex.mentions if p.kind == "person" and (o := p.hint.get("holder_of")) is not None}
    home = _home_country(ex.mentions, index)
    # the surnames of people a title gives a country ("Lithuanian Defense Minister Arvydas
    # Anusauskas"): no other title of theirs is the home country's
    qualified = {phrase_key(h.surface, expand=False).split()[-1] for o in ex.mentions
                 if o.kind == "office" and (o.hint.get("qualifier") is not None or "unknown_qualifier" in o.hint)
                 and (h := o.hint.get("holder") or given.get(id(o))) is not None and h.surface.strip()}
    for k, m in enumerate(ex.mentions):
        if m.kind == "office":
            before = ex.mentions[k - 1] if k else None
            if (before is not None and before.kind == "org" and before.entity
                    and _OWNED_TITLE_GAP.fullmatch(doc.text, before.span.end, m.span.start)):
                m.hint["body"] = before  # "Kremlin spokesman", "Foreign Ministry spokeswoman": its body's title
                if not _generic_institution(before.surface):
                    m.hint["owner"] = before  # "PML-N President", "OpenAI's president": the org's title
            _resolve_office(doc, m, index, given.get(id(m)), home, qualified)
    scare: set[int] = set()
    for c in ex.claims:
        subj = ex.mentions[c.refs["subject"]] if "subject" in c.refs else None
        c.subject = subj.entity if subj else None
        if subj is None and c.predicate == "said":
            # "“…,” the President said": the holder of the office then, when the KB has one
            c.subject = _office_speaker(doc, c, ex.mentions, index) or _national_speaker(doc, c, ex.mentions, index)
        if (subj is not None or c.subject is None) and _scare_quote(c, subj):
            scare.add(id(c))
            continue
        if subj is not None and c.predicate == "holds_office" and (
                subj.method == "dropped" or (subj.kind == "org" and not subj.entity) or subj.kind == "place"):
            # the word after the title is no name ("Justice Department officials", "International
            # Justice Correspondent"), or a place ("the summit in New York, the President
            # called"): no one holds the office there
            scare.add(id(c))
            continue
        obj = ex.mentions[c.refs["object"]] if "object" in c.refs else None
        c.object = obj.entity if obj else None
        if subj is not None and "name_key" in subj.hint:
            c.subject_key = name_key(subj)
        qualifier = ex.mentions[c.refs["qualifier"]] if "qualifier" in c.refs else None
        if c.object is None and obj is not None and obj.hint.get("offices"):
            c.qualifiers["offices"] = list(obj.hint["offices"])
        if c.object is None and obj is not None and obj.hint.get("owned_by"):
            c.qualifiers["owner"] = obj.hint["owned_by"]  # a party's, a company's title
        if c.predicate == "holds_office" and obj is not None and (
                org := _org_of(doc.text, c.refs["object"], ex.mentions)):
            c.qualifiers["org"] = org  # the body the title speaks or works for ("Kremlin spokesman")
        if c.object is None and qualifier is not None and (code := index.country_of(qualifier.entity)):
            # a title left unresolved keeps the KB country named before it ("U.S. Ambassador")
            c.qualifiers["country_code"] = code
    if scare:
        ex.claims[:] = [c for c in ex.claims if id(c) not in scare]
    ex.mentions[:] = [m for m in ex.mentions if m.method != "dropped"]
    prev = None
    for m in ex.mentions:
        if m.kind == "person" and m.entity and (
                _INTRODUCES.search(doc.text, max(0, m.span.start - 40), m.span.start)
                # "President Yoon Suk Yeol — Yun Sŏk-yŏl, in the McCune-Reischauer spelling":
                # another form given right after the name
                or (prev is not None and prev.entity == m.entity and prev.span.end <= m.span.start
                    and _SPELT_AFTER.fullmatch(doc.text, prev.span.end, m.span.start))):
            m.form = "introduced"  # "Widodo, popularly known as Jokowi": a name the text gives the person
        if (m.kind == "person" and m.entity and prev is not None and prev.entity == m.entity
                and prev.span.end <= m.span.start and _REAL_NAME.fullmatch(doc.text, prev.span.end, m.span.start)):
            # "Abu Mohammed al-Julani, whose real name is Ahmed al-Sharaa": both names the text gives
            prev.form = m.form = "introduced"
        prev = m


# between a name and another form of it given as such: a dash, a parenthesis, "or", a
# quotation mark ("Mohamed Hamdan Dagalo 'Hemeti'")
_SPELT_AFTER = rx.compile(r"[ \t\u00a0]*(?:[—–(]|,?[ \t\u00a0]+or|,[ \t\u00a0]+also)[ \t\u00a0]*"
                          r"|[ \t\u00a0]+[\"“‘']")
# abbreviated ranks that, written without their period, are also given names ("Gen Nakatani")
_GIVEN_NAME_TOO = frozenset({"Gen"})
# the French press's "M." before a name with a "Mme" or "MM." beside it, or French words around
_FRENCH_M = rx.compile(r"\b(?:Mme|MM\.|Mlle|a déclaré|selon|le président|la ministre|le ministre)\b")
# between a name and the person's real name given after it ("al-Julani, whose real name is
# Ahmed al-Sharaa", "al-Julani (real name: Ahmed al-Sharaa)", "al-Julani, born Ahmed al-Sharaa")
_REAL_NAME = rx.compile(r"[ \t\u00a0]*(?:,|\()[ \t\u00a0]*(?:whose[ \t\u00a0]+)?(?:real|birth|legal|given)[ \t\u00a0]+"
                        r"name(?:[ \t\u00a0]+is|:)?[ \t\u00a0]+|,[ \t\u00a0]+born[ \t\u00a0]+"
                        # "al-Jolani, who has returned to his real name, Ahmed al-Sharaa"
                        r"|,[ \t\u00a0]+who[\w \t\u00a0]{0,30}?[ \t\u00a0](?:real|birth|legal)[ \t\u00a0]+name"
                        r",?[ \t\u00a0]+")
# a name the text gives as another the person goes by: "popularly known as Jokowi", "nicknamed",
# a birth name ("Born Huang Jen-hsun in Tainan")
_INTRODUCES = rx.compile(r"(?:\bknown|\bnicknamed|\bdubbed|\bcalled|\ba\.?k\.?a\.?|\bborn|\bn[ée]e)"
                         r"[ \t\u00a0\n]+(?:as[ \t\u00a0\n]+)?[\"“'‘]?\Z", re.IGNORECASE)


_VOWELS = frozenset("aeiouy")


# scripts whose romanizations differ in ways a folded key (of ``translit``) makes one: the
# script's letters, the countries that write it (for a person the KB gives no native form), the key
_SCRIPTS = {
    "Korean": (rx.compile(r"[\uac00-\ud7a3]"), frozenset({"KR", "KP"}), "korean_key"),
    # Arabic, Persian, Urdu, Pashto
    "Arabic-script": (rx.compile(r"[\u0600-\u06ff]"), frozenset(
        "AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE MR IR AF PK".split()), "arabic_key"),
    # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    "Indic": (rx.compile(r"[\u0900-\u0dff]"), frozenset("IN BD LK NP BT".split()), "indic_key"),
    "Hebrew": (rx.compile(r"[\u0590-\u05ff]"), frozenset({"IL"}), "hebrew_key"),
    "Armenian": (rx.compile(r"[\u0530-\u058f]"), frozenset({"AM"}), "armenian_key"),
    # Slovak, Czech, Polish, Croatian, Slovene, Bosnian, Serbian and Montenegrin in Latin letters
    "Slavic (Latin)": (rx.compile(r"[čšžňľťďřěůćđłśźżąęČŠŽŇĽŤĎŘĆĐŁŚŹŻ]"),
                       frozenset("SK CZ PL HR SI BA RS ME".split()), "slavic_latin_key"),
}


def _written_in(ent: Entity, script: str, index: NameIndex | None = None) -> bool:
    """Whether an entity's name is romanized from ``script`` (of ``_SCRIPTS``): its native form
    is in it, or (none given) it is a person or a place of a country that writes it ("Al
    Haouz", which the Spanish press writes "Al Hauz")."""
    letters, countries, _ = _SCRIPTS[script]
    if ent.native:
        return bool(letters.search(ent.native))
    country = ent.country or (index.country_of(ent.id) if index is not None and ent.kind == "place" else None)
    return ent.kind in ("person", "place") and (country or "") in countries


def _script_key(script: str, name: str) -> str:
    """The folded key of a name romanized from ``script`` (``translit.korean_key``, ...)."""
    from ledger.resolve import translit

    key: Callable[[str], str] = getattr(translit, _SCRIPTS[script][2])
    return key(name)


def _vowels_apart(a: str, b: str) -> bool:
    """Two spellings of a name that differ only in vowels added or left out ("Raeisi",
    "Raisi"), in a word's first vowel ("Ibrahim", "Ebrahim") or in one other vowel of a word
    ("Qaisar", "Qaiser"); not in vowels swapped ("Pezeshkain", "Pezeshkian": a slip)."""
    wa, wb = phrase_key(a, expand=False).split(), phrase_key(b, expand=False).split()
    if len(wa) != len(wb) or wa == wb:
        return False
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if x[:1] in _VOWELS and y[:1] in _VOWELS:
            x, y = x[1:], y[1:]
        if len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1 and all(
                p in _VOWELS and q in _VOWELS for p, q in zip(x, y, strict=True) if p != q):
            continue  # one short vowel written otherwise: "Qaisar", "Qaiser" (Arabic script writes none)
        short, long_ = (x, y) if len(x) <= len(y) else (y, x)
        letters = iter(long_)
        # the shorter is the longer less some letters, all of them vowels
        if not all(ch in letters for ch in short) or _consonants(x) != _consonants(y):
            return False
    return True


def _consonants(word: str) -> str:
    return "".join(ch for ch in word if ch not in _VOWELS)


# words after a title that are no surname: days and months, the heads of institutions'
# names ("Prime Minister's Office", "General Council") and of diplomats' titles
_NO_SURNAMES = CALENDAR_WORDS | frozenset("""
office council ministry committee commission department agency bureau assembly parliament court
cabinet government administration senate board secretariat palace chamber extraordinary plenipotentiary
elect designate designee command headquarters directorate authority corps staff
correspondent correspondents editor editors reporter reporters writer columnist contributor
""".split())


def _plural_demonym(key: str, index: NameIndex) -> bool:
    """Whether ``key`` is the plural of a KB demonym ("nigeriens" of "Nigerien")."""
    return key.endswith("s") and any(e.method == "demonym" for e in index.lookup(key[:-1]))


_INTRODUCING = ("exact", "alias", "transliteration", "nickname", "fuzzy", "title-holder", "unknown-name")
# the last words of institutions' names ("World Bank", "Defense Department")
# the last words of names of groups of people ("Kenya Kwanza MPs", "Labour MPs", "GOP Senators")
_GROUP_LAST_WORDS = frozenset("""mps meps mks senators lawmakers legislators deputies members supporters
loyalists voters officials ministers""".split())
# an honorific and a name inside quotation marks: a nickname ("Mr Cannabis")
_NICKNAME_QUOTED = rx.compile(r"[\"“‘'][A-Z][a-z]{1,3}\.?[ \t\u00a0]*\Z")
_QUOTE_CLOSES = rx.compile(r"[\"”’']")
# the last word of a place or a building named for someone ("King Faisal Naval Base")
# (not a word that is also a surname: "Street", "Bridge", "Port")
_FACILITY_WORDS = frozenset("""base airbase airport hospital stadium avenue mosque palace centre center highway
""".split())
_ROYAL = frozenset({"prince", "princess", "king", "queen", "duke", "duchess", "pope", "emperor", "empress",
                    "sultan", "emir", "crown prince"})


def _scare_quote(c: Claim, speaker: Mention | None) -> bool:
    """A word or two in quotation marks that no one is named saying: a scare quote or a
    title ('the parallel "blue" dollar', CNBC's "Squawk Box"), no ``said`` claim.  A quote
    of three words or more, or a whole one, keeps whatever speaker it has."""
    if c.predicate != "said" or not c.qualifiers.get("partial") or len(
            str(c.qualifiers.get("normalized") or "").split()) >= 3:
        return False
    sentence, excerpt = c.sentence or "", c.excerpt or ""
    at = sentence.find(excerpt) if excerpt else -1
    if at >= 0 and _NAME_OF_A_SHOW.match(sentence, at + len(excerpt)):
        return True  # 'NBC's "Today" show': a name in quotes, no one's words
    if speaker is None:  # a description ("Economists consulted by this newspaper") is no one
        return not name_like(str(c.qualifiers.get("speaker_text") or ""))
    return _no_speaker(speaker)


# after a word or two in quotation marks, what names a programme or a publication: 'NBC's
# "Today" show'
_NAME_OF_A_SHOW = rx.compile(r"[ \t\u00a0]+(?:show|programme|program|podcast|newspaper|magazine|column|series)\b")


def _no_speaker(m: Mention) -> bool:
    """A quote's "speaker" that says nothing: a place; a name nothing showed to be a person's
    that GeoNames knows as a place ("Argentina") or that is one word opening a sentence
    ("Economists said ...")."""
    if m.method != "dropped":
        return m.kind not in ("person", "org")
    if m.hint.get("sentence_start") and " " not in m.surface.strip():
        return True
    from ledger.resolve.gazetteer import lookup

    return lookup(m.surface) is not None


def _hyphen_joined(surface: str) -> bool:
    """Whether a name is one word of parts joined by hyphens ("Ra-ma-pho-xa", "Jean-Pierre")."""
    return " " not in surface.strip() and "-" in surface


def _headline_names(doc: Document, mentions: list[Mention], index: NameIndex) -> None:
    """A headline names people by surname before the text names them in full ("Parliament
    impeaches President Yoon", then "President Yoon Suk Yeol"): a surname there that no earlier
    name introduced is the person the text names in full later."""
    bare = [m for m in mentions if m.kind == "person" and m.hint.get("run") and (
        m.method in ("unintroduced", "dropped")
        # (or a surname a title made a name of its own: "South African President Ra-ma-pho-xa
        # sworn in", then "President Xi-rin Ra-ma-pho-xa")
        or (m.method == "unknown-name" and " " not in m.surface.strip()))]
    lines = _headlines(doc, max((m.span.start for m in bare), default=-1))
    if not lines:
        return
    people = [m for m in mentions if m.kind == "person" and m.method in _INTRODUCING]
    for m in bare:
        if not any(a <= m.span.start < b for a, b in lines):
            continue
        key = phrase_key(m.surface, expand=False)
        if " " in key and not _hyphen_joined(m.surface):
            continue  # (one word, or one joined by hyphens: "Ra-ma-pho-xa")
        later = next((p for p in people if p.span.start > m.span.start and not any(
            a <= p.span.start < b for a, b in lines) and key in (q := _introduce(p, index)).surnames | q.givens),
                     None)
        if later is None:
            continue
        _set(m, index, None, later.entity, 0.85, "short",
             f"surname of {later.preferred or later.surface}, named in full on line {later.span.line} "
             "(a headline names people before its text does)", "short")
        if later.entity is None:
            m.hint["name_key"] = later.hint.get("name_key") or phrase_key(later.surface, expand=False)


def _headlines(doc: Document, until: int) -> list[tuple[int, int]]:
    """The spans of the document's headline lines that start at or before ``until``: Markdown
    headings, the line that is its title, and a first line of the body that ends without a
    sentence's punctuation."""
    text = doc.text
    title = " ".join((doc.title or "").split())
    out: list[tuple[int, int]] = []
    first = True
    for sec in doc.body_spans():
        pos = sec.start
        while pos < min(sec.end, until + 1):
            nl = text.find("\n", pos, sec.end)
            end = sec.end if nl < 0 else nl
            if first or text.startswith(("#", "*", "_"), pos) or (title and text.startswith(title[:1], pos)):
                line, heading = heading_text(text[pos:end])
                if line:
                    plain = " ".join(line.split())
                    ends = line.endswith((".", "!", "?", '"', "”", ":"))  # a sentence's end: no headline's
                    if heading or (not ends and ((title and plain == title) or (first and len(line.split()) <= 20))):
                        out.append((pos, end))
                    first = False
            pos = end + 1
    return out


def _resolve_dropped_again(doc: Document, mentions: list[Mention], index: NameIndex) -> None:
    """A name shown to be a person's only by a later cue ("Kazuo Ueda ... Ueda told
    reporters"): the lone surnames between the two ("Ueda, 71, would be ...") were dropped
    before it was known, and are resolved again, against the people introduced before each."""
    people = [(m.span.start, m) for m in mentions if m.kind == "person" and m.method in _INTRODUCING]
    first = min(m.span.start for m in mentions if m.hint.get("named_late"))
    for m in mentions:
        if m.method == "dropped" and m.hint.get("run") and m.span.start > first:
            before = [_introduce(p, index) for start, p in people if start < m.span.start]
            _resolve_run(doc, m, index, before)


def _set(
    m: Mention,
    index: NameIndex,
    entry: Entry | None,
    entity: str | None,
    score: float,
    method: str,
    reason: str,
    form: str = "",
) -> None:
    m.entity = entity
    m.score = round(score, 3)
    m.method = method
    m.reason = reason
    m.form = form or method
    ent = index.get(entity)
    m.preferred = ent.name if ent else None
    if ent is not None:
        m.kind = ent.kind


_FORMS = {"exact": "preferred", "alias": "alias", "transliteration": "transliteration"}


def _country_code(m: Mention, index: NameIndex) -> str | None:
    """ISO code of the country of a place mention: of the KB, else of GeoNames."""
    if m.entity:
        return index.country_of(m.entity)
    key = str(m.hint.get("name_key") or "")
    if key.startswith("geo:"):
        from ledger.resolve import gazetteer

        return gazetteer.country_of(key)
    return None


# what joins a title to the body it speaks or works for: "spokesman for the Kremlin"
_FOR_ORG = rx.compile(r"[ \t\u00a0]+(?:for|of|at)[ \t\u00a0]+(?:the[ \t\u00a0]+)?")


def _org_of(text: str, k: int, mentions: list[Mention]) -> str | None:
    """The KB organization the title ``mentions[k]`` names as its own: written right before it
    ("Kremlin spokesman", "the Foreign Ministry's spokeswoman", the ``body`` hint) or after
    "for", "of" or "at" ("a spokesman for the Taiwan Affairs Office")."""
    office = mentions[k]
    body = office.hint.get("body")
    if body is not None:
        return body.entity
    joined = _FOR_ORG.match(text, office.span.end)
    after = mentions[k + 1] if k + 1 < len(mentions) else None
    if joined is not None and after is not None and after.span.start == joined.end() and after.kind == "org":
        return after.entity
    return None


_OWNER_GAP = rx.compile(r"(?:['’]s)?[ \t\u00a0]+")
# between an owner and its title: "OpenAI's former president", "PML-N President"
_OWNED_TITLE_GAP = rx.compile(r"['’]s(?:[ \t\u00a0]+[a-z][a-z-]*){0,2}[ \t\u00a0]+|[ \t\u00a0]+")


def _another_countrys(doc: Document, m: Mention, prev: Mention | None, named: set[str], index: NameIndex) -> None:
    """A country's institution the KB knows by a name any country's has ("Defense Ministry",
    "Foreign Ministry") is another country's when the text says so ("Japan's Defense
    Ministry", "the Japanese Defense Ministry"), or when the text has named places of other
    countries before it and none of its own (a story about Japan): then no KB entity."""
    ent = index.get(m.entity)
    code = ent.country if ent is not None else None
    if not code or not _generic_institution(m.surface) or _names_country(m.surface, code, index):
        return  # "Chinese Defense Ministry", "Reuters", or an institution of no country
    owner: str | None = None
    if prev is not None and prev.kind == "place" and _OWNER_GAP.fullmatch(doc.text, prev.span.end, m.span.start):
        theirs = _country_code(prev, index)
        if theirs == code:
            return
        owner = prev.surface if theirs else None
    if owner is None and (word := unknown_qualifier(doc.text, m.span.start)) is not None:
        if _names_country(word, code, index):
            return
        owner = word
    if owner is None and (code in named or not named):
        return  # "the Defense Ministry" in a story that has named China, or no country at all
    _set(m, index, None, None, 0.0, "unknown-name",
         f"another country's {m.surface}, not the KB's ({ent.name if ent else m.entity})" if owner
         else f"only places of other countries than the KB's {m.surface}'s named before it")
    m.kind = "org"
    m.hint["name_key"] = phrase_key(f"{owner or ''} {m.surface}", expand=False)


# the words of the names that every country's institutions share ("Defense Ministry", "the
# Ministry of Foreign Affairs", "Supreme Court", "Central Bank"): a name of these words alone
# says nothing of whose it is
_INSTITUTION_HEADS = frozenset(
    "ministry embassy consulate court bank parliament army navy police department office commission council "
    "assembly government cabinet military forces force guard agency service services committee senate "
    "legislature presidency secretariat".split())
_INSTITUTION_WORDS = _INSTITUTION_HEADS | frozenset(
    "of the and for on national defense defence foreign affairs interior home finance treasury economy economic "
    "trade commerce health justice state public security central supreme constitutional federal armed air naval "
    "coast border election electoral general information industry energy education culture transport agriculture "
    "labour labor environment emergency emergencies intelligence high top".split())


def _generic_institution(surface: str) -> bool:
    words = phrase_key(surface, expand=False).split()
    return bool(words) and all(w in _INSTITUTION_WORDS for w in words) and any(w in _INSTITUTION_HEADS for w in words)


def _names_country(words: str, code: str, index: NameIndex) -> bool:
    """Whether ``words`` name the country of ``code`` (its name, an alias, a demonym, the code)."""
    country = index.get(index.countries.get(code))
    key = f" {phrase_key(words, expand=False)} "
    forms = [code] + ([country.name, *country.aliases, *country.demonyms] if country is not None else [])
    return any(f" {phrase_key(f, expand=False)} " in key for f in forms if f)


def _resolve_kb(doc: Document, m: Mention, index: NameIndex) -> None:
    cands = m.candidates
    ids = [cands[0].entity] if len(cands) == 1 else list(dict.fromkeys(e.entity for e in cands))
    if doc.published is not None and (len(ids) > 1 or _edition(index, ids[0])):
        picked = _by_date(ids, index, doc, m)
        if not picked and all(_edition(index, i) for i in ids):
            # an edition of a recurring event the KB does not hold ("the G20 summit" in a 2023
            # article when the KB has 2022's): an event of its own, not the KB's
            m.kind = "event"
            _set(m, index, None, None, 0.0, "unknown-name", "no KB edition of this event near the document's date")
            m.hint["name_key"] = _event_key(doc, phrase_key(m.surface, expand=False), m)
            return
        ids = picked or ids
    entity = ids[0]
    entry = next(e for e in cands if e.entity == entity)
    score = 1.0 if len(ids) == 1 else 0.8
    form = _FORMS.get(entry.method, entry.method)
    reason = entry.reason
    if entry.method == "exact" and m.surface != entry.form:
        reason = f"{reason} (written differently)"
    _set(m, index, entry, entity, score, entry.method, reason, form)


_YEAR_BEFORE = rx.compile(r"\b((?:19|20)\d\d)[ \t\u00a0]+(?:[A-Z][\w-]*[ \t\u00a0]+)?\Z")
_NEXT_BEFORE = rx.compile(r"\b(?:next|upcoming|coming|forthcoming)[ \t\u00a0]+(?:[A-Z][\w-]*[ \t\u00a0]+)?\Z",
                          re.IGNORECASE)
_PLACE_AFTER = rx.compile(r"[ \t\u00a0]+(?:in|at)[ \t\u00a0]+(?:the[ \t\u00a0]+)?"
                          r"([A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*){0,2})")
# (after its place and a month too: "the World Cup in Sydney in August 2023")
_YEAR_AFTER = rx.compile(r"[\s,]*(?:(?:in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?"
                         r"(?:in|of|held in)\s+(?:(?:January|February|March|April|May|June|July|August|September"
                         r"|October|November|December)\s+)?(?P<y>(?:19|20)\d\d)\b|(?P<rel>last|this|next) year\b)")


def _year_after(doc: Document, m: Mention) -> int | None:
    """A year named right after an event ("... in 2022", "... last year")."""
    hit = _YEAR_AFTER.match(doc.text, m.span.end, m.span.end + 40)
    if not hit:
        return None
    if hit.group("y"):
        return int(hit.group("y"))
    if doc.published is None:
        return None
    return doc.published.year + {"last": -1, "this": 0, "next": 1}[hit.group("rel")]


_DISASTERS = frozenset({"quake", "earthquake", "storm", "hurricane", "typhoon", "cyclone", "tsunami"})
# how long before a document a disaster it names by its kind alone may be
DISASTER_DAYS = 60
# an election named by its kind alone ("The election will be held on June 21") may also be ahead
ELECTION_DAYS_AHEAD = 120


def _disaster(doc: Document, head: str, places: set[str], index: NameIndex, ahead: int = 0) -> str | None:
    """The one KB event of the kind ``head`` names ("the quake": an earthquake) at or in a
    place the text named, in the ``DISASTER_DAYS`` before the document's date (or the ``ahead``
    days after it)."""
    if doc.published is None or not places:
        return None
    memo = index.memo("disasters")
    events = memo.get("")
    if events is None:  # the KB's dated events at a place, with the words of their names
        # (by the words that may name it: "visit" of "Emperor Naruhito's visit to the Noto quake
        # zone", which is no quake)
        events = memo[""] = [(e.id, frozenset(_head_words(e.name)), e.place, e.start)
                             for e in index.entities.values() if e.kind == "event" and e.start and e.place]
    words = _HEADS.get(head, {head})
    found = set()
    for eid, names, place, start in events:
        if not words & names or not -ahead <= (doc.published - start).days <= DISASTER_DAYS:
            continue
        if any(p == place or index.within(p, place) or index.within(place, p) for p in places):
            found.add(eid)
    return found.pop() if len(found) == 1 else None


# the words an event's name may have for the head of "the quake", "the storm"
_HEADS = {"quake": {"quake", "earthquake"}, "earthquake": {"quake", "earthquake"},
          "storm": {"storm", "hurricane", "typhoon", "cyclone", "tropical"}}


def _in_course(doc: Document, m: Mention, last: Mention | None, events: list[Mention],
               index: NameIndex) -> Mention | None:
    """The event "the summit" refers to: the last one named, unless the KB dates that one away
    from the document's date and an earlier one of the kind is in course then ("the G20 summit
    in Rio ... The two leaders last met at the BRICS summit in Moscow last month ... on the
    sidelines of the summit on Monday": the G20's)."""
    day = doc.published
    if last is None or day is None or not last.entity or _happening(index, last.entity, day):
        return last
    head = m.hint.get("head")
    for e in reversed(events):
        if (e.entity and e.entity != last.entity and _happening(index, e.entity, day)
                and (not head or _HEADS.get(head, {head}) & set(phrase_key(e.surface, expand=False).split()))):
            return e
    return last


def _happening(index: NameIndex, eid: str, day: date) -> bool:
    """Whether the KB has event ``eid`` in course on ``day`` (from the day before it to three
    days after its end: news of it)."""
    ent = index.get(eid)
    if ent is None or ent.start is None:
        return False
    return ent.start - timedelta(days=1) <= day <= (ent.end or ent.start) + timedelta(days=3)


_PREPOSITION = frozenset({"of", "to", "in", "at", "on", "for", "with", "near", "against", "between", "over", "from"})


def _head_words(name: str) -> set[str]:
    """The words a definite description of an event may name it by: its head noun, the last
    word before a preposition ("Noto Peninsula earthquake"; "visit" of "Emperor Naruhito's
    visit to the Noto quake zone", which "the quake" is not), and its first word ("Hurricane
    Helene")."""
    words = phrase_key(name, expand=False).split()
    if not words:
        return set()
    k = next((i for i, w in enumerate(words) if w in _PREPOSITION and i > 0), len(words))
    return {words[0], words[k - 1]}


# words of an event's name that name no one event: a verb near them tells of no event of that name
_EVENT_WORDS = frozenset(h for heads in TOLD_BY.values() for h in heads) | frozenset(
    "attempt attempted assassination attack killing death murder incident disaster tragedy accident "
    "crisis case affair".split())


def _naming_words(name: str) -> set[str]:
    """The words of an event's name that a clause telling of it may share: not its head, not a
    common word, a year or a calendar word."""
    return {w for w in phrase_key(name, expand=False).split()
            if len(w) > 2 and not w.isdigit() and w not in COMMON_WORDS and w not in CALENDAR_WORDS
            and w not in _EVENT_WORDS and w not in _PREPOSITION
            # (nor a title: "MPs will be sworn in and elect ... the president" tells no
            # "inauguration of President Ramaphosa")
            and w not in HONORIFICS and w not in TITLE_HEADS}


@lru_cache(maxsize=4096)
def _event_words(name: str) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """The words of an event's name that a verb may tell (``_head_words``), those that name it
    otherwise (``_naming_words``), and its pairs of a given name and a surname."""
    return frozenset(_head_words(name)), frozenset(_naming_words(name)), tuple(_name_pairs(name))


def _other_given(a: str, b: str) -> bool:
    """Whether two given names are of two people ("Mahinda", "Gotabaya"), not two spellings of
    one ("Mohamed", "Muhammad")."""
    from rapidfuzz.fuzz import ratio

    return a != b and (a[:1] != b[:1] or ratio(a, b) < 60)


def _name_pairs(clause: str) -> list[tuple[str, str]]:
    """The pairs of capitalized words of a clause that may be a given name and a surname
    ("Mahinda Rajapaksa"), as keys."""
    toks = clause.replace("’", "'").split()
    return [(p, phrase_key(tok, expand=False)) for prev, tok in zip(toks, toks[1:], strict=False)
            if prev[:1].isupper() and tok[:1].isupper() and prev.isalpha() and (p := prev.lower()) not in HONORIFICS
            and p not in COMMON_WORDS and p not in _EVENT_WORDS]


def _resolve_verb(doc: Document, m: Mention, events: list[Mention], index: NameIndex,
                  people: Sequence[Mention] = ()) -> None:
    """A verb telling of an event ("the helicopter crashed near Jolfa", "Mr. Abe was shot"):
    the event named before it whose head the verb tells ("crash") and whose name shares a
    word with the verb's clause ("helicopter"); else the one such event of the KB.  A KB
    person named in the clause before the verb counts by the words of their name ("President
    Xi-rin Ra-ma-pho-xa was sworn in" for the "inauguration of President Ramaphosa")."""
    heads = set(TOLD_BY.get(m.hint["verb"], ()))
    clause = " ".join(m.hint["near"])
    near = set(phrase_key(clause, expand=False).split())
    lo = m.span.start - len(m.hint["near"][0])
    for p in reversed(people):
        if p.span.start < lo:
            break
        if (who := index.get(p.entity)) is not None:
            near |= {w for n in (who.name, *who.aliases) for w in phrase_key(n, expand=False).split()}
    pairs = _name_pairs(clause)

    def tells(names: list[str]) -> bool:
        forms = [_event_words(n) for n in names]
        # (not of another of the surname, which a form of its name names: "Mahinda Rajapaksa
        # resigned" is no "Gotabaya Rajapaksa's resignation", nor "Rajapaksa's resignation")
        given = {s: g for _, _, pairs_of in forms for g, s in pairs_of}
        return any(heads & named_by and near & words for named_by, words, _ in forms) and not any(
            _other_given(given.get(s, g), g) for g, s in pairs)

    for e in reversed(events):
        ent = index.get(e.entity)
        names = [e.surface] if ent is None else [ent.name, *ent.aliases, e.surface]
        if tells(names):
            if ent is None:
                _set(m, index, None, None, 0.0, "unknown-name",
                     f"'{m.surface}' tells of {e.surface} (line {e.span.line})", "short")
                m.hint["name_key"] = e.hint.get("name_key")
                m.hint["refers_to"] = e.surface
            else:
                _set(m, index, None, ent.id, 0.85, "anaphor",
                     f"'{m.surface}' tells of {ent.name} (line {e.span.line})", "short")
            return
    memo = index.memo("event-verbs")
    if not memo:  # the KB's events by the words a verb may tell them by, every form of their names
        memo[""] = {}
        for ev in index.entities.values():
            if ev.kind == "event":
                forms = [ev.name, *ev.aliases]
                for w in {w for n in forms for w in _event_words(n)[0]}:
                    memo[""].setdefault(w, []).append((ev.id, forms))
    found = {eid for h in heads for eid, names in memo[""].get(h, ()) if tells(names)}
    if len(found) == 1:
        eid = found.pop()
        _set(m, index, None, eid, 0.85, "anaphor", f"'{m.surface}' tells of {index.entities[eid].name}", "short")
        return
    _set(m, index, None, None, 0.0, "dropped", "")


def _resolve_anaphor(doc: Document, m: Mention, antecedent: Mention | None, index: NameIndex,
                     places: set[str] | None = None) -> None:
    head = m.hint.get("head")
    if antecedent is None or (head and not _HEADS.get(head, {head}) & _head_words(antecedent.surface)):
        # "the summit" names the last event only when that is a summit; "the quake" of a story
        # that named none is the KB's earthquake where the text's places are, lately
        if head in _DISASTERS and places and (found := _disaster(doc, head, places, index)) is not None:
            _set(m, index, None, found, 0.9, "anaphor",
                 f"'{m.surface}' refers to {index.entities[found].name}, of a place the text names", "short")
            return
        # "the election" of a story that named none: the KB's election where the text's places
        # are, lately or ahead (not "the election in 2021", another year's)
        if (head == "election" and places
                and (found := _disaster(doc, head, places, index, ahead=ELECTION_DAYS_AHEAD)) is not None
                and _year_after(doc, m) in (None, getattr(index.entities[found].start, "year", None))):
            _set(m, index, None, found, 0.9, "anaphor",
                 f"'{m.surface}' refers to {index.entities[found].name}, of a place the text names", "short")
            return
        _set(m, index, None, None, 0.0, "dropped", "")
        return
    if antecedent.entity is None:  # an event the KB does not know: the same name key
        _set(m, index, None, None, 0.0, "unknown-name",
             f"'{m.surface}' refers to {antecedent.surface} (line {antecedent.span.line})", "short")
        m.hint["name_key"] = antecedent.hint.get("name_key")
        m.hint["refers_to"] = antecedent.surface
        return
    name = index.entities[antecedent.entity].name
    editions = [e.entity for e in index.lookup(phrase_key(name, expand=False)) if e.kind == "event"]
    year = _year_after(doc, m)
    pick = antecedent.entity
    if year is not None:
        same = [i for i in dict.fromkeys(editions) if (s := index.entities[i].start) and s.year == year]
        if len(same) == 1:
            pick = same[0]
    when = f" of {year}" if year is not None else ""
    _set(
        m,
        index,
        None,
        pick,
        0.9,
        "anaphor",
        f"'{m.surface}' refers to {name} (line {antecedent.span.line}){when}",
        "short",
    )


# a day right after an event's name, past a place: "the summit in Abuja on July 29"
_DAY_AFTER = rx.compile(r"(?:[ \t\u00a0]+(?:in|at)[ \t\u00a0]+[A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*){0,2})?,?"
                        r"[ \t\u00a0]+(?:on|last|this)[ \t\u00a0]+(?=\S)")


def _day_after(doc: Document, m: Mention) -> date | None:
    """The day told right after an event's mention ("... in Abuja on July 29", "... last
    Sunday"), or None."""
    hit = _DAY_AFTER.match(doc.text, m.span.end)
    if hit is None or doc.published is None:
        return None
    from ledger.extract.timex import find_timexes

    lo = hit.start() if hit.group().rstrip().endswith(("last", "this")) else hit.end()
    for t in find_timexes(doc.text, doc.published, lo, min(len(doc.text), hit.end() + 30)):
        if t.granularity == "day" and t.valid_from is not None:
            return t.valid_from
    return None


def _by_date(ids: list[str], index: NameIndex, doc: Document, m: Mention | None = None) -> list[str]:
    """Editions of a recurring event: the one of a year named right after it, else the one in
    the document's year, else the latest before."""
    assert doc.published is not None
    dated = [(index.entities[i].start, i) for i in ids if index.entities[i].start]
    if not dated:
        return []
    year = _year_after(doc, m) if m is not None else None
    if year is None and m is not None and (yb := _YEAR_BEFORE.search(doc.text, max(0, m.span.start - 20),
                                                                      m.span.start)) is not None:
        year = int(yb.group(1))  # "the 2025 NATO summit"
    if year is not None:
        named = [i for s, i in dated if s and s.year == year]
        if named:
            return named
    if m is not None and _NEXT_BEFORE.search(doc.text, max(0, m.span.start - 20), m.span.start):
        # "the next NATO summit", "the upcoming summit": the first edition after the document
        later = sorted((s, i) for s, i in dated if s and s > doc.published)
        return [later[0][1]] if later else []
    if m is not None and (place := _PLACE_AFTER.match(doc.text, m.span.end, m.span.end + 60)) is not None:
        # "the Mercosur summit in Montevideo": the edition held there, when the KB has one
        there = [i for _, i in dated if (p := index.get(index.entities[i].place)) is not None
                 and place.group(1) in (p.name, *p.aliases)]
        if len(there) == 1:
            return there
    same = [i for s, i in dated if s and s.year == doc.published.year]
    if len(same) > 1:
        # several in the year ("the OPEC+ ministerial meeting" of June and of December): the
        # one nearest the day told right after it ("the emergency summit in Abuja on July 29",
        # in a story of August 6: July's, not the one of August 10), else the document's date
        published = told = doc.published
        if m is not None and (day := _day_after(doc, m)) is not None:
            told = day
        return [min(same, key=lambda i: (abs((index.entities[i].start or published) - told).days,
                                         abs((index.entities[i].start or published) - published).days))]
    if same:
        return same
    before = sorted((s, i) for s, i in dated if s and s <= doc.published)
    if not before:
        return []
    # the latest edition before the document, when it is recent: half a year on, an annual
    # event's next edition is more likely meant (and the KB may not hold it yet)
    start, last = before[-1]
    if not _edition(index, last):
        return [last]  # an administration, a term: the latest before
    ended = index.entities[last].end or start
    return [last] if (doc.published - ended).days <= EDITION_RECENT_DAYS else []


EDITION_RECENT_DAYS = 183


def _event_key(doc: Document, key: str, m: Mention) -> str:
    """The grouping key of an event the KB does not know: its name and the year named with it
    ("the 2018 World Cup in Russia", "the World Cup in Sydney in August 2023"), else the
    document's year (an edition: "the G20 summit" of 2023 is not that of 2024).  Words of one
    kind are one ("7.8-magnitude quake", "7.8-magnitude earthquake")."""
    key = " ".join(_EVENT_SYNONYMS.get(w, w) for w in key.split())
    year = _year_after(doc, m)
    if year is None and (yb := _YEAR_BEFORE.search(doc.text, max(0, m.span.start - 20), m.span.start)):
        year = int(yb.group(1))
    if year is not None:
        return f"{key}@{year}"
    return f"{key}@{doc.published.year}" if doc.published else key


_EVENT_SYNONYMS = {"quake": "earthquake", "quakes": "earthquakes"}
# what recurs: summits, forums, games ... (a visit, a meeting, a war do not)
_RECURRING = frozenset({"summit", "conference", "forum", "dialogue", "games", "olympics", "expo", "festival",
                        "convention", "championship", "championships", "cup", "assembly", "congress", "week"})


def _edition(index: NameIndex, entity_id: str) -> bool:
    """An event of the KB with a date whose name says it recurs ("G20 summit"): one edition."""
    e = index.entities.get(entity_id)
    return (e is not None and e.kind == "event" and e.start is not None
            and not _RECURRING.isdisjoint(phrase_key(e.name, expand=False).split()))


def _near_surname(key: str, intro: list[Introduced]) -> tuple[Introduced, str] | None:
    """The one person introduced before whose surname ``key`` (one word) misses by a letter
    (two in a long name), with the same first letter ("austen" for "austin"), and that surname."""
    if len(key) < 5 or " " in key:
        return None
    from rapidfuzz.distance import OSA

    limit = 2 if len(key) >= 8 else 1
    # (not its plural: "Republicans" after a "Black Republican", "the Bidens" after "Joe Biden")
    found = {(p.entity or p.name): (p, s) for p in intro for s in sorted(p.surnames)
             if s[:1] == key[:1] and abs(len(s) - len(key)) <= limit and OSA.distance(s, key) <= limit
             and key not in (s + "s", s + "es")}
    return next(iter(found.values())) if len(found) == 1 else None


def _transposed(written: str, ent: Entity) -> bool:
    """Whether ``written`` is a form of the entity's name with two neighbouring letters swapped."""
    from ledger.resolve.fuzzy import transposed  # (the near-miss step after it loads it anyway)

    return any(transposed(written.casefold(), form.casefold()) for form in (ent.name, *ent.aliases))


def _named_in(m: Mention, index: NameIndex) -> list[Introduced]:
    """The KB people named in full inside an event's name as written ("the killing of Hassan
    Nasrallah", "Biden's State of the Union"): introduced there as if named alone."""
    words = phrase_key(m.surface, expand=False).split()
    found: list[Introduced] = []
    for n in range(len(words), 1, -1):
        for i in range(len(words) - n + 1):
            person = next((e for e in index.lookup(" ".join(words[i : i + n])) if e.kind == "person"), None)
            if person is not None and all(p.entity != person.entity for p in found):
                found.append(Introduced(person.entity, index.entities[person.entity].name, m.span.line,
                                        set(index.surnames.get(person.entity, ())),
                                        set(index.givens.get(person.entity, ()))))
    return found


def _introduce(m: Mention, index: NameIndex) -> Introduced:
    intro = _introduce_name(m, index)
    intro.end = m.span.end
    last = m.surface.split()[-1] if m.surface.split() else ""
    if "-" in last.strip("-") and len(m.surface.split()) >= 2:
        intro.surnames.add(phrase_key(last, expand=False))  # "Karine Jean-Pierre", then "Jean-Pierre"
    return intro


def _introduce_name(m: Mention, index: NameIndex) -> Introduced:
    if m.entity:
        surnames = set(index.surnames.get(m.entity, ()))
        written = phrase_key(m.surface, expand=False).split()
        if m.method == "transliteration" and len(written) >= 2:
            # the surname as this document spells it ("Ebrahim Raeisi", then "President Raeisi")
            surnames |= {written[0] if _romanized_name(m.surface) or _written_in(index.entities[m.entity], "Korean")
                         else written[-1]}
        return Introduced(
            m.entity,
            m.preferred or m.surface,
            m.span.line,
            surnames,
            set(index.givens.get(m.entity, ())),
        )
    toks = phrase_key(m.surface, expand=False).split()
    if _romanized_name(m.surface):  # the surname first: "Lai Ching-te"
        return Introduced(None, m.surface, m.span.line, {toks[0]}, {" ".join(toks[1:])})
    surnames = {toks[-1]} if toks else set()
    if (double := double_surname(m.surface)) is not None:
        surnames.add(double)
    if len(toks) >= 3:
        # a name of three words or more may be referred to by one of its middle words: "Lula"
        # after "Luiz Inácio Lula da Silva"
        surnames |= {t for t in toks[1:-1] if t not in PARTICLES and len(t) > 2}
    return Introduced(None, m.surface, m.span.line, surnames, {toks[0]} if len(toks) > 1 else set())


def _resolve_run(doc: Document, m: Mention, index: NameIndex, intro: list[Introduced],
                 loose: list[tuple[Mention, set[str]]] | None = None) -> None:
    _resolve_run_once(doc, m, index, intro, loose)
    toks = m.surface.split()
    if m.method == "dropped" and m.hint.get("sentence_start") and len(toks) >= 2:
        # a capitalized word opening the sentence is no part of the name: "Later Austin left"
        span, surface = m.span, m.surface
        cut = m.surface.index(toks[1], len(toks[0]))
        m.span = Span.of(doc, m.span.start + cut, m.span.end)
        m.surface = m.surface[cut:]
        m.hint["sentence_start"] = False
        _resolve_run_once(doc, m, index, intro, loose)
        if m.method == "fuzzy":
            # no near miss of a word of the name: "young: Jude Bellingham is 21" is no slip in
            # the "Bullingham" of "Mark Bullingham"
            _set(m, index, None, None, 0.0, "dropped", "")
            m.kind = "person"
            m.hint.pop("name_key", None)
        if m.method == "dropped":
            # nothing known either way: whole, as written ("Boris Johnson has quit"), a later
            # "Mr Johnson" may show it was a person's full name
            m.span, m.surface = span, surface
    if m.method == "dropped" and m.kind == "person":
        _place_of_gazetteer(doc, m, index, intro)


# a verb of speech right after a name: its subject speaks, so it is someone
_SPEAKS_AFTER = rx.compile(r"[ \t\u00a0]+(?:" + "|".join(v for v in REPORTING_VERBS if " " not in v) + r")\b")
# words after which a name is where something is ("in Vilnius", "at Riga", "near Gaziantep")
# (a line may break between them: "the conference in\nManchester", text wrapped by hand)
# (a part of it may be said: "in northern Kenya"; a place joined to one: "in Nairobi and Marrakesh")
_WHERE_BEFORE = rx.compile(r"\b(?:in|at|near|outside|across|throughout|around)(?:[ \t\u00a0]*\n)?[ \t\u00a0]*"
                           r"(?<=\s)(?:the(?:[ \t\u00a0]*\n)?[ \t\u00a0]*(?<=\s))?(?:" + DIRECTION + r")?\Z", re.I)
# a place in apposition to its kind: "in the Saudi capital, Riyadh", "near the town of Jolfa"
_KIND_BEFORE = rx.compile(r"\b(?:in|at|near|outside|to|from)[ \t\u00a0]+the[ \t\u00a0]+(?:[A-Z][\w'’-]*[ \t\u00a0]+)?"
                          r"(?:capital|city|port[ \t\u00a0]+city|port|town|village|province|region)"
                          r"(?:,|[ \t\u00a0]+of)[ \t\u00a0]+\Z")
_JOINED_PLACE = rx.compile(r"\b(?:in|at|near|across|throughout)[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:" + DIRECTION
                           + r")?(?P<place>[A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*){0,2}),?[ \t\u00a0]+"
                           r"(?:and|or)[ \t\u00a0]+(?:" + DIRECTION + r")?\Z", re.I)


# after a name, what makes it a facility's or an institution's: "University of Tehran", "the
# Anderson school"
_NAMES_A_FACILITY = rx.compile(r"[ \t\u00a0]+(?:of\b|(?:school|university|college|hospital|clinic|stadium|arena"
                               r"|mosque|church|cathedral|temple|airport|hotel|market|prison|jail|base|camp"
                               r"|dam|bridge|river|station|square|street|avenue|road|park|palace)s?\b)")
_THE_BEFORE = rx.compile(r"\b[Tt]he[ \t\u00a0]+\Z")
# the state or the country after a city's name: "Springfield, Ohio"
_REGION_AFTER = rx.compile(r",[ \t\u00a0]+([A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*){0,2})")


_FAMILY_BEFORE = rx.compile(r"\b[Tt]he[ \t\u00a0]+\Z")


def _place_of_gazetteer(doc: Document, m: Mention, index: NameIndex, intro: list[Introduced]) -> None:
    """A name nothing showed to be a person, after a word of place, that GeoNames knows as a
    place ("in Vilnius"; not "in Austin's view" after "Lloyd Austin", whose surname it is)."""
    from ledger.resolve.gazetteer import lookup, lookup_in

    if not _WHERE_BEFORE.search(doc.text, max(0, m.span.start - 30), m.span.start) and not _KIND_BEFORE.search(
            doc.text, max(0, m.span.start - 60), m.span.start) and not (
            (joined := _JOINED_PLACE.search(doc.text, max(0, m.span.start - 80), m.span.start)) is not None
            and joined.group("place")[:1].isupper() and lookup(joined.group("place")) is not None):
        return
    if doc.text.startswith(("'s", "’s"), m.span.end):
        return
    if _NAMES_A_FACILITY.match(doc.text, m.span.end):
        return  # "the University of Tehran", "outside the Anderson school": a name's word, no city
    key = phrase_key(m.surface, expand=False)
    if any(key in p.surnames or key in p.givens for p in intro):
        return
    place = lookup(m.surface)
    if place is None:
        return
    if place.count(":") >= 3 and _THE_BEFORE.search(doc.text, max(0, m.span.start - 5), m.span.start):
        return  # "across the Dnipro", "the Andes": a river or a range, not the city of its name
    region = _REGION_AFTER.match(doc.text, m.span.end)
    words = region.group(1).split() if region is not None else []
    # ("Springfield, Ohio", not the larger Springfield of Missouri; "Springfield, Ohio Gov. ...")
    place = next((t for n in range(len(words), 0, -1) if (t := lookup_in(m.surface, " ".join(words[:n])))), place)
    _set(m, index, None, None, 0.0, "gazetteer", f"a place the KB does not know, in GeoNames ({place})")
    m.kind = "place"
    m.hint["name_key"] = place


def _resolve_run_once(doc: Document, m: Mention, index: NameIndex, intro: list[Introduced],
                      loose: list[tuple[Mention, set[str]]] | None = None) -> None:
    key = phrase_key(m.surface, expand=False)
    if m.kind == "event":  # an event the KB does not know
        _set(m, index, None, None, 0.0, "unknown-name", "no KB event has this name")
        m.hint["name_key"] = _event_key(doc, key, m)
        return
    toks = key.split()
    if len(toks) == 2 and toks[0] in ("al", "el") and "-" in m.surface:
        key, toks = toks[1], toks[1:]  # "Al-Sharaa", "al-Sharaa": the surname, its article aside
    honorific = m.hint.get("honorific")
    titled = "title" in m.hint
    if honorific and len(toks) >= 2 and (toks[-1] in ORG_LAST_WORDS or toks[-1] in _FACILITY_WORDS):
        # "King Faisal Naval Base", "King Salman Humanitarian Aid and Relief Centre": named for
        # someone, a place or an institution, not the person
        m.kind = "place" if toks[-1] in _FACILITY_WORDS - {"centre", "center"} else "org"
        _set(m, index, None, None, 0.0, "unknown-name",
             f"no KB entity has this name; named for {honorific} {toks[0].title()}")
        m.hint["name_key"] = phrase_key(f"{honorific} {m.surface}", expand=False)
        return
    if honorific and honorific.rstrip(".").lower() in _ROYAL:
        # "Prince William", "King Felipe VI": a royal title goes with a given name, which is
        # no surname to introduce, nor a slip in someone's surname ("Williams"); the one named
        # in full before ("Prince Faisal bin Farhan", then "Prince Faisal")
        p = next((p for p in _antecedents(doc, m, key, intro, index) if key in p.givens), None)
        if p is not None:
            _set(m, index, None, p.entity, 0.9, "short",
                 f"{honorific} + given name of {p.name}, introduced on line {p.line}", "short")
            if p.entity is None:
                m.hint["name_key"] = phrase_key(p.name, expand=False)
            return
        _set(m, index, None, None, 0.0, "unknown-name", f"{honorific} + a given name: no KB entity has this name")
        return
    # 1. a short form: one word (or the given names alone, or a hyphenated surname: "Jean-Pierre")
    # of someone introduced before
    # (or a surname of several words: "Šutaj Eštok" after "Matúš Šutaj Eštok", "Le Pen")
    # (of any length joined by hyphens: "Ra-ma-pho-xa" after "Xi-rin Ra-ma-pho-xa")
    if len(toks) == 1 or ((len(toks) in (2, 3) or _hyphen_joined(m.surface))
                          and any(key in p.surnames for p in intro)) or (
            honorific and len(toks) == 2 and any(key in p.givens for p in intro)):
        # a surname before a given name: "Mr. Scott" after "Scott Spellmon" and then "Brandon Scott"
        # is Brandon Scott
        before = list(_antecedents(doc, m, key, intro, index))
        for p in sorted(before, key=lambda p: key not in p.surnames):
            if key in p.surnames or (key in p.givens and (honorific or _by_given_name(p, index))):
                what = "surname" if key in p.surnames else "given name"
                cue = f"{honorific} + " if honorific else ""
                _set(
                    m,
                    index,
                    None,
                    p.entity,
                    0.9,
                    "short",
                    f"{cue}{what} of {p.name}, introduced on line {p.line}",
                    "short",
                )
                if p.entity is None:
                    m.hint["name_key"] = phrase_key(p.name, expand=False)
                return
        holder = _title_holder(doc, m, key, index) if titled else None
        if holder is not None:
            pid, office = holder
            _set(
                m,
                index,
                None,
                pid,
                0.85,
                "title-holder",
                f"{m.surface} held {index.entities[office].name} on {doc.published}",
                "short",
            )
            return
        named = next((r for r, words in reversed(loose or ()) if key in words), None) if honorific or titled else None
        if named is None and (_SPEAKS_AFTER.match(doc.text, m.span.end) or AGE_AFTER_NAME.match(doc.text, m.span.end)):
            # "Javier Milei won ... Milei told supporters": a surname that speaks names a
            # person, as one with an age does ("Ueda, 71,")
            named = next((r for r, words in reversed(loose or ())
                          if phrase_key(r.surface, expand=False).split()[-1] == key), None)
        if named is not None:
            # an earlier run of capitalized words holding this name was a person's full name
            _set(named, index, None, None, 0.0, "unknown-name",
                 f"no KB entity has this name; {m.surface} on line {m.span.line} refers to it")
            named.kind = "person"
            named.hint["named_late"] = True
            p = _introduce(named, index)
            p.surnames.add(key)
            intro.append(p)
            cue = f"{honorific} + " if honorific else ""
            _set(m, index, None, None, 0.9, "short", f"{cue}surname of {named.surface}, introduced on line "
                 f"{named.span.line}", "short")
            m.hint["name_key"] = phrase_key(named.surface, expand=False)
            return
        # (not a word that opens a sentence inside a quotation, with no cue: "They will be
        # released shortly. Thank you!" is no slip in "Al Thani")
        opening_quoted = not (honorific or titled) and _QUOTED_OPENING.search(
            doc.text, max(0, m.span.start - 200), m.span.start) is not None
        # (nor a name where a place is: "shot in Nobol, in Guayas province" is no slip in "Noboa")
        slip = None if opening_quoted or (not (honorific or titled) and _WHERE_BEFORE.search(
            doc.text, max(0, m.span.start - 20), m.span.start)) else _near_surname(key, intro)
        if slip is not None and _FAMILY_BEFORE.search(doc.text, max(0, m.span.start - 5), m.span.start) and any(
                key in (s + "s", s + "es") for p in intro for s in p.surnames):
            # "the party of the Rajapaksas": a family by its surname, no slip
            _set(m, index, None, None, 0.0, "dropped", "a family by its surname")
            return
        if slip is not None:
            # "Secretary Austen" after "Lloyd Austin", "Sikorsky" after "Radoslaw Sikorski": a
            # slip of the keyboard in the surname of someone introduced (misspelled-name)
            near, surname = slip
            cue = f"{honorific} + " if honorific else ""
            written = next((w for w in near.name.split() if phrase_key(w, expand=False) == surname), surname.title())
            script = _romanized_alike(index.get(near.entity), key, surname)
            if script is not None:
                # "Seetharaman" after "Nirmala Sitharaman": another romanization, not a slip
                _set(m, index, None, near.entity, 0.9, "transliteration",
                     f"{cue}{written}, the surname of {near.name} introduced on line {near.line}, "
                     f"romanized otherwise from the {script.removesuffix('-script')} script", "short")
                return
            _set(m, index, None, near.entity, 0.8, "fuzzy",
                 f"{cue}a near miss of {written}, the surname of {near.name} introduced on line {near.line}", "short")
            if near.entity is None:
                m.kind = "person"
                m.hint["name_key"] = phrase_key(near.name, expand=False)
            return
        owned = doc.text[max(0, m.span.start - 3) : m.span.start] in ("'s ", "’s ")
        if (honorific or titled) and (key in _NO_SURNAMES or key in COMMON_WORDS or len(key) == 1 or owned
                                      or _plural_demonym(key, index)):
            # "prime minister Tuesday night", "the party's General Council", "the Prime
            # Minister's Office", "Ambassador Extraordinary", "Gen Z": no person after the title;
            # nor a headline's word ("Ousted President Is Not Restored") or a people ("the
            # president Nigeriens chose")
            _set(m, index, None, None, 0.0, "dropped", "")
            return
        if honorific and _PLACE_OF.search(doc.text, max(0, m.span.start - 40), m.span.start):
            # "the neighbourhood of Sheikh Maqsoud", "the district of Sheikh Jarrah": a place
            _set(m, index, None, None, 0.0, "dropped", "")
            return
        if honorific == "M." and not titled and not _FRENCH_M.search(doc.text):
            # "Kalpana K. and M. Sankaran, the director": in a text with no other French
            # "M." before a name, an initial, and the two words a full name
            _set(m, index, None, None, 0.0, "unknown-name", f"{honorific} {m.surface}: an initial and a surname")
            m.kind = "person"
            m.hint["name_key"] = phrase_key(f"M {m.surface}", expand=False)
            return
        if honorific in _GIVEN_NAME_TOO and not titled:
            # "Gen Nakatani" with no earlier full name: "Gen" without its period may be a
            # given name (Gen Nakatani), not the rank; the two words are the name
            _set(m, index, None, None, 0.0, "unknown-name", f"{honorific} + {m.surface}: a given name or a rank")
            m.kind = "person"
            m.hint["name_key"] = phrase_key(f"{honorific} {m.surface}", expand=False)
            return
        if honorific and honorific.rstrip(".").lower() in _PEERAGE and _near_style(doc, m, honorific, index):
            return  # "Sheikh Hasnia": a slip in the KB's "Sheikh Hasina"
        if honorific and honorific.rstrip(".").lower() in _PEERAGE:
            # "Lord Alli", "Baroness Chapman": a peer's full style; "Sheikh Hasina"
            _set(m, index, None, None, 0.0, "unknown-name", f"{honorific} + {m.surface}: a peer's style")
            m.kind = "person"
            m.hint["name_key"] = phrase_key(f"{honorific.rstrip('.')} {m.surface}", expand=False)
            return
        if honorific and _NICKNAME_QUOTED.search(doc.text, max(0, m.span.start - len(honorific) - 3), m.span.start) \
                and _QUOTE_CLOSES.match(doc.text, m.span.end):
            # "nicknamed “Mr Cannabis”", a headline's 'Mr Cannabis': a nickname, no one's name
            _set(m, index, None, None, 0.0, "dropped", "")
            return
        if honorific and GIVEN_NAME_ONLY.search(doc.text, max(0, m.span.start - 60), m.span.start):
            # "a tourist who gave her name only as Ms Lim": all the name the text has
            _set(m, index, None, None, 0.0, "unknown-name", f"{honorific} + {m.surface}: the only name given")
            return
        if honorific or titled:
            _set(
                m,
                index,
                None,
                None,
                0.0,
                "unintroduced",
                f"{honorific or 'title'} + {m.surface}: no earlier full name in this document",
            )
            return
        if AGE_AFTER_NAME.match(doc.text, m.span.end) and _near_surname(
                key, [_introduce(r, index) for r, _ in loose or ()]) is None:
            # "Qin, 57, rose quickly": an age in apposition is a person's (unless a slip in the
            # surname of a name a later cue may show a person's: "Maria Castellanos ...
            # Castelanos, 52, ... Castellanos said": left for that cue)
            _set(m, index, None, None, 0.0, "unknown-name", "no KB entity has this name; an age follows it")
            return
        if GIVEN_NAME_ONLY.search(doc.text, max(0, m.span.start - 60), m.span.start):
            # "an engineer who gave only her first name, Shirin, said": a person's, all the name given
            _set(m, index, None, None, 0.0, "unknown-name", f"{m.surface}: the only name given")
            return
        _set(m, index, None, None, 0.0, "dropped", "")
        return
    # 2. a full name that is no KB form: transliteration syllable by syllable
    hit = _transliteration(m.surface, toks, index)
    if hit is not None:
        entity, score, reason = hit
        _set(m, index, None, entity, score, "transliteration", reason, "transliteration")
        return
    # 3. a KB person's name with another form of the given name ("Charles Schumer" for Chuck
    # Schumer, "Bill Nelson" for William Nelson): the nickname tables, one person only
    nick = _nickname(toks, index)
    if nick is not None and _one_letter_off(toks[0], index.givens.get(nick, ())):
        nick = None  # "Anthony Blinken" for Antony: another spelling of his name, a slip (step 5)
    if nick is not None:
        name = index.entities[nick].name
        _set(m, index, None, nick, 0.9, "nickname", f"{toks[0].title()} is a form of the given name of {name}",
             "alias")
        return
    # 4. a Korean, Arabic or Persian name romanized otherwise than the KB writes it ("Yun Sok
    # Yol", "Yi Jae-myong"; "Abbas Araqchi" for Araghchi)
    for script in _SCRIPTS:
        found = _folded(m.surface, script, index) if len(toks) >= 2 else None
        if found is not None and _transposed(m.surface, index.entities[found]):
            break  # "Netanyhau": two letters swapped, a slip (step 5), not another romanization
        if found is not None:
            _set(m, index, None, found, 0.9, "transliteration",
                 f"romanization of the {script} name of {index.entities[found].name} (written otherwise)",
                 "transliteration")
            return
    # 5. a near miss of a known name ("Llyod Austin"), found by blocking, scored by rapidfuzz
    fz = index.fuzzy()
    # (not a name in capitals: a dateline's city, "WEST PALM BEACH, Fla. -", is no slip)
    hit = fz.best(m.surface) if fz is not None and len(toks) >= 2 and not m.surface.isupper() else None
    if hit is not None:
        from ledger.resolve.fuzzy import P_REORDER  # loaded with the fuzzy index already

        if hit.score >= 1 - P_REORDER - 1e-9 and "name order reversed" in hit.reason:
            # the KB's name, family name first ("Kishida Fumio"): a known order, no slip
            _set(m, index, None, hit.entity, hit.score, "transliteration",
                 f"the name of {hit.form!r} in the other order (family name first)", "transliteration")
            return
        if hit.kind == "org" and phrase_key(hit.form, expand=False) == phrase_key(m.surface, expand=False) + "s":
            # "a Social Democrat", "the Liberal Democrat leader": a member of the party, no slip
            _set(m, index, None, hit.entity, 1.0, "exact", f"a member of the {hit.form}", "preferred")
            return
        ent = index.get(hit.entity)
        if ent is not None and _written_in(ent, "Arabic-script", index) and (
                (fa := _script_key("Arabic-script", phrase_key(m.surface, expand=False)))
                == (fb := _script_key("Arabic-script", phrase_key(hit.form, expand=False)))
                or _vowels_apart(fa, fb)):
            # (the letters folded first: the French "Raïssi")
            # Arabic script writes no short vowels: romanizations differ in them ("Raeisi",
            # "Raisi"; "Ibrahim", "Ebrahim"; "Qassem", "Qassim"; "Jolani", "Julani"), and
            # write one letter as "k" or "q" ("Mikati", "Miqati")
            native = f" of {ent.native}" if ent.native else ""
            _set(m, index, None, hit.entity, hit.score, "transliteration",
                 f"romanization{native} (written otherwise than {hit.form!r})", "transliteration")
            return
        _set(m, index, None, hit.entity, hit.score, "fuzzy", hit.reason, "misspelling")
        return
    # 6. a name whose last word heads an institution's ("World Bank", "Defense Department",
    # "Sovereignty Council"): an organization, whatever cue follows it
    if toks and toks[-1] in ORG_LAST_WORDS and len(toks) >= 2:
        m.kind = "org"
        _set(m, index, None, None, 0.0, "unknown-name", "no KB entity has this name; an institution's")
        m.hint["name_key"] = key
        return
    # 6b. a name whose last word counts people ("Kenya Kwanza MPs", "Labour MPs"): a group, no one
    if toks and toks[-1] in _GROUP_LAST_WORDS and len(toks) >= 2:
        _set(m, index, None, None, 0.0, "dropped", "")
        return
    # 7. an unknown name: keep it when something says it is a person (an honorific, a title,
    # an office it holds, a role that only people have: "Blinken's predecessor Mike Pompeo")
    if honorific or titled or m.hint.get("holder_of") or _ROLE_BEFORE.search(doc.text, max(0, m.span.start - 30),
                                                                             m.span.start) \
            or titled_description(doc.text, m.span.start) is not None:
        _set(m, index, None, None, 0.0, "unknown-name", "no KB entity has this name")
        return
    if AGE_AFTER_NAME.match(doc.text, m.span.end):
        _set(m, index, None, None, 0.0, "unknown-name", "no KB entity has this name; an age follows it")
        return
    if _romanized_name(m.surface):
        _set(m, index, None, None, 0.0, "unknown-name",
             "no KB entity has this name; a surname and a romanized given name of two syllables")
        return
    _set(m, index, None, None, 0.0, "dropped", "")


def _antecedents(doc: Document, m: Mention, key: str, intro: list[Introduced], index: NameIndex) -> list[Introduced]:
    """The people introduced before whom a short form may name, best first: when several
    share the word, the one whose KB office its title is ("Acting President Han" after "Han
    Duck-soo" and "Han Dong-hoon"), else one not introduced as another's relative ("President
    Biden pardoned his son Hunter Biden": "Mr. Biden" is the president, however often his son is
    named in full), else one named in full in its own paragraph, else the one the text
    introduced first, the story's subject, of those the KB knows (a story's
    "Beshear" is the governor, not his father named later), else the one named most in full,
    else the nearest."""
    found = [p for p in reversed(intro) if key in p.surnames or key in p.givens]
    people = {p.entity or p.name for p in found}
    if len(people) < 2:
        return found
    # the title before the name, or the office a verb gives it ("Sharif was elected prime minister")
    title: Mention | None = m.hint.get("title") or m.hint.get("holder_of")
    offices = {e.entity for e in title.candidates} if title is not None else set()
    named: dict[str, int] = {}
    first: dict[str, int] = {}
    kin: dict[str, bool] = {}
    for p in intro:
        named[p.entity or p.name] = named.get(p.entity or p.name, 0) + 1
        first.setdefault(p.entity or p.name, p.line)
        kin.setdefault(p.entity or p.name, p.kin)

    def fits(p: Introduced) -> bool:
        person = index.get(p.entity)
        return (person is not None and doc.published is not None
                and any(person.holds(o, doc.published) for o in offices))

    # (sorted is stable: among equals, the nearest first; one named in full in the short form's
    # own paragraph before the story's subject: "Han Duck-soo ... \n\n ... Han Dong-hoon ... Han said";
    # after "Mrs." a woman the text introduced as one: "Abe's widow, Akie Abe ... Mrs. Abe said")
    here = {p.entity or p.name for p in found if p.line == m.span.line}
    # (else, for a short form that speaks, the one who spoke in the paragraph right before: "...
    # Park Hong-keun, floor leader ...\n\nYongsan District Mayor Park Hee-young said ...\n\n“…,”
    # Park said")
    before = _paragraph_before(doc, m.span.line) if not here and _SPEAKS_AFTER.match(doc.text, m.span.end) else None
    last = {p.entity or p.name for p in found if p.line == before and p.end >= 0
            and _SPEAKS_AFTER.match(doc.text, p.end)}
    woman = str(m.hint.get("honorific") or "").rstrip(".").lower() in _WOMEN_HONORIFICS
    women = {p.entity or p.name for p in found if p.female}
    return sorted(found, key=lambda p: (woman and (p.entity or p.name) not in women, not fits(p),
                                        kin[p.entity or p.name] and not (woman and (p.entity or p.name) in women),
                                        (p.entity or p.name) not in here,
                                        len(last) == 1 and (p.entity or p.name) not in last,
                                        # (one the KB knows before one named in passing: "the
                                        # secretary-general, Oumar Samba Ba, read out a decree")
                                        p.entity is None,
                                        first[p.entity or p.name], -named[p.entity or p.name]))


def _paragraph_before(doc: Document, line: int) -> int | None:
    """The line of the paragraph right before the one on ``line`` (blank lines between), if any."""
    lines = doc.text.split("\n", line)[: line - 1]
    k = len(lines) - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k + 1 if 0 <= k < len(lines) - 1 else None


# a relative's introduction: "his son Hunter Biden", "her father, Rodrigo Duterte,"
# (or a name's: "Abe's widow, Akie Abe")
_KIN_BEFORE = rx.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)|['’]s)[ \t\u00a0]+(?:\w+[ \t\u00a0]+)?"
                         r"(?P<kin>son|daughter|wife|husband|father|mother|brother|sister|nephew|niece|cousin|widow|"
                         r"widower|grandson|granddaughter|uncle|aunt|stepson|stepdaughter)(?:-in-law)?,?[ \t\u00a0]+\Z")
_WOMEN_KIN = frozenset({"daughter", "wife", "mother", "sister", "niece", "widow", "granddaughter", "aunt",
                        "stepdaughter"})
_WOMEN_HONORIFICS = frozenset({"mrs", "ms", "mme", "madam", "madame", "lady", "miss", "bi"})


def _one_letter_off(given: str, givens: Iterable[str]) -> bool:
    """Whether a written given name is one of the person's with one letter added, dropped or
    changed ("Anthony", "Antony"): a spelling of it, not a nickname ("Dave", "David")."""
    from rapidfuzz.distance import Levenshtein

    return len(given) >= 4 and any(Levenshtein.distance(given, g.split()[0]) == 1 for g in givens if g)


def _nickname(toks: list[str], index: NameIndex) -> str | None:
    """The one KB person whose surname is the last of ``toks`` and whose given name the first
    is a nickname or the formal form of ("Charles", "Chuck"; "Bill", "William")."""
    if len(toks) < 2 or not toks[0].isalpha():
        return None
    from ledger.resolve.keys import given_forms, roman_fold

    people = index.by_surname(toks[-1])
    if not people:
        return None  # (the tables load only when a KB person has the surname)
    given = roman_fold(toks[0])
    forms = given_forms(given)
    found = {pid for pid in people
             if any((g0 := roman_fold(g.split()[0])) != given and g0 in forms for g in index.givens.get(pid, ()) if g)}
    return found.pop() if len(found) == 1 else None


# a surname and a given name of two syllables joined by a hyphen, as Korean and Taiwanese names
# are romanized ("Lai Ching-te", "Hou Yu-ih", "Lee Jae-myung"); not a word with a suffix
# ("Hong Kong-based")
_ROMANIZED = rx.compile(r"[A-Z][a-z]{1,5}[ \t\u00a0]+[A-Z][a-z]{1,5}-([a-z]{1,6})")
_SUFFIXES = frozenset('''
based led backed born owned run made style era like bound wide linked funded controlled sponsored aligned
friendly registered listed focused centric oriented level area region year old long term class
'''.split())


def _romanized_alike(ent: Entity | None, a: str, b: str) -> str | None:
    """The script (of ``_SCRIPTS``) of a person's name whose folded key makes ``a`` and
    ``b`` one: two romanizations of it."""
    if ent is None:
        return None
    from ledger.resolve.fuzzy import transposed

    if transposed(a, b):
        return None  # "Hasnia" for "Hasina": two letters swapped, a slip, whatever the script
    return next((script for script in _SCRIPTS
                 if _written_in(ent, script) and _script_key(script, a) == _script_key(script, b)), None)


def _folded(surface: str, script: str, index: NameIndex) -> str | None:
    """The one KB person with a name of ``script`` (of ``_SCRIPTS``) whose name or alias has the
    folded key of ``surface``: "Yun Sok Yol" and "Yoon Suk Yeol" (``translit.korean_key``),
    "Araqchi" and "Araghchi" (``translit.arabic_key``)."""
    memo = index.memo("folded-" + script)
    table = memo.get("")
    if table is None:  # folded key -> the people with a form of that key, once per index
        table = memo[""] = {}
        for ent in index.entities.values():
            if ent.kind == "person" and _written_in(ent, script):
                for form in (ent.name, *ent.aliases):
                    words = form.split()
                    # (and without the first of three words: an honorific the mention leaves out,
                    # "Sheikh Hasina Wazed" written "Sheikh Hasina Wajed")
                    forms = ((form, " ".join(words[1:])) if len(words) >= 3 and words[0].lower() in HONORIFICS
                             else (form,))
                    for k in {_script_key(script, f) for f in forms} - {""}:
                        table.setdefault(k, set()).add(ent.id)
    found = table.get(_script_key(script, surface)) if table else None
    return next(iter(found)) if found and len(found) == 1 else None


def _romanized_name(surface: str) -> bool:
    hit = _ROMANIZED.fullmatch(surface)
    return hit is not None and hit.group(1) not in _SUFFIXES


_ROLE_BEFORE = rx.compile(r"\b(?:predecessor|successor|counterparts?|son|daughter|wife|husband|father|mother|brother"
                          r"|sister|widow|widower)[ \t\u00a0]*,?[ \t\u00a0]+\Z")


# a title alone speaking: "the President", "the new CEO", "its chief executive"
_THE_TITLE = rx.compile(r"(?:(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t\u00a0]+)?"
                        r"(?:(?:new|current|incoming|interim|acting|outgoing)[ \t\u00a0]+"
                        r"|(?P<former>former[ \t\u00a0]+))?"
                        r"(?P<title>\S.*)")


def _office_speaker(doc: Document, c: Claim, mentions: list[Mention], index: NameIndex) -> str | None:
    """The speaker of a quote told by a title alone ("the President said", "the King told
    reporters"): the one person the KB has hold that office on the document's date, when the
    title resolved to a KB office of one holder."""
    said = _THE_TITLE.fullmatch(str(c.qualifiers.get("speaker_text") or ""))
    if said is None or doc.published is None:
        return None
    title = said.group("title").lower()
    # the title as said, or its last words after the country's ("the Argentine president": the
    # office "president" resolved with "Argentine" before it)
    office = next((m for m in mentions if m.kind == "office" and m.entity
                   and c.span.start - 300 <= m.span.start <= c.span.end + 300
                   and (m.surface.lower() == title or (
                       title.endswith(" " + m.surface.lower())
                       and (before := doc.text[max(0, m.span.start - len(title) + len(m.surface)) : m.span.start])
                       .lower() == title[: len(title) - len(m.surface)]
                       and all(w[:1].isupper() for w in before.split())))), None)
    if office is None:
        # the last KB office named before that has this title ("sworn in as president of South
        # Africa ... “…,” declared the president")
        office = next((m for m in reversed(mentions) if m.kind == "office" and m.entity
                       and m.span.start < c.span.start and (ent := index.get(m.entity)) is not None
                       and title in {t.lower() for t in (ent.name, *ent.titles)}), None)
    if office is None:
        # none named: the KB's office of that title of the one country the text's places are in
        # ("Dhaka ... Bangladesh ... “…,” the prime minister said")
        codes = {code for m in mentions if m.kind == "place" and m.span.start < c.span.start
                 and (code := _country_code(m, index))}
        found = [e.id for e in index.entities.values() if e.kind == "office" and e.country in codes
                 and title in {t.lower() for t in (e.name, *e.titles)}] if len(codes) == 1 else []
        return holder_of(index, found[0], doc.published, former=said.group("former") is not None) \
            if len(found) == 1 else None
    return holder_of(index, office.entity, doc.published, former=said.group("former") is not None)


_THE_NATIONAL = rx.compile(r"[Tt]he[ \t\u00a0]+(?:(?:\d{2}-year-old|young|veteran|former)[ \t\u00a0]+)?"
                           r"(?P<who>[A-Z][a-z]+)")


def _national_speaker(doc: Document, c: Claim, mentions: list[Mention], index: NameIndex) -> str | None:
    """The speaker of a quote told by a nationality ("“…,” the Italian said", "the German
    told reporters"): the one person of that country the KB knows named in the 1,500
    characters before it."""
    said = _THE_NATIONAL.fullmatch(str(c.qualifiers.get("speaker_text") or ""))
    if said is None:
        return None
    codes = {index.country_of(e.entity) for e in index.lookup(phrase_key(said.group("who"), expand=False))
             if e.method == "demonym"}
    codes.discard(None)
    if len(codes) != 1:
        return None
    code = codes.pop()
    people = {m.entity for m in mentions if m.kind == "person" and m.entity
              and c.span.start - 1500 <= m.span.start < c.span.start and index.country_of(m.entity) == code}
    return people.pop() if len(people) == 1 else None


def holder_of(index: NameIndex, office: str | None, day: date | None, former: bool = False) -> str | None:
    """The one person the KB has hold ``office`` on ``day``, when it is an office of one holder
    (``former``: the one whose term of it ended last before ``day``, "the former president")."""
    ent = index.get(office)
    if ent is None or not ent.single_holder or day is None:
        return None
    memo = index.memo("holders")
    table = memo.get("table")
    if table is None:  # office id -> the KB persons with a term of it, kept with the index
        table = memo["table"] = {}
        for e in index.entities.values():
            for t in e.offices if e.kind == "person" else ():
                table.setdefault(t.office, []).append(e.id)
    if former:
        ended = sorted((t.end, pid) for pid in dict.fromkeys(table.get(ent.id, ())) for t in index.entities[pid].offices
                       if t.office == ent.id and t.end is not None and t.end <= day
                       and not index.entities[pid].holds(ent.id, day))
        return ended[-1][1] if ended and (len(ended) == 1 or ended[-2][0] < ended[-1][0]) else None
    found = [pid for pid in dict.fromkeys(table.get(ent.id, ())) if index.entities[pid].holds(ent.id, day)]
    return found[0] if len(found) == 1 else None


def _title_holder(doc: Document, m: Mention, key: str, index: NameIndex) -> tuple[str, str] | None:
    """'US Pres. Biden': the one KB person of that surname holding the title's office then."""
    title: Mention = m.hint["title"]
    if doc.published is None:
        return None
    offices = {e.entity for e in title.candidates}
    qualifier: Mention | None = title.hint.get("qualifier")
    if qualifier is not None and qualifier.entity:
        country = index.country_of(qualifier.entity)
        offices = {o for o in offices if index.country_of(o) == country}
    found = {(pid, o) for pid in index.by_surname(key) for o in offices if index.entities[pid].holds(o, doc.published)}
    return found.pop() if len(found) == 1 else None


def _transliteration(surface: str, toks: list[str], index: NameIndex) -> tuple[str, float, str] | None:
    """The KB person whose native name ``surface`` (folded to ``toks``) reads best as, tried
    against everyone sharing a surname reading with its first or last word.  A common surname
    has many bearers, and the same runs recur ("Su-35", "Indo-Pacific"): answers are kept."""
    memo = index.memo("transliteration")
    if surface in memo:
        return memo[surface]
    best = memo[surface] = _transliteration_of(surface, toks, index)
    return best


def _transliteration_of(surface: str, toks: list[str], index: NameIndex) -> tuple[str, float, str] | None:
    from ledger.resolve import translit

    best: tuple[str, float, str] | None = None
    for tok in (toks[0], toks[-1]):
        for pid in index.by_surname(tok):
            ent = index.entities[pid]
            if not ent.native:
                continue
            r = translit.match(surface, ent.native)
            if r and (best is None or r[0] > best[1]):
                best = (pid, r[0], r[1])
    return best


def _home_country(mentions: list[Mention], index: NameIndex) -> str | None:
    """The country a text is about: the one its places name at least twice and twice as often
    as all others together (a Kenyan story naming Nairobi, Kenya and once the US)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind == "place" and (code := _country_code(m, index)):
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    top = max(counts, key=lambda c: counts[c])
    rest = sum(counts.values()) - counts[top]
    return top if counts[top] >= 2 and counts[top] >= 2 * rest else None


# a sentence opening inside a quotation: an opening mark, no closing one, then a sentence's end
_QUOTED_OPENING = rx.compile(r"[“\"][^”\"\n]*[.!?][ \t\u00a0]+\Z")


# what names a place before "of" ("the neighbourhood of Sheikh Maqsoud"), and the titles of a
# peer's full style ("Lord Alli")
_PLACE_OF = rx.compile(r"\b(?:[Nn]eighbo(?:u)?rhood|[Dd]istrict|quarter|suburb|town|village|city|area|camp|province"
                       r"|region)[ \t\u00a0]+of[ \t\u00a0]+(?:[A-Z][\w.]*[ \t\u00a0]+)?\Z")
def _near_style(doc: Document, m: Mention, honorific: str, index: NameIndex) -> bool:
    """Whether a style and a name ("Sheikh Hasnia") are a near miss of a KB person's name that
    has the style ("Sheikh Hasina"): the mention is then that person's, a slip."""
    fz = index.fuzzy()
    hit = fz.best(f"{honorific.rstrip('.')} {m.surface}") if fz is not None else None
    if hit is None or hit.kind != "person" or not phrase_key(hit.form, expand=False).startswith(
            phrase_key(honorific, expand=False) + " "):
        return False
    at = doc.text.rfind(honorific, max(0, m.span.start - len(honorific) - 2), m.span.start)
    if at >= 0:  # the style is part of the name as written: the fix replaces both
        m.span = Span.of(doc, at, m.span.end)
        m.surface = doc.text[at : m.span.end]
    _set(m, index, None, hit.entity, hit.score, "fuzzy", hit.reason, "misspelling")
    return True


_PEERAGE = frozenset({"lord", "lady", "baroness", "baron", "viscount", "earl",
                      # styles that go with a given name as a full reference ("Sheikh Hasina")
                      "sheikh", "sheikha", "shaikh"})


# a body a title's "of" names in lower case: "president of the confederation", "chairman of the board"
_OF_BODY = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+the[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}?"
                      r"(confederation|alliance|bloc|board|union|committee|council|commission|party|federation|league"
                      r"|association|company|group|organi[sz]ation|movement|coalition|consortium|foundation|club)\b")


# a name a title's "of" names: "president of Paris 2024", "president of the IOC"
_OF_NAME = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?"
                      r"([A-Z][\w’'.-]*(?:[ \t\u00a0]+(?:[A-Z][\w’'.-]*|\d{4}))*)")


# the last words of the names of bodies (a title "of" one is the body's)
_BODY_HEADS = frozenset({"Council", "Assembly", "Parliament", "Senate", "Committee", "Commission", "Chamber", "Court",
                         "Congress", "Board", "Duma", "Knesset", "Diet", "Federation", "League", "Union", "Association",
                         "Foundation", "Party", "Front", "Movement", "Institute", "University", "Academy", "Society"})


# a preposition right before a title
_PREPOSITION_BEFORE = rx.compile(r"\b(?:from|of|to|by|with|under|for|against|about|since|after|before|like|than"
                                 r"|during|on)[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:late[ \t\u00a0]+)?\Z",
                                 re.IGNORECASE)


def _resolve_office(doc: Document, m: Mention, index: NameIndex, given_to: Mention | None = None,
                    home: str | None = None, qualified: Collection[str] = ()) -> None:
    offices = list(dict.fromkeys(e.entity for e in m.candidates))
    qualifier: Mention | None = m.hint.get("qualifier")
    holder: Mention | None = m.hint.get("holder") or given_to
    country = None
    why = ""
    unknown_holder = unnamed = False
    owner = _OWNER_BEFORE.search(doc.text, max(0, m.span.start - 60), m.span.start) if qualifier is None else None
    org: Mention | None = m.hint.get("owner")
    if org is not None and (own := _offices_of_org(index, offices, org)):
        # "Hamas political chief Yahya Sinwar": the KB's office whose name names the
        # organization ("Head of the Hamas Political Bureau"), whoever holds it
        offices, org = own, None
    if qualifier is not None and qualifier.entity:
        country = index.country_of(qualifier.entity)
        why = f"country from '{qualifier.surface}'"
    elif (owner is not None and not _place_like(owner.group(1))) or (
            (_PARTY_BEFORE.search(doc.text, max(0, m.span.start - 9), m.span.start)
             or (org is not None and not any(index.country_of(o) is None for o in offices)))
            and not _holds_one(index, holder, offices, doc.published)):
        # a party's or a company's title ("the National Rally's president", "her party's
        # president", "the party's 28-year-old president", "party president", "PML-N
        # President"): not the holder's country's office
        party = _PARTY_BEFORE.search(doc.text, max(0, m.span.start - 9), m.span.start)
        name = (owner.group(1) if owner is not None else org.surface if org is not None
                else f"the {party.group(1).lower()}" if party is not None and party.group(1).lower() in _OWNER_NOUNS
                else f"what '{party.group(1)}' names" if party is not None else "")
        _set(m, index, None, None, 0.0, "unresolved", f"a title of {name}")
        m.hint["owned_by"] = name
        return
    elif (body := _OF_BODY.match(doc.text, m.span.end)) is not None:
        # "the first president of the confederation", "chairman of the board": a body's title,
        # not the holder's country's office (even of one who is also his country's president)
        name = f"the {body.group(1)}"
        _set(m, index, None, None, 0.0, "unresolved", f"a title of {name}")
        m.hint["owned_by"] = name
        return
    elif (named := _OF_NAME.match(doc.text, m.span.end)) is not None and (any(
            e.kind in ("event", "org") for e in index.lookup(phrase_key(named.group(1), expand=False)))
            or named.group(1).split()[-1] in _BODY_HEADS):
        # "the president of Paris 2024", "president of FIFA": an event's or a body's title the
        # KB knows by that name, not the holder's country's office; so a body's by the head of
        # its name ("president of the National Council", a speaker of parliament)
        name = named.group(1)
        _set(m, index, None, None, 0.0, "unresolved", f"a title of {name}")
        m.hint["owned_by"] = name
        return
    elif holder is not None and holder.entity:
        country = index.country_of(holder.entity)
        why = f"country of {holder.preferred or holder.surface}"
    if country:
        national = [o for o in offices if index.country_of(o) == country]
        # an office of no country (the IOC's President, the WHO's Director-General) is anyone's
        international = [o for o in offices if not index.country_of(o)] if qualifier is None else []
        # and an office the KB has the holder hold, whatever its country ("Internal Market
        # Commissioner Thierry Breton": the EU's, a Frenchman's)
        person = index.get(holder.entity) if qualifier is None and holder is not None and holder.entity else None
        own = [o for o in offices if person is not None and any(t.office == o for t in person.offices)]
        offices = national or international or own
    elif qualifier is not None or "unknown_qualifier" in m.hint:
        # a qualifier the KB does not know ("Lithuanian Defense Minister"): another country's
        offices = []
    elif holder is not None and not holder.entity and any(index.country_of(o) for o in offices):
        # "Defense Minister Arvydas Anusauskas": a person the KB does not know, no country
        # named: the title alone does not say whose ministry it is, even if the KB knows one;
        # in a story about one country it is that country's ("Prime Minister Paulette
        # Missambo" in a story of Libreville and Gabon), unless a title elsewhere gives the
        # person another country
        # (not after a preposition, where a story names past holders by their title: "how far
        # Lee Harvey Oswald had been from President John F. Kennedy")
        mine = [o for o in offices if index.country_of(o) == home] if home is not None else []
        surname = phrase_key(holder.surface, expand=False).split()[-1:]
        if len(mine) == 1 and surname and surname[0] not in qualified and not _PREPOSITION_BEFORE.search(
                doc.text, max(0, m.span.start - 12), m.span.start):
            offices = mine
            why = "the country the text is about; the holder is not in the KB"
        else:
            offices = []
            unknown_holder = True
    elif holder is None and m.surface.islower() and any(index.country_of(o) for o in offices):
        # "the new foreign minister" with no one named: no country says whose (a title naming
        # its country does: "the president of Taiwan")
        offices = []
        unnamed = True
    elif holder is None and len(offices) > 1 and home is not None:
        # "the President said" in a story about one country: its office, when the KB has one
        mine = [o for o in offices if index.country_of(o) == home]
        if len(mine) == 1:
            offices = mine
            why = "the country the text is about"
    if len(offices) > 1 and holder is not None and holder.entity:
        # "China's top diplomat, Wang Yi": the office among them that the holder held then
        person = index.get(holder.entity)
        held = [o for o in offices if person and doc.published and person.holds(o, doc.published)]
        if len(held) == 1:
            offices = held
            why = f"{why}; the one {person.name if person else ''} held on {doc.published}"
        elif held:
            # the title of several offices the holder held at once ("China's top diplomat"
            # when Wang Yi was both foreign minister and the commission's director): true of
            # each, the claim names the first
            offices = held[:1]
            why = f"{why}; one of the offices {person.name if person else ''} held on {doc.published}"
    if len(offices) > 1 and holder is not None and holder.entity:
        # a title of several offices, none the holder's then ("Attorney General Jack Smith":
        # the country's and a state's): office-mismatch judges the title against all of them
        m.hint["offices"] = offices
    if len(offices) == 1:
        entry = next(e for e in m.candidates if e.entity == offices[0])
        _set(
            m,
            index,
            entry,
            offices[0],
            1.0 if country else 0.8,
            "title",
            f"{entry.reason}{'; ' + why if why else ''}",
            "title",
        )
    else:
        _set(
            m,
            index,
            None,
            None,
            0.0,
            "unresolved",
            "a title the KB does not know"
            if not m.candidates
            else "title of several offices; the country is not clear"
            if offices
            else "the holder and their country are not in the KB"
            if unknown_holder
            else "no country or holder named with this title"
            if unnamed
            else "no office of that country in the KB",
        )


def _offices_of_org(index: NameIndex, offices: list[str], org: Mention) -> list[str]:
    """The offices among ``offices`` whose KB name names the organization ``org`` (by the
    words of its name as written, or of its KB name)."""
    ent = index.get(org.entity)
    names = {phrase_key(n, expand=False) for n in (org.surface, *((ent.name, *ent.aliases) if ent else ()))} - {""}
    out = []
    for o in offices:
        office = index.get(o)
        key = f" {phrase_key(office.name, expand=False)} " if office is not None else ""
        if any(f" {n} " in key for n in names):
            out.append(o)
    return out


# an owner before a title that is no place: a party, a company, a group ("the National
# Rally's president", "her party's leader")
_OWNER_BEFORE = rx.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*|party|company|group|firm|movement|bloc"
    r"|union|league|coalition|alliance|club|team|board|bank)['’]s\s+(?:[\w-]+\s+){0,2}\Z")


def _holds_one(index: NameIndex, holder: Mention | None, offices: list[str], day: date | None) -> bool:
    """Whether the KB has the holder hold one of ``offices`` on ``day`` ("US House Speaker
    Kevin McCarthy": the House's title is the state's office he holds; "its defense chief Li"
    after China: the country's)."""
    person = index.get(holder.entity) if holder is not None else None
    return person is not None and day is not None and any(person.holds(o, day) for o in offices)


# a title a party owns, or the organization just named ("the CNE ... Its president, Elvis
# Amoroso", "the National Assembly, whose president")
_PARTY_BEFORE = rx.compile(r"\b(party|[Uu]nion|[Cc]lub|[Cc]ompany|[Ff]irm|[Ii]ts|[Ww]hose)[ \t\u00a0]+\Z")


_OWNER_NOUNS = frozenset({"party", "union", "club", "company", "firm"})


def _place_like(owner: str) -> bool:
    """Whether an owner before a title may be a place (its country's office): a place GeoNames
    knows, or a country's code ("UK's")."""
    from ledger.resolve import gazetteer

    return owner.isupper() or gazetteer.lookup(owner) is not None


def namesakes(claims: list[Claim], mentions: list[Mention], index: NameIndex) -> None:
    """A surname alone names the last person of that surname introduced; when the document
    introduced two KB people of one surname ("Wang Yi", "Wang Wentao") and the office a claim
    gives "Wang" was held then by the other only, the claim is the other's ("Wang, 69, served
    as foreign minister from 2013 to 2022")."""
    named = {m.entity for m in mentions if m.kind == "person" and m.entity}
    if len(named) < 2:
        return
    for c in claims:
        if (c.predicate != "holds_office" or not c.subject or not c.object or " " in c.subject_surface.strip()
                or c.qualifiers.get("time") == "former"):
            continue
        lo, hi = c.valid_from, c.valid_to or c.valid_from
        if lo is None or hi is None or _held(index, c.subject, c.object, lo, hi):
            continue
        key = phrase_key(c.subject_surface, expand=False)
        others = [pid for pid in named if pid != c.subject and key in index.surnames.get(pid, ())
                  and _held(index, pid, c.object, lo, hi)]
        if len(others) == 1:
            c.subject = c.subject_key = others[0]


def _held(index: NameIndex, person: str, office: str, lo: date, hi: date) -> bool:
    """Whether the KB has ``person`` hold ``office`` at some time between ``lo`` and ``hi``."""
    p = index.get(person)
    return p is not None and any(t.office == office and t.overlaps(lo, hi) for t in p.offices)
