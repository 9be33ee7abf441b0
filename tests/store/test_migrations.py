"""Migrations on their own: single head, upgrade from empty, models equal migrations, round
trip down to base and up again, and a database newer than the program is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from ledger.errors import SchemaTooNew
from ledger.store import db
from ledger.store.models import Base


def test_single_head() -> None:
    assert len(db._heads()) == 1


def test_upgrade_downgrade_upgrade_round_trip(db_url: str) -> None:
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) - {"alembic_version"} == set()
    db.upgrade(engine)
    assert db.current_revisions(engine) == db._heads()
    engine.dispose()


def test_models_equal_migrations(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = db.open_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_new_database_is_migrated_on_first_use(db_url: str) -> None:
    engine = db.open_engine(db_url)
    assert db.current_revisions(engine) == db._heads()
    engine.dispose()


def test_database_newer_than_program_is_refused(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    engine = db.open_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    with pytest.raises(SchemaTooNew):
        db.open_engine(db_url)
    r = cli("--db", db_url, "kb", "list")
    assert r.code == 2
    assert "newer than this ledger program knows" in r.err
    assert "Traceback" not in r.err
    engine.dispose()


def test_db_commands(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    head = sorted(db._heads())[0]
    assert cli("--db", db_url, "db", "upgrade").code == 0
    r = cli("--db", db_url, "db", "current")
    assert r.code == 0 and r.out.startswith(head) and "up to date" in r.out
    assert cli("--db", db_url, "db", "downgrade", "0001").code == 0
    assert cli("--db", db_url, "db", "current").out.startswith("0001")
    assert cli("--db", db_url, "db", "upgrade", head).code == 0
    assert cli("--db", db_url, "db", "current").out.startswith(head)


def test_quote_keys_are_backfilled_as_ingest_files_them(db_url: str, seeds) -> None:  # type: ignore[no-untyped-def]
    """0006 files the quotes already in a ledger under the keys ingest would have used."""
    from ledger import pipeline

    engine = db.open_engine(db_url)
    pipeline.load_kb(engine, [seeds / "kb"])
    pipeline.ingest(engine, [seeds / "articles"])

    def keys() -> set[tuple[int, int, int]]:
        with engine.connect() as conn:
            return {tuple(r) for r in conn.execute(text("SELECT key, revision_id, start FROM quote_keys"))}

    stored = keys()
    with engine.connect() as conn:
        quotes = conn.execute(text("SELECT COUNT(*) FROM claims WHERE predicate = 'said'")).scalar()
    assert quotes and len({(r, s) for _, r, s in stored}) == quotes  # every quote is filed
    db.downgrade(engine, "0005")
    assert "quote_keys" not in inspect(engine).get_table_names()
    db.upgrade(engine)
    assert keys() == stored
    engine.dispose()
