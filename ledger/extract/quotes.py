"""Quotations and who said them.

``find_quotes`` works on the raw text, one body region at a time, in three steps:

1. **Marks.**  A regex pass each collects paragraph breaks and quotation marks (apostrophes
   inside words are dropped at once).  Double marks
   (curly “…”, straight "…", „…“, guillemets «…», backticks `…` and ``…'', corner brackets
   「…」) pair first; single marks (‘…’, '…') pair afterwards, only outside the double
   quotations and only where a closing mark is no apostrophe ("China’s", "don’t") - a
   possessive plural ("the countries’ leaders") is passed over when a later closing mark
   fits.  A quotation left open at the end of a paragraph continues when the next paragraph
   opens with the same mark (the newspaper convention).  A quotation split around its
   attribution ("“If …,” Neill said, “then …”") becomes one quotation.
2. **Sentences.**  Sentence starts are found per region with the quotations masked, so a
   quotation of several sentences stays inside one sentence.
3. **Attribution.**  In order: a reporting clause before the quotation ending in a colon
   ("Neill said: “…”"); a reporting clause right after it ("“…,” Ratner said", "“…,” said
   Ratner", "“…,” according to …", "“…,” Bloomberg quoted a spokesman as saying"); the nearest
   reporting cue earlier in the sentence ("Ratner said late last week the Pentagon “…”",
   "according to Bloomberg, the diplomat `…`"); a quotation standing alone right after a
   quoted sentence inherits that speaker.  The speaker is a person, organization (or place,
   "Beijing said") mention that heads the subject phrase; a descriptive subject ("the
   official", "a Chinese Embassy spokesman") gives no speaker but keeps its text; "he"/"she"
   resolve to the most recent person in the two sentences before that reports something (or
   else the last person named), "it" likewise to an organization.

Everything is bounded by sentences, paragraphs and word counts, never by character windows
that could hold a line break, so LF and CRLF texts give the same quotations (offsets aside).
Reporting verbs, participles, abbreviations and the like are data lists at the top.

The speaker indices point into the list passed in.  ``extract`` may call this on the mentions
before resolution (claims keep the index in ``refs`` and resolution fills in the entity), or on
the resolved list; both give the same speakers (tests/extract/test_quotes.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from ledger import rx
from ledger.extract.mentions import AGE_AFTER_NAME, GIVEN_NAME_ONLY, HONORIFICS, TITLE_HEADS, opens_sentence
from ledger.extract.sentences import ABBREVIATIONS
from ledger.model import Mention
from ledger.resolve.keys import ORG_LAST_WORDS, OTHER_OFFICE_WORDS, PARTICLES, knows_person
from ledger.resolve.tokens import QUOTE_WORD_BREAKS

# --------------------------------------------------------------------------------------------
# data lists

#: verbs (and verb phrases) that report speech; used before and after a quotation
REPORTING_VERBS: tuple[str, ...] = (
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "noted", "notes",
    "warned", "warns", "reiterated", "reiterates", "emphasized", "emphasizes", "emphasised",
    "emphasises", "stressed", "stresses", "explained", "explains", "insisted", "insists",
    "argued", "argues", "asked", "asks", "replied", "replies", "responded", "responds",
    "wrote", "writes", "tweeted", "posted", "stated", "declared", "declares", "announced",
    "announces", "claimed", "acknowledged", "acknowledges", "admitted", "admits", "conceded",
    "concedes", "continued", "remarked", "observed", "observes", "commented", "recalled",
    "recalls", "suggested", "suggests", "predicted", "predicts", "cautioned", "cautions",
    "urged", "urges", "countered", "complained", "complains", "lamented", "laments",
    "maintained", "maintains", "contended", "contends", "asserted", "asserts", "confirmed",
    "confirms", "denied", "denies", "concluded", "concludes", "underscored", "underscores",
    "underlined", "highlighted", "quipped", "joked", "vowed", "pledged", "promised",
    "demanded", "affirmed", "affirms", "disclosed", "revealed", "testified", "mentioned",
    "answered", "boasted", "elaborated", "exclaimed", "shouted", "pleaded", "retorted",
    "pointed out", "points out", "went on", "goes on", "shot back", "hit back", "fired back",
    "put it", "puts it", "repeated", "repeats", "recounted", "assured", "assures",
    # a tabloid's ("Prokudin raged: “…”", "Malema fumed", "Khan roared", "Kuleba blasted")
    "raged", "fumed", "roared", "blasted", "thundered", "seethed",
    "scoffed", "sneered", "gushed", "bragged", "hit out", "lashed out", "judged",
)  # fmt: skip
#: verbs that attribute a quoted word or phrase inside a sentence ("called it a “snub”")
PARTIAL_VERBS: tuple[str, ...] = (
    "called", "calls", "described", "describes", "dubbed", "dubs", "labeled", "labelled",
    "termed", "branded", "characterized", "characterised", "justified", "justifies", "defended", "defends",
)  # fmt: skip
#: participles continuing a reporting clause ("…, saying “…”"): the speaker is that clause's
PARTICIPLES: tuple[str, ...] = (
    "saying", "adding", "noting", "warning", "stressing", "insisting", "arguing",
    "explaining", "telling", "writing", "calling", "describing",
)  # fmt: skip
# words skipped between a subject and its verb ("Biden when asked had said", "Ratner later said")
ADVERBS = frozenset(
    "also later then again earlier previously once further still repeatedly recently "
    "reportedly has have had was were is are would will just already even separately "
    "similarly publicly privately himself herself itself themselves subsequently initially "
    "first last finally".split()
)
DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)
PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "", "we": "", "i": ""}
DETERMINERS = frozenset(
    "the a an this that these those one two three several some another its his her their our "
    "my your many most all both each".split()
)
# a subject phrase stops (going backwards) before these words
_CLAUSE_WORDS = frozenset(
    "and but or nor that after before when while because since as if though although so "
    "then where which who whom whose than unless until whether however yet".split()
)
# a subject phrase with one of these is no noun phrase ("declined to", "the talks were")
_NOT_NP = frozenset(
    "to is was were are be been being not will would can could should shall may might must "
    "do does did has have had".split()
)
# a subject phrase after a verb or "according to" ends before these words
_NP_STOP = frozenset(
    "in at on during after before while when to from via over that who which as and but "
    "about for by said says told added according late last this next earlier later "
    "since because although though where whose "
    # (and in French: "a déclaré M. LeBlanc aux journalistes")
    "à au aux dans devant lors pendant après avant depuis pour sur par qui que et mais lundi mardi "
    "mercredi jeudi vendredi samedi dimanche hier".split()
)
_TITLE_GLUE = frozenset("the of for and de".split())
# lower-case words of a role before a name ("captain Achraf Hakimi said", "coach Luis de la Fuente")
_ROLES = TITLE_HEADS | frozenset('''
captain coach striker midfielder defender goalkeeper forward manager analyst economist lawyer
teammate professor researcher official
'''.split())
# a person's relatives and confidants: "Sheikh Hasina's son and adviser, Sajeeb Wazed Joy"
_RELATIVES = frozenset('''
son daughter wife husband mother father brother sister spouse widow widower niece nephew cousin
grandson granddaughter stepson stepdaughter adviser advisor aide assistant friend ally partner
'''.split())
_PREPOSITIONS = frozenset("in at from of for to with near by on inside outside within".split())
SPEAKER_KINDS = ("person", "org", "place")
_ABBREV = frozenset(a.lower() for a in ABBREVIATIONS)


@dataclass
class Quote:
    """One quotation.  ``start``/``end`` span it with its marks; for a quotation split around
    its attribution or continued over paragraphs, from the first opening mark to the last
    closing mark."""

    start: int
    end: int
    text: str  # the quotation as written, without the outer marks (parts joined with " … ")
    normalized: str  # for comparison: see :func:`normalize`
    speaker: int | None  # index into the mentions passed in, or None
    speaker_text: str  # the speaker as written ("Ratner", "the official", "she"), or ""
    cue: str  # "said", "told", "according to", "quoted ... as saying", ... or ""
    partial: bool  # a word or phrase quoted inside a sentence
    pronoun: bool  # the speaker was resolved from a pronoun


def normalize(text: str) -> str:
    """Lowercased, ASCII-folded (anyascii), apostrophes dropped ("that’s" -> "thats"),
    ellipses and all other punctuation removed, whitespace collapsed to single spaces, British
    and American spellings folded alike (``spelling_key``: "defence", "defense")."""
    s = text.lower()
    if not s.isascii():
        for a, b in _FOLD:
            if a in s:
                s = s.replace(a, b)
        if not s.isascii():
            s = anyascii(s).lower()
    return " ".join(map(spelling_key, s.translate(QUOTE_WORD_BREAKS).split()))


# British spellings and their American forms differ in a few endings ("defence", "colour",
# "recognise", "analyse", "centre", "dialogue", "travelled"): one outlet's quote in the other
# spelling is the same quote.  Folded on both sides of every comparison, a fold needs only
# to be the same for both spellings, not to be a word ("colour", "color" -> "color").
_SPELLING_ENDS = rx.compile(
    r"(?<=[a-z]{2})(?:(?P<ence>ence)s?|(?P<our>our)(?:s|ed|ing|ite|ites|able)?|(?P<ise>is)(?:e|es|ed|ing|ation|ations)"
    r"|(?P<yse>ys)(?:e|es|ed|ing)|(?P<tre>tre)s?|(?P<ogue>ogue)s?|(?P<ll>ll)(?:ed|ing|er|ers))\Z"
)
_SPELLING_TO = {"ence": "ense", "our": "or", "ise": "iz", "yse": "yz", "tre": "ter", "ogue": "og", "ll": "l"}


@lru_cache(maxsize=16384)
def spelling_key(word: str) -> str:
    m = _SPELLING_ENDS.search(word)
    if m is None:
        return word
    group = m.lastgroup or ""
    start, end = m.span(group)
    return word[:start] + _SPELLING_TO[group] + word[end:]


# common non-ASCII punctuation, folded without anyascii (faster)
_FOLD = (
    ("’", ""), ("‘", ""), ("“", " "), ("”", " "), ("…", " "), ("—", " "), ("–", " "),
    ("\u00a0", " "), ("«", " "), ("»", " "),
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# regexes


_VERBS = frozenset(w for w in REPORTING_VERBS if " " not in w)
_PARTICIPLES = frozenset(PARTICIPLES)
_PARTIAL_VERBS = frozenset(PARTIAL_VERBS)
_VERB_WORDS = _VERBS | _PARTICIPLES
# first word -> second word of a two-word cue
_TWO_WORD = {w.split()[0]: w.split()[1] for w in REPORTING_VERBS if " " in w}
_TWO_WORD["according"] = "to"
_TWO_WORD["According"] = "to"
# words, hyphenated compounds as one ("so-called" is no "called")
_WORD = rx.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_WORD_AFTER_SPACE = rx.compile(r"\s+([A-Za-z]+(?:-[A-Za-z]+)*)")
_AGE_END = rx.compile(r",[ \t\u00a0]*\d{1,3}\Z")
# (a number's comma is none of its own: ", who won with a majority of 8,405,")
_APPOSITIVE = rx.compile(r"\s*,(?:[^,;:.!?“”\"\r\n]|(?<=\d)[,.](?=\d)){1,200},")
_AS_SAYING = rx.compile(r"\s+as\s+(?:saying|telling|writing|stating)(?![\w-])")
_LEAD = rx.compile(r"[\s,;:—–-]*")
_MARK_CHARS = rx.compile(r"[\"“”„‟«»‹›`「」『』‘’‚']")
# (no "\r?" in front: a pattern opening with a literal is found much faster)
_PARA = rx.compile(r"\n\s*\n|\n(?=[ \t]*[•▪·*–-][ \t])")
_ABBREV_TAIL = rx.compile(rf"(?:^|\W)(?:{'|'.join(ABBREVIATIONS)}|[A-Z])\Z")
# a sentence ends at . ! ? … (and closing marks) before a capital; paragraphs end sentences too
_BOUNDARY = rx.compile(r"[.!?…][\"”’'`»)\]]*\s+(?=[\"“‘'`«(\[]?[A-Z0-9À-ÖØ-Þ])")


@dataclass(slots=True)
class _Cue:
    kind: str  # "verb", "acc", "qas", "part", "pv"
    start: int
    end: int
    word: str


def _cues(text: str, lo: int, hi: int, first_verb: bool = False) -> list[_Cue]:
    """Reporting cues in ``text[lo:hi]``; with ``first_verb`` only the first reporting verb."""
    out: list[_Cue] = []
    pending: str | None = None
    pend_start = pend_end = 0
    for m in _WORD.finditer(text, lo, hi):
        w = m.group()
        if pending is not None:
            if w == pending and not text[pend_end:m.start()].strip():
                first = text[pend_start:pend_end].lower()
                kind = "acc" if first == "according" else "verb"
                out.append(_Cue(kind, pend_start, m.end(), f"{first} {w}"))
                if first_verb and kind == "verb":
                    return out
                pending = None
                continue
            pending = None
        if w in _TWO_WORD:
            pending = _TWO_WORD[w]
            pend_start, pend_end = m.start(), m.end()
        if w in _VERBS:
            out.append(_Cue("verb", m.start(), m.end(), w))
            if first_verb:
                return out
        elif first_verb:
            continue
        elif w in _PARTICIPLES:
            out.append(_Cue("part", m.start(), m.end(), w))
        elif w in _PARTIAL_VERBS:
            out.append(_Cue("pv", m.start(), m.end(), w))
        elif w == "quoted" or w == "cited":
            out.append(_Cue("qas", m.start(), m.end(), w))
    return out


def _lead_end(text: str, pos: int, hi: int) -> int:
    """``pos`` moved over spaces, commas, semicolons, colons and dashes."""
    m = _LEAD.match(text, pos, hi)
    return m.end() if m is not None else pos


def _verb_at(text: str, pos: int, hi: int) -> _Cue | None:
    """A reporting verb starting at ``pos`` (after leading punctuation and spaces)."""
    m = _WORD.match(text, _lead_end(text, pos, hi), hi)
    if m is None:
        return None
    w = m.group()
    second = _TWO_WORD.get(w)
    if second is not None and w != "according" and w != "According":
        n = _WORD_AFTER_SPACE.match(text, m.end(), hi)
        if n is not None and n.group(1) == second:
            return _Cue("verb", m.start(), n.end(), f"{w} {second}")
    if w in _VERBS:
        return _Cue("verb", m.start(), m.end(), w)
    return None


_LINEBREAK_WS = rx.compile(r"\s*[\r\n]\s*")
_FIRST_ALPHA = rx.compile(r"[^\W\d_]")

# pairs of marks: opener -> closers
_PRIMARY_CLOSE: dict[str, tuple[str, ...]] = {
    "“": ("”",), "„": ("“", "”", '"'), "‟": ("”",), "«": ("»",), "‹": ("›",), "「": ("」",),
    "『": ("』",), '"': ('"',), "`": ("`",), "``": ("''", "``"),
}  # fmt: skip
_SINGLE_CLOSE: dict[str, tuple[str, ...]] = {"‘": ("’",), "'": ("'",), "‚": ("‘", "’")}
_PRIMARY = frozenset("“”„‟«»‹›「」『』\"`") | {"``", "''"}
_SINGLE = frozenset("‘’‚'")
_QUOTE_CHARS = frozenset("“”„‟«»‹›「」『』\"`‘’‚'")
_OPEN_AFTER = frozenset("([{—–-/:;") | _QUOTE_CHARS


# --------------------------------------------------------------------------------------------
# step 1: quotation marks


@dataclass(slots=True)
class _Tok:
    pos: int
    end: int
    s: str
    para: int
    prev: str
    next: str


@dataclass
class _Raw:
    start: int
    end: int
    pieces: list[tuple[int, int]]
    joins: list[str] = field(default_factory=list)
    first_end: int = 0  # end of the first part, where an attribution after it starts
    gap_end: int | None = None  # for a split quotation: where its second part opens


def _can_open(t: _Tok, single: bool) -> bool:
    s, p, n = t.s, t.prev, t.next
    if single:
        if s == "‘":
            return not p.isalnum() and (n.isalpha() or n in _QUOTE_CHARS or n == "…")
        if s == "'":
            return (p.isspace() or p in _OPEN_AFTER) and n.isalpha()
        if s == "‚":
            return n.isalpha()
        return False
    if s == '"':
        return (p.isspace() or p in _OPEN_AFTER) and not n.isspace()
    if s == "`":
        return not p.isalnum() and not n.isspace()
    return s in _PRIMARY_CLOSE


def _can_close(opener: str, t: _Tok, single: bool) -> bool:
    closers = (_SINGLE_CLOSE if single else _PRIMARY_CLOSE)[opener]
    if t.s not in closers:
        return False
    p, n = t.prev, t.next
    if single:
        return not p.isspace() and not n.isalnum()
    if t.s == '"':
        return not (p.isspace() and not n.isspace())
    if t.s == "`":
        return not p.isspace()
    return True


def _restarts(opener: str, t: _Tok, single: bool) -> bool:
    """A second opening mark of the same kind while one is open: the first was never closed
    (straight and curly double marks), or ends the run of candidate closers (single marks)."""
    if t.s != opener and not (opener in "“„‟" and t.s in "“„‟"):
        return False
    return _can_open(t, single)


def _possessive(text: str, t: _Tok, limit: int) -> bool:
    """“the countries’ leaders”: a mark after s, followed by a word."""
    if t.prev not in "sS" or not t.next.isspace():
        return False
    k = _first_nonspace(text, t.end, limit)
    return k < limit and text[k].isalpha()


def _scan(text: str, toks: list[_Tok], paras: list[tuple[int, int]], single: bool) -> list[_Raw]:
    out: list[_Raw] = []
    n = len(toks)
    i = 0
    dead: set[int] = set()  # marks that continued a quotation never closed: no openers either
    while i < n:
        op = toks[i]
        if i in dead or not _can_open(op, single):
            i += 1
            continue
        conts: list[int] = []
        pieces: list[tuple[int, int]] = []
        piece_start = op.end
        para = op.para
        k = i + 1
        cands: list[int] = []
        close: int | None = None
        restart: int | None = None
        while True:
            if k < n and toks[k].para == para:
                t = toks[k]
                if _can_close(op.s, t, single):
                    if not single:
                        close = k
                        break
                    cands.append(k)
                    k += 1
                    continue
                if _restarts(op.s, t, single):
                    if not single:
                        restart = k
                    break
                k += 1
                continue
            if cands:
                break
            # open at the end of its paragraph: does the next one continue it?
            nxt = para + 1
            if (
                k < n
                and toks[k].para == nxt
                and nxt < len(paras)
                and toks[k].pos == _first_nonspace(text, *paras[nxt])
                and toks[k].s == op.s
                and _can_open(toks[k], single)
            ):
                pieces.append((piece_start, paras[para][1]))
                piece_start = toks[k].end
                para = nxt
                conts.append(k)
                k += 1
                continue
            break
        if single and cands:
            pick = next(
                (c for c in cands if not _possessive(text, toks[c], paras[toks[c].para][1])),
                cands[0],
            )
            close = pick
        if close is None:
            dead.update(conts)
            i = restart if restart is not None else i + 1
            continue
        ct = toks[close]
        pieces.append((piece_start, ct.pos))
        raw = _Raw(op.pos, ct.end, pieces, [" "] * (len(pieces) - 1))
        raw.first_end = ct.end
        out.append(raw)
        i = close + 1
    return out


def _two_alnum(text: str, start: int, end: int) -> bool:
    seen = 0
    for i in range(start, end):
        if text[i].isalnum():
            seen += 1
            if seen == 2:
                return True
    return False


def _first_nonspace(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _raw_quotes(
    text: str, start: int, end: int
) -> tuple[list[_Raw], list[tuple[int, int]]]:
    paras: list[tuple[int, int]] = []
    pstart = start
    for m in _PARA.finditer(text, start, end):
        pend = m.start()
        if pend > pstart and text[pend - 1] == "\r":
            pend -= 1
        paras.append((pstart, pend))
        pstart = m.end()
    paras.append((pstart, end))
    toks: list[_Tok] = []
    pi = 0
    ps, pe = paras[0]
    skip = -1
    for m in _MARK_CHARS.finditer(text, start, end):
        pos = m.start()
        if pos < skip:
            continue
        while pos >= pe:
            pi += 1
            ps, pe = paras[pi]
        c = text[pos]
        e = pos + 1
        prev = text[pos - 1] if pos > ps else " "
        if c == "’" or c == "'":
            nc = text[e] if e < pe else " "
            if prev.isalnum() and nc.isalnum():
                continue  # an apostrophe inside a word
            if c == "'" and nc == "'":
                e += 1
                c = "''"
        elif c == "`" and e < pe and text[e] == "`":
            if e + 1 < pe and text[e + 1] == "`":
                k = e + 1
                while k < pe and text[k] == "`":
                    k += 1
                skip = k  # a code fence
                continue
            e += 1
            c = "``"
        toks.append(_Tok(pos, e, c, pi, prev, text[e] if e < pe else " "))
        if e > pos + 1:
            skip = e
    if not toks:
        return [], paras
    primary = _scan(text, [t for t in toks if t.s in _PRIMARY], paras, single=False)
    spans = [(r.start, r.end) for r in primary]
    starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        j = bisect.bisect_right(starts, pos) - 1
        return j >= 0 and spans[j][0] <= pos < spans[j][1]

    singles = _scan(
        text, [t for t in toks if t.s in _SINGLE and not inside(t.pos)], paras, single=True
    )
    if singles:
        keep: list[_Raw] = []
        for sq in singles:
            if not _two_alnum(text, sq.start + 1, sq.end - 1):
                continue  # rock 'n' roll
            inner = [r for r in primary if sq.start < r.start and r.end < sq.end]
            if inner and text[sq.start] == "'":
                continue  # straight single marks around double quotations: apostrophes
            for r in inner:
                primary.remove(r)
            keep.append(sq)
        primary = sorted(primary + keep, key=lambda r: r.start)
    return primary, paras


# --------------------------------------------------------------------------------------------
# mentions


class _Mentions:
    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.ms = mentions
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].span.start)
        self.starts = [mentions[i].span.start for i in self.order]
        self.by_end: dict[int, int] = {}
        for i in self.order:
            self.by_end[mentions[i].span.end] = i

    def ending_at(self, pos: int) -> int | None:
        return self.by_end.get(pos)

    def covering(self, pos: int) -> int | None:
        """The mention running over ``pos`` (mentions do not overlap)."""
        j = bisect.bisect_right(self.starts, pos) - 1
        if j >= 0 and self.ms[self.order[j]].span.start < pos < self.ms[self.order[j]].span.end:
            return self.order[j]
        return None

    def within(self, lo: int, hi: int) -> list[int]:
        """Indices of the mentions starting inside [lo, hi), in text order."""
        j = bisect.bisect_left(self.starts, lo)
        out = []
        while j < len(self.starts) and self.starts[j] < hi:
            out.append(self.order[j])
            j += 1
        return out

    def first_from(self, lo: int, hi: int) -> int | None:
        """Index of the first mention starting inside [lo, hi)."""
        j = bisect.bisect_left(self.starts, lo)
        return self.order[j] if j < len(self.starts) and self.starts[j] < hi else None

    def before(self, pos: int, lo: int, limit: int = 40) -> list[int]:
        """Indices of mentions inside [lo, pos), nearest first, at most ``limit``."""
        j = bisect.bisect_left(self.starts, pos) - 1
        out: list[int] = []
        while j >= 0 and self.starts[j] >= lo and len(out) < limit:
            i = self.order[j]
            if self.ms[i].span.end <= pos:
                out.append(i)
            j -= 1
        return out


# --------------------------------------------------------------------------------------------
# words


def _prev_word(text: str, lo: int, e: int) -> tuple[int, int] | None:
    i = e
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i <= lo:
        return None
    j = i
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return j, i


def _next_word(text: str, s: int, hi: int) -> tuple[int, int] | None:
    i = s
    while i < hi and text[i].isspace():
        i += 1
    if i >= hi:
        return None
    j = i
    while j < hi and not text[j].isspace():
        j += 1
    return i, j


# head words of titles a quote's speaker may be described by ("the president said")
_DESC_HEADS = TITLE_HEADS | {"king", "queen", "pope"}
# a sentence opening with a title's description: "The former president has said ..."
# (or after a participle phrase, with any verb: "Standing on top of a bus ..., the president sang")
_DESCRIPTION_OPENS = rx.compile(r"[ \t\u00a0\n\"“]*(?:[Tt]he[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}?(?P<head>[a-z]+)\b"
                                r"(?=[ \t\u00a0]+(?:has|had|have|is|was|said|says|told|will|would|also|added)\b)"
                                r"|[A-Z][a-z]{2,}ing[ \t\u00a0]+[^.!?\n]*?,[ \t\u00a0]+(?P<desc2>the[ \t\u00a0]+"
                                r"(?:[a-z-]+[ \t\u00a0]+){0,2}?(?P<head2>[a-z]+))(?=[ \t\u00a0]+[a-z]+\b))")


# a sentence opening with an age for a person ("The 69-year-old had spent ..."; not before a
# name: "The 69-year-old Jan Novak")
_AGE_OPENS = rx.compile(r"[ \t\u00a0\n\"“]*[Tt]he[ \t\u00a0]+(\d{1,3})-year-old[ \t\u00a0]+(?![A-Z])")


# the nouns of laws, capitalized after "the" ("the Bill", "the Act"): no one
_LAW_NOUNS = frozenset({"Bill", "Act", "Law", "Code", "Charter", "Constitution", "Amendment", "Treaty"})
# the heads of titles of a country's one head ("the president", "the king")
_HEAD_OF_STATE_WORDS = frozenset({"president", "premier", "chancellor", "king", "queen", "emir", "monarch"})
# a participle opening a sentence ("Standing on top of a bus ..., the president sang"), no name
_PARTICIPLE_OPENING = rx.compile(r"[A-Z][a-z]{2,}ing")
# the words before a sentence's subject that follows such a participle phrase (and its title;
# or a question put to it: "Asked on Monday whether ..., the Kremlin spokesman, Dmitry Peskov,")
_PARTICIPLE_LEAD = rx.compile(r"[ \t\u00a0\n\"“]*(?:[A-Z][a-z]{2,}ing|Asked|Pressed|Questioned)[ \t\u00a0]+"
                              r"[^.!?\n]*?,[ \t\u00a0]+"
                              r"(?:(?:the|[A-Z][\w.’'-]*)[ \t\u00a0]+){0,3}")
_PARTICIPLE_PHRASE = rx.compile(r"[ \t\u00a0]+(?:on|at|in|to|before|after|outside|inside|with|from|beside|alongside"
                                r"|near|under|over|behind|the|a|an|his|her|their|its)\b[^.!?\n]*?,")


# honorifics that tell whether a name is a man's or a woman's
_GENDERED = rx.compile(r"\b(?:(Mr|Sir|Lord|Mister|Monsieur|Señor|Senhor|Herr|Bw)"
                       r"|(Ms|Mrs|Miss|Madam|Madame|Dame|Lady|Señora|Senhora|Frau|Bi))\.?[ \t\u00a0]+\Z")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _is_abbrev(word: str) -> bool:
    """A word ending in a period that does not end a sentence ("U.S.", "Pres.", "D.C.")."""
    w = word.rstrip(".")
    if not w:
        return False
    return "." in w or len(w) == 1 and w.isupper() or w.lower() in _ABBREV


def _clean(s: str) -> str:
    if "\n" in s or "\r" in s:
        s = _LINEBREAK_WS.sub(" ", s)
    return s.strip().strip("*_").strip()  # (not Markdown's emphasis: "*President says ...")


@dataclass
class _Subj:
    kind: str  # "mention", "pronoun", "desc"
    start: int
    end: int
    text: str
    index: int | None = None


class _Finder:
    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.mx = _Mentions(mentions)
        self._name_words: dict[str, int] | None = None
        self.sents: list[int] = [0]  # sentence starts (``_sentence_starts``), set before attribution
        self.speakers: set[int] = set()
        self.description: str | None = None  # a title's description a pronoun stood for
        self.described_after_participle = False  # that description follows a participle phrase
        self.spans: list[tuple[int, int]] = []
        self.span_starts: list[int] = []
        self._cues: dict[int, tuple[list[int], list[_Cue]]] = {}
        # a man's or a woman's, by an honorific anywhere in the text ("Ms Sheinbaum"), per
        # entity and per name as written
        self.gender: dict[str, str] = {}
        for m in mentions:
            if m.kind == "person":
                g = _GENDERED.search(text, max(0, m.span.start - 10), m.span.start)
                if g is not None:
                    for key in (m.entity, m.surface.split()[-1] if m.surface.split() else None):
                        if key:
                            self.gender.setdefault(key, "m" if g.group(1) else "f")

    def gender_of(self, m: Mention) -> str | None:
        words = m.surface.split()
        return self.gender.get(m.entity or "") or (self.gender.get(words[-1]) if words else None)

    def cues_before(self, s0: int, s_end: int, pos: int) -> list[_Cue]:
        """The cues of the sentence ``[s0, s_end)`` before ``pos`` (outside quotations), found
        once per sentence."""
        got = self._cues.get(s0)
        if got is None:
            cues = [c for c in _cues(self.text, s0, s_end) if not self.in_quote(c.start)]
            got = self._cues[s0] = ([c.start for c in cues], cues)
        return got[1][: bisect.bisect_left(got[0], pos)]

    # ---- quotation spans of the current region (for masking)

    def in_quote(self, pos: int) -> bool:
        j = bisect.bisect_right(self.span_starts, pos) - 1
        return j >= 0 and self.spans[j][0] <= pos < self.spans[j][1]

    # ---- subjects

    def strip_adverbs(self, lo: int, e: int) -> int:
        text = self.text
        for _ in range(8):
            w = _prev_word(text, lo, e)
            if w is None:
                return e
            word = text[w[0] : w[1]]
            low = word.lower()
            if word in ADVERBS or (word.islower() and low.endswith("ly") and len(low) > 3):
                e = w[0]
                continue
            if low in DAYS:
                p = _prev_word(text, lo, w[0])
                if p is not None and text[p[0] : p[1]].lower() == "on":
                    e = p[0]
                    continue
            if word == "asked":
                p = _prev_word(text, lo, w[0])
                if p is not None and text[p[0] : p[1]] == "when":
                    e = p[0]
                    continue
            return e
        return e

    def subject_before(self, e: int, lo: int, depth: int = 0) -> _Subj | None:
        """The subject of a verb starting at ``e``, within ``[lo, e)``."""
        text = self.text
        e = self.strip_adverbs(lo, e)
        while e > lo and text[e - 1].isspace():
            e -= 1
        if e <= lo:
            return None
        if _WHO_WORDS.search(text, max(lo, e - 80), e) and (who := self.who_subject(lo, e)) is not None:
            # a relative clause's verb: "Mayor Trent Conaway, who earlier this week said ...",
            # "Sutaj Estok, who has warned that the country is “…”": its person
            return who
        w = _prev_word(text, lo, e)
        if w is not None and text[w[0] : w[1]] in ("and", "but"):
            # the second of two verbs: "Ghosn ... called the merger “a desperate move” and
            # said ...": the subject of the sentence (a pronoun opening it: "She called ...");
            # of a relative clause's, its person ("by Pere Riba, who watched the final and said")
            if (who := self.who_subject(lo, w[0])) is not None:
                return who
            first = _next_word(text, lo, e)
            if first is not None and (word := text[first[0] : first[1]]) in ("He", "She", "They", "It", "We", "I"):
                return _Subj("pronoun", first[0], first[1], word)
            subj = self.clause_subject(lo, w[0])
            if subj is None or subj.index is None or not opens_sentence(text, self.mx.ms[subj.index], lo):
                return None  # "A joint statement by the US, Egypt and Qatar described ... and said"
            return subj
        if (age := _AGE_END.search(text, lo, e)) is not None and self.mx.ending_at(age.start()) is not None:
            e = age.start()  # "Lai, 64, who was sworn in on Monday, said": the name before the age
        k = self.mx.ending_at(e)
        # a person and whom they speak for: "Capt. Jamie Frederick of the First Coast Guard
        # District said" (a person named, then only capitalized words of an organization)
        # (a person the text shows to be one: the KB's, or after a title: not "The Korea Chamber of
        # Commerce and Industry said", an organization's name cut at "of")
        j = next((j for j in reversed(self.mx.within(lo, e)) if self.mx.ms[j].kind == "person"
                  and _OF_BODY.fullmatch(text, self.mx.ms[j].span.end, e)
                  and (knows_person(self.mx.ms[j]) or _titled(text, lo, self.mx.ms[j].span.start))), None)
        if j is not None:
            m = self.mx.ms[j]
            return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), j)
        if k is not None:
            m = self.mx.ms[k]
            if m.span.start >= lo:
                if _in_prepositional_list(text, lo, m.span.start):
                    return None  # the end of "a statement by the US, Egypt and Qatar": whose, unknown
                if _ROLE_OF_BEFORE.search(text, max(lo, m.span.start - 40), m.span.start):
                    # "Iran's mission to the United Nations said": the mission, not the UN
                    return self.describe(e, lo)
                if m.kind != "person" and (j := self.mx.first_from(lo, m.span.start)) is not None \
                        and self.mx.ms[j].kind == "person" and _DESCRIBED_AFTER.fullmatch(
                            text, self.mx.ms[j].span.end, m.span.start):
                    # "Hichem Chkiouat, the civil aviation minister in the eastern administration,
                    # ... told": the person the description is of, not the body it names
                    p = self.mx.ms[j]
                    return _Subj("mention", p.span.start, p.span.end, _clean(p.surface), j)
                pw = _prev_word(text, lo, m.span.start)
                described = (pw is not None and text[pw[0] : pw[1]].lower() in ("the", "a", "an")
                             and not m.entity and " " not in m.surface.strip())
                if m.kind in SPEAKER_KINDS and not described:
                    return _Subj("mention", m.span.start, e, _clean(m.surface), k)
                return self.describe(e, lo)  # "the Dane said": a description, not a name
        nickname = (depth == 0 and e - 2 > lo and text[e - 1] in "\"”’'" and text[e - 2] == ","
                    and _NICKNAME_KNOWN.search(text, max(lo, e - 80), e) is not None)
        if nickname:
            e -= 1  # 'Jimmy Cherizier, known as "Barbecue," told': the comma inside the nickname's marks
        if text[e - 1] == "," and depth == 0:
            c = text.rfind(",", lo, e - 1)
            while c > lo and text[c - 1].isdigit() and _THOUSANDS.match(text, c):
                c = text.rfind(",", lo, c)  # "with a majority of 8,405,": a number's comma
            if c == -1 or not text[c + 1 : e - 1].strip():
                return None
            # (the nickname between the commas is the name's, not another's)
            named = None if nickname else self.appositive_name(c + 1, e - 1)
            if named is not None:
                return named
            return self.subject_before(c, lo, depth + 1)
        w = _prev_word(text, lo, e)
        if w is None:
            return None
        word = text[w[0] : w[1]]
        if word.lower() in PRONOUNS and (word.islower() or word[1:].islower() or word == "I"):
            return _Subj("pronoun", w[0], w[1], word)
        return self.describe(e, lo)

    def clause_subject(self, lo: int, e: int) -> _Subj | None:
        """The subject of the sentence's main clause in ``[lo, e)``: its first person named
        (an organization when it names none), not after a preposition ("In talks with Biden,
        Stoltenberg ...") and not inside a quotation."""
        text = self.text
        picked: dict[str, int] = {}
        for k in reversed(self.mx.before(e, lo)):
            m = self.mx.ms[k]
            if m.kind not in ("person", "org") or m.kind in picked or self.in_quote(m.span.start):
                continue
            if k + 1 < len(self.mx.ms) and self.mx.ms[k + 1].hint.get("unknown_qualifier_start") == m.span.start:
                continue  # the country of a title ("US Secretary of State Antony Blinken"), no name
            pw = _prev_word(text, lo, m.span.start)
            if pw is not None and text[pw[0] : pw[1]].lower() in _PREPOSITIONS:
                continue
            if (pw is not None and text[pw[0] : pw[1]].endswith(("'s", "’s"))
                    and _LOWER_AFTER.match(text, m.span.end)):
                continue  # a modifier inside a noun phrase: "this year's United Nations climate summit"
            if self._weak(m) and _LOWER_AFTER.match(text, m.span.end):
                continue  # one capitalized word before a lower-case one: "Weakened by three weeks of protest"
            title = m.hint.get("title")
            ow = _prev_word(text, lo, title.span.start if title is not None and title.span.start < m.span.start
                            else m.span.start)
            if ow is not None and _VERB_PAST.fullmatch(text, ow[0], ow[1]):
                continue  # the object of a verb: "The government congratulated Vice President Lai, describing ..."
            picked[m.kind] = k
        chosen = picked.get("person", picked.get("org"))
        # a pronoun before any name is the subject: "On Sunday he addressed crowds at the Umayyad
        # Mosque, calling ..."
        until = self.mx.ms[chosen].span.start if chosen is not None else e
        pro = min((h for w in ("he", "she") for h in _PRONOUN_WORD[w].finditer(text, lo, until)
                   if not self.in_quote(h.start())), key=lambda h: h.start(), default=None)
        if pro is not None:
            return _Subj("pronoun", pro.start(), pro.end(), pro.group())
        if chosen is None:
            return None
        m = self.mx.ms[chosen]
        return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), chosen)

    def who_subject(self, lo: int, e: int) -> _Subj | None:
        """The person a relative clause in ``[lo, e)`` is about, when one opens there and runs
        on to ``e`` ("by Pere Riba, who watched the final ... and said", "IOC President Thomas
        Bach, who thanked the city for “…”"): the person named right before ", who"."""
        found = None
        for w in _WHO.finditer(self.text, lo, e):
            found = w
        if found is None or _CLAUSE_AFTER_WHO.search(self.text, found.end(), e):
            return None
        k = self.mx.ending_at(found.start())
        if k is None or self.mx.ms[k].kind != "person":
            return None
        m = self.mx.ms[k]
        return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), k)

    def appositive_name(self, a: int, e: int) -> _Subj | None:
        """"the Pentagon’s press secretary, Brig. Gen. Pat Ryder, said": a short appositive
        that is a person's name (with its title) names the speaker."""
        text = self.text
        while e > a and text[e - 1].isspace():
            e -= 1
        k = self.mx.ending_at(e)
        if k is None or self.mx.ms[k].kind != "person" or self.mx.ms[k].span.start < a:
            return None
        words = text[a:e].split()
        if len(words) > 6 or words[0].lower() in _CLAUSE_WORDS or words[0] in DETERMINERS:
            return None
        m = self.mx.ms[k]
        if not _COMPLEMENT_WORDS.isdisjoint(text[a : m.span.start].lower().split()):
            return None  # "foreign policy adviser to Aliyev": whose adviser, not the speaker
        while text[a].isspace():
            a += 1
        # the whole appositive, its title included ("Brig. Gen."), is the subject
        return _Subj("mention", min(a, m.span.start), e, _clean(m.surface), k)

    def title_run(self, lo: int, start: int) -> bool:
        """Is ``text[lo:start]`` only a title before a name ("U.S. Defense Secretary")?"""
        text = self.text
        pos = lo
        while True:
            w = _next_word(text, pos, start)
            if w is None:
                return True
            word = text[w[0] : w[1]]
            if word[-1] == "," and len(word) > 1 and not text[w[1] : start].strip():
                # the comma of the apposition before the name: "the Deputy Prime Minister and
                # Minister of Defence, Robert Kaliňák, declared"
                word = word[:-1]
            elif word[-1] in ",;:" or word in _QUOTE_CHARS:
                return False
            if not (
                word[0].isupper()
                or word in _TITLE_GLUE
                or word in PARTICLES  # "van Wyk", "de la Fuente": the name's own particles
                or word.lower() in _ROLES  # "captain Achraf Hakimi"
                or self.mx.covering(w[0] + 1) is not None
                or self.mx.ending_at(w[1]) is not None
            ):
                return False
            pos = w[1]

    def describe(self, e: int, lo: int) -> _Subj | None:
        """A descriptive subject ending at ``e``: back to a clause boundary, at most 8 words."""
        text = self.text
        start = e
        words: list[str] = []
        starts: list[int] = []
        pos = e
        while len(words) < 8:
            w = _prev_word(text, lo, pos)
            if w is None:
                break
            word = text[w[0] : w[1]]
            if word[-1] in ",;:()—–" or word.lower() in _CLAUSE_WORDS:
                break
            if word[-1] == "." and not _is_abbrev(word):
                break
            if any(c in _QUOTE_CHARS for c in word) and not ("’" in word or "'" in word):
                break
            words.append(word)
            starts.append(w[0])
            start = w[0]
            pos = w[0]
        if not words:
            return None
        words.reverse()
        starts.reverse()
        lows = [w.lower() for w in words]
        # a time before the description is no part of it: "on Thursday the army command said"
        k = next((i for i, w in enumerate(lows[:-1]) if i and w in ("the", "a", "an")
                  and any(x in DAYS or x in _TIME_NOUNS for x in lows[:i])), 0)
        if k:
            words, lows, start = words[k:], lows[k:], starts[k]
        if any(w in _NOT_NP for w in lows) or lows[-1] in DETERMINERS:
            return None
        if any(w.lower().rstrip(".") in _VERB_WORDS for w in words):
            return None
        return _Subj("desc", start, e, _clean(text[start:e]))

    def np_after(self, s: int, hi: int) -> _Subj | None:
        """The noun phrase starting at ``s`` (after a verb, "according to", "quoted")."""
        text = self.text
        pos = s
        first: int | None = None
        end = s
        count = 0
        while count < 10:
            w = _next_word(text, pos, hi)
            if w is None:
                break
            a, b = w
            word = text[a:b]
            core = word.rstrip(",;:!?)”’\"'`»")
            if core.lower() in _NP_STOP or (core.endswith(".") and core[:-1].lower() in _NP_STOP):
                cov = self.mx.covering(a) if first is not None else None
                if cov is None:
                    break
                b = self.mx.ms[cov].span.end
                core = text[a:b]
                word = core
            if not core:
                break
            sentence_end = core.endswith(".") and not _is_abbrev(core)
            if sentence_end:
                core = core.rstrip(".")
            if first is None:
                first = a
            end = a + len(core)
            count += 1
            pos = b
            if core != word or sentence_end:
                break
        if first is None or end <= first:
            return None
        # trailing adverbs ("said Ratner later")
        end2 = self.strip_adverbs(first, end)
        if end2 > first:
            end = end2
        while end > first and text[end - 1].isspace():
            end -= 1
        phrase = text[first:end]
        if phrase.lower() in PRONOUNS:
            return _Subj("pronoun", first, end, phrase)
        if text.startswith((", ", ",\u00a0"), end) and any(w[:1].islower() for w in phrase.split()):
            # a description and the name in apposition after it: "according to its
            # spokesperson, Lwazi Dlamini, ...", "said India's negotiator, Chandni Raina, ..."
            k = self.mx.first_from(end + 2, end + 3)
            if k is not None and self.mx.ms[k].kind == "person" and text.startswith(",", self.mx.ms[k].span.end):
                m = self.mx.ms[k]
                return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), k)
        named = _NAME_OF.match(text, first, end)
        words = named.group(1).split() if named is not None else []
        if named is not None and all(w[:1].isupper() for w in words) and words[0].lower() not in _NOT_NAME_WORDS \
                and words[-1].lower() not in TITLE_HEADS and not any(
                self.mx.ms[k].kind not in ("person", "office") for k in self.mx.within(first, named.end(1))):
            # "according to Caroline Holt of the International Federation of Red Cross": a
            # name and whom it speaks for, the name the speaker
            k = self.mx.first_from(first, named.end(1))
            if k is not None and self.mx.ms[k].kind == "person" and self.mx.ms[k].span.end == named.end(1):
                m = self.mx.ms[k]
                return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), k)
            return _Subj("desc", first, named.end(1), _clean(named.group(1)))
        k = self.mx.ending_at(end)
        if k is not None:
            m = self.mx.ms[k]
            if m.span.start >= first and m.kind in SPEAKER_KINDS:
                lead = text[first : m.span.start].strip().lower()
                # "said the spokesman", "said Libyan Prime Minister Osama Hammad": the name
                # (not a place after a name: "said Sen. Gary Peters of Michigan"); and a role in
                # lower case before a person's name ("a déclaré l'avocate générale Laure Chabaud")
                if lead in ("", "the") or (m.kind == "person" and (self.title_run(first, m.span.start) or (
                        text[first : m.span.start].strip() == lead and _ROLE_LEAD.fullmatch(lead)))
                                           and not any(self.mx.ms[j].kind == "person"
                                                       for j in self.mx.within(first, m.span.start))):
                    return _Subj("mention", m.span.start, end, _clean(m.surface), k)
        # a name (after its title) and then what the quote is about: "said Pedro Sanchez of
        # the amnesty deal", or whom the person speaks for: "said Sen. Gary Peters of Michigan"
        k = next((j for j in self.mx.within(first, end) if self.mx.ms[j].kind == "person"), None)
        if k is not None:
            m = self.mx.ms[k]
            if (m.kind == "person" and text.startswith((" of ", ", "), m.span.end)
                    and (m.span.start == first or self.title_run(first, m.span.start))):
                return _Subj("mention", m.span.start, m.span.end, _clean(m.surface), k)
        lows = phrase.lower().split()
        if not lows or any(w in _NOT_NP for w in lows):
            return None
        return _Subj("desc", first, end, _clean(phrase))

    def pronoun(self, word: str, pos: int, window: int, depth: int = 0, wider: bool = False) -> int | None:
        """A pronoun at ``pos``: the most recent mention of the right kind from ``window`` on
        that is the subject of a reporting act, else the last one named.  A person named after
        the same pronoun in a sentence ("he overtook Kristóf Milák") is not whom it stands for:
        the one that pronoun stands for is (a chain of "he"s, at most three long)."""
        kind = PRONOUNS.get(word.lower(), "")
        if not kind:
            return None
        if kind == "person" and depth == 0 and (aged := self._age_before(pos)) is not False:
            # "... she wrote. The 69-year-old had spent a week pleading. “…,” she said": the one
            # of that age, not the last one named
            return aged
        if kind == "person" and depth < 3:
            m0 = next((m for k in self.mx.before(pos, window) if (m := self.mx.ms[k]).kind == "person"
                       and not self.in_quote(m.span.start)), None)
            if m0 is not None:
                lo = self.sentence_start(m0.span.start)
                again = [h for h in _PRONOUN_WORD[word.lower()].finditer(self.text, lo, m0.span.start)
                         if not self.in_quote(h.start())]
                if again and lo > window:
                    at = again[0].start()
                    # (from three sentences before its own: a chain is about one person)
                    chained = self.pronoun(word, at, self.sentence_start(lo, back=3), depth + 1)
                    if chained is not None:
                        return chained
        last_strong: int | None = None
        last_any: int | None = None
        last_subject: int | None = None  # the last one opening its sentence: "Henry ... . He said"
        gender = _PRONOUN_GENDER.get(word.lower())
        here = self.sentence_start(pos)
        for k in self.mx.before(pos, window):
            m = self.mx.ms[k]
            if m.kind != kind or self.in_quote(m.span.start):
                continue
            weak = self._weak(m)
            if weak and m.span.start >= here:
                continue  # "Standing in a mosque ..., he described": the pronoun is the sentence's subject
            if gender is not None and self.gender_of(m) not in (None, gender):
                continue  # "she" is not "Mr Faye"
            if kind == "person" and m.candidates and all(e.kind != "person" for e in m.candidates):
                continue  # a name of the KB's places and organizations: "India's representative ... she"
            if kind == "person" and m.hint.get("run") and m.surface.isupper():
                continue  # a dateline's city or an acronym ("BUENOS AIRES, Dec 11 (SCW) -"): no "he"
            if (m.hint.get("run") and not m.candidates and " " not in m.surface
                    and m.surface in _NATIONALITY_WORDS and _LOWER_AFTER.match(self.text, m.span.end)):
                continue  # a nationality before a noun: "European countries had approached Baku"
            if (m.hint.get("run") and not m.entity and _PARTICIPLE_OPENING.fullmatch(m.surface)
                    and _PARTICIPLE_PHRASE.match(self.text, m.span.end) and opens_sentence(self.text, m)):
                continue  # "Standing on the roof of a bus outside his home, Erdogan led ...": a participle
            if m.hint.get("run") and (m.surface.lower() in TITLE_HEADS or m.surface.lower() in OTHER_OFFICE_WORDS
                                      or _GROUP.fullmatch(m.surface)):
                # "Chief scientist Ilya Sutskever", "Deputy President Jan Novak": the title's first
                # word, no one; "Democrats said": many, never "he" or "she"
                continue
            if (kind == "person" and m.hint.get("run") and not m.entity and " " in m.surface.strip()
                    and m.surface.split()[-1].lower() in ORG_LAST_WORDS):
                continue  # "investigators from the Japan Transport Safety Board": a body, no "he"
            if kind == "person" and m.hint.get("run") and not m.entity and (
                    _MODEL_NUMBER.match(self.text, m.span.end) or any(c.isdigit() for c in m.surface)):
                continue  # "the plane, a Bombardier Dash 8, ...", "the JAL Airbus A350": a model
            if kind == "person" and (pw := _prev_word(self.text, window, m.span.start)) is not None \
                    and self.text[pw[0] : pw[1]] in ("told", "tells", "telling"):
                continue  # "A coast guard spokesman told Reuters ...": whom he told, not he
            if kind == "person" and self._coordinated(k):
                continue  # "Only Walter Winterbottom and Sir Alf Ramsey took charge ...": "they", not "he"
            if kind == "person" and self._in_appositive(k):
                continue  # "Shehbaz Sharif - the younger brother of ... Nawaz Sharif - hailed": Shehbaz
            if self.text[m.span.end : pos].strip() == ",":
                continue  # "Scholz, he said, had engineered ...": whom he spoke of, not he
            if k in self.speakers or self.reports(k, window):
                if (told := self._description_after(k, pos, window)) is not False and self.described_after_participle:
                    # "Yener confirmed it. Standing on a bus ..., the president sang. “…,” he
                    # said": the one the description after the speaker names (None: the
                    # description speaks, whom resolution may find by the title)
                    return told
                named = last_strong if last_strong is not None else (
                    last_any if last_any is not None and self._surname_named_before(last_any) else None)
                if (kind == "person" and named is not None
                        and m.span.end <= self.text.rfind("\n\n", 0, pos) <= self.mx.ms[named].span.start):
                    # a person the pronoun's paragraph names is nearer than a speaker of the
                    # paragraph before ("For Zurita, the risk is not abstract. “…,” he said")
                    return named
                # a person who opens a later sentence is nearer than an earlier speaker:
                # "Marín said ... . Economy Minister Tomás Ibáñez welcomed it. “…,” he said."
                # (so is its subject after an opening phrase: "The day before, on Sunday, Abou
                # Mohammed al-Joulani had spoken to a crowd")
                if last_subject is None and last_strong is not None:
                    st = self.mx.ms[last_strong].span
                    lo = self.sentence_start(st.start)
                    subj = self.clause_subject(lo, st.end)
                    if lo > m.span.end and subj is not None and subj.index == last_strong:
                        return last_strong
                if last_subject is None and (main := self._main_subject(k, gender)) is not None:
                    return main
                if last_subject is not None and m.span.start < (ls := self.mx.ms[last_subject].span.start) \
                        and self.sentence_start(ls) == self.sentence_start(m.span.start):
                    return k  # "According to Putin, Kiev is trying ... “…?” he asked": who told it
                return last_subject if last_subject is not None else k
            pw = _prev_word(self.text, window, m.span.start)
            if (m.hint.get("run") and not m.entity and pw is not None
                    and self.text[pw[0] : pw[1]].lower() == "the" and m.surface.strip() in _LAW_NOUNS):
                continue  # "MPs who had just approved the Bill": a law, not the "Finance Bill" someone
            if (m.hint.get("run") and not m.entity and pw is not None
                    and self.text[pw[0] : pw[1]].lower() in _PREPOSITIONS | {"the"}
                    and not self._surname_named_before(k)):
                # a name nothing showed to be a person, after "in", "to": a place, most likely;
                # after "the", a name that is a modifier ("the North Yorkshire seat he held");
                # not the surname of a person named before ("For Zurita, the risk is ...")
                continue
            if last_any is None:
                last_any = k
            if last_strong is None and (m.entity or m.candidates or not m.hint.get("run")
                                        or m.hint.get("honorific") or m.hint.get("title")):  # "President Faye"
                last_strong = k
            # (a possessor opening it is not the sentence's subject: "India's representative,
            # Chandni Raina, denounced ...", "Khan's MPs walked out"; nor a name before a title: "European Union climate
            # commissioner Wopke Hoekstra offered ...")
            # (a weak one is no subject before a person of the KB named after it: "Backup days
            # have been planned. For Tony Estanguet, ... “…,” he told journalists")
            if last_subject is None and (opens_sentence(self.text, m) or self._title_opens(m)
                                         or self._after_participle(m)) \
                    and not self._possessor_of_role(k) and not self._before_title(k) \
                    and not self.text.startswith(("'s ", "’s "), m.span.end) \
                    and not (weak and last_strong is not None and last_strong != k
                             and _LOWER_AFTER.match(self.text, m.span.end)):
                last_subject = k
        if (last_subject is None and last_strong is None and (last_any is None or self._weak(self.mx.ms[last_any]))
                and window > 0 and not wider and kind == "person"):
            # no one, or one capitalized word alone ("and Atlético Madrid on the way here. “…,”
            # he said"): a person of the KB named a sentence or two before is likelier
            found = self.pronoun(word, pos, self.sentence_start(window, back=2), depth=3, wider=True)
            if found is not None and not self._weak(self.mx.ms[found]):
                return found
        for pick in (last_subject, last_strong, last_any):
            if pick is not None:
                if (told := self._description_after(pick, pos, window)) is not False and (
                        self._weak(self.mx.ms[pick]) or self.described_after_participle):
                    # "In his final weeks, Congress approved ... . The former president has said he
                    # will retire. “…,” he said": the description is whom "he" stands for
                    return told
                return pick
        return None

    def _surname_named_before(self, k: int) -> bool:
        """Whether mention ``k``, one word, is the last word of a person's name mentioned before it."""
        m = self.mx.ms[k]
        word = m.surface.strip()
        return " " not in word and any(
            (p := self.mx.ms[j]).kind == "person" and p.surface != m.surface and p.surface.split()[-1:] == [word]
            for j in self.mx.before(m.span.start, 0, limit=400))

    def _in_appositive(self, k: int) -> bool:
        """Whether person mention ``k`` is inside an appositive on a person named before it in
        its sentence ("Shehbaz Sharif - the younger brother of three-time PM Nawaz Sharif -",
        "Jan Novak, the son of Petr Novak,"): a relation of that person's, not a subject."""
        m = self.mx.ms[k]
        lo = self.sentence_start(m.span.start)
        return any(self.mx.ms[j].kind == "person"
                   and _APPOSITIVE_OPEN.fullmatch(self.text, self.mx.ms[j].span.end, m.span.start) is not None
                   for j in self.mx.before(m.span.start, lo))

    def _description_after(self, k: int, pos: int, window: int) -> int | None | bool:
        """When a sentence between mention ``k`` and ``pos`` opens with a title's description
        ("The former president has said ..."): the person it describes, or None; else False."""
        i = bisect.bisect_right(self.sents, self.mx.ms[k].span.end)
        for s in self.sents[i:]:
            if s >= pos:
                break
            d = _DESCRIPTION_OPENS.match(self.text, s)
            if d is not None and (d.group("head") or d.group("head2")).lower() in _DESC_HEADS:
                # (the description alone: "the president", not the phrase before it)
                desc = d.group("desc2") or d.group()
                self.description = " ".join(desc.split())
                # ("Standing on top of a bus ..., the president sang": the sentence's subject,
                # nearer than any speaker named before, when it names someone or is the
                # country's head, whom resolution finds by the title)
                self.described_after_participle = d.group("desc2") is not None and (
                    d.group("head2").lower() in _HEAD_OF_STATE_WORDS)
                return self.described(self.description, s, window)
        return False

    def _age_before(self, pos: int) -> int | None | bool:
        """When one of the two sentences before ``pos`` opens with an age ("The 69-year-old had
        spent ...") and names no person after it: the person named before with that age ("Jan
        Novak, 69,"), or None; else False."""
        i = bisect.bisect_right(self.sents, pos) - 1
        for s in self.sents[max(0, i - 2) : max(0, i)][::-1]:
            a = _AGE_OPENS.match(self.text, s)
            if a is None:
                continue
            if any((m := self.mx.ms[j]).kind == "person" and not self.in_quote(m.span.start)
                   and (m.entity or m.candidates or not m.hint.get("run")) for j in self.mx.before(pos, s)):
                return False
            return next((j for j in self.mx.before(s, 0, limit=200) if (m := self.mx.ms[j]).kind == "person"
                         and (g := AGE_AFTER_NAME.match(self.text, m.span.end)) is not None
                         and g.group(1) == a.group(1)), None)
        return False

    def _main_subject(self, k: int, gender: str | None) -> int | None:
        """The subject of the main clause when person ``k`` speaks in a clause of place or time
        after it ("Sir Keir was driven to Buckingham Palace, where King Charles III asked him to
        form a government. “…,” he said": Sir Keir, of whom the sentence is)."""
        m = self.mx.ms[k]
        lo = self.sentence_start(m.span.start)
        clause = max(_SUBORDINATE.finditer(self.text, lo, m.span.start), key=lambda c: c.start(), default=None)
        if clause is None:
            return None
        subj = self.clause_subject(lo, clause.start())
        if subj is None or subj.kind != "mention" or subj.index is None or subj.index == k:
            return None
        main = self.mx.ms[subj.index]
        if main.kind != "person" or (gender is not None and self.gender_of(main) not in (None, gender)):
            return None
        return subj.index

    def sentence_start(self, pos: int, back: int = 0) -> int:
        """Where the sentence holding ``pos`` starts, or the one ``back`` sentences before it."""
        i = bisect.bisect_right(self.sents, pos) - 1 - back
        return self.sents[i] if i >= 0 else 0

    def _weak(self, m: Mention) -> bool:
        """Whether ``m`` is one capitalized word nothing showed to be a person: no KB name,
        honorific or title, and no word of a person's name written before ("Marchand" after
        "Léon Marchand")."""
        if m.entity or m.candidates or m.hint.get("honorific") or m.hint.get("title"):
            return False
        if " " in m.surface or not m.hint.get("run"):
            return False
        if GIVEN_NAME_ONLY.search(self.text, max(0, m.span.start - 60), m.span.start):
            return False  # "an engineer who gave only her first name, Shirin": a person's
        if self._name_words is None:  # the words of the names of people, with where each is first
            self._name_words = {}
            for o in self.mx.ms:
                # (not another capitalized word alone: "Congress" twice is no name either time)
                if o.kind == "person" and (" " in o.surface or o.entity or o.candidates or not o.hint.get("run")
                                           or o.hint.get("honorific") or o.hint.get("title")):
                    for w in o.surface.split():
                        self._name_words[w] = min(self._name_words.get(w, o.span.end), o.span.end)
        first = self._name_words.get(m.surface)
        return first is None or first > m.span.start

    def _coordinated(self, k: int) -> bool:
        """Whether the person ``k`` is one of two people joined by "and" or "or" ("Walter
        Winterbottom (139) and Sir Alf Ramsey (113)")."""
        ms = self.mx.ms
        if k + 1 < len(ms) and ms[k + 1].kind == "person" and _JOINED_PEOPLE.fullmatch(
                self.text, ms[k].span.end, ms[k + 1].span.start):
            return True
        return k > 0 and ms[k - 1].kind == "person" and _JOINED_PEOPLE.fullmatch(
            self.text, ms[k - 1].span.end, ms[k].span.start) is not None

    def _after_participle(self, m: Mention) -> bool:
        """Whether the person is the subject after a participle phrase opening the sentence
        ("Standing on the roof of a bus outside his home, Erdogan led the crowd")."""
        lo = self.sentence_start(m.span.start)
        return _PARTICIPLE_LEAD.fullmatch(self.text, lo, m.span.start) is not None

    def _title_opens(self, m: Mention) -> bool:
        """Whether the person's title, or the name qualifying it, opens the sentence
        ("European Union climate commissioner Wopke Hoekstra offered ...")."""
        title = m.hint.get("title")
        if title is None:
            return False
        k = next((i for i, x in enumerate(self.mx.ms) if x is title), None)
        start = self.mx.ms[k - 1].span.start if k and self._before_title(k - 1) else title.span.start
        # (first in the sentence itself, not after an opening phrase: "His first, former Rep.
        # Matt Gaetz, withdrew" is no subject of the sentences after)
        return _SENTENCE_BEFORE.search(self.text, max(0, start - 4), start) is not None

    def _possessor_of_role(self, k: int) -> bool:
        """Whether mention ``k`` owns a person named by a role after it ("India's
        representative"; not "Mr Aliev's speech")."""
        m = self.mx.ms[k]
        if not self.text.startswith(("'s ", "’s "), m.span.end):
            return False
        w = _WORD_AFTER_SPACE.match(self.text, m.span.end + 2)
        return w is not None and (w.group(1).lower() in _ROLES | _RELATIVES or self._before_title(k, gap=3))

    def _before_title(self, k: int, gap: int = 1) -> bool:
        """Whether mention ``k`` stands right before a title (a qualifier of it; ``gap``: the
        characters between them, 3 after a possessive)."""
        ms = self.mx.ms
        return k + 1 < len(ms) and ms[k + 1].kind == "office" and ms[k + 1].span.start == ms[k].span.end + gap

    def described(self, desc: str, pos: int, window: int) -> int | None:
        """A definite description of a title ("the president", "the foreign minister"): the
        person named with the last such title from ``window`` on ("President Recep Tayyip
        Erdogan ... the president said")."""
        words = desc.lower().split()
        if len(words) < 2 or len(words) > 4 or words[0] != "the" or words[-1] not in _DESC_HEADS:
            return None
        for k in self.mx.before(pos, window):
            m = self.mx.ms[k]
            holder = m.hint.get("holder") if m.kind == "office" else None
            if holder is None or holder.kind != "person":
                continue
            title = set(m.surface.lower().replace(".", "").split())
            if (pw := _prev_word(self.text, window, m.span.start)) is not None:
                title.add(self.text[pw[0] : pw[1]].lower())  # the word before it may make it another
                # (two capitalized: "South African President Cyril Ramaphosa ... the South
                # African president said")
                if (pw2 := _prev_word(self.text, window, pw[0])) is not None and self.text[pw[0]].isupper() \
                        and self.text[pw2[0]].isupper():
                    title.add(self.text[pw2[0] : pw2[1]].lower())
            # (not another office the title names with more words: "the president" is not the
            # "Deputy President" named last)
            # (nor a dead or former holder's: "the late President Raisi" is not "the president" now)
            # (nor the prime minister's for "the minister": "the minister said" after "External
            # Affairs Minister S Jaishankar ... Prime Minister Sheikh Hasina" is Jaishankar)
            if set(words[1:]) <= title and not (title - set(words[1:])) & (OTHER_OFFICE_WORDS | {"late", "prime"}):
                return next((i for i, x in enumerate(self.mx.ms) if x is holder), None)
        return None

    def reports(self, k: int, lo: int) -> bool:
        """Is mention ``k`` the subject of a reporting verb, or after "according to"?"""
        m = self.mx.ms[k]
        text = self.text
        pos = m.span.end
        a = _APPOSITIVE.match(text, pos)
        if a is not None:
            pos = a.end()
        for _ in range(6):
            n = _WORD_AFTER_SPACE.match(text, pos)
            if n is None:
                break
            word = n.group(1)
            if word in _VERBS or word in _TWO_WORD and _verb_at(text, n.start(1), len(text)):
                return True
            if not (word in ADVERBS or word.islower() and word.endswith("ly")):
                break
            pos = n.end()
        w = _prev_word(text, lo, m.span.start)
        if w is None:
            return False
        word = text[w[0] : w[1]]
        if word in _VERBS:
            # inverted after a quote ('," said Kuleba'), not the object of someone's verb
            # ("Baerbock said Germany would deliver")
            # (a comma alone ends an appositive: "Baerbock, who has pushed allies, said Germany was")
            tail = text[max(lo, w[0] - 4) : w[0]].rstrip()
            marks = ('"', "”", "’", "'")
            return tail[-1:] in (*marks, "—", "-") or (tail[-1:] == "," and tail[-2:-1] in marks)
        if word == "to":
            p = _prev_word(self.text, lo, w[0])
            return p is not None and self.text[p[0] : p[1]].lower() == "according"
        return False



