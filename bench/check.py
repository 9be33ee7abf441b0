"""``ledger check`` at newsroom scale: the whole ledger, and one draft against it.

For each backend (``--backends``, default SQLite and PostgreSQL) and each size (``--claims``,
default 100k and 1M claims, about 100 claims per document: 1,000 and 10,000 documents) the
bench generates a ledger straight into a new database (``bench/ledger_gen.py``: the seed KB, a
generated KB, ~50 outlets, documents with their revisions, text, mentions and claims, with a
small rate of conflicts) and times the real command line in a subprocess, start-up included:

whole ledger   ``ledger --db URL check --format json --fail-on never -o /dev/null``: best of
               ``--repeat`` runs (one when a run takes longer than ``--slow`` seconds).  The
               first run writes its JSON to a file instead, for the finding counts; every run
               records its findings in the ledger, as ``ledger check`` does (the first inserts
               them, later ones bring them up to date).
draft          ``ledger --db URL check draft.md --format json --fail-on never -o /dev/null``,
               a ~1,000-word article naming people of the ledger, against the largest ledger:
               the first run (which may build caches: the name index) is shown apart, then the
               median of ``--draft-repeat`` runs, each just after a run of ``python -c "import
               sqlalchemy.orm"``: the ratio of such neighbours (their median) is what survives a
               shared machine whose speed drifts over minutes.
baselines      ``python -c pass`` and ``python -c "import sqlalchemy.orm"`` (medians of
               ``--baseline-repeat``, measured in the same run) and ``ledger --version``.

Targets: the whole check of 1M claims in <= 2 s on SQLite and <= 4 s on PostgreSQL; the draft
in <= 300 ms.  The table shows each time, its ratio to the target and to the baselines, and the
findings by rule (so that one sees the rules worked).  A run that exceeds ``--timeout`` is
stopped and shown as ``>timeout``.

PostgreSQL: ``--pg-url`` (default ``$LEDGER_BENCH_POSTGRES_URL``, ``$LEDGER_TEST_POSTGRES_URL`` or
the local server) names a server; the bench creates a database of its own per size and drops
it at the end.  ``--quick``: a few hundred claims, SQLite only unless LEDGER_TEST_POSTGRES_URL
is set (the smoke test).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TARGET_WHOLE_1M = {"sqlite": 2.0, "postgresql": 4.0}  # seconds, at 1M claims
TARGET_DRAFT = 0.300  # seconds
ISSUE_SA_ORM = 0.250  # `import sqlalchemy.orm` on the machine the targets were set on
SA_ORM = "import sqlalchemy.orm"  # the baseline: what the draft path must not cost much more than
RULE_ABBREV = {
    "office-mismatch": "office-mm", "office-holder-conflict": "holder", "value-conflict": "value",
    "quote-attribution": "quote", "name-inconsistency": "name-inc", "name-variant": "variant",
    "misspelled-name": "misspell", "unintroduced-reference": "unintro", "house-style": "style",
    "unused-suppression": "unused",
}


@dataclass
class Timing:
    times: list[float] = field(default_factory=list)
    timed_out: bool = False
    failed: str = ""

    @property
    def best(self) -> float:
        return min(self.times) if self.times else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")


@dataclass
class SizeResult:
    backend: str
    claims: int
    documents: int = 0
    mentions: int = 0
    text_mb: float = 0.0
    gen_s: float = 0.0
    whole: Timing = field(default_factory=Timing)
    findings: Counter[str] = field(default_factory=Counter)
    draft_first: Timing = field(default_factory=Timing)
    draft: Timing = field(default_factory=Timing)
    # `import sqlalchemy.orm`, timed just before each draft run (the machine's speed drifts)
    draft_base: Timing = field(default_factory=Timing)
    draft_findings: Counter[str] = field(default_factory=Counter)
    draft_words: int = 0


# ---------------------------------------------------------------------------- running


def _ledger_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "ledger"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ledger"]


def _env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LEDGER_DATABASE_URL", "LEDGER_KB_PATH", "LEDGER_DEBUG", "NO_COLOR")}
    env["XDG_CACHE_HOME"] = str(workdir / "cache")  # ledger's caches die with the run
    return env


def timed(cmd: list[str], workdir: Path, timeout: float) -> tuple[float | None, str]:
    """Wall time of ``cmd`` (start-up included); None on timeout.  Raises on a failure."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=workdir, env=_env(workdir), capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    dt = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return dt, proc.stderr


