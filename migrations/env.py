"""Alembic environment: the URL or an open connection comes from ledger (``ledger.store.db``)."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, text

from ledger.store.models import Base

config = context.config
target_metadata = Base.metadata
LOCK_ID = 0x1ED6E5  # pg advisory lock key for migrations


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # two processes migrating a new ledger at once: the second waits, then sees head
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_ID})
        context.run_migrations()


def _url() -> str:
    # the `alembic` command line (for developers) takes the ledger's URL from the environment
    return (
        config.get_main_option("sqlalchemy.url")
        or os.environ.get("LEDGER_DATABASE_URL")
        or "sqlite:///.ledger/ledger.db"
    )


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