# --------------------------------------------------------------------------------------------
# step 2: sentences


def _sentence_starts(
    text: str, paras: list[tuple[int, int]], raws: list[_Raw], f: _Finder
) -> list[int]:
    """Sentence starts: every paragraph start, and the sentence boundaries inside the
    paragraphs that hold a quotation or come up to two before one (as far as pronouns and
    continued speakers look back); a paragraph left out counts as one sentence, which changes
    nothing they see."""
    pstarts = [p[0] for p in paras]
    need: set[int] = set()
    for r in raws:
        a = bisect.bisect_right(pstarts, r.start) - 1
        b = bisect.bisect_right(pstarts, r.end - 1) - 1
        need.update(range(max(0, a - 2), b + 1))
    cuts = set(pstarts)
    for pi in sorted(need):
        start, end = paras[pi]
        for m in _BOUNDARY.finditer(text, start, end):
            cut = m.end()
            if f.in_quote(cut) and f.in_quote(cut - 1):
                continue
            i = m.start()
            if text[i] == "." and _ABBREV_TAIL.search(text[max(start, i - 5) : i]):
                continue
            cuts.add(cut)
    return sorted(cuts)


# --------------------------------------------------------------------------------------------
# step 3: attribution


@dataclass
class _Attr:
    subj: _Subj | None
    cue: str
    end: int  # where the attribution ends


