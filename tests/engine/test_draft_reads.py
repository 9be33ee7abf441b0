"""A draft check reads the claims about the draft's entities only, and for a term's start (which
only the KB judges) the draft's own claims only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ledger.engine.kinds import value_conflict
from ledger.engine.view import MemoryView, OverlayView
from ledger.model import Document, Section
from ledger.pipeline import analyze
from ledger.resolve.index import build_index
from ledger.resolve.kb import load_kb

ROOT = Path(__file__).resolve().parents[2]
INDEX = build_index(load_kb([ROOT / "seeds" / "kb"]).entities)


def _analysis(path: str, text: str):  # type: ignore[no-untyped-def]
    doc = Document(path=path, text=text, published=date(2023, 5, 30), sections=[Section("body", 0, len(text))])
    return analyze(doc, INDEX)


def test_a_drafts_term_start_reads_only_the_drafts_claims() -> None:
    stored = [_analysis(f"s{i}.md", "Defense Secretary Lloyd Austin met Li Shangfu, who was appointed defense "
                                    "minister in March.") for i in range(3)]
    draft = _analysis("draft.md", "Li Shangfu was appointed defense minister in 2022. Lloyd Austin spoke.")
    view = OverlayView(MemoryView(stored), [draft])
    claims, _ = value_conflict._related(view, "holds_office", "time", {draft.ref.key})
    assert [(r.key, c.value) for r, c in claims] == [(draft.ref.key, "2022")]
