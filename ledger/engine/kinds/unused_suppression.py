"""Kind ``unused_suppression``: a ledger-ignore comment that silences nothing.  The runner does
the work (it sees every other rule's findings); see ``ledger.read.directives``.

Flagged::

    <!-- ledger-ignore house-style -->
    US President Joe Biden said.

Clean::

    <!-- ledger-ignore house-style -->
    US Pres. Biden said.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView
from ledger.model import Finding


@dataclass
class Options:
    pass


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    return iter(())
