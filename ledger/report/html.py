"""``--format html`` and ``ledger report``: the editor's report, one self-contained HTML file.

Findings are grouped by story (findings linked through the entities they share) and, within a
story, by entity.  Each finding shows the flagged excerpt side by side with each source's
excerpt, the words that disagree marked (a word diff with :mod:`difflib`), the fix, the rule's
documentation one click away, and its id with a copyable ``ledger review dismiss`` command.
Filters by rule, severity, status and outlet run in the page (plain JavaScript, no network).
Every piece of article text goes through jinja2's autoescaping.  jinja2 is imported here only.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ledger import rx
from ledger.model import SEVERITY_RANK, Finding
from ledger.report import Context, summary

TEMPLATES = Path(__file__).resolve().parent / "templates"
WORD = rx.compile(r"\S+")
PUNCT = rx.compile(r"^\W+|\W+$")
WINDOW = 160  # characters of context either side of an excerpt


@dataclass
class ReportContext(Context):
    """What the editor's report shows beyond the findings: entity names, and the titles,
    outlets and lines of the documents the findings point at (``DocInfo``-like objects with
    ``title``, ``source``, ``published`` and ``lines``)."""

    title: str = "ledger report"
    entity_names: dict[str, str] = field(default_factory=dict)
    documents_info: dict[str, Any] = field(default_factory=dict)
    generated: str = ""
    scope: str = ""


@dataclass
class Seg:
    text: str
    mark: bool = False


def _key(word: str) -> str:
    return PUNCT.sub("", word).casefold() or word


def _segments(words: list[str], marked: list[bool]) -> list[Seg]:
    """Runs of words with the same mark, separated by unmarked spaces."""
    out: list[Seg] = []
    for w, m in zip(words, marked, strict=True):
        if out and out[-1].mark == m:
            out[-1].text += " " + w
        elif out and not out[-1].mark:
            out[-1].text += " "
            out.append(Seg(w, m))
        elif out:  # after a marked run: the space stays unmarked
            out.append(Seg(" " + w, False))
        else:
            out.append(Seg(w, m))
    return out


def word_diff(a: str, b: str) -> tuple[list[Seg], list[Seg]]:
    """``a`` and ``b`` as segments, the words of each that the other lacks marked."""
    wa, wb = WORD.findall(a), WORD.findall(b)
    ma, mb = [False] * len(wa), [False] * len(wb)
    sm = difflib.SequenceMatcher(a=[_key(w) for w in wa], b=[_key(w) for w in wb], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            for i in range(i1, i2):
                ma[i] = True
            for j in range(j1, j2):
                mb[j] = True
    return _segments(wa, ma), _segments(wb, mb)


class _Stories:
    """Union-find over findings: two findings are in one story when they share an entity."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _info(ctx: Context, path: str) -> Any:
    return getattr(ctx, "documents_info", {}).get(path)


def _line(ctx: Context, path: str, line: int, column: int, length: int) -> list[Seg]:
    """The document's line around an excerpt, the excerpt marked; empty when unknown."""
    info = _info(ctx, path)
    text = (getattr(info, "lines", {}) or {}).get(line, "") if info is not None else ""
    if not text.strip():
        return []
    start = max(0, column - 1)
    end = min(len(text), start + max(0, length))
    if start >= len(text) or end <= start:
        return [Seg(text.strip())]
    before, after = text[:start].lstrip(), text[end:].rstrip()
    if len(before) > WINDOW:
        before = "…" + before[-WINDOW:]
    if len(after) > WINDOW:
        after = after[:WINDOW] + "…"
    segs = [Seg(before), Seg(text[start:end], True), Seg(after)]
    return [s for s in segs if s.text]


def _finding_view(f: Finding, ctx: Context, names: dict[str, str]) -> dict[str, Any]:
    comparisons = []
    for e in f.evidence:
        left, right = word_diff(f.excerpt, e.excerpt)
        comparisons.append(
            {
                "left": left,
                "right": right,
                "source": e.source or "unknown outlet",
                "published": e.published or "",
                "path": e.path,
                "line": e.line,
                "column": e.column,
                "note": e.note,
                "context": _line(ctx, e.path, e.line, e.column, len(e.excerpt)) if e.path else [],
            }
        )
    info = _info(ctx, f.path)
    outlet = f.source or getattr(info, "source", None) or "unknown"
    fix_left = fix_right = None
    if f.fix is not None:
        fix_left, fix_right = word_diff(f.excerpt, f.fix.replacement)
    return {
        "f": f,
        "id": f.fingerprint,
        "short": f.fingerprint[:12],
        "outlet": outlet,
        "entity_names": [names.get(e, e) for e in f.entities],
        "comparisons": comparisons,
        "context": _line(
            ctx,
            f.path,
            f.line,
            f.column,
            (f.end_column - f.column) if f.end_line == f.line else len(f.excerpt),
        ),
        "fix_left": fix_left,
        "fix_right": fix_right,
        "dismiss": f'ledger review dismiss {f.fingerprint[:12]} --note "…"',
    }


