"""The workflow commands keep `--help` lean: in a fresh interpreter, asking for help imports
neither SQLAlchemy, alembic nor jinja2; and every option is described."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from ledger.cli import main
sys.argv = ["ledger", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("sqlalchemy", "alembic", "jinja2", "jsonschema") if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["review", "--help"],
        ["review", "dismiss", "--help"],
        ["report", "--help"],
        ["history", "--help"],
        ["check", "--help"],
    ],
)
def test_help_does_not_import_heavy_modules(args: list[str]) -> None:
    r = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "Usage:" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_workflow_options_are_documented(cli) -> None:  # type: ignore[no-untyped-def]
    check = cli("check", "--help").out
    for text in ("sarif", "github", "html", "--baseline", "--prune", "--all"):
        assert text in check
    review = cli("review", "--help").out
    for sub in ("list", "show", "accept", "dismiss", "reopen"):
        assert sub in review
    accept = cli("review", "accept", "--help").out
    for opt in ("--note", "--by", "--add-alias"):
        assert opt in accept
    assert "--status" in cli("review", "list", "--help").out
    assert "--output" in cli("report", "--help").out and "--all" in cli("report", "--help").out
    assert "revision" in cli("history", "--help").out
    main = cli("--help").out
    for cmd in ("review", "report", "history"):
        assert cmd in main
