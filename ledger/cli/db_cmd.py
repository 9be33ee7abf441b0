"""ledger db upgrade / downgrade / current."""

from __future__ import annotations

from typing import Annotated

import typer

from ledger.cli.state import STATE, info, write_output

app = typer.Typer(help="Schema migrations of the ledger database.", no_args_is_help=True)


def _engine():
    from ledger.store.db import make_engine

    return make_engine(STATE.config.db_url(STATE.db))


@app.command()
def upgrade(revision: Annotated[str, typer.Argument(help="Target revision.", metavar="REVISION")] = "head") -> None:
    """Migrate the ledger up to REV (default: head)."""
    from ledger.store import db

    engine = _engine()
    db.check_version(engine)
    db.upgrade(engine, revision)
    info(f"ledger at {', '.join(sorted(db.current_revisions(engine))) or 'base'}")


@app.command()
def downgrade(revision: Annotated[str, typer.Argument(help="Target revision ('base' for an empty schema).", metavar="REVISION")]) -> None:
    """Migrate the ledger down to REV."""
    from ledger.store import db

    engine = _engine()
    db.downgrade(engine, revision)
    info(f"ledger at {', '.join(sorted(db.current_revisions(engine))) or 'base'}")


@app.command()
def current() -> None:
    """The ledger's schema revision, and the newest this program knows."""
    from ledger.store import db

    engine = _engine()
    revs = db.check_version(engine)
    heads = db._heads()
    state = "up to date" if revs == heads else ("empty" if not revs else "behind")
    write_output(f"{', '.join(sorted(revs)) or 'base'} (head: {', '.join(sorted(heads))}; {state})\n", None)