def _merge_split(text: str, raws: list[_Raw]) -> list[_Raw]:
    """“If that’s not going to happen,” Neill said, “then …”: one quotation."""
    out: list[_Raw] = []
    for r in raws:
        if out:
            q = out[-1]
            gap = text[q.end : r.start]
            last = text[q.pieces[-1][0] : q.pieces[-1][1]].rstrip()
            g = gap.strip()
            if (
                (last.endswith(",") or g.startswith(","))
                and g.endswith(",")
                and "\n" not in gap
                and 1 <= len(g.split()) <= 14
                and _cues(text, q.end, r.start, first_verb=True)
                and not any(
                    w[-1] in "!?;" or (w[-1] == "." and not _is_abbrev(w)) for w in g.split()
                )
                and q.gap_end is None
            ):
                q.gap_end = r.start
                q.pieces = q.pieces + r.pieces
                q.joins = q.joins + [" … "] + r.joins
                q.end = r.end
                continue
        out.append(r)
    return out


def _text_of(text: str, r: _Raw) -> str:
    parts: list[str] = []
    for i, (a, b) in enumerate(r.pieces):
        piece = _clean(text[a:b])
        if i + 1 < len(r.pieces) and r.joins[i] != " ":
            piece = piece.rstrip(",").rstrip()
        parts.append(piece)
    out = parts[0]
    for join, piece in zip(r.joins, parts[1:], strict=False):
        out = f"{out}{join}{piece}" if out and piece else out or piece
    # the comma before an attribution ("“…,” Neill said") is no part of what was said
    return out[:-1].rstrip() if out.endswith(",") else out


