"""ingest, check, mentions, claims, resolve."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli.state import STATE, info, split_ids, use_color, warn, write_output

if TYPE_CHECKING:
    from ledger.model import Analysis

KbOpt = Annotated[list[Path] | None, typer.Option("--kb", help="KB folder to load before running (repeatable).", metavar="DIR")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write the output to FILE instead of stdout.", metavar="FILE")]
ExcludeOpt = Annotated[list[str] | None, typer.Option("--exclude", help="Skip paths matching this glob (repeatable; adds to config 'exclude').", metavar="GLOB")]
PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .md, .html, .jsonl).", show_default=False, metavar="PATHS...")]


class Fmt(str, Enum):
    text = "text"
    json = "json"


class CheckFmt(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _exclude(extra: list[str] | None) -> list[str]:
    return [*STATE.config.exclude, *(extra or [])]


def _report_skips(skipped: list) -> None:
    for s in skipped:
        warn(f"skipped {s}")


def ingest(
    paths: PathsArg,
    kb: KbOpt = None,
    exclude: ExcludeOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Summary format.")] = Fmt.text,
    output: OutputOpt = None,
) -> None:
    """Read, extract, resolve and store documents in the ledger.

    Each document is stored in its own transaction; the same content is stored once; a changed
    file at the same path (or URL) adds a revision and keeps the old one. Unreadable files are
    reported and skipped (exit code 2 at the end)."""
    from ledger import pipeline

    STATE.load_kb(kb)
    engine = STATE.engine()
    tty = sys.stderr.isatty() and not STATE.quiet
    count = [0]

    def progress(path: str) -> None:
        count[0] += 1
        if tty:
            sys.stderr.write(f"\r\033[Kingesting [{count[0]}] {path[-60:]}")
            sys.stderr.flush()

    result = pipeline.ingest(engine, paths, exclude=_exclude(exclude), progress=progress)
    if tty:
        sys.stderr.write("\r\033[K")
    _report_skips(result.skipped)
    if fmt == Fmt.json:
        import json

        data = {
            "version": 1,
            "stored": result.stored, "revised": result.revised, "unchanged": result.unchanged,
            "claims": result.claims, "mentions": result.mentions,
            "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        }
        write_output(json.dumps(data, indent=2) + "\n", output)
    else:
        text = (
            f"ingested {result.stored} document(s) ({result.stored - result.revised} new, "
            f"{result.revised} revised), "
            f"{result.unchanged} unchanged"
            + (f" ({result.reanalysed} analysed again)" if result.reanalysed else "")
            + f", {len(result.skipped)} skipped; "
            f"{result.claims} claim(s), {result.mentions} mention(s)\n"
        )
        if output:
            write_output(text, output)
        else:
            info(text.rstrip())
    if result.skipped:
        raise typer.Exit(2)


def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Drafts to check against the ledger (not stored unless --store). Without paths: check the whole ledger.", show_default=False, metavar="PATHS...")] = None,
    kb: KbOpt = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule folder (repeatable).", metavar="DIR")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules (comma-separated ids).", metavar="RULE,...")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (comma-separated ids).", metavar="RULE,...")] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity (default: config fail_on or 'error').")] = None,
    fmt: Annotated[CheckFmt, typer.Option("--format", help="Output format.")] = CheckFmt.text,
    output: OutputOpt = None,
    store: Annotated[bool, typer.Option("--store", help="Also store the checked drafts in the ledger.")] = False,
    exclude: ExcludeOpt = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also show findings dismissed in review, with their status (they never fail the run).")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Findings listed in FILE are not reported and do not fail the run; a missing FILE is written with the current findings (exit 0).", metavar="FILE")] = None,
    prune: Annotated[bool, typer.Option("--prune", help="With --baseline: rewrite FILE without the entries no current finding matches.")] = False,
) -> None:
    """Check documents for facts that contradict the KB or other sources.

    Without paths the whole ledger is checked and its findings are recorded for review
    (`ledger review`, `ledger report`): new ones added, ones no longer found marked resolved.
    Findings dismissed in review are hidden (--all shows them).

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or
    input error."""
    from datetime import UTC, datetime

    from ledger import pipeline
    from ledger.engine.rules import load_rules, select_rules
    from ledger.model import SEVERITY_RANK
    from ledger.report import Context, render

    started = datetime.now(UTC).replace(tzinfo=None)
    if prune and baseline is None:
        from ledger.errors import UsageError

        raise UsageError("--prune needs --baseline FILE")
    cfg = STATE.config
    all_rules = load_rules([*cfg.rules, *(rules or [])])
    chosen = select_rules(all_rules, split_ids(select) or cfg.select, split_ids(ignore) or cfg.ignore)
    skipped: list[pipeline.Skip] = []
    drafts: list[Analysis] = []
    fast = None
    if paths and not store and fmt != CheckFmt.html:
        # a reporter's draft: plain DB-API and the cached name index, when the ledger allows
        fast = pipeline.check_drafts_fast(cfg.db_url(STATE.db), paths, chosen, cfg.kb_paths(kb),
                                          _exclude(exclude))
    if fast is not None:
        findings, drafts, skipped = fast
        _report_skips(skipped)
        if not drafts:
            raise typer.Exit(2)
        documents = len(drafts)
    else:
        STATE.load_kb(kb)
        engine = STATE.engine()
        if paths:
            index = pipeline.name_index(engine)
            for item in pipeline.analyze_paths(paths, index, _exclude(exclude)):
                if isinstance(item, pipeline.Skip):
                    skipped.append(item)
                else:
                    drafts.append(item)
            _report_skips(skipped)
            if store:
                from ledger.store import repo

                for a in drafts:
                    repo.save_analysis(engine, a, pipeline.analyzer_id())
            if not drafts:
                raise typer.Exit(2)
            findings = pipeline.check(engine, chosen, drafts)
            documents = len(drafts)
            from ledger.review import records

            records.apply_statuses(engine, findings)  # decisions apply to drafts; not recorded
        else:
            from ledger.store.view import SqlView

            findings = pipeline.check(engine, chosen)
            documents = len(SqlView(engine).documents())
            from ledger.review import records

            records.record_check(engine, findings, {r.id for r in chosen}, documents, started)
    produced = findings
    if not show_all:
        findings = [f for f in findings if f.status != "dismissed"]
    if baseline is not None:
        from ledger.review import baseline as baselines

        if baseline.exists():
            base = baselines.load(baseline)
            if prune:
                dropped = baselines.prune(base, produced)
                info(f"pruned {dropped} entr{'y' if dropped == 1 else 'ies'} from baseline {baseline}")
            findings, held = base.split(findings)
            if held:
                info(f"{len(held)} finding(s) in baseline {baseline} not reported")
        else:
            baselines.write(baseline, findings)
            info(f"wrote baseline {baseline} with {len(findings)} finding(s)")
            findings = []
    rule_docs = {r.id: r for r in chosen}
    if fmt == CheckFmt.html:
        from ledger.review.reporting import html_context

        ctx: Context = html_context(engine, findings, rule_docs, documents, drafts,
                                    title="ledger check", scope="drafts" if paths else "whole ledger")
    else:
        ctx = Context(documents=documents, color=use_color() and output is None, rules=rule_docs)
    write_output(render(fmt.value, findings, ctx), output)
    threshold = SEVERITY_RANK[(fail_on.value if fail_on else cfg.fail_on)]
    if skipped:
        raise typer.Exit(2)
    if any(SEVERITY_RANK[f.severity] >= threshold for f in findings if f.status != "dismissed"):
        raise typer.Exit(1)


def mentions(
    paths: PathsArg,
    kb: KbOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.text,
    output: OutputOpt = None,
    exclude: ExcludeOpt = None,
) -> None:
    """The resolved mentions of documents (not stored): surface, entity, score and method."""
    from ledger.cli import show

    items, skipped = _analyze(paths, kb, exclude)
    write_output(show.mentions(items, fmt.value), output)
    if skipped:
        raise typer.Exit(2)


def claims(
    paths: PathsArg,
    kb: KbOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.text,
    output: OutputOpt = None,
    exclude: ExcludeOpt = None,
) -> None:
    """The claims extracted from documents (not stored): span, subject, predicate, value,
    valid time and sentence."""
    from ledger.cli import show

    items, skipped = _analyze(paths, kb, exclude)
    write_output(show.claims(items, fmt.value), output)
    if skipped:
        raise typer.Exit(2)


def _analyze(paths: list[Path], kb: list[Path] | None, exclude: list[str] | None) -> tuple[list, list]:
    from ledger import pipeline

    STATE.load_kb(kb)
    index = pipeline.name_index(STATE.engine())
    items: list[Analysis] = []
    skipped: list[pipeline.Skip] = []
    for item in pipeline.analyze_paths(paths, index, _exclude(exclude)):
        if isinstance(item, pipeline.Skip):
            skipped.append(item)
        else:
            items.append(item)
    _report_skips(skipped)
    return items, skipped


def resolve(
    name: Annotated[str, typer.Argument(help="The name as written, e.g. 'Li Thuong Phuc' or 'Mr. Li'.", metavar="NAME")],
    in_: Annotated[Path | None, typer.Option("--in", help="Resolve it in this document's context (short forms need the person introduced earlier).", metavar="PATH")] = None,
    day: Annotated[str | None, typer.Option("--date", help="The date to resolve at (YYYY-MM-DD): picks the edition of a recurring event, the holder of a title.", metavar="D")] = None,
    kb: KbOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.text,
) -> None:
    """How a name resolves: the candidates, their scores and the reason for the choice."""
    import json
    from datetime import date

    from ledger import pipeline
    from ledger.errors import UsageError
    from ledger.resolve.explain import explain, explain_in

    try:
        when = date.fromisoformat(day) if day else None
    except ValueError:
        raise UsageError(f"--date: {day!r} is not a date (YYYY-MM-DD)") from None
    STATE.load_kb(kb)
    index = pipeline.name_index(STATE.engine())
    if in_ is not None:
        items = [a for a in pipeline.analyze_paths([in_], index) if not isinstance(a, pipeline.Skip)]
        if not items:
            raise UsageError(f"{in_}: cannot read this document")
        found = [(a.doc.path, m) for a in items for m in explain_in(name, a.mentions)]
        if fmt == Fmt.json:
            from ledger.cli.show import mention_dict

            write_output(json.dumps({"version": 1, "mentions": [mention_dict(p, m) for p, m in found]},
                                    ensure_ascii=False, indent=2) + "\n", None)
            return
        if not found:
            write_output(f"{name!r} does not occur as a name in {in_}\n", None)
            raise typer.Exit(1)
        lines = [f"{p}:{m.span.line}:{m.span.column}: {m.surface!r} -> {m.entity or '(unresolved)'} "
                 f"[{m.method}, {m.score:.2f}] {m.reason}" for p, m in found]
        write_output("\n".join(lines) + "\n", None)
        return
    ex = explain(name, index, when)
    if fmt == Fmt.json:
        data = {"version": 1, "name": name, "entity": ex.entity, "method": ex.method, "score": ex.score,
                "reason": ex.reason, "candidates": [c.__dict__ for c in ex.candidates]}
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    out = [f"{name!r} -> {ex.entity or '(unresolved)'} [{ex.method}, {ex.score:.2f}]", f"  because: {ex.reason}"]
    if ex.candidates:
        out.append("  candidates:")
        out += [f"    {c.score:.2f}  {c.entity:32} {c.method:16} {c.reason}" for c in ex.candidates]
    write_output("\n".join(out) + "\n", None)
    if ex.entity is None:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(check)
    app.command()(mentions)
    app.command()(claims)
    app.command()(resolve)
