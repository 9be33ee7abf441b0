"""Find the names in a document: KB forms by longest match, and capitalized runs that may be
names nobody told the KB about, with the cues around them (honorifics, titles, qualifiers)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import attrgetter

from ledger import rx
from ledger.extract.offices import PAST_WORDS, RANK_WORDS
from ledger.extract.sentences import ABBREVIATIONS as ABBREVIATIONS_ENDING_NO_SENTENCE
from ledger.model import Document, Mention, Span
from ledger.resolve.index import TOLD_BY, Entry, NameIndex
from ledger.resolve.keys import (
    DESCRIBING,
    NATIONALITY_SHAPE,
    OTHER_OFFICE_WORDS,
    PARTICLES,
    TITLE_HEADS,
    split_nationality,
)
from ledger.resolve.tokens import ABBREVIATIONS, Token, tokenize

# words that, before a capitalized name, mark a person ("Mr. Li", "Gen. Li", "General Li")
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "gen", "general", "adm",
    "admiral", "col", "colonel", "lt", "capt", "captain", "maj", "major", "sgt", "cmdr",
    "sen", "senator", "rep", "gov", "governor", "sir", "dame", "lord", "lady", "madam", "mme",
    "rev", "sheikh", "president", "premier", "secretary", "minister", "ambassador", "judge",
    "chairman", "chairwoman", "chancellor", "mayor", "king", "queen", "prince", "princess",
    "pope", "marshal", "commander", "justice", "speaker", "mister",
    # religious honorifics before Shia and Sunni clerics' names ("Ayatollah Seyed Ali Khamenei")
    "ayatollah", "seyed", "sayyed", "sayyid", "hojatoleslam",
    # the abbreviated titles of style guides ("Pres. Biden", "Sec. Blinken", "Amb. Burns")
    "pres", "sec", "secy", "amb", "atty", "supt", "insp", "det", "brig", "cpl", "pvt", "spc",
    "cdr", "hon", "msgr", "fr", "sens", "reps",
    # the Swahili press's "Bw" (Bwana, Mr) and "Bi" (Bibi, Mrs/Ms): "Bw Musalia Mudavadi"
    "bw", "bi",
}
# words that are no name even after an honorific or a title: days of the week, and the
# prepositions and conjunctions of a title-case headline ("Ousts Qin Gang as Foreign Minister
# After Mysterious Absence")
_NO_NAME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday after before as at in on for
with over under during since until from by to of and but or amid despite than while when""".split())
# capitalized words that begin sentences or headings and are no names
STOP = {
    "the", "a", "an", "but", "and", "or", "if", "in", "on", "at", "as", "for", "of", "to",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his",
    "her", "their", "our", "my", "your", "there", "here", "when", "while", "after", "before",
    "since", "though", "although", "meanwhile", "however", "according", "with", "without",
    "from", "by", "any", "all", "both", "such", "some", "no", "not", "what", "who", "why",
    "how", "also", "last", "next", "responding", "frankly", "obviously", "unfortunately",
    "overnight", "yes", "so", "then", "than", "because", "very", "instead", "even", "only",
    "just", "still", "more", "most", "many", "much", "other", "another", "each", "every",
    "image", "photo", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "mr", "mrs", "ms", "later", "earlier",
    "now", "today", "yesterday", "tomorrow", "recently", "officials", "analysts", "critics",
    "asked", "speaking", "despite", "during", "under", "over", "until", "unless", "where",
    "whether", "which", "once", "twice", "again", "already", "perhaps", "indeed",
    "first", "second", "finally", "thus", "hence", "besides", "moreover", "sources",
    # words that open a sentence in capitals and name no one ("Within minutes of the gavel, ...")
    "within", "whatever", "whichever", "whenever", "wherever", "whoever", "amid", "among", "amongst",
    "throughout", "toward", "towards", "upon", "unlike", "beyond", "nevertheless", "nonetheless",
    "furthermore", "otherwise", "yet", "everyone", "everything", "nothing", "nobody", "someone",
    "something", "anything", "anyone", "none", "several", "whose", "whom", "across", "behind",
    "inside", "outside", "through", "ahead", "along", "alongside", "against", "including",
    # French prepositions opening a sentence ("Pour le politologue Maurice Dione, ...")
    "pour", "selon", "dans", "depuis", "après", "avant", "avec", "lors", "sans", "sous", "chez",
    "entre", "contre", "vers", "pendant", "malgré", "parmi", "cependant", "toutefois", "ainsi",
    # months as datelines abbreviate them ("BUENOS AIRES, Dec 11 (SCW) -"; not "Jan", "Jun",
    # "Mar", which are names too: "Jan Novak", "Dong Jun")
    "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
}
_GAP_OK = rx.compile(r"[ \t\u00a0]*(?:[-–][ \t\u00a0]*)?$")
_NAME_ABBREV = frozenset(a.lower() for a in ABBREVIATIONS_ENDING_NO_SENTENCE)
_GAP_NAME = rx.compile(r"[ \t\u00a0]+$|-$|\.[ \t\u00a0]+$")
KIND_ORDER = {"person": 0, "event": 1, "org": 2, "office": 3, "place": 4}


_LINE_BREAK = rx.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*")
_PROSE_WORD = rx.compile(r"(?:^|\s)[a-z][a-z]{2,}")


