"""A finding shows at most MAX_EVIDENCE pieces of evidence: the KB first, every outlet before
any outlet twice, and the number left out is kept in every output and in the ledger."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from ledger.engine.runner import MAX_EVIDENCE, _trim_evidence
from ledger.model import Evidence, Finding
from ledger.report import Context
from ledger.report.text import render as render_text


def _finding(evidence: list[Evidence]) -> Finding:
    return Finding(rule="r", severity="error", message="m", path="a.md", line=1, column=1,
                   end_line=1, end_column=2, excerpt="x", evidence=evidence)


def _ev(i: int, source: str) -> Evidence:
    return Evidence(path=f"d{i}.md", line=i, column=1, excerpt=f"claim {i}", source=source)


def test_short_lists_are_kept_whole() -> None:
    ev = [_ev(i, "Same") for i in range(MAX_EVIDENCE)]
    f = _trim_evidence(_finding(list(ev)))
    assert f.evidence == ev and f.evidence_omitted == 0
    assert "evidence_omitted" not in f.to_dict()


def test_kb_and_every_outlet_come_before_repeats() -> None:
    ev = [_ev(i, "Big Outlet") for i in range(30)] + [_ev(100 + i, f"Outlet {i}") for i in range(5)]
    ev.append(Evidence(path="kb/people.yaml", line=3, column=1, excerpt="terms", source="KB"))
    f = _trim_evidence(_finding(ev))
    assert len(f.evidence) == MAX_EVIDENCE
    assert f.evidence_omitted == len(ev) - MAX_EVIDENCE
    sources = [e.source for e in f.evidence]
    assert "KB" in sources and {f"Outlet {i}" for i in range(5)} <= set(sources)
    assert sources.count("Big Outlet") == MAX_EVIDENCE - 6
    # the order of the kept evidence is the rule's order
    assert [ev.index(e) for e in f.evidence] == sorted(ev.index(e) for e in f.evidence)
    assert f.to_dict()["evidence_omitted"] == f.evidence_omitted
    json.dumps(f.to_dict())


def test_text_output_says_how_much_is_left_out() -> None:
    f = _trim_evidence(_finding([_ev(i, f"Outlet {i}") for i in range(MAX_EVIDENCE + 3)]))
    out = render_text([f], Context(documents=1))
    assert out.count("    evidence: d") == MAX_EVIDENCE
    assert "(3 more not shown)" in out


def test_the_ledger_remembers_what_was_left_out(engine: object) -> None:
    from ledger.review.records import record_check, stored_finding

    f = _trim_evidence(_finding([_ev(i, f"Outlet {i}") for i in range(MAX_EVIDENCE + 4)]))
    record_check(engine, [f], {"r"}, documents=1)  # type: ignore[arg-type]
    stored = stored_finding(engine, f.fingerprint)  # type: ignore[arg-type]
    assert stored is not None
    assert stored.finding.evidence == f.evidence
    assert stored.finding.evidence_omitted == 4


@given(st.lists(st.sampled_from(["A", "B", "C", None]), max_size=30), st.booleans())
def test_rules_citing_early_keep_what_the_runner_would(outlets: list[str | None], kb: bool) -> None:
    """Rules pick the evidence to build (``cited``) before building it: the same pieces, and
    the same count left out, as trimming the whole list afterwards."""
    from ledger.engine.runner import cited
    from ledger.model import DocRef, Span

    pairs = [(DocRef(f"k{i}", f"d{i}.md", o, None), Span(i, i + 1, i + 1, 1, i + 1, 2))
             for i, o in enumerate(outlets)]
    full = ([Evidence(path="kb.yaml", line=1, column=1, excerpt="KB", source="KB")] if kb else []) + [
        Evidence.at(r, s, "x") for r, s in pairs]
    trimmed = _trim_evidence(_finding(full))
    picked, omitted = cited(pairs, kb=kb)
    early = ([full[0]] if kb else []) + [Evidence.at(r, s, "x") for r, s in picked]
    assert early == trimmed.evidence
    assert omitted == trimmed.evidence_omitted
