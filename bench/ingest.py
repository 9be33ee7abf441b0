"""Ingest throughput at KB scale: read + extract + resolve, end to end on SQLite, the storing
step, and peak memory, with spaCy's rule pipeline and raw ``sqlite3`` as the baselines.

The bench generates (``bench/corpus.py``, seeded) a KB of ``--kb-names`` persons (default
100,000, about 30% with a ``native`` name) plus ~1,100 places, offices, orgs and events, as
SPEC §5 YAML, and a corpus of ``--docs`` news articles of about 1,000 words (default 10,000),
streamed to a folder of .md files (500 per sub-folder).  Then, in one run on one machine:

(a) analyze   ``ledger.read.read_file`` + ``ledger.pipeline.analyze(doc, index)`` with the index
              built once (``build_index(load_kb([kb]).entities)``; its near-miss index is built
              up front too, not by the first document): documents/s and words/s.
(b) spaCy     ``spacy.blank("en")`` + ``entity_ruler`` (``phrase_matcher_attr="LOWER"``) with a
              phrase pattern for every form ledger's index matches (names, aliases, the derived
              transliterations, titles, demonyms, codes) over the same files, ``nlp.pipe``:
              words/s, and ours/spaCy (target >= 1).
(c) ingest    ``ledger.pipeline.ingest(engine, folders)`` on a fresh SQLite file after
              ``ledger.pipeline.load_kb``: articles per CPU-second (the process is single
              threaded: that is per core; target >= 300), once steady (after the first
              document: ``ingest`` builds its name index from the database first, reported
              apart) and in all.
(d) store     ``ledger.store.repo.save_analysis`` alone on pre-analysed documents, against the
              same rows written with plain ``sqlite3`` (same statements in the same order: source
              upsert, document upsert, revision look-ups, revision insert, ``executemany`` of the
              mentions and the claims; one transaction per document; WAL, synchronous=NORMAL,
              foreign keys on, as ledger opens SQLite): ledger/raw (target <= 2).  Two rounds,
              alternating, each on a fresh database; the faster round of each counts.
(e) memory    peak resident set (``VmHWM``, reset at the start of each phase; else
              ``ru_maxrss``) after the first ~2,000 documents and at the end of (a), (b) and (c):
              streaming means the two stay close.

(a) and (b) take turns, a sub-folder each (the order flipped every sub-folder), each in a
subprocess that waits while the other works: the machine's speed drifts over minutes, and
interleaving makes the drift slow both alike, so their ratio holds (run one after the other,
the ratio moved by a quarter between two runs).  Each of (a)+(d), (b) and (c) runs in a
subprocess of its own, so that memory is per phase.  If
(a) is slower than ``--budget`` seconds allow for the whole corpus, (a), (b) and (c) run on the
first whole sub-folders that fit (at least ``--min-docs`` documents) and the table says so;
``--profile N`` adds cProfile tables (top 20 by tottime) of (a) and of ``pipeline.ingest`` over
N documents (after the timed phases, in the (a) process, with the index it built).
``--quick`` is a smoke test: tiny sizes, spaCy skipped with a note when not installed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------ memory


def mem_mb() -> tuple[float, float]:
    """(current RSS, peak RSS since the last reset) in MB."""
    rss = hwm = 0.0
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except OSError:
        pass
    if not hwm:
        hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss = rss or hwm
    return rss, hwm


def reset_peak() -> bool:
    """Reset the peak RSS to the current one (Linux ``clear_refs``); False when impossible."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class Clock:
    """Wall and CPU seconds since it started, less the time it was paused (a paced worker
    waiting for its turn)."""

    def __init__(self) -> None:
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        self._paused: tuple[float, float] | None = None

    def pause(self) -> None:
        if self._paused is None:
            self._paused = (time.perf_counter(), time.process_time())

    def resume(self) -> None:
        if self._paused is not None:
            w, cp = self._paused
            self.w0 += time.perf_counter() - w
            self.c0 += time.process_time() - cp
            self._paused = None

    def wall(self) -> float:
        return (self._paused[0] if self._paused else time.perf_counter()) - self.w0

    def cpu(self) -> float:
        return (self._paused[1] if self._paused else time.process_time()) - self.c0


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.suffix == ".md")


