"""Helpers for the reading-stage tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ledger.model import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def line_kinds(doc: Document) -> dict[int, str]:
    """The section kind of every 1-based line of ``doc``."""
    kinds: dict[int, str] = {}
    for s in doc.sections:
        first = doc.position(s.start)[0]
        last = doc.position(s.end - 1)[0]
        for line in range(first, last + 1):
            assert line not in kinds, f"line {line} split between sections"
            kinds[line] = s.kind
    return kinds


def assert_tiles(doc: Document) -> None:
    assert doc.sections, "no sections"
    assert doc.sections[0].start == 0
    assert doc.sections[-1].end == len(doc.text)
    for a, b in zip(doc.sections, doc.sections[1:], strict=False):
        assert a.end == b.start
        assert a.kind != b.kind
    for s in doc.sections:
        assert s.start < s.end
        assert s.kind in ("body", "opinion", "comments", "furniture")


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """The seed articles copied to a folder without a sources.yaml."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(f, folder / f.name)
    return folder


@pytest.fixture
def kinds_of() -> Callable[[Document], dict[int, str]]:
    return line_kinds


@pytest.fixture
def tiles() -> Callable[[Document], None]:
    return assert_tiles
