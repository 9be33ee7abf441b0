"""ledger kb load / list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.cli.state import STATE, info, warn, write_output

app = typer.Typer(help="The knowledge base of reference facts.", no_args_is_help=True)


@app.command("load")
def load(dirs: Annotated[list[Path], typer.Argument(help="KB folders (or YAML files).", show_default=False, metavar="DIRS...")]) -> None:
    """Load or update a KB into the ledger (idempotent: same id = same entity).

    An invalid KB is refused with file, entity id and field named (exit 2); unknown fields are
    warned about."""
    from ledger.pipeline import load_kb

    n, warnings = load_kb(STATE.engine(), dirs)
    for w in warnings:
        warn(w)
    where = ", ".join(map(str, dirs))
    if n == 0:
        from ledger.store import repo

        total = len(repo.entities(STATE.engine()))
        if total:  # the same files as last time: nothing was loaded, nothing is missing
            info(f"{where}: unchanged since the last load; the ledger's KB holds {total} entities")
            return
    info(f"loaded {n} entities from {where}")


@app.command("list")
def list_(
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind (person, office, org, place, event).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """The entities in the ledger's KB."""
    from ledger.store import repo

    ents = sorted(repo.entities(STATE.engine()), key=lambda e: (e.kind, e.id))
    if kind:
        ents = [e for e in ents if e.kind == kind]
    if fmt == "json":
        import json

        rows = [{"id": e.id, "kind": e.kind, "name": e.name, "aliases": e.aliases,
                 "native": e.native, "country": e.country} for e in ents]
        write_output(json.dumps({"version": 1, "entities": rows}, ensure_ascii=False, indent=2) + "\n", None)
        return
    lines = [f"{e.id:40} {e.kind:7} {e.name}" + (f"  ({e.native})" if e.native else "") for e in ents]
    write_output("\n".join(lines) + ("\n" if lines else ""), None)
    info(f"{len(ents)} entities")


alias_app = typer.Typer(help="Forms an editor teaches the KB (kept across re-ingest and KB reloads).", no_args_is_help=True)
app.add_typer(alias_app, name="alias")


def _entity_or_fail(entity: str):
    from ledger.errors import UsageError
    from ledger.store import repo

    found = repo.entities(STATE.engine(), [entity])
    if not found:
        raise UsageError(f"no KB entity {entity!r}", hint="see `ledger kb list`")
    return found[0]


@alias_app.command("add")
def alias_add(
    entity: Annotated[str, typer.Argument(help="Entity id, e.g. li-shangfu.", metavar="ENTITY")],
    form: Annotated[str, typer.Argument(help="The form to accept, e.g. 'Ly Thuong Phuc'.", metavar="FORM")],
) -> None:
    """Accept FORM as a name of ENTITY (it will no longer be flagged as a misspelling)."""
    from ledger.store import repo

    ent = _entity_or_fail(entity)
    repo.add_alias(STATE.engine(), ent.id, form)
    info(f"added {form!r} to {ent.id} ({ent.name})")


@alias_app.command("remove")
def alias_remove(
    entity: Annotated[str, typer.Argument(help="Entity id.", metavar="ENTITY")],
    form: Annotated[str, typer.Argument(help="The form to forget.", metavar="FORM")],
) -> None:
    """Forget a form an editor taught."""
    from ledger.errors import UsageError
    from ledger.store import repo

    ent = _entity_or_fail(entity)
    if not repo.remove_alias(STATE.engine(), ent.id, form, origin="editor"):
        raise UsageError(f"{ent.id} has no editor alias {form!r}")
    info(f"removed {form!r} from {ent.id}")


@alias_app.command("list")
def alias_list() -> None:
    """The forms editors have taught."""
    from ledger.store import repo

    rows = sorted(repo.editor_aliases(STATE.engine()))
    write_output("".join(f"{e}\t{f}\n" for e, f in rows), None)


@app.command("export")
def export(folder: Annotated[Path, typer.Argument(help="Folder to write KB YAML into.", metavar="FOLDER")]) -> None:
    """Write the ledger's KB, editor aliases included, as KB YAML (one file per kind)."""
    from ledger.resolve.kb import dump_kb
    from ledger.store import repo

    engine = STATE.engine()
    ents = repo.entities(engine)
    taught: dict[str, list[str]] = {}
    for eid, form in repo.editor_aliases(engine):
        taught.setdefault(eid, []).append(form)
    for e in ents:
        e.aliases = list(dict.fromkeys([*e.aliases, *taught.get(e.id, [])]))
    files = dump_kb(ents, folder)
    info(f"wrote {len(ents)} entities to {', '.join(str(f) for f in files)}")
