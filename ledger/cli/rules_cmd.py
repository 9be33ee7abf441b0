"""ledger rules list / show."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.cli.state import STATE, write_output

app = typer.Typer(help="The rules in force and their documentation.", no_args_is_help=True)
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder (repeatable).", metavar="DIR")]


@app.command("list")
def list_(rules: RulesOpt = None) -> None:
    """Every rule in force: id, severity, kind and summary."""
    from ledger.engine.rules import load_rules

    loaded = load_rules([*STATE.config.rules, *(rules or [])])
    lines = [f"{r.id:24} {r.severity:8} {r.kind:16} {r.summary}" for r in loaded]
    write_output("\n".join(lines) + "\n", None)


@app.command("show")
def show(rule: Annotated[str, typer.Argument(help="A rule id, e.g. office-mismatch.", metavar="RULE")], rules: RulesOpt = None) -> None:
    """A rule's documentation: description, examples and options, from its file."""
    import dataclasses

    from ledger.engine.rules import load_rules
    from ledger.errors import UsageError

    loaded = {r.id: r for r in load_rules([*STATE.config.rules, *(rules or [])])}
    if rule not in loaded:
        raise UsageError(f"unknown rule {rule!r}", hint="see `ledger rules list`")
    r = loaded[rule]
    out = [f"{r.id} ({r.severity}, kind {r.kind})", "", r.summary, "", r.description, ""]
    if r.examples:
        out.append("Examples:")
        for ex in r.examples:
            for k, v in ex.items():
                out.append(f"  {k}: {v}")
        out.append("")
    is_options = dataclasses.is_dataclass(r.options) and not isinstance(r.options, type)
    opts = dataclasses.asdict(r.options) if is_options else {}
    if opts:
        out.append("Options:")
        out += [f"  {k}: {v}" for k, v in opts.items()]
        out.append("")
    out.append(f"Defined in {r.path}")
    write_output("\n".join(out) + "\n", None)
