"""Quote shingles: the keys under which the ledger files each quotation, so that the quotes
sharing a stretch of words with a draft's are found by an index look-up, not by scanning.

A quote of at least ``SHINGLE`` words is filed under every run of ``SHINGLE`` consecutive
words of its normalized text; a shorter one under its whole text.  Two quotes that are equal,
or of which the shorter is a stretch of at least ``SHINGLE`` words of the longer, therefore
share a key: the look-up finds every quote ``quote-attribution`` can match when its
``min_words`` is at least ``SHINGLE`` (a superset: the rule compares the texts itself)."""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b

from ledger.model import Claim
from ledger.resolve.keys import name_like, unknown_key
from ledger.resolve.tokens import phrase_key

SHINGLE = 5


def quote_words(c: Claim) -> list[str]:
    """The normalized words of a quote claim (case, punctuation and quotation marks gone)."""
    return str(c.qualifiers.get("normalized") or phrase_key(c.value or "", expand=False)).split()


def quote_speaker(c: Claim) -> str | None:
    """Who a quote is given to: the KB entity, else the name as written (capitalized names
    only; "the official" or "she" are nobody in particular), else None."""
    if c.subject:
        return c.subject
    if c.subject_surface and c.qualifiers.get("speaker_text") and name_like(c.subject_surface):
        return unknown_key(phrase_key(c.subject_surface, expand=False))
    return None


def _key(words: Iterable[str]) -> int:
    digest = blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)  # fits a BIGINT column


def shingle_keys(words: list[str], n: int = SHINGLE) -> set[int]:
    """The keys a quote of these normalized words is filed under (none for no words)."""
    if not words:
        return set()
    if len(words) < n:
        return {_key(words)}
    return {_key(words[i : i + n]) for i in range(len(words) - n + 1)}


def claim_keys(c: Claim) -> set[int]:
    return shingle_keys(quote_words(c)) if c.predicate == "said" else set()
