"""Findings and decisions in the ledger.

``ledger check`` over the whole ledger records each run in ``runs`` and its findings in
``findings``, keyed by fingerprint: first and last seen, the run that last produced it, and its
status.  A finding a later run of the same rule no longer produces is marked ``resolved``, never
deleted.  Editors' decisions go to the append-only ``decisions`` log; a finding's review status
is the action of its latest decision.  SQLAlchemy Core on the store's tables; callers get plain
records (:class:`ledger.model.Finding`, :class:`StoredFinding`, :class:`DecisionRecord`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, or_, select, update

from ledger import rx
from ledger.errors import UsageError
from ledger.model import Evidence, Finding, Fix
from ledger.review import ACTIONS, STATUSES
from ledger.store.models import Decision, DocumentRow, FindingRow, Revision, Run, Source
from ledger.store.repo import now, upsert

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

HEX = rx.compile(r"^[0-9a-f]+$")
FULL_LENGTH = 16  # length of Finding.fingerprint
MIN_PREFIX = 4  # as git: shorter prefixes are too easy to mistype into another finding


@dataclass
class StoredFinding:
    """A finding as the ledger remembers it."""

    finding: Finding
    first_seen: datetime
    last_seen: datetime
    run_id: int | None


@dataclass(frozen=True)
class DecisionRecord:
    fingerprint: str
    action: str
    note: str
    by: str
    at: datetime


@dataclass
class DocInfo:
    """What the report shows of a stored document: its metadata and the lines it points at."""

    path: str
    title: str | None = None
    source: str | None = None
    published: date | None = None
    lines: dict[int, str] = field(default_factory=dict)


def _chunks(items: Sequence[Any], n: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


# -- decisions --------------------------------------------------------------------------------


def _latest_actions(conn: Connection, fingerprints: Collection[str] | None) -> dict[str, str]:
    d = Decision.__table__
    latest = select(func.max(d.c.id)).group_by(d.c.fingerprint)
    out: dict[str, str] = {}
    if fingerprints is None:
        q = select(d.c.fingerprint, d.c.action).where(d.c.id.in_(latest))
        out.update({fp: action for fp, action in conn.execute(q)})
        return out
    for chunk in _chunks(sorted(set(fingerprints))):
        q = select(d.c.fingerprint, d.c.action).where(
            d.c.id.in_(latest.where(d.c.fingerprint.in_(chunk)))
        )
        out.update({fp: action for fp, action in conn.execute(q)})
    return out


def review_statuses(engine: Engine, fingerprints: Collection[str]) -> dict[str, str]:
    """fingerprint -> ``open``, ``accepted`` or ``dismissed`` from the latest decisions."""
    with engine.connect() as conn:
        latest = _latest_actions(conn, fingerprints)
    return {fp: ACTIONS.get(latest.get(fp, ""), "open") for fp in fingerprints}


def apply_statuses(engine: Engine, findings: Iterable[Finding]) -> None:
    """Set each finding's status from the decisions (for drafts, which are not recorded)."""
    items = list(findings)
    statuses = review_statuses(engine, [f.fingerprint for f in items])
    for f in items:
        f.status = statuses[f.fingerprint]


def add_decision(
    engine: Engine, fingerprint: str, action: str, note: str = "", by: str = ""
) -> DecisionRecord:
    """Append a decision and bring the finding's status up to date (a resolved finding stays
    resolved; the decision applies when it comes back)."""
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r}; expected {', '.join(ACTIONS)}")
    at = now()
    with engine.begin() as conn:
        conn.execute(
            insert(Decision).values(fingerprint=fingerprint, action=action, note=note, by=by, at=at)
        )
        conn.execute(
            update(FindingRow)
            .where(FindingRow.fingerprint == fingerprint, FindingRow.status != "resolved")
            .values(status=ACTIONS[action])
        )
    return DecisionRecord(fingerprint, action, note, by, at)


