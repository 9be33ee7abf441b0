"""`ledger resolve NAME [--in PATH] [--date D]`: candidates, scores and the reason."""

from __future__ import annotations

import json
from pathlib import Path


def test_resolve_explains_a_transliteration(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "resolve", "Li Thuong Phuc", "--kb", str(seeds / "kb"))
    assert r.code == 0, r.err
    assert "li-shangfu" in r.out and "Sino-Vietnamese" in r.out and "李尚福" in r.out


def test_resolve_a_misspelling_lists_the_candidate(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "resolve", "Llyod Austin", "--kb", str(seeds / "kb"), "--format", "json")
    data = json.loads(r.out)
    assert data["entity"] == "lloyd-austin" and data["method"] == "fuzzy"
    assert data["candidates"][0]["entity"] == "lloyd-austin"


def test_resolve_in_a_document_names_the_antecedent(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    # as written in the text, honorific and all (the README's example), or the surname alone
    for name in ("Mr. Ly", "Ly"):
        r = cli("--db", db_url, "resolve", name, "--in", str(seeds / "articles" / "001_55f976691999035c.txt"),
                "--kb", str(seeds / "kb"))
        assert r.code == 0, r.err
        assert "li-shangfu" in r.out and "introduced on line" in r.out


def test_resolve_by_date_picks_the_edition(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli("--db", db_url, "resolve", "Shangri-La Security Forum", "--date", "2022-06-01",
              "--kb", str(seeds / "kb"), "--format", "json").out
    assert json.loads(out)["entity"] == "shangri-la-dialogue-2022"


def test_unknown_name_is_unresolved_and_bad_date_is_a_usage_error(cli, db_url: str, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "resolve", "Bartholomew Quince", "--kb", str(seeds / "kb"))
    assert r.code == 1 and "(unresolved)" in r.out
    r = cli("--db", db_url, "resolve", "Li Shangfu", "--date", "May 2023")
    assert r.code == 2 and "--date" in r.err

