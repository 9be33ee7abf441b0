"""Opening a ledger: engine, SQLite pragmas, migrations to head on first use, version guard."""

from __future__ import annotations

import ast
import contextlib
import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ledger import rx
from ledger.errors import DatabaseError, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from sqlalchemy.engine import Engine


def migrations_dir() -> Path:
    """The alembic scripts: shipped in the wheel, or the checkout's ``migrations/``."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "_data" / "migrations", here.parent / "migrations"):
        if (cand / "env.py").is_file():
            return cand
    raise DatabaseError("ledger's migrations are missing from this installation")


def _sqlite_path(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    path = None
    try:
        path = _sqlite_path(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {url!r}") from None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path is not None or url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 60})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn, _rec):
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA busy_timeout=60000")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as e:
        raise DatabaseError(f"cannot use database URL {url!r}: {e}") from None
    return engine


def alembic_config(engine: Engine | None = None, url: str | None = None) -> AlembicConfig:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """SQLite has no advisory locks: serialize migrations of one file with a lock file."""
    path = _sqlite_path(str(engine.url))
    if path is None:
        yield
        return
    import fcntl

    with open(str(path) + ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_REV = rx.compile(r"^(revision|down_revision)\s*=\s*(.+)$", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def _graph() -> dict[str, tuple[str, ...]]:
    """revision -> its parents, read from the migration files without importing alembic
    (start-up matters: `ledger check draft.md` must answer in well under a second)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        found = dict((k, ast.literal_eval(v.strip())) for k, v in _REV.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = tuple(down) if isinstance(down, (tuple, list)) else ((down,) if down else ())
    return graph


def _heads() -> set[str]:
    graph = _graph()
    parents = {p for ps in graph.values() for p in ps}
    return set(graph) - parents


def _known() -> set[str]:
    return set(_graph())


def current_revisions(engine: Engine) -> set[str]:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError, ProgrammingError

    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "alembic_version"):
            return set()
        try:
            return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
        except (OperationalError, ProgrammingError):
            return set()


def check_version(engine: Engine) -> set[str]:
    current = current_revisions(engine)
    unknown = current - _known()
    if unknown:
        raise SchemaTooNew(
            f"the ledger at {engine.url.render_as_string(hide_password=True)} has schema "
            f"revision {', '.join(sorted(unknown))}, newer than this ledger program knows",
            hint="upgrade ledger (pip install -U ledger) or use another database",
        )
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _migration_lock(engine):
        _upgrade(engine, revision)


def _upgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    check_version(engine)
    with _migration_lock(engine), engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def open_engine(url: str, migrate: bool = True) -> Engine:
    """An engine on a ledger at head: a new database is migrated on first use; a database
    newer than the program is refused (exit 2)."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    engine = make_engine(url)
    try:
        # SQLite: processes opening one new file take turns (the first connection creates the
        # file and switches it to WAL; the first process migrates it), as migrations do
        with _migration_lock(engine):
            current = check_version(engine)
            if migrate and current != _heads():
                _upgrade(engine, "head")
    except (OperationalError, ProgrammingError) as e:
        msg = str(e.orig) if getattr(e, "orig", None) else str(e)
        raise DatabaseError(
            f"cannot open the ledger at {engine.url.render_as_string(hide_password=True)}: "
            f"{msg.strip().splitlines()[0] if msg.strip() else e}"
        ) from None
    return engine


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false", "no")
