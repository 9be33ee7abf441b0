"""Date inference from the first lines of a text, and metadata date values."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger.read.dates import find_date, infer_date, is_date_line, parse_date_value

D = dt.date


def _infer(*lines: str):
    return infer_date(enumerate(lines))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Last updated May 30, 2023", D(2023, 5, 30)),
        ("Updated: Tue, May 30, 2023 10:31 AM EDT", D(2023, 5, 30)),
        ("UPDATED 30 May 2023", D(2023, 5, 30)),
        ("Published June 20, 2023", D(2023, 6, 20)),
        ("Published: 2023-06-20", D(2023, 6, 20)),
        ("First published on Sept. 5, 2023", D(2023, 9, 5)),
        ("Posted on June 20th, 2023 at 6:00 am", D(2023, 6, 20)),
        (" date 2023-05-06 What's new", D(2023, 5, 6)),
        ("  • May 4, 2023", D(2023, 5, 4)),
        ("May 4, 2023", D(2023, 5, 4)),
        ("Thursday, May 4, 2023", D(2023, 5, 4)),
        ("4 May 2023, 14:05 GMT", D(2023, 5, 4)),
        ("2023/05/04", D(2023, 5, 4)),
        ("31/05/2023", D(2023, 5, 31)),
        ("05/31/2023", D(2023, 5, 31)),
        ("2023年5月30日", D(2023, 5, 30)),
        ("By Jennifer Jett | May 30, 2023", D(2023, 5, 30)),
        ("By Jane Doe, Published May 30, 2023, 6:00 AM", D(2023, 5, 30)),
    ],
)
def test_shapes(line, expected):
    guess = _infer(line)
    assert guess is not None, line
    assert guess.day == expected
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "05/06/2023",  # day-first or month-first: unknowable
        "The report was published in 2019 and updated later, the officials said on Monday.",
        "In 2018, Mr. Li was among the Chinese officials sanctioned.",
        "Updated 2 hours ago",
        "Published: February 30, 2023",
        "China rejects U.S. request for a meeting of the defense chiefs",
    ],
)
def test_not_dates(line):
    assert _infer(line) is None


def test_published_beats_byline_beats_date_label_beats_updated():
    g = _infer("Updated: June 1, 2023", "date 2023-05-06", "May 4, 2023", "Published May 3, 2023")
    assert g.day == D(2023, 5, 3) and g.phrase == "Published May 3, 2023"
    g = _infer("Updated: June 1, 2023", "date 2023-05-06 What's new", "• May 4, 2023")
    assert g.day == D(2023, 5, 4) and g.phrase == "May 4, 2023"
    g = _infer("Updated: June 1, 2023", "date 2023-05-06 What's new")
    assert g.day == D(2023, 5, 6)
    g = _infer("Some headline", "Last updated May 30, 2023")
    assert g.day == D(2023, 5, 30) and g.line_index == 1


def test_long_labelled_sentence_is_not_a_date_line():
    long = "The document was published May 30, 2023 " + "and it said many more things " * 3
    assert _infer(long) is None
    assert _infer("Published May 30, 2023 " + "with many more words here " * 3).day == D(
        2023, 5, 30
    )


def test_dateparser_for_other_languages():
    assert _infer("30 mai 2023").day == D(2023, 5, 30)
    assert _infer("30. Mai 2023").day == D(2023, 5, 30)
    assert _infer("Ivan Freely 2023") is None
    assert not is_date_line("30 mai 2023", use_dateparser=False)


def test_find_date():
    assert find_date("on May 4, 2023 the talks") == (D(2023, 5, 4), 14)
    assert find_date("nothing") is None
    assert find_date("Tuesday, 2023-05-30 x", at_start=True) == (D(2023, 5, 30), 19)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2023, 5, 30), D(2023, 5, 30)),
        (dt.datetime(2023, 5, 30, 10, 0), D(2023, 5, 30)),
        ("2023-05-30", D(2023, 5, 30)),
        ("2023-05-30T10:00:00Z", D(2023, 5, 30)),
        ("May 30, 2023", D(2023, 5, 30)),
        ("2023-02-30", None),
        ("soon", None),
        (20230530, None),
        (None, None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected
