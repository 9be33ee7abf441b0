"""ledger history."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ledger.cli.state import STATE, write_output


class Fmt(StrEnum):
    text = "text"
    json = "json"


def history(
    path: Annotated[
        str,
        typer.Argument(
            help="A document in the ledger: its path as ingested, or its URL.", metavar="PATH"
        ),
    ],
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.text,
) -> None:
    """What each revision of a document added, removed or changed: the claims of consecutive
    revisions compared by (subject, predicate, object, value), with line numbers. A document
    re-ingested after a correction has one revision per version."""
    from ledger.review.history import diff_history, to_json, to_text
    from ledger.store.history import document_history

    hist = document_history(STATE.engine(), path)
    diffs = diff_history(hist)
    if fmt == Fmt.json:
        import json

        write_output(json.dumps(to_json(hist, diffs), ensure_ascii=False, indent=2) + "\n", None)
    else:
        write_output(to_text(hist, diffs), None)


def register(app: typer.Typer) -> None:
    app.command()(history)
