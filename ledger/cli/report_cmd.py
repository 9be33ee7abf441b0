"""ledger report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.cli.state import STATE, info, warn, write_output


def report(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write.", metavar="FILE")
    ],
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Also dismissed and resolved findings (filter them in the page)."
        ),
    ] = False,
    rules: Annotated[
        list[Path] | None,
        typer.Option(
            "--rules",
            help="Extra rule folder, for its rules' documentation (repeatable).",
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """The editor's report of the open findings (open and accepted) recorded by the last
    `ledger check`: one self-contained HTML file, grouped by story and entity, each finding
    beside its sources with the disagreeing words marked, filters by rule, severity, status
    and outlet, and a copyable `ledger review dismiss` command for each."""
    from ledger.engine.rules import load_rules
    from ledger.report.html import render
    from ledger.review import records
    from ledger.review.reporting import html_context
    from ledger.store.view import SqlView

    engine = STATE.engine()
    statuses = None if show_all else ["open", "accepted"]
    stored = records.stored_findings(engine, statuses)
    if not stored and not records.stored_findings(engine, None):
        warn(
            "no findings recorded yet: run `ledger check` (without paths) "
            "to record the ledger's findings"
        )
    findings = [sf.finding for sf in stored]
    rule_docs = {r.id: r for r in load_rules([*STATE.config.rules, *(rules or [])])}
    documents = len(SqlView(engine).documents())
    ctx = html_context(
        engine,
        findings,
        rule_docs,
        documents,
        title="ledger report",
        scope="all findings" if show_all else "open findings",
    )
    write_output(render(findings, ctx), output)
    info(f"{len(findings)} finding(s) in the report")


def register(app: typer.Typer) -> None:
    app.command()(report)
