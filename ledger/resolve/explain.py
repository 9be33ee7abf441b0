"""Why a name resolves the way it does: the candidates, their scores, and the reason for the
choice (`ledger resolve`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ledger.model import Document, Mention, Section
from ledger.resolve.index import NameIndex
from ledger.resolve.tokens import phrase_key


@dataclass
class Candidate:
    entity: str
    name: str
    kind: str
    score: float
    method: str
    reason: str


@dataclass
class Explanation:
    name: str
    entity: str | None
    method: str
    score: float
    reason: str
    candidates: list[Candidate] = field(default_factory=list)
    line: int | None = None


def explain(name: str, index: NameIndex, day: date | None = None) -> Explanation:
    """Resolve ``name`` on its own, as if it opened a document dated ``day``."""
    from ledger.pipeline import analyze

    doc = Document(path="<name>", text=name, published=day, sections=[Section("body", 0, len(name))])
    mentions = analyze(doc, index).mentions
    whole = [m for m in mentions if m.kind != "office" and m.span.end - m.span.start >= len(name.strip()) - 4]
    best: Mention | None = whole[0] if whole else (mentions[-1] if mentions else None)
    out = Explanation(name, None, "unresolved", 0.0, "no KB entity has this name or a close form of it")
    if best is not None and (best.entity or best.method not in ("dropped",)):
        out = Explanation(name, best.entity, best.method, best.score, best.reason)
    out.candidates = candidates(name, index)
    if out.entity and not any(c.entity == out.entity for c in out.candidates):
        ent = index.entities[out.entity]
        out.candidates.insert(0, Candidate(ent.id, ent.name, ent.kind, out.score, out.method, out.reason))
    return out


def candidates(name: str, index: NameIndex, limit: int = 8) -> list[Candidate]:
    from ledger.resolve import translit

    found: dict[str, Candidate] = {}

    def add(c: Candidate) -> None:
        if c.entity not in found or found[c.entity].score < c.score:
            found[c.entity] = c

    key = phrase_key(name, expand=False)
    for e in index.lookup(key) + index.lookup(phrase_key(name)):
        ent = index.entities[e.entity]
        add(Candidate(ent.id, ent.name, ent.kind, 1.0, e.method, e.reason))
    toks = key.split()
    for tok in {toks[0], toks[-1]} if toks else set():
        for pid in index.by_surname(tok):
            ent = index.entities[pid]
            if ent.native:
                r = translit.match(name, ent.native)
                if r:
                    add(Candidate(pid, ent.name, ent.kind, r[0], "transliteration", r[1]))
            if len(toks) == 1:
                add(Candidate(pid, ent.name, ent.kind, 0.5, "surname",
                              "surname only: resolves in a document only to a person introduced there"))
    fuzzy = index.fuzzy()
    if fuzzy is not None:
        for h in fuzzy.candidates(name, limit=limit):
            ent = index.entities[h.entity]
            add(Candidate(h.entity, ent.name, ent.kind, h.score, "fuzzy", h.reason))
    return sorted(found.values(), key=lambda c: (-c.score, c.entity))[:limit]


def explain_in(name: str, doc_mentions: list[Mention]) -> list[Mention]:
    """The mentions of ``name`` in an analysed document (a short form matches its surname; a
    name asked for with its honorific, "Mr. Ly", matches the mention after that honorific)."""
    from ledger.extract.mentions import honorific_word

    key = phrase_key(name, expand=False)
    words = name.split()
    honorific = words[0] if len(words) >= 2 and honorific_word(words[0]) else ""
    rest = phrase_key(" ".join(words[1:]), expand=False) if honorific else None
    return [m for m in doc_mentions if (k := phrase_key(m.surface, expand=False)) == key
            or (k == rest and str(m.hint.get("honorific") or "").rstrip(".") == honorific.rstrip("."))]
