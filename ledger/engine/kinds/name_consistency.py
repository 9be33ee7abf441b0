"""Kind ``name_consistency``: one person written in different ways within one document.

Each mention of a person is compared with the first full form of that person in the document:
a fuller or shorter form of the same spelling ("Lloyd J. Austin", later "Austin") is fine; a
form sharing no spelling with it ("Li Shangfu", later "Li Thuong Phuc"; "Mr. Li", later
"Mr. Ly") is flagged, even when both forms are accepted aliases; another name sharing no word
spelled alike ("Prince Harry", "the Duke of Sussex") is no other spelling.  A name inside a
quotation is the speaker's, as written, and is not reported.

Flagged::

    Li Shangfu was appointed in March. ... Mr. Ly is accused of buying Su-35 fighters.

Clean::

    Lloyd J. Austin spoke on Monday. ... Austin said the talks would go on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView, Quoted
from ledger.model import DocRef, Evidence, Finding, Mention
from ledger.resolve.tokens import NAME_HONORIFICS, compatible, phrase_key


@dataclass
class Options:
    kinds: tuple[str, ...] = ("person",)
    sections: tuple[str, ...] = ("body", "opinion")

    def __post_init__(self) -> None:
        self.kinds, self.sections = tuple(self.kinds), tuple(self.sections)


def _tokens(m: Mention) -> set[str]:
    """The words of a mention's name, without an honorific it may hold ("Dr Tedros", a KB alias)."""
    words = set(phrase_key(m.surface, expand=False).split())
    return (words - NAME_HONORIFICS) or words




def _initials_of(short: str, full: str) -> bool:
    """An acronym of the name's words ("AMLO" for "Andrés Manuel López Obrador"), a suffix
    both share aside ("RFK Jr" for "Robert F. Kennedy Jr")."""
    s, f = short.split(), full.replace("-", " ").split()
    while len(s) > 1 and f and s[-1].rstrip(".").lower() == f[-1].rstrip(".").lower():
        s, f = s[:-1], f[:-1]
    if len(s) != 1:
        return False
    letters = s[0].replace(".", "")
    words = [w for w in f if w[:1].isalpha()]
    return (len(letters) >= 2 and letters.isupper() and len(letters) == len(words)
            and all(unicodedata.normalize("NFD", w[0])[0].upper() == ch for w, ch in zip(words, letters, strict=True)))


def _spelled_alike(a: set[str], b: set[str]) -> bool:
    """Whether two forms of a name share a word spelled alike: the same word, one the start of
    the other ("Joko", "Jokowi"), or close in letters ("Ly", "Li"; "Zelensky", "Zelenskiy").
    "Prince Harry" and "the Duke of Sussex", "Ahmed al-Sharaa" and "Abu Mohammed al-Jolani"
    are two names of one person, not two spellings."""
    from rapidfuzz.fuzz import ratio

    return any(x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
               or ratio(x, y) >= (50 if max(len(x), len(y)) <= 3 else 70)  # "Ly", "Li"; not "Ahmed", "Mohammed"
               for x in a for y in b if x not in _NOT_NAME_WORDS and y not in _NOT_NAME_WORDS)


# words of a name that spell nothing of it: particles and titles of nobility
_NOT_NAME_WORDS = frozenset({"al", "el", "bin", "ibn", "abu", "of", "the", "de", "van", "von", "mr", "mrs", "ms",
                             "dr", "sir", "lord", "lady", "dame", "prince", "princess", "king", "queen", "duke",
                             "duchess"})


def _parts_of_one_form(view: LedgerView, entity: str, a: set[str], b: set[str]) -> bool:
    """Whether two forms are both parts of one KB form of the entity (its name or an alias)."""
    ent = view.entity(entity)
    return ent is not None and any(a <= (full := set(phrase_key(n, expand=False).split())) and b <= full
                                   for n in (ent.name, *ent.aliases))


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    flagged: list[tuple[DocRef, Mention, Mention]] = []
    quoted = Quoted(view)
    for ref, mentions in view.mentions(targets, multi_surface=True, kinds=opts.kinds):
        first: dict[str, Mention] = {}
        reported: set[tuple[str, frozenset[str]]] = set()
        for m in mentions:
            if not m.entity or m.kind not in opts.kinds or m.section not in opts.sections:
                continue
            if m.method == "fuzzy" and m.form == "short":
                continue  # a slip in a surname alone: misspelled-name reports it, with the fix
            toks = _tokens(m)
            anchor = first.get(m.entity)
            if anchor is None:
                if m.method not in ("short", "fuzzy"):  # (a misspelling is misspelled-name's)
                    first[m.entity] = m
                continue
            if (compatible(toks, _tokens(anchor)) or _initials_of(m.surface, anchor.surface)
                    or _initials_of(anchor.surface, m.surface)):  # (a headline's "RFK Jr", then the name)
                continue
            if not _spelled_alike(toks, _tokens(anchor)):
                continue  # another name, not another spelling: a title ("the Duke of Sussex"), a nom de guerre
            if _parts_of_one_form(view, m.entity, toks, _tokens(anchor)):
                continue  # "Sheikh Hasina", later "Hasina Wajed": two shorter forms of "Sheikh Hasina Wajed"
            key = (m.entity, frozenset(toks))
            if key in reported:
                continue
            reported.add(key)  # (a form the text introduces is not reported again either)
            # ("Widodo, popularly known as Jokowi" (resolution marks it); a name in a quotation is
            # the speaker's, as written: "Congratulations to Mohammad Younus," Modi posted)
            if m.form != "introduced" and not quoted.inside(ref, m.span.start):
                flagged.append((ref, m, anchor))
    view.prefetch(m.entity for _, m, _ in flagged)
    for ref, m, anchor in flagged:
        ent = view.entity(m.entity)
        yield Finding(
            rule=rule.id, severity=rule.severity,
            message=rule.format(surface=m.surface, first=anchor.surface, line=anchor.span.line,
                                preferred=ent.name if ent else anchor.surface),
            path=ref.path, line=m.span.line, column=m.span.column, end_line=m.span.end_line,
            end_column=m.span.end_column, excerpt=m.surface, entities=[m.entity] if m.entity else [],
            evidence=[Evidence.at(ref, anchor.span, anchor.surface)],
            identity=(m.entity, m.surface, anchor.surface), source=ref.source,
        )
