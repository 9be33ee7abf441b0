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
