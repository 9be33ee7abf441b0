"""Shared fixtures.  Every database test runs on SQLite and, when LEDGER_TEST_POSTGRES_URL is
set, on PostgreSQL too: the run creates a database of its own and drops it at the end; each
test gets a fresh schema in it."""

from __future__ import annotations

import io
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_URL = os.environ.get("LEDGER_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for var in ("LEDGER_DATABASE_URL", "LEDGER_KB_PATH", "LEDGER_FRAMES_PATH", "NO_COLOR", "LEDGER_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    yield
    from ledger import pipeline

    if pipeline.FRAME_DIRS:  # a CLI run in this process configured users' frames
        pipeline.use_frames(())


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str | None]:
    """A PostgreSQL database of this run's own, dropped at the end."""
    if not PG_URL:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ledger_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
            ), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _fresh_pg_schema(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    eng = create_engine(base, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def _drop_pg_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    eng = create_engine(base, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        # a connection a failed test left in a transaction would hold its locks (and the drop)
        # forever: tests run one at a time, so whatever idles in a transaction now is a leak
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
        ))
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    eng.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_database: str | None) -> Iterator[str]:
    """A fresh, empty ledger URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    assert pg_database is not None
    url, schema = _fresh_pg_schema(pg_database)
    try:
        yield url
    finally:
        from sqlalchemy.engine import create_engine  # noqa: F401  (connections are disposed)

        _drop_pg_schema(pg_database, schema)


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    from ledger.store.db import open_engine

    eng = open_engine(db_url)
    yield eng
    eng.dispose()


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run the `ledger` entry point in-process, as a user would from the shell."""
    from ledger.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    argv = sys.argv
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        sys.argv = ["ledger", *args]
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        os.chdir(old)
        sys.argv = argv
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the seed articles and KB in a temporary folder."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


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
