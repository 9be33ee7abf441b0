"""Smoke test of ``python -m bench check --quick``: a few hundred generated claims, the real
command line on them; the tables are printed and the rules find something.  No timing
assertions (the bench's numbers are for people to read)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_check_quick(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from bench import check
    finally:
        sys.path.remove(str(ROOT))
    pg = os.environ.get("LEDGER_TEST_POSTGRES_URL")
    backends = ["sqlite", "postgresql"] if pg else ["sqlite"]
    argv = ["--quick", "--backends", ",".join(backends), "--keep", str(tmp_path / "work")]
    if pg:
        argv += ["--pg-url", pg]
    assert check.main(argv) == 0
    out = capsys.readouterr().out
    assert "whole-ledger check" in out
    assert "draft check" in out
    assert "baselines" in out
    for backend in backends:
        rows = re.findall(rf"^{backend}\s+([\d,]+)\s+([\d,]+)\s+.*?\s([\d,]+)$", out, re.MULTILINE)
        assert rows, f"no result row for {backend}:\n{out}"
        claims, docs, findings = (int(x.replace(",", "")) for x in rows[0])
        assert claims >= 200 and docs >= 5
        assert findings >= 1, f"the whole-ledger check found nothing on {backend}:\n{out}"
    assert "failed" not in out, out
    assert "office-mm" in out  # the planted wrong office is found
    # the draft row: the sa.orm import timed beside the draft runs, and the ratio of the pairs
    assert re.search(r"^sqlite\s.*\s\d+ ms\s+\d+\.\d\dx\s", out, re.MULTILINE), out
