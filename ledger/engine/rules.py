"""Rules are data: one YAML file per rule (id, kind, severity, message template with named
fields, description, examples, options).  Validated up front; a broken file stops the run with
its path, line and what is wrong."""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger import rx
from ledger.errors import RuleError
from ledger.model import SEVERITIES

ID_RE = rx.compile(r"^[a-z][a-z0-9-]*$")
FIELDS = {"id", "kind", "severity", "message", "summary", "description", "examples", "options"}


@dataclass
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    summary: str = ""
    description: str = ""
    examples: list[dict[str, str]] = field(default_factory=list)
    options: Any = None
    path: str = ""

    def format(self, **fields: Any) -> str:
        """The message with the fields filled in, each on one line (a name the text breaks
        across two lines, "Ganjar\nPranowo", is shown with a space)."""
        one_line = {k: _BREAK.sub(" ", v) if isinstance(v, str) else v for k, v in fields.items()}
        return string.Formatter().vformat(self.message, (), _Defaults(one_line))


_BREAK = rx.compile(r"[^\S\n]*\r?\n\s*")


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def rules_dir() -> Path:
    """The default rule pack: shipped in the wheel, or the checkout's ``rules/``."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "_data" / "rules", here.parent / "rules"):
        if cand.is_dir():
            return cand
    raise RuleError("the default rule pack is missing from this installation")


def load_rule(path: Path) -> Rule:
    import yaml

    from ledger.engine.kinds import get_kind
    from ledger.read.yamlutil import safe_load

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{at}: invalid YAML: {getattr(e, 'problem', e)}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read rule: {e}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping")
    for key in ("id", "kind", "severity", "message"):
        if not data.get(key):
            raise RuleError(f"{path}: missing required field '{key}'")
    unknown = set(data) - FIELDS
    if unknown:
        raise RuleError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
    if not ID_RE.match(str(data["id"])):
        raise RuleError(f"{path}: field 'id': {data['id']!r} is not a rule id like 'office-mismatch'")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{path}: field 'severity' must be one of {', '.join(SEVERITIES)}")
    kind = get_kind(str(data["kind"]), where=str(path))
    opts_raw = data.get("options") or {}
    if not isinstance(opts_raw, dict):
        raise RuleError(f"{path}: field 'options' must be a mapping")
    names = {f.name for f in dataclasses.fields(kind.Options)}
    bad = set(opts_raw) - names
    if bad:
        raise RuleError(
            f"{path}: field 'options': unknown option(s) {', '.join(sorted(bad))} for kind "
            f"{data['kind']!r} (known: {', '.join(sorted(names)) or 'none'})"
        )
    try:
        options = kind.Options(**opts_raw)
    except (TypeError, ValueError) as e:
        raise RuleError(f"{path}: field 'options': {e}") from None
    examples = data.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(x, dict) for x in examples):
        raise RuleError(f"{path}: field 'examples' must be a list of mappings")
    return Rule(
        id=data["id"], kind=data["kind"], severity=data["severity"], message=data["message"],
        summary=str(data.get("summary", "")).strip(), description=str(data.get("description", "")).strip(),
        examples=examples, options=options, path=str(path),
    )


def load_rules(extra_dirs: Sequence[Path] = (), include_default: bool = True) -> list[Rule]:
    dirs = ([rules_dir()] if include_default else []) + [Path(d) for d in extra_dirs]
    rules: dict[str, Rule] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(f"{d}: rule folder not found")
        for path in sorted(d.glob("*.y*ml")):
            rule = load_rule(path)
            rules[rule.id] = rule  # a user's rule of the same id overrides the default
    return sorted(rules.values(), key=lambda r: r.id)


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    known = {r.id for r in rules}
    for rid in [*select, *ignore]:
        if rid not in known:
            raise RuleError(f"unknown rule {rid!r}", hint="see `ledger rules list`")
    return [r for r in rules if (not select or r.id in select) and r.id not in ignore]
