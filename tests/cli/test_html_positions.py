"""An HTML page checked as a draft and from the ledger: findings at the page's lines, and its
``<!-- ledger-ignore -->`` comments honoured both ways (they are not in the extracted text)."""

from __future__ import annotations

import json
from pathlib import Path

PAGE = """<html><head><title>Snub</title><meta property="article:published_time" content="2023-05-30"></head>
<body><article>
<h1>Pentagon chief snubbed</h1>
<p>China turned down a meeting between the two defense chiefs, officials said on Monday in a statement.</p>
{comment}
<p>US Sec. of State Lloyd Austin was rebuffed by the Chinese side at the forum in Singapore, the Pentagon said.</p>
</article></body></html>
"""


def _findings(cli, *args: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    r = cli(*args, "--format", "json", "--fail-on", "never")
    assert r.code == 0, r.err
    return json.loads(r.out)["findings"]


def test_html_findings_point_at_the_page_and_its_comments_suppress(cli, db_url: str, seeds, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "snub.html"
    page.write_text(PAGE.format(comment="<!-- ledger-ignore house-style -->"), encoding="utf-8")
    assert cli("--db", db_url, "kb", "load", str(seeds / "kb")).code == 0
    draft = _findings(cli, "--db", db_url, "check", str(page))
    assert {(f["rule"], f["line"], f["column"]) for f in draft} == {("office-mismatch", 6, 4)}
    assert cli("--db", db_url, "ingest", str(page)).code == 0
    stored = _findings(cli, "--db", db_url, "check")
    assert {(f["rule"], f["line"], f["column"]) for f in stored} == {("office-mismatch", 6, 4)}
    # without the comment the style note shows, at the page's line and column
    page.write_text(PAGE.format(comment=""), encoding="utf-8")
    assert cli("--db", db_url, "ingest", str(page)).code == 0
    stored = _findings(cli, "--db", db_url, "check")
    assert ("house-style", 6, 7) in {(f["rule"], f["line"], f["column"]) for f in stored}
