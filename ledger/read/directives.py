"""Suppression comments in documents (read here, applied by ``ledger.engine.runner``).

``<!-- ledger-ignore RULE[,RULE...] -->`` silences the named rules (all rules when none is
named) on the next non-blank line, or on its own line when it trails text;
``<!-- ledger-ignore-file RULE -->`` silences them in the whole document.  In plain text the
same words stand on a line of their own, bare or in brackets: ``[ledger-ignore house-style]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ledger import rx
from ledger.model import Document

_DIRECTIVE = rx.compile(
    r"(?:<!--\s*|\[\s*|^[ \t]*)ledger-ignore(?P<file>-file)?\b(?P<rules>[^\n\]>]*?)\s*(?:-->|\]|$)",
    re.MULTILINE,
)


@dataclass
class Directive:
    line: int  # 1-based line of the comment
    column: int
    end_column: int
    rules: frozenset[str]  # empty = every rule
    whole_file: bool
    target_line: int | None  # the line it silences (None for the whole file)
    text: str
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str, line: int) -> bool:
        if self.rules and rule not in self.rules:
            return False
        return self.whole_file or line == self.target_line


def directives(text: str) -> list[Directive]:
    if "ledger-ignore" not in text:
        return []
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    out: list[Directive] = []
    for m in _DIRECTIVE.finditer(text):
        line_no = text.count("\n", 0, m.start()) + 1
        col = m.start() - starts[line_no - 1] + 1
        rules = frozenset(r for r in re.split(r"[\s,]+", m.group("rules").strip()) if r and r != "all")
        whole = bool(m.group("file"))
        target = None
        if not whole:
            own = lines[line_no - 1]
            rest = (own[: m.start() - starts[line_no - 1]] + own[m.end() - starts[line_no - 1] :]).strip()
            if rest:
                target = line_no
            else:
                target = next((i + 1 for i in range(line_no, len(lines)) if lines[i].strip()), None)
        out.append(Directive(line_no, col, col + len(m.group().strip()), rules, whole, target, m.group().strip()))
    return out


def directives_of(doc: Document) -> list[Directive]:
    """A document's directives: those its reader found outside the text (an HTML page's
    comments, at their lines in the page), else those in the text."""
    if doc.directives is not None:
        return [Directive(line, col, end_col, frozenset(rules), whole, target, text)
                for line, col, end_col, rules, whole, target, text in doc.directives]
    return directives(doc.text)


def as_rows(found: list[Directive]) -> list[list[object]]:
    """``Document.directives`` rows of directives (JSON-ready)."""
    return [[d.line, d.column, d.end_column, sorted(d.rules), d.whole_file, d.target_line, d.text] for d in found]
