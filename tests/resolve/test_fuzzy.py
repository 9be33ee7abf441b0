"""Tests for ledger.resolve.fuzzy: near-miss matching of names with blocking."""

from __future__ import annotations

import pickle
import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.resolve.fuzzy import FuzzyIndex, Hit, fold_key
from ledger.resolve.tokens import phrase_key
from ledger.resolve.translit import derive_forms

PERSONS = {
    "lloyd-austin": ["Lloyd Austin"],
    "antony-blinken": ["Antony Blinken"],
    "li-shangfu": ["Li Shangfu", *(f.text for f in derive_forms("李尚福"))],
    "sergei-lavrov": [f.text for f in derive_forms("Сергей Викторович Лавров")],
    "john-q-public": ["John Q. Public"],
    "john-smyth-jones": ["John Smyth Jones"],
    "erik-smith": ["Erik Smith"],
    "eric-jones": ["Eric Jones"],  # makes "Eric" a name the KB knows
    "jon-hale": ["Jon Hale"],
    "jan-hale": ["Jan Hale"],
    "vuong-tieu-minh": ["Vuong Tieu Minh"],
    "lee-jae-myung": ["Lee Jae-myung"],
}
PLACES = {"lloyd-austen-park": ["Lloyd Austen Park"]}


@pytest.fixture(scope="module")
def ix() -> FuzzyIndex:
    index = FuzzyIndex()
    for kind, table in (("person", PERSONS), ("place", PLACES)):
        for entity, forms in table.items():
            for form in forms:
                index.add(form, entity, kind)
    index.build()
    return index


def entity(ix: FuzzyIndex, surface: str, kind: str | None = None) -> str | None:
    hit = ix.best(surface, kind)
    return hit.entity if hit else None


# ------------------------------------------------------------------ near misses


@pytest.mark.parametrize(
    ("surface", "expected", "why"),
    [
        ("Llyod Austin", "lloyd-austin", "letters transposed"),
        ("Antony Blinkin", "antony-blinken", "one letter differs"),
        ("Li Shangfoo", "li-shangfu", "spelled as it sounds"),
        ("Lloyd Austn", "lloyd-austin", "a letter missing"),
        ("Lloyd Ausstin", "lloyd-austin", "an extra letter"),
        ("Lloyd Asutin", "lloyd-austin", "letters transposed"),
        ("Lloyd Astuin", "lloyd-austin", "a letter out of place"),
        ("Lee Jea-myung", "lee-jae-myung", "letters transposed"),  # a short syllable takes a swap
        ("Lee Jay-myung", None, ""),  # but no other slip  # "u" moved two places on
        ("Austin Lloyd", "lloyd-austin", "name order reversed"),
        ("Shangfu Li", "li-shangfu", "name order reversed"),
        ("Tieu Minh Vuong", "vuong-tieu-minh", "name order reversed"),
        ("Ly Thuong Phuk", "li-shangfu", "one letter differs"),  # a slip in a derived form
        ("Sergei Lavrof", "sergei-lavrov", "one letter differs"),
        ("John Public", "john-q-public", "no middle initial 'Q'"),
        ("John Quincy Public", "john-q-public", "middle initial 'Q'"),
        ("Wang Xiao Ming Li", None, ""),  # nothing of the kind
    ],
)
def test_near_misses(ix: FuzzyIndex, surface: str, expected: str | None, why: str) -> None:
    hit = ix.best(surface)
    assert (hit.entity if hit else None) == expected
    if hit is not None:
        assert why in hit.reason
        assert ix.cutoff <= hit.score < 1.0


def test_li_shangfoo_against_the_pinyin_form_alone() -> None:
    index = FuzzyIndex()
    index.add("Li Shangfu", "li-shangfu", "person")
    hit = index.best("Li Shangfoo")
    assert hit is not None and hit.entity == "li-shangfu"
    assert hit.reason == "near miss of 'Li Shangfu' (score 0.86: spelled as it sounds)"


def test_reason_names_the_form_and_the_score(ix: FuzzyIndex) -> None:
    hit = ix.best("Llyod Austin")
    assert hit == Hit(
        "lloyd-austin", "person", "Lloyd Austin", hit.score,
        f"near miss of 'Lloyd Austin' (score {hit.score:.2f}: letters transposed)",
    )
    assert 0.85 <= hit.score < 1.0


def test_a_form_as_written_scores_one(ix: FuzzyIndex) -> None:
    hit = ix.best("Lý Thượng Phúc")
    assert hit is not None and hit.entity == "li-shangfu" and hit.score == 1.0


