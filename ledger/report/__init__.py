"""Reporters: one module per output format, chosen from this registry.  Every reporter reads
:class:`ledger.model.Finding` records and nothing else."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ledger.model import Finding

FORMATS = {
    "text": "ledger.report.text",
    "json": "ledger.report.json",
    "sarif": "ledger.report.sarif",
    "github": "ledger.report.github",
    "html": "ledger.report.html",
}


@dataclass
class Context:
    """What a reporter may show besides the findings."""

    documents: int = 0
    color: bool = False
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> Rule


def render(fmt: str, findings: Sequence[Finding], ctx: Context) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(findings, ctx)


def summary(findings: Sequence[Finding], documents: int) -> dict[str, int]:
    out = {"documents": documents, "error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out
