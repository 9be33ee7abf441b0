"""The ledger as rules see it (``ledger.engine.view.LedgerView``), read with plain SQL over a
DB-API connection: the same code serves the full check (through SQLAlchemy's pool) and the
fast draft path (sqlite3 / psycopg directly, no SQLAlchemy import)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from ledger.model import Claim, DocRef, Document, Entity, Mention, Section, Span, Term
from ledger.store.dbapi import Connection, as_date, as_json, from_engine, placeholders

CURRENT = "JOIN documents d ON d.current_revision = {t}.revision_id"
CLAIM_COLS = (
    "c.revision_id, c.subject_id, c.predicate, c.object_id, c.value, c.valid_from, c.valid_to, "
    'c.start, c."end", c.line, c."column", c.end_line, c.end_column, c.section, c.sentence, '
    "c.excerpt, c.subject_surface, c.object_surface, c.qualifiers, c.subject_key, c.object_key"
)
MENTION_COLS = (
    'm.revision_id, m.start, m."end", m.line, m."column", m.end_line, m.end_column, m.surface, '
    "m.entity_id, m.kind, m.score, m.method, m.reason, m.section, m.form"
)


def has_ids(c: Claim, subjects: Collection[str] | None, subject_keys: Collection[str] | None,
            object_keys: Collection[str] | None) -> bool:
    """Whether a claim passes the id filters of a claims query (None: no filter), as the SQL
    ``IN`` conditions of ``SqlView.claims`` do (a missing key matches nothing)."""
    return ((subjects is None or c.subject in subjects)
            and (subject_keys is None or c.subject_key in subject_keys)
            and (object_keys is None or c.object_key in object_keys))


# a claims query with more keys than this (in its smallest id filter) reads the predicate whole
WHOLE_KEYS = 2000
# from this many keys, an index-only count decides whether they cover most of the predicate
WHOLE_COUNT_FROM = 100


class SqlView:
    def __init__(self, source: Any) -> None:
        """``source``: a SQLAlchemy engine, or a :class:`ledger.store.dbapi.Connection`."""
        self._source = source
        self._conn: Connection | None = source if isinstance(source, Connection) else None
        self._entities: dict[str, Entity | None] = {}
        self._holders: dict[str, list[str]] = {}  # office id -> the ids of the KB people with a term of it
        self._refs: dict[int, DocRef] | None = None  # every document's, once read
        self._some: dict[int, DocRef] = {}  # those read so far
        # the last predicate read whole (see ``claims``): (predicate, its claims)
        self._whole: tuple[str, list[tuple[DocRef, Claim]]] | None = None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            self._conn = from_engine(self._source)
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._conn is not self._source:
            self._conn.close()
            self._conn = None

    def _q(self, sql: str, params: Collection[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, list(params))

    _REF_SQL = (
        "SELECT r.id, d.key, d.path, s.name, r.published, r.content_hash, r.title "
        "FROM documents d JOIN revisions r ON r.id = d.current_revision "
        "LEFT JOIN sources s ON s.id = d.source_id"
    )

    def _doc_refs(self) -> dict[int, DocRef]:
        """Current revision id -> DocRef, for every document."""
        if self._refs is None:
            self._refs = {r[0]: _ref(r) for r in self._q(self._REF_SQL)}
            self._some = self._refs
        return self._refs

    def _refs_of(self, rows: list[tuple[Any, ...]]) -> dict[int, DocRef]:
        """DocRefs of the revisions (first column) of ``rows``: only those are read when they
        are few (a draft's neighbours), every document's when they are many."""
        missing = sorted({r[0] for r in rows} - self._some.keys())
        if len(missing) > 2000:
            return self._doc_refs()
        for k in range(0, len(missing), 500):
            chunk = missing[k : k + 500]
            for r in self._q(f"{self._REF_SQL} WHERE r.id IN ({placeholders(chunk)})", chunk):
                self._some[r[0]] = _ref(r)
        return self._some

    def documents(self, keys: Collection[str] | None = None) -> list[DocRef]:
        if keys is None:
            return sorted(self._doc_refs().values(), key=lambda d: d.path)
        wanted = sorted(set(keys))
        rows = [r for k in range(0, len(wanted), 500)
                for r in self._q(f"{self._REF_SQL} WHERE d.key IN ({placeholders(wanted[k : k + 500])})",
                                 wanted[k : k + 500])]
        return sorted((_ref(r) for r in rows), key=lambda d: d.path)

    def claims(
        self, predicate: str, subjects: Collection[str] | None = None, *,
        subject_keys: Collection[str] | None = None, object_keys: Collection[str] | None = None,
        docs: Collection[str] | None = None, value_words: Collection[tuple[str, ...]] | None = None,
        when: tuple[date, date] | None = None, quote_keys: Collection[int] | None = None,
    ) -> list[tuple[DocRef, Claim]]:
        if docs is None and value_words is None and when is None and quote_keys is None and self._most(
                predicate, subjects, subject_keys, object_keys):
            # over the whole ledger rules ask for most of a predicate's claims, and several rules
            # ask about the same predicate: read them all once, keep them, filter here
            subj, skeys, okeys = (None if w is None else set(w) for w in (subjects, subject_keys, object_keys))
            return [(r, c) for r, c in self._whole_predicate(predicate) if has_ids(c, subj, skeys, okeys)]
        if quote_keys is None:
            rows = self._claim_rows(predicate, subjects, subject_keys, object_keys, docs, value_words, when, None)
        else:
            # the claims filed under the keys, through the keys' primary key, a chunk at a time
            keys = sorted(set(quote_keys))
            seen: set[tuple[Any, ...]] = set()
            rows = []
            for k in range(0, len(keys), 5000):
                for r in self._claim_rows(predicate, subjects, subject_keys, object_keys, docs, value_words,
                                          when, keys[k : k + 5000]):
                    ident = (r[0], r[7], r[8], r[2], r[4], r[16])  # revision, span, predicate, value, speaker
                    if ident not in seen:
                        seen.add(ident)
                        rows.append(r)
        refs = self._refs_of(rows)
        return [(refs[r[0]], _claim(r)) for r in rows]

    def _most(self, predicate: str, subjects: Collection[str] | None, subject_keys: Collection[str] | None,
              object_keys: Collection[str] | None) -> bool:
        """Whether claims with these ids are best taken from the predicate's claims read whole:
        they are in memory already, or the ids are many, or (counted in an index) they are
        more than a third of the predicate's claims (a few people and offices fill the news)."""
        sizes = [len(set(w)) for w in (subjects, subject_keys, object_keys) if w is not None]
        if not sizes or min(sizes) == 0:
            return False
        if self._whole is not None and self._whole[0] == predicate:
            return True
        if min(sizes) > WHOLE_KEYS:
            return True
        if min(sizes) < WHOLE_COUNT_FROM or subjects is not None:
            return False  # a draft's few keys: an index look-up
        total = self._q("SELECT COUNT(*) FROM claims c WHERE c.predicate = ?", [predicate])[0][0]
        # every filter counts: a few people's claims of a few offices are not most of them
        found = sum(r[0] for r in self._claim_rows(predicate, None, subject_keys, object_keys, None, None, None,
                                                  None, select="COUNT(*)", current=False))
        return found * 3 > total

    def _whole_predicate(self, predicate: str) -> list[tuple[DocRef, Claim]]:
        if self._whole is None or self._whole[0] != predicate:
            self._whole = None  # one predicate's claims in memory at a time
            rows = self._q(f"SELECT {CLAIM_COLS} FROM claims c {CURRENT.format(t='c')} WHERE c.predicate = ?",
                           [predicate])
            refs = self._refs_of(rows)
            self._whole = (predicate, [(refs[r[0]], _claim(r)) for r in rows])
        return self._whole[1]

    def _claim_rows(
        self, predicate: str, subjects: Collection[str] | None, subject_keys: Collection[str] | None,
        object_keys: Collection[str] | None, docs: Collection[str] | None,
        value_words: Collection[tuple[str, ...]] | None, when: tuple[date, date] | None,
        quote_keys: list[int] | None, select: str = CLAIM_COLS, current: bool = True,
    ) -> list[tuple[Any, ...]]:
        """Rows of ``select`` (the claim columns; ``COUNT(*)``: a count per chunk of the
        largest id filter) of the claims that pass the filters, of current revisions only
        unless ``current`` is false (an index-only count)."""
        source = "claims c"
        params: list[Any] = []
        if quote_keys is not None:
            if not quote_keys:
                return []
            # CROSS JOIN: SQLite then always starts from the few keys' claims, whatever its
            # statistics say (PostgreSQL plans it as the inner join it is)
            source = (f"(SELECT DISTINCT revision_id AS rid, start AS st FROM quote_keys WHERE key IN "
                      f"({placeholders(quote_keys)})) q CROSS JOIN claims c")
            params += quote_keys
        join = CURRENT.format(t="c") if current else ""
        base = f"SELECT {select} FROM {source} {join} WHERE c.predicate = ?"
        if quote_keys is not None:
            base += " AND c.revision_id = q.rid AND c.start = q.st"
        params.append(predicate)
        if when is not None:
            base += " AND COALESCE(c.valid_to, c.valid_from) BETWEEN ? AND ?"
            params += [self.conn.date_param(when[0]), self.conn.date_param(when[1])]
        if value_words is not None:
            groups = sorted({tuple(dict.fromkeys(g)) for g in value_words if g})
            if not groups or not all(w.isascii() and w.isalnum() for g in groups for w in g):
                raise ValueError("value_words: groups of lower-case ASCII letters and digits")
            # SQLite's LIKE ignores ASCII case already
            like = "c.value LIKE ?" if self.conn.dialect == "sqlite" else "c.value ILIKE ?"
            base += " AND (" + " OR ".join("(" + " AND ".join(like for _ in g) + ")" for g in groups) + ")"
            params += [f"%{w.lower()}%" for g in groups for w in g]
        if docs is not None:
            if not docs:
                return []
            base += f" AND d.key IN ({placeholders(docs)})"
            params += list(docs)
        # the largest id filter is sent in chunks, the others whole
        filters = sorted(((col, sorted(set(wanted))) for col, wanted in (
            ("c.subject_id", subjects), ("c.subject_key", subject_keys), ("c.object_key", object_keys))
            if wanted is not None), key=lambda f: len(f[1]))
        if any(not values for _, values in filters):
            return []
        for col, values in filters[:-1]:
            base += f" AND {col} IN ({placeholders(values)})"
            params += values
        if filters:
            col, values = filters[-1]
            rows: list[tuple[Any, ...]] = []
            for k in range(0, len(values), 500):
                chunk = values[k : k + 500]
                rows += self._q(f"{base} AND {col} IN ({placeholders(chunk)})", params + chunk)
        else:
            rows = self._q(base, params)
        return rows

    def groups(self, predicate: str, by: tuple[str, ...], distinct: str) -> set[tuple[Any, ...]]:
        """Keys (values of the ``by`` columns) of the groups of current claims in which
        ``distinct`` takes more than one value: where rules look for conflicts (GROUP BY)."""
        cols = ", ".join(f"c.{_col(b)}" for b in by)
        rows = self._q(
            f"SELECT {cols} FROM claims c {CURRENT.format(t='c')} WHERE c.predicate = ? "
            f"GROUP BY {cols} HAVING COUNT(DISTINCT c.{_col(distinct)}) > 1",
            [predicate],
        )
        return {tuple(r) for r in rows}

    def unknown_subjects(self, predicate: str, surnames: Collection[str] | None = None) -> set[tuple[str, str | None]]:
        """Distinct (subject key, object key) of the current claims about people the KB does
        not know (``name:`` keys), of those whose name ends in one of ``surnames`` only when
        given: an index range, read to line up one person's spellings."""
        sql = (f"SELECT DISTINCT c.subject_key, c.object_key FROM claims c {CURRENT.format(t='c')} "
               "WHERE c.predicate = ? AND c.subject_key >= 'name:' AND c.subject_key < 'name;'")
        if surnames is None:
            return {(r[0], r[1]) for r in self._q(sql, [predicate])}
        wanted = sorted({w for w in surnames if w.isalnum()})  # a key's words: no LIKE wildcard
        if not wanted:
            return set()
        found: set[tuple[str, str | None]] = set()
        for k in range(0, len(wanted), 200):
            chunk = wanted[k : k + 200]
            cond = " OR ".join("c.subject_key = ? OR c.subject_key LIKE ?" for _ in chunk)
            params = [predicate, *(p for w in chunk for p in ("name:" + w, "% " + w))]
            found |= {(r[0], r[1]) for r in self._q(f"{sql} AND ({cond})", params)}
        return found

    def outside_terms(self) -> list[tuple[DocRef, Claim]]:
        """Office claims about people with KB terms that no term of that office covers (a title
        the KB does not know is covered by none), and "former" titles of an office the person
        was still in (``still_in``): anti-joins of claims and terms, so a full check reads only
        the suspects."""
        rows = self._q(
            f"SELECT {CLAIM_COLS} FROM claims c {CURRENT.format(t='c')} "
            "WHERE c.predicate = 'holds_office' AND (c.object_id IS NOT NULL OR c.object_key LIKE ?) "
            "AND EXISTS (SELECT 1 FROM terms t WHERE t.person_id = c.subject_id) "
            "AND (NOT EXISTS (SELECT 1 FROM terms t WHERE t.person_id = c.subject_id "
            "  AND t.office_id = c.object_id "
            "  AND (t.start IS NULL OR c.valid_to IS NULL OR t.start <= c.valid_to) "
            '  AND (t."end" IS NULL OR c.valid_from IS NULL OR c.valid_from <= t."end")) '
            # (a former title: the SQL finds terms in course then, ``still_in`` decides)
            "OR (c.valid_from IS NULL AND c.valid_to IS NOT NULL AND CAST(c.qualifiers AS TEXT) LIKE ? "
            "  AND EXISTS (SELECT 1 FROM terms t WHERE t.person_id = c.subject_id AND t.office_id = c.object_id "
            '    AND t.start < c.valid_to AND (t."end" IS NULL OR c.valid_to < t."end"))))',
            ["title:%", '%"former"%'],
        )
        refs = self._refs_of(rows)
        return [(refs[r[0]], _claim(r)) for r in rows]

    def mentions(
        self, keys: Collection[str] | None = None, *, methods: Collection[str] | None = None,
        multi_surface: bool = False, kinds: Collection[str] | None = None,
    ) -> list[tuple[DocRef, list[Mention]]]:
        """Each document's mentions in text order; only those found by ``methods``; with
        ``multi_surface``, only entities written in more than one way in their document."""
        sql = f"SELECT {MENTION_COLS} FROM mentions m {CURRENT.format(t='m')}"
        where, params = [], []
        if keys is not None:
            if not keys:
                return []
            where.append(f"d.key IN ({placeholders(keys)})")
            params += list(keys)
        if methods is not None:
            where.append(f"m.method IN ({placeholders(methods)})")
            params += list(methods)
        if kinds is not None:
            where.append(f"m.kind IN ({placeholders(kinds)})")
            params += list(kinds)
        if multi_surface:
            sql += (
                " JOIN (SELECT m2.revision_id AS rid, m2.entity_id AS eid FROM mentions m2 "
                "JOIN documents d2 ON d2.current_revision = m2.revision_id "
                "WHERE m2.entity_id IS NOT NULL GROUP BY m2.revision_id, m2.entity_id "
                "HAVING COUNT(DISTINCT m2.surface) > 1) g "
                "ON g.rid = m.revision_id AND g.eid = m.entity_id"
            )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY m.revision_id, m.start"
        grouped: dict[int, list[Mention]] = {}
        for r in self._q(sql, params):
            grouped.setdefault(r[0], []).append(Mention(
                span=Span(r[1], r[2], r[3], r[4], r[5], r[6]), surface=r[7], entity=r[8],
                kind=r[9], score=r[10], method=r[11], reason=r[12], section=r[13], form=r[14],
            ))
        refs = self._refs_of([(rid,) for rid in grouped])
        return [(refs[rid], ms) for rid, ms in grouped.items()]

    def containing(self, needles: Collection[str]) -> set[str]:
        """Keys of the documents whose current text contains any of ``needles``."""
        if not needles:
            return set()
        # in the text, or in the directives a reader kept apart from it (an HTML page's)
        find = "INSTR({}, ?) > 0" if self.conn.dialect == "sqlite" else "STRPOS({}, ?) > 0"
        cond = " OR ".join(f"{find.format('r.text')} OR (r.directives IS NOT NULL AND "
                           f"{find.format('CAST(r.directives AS TEXT)')})" for _ in needles)
        rows = self._q(
            f"SELECT d.key FROM documents d JOIN revisions r ON r.id = d.current_revision WHERE {cond}",
            [n for n in needles for _ in (0, 1)],
        )
        return {r[0] for r in rows}

    def document(self, key: str) -> Document | None:
        rows = self._q(
            "SELECT d.path, d.url, s.name, r.text, r.title, r.author, r.lang, r.published, "
            "r.date_method, r.sections, r.directives, r.origin "
            "FROM documents d JOIN revisions r ON r.id = d.current_revision "
            "LEFT JOIN sources s ON s.id = d.source_id WHERE d.key = ?",
            [key],
        )
        if not rows:
            return None
        r = rows[0]
        return Document(
            path=r[0], text=r[3], title=r[4], source=r[2], url=r[1], published=as_date(r[7]),
            author=r[5], lang=r[6], date_method=r[8],
            sections=[Section(k, a, b) for k, a, b in (as_json(r[9]) or [])],
            directives=as_json(r[10]), origin=as_json(r[11]),
        )

    def prefetch(self, entity_ids: Iterable[str | None]) -> None:
        wanted = sorted({e for e in entity_ids if e and e not in self._entities})
        for k in range(0, len(wanted), 500):
            chunk = wanted[k : k + 500]
            found = {e.id: e for e in load_entities(self.conn, chunk)}
            for eid in chunk:
                self._entities[eid] = found.get(eid)

    def holders(self, office_id: str) -> list[Entity]:
        """The KB people with a term of this office."""
        ids = self._holders.get(office_id)
        if ids is None:  # (asked once per office: a whole check asks for many claims of one)
            rows = self.conn.execute("SELECT DISTINCT person_id FROM terms WHERE office_id = ?", [office_id])
            ids = self._holders[office_id] = sorted(r[0] for r in rows)
            self.prefetch(ids)
        return [e for i in ids if (e := self.entity(i)) is not None]

    def entity(self, entity_id: str | None) -> Entity | None:
        if not entity_id:
            return None
        if entity_id not in self._entities:
            found = load_entities(self.conn, [entity_id])
            self._entities[entity_id] = found[0] if found else None
        return self._entities[entity_id]


def claims_of_revision(conn: Connection, revision_id: int) -> list[Claim]:
    rows = conn.execute(f"SELECT {CLAIM_COLS} FROM claims c WHERE c.revision_id = ? ORDER BY c.start, c.id",
                        [revision_id])
    return [_claim(r) for r in rows]


def load_entities(conn: Connection, ids: Collection[str] | None = None) -> list[Entity]:
    ent_sql = ('SELECT id, kind, name, native, country, single_holder, code, part_of, place, start, "end", '
               "titles, demonyms, origin FROM entities")
    alias_sql = "SELECT entity_id, form FROM aliases WHERE origin = 'kb'"
    term_sql = 'SELECT person_id, office_id, start, "end" FROM terms'
    params: list[Any] = []
    if ids is not None:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        marks = placeholders(wanted)
        ent_sql += f" WHERE id IN ({marks})"
        alias_sql += f" AND entity_id IN ({marks})"
        term_sql += f" WHERE person_id IN ({marks})"
        params = wanted
    aliases: dict[str, list[str]] = {}
    for eid, form in conn.execute(alias_sql + " ORDER BY id", params):
        aliases.setdefault(eid, []).append(form)
    terms: dict[str, list[Term]] = {}
    for pid, office, start, end in conn.execute(term_sql + " ORDER BY id", params):
        terms.setdefault(pid, []).append(Term(office, as_date(start), as_date(end)))
    return [
        Entity(
            id=r[0], kind=r[1], name=r[2], aliases=aliases.get(r[0], []), native=r[3], country=r[4],
            offices=terms.get(r[0], []), titles=list(as_json(r[11]) or []), single_holder=bool(r[5]),
            code=r[6], demonyms=list(as_json(r[12]) or []), part_of=r[7], place=r[8],
            start=as_date(r[9]), end=as_date(r[10]), origin=r[13],
        )
        for r in conn.execute(ent_sql, params)
    ]


_COLUMNS = {"subject_key", "object_key", "subject_id", "object_id", "value", "predicate"}


def _col(name: str) -> str:
    if name not in _COLUMNS:
        raise ValueError(f"not a claim column to group by: {name!r}")
    return name


def _ref(r: tuple[Any, ...]) -> DocRef:
    return DocRef(r[1], r[2], r[3], as_date(r[4]), r[5], r[6])


def _claim(r: tuple[Any, ...]) -> Claim:
    # positional arguments, in the order of Claim's fields: a full check builds a million
    q = as_json(r[18])
    return Claim(
        Span(r[7], r[8], r[9], r[10], r[11], r[12]), r[1], r[2], r[3], r[4], as_date(r[5]), as_date(r[6]),
        dict(q) if q else {}, r[13], r[14], r[15], r[16], r[17], r[19], r[20],
    )
