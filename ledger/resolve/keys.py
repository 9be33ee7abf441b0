"""Grouping keys of claims: the entity id when resolved, else the folded surface, so that
rules can line up claims about a person or an office the KB does not know."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from ledger import rx
from ledger.model import Claim, Mention
from ledger.resolve.tokens import compatible, phrase_key

# a word naming a nationality or a country's code before a title the KB does not know
# ("Lithuanian", "Dutch", "UK", "U.S.", "Britain's"): the title's country, not its office
NATIONALITY_SHAPE = rx.compile(
    r"[A-Z][a-z]+(?:an|ese|sh|i|ic|ch|ss)|[A-Z][A-Z.]{1,5}|Greek|Kazakh|Uzbek|Slovak|Serb|Thai|[A-Z][a-z]+['’]s"
)

# lower-case words inside personal names ("Mohammed bin Salman", "Pieter van Wyk", "Luis de la Fuente")
PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "van", "von", "der", "den", "de", "da", "di", "du",
                       "del", "della", "dela", "dos", "das", "ter", "zu", "la", "le", "los", "las"})  # ("dela Rosa")


def name_like(surface: str) -> bool:
    """Written as a name: every word capitalized but a name's particles ("Pieter van Wyk";
    "Chinese state media" and "Holmgren's successor" are descriptions)."""
    words = surface.split()
    if len(words) == 1 and words[0].lower() in _PRONOUN_WORDS:
        return False  # "She", opening a sentence, is nobody in particular
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w in PARTICLES for w in words)


_PRONOUN_WORDS = frozenset("he she it they we i you this that these those".split())


def split_nationality(title: str) -> tuple[str, str]:
    """A title the KB does not know whole, opened by a nationality ("Swedish Prime Minister"):
    (that word, the rest of the title); ("", the title) otherwise."""
    first, _, rest = title.strip().partition(" ")
    return (first, rest) if rest and NATIONALITY_SHAPE.fullmatch(first) else ("", title)


# a part of a place said by its direction ("northern Kenya", "northwest Syria"), a word and its
# space, as a pattern
DIRECTION = (r"(?:(?:north|south|east|west)(?:ern)?|(?:north|south)(?:east|west)(?:ern)?|central)"
             r"[ \t\u00a0]+")


# head words of titles the KB may not know ("Fisheries Minister Jan Novak"): a capitalized run
# ending in one of them and followed by a name is an office title with its holder
TITLE_HEADS = frozenset({
    "minister", "secretary", "president", "premier", "chancellor", "ambassador", "governor",
    "mayor", "chairman", "chairwoman", "chair", "director", "spokesperson", "spokesman",
    "spokeswoman", "commissioner", "chief", "commander", "senator", "representative", "envoy",
    "adviser", "advisor", "general", "admiral", "prosecutor", "attorney", "speaker", "leader",
    "judge", "justice", "sheriff", "marshal",
    # companies' ("Microsoft Chief Executive Satya Nadella", "CEO Satya Nadella")
    "executive", "officer", "ceo", "cfo", "coo", "cto", "founder", "chairperson",
})

# the last words of an institution's name ("World Bank", "Japan Transport Safety Board"): no
# person's, whatever cue follows it
ORG_LAST_WORDS = frozenset("""bank fund ministry council committee commission department agency bureau
union party university institute association organization organisation corporation company group authority
parliament assembly senate congress tribunal secretariat directorate federation foundation board""".split())

# words that make a title another office than the one without them, and not its seat
# ("Deputy Prime Minister", "Prime Minister-elect", "Minister of State")
OTHER_OFFICE_WORDS = frozenset({"deputy", "vice", "assistant", "under", "junior", "associate", "acting", "former",
                                "state", "incoming", "designate", "elect", "shadow", "interim", "lieutenant"})


# one name romanized in several ways differs in a few letters ("Sergei", "Sergey", "Serguei";
# "Zelensky", "Zelenskyy", "Zelenskiy"; "Shoigu", "Schoigu"; "Wladimir", "Sergej"; "Aleksei", "Alexei";
# "Mohammed", "Mohamed"): the key of a name the KB does not know folds them, so that outlets
# that spell a person differently still tell facts about one person.  Applied alike to every
# name, it only merges names that differ in these letters alone.
_ROMAN_FOLDS = tuple((rx.compile(p), r) for p, r in (
    (r"([a-z])\1+", r"\1"), (r"x", "ks"), (r"tsch|tch", "ch"), (r"sch", "sh"),
    (r"(?<=[aeiou])j(?![aeiou])", "i"), (r"kh", "h"), (r"ph", "f"), (r"ck", "k"), (r"w", "v"),
    (r"gu(?=[ei])", "g"), (r"y", "i"), (r"\bie", "e"), (r"ou", "u"), (r"([a-z])\1+", r"\1"),
))


@lru_cache(maxsize=1 << 16)
def roman_fold(key: str) -> str:
    """A name's matching key (``phrase_key``) with the letters that romanizations spell
    differently folded to one spelling."""
    while True:  # until nothing changes: one fold may make room for another ("yj")
        folded = key
        for pattern, repl in _ROMAN_FOLDS:
            folded = pattern.sub(repl, folded)
        if folded == key:
            return key
        key = folded


def office_key(c: Claim) -> str:
    """The grouping key of an office claim: the KB office, else ``title:`` and the title's
    country and words as ``title_key`` spells them."""
    if c.object:
        return c.object
    # whose title it is: a country's, or a party's or a company's by name ("PML-N President";
    # not "the company's", which names no one)
    owner = str(c.qualifiers.get("owner") or "")
    country = phrase_key(str(c.qualifiers.get("country") or (owner if owner[:1].isupper() else "")), expand=False)
    return f"title:{country}|{title_key(c.object_surface)}"


def claim_subject_key(c: Claim) -> str:
    """Who a claim is about, for grouping: its subject key, else its KB id, else its name."""
    return c.subject_key or c.subject or unknown_key(phrase_key(c.subject_surface, expand=False))


def surname_of(key: str) -> str:
    """The last word of a ``name:`` key: where a draft looks for a person's other spellings."""
    return key.rsplit(" ", 1)[-1].removeprefix("name:")