def measure(cmd: list[str], workdir: Path, runs: int, timeout: float, slow: float | None = None,
            first_output: tuple[int, Path] | None = None) -> Timing:
    """Run ``cmd`` up to ``runs`` times; stop after a run slower than ``slow`` seconds.
    ``first_output``: (index of the ``-o`` value in cmd, file) for the first run."""
    t = Timing()
    for i in range(runs):
        c = list(cmd)
        if i == 0 and first_output is not None:
            c[first_output[0]] = str(first_output[1])
        try:
            dt, _ = timed(c, workdir, timeout)
        except RuntimeError as e:
            t.failed = str(e)
            break
        if dt is None:
            t.timed_out = True
            break
        t.times.append(dt)
        if slow is not None and dt > slow:
            break
    return t


def measure_paired(cmd: list[str], base_cmd: list[str], workdir: Path, runs: int,
                   timeout: float) -> tuple[Timing, Timing]:
    """``runs`` runs of ``cmd``, each just after a run of ``base_cmd``: on a shared machine
    whose speed drifts over minutes, a ratio of neighbouring runs is what can be compared."""
    t, b = Timing(), Timing()
    for _ in range(runs):
        db, _ = timed(base_cmd, workdir, 60)
        try:
            dt, _ = timed(cmd, workdir, timeout)
        except RuntimeError as e:
            t.failed = str(e)
            break
        if dt is None or db is None:
            t.timed_out = dt is None
            break
        t.times.append(dt)
        b.times.append(db)
    return t, b


def paired_ratio(t: Timing, b: Timing) -> float:
    """The median of the ratios of paired runs."""
    pairs = [x / y for x, y in zip(t.times, b.times, strict=False) if y]
    return statistics.median(pairs) if pairs else float("nan")


def baselines(workdir: Path, runs: int) -> dict[str, Timing]:
    py = sys.executable
    return {
        "python -c pass": measure([py, "-c", "pass"], workdir, runs, 60),
        f'python -c "{SA_ORM}"': measure([py, "-c", SA_ORM], workdir, runs, 60),
        "ledger --version": measure([*_ledger_cmd(), "--version"], workdir, runs, 60),
    }


