"""The section split on article shapes other than the seeds."""

from __future__ import annotations

import pytest

from ledger.read.sections import (
    analyse,
    is_comment_marker,
    is_furniture_text,
    split_sections,
)

P = [
    "The foreign ministry said on Tuesday that the talks would resume next month in Geneva.",
    "Officials from both sides met for three hours, according to a statement released later.",
    "The minister told reporters that the two countries had agreed to keep channels open.",
    "Analysts said the meeting was the most senior contact between the two sides this year.",
]


def kinds(text: str) -> list[tuple[str, str]]:
    layout = analyse(text)
    return [(ln.text, k) for ln, k in zip(layout.lines, layout.kinds, strict=True) if ln.text]


def kind_of(text: str, line: str) -> str:
    return dict(kinds(text))[line]


def test_furniture_patterns():
    for line in [
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
        "Image credit: Wikimedia Commons",
        "Photo: Reuters",
        "(AP Photo/Mark Schiefelbein)",
        "Getty Images",
        "Sign up to our newsletter!",
        "Subscribe now",
        "Share this article",
        "Facebook Twitter Email",
        "Advertisement",
        "Story continues below advertisement",
        "Related: China rebuffs the Pentagon",
        "Read more",
        "READ MORE: Why the talks failed",
        "We use cookies to improve your experience.",
        "Accept all cookies",
        "Notify of",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "1694406968291.png",
        "photo_2023-05-30.JPG",
        "Copyright © 2023 The Outlet. All rights reserved.",
        "3 min read",
        "Tags: China, Pentagon",
        "* * *",
    ]:
        assert is_furniture_text(line), line
    for line in [
        *P,
        "Defense Secretary Lloyd Austin and his Chinese counterpart, Li Shangfu.",
        "Read the statement in full below, the ministry said.",
        "Copyright law was not at issue in the talks, the official said.",
        "Subscribers to the service rose by 10 percent.",
        "Share prices fell sharply on Tuesday after the announcement.",
    ]:
        assert not is_furniture_text(line), line
    assert is_comment_marker("12 Comments") and is_comment_marker("Leave a comment")
    assert not is_comment_marker("Comment")


def test_comment_marker_starts_comments():
    text = "\n\n".join(["Headline of the story", *P, "Leave a comment", "Great piece!", "Jo Smith",
                       "I disagree with the minister entirely."])  # fmt: skip
    k = dict(kinds(text))
    assert all(k[p] == "body" for p in P)
    assert k["Leave a comment"] == "furniture"
    assert k["Great piece!"] == "comments"
    assert k["Jo Smith"] == "furniture"
    assert k["I disagree with the minister entirely."] == "comments"


@pytest.mark.parametrize("marker", ["## Comments", "### Reader comments ###", "**Leave a comment**", "_3 Comments_",
                                    "### Reader comments (3)", "Readers' comments: 12"])
def test_a_comment_marker_in_markdown_markup_starts_comments(marker):
    text = "\n\n".join(["Headline of the story", *P, marker, "**skyward_77**", "Calhoun, 70, should go."])
    k = dict(kinds(text))
    assert all(k[p] == "body" for p in P)
    assert k[marker] == "furniture"
    assert k["Calhoun, 70, should go."] == "comments"


def test_comment_count_near_the_top_is_only_furniture():
    text = "\n\n".join(["Headline of the story", "12 Comments", *P])
    k = dict(kinds(text))
    assert k["12 Comments"] == "furniture"
    assert all(k[p] == "body" for p in P)


def test_forum_separators_need_a_body_and_repeat():
    nbsp = "\u00a0"
    # an NBSP spacer early in an article does not make the rest comments
    text = "\n".join(
        ["Headline of the story", P[0], nbsp, *P[1:], nbsp, "Final line of the story."]
    )
    assert "comments" not in {k for _, k in kinds(text)}
    # after the body, recurring separators open the comments
    text = "\n".join([*P, "", "Another story you might like", "", nbsp, "first post here", nbsp,
                      "second post here", nbsp])  # fmt: skip
    layout = analyse(text)
    ks = dict(kinds(text))
    assert all(ks[p] == "body" for p in P)
    assert ks["Another story you might like"] == "furniture"
    assert ks["first post here"] == "comments" and ks["second post here"] == "comments"
    assert all(
        k == "furniture" for ln, k in zip(layout.lines, layout.kinds, strict=True) if ln.separator
    )