def find_quotes(
    text: str, mentions: Sequence[Mention], regions: Sequence[tuple[int, int]]
) -> list[Quote]:
    """The quotations in ``regions`` of ``text`` with their speakers (indices into
    ``mentions``)."""
    text = _without_glosses(text)
    f = _Finder(text, mentions)
    out: list[Quote] = []
    n = len(text)
    for rs, re_ in sorted((max(0, a), min(n, b)) for a, b in regions):
        if re_ <= rs:
            continue
        raws, paras = _raw_quotes(text, rs, re_)
        if not raws:
            continue
        f.spans = [(r.start, r.end) for r in raws]
        f.span_starts = [r.start for r in raws]
        f._cues.clear()
        raws = _merge_split(text, raws)
        sents = f.sents = _sentence_starts(text, paras, raws, f)
        prev: tuple[Quote, int] | None = None
        raws = [r for r in raws if not _heading_quote(text, r) and not _nickname_in_name(text, r)
                and not _NOT_SAID_BEFORE.search(text, max(0, r.start - 40), r.start)
                and not (_NICKNAME_BEFORE.search(text, max(0, r.start - 30), r.start)
                         and len(text[r.start : r.end].split()) <= 4)]
        for i, r in enumerate(raws):
            nxt_start = raws[i + 1].start if i + 1 < len(raws) else re_
            q, last_sent = _attribute(text, r, f, sents, re_, nxt_start, prev)
            out.append(q)
            if q.speaker is not None:
                f.speakers.add(q.speaker)
            prev = (q, last_sent)
    return out