def _soft_break(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]`` is a line break inside a paragraph of prose, where a name
    may run on to the next line ("former Central Java governor Ganjar\nPranowo"): one line
    break, after a line of running text (not a heading, a list item or a title-case headline,
    whose last word and the next line's first are no one name)."""
    if not _LINE_BREAK.fullmatch(text, end, start):
        return False
    line = text[text.rfind("\n", 0, end) + 1 : end].strip()
    return (len(line) >= 40 and not line.startswith(("#", "-", "*", "|", ">"))
            and len(_PROSE_WORD.findall(line)) >= 4)


# plurals of people a name may hold in the possessive ("People's Liberation Army")
_NAME_POSSESSIVES = frozenset({"people", "women", "children", "men", "workers"})


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    if a.possessive:  # "People's Liberation Army": the possessive is inside the name
        gap = gap[2:]
        return gap in (" ", "\u00a0") or ("\n" in gap and _soft_break(text, a.end + 2, b.start))
    if a.text.endswith("s") and gap[:1] in ("'", "’") and gap[1:] in (" ", "\u00a0"):
        return True  # a plural's possessive inside a name: "the ASEAN foreign ministers' meeting"
    if a.period and gap.startswith("."):
        if not (len(a.text) == 1 or a.key in _NAME_ABBREV or a.key in ABBREVIATIONS):
            return False  # "as chairman. Microsoft": a sentence ends there, not an abbreviation
        gap = gap[1:]
    if _nickname_after(text, a, b):
        return True  # Barry "Butch" Wilmore: a nickname in quotation marks inside the name (not after it)
    if gap in _NICK_CLOSE and text[max(0, a.start - 2) : a.start] == _NICK_CLOSE[gap]:
        return True
    # (a line of prose may break inside a name: "Prigozhin's\nfuneral", "the Shangri-La\nDialogue")
    return (len(gap) <= 3 and bool(_GAP_OK.match(gap))) or ("\n" in gap and _soft_break(text, a.end, b.start))


def _nickname_after(text: str, a: Token, b: Token) -> bool:
    """Whether ``b`` is a nickname in quotation marks after the given name ``a`` ("Barry "Butch"")."""
    gap = text[a.end : b.start]
    return gap in _NICK_OPEN and text.startswith(_NICK_OPEN[gap], b.end) and _name_goes_on(text, b.end + 2)


def _name_goes_on(text: str, pos: int) -> bool:
    """Whether a name goes on at ``pos``: a capital, or a particle ("Ronald "Bato" dela Rosa")."""
    if text[pos : pos + 1].isupper():
        return True
    word = text[pos : pos + 6].split(" ", 1)[0]
    return word in PARTICLES and text[pos + len(word) : pos + len(word) + 1] == " "


# a nickname in quotation marks inside a name: the gap before it -> what must follow it, the
# gap after it -> what must precede it
_NICK_OPEN = {' "': '" ', " “": "” ", " ‘": "’ ", " '": "' "}
_NICK_CLOSE = {'" ': ' "', "” ": " “", "’ ": " ‘", "' ": " '"}


_ARTICLES = ("the", "de", "van", "von", "al", "el")  # may open a name in lower case


def _entries_for(
    text: str, toks: list[Token], index: NameIndex, plain: str, expanded: str
) -> tuple[str, list[Entry]] | None:
    """The kind a run of tokens names and the KB entries of that kind it may denote (None:
    none); ``plain`` and ``expanded`` are its keys (``key_of(toks)`` and ``key_of(toks,
    expand=True)``).  The answer depends on the keys and on the shape of the run only
    (capitals, a hyphen before the last word), so it is kept with the index for the next run of
    that shape: the same names and words recur."""
    first, last = toks[0], toks[-1]
    # (every letter in capitals: "LA 2028" is, its number aside)
    upper = (first.text.replace(".", "").isupper() if first is last
             else all(t.text.replace(".", "").isupper() or not any(c.isalpha() for c in t.text) for t in toks))
    shape = (plain, expanded, first.cap, len(toks) > 1 and first.key in _ARTICLES,
             last.cap or text[last.start - 1] == "-", upper)
    memo = index.memo("mention-entries")
    try:
        return memo[shape]
    except KeyError:
        pass
    entries = _entries_of(index, *shape)
    found = None
    if entries:
        kind = min({e.kind for e in entries}, key=lambda k: KIND_ORDER.get(k, 9))
        found = (kind, [e for e in entries if e.kind == kind])
    memo[shape] = found
    return found


_SHORT_ACRONYM = rx.compile(r"(?:[A-Z]\.?){2,3}(?:[ \t\u00a0][^\W\d_]*\d[\w]*)?")


def _entries_of(
    index: NameIndex, plain: str, expanded: str, cap: bool, article: bool, last_cap: bool, upper: bool
) -> list[Entry]:
    out: list[Entry] = []
    for e in index.lookup(plain):
        if e.method == "title":
            continue
        if e.method == "code" or _SHORT_ACRONYM.fullmatch(e.form):
            # a code, or an acronym of two or three letters, only in capitals: "LA", not the
            # "La" of "La Défense"; "US", not "Us"
            if not upper:
                continue
        elif not cap:
            # a name starts with a capital; "the Pentagon" style aliases may start lower-case,
            # and so may a form the KB writes in lower case ("presidential oath-taking ceremony")
            if not article and not e.form[:1].islower():
                continue
        if e.kind == "person" and not last_cap:
            continue
        out.append(e)
    # titles match in any case, but an acronym only in capitals ("PM", not the "pm" of "1:21 pm")
    out += [e for e in index.lookup(expanded)
            if e.method == "title" and (upper or not e.form.replace(".", "").isupper())]
    if any(e.kind == "person" for e in out):
        out = [e for e in out if e.kind == "person"]
    return out


def _starts(toks: list[Token], index: NameIndex) -> list[int]:
    """The positions of the tokens where a match may start: tokens that are or begin a KB key
    (by their key or, before a period, its expansion), found by C-level passes over all the
    tokens, as most words begin no name.  A token without a capital starts no name (see
    ``_entries_for``) unless it is in upper case (a code: "3M"), an article ("the Pentagon")
    or begins a title ("defense minister"): the others are left out too."""
    keys, prefixes = index.keys, index.prefixes
    words = list(map(_KEY, toks))
    hit = list(map(_first_words(index).__contains__, words))  # == key in keys or key in prefixes
    for i in compress(range(len(toks)), map(_PERIOD, toks)):
        if not hit[i]:
            expanded = ABBREVIATIONS.get(words[i], words[i])  # may be two words: "vice president"
            hit[i] = expanded in keys or expanded in prefixes
    heads = _lowercase_heads(index)
    out = []
    for i in compress(range(len(toks)), hit):
        t = toks[i]
        if (
            t.cap
            or t.key in heads
            or (t.period and ABBREVIATIONS.get(t.key, t.key).partition(" ")[0] in heads)
            or t.text.replace(".", "").isupper()
        ):
            out.append(i)
    return out


def _first_words(index: NameIndex) -> frozenset[str]:
    """The one-word keys and prefixes of the index: a token's key (one word) is a key or a
    prefix if it is among them.  A small set (a thousand or so words at 100k names), much
    cheaper to look words up in than the keys and prefixes themselves."""
    memo = index.memo("first-words")
    words = memo.get("words")
    if words is None:
        words = memo["words"] = frozenset(k for k in (*index.keys, *index.prefixes) if " " not in k)
    return words


def _lowercase_heads(index: NameIndex) -> frozenset[str]:
    """The words a match may start with in lower case: the articles, and the first word of
    every title (titles match in any case) and of every form the KB writes in lower case."""
    memo = index.memo("lowercase-heads")
    heads = memo.get("heads")
    if heads is None:
        titles = (k for k, entries in index.keys.items()
                  if any(e.method == "title" or e.form[:1].islower() for e in entries))
        heads = memo["heads"] = frozenset(_ARTICLES).union(k.partition(" ")[0] for k in titles)
    return heads


_KEY, _PERIOD, _CAP = attrgetter("key"), attrgetter("period"), attrgetter("cap")
_HYPHEN_NAME = rx.compile(r"-[A-Z]")
# before a title's first word in lower case, these make it a verb ("will shadow", "to head")
# a clock's hour before a title's first word: "09:14 PM IST", "7 PM" is the time of day
_CLOCK_BEFORE = rx.compile(r"(?<![\w.,])\d{1,2}(?:[:.]\d{2})?[ \t\u00a0]?\Z")
_MODALS = frozenset({"will", "would", "to", "can", "could", "shall", "should", "must", "may", "might", "did", "does"})


def _key_length(text: str, toks: list[Token], i: int, index: NameIndex) -> int:
    """The number of tokens of the longest KB key starting at token ``i`` (0 for none)."""
    keys, prefixes = index.keys, index.prefixes
    best, key, j = 0, toks[i].key if i < len(toks) else "", i
    while j < len(toks):
        if key in keys:
            best = j - i + 1
        if key not in prefixes or j + 1 >= len(toks) or not _joined(text, toks[j], toks[j + 1]):
            break
        j += 1
        key += " " + toks[j].key
    return best


def find_mentions(doc: Document, index: NameIndex) -> list[Mention]:
    out: list[Mention] = []
    abbreviations: dict[str, tuple[Mention, int]] = {}  # given in the text: "Georgian Dream (GD)"
    text = doc.text
    keys, prefixes = index.keys, index.prefixes
    for sec in doc.body_spans():
        toks = tokenize(text, sec.start, sec.end)
        bounds = (sec.start, sec.end)
        n = len(toks)
        after = 0  # the end of the last match
        for i in _starts(toks, index):
            if i < after:
                continue
            t = toks[i]
            plain = t.key
            expanded = ABBREVIATIONS.get(plain, plain) if t.period else plain
            best: tuple[int, tuple[str, list[Entry]]] | None = None
            # grow the key token by token while some KB key still starts with it
            j = i
            while True:
                if plain in keys or expanded in keys:
                    found = _entries_for(text, toks[i : j + 1], index, plain, expanded)
                    if found is not None:
                        best = (j - i + 1, found)
                if (
                    j + 1 >= n
                    or not (plain in prefixes or expanded in prefixes)
                    or not _joined(text, toks[j], toks[j + 1])
                ):
                    break
                j += 1
                t = toks[j]
                plain += " " + t.key
                expanded += " " + (ABBREVIATIONS.get(t.key, t.key) if t.period else t.key)
            nick_first = None
            if best is None and i + 2 < n and toks[i].cap and _nickname_after(text, toks[i], toks[i + 1]):
                # "Sunita "Suni" Williams" of the KB's "Sunita Williams": the name without the
                # nickname (and the words after it: "Ronald "Bato" dela Rosa")
                key, words = toks[i].key, [toks[i]]
                for j in range(i + 2, min(i + 5, n)):
                    if j > i + 2 and not _joined(text, toks[j - 1], toks[j]):
                        break
                    key, words = key + " " + toks[j].key, [*words, toks[j]]
                    if key in keys and (found := _entries_for(text, words, index, key, key)) is not None:
                        best, nick_first = (j - i + 1, found), toks[i]
            elif best is not None and i > 0 and toks[i - 1].cap and _nickname_after(text, toks[i - 1], toks[i]):
                nick_first = toks[i - 1]  # "Barry "Butch" Wilmore" of the KB's "Butch Wilmore": the whole name
            if best is not None and best[1][0] == "place" and i > 0 and toks[i - 1].cap \
                    and toks[i - 1].key in _REGION_WORDS and _joined(text, toks[i - 1], toks[i]):
                best = None  # "Latin America", "South America": no part of it is the KB's "America"
            if (best is not None and best[1][0] == "place" and i + best[0] < n
                    and (after_place := toks[i + best[0]]).cap and after_place.key in _EVENT_AFTER_PLACE
                    and _joined(text, toks[i + best[0] - 1], after_place)):
                best = None  # "the Australian Open", "the US Open": an event's name, not the place
            if best is not None and best[1][0] == "office" and _HYPHEN_NAME.match(text, toks[i + best[0] - 1].end):
                best = None  # "Foreign Minister Amir-Abdollahian": a title's word in a hyphenated name
            if best is not None and best[1][0] == "office" \
                    and _CLOCK_BEFORE.search(text, max(0, toks[i].start - 8), toks[i].start):
                best = None  # "Jun 04, 2023 09:14 PM IST": the time of day, not a prime minister
            if best is not None and toks[i].key == "the" and best[0] > 1 and \
                    _key_length(text, toks, i + 1, index) > best[0] - 1:
                best = None  # "the Conservative Party conference": the event, not the KB's "the Conservative Party"
            if best is not None and text.startswith("$", toks[i + best[0] - 1].end):
                best = None  # "US$3 trillion", "HK$10": a currency, not the country
            if (best is not None and best[1][0] == "office" and not toks[i].cap and i > 0
                    and toks[i - 1].key in _MODALS and _joined(text, toks[i - 1], toks[i])):
                best = None  # "Mrs. Patel will shadow Foreign Secretary David Lammy": a verb
            if best is not None:
                length, (kind, candidates) = best
                first, last = toks[i], toks[i + length - 1]
                end = last.end
                if kind == "office" and last.period and last.key in ABBREVIATIONS:
                    end += 1  # "Pres." keeps its period
                elect = _ELECT.match(text, end) if kind == "office" else None
                if elect is not None:
                    # "President-elect": not yet the office; a title the KB does not hold
                    end, candidates, length = elect.end(), [], length + 1
                if nick_first is not None and kind == "person":
                    first = nick_first
                out.append(Mention(
                    Span.of(doc, first.start, end), text[first.start : end], kind, section=sec.kind,
                    candidates=list(candidates), hint={"tokens": (i, i + length), "section": bounds},
                ))
                after = i + length
        _abbreviations(doc, toks, out, index, abbreviations, sec.kind, bounds)
        _name_runs(doc, toks, out, sec.kind, (sec.start, sec.end))
        _lowercase_titles(doc, toks, out, sec.kind, (sec.start, sec.end))
    _anaphors(doc, out)
    out.sort(key=lambda m: m.span.start)
    _link(doc, out)
    return out


# an abbreviation given in brackets after a name: "Georgian Dream (GD)", "the Save Romania Union (USR)"
_ABBREVIATION_AFTER = rx.compile(r"[ \t\u00a0]*\((?P<a>[A-Z][A-Z0-9&]{1,7})\)")


def _initials_in(abbreviation: str, name: str) -> bool:
    """Whether every letter of an abbreviation is an initial or a capital of the name's words,
    in any order ("Georgian Dream (GD)", "Save Romania Union (USR)"; not a dateline's "Cape
    Town (AFP)")."""
    letters = {w[0].upper() for w in name.replace("-", " ").split() if w[:1].isalpha()}
    letters |= {ch for ch in name if ch.isupper()}
    return all(ch in letters for ch in abbreviation if ch.isalpha())


def _abbreviations(doc: Document, toks: list[Token], out: list[Mention], index: NameIndex,
                   given: dict[str, tuple[Mention, int]], section: str, bounds: tuple[int, int]) -> None:
    """The abbreviations the text gives for KB names ("Georgian Dream (GD)"), which the KB does
    not know, and their later uses in the section ("GD took 53.93%"): mentions of that entity."""
    text = doc.text
    for m in out:
        if (m.candidates and m.kind in ("org", "event", "place") and id(m) not in given
                and (g := _ABBREVIATION_AFTER.match(text, m.span.end)) is not None
                and g.group("a").lower() not in index.keys and g.group("a") not in given
                and _initials_in(g.group("a"), m.surface)):
            given[g.group("a")] = (m, g.end())
    if not given:
        return
    taken = {k for m in out if m.hint.get("section") == bounds for k in range(*m.hint["tokens"])}
    for i, t in enumerate(toks):
        if i in taken or t.text not in given:
            continue
        named, after = given[t.text]
        if t.start < after:
            continue
        reason = f"abbreviation of {named.surface}, given on line {named.span.line}"
        out.append(Mention(Span.of(doc, t.start, t.end), t.text, named.kind, section=section,
                           candidates=[e._replace(method="abbreviation", reason=reason) for e in named.candidates],
                           hint={"tokens": (i, i + 1), "section": bounds}))


def _title_names_country(text: str, title: Mention) -> bool:
    """Whether a title names its country: a place before it ("China's Defense Minister"), a
    nationality in it or before it ("British Prime Minister", "Lithuanian Defense Minister")."""
    return ("qualifier" in title.hint or bool(split_nationality(title.surface)[0])
            or unknown_qualifier(text, title.span.start) is not None)


# (and the French press's "a.i.", ad interim: "Prime Minister a.i. Michel Patrick Boisvert")
_ELECT = rx.compile(r"[-‐ ](?:(?:elect|designate|designee)\b|a\.i\.|ad interim\b)", re.I)


# "the summit" after "the G20 summit": resolution checks the head word is the event's
_EVENT_ANAPHORS = ("summit", "forum", "conference", "dialogue", "games", "talks", "earthquake", "quake", "storm",
                   "hurricane", "typhoon", "cyclone", "tsunami", "election",
                   # (of the event named before with that word: "the dissolution decree ... the decree")
                   "decree", "ceasefire", "truce", "funeral", "crash", "explosion", "declaration",
                   "collision", "accident", "derailment", "attack", "shooting", "bombing")
_SAME_EVENT = rx.compile(
    r"\b[Tt]he same (?:event|forum|summit|conference|meeting|gathering|dialogue|venue)\b"
    # (a quake's or a storm's size or force between: "The magnitude 6.8 quake", "the deadly storm")
    r"|\b[Tt]he (?:(?:magnitude[- ]?\d+(?:\.\d+)?|\d+(?:\.\d+)?[- ]?magnitude|powerful|deadly|massive|devastating"
    r"|strong|huge|catastrophic|violent|shallow|major|fatal)[ \t\u00a0]+){0,3}"
    rf"(?P<head>{'|'.join(_EVENT_ANAPHORS)})\b(?! of\b)"
)


# (not an adjective before its noun: "the crashed helicopter"; not "shot down", "landed a deal";
# not a term's start, which the appointed frame reads: "sworn in as prime minister")
_EVENT_VERB = rx.compile(r"\b(?P<verb>" + rx.alternation(TOLD_BY) + r")\b"
                         r"(?![ \t\u00a0]+(?:down|up|off|a|an|the|his|her|their|its|as)\b)")
_ARTICLE_BEFORE = rx.compile(r"(?<!\w)(?:[Tt]he|[Aa])[ \t\u00a0]\Z")
# the words of its clause a verb's event may be named by: from the last sentence end before it
# to the next after it, at most this many characters either side
_EVENT_VERB_REACH = 70
_CLAUSE_ENDS = (".", ";", "!", "?", "\n\n")


_HOLD_ELECTION = rx.compile(r"\b(?:hold|holds|held|holding)[ \t\u00a0]+(an?[ \t\u00a0]+(?:(?:snap|early|presidential"
                            r"|general|parliamentary)[ \t\u00a0]+)?election)\b"
                            r"(?![ \t\u00a0]+(?:within|in[ \t\u00a0]+\d))")


def _anaphors(doc: Document, out: list[Mention]) -> None:
    """"the same event", or "the summit" after a summit's name, points back at the last event
    named before it."""
    for sec in doc.body_spans():
        text = doc.text
        _verb_anaphors(doc, sec.start, sec.end, sec.kind, out)
        if text.find("he same ", sec.start, sec.end) < 0 and not any(
                text.find(h[1:], sec.start, sec.end) >= 0 for h in _EVENT_ANAPHORS):
            continue  # a plain search first: much faster than the pattern's
        found = [(m.start(), m.end(), m.group("head")) for m in _SAME_EVENT.finditer(doc.text, sec.start, sec.end)]
        if text.find("lection", sec.start, sec.end) >= 0:
            # "Iran will hold an election on June 28": the country's election
            found += [(m.start(1), m.end(1), "election") for m in _HOLD_ELECTION.finditer(text, sec.start, sec.end)]
        for start, end, head in sorted(found):
            a = Mention(span=Span.of(doc, start, end), surface=text[start:end], kind="event", section=sec.kind)
            a.hint["anaphor"] = True
            if head:
                a.hint["head"] = head
            a.hint["tokens"] = (-1, -1)
            a.hint["section"] = (sec.start, sec.end)
            out.append(a)


def _verb_anaphors(doc: Document, start: int, end: int, kind: str, out: list[Mention]) -> None:
    """A verb of ``TOLD_BY`` in a section ("the helicopter crashed near Jolfa", "Mr. Abe was shot
    on July 8"): an event mention, with the words of its clause (``hint["near"]``), for
    resolution to take for an event of the story.  Not inside a name found already ("Damascus
    fell", a KB event's form told by its verb)."""
    text = doc.text
    named = sorted((n.span.start, n.span.end) for n in out if start <= n.span.start < end)
    for m in _EVENT_VERB.finditer(text, start, end):
        if _ARTICLE_BEFORE.search(text, max(start, m.start() - 4), m.start()):
            continue  # "the crashed helicopter" (not "Rajapaksa resigned")
        k = bisect_right(named, (m.start(), end))
        if k and named[k - 1][1] > m.start():
            continue  # (inside a name: "Damascus fell")
        lo = max(start, m.start() - _EVENT_VERB_REACH,
                 *(i + len(c) for c in _CLAUSE_ENDS if (i := text.rfind(c, start, m.start())) >= 0))
        hi = min(end, m.end() + _EVENT_VERB_REACH,
                 *(i for c in _CLAUSE_ENDS if (i := text.find(c, m.end(), end)) >= 0))
        a = Mention(span=Span.of(doc, m.start(), m.end()), surface=m.group(), kind="event", section=kind)
        a.hint.update(anaphor=True, verb=" ".join(m.group("verb").lower().split()),
                      near=(text[lo : m.start()], text[m.end() : hi]), tokens=(-1, -1), section=(start, end))
        out.append(a)


# words opening a sentence that open no name: numbers, prepositions
_NOT_NAME_OPENERS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
fifty hundred hundreds thousand thousands dozens between during after before among amid despite within without
following including according late early earlier later""".split())
_DETERMINER_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"})


# verbs a headline writes in title case right after a name ("Bortnikov Says West ...")
_HEADLINE_VERBS = frozenset('''
says tells warns blames urges vows claims denies calls asks accuses rejects slams backs sees meets
visits appoints quits resigns dies wins loses takes faces orders seeks signs threatens declares
pledges promises insists admits defends condemns praises welcomes hails bets eyes weighs mulls
signals targets sets puts gets
'''.split())


def _name_runs(
    doc: Document, toks: list[Token], mentions: list[Mention], section: str,
    mentions_section: tuple[int, int],
) -> None:
    """Capitalized runs not matched in the KB: possible names.  Each keeps its cues."""
    text = doc.text
    covered: set[int] = set()
    named: set[int] = set()  # the tokens of names (not titles) the KB matched
    person_at: set[int] = set()  # the first tokens of the KB's people named
    bounds = (toks[0].start, toks[-1].end) if toks else (0, 0)
    for m in mentions:
        a, b = m.hint["tokens"]
        lo, hi = m.hint["section"]
        if lo <= bounds[0] and bounds[1] <= hi:
            covered.update(range(a, b))
            if m.kind == "person":
                person_at.add(a)
            if m.kind != "office":
                named.update(range(a, b))
    n = len(toks)
    after = 0  # the end of the last run
    for i in compress(range(n), map(_CAP, toks)):  # a run starts with a capital
        t = toks[i]
        # (a weekday, a preposition is no name after a title either: "as prime minister Tuesday")
        if i < after or i in covered or t.key in STOP and (t.key in _NO_NAME_WORDS
                                                           or not _after_honorific(toks, i, text)):
            continue
        if t.key in _HEADLINE_VERBS and i > 0 and toks[i - 1].cap:
            continue  # "Ecuador's President Declares 'Armed Conflict'": a headline's verb, no surname
        if _sentence_initial(text, t.start) and (t.key in _NOT_NAME_OPENERS or (
                t.key.endswith("ing") and len(t.key) > 5 and i + 1 < n and toks[i + 1].key in _DETERMINER_WORDS
                and not toks[i + 1].cap)):
            continue  # "Two days after ...", "Between those dates", "Recalling the images ...": no name
        j = i
        while (
            j + 1 < n
            and j + 1 not in covered
            and (toks[j + 1].cap or text[toks[j + 1].start - 1] == "-"
                 # a particle inside a name: "Mohammed bin Salman", "Ursula von der Leyen"
                 or (toks[j + 1].text in PARTICLES and _particle_run(toks, j + 1, text)))
            # a middle initial is one even when it spells a word ("Lewis A. Kaplan")
            and (toks[j + 1].key not in STOP or (len(toks[j + 1].text) == 1 and toks[j + 1].period))
            # (a headline's verb in title case ends a name: "FSB Chief Bortnikov Says West ...")
            and toks[j + 1].key not in _HEADLINE_VERBS
            and j - i < 8  # a title and a name: "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani"
            # (a possessive ends a name, but for a plural of people inside one: "People's
            # Liberation Army", "Women's Hospital")
            and (not toks[j].possessive or (toks[j].key in _NAME_POSSESSIVES and toks[j].cap
                                            and text[toks[j].end : toks[j + 1].start] in ("'s ", "’s ")))
            and ((toks[j].possessive and toks[j].key in _NAME_POSSESSIVES)
                 or (_GAP_NAME.match(text[toks[j].end : toks[j + 1].start] or " ")
                     and len(text[toks[j].end : toks[j + 1].start]) <= 3)
                 or _soft_break(text, toks[j].end, toks[j + 1].start))
            # a period inside a name follows an initial or an abbreviated title ("J. Biden",
            # "Gen. Li"), not a word that ends a sentence ("... met Blinken. Li was ...")
            and (not toks[j].period or len(toks[j].key) == 1 or toks[j].key in _NAME_ABBREV)
        ):
            j += 1
        of_end = _of_complement(text, toks, j, covered)
        if of_end is not None:
            # "Chancellor of the Exchequer Jeremy Hunt": the title runs to the two words of the
            # name (which the next run reads, and ``_link`` makes the title's holder)
            title = Mention(span=Span.of(doc, t.start, toks[of_end].end), surface=text[t.start : toks[of_end].end],
                            kind="office", section=section)
            title.hint["tokens"] = (i, of_end + 1)
            title.hint["section"] = mentions_section
            mentions.append(title)
            after = of_end + 1
            continue
        run = toks[i : j + 1]
        if (run[-1].key in TITLE_HEADS and not run[-1].period and j + 1 in person_at
                and text[toks[j].end : toks[j + 1].start] == " "):
            # a title the KB does not know before a person it knows: "Chinese Premier Xi
            # Jinping" (the KB's Xi is President: office-mismatch judges the title)
            t0 = 1 if len(run) > 1 and run[0].key in _TIME_BEFORE_TITLE else 0
            title = Mention(span=Span.of(doc, run[t0].start, run[-1].end),
                            surface=text[run[t0].start : run[-1].end], kind="office", section=section)
            title.hint["tokens"] = (i + t0, j + 1)
            title.hint["section"] = mentions_section
            mentions.append(title)
            after = j + 1
            continue
        # a title the KB does not know, then the name: "Fisheries Minister Jan Novak"
        split = max((k for k in range(len(run) - 1) if run[k].key in TITLE_HEADS), default=None)
        if split is not None and split + 2 < len(run) and _ELECT.match(text, run[split].end, run[split + 1].end):
            split += 1  # "President-elect Trump": the title is "President-elect"
        if split is not None and len(run) - split - 1 >= 2:
            # "Former Fed Chair Janet Yellen": the time word is no part of the title (offices
            # reads it before the title)
            t0 = 1 if split > 0 and run[0].key in _TIME_BEFORE_TITLE else 0
            title = Mention(
                span=Span.of(doc, run[t0].start, run[split].end),
                surface=text[run[t0].start : run[split].end], kind="office", section=section,
            )
            title.hint["tokens"] = (i + t0, i + split + 1)
            title.hint["section"] = mentions_section
            mentions.append(title)
            run = run[split + 1 :]
            i = i + split + 1
        # an honorific opening the run is a cue, not part of the name; so is a party word before
        # a name or an honorific ("Democrat Sherrod Brown", "Republican Sen. Shelley Moore
        # Capito"; not "Republican National Committee", "Democratic Party")
        lead = 1 if _party_before_name(run) else 0
        while lead < len(run) - 1 and (_honorific(run[lead]) or (
                # "Rear Adm. Daniel Hagari": a rank of two words (not "Rear Window")
                run[lead].key == "rear" and run[lead + 1].key in ("adm", "admiral"))):
            lead += 1
        if (lead and not run[0].period and run[0].key in _ALSO_WORDS and i > 0 and toks[i - 1].key == "the"
                and _joined(text, toks[i - 1], run[0])):
            lead = 0  # "the General Coordination for Displaced ...": a name's word, no rank
        name = run[lead:]
        # an event the KB does not know: "the Munich Security Conference", "the G20 summit"
        kind, last = "person", j
        if name and len(name) >= 2 and (name[-1].key in EVENT_HEADS or name[0].key in _STORMS):
            kind = "event"
        elif (name and j + 1 < n and toks[j + 1].key in _EVENT_AFTER and not toks[j + 1].cap
              and text[toks[j].end : toks[j + 1].start] == " " and not toks[j].possessive
              and not name[-1].text[:1].isdigit()):  # (not a magnitude: "the 7.6 quake")
            kind, last = "event", j + 1
        if name and not (len(name) == 1 and name[0].key in HONORIFICS):
            end = toks[last].end
            begin = name[0].start
            k0 = i + lead
            if k0 > 0 and toks[k0 - 1].text in ("al", "el") and toks[k0 - 1].end + 1 == begin \
                    and text[toks[k0 - 1].end] in "-‐":
                begin = toks[k0 - 1].start  # "al-Sharaa said": the article is the name's
            m = Mention(
                Span.of(doc, begin, end), text[begin:end], kind,
                section=section, hint={"tokens": (i + lead, last + 1), "section": mentions_section, "run": True},
            )
            # (not a word of another name before: "Notre Dame Cathedral" after the KB's "Notre Dame")
            honor = run[lead - 1] if lead else (toks[i - 1] if i > 0 and _joined(text, toks[i - 1], t)
                                                 and (i - 1) not in named else None)
            if honor is not None and (_honorific(honor) or (lead == 1 and honor.key in _PARTY_WORDS)):
                m.hint["honorific"] = text[honor.start : honor.end + (1 if honor.period else 0)]
                m.hint["honorific_start"] = honor.start
            m.hint["sentence_start"] = _sentence_initial(text, name[0].start)
            mentions.append(m)
        after = last + 1 if name else j + 1


_TITLE_WORD = rx.compile(r"[a-z][a-z-]*\Z")
# words that make a region of a place's name: "Latin America" is not "America"
_REGION_WORDS = frozenset({"latin", "south", "north", "central", "east", "west", "southeast", "northeast",
                           "southwest", "northwest", "northern", "southern", "eastern", "western", "sub-saharan"})


def _lowercase_titles(doc: Document, toks: list[Token], mentions: list[Mention], section: str,
                      mentions_section: tuple[int, int]) -> None:
    """Titles written in lower case that the KB does not know, in apposition with a name:
    "Haiti's prime minister, Ariel Henry", "its chairman John Smith" (before the name) and
    "Mark Rutte, the outgoing Dutch prime minister," (after it).  One to three lower-case
    words ending in a title's head word; the holder is linked by ``_link`` as for any title."""
    text = doc.text
    persons = {m.span.start: m for m in mentions if m.kind == "person" and m.hint.get("run")}
    person_ends = {m.span.end: m for m in mentions if m.kind == "person"}
    if not persons and not person_ends:
        return
    taken = sorted((m.span.start, m.span.end) for m in mentions)
    ends = sorted(person_ends)
    starts = [a for a, _ in taken]
    n = len(toks)
    for i in compress(range(n), map(TITLE_HEADS.__contains__, map(_KEY, toks))):
        t = toks[i]
        if t.cap or not _TITLE_WORD.match(t.text) or _title_goes_on(text, toks, i):
            continue
        first = i
        while (first > 0 and i - first < 3 and not toks[first - 1].possessive
               and _title_word(text, toks[first - 1])
               and text[toks[first - 1].end : toks[first].start] == " "):
            first -= 1
            if toks[first].cap:
                break  # the sentence's first word
        a, b = toks[first].start, t.end
        if toks[first].cap and (run := next((x for x in mentions if x.span.start == a and x.span.end <= b
                                             and x.hint.get("run")), None)) is not None:
            # the sentence's first word, taken for a name: part of the title
            mentions.remove(run)
            taken.remove((run.span.start, run.span.end))
            starts = [x for x, _ in taken]
        k = bisect_right(starts, b) - 1
        pred = _PREDICATIVE_GAP.search(text, max(0, a - 60), a)
        if k >= 0 and taken[k][1] > a:
            if pred is not None:  # a KB title a verb gives its subject: the subject is a person
                kb = next((x for x in mentions if x.kind == "office" and x.span.start <= a < x.span.end), None)
                _predicative_subject(text, ends, person_ends, pred.start(), kb)
            continue  # inside a mention already: a KB title
        if pred is not None:
            # a title a verb gives its subject ("was sworn in as Poland's prime minister", "who
            # served as defence minister"): a predicate frame makes the claim; a country or
            # nationality the KB does not know is part of the title, as in apposition
            # after a verb, a capitalized word before the title names whose office it is
            # ("served as Fed chair", "named Boeing chief"): part of the title unless the KB knows it
            a = _with_nationality(pred, a, mentions, any_name=True)
            m = _title_mention(doc, a, b, (first, i + 1), section, mentions_section, mentions)
            _predicative_subject(text, ends, person_ends, pred.start(), m)
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        holder = persons.get(nxt.start) if nxt is not None else None
        before_name = (nxt is not None and holder is not None and nxt.key not in STOP
                       and " " in holder.surface.strip() and text[b : nxt.start] in (" ", ", ", ",\u00a0", "\u00a0"))
        after = None
        if not before_name:
            gap = _AFTER_NAME_GAP.search(text, max(0, a - 60), a)
            after = person_ends.get(gap.start()) if gap is not None else None
            if after is None or (text[b : b + 1] not in (",", ".", ";", ")", "") and not _OF_WHAT.match(text, b)):
                continue
            if gap is not None:
                a = _with_nationality(gap, a, mentions)
        _title_mention(doc, a, b, (first, i + 1), section, mentions_section, mentions)


def phrase_start(m: Mention) -> int:
    """Where a name's noun phrase starts: at its title (the first of titles joined by "and"),
    or at the country before the title ("Chilean Economy Minister Tomás Ibáñez"), else at the
    name."""
    title = m.hint.get("title")
    if title is None:
        return m.span.start
    while (joined := title.hint.get("joined")) is not None and joined is not title:
        title = joined  # "Qatar's Prime Minister and Foreign Minister Sheikh Mohammed"
    qualifier = title.hint.get("qualifier")
    if qualifier is None and "unknown_qualifier_start" in title.hint:
        return int(title.hint["unknown_qualifier_start"])  # "US Secretary of State Antony Blinken", no KB "US"
    return (qualifier or title).span.start


# a sentence's opening phrase before its subject: "Later on Tuesday", "In her speech"
_OPENING_PHRASE = rx.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[.!?][\"”’)])|(?<=[.!?] ))\s*([A-Z][\w’'-]*(?:[ \t\u00a0][\w’'-]+){0,7})\Z")
_TIME_OPENER = rx.compile(
    r"\b(?:(?:The|That) (?:following|next|same|previous) (?:day|morning|afternoon|evening|night|week)"
    r"|(?:Later|Earlier|Then|Meanwhile|Yesterday|Today|Afterwards)|(?:On|By|Last|Late|Early) [A-Z]?\w+(?: \w+)?)"
    r"[ \t\u00a0]+\Z")
# an article and a word or two describing the person before the name
_DESCRIBED_BEFORE = rx.compile(r"\b(?:[Aa]n?|[Tt]he)(?:[ \t\u00a0]+[a-z][a-z-]*){1,2}[ \t\u00a0]+\Z")
_HONORIFIC_BEFORE = rx.compile(r"\b(?:(?:" + "|".join(sorted(HONORIFICS)) + r")\.?|(?-i:M\.))[ \t\u00a0]+\Z", re.I)


# a description in apposition before a name, ending in a title's head or its "of" phrase: "the
# secretary-general of the presidency, Oumar Samba Ba", "the Kremlin's chief spokesman, X"
_DESCRIPTION_BEFORE = rx.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|\w+['’]s)[ \t\u00a0]+"
                                 r"(?:[\w'’-]+[ \t\u00a0]+){0,3}?(?P<head>[a-z]+)(?:-[a-z]+)?"
                                 r"(?:[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?[\w'’-]+"
                                 r"(?:[ \t\u00a0]+[\w'’-]+){0,2})?"
                                 r"[ \t\u00a0]*,[ \t\u00a0]+\Z")


# a name the text says is all it gives, right before it, after an honorific if any: "who gave only
# her first name, Shirin", "a tourist who gave her name only as Ms Lim", "identified only as Mr Chen"
GIVEN_NAME_ONLY = rx.compile(r"\b(?:(?:gave|giving|gives|give)[ \t\u00a0]+(?:only[ \t\u00a0]+)?(?:her|his|their)"
                             r"[ \t\u00a0]+(?:(?:first|last|family|sur)[ \t\u00a0]*)?names?(?:[ \t\u00a0]+only)?"
                             r"(?:[ \t\u00a0]+as|,)|(?:identified|named)[ \t\u00a0]+(?:only[ \t\u00a0]+)?as)"
                             r"[ \t\u00a0]+(?-i:[A-Z][a-z]{1,3}\.?[ \t\u00a0]+)?\Z", re.IGNORECASE)


def titled_description(text: str, start: int) -> int | None:
    """Where a description whose head is a title's ("the secretary-general of the presidency,")
    starts, when it stands in apposition right before ``start``: the name after it is a
    person's, the description's subject."""
    d = _DESCRIPTION_BEFORE.search(text, max(0, start - 80), start)
    return d.start() if d is not None and d.group("head") in TITLE_HEADS else None


def opens_sentence(text: str, m: Mention, floor: int = 0) -> bool:
    """Whether a name's noun phrase (``phrase_start``, with an honorific before it: "Ms
    Sheinbaum") opens its sentence: only quotation marks or brackets stand between it and the
    end of the sentence or paragraph before it (or ``floor``), or a short opening phrase and
    its comma ("Later on Tuesday, Sheinbaum addressed ...")."""
    start = phrase_start(m)
    if (h := _HONORIFIC_BEFORE.search(text, max(floor, start - 12), start)) is not None:
        start = h.start()
    if (h is not None or " " in m.surface.strip()) and (
            d := _DESCRIBED_BEFORE.search(text, max(floor, start - 30), start)) is not None:
        # "..., an emotional Prof Yunus paid tribute" (a name, not a word: "the presumptive
        # Republican nominee")
        start = d.start()
    elif (described := titled_description(text, start)) is not None and described >= floor:
        start = described  # "In the evening, the secretary-general of the presidency, Oumar Samba Ba, read"
    return _opens_at(text, start, floor)


def _opens_at(text: str, start: int, floor: int) -> bool:
    k = start - 1
    while k >= floor and text[k] in " \t\u00a0\"“‘'(":
        k -= 1
    if k < floor or text[k] in ".!?\n":
        return True
    if text[k] != ",":
        # a time that opens the sentence without a comma: "The following day Mr Ruto made ..."
        when = _TIME_OPENER.search(text, max(floor, start - 40), start)
        return when is not None and when.start() > floor and _opens_at(text, when.start(), floor)
    opening = _OPENING_PHRASE.search(text, max(floor, k - 60), k)
    return opening is not None and _opens_at(text, opening.start(1), floor)


def _title_goes_on(text: str, toks: list[Token], i: int) -> bool:
    """Whether the title whose head word is ``toks[i]`` goes on to a later head word, within
    the two words a title may hold before its head: "chief executive officer" is one title,
    not "chief" and "executive officer"."""
    for k in (i + 1, i + 2):
        if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != " " or toks[k].cap:
            return False
        if toks[k].key in TITLE_HEADS and _TITLE_WORD.match(toks[k].text):
            return True
        if not _title_word(text, toks[k]):
            return False
    return False


def _title_word(text: str, t: Token) -> bool:
    """Whether a word before a lower-case title's head word may be part of the title: a
    lower-case word, or one capitalized only because it opens the sentence ("Prime minister
    Petr Fiala", "Chief technology officer Mira Murati"), that is no article, verb or
    description."""
    if t.cap:
        if not (t.text[1:].islower() and _sentence_initial(text, t.start)):
            return False
    elif not _TITLE_WORD.match(t.text):
        return False
    k = t.key
    return (k not in STOP and (k not in _OPENERS or k in _TITLE_OPENERS) and k not in _GIVING
            and k not in DESCRIBING and not k.endswith("ed") and k not in _VERBS_BEFORE_TITLES
            and k not in PAST_WORDS)  # "the late prime minister": a past term (offices)


# verbs that take a title and its holder as their object ("fired chief executive Sam Altman",
# "met defence minister Jan Novak"; past forms in -ed are told by their ending)
_VERBS_BEFORE_TITLES = frozenset('''
met meet meets told tell tells said say says sent send sends led lead leads won win wins took take
takes gave give gives made make makes saw see sees thank thanks call calls urge urges ask asks
name names hire hires fire fires oust ousts sack sacks replace replaces appoint appoints blame
blames praise praises slam slams visit visits join joins hold holds host hosts meeting
currently now still
'''.split())  # (and the adverbs of now: "Lai Ching-te, currently vice president,")


def _with_nationality(gap: re.Match[str], a: int, mentions: list[Mention], any_name: bool = False) -> int:
    """Where a lower-case title starting at ``a`` starts with a nationality the KB does not
    know that the gap before it ends with (its group ``q``): "Dutch prime minister", "was
    sworn in as Poland's prime minister" (with ``any_name``, any capitalized word: "Fed
    chair").  The name run the word was taken for goes."""
    q = gap.start("q") if gap.group("q") else -1
    if (q < 0 or any(x.span.start == q and not x.hint.get("run") for x in mentions)
            or not (any_name or NATIONALITY_SHAPE.fullmatch(gap.group("q").strip()))):
        return a
    mentions[:] = [x for x in mentions if not (x.hint.get("run") and x.span.start == q)]
    return q


def _title_mention(doc: Document, a: int, b: int, tokens: tuple[int, int], section: str,
                   mentions_section: tuple[int, int], mentions: list[Mention]) -> Mention:
    m = Mention(Span.of(doc, a, b), doc.text[a:b], "office", section=section)
    m.hint["tokens"] = tokens
    m.hint["section"] = mentions_section
    m.hint["lowercase"] = True
    mentions.append(m)
    return m


# last words of the names of events ("Security Conference", "G20 summit")
EVENT_HEADS = frozenset({"summit", "conference", "forum", "dialogue", "games", "olympics", "expo", "festival",
                         "convention", "championship", "championships", "talks", "cup", "tournament",
                         "marathon", "prix", "biennale", "open", "masters"})
# the words after a place that make it the name of a sporting event ("Australian Open", "US Open",
# "Japanese Grand Prix", "Asian Games"): no mention of the place
_EVENT_AFTER_PLACE = frozenset({"open", "games", "cup", "championship", "championships", "grand", "masters",
                                "marathon", "olympics"})
# the same in lower case after a capitalized word ("the G20 summit"; not "Biden talks"), and
# disasters named by their place ("the Noto Peninsula earthquake")
_EVENT_AFTER = frozenset({"summit", "conference", "forum", "dialogue", "earthquake", "quake", "tsunami", "eruption"})
# storms are named after their kind: "Hurricane Helene", "Typhoon Haikui"
_STORMS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})


