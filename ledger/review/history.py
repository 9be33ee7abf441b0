"""``ledger history``: what each revision of a document added, removed or changed.

Consecutive revisions are compared by claim identity ``(subject, predicate, object, value)``:
a claim whose identity the previous revision lacks is added, one the new revision lacks is
removed (as many times as it occurs: identities are counted).  A removed and an added claim
about the same subject with the same predicate (the nearest by line) are reported as one
changed claim: "Sec. of State Lloyd Austin" corrected to "Defense Secretary Lloyd Austin" is
the office claim changed, not one claim removed and another added.  Claims that only moved
(an edit elsewhere shifted their lines) are unchanged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ledger.model import Claim
from ledger.store.history import DocumentHistory, RevisionClaims


def identity(c: Claim) -> tuple[Any, ...]:
    return (c.subject or c.subject_surface or None, c.predicate, c.object, c.value)


def _topic(c: Claim) -> tuple[Any, ...]:
    return (c.subject or c.subject_surface or None, c.predicate)


@dataclass
class Change:
    before: Claim
    after: Claim


@dataclass
class RevisionDiff:
    revision: RevisionClaims
    previous: RevisionClaims | None
    added: list[Claim] = field(default_factory=list)
    removed: list[Claim] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0


def _surplus(claims: list[Claim], other: list[Claim]) -> list[Claim]:
    """The claims of ``claims`` not matched by identity in ``other`` (multiset difference),
    the last occurrences of an identity counted as the surplus ones."""
    budget = Counter(identity(c) for c in other)
    out = []
    for c in claims:
        k = identity(c)
        if budget[k] > 0:
            budget[k] -= 1
        else:
            out.append(c)
    return out


def compare(
    previous: list[Claim], current: list[Claim]
) -> tuple[list[Claim], list[Claim], list[Change]]:
    """(added, removed, changed) going from ``previous`` to ``current``."""
    added = _surplus(current, previous)
    removed = _surplus(previous, current)
    changed: list[Change] = []
    still_added = list(added)
    still_removed = []
    for old in removed:
        options = [c for c in still_added if _topic(c) == _topic(old)]
        if not options:
            still_removed.append(old)
            continue
        new = min(options, key=lambda c: (abs(c.span.line - old.span.line), c.span.start))
        still_added.remove(new)
        changed.append(Change(old, new))
    return still_added, still_removed, changed


def diff_history(history: DocumentHistory) -> list[RevisionDiff]:
    out: list[RevisionDiff] = []
    prev: RevisionClaims | None = None
    for rev in history.revisions:
        if prev is None:
            out.append(RevisionDiff(rev, None, added=list(rev.claims)))
        else:
            added, removed, changed = compare(prev.claims, rev.claims)
            unchanged = len(rev.claims) - len(added) - len(changed)
            out.append(RevisionDiff(rev, prev, added, removed, changed, unchanged))
        prev = rev
    return out


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "line": c.span.line,
        "column": c.span.column,
        "end_line": c.span.end_line,
        "end_column": c.span.end_column,
        "subject": c.subject,
        "predicate": c.predicate,
        "object": c.object,
        "value": c.value,
        "excerpt": c.excerpt,
        "valid_from": c.valid_from.isoformat() if c.valid_from else None,
        "valid_to": c.valid_to.isoformat() if c.valid_to else None,
    }


def to_json(history: DocumentHistory, diffs: list[RevisionDiff]) -> dict[str, Any]:
    return {
        "version": 1,
        "path": history.path,
        "key": history.key,
        "source": history.source,
        "revisions": [
            {
                "number": d.revision.number,
                "recorded_at": d.revision.recorded_at.isoformat(timespec="seconds"),
                "content_hash": d.revision.content_hash,
                "title": d.revision.title,
                "published": d.revision.published.isoformat() if d.revision.published else None,
                "current": d.revision.current,
                "claims": len(d.revision.claims),
                "added": [claim_dict(c) for c in d.added],
                "removed": [claim_dict(c) for c in d.removed],
                "changed": [
                    {"before": claim_dict(x.before), "after": claim_dict(x.after)}
                    for x in d.changed
                ],
                "unchanged": d.unchanged,
            }
            for d in diffs
        ],
    }


def _what(c: Claim) -> str:
    target = c.object or (repr(c.value) if c.value is not None else "?")
    return f"{c.subject or c.subject_surface or '?'} {c.predicate} {target}"


def _target(c: Claim) -> str:
    return c.object or (repr(c.value) if c.value is not None else "?")


def to_text(history: DocumentHistory, diffs: list[RevisionDiff]) -> str:
    lines = [
        f"{history.path}"
        + (f" ({history.source})" if history.source else "")
        + f": {len(diffs)} revision(s)"
    ]
    for d in diffs:
        rev = d.revision
        stamp = rev.recorded_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        tag = " (current)" if rev.current else ""
        lines.append("")
        lines.append(
            f"revision {rev.number}{tag}  recorded {stamp}  content {rev.content_hash[:12]}  "
            f"{len(rev.claims)} claim(s)"
        )
        if d.previous is None:
            lines.append(f"  first revision: {len(d.added)} claim(s)")
            for c in d.added:
                lines.append(f'  + line {c.span.line}: {_what(c)}  "{c.excerpt}"')
            continue
        if not (d.added or d.removed or d.changed):
            lines.append(f"  no claim added, removed or changed ({d.unchanged} unchanged)")
            continue
        for x in d.changed:
            lines.append(
                f"  ~ line {x.before.span.line} -> {x.after.span.line}: "
                f"{_what(x.before)} -> {_target(x.after)}"
            )
            lines.append(f'      was: "{x.before.excerpt}"')
            lines.append(f'      now: "{x.after.excerpt}"')
        for c in d.added:
            lines.append(f'  + line {c.span.line}: {_what(c)}  "{c.excerpt}"')
        for c in d.removed:
            lines.append(
                f'  - line {c.span.line} (revision {d.previous.number}): {_what(c)}  "{c.excerpt}"'
            )
        lines.append(f"  ({d.unchanged} claim(s) unchanged)")
    return "\n".join(lines) + "\n"
