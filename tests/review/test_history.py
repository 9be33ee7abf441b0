"""``ledger history PATH``: what each revision of a re-ingested document changed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ledger.model import Claim, Span
from ledger.review.history import compare

AUSTIN = "seeds/articles/002_ecc472111624a45f.txt"


def _correct_austin(seeded: Path) -> None:
    path = seeded / AUSTIN
    before = path.read_text(encoding="utf-8")
    after = before.replace("US Sec. of State Lloyd Austin", "US Defense Secretary Lloyd Austin")
    assert after != before
    path.write_text(after, encoding="utf-8")


def test_history_shows_the_corrected_office_claim(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    _correct_austin(seeded)
    r = cli("--db", db_url, "ingest", AUSTIN, cwd=seeded)
    assert r.code == 0 and "0 new, 1 revised" in r.err, r.err

    r = cli("--db", db_url, "history", AUSTIN, cwd=seeded)
    assert r.code == 0, r.err
    out = r.out
    assert out.startswith(f"{AUSTIN} (Improve the News): 2 revision(s)")
    assert "revision 1 " in out and "revision 2 (current)" in out
    rev2 = out.split("revision 2 (current)", 1)[1]
    assert (
        "~ line 8 -> 8: lloyd-austin holds_office us-secretary-of-state -> us-secretary-of-defense"
        in rev2
    )
    assert 'was: "US Sec. of State Lloyd Austin"' in rev2
    assert 'now: "US Defense Secretary Lloyd Austin"' in rev2

    data = json.loads(cli("--db", db_url, "history", AUSTIN, "--format", "json", cwd=seeded).out)
    assert data["version"] == 1 and data["path"] == AUSTIN
    first, second = data["revisions"]
    assert (first["number"], second["number"]) == (1, 2)
    assert not first["current"] and second["current"]
    assert len(first["added"]) == first["claims"]
    changed = second["changed"]
    assert len(changed) == 1
    assert changed[0]["before"]["object"] == "us-secretary-of-state"
    assert changed[0]["after"]["object"] == "us-secretary-of-defense"
    assert changed[0]["before"]["line"] == changed[0]["after"]["line"] == 8
    assert changed[0]["before"]["subject"] == "lloyd-austin"
    assert second["added"] == [] and second["removed"] == []
    assert second["unchanged"] == second["claims"] - 1

    # the corrected document no longer fails the check
    r = cli("--db", db_url, "check", "--format", "json", cwd=seeded)
    assert all(f["rule"] != "office-mismatch" for f in json.loads(r.out)["findings"])


def test_history_accepts_other_spellings_of_the_path_and_refuses_unknown(
    cli, db_url: str, seeded: Path
) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "history", "./" + AUSTIN, cwd=seeded)
    assert r.code == 0 and "1 revision(s)" in r.out.splitlines()[0]
    r = cli("--db", db_url, "history", str(seeded / AUSTIN), cwd=seeded)
    assert r.code == 0
    r = cli("--db", db_url, "history", "002_ecc472111624a45f.txt", cwd=seeded / "seeds")
    assert r.code == 0, r.err
    r = cli("--db", db_url, "history", "nope.txt", cwd=seeded)
    assert r.code == 2 and "no document 'nope.txt' in the ledger" in r.err


def _claim(
    line: int, subject: str, predicate: str, obj: str | None = None, value: str | None = None
) -> Claim:
    return Claim(
        span=Span(line * 100, line * 100 + 10, line, 1, line, 11),
        subject=subject,
        predicate=predicate,
        object=obj,
        value=value,
        valid_from=date(2023, 1, 1),
    )


def test_compare_counts_identities_and_pairs_changes() -> None:
    old = [
        _claim(1, "a", "holds_office", "x"),
        _claim(2, "b", "sanctioned", value="2018"),
        _claim(3, "c", "said", value="q"),
        _claim(4, "c", "said", value="q"),
    ]
    new = [
        _claim(5, "a", "holds_office", "x"),  # moved: unchanged
        _claim(6, "b", "sanctioned", value="2017"),  # changed value
        _claim(7, "c", "said", value="q"),  # one of two copies removed
        _claim(8, "d", "located_in", "tokyo"),
    ]  # added
    added, removed, changed = compare(old, new)
    assert [(c.subject, c.object) for c in added] == [("d", "tokyo")]
    assert [(c.subject, c.value, c.span.line) for c in removed] == [("c", "q", 4)]
    assert [(x.before.value, x.after.value) for x in changed] == [("2018", "2017")]
