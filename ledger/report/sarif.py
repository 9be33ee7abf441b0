"""``--format sarif``: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code's SARIF
viewer, …).

One run; ``tool.driver.rules`` documents every rule in force from its YAML (summary,
description, examples); each finding is a result with its region (1-based lines, columns in
Unicode code points, ``endColumn`` one past the last character, as SARIF counts them), its
fingerprint as ``partialFingerprints["ledgerFingerprint/v1"]``, the evidence as related
locations and the fix, when there is one, as a replacement of the flagged region.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ledger import rx
from ledger.jsonout import dumps
from ledger.model import Evidence, Finding
from ledger.report import Context

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "ledgerFingerprint/v1"
URL_RE = rx.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def uri(path: str) -> str:
    """A relative URI reference for a path as ledger shows it (relative to the current folder
    when under it); an absolute path elsewhere becomes a file: URI; URLs stay as they are."""
    if URL_RE.match(path):
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    posix = PurePosixPath(*p.parts).as_posix() if p.parts else path
    return quote(posix.replace(os.sep, "/"), safe="/")


def _text_of_examples(examples: list[dict[str, str]]) -> tuple[str, str]:
    plain: list[str] = []
    md: list[str] = []
    for ex in examples:
        for key, value in ex.items():
            plain.append(f"  {key}: {value}")
            md.append(f"- **{key}**: {value}")
    return "\n".join(plain), "\n".join(md)


def rule_descriptor(rule_id: str, rule: Any | None, severity: str) -> dict[str, Any]:
    summary = (getattr(rule, "summary", "") or "").strip() or rule_id
    description = (getattr(rule, "description", "") or "").strip() or summary
    examples = list(getattr(rule, "examples", []) or [])
    plain_ex, md_ex = _text_of_examples(examples)
    help_text = description + (f"\n\nExamples:\n{plain_ex}" if plain_ex else "")
    help_md = description + (f"\n\n**Examples**\n\n{md_ex}" if md_ex else "")
    level = LEVELS.get(getattr(rule, "severity", None) or severity, "warning")
    out: dict[str, Any] = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["facts", getattr(rule, "kind", "") or "rule"]},
    }
    return out


def _region(
    line: int,
    column: int,
    end_line: int | None = None,
    end_column: int | None = None,
    snippet: str | None = None,
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, line), "startColumn": max(1, column)}
    if end_line is not None and end_column is not None:
        region["endLine"] = max(region["startLine"], end_line)
        region["endColumn"] = max(1, end_column)
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _related(i: int, e: Evidence) -> dict[str, Any]:
    who = ", ".join(x for x in (e.source, e.published) if x)
    text = f"{who}: {e.excerpt}" if who else e.excerpt
    if e.note:
        text += f" ({e.note})"
    loc: dict[str, Any] = {"id": i, "message": {"text": text}}
    if e.path:
        loc["physicalLocation"] = {
            "artifactLocation": {"uri": uri(e.path)},
            "region": _region(e.line or 1, e.column or 1, snippet=e.excerpt or None),
        }
    return loc


def result(f: Finding, rule_index: int) -> dict[str, Any]:
    region = _region(f.line, f.column, f.end_line, f.end_column, f.excerpt or None)
    location = {"artifactLocation": {"uri": uri(f.path)}, "region": region}
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"status": f.status, "entities": list(f.entities)},
    }
    if f.source:
        out["properties"]["source"] = f.source
    if f.evidence:
        out["relatedLocations"] = [_related(i, e) for i, e in enumerate(f.evidence, 1)]
    if f.fix is not None:
        deleted = {k: v for k, v in region.items() if k != "snippet"}
        out["fixes"] = [
            {
                "description": {"text": f.fix.description or f"replace with {f.fix.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri(f.path)},
                        "replacements": [
                            {
                                "deletedRegion": deleted,
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    if f.status == "dismissed":
        out["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": "dismissed in ledger review",
            }
        ]
    return out


def document(findings: Sequence[Finding], ctx: Context) -> dict[str, Any]:
    from ledger import __version__

    rule_ids = list(ctx.rules)
    for f in findings:
        if f.rule not in ctx.rules and f.rule not in rule_ids:
            rule_ids.append(f.rule)
    severity_of = {f.rule: f.severity for f in findings}
    descriptors = [
        rule_descriptor(rid, ctx.rules.get(rid), severity_of.get(rid, "warning"))
        for rid in rule_ids
    ]
    index = {rid: i for i, rid in enumerate(rule_ids)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ledger",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://pypi.org/project/ledger/",
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(f, index[f.rule]) for f in findings],
                "properties": {"documents": ctx.documents},
            }
        ],
    }


def render(findings: Sequence[Finding], ctx: Context) -> str:
    return dumps(document(findings, ctx))
