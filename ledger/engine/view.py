"""The read-only view of the ledger that rules see.  Rules never touch the database: a rule's
test builds a :class:`MemoryView` from analysed documents; the CLI hands them a SQL view
(``ledger.store.view.SqlView``), or an :class:`OverlayView` of drafts over it.

Rules work set-based: over the whole ledger they ask for the groups in which a value differs
(``groups``, a GROUP BY in SQL) and read only those claims; for drafts they read the drafts'
claims and then only the claims about the same subjects or objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any, Protocol

from ledger.model import Analysis, Claim, DocRef, Document, Entity, Mention, still_in
from ledger.resolve.keys import surname_of
from ledger.store.shingles import claim_keys
from ledger.store.view import has_ids


class LedgerView(Protocol):
    def claims(
        self, predicate: str, subjects: Collection[str] | None = None, *,
        subject_keys: Collection[str] | None = None, object_keys: Collection[str] | None = None,
        docs: Collection[str] | None = None, value_words: Collection[tuple[str, ...]] | None = None,
        when: tuple[date, date] | None = None, quote_keys: Collection[int] | None = None,
    ) -> list[tuple[DocRef, Claim]]:
        """Claims of the current revision of every document (or of ``docs``), optionally
        only those with the given subject ids, subject keys or object keys, or whose value
        contains all the words of one of the ``value_words`` groups (lower-case ASCII words;
        case-insensitive substrings), or dated (``valid_to``, else ``valid_from``) within
        ``when``, or filed under one of ``quote_keys`` (``ledger.store.shingles``)."""

    def groups(self, predicate: str, by: tuple[str, ...], distinct: str) -> set[tuple[Any, ...]]:
        """Values of the ``by`` claim fields of the groups in which ``distinct`` varies."""

    def mentions(
        self, keys: Collection[str] | None = None, *, methods: Collection[str] | None = None,
        multi_surface: bool = False, kinds: Collection[str] | None = None,
    ) -> list[tuple[DocRef, list[Mention]]]:
        """Each document's mentions, in text order (filters as in ``SqlView.mentions``; ``kinds``:
        of these entity kinds only)."""

    def outside_terms(self) -> list[tuple[DocRef, Claim]]:
        """Office claims about people with KB terms that no term of that office covers (a
        title the KB does not know is covered by none)."""

    def unknown_subjects(self, predicate: str, surnames: Collection[str] | None = None) -> set[tuple[str, str | None]]:
        """Distinct (subject key, object key) of claims about people the KB does not know
        (``name:`` keys); only of names ending in one of ``surnames`` when given."""

    def entity(self, entity_id: str | None) -> Entity | None: ...

    def holders(self, office_id: str) -> list[Entity]:
        """The KB people with a term of this office."""

    def prefetch(self, entity_ids: Iterable[str | None]) -> None:
        """Read these entities in one go (``entity`` then answers from memory)."""

    def documents(self, keys: Collection[str] | None = None) -> list[DocRef]:
        """The documents (of ``keys`` only, when given), by path."""

    def document(self, key: str) -> Document | None:
        """The full text and sections of a document's current revision."""

    def containing(self, needles: Collection[str]) -> set[str]:
        """Keys of the documents whose text contains any of ``needles``."""


def doc_order(item: tuple[Any, ...]) -> tuple[str, int]:
    """Sort key of ``(DocRef, Claim, ...)`` items in document order (path, then position):
    rules pick "each outlet's first claim" and list values in this order, never in the order
    a database returns rows (which a query plan may change)."""
    return (item[0].path, item[1].span.start)


def _keep(c: Claim, subjects: Collection[str] | None, subject_keys: Collection[str] | None,
          object_keys: Collection[str] | None, value_words: Collection[tuple[str, ...]] | None = None,
          when: tuple[date, date] | None = None, quote_keys: Collection[int] | None = None) -> bool:
    return (has_ids(c, subjects, subject_keys, object_keys)
            and (value_words is None
                 or any(all(w in (c.value or "").lower() for w in g) for g in value_words))
            and (when is None or ((d := c.valid_to or c.valid_from) is not None and when[0] <= d <= when[1]))
            and (quote_keys is None or not claim_keys(c).isdisjoint(quote_keys)))


