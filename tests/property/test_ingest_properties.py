"""Invariants: ingesting twice stores once; findings do not depend on ingest order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS, run_cli

ARTICLES = sorted(p.name for p in (SEEDS / "articles").glob("*.txt"))


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from ledger.store.models import Base

    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for name, t in Base.metadata.tables.items()
            if name not in ("runs",)
        }


def test_ingesting_twice_stores_once(engine, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    from ledger import pipeline

    pipeline.load_kb(engine, [seeds / "kb"])
    first = pipeline.ingest(engine, [seeds / "articles"])
    assert first.stored == 5
    before = _counts(engine)
    second = pipeline.ingest(engine, [seeds / "articles"])
    assert (second.stored, second.unchanged) == (0, 5)
    pipeline.load_kb(engine, [seeds / "kb"])
    assert _counts(engine) == before


def _findings(db_url: str, root: Path, order: list[str]) -> list[tuple]:  # type: ignore[type-arg]
    assert run_cli("--db", db_url, "kb", "load", "seeds/kb", cwd=root).code == 0
    for name in order:
        r = run_cli("--db", db_url, "ingest", f"seeds/articles/{name}", cwd=root)
        assert r.code == 0, r.err
    r = run_cli("--db", db_url, "check", "--format", "json", "--fail-on", "never", cwd=root)
    data = json.loads(r.out)
    return [
        (f["rule"], f["path"], f["line"], f["column"], f["message"], f["fingerprint"],
         sorted(e["path"] for e in f["evidence"]))
        for f in data["findings"]
    ]


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(order=st.permutations(ARTICLES))
def test_findings_do_not_depend_on_ingest_order(order: list[str], tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("order")
    shutil.copytree(SEEDS, base / "seeds")
    a = _findings(f"sqlite:///{base / 'a.db'}", base, ARTICLES)
    b = _findings(f"sqlite:///{base / 'b.db'}", base, list(order))
    assert a == b
    assert any(f[0] == "office-mismatch" for f in a)


def test_a_new_analysis_replaces_stored_mentions_and_claims(engine, seeds: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ledger import pipeline

    pipeline.load_kb(engine, [seeds / "kb"])
    pipeline.ingest(engine, [seeds / "articles"])
    before = _counts(engine)
    monkeypatch.setattr(pipeline, "_ANALYZER", "another-version")
    again = pipeline.ingest(engine, [seeds / "articles"])
    assert (again.stored, again.unchanged, again.reanalysed) == (0, 5, 5)
    assert _counts(engine) == before  # replaced, not added: same content, same rows
    assert pipeline.ingest(engine, [seeds / "articles"]).reanalysed == 0
