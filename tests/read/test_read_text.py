"""Plain text and Markdown with front matter; BOM; CRLF."""

from __future__ import annotations

import datetime as dt
import shutil

from ledger.read import read_file

FRONT = """---
title: "Front title"
source: The Outlet
url: https://example.org/a
published: 2023-05-30
author: [Jane Doe, John Roe]
lang: en
extra: ignored
---
# Heading in the body

Defense Secretary Lloyd Austin met his counterpart in Singapore on Friday.
"""


def test_front_matter_metadata_and_positions(tmp_path, kinds_of, tiles):
    p = tmp_path / "a.md"
    p.write_text(FRONT, encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.text == FRONT  # front matter kept: lines refer to the original file
    assert (doc.title, doc.source, doc.url) == (
        "Front title",
        "The Outlet",
        "https://example.org/a",
    )
    assert doc.published == dt.date(2023, 5, 30)
    assert doc.date_method == "front matter"
    assert doc.author == "Jane Doe, John Roe"
    assert doc.lang == "en"
    tiles(doc)
    k = kinds_of(doc)
    assert all(k[n] == "furniture" for n in range(1, 10))
    assert k[10] == "body" and k[12] == "body"
    assert doc.sections[0].end == FRONT.index("# Heading")
    offset = doc.text.index("Lloyd Austin")
    assert doc.position(offset) == (12, 19)


def test_front_matter_date_alias_and_datetime(tmp_path):
    p = tmp_path / "a.markdown"
    p.write_text("---\ndate: 2023-06-20T08:00:00Z\n---\nText of the story.\n", encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.published == dt.date(2023, 6, 20)
    assert doc.date_method == "front matter"
    assert doc.title == "Text of the story."


def test_empty_front_matter_block(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\n---\nStory text here.\n", encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.title == "Story text here."
    assert doc.sections[0].kind == "furniture" and doc.sections[0].end == 8


def test_dashes_later_are_not_front_matter(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title line\n---\nnot: yaml\n---\n", encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.title == "Title line"


def test_bom_is_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfHeadline here\n\nBody text of the story.\n")
    (doc,) = read_file(p)
    assert doc.text.startswith("Headline")
    assert doc.title == "Headline here"


def test_bom_before_front_matter(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(b"\xef\xbb\xbf---\ntitle: T\n---\nBody.\n")
    (doc,) = read_file(p)
    assert doc.title == "T"


def _crlf_pair(tmp_path, name, text):
    lf, crlf = tmp_path / "lf", tmp_path / "crlf"
    lf.mkdir(exist_ok=True)
    crlf.mkdir(exist_ok=True)
    (lf / name).write_bytes(text.encode("utf-8"))
    (crlf / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (a,) = read_file(lf / name)
    (b,) = read_file(crlf / name)
    return a, b


def _assert_equivalent(a, b, kinds_of, tiles):
    assert "\r\n" in b.text and "\r" not in a.text  # the text is kept exactly
    tiles(a)
    tiles(b)
    assert kinds_of(a) == kinds_of(b)
    assert [s.kind for s in a.sections] == [s.kind for s in b.sections]
    for field in ("title", "source", "url", "published", "author", "lang", "date_method"):
        assert getattr(a, field) == getattr(b, field), field
    # the same word is at the same line and column
    for word in ("Austin", "narrative", "Notify"):
        if word in a.text:
            assert a.position(a.text.index(word)) == b.position(b.text.index(word))


def test_crlf_equivalence_on_seeds(seeds_copy, tmp_path, kinds_of, tiles):
    for path in sorted(seeds_copy.glob("*.txt")):
        a, b = _crlf_pair(tmp_path, path.name, path.read_text(encoding="utf-8"))
        _assert_equivalent(a, b, kinds_of, tiles)


def test_crlf_equivalence_with_front_matter(tmp_path, kinds_of, tiles):
    a, b = _crlf_pair(tmp_path, "a.md", FRONT)
    _assert_equivalent(a, b, kinds_of, tiles)
    assert b.published == dt.date(2023, 5, 30)


def test_crlf_equivalence_with_sources_yaml(seeds_copy, tmp_path, kinds_of, tiles):
    shutil.copyfile(seeds_copy / "002_ecc472111624a45f.txt", tmp_path / "x.txt")
    text = (tmp_path / "x.txt").read_text(encoding="utf-8")
    a, b = _crlf_pair(tmp_path, "x.txt", text)
    _assert_equivalent(a, b, kinds_of, tiles)
