"""``check --format github``: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

from pathlib import Path

from ledger.model import Finding, Fix
from ledger.report import Context, render
from ledger.report.github import escape_data, escape_property


def test_escaping_rules() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_data("a: b, c") == "a: b, c"  # only properties escape : and ,
    assert escape_property("dir,1/a:b%\n") == "dir%2C1/a%3Ab%25%0A"


def test_annotation_line_is_escaped_and_complete() -> None:
    f = Finding(
        rule="value-conflict",
        severity="warning",
        message="24% vs 10%:\nsee, here",
        path="news/a,b:c.md",
        line=4,
        column=2,
        end_line=4,
        end_column=9,
        excerpt="24%",
        fix=Fix("10%", "use the majority figure"),
    )
    out = render("github", [f], Context(documents=1))
    assert out.endswith("\n") and out.count("\n") == 1
    line = out.rstrip("\n")
    head, _, body = line.partition("::")[2].partition("::")
    assert head == (
        "warning file=news/a%2Cb%3Ac.md,line=4,col=2,endLine=4,endColumn=9,"
        "title=ledger value-conflict"
    )
    assert body.startswith("24%25 vs 10%25:%0Asee, here%0Asuggested: 10%25%0Aid: ")
    assert "\r" not in line and line.count("\n") == 0
    info = Finding(
        rule="house-style",
        severity="info",
        message="m",
        path="p.txt",
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        excerpt="x",
    )
    assert render("github", [info], Context()).startswith("::notice file=p.txt,")


def test_seed_check_emits_the_austin_error(cli, db_url: str, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("--db", db_url, "check", "--format", "github", cwd=seeded)
    assert r.code == 1, r.err
    lines = r.out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    austin = [line for line in lines if "title=ledger office-mismatch" in line]
    assert len(austin) == 1
    assert austin[0].startswith(
        "::error file=seeds/articles/002_ecc472111624a45f.txt,line=8,col=57,endLine=8,"
        "endColumn=86,title=ledger office-mismatch::Lloyd Austin was not Secretary of State"
    )
    assert "%0Asuggested: Defense Secretary Lloyd Austin" in austin[0]
