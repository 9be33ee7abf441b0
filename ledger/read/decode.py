"""Input checks shared by every reader: size, permissions, binary content, UTF-8, emptiness.

Each failure is a :class:`~ledger.read.base.ReadError` with a one-line message naming the
problem.  The decoded text is kept exactly as in the file (CRLF line ends included); only a
UTF-8 byte order mark is dropped.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from .base import ReadError

DEFAULT_MAX_BYTES = 5_000_000
BINARY_SNIFF_BYTES = 8192

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def load_bytes(path: Path, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing missing, unreadable, over-large and binary files."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ReadError(shown, "no such file or directory") from None
    except PermissionError:
        raise ReadError(shown, "permission denied") from None
    except OSError as e:
        raise ReadError(shown, f"cannot read file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(shown, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(shown, "not a regular file")
    if st.st_size > max_bytes:
        raise ReadError(shown, _too_large(st.st_size, max_bytes))
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError:
        raise ReadError(shown, "permission denied") from None
    except OSError as e:
        raise ReadError(shown, f"cannot read file: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise ReadError(shown, f"file too large (over the limit of {max_bytes:,} bytes)")
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise ReadError(shown, f"file is {name} encoded; only UTF-8 is supported")
    nul = data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul != -1:
        raise ReadError(shown, f"binary file (NUL byte at offset {nul}); expected UTF-8 text")
    return data


def decode_utf8(data: bytes, shown: str) -> str:
    """Strict UTF-8 decoding (a leading BOM dropped); refuses invalid and empty text."""
    skip = 3 if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = e.start + skip
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise ReadError(
            shown,
            f"invalid UTF-8 at byte {offset} (line {line}, byte {column} of the line): "
            f"{e.reason} 0x{data[offset]:02x}",
        ) from None
    check_not_empty(text, shown)
    return text


def check_not_empty(text: str, shown: str) -> None:
    if not text:
        raise ReadError(shown, "empty file")
    if not text.strip():
        raise ReadError(shown, "file contains only whitespace")


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {limit:,})"