def _particle_run(toks: list[Token], k: int, text: str) -> bool:
    """Particles at ``k`` (one or two: "von der") followed, a space apart, by a capitalized
    word: the name goes on."""
    m = k
    while m < len(toks) and toks[m].text in PARTICLES and m - k < 2:
        if text[toks[m].end : toks[m].end + 1] not in (" ", "-") or m + 1 >= len(toks):
            return False
        m += 1
    return m < len(toks) and toks[m].cap and toks[m].key not in STOP


def _of_complement(text: str, toks: list[Token], j: int, covered: set[int]) -> int | None:
    """A title ending at token ``j`` that goes on with "of (the) ..." and then a name of two
    words ("Chancellor of the Exchequer Jeremy Hunt", "Secretary of Homeland Security
    Alejandro Mayorkas"): the index of the title's last token, or None."""
    n = len(toks)
    if toks[j].key not in TITLE_HEADS or j + 1 >= n or toks[j + 1].text != "of":
        return None
    k = j + 2
    if k < n and toks[k].text == "the":
        k += 1
    m = k
    while (m < n and m not in covered and toks[m].cap and toks[m].key not in STOP and m - k < 5
           and (m == k or text[toks[m - 1].end : toks[m].start] == " ") and not toks[m].period):
        m += 1
    return m - 3 if 3 <= m - k <= 5 and not any(toks[x].key in TITLE_HEADS for x in range(m - 2, m)) else None


