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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ledger import rx
from ledger.errors import RuleError
from ledger.extract.mentions import AGE_AFTER_NAME, opens_sentence
from ledger.extract.sentences import sentences_of
from ledger.model import Claim, Document, Mention, Span
from ledger.resolve.keys import knows_person, knows_subject, name_key

KIND_CODE = {"person": "P", "org": "O", "place": "G", "event": "E", "office": "F", "pron": "R"}
_PLACEHOLDER = rx.compile(r"\{(~|[A-Za-z_]\w*)(?::|(?<=~))?([a-z][a-z,]*)?\}")
_PRONOUN = rx.compile(r"\b(?:he|she|He|She|him|Him|her|Her)\b")
_QUAL = {
    "over": rx.compile(r"\b(?:over|for)\s+(.+?)(?=[,;:.]\s|[,;:.]?$|\s+(?:in|since|on)\s+\d{4}\b)"),
    "where": rx.compile(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"),
}
_SPACE_CHARS = "\n\r\t\u00a0\u2009\u202f\u2007\u3000"


def spaced(text: str) -> str:
    """``text`` with every whitespace character made a plain space, one for one (offsets still
    map).  A ``replace`` per character present: a hundred times faster than ``str.translate``
    with a table, which looks each character up in a dict."""
    for c in _SPACE_CHARS:
        if c in text:
            text = text.replace(c, " ")
    return text


_POSSESSOR = rx.compile(r"^(?:(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*['’]s|his|her|its|their|the)\s+")


@dataclass
class Frame:
    name: str
    patterns: list[re.Pattern[str]]
    roles: dict[str, tuple[str, ...]]
    subject: str
    object: str | None = None
    value: str = "none"  # "time", "none" or a role name
    state: bool = False
    # a past state ("served as"): tied to the time named ("then"), else to some time before
    # the document ("former")
    past: bool = False
    object_level: str | None = None
    predicate: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)
    path: str = ""
    # words right before a match that make it none of this frame's ("declared the winner of
    # the election on Sunday": the day of the declaration, not of the election)
    not_after: re.Pattern[str] | None = None


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
        return rx.compile(_PLACEHOLDER.sub(repl, pattern)), roles
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
        pat, r = _compile(str(p), f"{path}: patterns[{i}]")
        patterns.append(pat)
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
        past=bool(data.get("past", False)),
        object_level=data.get("object_level"),
        predicate=data.get("predicate"),
        qualifiers=list(data.get("qualifiers") or []),
        description=str(data.get("description", "")),
        examples=list(data.get("examples") or []),
        path=str(path),
        not_after=_not_after(data.get("not_after"), path),
    )


def _not_after(pattern: Any, path: Path) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return rx.compile(rf"(?:{pattern})[ \t\u00a0]*\Z")
    except re.error as e:
        raise RuleError(f"{path}: field 'not_after': bad pattern: {e}") from None


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


# ------------------------------------------------------------------ prefilter
# A pattern is tried on a sentence only if the sentence contains one of the strings every
# match of the pattern contains ("met", "held talks with", ...), found by reading the compiled
# pattern: most sentences name people and places but none of a frame's verbs.  The strings
# never hold the placeholder brackets, so that they are looked for in the sentence as written
# (whitespace made spaces, as in the abstract): text outside placeholders in the abstract is
# sentence text.

_Strings = frozenset[str]
_MAX_STRINGS = 64  # a larger set of alternatives is no cheap test
_NOT_IN_TEXT = "⟨⟩"  # placeholder brackets: in the abstract only


def required_strings(pat: re.Pattern[str]) -> _Strings | None:
    """Strings one of which occurs in any text ``pat`` finds a match in; None when no such set
    is known (an optional or case-insensitive part, a character class, ...)."""
    return _required_strings(pat.pattern, pat.flags)