def _stories(findings: Sequence[Finding], ctx: Context) -> list[dict[str, Any]]:
    names: dict[str, str] = dict(getattr(ctx, "entity_names", {}) or {})
    uf = _Stories(len(findings))
    first_with: dict[str, int] = {}
    for i, f in enumerate(findings):
        keys = list(f.entities) or [f"path:{f.path}"]
        for k in keys:
            if k in first_with:
                uf.union(first_with[k], i)
            else:
                first_with[k] = i
    clusters: dict[int, list[int]] = {}
    for i in range(len(findings)):
        clusters.setdefault(uf.find(i), []).append(i)
    stories: list[dict[str, Any]] = []
    for members in clusters.values():
        groups: dict[str, list[dict[str, Any]]] = {}
        docs: dict[str, None] = {}
        entity_count: dict[str, int] = {}
        worst = 0
        for i in members:
            f = findings[i]
            primary = f.entities[0] if f.entities else ""
            groups.setdefault(primary, []).append(_finding_view(f, ctx, names))
            docs[f.path] = None
            for e in f.evidence:
                if e.path and e.source != "KB":
                    docs[e.path] = None
            for ent in f.entities:
                entity_count[ent] = entity_count.get(ent, 0) + 1
            worst = max(worst, SEVERITY_RANK.get(f.severity, 0))
        top = sorted(entity_count, key=lambda e: (-entity_count[e], e))[:3]
        title = ", ".join(names.get(e, e) for e in top) or findings[members[0]].path
        documents = []
        for p in docs:
            info = _info(ctx, p)
            documents.append(
                {
                    "path": p,
                    "title": getattr(info, "title", None) or "",
                    "source": getattr(info, "source", None) or "",
                    "published": str(getattr(info, "published", "") or ""),
                }
            )
        stories.append(
            {
                "title": title,
                "documents": documents,
                "worst": worst,
                "count": len(members),
                "groups": [
                    {
                        "entity": names.get(eid, eid) if eid else "(no entity)",
                        "entity_id": eid,
                        "findings": views,
                    }
                    for eid, views in sorted(
                        groups.items(), key=lambda kv: names.get(kv[0], kv[0]).casefold()
                    )
                ],
            }
        )
    stories.sort(key=lambda s: (-s["worst"], -s["count"], s["title"].casefold()))
    for n, s in enumerate(stories, 1):
        s["n"] = n
    return stories


def _rules_doc(findings: Sequence[Finding], ctx: Context) -> list[dict[str, Any]]:
    ids = sorted({f.rule for f in findings})
    out = []
    for rid in ids:
        r = ctx.rules.get(rid)
        examples = []
        for ex in getattr(r, "examples", None) or []:
            for k, v in ex.items():
                examples.append({"label": str(k), "text": str(v)})
        out.append(
            {
                "id": rid,
                "severity": getattr(r, "severity", ""),
                "kind": getattr(r, "kind", ""),
                "summary": getattr(r, "summary", "") or "",
                "description": (getattr(r, "description", "") or "").split("\n\n"),
                "examples": examples,
            }
        )
    return out


def _options(values: list[str]) -> list[str]:
    return sorted(set(values), key=str.casefold)


def render(findings: Sequence[Finding], ctx: Context) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    stories = _stories(findings, ctx)
    views = [v for s in stories for g in s["groups"] for v in g["findings"]]
    order = {"error": 0, "warning": 1, "info": 2}
    status_order = {"open": 0, "accepted": 1, "dismissed": 2, "resolved": 3}
    filters = {
        "rule": _options([f.rule for f in findings]),
        "severity": sorted({f.severity for f in findings}, key=lambda s: order.get(s, 9)),
        "status": sorted({f.status for f in findings}, key=lambda s: status_order.get(s, 9)),
        "outlet": _options([v["outlet"] for v in views]),
    }
    generated = getattr(ctx, "generated", "") or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return env.get_template("report.html.j2").render(
        title=getattr(ctx, "title", "ledger report"),
        scope=getattr(ctx, "scope", ""),
        generated=generated,
        stories=stories,
        rules=_rules_doc(findings, ctx),
        filters=filters,
        summary=summary(findings, ctx.documents),
        total=len(findings),
    )
