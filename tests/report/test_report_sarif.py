"""``check --format sarif``: valid against the official SARIF 2.1.0 schema (OASIS errata01,
vendored here as sarif-schema-2.1.0.json: tests have no network), with the rules' documentation,
regions, fingerprints, evidence and fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ledger.model import Evidence, Finding, Fix
from ledger.report import Context, render

SCHEMA_FILE = Path(__file__).with_name("sarif-schema-2.1.0.json")
AUSTIN = "seeds/articles/002_ecc472111624a45f.txt"


@pytest.fixture(scope="module")
def validator():  # type: ignore[no-untyped-def]
    from jsonschema.validators import validator_for

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator, doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)
    ]


def test_schema_rejects_what_it_should(validator) -> None:  # type: ignore[no-untyped-def]
    """The vendored schema is the strict one: a wrong version or a stray property fails."""
    assert _errors(validator, {"version": "2.1.0", "runs": []}) == []
    assert _errors(validator, {"version": "2.0.0", "runs": []})
    bad_result = {
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "oops": 1}]}
        ],
    }
    assert _errors(validator, bad_result)


def test_seed_check_is_valid_sarif_with_rules_results_and_fixes(
    cli, db_url: str, seeded: Path, validator
) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "check", "--format", "sarif", cwd=seeded)
    assert r.code == 1, r.err
    doc = json.loads(r.out)
    assert _errors(validator, doc) == []
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    from ledger import __version__
    from ledger.engine.rules import load_rules

    assert driver["name"] == "ledger" and driver["version"] == __version__
    rules = {r.id: r for r in load_rules()}
    by_id = {d["id"]: d for d in driver["rules"]}
    assert set(rules) <= set(by_id)
    om = by_id["office-mismatch"]
    assert om["shortDescription"]["text"] == rules["office-mismatch"].summary
    assert om["fullDescription"]["text"] == rules["office-mismatch"].description
    assert rules["office-mismatch"].description in om["help"]["text"]
    assert "Sec. of State Lloyd Austin" in om["help"]["text"]  # an example from the YAML
    assert om["defaultConfiguration"]["level"] == "error"

    plain = json.loads(cli("--db", db_url, "check", "--format", "json", cwd=seeded).out)
    assert len(run["results"]) == len(plain["findings"])
    res = next(x for x in run["results"] if x["ruleId"] == "office-mismatch")
    want = next(f for f in plain["findings"] if f["rule"] == "office-mismatch")
    assert driver["rules"][res["ruleIndex"]]["id"] == "office-mismatch"
    assert res["level"] == "error"
    assert res["message"]["text"] == want["message"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == AUSTIN
    region = loc["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        8,
        57,
        8,
        86,
    )
    assert region["snippet"]["text"] == "US Sec. of State Lloyd Austin"
    assert res["partialFingerprints"] == {"ledgerFingerprint/v1": want["fingerprint"]}
    related = res["relatedLocations"]
    assert len(related) == len(want["evidence"])
    uris = {x["physicalLocation"]["artifactLocation"]["uri"] for x in related}
    assert "seeds/articles/004_0fbd0791bc67ef37.txt" in uris
    assert any("NBC News" in x["message"]["text"] for x in related)
    change = res["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == AUSTIN
    rep = change["replacements"][0]
    assert rep["insertedContent"]["text"] == "Defense Secretary Lloyd Austin"
    assert rep["deletedRegion"]["startColumn"] == 57 and rep["deletedRegion"]["endColumn"] == 86
    levels = {x["level"] for x in run["results"]}
    assert levels <= {"error", "warning", "note"}


def _finding(**kw) -> Finding:  # type: ignore[no-untyped-def]
    base = dict(
        rule="house-style",
        severity="info",
        message="m",
        path="a b/c,d.txt",
        line=3,
        column=1,
        end_line=3,
        end_column=5,
        excerpt="Pres.",
    )
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def test_levels_paths_and_suppressions(
    validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    findings = [
        _finding(),
        _finding(
            rule="r-warn",
            severity="warning",
            path=str(tmp_path / "sub" / "x.md"),
            status="dismissed",
        ),
        _finding(
            rule="r-err",
            severity="error",
            path="/elsewhere/y.txt",
            evidence=[
                Evidence(path="kb/people.yaml", line=0, column=0, excerpt="KB says", source="KB")
            ],
            fix=Fix("President", ""),
        ),
    ]
    doc = json.loads(render("sarif", findings, Context(documents=3)))
    assert _errors(validator, doc) == []
    results = doc["runs"][0]["results"]
    assert [x["level"] for x in results] == ["note", "warning", "error"]
    uris = [x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in results]
    assert uris == ["a%20b/c%2Cd.txt", "sub/x.md", "file:///elsewhere/y.txt"]
    assert results[1]["suppressions"][0]["kind"] == "external"
    assert "suppressions" not in results[0]
    # rules unknown to the context still get a descriptor, and every ruleIndex points at its rule
    ids = [d["id"] for d in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert all(ids[x["ruleIndex"]] == x["ruleId"] for x in results)
    assert results[2]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