def decisions(engine: Engine, fingerprint: str) -> list[DecisionRecord]:
    """A finding's decisions, oldest first."""
    d = Decision.__table__
    q = (
        select(d.c.fingerprint, d.c.action, d.c.note, d.c.by, d.c.at)
        .where(d.c.fingerprint == fingerprint)
        .order_by(d.c.id)
    )
    with engine.connect() as conn:
        return [DecisionRecord(*row) for row in conn.execute(q)]


# -- findings ---------------------------------------------------------------------------------


def record_check(
    engine: Engine,
    findings: Sequence[Finding],
    rule_ids: Collection[str],
    documents: int,
    started_at: datetime | None = None,
) -> int:
    """Record a whole-ledger check: a row in ``runs``; each finding inserted or brought up to
    date (``first_seen`` kept); findings of ``rule_ids`` it no longer produces marked
    ``resolved``.  Sets each finding's ``status`` from the decisions.  Returns the run id."""
    from ledger import __version__

    stamp = now()
    t = FindingRow.__table__
    with engine.begin() as conn:
        run_id = conn.execute(
            insert(Run)
            .values(
                command="check",
                started_at=started_at or stamp,
                finished_at=stamp,
                documents=documents,
                findings=len(findings),
                version=__version__,
            )
            .returning(Run.id)
        ).scalar_one()
        latest = _latest_actions(conn, [f.fingerprint for f in findings])
        rows = []
        for f in findings:
            f.status = ACTIONS.get(latest.get(f.fingerprint, ""), "open")
            rows.append(
                {
                    "fingerprint": f.fingerprint,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "path": f.path,
                    "line": f.line,
                    "column": f.column,
                    "end_line": f.end_line,
                    "end_column": f.end_column,
                    "excerpt": f.excerpt,
                    "entities": list(f.entities),
                    "evidence": [e.to_dict() for e in f.evidence]
                    + ([{"omitted": f.evidence_omitted}] if f.evidence_omitted else []),
                    "fix": f.fix.to_dict() if f.fix else None,
                    "status": f.status,
                    "run_id": run_id,
                    "first_seen": stamp,
                    "last_seen": stamp,
                }
            )
        keep = [c for c in (rows[0] if rows else {}) if c not in ("fingerprint", "first_seen")]
        for chunk in _chunks(rows):
            upsert(conn, t, chunk, ["fingerprint"], update_cols=keep)
        if rule_ids:
            conn.execute(
                update(FindingRow)
                .where(
                    FindingRow.rule.in_(sorted(rule_ids)),
                    or_(FindingRow.run_id.is_(None), FindingRow.run_id != run_id),
                    FindingRow.status != "resolved",
                )
                .values(status="resolved")
            )
    return int(run_id)


def _finding(row: Any) -> Finding:
    fix = row["fix"]
    return Finding(
        rule=row["rule"],
        severity=row["severity"],
        message=row["message"],
        path=row["path"],
        line=row["line"],
        column=row["column"],
        end_line=row["end_line"],
        end_column=row["end_column"],
        excerpt=row["excerpt"],
        entities=list(row["entities"] or []),
        evidence=[Evidence(**e) for e in row["evidence"] or [] if "omitted" not in e],
        evidence_omitted=sum(e["omitted"] for e in row["evidence"] or [] if "omitted" in e),
        fix=Fix(**fix) if fix else None,
        status=row["status"],
        source=row.get("source"),
        _fingerprint=row["fingerprint"],
    )


def stored_findings(
    engine: Engine,
    statuses: Collection[str] | None = None,
    rules: Collection[str] | None = None,
) -> list[StoredFinding]:
    """Recorded findings, optionally of some statuses and rules, sorted like ``check``'s
    output (path, line, column, rule).  Each carries its document's outlet."""
    t, d, s = FindingRow.__table__, DocumentRow.__table__, Source.__table__
    outlet = (
        select(s.c.name)
        .select_from(d.join(s, s.c.id == d.c.source_id))
        .where(d.c.path == t.c.path)
        .limit(1)
        .scalar_subquery()
    )
    q = select(t, outlet.label("source"))
    if statuses is not None:
        unknown = set(statuses) - set(STATUSES)
        if unknown:
            raise UsageError(
                f"unknown status {', '.join(sorted(unknown))}; expected {', '.join(STATUSES)}"
            )
        q = q.where(t.c.status.in_(sorted(statuses)))
    if rules:
        q = q.where(t.c.rule.in_(sorted(rules)))
    with engine.connect() as conn:
        out = [
            StoredFinding(_finding(row), row["first_seen"], row["last_seen"], row["run_id"])
            for row in conn.execute(q).mappings()
        ]
    out.sort(key=lambda sf: sf.finding.sort_key())
    return out


