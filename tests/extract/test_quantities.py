"""Quantities: each construction, what must not count as a quantity, the seed articles, and
properties (never raises, spans exact, LF == CRLF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.extract.quantities import Quantity, find_quantities

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"

# (construction, text, expected span text, value, low, high, unit, approx, noun)
CASES = [
    # digits
    ("digits with thousands separator", "About 1,200 people attended.", "About 1,200 people",
     1200, 1140, 1260, "person", "about", "person"),
    ("decimal", "A 3.5 km walk.", "3.5 km", 3.5, 3.5, 3.5, "kilometer", None, "kilometer"),
    ("a British spelling", "12 kilometres deep", "12 kilometres", 12, 12, 12, "kilometer", None, "kilometer"),
    ("an abbreviated area", "1,000 sq km of it", "1,000 sq km", 1000, 1000, 1000, "square kilometer", None,
     "square kilometer"),
    ("plain count", "Two countries signed.", "Two countries", 2, 2, 2, "country", None,
     "country"),
    ("count before a model name", "He bought 10 Su-35 fighters.", "10 Su-35 fighters", 10, 10,
     10, "su-35 fighter", None, "su-35 fighter"),
    ("plural model name", "up to 24 Su-35s were sold", "up to 24 Su-35s", 24, None, 24, "su-35",
     "up to", "su-35"),
    ("determiner before count", "the two sides met", "two sides", 2, 2, 2, "side", None, "side"),
    ("adjective dropped", "the two military chiefs meet", "two military chiefs", 2, 2, 2,
     "chief", None, "chief"),
    ("noun modifier kept", "the two defense ministers met", "two defense ministers", 2, 2, 2,
     "defense minister", None, "defense minister"),
    ("demonym dropped", "three Chinese warships sailed", "three Chinese warships", 3, 3, 3,
     "warship", None, "warship"),
    ("-ies plural", "two militaries", "two militaries", 2, 2, 2, "military", None, "military"),
    ("-ses plural", "2 nato bases in the Philippines", "2 nato bases", 2, 2, 2, "nato base", None,
     "nato base"),
    ("irregular plural", "Some 200 people came.", "Some 200 people", 200, 180, 220, "person",
     "some", "person"),
    ("possessive plural head", "the two countries’ defense ministers", "two countries", 2, 2, 2,
     "country", None, "country"),
    ("singular after one", "one senior official said", "one senior official", 1, 1, 1,
     "official", None, "official"),
    # number words
    ("word: ten", "ten ships sailed", "ten ships", 10, 10, 10, "ship", None, "ship"),
    ("word: compound", "Twenty-five ministers came.", "Twenty-five ministers", 25, 25, 25,
     "minister", None, "minister"),
    ("word: with scale", "two hundred delegates", "two hundred delegates", 200, 200, 200,
     "delegate", None, "delegate"),
    ("digits with scale", "1.2 million residents fled", "1.2 million residents", 1.2e6, 1.2e6,
     1.2e6, "resident", None, "resident"),
    ("a dozen", "a dozen ships", "a dozen ships", 12, 12, 12, "ship", None, "ship"),
    ("more than a dozen", "more than a dozen requests for meetings",
     "more than a dozen requests", 12, 13, None, "request", "more than", "request"),
    ("half a dozen", "Half a dozen drones", "Half a dozen drones", 6, 6, 6, "drone", None,
     "drone"),
    ("two dozen", "two dozen eggs", "two dozen eggs", 24, 24, 24, "egg", None, "egg"),
    ("dozens of", "Dozens of protesters gathered.", "Dozens of protesters", 24, 24, None,
     "protester", None, "protester"),
    ("hundreds of", "hundreds of police", "hundreds of police", 200, 200, None, "police", None,
     "police"),
    ("tens of thousands of", "tens of thousands of troops massed",
     "tens of thousands of troops", 20000, 20000, None, "troop", None, "troop"),
    ("a couple of", "A couple of officials spoke.", "A couple of officials", 2, 2, 3,
     "official", None, "official"),
    ("several", "several diplomats left", "several diplomats", 3, 3, None, "diplomat", None,
     "diplomat"),
    ("scale and word", "a hundred and fifty people", "a hundred and fifty people", 150, 150,
     150, "person", None, "person"),
    ("two numbers joined by and", "10 and 20 people", "20 people", 20, 20, 20, "person", None,
     "person"),
    # percentages
    ("percent sign with noun", "There's an 18% chance of war.", "18% chance", 18, 18, 18,
     "percent", None, "chance"),
    ("percent word", "Growth was 3.5 percent last year.", "3.5 percent", 3.5, 3.5, 3.5,
     "percent", None, ""),
    ("percent with marker", "Under 10% of voters agreed.", "Under 10%", 10, None, 10, "percent",
     "under", ""),
    ("percentage points", "up 2 percentage points", "2 percentage points", 2, 2, 2,
     "percentage point", None, ""),
    # approximation markers
    ("about", "About 100 troops", "About 100 troops", 100, 90, 110, "troop", "about", "troop"),
    # (5% of a number not round: "about 560" is not "about 650")
    ("about, not round", "About 560 troops", "About 560 troops", 560, 532, 588, "troop", "about", "troop"),
    ("nearly", "Nearly 100 soldiers", "Nearly 100 soldiers", 100, 90, 100, "soldier", "nearly",
     "soldier"),
    ("at least", "at least 5 tanks", "at least 5 tanks", 5, 5, None, "tank", "at least", "tank"),
    ("over", "Over 2,000 protesters", "Over 2,000 protesters", 2000, 2001, None, "protester",
     "over", "protester"),
    ("fewer than", "fewer than 10 ships", "fewer than 10 ships", 10, None, 9, "ship",
     "fewer than", "ship"),
    ("up to", "up to 24 jets", "up to 24 jets", 24, None, 24, "jet", "up to", "jet"),
    # ranges
    ("between and", "Between 10 and 20 people", "Between 10 and 20 people", 10, 10, 20,
     "person", None, "person"),
    ("dash range", "10-20 drones", "10-20 drones", 10, 10, 20, "drone", None, "drone"),
    ("from to", "from 5 to 7 ships", "from 5 to 7 ships", 5, 5, 7, "ship", None, "ship"),
    # a verb that puts the number below the count
    ("rose past", "the death toll rose past 7,000.", "past 7,000", 7000, 7001, None, "", "more than", ""),
    ("a toll passed", "The death toll passed 33,000 on Sunday.", "33,000", 33000, 33001, None, "", "more than", ""),
    ("passed of no total", "He passed 3 exams.", "3 exams", 3, 3, 3, "exam", None, "exam"),
    # money
    ("dollars with scale", "The US pledged $10 billion in aid.", "$10 billion", 1e10, 1e10,
     1e10, "dollar", None, ""),
    ("euro", "€5 million for refugees", "€5 million", 5e6, 5e6, 5e6, "euro", None, ""),
    ("abbreviated scale", "US$3bn more", "US$3bn", 3e9, 3e9, 3e9, "dollar", None, ""),
    ("a range with its unit twice", "took between 58.3% and 60.7% of the vote", "58.3% and 60.7%", 58.3, 58.3, 60.7,
     "percent", None, ""),
    ("a currency sign after from", "grew from $3 billion", "$3 billion", 3e9, 3e9, 3e9, "dollar", None, ""),
    ("a peso's P", "paid P650 million to aides", "P650 million", 650e6, 650e6, 650e6, "peso", None, ""),
    ("a peso sign", "spent ₱612.5 million", "₱612.5 million", 612.5e6, 612.5e6, 612.5e6, "peso", None, ""),
    ("another dollar", "revenue of NT$325.26bn", "NT$325.26bn", 325.26e9, 325.26e9, 325.26e9, "new taiwan dollar",
     None, ""),
    ("another dollar, one letter", "a deficit of C$66.9bn", "C$66.9bn", 66.9e9, 66.9e9, 66.9e9, "canadian dollar",
     None, ""),
    ("a rupee sign and lakh", "an ex gratia of ₹10 lakh each", "₹10 lakh", 1e6, 1e6, 1e6, "rupee", None, ""),
    ("a rupee sign and crore", "set aside ₹5 crore for", "₹5 crore", 5e7, 5e7, 5e7, "rupee", None, ""),
    # compounds
    ("hyphen compound", "A 10-year plan.", "10-year", 10, 10, 10, "year", None, "year"),
    ("count that looks like a year", "They sent 2000 troops.", "2000 troops", 2000, 2000, 2000,
     "troop", None, "troop"),
    ("a line break inside the paragraph", "The LDP alone won 191\nseats.", "191\nseats", 191, 191, 191,
     "seat", None, "seat"),
    ("a paragraph ends after the number", "They counted 12\n\nships later.", "12", 12, 12, 12, "", None, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    "construction,text,span,value,low,high,unit,approx,noun", CASES, ids=[c[0] for c in CASES]
)
def test_construction(construction, text, span, value, low, high, unit, approx, noun):
    found = find_quantities(text)
    hits = [q for q in found if q.text == span]
    assert hits, f"{construction}: {span!r} not in {[q.text for q in found]}"
    q = hits[0]
    assert (q.value, q.low, q.high, q.unit, q.approx, q.noun) == (
        pytest.approx(value),
        None if low is None else pytest.approx(low),
        None if high is None else pytest.approx(high),
        unit,
        approx,
        noun,
    )
    assert text[q.start : q.end] == q.text


# (construction, text): no quantity at all
NOTHING = [
    ("year", "He was sanctioned in 2018."),
    ("since year", "Beijing has declined since 2021."),
    ("bare year", "the earliest is 2028 regardless"),
    ("year range", "Sanctions lasted 2018-2020."),
    ("month day", "Blinken confirmed on June 19."),
    ("full date", "Last updated May 30, 2023"),
    ("day month", "It was signed on 30 May 2023."),
    ("ISO date", "date 2023-05-06 What's new"),
    ("years ago", "He left two years ago."),
    ("model with hyphen", "advanced S-400 air defense missile systems"),
    ("model alone", "the Su-35 is a fighter"),
    ("fighter jet model", "F-16 jets flew"),
    ("summit name", "At the recent G7 summit."),
    ("browser version", "IE 11 is not supported."),
    ("label", "Article 5 applies."),
    ("product version", "It runs Windows 10."),
    ("aircraft model after a determiner", "the grounding of its 737 Max jets"),
    ("ordinal word", "the first time"),
    ("ordinal digits", "the 2nd round"),
    ("clock time", "They met at 10:30 in Beijing."),
    ("clock time am", "They met at 9 a.m. in Beijing."),
    ("file name", "1694406968291.png"),
    ("version number", "version 2.1.3 is out"),
    ("superlative after count", "the world’s two largest economies struggle"),
    ("pronoun one", "One of the few settings."),
    ("idiom one", "On the one hand, no one came."),
    ("score", "They won 3-1."),
    ("score with en dash", "They won 3–1."),
    ("day range with en dash", "The summit ran June 2–4."),
    ("years between", "between 2018 and 2020"),
    ("words containing number words", "someone often phones; tension is attentive"),
]  # fmt: skip


@pytest.mark.parametrize("construction,text", NOTHING, ids=[c[0] for c in NOTHING])
def test_no_quantity(construction, text):
    assert find_quantities(text) == []


def test_start_end_window():
    text = "Two countries signed. Ten ships sailed."
    cut = text.index("Ten")
    assert [q.text for q in find_quantities(text, 0, cut)] == ["Two countries"]
    (q,) = find_quantities(text, cut)
    assert (q.text, q.start) == ("Ten ships", cut)


def test_sentence_windows_agree_with_the_whole_text():
    for prefix in sorted(SEED_EXPECTED):
        text = _seed(prefix)
        whole = [(q.start, q.end, q.value, q.unit) for q in find_quantities(text)]
        parts = []
        for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
            found = find_quantities(text, m.start(), m.end())
            parts += [(q.start, q.end, q.value, q.unit) for q in found]
        assert parts == whole, prefix


# ---------------------------------------------------------------------------------------------
# Seeds

SEED_EXPECTED = {
    "000": [("two military chiefs", 2, "chief"), ("2 nato bases", 2, "nato base")],
    "001": [
        ("10 Su-35 fighters", 10, "su-35 fighter"),
        ("two sides", 2, "side"),
        ("two countries", 2, "country"),
        ("two Defense Ministers", 2, "defense minister"),
    ],
    "002": [("18% chance", 18, "percent"), ("two defense ministers", 2, "defense minister")],
    "003": [("two sides", 2, "side")],
    "004": [
        ("more than a dozen requests", 12, "request"),
        ("two stopovers", 2, "stopover"),
        ("two countries", 2, "country"),
        ("two militaries", 2, "military"),
    ],
}
NEVER = ("2018", "2021", "2022", "2023", "2024", "2028", "2035", "S-400", "G7", "IE 11",
         "1694406968291", "largest", "May 4", "June 19", "May 30")  # fmt: skip


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed(prefix):
    found = find_quantities(_seed(prefix))
    got = {(q.text, q.value, q.unit) for q in found}
    for want in SEED_EXPECTED[prefix]:
        assert want in got, f"{prefix}: {want} not in {sorted(got, key=str)}"
    for q in found:
        assert not any(bad in q.text for bad in NEVER), q


# ---------------------------------------------------------------------------------------------
# Properties

TOKENS = st.sampled_from([
    " ", " ", " ", "\n", "\r\n", ",", ".", "-", "–", "/", "'s", "’", "%", "$", "€", "US$",
    "more than", "about", "at least", "up to", "between", "and", "from", "to", "nearly", "some",
    "a", "one", "two", "ten", "twenty", "-five", "hundred", "million", "dozen", "dozens of",
    "a couple of", "several", "half a", "0", "1", "2", "10", "18", "1,200", "3.5", "2018",
    "2000", "bn", "percent", "fighters", "Su-35", "S-400", "G7", "IE", "largest", "countries",
    "people", "the", "of", "May", "June", "since", "ago", "years", "a.m.", ":30", ".png",
])  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(TOKENS, max_size=30).map("".join))


def _check(text: str, found: list[Quantity]) -> None:
    last = -1
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last
        last = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        assert q.unit == q.unit.lower()


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_are_exact(text):
    _check(text, find_quantities(text))


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(-5, 200), st.integers(-5, 200))
def test_window_spans_stay_inside(text, a, b):
    found = find_quantities(text, a, b)
    _check(text, found)
    lo, hi = max(0, a), min(len(text), b)
    assert all(lo <= q.start and q.end <= hi for q in found)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_lf_and_crlf_agree(text):
    lf = text.replace("\r", "")
    crlf = lf.replace("\n", "\r\n")
    a = find_quantities(lf)
    b = find_quantities(crlf)
    _check(crlf, b)
    assert [(q.text, q.value, q.low, q.high, q.unit, q.approx, q.noun) for q in a] == [
        (q.text.replace("\r\n", "\n"), q.value, q.low, q.high, q.unit, q.approx, q.noun) for q in b
    ]


@pytest.mark.parametrize(("text", "found"), [
    ("Leaders of the Group of Seven rich democracies met.", []),
    ("The Big Four banks met. Seven people died.", [7.0]),
    ("He said: Three ships sank.", [3.0]),
])
def test_a_capitalized_number_word_inside_a_sentence_is_a_name(text: str, found: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == found


def test_a_scaled_decimal_carries_no_float_noise():
    # 66.9 * 1e9 is 66900000000.00001 in floating point: the claim's value must read 66900000000
    (q,) = find_quantities("It showed a deficit of C$66.9 billion.")
    assert q.value == 66900000000.0 and q.value.is_integer()
