"""The command line: thin typer commands over the library.  Errors become one clear line and
exit code 2 here, in one place; ``--debug`` (or LEDGER_DEBUG=1) shows tracebacks."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ledger import __version__
from ledger.cli.state import STATE

app = typer.Typer(
    name="ledger",
    help="Check news articles for contradicted facts: offices, dates, numbers, quotes, places.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"ledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    db: Annotated[str | None, typer.Option("--db", help="Database URL (default: LEDGER_DATABASE_URL, config database_url, or sqlite:///.ledger/ledger.db under the project root).", metavar="URL")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    STATE.reset()
    STATE.db = db
    STATE.debug = debug or os.environ.get("LEDGER_DEBUG", "") not in ("", "0")
    STATE.quiet = quiet


from ledger.cli import (  # noqa: E402
    commands,
    db_cmd,
    history_cmd,
    kb_cmd,
    report_cmd,
    review_cmd,
    rules_cmd,
)

commands.register(app)
app.add_typer(kb_cmd.app, name="kb")
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(db_cmd.app, name="db")
app.add_typer(review_cmd.app, name="review")
report_cmd.register(app)
history_cmd.register(app)


def main() -> None:
    from ledger.errors import LedgerError

    try:
        app(prog_name="ledger")  # typer handles usage errors itself (exit 2)
    except LedgerError as e:
        if STATE.debug:
            raise
        print(f"ledger: error: {e}", file=sys.stderr)
        if e.hint:
            print(f"  hint: {e.hint}", file=sys.stderr)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        print("ledger: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as e:  # a bug: one line unless debugging
        if STATE.debug:
            raise
        print(
            f"ledger: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)",
            file=sys.stderr,
        )
        sys.exit(2)
    finally:
        STATE.close()
