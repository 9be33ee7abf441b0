"""Plain DB-API access to a ledger, for the read paths that must start fast (`ledger check
draft.md` answers in well under a second): the standard library's sqlite3, or psycopg2 / psycopg,
without importing SQLAlchemy.  Writing and migrations go through SQLAlchemy (``store.db``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit


class Connection:
    """A DB-API connection and the few differences between the two databases."""

    def __init__(self, raw: Any, dialect: str, owned: bool = True) -> None:
        self.raw = raw
        self.dialect = dialect
        self.owned = owned

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")
        cur = self.raw.cursor()
        try:
            cur.execute(sql, tuple(params))
            return list(cur.fetchall()) if cur.description else []
        finally:
            cur.close()

    def date_param(self, d: date) -> Any:
        """A date as a query parameter (SQLite keeps dates as ISO text)."""
        return d.isoformat() if self.dialect == "sqlite" else d

    def close(self) -> None:
        if self.owned:
            try:
                self.raw.rollback()
            finally:
                self.raw.close()


def connect(url: str) -> Connection:
    """Open ``sqlite:///path`` or ``postgresql[+psycopg]://...`` read-only, without SQLAlchemy."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    if scheme == "sqlite":
        import sqlite3

        path = unquote(url[len(parts.scheme) + 4 :]) if url.startswith(parts.scheme + ":///") else ""
        if not path or path == ":memory:":
            raise LookupError("no fast path for an in-memory SQLite ledger")
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        return Connection(raw, "sqlite")
    if scheme in ("postgresql", "postgres"):
        dsn = url.replace(parts.scheme + "://", "postgresql://", 1)
        return Connection(_pg_driver().connect(dsn), "postgresql")
    raise LookupError(f"no fast path for {scheme}")


def _pg_driver() -> Any:
    """psycopg2 where it is installed, else psycopg (3).  Both speak libpq with the same
    parameter style and give dates and JSON as Python objects; psycopg2 imports in ~20 ms where
    psycopg 3 takes ~95 ms (asyncio, logging, importlib.metadata), a third of a draft check's
    budget.  SQLAlchemy's engine keeps the driver the URL names."""
    try:
        import psycopg2
    except ImportError:
        import psycopg

        return psycopg
    return psycopg2


def from_engine(engine: Any) -> Connection:
    """The DB-API connection under a SQLAlchemy engine (its pool gets it back on close)."""
    raw = engine.raw_connection()
    return _Pooled(raw, engine.dialect.name)


class _Pooled(Connection):
    def __init__(self, raw: Any, dialect: str) -> None:
        super().__init__(raw, dialect)

    def close(self) -> None:
        try:
            self.raw.rollback()
        finally:
            self.raw.close()  # returns it to the pool


# rows repeat the same few dates and qualifier objects many times over: parse each text once
_DATES: dict[str, date] = {}
_JSON: dict[str | bytes, Any] = {}
_CACHE_MAX = 100_000


def as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    d = _DATES.get(v)
    if d is None:
        d = date.fromisoformat(str(v)[:10])
        if len(_DATES) < _CACHE_MAX:
            _DATES[v] = d
    return d


def as_json(v: Any) -> Any:
    """A JSON column's value: parsed when the driver gives text (SQLite).  Parsed values are
    shared between rows: callers copy before they change one."""
    if v is None or not isinstance(v, (str, bytes)):
        return v
    try:
        return _JSON[v]
    except KeyError:
        import orjson  # (lazily: its import costs ~20 ms of a draft check's start-up)

        try:
            out = orjson.loads(v)  # several times faster than json's: a full check reads a million
        except orjson.JSONDecodeError:
            out = json.loads(v)  # what only the json module reads (NaN, integers beyond 64 bits)
        if len(_JSON) < _CACHE_MAX and len(v) < 200:
            _JSON[v] = out
        return out


def placeholders(values: Iterable[Any]) -> str:
    return ",".join("?" for _ in values)
