"""Kind ``quote_attribution``: the same quotation, or a substantial part of it, attributed to
different speakers.

Quotations are compared on their normalized text (case, punctuation, curly or straight marks
and ellipses do not matter); a partial quote matches a longer one it is part of when it has at
least ``min_words`` words.  Speakers are compared by KB entity, or by the name as written when
unresolved (a fuller or shorter form of a name is the same speaker: "Biden", "Joe Biden");
quotes with no speaker are not compared; an organization and the person whose title names it
("Kremlin spokesman") are one voice.  Reported at the attribution that the
majority of other outlets disagrees with (each side on a tie).

Flagged::

    A: "It's designed to be a snub," Alexander Neill told NBC News.
    B: "It's designed to be a snub," said Mao Ning.

Clean::

    A: "It's designed to be a snub," Alexander Neill told NBC News.
    B: Neill said it was "designed to be a snub".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ledger import rx
from ledger.engine.rules import Rule
from ledger.engine.runner import cited
from ledger.engine.view import LedgerView, doc_order
from ledger.model import Claim, DocRef, Evidence, Finding
from ledger.resolve.keys import roman_fold, same_person, sounds_within
from ledger.resolve.tokens import ABBREVIATIONS, COMMON_WORDS, QUOTE_WORD_BREAKS, SPELLINGS, compatible, phrase_key
from ledger.store.shingles import SHINGLE, quote_speaker, quote_words, shingle_keys

# words that folding rewrites ("defence" -> "defense"): not safe as substring anchors
_RESPELT = (frozenset(SPELLINGS) | frozenset(SPELLINGS.values()) | frozenset(ABBREVIATIONS)
            | frozenset(w for v in ABBREVIATIONS.values() for w in v.split()))


# words found in most quotes: poor anchors for finding the quotes that match a draft's
_COMMON = COMMON_WORDS


@dataclass
class Options:
    min_words: int = 5  # a shared stretch of at least this many words is "a substantial part"
    sections: tuple[str, ...] = ("body",)

    def __post_init__(self) -> None:
        self.sections = tuple(self.sections)
        if self.min_words < 2:
            raise ValueError("min_words must be at least 2")


def _same_quote(a: tuple[str, ...], b: tuple[str, ...], n: int, joined: dict[tuple[str, ...], str],
                whole: Collection[tuple[str, ...]] = (),
                sentences: dict[tuple[str, ...], set[tuple[str, ...]]] | None = None) -> bool:
    """Equal, or the shorter is a stretch of the longer with at least n words.  ``joined``
    holds each text's words between spaces (" a b c "): a stretch of words is then a
    substring, which the string search finds far faster than a loop over word lists."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short == long_:
        return True
    if len(short) < n:
        return False
    if (len(short) < SHORT_QUOTE and len(long_) >= len(short) + 3 and short in whole and long_[: len(short)] != short
            and short not in (sentences or {}).get(long_, ())):
        # a short sentence quoted whole inside a longer quotation, not opening it, is a stock
        # phrase others say too: "We will go to the people." (one leader's, on April 3) in "We
        # have resigned and we will go to the people" (another's, on April 16); not one the
        # longer opens with ("This was 100 percent preventable. We call things accidents."); a
        # partial quote is a part of a statement, found in the whole of it ("designed to be a
        # snub, I think"; but a sentence of the longer quoted whole is the longer's: "Those found
        # guilty will be punished stringently." after "It's a serious incident, ... angle.")
        return False
    return joined[short] in joined[long_]


# a quotation of fewer words than this matches another only when (nearly) all of it
SHORT_QUOTE = 8


