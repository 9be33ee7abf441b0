"""Baselines: ``ledger check --baseline FILE``.

A baseline file lists the fingerprints of findings a team has decided to live with for now (an
archive checked for the first time, say).  Findings in it are not reported and do not fail the
run; new ones are.  Format (JSON, version 1)::

    {"version": 1,
     "fingerprints": {"8c7f263f34a0b1c2": {"rule": "office-mismatch", "path": "…",
                                           "line": 8, "message": "…"}}}

Only the keys of ``fingerprints`` matter; rule, path, line and message are for the humans who
read the diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledger.errors import UsageError
from ledger.model import Finding

VERSION = 1


@dataclass
class Baseline:
    path: Path
    entries: dict[str, dict[str, Any]]

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.entries

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(findings to report, findings the baseline holds)."""
        new: list[Finding] = []
        known: list[Finding] = []
        for f in findings:
            (known if f.fingerprint in self.entries else new).append(f)
        return new, known


def _entry(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "path": f.path, "line": f.line, "message": f.message}


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}:{e.lineno}: baseline is not valid JSON: {e.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise UsageError(
            f'{path}: not a ledger baseline (expected a JSON object with "version": {VERSION})'
        )
    fps = data.get("fingerprints")
    if isinstance(fps, list):  # a bare list of fingerprints is accepted too
        fps = {str(fp): {} for fp in fps}
    if not isinstance(fps, dict):
        raise UsageError(f"{path}: field 'fingerprints' must be an object keyed by fingerprint")
    return Baseline(path, {str(k): (v if isinstance(v, dict) else {}) for k, v in fps.items()})


def dump(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    ordered = dict(
        sorted(
            entries.items(),
            key=lambda kv: (
                str(kv[1].get("path", "")),
                int(kv[1].get("line", 0) or 0),
                str(kv[1].get("rule", "")),
                kv[0],
            ),
        )
    )
    text = json.dumps({"version": VERSION, "fingerprints": ordered}, ensure_ascii=False, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")


def write(path: Path, findings: Sequence[Finding]) -> Baseline:
    """A new baseline holding ``findings``."""
    entries = {f.fingerprint: _entry(f) for f in findings}
    dump(path, entries)
    return Baseline(path, entries)


def prune(baseline: Baseline, findings: Iterable[Finding]) -> int:
    """Rewrite the baseline without the entries no current finding matches; the number dropped.
    Entries that still match are refreshed (their line and message may have moved)."""
    current = {f.fingerprint: f for f in findings}
    kept = {fp: _entry(current[fp]) for fp in baseline.entries if fp in current}
    dropped = len(baseline.entries) - len(kept)
    dump(baseline.path, kept)
    baseline.entries = kept
    return dropped
