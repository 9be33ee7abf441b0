"""Quote shingles: a quote shares a key with every stretch of it long enough to count as "a
substantial part", and with an equal quote; keys are stable across processes (a hash of the
words, not Python's salted ``hash``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger.model import Claim, Span
from ledger.store.shingles import SHINGLE, claim_keys, quote_speaker, quote_words, shingle_keys

words = st.lists(st.sampled_from("a snub to the united states designed it is was li".split()), max_size=30)


@given(words, st.data())
def test_a_stretch_shares_a_key_with_the_whole(ws: list[str], data: st.DataObject) -> None:
    if len(ws) < SHINGLE:
        assert len(shingle_keys(ws)) == (1 if ws else 0)  # a short quote: its whole text
        return
    i = data.draw(st.integers(0, len(ws) - SHINGLE))
    j = data.draw(st.integers(i + SHINGLE, len(ws)))
    assert shingle_keys(ws[i:j]) & shingle_keys(ws)
    assert shingle_keys(ws[i:j]) <= shingle_keys(ws)


def test_keys_are_fixed_64_bit_values() -> None:
    ks = shingle_keys("it is designed to be a snub".split())
    assert len(ks) == 3 and all(-(2**63) <= k < 2**63 for k in ks)
    # stored in ledgers: the value of a key must never change
    assert shingle_keys(["designed", "to", "be", "a", "snub"]) == {-4889100121500924530}


def test_only_quotes_are_filed_and_speakers_are_named() -> None:
    span = Span(0, 10, 1, 1, 1, 11)
    quote = Claim(span=span, subject=None, predicate="said", value="“It’s designed to be a snub,”",
                  subject_surface="Alexander Neill", qualifiers={"speaker_text": "Neill"})
    assert quote_words(quote) == ["it", "designed", "to", "be", "a", "snub"]
    assert claim_keys(quote) == shingle_keys(quote_words(quote))
    assert quote_speaker(quote) == "name:aleksander neil"  # romanizations folded (resolve.keys.roman_fold)
    assert quote_speaker(Claim(span=span, subject=None, predicate="said", value="x", subject_surface="she",
                               qualifiers={"speaker_text": "she"})) is None
    assert claim_keys(Claim(span=span, subject="p", predicate="holds_office", object="o")) == set()
