"""ledger review list / show / accept / dismiss / reopen."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli.state import STATE, info, split_ids, warn, write_output

if TYPE_CHECKING:
    from datetime import datetime

app = typer.Typer(
    help="Editors' decisions on findings. ID is a finding's fingerprint or a unique prefix of it, "
    "as `ledger check` prints it. Decisions are kept, never overwritten.",
    no_args_is_help=True,
)


class StatusOpt(StrEnum):
    open = "open"
    accepted = "accepted"
    dismissed = "dismissed"
    resolved = "resolved"
    all = "all"


class Fmt(StrEnum):
    text = "text"
    json = "json"


IdArg = Annotated[
    str, typer.Argument(help="Finding id: its fingerprint or a unique prefix.", metavar="ID")
]
NoteOpt = Annotated[
    str, typer.Option("--note", "-m", help="Why (kept with the decision).", metavar="TEXT")
]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by", help="Who decides (default: $USER, else git config user.name).", metavar="NAME"
    ),
]
FmtOpt = Annotated[Fmt, typer.Option("--format", help="Output format.")]


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S UTC")


@app.command("list")
def list_(
    status: Annotated[
        StatusOpt | None,
        typer.Option(
            "--status", help="Only findings with this status (default: all but resolved)."
        ),
    ] = None,
    rule: Annotated[
        list[str] | None,
        typer.Option(
            "--rule", help="Only these rules (repeatable or comma-separated).", metavar="RULE"
        ),
    ] = None,
    fmt: FmtOpt = Fmt.text,
) -> None:
    """The findings recorded by `ledger check`, with their status: open, accepted, dismissed
    or resolved (no longer found)."""
    from ledger.review import STATUSES, records

    if status is None:
        statuses: list[str] | None = [s for s in STATUSES if s != "resolved"]
    elif status == StatusOpt.all:
        statuses = None
    else:
        statuses = [status.value]
    rows = records.stored_findings(STATE.engine(), statuses, split_ids(rule) or None)
    if fmt == Fmt.json:
        import json

        data = {
            "version": 1,
            "findings": [
                {
                    **sf.finding.to_dict(),
                    "source": sf.finding.source,
                    "first_seen": sf.first_seen.isoformat(timespec="seconds"),
                    "last_seen": sf.last_seen.isoformat(timespec="seconds"),
                    "run": sf.run_id,
                }
                for sf in rows
            ],
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    lines = []
    for sf in rows:
        f = sf.finding
        lines.append(
            f"{f.fingerprint[:12]}  {f.status:9} {f.severity:7} {f.rule:22} "
            f"{f.path}:{f.line}:{f.column}: {f.message}"
        )
    write_output("\n".join(lines) + ("\n" if lines else ""), None)
    info(f"{len(rows)} finding(s)")


@app.command()
def show(ident: IdArg, fmt: FmtOpt = Fmt.text) -> None:
    """A finding with its evidence and the history of decisions on it."""
    from ledger.review import records

    engine = STATE.engine()
    fp = records.resolve_id(engine, ident)
    stored = records.stored_finding(engine, fp)
    history = records.decisions(engine, fp)
    if fmt == Fmt.json:
        import json

        data = {
            "version": 1,
            "fingerprint": fp,
            "finding": stored.finding.to_dict() if stored else None,
            "first_seen": stored.first_seen.isoformat(timespec="seconds") if stored else None,
            "last_seen": stored.last_seen.isoformat(timespec="seconds") if stored else None,
            "decisions": [
                {
                    "action": d.action,
                    "note": d.note,
                    "by": d.by,
                    "at": d.at.isoformat(timespec="seconds"),
                }
                for d in history
            ],
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    out = [f"id: {fp}"]
    if stored is not None:
        f = stored.finding
        out += [
            f"status: {f.status}",
            f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message}",
            f"    | {f.excerpt}",
        ]
        for e in f.evidence:
            who = ", ".join(x for x in (e.source, e.published) if x)
            out.append(
                f"    evidence: {e.path}:{e.line}:{e.column}"
                + (f" ({who})" if who else "")
                + f": {e.excerpt}"
            )
        if f.fix is not None:
            out.append(f"    fix: {f.excerpt!r} -> {f.fix.replacement!r}")
        out.append(f"first seen {_when(stored.first_seen)}, last seen {_when(stored.last_seen)}")
    else:
        out.append("(not recorded in the ledger: a draft's finding)")
    out.append("")
    if history:
        out.append("decisions:")
        for d in history:
            out.append(
                f"  {_when(d.at)}  {d.action:7} by {d.by or 'unknown'}"
                + (f": {d.note}" if d.note else "")
            )
    else:
        out.append("no decisions yet")
    write_output("\n".join(out) + "\n", None)


def _decide(ident: str, action: str, note: str, by: str | None, add_alias: bool = False) -> None:
    from ledger.review.decide import decide

    outcome = decide(STATE.engine(), ident, action, note=note, by=by, add_alias=add_alias)
    short = outcome.fingerprint[:12]
    d = outcome.decision
    what = {"accept": "accepted", "dismiss": "dismissed", "reopen": "reopened"}[action]
    if outcome.finding is None:
        warn(
            f"finding {short} is not recorded in the ledger; the decision applies when it is found"
        )
    elif outcome.finding.finding.status == "resolved":
        info(
            f"finding {short} is resolved (no longer found); the decision applies if it comes back"
        )
    if outcome.previous == {"accept": "accepted", "dismiss": "dismissed", "reopen": "open"}[action]:
        info(f"finding {short} was already {outcome.previous}; decision recorded again")
    write_output(f"{what} {short} by {d.by}" + (f": {d.note}" if d.note else "") + "\n", None)
    if outcome.alias is not None:
        entity, form = outcome.alias
        info(f"added {form!r} as an editor alias of {entity}")


@app.command()
def accept(
    ident: IdArg,
    note: NoteOpt = "",
    by: ByOpt = None,
    add_alias: Annotated[
        bool,
        typer.Option(
            "--add-alias",
            help="For name-variant and misspelled-name findings: add the flagged form to the KB "
            "as an editor alias of the entity.",
        ),
    ] = False,
) -> None:
    """Confirm a finding: it is right and the text is to be corrected (it stays reported)."""
    _decide(ident, "accept", note, by, add_alias)


@app.command()
def dismiss(ident: IdArg, note: NoteOpt = "", by: ByOpt = None) -> None:
    """Dismiss a finding (a false alarm, or a deliberate wording): `check` no longer reports it
    and it no longer fails the run."""
    _decide(ident, "dismiss", note, by)


@app.command()
def reopen(ident: IdArg, note: NoteOpt = "", by: ByOpt = None) -> None:
    """Reopen a finding accepted or dismissed earlier."""
    _decide(ident, "reopen", note, by)