# a nickname in quotation marks after the words that give it ("Jimmy Cherizier, known as
# “Barbecue,”"): no one's statement
_NICKNAME_BEFORE = rx.compile(r"\b(?:known[ \t\u00a0]+as|nicknamed|dubbed|alias|a\.k\.a\.)[ \t\u00a0]*\Z",
                              re.IGNORECASE)
# the comma of such an appositive inside the nickname's marks: 'known as "Barbecue," told'
_NICKNAME_KNOWN = rx.compile(r",[ \t\u00a0]+(?:(?:also|better|popularly|widely)[ \t\u00a0]+)?(?:known[ \t\u00a0]+as"
                             r"|nicknamed|dubbed|called)[ \t\u00a0]+[\"“‘'][^\"“”‘’'\n]{1,40},[\"”’']\Z")


# what a quotation is after a verb of searching, typing or titling: the words of a search, a
# title ("Crooks searched online for “How far away was Oswald from Kennedy?”", "a book titled
# “…”"), no one's statement
_NOT_SAID_BEFORE = rx.compile(r"\b(?:searched|searching|googled|typed|typing|looked[ \t\u00a0]+up|titled|entitled"
                              r"|headlined|captioned)(?:[ \t\u00a0]+online)?(?:[ \t\u00a0]+for)?"
                              r"[ \t\u00a0]*(?::[ \t\u00a0]*)?\Z")