def surnames_of(key: str) -> set[str]:
    """The words of a ``name:`` key that may be the surname: the last, and the first of a name
    of two words, which may be written surname first ("Kishida Fumio")."""
    words = key.removeprefix("name:").split()
    return {words[-1], words[0]} if len(words) == 2 else set(words[-1:])


def unknown_key(name: str) -> str:
    """The grouping key of a person or event the KB does not know, from their name's
    ``phrase_key``: ``name:`` and the name with romanizations folded (``roman_fold``)."""
    return "name:" + roman_fold(name)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, frozenset[str]]:
    """Given names (folded as keys are) -> the names they are nicknames or formal names of
    ("dave" -> "david"; "david" -> "dave", "davey"), from the ``nicknames`` dataset."""
    from nicknames import NickNamer

    nn = NickNamer()
    related: dict[str, set[str]] = {}
    for table in (nn.nickname_lookup, nn.canonical_lookup):
        for name, others in table.items():
            related.setdefault(roman_fold(name), set()).update(roman_fold(o) for o in others)
    return {k: frozenset(v) for k, v in related.items()}


def given_forms(given: str) -> frozenset[str]:
    """The nicknames and formal forms of a given name (folded as keys are): "charles" ->
    "chuck", "charlie", ...; empty for a name the tables do not hold."""
    return _given_names().get(given, frozenset())


