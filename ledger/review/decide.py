"""Editors' decisions: ``accept``, ``dismiss`` or ``reopen`` a finding.

Decisions are appended to the ledger, never overwritten; ``review show`` lists the history.
Accepting a ``name-variant`` or ``misspelled-name`` finding with ``add_alias`` also teaches the
KB the flagged form as an editor alias of the finding's entity (documents ingested from then on
resolve it as an accepted alias).
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ledger.errors import UsageError
from ledger.review import records

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

ALIAS_RULES = ("name-variant", "misspelled-name")


@dataclass
class Outcome:
    fingerprint: str
    decision: records.DecisionRecord
    finding: records.StoredFinding | None
    alias: tuple[str, str] | None = None  # (entity id, form) added to the KB
    previous: str | None = None  # review status before the decision


def default_reviewer() -> str:
    """``$USER``, else git's ``user.name``, else the login name."""
    user = os.environ.get("USER", "").strip()
    if user:
        return user
    git = shutil.which("git")
    if git:
        try:
            name = subprocess.run(
                [git, "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            name = ""
        if name:
            return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def decide(
    engine: Engine,
    ident: str,
    action: str,
    note: str = "",
    by: str | None = None,
    add_alias: bool = False,
) -> Outcome:
    """Record ``action`` (accept, dismiss, reopen) on the finding ``ident`` names (fingerprint
    or unique prefix)."""
    fingerprint = records.resolve_id(engine, ident)
    stored = records.stored_finding(engine, fingerprint)
    alias = None
    if add_alias:
        if action != "accept":
            raise UsageError("--add-alias goes with `review accept` only")
        if stored is None:
            raise UsageError(
                f"finding {fingerprint[:12]} is not recorded in the ledger, "
                "so its entity is unknown",
                hint="run `ledger check` over the ledger first",
            )
        f = stored.finding
        if f.rule not in ALIAS_RULES:
            raise UsageError(
                f"--add-alias applies to {' and '.join(ALIAS_RULES)} findings, not {f.rule}"
            )
        if not f.entities or not f.excerpt.strip():
            raise UsageError(f"finding {fingerprint[:12]} names no entity or form to add")
        alias = (f.entities[0], f.excerpt.strip())
    previous = records.review_statuses(engine, [fingerprint])[fingerprint]
    record = records.add_decision(
        engine, fingerprint, action, note=note, by=by or default_reviewer()
    )
    if alias is not None:
        from ledger.store.repo import add_alias as store_alias

        store_alias(engine, *alias)
    return Outcome(
        fingerprint, record, records.stored_finding(engine, fingerprint), alias, previous
    )
