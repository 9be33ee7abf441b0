"""Every rule's examples are its tests: one fixture file per rule in this folder, with cases
that must flag and cases that must stay clean, run by one parametrized runner on an in-memory
view (no database).  A meta-test fails when a rule has no flagged or no clean case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ledger.engine.rules import load_rules
from ledger.engine.runner import run_rules
from ledger.engine.view import MemoryView
from ledger.pipeline import analyze
from ledger.read import read_file
from ledger.resolve.index import build_index
from ledger.resolve.kb import load_kb

HERE = Path(__file__).parent
SEED_KB = HERE.parents[1] / "seeds" / "kb"
RULES = {r.id: r for r in load_rules()}
FIXTURES = sorted(HERE.glob("*.yaml"))


def _cases() -> list[Any]:
    out = []
    for path in FIXTURES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            kb = case.get("kb", data.get("kb"))
            out.append(pytest.param(data["rule"], case, kb, id=f"{data['rule']}:{case['name']}"))
    return out


def _write_doc(folder: Path, d: dict[str, Any]) -> Path:
    meta = {k: d[k] for k in ("title", "source", "published", "url") if k in d}
    front = "---\n" + yaml.safe_dump(meta, sort_keys=True) + "---\n" if meta else ""
    p = folder / d.get("path", "doc.md")
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(front + d["text"], encoding="utf-8")
    return p


@pytest.mark.parametrize(("rule_id", "case", "kb_extra"), _cases())
def test_rule_case(rule_id: str, case: dict[str, Any], kb_extra: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dirs = [SEED_KB]
    if kb_extra:
        (tmp_path / "kb").mkdir()
        (tmp_path / "kb" / "extra.yaml").write_text(kb_extra, encoding="utf-8")
        dirs.append(tmp_path / "kb")
    kb = load_kb(dirs)
    index = build_index(kb.entities, [(a["entity"], a["form"]) for a in case.get("aliases", [])])
    analyses = []
    for d in case["documents"]:
        for doc in read_file(_write_doc(tmp_path, d).relative_to(tmp_path)):
            analyses.append(analyze(doc, index))
    targets = {a.ref.key for a, d in zip(analyses, case["documents"], strict=True) if d.get("target", True)}
    rules = [RULES[rule_id], *(RULES[r] for r in case.get("also", []))]  # rules the case needs besides
    findings = [f for f in run_rules(MemoryView(analyses, kb.entities), rules, targets) if f.rule == rule_id]
    if case["expect"] == "clean":
        assert findings == [], [f.message for f in findings]
        return
    assert findings, f"{rule_id} did not flag case {case['name']}"
    for want in case.get("findings", []):
        assert any(all(getattr(f, k) == v if k != "fix" else (f.fix and f.fix.replacement == v)
                       for k, v in want.items()) for f in findings), (want, [f.to_dict() for f in findings])
    if "count" in case:
        assert len(findings) == case["count"], [f.message for f in findings]
        assert len({f.fingerprint for f in findings}) == len(findings), "two findings, one fingerprint"


def test_every_rule_has_flagged_and_clean_cases() -> None:
    seen: dict[str, set[str]] = {}
    for path in FIXTURES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        seen.setdefault(data["rule"], set()).update(c["expect"] for c in data["cases"])
    for rule_id in RULES:
        assert seen.get(rule_id, set()) >= {"flag", "clean"}, f"rule {rule_id} needs a flag and a clean case in tests/rules/"
