"""Properties: reading never raises anything but ReadError; sections always tile the text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.read import ReadError, Skipped, read_file, read_paths
from ledger.read.sections import split_sections

LINES = st.sampled_from([
    "",
    "\u00a0",
    "   ",
    "---",
    "title: x",
    "published: 2023-05-30",
    "Notify of",
    "Leave a Reply",
    "12 Comments",
    "Pro-China narrative",
    "Establishment split",
    "Analysis",
    "## Our take",
    "Background",
    "Image credit: Someone",
    "Last updated May 30, 2023",
    "date 2023-05-06 What's new",
    "• May 4, 2023",
    "beijingwalker",
    "Ivan Freely",
    "1694406968291.png",
    "The Pentagon said on Monday that China had declined the invitation to meet.",
    "China Declines US Request for Defense Chiefs Meeting",
])  # fmt: skip

TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40).flatmap(
        lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda nl: nl.join(lines))
    ),
)


def _check_tiling(text, sections):
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start and a.kind != b.kind
    assert all(s.start < s.end for s in sections)
    assert {s.kind for s in sections} <= {"body", "opinion", "comments", "furniture"}


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sections_tile(text):
    if not text:
        assert split_sections(text) == []
        return
    _check_tiling(text, split_sections(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([".txt", ".md", ".jsonl"]))
def test_reading_raises_only_read_error(text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            documents = read_file(path, problems=[])
        except ReadError as e:
            assert e.path and e.message
            return
        for doc in documents:
            assert doc.text
            _check_tiling(doc.text, doc.sections)
            if suffix != ".jsonl":
                assert doc.text == text.removeprefix("\ufeff")
        # read_paths agrees and never raises
        items = list(read_paths([path]))
        assert len([i for i in items if not isinstance(i, Skipped)]) == len(documents)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_bytes(data)
        try:
            (doc,) = read_file(path)
        except ReadError:
            return
        _check_tiling(doc.text, doc.sections)
