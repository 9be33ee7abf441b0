"""Regular expressions compiled once per machine, not once per process.

``ledger check draft.md`` must answer in a fraction of a second, and compiling the ~250
patterns of the readers and extractors takes about a sixth of that on every start: Python keeps
compiled patterns only in memory.  :func:`compile` is ``re.compile`` with a cache on disk, as
``.pyc`` files are for modules: the first process keeps the compiled form of each pattern
(the code ``re`` hands to its C engine), and later processes give that code straight to the
engine, which checks it before use (invalid code is refused, never run).

The cache is one file per Python build in ``$XDG_CACHE_HOME/ledger`` (``~/.cache/ledger``),
written at exit, and only when a pattern was new.  Any trouble (another Python, no such
internals, an unwritable folder, a damaged file) means plain ``re.compile``.  Set
``LEDGER_NO_CACHE=1`` to compile every time.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# patterns kept at most; past this the file keeps only what the last process used
MAX_PATTERNS = 5000

_cache: dict[tuple[str, int], tuple[Any, ...]] | None = None
_used: set[tuple[str, int]] = set()
_dirty = False


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the on-disk cache where it holds the pattern."""
    global _dirty
    if not isinstance(pattern, str) or _engine() is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    cache = _load()
    _used.add(key)
    args = cache.get(key)
    if args is not None:
        try:
            return _engine().compile(pattern, *args)
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
            pass
    try:
        args = _compiled_args(pattern, int(flags))
        compiled = _engine().compile(pattern, *args)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals not as expected: the public way
        return re.compile(pattern, flags)
    cache[key] = args
    _dirty = True
    return compiled


def alternation(words: Iterable[str], space: str = r"[ \t\u00a0]+") -> str:
    """A pattern matching any of ``words`` (a space in one matches ``space``), shaped as a trie
    ("ab(?:c|d)" for "abc", "abd"): ``re`` tries the alternatives of a plain "abc|abd|..." one
    by one at every position of the text, this shape each letter once."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        ends = "" in node
        body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
        return body + ("?" if ends else "")

    return emit(trie)


def cache_path() -> Path | None:
    engine = _engine()
    if engine is None or os.environ.get("LEDGER_NO_CACHE"):
        return None
    import hashlib

    from ledger.cache import cache_dir

    build = f"{sys.version}|{sys.implementation.cache_tag}|{engine.MAGIC}|{engine.CODESIZE}|{engine.MAXGROUPS}"
    return cache_dir() / f"regex-{hashlib.sha1(build.encode()).hexdigest()[:16]}.marshal"


@functools.cache
def _engine() -> Any:
    """CPython's ``_sre`` when ``re`` has the internals this module relies on (3.11+)."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        return None
    return _sre if sys.implementation.name == "cpython" and hasattr(_sre, "compile") else None


def _compiled_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex, tuple(indexgroup))


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _cache
    if _cache is None:
        _cache = {}
        path = cache_path()
        if path is not None:
            import marshal

            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _cache = data
            except (OSError, ValueError, EOFError, TypeError):
                pass
            import atexit

            atexit.register(_save)
    return _cache


def _save() -> None:
    """Write the cache when this process compiled a pattern it did not hold (atomically: a
    concurrent process sees the old file or the new one)."""
    path = cache_path()
    if not _dirty or _cache is None or path is None:
        return
    import marshal

    from ledger.cache import write_atomic

    keep = _cache if len(_cache) <= MAX_PATTERNS else {k: v for k, v in _cache.items() if k in _used}
    try:
        write_atomic(path, marshal.dumps(keep))
    except (OSError, ValueError):
        pass