@lru_cache(maxsize=256)
def _required_strings(pattern: str, flags: int) -> _Strings | None:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    try:
        parsed = sre_parse.parse(pattern, flags)
        need, _ = _sequence(sre, parsed, bool(parsed.state.flags & sre.SRE_FLAG_IGNORECASE))
    except Exception:  # noqa: BLE001 - an unknown construct: no prefilter, every pattern is tried
        return None
    return need


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective requirement: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _need_of(exact: _Strings) -> _Strings | None:
    """The requirement a part matching exactly one of ``exact`` makes: one of them, the
    ones containing another left out."""
    if "" in exact or not exact:
        return None
    return frozenset(x for x in exact if not any(y != x and y in x for y in exact))


def _sequence(sre: Any, items: Any, ignore: bool) -> tuple[_Strings | None, _Strings | None]:
    """(requirement, exact strings) of a sequence of parsed items: the best requirement of any
    item, or of a run of items with exact strings (``" (?:in|at) "`` -> ``" in "``, ``" at "``)."""
    need: _Strings | None = None
    run: _Strings | None = frozenset([""])  # exact strings of the current run of exact items
    whole = True  # every item so far has exact strings
    for op, av in items:
        item_need, exact = _item(sre, op, av, ignore)
        need = _better(need, item_need)
        if exact is not None and run is not None:
            joined = frozenset(a + b for a in run for b in exact)
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
            whole = False  # too many strings: the run starts again here
        need = _better(need, _need_of(run) if run is not None else None)
        run = exact
        whole = whole and exact is not None
    if run is not None:
        need = _better(need, _need_of(run))
    return need, (run if whole else None)


def _item(sre: Any, op: Any, av: Any, ignore: bool) -> tuple[_Strings | None, _Strings | None]:
    if op is sre.LITERAL:
        ch = chr(av)
        if ignore or ch in _NOT_IN_TEXT:
            return None, None
        return frozenset([ch]), frozenset([ch])
    if op is sre.IN:
        chars = [chr(a) for o, a in av if o is sre.LITERAL]
        if ignore or len(chars) != len(av) or any(c in _NOT_IN_TEXT for c in chars):
            return None, None
        exact = frozenset(chars)
        return _need_of(exact), exact
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        ignore = (ignore or bool(add & sre.SRE_FLAG_IGNORECASE)) and not remove & sre.SRE_FLAG_IGNORECASE
        return _sequence(sre, sub, ignore)
    if op is sre.ATOMIC_GROUP:
        return _sequence(sre, av, ignore)
    if op is sre.BRANCH:
        parts = [_sequence(sre, sub, ignore) for sub in av[1]]
        needs = [n for n, _ in parts if n is not None]
        exacts = [e for _, e in parts if e is not None]
        # an alternative with no requirement (or no exact strings) leaves the whole without
        need = _need_of(frozenset().union(*needs)) if len(needs) == len(parts) else None
        if len(exacts) < len(parts) or sum(map(len, exacts)) > _MAX_STRINGS:
            return need, None
        return need, frozenset().union(*exacts)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)):
        low, high, sub = av
        sub_need, sub_exact = _sequence(sre, sub, ignore)
        if sub_exact is not None and (low, high) == (0, 1):
            return None, sub_exact | {""}
        if sub_exact is not None and (low, high) == (1, 1):
            return sub_need, sub_exact
        return (sub_need if low >= 1 else None), None
    return None, None  # any other construct: matches something unknown


@dataclass
class _Plan:
    """The frames of a run with their patterns' requirements, worked out once."""

    frames: tuple[Frame, ...]
    patterns: list[list[tuple[re.Pattern[str], _Strings | None]]]  # per frame
    strings: tuple[str, ...]  # every required string of every pattern
    unconditional: bool  # some pattern requires no string: every sentence is tried
    fitting: dict[tuple[frozenset[str], int], list[int]] = field(default_factory=dict)
    _automaton: Any = None

    def hits(self, text: str) -> tuple[list[int], list[tuple[int, str]]]:
        """Where the required strings occur in ``text`` (whitespace made spaces): their starts,
        in order, and (end, string) beside them.  One Aho-Corasick pass over a whole document
        instead of a substring search per string and sentence."""
        if self._automaton is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for x in self.strings:
                a.add_word(x, x)
            if self.strings:
                a.make_automaton()
            self._automaton = a
        if not self.strings:
            return [], []
        found = sorted((last + 1 - len(x), last + 1, x) for last, x in self._automaton.iter(spaced(text)))
        return [f[0] for f in found], [(f[1], f[2]) for f in found]

    def fits(self, present: frozenset[str], n: int) -> list[int]:
        """The frames (by position) whose subject and object kinds are among ``present``."""
        key = (present, min(n, 2))  # a frame has at most two roles to fill (_fits)
        found = self.fitting.get(key)
        if found is None:
            found = self.fitting[key] = [k for k, f in enumerate(self.frames) if _fits(f, set(present), n)]
        return found


