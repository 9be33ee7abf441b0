"""``check --format text``: one finding per line, its excerpt and evidence indented below."""

from __future__ import annotations

from ledger.engine.rules import Rule
from ledger.model import Evidence, Finding
from ledger.report import Context, render


def test_a_name_broken_across_lines_is_shown_on_one() -> None:
    rule = Rule(id="misspelled-name", kind="mention_form", severity="warning",
                message="'{surface}' looks like a misspelling of {name}")
    message = rule.format(surface="Woo\nWon-sik", name="Woo Won-shik")
    assert message == "'Woo Won-sik' looks like a misspelling of Woo Won-shik"
    f = Finding(rule=rule.id, severity=rule.severity, message=message, path="a.txt", line=3, column=7,
                end_line=4, end_column=8, excerpt="Woo\nWon-sik",
                evidence=[Evidence(path="b.txt", line=1, column=1, excerpt="Speaker Woo\n  Won-shik", source="B")])
    out = render("text", [f], Context(documents=1))
    assert "    | Woo Won-sik\n" in out
    assert "evidence: b.txt:1:1 (B): Speaker Woo Won-shik\n" in out
    # the finding itself keeps the text as written (JSON, SARIF)
    assert f.excerpt == "Woo\nWon-sik"
