"""``--format text``: ``path:line:column: severity[rule] message``, evidence indented below."""

from __future__ import annotations

from collections.abc import Sequence

from ledger.model import Finding
from ledger.report import Context, summary

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
DIM, BOLD, RESET = "\033[2m", "\033[1m", "\033[0m"


def _one_line(text: str) -> str:
    """An excerpt on one line: the line breaks of the text inside it shown as spaces (the
    JSON, SARIF and HTML reports keep the text as it is)."""
    return " ".join(text.split()) if "\n" in text else text


def render(findings: Sequence[Finding], ctx: Context) -> str:
    c = ctx.color
    lines: list[str] = []
    for f in findings:
        sev = f"{COLORS[f.severity]}{f.severity}{RESET}" if c else f.severity
        loc = f"{BOLD}{f.path}:{f.line}:{f.column}{RESET}" if c else f"{f.path}:{f.line}:{f.column}"
        lines.append(f"{loc}: {sev}[{f.rule}] {f.message}")
        lines.append(f"    | {_one_line(f.excerpt)}")
        for e in f.evidence:
            who = ", ".join(x for x in (e.source, e.published) if x)
            who = f" ({who})" if who else ""
            lines.append(f"    evidence: {e.path}:{e.line}:{e.column}{who}: {_one_line(e.excerpt)}")
        if f.evidence_omitted:
            lines.append(f"    evidence: ({f.evidence_omitted} more not shown)")
        if f.fix is not None:
            lines.append(f"    fix: {f.excerpt!r} -> {f.fix.replacement!r}")
        lines.append(f"    id: {f.fingerprint[:12]}" + (f" ({f.status})" if f.status != "open" else ""))
    s = summary(findings, ctx.documents)
    tail = (
        f"{s['documents']} document(s) checked: {s['error']} error(s), "
        f"{s['warning']} warning(s), {s['info']} info"
    )
    lines.append(f"{DIM}{tail}{RESET}" if c else tail)
    return "\n".join(lines) + "\n"
