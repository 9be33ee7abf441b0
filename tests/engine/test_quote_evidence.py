"""A quotation of several sentences is attributed after its last: the evidence of another
outlet's attribution names its speaker even when the quote's first sentence does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger.engine.rules import load_rules
from ledger.engine.runner import run_rules
from ledger.engine.view import MemoryView
from ledger.pipeline import analyze
from ledger.read import read_file
from ledger.resolve.index import build_index
from ledger.resolve.kb import load_kb

SEED_KB = Path(__file__).resolve().parents[2] / "seeds" / "kb"


def test_the_evidence_of_a_long_quote_names_its_speaker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    texts = {
        "a.md": ("Wire A", "Mao Ning said: “The tide is rising. It did not rise high enough this time.”\n"),
        "b.md": ("Wire B", "“The tide is rising. It did not rise high enough this time,” Lloyd Austin said.\n"),
        "c.md": ("Wire C", "“The tide is rising. It did not rise high enough this time,” Lloyd Austin told us.\n"),
    }
    for name, (source, text) in texts.items():
        (tmp_path / name).write_text(f"---\nsource: {source}\npublished: 2023-05-30\n---\n{text}", encoding="utf-8")
    kb = load_kb([SEED_KB])
    index = build_index(kb.entities)
    analyses = [analyze(doc, index) for name in texts for doc in read_file(tmp_path / name)]
    rules = [r for r in load_rules() if r.id == "quote-attribution"]
    (f,) = [f for f in run_rules(MemoryView(analyses, kb.entities), rules, {analyses[0].ref.key})]
    assert f.evidence and all("(Lloyd Austin)" in e.excerpt and "did not rise" in e.excerpt for e in f.evidence)
