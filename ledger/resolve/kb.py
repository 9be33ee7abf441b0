"""The knowledge base: reference facts loaded from YAML (SPEC §5), validated up front.

An error names the file, the line, the entity id and the field; unknown fields are warned about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ledger import rx
from ledger.errors import KBError
from ledger.model import Entity, Term

KINDS = ("person", "office", "org", "place", "event")
COMMON = {"id", "kind", "name", "aliases", "native"}
FIELDS: dict[str, set[str]] = {
    "person": COMMON | {"country", "offices"},
    "office": COMMON | {"country", "titles", "single_holder"},
    "org": COMMON | {"country", "part_of", "place", "from", "to"},
    "place": COMMON | {"code", "demonyms", "part_of", "country"},
    "event": COMMON | {"place", "from", "to"},
}
ID_RE = rx.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _yaml_loader() -> type:
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> dict[str, Any]:
        mapping: dict[str, Any] = dict(yaml.SafeLoader.construct_mapping(loader, node, deep=deep))  # type: ignore[arg-type]
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    # dates stay strings here so that a bad one is reported with its entity and field
    LineLoader.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    LineLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping
    )
    return LineLoader


@dataclass
class KBLoad:
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def kb_files(dirs: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file() and d.suffix in (".yaml", ".yml"):
            files.append(d)
        elif d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            raise KBError(f"{d}: KB folder not found")
    return files


def _date(value: Any, where: str, fld: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise KBError(f"{where}: field '{fld}': bad date {value!r} (expected YYYY-MM-DD)")


def _strings(value: Any, where: str, fld: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise KBError(f"{where}: field '{fld}' must be a list of strings")


def _entity(raw: Any, path: Path, loader_warnings: list[str]) -> Entity:
    if not isinstance(raw, dict):
        raise KBError(f"{path}: each entry of 'entities' must be a mapping")
    line = raw.pop("__line__", "?")
    eid = raw.get("id")
    where = f"{path}:{line}: entity {eid!r}" if eid else f"{path}:{line}"
    for fld in ("id", "kind", "name"):
        if not raw.get(fld):
            raise KBError(f"{where}: missing required field '{fld}'")
    if not isinstance(eid, str) or not ID_RE.match(eid):
        raise KBError(f"{where}: field 'id' must be a lowercase slug like 'li-shangfu'")
    kind = raw["kind"]
    if kind not in KINDS:
        raise KBError(f"{where}: field 'kind': unknown kind {kind!r} (one of {', '.join(KINDS)})")
    for fld in raw:
        if fld not in FIELDS[kind]:
            loader_warnings.append(f"{where}: unknown field '{fld}' ignored")
    if not isinstance(raw["name"], str):
        raise KBError(f"{where}: field 'name' must be a string")
    terms: list[Term] = []
    for i, t in enumerate(raw.get("offices") or []):
        if not isinstance(t, dict) or not t.get("office"):
            raise KBError(f"{where}: field 'offices[{i}]' needs an 'office' id")
        t.pop("__line__", None)
        start = _date(t.get("from"), where, f"offices[{i}].from")
        end = _date(t.get("to"), where, f"offices[{i}].to")
        if start and end and end < start:
            raise KBError(f"{where}: field 'offices[{i}]': 'to' is before 'from'")
        terms.append(Term(office=str(t["office"]), start=start, end=end))
    single = raw.get("single_holder", True)
    if not isinstance(single, bool):
        raise KBError(f"{where}: field 'single_holder' must be true or false")
    return Entity(
        id=eid,
        kind=kind,
        name=raw["name"].strip(),
        aliases=_strings(raw.get("aliases"), where, "aliases"),
        native=raw.get("native"),
        country=(str(raw["country"]).upper() if raw.get("country") else None),
        offices=terms,
        titles=_strings(raw.get("titles"), where, "titles"),
        single_holder=single,
        code=(str(raw["code"]).upper() if raw.get("code") else None),
        demonyms=_strings(raw.get("demonyms"), where, "demonyms"),
        part_of=raw.get("part_of"),
        place=raw.get("place"),
        start=_date(raw.get("from"), where, "from"),
        end=_date(raw.get("to"), where, "to"),
        origin=f"{path}:{line}",
    )


def load_kb(dirs: Sequence[Path], extra: Iterable[Entity] = ()) -> KBLoad:
    """Load and validate every KB file under ``dirs``; raise :class:`KBError` on the first
    problem.  ``extra`` entities (already in the ledger) satisfy references too."""
    import yaml

    loader = _yaml_loader()
    out = KBLoad()
    seen: dict[str, str] = {}
    for path in kb_files(dirs):
        out.files.append(path)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            at = f":{mark.line + 1}" if mark else ""
            raise KBError(f"{path}{at}: invalid YAML: {getattr(e, 'problem', e)}") from None
        except (OSError, UnicodeDecodeError) as e:
            raise KBError(f"{path}: cannot read: {e}") from None
        if data is None:
            out.warnings.append(f"{path}: empty KB file")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
            raise KBError(f"{path}: a KB file needs a top-level 'entities:' list")
        for raw in data["entities"]:
            ent = _entity(raw, path, out.warnings)
            if ent.id in seen:
                raise KBError(
                    f"{ent.origin}: entity {ent.id!r}: duplicate id (first defined at {seen[ent.id]})"
                )
            seen[ent.id] = ent.origin
            out.entities.append(ent)
    check_references(out.entities, extra)
    return out


def check_references(entities: Sequence[Entity], extra: Iterable[Entity] = ()) -> None:
    kinds = {e.id: e.kind for e in extra}
    kinds.update({e.id: e.kind for e in entities})
    for e in entities:
        where = f"{e.origin}: entity {e.id!r}"
        for i, t in enumerate(e.offices):
            if t.office not in kinds:
                raise KBError(f"{where}: field 'offices[{i}].office': unknown id {t.office!r}")
            if kinds[t.office] != "office":
                raise KBError(
                    f"{where}: field 'offices[{i}].office': {t.office!r} is a "
                    f"{kinds[t.office]}, not an office"
                )
        for fld in ("part_of", "place"):
            ref = getattr(e, fld)
            if ref and ref not in kinds:
                raise KBError(f"{where}: field '{fld}': unknown id {ref!r}")


def dump_kb(entities: Sequence[Entity], folder: Path) -> list[Path]:
    """Write entities as KB YAML, one file per kind; loading the files gives them back."""
    import yaml

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(entities, key=lambda x: x.id):
        d: dict[str, Any] = {"id": e.id, "kind": e.kind, "name": e.name}
        for key in ("aliases", "native", "country", "titles", "code", "demonyms", "part_of", "place"):
            v = getattr(e, key)
            if v:
                d[key] = list(v) if isinstance(v, list) else v
        if e.kind == "office" and not e.single_holder:
            d["single_holder"] = False
        if e.offices:
            d["offices"] = [
                {k: v for k, v in (("office", t.office), ("from", t.start), ("to", t.end)) if v}
                for t in e.offices
            ]
        if e.start:
            d["from"] = e.start
        if e.end:
            d["to"] = e.end
        by_kind.setdefault(e.kind, []).append(d)
    out = []
    for kind, rows in sorted(by_kind.items()):
        path = folder / f"{kind}s.yaml"
        path.write_text(yaml.safe_dump({"entities": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out.append(path)
    return out
