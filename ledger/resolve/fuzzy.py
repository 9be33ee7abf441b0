"""Near-miss matching of names ("Llyod Austin", "Antony Blinkin", "Li Shangfoo") with blocking.

The exact :class:`~ledger.resolve.index.NameIndex` resolves every KB form, alias and derived
transliteration.  This index catches a full name written with one slip.  It is built for KBs
of a million names: a query never scans the KB, it looks up ~18 *block keys* in one dict and
checks only the forms filed under them (1-2 on average at a million names), so its cost
hardly grows with the KB (35 us at 10k names, 49 us at 1M, against 0.6 s for a full scan;
``python -m bench resolution``).

API: ``add(form, entity, kind)`` any number of forms per entity; ``build()`` (optional, the
index is usable after every ``add``); ``best(surface, kind=None) -> Hit | None``;
``candidates(surface, kind=None, limit=5) -> list[Hit]`` for explanations.

Matching key
    Forms and queries are folded by :func:`fold_key` (= ``phrase_key(text, expand=False)``,
    with a fast path for plain ASCII names): case, diacritics, punctuation and spacing do
    not matter; hyphens split ("Shang-fu" -> "shang fu").

Blocking (:func:`_form_block_keys`, :func:`_query_block_keys`)
    * Deletions: a form is filed under its key and every key with one character deleted
      (letters of tokens of 4+ letters, and spaces); a query looks up the same.  A deletion
      slip meets the form's key, an insertion meets one of the form's deletions, a
      substitution or transposition meets a common deletion ("llyod austin" and "lloyd
      austin" both give "llod austin").  A deleted space meets "Wang Xiao Ming" with
      "Wang Xiaoming".
    * ``@first last`` for forms with middle tokens: "John Public" and "John Quincy Public"
      meet "John Q. Public".  Rotations of the query ("Austin Lloyd", "Tieu Minh Vuong").
    * The spelling-folded key (:func:`_phonetic`: doubled letters, ph/f, ck/k, ks/x, oo/u,
      ee/i, y/i): "Li Shangfoo" meets "Li Shangfu".

    About 15 keys per form and 18 lookups per query.  Keys are stored as ``hash(str)`` ints
    (less memory than the strings; a collision only adds a form to check; pickling rebuilds
    them).  A block past ``max_block`` forms is dropped and a query still meets its forms
    through their other keys; no block is keyed by a single token, so even a very common
    surname makes no large block (the largest are ``@john smith`` with every middle
    initial).  An earlier version paired one whole token with half of the other
    (``lloyd|<aus``, sorted letters ``lloyd|~ainstu``, ...): 2/3 of the memory, but 60
    candidates and ~220 us per query at a million names, against 1-2 and ~50 us here.

Checks (:meth:`FuzzyIndex._evaluate`, :meth:`FuzzyIndex._check`), on each blocked form
    1. The same tokens in the same order, or rotated (surname first), or the query lacks a
       *middle initial* of the form, or writes a middle initial out ("John Quincy Public"
       for "John Q. Public").  Not accepted: a middle token the form lacks ("Lloyd J.
       Austin" for "Lloyd Austin": an initial the KB does not confirm may be someone
       else's), a missing middle *name* ("Vuong Minh" is not "Vuong Tieu Minh", nor "Hu
       Wei" "Hu Meng-wei"), an initial for a first or last name ("L. Austin" is a short
       form, resolved only against people introduced in the same document), a different
       token count ("Lloyd Austen-Smith Baker").
    2. At most one token differs, by one edit (OSA: a transposition is one), by a letter
       moved elsewhere in a token of 5+ letters ("Hildago") or by a spelling variant; a token
       of <= 3 letters takes no slip ("Li" is not "Lu").
    3. ``vocab_guard``: the differing query token must not be a token of some KB form: a
       slip makes a non-name ("Llyod", "Blinkin"), while "Eric Smith" is someone else than
       "Erik Smith" when Eric is a name the KB knows.  At a million names it keeps 0.975 of
       absent names unresolved, against 0.82 without it.

Score
    ``fuzz.ratio`` (normalized Indel similarity) of the aligned folded keys, minus penalties
    (rotated 0.03, missing middle initial 0.04, written-out initial 0.02, spacing 0.02).
    ``best`` requires ``score >= cutoff`` and a lead of ``margin`` over the next entity,
    else the name is ambiguous and left unresolved.  Chosen from the scorer table of
    ``python -m bench resolution`` (same candidates, cutoffs 0.70-0.99; present-name
    accuracy / absent names unresolved):

    * with the checks, every scorer does about the same at 10k and 100k names; at 1M only
      ratio (and WRatio, which equals it on aligned names) keeps both >= 0.95 (0.955 /
      0.975); OSA 0.948, Jaro-Winkler 0.949 (it also scores a slip early in a name low:
      "Wanf Jiangping" 0.88, "Avid P Arnedorf" 0.85), token_sort_ratio 0.921;
    * without the checks (best entity by score alone) no scorer reaches 0.95 / 0.95 from
      100k names on (at 1M: 0.70-0.75 / 0.72-0.74): the checks, not the cutoff, keep
      absent names out;
    * ``cutoff=0.85``: with the checks both stay >= 0.95 from 0.70 up to 0.88 (1M) / 0.90
      (10k, 100k), then accuracy falls (0.65 at 0.95); 0.85 is inside at every size and
      admits one slip in the shortest name that takes one ("Li Ming", "Li Shangfoo": 0.857);
    * ``margin=0.02``: at 1M, 0 gives accuracy 0.963 with 1.5% resolved to a wrong entity,
      0.05 gives 0.948 with 0.1%; 0.02 gives 0.955 with 0.5%.

Single-token queries (a surname alone) are never matched here.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, JaroWinkler, Levenshtein

from ledger import rx
from ledger.resolve.tokens import SPELLINGS, phrase_key

__all__ = ["Hit", "FuzzyIndex", "fold_key", "SCORERS", "DEFAULT_CUTOFF"]

# chosen from the scorer table of bench/resolution.py (see the module docstring)
DEFAULT_CUTOFF = 0.85
DEFAULT_SCORER = "ratio"

P_REORDER = 0.03
P_MIDDLE = 0.04
P_INITIAL = 0.02
P_SPACING = 0.02
_REORDERED = ("name order reversed",)


def _jw(a: str, b: str) -> float:
    return JaroWinkler.similarity(a, b)


SCORERS: dict[str, Callable[[str, str], float]] = {
    "jaro_winkler": _jw,
    "ratio": lambda a, b: fuzz.ratio(a, b) / 100.0,  # Indel: a transposition costs 2
    "osa": lambda a, b: OSA.normalized_similarity(a, b),  # a transposition costs 1
    "levenshtein": lambda a, b: Levenshtein.normalized_similarity(a, b),
    "token_sort_ratio": lambda a, b: fuzz.token_sort_ratio(a, b) / 100.0,
    "wratio": lambda a, b: fuzz.WRatio(a, b) / 100.0,
}


@dataclass(frozen=True)
class Hit:
    entity: str
    kind: str
    form: str
    score: float  # 0..1
    reason: str  # e.g. "near miss of 'Lloyd Austin' (score 0.91: letters transposed)"


# ----------------------------------------------------------------------------- folding

_SIMPLE = rx.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def fold_key(text: str) -> str:
    """``phrase_key(text, expand=False)``, with a fast path for plain ASCII names."""
    if _SIMPLE.fullmatch(text):
        words = text.lower().split(" ")
        if any(w in SPELLINGS for w in words):
            return " ".join(SPELLINGS.get(w, w) for w in words)
        return " ".join(words)
    return phrase_key(text, expand=False)


# ------------------------------------------------------------------------ block keys


def _deletions(key: str, toks: list[str]) -> list[str]:
    """``key`` without one character: a letter of a token of 4+ letters (a slip in a
    shorter token is never accepted, see ``_check``), or a space; a doubled letter once."""
    out = []
    pos = 0
    for t in toks:
        end = pos + len(t)
        if end - pos >= 4:
            prev = ""
            for i in range(pos, end):
                c = key[i]
                if c != prev:
                    out.append(key[:i] + key[i + 1 :])
                prev = c
        if end < len(key):
            out.append(key[:end] + key[end + 1 :])  # the space after the token
        pos = end + 1
    return out


def _form_block_keys(key: str, toks: list[str]) -> set[str]:
    """The key and its deletions; ``@first last`` of a name with middle tokens; the
    spelling-folded key when it differs."""
    keys = {key, *_deletions(key, toks)}
    if len(toks) > 2:
        keys.add("@" + toks[0] + " " + toks[-1])
    ph = _phonetic(key)
    if ph != key:
        keys.add(ph)  # "li shangfoo" under "li shangfu", where "Li Shangfu" itself lies
    return keys


def _query_block_keys(key: str, toks: list[str]) -> list[str]:
    """What a query looks up: the key and its deletions (a slip: a deletion meets the key, an
    insertion meets a deletion of the form, a substitution or transposition a common
    deletion), its first and last token (a missing or written-out middle initial), its
    rotations (surname first), its spelling-folded key."""
    a, z = toks[0], toks[-1]
    out = _deletions(key, toks)
    out.append(key)
    out.append("@" + a + " " + z)
    if len(toks) == 2:
        out.append(z + " " + a)
    else:
        out += [a + " " + z, "@" + toks[1] + " " + a, "@" + z + " " + toks[-2]]
    ph = _phonetic(key)
    if ph != key:
        out.append(ph)
    return out


# ------------------------------------------------------------------------- the index


_DOUBLE = rx.compile(r"(.)\1+")
_SOUNDS = (("ph", "f"), ("ck", "k"), ("ks", "x"), ("oo", "u"), ("ee", "i"), ("y", "i"))


def _phonetic(key: str) -> str:
    """Spelling variants folded, token by token: doubled letters, ph/f, ck/k, ks/x, oo/u,
    ee/i, y/i."""
    return " ".join(map(_phonetic_token, key.split(" ")))


@lru_cache(maxsize=65536)
def _phonetic_token(t: str) -> str:
    for a, b in _SOUNDS:
        if a in t:
            t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t)


def _moved(a: str, b: str) -> bool:
    """One letter of a token of 5 or more moved elsewhere in it ("Hildago" for "Hidalgo"): one
    slip of the keyboard, though two edits."""
    return len(a) == len(b) >= 5 and Indel.distance(a, b, score_cutoff=2) == 2 and sorted(a) == sorted(b)


def transposed(q: str, f: str) -> bool:
    """Two neighbouring letters swapped, and nothing else ("Netanyhau", "Netanyahu")."""
    return Levenshtein.distance(q, f) == 2 and OSA.distance(q, f) == 1


def _describe(q: str, f: str) -> str:
    d = Levenshtein.distance(q, f)
    if transposed(q, f):
        return "letters transposed"
    if d == 2 and _moved(q, f):
        return "a letter out of place"
    if d > 1 and _phonetic(q) == _phonetic(f):
        return "spelled as it sounds"
    if d == 1:
        if len(q) < len(f):
            return "a letter missing"
        if len(q) > len(f):
            return "an extra letter"
        return "one letter differs"
    return f"{OSA.distance(q, f)} letters differ"


@dataclass(frozen=True, slots=True)
class _Match:
    fid: int
    aligned_q: str
    aligned_f: str
    penalty: float
    notes: tuple[str, ...]


class FuzzyIndex:
    """Near-miss lookup of multi-token names; cost per query independent of the KB size.

    ``cutoff``: lowest score ``best`` accepts; ``margin``: lead the best entity needs over the
    next; ``max_block``: forms a block may hold before it is dropped; ``scorer``: a key of
    ``SCORERS``; ``vocab_guard``/``guard_min``: refuse a slip that spells a token found in at
    least ``guard_min`` KB forms.  Defaults are the measured ones (module docstring).
    """

    def __init__(
        self,
        cutoff: float = DEFAULT_CUTOFF,
        *,
        max_block: int = 512,
        margin: float = 0.02,
        scorer: str = DEFAULT_SCORER,
        vocab_guard: bool = True,
        guard_min: int = 1,
    ) -> None:
        self.guard_min = guard_min
        self.cutoff = cutoff
        self.max_block = max_block
        self.margin = margin
        self.scorer_name = scorer
        self._score = SCORERS[scorer]
        self.vocab_guard = vocab_guard
        self._forms: list[str] = []
        self._keys: list[str] = []
        self._ent = array("i")
        self._kind = array("i")
        self._entities: list[str] = []
        self._entity_ids: dict[str, int] = {}
        self._kinds: list[str] = []
        self._kind_ids: dict[str, int] = {}
        # hash of a block key -> one form id, a list of them, or () past max_block
        self._blocks: dict[int, int | list[int] | tuple[()]] | None = {}
        self._vocab: dict[str, int] = {}
        self.dropped_blocks = 0

    # ------------------------------------------------------------------ building

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, form: str, entity: str, kind: str) -> None:
        """Index ``form`` as a name of ``entity``; single-token forms are ignored."""
        key = fold_key(form)
        toks = key.split()
        if len(toks) < 2:
            return  # single tokens are never fuzzy-matched
        eid = self._entity_ids.get(entity)
        if eid is not None:
            same = self._block_map().get(hash(key))
            for fid in [same] if type(same) is int else same or ():  # type: ignore[union-attr]
                if self._keys[fid] == key and self._ent[fid] == eid:
                    return  # the same form of the same entity
        else:
            eid = self._entity_ids[entity] = len(self._entities)
            self._entities.append(entity)
        kid = self._kind_ids.get(kind)
        if kid is None:
            kid = self._kind_ids[kind] = len(self._kinds)
            self._kinds.append(kind)
        fid = len(self._keys)
        self._forms.append(form)
        self._keys.append(key)
        self._ent.append(eid)
        self._kind.append(kid)
        vocab = self._vocab
        # (a given name or a surname: a middle name, "Simone Arianne Biles", makes no "Arianne"
        # another's name)
        for t in {toks[0], toks[-1]}:
            vocab[t] = vocab.get(t, 0) + 1
        self._insert(fid, key, toks)

    def _insert(self, fid: int, key: str, toks: list[str]) -> None:
        blocks = self._block_map()
        cap = self.max_block
        for k in _form_block_keys(key, toks):
            h = hash(k)  # ints take less memory than the strings; a collision only adds a form
            v = blocks.get(h)
            if v is None:
                blocks[h] = fid
            elif type(v) is int:
                blocks[h] = [v, fid] if cap >= 2 else ()
            elif v:
                if len(v) >= cap:  # type: ignore[arg-type]
                    blocks[h] = ()  # oversized: dropped, see the module docstring
                    self.dropped_blocks += 1
                else:
                    v.append(fid)  # type: ignore[union-attr]

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_blocks"] = None  # keyed by str hashes, which differ between processes
        del state["_score"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._score = SCORERS[self.scorer_name]
        self._blocks = None  # rebuilt by the first lookup: many runs never need one

    def _block_map(self) -> dict[int, int | list[int] | tuple[()]]:
        if self._blocks is None:
            self._blocks = {}
            self.dropped_blocks = 0
            for fid, key in enumerate(self._keys):
                self._insert(fid, key, key.split())
        return self._blocks

    def add_many(self, rows: Iterable[tuple[str, str, str]]) -> None:
        for form, entity, kind in rows:
            self.add(form, entity, kind)

    def build(self) -> None:
        """Optional: the index is ready after every ``add``.  Kept for callers that batch."""

    def stats(self) -> dict[str, int]:
        return {
            "forms": len(self._keys),
            "entities": len(self._entities),
            "blocks": len(self._block_map()),
            "dropped_blocks": self.dropped_blocks,
            "vocabulary": len(self._vocab),
        }

    # ------------------------------------------------------------------- queries

    def best(self, surface: str, kind: str | None = None) -> Hit | None:
        """The one entity ``surface`` is a near miss of, or None (no fit, or two fit)."""
        ranked = self._ranked(surface, kind, exact_first=True)
        if not ranked or ranked[0][0] < self.cutoff:
            return None
        if len(ranked) > 1 and ranked[1][0] > ranked[0][0] - self.margin:
            return None  # two entities fit about as well: ambiguous
        return self._hit(ranked[0][0], ranked[0][2])

    def candidates(self, surface: str, kind: str | None = None, limit: int = 5) -> list[Hit]:
        """For explanations: the entities whose forms pass the token checks, best first, one
        hit each, down to ``cutoff - 0.1`` (a reason says when a score is below the cutoff)."""
        floor = self.cutoff - 0.1
        ranked = self._ranked(surface, kind)
        return [self._hit(s, m) for s, _, m in ranked[: max(0, limit)] if s >= floor]

    def _ranked(
        self, surface: str, kind: str | None, exact_first: bool = False
    ) -> list[tuple[float, int, _Match]]:
        """(score, form id, match) of the best form of each entity, best first."""
        if kind is not None and kind not in self._kind_ids:
            return []
        kid = self._kind_ids[kind] if kind is not None else -1
        key = fold_key(surface)
        toks = key.split()
        if len(toks) < 2:
            return []
        ent = self._ent
        keys = self._keys
        kinds = self._kind
        cands = [f for f in self._candidate_ids(key, toks) if kid < 0 or kinds[f] == kid]
        if exact_first:  # a KB form as written, of one entity: nothing else to weigh
            same = [f for f in cands if keys[f] == key]
            if same and all(ent[f] == ent[same[0]] for f in same):
                f = min(same)
                return [(1.0, f, _Match(f, key, key, 0.0, ()))]
        # per entity, its forms closest to the query as written first; the first that passes
        # the checks stands for the entity (an entity with many derived forms costs one
        # rapidfuzz call per form, not one alignment)
        by_ent: dict[int, list[int]] = {}
        for f in cands:
            by_ent.setdefault(ent[f], []).append(f)
        ranked = []
        for fids in by_ent.values():
            if len(fids) > 1:
                fids.sort(key=lambda f: (-fuzz.ratio(key, keys[f]), f))
            for f in fids:
                r = self._evaluate(toks, keys[f], f)
                if r is not None:
                    ranked.append((r[0], f, r[1]))
                    break
        return sorted(ranked, key=lambda t: (-t[0], t[1]))

    def _hit(self, s: float, m: _Match) -> Hit:
        form = self._forms[m.fid]
        below = s < self.cutoff
        s = round(s, 3)
        if not m.notes:
            reason = f"same name as '{form}'"
        else:
            reason = f"near miss of '{form}' (score {s:.2f}: {', '.join(m.notes)})"
        if below:
            reason += f" below the {self.cutoff:.2f} cutoff"
        return Hit(
            self._entities[self._ent[m.fid]], self._kinds[self._kind[m.fid]], form, s, reason
        )

    def _candidate_ids(self, key: str, toks: list[str]) -> set[int]:
        out: set[int] = set()
        for v in map(self._block_map().get, map(hash, _query_block_keys(key, toks))):
            if v is None:
                continue
            if type(v) is int:
                out.add(v)
            else:
                out.update(v)  # type: ignore[arg-type]
        return out

    def _matches(self, key: str, toks: list[str], kid: int) -> list[tuple[float, _Match]]:
        """Scored alignments of the query with every blocked form that passes the checks."""
        kinds = self._kind
        cands = [f for f in self._candidate_ids(key, toks) if kid < 0 or kinds[f] == kid]
        return self._scored(toks, cands)

    def _scored(self, toks: list[str], cands: list[int]) -> list[tuple[float, _Match]]:
        keys = self._keys
        out = []
        for fid in cands:
            r = self._evaluate(toks, keys[fid], fid)
            if r is not None:
                out.append(r)
        return out

    # ---------------------------------------------------------- token-level checks

    def _evaluate(self, q: list[str], fkey: str, fid: int) -> tuple[float, _Match] | None:
        """The best-scoring alignment of query tokens ``q`` with the form, if one passes."""
        f = fkey.split()
        m, n = len(q), len(f)
        found: list[tuple[str, str, float, tuple[str, ...]]] = []
        if m == n:
            if q == f:
                return 1.0, _Match(fid, fkey, fkey, 0.0, ())
            r = self._check(q, f, 0.0, ())
            if r is None:
                r = self._check(q, [f[-1], *f[:-1]], P_REORDER, _REORDERED)  # surname first
                if r is None and n > 2:
                    r = self._check(q, [*f[1:], f[0]], P_REORDER, _REORDERED)
            if r is not None:
                found.append(r)
        elif m == n - 1:  # the query lacks a middle initial of the form
            for j in range(1, n - 1):
                if len(f[j]) == 1:
                    note = (f"no middle initial '{f[j].upper()}'",)
                    r = self._check(q, f[:j] + f[j + 1 :], P_MIDDLE, note)
                    if r is not None:
                        found.append(r)
        if m != n and "".join(q) == "".join(f):
            found.append((fkey, fkey, P_SPACING, ("spacing differs",)))
        best: tuple[float, _Match] | None = None
        for aq, af, pen, notes in found:
            s = min(1.0, max(0.0, self._score(aq, af) - pen))
            if best is None or s > best[0]:
                best = (s, _Match(fid, aq, af, pen, notes))
        return best

    def _check(
        self, q: list[str], f: list[str], pen: float, notes: tuple[str, ...]
    ) -> tuple[str, str, float, tuple[str, ...]] | None:
        """Align ``q`` with ``f`` token by token: at most one slip, middle initials match
        their names.  Returns (aligned query key, form key, penalty, notes) or None."""
        last = len(f) - 1
        typo = -1
        qa: list[str] | None = None
        for i in range(len(q)):
            a = q[i]
            b = f[i]
            if a == b:
                continue
            if 0 < i < last and (
                (len(a) == 1 and b[0] == a) or (len(b) == 1 and a[0] == b)
            ):
                if qa is None:
                    qa = list(q)
                qa[i] = b
                pen += P_INITIAL
                notes = (*notes, f"middle initial '{(a if len(a) == 1 else b).upper()}'")
                continue
            if typo >= 0:
                return None  # a second differing token: another name
            lb = len(b)
            if (lb <= 3 and not (lb == len(a) == 3 and transposed(a, b))) or abs(len(a) - lb) > 2:
                return None  # short tokens take no slip but two letters swapped ("Lee Jea-myung")
            if self.vocab_guard and self._vocab.get(a, 0) >= self.guard_min:
                return None  # a name the KB knows: not a slip for this one
            d = OSA.distance(a, b, score_cutoff=3)
            if d > 1 and (d > 3 or OSA.distance(_phonetic(a), _phonetic(b), score_cutoff=1) > 1) and not _moved(a, b):
                return None
            typo = i
        if typo >= 0:
            notes = (*notes, _describe(q[typo], f[typo]))
        return " ".join(qa if qa is not None else q), " ".join(f), pen, notes


