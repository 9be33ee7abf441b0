"""Kind ``substitution``: Vale-like swap lists.  Each key is a phrase (or, with
``regex: true``, a regular expression) that house style replaces with its value.

Flagged::

    China rejected a request for a meeting with US Sec. of State Lloyd Austin.

Clean::

    China rejected a request for a meeting with US Secretary of State Lloyd Austin.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ledger import rx
from ledger.engine.rules import Rule
from ledger.engine.view import LedgerView
from ledger.model import Finding, Fix, Span


@dataclass
class Options:
    swap: dict[str, str] = field(default_factory=dict)
    ignorecase: bool = False
    regex: bool = False
    sections: tuple[str, ...] = ("body", "opinion")

    def __post_init__(self) -> None:
        self.sections = tuple(self.sections)
        if not self.swap or not all(isinstance(k, str) and isinstance(v, str) for k, v in self.swap.items()):
            raise ValueError("'swap' must map phrases to their replacements")
        self.pattern  # noqa: B018  (compile now: a bad pattern stops the run up front)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        parts = []
        for i, key in enumerate(self.swap):
            body = key if self.regex else re.escape(key)
            parts.append(f"(?P<k{i}>{body})")
        flags = re.IGNORECASE if self.ignorecase else 0
        try:
            return rx.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?!\w)", flags)
        except re.error as e:
            raise ValueError(f"bad pattern in 'swap': {e}") from None


def check(view: LedgerView, rule: Rule, targets: Collection[str] | None) -> Iterator[Finding]:
    opts: Options = rule.options
    keys = list(opts.swap)
    # drafts are read whole; over the ledger, only the documents that contain one of the
    # phrases (a substring query in SQL) are read
    if targets is not None:
        wanted: Collection[str] | None = targets
    else:
        wanted = None if opts.regex or opts.ignorecase else view.containing(keys)
    for ref in view.documents(wanted):
        doc = view.document(ref.key)
        if doc is None:
            continue
        for sec in doc.body_spans(opts.sections):
            for m in opts.pattern.finditer(doc.text, sec.start, sec.end):
                key = keys[int(m.lastgroup[1:])] if m.lastgroup else m.group()
                replacement = opts.swap[key]
                if opts.regex:
                    replacement = m.expand(replacement)
                span = Span.of(doc, m.start(), m.end())
                yield Finding(
                    rule=rule.id, severity=rule.severity,
                    message=rule.format(found=m.group(), replacement=replacement),
                    path=ref.path, line=span.line, column=span.column, end_line=span.end_line,
                    end_column=span.end_column, excerpt=m.group(),
                    fix=Fix(replacement=replacement, description=f"house style: {replacement}"),
                    identity=(m.group(), replacement, doc.text.count(m.group(), 0, m.start())),
                    source=ref.source,
                )
