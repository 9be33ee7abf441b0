"""Kind ``mention_form``: mentions resolved in a given way, e.g. by a transliteration or alias
(``name-variant``), by a near miss (``misspelled-name``), or left without an antecedent
(``unintroduced-reference``).  Which ways, and of which entity kinds, are options.

Flagged (``methods: [transliteration]``)::

    In 2018, Mr. Li Thuong Phuc was among the Chinese officials sanctioned.

Clean::

    In 2018, Li Shangfu was among the Chinese officials sanctioned.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView, Quoted
from ledger.model import Finding, Fix


@dataclass
class Options:
    methods: tuple[str, ...] = ()  # mention methods to flag: alias, transliteration, fuzzy, unintroduced, ...
    kinds: tuple[str, ...] = ("person",)  # entity kinds to flag (unresolved mentions count as person)
    sections: tuple[str, ...] = ("body", "opinion")
    fix: bool = True  # suggest the house-preferred name
    quotations: bool = False  # flag names inside quotations too (the speaker's words, as written)

    def __post_init__(self) -> None:
        self.methods, self.kinds, self.sections = tuple(self.methods), tuple(self.kinds), tuple(self.sections)
        if not self.methods:
            raise ValueError("'methods' must name at least one mention method")


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    found = view.mentions(targets, methods=opts.methods, kinds=opts.kinds)
    view.prefetch(m.entity for _, ms in found for m in ms)
    quoted = Quoted(view)
    for ref, mentions in found:
        for m in mentions:
            if m.method not in opts.methods or m.kind not in opts.kinds or m.section not in opts.sections:
                continue
            ent = view.entity(m.entity)
            preferred = ent.name if ent else ""
            if m.method == "alias" and ent is not None and _part_of(m.surface, preferred):
                continue  # an alias that is the name shortened ("Netanyahu", "Dr Tedros"): no variant
            if m.form == "introduced":
                continue  # a name the text gives as the person's ("al-Julani, whose real name is ...")
            if not opts.quotations and quoted.inside(ref, m.span.start):
                continue  # the speaker's words: a quotation is not rewritten
            # someone the KB does not know is named in the reason ("a near miss of Sikorski, ...")
            message = rule.format(surface=m.surface, preferred=preferred or "an earlier name", reason=m.reason,
                                  score=f"{m.score:.2f}")
            fix = None
            if opts.fix and ent is not None and m.surface != preferred:
                if m.form == "short":  # a surname alone: the word of the name it misses
                    replacement = _closest_word(m.surface, [w for n in (ent.name, *ent.aliases) for w in n.split()])
                else:
                    replacement = preferred
                fix = Fix(replacement=replacement, description=f"the house-preferred form of {preferred}")
            evidence = []
            if ent is not None and ent.origin:
                evidence.append(ent.evidence(f"{ent.id}: {ent.name}"))
            yield Finding(
                rule=rule.id, severity=rule.severity, message=message, path=ref.path,
                line=m.span.line, column=m.span.column, end_line=m.span.end_line,
                end_column=m.span.end_column, excerpt=m.surface,
                entities=[m.entity] if m.entity else [], evidence=evidence, fix=fix,
                identity=(m.entity or "", m.surface, m.method), source=ref.source,
            )


def _part_of(surface: str, name: str) -> bool:
    """Whether ``surface`` is ``name`` shortened: its words as written (hyphens, particles and
    accents kept), but for an honorific, are words of the name in the same order ("Lula da
    Silva", "Dr Tedros"; not "Akufo Addo" for "Nana Akufo-Addo", nor "Ishiba Shigeru")."""
    import unicodedata

    from ledger.resolve.tokens import NAME_HONORIFICS

    def words(text: str) -> list[str]:
        return [w.rstrip(".,").casefold() for w in unicodedata.normalize("NFC", text).split()]

    mine = words(surface)
    while mine and mine[0] in NAME_HONORIFICS:  # (leading: "M." inside a name is an initial)
        mine = mine[1:]
    theirs = iter(words(name))
    return bool(mine) and all(w in theirs for w in mine)


def _closest_word(surface: str, words: list[str]) -> str:
    from rapidfuzz.distance import OSA

    return min(words, key=lambda w: (OSA.distance(w.lower(), surface.lower()), -len(w))) if words else surface
