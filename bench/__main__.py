"""Run benchmarks: ``python -m bench [NAME ...] [-- bench options]``.

``python -m bench`` runs every registered benchmark whose module exists; ``python -m bench
resolution --sizes 10000`` runs one with its own options (see ``python -m bench NAME -h``).
``--quick`` is passed to every benchmark run and makes it small enough for a smoke test.

A benchmark is a module with ``main(argv: list[str]) -> int`` that prints a table; register
it in ``BENCHMARKS``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

# name -> module; modules that do not exist (yet) are skipped when running everything
BENCHMARKS: dict[str, str] = {
    "resolution": "bench.resolution",
    "ingest": "bench.ingest",
    "check": "bench.check",
}


def available() -> dict[str, str]:
    return {n: m for n, m in BENCHMARKS.items() if importlib.util.find_spec(m) is not None}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the benchmarks; options after the name go to that benchmark.",
    )
    ap.add_argument("name", nargs="?", help=f"one of: {', '.join(BENCHMARKS)} (default: all)")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test")
    ap.add_argument("--list", action="store_true", help="list the available benchmarks")
    args, rest = ap.parse_known_args(argv)
    found = available()
    if args.list:
        for n, m in BENCHMARKS.items():
            print(f"{n:12} {m}{'' if n in found else '  (missing)'}")
        return 0
    if args.name is not None and args.name not in BENCHMARKS:
        ap.error(f"unknown benchmark {args.name!r}; known: {', '.join(BENCHMARKS)}")
    if args.name is not None and args.name not in found:
        ap.error(f"benchmark {args.name!r} has no module {BENCHMARKS[args.name]} yet")
    names = [args.name] if args.name else list(found)
    if args.name is None and rest:
        ap.error("benchmark options need a benchmark name: python -m bench NAME [options]")
    status = 0
    for n in names:
        mod = importlib.import_module(found[n])
        print(f"== {n} ==", flush=True)
        status = max(status, int(mod.main([*rest, *(["--quick"] if args.quick else [])]) or 0))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