@pytest.mark.parametrize(
    "surface",
    [
        "Lisa Austin",  # another given name, not a slip
        "Lloyd Austen-Smith Baker",  # two more tokens
        "Lloyd Baker",
        "John Smith",  # not "John Smyth Jones": one token short and another differs
        "John Smyth",
        "Eric Smith",  # Eric is a name the KB knows: someone else than Erik Smith
        "Vuong Minh",  # a syllable of the given name is not a middle name
        "Lloyd J. Austin",  # a middle initial the KB does not confirm
        "L. Austin",  # an initial for the given name: a short form
        "Llyod Austen",  # two slips
        "Lloyd Ausnit",  # two letters moved ("Austin"'s letters, but no one slip)
        "John R. Public",  # another middle initial
    ],
)
def test_names_not_in_the_kb_stay_unresolved(ix: FuzzyIndex, surface: str) -> None:
    assert ix.best(surface) is None


@pytest.mark.parametrize("surface", ["Austin", "Llyod", "Blinkin", "Shangfoo", "  austin  "])
def test_single_tokens_are_never_fuzzy_matched(ix: FuzzyIndex, surface: str) -> None:
    assert ix.best(surface) is None
    assert ix.candidates(surface) == []


def test_a_slip_that_is_unknown_to_the_kb_is_accepted(ix: FuzzyIndex) -> None:
    assert entity(ix, "Eriq Smith") == "erik-smith"


def test_a_middle_name_of_another_makes_no_slip_a_name() -> None:
    # "Arianne" is Simone Biles's middle name, no one's given name: "Arianne Titmus" is a slip
    fz = FuzzyIndex()
    fz.add("Simone Arianne Biles", "biles", "person")
    fz.add("Ariarne Titmus", "titmus", "person")
    hit = fz.best("Arianne Titmus")
    assert hit is not None and hit.entity == "titmus"


def test_two_entities_as_near_is_ambiguous(ix: FuzzyIndex) -> None:
    assert ix.best("Jen Hale") is None  # "Jon" or "Jan"; and 3-letter tokens take no slip
    index = FuzzyIndex()
    index.add("Jonah Hale", "jonah", "person")
    index.add("Jonas Hale", "jonas", "person")
    assert index.best("Jonax Hale") is None
    assert {h.entity for h in index.candidates("Jonax Hale")} == {"jonah", "jonas"}
    index.add("Martin Hale", "martin", "person")
    assert entity(index, "Matrin Hale") == "martin"


def test_kind_filter(ix: FuzzyIndex) -> None:
    assert entity(ix, "Lloyd Austen Parc") == "lloyd-austen-park"
    assert entity(ix, "Lloyd Austen Parc", kind="place") == "lloyd-austen-park"
    assert entity(ix, "Lloyd Austen Parc", kind="person") is None
    assert entity(ix, "Llyod Austin", kind="person") == "lloyd-austin"
    assert entity(ix, "Llyod Austin", kind="place") is None
    assert entity(ix, "Llyod Austin", kind="office") is None  # a kind the index never saw
    hit = ix.best("Lloyd Austen Parc", kind="place")
    assert hit is not None and hit.kind == "place"


def test_candidates_explain_near_and_below_cutoff(ix: FuzzyIndex) -> None:
    hits = ix.candidates("Llyod Austin")
    assert [h.entity for h in hits] == ["lloyd-austin"]
    assert ix.candidates("Llyod Austin", limit=0) == []
    index = FuzzyIndex(cutoff=0.99)
    index.add("Lloyd Austin", "lloyd-austin", "person")
    assert index.best("Llyod Austin") is None
    (hit,) = index.candidates("Llyod Austin")
    assert hit.entity == "lloyd-austin" and "below the 0.99 cutoff" in hit.reason


def test_the_same_form_twice_is_indexed_once() -> None:
    index = FuzzyIndex()
    for _ in range(3):
        index.add("Lloyd Austin", "lloyd-austin", "person")
        index.add("LLOYD  AUSTIN", "lloyd-austin", "person")
    index.add("Lloyd Austin", "someone-else", "person")
    assert len(index) == 2
    assert index.best("Llyod Austin") is None  # two entities share the name


def test_pickled_index_answers_the_same(ix: FuzzyIndex) -> None:
    copy = pickle.loads(pickle.dumps(ix))
    for q in ("Llyod Austin", "Li Shangfoo", "Austin Lloyd", "Lisa Austin"):
        assert copy.best(q) == ix.best(q)


# ------------------------------------------------------------------- block cap


def _slip(token: str, r: random.Random) -> str:
    i = r.randrange(1, len(token) - 1)
    op = r.choice("tdis")
    if op == "t":
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    if op == "d":
        return token[:i] + token[i + 1 :]
    if op == "i":
        return token[:i] + "x" + token[i:]
    return token[:i] + ("q" if token[i] != "q" else "z") + token[i + 1 :]