def stored_finding(engine: Engine, fingerprint: str) -> StoredFinding | None:
    for sf in _where(engine, fingerprint):
        return sf
    return None


def _where(engine: Engine, fingerprint: str) -> list[StoredFinding]:
    t = FindingRow.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(t).where(t.c.fingerprint == fingerprint)).mappings().all()
    return [StoredFinding(_finding(r), r["first_seen"], r["last_seen"], r["run_id"]) for r in rows]


def resolve_id(engine: Engine, ident: str) -> str:
    """The fingerprint a finding id names: the fingerprint itself or a unique prefix of a
    recorded one.  A full fingerprint the ledger has not recorded (a draft's finding) is taken
    as given.  Unknown or ambiguous ids are usage errors (exit 2)."""
    given = ident.strip().lower()
    if not given or not HEX.match(given):
        raise UsageError(
            f"{ident!r} is not a finding id: ids are hex fingerprints (or a prefix) "
            "as `ledger check` prints them"
        )
    if len(given) < MIN_PREFIX:
        raise UsageError(
            f"finding id {ident!r} is too short: give at least {MIN_PREFIX} characters "
            "of the fingerprint"
        )
    t, d = FindingRow.__table__, Decision.__table__
    with engine.connect() as conn:
        found = set(
            conn.execute(
                select(t.c.fingerprint).where(t.c.fingerprint.startswith(given)).limit(20)
            ).scalars()
        )
        found |= set(
            conn.execute(
                select(d.c.fingerprint)
                .where(d.c.fingerprint.startswith(given))
                .distinct()
                .limit(20)
            ).scalars()
        )
    if given in found:
        return given
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        shown = ", ".join(sorted(fp[: max(len(given) + 2, 12)] for fp in found)[:8])
        raise UsageError(
            f"ambiguous finding id {ident!r}: it is a prefix of {len(found)} findings ({shown})",
            hint="give more characters of the fingerprint",
        )
    if len(given) >= FULL_LENGTH:
        return given
    raise UsageError(
        f"no finding with id {ident!r} in the ledger",
        hint="`ledger review list` shows the recorded findings; `ledger check` records them",
    )


# -- what the report shows of documents --------------------------------------------------------


def document_info(engine: Engine, wanted: dict[str, set[int]]) -> dict[str, DocInfo]:
    """Title, outlet, date and the wanted lines (1-based) of stored documents, by path."""
    if not wanted:
        return {}
    d, r, s = DocumentRow.__table__, Revision.__table__, Source.__table__
    out: dict[str, DocInfo] = {}
    with engine.connect() as conn:
        for chunk in _chunks(sorted(wanted)):
            q = (
                select(d.c.path, r.c.title, s.c.name, r.c.published, r.c.text)
                .select_from(
                    d.join(r, r.c.id == d.c.current_revision).outerjoin(s, s.c.id == d.c.source_id)
                )
                .where(d.c.path.in_(chunk))
            )
            for path, title, source, published, text in conn.execute(q):
                out[path] = doc_info(path, text, wanted[path], title, source, published)
    return out


def doc_info(
    path: str,
    text: str,
    lines: Collection[int],
    title: str | None = None,
    source: str | None = None,
    published: date | None = None,
) -> DocInfo:
    all_lines = text.split("\n")
    picked = {n: all_lines[n - 1].rstrip("\r") for n in lines if 0 < n <= len(all_lines)}
    return DocInfo(path, title, source, published, picked)