def _log(msg: str) -> None:
    print(f"[ingest] {msg}", file=sys.stderr, flush=True)


class _Pace:
    """Turn-taking with the parent when (a) and (b) are interleaved (``run_paced``): the worker
    says when it is ready and when it has done a folder, and waits for "go" before each
    folder.  Unpaced, every call is a no-op."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def ready(self) -> None:
        if self.on:
            print("@@ready", flush=True)

    def go(self) -> bool:
        return not self.on or sys.stdin.readline().strip() == "go"

    def done(self, last: bool) -> None:
        if self.on:
            print("@@last" if last else "@@done", flush=True)


# ------------------------------------------------------------------------------ (a) + (d)


def worker_analyze(spec: dict[str, Any]) -> dict[str, Any]:
    from ledger.pipeline import analyze
    from ledger.read import read_file
    from ledger.resolve.index import build_index
    from ledger.resolve.kb import load_kb

    out: dict[str, Any] = {}
    c = Clock()
    kb = load_kb([Path(spec["kb"])])
    out["kb_load"] = (c.wall(), c.cpu())
    out["entities"] = len(kb.entities)
    out["kb_warnings"] = len(kb.warnings)
    c = Clock()
    index = build_index(kb.entities)
    out["index_build"] = (c.wall(), c.cpu())
    c = Clock()
    index.fuzzy()
    out["fuzzy_build"] = (c.wall(), c.cpu())
    out["index_keys"] = len(index.keys)
    # the forms ledger matches, for spaCy's patterns (not timed)
    forms = sorted({(e.kind.upper(), e.form) for entries in index.keys.values() for e in entries})
    Path(spec["patterns"]).write_text(json.dumps(forms, ensure_ascii=False), encoding="utf-8")
    out["patterns"] = len(forms)
    del kb
    gc.collect()

    folders = [Path(f) for f in spec["folders"]]
    for doc in read_file(_files(folders[0])[0]):  # warm-up: the extractors' lazy imports
        analyze(doc, index)
    out["rss_start"], _ = mem_mb()
    out["peak_reset"] = reset_peak()
    checkpoints = []
    docs = words = mentions = claims = 0
    used: list[str] = []
    pace = _Pace(bool(spec.get("paced")))
    pace.ready()
    c = Clock()
    c.pause()
    for folder in folders:
        if not pace.go():
            break
        c.resume()
        for path in _files(folder):
            for doc in read_file(path):
                an = analyze(doc, index)
                docs += 1
                words += len(doc.text.split())
                mentions += len(an.mentions)
                claims += len(an.claims)
        c.pause()
        used.append(str(folder))
        rss, hwm = mem_mb()
        checkpoints.append((docs, c.wall(), c.cpu(), rss, hwm))
        stop = c.wall() >= spec["budget"] and docs >= spec["min_docs"] and folder != folders[-1]
        pace.done(stop or folder == folders[-1])
        if stop:
            _log(f"(a): {docs:,} documents in {c.wall():.0f} s: over the budget, stopping there")
            break
    out["a"] = {"docs": docs, "words": words, "wall": c.wall(), "cpu": c.cpu(),
                "mentions": mentions, "claims": claims, "checkpoints": checkpoints}
    out["folders"] = used
    _log(f"(a) done: {docs:,} documents, {c.wall():.0f} s")

    # (d) the storing step alone, on pre-analysed documents
    sample: list[Any] = []
    for folder in used:
        for path in _files(Path(folder)):
            for doc in read_file(path):
                sample.append(analyze(doc, index))
            if len(sample) >= spec["store_docs"]:
                break
        if len(sample) >= spec["store_docs"]:
            break
    out["d"] = store_rounds(sample, Path(spec["tmp"]), rounds=2)
    _log(f"(d) done: {len(sample):,} documents")
    del sample
    gc.collect()

    if spec.get("profile"):
        out["profiles"] = profiles(index, [Path(f) for f in used], spec["profile"], Path(spec["tmp"]))
    return out


def store_rounds(analyses: list[Any], tmp: Path, rounds: int = 2) -> dict[str, Any]:
    from ledger.pipeline import analyzer_id
    from ledger.store import repo
    from ledger.store.db import open_engine

    analyzer = analyzer_id()
    rows = sum(2 + len(a.mentions) + len(a.claims) for a in analyses)  # + document, revision
    best: dict[str, tuple[float, float]] = {}
    for k in range(rounds):
        for method in ("raw", "ledger"):
            db = tmp / f"store-{method}-{k}.db"
            engine = open_engine(f"sqlite:///{db}")  # the schema, by ledger's migrations
            if method == "ledger":
                statuses = set()
                c = Clock()
                for an in analyses:
                    statuses.add(repo.save_analysis(engine, an, analyzer))
                wall, cpu = c.wall(), c.cpu()
                assert statuses <= {"new"}, statuses
                engine.dispose()
            else:
                engine.dispose()
                wall, cpu = raw_store(db, analyses, analyzer)
            if method not in best or wall < best[method][0]:
                best[method] = (wall, cpu)
            _check_rows(db, len(analyses))
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(str(db) + suffix).unlink(missing_ok=True)
    return {"docs": len(analyses), "rows": rows, "raw": best["raw"], "ledger": best["ledger"]}


def _check_rows(db: Path, docs: int) -> None:
    import sqlite3

    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM revisions").fetchone()[0]
    con.close()
    assert n == docs, (db, n, docs)


MENTION_COLS = ("revision_id", "start", "end", "line", "column", "end_line", "end_column",
                "surface", "entity_id", "kind", "score", "method", "form", "reason", "section")
CLAIM_COLS = ("revision_id", "subject_id", "subject_key", "object_key", "predicate", "object_id",
              "value", "valid_from", "valid_to", "recorded_at", "start", "end", "line", "column",
              "end_line", "end_column", "section", "sentence", "excerpt", "subject_surface",
              "object_surface", "qualifiers")
REVISION_COLS = ("document_id", "number", "content_hash", "text", "title", "author", "lang",
                 "published", "date_method", "analyzer", "sections", "recorded_at")


def _ins(table: str, cols: tuple[str, ...]) -> str:
    return (f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})")


def raw_store(db: Path, analyses: list[Any], analyzer: str) -> tuple[float, float]:
    """The rows ``repo.save_analysis`` writes, with plain sqlite3: the same statements in the
    same order, one transaction per document (the quotes' shingle keys included); values
    converted the way SQLAlchemy's SQLite types do (dates as ISO text, JSON with ``json.dumps``)."""
    import sqlite3
    from datetime import UTC, date, datetime

    def iso(d: date | None) -> str | None:
        return d.isoformat() if d is not None else None

    def jsonable(q: dict[str, Any]) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in q.items()}

    con = sqlite3.connect(db, isolation_level=None, timeout=60)
    for pragma in ("busy_timeout=60000", "journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        con.execute(f"PRAGMA {pragma}")
    ins_mention, ins_claim = _ins("mentions", MENTION_COLS), _ins("claims", CLAIM_COLS)
    ins_revision = _ins("revisions", REVISION_COLS) + \
        " ON CONFLICT (document_id, content_hash) DO NOTHING RETURNING id"
    ins_key = 'INSERT INTO quote_keys ("key", revision_id, start) VALUES (?, ?, ?)'
    # the quote keys ledger files (computed before the clock starts: the ceiling only stores)
    from ledger.store.shingles import claim_keys

    quote_keys = [sorted({(k, x.span.start) for x in an.claims for k in claim_keys(x)}) for an in analyses]
    c = Clock()
    for an, keys in zip(analyses, quote_keys, strict=True):
        doc = an.doc
        key = doc.url or doc.path
        digest = doc.content_hash
        cur = con.cursor()
        cur.execute("BEGIN")
        source_id = None
        if doc.source:
            cur.execute("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (doc.source,))
            source_id = cur.execute("SELECT id FROM sources WHERE name = ?", (doc.source,)).fetchone()[0]
        cur.execute('INSERT INTO documents ("key", path, url, source_id) VALUES (?, ?, ?, ?) '
                    'ON CONFLICT ("key") DO NOTHING', (key, doc.path, doc.url, source_id))
        doc_id = cur.execute('SELECT id FROM documents WHERE "key" = ?', (key,)).fetchone()[0]
        found = cur.execute("SELECT id, analyzer FROM revisions WHERE document_id = ? AND content_hash = ?",
                            (doc_id, digest)).fetchone()
        assert found is None
        number = (cur.execute("SELECT max(number) FROM revisions WHERE document_id = ?",
                              (doc_id,)).fetchone()[0] or 0) + 1
        stamp = datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        rev_id = cur.execute(ins_revision, (
            doc_id, number, digest, doc.text, doc.title, doc.author, doc.lang, iso(doc.published),
            doc.date_method, analyzer, json.dumps([[s.kind, s.start, s.end] for s in doc.sections]),
            stamp,
        )).fetchone()[0]
        cur.execute("UPDATE documents SET current_revision = ?, source_id = ?, path = ? WHERE id = ?",
                    (rev_id, source_id, doc.path, doc_id))
        if an.mentions:
            cur.executemany(ins_mention, [
                (rev_id, m.span.start, m.span.end, m.span.line, m.span.column, m.span.end_line,
                 m.span.end_column, m.surface, m.entity, m.kind, m.score, m.method, m.form,
                 m.reason, m.section)
                for m in an.mentions
            ])
        if an.claims:
            cur.executemany(ins_claim, [
                (rev_id, x.subject, x.subject_key, x.object_key, x.predicate, x.object, x.value,
                 iso(x.valid_from), iso(x.valid_to), stamp, x.span.start, x.span.end, x.span.line,
                 x.span.column, x.span.end_line, x.span.end_column, x.section, x.sentence,
                 x.excerpt, x.subject_surface, x.object_surface, json.dumps(jsonable(x.qualifiers)))
                for x in an.claims
            ])
        if keys:
            cur.executemany(ins_key, [(k, rev_id, st) for k, st in keys])
        cur.execute("COMMIT")
    wall, cpu = c.wall(), c.cpu()
    con.close()
    return wall, cpu


def profiles(index: Any, folders: list[Path], n: int, tmp: Path) -> dict[str, str]:
    """cProfile of (a) and of ``pipeline.ingest`` (its index build taken out: it is handed the
    index built above) over about ``n`` documents; top 20 by tottime."""
    import cProfile
    import io
    import pstats

    from ledger import pipeline
    from ledger.pipeline import analyze
    from ledger.read import read_file
    from ledger.store.db import open_engine

    chosen: list[Path] = []
    paths: list[Path] = []
    for f in folders:
        chosen.append(f)
        paths += _files(f)
        if len(paths) >= n:
            break
    paths = paths[:n]
    out = {}

    def table(pr: cProfile.Profile, what: str) -> str:
        s = io.StringIO()
        st = pstats.Stats(pr, stream=s)
        st.strip_dirs().sort_stats("tottime").print_stats(20)
        return f"{what}\n" + s.getvalue().strip("\n")

    pr = cProfile.Profile()
    pr.enable()
    for p in paths:
        for doc in read_file(p):
            analyze(doc, index)
    pr.disable()
    out["a"] = table(pr, f"(a) read_file + analyze, {len(paths):,} documents")

    engine = open_engine(f"sqlite:///{tmp / 'profile.db'}")
    real = pipeline.name_index
    pipeline.name_index = lambda engine: index  # type: ignore[assignment]
    try:
        pr = cProfile.Profile()
        pr.enable()
        res = pipeline.ingest(engine, paths)
        pr.disable()
    finally:
        pipeline.name_index = real  # type: ignore[assignment]
    engine.dispose()
    out["c"] = table(pr, f"(c) pipeline.ingest on SQLite, {res.stored:,} documents "
                         f"(name index handed in, not built)")
    return out


# ------------------------------------------------------------------------------ (b)


def worker_spacy(spec: dict[str, Any]) -> dict[str, Any]:
    import spacy

    out: dict[str, Any] = {"version": spacy.__version__}
    forms = json.loads(Path(spec["patterns"]).read_text(encoding="utf-8"))
    c = Clock()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    ruler.add_patterns([{"label": label, "pattern": form} for label, form in forms])
    out["build"] = (c.wall(), c.cpu())
    out["patterns"] = len(forms)
    del forms
    gc.collect()
    out["rss_start"], _ = mem_mb()
    reset_peak()
    folders = [Path(f) for f in spec["folders"]]
    counts = {"docs": 0, "words": 0, "ents": 0}
    checkpoints = []

    def texts(paths: list[Path]):  # type: ignore[no-untyped-def]
        for p in paths:
            text = p.read_text(encoding="utf-8")
            counts["words"] += len(text.split())
            yield text

    pace = _Pace(bool(spec.get("paced")))
    pace.ready()
    c = Clock()
    c.pause()
    for folder in folders:  # a folder at a time, as (a) reads them
        if not pace.go():
            break
        c.resume()
        for doc in nlp.pipe(texts(_files(folder)), batch_size=64):
            counts["docs"] += 1
            counts["ents"] += len(doc.ents)
        c.pause()
        rss, hwm = mem_mb()
        checkpoints.append((counts["docs"], c.wall(), c.cpu(), rss, hwm))
        pace.done(folder == folders[-1])
    out["b"] = {**counts, "wall": c.wall(), "cpu": c.cpu(), "checkpoints": checkpoints}
    return out


# ------------------------------------------------------------------------------ (c)


def worker_ingest(spec: dict[str, Any]) -> dict[str, Any]:
    from ledger import pipeline
    from ledger.store.db import open_engine

    out: dict[str, Any] = {}
    c = Clock()
    engine = open_engine(f"sqlite:///{spec['db']}")
    out["open"] = (c.wall(), c.cpu())
    c = Clock()
    n, warnings = pipeline.load_kb(engine, [Path(spec["kb"])])
    out["kb_load"] = (c.wall(), c.cpu())
    out["entities"] = n
    gc.collect()
    out["rss_start"], _ = mem_mb()
    out["peak_reset"] = reset_peak()
    per = max(1, spec["chunk"])
    state: dict[str, Any] = {"n": 0, "first": None, "checkpoints": []}
    c = Clock()

    def progress(_path: str) -> None:
        state["n"] += 1
        if state["first"] is None:
            state["first"] = (c.wall(), c.cpu())
        if state["n"] % per == 0:
            rss, hwm = mem_mb()
            state["checkpoints"].append((state["n"], c.wall(), c.cpu(), rss, hwm))

    res = pipeline.ingest(engine, [Path(f) for f in spec["folders"]], progress=progress)
    wall, cpu = c.wall(), c.cpu()
    rss, hwm = mem_mb()
    if not state["checkpoints"] or state["checkpoints"][-1][0] != state["n"]:
        state["checkpoints"].append((state["n"], wall, cpu, rss, hwm))
    engine.dispose()
    out["c"] = {"docs": state["n"], "wall": wall, "cpu": cpu, "first": state["first"],
                "stored": res.stored, "skipped": len(res.skipped), "mentions": res.mentions,
                "claims": res.claims, "checkpoints": state["checkpoints"],
                "db_mb": sum(Path(str(spec["db"]) + s).stat().st_size
                             for s in ("", "-wal") if Path(str(spec["db"]) + s).exists()) / 2**20}
    return out


WORKERS = {"analyze": worker_analyze, "spacy": worker_spacy, "ingest": worker_ingest}


def run_worker(name: str, spec: dict[str, Any], tmp: Path) -> dict[str, Any]:
    spec_path = tmp / f"{name}.spec.json"
    out_path = tmp / f"{name}.out.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    proc = subprocess.run([sys.executable, "-m", "bench.ingest", "--worker", name, str(spec_path),
                           str(out_path)], cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"the {name} worker failed (exit {proc.returncode})")
    return json.loads(out_path.read_text(encoding="utf-8"))