def _slipped(ix: FuzzyIndex, names: list[str]) -> tuple[float, float]:
    """(right, wrong) over one slip in the longest token of every name."""
    r = random.Random(7)
    right = wrong = 0
    for i, n in enumerate(names):
        toks = fold_key(n).split()
        j = max(range(len(toks)), key=lambda k: len(toks[k]))
        toks[j] = _slip(toks[j], r)
        got = entity(ix, " ".join(toks))
        right += got == f"e{i}"
        wrong += got not in (None, f"e{i}")
    return right / len(names), wrong / len(names)


def test_block_cap_keeps_accuracy_and_bounds_the_work() -> None:
    """A KB where one surname (Smith, and Smyth, Smithe, Smit, Schmidt) goes with 120 given
    names, and John and Mary Smith come with every middle initial.  No block is keyed by the
    surname alone, so it makes no huge block: the largest are "@john smith" and "@mary
    smith" (26 middle initials each), then 5 ("Brian Smith" ~ "Bryan Smyth" spelled alike).
    Capped at 2 forms, every block shared by 3 or more is dropped; slips are still found
    through their other deletion keys, and no query checks more than 2 forms per key."""
    from bench.names import WESTERN_GIVEN
    from ledger.resolve.fuzzy import _query_block_keys

    names = [f"{g} {s}" for g in WESTERN_GIVEN[:120]
             for s in ("Smith", "Smyth", "Smithe", "Smit", "Schmidt")]
    names += [f"{g} {chr(65 + i)}. Smith" for g in ("John", "Mary") for i in range(26)]
    full, capped = FuzzyIndex(), FuzzyIndex(max_block=2)
    for i, n in enumerate(names):
        full.add(n, f"e{i}", "person")
        capped.add(n, f"e{i}", "person")
    sizes = [len(v) for v in full._blocks.values() if type(v) is list]
    assert sorted(sizes)[-2:] == [26, 26] and sorted(sizes)[-3] <= 5  # "@john smith", "@mary smith"
    assert full.stats()["dropped_blocks"] == 0 and capped.stats()["dropped_blocks"] > 50
    full_right, full_wrong = _slipped(full, names)
    capped_right, capped_wrong = _slipped(capped, names)
    assert full_right >= 0.95 and full_wrong <= 0.01
    assert capped_right >= 0.92 and capped_right >= full_right - 0.04 and capped_wrong <= 0.01
    for n in names[:200]:
        key = fold_key(n + "x")
        assert len(capped._candidate_ids(key, key.split())) <= 2 * len(
            _query_block_keys(key, key.split())
        )
    assert entity(capped, "John A. Smith") == f"e{len(names) - 52}"


# ------------------------------------------------------------------- properties

KB_QUERIES = ["Llyod Austin", "Antony Blinkin", "Li Shangfoo", "Austin Lloyd", "Lisa Austin",
              "Sergei Lavrof", "John Public", "Eric Smith", "Ly Thuong Phuk"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(), st.sampled_from([None, "person", "place", "office"]))
def test_best_never_raises(ix: FuzzyIndex, text: str, kind: str | None) -> None:
    hit = ix.best(text, kind)
    assert hit is None or 0.0 <= hit.score <= 1.0
    assert isinstance(ix.candidates(text, kind), list)


def _accent(text: str, picks: list[bool]) -> str:
    out = []
    for c, pick in zip(text, picks + [False] * len(text), strict=False):
        out.append(unicodedata.normalize("NFC", c + "\u0301") if pick and c in "aeiouAEIOU" else c)
    return "".join(out)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(KB_QUERIES),
    st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    st.sampled_from(["  ", "\t", " \n ", "   "]),
    st.lists(st.booleans(), max_size=30),
)
def test_case_space_and_diacritics_do_not_matter(
    ix: FuzzyIndex, surface: str, case, space: str, accents: list[bool]  # type: ignore[no-untyped-def]
) -> None:
    variant = space + _accent(case(surface), accents).replace(" ", space) + space
    assert ix.best(variant) == ix.best(surface)


@given(st.text(alphabet="abcXYZ .'-É", max_size=30))
def test_fold_key_is_phrase_key(text: str) -> None:
    assert fold_key(text) == phrase_key(text, expand=False)


# ------------------------------------------------------------------- the bench


def test_bench_quick_smoke(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.__main__ import main

    assert main(["resolution", "--quick"]) == 0
    out = capsys.readouterr().out
    assert "mean us" in out and "p99 us" in out and "speed-up" in out
    assert "scorers on the same candidates" in out
