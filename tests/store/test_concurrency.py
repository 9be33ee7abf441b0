"""Two `ledger ingest` processes writing to one ledger at once lose nothing and duplicate
nothing (entities, sources, documents)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from ledger.store.db import open_engine
from ledger.store.models import DocumentRow, EntityRow, Revision, Source


def test_two_ingest_processes_at_once(db_url: str, seeds: Path, tmp_path: Path) -> None:
    # a fresh ledger: both processes race to migrate it, load the KB and store documents
    extra = tmp_path / "more"
    extra.mkdir()
    for i in range(6):
        (extra / f"wire_{i}.md").write_text(
            f"---\nsource: Wire {i % 2}\npublished: 2023-05-3{i % 2}\n---\n"
            f"Defense Secretary Lloyd Austin spoke on day {i}.\n",
            encoding="utf-8",
        )
    env = {**os.environ, "LEDGER_DATABASE_URL": db_url}
    cmd = [sys.executable, "-m", "ledger", "-q", "ingest", "--kb", str(seeds / "kb"),
           str(seeds / "articles"), str(extra)]
    procs = [subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    engine = open_engine(db_url)
    with engine.connect() as conn:
        count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
        assert count(DocumentRow.__table__) == 11
        assert count(Revision.__table__) == 11
        assert count(Source.__table__) == len({"ZeroHedge", "Dan Tri", "Improve the News", "Bloomberg News", "NBC News", "Wire 0", "Wire 1"})
        assert count(EntityRow.__table__) > 100
        dupes = conn.execute(
            select(EntityRow.__table__.c.id).group_by(EntityRow.__table__.c.id).having(func.count() > 1)
        ).all()
        assert dupes == []
    engine.dispose()
