"""The frames' prefilter: a pattern is tried on a sentence only when the sentence holds one of
the strings every match of the pattern holds.  Those strings are read off the compiled pattern,
so they must never miss a match: checked on generated patterns and on the shipped frames."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.extract.frames import load_frames, required_strings

ATOMS = ["a", "b", "ab", " ", "met", "in", "⟨", "⟩", ".", r"\s", r"\S+", "[ab]", "[Tt]", r"\d",
         "(?:a|b)", "(?:met|met with)", "x?", "(?:ab)?", "(?:a b){1,2}", "(?:a|)", "(?i:ab)", "a*",
         "b+", r"\b", "(?=a)", "(?!b)", "a{2}", "(?:a|b c)+", "[^a]", "(?:in|at) ", "(?:x|y|z)?w",
         "(?:t|)he"]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_required_strings_never_miss_a_match(data: st.DataObject) -> None:
    pattern = "".join(data.draw(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=6)))
    try:
        rx = re.compile(pattern)
    except re.error:
        return
    need = required_strings(rx)
    if need is None:
        return  # no prefilter: the pattern is always tried
    assert need and "" not in need
    for _ in range(3):
        text = data.draw(st.from_regex(rx))
        if rx.search(text):
            assert any(s in text for s in need), (pattern, text, need)


def test_known_requirements() -> None:
    assert required_strings(re.compile(r"⟨P⟩ (?:met|met with) ⟨P⟩")) == {" met "}
    assert required_strings(re.compile(r"sanctioned (?:in|since) ⟨T⟩")) == {"sanctioned in ", "sanctioned since "}
    assert required_strings(re.compile(r"(?i)met")) is None  # case-insensitive: no plain string
    assert required_strings(re.compile(r"\w+")) is None


PATTERNS = [(f.name, rx) for f in load_frames() for rx in f.patterns]


@pytest.mark.parametrize(("name", "rx"), PATTERNS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(PATTERNS)])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_shipped_frames_prefilter_soundly(name: str, rx: re.Pattern[str], data: st.DataObject) -> None:
    need = required_strings(rx)
    if need is None:
        return
    text = data.draw(st.from_regex(rx))
    if rx.search(text):
        assert any(s in text for s in need), (name, rx.pattern, text, need)
