"""Review statuses of findings read over a plain DB-API connection (the fast draft path)."""

from __future__ import annotations

from collections.abc import Iterable

from ledger.model import Finding
from ledger.review import ACTIONS
from ledger.store.dbapi import Connection, placeholders


def apply_statuses(conn: Connection, findings: Iterable[Finding]) -> None:
    """Each finding's status is the action of the latest decision on its fingerprint."""
    items = list(findings)
    wanted = sorted({f.fingerprint for f in items})
    latest: dict[str, str] = {}
    for k in range(0, len(wanted), 500):
        chunk = wanted[k : k + 500]
        rows = conn.execute(
            "SELECT fingerprint, action FROM decisions WHERE id IN (SELECT MAX(id) FROM decisions "
            f"WHERE fingerprint IN ({placeholders(chunk)}) GROUP BY fingerprint)",
            chunk,
        )
        latest.update({fp: action for fp, action in rows})
    for f in items:
        f.status = ACTIONS.get(latest.get(f.fingerprint, ""), "open")
