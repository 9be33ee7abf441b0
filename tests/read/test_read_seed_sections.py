"""Section boundaries on the five real seed articles (read from a copy without sources.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger.read import read_file


def _doc(folder: Path, prefix: str):
    (path,) = folder.glob(f"{prefix}_*.txt")
    (doc,) = read_file(path)
    return doc


def _nonblank(doc, lines):
    text_lines = doc.text.split("\n")
    return [n for n in lines if text_lines[n - 1].strip()]


def test_all_seeds_tile(seeds_copy, tiles):
    for path in sorted(seeds_copy.glob("*.txt")):
        (doc,) = read_file(path)
        tiles(doc)


def test_000_body_then_comments(seeds_copy, kinds_of):
    doc = _doc(seeds_copy, "000")
    k = kinds_of(doc)
    assert k[1] == "body"
    assert k[3] == "furniture"  # the headline repeated
    for n in range(1, 26):
        assert k[n] in ("body", "furniture"), n
    for n in _nonblank(doc, range(5, 26)):
        assert k[n] == "body", n
    assert k[28] == "furniture"  # Notify of
    for n in (29, 30, 31):  # Newest Most Voted / Inline Feedbacks / View all comments
        assert k[n] == "furniture"
    for n in range(28, 79):
        assert k[n] in ("comments", "furniture"), n
    for n in (33, 36, 39, 43, 49, 53, 78):
        assert k[n] == "comments", n
    for n in (41, 58, 65, 72, 76):  # comment authors
        assert k[n] == "furniture", n
    assert max(n for n, kind in k.items() if kind == "body") <= 27


def test_001_leave_a_reply(seeds_copy, kinds_of):
    doc = _doc(seeds_copy, "001")
    k = kinds_of(doc)
    for n in _nonblank(doc, range(1, 32)):
        assert k[n] == ("furniture" if n == 3 else "body"), n  # 3: headline + comment count
    assert k[33] == "furniture"  # Leave a Reply
    assert k[35] == "furniture"  # Your email address will not be published...
    assert all(k[n] in ("comments", "furniture") for n in range(33, 36))


def test_002_opinion_sections(seeds_copy, kinds_of):
    doc = _doc(seeds_copy, "002")
    k = kinds_of(doc)
    for n in _nonblank(doc, range(1, 14)):
        assert k[n] == ("furniture" if n in (3, 5) else "body"), n  # 3 repeat, 5 Image credit
    for n in range(16, 29):  # Pro-China narrative ... Establishment split
        assert k[n] == "opinion", n
    assert k[32] == "furniture"  # Sign up to our newsletter!
    assert "body" not in {k[n] for n in range(16, 33)}


def test_003_forum_comments_after_nbsp_separator(seeds_copy, kinds_of):
    doc = _doc(seeds_copy, "003")
    k = kinds_of(doc)
    assert k[3] == "body"
    for n in (5, 7, 9):  # handle twice, headline repeated
        assert k[n] == "furniture", n
    for n in range(11, 28):
        if n in _nonblank(doc, [n]):
            assert k[n] == "body", n
    assert k[29] in ("furniture", "body")  # a related-story link before the separator
    for n in (31, 33, 35, 37, 44):  # the NBSP separators
        assert k[n] == "furniture", n
    for n in (32, 34, 36, 38, 40):
        assert k[n] == "comments", n
    assert k[43] == "furniture"  # 1694406968291.png
    for n in range(31, 46):
        assert k[n] in ("comments", "furniture"), n


def test_004_browser_warning_then_body(seeds_copy, kinds_of):
    doc = _doc(seeds_copy, "004")
    k = kinds_of(doc)
    assert k[1] == "furniture"
    for n in range(3, 58):
        assert k[n] == "body", n


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_titles_are_headlines(seeds_copy, prefix):
    doc = _doc(seeds_copy, prefix)
    expected = {
        "000": "China Rebuffs Pentagon Chief For Talks Due To Sanctions On Top General",
        "001": "China raises conditions for resuming military dialogue with the US",
        "002": "China Declines US Request for Defense Chiefs Meeting",
        "003": "US seeks meeting with China defense minister after being spurned",
        "004": "China rejects U.S. request for a meeting of the defense chiefs",
    }
    assert doc.title == expected[prefix]


def test_seed_dates_inferred_from_text(seeds_copy):
    assert _doc(seeds_copy, "002").published.isoformat() == "2023-05-30"
    assert _doc(seeds_copy, "002").date_method == "text: 'Last updated May 30, 2023'"
    # the byline date of the reposted story beats the forum's "date" stamp
    assert _doc(seeds_copy, "003").published.isoformat() == "2023-05-04"
    assert _doc(seeds_copy, "003").date_method == "text: 'May 4, 2023'"
    for prefix in ("000", "001", "004"):
        doc = _doc(seeds_copy, prefix)
        assert doc.published is None and doc.date_method is None
