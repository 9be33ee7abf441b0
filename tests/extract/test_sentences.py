"""Sentence boundaries: end punctuation before a capital, not after a title's abbreviation;
a section's start (the body after front matter, a headline) always starts a sentence."""

from __future__ import annotations

from pathlib import Path

from ledger.extract.sentences import Sentences, sentences_of
from ledger.read import read_file


def test_abbreviated_titles_and_months_end_no_sentence() -> None:
    text = "The team, led by Brig. Gen. Pat Ryder, met on Jan. 5 with Sec. Blinken. Then it left."
    s = Sentences(text)
    assert s.sentence(0) == "The team, led by Brig. Gen. Pat Ryder, met on Jan. 5 with Sec. Blinken."
    assert s.sentence(text.index("Then")) == "Then it left."


def test_a_case_name_and_an_honorific_end_no_sentence() -> None:
    text = "The case, Trump v. United States, was argued. The President of India, Smt. Droupadi Murmu, spoke."
    s = Sentences(text)
    assert s.sentence(0) == "The case, Trump v. United States, was argued."
    assert s.sentence(text.index("Droupadi")) == "The President of India, Smt. Droupadi Murmu, spoke."


def test_front_matter_is_no_part_of_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nsource: Wire A\npublished: 2023-05-10\n---\nJoe Biden spoke on Tuesday.\n")
    doc = read_file(path)[0]
    assert sentences_of(doc).sentence(doc.text.index("Joe")) == "Joe Biden spoke on Tuesday."


def test_breaks_add_boundaries_inside_the_range_only() -> None:
    s = Sentences("headline text body text", breaks=[0, 14, 99])
    assert s.sentence(0) == "headline text"
    assert s.sentence(15) == "body text"


def test_an_initial_before_a_blank_line_ends_its_paragraph() -> None:
    # "he wrote on X." ends the paragraph: the next one is another sentence
    text = "\\u201cHow can it succeed?\\u201d he wrote on X.\n\nEgypt's ministry said it was dangerous."
    s = Sentences(text)
    assert s.sentence(0).endswith("on X.")
    assert s.sentence(text.index("Egypt")).startswith("Egypt")
    # an initial within a paragraph is no end: "Mr. X. Li spoke."
    t2 = "They met Gen. Li. Later, John F. Kennedy Jr. arrived."
    assert Sentences(t2).sentence(t2.index("Kennedy")) == "Later, John F. Kennedy Jr. arrived."
