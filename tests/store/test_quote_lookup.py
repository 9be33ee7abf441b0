"""Drafts find stored quotes through their shingle keys: the same claims however many keys
are asked for at once (the keys go in chunks), only current revisions, on both databases."""

from __future__ import annotations

import random
from pathlib import Path

from ledger import pipeline
from ledger.store.shingles import claim_keys
from ledger.store.view import SqlView


def test_quote_lookup_by_keys(engine, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    pipeline.load_kb(engine, [seeds / "kb"])
    pipeline.ingest(engine, [seeds / "articles"])
    view = SqlView(engine)
    try:
        _check(view)
    finally:
        view.close()  # a connection left open would keep PostgreSQL from dropping the schema


def _check(view: SqlView) -> None:
    quotes = view.claims("said")
    assert quotes
    _, one = quotes[0]
    keys = claim_keys(one)
    found = view.claims("said", quote_keys=keys)
    assert any(c.span.start == one.span.start and c.value == one.value for _, c in found)
    assert all(not claim_keys(c).isdisjoint(keys) for _, c in found)  # nothing unrelated
    # many keys at once (as many drafts would ask): the same claims, each once
    rnd = random.Random(1)
    noise = {rnd.getrandbits(62) - 2**61 for _ in range(12_000)}
    many = view.claims("said", quote_keys=keys | noise)
    ident = sorted((r.key, c.span.start) for r, c in many)
    assert ident == sorted((r.key, c.span.start) for r, c in found)
    assert len(ident) == len(set(ident))
    # every stored quote is found by its own keys
    every = {k for _, c in quotes for k in claim_keys(c)}
    assert sorted((r.key, c.span.start) for r, c in view.claims("said", quote_keys=every)) == \
        sorted((r.key, c.span.start) for r, c in quotes)
