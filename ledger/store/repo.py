"""Writing to the ledger, and the few reads the pipeline needs.  SQLAlchemy Core on the
models' tables: each document is stored in its own transaction; concurrent writers neither
lose nor duplicate rows (upserts keyed on the natural keys)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, and_, func, select, update

from ledger.model import Analysis, Entity, Term
from ledger.store.models import (
    Alias,
    ClaimRow,
    DocumentRow,
    EntityRow,
    MentionRow,
    Meta,
    QuoteKeyRow,
    Revision,
    Source,
    TermRow,
)
from ledger.store.shingles import claim_keys

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _t(model: Any) -> Table:
    """A model's table, typed as the Table it is."""
    return cast(Table, model.__table__)


def _insert(conn: Connection, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def upsert(conn: Connection, table: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str],
           update_cols: Sequence[str] | None = None) -> None:
    if not rows:
        return
    stmt = _insert(conn, table)
    cols = [c for c in rows[0] if c not in keys] if update_cols is None else list(update_cols)
    if cols:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: getattr(stmt.excluded, c) for c in cols}
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, list(rows))


# -- meta -----------------------------------------------------------------------------------


def get_meta(engine: Engine, key: str) -> str | None:
    t = _t(Meta)
    with engine.connect() as conn:
        return conn.execute(select(t.c.value).where(t.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    upsert(conn, _t(Meta), [{"key": key, "value": value}], ["key"])


def _kb_changed(conn: Connection) -> None:
    """Every KB change gets a new generation: cached name indexes know they are stale."""
    import uuid

    set_meta(conn, "kb_generation", uuid.uuid4().hex)


# -- entities -----------------------------------------------------------------------------


def save_entities(engine: Engine, entities: Sequence[Entity]) -> None:
    """Load or update KB entities (same id = same entity).  KB aliases and terms of an
    entity are replaced by the file's; aliases taught by editors are kept."""
    t, a, tr = _t(EntityRow), _t(Alias), _t(TermRow)
    rows = [
        {
            "id": e.id, "kind": e.kind, "name": e.name, "native": e.native,
            "country": e.country, "single_holder": e.single_holder, "code": e.code,
            "part_of": e.part_of, "place": e.place, "start": e.start, "end": e.end,
            "titles": e.titles, "demonyms": e.demonyms, "origin": e.origin,
        }
        for e in entities
    ]
    ids = [e.id for e in entities]
    with engine.begin() as conn:
        upsert(conn, t, rows, ["id"])
        for chunk in _chunks(ids, 500):
            conn.execute(a.delete().where(and_(a.c.entity_id.in_(chunk), a.c.origin == "kb")))
            conn.execute(tr.delete().where(tr.c.person_id.in_(chunk)))
        alias_rows = [
            {"entity_id": e.id, "form": f, "origin": "kb"} for e in entities for f in dict.fromkeys(e.aliases)
        ]
        upsert(conn, a, alias_rows, ["entity_id", "form"], update_cols=["origin"])
        term_rows = [
            {"person_id": e.id, "office_id": x.office, "start": x.start, "end": x.end}
            for e in entities for x in e.offices
        ]
        if term_rows:
            conn.execute(tr.insert(), term_rows)
        _kb_changed(conn)


def _chunks(items: Sequence[Any], n: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def entities(engine: Engine, ids: Iterable[str] | None = None) -> list[Entity]:
    t, a, tr = _t(EntityRow), _t(Alias), _t(TermRow)
    with engine.connect() as conn:
        q = select(t)
        wanted = None if ids is None else list(set(ids))
        if wanted is not None:
            q = q.where(t.c.id.in_(wanted))
        rows = conn.execute(q).mappings().all()
        aliases: dict[str, list[str]] = {}
        aq = select(a.c.entity_id, a.c.form).where(a.c.origin == "kb").order_by(a.c.id)
        tq = select(tr.c.person_id, tr.c.office_id, tr.c.start, tr.c.end).order_by(tr.c.id)
        if wanted is not None:
            aq = aq.where(a.c.entity_id.in_(wanted))
            tq = tq.where(tr.c.person_id.in_(wanted))
        for eid, form in conn.execute(aq):
            aliases.setdefault(eid, []).append(form)
        terms: dict[str, list[Term]] = {}
        for pid, office, start, end in conn.execute(tq):
            terms.setdefault(pid, []).append(Term(office, start, end))
    return [
        Entity(
            id=r["id"], kind=r["kind"], name=r["name"], aliases=aliases.get(r["id"], []),
            native=r["native"], country=r["country"], offices=terms.get(r["id"], []),
            titles=list(r["titles"] or []), single_holder=r["single_holder"], code=r["code"],
            demonyms=list(r["demonyms"] or []), part_of=r["part_of"], place=r["place"],
            start=r["start"], end=r["end"], origin=r["origin"],
        )
        for r in rows
    ]


def editor_aliases(engine: Engine) -> list[tuple[str, str]]:
    a = _t(Alias)
    with engine.connect() as conn:
        return [
            (r[0], r[1])
            for r in conn.execute(select(a.c.entity_id, a.c.form).where(a.c.origin == "editor"))
        ]


def add_alias(engine: Engine, entity_id: str, form: str) -> None:
    with engine.begin() as conn:
        upsert(conn, _t(Alias), [{"entity_id": entity_id, "form": form, "origin": "editor"}],
               ["entity_id", "form"], update_cols=[])
        _kb_changed(conn)


def remove_alias(engine: Engine, entity_id: str, form: str, origin: str | None = None) -> int:
    a = _t(Alias)
    cond = and_(a.c.entity_id == entity_id, a.c.form == form)
    if origin is not None:
        cond = and_(cond, a.c.origin == origin)
    with engine.begin() as conn:
        res = conn.execute(a.delete().where(cond))
        _kb_changed(conn)
        return res.rowcount or 0


# -- documents ------------------------------------------------------------------------------


def _source_id(conn: Connection, name: str | None) -> int | None:
    if not name:
        return None
    s = _t(Source)
    upsert(conn, s, [{"name": name}], ["name"], update_cols=[])
    return conn.execute(select(s.c.id).where(s.c.name == name)).scalar_one()


def save_analysis(engine: Engine, an: Analysis, analyzer: str = "") -> str:
    """Store one analysed document in its own transaction.  Returns 'new', 'revised' (a new
    revision of a document already in the ledger), 'reanalysed' (same content, stored before by
    another version of the analysis: its mentions and claims are replaced) or 'unchanged'."""
    doc = an.doc
    d, r = _t(DocumentRow), _t(Revision)
    key = doc.url or doc.key or doc.path
    digest = doc.content_hash
    with engine.begin() as conn:
        source_id = _source_id(conn, doc.source)
        upsert(conn, d, [{"key": key, "path": doc.path, "url": doc.url, "source_id": source_id}],
               ["key"], update_cols=[])
        doc_id = conn.execute(select(d.c.id).where(d.c.key == key)).scalar_one()
        if conn.dialect.name == "postgresql":
            # serialize writers of one document so revision numbers stay unique
            conn.execute(select(d.c.id).where(d.c.id == doc_id).with_for_update())
        found = conn.execute(
            select(r.c.id, r.c.analyzer).where(and_(r.c.document_id == doc_id, r.c.content_hash == digest))
        ).first()
        if found is not None:
            existing, stored_by = found
            conn.execute(update(d).where(d.c.id == doc_id).values(current_revision=existing))
            if stored_by == analyzer:
                return "unchanged"
            conn.execute(_t(MentionRow).delete().where(_t(MentionRow).c.revision_id == existing))
            conn.execute(_t(ClaimRow).delete().where(_t(ClaimRow).c.revision_id == existing))
            conn.execute(_t(QuoteKeyRow).delete().where(_t(QuoteKeyRow).c.revision_id == existing))
            conn.execute(update(r).where(r.c.id == existing).values(analyzer=analyzer))
            _insert_rows(conn, an, existing, now())
            return "reanalysed"
        number = (conn.execute(select(func.max(r.c.number)).where(r.c.document_id == doc_id)).scalar() or 0) + 1
        stamp = now()
        ins = _insert(conn, r).values(
            document_id=doc_id, number=number, content_hash=digest, text=doc.text,
            title=doc.title, author=doc.author, lang=doc.lang, published=doc.published,
            date_method=doc.date_method, analyzer=analyzer,
            sections=[[s.kind, s.start, s.end] for s in doc.sections], origin=doc.origin,
            directives=doc.directives,
            recorded_at=stamp,
        ).on_conflict_do_nothing(index_elements=["document_id", "content_hash"]).returning(r.c.id)
        rev_id = conn.execute(ins).scalar()
        if rev_id is None:  # a concurrent writer stored the same content first
            return "unchanged"
        conn.execute(
            update(d).where(d.c.id == doc_id).values(current_revision=rev_id, source_id=source_id, path=doc.path)
        )
        _insert_rows(conn, an, rev_id, stamp)
        return "revised" if number > 1 else "new"


def _insert_rows(conn: Connection, an: Analysis, revision_id: int, stamp: datetime) -> None:
    if an.mentions:
        conn.execute(_t(MentionRow).insert(), [
            {
                "revision_id": revision_id, "start": m.span.start, "end": m.span.end,
                "line": m.span.line, "column": m.span.column, "end_line": m.span.end_line,
                "end_column": m.span.end_column, "surface": m.surface, "entity_id": m.entity,
                "kind": m.kind, "score": m.score, "method": m.method, "form": m.form,
                "reason": m.reason, "section": m.section,
            }
            for m in an.mentions
        ])
    if an.claims:
        conn.execute(_t(ClaimRow).insert(), [
            {
                "revision_id": revision_id, "subject_id": c.subject, "subject_key": c.subject_key,
                "object_key": c.object_key, "predicate": c.predicate,
                "object_id": c.object, "value": c.value, "valid_from": c.valid_from,
                "valid_to": c.valid_to, "recorded_at": stamp, "start": c.span.start,
                "end": c.span.end, "line": c.span.line, "column": c.span.column,
                "end_line": c.span.end_line, "end_column": c.span.end_column,
                "section": c.section, "sentence": c.sentence, "excerpt": c.excerpt,
                "subject_surface": c.subject_surface, "object_surface": c.object_surface,
                "qualifiers": _jsonable(c.qualifiers),
            }
            for c in an.claims
        ])
        keys = {(k, c.span.start) for c in an.claims for k in claim_keys(c)}
        if keys:
            conn.execute(_t(QuoteKeyRow).insert(),
                         [{"key": k, "revision_id": revision_id, "start": s} for k, s in sorted(keys)])


def _jsonable(q: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in q.items()}
