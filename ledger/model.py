"""Plain records shared by the stages.

Data flows one way: ``read`` makes :class:`Document`, ``extract`` and ``resolve`` make
:class:`Mention` and :class:`Claim`, ``store`` persists them, ``engine`` turns them into
:class:`Finding`, ``report`` prints findings.  No stage passes ORM objects to another.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1, "never": 99}


@dataclass(frozen=True, slots=True)
class Section:
    """A run of a document's text: ``body``, ``opinion``, ``comments`` or ``furniture``."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One input document, as read.  ``text`` is the full original text of the file (for a
    .md/.txt file including its front matter) so that offsets map to the original lines."""

    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    lang: str | None = None
    date_method: str | None = None  # how ``published`` was established
    sections: list[Section] = field(default_factory=list)
    # offset -> (line, column) is computed lazily from this table
    _line_starts: list[int] | None = field(default=None, repr=False)
    # where the text came from when it is not the file itself (an HTML page's extracted text):
    # runs [text offset, line, column], each character of a run one column after the one
    # before it in the file; positions (line, column) then refer to the file
    origin: list[list[int]] | None = field(default=None, repr=False, compare=False)
    # ``ledger-ignore`` comments that are not in ``text`` (an HTML page's), with their positions
    # in the file: [line, column, end_column, target_line or None, whole_file, text]
    directives: list[list[Any]] | None = None
    # the document's identity in the ledger when it is not its path or URL: a .jsonl record's
    # ``path`` (or ``file:line``), while ``path`` names the .jsonl file its positions are in
    key: str | None = None
    # what stages compute once per document (its sentences, ...); never stored
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256(self.text.encode("utf-8"))
        if self.directives:
            h.update(repr(self.directives).encode("utf-8"))  # a new ledger-ignore is a new revision
        return h.hexdigest()

    def section_at(self, offset: int) -> str:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.kind
        return "body"

    def body_spans(self, kinds: tuple[str, ...] = ("body", "opinion")) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    def line_starts(self) -> list[int]:
        """The offsets at which the text's lines start (lines end at ``\\n``)."""
        if self._line_starts is None:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns in code points (in the file
        the text came from)."""
        if self.origin is not None:
            return _origin_position(self, offset)
        starts = self.line_starts()
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


class Span(NamedTuple):
    """A character range ``[start, end)`` in a document's text, with its 1-based position.
    A named tuple: immutable and hashable like a frozen dataclass, and made several times
    faster (a document has hundreds of spans; a full check reads one per stored claim)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Span:
        if doc.origin is not None:
            a, b = _origin_position(doc, start), _origin_position(doc, max(start, end - 1), after=end > start)
            return _new_span(cls, (start, end, a[0], a[1], b[0], b[1]))
        starts = doc._line_starts
        if starts is None:
            starts = doc.line_starts()
        line = bisect_right(starts, start) - 1
        end_line = bisect_right(starts, end) - 1
        return _new_span(
            cls, (start, end, line + 1, start - starts[line] + 1, end_line + 1, end - starts[end_line] + 1)
        )


_new_span = tuple.__new__


def _origin_position(doc: Document, offset: int, after: bool = False) -> tuple[int, int]:
    """(line, column) in the file of text offset ``offset`` (``after``: just after it)."""
    runs = doc.origin or [[0, 1, 1]]
    starts = doc.cache.get("origin_starts")
    if starts is None:
        starts = doc.cache["origin_starts"] = [r[0] for r in runs]
    t, line, column = runs[max(bisect_right(starts, offset) - 1, 0)]
    return line, column + max(offset - t, 0) + (1 if after else 0)