def _after_honorific(toks: list[Token], i: int, text: str) -> bool:
    return i > 0 and _honorific(toks[i - 1]) and _joined(text, toks[i - 1], toks[i])


def _honorific(tok: Token) -> bool:
    """``honorific_word`` of a token (on its folded key: run for many tokens); the honorifics
    that are also common words only capitalized ("the major Western central banks", "to miss
    Paris"; "governor Ganjar Pranowo" is a title in lower case)."""
    return (tok.key in HONORIFICS and (tok.cap or tok.key not in _ALSO_WORDS)) or (tok.text == "M" and tok.period)


# a party's word before a person's name (US and UK usage)
_PARTY_WORDS = frozenset({"democrat", "republican", "democratic", "gop", "tory", "labour", "conservative"})
# words after a party's word that make an organization's or an event's name, not a person's
_PARTY_NAME_WORDS = frozenset("""party national convention committee caucus senate house state states
primary primaries leader leaders leadership governors governor senators senator congress""".split())


def _party_before_name(run: list[Token]) -> bool:
    """Whether a run opens with a party's word before a name or an honorific: "Democrat
    Sherrod Brown", "Republican Sen. Shelley Moore Capito"."""
    if len(run) < 3 or run[0].key not in _PARTY_WORDS or run[0].period:
        return False
    rest = run[1:]
    if _honorific(rest[0]):
        return True
    return len(rest) <= 3 and not any(t.key in _PARTY_NAME_WORDS or t.key in STOP for t in rest)


