from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.resolve.tokens import phrase_key, tokenize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "US"),  # initialism with periods
        ("Sec. of State", "Secretary of State"),  # abbreviation expanded
        ("Defence Minister", "Defense Minister"),  # British spelling
        ("Lý Thượng Phúc", "Ly Thuong Phuc"),  # diacritics folded
        ("People’s Liberation Army", "People's Liberation Army"),  # curly apostrophe
        ("Li Shang-fu", "Li Shang fu"),  # hyphen splits syllables
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert phrase_key(a) == phrase_key(b)


def test_possessive_is_not_part_of_the_name() -> None:
    toks = tokenize("China’s Defense Minister")
    assert toks[0].text == "China" and toks[0].possessive
    assert toks[0].end == 5


@given(st.text())
def test_tokens_lie_inside_the_text_and_cover_their_surface(text: str) -> None:
    for t in tokenize(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@given(st.text())
def test_phrase_key_is_idempotent(text: str) -> None:
    k = phrase_key(text)
    assert phrase_key(k) == k


def test_an_apostrophe_s_opening_the_window_is_no_possessive() -> None:
    # the text before the window is not the word's: "Li's" read from "'s" on
    toks = tokenize("Li's turn", 2)
    assert [(t.text, t.possessive) for t in toks] == [("s", False), ("turn", False)]
    assert [(t.text, t.possessive) for t in tokenize("Li's turn")] == [("Li", True), ("turn", False)]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_tokenizes_as_it_would_beside_other_scripts(text: str) -> None:
    # ASCII text takes a shorter path (only words with an apostrophe need folding); the same
    # words beside a non-ASCII one go the general way and must come out the same
    mixed = tokenize(text + " é")
    assert tokenize(text) == mixed[: len(mixed) - 1]
