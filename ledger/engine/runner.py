"""Run rules over a view: findings of every rule, suppression comments applied, sorted by path,
line, column, rule."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from ledger.engine.kinds import get_kind
from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView
from ledger.model import SEVERITY_RANK, DocRef, Finding
from ledger.read.directives import Directive, directives_of

UNUSED = "unused-suppression"
# evidence shown per finding: the reference (KB) first, then one claim per outlet, then more
MAX_EVIDENCE = 10


def run_rules(view: LedgerView, rules: Iterable[Rule], targets: Collection[str] | None) -> list[Finding]:
    rules = list(rules)
    findings: list[Finding] = []
    seen: dict[str, list[Finding]] = {}
    for rule in rules:
        if rule.kind == "unused_suppression":
            continue
        kind = get_kind(rule.kind)
        for f in kind.check(view, rule, targets):
            same = seen.setdefault(f.fingerprint, [])
            if any((g.line, g.column) == (f.line, f.column) for g in same):
                continue  # the same finding twice
            same.append(f)
            findings.append(_trim_evidence(f))
    _number_repeats(seen.values())
    findings = _one_per_slip(findings, {r.id: r.kind for r in rules})
    unused_rule = next((r for r in rules if r.kind == "unused_suppression"), None)
    findings = _suppress(view, findings, targets, {r.id for r in rules}, unused_rule)
    findings.sort(key=Finding.sort_key)
    return findings


def _one_per_slip(findings: list[Finding], kinds: dict[str, str]) -> list[Finding]:
    """A name that a warning of its form already reports ("'Rigathi Gachangua' looks like a
    misspelling of Rigathi Gachagua") is not reported again as spelled otherwise than before
    in its document (name-inconsistency): one slip, one finding."""
    told = {(f.path, f.line, f.column) for f in findings
            if kinds.get(f.rule) == "mention_form" and SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK["warning"]}
    if not told:
        return findings
    return [f for f in findings if not (kinds.get(f.rule) == "name_consistency" and (f.path, f.line, f.column) in told)]


def _number_repeats(groups: Iterable[list[Finding]]) -> None:
    """One error made twice in a document ("Foreign Minister Qin Gang" on two lines) is two
    findings: the first in the text keeps its fingerprint, each later one has its own (its
    identity and the count of it), so that an editor's decision on one is not taken for the
    other."""
    for group in groups:
        if len(group) < 2:
            continue
        for n, f in enumerate(sorted(group, key=lambda g: (g.line, g.column))[1:], start=2):
            f.repeat(n)


def heard_first(whos: Sequence[str | None], limit: int = MAX_EVIDENCE) -> list[int]:
    """Which of the evidence, by who gives it (an outlet; "KB" for the reference, ranked
    first), to keep: at most ``limit``, every outlet heard before any speaks twice, in their
    order.  Rules with much evidence call it before they build the evidence."""
    if len(whos) <= limit:
        return list(range(len(whos)))
    ranked = sorted(range(len(whos)), key=lambda i: (whos[i] != "KB", i))
    first: list[int] = []
    again: list[int] = []
    heard: set[str | None] = set()
    for i in ranked:
        (again if whos[i] in heard else first).append(i)
        heard.add(whos[i])
    return sorted((first + again)[:limit])


def cited(pairs: Sequence[tuple[DocRef, Any]], kb: bool = False) -> tuple[list[tuple[DocRef, Any]], int]:
    """Of the ``(ref, claim)`` pairs a finding would cite (after the KB's evidence when
    ``kb``), those ``heard_first`` keeps, and the number left out."""
    keep = heard_first(["KB"] * kb + [r.source or r.path for r, _ in pairs])
    picked = [pairs[i - kb] for i in keep if i >= kb]
    return picked, len(pairs) - len(picked)


def _trim_evidence(f: Finding, limit: int = MAX_EVIDENCE) -> Finding:
    """At most ``limit`` pieces of evidence (``heard_first``), the number left out noted."""
    if len(f.evidence) <= limit:
        return f
    keep = heard_first([e.source or e.path for e in f.evidence], limit)
    f.evidence_omitted += len(f.evidence) - len(keep)
    f.evidence = [f.evidence[i] for i in keep]
    return f


def _suppress(view: LedgerView, findings: list[Finding], targets: Collection[str] | None,
              active: set[str], unused_rule: Rule | None) -> list[Finding]:
    by_path: dict[str, list[Directive]] = {}
    # drafts are read whole; over the ledger, one query finds the documents with directives
    keys = set(targets) if targets is not None else view.containing(["ledger-ignore"])
    for ref in view.documents(keys):
        doc = view.document(ref.key)
        if doc is not None:
            ds = directives_of(doc)
            if ds:  # the records of one .jsonl file share its path
                by_path.setdefault(ref.path, []).extend(ds)
    if not by_path:
        return findings
    kept = []
    for f in findings:
        hit = [d for d in by_path.get(f.path, ()) if d.covers(f.rule, f.line)]
        for d in hit:
            d.used.add(f.rule)
        if not hit:
            kept.append(f)
    if unused_rule is None:
        return kept
    for path, ds in by_path.items():
        for d in ds:
            named = d.rules & active if d.rules else set()
            idle = sorted(named - d.used) if d.rules else ([] if d.used else ["all"])
            # a rule not selected in this run cannot be judged
            for rid in idle:
                if hit_rule := (rid if rid != "all" else "every rule"):
                    kept.append(Finding(
                        rule=unused_rule.id, severity=unused_rule.severity,
                        message=unused_rule.format(rule=hit_rule, directive=d.text),
                        path=path, line=d.line, column=d.column, end_line=d.line,
                        end_column=d.end_column, excerpt=d.text,
                        identity=(d.text, rid, d.target_line or 0),
                    ))
    return kept

