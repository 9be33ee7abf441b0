"""office-mismatch through the stored ledger: a title before the person's first KB term, when
the KB has another hold that office of one holder then (``SqlView.holders``)."""

from __future__ import annotations

import json
from pathlib import Path

KB = """entities:
  - {id: rt-land, kind: place, name: Ruritania, code: RT}
  - {id: rt-attorney, kind: office, name: Attorney of Ruritania, country: RT, titles: [Ruritanian Attorney]}
  - {id: jan-roe, kind: person, name: Jan Roe, country: RT, offices: [{office: rt-attorney, from: 2021-10-15, to: 2024-12-13}]}
  - {id: eva-kral, kind: person, name: Eva Kral, country: RT, offices: [{office: rt-attorney, from: 2025-01-21}]}
"""


def test_a_title_before_the_first_term_when_another_held_it(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "kb.yaml").write_text(KB, encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("---\nsource: Wire\npublished: 2023-10-11\n---\nUnder questioning from Ruritanian Attorney "
                   "Eva Kral, the witness described the loans.\n", encoding="utf-8")
    assert cli("--db", db_url, "kb", "load", str(tmp_path / "kb")).code == 0
    assert cli("--db", db_url, "ingest", str(doc)).code == 0
    for args in ([], [str(doc)]):  # the whole ledger, and the draft
        r = cli("--db", db_url, "check", *args, "--format", "json", "--fail-on", "never", "--select", "office-mismatch")
        found = json.loads(r.out)["findings"]
        assert [(f["rule"], f["excerpt"]) for f in found] == [("office-mismatch", "Ruritanian Attorney Eva Kral")]
        assert "Jan Roe was Attorney of Ruritania then" in found[0]["message"]