def test_plain_space_separators_when_the_page_lost_its_nbsp():
    # copied as plain text: the posts' spacers became plain spaces; the article's own blank
    # lines are empty
    text = "\n".join([P[0], "", P[1], "", P[2], "", P[3], "", " ", "Defense Minister Jan Novak is great.", " ",
                      "second post here", " "])  # fmt: skip
    ks = dict(kinds(text))
    assert all(ks[p] == "body" for p in P)
    assert ks["Defense Minister Jan Novak is great."] == "comments" and ks["second post here"] == "comments"


def test_forum_chrome_starts_the_comments():
    for marker in ("Click to expand...", "Reply"):
        text = "\n".join([*P, "", "beijingwalker said:", "Defense Minister Jan Novak is great.", marker,
                          "He is not."])  # fmt: skip
        ks = dict(kinds(text))
        assert all(ks[p] == "body" for p in P)
        assert ks["He is not."] == "comments", marker


def test_plain_space_blank_lines_throughout_are_not_separators():
    # an article whose blank lines all hold a space is all body
    text = "\n".join([P[0], " ", P[1], " ", P[2], " ", P[3], " ", "Final line of the story."])
    assert {k for _, k in kinds(text)} == {"body"}


def test_opinion_headings():
    text = "\n\n".join([
        "Headline of the story", P[0], P[1],
        "Analysis", P[2],
        "## What they are saying", P[3],
        "The left's view", "Critics call the talks a stunt.",
        "Background", "The two sides last met in 2022.",
    ])  # fmt: skip
    k = dict(kinds(text))
    assert k[P[0]] == k[P[1]] == "body"
    assert k["Analysis"] == k[P[2]] == "opinion"
    assert k["## What they are saying"] == k[P[3]] == "opinion"
    assert k["The left's view"] == k["Critics call the talks a stunt."] == "opinion"
    assert k["Background"] == k["The two sides last met in 2022."] == "body"


def test_weak_opinion_word_alone_is_body():
    text = "\n\n".join(["Headline", P[0], "The split", P[1]])
    k = dict(kinds(text))
    assert k["The split"] == "body" and k[P[1]] == "body"


def test_weak_word_before_strong_heading_is_opinion():
    text = "\n\n".join(["Headline", P[0], "Reactions", P[1], "Our take", P[2]])
    k = dict(kinds(text))
    assert k["Reactions"] == "opinion" and k[P[1]] == "opinion" and k[P[2]] == "opinion"


def test_opinion_ends_at_furniture():
    text = "\n\n".join(["Headline", P[0], "Opinion", P[1], "Subscribe to our newsletter", P[2]])
    k = dict(kinds(text))
    assert k[P[1]] == "opinion" and k[P[2]] == "body"


def test_repeats():
    text = "\n".join(["A headline of the day", "", "A headline of the day 12", P[0], "jdoe", P[1],
                      "jdoe", P[0]])  # fmt: skip
    layout = analyse(text)
    got = [k for ln, k in zip(layout.lines, layout.kinds, strict=True) if ln.text]
    assert got == ["body", "furniture", "body", "furniture", "body", "furniture", "furniture"]


def test_preamble_and_comment_start_hints():
    text = "---\ntitle: x\n---\nBody line one of the story here.\n\nA comment.\n"
    secs = split_sections(text, preamble_end=text.index("Body"), comments_start=text.index("A c"))
    assert [s.kind for s in secs] == ["furniture", "body", "comments"]
    assert secs[0].end == text.index("Body") and secs[-1].start == text.index("A c")


def test_crlf_and_lone_cr():
    text = "Headline\r\n\r\nFirst para.\rstill the same line\r\nLast line"
    secs = split_sections(text)
    assert secs[0].start == 0 and secs[-1].end == len(text)
    assert len(analyse(text).lines) == 4


def test_opinion_heading_right_after_front_matter():
    text = "---\ntitle: x\n---\nOpinion\n\n" + P[0] + "\n"
    layout = analyse(text, preamble_end=text.index("Opinion"))
    assert layout.kinds == ["furniture"] * 3 + ["opinion"] * 3