def _matches(order: list[tuple[str, ...]], n: int,
             joined: dict[tuple[str, ...], str], whole: Collection[tuple[str, ...]] = (),
             sentences: dict[tuple[str, ...], set[tuple[str, ...]]] | None = None) -> dict[int, set[int]]:
    """For each text (by index in ``order``), the other texts it matches (``_same_quote``).
    A shorter text matches a longer one only if the longer
    contains the shorter's first ``n`` words: each text looks up its stretches of ``n`` words
    among the texts' openings, and only those pairs are compared (identical texts are one
    text already; texts shorter than ``n`` words match only themselves)."""
    openings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, words in enumerate(order):
        if len(words) >= n:
            openings[words[:n]].append(i)
    same: dict[int, set[int]] = defaultdict(set)
    for j, words in enumerate(order):
        for p in range(len(words) - n + 1):
            for i in openings.get(words[p : p + n], ()):
                # (every pair, not only those with a draft's side: a draft's quote reaches another
                # outlet's longer telling through a third's part, as over the whole ledger)
                if i != j and _same_quote(order[i], words, n, joined, whole, sentences):
                    same[i].add(j)
                    same[j].add(i)
    return same


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    n = opts.min_words
    # a quote repeated by many outlets is compared once: claims are grouped by their text
    texts: dict[tuple[str, ...], list[tuple[DocRef, Claim, str]]] = defaultdict(list)
    # in document order, not the database's: which claim speaks for an outlet must not
    # depend on a query plan
    for ref, c in sorted(_related(view, targets, n), key=doc_order):
        who = quote_speaker(c)
        words = tuple(quote_words(c))
        # (a partial quote of five words or fewer is a phrase many use, "Taiwan independence",
        # "peace through strength", "no significant fault or negligence": not compared)
        if who and c.section in opts.sections and len(words) >= (6 if c.qualifiers.get("partial") else min(n, 2)):
            texts[words].append((ref, c, who))
    order = list(texts)
    joined = {words: f" {' '.join(words)} " for words in order}
    judged = [targets is None or any(r.key in targets for r, _, _ in texts[t]) for t in order]
    # (the texts quoted as whole sentences, never as a part of one)
    whole = {t for t in order if not any(c.qualifiers.get("partial") for _, c, _ in texts[t])}
    same = _matches(order, n, joined, whole, _sentences(texts))
    voices = [{who for _, _, who in texts[words]} for words in order]
    names = _Speakers(view)
    for i, words in enumerate(order):
        if not judged[i]:
            continue
        # (and through a part of it quoted whole, the other texts that have that part: "I assure
        # you that this crime will not go unpunished", in two longer tellings of Lasso's statement)
        # (a part quoted as a whole sentence: a fragment two statements share is no link)
        cluster = sorted({i} | same[i] | {k for j in same[i] if len(order[j]) < len(words) and order[j] in whole
                                          for k in same[j]})
        if all(voices[j] == voices[i] for j in cluster) and len(voices[i]) == 1:
            continue  # one speaker for all of them: nothing to compare
        # every outlet's attribution of this quote, by speaker: (the first claim of each outlet)
        speakers: dict[str, dict[str, tuple[DocRef, Claim]]] = defaultdict(dict)
        for j in cluster:
            for r, o, who in texts[order[j]]:
                speakers[who].setdefault(r.outlet, (r, o))
        for ref, c, who in texts[words]:
            if targets is not None and ref.key not in targets:
                continue
            # one claim per outlet and other speaker; the majority counts outlets; a fuller or
            # shorter name of the speaker ("Biden", "Joe Biden") is the same speaker
            alike = {sp: names.alike(who, sp) or names.one_voice(who, sp) for sp in speakers}
            against = [ro for sp, by in speakers.items() if not alike[sp] for out, ro in by.items()
                       if out != ref.outlet]
            agree = {out for sp, by in speakers.items() if alike[sp] for out in by if out != ref.outlet}
            # reported when another speaker has more outlets than this one (each side of a
            # tie): a quote split three ways is not wrong where it has the most outlets
            rival = max((len([out for out in by if out != ref.outlet]) for sp, by in speakers.items()
                         if not alike[sp]), default=0)
            if not against or rival < 1 + len(agree):
                continue
            yield _finding(view, rule, ref, c, against)


# where a quotation's sentences part: after a full stop, a question or an exclamation mark
_SENTENCE_END = rx.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")