def given_alike(a: str, b: str) -> bool:
    """Two given names (folded words) of one person: the same, an initial of the other, a
    nickname of the other ("dave", "david"), or, both of five letters or more, another
    romanization of the same sounds (``jellyfish.metaphone``: "mohammed", "muhammad";
    "hassan", "hasan"; short names are left apart: "jan", "jon")."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    if b in given_forms(a):
        return True
    return len(a) >= 5 and len(b) >= 5 and _sounds(a) == _sounds(b)


@lru_cache(maxsize=1 << 14)
def _sounds(word: str) -> str:
    import jellyfish

    return str(jellyfish.metaphone(word))


# the sound of a name, with the letters that a name carried over from Russian's Cyrillic (or
# Spanish) writes for English sounds made one, and every run of vowels one vowel: "Dzhosh
# Shapiro" and "Josh Shapiro", "Kimberli Chitl" and "Kimberly Cheatle", "Alekhandro Maiorkas"
# and "Alejandro Mayorkas", "Tomas Kruks" and "Thomas Crooks"; the Thai "ph", "th" and "ch" of
# an official romanization: "Phitha Limcharoenrat" and "Pita Limjaroenrat"
_SOUND_FOLDS = tuple((rx.compile(p), r) for p, r in (
    (r"dzh|dj|zh|ch", "j"), (r"kh|j", "h"), (r"th", "t"), (r"ph|f", "p"), (r"ck|q", "k"), (r"x", "ks"),
    (r"c(?!h)", "k"), (r"(?<=[^aeiouyw])e\Z", ""), (r"[aeiouyw]+", "a"), (r"([a-z])\1+", r"\1"),
))


@lru_cache(maxsize=1 << 14)
def sound_key(word: str) -> str:
    """A folded name word's sound: its consonants spelled alike, each run of vowels one."""
    for pattern, repl in _SOUND_FOLDS:
        word = pattern.sub(repl, word)
    return word


def _sound_of(a: str, b: str) -> bool:
    """Two folded name words of one sound: the same word, or both of four letters or more
    with one sound key (short words are left apart: "Jan", "Jon")."""
    return a == b or (len(a) >= 4 and len(b) >= 4 and sound_key(a) == sound_key(b))


def sounds_alike(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names' words (folded, two or more each) sound alike one by one, in order
    or with the first moved last ("Kimberli Chitl", "Kimberly Cheatle")."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return (all(map(_sound_of, a, b)) or all(map(_sound_of, [*a[1:], a[0]], b))
            or all(map(_sound_of, a, [*b[1:], b[0]])))