def run_paced(spec_a: dict[str, Any], spec_b: dict[str, Any], folders: list[str],
              tmp: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(a) and (b) interleaved, a folder each in turn (the order flipped every folder), so that
    a machine whose speed drifts over minutes slows both alike: their ratio is what the target
    is about.  Each still runs in a process of its own (memory per phase)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])

    def start(name: str, spec: dict[str, Any]) -> tuple[subprocess.Popen[str], Path]:
        spec_path, out_path = tmp / f"{name}.spec.json", tmp / f"{name}.out.json"
        spec_path.write_text(json.dumps({**spec, "paced": True}), encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "bench.ingest", "--worker", name, str(spec_path),
                                 str(out_path)], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        return proc, out_path

    def said(proc: subprocess.Popen[str], name: str) -> str:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("@@"):
                return line.strip()
        raise RuntimeError(f"the {name} worker ended early (exit {proc.wait()})")

    def tell(proc: subprocess.Popen[str], word: str) -> None:
        assert proc.stdin is not None
        proc.stdin.write(word + "\n")
        proc.stdin.flush()

    pa, out_a = start("analyze", spec_a)
    said(pa, "analyze")  # ready: its index built, spaCy's patterns written
    pb, out_b = start("spacy", {**spec_b, "folders": folders})
    said(pb, "spacy")
    for k in range(len(folders)):
        last = False
        for proc, name in ((pa, "analyze"), (pb, "spacy")) if k % 2 == 0 else ((pb, "spacy"), (pa, "analyze")):
            tell(proc, "go")
            if said(proc, name) == "@@last" and name == "analyze":
                last = True
        if last:
            break
    for proc, name in ((pa, "analyze"), (pb, "spacy")):
        if proc.poll() is None and proc.stdin is not None:
            try:
                tell(proc, "stop")
                proc.stdin.close()
            except BrokenPipeError:
                pass
        if proc.wait() != 0:
            raise RuntimeError(f"the {name} worker failed (exit {proc.returncode})")
    return (json.loads(out_a.read_text(encoding="utf-8")), json.loads(out_b.read_text(encoding="utf-8")))


