"""Text and JSON listings of mentions and claims (SPEC §7)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ledger.jsonout import dumps
from ledger.model import Analysis, Claim, Mention


def mention_dict(path: str, m: Mention) -> dict[str, Any]:
    return {
        "path": path, "line": m.span.line, "column": m.span.column,
        "end_line": m.span.end_line, "end_column": m.span.end_column,
        "surface": m.surface, "entity": m.entity, "kind": m.kind,
        "score": m.score, "method": m.method, "reason": m.reason,
    }


def claim_dict(path: str, c: Claim) -> dict[str, Any]:
    return {
        "path": path, "line": c.span.line, "column": c.span.column,
        "end_line": c.span.end_line, "end_column": c.span.end_column,
        "subject": c.subject, "predicate": c.predicate, "object": c.object, "value": c.value,
        "valid_from": c.valid_from.isoformat() if c.valid_from else None,
        "valid_to": c.valid_to.isoformat() if c.valid_to else None,
        "qualifiers": c.qualifiers, "section": c.section, "sentence": c.sentence,
        # as written (beyond SPEC §7's fields): what an unresolved subject or object is
        "subject_text": c.subject_surface or None, "object_text": c.object_surface or None,
    }


def mentions(items: Sequence[Analysis], fmt: str) -> str:
    rows = [mention_dict(a.doc.path, m) for a in items for m in a.mentions]
    if fmt == "json":
        return dumps({"version": 1, "mentions": rows})
    out = []
    for r in rows:
        target = r["entity"] or "(unresolved)"
        out.append(
            f"{r['path']}:{r['line']}:{r['column']}: {r['surface']!r} -> {target} "
            f"[{r['kind']}, {r['method']}, {r['score']:.2f}] {r['reason']}"
        )
    return "\n".join(out) + ("\n" if out else "")


def claims(items: Sequence[Analysis], fmt: str) -> str:
    rows = [claim_dict(a.doc.path, c) for a in items for c in a.claims]
    if fmt == "json":
        return json.dumps({"version": 1, "claims": rows}, ensure_ascii=False, indent=2, default=str) + "\n"
    out = []
    for r in rows:
        # an unresolved subject or office as written, quoted: "'Fumio Kishida' holds_office 'Prime Minister'"
        subject = r["subject"] or (repr(r["subject_text"]) if r["subject_text"] else "?")
        office = r["object"] or (repr(r["object_text"]) if r["object_text"] else None)
        obj = " ".join(x for x in (office, repr(r["value"]) if r["value"] is not None else None) if x) or "?"
        when = _when(r["valid_from"], r["valid_to"])
        out.append(
            f"{r['path']}:{r['line']}:{r['column']}: {subject} {r['predicate']} {obj} "
            f"@ {when} [{r['section']}]\n    {r['sentence']}"
        )
    return "\n".join(out) + ("\n" if out else "")


def _when(start: str | None, end: str | None) -> str:
    """A claim's valid time in words: a day, "from A", "until B" (held some time up to then:
    "former", "was appointed"), "A to B", or "undated"."""
    if start == end:
        return start or "undated"
    if start is None:
        return f"until {end}"
    if end is None:
        return f"from {start}"
    return f"{start} to {end}"
