"""`ledger kb load`: what it says it did."""

from __future__ import annotations

from pathlib import Path


def test_loading_the_same_kb_again_says_it_is_unchanged(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    kb = seeds / "kb"
    first = cli("--db", db_url, "kb", "load", str(kb))
    assert first.code == 0 and "loaded 119 entities" in first.err
    again = cli("--db", db_url, "kb", "load", str(kb))
    assert again.code == 0 and "unchanged since the last load" in again.err and "119 entities" in again.err
    assert "loaded 0" not in again.err
