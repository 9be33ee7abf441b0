"""Reads for ``ledger history``: a document's revisions, each with the claims extracted from it.
Every ingest of changed content at the same path (or URL) adds a revision and keeps the old one
with its claims, so the ledger can tell what a correction changed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from ledger.errors import UsageError
from ledger.model import Claim
from ledger.store.dbapi import from_engine
from ledger.store.models import ClaimRow, DocumentRow, Revision, Source
from ledger.store.view import claims_of_revision

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@dataclass
class RevisionClaims:
    number: int
    recorded_at: datetime
    content_hash: str
    title: str | None
    published: date | None
    current: bool
    claims: list[Claim] = field(default_factory=list)


@dataclass
class DocumentHistory:
    key: str
    path: str
    source: str | None
    revisions: list[RevisionClaims]


def _candidates(given: str) -> list[str]:
    """Spellings under which a path given on the command line may be stored."""
    out = [given]
    norm = os.path.normpath(given).replace(os.sep, "/")
    out.append(norm)
    try:
        rel = os.path.relpath(os.path.abspath(given)).replace(os.sep, "/")
        if not rel.startswith(".."):
            out.append(rel)
    except ValueError:
        pass
    out.append(os.path.abspath(given).replace(os.sep, "/"))
    return list(dict.fromkeys(out))


def find_document(engine: Engine, given: str) -> tuple[int, str, str, str | None]:
    """(id, key, path, outlet) of the stored document ``given`` names: its path as ingested
    (relative to the folder ingest ran in), the same file spelled another way, or its URL."""
    d, s = DocumentRow.__table__, Source.__table__
    names = _candidates(given)
    q = (
        select(d.c.id, d.c.key, d.c.path, s.c.name)
        .select_from(d.outerjoin(s, s.c.id == d.c.source_id))
        .where(or_(d.c.path.in_(names), d.c.key.in_(names)))
    )
    with engine.connect() as conn:
        rows = conn.execute(q).all()
        if not rows:  # a path ending in the given one, if unique (ingested from another folder)
            tail = Path(given).as_posix().lstrip("./")
            like = conn.execute(
                select(d.c.id, d.c.key, d.c.path, s.c.name)
                .select_from(d.outerjoin(s, s.c.id == d.c.source_id))
                .where(d.c.path.endswith("/" + tail))
            ).all()
            rows = like if len(like) == 1 else []
            if len(like) > 1:
                paths = ", ".join(sorted(r[2] for r in like)[:5])
                raise UsageError(
                    f"{given!r} matches several documents in the ledger: {paths}",
                    hint="give the path as ingested",
                )
    if not rows:
        raise UsageError(
            f"no document {given!r} in the ledger",
            hint="give the path as `ledger ingest` stored it (relative to the folder it ran in)",
        )
    row = sorted(rows, key=lambda r: (r[2] != given, r[0]))[0]
    return int(row[0]), row[1], row[2], row[3]


def document_history(engine: Engine, given: str) -> DocumentHistory:
    """Every revision of a document, oldest first, with its claims in text order."""
    doc_id, key, path, outlet = find_document(engine, given)
    d, r, _c = DocumentRow.__table__, Revision.__table__, ClaimRow.__table__
    with engine.connect() as conn:
        current = conn.execute(select(d.c.current_revision).where(d.c.id == doc_id)).scalar()
        revs = conn.execute(
            select(r.c.id, r.c.number, r.c.recorded_at, r.c.content_hash, r.c.title, r.c.published)
            .where(r.c.document_id == doc_id)
            .order_by(r.c.number)
        ).all()
    out: list[RevisionClaims] = []
    raw = from_engine(engine)
    try:
        for rev_id, number, recorded_at, digest, title, published in revs:
            out.append(
                RevisionClaims(
                    number=number,
                    recorded_at=recorded_at,
                    content_hash=digest,
                    title=title,
                    published=published,
                    current=rev_id == current,
                    claims=claims_of_revision(raw, rev_id),
                )
            )
    finally:
        raw.close()
    return DocumentHistory(key, path, outlet, out)
