"""What the HTML report needs from the ledger besides the findings: entity names and the
titles, outlets and lines of the documents the findings and their evidence point at."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ledger.model import Analysis, Finding
from ledger.review import records

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ledger.report.html import ReportContext


def html_context(
    engine: Engine,
    findings: Sequence[Finding],
    rules: dict[str, Any],
    documents: int,
    drafts: Sequence[Analysis] = (),
    title: str = "ledger report",
    scope: str = "",
) -> ReportContext:
    from ledger.report.html import ReportContext
    from ledger.store import repo

    wanted: dict[str, set[int]] = {}
    for f in findings:
        wanted.setdefault(f.path, set()).add(f.line)
        for e in f.evidence:
            if e.path and e.source != "KB":
                wanted.setdefault(e.path, set()).add(e.line)
    draft_docs = {a.doc.path: a.doc for a in drafts}
    info = records.document_info(engine, {p: ls for p, ls in wanted.items() if p not in draft_docs})
    for path, doc in draft_docs.items():
        if path in wanted:
            published = doc.published
            info[path] = records.doc_info(
                path, doc.text, wanted[path], doc.title, doc.source, published
            )
    ids = {e for f in findings for e in f.entities}
    names = {e.id: e.name for e in repo.entities(engine, ids)} if ids else {}
    return ReportContext(
        documents=documents,
        rules=dict(rules),
        title=title,
        entity_names=names,
        documents_info=info,
        scope=scope,
    )