_LAST_PLAN: _Plan | None = None


def _plan(frames: Sequence[Frame]) -> _Plan:
    """The plan of ``frames``, kept while the same frames come (load_frames caches them)."""
    global _LAST_PLAN
    last = _LAST_PLAN
    if (
        last is not None
        and len(last.frames) == len(frames)
        and all(a is b for a, b in zip(last.frames, frames, strict=True))
    ):
        return last
    patterns = [[(pat, required_strings(pat)) for pat in f.patterns] for f in frames]
    strings = sorted({s for pats in patterns for _, need in pats for s in need or ()})
    unconditional = any(need is None for pats in patterns for _, need in pats)
    _LAST_PLAN = _Plan(tuple(frames), patterns, tuple(strings), unconditional)
    return _LAST_PLAN


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
        s = spaced(s)
        parts.append(s)
        segs.append((apos, apos + len(s), o0, o1, m))
        apos += len(s)

    subject: int | None = None  # a person opening the sentence: its pronouns are theirs
    for i in idxs:
        m = mentions[i]
        if m.span.start < pos:
            continue
        plain(pos, m.span.start, subject if subject is not None else last_person)
        code = KIND_CODE.get(m.kind, "O")
        _emit(f"⟨{code}{i}⟩", m.span.start, m.span.end, i)
        pos = m.span.end
        if knows_person(m):
            last_person = i
            if subject is None and opens_sentence(text, m, lo):
                # "Qin, 57, rose under President Xi Jinping ... before he was named foreign
                # minister": he is Qin, not the last person named
                subject = i
            age = AGE_AFTER_NAME.match(text, pos, hi)
            if age is not None:  # "Dong Jun, 62, replaced ...": the age is no part of the pattern
                _emit(" ", pos, age.end(), -1)
                pos = age.end()
    plain(pos, hi, subject if subject is not None else last_person)
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
    plan = _plan(frames)
    starts, ends = plan.hits(doc.text)
    last_person: int | None = None
    for (lo, hi), idxs in sorted(by_sentence.items()):
        section = mentions[idxs[0]].section
        # a pattern can match only where the sentence holds one of the strings it needs
        found = {ends[k][1] for k in range(bisect_left(starts, lo), bisect_left(starts, hi)) if ends[k][0] <= hi}
        fitting: list[int] = []
        if found or plan.unconditional:
            # and only where the kinds its frame's subject and object need are named
            present = {mentions[i].kind for i in idxs} | ({"pron"} if last_person is not None else set())
            if last_person is None and any(knows_person(mentions[i]) for i in idxs):
                present.add("pron")
            fitting = plan.fits(frozenset(present), len(idxs))
        tried: list[tuple[Frame, list[re.Pattern[str]]]] = []
        if fitting:
            for k in fitting:
                pats = [pat for pat, need in plan.patterns[k] if need is None or not need.isdisjoint(found)]
                if pats:
                    tried.append((plan.frames[k], pats))
        ab = _abstract(doc.text, lo, hi, mentions, idxs, last_person) if tried else None
        # the antecedent of a pronoun in a later sentence: the person opening this one ("Sybiha,
        # 49, ... joining Zelenskyy's office ... . He was named ..."), else the last person
        # named, KB or not
        opener = next((i for i in idxs if knows_person(mentions[i]) and opens_sentence(doc.text, mentions[i], lo)),
                      None)
        for i in idxs:
            if knows_person(mentions[i]):
                last_person = i
        if opener is not None:
            last_person = opener
        if ab is None:
            continue
        timexes: list[Any] | None = None
        for frame, pats in tried:
            for pat in pats:
                # (again after each match's core, not its rest: "the Korea Open in Seoul, the China
                # Open in Shanghai and ..." holds two)
                pos = 0
                while (mt := pat.search(ab.text, pos)) is not None:
                    if timexes is None and frame.value == "time":  # only a time value reads them
                        timexes = _timexes(doc, lo, hi, mentions, idxs)
                    c = _claim(doc, frame, mt, ab, mentions, index, lo, hi, timexes or [], section)
                    if (c is not None and frame.not_after is not None and frame.subject in mt.re.groupindex
                            and ab.text[mt.start() : mt.start(frame.subject)].strip().lower() in ("", "the")
                            and frame.not_after.search(doc.text, max(lo, (at := ab.orig(mt.start())) - 80), at)):
                        # (of a match that opens with the subject: "the winner of Saturday's
                        # election" still dates the election)
                        c = None
                    if c is not None and not any(_same(c, o) for o in out):
                        out.append(c)
                    core = mt.start("rest") if "rest" in pat.groupindex and mt.group("rest") is not None else mt.end()
                    pos = max(core, mt.start() + 1)
    # "launched the incursion on Aug. 7": when it began, told once; not also when it was held
    began = {(c.subject or c.subject_surface, c.value): c.span for c in out if c.predicate == "began"}
    out = [c for c in out if c.predicate != "held"
           or (sp := began.get((c.subject or c.subject_surface, c.value))) is None
           or not sp.start <= c.span.start < sp.end]
    return out + _meeting_places(out, mentions, index)