@dataclass(slots=True)
class Mention:
    """A name in a document and what it resolved to."""

    span: Span
    surface: str
    kind: str  # person, office, org, place, event
    entity: str | None = None
    score: float = 0.0
    method: str = "unresolved"
    reason: str = ""
    section: str = "body"
    # how the mention relates to the KB forms: "preferred", "alias", "transliteration",
    # "misspelling", "short", ...  Used by the name rules.
    form: str = ""
    preferred: str | None = None  # house-preferred name of the entity
    # transient, between extraction and resolution: KB entries matching the surface, and
    # surface cues ("honorific", "qualifier" mention index, "holder" mention index, ...)
    candidates: list[Any] = field(default_factory=list, repr=False)
    hint: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Claim:
    """A normalized assertion: ``subject predicate object|value`` valid over a time range."""

    span: Span
    subject: str | None
    predicate: str
    object: str | None = None
    value: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    section: str = "body"
    sentence: str = ""
    excerpt: str = ""
    # the surface of the subject and object, for messages and fixes
    subject_surface: str = ""
    object_surface: str = ""
    # what rules group by: the entity id, or the name / title as written when unresolved
    subject_key: str | None = None
    object_key: str | None = None
    # transient: role -> index of the mention that fills it ("subject", "object")
    refs: dict[str, int] = field(default_factory=dict, repr=False)

    def key(self) -> tuple[Any, ...]:
        return (
            self.subject,
            self.predicate,
            self.object,
            self.value,
            self.valid_from,
            self.valid_to,
            self.span.start,
        )


@dataclass(slots=True)
class Evidence:
    path: str
    line: int
    column: int
    excerpt: str
    source: str | None = None
    published: str | None = None
    note: str = ""

    @classmethod
    def at(cls, ref: DocRef, span: Span, excerpt: str) -> Evidence:
        """Evidence from a stored document: where, what it says, which outlet and when."""
        return cls(path=ref.path, line=span.line, column=span.column, excerpt=excerpt, source=ref.source,
                   published=ref.published.isoformat() if ref.published else None)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "source": self.source,
            "published": self.published,
        }
        if self.note:
            d["note"] = self.note
        return d


@dataclass(slots=True)
class Fix:
    replacement: str
    description: str

    def to_dict(self) -> dict[str, Any]:
        return {"replacement": self.replacement, "description": self.description}


@dataclass(slots=True)
class Finding:
    """One problem found by one rule.  Every reporter reads this record and nothing else."""

    rule: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    entities: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    fix: Fix | None = None
    identity: tuple[Any, ...] = ()  # what the finding is about, for the fingerprint
    status: str = "open"
    source: str | None = None  # outlet of the flagged document
    evidence_omitted: int = 0  # evidence left out of ``evidence`` (see ``engine.runner.MAX_EVIDENCE``)
    _fingerprint: str | None = None

    @classmethod
    def at(cls, rule: str, severity: str, ref: DocRef, c: Claim, message: str, **rest: Any) -> Finding:
        """A finding at a stored claim: its place, excerpt and outlet; ``entities`` default to
        the claim's subject and object."""
        rest.setdefault("entities", [e for e in (c.subject, c.object) if e])
        return cls(rule=rule, severity=severity, message=message, path=ref.path, line=c.span.line,
                   column=c.span.column, end_line=c.span.end_line, end_column=c.span.end_column,
                   excerpt=c.excerpt, source=ref.source, **rest)

    @property
    def fingerprint(self) -> str:
        """Stable across edits elsewhere in the document and re-ingest: built from the rule,
        the document (path) and the claim's identity, never from line numbers."""
        if self._fingerprint is None:
            basis = "\x1f".join([self.rule, self.path, *map(str, self.identity or (self.excerpt,))])
            self._fingerprint = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return self._fingerprint

    def repeat(self, n: int) -> None:
        """Make this the ``n``-th finding of one identity in its document (the same error made
        again further on): its fingerprint counts it."""
        self.identity = (*(self.identity or (self.excerpt,)), f"#{n}")
        self._fingerprint = None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "entities": list(self.entities),
            "evidence": [e.to_dict() for e in self.evidence],
            "fix": self.fix.to_dict() if self.fix else None,
            "fingerprint": self.fingerprint,
            "status": self.status,
        } | ({"evidence_omitted": self.evidence_omitted} if self.evidence_omitted else {})


