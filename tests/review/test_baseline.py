"""``ledger check --baseline FILE [--prune]``."""

from __future__ import annotations

import json
from pathlib import Path

NEW_ERROR = (
    "---\ntitle: New\nsource: Test Wire\npublished: 2023-05-31\n---\n"
    "Talks between Secretary of State Lloyd Austin and Li Shangfu stalled.\n"
)


def _findings(cli, db_url: str, cwd: Path, *extra: str) -> tuple[int, list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    r = cli("--db", db_url, "check", "--format", "json", *extra, cwd=cwd)
    assert r.code in (0, 1), r.err
    return r.code, json.loads(r.out)["findings"]


def test_missing_baseline_is_written_then_honoured(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    code, before = _findings(cli, db_url, seeded)
    assert code == 1 and before
    r = cli(
        "--db", db_url, "check", "--baseline", "ci/baseline.json", "--format", "json", cwd=seeded
    )
    assert r.code == 0, r.err
    assert json.loads(r.out)["findings"] == []
    assert f"wrote baseline ci/baseline.json with {len(before)} finding(s)" in r.err
    data = json.loads((seeded / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert set(data["fingerprints"]) == {f["fingerprint"] for f in before}
    austin = next(f for f in before if f["rule"] == "office-mismatch")
    entry = data["fingerprints"][austin["fingerprint"]]
    assert entry == {
        "rule": "office-mismatch",
        "path": austin["path"],
        "line": 8,
        "message": austin["message"],
    }

    # the baseline holds: nothing reported, exit 0
    r = cli("--db", db_url, "check", "--baseline", "ci/baseline.json", cwd=seeded)
    assert r.code == 0, r.out
    assert "office-mismatch" not in r.out
    assert f"{len(before)} finding(s) in baseline ci/baseline.json not reported" in r.err

    # a new error is reported and fails the run; the baselined ones still are not
    (seeded / "new.md").write_text(NEW_ERROR, encoding="utf-8")
    assert cli("--db", db_url, "ingest", "new.md", cwd=seeded).code == 0
    code, now = _findings(cli, db_url, seeded, "--baseline", "ci/baseline.json")
    assert code == 1
    assert {f["path"] for f in now} == {"new.md"}
    assert any(f["rule"] == "office-mismatch" for f in now)
    # drafts are checked against the baseline too
    code, drafts = _findings(
        cli, db_url, seeded, "seeds/articles", "--baseline", "ci/baseline.json"
    )
    assert code == 0 and drafts == []


def test_prune_drops_entries_that_no_longer_match(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    _, before = _findings(cli, db_url, seeded)
    fps = {f["fingerprint"] for f in before}
    baseline = seeded / "baseline.json"
    stale = {
        "0000000000000000": {
            "rule": "office-mismatch",
            "path": "gone.txt",
            "line": 1,
            "message": "old",
        }
    }
    entries = {f["fingerprint"]: {"rule": f["rule"]} for f in before} | stale
    baseline.write_text(json.dumps({"version": 1, "fingerprints": entries}), encoding="utf-8")

    r = cli("--db", db_url, "check", "--baseline", "baseline.json", cwd=seeded)
    assert r.code == 0
    assert "0000000000000000" in json.loads(baseline.read_text(encoding="utf-8"))["fingerprints"]

    r = cli("--db", db_url, "check", "--baseline", "baseline.json", "--prune", cwd=seeded)
    assert r.code == 0, r.err
    assert "pruned 1 entry from baseline baseline.json" in r.err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert set(data["fingerprints"]) == fps
    # kept entries are refreshed for the humans reading them
    austin = next(f for f in before if f["rule"] == "office-mismatch")
    assert data["fingerprints"][austin["fingerprint"]]["path"] == austin["path"]


def test_baseline_usage_errors_exit_2(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "check", "--prune", cwd=seeded)
    assert r.code == 2 and "--prune needs --baseline" in r.err
    (seeded / "bad.json").write_text("{not json", encoding="utf-8")
    r = cli("--db", db_url, "check", "--baseline", "bad.json", cwd=seeded)
    assert r.code == 2 and "bad.json:1: baseline is not valid JSON" in r.err
    (seeded / "other.json").write_text('{"version": 7}', encoding="utf-8")
    r = cli("--db", db_url, "check", "--baseline", "other.json", cwd=seeded)
    assert r.code == 2 and "not a ledger baseline" in r.err
    assert "Traceback" not in r.err