_ALSO_WORDS = frozenset({"major", "general", "miss", "marshal", "judge", "justice", "premier", "lady", "lord",
                         "captain"})


def honorific_word(word: str) -> bool:
    """Whether a word as written is an honorific: one of ``HONORIFICS`` ("Mr.", "Gen"), or the
    French "M." (Monsieur: "M. Bayrou")."""
    return word.rstrip(".").lower() in HONORIFICS or word == "M."


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0\"“‘'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n•:"


_ADJ = r"(?:(?:new|top|former|then|acting|incoming|outgoing|current|longtime|veteran|powerful)[ -]+)*"
# the gaps _link reads: "China's new [Defense Minister]", "[Minister] Gen. [Li]", "[Wang Yi], the top"
_QUALIFIER_GAP = rx.compile(r"(?:['’]s)?[ \t\u00a0]+" + _ADJ, re.I)
_HONORIFIC_GAP = rx.compile(r"(?:[A-Z][a-z]{1,4}\.|General|Gen|Admiral|Adm|Prof|Dr|Mr|Mrs|Ms|Sir|Dame|Bw|Bi)")
_APPOSITION_GAP = rx.compile(
    # (an adverb of now first: "Lai Ching-te, currently vice president,")
    r",[ \t\u00a0]+(?:(?:currently|now|still) )?"
    r"(?:the |an? |its |his |her |their |the (?:company|country|group|firm|party|bank)['’]s )?"
    + _ADJ, re.I)