def _meeting_places(claims: list[Claim], mentions: list[Mention], index: Any) -> list[Claim]:
    """Where two met on a day ("Blinken met Cavusoglu in Ankara on Monday"): a ``located_in``
    claim of that meeting, keyed by the two and the day, so that another outlet's place for the
    same meeting ("in Istanbul") is compared as an event's is (a place inside another agrees)."""
    out: list[Claim] = []
    for c in claims:
        where = c.qualifiers.get("where")
        if c.predicate != "met" or not where or not c.value:
            continue
        a, b = c.subject or c.subject_key, c.object or c.object_key
        if not a or not b:
            continue
        bare = where[4:] if where.lower().startswith("the ") else where
        place = next((m for m in mentions if m.kind == "place" and m.span.start >= c.span.start
                      and m.surface == bare and (m.entity or m.hint.get("name_key"))
                      and m.span.start - c.span.end < 200), None)
        if place is None:
            continue
        key = f"meeting:{'+'.join(sorted((a, b)))}@{c.value}"
        names = [e.name if (e := index.get(x) if index is not None else None) is not None else surface
                 for x, surface in ((c.subject, c.subject_surface), (c.object, c.object_surface))]
        out.append(Claim(
            span=place.span, subject_key=key, subject=None, predicate="located_in",
            object=place.entity, object_key=None if place.entity else place.hint.get("name_key"),
            value=None, valid_from=c.valid_from, valid_to=c.valid_to,
            qualifiers={"frame": "located_in", "meeting": True}, section=c.section, sentence=c.sentence,
            excerpt=place.surface, subject_surface=f"the meeting of {names[0]} and {names[1]}",
            object_surface=place.surface,
        ))
    return out


def _fits(frame: Frame, present: set[str], n: int) -> bool:
    roles = [r for r in (frame.subject, frame.object) if r]
    if not all(set(frame.roles.get(r, ())) & present for r in roles):
        return False
    return n >= len(roles) or "pron" in present