def _nickname_in_name(text: str, r: _Raw) -> bool:
    """Whether a quotation is a nickname inside a name ("Ferdinand “Bongbong” Marcos Jr."): one
    capitalized word between a capitalized word and the rest of the name."""
    body = text[r.start + 1 : r.end - 1]
    return (bool(_NICKNAME_WORD.fullmatch(body)) and bool(_NAME_BEFORE.search(text, max(0, r.start - 30), r.start))
            and bool(_NAME_AFTER.match(text, r.end)))


_NICKNAME_WORD = rx.compile(r"[A-Z][\w.'’-]{1,20}")
_NAME_BEFORE = rx.compile(r"\b[A-Z][\w.'’-]+[ \t\u00a0]\Z")
_NAME_AFTER = rx.compile(r"[ \t\u00a0](?:[A-Z]|(?:de|dela|del|da|van|von|la|le|al|el|bin)[ \t\u00a0])")
_LINE_OPEN = rx.compile(r"(?:^|\n)[ \t]*(?:#{1,6}[ \t]+)?\Z")
_LINE_CLOSE = rx.compile(r"[ \t]*(?:\r?\n|\r|\Z)")


def _heading_quote(text: str, r: _Raw) -> bool:
    """Whether a quotation is a heading of its own ("## 'Cautious joy'"): alone on its line, a few
    words with no end of a sentence in them; a sub-heading quoting someone, no one's quote."""
    if not (_LINE_OPEN.search(text, max(0, r.start - 12), r.start) and _LINE_CLOSE.match(text, r.end)):
        return False
    inner = text[r.start : r.end].strip("\"“”‘’'` \t")
    return len(inner.split()) <= 8 and not inner.rstrip().endswith((".", "!", "?", "…", ","))