# after a title, the rest of a list it is an item of ("the foreign minister and others")
_LIST_AFTER = rx.compile(r"[ \t\u00a0]+(?:and|or|&)[ \t\u00a0]+(?:others?|all|the|a|an|his|her|their|its|several|many"
                         r"|some|\d+|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
# but a second description of the one person, closed by a comma: "Ilya Sutskever, OpenAI's
# chief technology officer and a co-founder, who ..." (not "... and the governor, were killed")
_SECOND_APPOSITIVE = rx.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:a|an|the|his|her|its|their)[ \t\u00a0]+[\w'’-]+"
                                r"(?:[ \t\u00a0]+[\w'’-]+){0,4},(?![ \t\u00a0]*(?:were|are|have|had|both|all)\b)")
_AND = rx.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+")
# before a title, words that make it a post to fill, not the name's after it
_POST_OF = rx.compile(r"\b(?:post|position|role|job|portfolio|seat|office)[ \t\u00a0]+of[ \t\u00a0]+"
                      r"(?:the[ \t\u00a0]+)?\Z", re.I)
# after a title, a word that makes it one to come ("the attorney general nominee", "pick")
_NOMINEE_AFTER = rx.compile(r"[ \t\u00a0-]+(?:nominee|nominees|pick|designate|designee|candidate|hopeful|choice)\b",
                            re.I)