def _same(a: Claim, b: Claim) -> bool:
    # people and offices the KB does not know by their keys and titles ("Dong replaced Li
    # Shangfu as defense minister": two claims from one place, about two people)
    return (a.subject, a.subject_key, a.predicate, a.object, a.object_surface, a.value, a.span.start) == (
        b.subject, b.subject_key, b.predicate, b.object, b.object_surface, b.value, b.span.start)


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


# a frame denied: no claim (a frame's own words never hold these)
_NEGATION = rx.compile(r"\b(?:not|never|no longer|neither|nor)\b|n[’']t\b", re.IGNORECASE)


# an act on an event before its name: a time after it is the act's ("applied for the warrants
# on May 20", "called for the summit in March", "called the snap election in May", "postponed
# the vote to June")
_ACT_ON = rx.compile(r"\b(?:request(?:s|ed|ing)?|appl(?:y|ies|ied|ying)[ \t\u00a0]+for|s(?:eek|eeks|ought|eeking)"
                     r"|call(?:s|ed|ing)?(?:[ \t\u00a0]+for)?|propos(?:e|es|ed|ing)|postpon(?:e|es|ed|ing)"
                     # "called the snap election in May", "set the vote for June"
                     r"|(?:set|sets|setting|schedul(?:e|es|ed|ing)|trigger(?:s|ed|ing)?)"
                     r"|delay(?:s|ed|ing)?|announc(?:e|es|ed|ing)|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)"
                     # a reaction to it: "welcomed the conviction of Sam Bankman-Fried on Friday"
                     r"|welcom(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|celebrat(?:e|es|ed|ing)"
                     r"|react(?:s|ed|ing)?[ \t\u00a0]+to"
                     # a step toward it: "Registration for the presidential election opens on May 30"
                     r"|(?:registration|nominations?|campaign(?:ing|s)?|preparations?|run-up|candidac(?:y|ies)"
                     r"|applications?|filing)[ \t\u00a0]+(?:for|to|of|ahead[ \t\u00a0]+of))"
                     r"[ \t\u00a0]+(?:the|a|an|his|her|its|their)?[ \t\u00a0]*(?:\S+[ \t\u00a0]+){0,2}\Z",
                     re.IGNORECASE)


_AND_GAP = rx.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:the[ \t\u00a0]+)?")