# a model's number after its name ("Bombardier Dash 8")
_MODEL_NUMBER = rx.compile(r"[ \t\u00a0-]\d")
_PRONOUN_WORD = {w: rx.compile(rf"\b{w}\b", re.I) for w in ("he", "she")}
# a relative clause on a person, and what ends one before a quotation
# an appositive opened after a name and running on to another ("- the younger brother of
# three-time PM "): no closing mark, no verb
_APPOSITIVE_OPEN = rx.compile(r"(?:,[ \t\u00a0]+\d{1,3})?[ \t\u00a0]*(?:,|[-–—])[ \t\u00a0]+"
                              r"(?:the|a|an|his|her)[ \t\u00a0]+(?:[^,;:.!?()\-–—\n]|(?<=\w)-(?=\w))*")
_TIME_GAP = rx.compile(r"(?:(?:late|early|earlier|later)[ \t\u00a0]+)?(?:on[ \t\u00a0]+)?(?:Monday|Tuesday|Wednesday"
                       r"|Thursday|Friday|Saturday|Sunday|(?:this|last)[ \t\u00a0]+(?:week|month))[ \t\u00a0]*\Z")
_TIME_NOUNS = frozenset("week month year morning afternoon evening night weekend today yesterday".split())
_WHO = rx.compile(r",[ \t\u00a0]+who\b")
# ", who" and a few lower-case words (an auxiliary, a time) right before a verb
_WHO_WORDS = rx.compile(r",[ \t\u00a0]+who(?:[ \t\u00a0]+[a-z][\w-]*){0,4}[ \t\u00a0]*\Z")
_THOUSANDS = rx.compile(r",\d{3}(?!\d)")
_CLAUSE_AFTER_WHO = rx.compile(r"[;:]|,[ \t\u00a0]+(?:and|but)?[ \t\u00a0]*(?:he|she|they|it)\b|[.!?][ \t\u00a0]")
def _sent_index(sents: list[int], pos: int) -> int:
    return max(bisect.bisect_right(sents, pos) - 1, 0)


def _titled(text: str, lo: int, start: int) -> bool:
    """Whether the word before ``start`` is an honorific or a title's head ("Capt.", "Captain",
    "Dr.", "Commissioner")."""
    w = _prev_word(text, lo, start)
    word = text[w[0] : w[1]].rstrip(".").lower() if w is not None else ""
    return word in HONORIFICS or word in TITLE_HEADS


# what follows a speaker's name when it says whom they speak for: " of the First Coast Guard District"
_OF_BODY = rx.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z][\w.'’&-]*"
                      r"(?:[ \t\u00a0]+(?:of|and|for|the|[A-Z][\w.'’&-]*))*")


def _attribute(
    text: str,
    r: _Raw,
    f: _Finder,
    sents: list[int],
    re_: int,
    nxt_start: int,
    prev: tuple[Quote, int] | None,
) -> tuple[Quote, int]:
    si = _sent_index(sents, r.start)
    s0 = sents[si]
    s_end = sents[si + 1] if si + 1 < len(sents) else re_
    sj = _sent_index(sents, r.end - 1)
    send = sents[sj + 1] if sj + 1 < len(sents) else re_
    body = _text_of(text, r)
    last_sent = sj

    # the window after the quotation where an attribution may stand
    p_hi = r.gap_end if r.gap_end is not None else min(send, nxt_start)
    strict = False
    if (
        r.gap_end is None
        and send < nxt_start
        and body[-1:] in (".", "?", "!", "…")
        and _first_nonspace(text, r.end, send) == send
        and "\n" not in text[r.end : send]
    ):
        # “…?” Neill asked.  The attribution is a sentence of its own by the boundary rule.
        p_hi = min(sents[sj + 2] if sj + 2 < len(sents) else re_, nxt_start)
        strict = body[-1] != "?" and body[-1] != "!"

    last = _last_lead_char(text, s0, r.start)
    lead = last != ""
    colon = last == ":"
    pre: tuple[_Attr, bool] | None = None
    pre_done = False
    attr: _Attr | None = None
    if colon or (strict and lead):
        # (a whole sentence quoted after its speaker's verb, "X said in a statement that “….”":
        # not the speaker of the sentence after, "Y said on Twitter that ...")
        pre, pre_done = _pre_attribution(text, r, f, s0, s_end), True
        if pre is not None and (pre[1] or not colon):
            attr = pre[0]
    if attr is None:
        attr = _post_attribution(text, r.first_end, p_hi, f, strict)
        if attr is not None:
            last_sent = _sent_index(sents, max(attr.end - 1, r.start))
    if attr is None and lead:
        if not pre_done:
            pre, pre_done = _pre_attribution(text, r, f, s0, s_end), True
        if pre is not None:
            attr = pre[0]

    first = _FIRST_ALPHA.search(body)
    if first is not None and first.group().islower():
        partial = True
    elif not lead or colon:
        partial = False
    else:
        if not pre_done:
            pre, pre_done = _pre_attribution(text, r, f, s0, s_end), True
        partial = not (pre is not None and pre[1])
    if not partial and (attr is None or attr.end <= r.start):
        if _ALNUM.search(text, r.end, send):
            partial = True

    speaker: int | None = None
    speaker_text = ""
    cue = ""
    pronoun = False
    if attr is not None and attr.subj is not None:
        subj = attr.subj
        cue = attr.cue
        speaker_text = subj.text
        if subj.kind == "mention":
            speaker = subj.index
        elif subj.kind == "pronoun":
            f.description, f.described_after_participle = None, False
            speaker = f.pronoun(subj.text, subj.start, sents[max(0, si - 2)])
            pronoun = speaker is not None
            if speaker is None and f.description is not None:
                # "The former president has said he ... “…,” he said": the description speaks
                speaker_text, pronoun = f.description, True
            if prev is not None and (described := _described_before(prev, si, speaker, f)) is not None:
                # "“…,” the President said. He said ...": the one the quotation before named
                # by a title alone, when no one was named since
                speaker, speaker_text, pronoun = None, described, True
        elif subj.kind == "desc":
            # "the president said": the holder of the last title of that kind named before
            speaker = f.described(subj.text, subj.start, sents[max(0, si - 8)])
            pronoun = speaker is not None
    elif attr is None and not partial and not lead and prev is not None:
        pq, psent = prev
        if pq.speaker_text and si - psent <= 1:
            speaker, speaker_text, cue, pronoun = pq.speaker, pq.speaker_text, pq.cue, pq.pronoun
    if not speaker_text and len(body.split()) <= 2:
        partial = True
    q = Quote(
        start=r.start,
        end=r.end,
        text=body,
        normalized=normalize(body),
        speaker=speaker,
        speaker_text=speaker_text,
        cue=cue,
        partial=partial,
        pronoun=pronoun,
    )
    return q, last_sent


def _described_before(prev: tuple[Quote, int], si: int, candidate: int | None, f: _Finder) -> str | None:
    """The description that spoke the quotation before (in this sentence or the one before,
    "the President"), when the pronoun's ``candidate`` was named before that quotation."""
    pq, psent = prev
    if pq.speaker is not None or not pq.speaker_text or si - psent > 1:
        return None
    if pq.speaker_text.lower() in PRONOUNS or len(pq.speaker_text.split()) < 2:
        return None
    if candidate is not None and f.mx.ms[candidate].span.start > pq.start:
        return None
    return pq.speaker_text


def _pre_attribution(
    text: str, r: _Raw, f: _Finder, s0: int, s_end: int
) -> tuple[_Attr, bool] | None:
    """The nearest reporting cue before the quotation in its sentence (of the three nearest,
    the first that yields a subject), and whether it stands right before it ("Neill told NBC
    News: “…”")."""
    if s0 >= r.start:
        return None
    cues = f.cues_before(s0, s_end, r.start)
    nearest = True
    for c in cues[: -4 : -1]:
        if _AND_THAT.search(text, c.end, r.start) and any(d.kind == "verb" and d.start < c.start for d in cues):
            # a verb inside a "that" clause, then another "that" clause of the verb before it:
            # "The judge added that X had testified falsely and that there remained “a risk …”"
            nearest = False
            continue
        attr = _cue_attr(text, c, f, s0, r.start, cues)
        if attr is not None and (who := f.who_subject(attr.end, r.start)) is not None:
            # the quotation is in a relative clause after the cue's: "Macron declared the Games
            # open after a speech by Thomas Bach, who thanked the city for “…”"
            attr = _Attr(who, attr.cue, attr.end)
        if attr is not None:
            words = _words_between(text, attr.end, r.start, 7)
            adjacent = nearest and len(words) <= 5 and not any(
                w[-1] in ",;" for w in words[:-1]
            )
            return attr, adjacent
        nearest = False
    return None


def _cue_attr(
    text: str, c: _Cue, f: _Finder, s0: int, hi: int, cues: list[_Cue]
) -> _Attr | None:
    if c.kind == "acc":
        subj = f.np_after(c.end, hi)
        return _Attr(subj, "according to", subj.end) if subj else None
    if c.kind == "qas":
        a = _AS_SAYING.search(text, c.end, _after_words(text, c.end, hi, 12))
        if a is None:
            return None
        subj = f.np_after(c.end, a.start())
        verb = a.group().split()[-1]
        return _Attr(subj, f"{c.word} ... as {verb}", a.end()) if subj else None
    if c.kind == "part":
        if _prev_word_is(text, s0, c.start, "as"):
            return None  # "quoted ... as saying"
        for d in [d for d in cues[-12:] if d.start < c.start][::-1]:
            if d.kind == "verb":
                attr = _cue_attr(text, d, f, s0, hi, cues)
                if attr is not None:
                    return _Attr(attr.subj, attr.cue, c.end)
        k = c.start
        while k > s0 and text[k - 1].isspace():
            k -= 1
        if text[k - 1 : k] == ",":
            # "Stoltenberg opened the summit on Tuesday, telling leaders that “…”": no
            # reporting verb before; the participle continues the clause of the sentence's subject
            subj = f.clause_subject(s0, c.start)
            if subj is not None:
                return _Attr(subj, c.word, c.end)
        return None
    if text[c.start - 1 : c.start] == "-":
        return None
    subj = f.subject_before(c.start, s0)
    if subj is None:
        return None
    return _Attr(subj, c.word, c.end)


_AND_THAT = rx.compile(r"\band[ \t\u00a0]+that\b")
# between two people joined: "and", "or", with what is said of the first in brackets and an
# honorific of the second ("Winterbottom (139) and Sir Alf Ramsey")
# a clause of place or time after the main one: "..., where King Charles III asked him"
_SUBORDINATE = rx.compile(r",[ \t\u00a0\n]+(?:where|when|whereupon|while|after)[ \t\u00a0\n]")
_JOINED_PEOPLE = rx.compile(r"(?:[ \t\u00a0]*\([^()]{0,40}\))?,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+"
                            r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Prof|Gen)\.?[ \t\u00a0]+)?")
# the words that join a title to whom or what it is of ("adviser to Aliyev")
_COMPLEMENT_WORDS = frozenset({"to", "of", "for", "at", "with", "from", "in", "on"})
_SENTENCE_BEFORE = rx.compile(r"(?:\A|[.!?\n][\"”’']?)[ \t\u00a0\"“‘']*\Z")
# the adjectives of regions and nations a sentence may open with ("European countries",
# "Western media"): not names (a shape would take "Bondi", "Ryan" too)
_NATIONALITY_WORDS = frozenset("""
European African Asian American Western Eastern Northern Southern Arab Chinese Japanese Korean Indian
Russian Ukrainian German French British Italian Spanish Iranian Israeli Palestinian Turkish Syrian Iraqi
Saudi Egyptian Pakistani Afghan Mexican Brazilian Canadian Australian Nigerian Kenyan Polish Dutch
Swedish Norwegian Danish Finnish Greek Portuguese Irish Scottish Welsh Swiss Austrian Belgian Czech
Hungarian Romanian Serbian Georgian Armenian Azerbaijani Kazakh Thai Vietnamese Indonesian Filipino
Malaysian Taiwanese Latin Nordic Baltic Balkan Caribbean Pacific Atlantic Muslim Christian Jewish
Catholic Islamic Soviet Gulf Sahel Kurdish Lebanese Jordanian Yemeni Qatari Emirati Ethiopian Sudanese
""".split())
_LOWER_AFTER = rx.compile(r"[ \t\u00a0]+[a-z]")
_LEAD_JUNK = frozenset(" \t\r\n\u00a0•▪·*–—-(")
_ALNUM = rx.compile(r"[^\W_]")


