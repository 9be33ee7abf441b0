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


# front matter: the libyaml fast path for simple `key: value` texts reads them exactly as the
# pure-Python parser does (same data, same key lines)
_PIECES = ["a", "b", "title", ":", ": ", " ", "\n", "  ", "-", "- ", "'", '"', "#", "[", "]", "{", "}",
           ",", "?", "&x", "*x", "!", "|", ">", "2023-05-30", "1", "0x1", "~", "null", "yes", "\\", "%",
           "@", "`", "é", "\u2028", "\x85", "...", "---", "\ufeff", "=", "<<", "\t", "key: ", "\nkey: ",
           "x", "’", "–"]


def _both(text: str) -> tuple[object, object]:
    from ledger.read.yamlutil import YamlProblem, _load, _load_simple

    fast = _load_simple(text)
    try:
        slow: object = _load(text, 1)
    except YamlProblem as e:
        slow = e
    return fast, slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_simple_front_matter_fast_path_agrees(text: str) -> None:
    from ledger.read.yamlutil import _SIMPLE

    if not _SIMPLE.fullmatch(text):
        return
    fast, slow = _both(text)
    assert fast is not None and not isinstance(slow, Exception)
    assert repr(fast[0]) == repr(slow[0])  # type: ignore[index]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(?:[a-z]{1,8}: (?:[A-Za-z0-9][A-Za-z0-9 .,/-]{0,20}[A-Za-z0-9]|'[a-z A-Z:#-]{0,10}')\n){1,4}",
                     fullmatch=True))
def test_generated_simple_front_matter_agrees(text: str) -> None:
    from ledger.read.yamlutil import _SIMPLE, load_yaml

    assert _SIMPLE.fullmatch(text)
    fast, slow = _both(text)
    assert fast is not None and repr(fast[0]) == repr(slow[0])  # type: ignore[index]
    data, lines = load_yaml(text, 3)
    assert repr(data) == repr(slow[0])  # type: ignore[index]
    assert all(v >= 3 for v in lines.values())


HTML_PARTS = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<a href='x'>", "</a>", "<br>", "&amp;", "&#65;", "&bogus;", "&",
    "<script>var a = '<p>';</script>", "<!-- ledger-ignore house-style -->", "<!-- c", "-->", "<", ">",
    "\n", "  ", "\u00a0", "Li Shangfu met Austin on Monday. ", "US Sec. of State Lloyd Austin spoke. ",
    "日本語。", "<h1>Headline</h1>", "<p class='x'", "<![CDATA[x]]>",
])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(HTML_PARTS, max_size=60), st.text(max_size=40))
def test_html_positions_never_fail_and_stay_in_the_page(parts: list[str], noise: str) -> None:
    """Whatever the markup, the map from extracted text to the page never raises, and every
    position it gives lies inside the page."""
    from ledger.model import Document, Span
    from ledger.read.htmlmap import SourceMap

    page = "<html><body><article>" + "".join(parts) + noise + "</article></body></html>"
    text = "Li Shangfu met Austin on Monday.\n\nUS Sec. of State Lloyd Austin spoke.\n\n" + noise
    where = SourceMap(page, text)
    doc = Document(path="p.html", text=text, origin=where.runs())
    lines = page.split("\n")
    for a in range(0, len(text), 7):
        span = Span.of(doc, a, min(len(text), a + 5))
        assert 1 <= span.line <= len(lines) and 1 <= span.column <= len(lines[span.line - 1]) + 2