def _paired(text: str, mentions: list[Mention], subj_i: int, obj_i: int) -> bool:
    """Whether two people joined by "and" take two titles joined by "and" ("Prabowo Subianto and
    Gibran Rakabuming Raka took the oath as President and Vice President")."""
    def joined(i: int, kind: str) -> bool:
        return any(m.kind == kind and _AND_GAP.fullmatch(text, mentions[i].span.end, m.span.start)
                   for m in mentions[i + 1 : i + 3]) or any(
            m.kind == kind and _AND_GAP.fullmatch(text, m.span.end, mentions[i].span.start)
            for m in mentions[max(0, i - 2) : i])
    return joined(subj_i, "person") and joined(obj_i, "office")


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
    if subj_i is None or not knows_subject(mentions[subj_i]):
        return None
    core_to = ab.orig(mt.start("rest")) if "rest" in mt.re.groupindex and mt.group("rest") is not None else ab.orig(
        mt.end())
    if _NEGATION.search(doc.text, ab.orig(mt.start()), core_to):
        return None  # "Li was never sanctioned by the US", "Dong is not under U.S. sanctions"
    subj = mentions[subj_i]
    if frame.name == "signed" and index is not None and (ev := index.get(subj.entity)) is not None \
            and ev.start is not None and (ev.end or ev.start) != ev.start:
        return None  # a ceasefire of days: its agreement was signed on another day than it held
    if (frame.value == "time" and subj.kind == "event"
            and _ACT_ON.search(doc.text, max(0, subj.span.start - 40), subj.span.start)):
        return None  # "had requested the warrants in May": the request's time, not the event's
    obj_i = roles.get(frame.object) if frame.object else None
    if (frame.predicate == "holds_office" and obj_i is not None and _paired(doc.text, mentions, subj_i, obj_i)):
        return None  # "A and B took the oath as President and Vice President": whose is which, in turn
    obj = _entity(mentions, obj_i)
    if obj_i is not None and obj is None and mentions[obj_i].kind == "office":
        obj = _office_for(mentions[obj_i], _entity(mentions, subj_i), index)
    if (obj is not None and obj_i is not None and mentions[obj_i].method == "title"
            and mentions[subj_i].entity is None and frame.predicate == "holds_office"):
        obj = None  # a bare title ("foreign minister") of someone the KB does not know: whose country's?
    # an office the KB does not know ("was sworn in as Poland's prime minister") is named by
    # its title, as a title before a name is
    untitled = obj_i is not None and mentions[obj_i].kind == "office" and frame.predicate == "holds_office"
    # a place the KB does not know, that GeoNames does ("the NATO summit in Vilnius"), or a
    # person the text shows to be one ("met Russian President Vladimir Putin"): by its key
    unknown_key = None
    if obj_i is not None and obj is None and not untitled:
        o = mentions[obj_i]
        unknown_key = o.hint.get("name_key") if o.method == "gazetteer" else (name_key(o) if knows_person(o) else None)
    if frame.object and obj_i is not None and obj is None and not untitled and unknown_key is None:
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
        t = _pick_time(timexes, start, core_end, doc.text)
        if t is not None:
            value = _time_value(t)
            valid_from, valid_to = t.valid_from, (None if frame.state else t.valid_to)
            qualifiers["granularity"] = t.granularity
            if getattr(t, "approx", False):
                qualifiers["approx"] = True
            if frame.past:
                qualifiers["time"] = "then"
            core_end = max(core_end, t.end)
        elif frame.past:
            qualifiers["time"] = "former"
            valid_from, valid_to = None, doc.published
        elif frame.state:
            valid_from, valid_to = None, doc.published
    elif frame.value in roles:
        value = _entity(mentions, roles[frame.value])
    if frame.past and frame.value != "time":
        qualifiers["time"] = "former"  # a past state with no time of its own ("X replaced Y as ...")
        valid_from, valid_to = None, doc.published
    rest = doc.text[rest_start:hi]
    for q in frame.qualifiers:
        pat = _QUAL.get(q)
        qm = pat.search(rest) if pat else None
        if qm:
            qualifiers[q] = _POSSESSOR.sub("", qm.group(1).strip())
    if obj_i is not None and frame.predicate == "holds_office":
        office = mentions[obj_i]
        qualifiers["title"] = office.surface
        if "unknown_qualifier" in office.hint:
            qualifiers["country"] = office.hint["unknown_qualifier"]
    subj = mentions[subj_i]
    span_end = max(core_end, ab.orig(mt.end(frame.object)) if frame.object and obj_i is not None else core_end)
    # a pronoun subject ("He previously served as ...") is where the claim starts, not its antecedent
    pronoun = (mt.group(frame.subject) or "").startswith("⟨R")
    excerpt_start = start if pronoun else min(start, subj.span.start)
    return Claim(
        span=Span.of(doc, excerpt_start, span_end),
        subject_key=name_key(subj),
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
        # "the summit" after "the G20 summit" the KB does not know: shown by the name it refers to
        subject_surface=subj.hint.get("refers_to") or subj.surface,
        object_surface=mentions[obj_i].surface if obj_i is not None else "",
        object_key=unknown_key,
    )


def _office_for(m: Mention, person: str | None, index: Any) -> str | None:
    """An office title with no country of its own takes the country of the person (not a
    title resolution showed to be a party's or a body's: "president of the confederation")."""
    if index is None or person is None or m.hint.get("owned_by"):
        return None
    country = index.country_of(person)
    offices = {e.entity for e in m.candidates if index.country_of(e.entity) == country}
    return offices.pop() if len(offices) == 1 else None


