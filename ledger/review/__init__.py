"""The publishing workflow: findings remembered across runs, editors' decisions on them, and
baselines.

- :mod:`ledger.review.records`: the ``findings`` table kept by ``ledger check`` (first and last
  seen, the run, resolved when no longer produced) and the append-only ``decisions`` log.
- :mod:`ledger.review.decide`: accept / dismiss / reopen a finding by fingerprint or prefix.
- :mod:`ledger.review.baseline`: ``ledger check --baseline FILE``.

A finding's status is ``open``, ``accepted`` or ``dismissed`` (its latest decision), or
``resolved`` once a whole-ledger check no longer produces it.  Dismissed findings are hidden from
``check`` output and exit codes; accepted ones (confirmed by an editor, to be corrected) are not.
"""

from __future__ import annotations

STATUSES = ("open", "accepted", "dismissed", "resolved")
ACTIONS = {"accept": "accepted", "dismiss": "dismissed", "reopen": "open"}
