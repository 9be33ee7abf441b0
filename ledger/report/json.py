"""``--format json``: SPEC §7, schema version 1."""

from __future__ import annotations

from collections.abc import Sequence

from ledger.jsonout import dumps
from ledger.model import Finding
from ledger.report import Context, summary


def render(findings: Sequence[Finding], ctx: Context) -> str:
    data = {
        "version": 1,
        "findings": [f.to_dict() for f in findings],
        "summary": summary(findings, ctx.documents),
    }
    return dumps(data)
