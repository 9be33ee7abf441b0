"""Smoke test of the ingest benchmark: ``python -m bench ingest --quick`` runs end to end and
prints its table (no timing assertions).  spaCy is optional: without it, row (b) says why it
was skipped."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_ingest_quick(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["TMPDIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "ingest", "--quick"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    out = proc.stdout
    assert "== ingest ==" in out
    assert "ingest benchmark:" in out
    assert "set-up" in out
    header = next((line for line in out.splitlines() if line.startswith("phase")), "")
    for col in ("docs", "words", "wall s", "CPU s", "docs/s", "words/s", "docs/CPU-s", "ratio",
                "target"):
        assert col in header, col
    for row in (
        "(a) read + extract + resolve (no storage)",
        "(c) pipeline.ingest on SQLite, after 1st doc",
        "(c) pipeline.ingest on SQLite, all (incl. index)",
        "(d) repo.save_analysis",
        "(d) raw sqlite3 executemany, same rows",
        "(e) memory, MB",
        "(a) analyze",
        "(c) ingest",
    ):
        assert row in out, row
    assert "ledger/raw" in out
    if importlib.util.find_spec("spacy") is not None:
        assert "(b) spaCy blank('en') + entity_ruler, nlp.pipe" in out
        assert "ours/spaCy" in out
    else:
        assert "skipped: spaCy is not installed" in out
    # the temporary corpus and databases are removed
    assert not list(tmp_path.glob("ledger-bench-ingest-*"))
