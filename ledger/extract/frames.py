"""Predicate frames: the recurring facts of news (sanctioned, appointed, met, located in, held,
declined), described as data in YAML files, one per frame (``ledger/extract/frames/`` and any
folder a user adds), matched against sentences in which the resolved mentions stand as typed
placeholders.

A pattern is a regular expression over the sentence with ``{role:kinds}`` placeholders
(kinds: person, org, place, event, office, pron) and ``{rest}`` for the remainder of the
sentence.  A frame says which role is the claim's subject and object, whether the value is the
time named in the sentence, and which qualifiers ("over ...") to keep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ledger.errors import RuleError
from ledger.extract.sentences import sentences_of
from ledger.model import Claim, Document, Mention, Span

KIND_CODE = {"person": "P", "org": "O", "place": "G", "event": "E", "office": "F", "pron": "R"}
_PLACEHOLDER = re.compile(r"\{(~|[A-Za-z_]\w*)(?::|(?<=~))?([a-z][a-z,]*)?\}")
_PRONOUN = re.compile(r"\b(?:he|she|He|She|him|Him|her|Her)\b")
_QUAL = {
    "over": re.compile(r"\b(?:over|for)\s+(.+?)(?=[,;:.]\s|[,;:.]?$|\s+(?:in|since|on)\s+\d{4}\b)"),
    "where": re.compile(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"),
}
_SPACES = str.maketrans({c: " " for c in "\n\r\t\u00a0\u2009\u202f\u2007\u3000"})
_POSSESSOR = re.compile(r"^(?:(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*['’]s|his|her|its|their|the)\s+")


@dataclass
class Frame:
    name: str
    patterns: list[re.Pattern[str]]
    roles: dict[str, tuple[str, ...]]
    subject: str
    object: str | None = None
    value: str = "none"  # "time", "none" or a role name
    state: bool = False
    object_level: str | None = None
    predicate: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)
    path: str = ""


def frames_dir() -> Path:
    return Path(__file__).resolve().parent / "frames"


def _compile(pattern: str, where: str) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    roles: dict[str, tuple[str, ...]] = {}

    def repl(m: re.Match[str]) -> str:
        role, kinds = m.group(1), m.group(2)
        if role == "rest" and not kinds:
            return r"(?P<rest>.*)"
        ks = tuple((kinds or "person").split(","))
        bad = [k for k in ks if k not in KIND_CODE]
        if bad:
            raise RuleError(f"{where}: unknown kind {bad[0]!r} in placeholder {{{role}:{kinds}}}")
        codes = "".join(KIND_CODE[k] for k in ks)
        if role == "~":  # a mention that must be there but fills no role
            return rf"(?:[Tt]he\s+)?⟨[{codes}]\d+⟩"
        roles[role] = ks
        # a possessive is no role filler ("Li's predecessor" is not Li), unless the pattern
        # asks for one ("{agent:person}['’]s administration")
        guard = "" if pattern.startswith("[", m.end()) else r"(?!['’]s\b)"
        return rf"(?:[Tt]he\s+)?(?P<{role}>⟨[{codes}]\d+⟩){guard}"

    try:
        return re.compile(_PLACEHOLDER.sub(repl, pattern)), roles
    except re.error as e:
        raise RuleError(f"{where}: bad pattern: {e}") from None


def load_frame(path: Path) -> Frame:
    import yaml

    from ledger.read.yamlutil import safe_load

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise RuleError(f"{path}: cannot read frame: {e}") from None
    if not isinstance(data, dict) or not data.get("frame") or not data.get("patterns"):
        raise RuleError(f"{path}: a frame needs 'frame' (its name) and 'patterns'")
    roles: dict[str, tuple[str, ...]] = {}
    patterns = []
    for i, p in enumerate(data["patterns"]):
        rx, r = _compile(str(p), f"{path}: patterns[{i}]")
        patterns.append(rx)
        roles.update(r)
    for key in ("subject", "object"):
        if data.get(key) and data[key] not in roles:
            raise RuleError(f"{path}: field '{key}': no placeholder named {data[key]!r} in the patterns")
    return Frame(
        name=str(data["frame"]),
        patterns=patterns,
        roles=roles,
        subject=data.get("subject", ""),
        object=data.get("object"),
        value=str(data.get("value", "none")),
        state=bool(data.get("state", False)),
        object_level=data.get("object_level"),
        predicate=data.get("predicate"),
        qualifiers=list(data.get("qualifiers") or []),
        description=str(data.get("description", "")),
        examples=list(data.get("examples") or []),
        path=str(path),
    )


@lru_cache(maxsize=8)
def load_frames(extra: tuple[Path, ...] = ()) -> tuple[Frame, ...]:
    frames: dict[str, Frame] = {}
    for d in (frames_dir(), *extra):
        if not Path(d).is_dir():
            raise RuleError(f"{d}: frame folder not found")
        for path in sorted(Path(d).glob("*.y*ml")):
            f = load_frame(path)
            frames[f.name] = f
    return tuple(frames.values())


@dataclass
class _Abstract:
    text: str
    # (abstract start, abstract end, original start, original end, mention index or -1)
    segments: list[tuple[int, int, int, int, int]]

    def orig(self, pos: int) -> int:
        for a0, a1, o0, o1, _ in self.segments:
            if a0 <= pos <= a1:
                return o0 + (pos - a0) if _ == -1 else (o0 if pos == a0 else o1)
        return self.segments[-1][3] if self.segments else 0


def _abstract(
    text: str, lo: int, hi: int, mentions: Sequence[Mention], idxs: list[int], last_person: int | None
) -> _Abstract:
    parts: list[str] = []
    segs: list[tuple[int, int, int, int, int]] = []
    pos, apos = lo, 0

    def plain(a: int, b: int, antecedent: int | None) -> None:
        nonlocal apos
        chunk = text[a:b]
        last = 0
        for pm in _PRONOUN.finditer(chunk):
            if antecedent is None:
                break
            _emit(chunk[last : pm.start()], a + last, a + pm.start(), -1)
            _emit(f"⟨R{antecedent}⟩", a + pm.start(), a + pm.end(), antecedent)
            last = pm.end()
        _emit(chunk[last:], a + last, b, -1)

    def _emit(s: str, o0: int, o1: int, m: int) -> None:
        nonlocal apos
        s = s.translate(_SPACES)  # one for one, so offsets still map
        parts.append(s)
        segs.append((apos, apos + len(s), o0, o1, m))
        apos += len(s)

    for i in idxs:
        m = mentions[i]
        if m.span.start < pos:
            continue
        plain(pos, m.span.start, last_person)
        code = KIND_CODE.get(m.kind, "O")
        _emit(f"⟨{code}{i}⟩", m.span.start, m.span.end, i)
        if m.kind == "person" and m.entity:
            last_person = i
        pos = m.span.end
    plain(pos, hi, last_person)
    return _Abstract("".join(parts), segs)


def frame_claims(
    doc: Document,
    mentions: list[Mention],
    index: Any,
    frames: Sequence[Frame] | None = None,
    sections: tuple[str, ...] = ("body", "opinion"),
) -> list[Claim]:
    frames = load_frames() if frames is None else frames
    if not frames:
        return []
    sentences = sentences_of(doc)
    out: list[Claim] = []
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.section in sections:
            by_sentence.setdefault(sentences.bounds(m.span.start), []).append(i)
    last_person: int | None = None
    for (lo, hi), idxs in sorted(by_sentence.items()):
        section = mentions[idxs[0]].section
        # a frame can match only where the kinds its subject and object need are named
        present = {mentions[i].kind for i in idxs} | ({"pron"} if last_person is not None else set())
        if last_person is None and any(mentions[i].kind == "person" and mentions[i].entity for i in idxs):
            present.add("pron")
        fitting = [f for f in frames if _fits(f, present, len(idxs))]
        ab = _abstract(doc.text, lo, hi, mentions, idxs, last_person) if fitting else None
        for i in idxs:
            if mentions[i].kind == "person" and mentions[i].entity:
                last_person = i
        if ab is None:
            continue
        timexes = None
        for frame in fitting:
            for rx in frame.patterns:
                for mt in rx.finditer(ab.text):
                    if timexes is None:
                        timexes = _timexes(doc, lo, hi, mentions, idxs)
                    c = _claim(doc, frame, mt, ab, mentions, index, lo, hi, timexes, section)
                    if c is not None and not any(_same(c, o) for o in out):
                        out.append(c)
    return out


def _fits(frame: Frame, present: set[str], n: int) -> bool:
    roles = [r for r in (frame.subject, frame.object) if r]
    if not all(set(frame.roles.get(r, ())) & present for r in roles):
        return False
    return n >= len(roles) or "pron" in present


def _same(a: Claim, b: Claim) -> bool:
    return (a.subject, a.predicate, a.object, a.value, a.span.start) == (
        b.subject,
        b.predicate,
        b.object,
        b.value,
        b.span.start,
    )


def _timexes(doc: Document, lo: int, hi: int, mentions: list[Mention], idxs: list[int]) -> list[Any]:
    try:
        from ledger.extract.timex import find_timexes
    except ImportError:  # pragma: no cover - the module ships with ledger
        return []
    spans = [(mentions[i].span.start, mentions[i].span.end) for i in idxs]
    return [t for t in find_timexes(doc.text, doc.published, lo, hi) if not any(a <= t.start < b for a, b in spans)]


def _mention_of(token: str | None) -> int | None:
    if not token:
        return None
    return int(token[2:-1])


def _entity(mentions: list[Mention], i: int | None) -> str | None:
    return mentions[i].entity if i is not None else None


def _claim(
    doc: Document,
    frame: Frame,
    mt: re.Match[str],
    ab: _Abstract,
    mentions: list[Mention],
    index: Any,
    lo: int,
    hi: int,
    timexes: list[Any],
    section: str,
) -> Claim | None:
    roles = {r: _mention_of(mt.groupdict().get(r)) for r in frame.roles}
    subj_i = roles.get(frame.subject)
    if subj_i is None or not _entity(mentions, subj_i):
        return None
    obj_i = roles.get(frame.object) if frame.object else None
    obj = _entity(mentions, obj_i)
    if obj_i is not None and obj is None and mentions[obj_i].kind == "office":
        obj = _office_for(mentions[obj_i], _entity(mentions, subj_i), index)
    if frame.object and obj_i is not None and obj is None:
        return None
    if obj and frame.object_level == "country" and index is not None:
        code = index.country_of(obj)
        obj = index.countries.get(code, obj) if code else obj
    start, end = (
        ab.orig(mt.start()),
        ab.orig(mt.end("rest") if "rest" in mt.re.groupindex and mt.group("rest") is not None else mt.end()),
    )
    rest_start = ab.orig(mt.start("rest")) if "rest" in mt.re.groupindex and mt.group("rest") is not None else end
    core_end = rest_start
    value: str | None = None
    valid_from: date | None = doc.published
    valid_to: date | None = doc.published
    qualifiers: dict[str, Any] = {"frame": frame.name}
    if frame.value == "time":
        t = _pick_time(timexes, start, core_end)
        if t is not None:
            value = _time_value(t)
            valid_from, valid_to = t.valid_from, (None if frame.state else t.valid_to)
            qualifiers["granularity"] = t.granularity
            if getattr(t, "approx", False):
                qualifiers["approx"] = True
            core_end = max(core_end, t.end)
        elif frame.state:
            valid_from, valid_to = None, doc.published
    elif frame.value in roles:
        value = _entity(mentions, roles[frame.value])
    rest = doc.text[rest_start:hi]
    for q in frame.qualifiers:
        rx = _QUAL.get(q)
        qm = rx.search(rest) if rx else None
        if qm:
            qualifiers[q] = _POSSESSOR.sub("", qm.group(1).strip())
    subj = mentions[subj_i]
    span_end = max(core_end, ab.orig(mt.end(frame.object)) if frame.object and obj_i is not None else core_end)
    excerpt_start = min(start, subj.span.start)
    return Claim(
        span=Span.of(doc, excerpt_start, span_end),
        subject=subj.entity,
        predicate=frame.predicate or frame.name,
        object=obj,
        value=value,
        valid_from=valid_from,
        valid_to=valid_to,
        qualifiers=qualifiers,
        section=section,
        sentence=" ".join(doc.text[lo:hi].split()),
        excerpt=" ".join(doc.text[excerpt_start:span_end].split()),
        subject_surface=subj.surface,
        object_surface=mentions[obj_i].surface if obj_i is not None else "",
    )


def _office_for(m: Mention, person: str | None, index: Any) -> str | None:
    """An office title with no country of its own takes the country of the person."""
    if index is None or person is None:
        return None
    country = index.country_of(person)
    offices = {e.entity for e in m.candidates if index.country_of(e.entity) == country}
    return offices.pop() if len(offices) == 1 else None


def _pick_time(timexes: list[Any], start: int, end: int) -> Any:
    inside = [t for t in timexes if start <= t.start < end + 40]
    pool = inside or timexes
    dated = [t for t in pool if t.valid_from is not None]
    return dated[0] if dated else None


def _time_value(t: Any) -> str:
    f, to = t.valid_from, t.valid_to
    if t.granularity == "year" or (f and to and f.month == 1 and f.day == 1 and to == date(f.year, 12, 31)):
        return str(f.year)
    if t.granularity == "month":
        return f"{f.year:04d}-{f.month:02d}"
    if f and to and f != to:
        return f"{f.isoformat()}/{to.isoformat()}"
    if f and to is None:
        return str(f.year) if (f.month, f.day) == (1, 1) else f.isoformat()
    return f.isoformat() if f else t.text
