"""``--format github``: GitHub Actions workflow commands, one annotation per finding::

    ::error file=a.txt,line=8,col=57,endLine=8,endColumn=86,title=ledger office-mismatch::message

Severities map to ``error``, ``warning`` and ``notice``.  Values are escaped as the runner
expects: ``%``, CR and LF in the message; also ``:`` and ``,`` in the properties.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledger.model import Finding
from ledger.report import Context

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [
        ("file", f.path),
        ("line", str(f.line)),
        ("col", str(f.column)),
        ("endLine", str(f.end_line)),
        ("endColumn", str(f.end_column)),
        ("title", f"ledger {f.rule}"),
    ]
    body = f.message
    if f.fix is not None:
        body += f"\nsuggested: {f.fix.replacement}"
    body += f"\nid: {f.fingerprint[:12]}" + (f" ({f.status})" if f.status != "open" else "")
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(f.severity, 'warning')} {head}::{escape_data(body)}"


def render(findings: Sequence[Finding], ctx: Context) -> str:
    return "".join(annotation(f) + "\n" for f in findings)
