"""The walking skeleton on the seeds: ingest the five articles, check, one error."""

from __future__ import annotations

import json
from pathlib import Path


def ingest_seeds(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "kb", "load", "seeds/kb", cwd=seeds.parent)
    assert r.code == 0, r.err
    r = cli("--db", db_url, "ingest", "seeds/articles", cwd=seeds.parent)
    assert r.code == 0, r.err
    assert "ingested 5 document(s)" in r.err


def test_check_reports_exactly_the_austin_error(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    r = cli("--db", db_url, "check", "--format", "json", cwd=seeds.parent)
    assert r.code == 1, r.err
    data = json.loads(r.out)
    assert data["version"] == 1
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert len(errors) == 1
    f = errors[0]
    assert f["rule"] == "office-mismatch"
    assert f["path"].endswith("002_ecc472111624a45f.txt")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (8, 57, 8, 86)
    assert f["excerpt"] == "US Sec. of State Lloyd Austin"
    assert f["entities"] == ["lloyd-austin", "us-secretary-of-state"]
    assert f["fix"]["replacement"] == "Defense Secretary Lloyd Austin"
    sources = {e["source"] for e in f["evidence"]}
    assert "KB" in sources
    assert {"NBC News", "ZeroHedge", "Dan Tri", "Bloomberg News"} <= sources
    kb = next(e for e in f["evidence"] if e["source"] == "KB")
    assert "2021-01-22" in kb["excerpt"] and "2025-01-20" in kb["excerpt"]
    assert data["summary"]["documents"] == 5
    assert data["summary"]["error"] == 1


def test_seed_findings_are_exactly_the_known_problems(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    r = cli("--db", db_url, "check", "--format", "json", cwd=seeds.parent)
    got = sorted((f["rule"], Path(f["path"]).name[:3], f["line"], f["excerpt"]) for f in json.loads(r.out)["findings"])
    assert got == [
        ("house-style", "002", 8, "Sec. of State"),
        ("house-style", "002", 13, "Pres."),
        ("name-inconsistency", "001", 15, "Li Thuong Phuc"),
        ("name-inconsistency", "001", 17, "Ly"),
        ("name-variant", "001", 15, "Li Thuong Phuc"),
        ("office-mismatch", "002", 8, "US Sec. of State Lloyd Austin"),
        ("unintroduced-reference", "001", 13, "Liu"),
    ]


def test_text_output_points_at_line_and_column(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    r = cli("--db", db_url, "check", cwd=seeds.parent)
    assert r.code == 1
    first = next(line for line in r.out.splitlines() if "error[" in line)
    assert first.startswith("seeds/articles/002_ecc472111624a45f.txt:8:57: error[office-mismatch] ")
    assert "Lloyd Austin was not Secretary of State on 2023-05-30" in first
    assert "\033[" not in r.out  # no colour when not on a terminal


def test_fail_on_never_exits_zero(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    assert cli("--db", db_url, "check", "--fail-on", "never").code == 0


def test_draft_check_does_not_store(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ntitle: Draft\nsource: Test Wire\npublished: 2023-05-31\n---\n"
        "Talks between Secretary of State Lloyd Austin and Li Shangfu stalled.\n",
        encoding="utf-8",
    )
    r = cli("--db", db_url, "check", str(draft), "--format", "json")
    assert r.code == 1, r.err
    f = json.loads(r.out)["findings"][0]
    assert (f["line"], f["column"]) == (6, 15)  # front matter lines count
    assert f["excerpt"] == "Secretary of State Lloyd Austin"
    r = cli("--db", db_url, "check", "--format", "json")
    assert json.loads(r.out)["summary"]["documents"] == 5


def test_then_and_past_years_do_not_conflict(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ingest_seeds(cli, db_url, seeds)
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Published June 1, 2023\n\n"
        "Austin met then-Defense Minister Wei Fenghe in 2022. In 2018, President Donald Trump "
        "imposed sanctions. Defense Minister Li Shangfu declined.\n",
        encoding="utf-8",
    )
    r = cli("--db", db_url, "check", str(draft))
    assert r.code == 0, r.out + r.err


def test_suppression_comments_in_stored_documents(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text(
        "---\nsource: Wire\npublished: 2023-05-30\n---\n"
        "<!-- ledger-ignore house-style -->\nUS Pres. Biden said.\n\n"
        "<!-- ledger-ignore name-variant -->\nSec. of State Antony Blinken agreed.\n",
        encoding="utf-8",
    )
    assert cli("--db", db_url, "ingest", "a.md", cwd=tmp_path).code == 0
    r = cli("--db", db_url, "check", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    got = sorted((f["rule"], f["line"]) for f in json.loads(r.out)["findings"])
    assert got == [("house-style", 9), ("unused-suppression", 8)]
    r = cli("--db", db_url, "check", "--format", "json", "--ignore", "unused-suppression", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(r.out)["findings"]] == ["house-style"]


def test_kb_alias_add_remove_export(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--db", db_url, "kb", "load", str(seeds / "kb")).code == 0
    r = cli("--db", db_url, "kb", "alias", "add", "li-shangfu", "Lee Shang-foo")
    assert r.code == 0, r.err
    draft = tmp_path / "d.md"
    draft.write_text("Lee Shang-foo spoke on Monday.\n", encoding="utf-8")
    r = cli("--db", db_url, "mentions", str(draft), "--format", "json")
    m = json.loads(r.out)["mentions"][0]
    assert (m["surface"], m["entity"], m["method"]) == ("Lee Shang-foo", "li-shangfu", "alias")
    # survives a KB reload
    assert cli("--db", db_url, "kb", "load", str(seeds / "kb")).code == 0
    assert "Lee Shang-foo" in cli("--db", db_url, "kb", "alias", "list").out
    # and is written back by export
    out = tmp_path / "exported"
    assert cli("--db", db_url, "kb", "export", str(out)).code == 0
    assert "Lee Shang-foo" in (out / "persons.yaml").read_text(encoding="utf-8")
    from ledger.resolve.kb import load_kb

    assert len(load_kb([out]).entities) == len(load_kb([seeds / "kb"]).entities)
    assert cli("--db", db_url, "kb", "alias", "remove", "li-shangfu", "Lee Shang-foo").code == 0
    assert cli("--db", db_url, "kb", "alias", "remove", "li-shangfu", "Lee Shang-foo").code == 2
    assert cli("--db", db_url, "kb", "alias", "add", "nobody", "X").code == 2