def _in_prepositional_list(text: str, lo: int, start: int) -> bool:
    """Whether the name at ``start`` follows a preposition, alone or as the last of a list
    ("a statement by the US, Egypt and Qatar described"): it is then no subject."""
    pos = start
    for n in range(10):
        w = _prev_word(text, lo, pos)
        if w is None:
            return False
        raw = text[w[0] : w[1]]
        word = raw.rstrip(",")
        if word.lower() in _PREPOSITIONS:
            return True
        # the last of a list right after its "and"; then its other names and commas
        if not (word in ("and", "or") if n == 0 else (word in ("and", "or", "the") or word[:1].isupper())):
            return False
        pos = w[0]
    return False


def _last_lead_char(text: str, s0: int, pos: int) -> str:
    """The last character before ``pos`` in its sentence that is no space, bullet or dash
    (or "" when the quotation opens the sentence)."""
    i = pos - 1
    while i >= s0 and text[i] in _LEAD_JUNK:
        i -= 1
    return text[i] if i >= s0 else ""


def _after_words(text: str, pos: int, hi: int, n: int) -> int:
    """Where the ``n``-th word after ``pos`` ends (or ``hi``)."""
    for _ in range(n):
        w = _next_word(text, pos, hi)
        if w is None:
            return hi
        pos = w[1]
    return pos


def _words_between(text: str, a: int, b: int, limit: int) -> list[str]:
    """The words of ``text[a:b]``, at most ``limit`` of them (then ``limit + 1``)."""
    out: list[str] = []
    pos = a
    while len(out) <= limit:
        w = _next_word(text, pos, b)
        if w is None:
            break
        out.append(text[w[0] : w[1]])
        pos = w[1]
    return out


def _prev_word_is(text: str, lo: int, pos: int, word: str) -> bool:
    w = _prev_word(text, lo, pos)
    return w is not None and text[w[0] : w[1]].lower() == word


# a group named by a capitalized plural: a party's members, a nation ("Democrats", "Israelis")
# (demonyms in the plural, not surnames that end so: "Israelis", "Ukrainians", not "Duplantis",
# "Davis", "Evans")
_GROUP = rx.compile(r"(?:Democrat|Republican|Conservative|Liberal|Socialist|Communist|Labourite|Green|Independent"
                    r"|Loyalist|Separatist|Islamist|Nationalist)s|Tories|[A-Z][a-z]+(?:ians|eans|cans|mans|ese)"
                    r"|(?:Israel|Pakistan|Iraq|Saud|Somal|Yemen|Qatar|Kuwait|Oman|Bangladesh|Azerbaijan|Nepal"
                    r"|Emirat|Bahrain|Kashmir|Punjab|Bengal|Gujarat|Pashtun|Baloch)is|Afghans|Thais|Turks|Kurds"
                    r"|Arabs|Jews|Serbs|Croats|Poles|Czechs|Slovaks|Swedes|Danes|Finns|Greeks|Brits|Scots|Filipinos"
                    r"|MPs|MEPs|MKs|Senators|Lawmakers|Legislators")
# verbs of a clause after a reporting verb: it reports something else ("said the comment was ...")
_FINITE_VERBS = frozenset("was is were are would will had has have could should must".split())
# two or three capitalized words and "of": a person and whom they speak for ("Caroline Holt of
# the International Federation of Red Cross")
_NAME_OF = rx.compile(r"((?:[^\W\d_][\w’'-]+[ \t\u00a0]){1,2}[^\W\d_][\w’'-]+)[ \t\u00a0]+of[ \t\u00a0]")
_NOT_NAME_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
_POST_ACC = rx.compile(r"[\s,;:—–-]*(?:according\s+to|selon|in\s+the\s+words\s+of)\s")
# French after a quotation: "« … », a déclaré M. LeBlanc", "a-t-il lancé", "écrit-elle"
_FR_PARTICIPLES = ("déclaré|dit|affirmé|ajouté|estimé|expliqué|souligné|lancé|indiqué|précisé|assuré|martelé|écrit"
                   "|répondu|insisté|prévenu|reconnu|confié|poursuivi|conclu|commenté|dénoncé|annoncé|tranché"
                   "|rappelé|relevé|regretté|jugé|averti|déploré|fustigé|plaidé|réagi|noté|observé|raconté|résumé"
                   "|ironisé|réclamé|promis|assené|asséné|glissé|résumé|soutenu|admis|avoué|clamé")
_FR_PRESENT = ("déclare|dit|affirme|ajoute|estime|explique|souligne|lance|indique|précise|assure|martèle|écrit"
               "|répond|insiste|prévient|reconnaît|reconnait|confie|poursuit|conclut|commente|dénonce|annonce"
               "|tranche|rappelle|relève|regrette|juge|avertit|déplore|note|observe|raconte|résume|ironise")
_FR_POST = rx.compile(r"[\s,;—–-]*(?:(?:a|avait|ont|avaient)(?:-t-(?P<p>il|elle|ils|elles))?[ \t\u00a0]+"
                      r"(?P<v>" + _FR_PARTICIPLES + r")|(?P<v2>" + _FR_PRESENT + r")-(?:t-)?(?P<p2>il|elle|ils|elles))"
                      r"(?![\w-])")
# a role told in lower case before a name, of no one else ("l'avocate générale", "prosecutor")
_ROLE_LEAD = rx.compile(r"(?:(?:the|l['’]|le|la)[ \t\u00a0]*)?(?!(?:of|de|du|des|for|pour|to|while|whereas|but|and"
                        r"|although|though|when|after|before|since|because|if|as|who|which|where)\b)[^\W\d_]+"
                        r"(?:[ \t\u00a0]+(?!(?:of|de|du|des|d['’]|for|pour|to|and|et|with|avec)\b)[^\W\d_]+){0,2}")
_FR_PRONOUNS = {"il": "he", "elle": "she", "ils": "they", "elles": "they"}
_WAS_BEFORE = rx.compile(r"\b(?:was|were|is|are)[ \t\u00a0]+\Z")
# (a word with a period is an honorific's or an initial's: "Mr. Dong was quoted as saying")
_POST_QAS = rx.compile(r"[\s,;—–-]*(?:(?:(?i:" + "|".join(sorted(HONORIFICS)) + r")|[A-Z])\.\s+|[^\s.!?;:“”\"]+\s+)"
                       r"{1,6}?(?P<v>quoted|cited)\s")


def _post_attribution(text: str, lo: int, hi: int, f: _Finder, strict: bool) -> _Attr | None:
    """“…,” X said / said X / according to X / X quoted Y as saying, right after ``lo``."""
    if hi <= lo:
        return None
    m = _POST_ACC.match(text, lo, hi)
    if m is not None:
        subj = f.np_after(m.end(), hi)
        return _Attr(subj, "according to", subj.end) if subj else None
    m = _FR_POST.match(text, lo, hi)
    if m is not None:
        verb = m.group("v") or m.group("v2")
        if (p := m.group("p") or m.group("p2")) is not None:  # "a-t-il lancé", "écrit-elle"
            at = m.start("p") if m.group("p") else m.start("p2")
            return _Attr(_Subj("pronoun", at, at + len(p), _FR_PRONOUNS[p]), verb, m.end())
        subj = f.np_after(m.end(), hi)  # "a déclaré M. LeBlanc"
        return _Attr(subj, verb, subj.end) if subj else None
    m = _POST_QAS.match(text, lo, hi)
    if m is not None:
        a = _AS_SAYING.search(text, m.end() - 1, _after_words(text, m.end(), hi, 12))  # (from the space)
        if a is not None:
            subj = f.np_after(m.end(), a.start())
            if subj is None and (was := _WAS_BEFORE.search(text, lo, m.start("v"))) is not None:
                # “…,” Mr. Dong was quoted as saying: the passive's subject
                subj = f.subject_before(was.start(), lo)
            if subj is not None:
                verb = a.group().split()[-1]
                return _Attr(subj, f"{m.group('v')} ... as {verb}", a.end())
    v = _verb_at(text, lo, hi)
    if v is not None:
        # verb first: “…,” said Ratner
        subj = f.np_after(v.end, hi)
        if subj is not None and (subj.kind != "desc" or not strict) and not (
                (w := _WORD_AFTER_SPACE.match(text, subj.end, hi)) is not None and w.group(1).lower() in _FINITE_VERBS):
            return _Attr(subj, v.word, subj.end)
        # (not "“…”, said police were on alert": what was said, not who said it)
        return None
    found = _cues(text, lo, hi, first_verb=True)
    if not found or found[-1].kind != "verb":
        return None
    v = found[-1]
    if strict and len(text[lo : v.start].split()) > 4:
        return None
    subj = f.subject_before(v.start, lo)
    if subj is None:
        return None
    # (a time between is no obstacle: "“…,” on Thursday the army command said")
    gap = text[lo : subj.start]
    if subj.kind == "desc" and (t := _TIME_GAP.search(gap)) is not None:
        gap = gap[: t.start()]
    role = text[_lead_end(text, lo, subj.start) : subj.start].strip()
    if _LEAD.fullmatch(gap) is None and not (
        subj.kind == "mention" and (f.title_run(_lead_end(text, lo, subj.start), subj.start)
                                    # a role in lower case: "“…,” project director P. Veeramuthuvel told"
                                    or (role.islower() and _ROLE_LEAD.fullmatch(role) is not None
                                        and f.mx.ms[subj.index].kind == "person"
                                        if subj.index is not None else False))
    ):
        # “…” have been a refrain, officials said: only a closing clause after a comma
        if not gap.rstrip().endswith(",") or len(text[v.end : hi].split()) > 6:
            return None
    if strict and (len(text[v.end : hi].split()) > 6 or _SAYS_WHAT.match(text, v.end) or _FINITE_VERBS.intersection(
            w.strip(".,;:").lower() for w in text[v.end : hi].split()[:5])):
        # “… a dictator.” Hsi's Foreign Ministry said the comment was irresponsible: a sentence
        # of its own that says something else
        return None
    return _Attr(subj, v.word, v.end)


# a verb in the past tense before a name: the name is its object
_VERB_PAST = rx.compile(r"[a-z]{3,}ed")
# a body or a role a preposition ties to the name after it ("mission to the", "embassy in",
# "spokesman for the"): the name is not who speaks
# a person's description in apposition, up to the body it names: ", the civil aviation minister in the "
_DESCRIBED_AFTER = rx.compile(r",[ \t\u00a0]+(?:the|a|an|its|his|her)[ \t\u00a0]+(?:[a-z][\w-]*[ \t\u00a0]+){1,5}"
                              r"(?:in|of|at|for|from|with)[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
_ROLE_OF_BEFORE = rx.compile(r"\b(?:mission|embassy|delegation|envoy|ambassador|representative|office|spokesman"
                             r"|spokeswoman|spokesperson)[ \t\u00a0]+(?:to|in|at|for|of)[ \t\u00a0]+"
                             r"(?:the[ \t\u00a0]+)?\Z")
# a reporting verb that says what follows: "Trump replied that politics “is tough”" is a
# statement of its own, not the attribution of the quotation before it
_SAYS_WHAT = rx.compile(r"[ \t\u00a0]+(?:that|how|whether)\b")
# a name's form in its own script in parentheses after it: "Chen Binhua (陳斌華), a spokesman"
_GLOSS = rx.compile(r"[ \t\u00a0]?\((?=[^()\x00-\x7f]*[\u0400-\u04ff\u0600-\u06ff\u0e00-\u0e7f\u3040-\u30ff"
                    r"\u3400-\u9fff\uac00-\ud7af])[^()\x00-\x7f]{1,24}\)")


def _without_glosses(text: str) -> str:
    """The text with each native-script gloss of a name blanked (same length, so positions
    hold): quotation attribution reads "Chen Binhua, a spokesman, said"."""
    if "(" not in text:
        return text
    return _GLOSS.sub(lambda m: " " * len(m.group()), text)
