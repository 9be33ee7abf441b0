"""Rule kinds: one module each, registered here.  A kind module has a typed ``Options``
dataclass and ``check(view, rule, targets) -> Iterable[Finding]``; its docstring shows a flagged
and a clean example.  Plugins add kinds through the ``ledger.kinds`` entry-point group."""

from __future__ import annotations

import importlib
from types import ModuleType

from ledger.errors import RuleError

BUILTIN = {
    "office_term": "ledger.engine.kinds.office_term",
    "mention_form": "ledger.engine.kinds.mention_form",
    "name_consistency": "ledger.engine.kinds.name_consistency",
    "substitution": "ledger.engine.kinds.substitution",
    "value_conflict": "ledger.engine.kinds.value_conflict",
    "holder_conflict": "ledger.engine.kinds.holder_conflict",
    "unused_suppression": "ledger.engine.kinds.unused_suppression",
    "quote_attribution": "ledger.engine.kinds.quote_attribution",
}


def kind_names() -> list[str]:
    names = set(BUILTIN)
    names.update(ep.name for ep in _entry_points())
    return sorted(names)


def _entry_points() -> list:
    from importlib.metadata import entry_points

    return list(entry_points(group="ledger.kinds"))


def get_kind(name: str, where: str = "") -> ModuleType:
    target = BUILTIN.get(name)
    if target is not None:
        return importlib.import_module(target)
    for ep in _entry_points():
        if ep.name == name:
            mod = ep.load()
            if not hasattr(mod, "check") or not hasattr(mod, "Options"):
                raise RuleError(f"{where}: plugin kind {name!r} lacks check() or Options")
            return mod
    prefix = f"{where}: " if where else ""
    raise RuleError(f"{prefix}field 'kind': unknown rule kind {name!r} (known: {', '.join(kind_names())})")
