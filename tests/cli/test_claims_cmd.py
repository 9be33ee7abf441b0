"""`ledger claims PATH`: what the ledger believes an article says, also about people and
titles the KB does not know (shown as written)."""

from __future__ import annotations

import json
from pathlib import Path


def test_unresolved_subjects_and_titles_are_shown_as_written(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "a.md"
    doc.write_text("---\npublished: 2023-03-17\n---\n\nSouth Korean President Yoon Suk Yeol arrived on Thursday.\n",
                   encoding="utf-8")
    r = cli("--db", db_url, "claims", str(doc))
    assert r.code == 0, r.err
    assert "'Yoon Suk Yeol' holds_office 'South Korean President' @ 2023-03-17" in r.out
    r = cli("--db", db_url, "claims", str(doc), "--format", "json")
    claim = json.loads(r.out)["claims"][0]
    assert claim["subject"] is None and claim["object"] is None  # SPEC §7: null when unresolved
    assert claim["subject_text"] == "Yoon Suk Yeol" and claim["object_text"] == "South Korean President"


def test_valid_times_read_in_words(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "former": held some time until the document's date; "since": from then on
    doc = tmp_path / "a.md"
    doc.write_text("---\npublished: 2023-03-17\n---\n\nFormer Defense Minister Jan Novak spoke. "
                   "Ana Ruiz has been foreign minister since 2018.\n", encoding="utf-8")
    r = cli("--db", db_url, "claims", str(doc))
    assert r.code == 0, r.err
    assert "'Jan Novak' holds_office 'Defense Minister' @ until 2023-03-17" in r.out
    assert "@ from 2018-01-01" in r.out
