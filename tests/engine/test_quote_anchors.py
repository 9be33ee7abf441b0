"""The anchor words by which a draft's quotes find the stored quotes they may match: every
quote that equals a draft quote, or shares a stretch of ``min_words`` words with it, contains
all the words of one anchor group as written (so the substring query loses no match)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger.engine.kinds.quote_attribution import _anchors

WORDS = st.lists(st.sampled_from(["a", "to", "the", "snub", "united", "states", "designed", "be", "it", "x9"]),
                 min_size=1, max_size=30)


@given(WORDS, st.integers(2, 6), st.data())
def test_every_matching_quote_contains_an_anchor_group(words: list[str], n: int, data: st.DataObject) -> None:
    raw = " ".join(words)
    groups = _anchors(words, raw, n)
    assert groups is not None  # plain ASCII words always have anchors
    if len(words) < n:
        other = words  # short quotes match only whole
    else:
        k = data.draw(st.integers(n, len(words)))
        i = data.draw(st.integers(0, len(words) - k))
        other = words[i : i + k]
    other_raw = "“" + " ".join(w.upper() for w in other) + ",”"
    assert any(all(w in other_raw.lower() for w in g) for g in groups)


def test_anchor_groups() -> None:
    # the three most selective plain words of each stretch of n words
    assert _anchors(["we", "will", "not", "meet", "them"], "we will not meet them", 4) == {
        ("meet", "will", "not"), ("meet", "will", "them")}
    # a short quote matches only whole: one group
    assert _anchors(["no", "comment"], "no comment", 5) == {("comment", "no")}


def test_words_written_otherwise_are_no_anchors() -> None:
    # "dont" is not written so in the quote, "defence" may be spelt "defense" elsewhere: they
    # are never anchors; when a stretch holds only such words, there are no anchors
    assert _anchors(["dont", "know", "defence", "plans"], "don't know defence plans", 2) == {("know",), ("plans",)}
    assert _anchors(["dont", "defence", "no"], "don't defence no", 2) is None


def _stretch_of(short: list[str], long_: list[str]) -> bool:
    k = len(short)
    return any(long_[i : i + k] == short for i in range(len(long_) - k + 1))


@given(WORDS, WORDS, st.integers(2, 6))
def test_same_quote_is_equality_or_a_long_enough_stretch(a: list[str], b: list[str], n: int) -> None:
    """The substring test on joined words decides as the word-by-word definition does
    ("to be" is not a stretch of "to bee", nor "a b" of "xa b")."""
    from ledger.engine.kinds.quote_attribution import _same_quote

    ta, tb = tuple(a), tuple(b)
    joined = {t: f" {' '.join(t)} " for t in (ta, tb)}
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    expected = a == b or (len(short) >= n and _stretch_of(short, long_))
    assert _same_quote(ta, tb, n, joined) == _same_quote(tb, ta, n, joined) == expected
    # a prefix of a word is not the word
    assert not _same_quote(("designe", "to", "be", "a", "snub"), ("designed", "to", "be", "a", "snub", "x9"), 5,
                           {("designe", "to", "be", "a", "snub"): " designe to be a snub ",
                            ("designed", "to", "be", "a", "snub", "x9"): " designed to be a snub x9 "})


@given(st.lists(WORDS, min_size=1, max_size=12, unique_by=tuple), st.integers(2, 6), st.data())
def test_matches_finds_every_matching_pair(texts: list[list[str]], n: int, data: st.DataObject) -> None:
    """The opening look-up finds exactly the pairs that the pairwise definition matches
    (texts sharing a common stretch that is neither one's opening, or shorter than
    ``min_words``, are not matched)."""
    from ledger.engine.kinds.quote_attribution import _matches, _same_quote

    order = [tuple(t) for t in texts]
    # some stretches of the others, so that matches are common
    for t in list(order):
        if len(t) > n and data.draw(st.booleans()):
            i = data.draw(st.integers(0, len(t) - n))
            part = t[i : i + data.draw(st.integers(n, len(t) - i))]
            if part not in order:
                order.append(part)
    joined = {t: f" {' '.join(t)} " for t in order}
    expected = {i: {j for j in range(len(order)) if j != i
                    and _same_quote(order[i], order[j], n, joined)} for i in range(len(order))}
    found = _matches(order, n, joined)
    assert {i: found.get(i, set()) for i in range(len(order))} == expected
