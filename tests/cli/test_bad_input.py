"""Bad input never crashes the run, never loses what was stored, and is reported with its path
(SPEC §4): a one-line message, no traceback, exit code 2 at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD = "Published May 30, 2023\n\nDefense Secretary Lloyd Austin spoke.\n"


def stored_documents(cli, db_url: str) -> int:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "check", "--format", "json", "--fail-on", "never")
    assert r.code == 0, r.err
    return json.loads(r.out)["summary"]["documents"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02PNG\x00" * 10, "binary"),
        ("empty.md", b"", "empty"),
        ("latin1.txt", "Caf\u00e9 Defense Secretary".encode("latin-1"), "UTF-8"),
        ("front.md", b"---\ntitle: [unclosed\n---\nBody text here.\n", "front matter"),
    ],
    ids=["binary", "empty", "invalid-utf8", "malformed-front-matter"],
)
def test_bad_file_is_skipped_and_named(cli, db_url: str, tmp_path: Path, name: str, content: bytes, reason: str) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / name).write_bytes(content)
    r = cli("--db", db_url, "ingest", str(docs))
    assert r.code == 2
    assert name in r.err and reason.lower() in r.err.lower()
    assert "Traceback" not in r.err
    assert "ingested 1 document(s)" in r.err
    assert stored_documents(cli, db_url) == 1


def test_missing_path(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "ingest", str(tmp_path / "nope.md"))
    assert r.code == 2
    assert "nope.md" in r.err and "no such file" in r.err.lower()
    assert "Traceback" not in r.err


def test_folder_with_nothing_readable(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG")
    r = cli("--db", db_url, "ingest", str(tmp_path / "pics"))
    assert r.code == 2
    assert "pics" in r.err and "no readable documents" in r.err


def test_bad_file_does_not_lose_what_was_stored(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert cli("--db", db_url, "ingest", str(tmp_path / "a.txt")).code == 0
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    r = cli("--db", db_url, "ingest", str(tmp_path / "b.txt"))
    assert r.code == 2
    assert stored_documents(cli, db_url) == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("entities:\n  - id: x\n    kind: person\n", "missing required field 'name'"),
        (
            "entities:\n  - id: x\n    kind: person\n    name: X\n    offices:\n      - {office: ghost}\n",
            "unknown id 'ghost'",
        ),
        (
            "entities:\n  - id: o\n    kind: office\n    name: O\n  - id: x\n    kind: person\n    name: X\n"
            "    offices:\n      - {office: o, from: 2023-02-30}\n",
            "bad date",
        ),
    ],
    ids=["missing-field", "dangling-office", "bad-date"],
)
def test_invalid_kb_refused(cli, db_url: str, tmp_path: Path, body: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "people.yaml").write_text(body, encoding="utf-8")
    r = cli("--db", db_url, "kb", "load", str(kb))
    assert r.code == 2
    assert "people.yaml" in r.err and "'x'" in r.err and expected in r.err
    assert "Traceback" not in r.err
    assert cli("--db", db_url, "kb", "list").out == ""


def test_unknown_rule_and_bad_option_exit_2(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "check", "--select", "no-such-rule")
    assert r.code == 2 and "unknown rule 'no-such-rule'" in r.err
    r = cli("--db", db_url, "check", "--fail-on", "sometimes")
    assert r.code == 2


def test_bad_database_url(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", "nosuchdb://x", "kb", "list")
    assert r.code == 2 and "Traceback" not in r.err
