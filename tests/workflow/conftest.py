"""Fixtures for the publishing-workflow tests: a ledger with the seed KB and articles."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def seeded(cli, db_url: str, seeds: Path) -> Path:  # type: ignore[no-untyped-def]
    """The seed KB loaded and the seed articles ingested into ``db_url``, from the folder
    holding ``seeds/`` (returned: run commands there so paths read ``seeds/articles/…``)."""
    work = seeds.parent
    r = cli("--db", db_url, "kb", "load", "seeds/kb", cwd=work)
    assert r.code == 0, r.err
    r = cli("--db", db_url, "ingest", "seeds/articles", cwd=work)
    assert r.code == 0, r.err
    return work
