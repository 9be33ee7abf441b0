"""Findings remembered and review that is remembered: ``check`` records findings, editors
accept / dismiss / reopen them by fingerprint or prefix, decisions are appended, dismissed
findings stay hidden across re-ingests that shift their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from ledger.model import Finding
from ledger.review import records
from ledger.store.db import open_engine
from ledger.store.models import Decision, FindingRow, Run

AUSTIN = "seeds/articles/002_ecc472111624a45f.txt"


def _check(cli, db_url: str, cwd: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[no-untyped-def,type-arg]
    r = cli("--db", db_url, "check", "--format", "json", *extra, cwd=cwd)
    assert r.code in (0, 1), r.err
    return r.code, json.loads(r.out)


def _austin(data: dict) -> dict | None:  # type: ignore[type-arg]
    found = [f for f in data["findings"] if f["rule"] == "office-mismatch" and f["path"] == AUSTIN]
    assert len(found) <= 1
    return found[0] if found else None


def test_dismissed_finding_stays_hidden_after_reingest_with_shifted_lines(
    cli, db_url: str, seeded: Path
) -> None:  # type: ignore[no-untyped-def]
    code, data = _check(cli, db_url, seeded)
    assert code == 1
    austin = _austin(data)
    assert austin is not None and austin["status"] == "open" and austin["line"] == 8
    fp = austin["fingerprint"]

    r = cli(
        "--db",
        db_url,
        "review",
        "dismiss",
        fp[:8],
        "--note",
        "satire column",
        "--by",
        "Ada",
        cwd=seeded,
    )
    assert r.code == 0, r.err
    assert r.out.startswith(f"dismissed {fp[:12]} by Ada: satire column")

    # re-ingest unchanged: nothing new; the finding stays hidden and the run passes
    assert cli("--db", db_url, "ingest", "seeds/articles", cwd=seeded).code == 0
    code, data = _check(cli, db_url, seeded)
    assert code == 0 and _austin(data) is None

    # an unrelated edit above the flagged line shifts it down: same fingerprint, still hidden
    path = seeded / AUSTIN
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "    Editor's note: this story was updated with a new paragraph.")
    path.write_text("\n".join(lines), encoding="utf-8")
    r = cli("--db", db_url, "ingest", "seeds/articles", cwd=seeded)
    assert r.code == 0 and "0 new, 1 revised" in r.err, r.err
    code, data = _check(cli, db_url, seeded)
    assert code == 0, data
    assert _austin(data) is None
    text_run = cli("--db", db_url, "check", cwd=seeded)
    assert text_run.code == 0 and "office-mismatch" not in text_run.out

    # --all shows it, dismissed, at its new line; it still does not fail the run
    code, data = _check(cli, db_url, seeded, "--all")
    shown = _austin(data)
    assert shown is not None
    assert (shown["fingerprint"], shown["status"], shown["line"]) == (fp, "dismissed", 9)
    assert code == 0
    text_all = cli("--db", db_url, "check", "--all", cwd=seeded)
    assert f"id: {fp[:12]} (dismissed)" in text_all.out

    # the ledger row followed the finding to its new line, and kept its first sighting
    engine = open_engine(db_url)
    with engine.connect() as conn:
        row = (
            conn.execute(select(FindingRow.__table__).where(FindingRow.fingerprint == fp))
            .mappings()
            .one()
        )
        runs = conn.execute(select(func.count()).select_from(Run.__table__)).scalar_one()
    engine.dispose()
    assert (row["line"], row["status"]) == (9, "dismissed")
    assert row["first_seen"] <= row["last_seen"]
    assert runs == 6  # every whole-ledger check is a run


def test_draft_checks_honour_decisions(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    """A draft at the path of a stored document (as pre-commit checks it) gets the same
    fingerprints, so a dismissal applies there too."""
    _, data = _check(cli, db_url, seeded)
    fp = _austin(data)["fingerprint"]  # type: ignore[index]
    r = cli("--db", db_url, "check", AUSTIN, cwd=seeded)
    assert r.code == 1 and "office-mismatch" in r.out
    assert cli("--db", db_url, "review", "dismiss", fp, cwd=seeded).code == 0
    r = cli("--db", db_url, "check", AUSTIN, "--format", "json", cwd=seeded)
    assert r.code == 0, r.out
    assert all(f["rule"] != "office-mismatch" for f in json.loads(r.out)["findings"])


def test_decisions_are_appended_and_shown_with_time_and_reviewer(
    cli, db_url: str, seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _, data = _check(cli, db_url, seeded)
    fp = _austin(data)["fingerprint"]  # type: ignore[index]
    monkeypatch.setenv("USER", "carol")
    assert (
        cli(
            "--db",
            db_url,
            "review",
            "accept",
            fp[:6],
            "--note",
            "will fix",
            "--by",
            "ann",
            cwd=seeded,
        ).code
        == 0
    )
    code, data = _check(cli, db_url, seeded)
    assert code == 1 and _austin(data)["status"] == "accepted"  # type: ignore[index]  # accepted stays reported
    assert (
        cli("--db", db_url, "review", "dismiss", fp[:6], "-m", "house satire", cwd=seeded).code == 0
    )
    r = cli(
        "--db",
        db_url,
        "review",
        "reopen",
        fp[:6],
        "--note",
        "not satire after all",
        "--by",
        "bob",
        cwd=seeded,
    )
    assert r.code == 0 and r.out.startswith(f"reopened {fp[:12]} by bob")
    code, data = _check(cli, db_url, seeded)
    assert code == 1 and _austin(data)["status"] == "open"  # type: ignore[index]

    r = cli("--db", db_url, "review", "show", fp[:6], cwd=seeded)
    assert r.code == 0, r.err
    assert f"id: {fp}" in r.out and "status: open" in r.out
    assert "error[office-mismatch]" in r.out and "evidence:" in r.out
    history = [line for line in r.out.splitlines() if line.startswith("  20")]
    assert len(history) == 3
    assert "accept  by ann: will fix" in history[0]
    assert "dismiss by carol: house satire" in history[1]  # --by defaults to $USER
    assert "reopen  by bob: not satire after all" in history[2]
    assert history[0].endswith("will fix") and " UTC " in history[0]

    js = json.loads(cli("--db", db_url, "review", "show", fp, "--format", "json", cwd=seeded).out)
    assert [d["action"] for d in js["decisions"]] == ["accept", "dismiss", "reopen"]
    assert js["finding"]["status"] == "open"

    engine = open_engine(db_url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(Decision.__table__)).scalar_one()
    assert n == 3
    # append-only: the database itself refuses to rewrite or delete a decision
    for stmt in ("UPDATE decisions SET note = 'x'", "DELETE FROM decisions"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text(stmt))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Decision.__table__)).scalar_one() == 3
    engine.dispose()


def test_review_list_filters_by_status_and_rule(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    _, data = _check(cli, db_url, seeded)
    fp = _austin(data)["fingerprint"]  # type: ignore[index]
    cli("--db", db_url, "review", "dismiss", fp, cwd=seeded)
    r = cli("--db", db_url, "review", "list", cwd=seeded)
    assert r.code == 0
    assert len(r.out.splitlines()) == len(data["findings"])
    line = next(x for x in r.out.splitlines() if x.startswith(fp[:12]))
    assert "dismissed" in line and "office-mismatch" in line and f"{AUSTIN}:8:57" in line
    r = cli("--db", db_url, "review", "list", "--status", "dismissed", cwd=seeded)
    assert [x.split()[0] for x in r.out.splitlines()] == [fp[:12]]
    r = cli(
        "--db",
        db_url,
        "review",
        "list",
        "--status",
        "open",
        "--rule",
        "office-mismatch",
        cwd=seeded,
    )
    assert r.out == ""
    r = cli(
        "--db",
        db_url,
        "review",
        "list",
        "--rule",
        "office-mismatch",
        "--format",
        "json",
        cwd=seeded,
    )
    rows = json.loads(r.out)["findings"]
    assert [x["fingerprint"] for x in rows] == [fp]
    assert rows[0]["status"] == "dismissed" and rows[0]["source"] == "Improve the News"
    assert cli("--db", db_url, "review", "list", "--status", "bogus", cwd=seeded).code == 2


def _synthetic(fp: str, rule: str = "misspelled-name", **kw) -> Finding:  # type: ignore[no-untyped-def]
    base = dict(
        rule=rule,
        severity="warning",
        message=f"{fp} flagged",
        path="x.txt",
        line=1,
        column=1,
        end_line=1,
        end_column=13,
        excerpt="Llyod Austin",
        entities=["lloyd-austin"],
    )
    base.update(kw)
    return Finding(**base, _fingerprint=fp)  # type: ignore[arg-type]


def test_ids_unknown_ambiguous_or_malformed_exit_2(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    engine = open_engine(db_url)
    records.record_check(
        engine,
        [_synthetic("abcd100000000000"), _synthetic("abcd200000000000")],
        {"misspelled-name"},
        documents=1,
    )
    engine.dispose()
    r = cli("--db", db_url, "review", "dismiss", "abcd", cwd=seeded)
    assert r.code == 2
    assert "ambiguous finding id 'abcd'" in r.err and "abcd1" in r.err and "abcd2" in r.err
    assert "Traceback" not in r.err
    r = cli("--db", db_url, "review", "show", "fff0", cwd=seeded)
    assert r.code == 2 and "no finding with id 'fff0'" in r.err and "review list" in r.err
    r = cli("--db", db_url, "review", "accept", "not-hex!", cwd=seeded)
    assert r.code == 2 and "not a finding id" in r.err
    assert cli("--db", db_url, "review", "show", "ABCD1", cwd=seeded).code == 0  # case-insensitive
    r = cli("--db", db_url, "review", "show", "abc", cwd=seeded)
    assert r.code == 2 and "too short" in r.err
    # a full fingerprint the ledger has not recorded (a draft's finding) is taken as given
    r = cli("--db", db_url, "review", "dismiss", "0123456789abcdef", "--by", "x", cwd=seeded)
    assert r.code == 0 and "not recorded in the ledger" in r.err
    assert records.review_statuses(open_engine(db_url), ["0123456789abcdef"]) == {
        "0123456789abcdef": "dismissed"
    }


def test_findings_no_longer_produced_are_resolved_not_deleted(db_url: str) -> None:
    engine = open_engine(db_url)
    a, b = _synthetic("aaaa000000000000"), _synthetic("bbbb000000000000")
    other = _synthetic("cccc000000000000", rule="value-conflict")
    records.record_check(engine, [a, b, other], {"misspelled-name", "value-conflict"}, documents=2)
    records.add_decision(engine, b.fingerprint, "dismiss", "fine", "ed")
    first = {sf.finding.fingerprint: sf for sf in records.stored_findings(engine)}
    # a run of one rule only: b is gone, the other rule's finding is untouched
    run2 = records.record_check(
        engine, [_synthetic("aaaa000000000000", line=5)], {"misspelled-name"}, documents=2
    )
    now = {sf.finding.fingerprint: sf for sf in records.stored_findings(engine)}
    assert set(now) == {"aaaa000000000000", "bbbb000000000000", "cccc000000000000"}
    assert now["bbbb000000000000"].finding.status == "resolved"
    assert now["cccc000000000000"].finding.status == "open"
    assert now["aaaa000000000000"].finding.line == 5 and now["aaaa000000000000"].run_id == run2
    assert now["aaaa000000000000"].first_seen == first["aaaa000000000000"].first_seen
    assert [sf.finding.fingerprint for sf in records.stored_findings(engine, ["resolved"])] == [
        "bbbb000000000000"
    ]
    # it comes back: its status is its latest decision again
    fresh = _synthetic("bbbb000000000000")
    records.record_check(engine, [fresh], {"misspelled-name"}, documents=2)
    assert fresh.status == "dismissed"
    now = {sf.finding.fingerprint: sf for sf in records.stored_findings(engine)}
    assert now["bbbb000000000000"].finding.status == "dismissed"
    assert now["aaaa000000000000"].finding.status == "resolved"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Run.__table__)).scalar_one() == 3
    engine.dispose()


def test_accept_with_add_alias_teaches_the_kb(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    from ledger.store.repo import editor_aliases

    engine = open_engine(db_url)
    records.record_check(
        engine,
        [
            _synthetic("dddd000000000000"),
            _synthetic(
                "eeee000000000000",
                rule="name-variant",
                severity="info",
                excerpt="Li Thuong Phuc",
                entities=["li-shangfu"],
            ),
            _synthetic("ffff000000000000", rule="office-mismatch", severity="error"),
        ],
        {"misspelled-name", "name-variant", "office-mismatch"},
        documents=1,
    )
    r = cli(
        "--db",
        db_url,
        "review",
        "accept",
        "dddd",
        "--add-alias",
        "--note",
        "his own spelling",
        cwd=seeded,
    )
    assert r.code == 0, r.err
    assert "added 'Llyod Austin' as an editor alias of lloyd-austin" in r.err
    assert cli("--db", db_url, "review", "accept", "eeee", "--add-alias", cwd=seeded).code == 0
    assert set(editor_aliases(engine)) == {
        ("lloyd-austin", "Llyod Austin"),
        ("li-shangfu", "Li Thuong Phuc"),
    }
    r = cli("--db", db_url, "review", "accept", "ffff", "--add-alias", cwd=seeded)
    assert r.code == 2 and "name-variant and misspelled-name" in r.err
    assert records.review_statuses(engine, ["ffff000000000000"])["ffff000000000000"] == "open"
    # the alias resolves in documents checked from then on
    draft = seeded / "draft.md"
    draft.write_text(
        "---\ntitle: D\nsource: W\npublished: 2023-05-30\n---\nLlyod Austin spoke.\n",
        encoding="utf-8",
    )
    r = cli("--db", db_url, "mentions", str(draft), "--format", "json", cwd=seeded)
    assert any(
        m["surface"] == "Llyod Austin" and m["entity"] == "lloyd-austin"
        for m in json.loads(r.out)["mentions"]
    )
    engine.dispose()


def test_reviewer_defaults_to_user_then_git(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ledger.review.decide import default_reviewer

    monkeypatch.setenv("USER", "zoe")
    assert default_reviewer() == "zoe"
    monkeypatch.delenv("USER")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    (tmp_path / "gitconfig").write_text("[user]\n\tname = Grace Hopper\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert default_reviewer() == "Grace Hopper"