class Quoted:
    """Where each document quotes someone (its quote claims' spans), read for the documents
    asked about only: a name inside a quotation is the speaker's words, not the writer's."""

    def __init__(self, view: LedgerView) -> None:
        self.view = view
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def inside(self, ref: DocRef, pos: int) -> bool:
        spans = self._spans.get(ref.key)
        if spans is None:
            spans = self._spans[ref.key] = sorted((c.span.start, c.span.end)
                                                  for _, c in self.view.claims("said", docs=[ref.key]))
        return any(a <= pos < b for a, b in spans)


def groups_of(claims: Iterable[tuple[DocRef, Claim]], by: tuple[str, ...], distinct: str) -> set[tuple[Any, ...]]:
    seen: dict[tuple[Any, ...], set[Any]] = defaultdict(set)
    for _, c in claims:
        seen[tuple(getattr(c, _FIELD.get(b, b)) for b in by)].add(getattr(c, _FIELD.get(distinct, distinct)))
    return {k for k, v in seen.items() if len(v) > 1}


_FIELD = {"subject_id": "subject", "object_id": "object"}


def outside_terms_of(view: LedgerView, claims: Iterable[tuple[DocRef, Claim]]) -> list[tuple[DocRef, Claim]]:
    out = []
    for r, c in claims:
        person = view.entity(c.subject)
        if person is None or not person.offices or not (c.object or (c.object_key or "").startswith("title:")):
            continue
        if not any(t.office == c.object and t.overlaps(c.valid_from, c.valid_to) for t in person.offices) or still_in(
                person.offices, c):
            out.append((r, c))
    return out


class _GroupsInPython:
    """``groups`` and ``outside_terms`` computed from ``claims``, for views without SQL."""

    def claims(self, predicate: str) -> list[tuple[DocRef, Claim]]:
        raise NotImplementedError

    def entity(self, entity_id: str | None) -> Entity | None:
        raise NotImplementedError

    def groups(self, predicate: str, by: tuple[str, ...], distinct: str) -> set[tuple[Any, ...]]:
        return groups_of(self.claims(predicate), by, distinct)

    def outside_terms(self) -> list[tuple[DocRef, Claim]]:
        return outside_terms_of(self, self.claims("holds_office"))  # type: ignore[arg-type]

    def unknown_subjects(self, predicate: str, surnames: Collection[str] | None = None) -> set[tuple[str, str | None]]:
        wanted = None if surnames is None else set(surnames)
        return {(k, c.object_key) for _, c in self.claims(predicate) if (k := c.subject_key)
                and k.startswith("name:") and (wanted is None or surname_of(k) in wanted)}


class MemoryView(_GroupsInPython):
    """Analysed documents and KB entities held in memory."""

    def __init__(self, analyses: Iterable[Analysis], entities: Iterable[Entity] = ()) -> None:
        self.analyses = list(analyses)
        self._entities = {e.id: e for e in entities}

    def claims(
        self, predicate: str, subjects: Collection[str] | None = None, *,
        subject_keys: Collection[str] | None = None, object_keys: Collection[str] | None = None,
        docs: Collection[str] | None = None, value_words: Collection[tuple[str, ...]] | None = None,
        when: tuple[date, date] | None = None, quote_keys: Collection[int] | None = None,
    ) -> list[tuple[DocRef, Claim]]:
        out = []
        for a in self.analyses:
            ref = a.ref
            if docs is not None and ref.key not in docs:
                continue
            for c in a.claims:
                if c.predicate == predicate and _keep(c, subjects, subject_keys, object_keys, value_words, when,
                                                      quote_keys):
                    out.append((ref, c))
        return out

    def mentions(
        self, keys: Collection[str] | None = None, *, methods: Collection[str] | None = None,
        multi_surface: bool = False, kinds: Collection[str] | None = None,
    ) -> list[tuple[DocRef, list[Mention]]]:
        out = []
        for a in self.analyses:
            if keys is not None and a.ref.key not in keys:
                continue
            ms = [m for m in a.mentions if (methods is None or m.method in methods)
                  and (kinds is None or m.kind in kinds)]
            if multi_surface:
                surfaces: dict[str, set[str]] = defaultdict(set)
                for m in ms:
                    if m.entity:
                        surfaces[m.entity].add(m.surface)
                ms = [m for m in ms if m.entity and len(surfaces[m.entity]) > 1]
            out.append((a.ref, ms))
        return out

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._entities.get(entity_id) if entity_id else None

    def holders(self, office_id: str) -> list[Entity]:
        return [e for e in self._entities.values()
                if e.kind == "person" and any(t.office == office_id for t in e.offices)]

    def prefetch(self, entity_ids: Iterable[str | None]) -> None:
        pass

    def documents(self, keys: Collection[str] | None = None) -> list[DocRef]:
        return [a.ref for a in self.analyses if keys is None or a.ref.key in keys]

    def document(self, key: str) -> Document | None:
        return next((a.doc for a in self.analyses if a.ref.key == key), None)

    def containing(self, needles: Collection[str]) -> set[str]:
        return {a.ref.key for a in self.analyses
                if any(n in a.doc.text or n in repr(a.doc.directives or "") for n in needles)}