# before a lower-case title in apposition after a name: "Mark Rutte, the outgoing Dutch prime
# minister"; group ``q``: a nationality the KB may not know, kept in the title
_AFTER_NAME_GAP = rx.compile(_APPOSITION_GAP.pattern + r"(?P<q>(?-i:[A-Z][A-Za-z]+)(?:['’]s)?[ \t\u00a0]+)?\Z", re.I)


# before a lower-case title a verb gives to its subject: "was sworn in as [Poland's] prime
# minister", "served as defence minister", "who became prime minister", "is foreign minister",
# "re-elected Pedro Sanchez as prime minister";
# group ``q``: a country or nationality before the title ("Poland's", "Dutch")
# verbs that give their subject a title: right after them ("was elected prime minister",
# "who became prime minister"), after "as" ("served as"), or to the name after them and "as"
# ("re-elected Pedro Sanchez as"); and the verbs of taking over ("replaced Rishi Sunak as")
_GIVES = ("elected", "appointed", "named", "nominated")
_BECOMES = ("became", "becomes", "become", "is", "was", "been", "remains", "remained")
_SERVES = ("served", "serves", "serving", "returns", "returned", "installed")
_TAKES_OVER = ("replaced", "replaces", "replace", "succeeded", "succeeds", "succeed")
_SP = r"[ \t\u00a0]+"
_PREDICATIVE_GAP = rx.compile(
    rf"\b(?:(?:sworn{_SP}in|took{_SP}office|{'|'.join(_SERVES)}){_SP}as|(?:re-?)?(?:{'|'.join(_GIVES)})|as"
    rf"|{'|'.join(_BECOMES)}){_SP}(?:(?:the|its|their|an?){_SP})?(?P<q>(?-i:[A-Z][a-z]+(?:['’]s)?){_SP})?" + _ADJ
    + r"(?:(?:" + "|".join(sorted(DESCRIBING)) + rf"){_SP})*\Z",
    re.I,
)


# what a title after a name is of, up to the end of the appositive: "Othman Abduljalil, the
# health minister of the eastern administration, said"
# (or whom: "foreign policy adviser to Aliyev,", "spokesperson for the ministry,")
_OF_WHAT = rx.compile(r"[ \t\u00a0]+(?:of|to|for)[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,5}[\w'’-]+"
                      r"(?=[,;)]|\.(?:\s|\Z))")
# words before a title that say when it was held, not which office it is
_TIME_BEFORE_TITLE = frozenset((*PAST_WORDS, "then"))
# verbs that give a title to their subject: never part of the title ("appointed fisheries minister")
_GIVING = frozenset((*_GIVES, *_BECOMES, *_SERVES, "as"))
# between a name and the verb giving it a title: "Mateusz Morawiecki, who became", "Donald
# Tusk was sworn in as", "Sikorski previously served as"
# a person's age in apposition after the name: "Dong Jun, 62, became", "Rishi Sunak, 43, spoke"
# (and as French, Spanish, Portuguese, German, Italian outlets write it: "M. LeBlanc, 57 ans,")
_AGE = r",[ \t\u00a0]+(\d{2,3})(?:[ \t\u00a0]+(?:ans|años|anos|Jahre|anni))?,"
AGE_AFTER_NAME = rx.compile(_AGE + r"[ \t\u00a0]+")  # group 1: the age
_SUBJECT_GAP = rx.compile(
    rf"(?:{_AGE})?"
    r"(?:,[ \t\u00a0]+who)?(?:[ \t\u00a0]+(?:was|were|is|has|had|have|been|previously|also|once|later|briefly"
    r"|then|now|first))*[ \t\u00a0]+"
)


# between two names, the first taking over from the second: "X replaced Y", "X, who succeeded Y"
_REPLACED = rx.compile(rf"(?:{_AGE})?(?:,{_SP}who)?{_SP}(?:(?:has|had|will){_SP})?"
                       rf"(?:{'|'.join(_TAKES_OVER)}){_SP}")


# a verb before "NAME as TITLE" that gives the title: "re-elected Pedro Sanchez as", "replaced
# Rishi Sunak as" (not "Poland took over from Belgium as")
_GIVES_AS = rx.compile(
    rf"\b(?:{'|'.join(_GIVES + _TAKES_OVER)}|sworn{_SP}in|swore{_SP}in|confirmed|installed|chose|picked|tapped)"
    rf"{_SP}(?:\S+{_SP}){{0,3}}\Z"
)


def _predicative_subject(text: str, ends: list[int], person_ends: dict[int, Mention], verb: int,
                         office: Mention | None) -> None:
    """The name right before a verb that gives it a title ("Donald Tusk was sworn in as", "Mateusz
    Morawiecki, who became") is a person, as a name after a title is."""
    k = bisect_right(ends, verb) - 1
    if office is not None and k >= 0 and _SUBJECT_GAP.fullmatch(text, ends[k], verb):
        named = person_ends[ends[k]]
        if text.startswith("as", verb) and not _GIVES_AS.search(text, max(0, named.span.start - 40),
                                                                 named.span.start):
            return  # "X as president" gives a title only after a verb that does ("elected X as")
        named.hint["holder_of"] = office
        # "Keir Starmer replaced Rishi Sunak as prime minister": both are people
        j = bisect_right(ends, named.span.start) - 1
        if j >= 0 and _REPLACED.fullmatch(text, ends[j], named.span.start):
            person_ends[ends[j]].hint["holder_of"] = office


