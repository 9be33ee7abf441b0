"""The editor's report (``ledger report`` and ``check --format html``): one self-contained,
escaped HTML file with stories, side-by-side excerpts, filters and rule docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ledger.model import Evidence, Finding, Fix
from ledger.report import Context, render
from ledger.report.html import word_diff

EVIL = (
    "---\n"
    "title: \"<i>Breaking</i> <script>alert('title')</script>\"\n"
    "source: Test <Wire>\n"
    "published: 2023-05-30\n"
    "---\n"
    "Talks between <b>Sec. of State Lloyd Austin</b> and Li Shangfu stalled. "
    "<script>alert(1)</script> & <img src=x onerror=alert(2)>\n"
)


def _marked(segs) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text.strip() for s in segs if s.mark]


def test_word_diff_marks_the_disagreeing_words() -> None:
    left, right = word_diff("US Sec. of State Lloyd Austin", "Defense Secretary Lloyd Austin")
    assert _marked(left) == ["US Sec. of State"]
    assert _marked(right) == ["Defense Secretary"]
    assert "".join(s.text for s in left) == "US Sec. of State Lloyd Austin"
    assert "".join(s.text for s in right) == "Defense Secretary Lloyd Austin"
    same_l, same_r = word_diff("Lloyd Austin,", "lloyd austin")  # case and punctuation ignored
    assert _marked(same_l) == [] and _marked(same_r) == []
    l2, r2 = word_diff("sanctioned in 2018", "sanctioned in 2017")
    assert _marked(l2) == ["2018"] and _marked(r2) == ["2017"]


def _is_self_contained(html: str) -> bool:
    external = re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    return external is None and "@import" not in html and "url(" not in html


def test_everything_from_articles_is_escaped() -> None:
    f = Finding(
        rule="office-mismatch",
        severity="error",
        message="<img src=x onerror=alert(3)> was not",
        path="a<b>.txt",
        line=1,
        column=1,
        end_line=1,
        end_column=10,
        excerpt="<script>alert(1)</script> Sec. of State",
        entities=['x"><script>alert(4)</script>'],
        evidence=[
            Evidence(
                path="e.txt",
                line=2,
                column=3,
                excerpt="Defense <em>Secretary</em>",
                source="<b>Outlet</b>",
                published="2023-05-30",
            )
        ],
        fix=Fix("Defense Secretary <u>x</u>", "desc <script>alert(5)</script>"),
        source='Out"let<script>',
    )
    html = render("html", [f], Context(documents=1))
    assert html.count("<script") == 1  # the report's own script, nothing from the article
    for raw in ("<img src=x", "<em>Secretary</em>", "<b>Outlet</b>", "<u>x</u>", 'x"><script>'):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert 'data-outlet="Out&#34;let&lt;script&gt;"' in html
    assert _is_self_contained(html)


def test_report_of_an_ingested_article_with_markup_is_escaped(
    cli, db_url: str, seeded: Path
) -> None:  # type: ignore[no-untyped-def]
    (seeded / "evil.md").write_text(EVIL, encoding="utf-8")
    assert cli("--db", db_url, "ingest", "evil.md", cwd=seeded).code == 0
    assert cli("--db", db_url, "check", cwd=seeded).code == 1
    r = cli("--db", db_url, "report", "-o", "out/report.html", cwd=seeded)
    assert r.code == 0, r.err
    html = (seeded / "out" / "report.html").read_text(encoding="utf-8")
    assert html.count("<script") == 1
    assert "<script>alert(1)</script>" not in html and "alert('title')</script>" not in html
    assert "<img src=x" not in html and "<i>Breaking</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;i&gt;Breaking&lt;/i&gt; &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "Test &lt;Wire&gt;" in html
    assert _is_self_contained(html)


def test_report_groups_filters_docs_and_dismiss_command(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(cli("--db", db_url, "check", "--format", "json", cwd=seeded).out)
    austin = next(f for f in data["findings"] if f["rule"] == "office-mismatch")
    fp = austin["fingerprint"]
    r = cli("--db", db_url, "report", "-o", "report.html", cwd=seeded)
    assert r.code == 0, r.err
    html = (seeded / "report.html").read_text(encoding="utf-8")
    # one article per open finding, carrying what the filters use
    rows = re.findall(
        r'<article class="finding[^"]*" id="f-([0-9a-f]+)" data-rule="([^"]+)" '
        r'data-severity="([^"]+)" data-status="([^"]+)" data-outlet="([^"]*)"',
        html,
    )
    assert {row[0] for row in rows} == {f["fingerprint"] for f in data["findings"]}
    row = next(x for x in rows if x[0] == fp)
    assert row[1:] == ("office-mismatch", "error", "open", "Improve the News")
    # grouped: a story titled by its entities, the entity's name as a heading
    assert re.search(r"<h2>Story \d+: Lloyd Austin", html)
    assert "<h3>Lloyd Austin</h3>" in html
    # side by side, the disagreeing words marked on both sides
    assert "<mark>US Sec. of State</mark> Lloyd Austin" in html
    assert "<mark>Defense Secretary</mark> Lloyd Austin" in html
    # filters for rule, severity, status, outlet with the values present
    for key in ("rule", "severity", "status", "outlet"):
        assert f'id="f-{key}"' in html
    assert '<option value="office-mismatch">' in html and '<option value="NBC News">' not in html
    assert '<option value="Improve the News">' in html
    # the rule's documentation one click away, and the copyable dismiss command
    assert 'data-rule="office-mismatch" title="What this rule checks"' in html
    assert 'id="rule-office-mismatch"' in html
    assert "the KB&#39;s terms of office" in html
    assert f'data-copy="ledger review dismiss {fp[:12]} --note &#34;…&#34;"' in html
    assert f'<code class="fp">{fp}</code>' in html
    assert _is_self_contained(html)


def test_report_hides_dismissed_unless_all(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(cli("--db", db_url, "check", "--format", "json", cwd=seeded).out)
    fp = next(f for f in data["findings"] if f["rule"] == "office-mismatch")["fingerprint"]
    assert (
        cli(
            "--db", db_url, "review", "dismiss", fp[:10], "--note", "ok", "--by", "ed", cwd=seeded
        ).code
        == 0
    )
    cli("--db", db_url, "report", "-o", "open.html", cwd=seeded)
    cli("--db", db_url, "report", "-o", "all.html", "--all", cwd=seeded)
    assert f'id="f-{fp}"' not in (seeded / "open.html").read_text(encoding="utf-8")
    everything = (seeded / "all.html").read_text(encoding="utf-8")
    assert re.search(
        rf'id="f-{fp}" data-rule="office-mismatch" data-severity="error" data-status="dismissed"',
        everything,
    )
    assert '<option value="dismissed">' in everything


def test_check_format_html_renders_the_same_report(
    cli, db_url: str, seeded: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ntitle: Draft\nsource: Test Wire\npublished: 2023-05-31\n---\n"
        "Talks between Secretary of State Lloyd Austin and Li Shangfu stalled.\n",
        encoding="utf-8",
    )
    r = cli(
        "--db",
        db_url,
        "check",
        str(draft),
        "--format",
        "html",
        "-o",
        str(tmp_path / "c.html"),
        cwd=seeded,
    )
    assert r.code == 1, r.err
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert 'id="f-rule"' in html and 'data-rule="office-mismatch"' in html
    assert "<mark>Secretary of State</mark> Lloyd Austin" in html
    assert (
        "<b>Secretary of State Lloyd Austin</b> and Li Shangfu stalled." in html
    )  # the draft's line
    assert "Test Wire" in html
    r = cli("--db", db_url, "check", "--format", "html", cwd=seeded)
    assert r.code == 1 and r.out.startswith("<!DOCTYPE html>") and "whole ledger" in r.out


def test_report_without_a_recorded_check_says_what_to_do(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "report", "-o", "r.html", cwd=seeded)
    assert r.code == 0
    assert "run `ledger check`" in r.err
    assert "No findings." in (seeded / "r.html").read_text(encoding="utf-8")
