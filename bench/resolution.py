"""Near-miss name resolution at KB scale: ``FuzzyIndex`` against a full scan.

For each KB size (``--sizes``, default 10k, 100k, 1M persons; see ``bench/names.py`` for the
names) the bench builds a ``FuzzyIndex`` of every form the product would index (all derived
transliterations of a native name), then times ``best()`` on a shuffled mix of queries:

present names (the headline accuracy is over these)
  typo            one slip in one token of the display form: two letters transposed, one
                  deleted, one inserted or one substituted (keyboard neighbours)
  translit typo   the same slip in a Wade-Giles / Sino-Vietnamese / alternative Cyrillic form
  translit exact  another system's form as written ("Lý Thượng Phúc"): resolved because the
                  derived forms are indexed, which is how the product does it
  reorder         surname first ("Austin Lloyd", "Lavrov Sergei") or a Chinese name in Western
                  order ("Xiaoming Wang")
  middle          a middle initial dropped or written out ("John Q. Smith" as "John Smith" or
                  "John Quincy Smith"), a patronymic as its initial ("Sergei V. Lavrov")

reported, not in the headline
  translit mixed  surname in one system, given name in another ("Li Thuong Phuc"): fuzzy
                  catches those a letter or two away; the product resolves the rest syllable by
                  syllable (``translit.match`` in ``resolve/document.py``)
  pinyin only     a Wade-Giles / Sino-Vietnamese form of a name indexed in pinyin only: no
                  string similarity bridges "Hsiao" and "Xiao"; the product indexes derived forms
  first initial   "L. Austin": a short form, left unresolved by design (policy)
  added middle    "George F. Martinez" for the KB's "George Martinez": an initial the KB does not
                  confirm may be someone else's, left unresolved by design (policy)

absent names    generated the same way but kept out of the KB: must stay unresolved.
                ``absent ~1 edit`` is the share of them that lie within one edit of a KB form
                (no matcher can tell those from a typo).

Typos and variants that land exactly on another KB form are regenerated (the exact index
would resolve them, to someone else).  The baseline is ``rapidfuzz.process.extractOne`` with
``fuzz.WRatio`` over all folded forms (a full scan) on a few queries.  ``--scorers`` (on by
default) compares scorers and cutoffs on the same candidates: the table is the evidence for
the default scorer (Jaro-Winkler) and cutoff in ``ledger/resolve/fuzzy.py``.

Time: ``--sets`` (3) sets of ``--queries`` (2,000) queries each, every set new to the CPU
caches as names are in production.  ``mean us`` is the CPU time of the thread over a set
divided by its size (so that a shared machine does not time the wait for a core), median over
the sets; ``wall us``/``p50``/``p99`` are the wall clock per call over all sets; ``warm us``
is a second pass over the last set.  Accuracy counts every query of every set.  Memory: ``index MB``
walks the index's objects with ``sys.getsizeof``; ``RSS +MB`` is the growth of the peak
resident set while building (an under-estimate after a smaller size was freed).
After building, ``gc.freeze()`` moves the index out of the collector's way, as a long-running
process would do.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bench.names import KEYBOARD, WESTERN_GIVEN, Person, generate
from ledger.resolve.fuzzy import DEFAULT_CUTOFF, SCORERS, FuzzyIndex, fold_key

HEADLINE = ("typo", "translit typo", "translit exact", "reorder", "middle")
INFO = ("translit mixed", "pinyin only", "first initial", "added middle")
POLICY_NONE = ("first initial", "added middle")  # left unresolved by design
ABSENT = "absent"
SHARES = {  # of --queries
    "typo": 0.30, "translit typo": 0.06, "translit exact": 0.04, "reorder": 0.08,
    "middle": 0.08, "translit mixed": 0.04, "pinyin only": 0.02, "first initial": 0.02,
    "added middle": 0.02, ABSENT: 0.34,
}


@dataclass
class Query:
    category: str
    text: str
    expected: str | None  # entity id, None for absent names and the first-initial policy
    source: str = ""  # the form it was made from


@dataclass
class SizeResult:
    size: int
    forms: int = 0
    gen_s: float = 0.0
    build_s: float = 0.0
    index_mb: float = 0.0
    rss_mb: float = 0.0
    times_ns: list[int] = field(default_factory=list)
    by_cat: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    cat_ns: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    absent_near: float = 0.0
    base_n: int = 0
    base_us: float = 0.0
    base_acc: float = float("nan")
    base_absent: float = float("nan")
    dropped_blocks: int = 0
    blocks: int = 0
    failures: list[str] = field(default_factory=list)
    wrong: list[bool] = field(default_factory=list)
    cpu_us: float = 0.0
    warm_us: float = 0.0


# ---------------------------------------------------------------------------- queries


def _display(tokens: list[str]) -> str:
    return " ".join(t.capitalize() for t in tokens)


def _slip(token: str, r: random.Random) -> str:
    """One typing slip in ``token`` (len >= 4)."""
    op = r.choice(("transpose", "delete", "insert", "substitute"))
    n = len(token)
    if op == "transpose":
        spots = [i for i in range(n - 1) if token[i] != token[i + 1]]
        if spots:
            i = r.choice(spots)
            return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
        op = "delete"
    if op == "delete":
        i = r.randrange(n)
        return token[:i] + token[i + 1 :]
    if op == "insert":
        i = r.randrange(n + 1)
        near = token[min(i, n - 1)]
        c = r.choice(KEYBOARD.get(near, "e") + near)
        return token[:i] + c + token[i:]
    i = r.randrange(n)
    return token[:i] + r.choice(KEYBOARD.get(token[i], "e")) + token[i + 1 :]


def _typo_of(form: str, r: random.Random, taken: set[str]) -> str | None:
    key = fold_key(form)
    if any(c.isdigit() for c in key):
        return None  # tone numbers: nobody types those with a slip
    toks = key.split()
    spots = [i for i, t in enumerate(toks) if len(t) >= 4]
    if not spots:
        return None
    for _ in range(10):
        i = r.choice(spots)
        new = toks[:i] + [_slip(toks[i], r)] + toks[i + 1 :]
        if " ".join(new) not in taken and " ".join(new) != key:
            return _display(new)
    return None


def _systems(native: str) -> dict[str, str]:
    from ledger.resolve.translit import derive_forms

    out: dict[str, str] = {}
    for f in derive_forms(native):
        if any(c.isdigit() for c in fold_key(f.text)):
            continue
        out.setdefault(f.system, f.text)
    return out


def make_queries(persons: list[Person], taken: set[str], absent: list[Person], total: int,
                 seed: int) -> list[Query]:
    r = random.Random(seed)
    want = {c: max(1, round(total * s)) for c, s in SHARES.items()}
    derived = [p for p in persons if p.derived and len(p.forms) > 1]
    western = [p for p in persons if p.culture == "western"]
    cyr_pat = [p for p in persons
               if p.culture == "cyrillic" and len(fold_key(p.forms[-1]).split()) == 3]
    zh_derived = [p for p in derived if p.culture == "chinese" and len(p.native or "") <= 3]
    zh_plain = [p for p in persons if p.culture == "chinese" and not p.derived]
    out: list[Query] = []

    def fill(cat: str, make, pool: list[Person]) -> None:
        n, tries = 0, 0
        while n < want[cat] and pool and tries < want[cat] * 30:
            tries += 1
            p = r.choice(pool)
            made = make(p)
            if made is None:
                continue
            text, source = made
            exp = None if cat in POLICY_NONE else p.id
            out.append(Query(cat, text, exp, source))
            n += 1

    def typo(p: Person):
        form = p.forms[0]
        t = _typo_of(form, r, taken)
        return (t, form) if t else None

    def translit_typo(p: Person):
        form = r.choice(p.forms[1:])
        t = _typo_of(form, r, taken)
        return (t, form) if t else None

    def translit_exact(p: Person):
        forms = [f for f in p.forms[1:] if not any(c.isdigit() for c in f)]
        if not forms:
            return None
        f = r.choice(forms)
        return f, f

    def reorder(p: Person):
        toks = fold_key(p.forms[0]).split()
        new = [toks[-1], *toks[:-1]]
        if " ".join(new) in taken:
            return None
        return _display(new), p.forms[0]

    def middle(p: Person):
        if p.culture == "cyrillic":
            toks = fold_key(p.forms[-1]).split()
            if len(toks) != 3:
                return None
            a, m, z = (t.capitalize() for t in toks)
            return f"{a} {m[0]}. {z}", p.forms[-1]
        toks = fold_key(p.forms[0]).split()
        if len(toks) != 3 or len(toks[1]) != 1:
            return None
        names = [g for g in WESTERN_GIVEN if g[0].lower() == toks[1]]
        if names and r.random() < 0.5:
            new = [toks[0], r.choice(names).lower(), toks[2]]  # written out
        else:
            new = [toks[0], toks[2]]  # dropped
        if " ".join(new) in taken:
            return None
        return _display(new), p.forms[0]

    def added_middle(p: Person):
        toks = fold_key(p.forms[0]).split()
        if len(toks) != 2:
            return None
        new = [toks[0], chr(97 + r.randrange(26)), toks[1]]
        if " ".join(new) in taken:
            return None
        return f"{toks[0].capitalize()} {new[1].upper()}. {toks[1].capitalize()}", p.forms[0]

    def mixed(p: Person):
        sy = _systems(p.native or "")
        names = [s for s in ("pinyin", "wade-giles", "sino-vietnamese-ascii", "sino-vietnamese")
                 if s in sy]
        if len(names) < 2:
            return None
        a, b = r.sample(names, 2)
        text = sy[a].split()[0] + " " + " ".join(sy[b].split()[1:])
        return text, f"{sy[a]} / {sy[b]}"

    def pinyin_only(p: Person):
        sy = _systems(p.native or "")
        names = [s for s in ("wade-giles", "sino-vietnamese") if s in sy]
        if not names:
            return None
        text = sy[r.choice(names)]
        if fold_key(text) in taken:
            return None
        return text, p.forms[0]

    def first_initial(p: Person):
        toks = fold_key(p.forms[0]).split()
        return f"{toks[0][0].upper()}. {toks[-1].capitalize()}", p.forms[0]

    fill("typo", typo, persons)
    fill("translit typo", translit_typo, derived)
    fill("translit exact", translit_exact, derived)
    fill("reorder", reorder, persons)
    fill("middle", middle, western + cyr_pat)
    fill("translit mixed", mixed, zh_derived)
    fill("pinyin only", pinyin_only, zh_plain)
    fill("first initial", first_initial, western)
    fill("added middle", added_middle, western)
    for p in absent[: want[ABSENT]]:
        forms = [f for f in p.forms if not any(c.isdigit() for c in f)]
        f = forms[0] if r.random() < 0.7 else r.choice(forms)
        out.append(Query(ABSENT, f, None, f))
    r.shuffle(out)
    return out


def _one_edit_in(key: str, keys: set[str]) -> bool:
    """Is some string one edit (Damerau) from ``key`` in ``keys``?"""
    abc = "abcdefghijklmnopqrstuvwxyz"
    n = len(key)
    for i in range(n):
        if key[:i] + key[i + 1 :] in keys:
            return True
        if i < n - 1 and key[:i] + key[i + 1] + key[i] + key[i + 2 :] in keys:
            return True
        for c in abc:
            if c != key[i] and key[:i] + c + key[i + 1 :] in keys:
                return True
    for i in range(n + 1):
        for c in abc:
            if key[:i] + c + key[i:] in keys:
                return True
    return False


# ------------------------------------------------------------------------- measuring


def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def index_mb(ix: FuzzyIndex) -> float:
    size = sys.getsizeof
    total = size(ix._blocks) + size(ix._forms) + size(ix._keys) + size(ix._ent)
    total += size(ix._kind) + size(ix._vocab) + size(ix._entities) + size(ix._entity_ids)
    total += sum(size(k) for k in ix._blocks)
    total += sum(size(v) for v in ix._blocks.values() if type(v) is list)
    total += sum(size(s) for s in ix._forms) + sum(size(s) for s in ix._keys)
    total += sum(size(s) for s in ix._vocab) + sum(size(s) for s in ix._entities)
    total += 28 * len(ix._keys)  # one int object per form id, shared by its blocks
    return total / 2**20


def run_size(size: int, n_queries: int, n_base: int, seed: int, scorers: bool,
             derive: int, sets: int = 3) -> tuple[SizeResult, list[str]]:
    res = SizeResult(size)
    t0 = time.perf_counter()
    persons, taken = generate(size, seed=seed, derive=derive)
    n_absent = int(n_queries * SHARES[ABSENT]) + 10
    absent, _ = generate(n_absent * sets, seed=seed + 7919, derive=50, exclude=taken,
                         prefix="absent")
    res.gen_s = time.perf_counter() - t0
    query_sets = [
        make_queries(persons, taken, absent[k * n_absent : (k + 1) * n_absent], n_queries,
                     seed + 1 + k)
        for k in range(sets)
    ]
    queries = [q for qs in query_sets for q in qs]

    gc.collect()
    rss0 = _rss_peak_mb()
    t0 = time.perf_counter()
    ix = FuzzyIndex()
    for p in persons:
        for f in p.forms:
            ix.add(f, p.id, "person")
    ix.build()
    res.build_s = time.perf_counter() - t0
    res.rss_mb = _rss_peak_mb() - rss0
    res.forms = len(ix)
    st = ix.stats()
    res.dropped_blocks, res.blocks = st["dropped_blocks"], st["blocks"]
    res.index_mb = index_mb(ix)
    gc.collect()
    gc.freeze()

    warmup = make_queries(persons, taken, [], 50, seed + 999)
    for q in warmup:
        ix.best(q.text)
    # Each query is timed by the wall clock (a vDSO call: no system call, which would flush
    # the TLB before every query); each set of queries as a whole by the CPU time of the
    # thread, so that a shared machine does not time the wait for a core.  Every set is new
    # to the CPU caches, as names are in production; ``mean us`` is the median over the
    # sets, ``warm us`` a second pass over the last set.
    cpu, wall = time.thread_time_ns, time.perf_counter_ns
    cpu_means: list[float] = []
    hits = []
    for qs in query_sets:
        c = cpu()
        for q in qs:
            w = wall()
            hit = ix.best(q.text)
            res.times_ns.append(wall() - w)
            hits.append(hit)
        cpu_means.append((cpu() - c) / len(qs) / 1000)
    res.cpu_us = sorted(cpu_means)[len(cpu_means) // 2]
    c = cpu()
    for q in query_sets[-1]:
        ix.best(q.text)
    res.warm_us = (cpu() - c) / len(query_sets[-1]) / 1000
    for q, hit, dt in zip(queries, hits, res.times_ns, strict=True):
        res.cat_ns[q.category].append(dt)
        ok = (hit is None) if q.expected is None else (hit is not None and hit.entity == q.expected)
        res.by_cat[q.category].append(ok)
        if q.expected is not None and q.category in HEADLINE:
            res.wrong.append(hit is not None and hit.entity != q.expected)
        if not ok and len(res.failures) < 400:
            got = f"{hit.entity} {hit.form!r} {hit.score}" if hit else "None"
            res.failures.append(f"{q.category}: {q.text!r} (from {q.source!r}) -> {got}")

    absent_keys = [fold_key(q.text) for q in queries if q.category == ABSENT]
    if absent_keys:
        res.absent_near = sum(_one_edit_in(k, taken) for k in absent_keys) / len(absent_keys)

    # baseline: a full scan with WRatio over every folded form
    all_keys = ix._keys
    ents = ix._ent
    sample = queries[:: max(1, len(queries) // max(1, n_base))][:n_base]
    base_ok: list[bool] = []
    base_abs: list[bool] = []
    t = time.thread_time_ns()
    for q in sample:
        m = process.extractOne(fold_key(q.text), all_keys, scorer=fuzz.WRatio, score_cutoff=88)
        ent = ix._entities[ents[m[2]]] if m else None
        if q.category == ABSENT:
            base_abs.append(ent is None)
        elif q.category in HEADLINE:
            base_ok.append(ent == q.expected)
    elapsed = time.thread_time_ns() - t
    res.base_n = len(sample)
    res.base_us = elapsed / max(1, len(sample)) / 1000
    res.base_acc = sum(base_ok) / len(base_ok) if base_ok else float("nan")
    res.base_absent = sum(base_abs) / len(base_abs) if base_abs else float("nan")

    lines = scorer_table(ix, queries) if scorers else []
    gc.unfreeze()
    del ix, persons, taken, absent
    gc.collect()
    return res, lines


# ------------------------------------------------------------------ scorer comparison


def scorer_table(ix: FuzzyIndex, queries: list[Query]) -> list[str]:
    """Accuracy (headline present queries) and absent names left unresolved, per scorer, at
    the cutoff that maximises the smaller of the two; with and without the token checks."""
    from ledger.resolve.fuzzy import fold_key as fk

    evalq = [q for q in queries if q.category in HEADLINE or q.category == ABSENT]
    cutoffs = [round(0.70 + 0.01 * i, 2) for i in range(30)]
    variants: dict[str, list[list[tuple[float, int]]]] = {}
    guard, guard_min = ix.vocab_guard, ix.guard_min
    settings = [("checks", True, 1), ("checks, vocab guard off", False, 1),
                ("checks, guard if >= 3 forms", True, 3), ("no checks", True, 1)]
    for gated, on, gmin in settings:
        ix.vocab_guard, ix.guard_min = on, gmin
        per_q_matches = []
        for q in evalq:
            key = fk(q.text)
            toks = key.split()
            if len(toks) < 2:
                per_q_matches.append(None)
                continue
            if gated == "no checks":
                per_q_matches.append((key, sorted(ix._candidate_ids(key, toks))))
            else:
                per_q_matches.append(ix._matches(key, toks, -1))
        for name, fn in SCORERS.items():
            if gated != "checks" and name not in ("jaro_winkler", "ratio", "osa", "wratio"):
                continue
            rows = []
            for ms in per_q_matches:
                best: dict[int, float] = {}
                if ms is None:
                    pass
                elif gated == "no checks":
                    key, ids = ms
                    for i in ids:
                        s = fn(key, ix._keys[i])
                        e = ix._ent[i]
                        if s > best.get(e, -1.0):
                            best[e] = s
                else:
                    for _, m in ms:
                        s = fn(m.aligned_q, m.aligned_f) - m.penalty
                        e = ix._ent[m.fid]
                        if s > best.get(e, -1.0):
                            best[e] = s
                top = sorted(((s, e) for e, s in best.items()), reverse=True)[:2]
                rows.append(top)
            variants[f"{name} ({gated})"] = rows
    ix.vocab_guard, ix.guard_min = guard, guard_min
    expected = [None if q.expected is None else ix._entity_ids.get(q.expected, -2) for q in evalq]
    lines = [f"  {'scorer (token checks)':44} {'cutoff':>6} {'accuracy':>8} {'wrong':>6} "
             f"{'absent':>7}  cutoffs with both >= 0.95"]
    for name, rows in variants.items():
        best_c, best_v, ok_range = 0.0, (-1.0, 0.0, 0.0, 0.0), []
        for c in cutoffs:
            acc, wrong, ab = _rates(rows, expected, c, ix.margin)
            if min(acc, ab) > best_v[0]:
                best_c, best_v = c, (min(acc, ab), acc, wrong, ab)
            if acc >= 0.95 and ab >= 0.95:
                ok_range.append(c)
        rng = f"{ok_range[0]:.2f}-{ok_range[-1]:.2f}" if ok_range else "none"
        lines.append(f"  {name:44} {best_c:6.2f} {best_v[1]:8.3f} {best_v[2]:6.3f} "
                     f"{best_v[3]:7.3f}  {rng}")
    rows = variants[f"{ix.scorer_name} (checks)"]
    curve = [0.75, 0.80, 0.85, 0.88, 0.90, 0.92, 0.95]
    lines.append("")
    lines.append(f"  {ix.scorer_name} with the checks: accuracy / wrong entity / absent unresolved")
    lines.append("  " + f"{'margin':>8} " + " ".join(f"{c:>17.2f}" for c in curve))
    for margin in (0.0, 0.02, 0.05):
        cells = []
        for c in curve:
            acc, wrong, ab = _rates(rows, expected, c, margin)
            cells.append(f"{acc:.3f}/{wrong:.3f}/{ab:.3f}")
        lines.append("  " + f"{margin:>8.2f} " + " ".join(f"{x:>17}" for x in cells))
    return lines


def _rates(rows: list[list[tuple[float, int]]], expected: list[int | None], cutoff: float,
           margin: float) -> tuple[float, float, float]:
    """(accuracy, wrong entity, absent left unresolved) when deciding like ``best()``."""
    acc_n = acc_ok = wrong = ab_n = ab_ok = 0
    for top, exp in zip(rows, expected, strict=True):
        got = None
        if top and top[0][0] >= cutoff and not (len(top) > 1 and top[1][0] > top[0][0] - margin):
            got = top[0][1]
        if exp is None:
            ab_n += 1
            ab_ok += got is None
        else:
            acc_n += 1
            acc_ok += got == exp
            wrong += got is not None and got != exp
    return acc_ok / max(1, acc_n), wrong / max(1, acc_n), ab_ok / max(1, ab_n)


# ---------------------------------------------------------------------------- report


def _pct(xs: list[int], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(p * len(s)))] / 1000 if s else float("nan")


def _frac(oks: list[bool]) -> float:
    return sum(oks) / len(oks) if oks else float("nan")


def print_tables(results: list[SizeResult], scorer_lines: dict[int, list[str]], cutoff: float,
                 show_failures: int) -> None:
    print()
    print(f"near-miss resolution: FuzzyIndex(cutoff={cutoff}) vs full scan "
          f"(rapidfuzz extractOne, WRatio)")
    head = (f"{'names':>9} {'forms':>9} {'gen s':>6} {'build s':>7} {'index MB':>8} "
            f"{'RSS +MB':>7} {'mean us':>7} {'wall us':>7} {'p50 us':>6} {'p99 us':>6} "
            f"{'warm us':>7} {'accuracy':>8} {'wrong':>6} {'absent':>6} {'~1 edit':>7} "
            f"{'scan us':>9} {'scan n':>6} {'speed-up':>8}")
    print(head)
    print("-" * len(head))
    for r in results:
        wall_mean = sum(r.times_ns) / len(r.times_ns) / 1000 if r.times_ns else float("nan")
        acc = _frac([ok for c in HEADLINE for ok in r.by_cat.get(c, [])])
        ab = _frac(r.by_cat.get(ABSENT, []))
        print(f"{r.size:>9,} {r.forms:>9,} {r.gen_s:6.1f} {r.build_s:7.1f} {r.index_mb:8.0f} "
              f"{r.rss_mb:7.0f} {r.cpu_us:7.1f} {wall_mean:7.1f} {_pct(r.times_ns, 0.5):6.1f} "
              f"{_pct(r.times_ns, 0.99):6.1f} {r.warm_us:7.1f} {acc:8.3f} "
              f"{_frac(r.wrong):6.3f} {ab:6.3f} {r.absent_near:7.3f} {r.base_us:9.0f} "
              f"{r.base_n:>6} {r.base_us / r.cpu_us:7.0f}x")
    print("mean: CPU us per best() call (median over the query sets, each new to the caches);"
          " wall, p50, p99: wall clock per call;\nwarm: CPU mean of a second pass over a set;"
          " accuracy: present names (" + ", ".join(HEADLINE) + ") resolved right;"
          "\nwrong: present names resolved to another entity; absent: absent names left"
          " unresolved; ~1 edit: absent names one edit from a KB form;\nscan: the full scan,"
          " CPU us per query over scan n queries; speed-up: scan / mean")
    print()
    print("by query kind: fraction right (unresolved for absent, first initial, added middle),"
          " mean wall us per call, number of queries")
    cats = [*HEADLINE, *INFO, ABSENT]
    print(f"{'names':>9} " + " ".join(f"{c:>17}" for c in cats))
    for r in results:
        cells = []
        for c in cats:
            oks = r.by_cat.get(c, [])
            ns = r.cat_ns.get(c, [])
            mean = sum(ns) / len(ns) / 1000 if ns else float("nan")
            cells.append(f"{_frac(oks):5.3f} {mean:4.0f}us {len(oks):>4}".rjust(17))
        print(f"{r.size:>9,} " + " ".join(cells))
    print()
    for r in results:
        print(f"{r.size:>9,}: full scan baseline on {r.base_n} queries: accuracy "
              f"{r.base_acc:.3f}, absent unresolved {r.base_absent:.3f} (WRatio >= 88); "
              f"blocks {r.blocks:,}, dropped as oversized {r.dropped_blocks:,}")
    for size, lines in scorer_lines.items():
        if lines:
            print()
            print(f"scorers on the same candidates, {size:,} names (best cutoff = max of "
                  f"min(accuracy, absent)):")
            for line in lines:
                print(line)
    if show_failures:
        for r in results:
            print()
            print(f"misses at {r.size:,} (first {show_failures}):")
            for f in r.failures[:show_failures]:
                print("  " + f)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench resolution",
                                 description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000",
                    help="comma-separated KB sizes (persons)")
    ap.add_argument("--queries", type=int, default=2000, help="queries per set")
    ap.add_argument("--baseline", type=int, default=0,
                    help="full-scan queries per size (default: 200 at 10k, 50 at 100k, 20 at 1M)")
    ap.add_argument("--derive", type=int, default=3000,
                    help="native names per KB that get all derived transliterations")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sets", type=int, default=3,
                    help="query sets per size, each timed new to the caches (median reported)")
    ap.add_argument("--no-scorers", action="store_true", help="skip the scorer comparison")
    ap.add_argument("--failures", type=int, default=0, help="print that many misses per size")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test")
    args = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    n_queries = args.queries
    derive = args.derive
    if args.quick:
        sizes = [1000, 3000]
        n_queries = min(n_queries, 200)
        derive = min(derive, 300)
    results: list[SizeResult] = []
    scorer_lines: dict[int, list[str]] = {}
    for size in sizes:
        n_base = args.baseline or (200 if size <= 10_000 else 50 if size <= 100_000 else 20)
        if args.quick:
            n_base = min(n_base, 10)
        t = time.perf_counter()
        res, lines = run_size(size, n_queries, n_base, args.seed, not args.no_scorers, derive,
                              1 if args.quick else args.sets)
        results.append(res)
        scorer_lines[size] = lines
        print(f"[resolution] {size:,} names done in {time.perf_counter() - t:.0f} s",
              file=sys.stderr, flush=True)
    print_tables(results, scorer_lines, DEFAULT_CUTOFF, args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
