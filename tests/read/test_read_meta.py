"""Metadata precedence: front matter › sources.yaml › HTML meta › text inference › unknown."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from ledger.read import read_file, read_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
STORY = "Last updated May 30, 2023\n\nThe Pentagon said on Monday that talks were declined.\n"


def _write(folder, name, text):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_front_matter_beats_sources_yaml_beats_inference(tmp_path):
    _write(tmp_path, "sources.yaml", (
        "a.md:\n  title: From sources\n  source: Sources Outlet\n  published: 2023-06-01\n"
        "  url: https://s.example/a\n"
        "b.md:\n  title: B from sources\n  published: 2023-06-02\n"
    ))  # fmt: skip
    _write(tmp_path, "a.md", "---\ntitle: From front matter\npublished: 2023-07-01\n---\n" + STORY)
    _write(tmp_path, "b.md", STORY)
    _write(tmp_path, "c.md", STORY)
    a, b, c = read_paths([tmp_path])
    # front matter wins where it has the field, sources.yaml fills the rest
    assert a.title == "From front matter"
    assert a.published == dt.date(2023, 7, 1) and a.date_method == "front matter"
    assert a.source == "Sources Outlet" and a.url == "https://s.example/a"
    # sources.yaml beats the text
    assert b.title == "B from sources"
    assert b.published == dt.date(2023, 6, 2) and b.date_method == "sources.yaml"
    # inference when nothing else
    assert c.title == "The Pentagon said on Monday that talks were declined."
    assert c.published == dt.date(2023, 5, 30)
    assert c.date_method == "text: 'Last updated May 30, 2023'"
    assert c.source is None and c.url is None and c.author is None and c.lang is None


def test_sources_yaml_beats_html_meta(tmp_path):
    html = (
        "<html lang='fr'><head><title>T</title>"
        "<meta property='og:title' content='HTML title'>"
        "<meta property='og:site_name' content='HTML Outlet'>"
        "<meta property='article:published_time' content='2023-05-01'>"
        "</head><body><article><p>"
        + "The Pentagon said on Monday that China had declined the meeting request. " * 3
        + "</p></article></body></html>"
    )
    _write(tmp_path, "page.html", html)
    _write(tmp_path, "sources.yaml", "page.html:\n  source: Sources Outlet\n")
    (doc,) = read_file(tmp_path / "page.html")
    assert doc.source == "Sources Outlet"
    assert doc.title == "HTML title"
    assert doc.published == dt.date(2023, 5, 1) and doc.date_method == "html meta"
    assert doc.lang == "fr"


def test_sources_yaml_only_for_its_folder_and_names(tmp_path):
    _write(tmp_path, "sources.yaml", "a.txt:\n  source: Outlet\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    _write(sub, "a.txt", STORY)
    _write(tmp_path, "other.txt", STORY)
    (doc,) = read_file(sub / "a.txt")
    assert doc.source is None
    (doc,) = read_file(tmp_path / "other.txt")
    assert doc.source is None


def test_sources_yaml_aliases_and_dates(tmp_path):
    _write(tmp_path, "sources.yaml", (
        "a.txt:\n  outlet: Outlet\n  date: '2023-05-04'\n  language: vi\n"
        "  authors: [A, B]\n"
    ))  # fmt: skip
    _write(tmp_path, "a.txt", STORY)
    (doc,) = read_file(tmp_path / "a.txt")
    assert (doc.source, doc.lang, doc.author) == ("Outlet", "vi", "A, B")
    assert doc.published == dt.date(2023, 5, 4) and doc.date_method == "sources.yaml"


def test_empty_sources_yaml_and_empty_entry(tmp_path):
    _write(tmp_path, "sources.yaml", "")
    _write(tmp_path, "a.txt", STORY)
    (doc,) = read_file(tmp_path / "a.txt")
    assert doc.date_method.startswith("text:")
    _write(tmp_path, "sources.yaml", "# nothing\na.txt:\n")
    (doc,) = read_file(tmp_path / "a.txt")
    assert doc.date_method.startswith("text:")


def test_sources_yaml_change_is_seen(tmp_path):
    _write(tmp_path, "a.txt", STORY)
    src = _write(tmp_path, "sources.yaml", "a.txt:\n  source: One\n")
    assert read_file(tmp_path / "a.txt")[0].source == "One"
    src.write_text("a.txt:\n  source: Two and more\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(src, (later, later))
    assert read_file(tmp_path / "a.txt")[0].source == "Two and more"


def test_title_skips_furniture_and_date_lines(tmp_path):
    _write(tmp_path, "a.txt", (
        "IE 11 is not supported. For an optimal experience visit our site on another browser.\n"
        "date 2023-05-06 What's new\n"
        "## The real headline\n\nBody text follows here, at some length.\n"
    ))  # fmt: skip
    (doc,) = read_file(tmp_path / "a.txt")
    assert doc.title == "The real headline"
    assert doc.published == dt.date(2023, 5, 6)
    assert doc.date_method == "text: 'date 2023-05-06 What's new'"


def test_unknown_everything(tmp_path):
    _write(tmp_path, "a.txt", "just some words without a date\n")
    (doc,) = read_file(tmp_path / "a.txt")
    assert doc.published is None and doc.date_method is None
    assert doc.title == "just some words without a date"


def test_seed_sources_yaml_is_used():
    if not (SEEDS / "sources.yaml").exists():
        pytest.skip("no seeds/articles/sources.yaml yet")
    docs = [d for d in read_paths([SEEDS]) if hasattr(d, "text")]
    assert len(docs) == 5
    assert all(d.date_method == "sources.yaml" for d in docs if d.published)


_PROSE = ("The finance minister was dismissed on Wednesday after weeks of quarrels over the budget.\n\n"
          "Few in Berlin expected the coalition to last until the election in the autumn.\n")


@pytest.mark.parametrize(("front", "lead"), [
    ('title: "Opinion: The coalition had it coming"\n', ""),
    ('title: "OPINION | The coalition had it coming"\n', ""),
    ("url: https://paper.example/commentisfree/2024/nov/08/coalition\n", ""),
    ("url: https://paper.example/opinion/2024-11-08-coalition\n", ""),
    ("", "**Opinion**\n\n"),
    ("", "*Jane Doe is a columnist. The views expressed are her own.*\n\n"),
    ('title: "[OPINION] The coalition had it coming"\n', ""),
    ("url: https://paper.example/breakingviews/coalition\n", ""),
    ("", "END"),  # the last line: "The opinions expressed are his own."
])
def test_an_opinion_piece_is_opinion_throughout(tmp_path, front, lead):
    tail = "\nJohn Doe is a columnist. The opinions expressed are his own.\n" if lead == "END" else ""
    lead = "" if lead == "END" else lead
    doc = read_file(_write(tmp_path, "a.md", f"---\n{front}source: Paper\n---\n{lead}{_PROSE}{tail}"))[0]
    assert {s.kind for s in doc.sections} - {"furniture"} == {"opinion"}


@pytest.mark.parametrize("front", [
    'title: "Coalition collapses: what comes next"\n',
    "url: https://paper.example/world/2024/nov/08/coalition-opinion-polls\n",
])
def test_a_news_report_is_not_an_opinion_piece(tmp_path, front):
    doc = read_file(_write(tmp_path, "a.md", f"---\n{front}source: Paper\n---\nOpinion polls put the party first.\n\n{_PROSE}"))[0]
    assert "opinion" not in {s.kind for s in doc.sections}