class OverlayView(_GroupsInPython):
    """Drafts checked against a ledger: the drafts replace stored documents with their key."""

    def __init__(self, base: LedgerView, drafts: list[Analysis]) -> None:
        self.base = base
        self.drafts = MemoryView(drafts)
        self.keys = {a.ref.key for a in drafts}

    def claims(
        self, predicate: str, subjects: Collection[str] | None = None, *,
        subject_keys: Collection[str] | None = None, object_keys: Collection[str] | None = None,
        docs: Collection[str] | None = None, value_words: Collection[tuple[str, ...]] | None = None,
        when: tuple[date, date] | None = None, quote_keys: Collection[int] | None = None,
    ) -> list[tuple[DocRef, Claim]]:
        mine = self.drafts.claims(predicate, subjects, subject_keys=subject_keys, object_keys=object_keys,
                                  docs=docs, value_words=value_words, when=when, quote_keys=quote_keys)
        if docs is not None and set(docs) <= self.keys:
            return mine
        stored = self.base.claims(predicate, subjects, subject_keys=subject_keys, object_keys=object_keys,
                                  docs=docs, value_words=value_words, when=when, quote_keys=quote_keys)
        return [(r, c) for r, c in stored if r.key not in self.keys] + mine

    def mentions(
        self, keys: Collection[str] | None = None, *, methods: Collection[str] | None = None,
        multi_surface: bool = False, kinds: Collection[str] | None = None,
    ) -> list[tuple[DocRef, list[Mention]]]:
        mine = self.drafts.mentions(keys, methods=methods, multi_surface=multi_surface, kinds=kinds)
        if keys is not None and set(keys) <= self.keys:
            return mine
        stored = self.base.mentions(keys, methods=methods, multi_surface=multi_surface, kinds=kinds)
        return [(r, m) for r, m in stored if r.key not in self.keys] + mine

    def unknown_subjects(self, predicate: str, surnames: Collection[str] | None = None) -> set[tuple[str, str | None]]:
        # a stored copy of a draft may add a pair: it only widens which claims are read
        return self.base.unknown_subjects(predicate, surnames) | self.drafts.unknown_subjects(predicate, surnames)

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.base.entity(entity_id)

    def holders(self, office_id: str) -> list[Entity]:
        return self.base.holders(office_id)

    def prefetch(self, entity_ids: Iterable[str | None]) -> None:
        self.base.prefetch(entity_ids)

    def documents(self, keys: Collection[str] | None = None) -> list[DocRef]:
        if keys is not None and set(keys) <= self.keys:
            return self.drafts.documents(keys)
        stored = self.base.documents(keys)
        return [r for r in stored if r.key not in self.keys] + self.drafts.documents(keys)

    def document(self, key: str) -> Document | None:
        return self.drafts.document(key) if key in self.keys else self.base.document(key)

    def containing(self, needles: Collection[str]) -> set[str]:
        stored = {k for k in self.base.containing(needles) if k not in self.keys}
        return stored | self.drafts.containing(needles)
