"""The reading stage: files and folders in, :class:`ledger.model.Document` records out.

::

    for item in read_paths(["seeds/articles"], exclude=["drafts/*"]):
        if isinstance(item, Skipped):
            report(item)         # "path: reason"; the run goes on
        else:
            handle(item)         # a Document

* :func:`discover` finds the documents (explicit files, folders walked in sorted order);
* :func:`read_file` reads one file into documents (a .jsonl file holds many) or raises
  :class:`ReadError`;
* :func:`read_paths` does both and never raises: every problem becomes a :class:`Skipped`.

Readers are registered by suffix in :mod:`.registry`; metadata precedence lives in :mod:`.meta`,
the section split in :mod:`.sections`, the page-furniture patterns in :mod:`.patterns`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ledger.model import Document

from .base import ReadError, Skipped, display_path
from .decode import DEFAULT_MAX_BYTES, load_bytes
from .meta import build_document
from .paths import discover
from .registry import READERS, SUPPORTED_SUFFIXES, reader_for

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "Skipped",
    "discover",
    "display_path",
    "read_file",
    "read_paths",
]


def read_file(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    problems: list[Skipped] | None = None,
) -> list[Document]:
    """The documents in one file.  Raises :class:`ReadError` for a file that cannot be read.

    Only a .jsonl file holds more than one document; a bad line in it is appended to
    ``problems`` (as a :class:`Skipped` named ``file:line``) when a list is given, and the good
    lines are still returned; without a list the first bad line raises.
    """
    path = Path(path)
    shown = display_path(path)
    reader = reader_for(path)
    if reader is None:
        raise ReadError(
            shown,
            f"unsupported file type {path.suffix or '(no suffix)'!r}; "
            f"expected {', '.join(SUPPORTED_SUFFIXES)}",
        )
    data = load_bytes(path, shown, max_bytes)
    documents: list[Document] = []
    for parsed in reader(path, shown, data, problems):
        try:
            documents.append(build_document(parsed))
        except ReadError as e:
            if problems is None or parsed.key is None:
                raise
            problems.append(Skipped(parsed.key, e.message))  # a .jsonl record, by its path
    return documents


def read_paths(
    paths: Sequence[str | Path],
    exclude: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | Skipped]:
    """:func:`discover` and :func:`read_file` together; never raises.  Yields each file's
    documents, then its skipped records (bad .jsonl lines), in discovery order."""
    for item in discover(paths, exclude):
        if isinstance(item, Skipped):
            yield item
            continue
        problems: list[Skipped] = []
        try:
            documents = read_file(item, max_bytes=max_bytes, problems=problems)
        except ReadError as e:
            yield Skipped(e.path, e.message)
            continue
        except Exception as e:  # a reader bug must not end the run: report the file instead
            yield Skipped(display_path(item), f"cannot read: {type(e).__name__}: {e}")
            continue
        yield from documents
        yield from problems