def _named_before(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether the title ``mentions[i]`` follows a person's name with nothing between ("Amit
    Shah home minister"): the title is that person's."""
    return (i > 0 and mentions[i - 1].kind == "person"
            and text[mentions[i - 1].span.end : mentions[i].span.start] in (" ", "\u00a0"))


def _link(doc: Document, mentions: list[Mention]) -> None:
    """Surface cues between neighbours: a country qualifier before a title ("US", "Chinese",
    "China's new"), a holder after a title ("Defense Secretary Lloyd Austin", also across an
    honorific: "Defense Minister Gen. Li Shangfu"), a holder in apposition ("China's top
    diplomat, Wang Yi"; "Gen. Mark Milley, chairman of the Joint Chiefs of Staff")."""
    text = doc.text
    for i, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
        gap = text[a.span.end : b.span.start]
        if a.kind == "place" and b.kind == "office" and _QUALIFIER_GAP.fullmatch(gap):
            b.hint["qualifier"] = a
        if a.kind == "office" and b.kind == "person":
            g = gap.strip(" \t\u00a0")
            if g.startswith(".") and a.surface.endswith(("Sec", "Pres", "Gen", "Sen", "Rep", "Gov", "Amb")):
                g = g[1:].strip(" \t\u00a0")
            if g == "" or _HONORIFIC_GAP.fullmatch(g):
                b.hint["title"] = a
                a.hint["holder"] = b
                if g:
                    b.hint.setdefault("honorific", g)
            # (an honorific after the comma: "the Prime Cabinet Secretary, Bw Musalia Mudavadi")
            honorific = g[1:].strip(" \t\u00a0") if g.startswith(",") else ""
            if honorific and _HONORIFIC_GAP.fullmatch(honorific):
                b.hint.setdefault("honorific", honorific)
                g = ","
            if g == "," and "\n" not in gap and not _PREDICATIVE_GAP.search(
                    # (a line may break the verb from the title: "Angela Rayner as\nDeputy Prime")
                    text[max(0, a.span.start - 80) : a.span.start].replace("\n", " ")
            ) and not _named_before(text, mentions, i) and not _POST_OF.search(
                    # (nor a post to fill: "For the post of Foreign Minister, Prabowo chose ...")
                    text, max(0, phrase_start(a) - 30), phrase_start(a)):
                # (not a title a verb gives someone before it: "Yvette Cooper was named home
                # secretary, Wes Streeting becomes health secretary"; nor one a list gives the
                # name before it: "Rajnath Singh remains defence minister, Amit Shah home
                # minister, Nirmala Sitharaman finance minister")
                a.hint["holder"] = b
                a.hint["appositive"] = "after-title"
                b.hint["holder_of"] = a
    # two titles joined before one name are both its: "Qatar's Prime Minister and Foreign
    # Minister Sheikh Mohammed bin Abdulrahman Al Thani"; a title before a rank is the name's
    # after it: "Coast Guard Commandant Rear Admiral John Mauger"
    for a, b in reversed(list(zip(mentions, mentions[1:], strict=False))):
        if (a.kind == b.kind == "office" and "holder" not in a.hint and "holder" in b.hint
                and b.hint.get("appositive") is None and text[a.span.end : b.span.start] in (" ", "\u00a0")
                and all(w in RANK_WORDS for w in re.findall(r"[^\W\d_]+", b.surface.lower()))):
            a.hint["holder"] = b.hint["holder"]
            continue
        if (a.kind == b.kind == "office" and "holder" not in a.hint and "holder" in b.hint
                and b.hint.get("appositive") is None and _AND.fullmatch(text, a.span.end, b.span.start)
                # (not a list: "the King and British Prime Minister Keir Starmer", whose second
                # title names its own country; nor two noun phrases: "confirm her as secretary
                # of homeland security and Lt. Gov. Larry Rhoden took the oath", whose titles are
                # written in two styles, or the second abbreviated before its name)
                and not (_title_names_country(text, b) and not _title_names_country(text, a))
                and a.surface[:1].isupper() == b.surface[:1].isupper() and not b.surface.endswith(".")):
            a.hint["holder"] = b.hint["holder"]
            b.hint["joined"] = a  # the noun phrase starts at the first title
    for m in mentions:
        # a nationality the KB does not know before a title ("Lithuanian Defense Minister")
        if m.kind == "office" and "qualifier" not in m.hint:
            unknown = unknown_qualifier(text, m.span.start)
            if unknown is not None:
                m.hint["unknown_qualifier"] = unknown
                if (q := text.rfind(unknown, max(0, m.span.start - len(unknown) - 4), m.span.start)) >= 0:
                    m.hint["unknown_qualifier_start"] = q
    for i, a in enumerate(mentions):
        if a.kind != "person":
            continue
        j = i + 1
        # a place ("Mark Rutte, the Dutch prime minister") or an owner ("Greg Brockman, OpenAI's
        # president") between the name and the title
        if j < len(mentions) and (mentions[j].kind == "place" or (
                mentions[j].kind != "office" and text.startswith(("'s ", "’s "), mentions[j].span.end))):
            j += 1
        if j >= len(mentions) or mentions[j].kind != "office" or "holder" in mentions[j].hint:
            continue
        office = mentions[j]
        if not a.candidates and _PLACE_WORD_BEFORE.search(text, max(0, a.span.start - 12), a.span.start):
            continue  # "the Nato summit in New York, the President called": a place, no holder
        start = mentions[i + 1].span.start
        gap = text[a.span.end : start]
        inner = text[mentions[i + 1].span.end : office.span.start] if j > i + 1 else ""
        if _APPOSITION_GAP.fullmatch(gap) and (
            j == i + 1 or _QUALIFIER_GAP.fullmatch(inner)
        ):
            nxt = mentions[j + 1] if j + 1 < len(mentions) else None
            if nxt is not None and nxt.kind == "person" and (text[office.span.end : nxt.span.start].strip() == ""
                                                             or nxt.hint.get("title") is office):
                # "Li, Defense Minister Wei Fenghe", "Njuguna Ndung'u, Interior CS Prof Kithure
                # Kindiki": the title belongs to the next name
                continue
            if (_LIST_AFTER.match(text, office.span.end) and not _SECOND_APPOSITIVE.match(text, office.span.end)) or (
                    nxt is not None and nxt.kind == "office" and "holder" in nxt.hint
                    and _AND.fullmatch(text, office.span.end, nxt.span.start)):
                # a list, not an apposition: "Raisi, the country's foreign minister and others";
                # "Burns, Qatar's Prime Minister and Foreign Minister Sheikh Mohammed"
                continue
            if text.startswith(("'s ", "’s "), office.span.end):
                continue  # a relation, not a title: "Sara Duterte, the former president's daughter"
            if _NOMINEE_AFTER.match(text, office.span.end):
                continue  # "Pam Bondi, the attorney general nominee": named for it, not holding it
            if _OPENING_PHRASE_BEFORE.search(text, max(0, a.span.start - 16), a.span.start) \
                    and _VERB_AFTER_TITLE.match(text, office.span.end):
                # "According to Peskov, the president wished ...": the comma ends the opening
                # phrase, and the title opens the clause after it
                continue
            office.hint["holder"] = a
            office.hint["appositive"] = "after-name"
            a.hint["holder_of"] = office


_PLACE_WORD_BEFORE = rx.compile(r"\b(?:in|at|near|outside)[ \t\u00a0]+\Z")
# a phrase opening a sentence and ending at the name after it ("According to Peskov, ...")
_OPENING_PHRASE_BEFORE = rx.compile(r"(?:^|[.!?\n][\"”’']?[ \t\u00a0]+|\n)(?:According|[Aa]ccording to|Unlike|Like|For)"
                                    r"(?:[ \t\u00a0]+to)?[ \t\u00a0]+\Z")
# a word of a verb right after a title, no comma closing it ("the president wished")
_VERB_AFTER_TITLE = rx.compile(r"[ \t\u00a0]+(?!(?:of|for|in|at|and|or|to|on|who|from|with)\b)[a-z]+\b")


# a capitalized word before a title that the KB does not know as a place
# (an initialism too: "U.N. Secretary-General", the UN's)
_QUALIFIER_BEFORE = rx.compile(r"((?:[A-Z]\.){2,}|[A-Z][\w’'-]*(?:[ \t\u00a0][A-Z][\w’'-]*)?)(?:['’]s)?[ \t\u00a0]+"
                               + _ADJ + r"\Z")
_OPENERS = frozenset({"new", "former", "acting", "deputy", "vice", "top", "senior", "chief", "incoming",
                      "outgoing", "current", "then", "interim", "veteran", "longtime"})
# of those, the words that are part of a title in lower case ("the deputy prime minister",
# "its chief operating officer", "the vice president", "acting president", "the incoming prime
# minister"): another office than the one without, or not yet or not fully held
_TITLE_OPENERS = (_OPENERS & OTHER_OFFICE_WORDS) - set(PAST_WORDS) | {"chief", "senior"}


def unknown_qualifier(text: str, start: int) -> str | None:
    """The capitalized word or two right before a title at ``start`` when no KB place was
    found there ("Lithuanian", "South Korean", "Lithuania's"): the title is that country's (or
    organization's).  None for a word that only opens a sentence ("The", "Former", "New")."""
    hit = _QUALIFIER_BEFORE.search(text, max(0, start - 40), start)
    if hit is None:
        return None
    words = hit.group(1).split()
    while words and (w := words[0].rstrip("'’").lower()) and (w in STOP or w in _OPENERS or w in HONORIFICS):
        words.pop(0)  # "The Lithuanian ...": the article is no part of it
    found = " ".join(words)
    if found.endswith(("'s", "’s")):
        return found[:-2] or None  # "Lithuania's", "New Zealand's"
    # otherwise it must look like a nationality or an acronym ("Lithuanian", "South Korean",
    # "Dutch", "NATO"): a headline in title case capitalizes verbs too ("China Rebuffs
    # Pentagon Chief")
    # (or an organization's name: "Arab League Secretary-General", "African Union Commission chair")
    return found if words and (NATIONALITY_SHAPE.fullmatch(words[-1]) or words[-1] in _ORG_HEADS) else None


_ORG_HEADS = frozenset({"League", "Union", "Organization", "Organisation", "Alliance", "Federation", "Association",
                        "Movement", "Fund", "Forum", "Bank", "Commission", "Community", "Conference", "Council"})