def sounds_within(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether each word of one name sounds like a word of the other ("Chitl", "Kimberly
    Cheatle"): a shorter form, or the same, of a name carried over from another script; one
    word only when it has five letters or three consonant sounds ("Phitha", "Pita Limjaroenrat")."""
    la, lb = list(a), list(b)
    small, big = (la, lb) if len(la) <= len(lb) else (lb, la)
    if not small or (len(small) == 1 and len(small[0]) < 5 and len(sound_key(small[0]).replace("a", "")) < 3):
        return False
    return all(any(_sound_of(w, v) for v in big) for w in small)


def same_person(a: str, b: str) -> bool:
    """Whether two keys of names the KB does not know (``unknown_key``) may name one person:
    a fuller or shorter form of the name ("lavrov", "sergei lavrov"), or one surname with
    given names alike (``given_alike``: "dave calhoun", "david calhoun")."""
    if a == b:
        return True
    if not (a.startswith("name:") and b.startswith("name:")):
        return False
    wa, wb = a[5:].split(), b[5:].split()
    if not wa or not wb:
        return False
    if compatible(set(wa), set(wb)):
        return True
    if sounds_alike(wa, wb):
        return True  # one name carried over from another script ("Dzhosh Shapiro", "Josh Shapiro")
    return len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1] and given_alike(wa[0], wb[0])


def cluster_names(keys: Iterable[str]) -> dict[str, str]:
    """Keys of names the KB does not know -> one key per person (the least of those that
    ``same_person`` links): full names by surname and given names alike; a name without a
    given name joins the one person of its surname, or stays alone when there are several."""
    full: dict[str, list[str]] = {}
    short: list[str] = []
    for k in sorted(set(keys)):
        if not k.startswith("name:") or not (words := k[5:].split()):
            continue
        # (by the surname's sound: "Chitl" and "Cheatle" may be one)
        (full.setdefault(sound_key(words[-1]), []) if len(words) > 1 else short).append(k)
    rep: dict[str, str] = {}
    for group in full.values():
        for k in group:  # sorted: each joins the first earlier key it is alike with
            rep[k] = next((rep[j] for j in group if j < k and same_person(j, k)), k)
    for k in sorted(rep):
        # one name in either order ("Kishida Fumio", "Fumio Kishida"): one person
        words = k[5:].split()
        swapped = f"name:{words[1]} {words[0]}" if len(words) == 2 else None
        if swapped in rep and rep[swapped] != rep[k]:
            old, new = max(rep[k], rep[swapped]), min(rep[k], rep[swapped])
            for j, r in rep.items():
                if r == old:
                    rep[j] = new
    for k in short:
        people = {rep[j] for j in full.get(sound_key(k[5:]), ())}
        rep[k] = people.pop() if len(people) == 1 else k
    return rep


def assign_keys(claims: Iterable[Claim]) -> None:
    for c in claims:
        # a short form of a person the KB does not know ("Novak" after "Jan Novak") came with
        # the key of the full name already (``name_key``)
        c.subject_key = c.subject or c.subject_key or (
            unknown_key(phrase_key(c.subject_surface, expand=False)) if c.subject_surface else None
        )
        if c.object:
            c.object_key = c.object
        elif (c.object_key or "").startswith(("geo:", "name:")):
            pass  # a place (its GeoNames key: ``resolve.gazetteer``) or person the KB does not know
        elif c.predicate == "count" and c.qualifiers.get("unit"):
            c.object_key = f"unit:{c.qualifiers['unit']}"
        elif c.predicate == "holds_office" and c.object_surface:
            c.object_key = office_key(c)
        else:
            c.object_key = None


# words before a title that say nothing about which office it is ("Outgoing Dutch Prime
# Minister" is the Dutch Prime Minister); "former", "acting", "incoming" do, and stay
_NEUTRAL = frozenset({"new", "current", "outgoing", "longtime", "veteran", "powerful", "sitting", "incumbent"})
# words in a title that describe its holder, not the office ("Britain's first female chancellor")
DESCRIBING = frozenset({"first", "second", "third", "youngest", "oldest", "only", "female", "woman", "male"})


# one title, several spellings: each written form -> one; a company's officers all end in
# "officer" ("CEO" and "CFO" are rival titles of one head word, as two ministers are)
_SAME_TITLE = (
    ("chief executive officer", "ceo"), ("chief executive", "ceo"), ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"), ("chief technology officer", "cto"), ("chairwoman", "chair"),
    ("chairman", "chair"), ("chairperson", "chair"), ("ceo", "chief executive officer"),
    ("cfo", "chief financial officer"), ("coo", "chief operating officer"), ("cto", "chief technology officer"),
)


@lru_cache(maxsize=1 << 16)  # a ledger repeats a few thousand titles over and over
def title_key(title: str) -> str:
    """The matching key of a title the KB does not know, without a leading neutral word, and
    with one spelling of titles written several ways ("CEO", "Chief Executive Officer")."""
    words = phrase_key(title).split(" ")
    while len(words) > 1 and words[0] in _NEUTRAL:
        words.pop(0)
    words = [w for w in words[:-1] if w not in DESCRIBING] + words[-1:]
    key = f" {' '.join(words)} "
    for written, same in _SAME_TITLE:
        key = key.replace(f" {written} ", f" {same} ")
    return key.strip()


def name_key(m: Mention) -> str | None:
    """The grouping key of a mention the KB does not know: the key resolution gave it (a
    short form's full name, an event's name and year: ``name_key``), else the name as written."""
    if m.entity:
        return m.entity
    full = m.hint.get("name_key")
    return unknown_key(full or phrase_key(m.surface, expand=False)) if m.surface else None


def knows_person(m: Mention) -> bool:
    """A mention that names a person: of the KB, or one the text shows to be a person (an
    unknown name with a cue, or a short form of one introduced before)."""
    return m.kind == "person" and (bool(m.entity) or m.method == "unknown-name"
                                   or (m.method == "short" and "name_key" in m.hint))


def knows_subject(m: Mention) -> bool:
    """A mention a fact can be about: a KB entity, a person (``knows_person``), or an event
    the KB does not know by a name that says it is one ("the G20 summit")."""
    return bool(m.entity) or knows_person(m) or (m.kind == "event" and m.method == "unknown-name")


# a clause of another subject after a conjunction: "..., while younger brother Basil ... has
# kept a low profile since quitting parliament in June" (its times and acts are Basil's)
WHILE_NAME = rx.compile(r"\b(?:while|whereas|but|although|though)\b[ \t\u00a0]+(?:[a-z][\w'’-]*[ \t\u00a0]+){0,4}?"
                        r"(?P<name>[A-Z][\w'’-]+)")
