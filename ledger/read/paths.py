"""Finding documents: explicit files, folders walked recursively, exclusion globs."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from .base import Skipped, display_path
from .registry import SUPPORTED_SUFFIXES

SOURCES_FILE = "sources.yaml"
NOTHING_READABLE = "no readable documents ({})".format(", ".join(SUPPORTED_SUFFIXES))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _excluded(path: Path, exclude: Sequence[str]) -> bool:
    if not exclude:
        return False
    as_given = path.as_posix()
    return any(
        fnmatch.fnmatch(as_given, pattern) or fnmatch.fnmatch(path.name, pattern)
        for pattern in exclude
    )


def discover(paths: Sequence[str | Path], exclude: Sequence[str] = ()) -> Iterator[Path | Skipped]:
    """The documents under ``paths``, in order, each once; problems as :class:`Skipped`.

    A file is taken as given (an unsupported suffix is skipped with a notice; a ``sources.yaml``
    silently, it is metadata); a folder is walked recursively in sorted order for supported
    files, skipping hidden entries.  ``exclude`` globs match the path as given or its name.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if _excluded(path, exclude):
            continue
        if path.is_dir():
            found = excluded = 0
            for item in _walk(path, exclude, set()):
                if isinstance(item, Skipped):
                    yield item
                    continue
                if item is None:
                    excluded += 1
                    continue
                found += 1
                key = os.path.realpath(item)
                if key not in seen:
                    seen.add(key)
                    yield item
            if not found and not excluded:
                yield Skipped(display_path(path), NOTHING_READABLE)
        elif path.exists():
            if path.name == SOURCES_FILE:
                continue
            if not is_supported(path):
                yield Skipped(
                    display_path(path),
                    f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                    f"expected {', '.join(SUPPORTED_SUFFIXES)}",
                )
                continue
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path
        else:
            yield Skipped(display_path(path), "no such file or directory")


def _walk(
    folder: Path, exclude: Sequence[str], visiting: set[str]
) -> Iterator[Path | Skipped | None]:
    """Supported files under ``folder``; None for one an exclude glob removed."""
    real = os.path.realpath(folder)
    if real in visiting:  # a symlink loop
        return
    visiting = visiting | {real}
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        yield Skipped(display_path(folder), "permission denied")
        return
    except OSError as e:
        yield Skipped(display_path(folder), f"cannot list folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            if not _excluded(path, exclude):
                yield from _walk(path, exclude, visiting)
            continue
        if entry.name == SOURCES_FILE or not is_supported(path):
            continue
        yield None if _excluded(path, exclude) else path
