"""SQLAlchemy models of the ledger.  ORM objects stay inside ``ledger.store``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Source(Base):
    """An outlet."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class DocumentRow(Base):
    """A document identified by its URL, or its path when it has none."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(1000), unique=True)
    path: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(1000))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    current_revision: Mapped[int | None] = mapped_column(Integer, index=True)


class Revision(Base):
    """One version of a document's content.  A changed file adds a revision; old ones stay."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "content_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # which extraction produced the stored mentions and claims (re-analysed when it changes)
    analyzer: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(1000))
    author: Mapped[str | None] = mapped_column(String(500))
    lang: Mapped[str | None] = mapped_column(String(20))
    published: Mapped[date | None] = mapped_column(Date)
    date_method: Mapped[str | None] = mapped_column(String(200))
    sections: Mapped[list[Any]] = mapped_column(JSON)
    # an HTML page's: where ``text`` stands in the page (``ledger.model.Document.origin``), and
    # the ledger-ignore comments found outside ``text``, at their lines in the file
    origin: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    directives: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(500))
    native: Mapped[str | None] = mapped_column(String(500))
    country: Mapped[str | None] = mapped_column(String(2))
    single_holder: Mapped[bool] = mapped_column(Boolean, default=True)
    code: Mapped[str | None] = mapped_column(String(10))
    part_of: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    titles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    demonyms: Mapped[list[Any]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(1000), default="")


class Alias(Base):
    """A form of an entity's name: from the KB, or taught by an editor (origin 'editor')."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "form"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    form: Mapped[str] = mapped_column(String(500))
    origin: Mapped[str] = mapped_column(String(20), default="kb")


class TermRow(Base):
    __tablename__ = "terms"
    __table_args__ = (Index(None, "office_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    office_id: Mapped[str] = mapped_column(String(200))
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class MentionRow(Base):
    __tablename__ = "mentions"
    # the name rules group a revision's mentions by entity and count their surfaces
    __table_args__ = (Index(None, "revision_id", "entity_id", "surface"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("revisions.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    column: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)
    end_column: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String(500))
    entity_id: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(50))
    form: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str] = mapped_column(String(20))


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (
        Index(None, "subject_id", "predicate", "object_id"),
        Index(None, "predicate", "object_id", "valid_from"),
        Index(None, "subject_id", "predicate", "value"),
        # a draft's office claims: the dates in the index filter before the rows are read
        Index(None, "predicate", "subject_key", "object_key", "valid_to", "valid_from"),
        Index(None, "predicate", "object_key", "subject_key"),
        Index(None, "revision_id", "start"),  # a claim by its place (quote_keys name claims so)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    # what rules group by: the entity id, or the name/title as written when unresolved
    subject_key: Mapped[str | None] = mapped_column(String(300))
    object_key: Mapped[str | None] = mapped_column(String(300))
    subject_id: Mapped[str | None] = mapped_column(String(200))
    predicate: Mapped[str] = mapped_column(String(100))
    object_id: Mapped[str | None] = mapped_column(String(200))
    value: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    column: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)
    end_column: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(20))
    sentence: Mapped[str] = mapped_column(Text, default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    subject_surface: Mapped[str] = mapped_column(String(500), default="")
    object_surface: Mapped[str] = mapped_column(String(500), default="")
    qualifiers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QuoteKeyRow(Base):
    """A quote claim filed under one of its shingles (``ledger.store.shingles``): the index
    through which ``quote-attribution`` finds the quotes that share words with a draft's."""

    __tablename__ = "quote_keys"
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[int] = mapped_column(Integer, primary_key=True)  # the claim's span start


class Meta(Base):
    """Small facts about the ledger itself, e.g. ``kb_generation`` (bumped by every KB change,
    so cached name indexes know when they are stale) and ``kb_digest`` (of the KB files last
    loaded, so an unchanged KB folder is not loaded again)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    command: Mapped[str] = mapped_column(String(50))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[str] = mapped_column(String(50), default="")


class FindingRow(Base):
    """The latest state of a finding, keyed by its fingerprint."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    rule: Mapped[str] = mapped_column(String(100), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(String(1000))
    line: Mapped[int] = mapped_column(Integer)
    column: Mapped[int] = mapped_column(Integer)
    end_line: Mapped[int] = mapped_column(Integer)
    end_column: Mapped[int] = mapped_column(Integer)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    entities: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fix: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="open")
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)


# -- review decisions (issue 6) -------------------------------------------------------------


class Decision(Base):
    """An editor's decision on a finding (issue 6).  Append-only: a decision is never updated or
    deleted (the migration adds triggers that refuse it); a finding's review status is the action
    of its latest decision."""

    __tablename__ = "decisions"
    __table_args__ = (CheckConstraint("action IN ('accept', 'dismiss', 'reopen')", name="action"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)
