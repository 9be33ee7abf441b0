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


def test_a_command_leaves_the_sqlite_file_whole(cli, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each command closes its connections, so SQLite folds the write-ahead log into the file:
    the ledger file alone (copied, backed up, mailed) holds everything, and the next reader
    does not replay a log."""
    import shutil
    import sqlite3

    db = tmp_path / "l.db"
    r = cli("--db", f"sqlite:///{db}", "ingest", "--kb", str(seeds / "kb"), str(seeds / "articles"))
    assert r.code == 0, r.err
    assert not db.with_name("l.db-wal").exists()
    lone = tmp_path / "copy" / "l.db"
    lone.parent.mkdir()
    shutil.copy(db, lone)  # the file only
    con = sqlite3.connect(lone)
    try:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (5,)
        assert con.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 0
    finally:
        con.close()