def _pick_time(timexes: list[Any], start: int, end: int, text: str) -> Any:
    # (not a time of a later item of a list: "served as mayor of Tainan, premier, and, since
    # 2020, vice president"; "as economic adviser and, since 2020, as first deputy premier"; nor
    # of a clause of its own: "after Thuong resigned in March")
    timexes = [t for t in timexes if t.start < end or not _LATER_ITEM.search(text, end, t.start)]
    # (nor a wire's dateline: "NIAMEY, Aug 8 (TCP) - Niger's junta has appointed ..." is when it
    # was filed, not when the junta appointed him)
    timexes = [t for t in timexes if not _DATELINE_AFTER.match(text, t.end)]
    # (nor, after the frame, a date of a noun: "to the end of the 2026 World Cup", "the January 6 attack")
    timexes = [t for t in timexes if not (t.start >= end and text[max(0, t.start - 4) : t.start].lower() == "the "
                                          and _NOUN_AFTER.match(text, t.end))]
    # (nor of a relative clause after the frame: "named president of the confederation, which
    # grew out of the alliance the juntas set up in September last year"; "on a contract that
    # runs to ...")
    after = _RELATIVE.search(text, end, end + 40) or _THAT_AFTER.search(text, end, end + 40)
    # else any of the sentence's; but the frame of a relative clause has none after it, of the
    # main verb ("Li, who was under US sanctions, refused to meet Austin ... in June"; "Hayashi,
    # who served as foreign minister under Kishida, had also run in Friday's race")
    relative = _RELATIVE.search(text, start, end) is not None
    close = _CLAUSE_CLOSE.search(text, end, end + 40) if relative else None
    # (one the match opens with counts: "last Friday's global IT outage")
    inside = [t for t in timexes if start < t.end and t.start < end + 40 and (after is None or t.start < after.start())
              and (close is None or t.start < close.start())]
    # (nor, before it, a time a distance away: "held on October 20 just days after he was
    # elected LDP president" is the election's, not the frame's)
    pool = inside or [t for t in timexes if (not relative or t.start < start)
                      and (after is None or t.start < after.start())
                      and not (t.end <= start and _DISTANCE_TO.search(text, t.end, start))]
    dated = [t for t in pool if t.valid_from is not None]
    return dated[0] if dated else None


_DATELINE_AFTER = rx.compile(r"[ \t\u00a0]*\([^()\n]{1,40}\)[ \t\u00a0]*[-\u2013\u2014]")
_DISTANCE_TO = rx.compile(r"\b(?:days?|weeks?|months?|years?|hours?|shortly|soon|just|only|long)[ \t\u00a0]+"
                          r"(?:after|before)\b", re.IGNORECASE)
# where a relative clause closes
_CLAUSE_CLOSE = rx.compile(r"[,;]")
# a frame in a relative clause ("Li, who was under US sanctions, ...")
_RELATIVE = rx.compile(r",[ \t\u00a0]+(?:who|which)\b")
# a relative clause on a noun after the frame: "on an 18-month contract that runs to ..."
_THAT_AFTER = rx.compile(r"\b[a-z]{3,}[ \t\u00a0]+(?:that|which)[ \t\u00a0]+(?:runs|run|ran|expires|ends|lasts"
                         r"|will|would|is|was|has|had)\b")
# a noun after a date that modifies it
_NOUN_AFTER = rx.compile(r"[ \t\u00a0]+(?:[A-Z][\w-]*|[a-z]{3,})\b(?<!\bto)(?<!\band)(?<!\bwhen)")
# between a frame's office and a time: a later item of a list ("mayor of Tainan, premier, and,
# since 2020, vice president"), or a clause of its own ("replaced Vo Van Thuong as president
# after Thuong resigned in March")
_LATER_ITEM = rx.compile(r",[^,.;]+,|\band,?[ \t\u00a0]*\Z|\b(?:when|while|because|although|until)\b"
                         # (not a time of day: "sworn in shortly after midnight on Monday")
                         r"|\b(?:after|before)\b(?!\s+(?:midnight|noon|dawn|dusk|sunrise|sunset|daybreak|nightfall"
                         r"|\d))"
                         # a clause of its own with its verb: "... and has been Shadow Housing Secretary since July"
                         r"|\band[ \t\u00a0]+(?:has|have|had|is|was|were|will|would)\b")


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