@dataclass(frozen=True, slots=True)
class Term:
    """A term of office: ``office`` held from ``start`` to ``end`` (both inclusive)."""

    office: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, lo: date | None, hi: date | None) -> bool:
        """Whether the term meets ``[lo, hi]`` (an open end meets everything)."""
        return (self.start is None or hi is None or self.start <= hi) and (self.end is None or lo is None
                                                                           or lo <= self.end)

    def __reduce__(self) -> tuple[Any, ...]:
        return _by_fields(self)


_FORMER_WORD = re.compile(r"\b(?:former|ex)\b", re.IGNORECASE)


def still_in(terms: list[Term], c: Claim) -> Term | None:
    """The term of the office a "former" title gives (``c``) that the person was still in on
    the claim's day, started before it and not on its last day, when no earlier term of that
    office had ended ("Former IOC President Thomas Bach" during his presidency)."""
    day = c.valid_to
    if (c.qualifiers.get("time") != "former" or day is None or c.valid_from is not None or not c.object
            or c.qualifiers.get("years") or c.qualifiers.get("days")):
        return None
    sentence, excerpt = c.sentence or "", c.excerpt or ""
    at = sentence.find(excerpt) if excerpt else -1
    if at < 0 or not _FORMER_WORD.search(sentence, max(0, at - 12), at + len(excerpt)):
        return None  # "former" not written: a predecessor ("replacing Prime Minister Fumio Kishida")
    mine = [t for t in terms if t.office == c.object]
    if any(t.end is not None and t.end < day for t in mine):
        return None  # held before: "former" may be that term
    return next((t for t in mine if t.start is not None and t.start < day and (t.end is None or day < t.end)), None)


@dataclass(slots=True)
class Entity:
    """A KB entity (SPEC §5)."""

    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    native: str | None = None
    country: str | None = None
    offices: list[Term] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    single_holder: bool = True
    code: str | None = None
    demonyms: list[str] = field(default_factory=list)
    part_of: str | None = None
    place: str | None = None
    start: date | None = None
    end: date | None = None
    origin: str = ""  # file the entity came from, and its line: "kb/people.yaml:8"

    def holds(self, office: str, day: date) -> bool:
        return any(t.office == office and t.covers(day) for t in self.offices)

    def __reduce__(self) -> tuple[Any, ...]:
        return _by_fields(self)

    def evidence(self, excerpt: str) -> Evidence:
        """The KB's evidence: the entity where its file defines it."""
        path, _, line = self.origin.rpartition(":")
        if not line.isdigit():
            path, line = self.origin, "1"
        return Evidence(path=path or "KB", line=int(line), column=1, excerpt=excerpt, source="KB", published=None)


def _by_fields(obj: Any) -> tuple[Any, ...]:
    """Pickle a slotted dataclass as a call of its constructor: unpickling it is then about
    four times faster than through the ``__setstate__`` that ``dataclass(slots=True)`` writes
    (the cached name index holds thousands of entities and terms, read on every draft check)."""
    return (type(obj), tuple(getattr(obj, name) for name in obj.__match_args__))


@dataclass(frozen=True, slots=True)
class DocRef:
    """Which document a stored claim or mention comes from, as rules see it."""

    key: str
    path: str
    source: str | None
    published: date | None
    content_hash: str = ""
    title: str | None = None
    # sources are counted by outlet; an unknown outlet counts as its own document
    outlet: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "outlet", (self.source or f"path:{self.path}").casefold())


@dataclass(slots=True)
class Analysis:
    """A document with what extraction and resolution made of it."""

    doc: Document
    mentions: list[Mention]
    claims: list[Claim]

    @property
    def ref(self) -> DocRef:
        d = self.doc
        return DocRef(d.url or d.key or d.path, d.path, d.source, d.published, d.content_hash, d.title)