def _counts(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Counter()
    return Counter(f["rule"] for f in data.get("findings", []))


# ---------------------------------------------------------------------------- databases


@contextmanager
def database(backend: str, size: int, workdir: Path, pg_url: str, keep: bool = False) -> Iterator[str]:
    """A new, empty database for one ledger; dropped (PostgreSQL) or deleted (SQLite, unless
    ``keep``) at the end."""
    if backend == "sqlite":
        path = workdir / f"ledger-{size}.db"
        for p in workdir.glob(f"ledger-{size}.db*"):
            p.unlink()  # a kept ledger of an earlier run
        try:
            yield f"sqlite:///{path}"
        finally:
            if not keep:
                for p in workdir.glob(f"ledger-{size}.db*"):
                    p.unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ledger_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}_{size}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                         {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


# ---------------------------------------------------------------------------- the bench


def run_backend(backend: str, sizes: list[int], args: argparse.Namespace, workdir: Path,
                draft_size: int) -> list[SizeResult]:
    from bench.ledger_gen import generate, write_draft

    out: list[SizeResult] = []
    ledger = _ledger_cmd()
    for size in sizes:
        res = SizeResult(backend, size)
        out.append(res)
        with database(backend, size, workdir, args.pg_url, keep=args.keep is not None) as url:
            log(f"[check] {backend} {size:,} claims: generating")
            stats, world = generate(url, size, seed=args.seed, claims_per_doc=args.claims_per_doc,
                                    progress=log_progress if size >= 200_000 else None)
            res.claims, res.documents, res.mentions = stats.claims, stats.documents, stats.mentions
            res.text_mb, res.gen_s = stats.text_mb, stats.seconds
            log(f"[check] {backend}: {stats.documents:,} documents, {stats.claims:,} claims, "
                f"{stats.mentions:,} mentions in {stats.seconds:.0f} s; whole-ledger check")
            cmd = [*ledger, "--db", url, "check", "--format", "json", "--fail-on", "never", "-o", "/dev/null"]
            report = workdir / f"whole-{backend}-{size}.json"
            res.whole = measure(cmd, workdir, args.repeat, args.timeout, args.slow,
                                first_output=(len(cmd) - 1, report))
            res.findings = _counts(report)
            log(f"[check] {backend} {size:,}: whole check {_fmt_s(res.whole)}")
            if size == draft_size:
                draft = workdir / "draft.md"
                res.draft_words = write_draft(world, draft)
                dcmd = [*ledger, "--db", url, "check", str(draft), "--format", "json", "--fail-on",
                        "never", "-o", "/dev/null"]
                dreport = workdir / f"draft-{backend}-{size}.json"
                res.draft_first = measure(dcmd, workdir, 1, args.timeout,
                                          first_output=(len(dcmd) - 1, dreport))
                res.draft_findings = _counts(dreport)
                res.draft, res.draft_base = measure_paired(dcmd, [sys.executable, "-c", SA_ORM], workdir,
                                                           args.draft_repeat, args.timeout)
                log(f"[check] {backend} {size:,}: draft check first {_fmt_s(res.draft_first)}, "
                    f"median {_fmt_s(res.draft, median=True)} (import sqlalchemy.orm beside it: "
                    f"{_fmt_s(res.draft_base, median=True)})")
    return out


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def log_progress(msg: str) -> None:
    log(f"[check]   {msg}")


# ---------------------------------------------------------------------------- printing


def _fmt_s(t: Timing, median: bool = False, ms: bool = False, timeout: float | None = None) -> str:
    if t.failed:
        return "failed"
    if not t.times:
        return f">{timeout:.0f}s" if (t.timed_out and timeout) else ("timeout" if t.timed_out else "-")
    v = t.median if median else t.best
    return f"{v * 1000:.0f} ms" if ms else f"{v:.2f} s"


def _ratio(a: float, b: float) -> str:
    if a != a or b != b or not b:  # nan
        return "-"
    return f"{a / b:.1f}x"


def print_tables(results: list[SizeResult], base: dict[str, Timing], args: argparse.Namespace) -> None:
    py_pass = base["python -c pass"].median
    sa_orm = base['python -c "import sqlalchemy.orm"'].median
    print()
    print(f"baselines (median of {args.baseline_repeat}): " + "; ".join(
        f"{name} {t.median * 1000:.0f} ms" for name, t in base.items()))
    print()
    print("whole-ledger check: ledger --db URL check --format json --fail-on never -o /dev/null "
          "(wall time, start-up included)")
    head = (f"{'backend':<10} {'claims':>9} {'docs':>6} {'mentions':>9} {'text MB':>7} {'gen s':>6} "
            f"{'check':>9} {'runs':>4} {'target':>6} {'/target':>7} {'/sa.orm':>7} {'/pass':>6} {'findings':>8}")
    print(head)
    print("-" * len(head))
    for r in results:
        target = TARGET_WHOLE_1M.get(r.backend) if r.claims >= 900_000 else None
        t = r.whole
        runs = f"{len(t.times)}" + ("+" if t.timed_out else "")
        print(f"{r.backend:<10} {r.claims:>9,} {r.documents:>6,} {r.mentions:>9,} {r.text_mb:>7.1f} "
              f"{r.gen_s:>6.0f} {_fmt_s(t, timeout=args.timeout):>9} {runs:>4} "
              f"{(f'{target:.0f} s' if target else '-'):>6} {(_ratio(t.best, target) if target else '-'):>7} "
              f"{_ratio(t.best, sa_orm):>7} {_ratio(t.best, py_pass):>6} {sum(r.findings.values()):>8,}")
    print("check: best of the runs; runs: how many (+: one more timed out); /target, /sa.orm, "
          "/pass: check time over the target, over `import sqlalchemy.orm`, over `python -c pass`")
    drafts = [r for r in results if r.draft_first.times or r.draft.times or r.draft_first.timed_out]
    if drafts:
        print()
        print("draft check: ledger --db URL check draft.md --format json --fail-on never -o /dev/null "
              f"({drafts[0].draft_words} words, against the largest ledger)")
        head = (f"{'backend':<10} {'claims':>9} {'docs':>6} {'first run':>9} {'median':>8} {'runs':>4} "
                f"{'target':>6} {'/target':>7} {'sa.orm':>7} {'/sa.orm':>7} {'/pass':>6} {'findings':>8}")
        print(head)
        print("-" * len(head))
        for r in drafts:
            t = r.draft
            print(f"{r.backend:<10} {r.claims:>9,} {r.documents:>6,} "
                  f"{_fmt_s(r.draft_first, ms=True, timeout=args.timeout):>9} "
                  f"{_fmt_s(t, median=True, ms=True, timeout=args.timeout):>8} {len(t.times):>4} "
                  f"{TARGET_DRAFT * 1000:>4.0f}ms {_ratio(t.median, TARGET_DRAFT):>7} "
                  f"{_fmt_s(r.draft_base, median=True, ms=True):>7} "
                  f"{(f'{paired_ratio(t, r.draft_base):.2f}x' if r.draft_base.times else '-'):>7} "
                  f"{_ratio(t.median, py_pass):>6} {sum(r.draft_findings.values()):>8}")
        print("first run: the first check after generation (builds caches); median: of the later runs; "
              "sa.orm: median of `import sqlalchemy.orm` run just before each of them; /sa.orm: median "
              f"of the ratios of those pairs (the target, {TARGET_DRAFT * 1000:.0f} ms beside the "
              f"{ISSUE_SA_ORM * 1000:.0f} ms import the issue measured, is {TARGET_DRAFT / ISSUE_SA_ORM:.1f}x)")
    rules = sorted({k for r in results for k in (*r.findings, *r.draft_findings)})
    if rules:
        print()
        print("findings by rule (whole-ledger check; draft: the draft's own findings)")
        cols = [RULE_ABBREV.get(k, k[:9]) for k in rules]
        head = f"{'run':<28} " + " ".join(f"{c:>9}" for c in cols)
        print(head)
        print("-" * len(head))
        for r in results:
            print(f"{r.backend + ' ' + f'{r.claims:,}':<28} " + " ".join(f"{r.findings.get(k, 0):>9,}" for k in rules))
            if r.draft_findings:
                print(f"{r.backend + ' draft':<28} " + " ".join(f"{r.draft_findings.get(k, 0):>9,}" for k in rules))
        print("rules: " + ", ".join(f"{RULE_ABBREV.get(k, k[:9])} = {k}" for k in rules))
    for r in results:
        for what, t in (("whole check", r.whole), ("draft first run", r.draft_first), ("draft", r.draft)):
            if t.failed:
                print(f"\n{r.backend} {r.claims:,} {what} failed: {t.failed}")


# ---------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench check", description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--claims", default="100000,1000000", help="comma-separated ledger sizes, in claims")
    ap.add_argument("--backends", default=None, help="comma-separated: sqlite, postgresql (default both)")
    ap.add_argument("--pg-url", default=os.environ.get("LEDGER_BENCH_POSTGRES_URL")
                    or os.environ.get("LEDGER_TEST_POSTGRES_URL") or DEFAULT_PG,
                    help="PostgreSQL server URL (a database of the run's own is created there)")
    ap.add_argument("--claims-per-doc", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3, help="whole-ledger check runs (best is shown)")
    ap.add_argument("--draft-repeat", type=int, default=7, help="draft check runs (median is shown)")
    ap.add_argument("--baseline-repeat", type=int, default=7)
    ap.add_argument("--draft-claims", type=int, default=0, help="ledger size for the draft check (default: largest)")
    ap.add_argument("--slow", type=float, default=30.0, help="one whole-ledger run when it takes longer (s)")
    ap.add_argument("--timeout", type=float, default=150.0, help="stop a run after this many seconds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (SQLite ledgers, reports)")
    ap.add_argument("--quick", action="store_true", help="a few hundred claims: a smoke test")
    args = ap.parse_args(argv)
    if args.quick:
        args.claims = "400"
        args.claims_per_doc = 20
        args.repeat = 1
        args.draft_repeat = 2
        args.baseline_repeat = 3
        if args.backends is None:
            args.backends = "sqlite,postgresql" if os.environ.get("LEDGER_TEST_POSTGRES_URL") else "sqlite"
    if args.backends is None:
        args.backends = "sqlite,postgresql"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = sorted({int(s.replace("_", "")) for s in args.claims.split(",") if s.strip()})
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    bad = set(backends) - {"sqlite", "postgresql"}
    if bad:
        raise SystemExit(f"unknown backend(s): {', '.join(sorted(bad))}")
    draft_size = args.draft_claims or max(sizes)
    if draft_size not in sizes:
        sizes = sorted({*sizes, draft_size})
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="ledger-bench-check-"))
    workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    try:
        log("[check] baselines")
        base = baselines(workdir, args.baseline_repeat)
        results: list[SizeResult] = []
        for backend in backends:
            results += run_backend(backend, sizes, args, workdir, draft_size)
        print_tables(results, base, args)
        print(f"\ntotal bench time {time.perf_counter() - t0:.0f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