def _sentences(
    texts: dict[tuple[str, ...], list[tuple[DocRef, Claim, str]]],
) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """The words of each sentence of each quotation of more than one sentence (counted as its
    normalized words are, and cut from them, so no second normalization is needed)."""
    out: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for words, items in texts.items():
        parts = _SENTENCE_END.split(items[0][1].value or "")
        if len(parts) < 2:
            continue
        found: set[tuple[str, ...]] = set()
        at = 0
        for part in parts:
            k = len(part.translate(QUOTE_WORD_BREAKS).split())
            found.add(words[at : at + k])
            at += k
        if at == len(words):  # (the counts agree with the normalized words)
            out[words] = found
    return out


class _Speakers:
    """Whether two speakers (``quote_speaker``: a KB id, or ``name:`` and the name as written)
    may be one person: the same id, or names of which one is a fuller or shorter form of the
    other ("Biden" and "Joe Biden"; "J. Biden"), or that sound alike ("Chitl" and "Kimberly
    Cheatle"); a KB entity by its name or any alias.  Two
    different KB ids are two people, but an organization and the person who speaks for it are
    one voice (``one_voice``)."""

    def __init__(self, view: LedgerView) -> None:
        self.view = view
        self._forms: dict[str, list[set[str]]] = {}
        self._titles: dict[str, tuple[set[str], set[str]]] = {}

    def forms(self, who: str) -> list[set[str]]:
        if who not in self._forms:
            if who.startswith("name:"):
                found = [set(who[5:].split())]
            else:
                ent = self.view.entity(who)
                found = [_name_words(n) for n in ([ent.name, *ent.aliases] if ent else [])]
            self._forms[who] = [f for f in found if f]
        return self._forms[who]

    def alike(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if not (a.startswith("name:") or b.startswith("name:")):
            return False
        # (or a name carried over from another script that sounds like the other: "Chitl",
        # "Kimberly Cheatle")
        return same_person(a, b) or any(compatible(x, y) or sounds_within(x, y)
                                        for x in self.forms(a) for y in self.forms(b))

    def one_voice(self, a: str, b: str) -> bool:
        """An organization of the KB and a person with a title of it ("the Kremlin" and
        "Kremlin spokesman Dmitry Peskov"; "the Taiwan Affairs Office" and "a spokesman for the
        Taiwan Affairs Office, Chen Binhua"): a statement one outlet gives to the body and
        another to its voice.  The person's titles are those the KB has them hold and those the
        ledger gives them, with the body each names."""
        for org, person in ((a, b), (b, a)):
            if org.startswith("name:"):
                continue  # (an organization of the KB only: no look-up for a name it does not know)
            ent = self.view.entity(org)
            if ent is None or ent.kind != "org" or person == org:
                continue
            titles, bodies = self.titles(person)
            if org in bodies:
                return True
            names = {f" {_key(n)} " for n in (ent.name, *ent.aliases, ent.code or "") if _key(n)}
            if any(n in t for t in titles for n in names):
                return True
        return False

    def titles(self, who: str) -> tuple[set[str], set[str]]:
        """The keys of every title ``who`` is given (" kremlin spokesman ", between spaces), and
        the bodies the ledger's titles name (``org``)."""
        if who not in self._titles:
            ent = None if who.startswith("name:") else self.view.entity(who)
            found: list[str] = []
            if ent is not None:
                for term in ent.offices:
                    office = self.view.entity(term.office)
                    found += [office.name, *office.titles] if office else []
            claims = (self.view.claims("holds_office", subject_keys=[who]) if who.startswith("name:")
                      else self.view.claims("holds_office", [who]))
            found += [str(c.qualifiers.get("title") or c.object_surface or "") for _, c in claims]
            bodies = {str(c.qualifiers["org"]) for _, c in claims if c.qualifiers.get("org")}
            self._titles[who] = ({f" {k} " for t in found if (k := _key(t))}, bodies)
        return self._titles[who]


def _related(view: LedgerView, targets: Collection[str] | None, n: int) -> list[tuple[DocRef, Claim]]:
    """The quotes to compare: over the whole ledger all of them; for drafts, the quotes filed
    under a shingle of a draft quote (an index look-up), or, when ``min_words`` is below the
    shingle length, those that contain all the anchor words of one stretch of a draft quote
    (a substring query) when every stretch of every draft quote has anchors."""
    if targets is None:
        return view.claims("said")
    mine = view.claims("said", docs=targets)
    if n >= SHINGLE:
        keys = set().union(*(shingle_keys(quote_words(c)) for _, c in mine))
        return view.claims("said", quote_keys=keys) if keys else []
    groups: set[tuple[str, ...]] = set()
    for _, c in mine:
        found = _anchors(quote_words(c), (c.value or "").lower(), n)
        if found is None:
            return view.claims("said")
        groups |= found
    return view.claims("said", value_words=groups) if groups else []


def _anchors(words: list[str], raw: str, n: int) -> set[tuple[str, ...]] | None:
    """Groups of words of a quote such that every quote it can match contains, as written,
    all the words of at least one group.

    A quote matches another when they are equal, or when they share a stretch of ``n`` words
    (``_same_quote``): each stretch gives a group, the whole quote when it is shorter.  Only
    plain ASCII words written as they are in the quote qualify (folding could hide a spelling
    difference from a substring query), and of those the (up to) three most selective; None
    when some stretch has no such word."""
    def plain(w: str) -> bool:
        return w.isascii() and w.isalnum() and w in raw and w not in _RESPELT

    def rank(w: str) -> tuple[bool, int, str]:
        return (w not in _COMMON, len(w), w)

    stretches = [words] if len(words) < n else [words[i : i + n] for i in range(len(words) - n + 1)]
    out = set()
    for stretch in stretches:
        ok = sorted({w for w in stretch if plain(w)}, key=rank, reverse=True)[:3]
        if not ok:
            return None
        out.add(tuple(ok))  # most selective first: the query stops at the first word missing
    return out or None


def _key(text: str) -> str:
    return roman_fold(phrase_key(text, expand=False))


def _name(view: LedgerView, c: Claim) -> str:
    ent = view.entity(c.subject)
    return ent.name if ent else c.subject_surface


def _name_words(name: str) -> set[str]:
    """A name's words as the keys of names the KB does not know spell them (``unknown_key``)."""
    return set(_key(name).split())


def _people(view: LedgerView, others: list[tuple[DocRef, Claim]]) -> list[str]:
    """The other speakers' names, one per person: "Joe Biden" and "Biden" are one, named by
    the fuller form."""
    names: list[str] = []
    forms: list[set[str]] = []
    for _, o in others:
        name = _name(view, o)
        words = _name_words(name)
        k = next((i for i, f in enumerate(forms) if compatible(f, words)), None)
        if k is None:
            names.append(name)
            forms.append(words)
        elif len(words) > len(forms[k]):
            names[k], forms[k] = name, words
    return names


def _told(view: LedgerView, o: Claim) -> str:
    """Another outlet's attribution as evidence: its sentence, and who says it when the sentence
    does not name them (a quotation of several sentences is attributed after its last)."""
    sentence = o.sentence or o.excerpt
    who = o.subject_surface or _name(view, o)
    if who and who not in sentence:
        quote = " ".join((o.value or "").split())
        return f"“{quote if len(quote) <= 120 else quote[:117] + '...'}” ({who})"
    return sentence


def _finding(view: LedgerView, rule: Rule, ref: DocRef, c: Claim, others: list[tuple[DocRef, Claim]]) -> Finding:
    others = sorted(others, key=doc_order)
    picked, omitted = cited(others)
    quote = " ".join((c.value or "").split())
    short = quote if len(quote) <= 80 else quote[:77] + "..."
    return Finding.at(
        rule.id, rule.severity, ref, c,
        rule.format(quote=short, speaker=_name(view, c), others=", ".join(_people(view, others))),
        entities=[c.subject] if c.subject else [],
        evidence=[Evidence.at(r, o.span, _told(view, o)) for r, o in picked], evidence_omitted=omitted,
        identity=(c.subject or c.subject_surface, " ".join(quote_words(c))),
    )