# ------------------------------------------------------------------------------ report


def _rate(n: float, s: float) -> float:
    return n / s if s > 0 else float("nan")


def _k(x: float) -> str:
    if x != x:  # nan
        return "-"
    if x >= 10_000_000:
        return f"{x / 1e6:,.1f}M"
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def _pick_checkpoint(cps: list[list[float]], near: int) -> list[float] | None:
    """The checkpoint closest to ``near`` documents, not the last one."""
    if len(cps) < 2:
        return None
    return min(cps[:-1], key=lambda c: abs(c[0] - near))


def print_report(args: argparse.Namespace, gen: dict[str, Any], A: dict[str, Any],
                 B: dict[str, Any] | None, B_note: str, C: dict[str, Any]) -> None:
    a, d, c = A["a"], A["d"], C["c"]
    subset = a["docs"] < gen["docs"]
    print()
    print(f"ingest benchmark: {gen['docs']:,} generated articles ({gen['words']:,} words, "
          f"{gen['mb']:.0f} MB), KB {gen['entities']:,} entities ({gen['persons']:,} persons, "
          f"{gen['native']:,} with a native name); python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    if subset:
        print(f"NOTE: (a), (b) and (c) ran on the first {a['docs']:,} of the {gen['docs']:,} "
              f"articles: analysing them all would overrun --budget {args.budget:.0f} s "
              f"(at {_rate(a['docs'], a['wall']):.0f} articles/s)")
    print()
    print("set-up                                                  wall s    CPU s")
    rows = [
        ("generate world + write KB YAML", gen["kb_s"], None),
        (f"write corpus ({gen['docs']:,} articles, streamed)", gen["corpus_s"], None),
        ("(a) resolve.kb.load_kb: KB YAML -> entities", *A["kb_load"]),
        (f"(a) build_index ({A['index_keys']:,} keys)", *A["index_build"]),
        ("(a) near-miss index (index.fuzzy())", *A["fuzzy_build"]),
        ("(c) open_engine + migrations", *C["open"]),
        (f"(c) pipeline.load_kb into SQLite ({C['entities']:,} entities)", *C["kb_load"]),
    ]
    if c["first"]:
        rows.append(("(c) ingest: name index from the DB + first document", *c["first"]))
    if B is not None:
        rows.append((f"(b) spaCy {B['version']}: entity_ruler, {B['patterns']:,} patterns", *B["build"]))
    for label, wall, cpu in rows:
        print(f"  {label:52} {wall:8.1f} {'' if cpu is None else f'{cpu:8.1f}'}")

    print()
    head = (f"{'phase':50} {'docs':>7} {'words':>8} {'wall s':>7} {'CPU s':>7} {'docs/s':>7} "
            f"{'words/s':>8} {'docs/CPU-s':>10}  {'ratio':>14} {'target':>7}")
    print(head)
    print("-" * len(head))

    def row(label: str, docs: int, words: int | None, wall: float, cpu: float, ratio: str = "",
            target: str = "") -> None:
        print(f"{label:50} {docs:>7,} {_k(words) if words else '-':>8} {wall:7.1f} {cpu:7.1f} "
              f"{_rate(docs, wall):7.1f} {_k(_rate(words, wall)) if words else '-':>8} "
              f"{_rate(docs, cpu):10.1f}  {ratio:>14} {target:>7}")

    a_wps = _rate(a["words"], a["wall"])
    row("(a) read + extract + resolve (no storage)", a["docs"], a["words"], a["wall"], a["cpu"])
    if B is not None:
        b = B["b"]
        ratio = a_wps / _rate(b["words"], b["wall"])
        row("(b) spaCy blank('en') + entity_ruler, nlp.pipe", b["docs"], b["words"], b["wall"],
            b["cpu"], f"ours/spaCy {ratio:.2f}", ">= 1")
    else:
        print(f"{'(b) spaCy blank(en) + entity_ruler':50} skipped: {B_note}")
    if c["first"]:
        fw, fc = c["first"]
        steady_docs = c["docs"] - 1
        cpu_rate = _rate(steady_docs, c["cpu"] - fc)
        row("(c) pipeline.ingest on SQLite, after 1st doc", steady_docs, None, c["wall"] - fw,
            c["cpu"] - fc, f"{cpu_rate / 300:.2f} of target", ">= 300")
    row("(c) pipeline.ingest on SQLite, all (incl. index)", c["docs"], None, c["wall"], c["cpu"])
    raw_w, raw_c = d["raw"]
    led_w, led_c = d["ledger"]
    row(f"(d) repo.save_analysis ({d['rows'] / max(1, d['docs']):.0f} rows/doc)", d["docs"], None,
        led_w, led_c, f"ledger/raw {led_w / raw_w:.2f}", "<= 2")
    row("(d) raw sqlite3 executemany, same rows", d["docs"], None, raw_w, raw_c)
    print("docs/CPU-s: articles per CPU-second, i.e. per core (one thread);  (d): "
          f"{_k(_rate(d['rows'], led_w))} rows/s ledger, {_k(_rate(d['rows'], raw_w))} rows/s raw")
    print(f"(a): {a['mentions'] / max(1, a['docs']):.0f} mentions and "
          f"{a['claims'] / max(1, a['docs']):.0f} claims per article;  (c): {c['stored']:,} stored, "
          f"{c['skipped']} skipped, database {c['db_mb']:.0f} MB"
          + (f";  (b): {B['b']['ents'] / max(1, B['b']['docs']):.0f} spaCy entities per article"
             if B is not None else ""))

    print()
    print(f"{'(e) memory, MB':22} {'RSS at start':>12} {'peak @ docs':>18} {'peak @ docs':>18} "
          f"{'growth/1k docs':>15}")
    phases = [("(a) analyze", A["rss_start"], a["checkpoints"]),
              ("(c) ingest", C["rss_start"], c["checkpoints"])]
    if B is not None:
        phases.insert(1, ("(b) spaCy", B["rss_start"], B["b"]["checkpoints"]))
    for label, start, cps in phases:
        last = cps[-1] if cps else None
        first = _pick_checkpoint(cps, min(2000, int(last[0]) // 5) if last else 0)
        if last is None:
            continue
        if first is None:
            print(f"  {label:20} {start:12.0f} {'':>18} {last[4]:8.0f} @ {int(last[0]):>7,}")
            continue
        growth = (last[4] - first[4]) / max(1e-9, (last[0] - first[0]) / 1000)
        print(f"  {label:20} {start:12.0f} {first[4]:8.0f} @ {int(first[0]):>7,} "
              f"{last[4]:8.0f} @ {int(last[0]):>7,} {growth:+15.1f}")
    reset_ok = A.get("peak_reset") and C.get("peak_reset")
    print("peak: VmHWM, reset when the phase starts (after its KB/index set-up)" if reset_ok else
          "peak: ru_maxrss of the phase's process (includes its set-up)")


# ------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ingest",
                                 description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="articles to generate")
    ap.add_argument("--kb-names", type=int, default=100_000, help="persons in the KB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=180.0,
                    help="seconds (a) may take before stopping at a sub-folder boundary "
                         "(then (b) and (c) use the same documents)")
    ap.add_argument("--min-docs", type=int, default=1000, help="at least this many documents")
    ap.add_argument("--store-docs", type=int, default=1000, help="documents for (d)")
    ap.add_argument("--chunk", type=int, default=500, help="articles per sub-folder")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also print cProfile tables of (a) and (c) over N documents")
    ap.add_argument("--no-spacy", action="store_true", help="skip baseline (b)")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test")
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "--worker":  # a phase's subprocess: --worker NAME SPEC OUT
        name, spec_path, out_path = argv[1], argv[2], argv[3]
        result = WORKERS[name](json.loads(Path(spec_path).read_text(encoding="utf-8")))
        Path(out_path).write_text(json.dumps(result), encoding="utf-8")
        return 0
    args = ap.parse_args(argv)
    if args.quick:
        args.docs = min(args.docs, 60)
        args.kb_names = min(args.kb_names, 2000)
        args.chunk, args.min_docs, args.store_docs = 20, 20, 20
        args.budget = min(args.budget, 30.0)
        args.profile = min(args.profile, 20)

    from bench.corpus import build_world, write_corpus, write_kb

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ledger-bench-ingest-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        kb_dir, corpus_dir = tmp / "kb", tmp / "corpus"
        for d in (kb_dir, corpus_dir):
            shutil.rmtree(d, ignore_errors=True)
        for p in tmp.glob("*.db*"):
            p.unlink()
        t = time.perf_counter()
        world = build_world(args.kb_names, args.seed)
        write_kb(world, kb_dir)
        gen: dict[str, Any] = {"kb_s": time.perf_counter() - t}
        counts = world.entity_count()
        gen["entities"] = sum(counts.values())
        gen["persons"] = counts["person"]
        gen["native"] = sum(1 for p in world.persons if p.native)
        st = write_corpus(world, corpus_dir, args.docs, args.seed, chunk=args.chunk)
        gen.update(docs=st.docs, words=st.words, mb=st.bytes / 2**20, corpus_s=st.seconds)
        folders = [str(f) for f in st.folders]
        del world
        gc.collect()
        _log(f"generated {gen['entities']:,} KB entities in {gen['kb_s']:.0f} s and "
             f"{st.docs:,} articles in {st.seconds:.0f} s, in {tmp}")

        spec_a = {
            "kb": str(kb_dir), "folders": folders, "budget": args.budget, "min_docs": args.min_docs,
            "store_docs": args.store_docs, "patterns": str(tmp / "patterns.json"), "tmp": str(tmp),
            "profile": args.profile,
        }
        B: dict[str, Any] | None = None
        note = ""
        import importlib.util

        if args.no_spacy:
            note = "--no-spacy"
        elif importlib.util.find_spec("spacy") is None:
            note = "spaCy is not installed (pip install -e '.[bench]')"
        if note:
            A = run_worker("analyze", spec_a, tmp)
        else:
            # (a) and (b) take turns, a folder each, so that the machine's drift cancels out
            A, B = run_paced(spec_a, {"patterns": str(tmp / "patterns.json"), "chunk": args.chunk}, folders, tmp)
            _log(f"(b) done: {B['b']['docs']:,} documents, interleaved with (a)")
        used = A["folders"]

        C = run_worker("ingest", {"kb": str(kb_dir), "folders": used, "db": str(tmp / "bench.db"),
                                  "chunk": args.chunk}, tmp)
        _log(f"(c) done: {C['c']['docs']:,} documents")
        print_report(args, gen, A, B, note, C)
        for key in ("a", "c"):
            text = A.get("profiles", {}).get(key)
            if text:
                print()
                print(text)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
