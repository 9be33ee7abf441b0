"""JSON Lines: one document per line; a bad line spoils only itself."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ledger.read import ReadError, Skipped, read_file, read_paths


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


GOOD = {
    "text": "The Pentagon said on Monday that China declined.",
    "title": "China declines",
    "source": "NBC News",
    "url": "https://example.org/1",
    "published": "2023-05-30",
    "path": "nbc/china-declines.txt",
}


def test_records(tmp_path, tiles):
    p = tmp_path / "batch.jsonl"
    second = {"text": "Last updated May 31, 2023\n\nMore text of the story here."}
    p.write_text(_lines(GOOD, "", second), encoding="utf-8")
    a, b = read_file(p)
    # known by the record's path (else file:line); positions are in the .jsonl file
    assert a.key == "nbc/china-declines.txt" and a.path == str(p)
    assert (a.title, a.source, a.url) == ("China declines", "NBC News", "https://example.org/1")
    assert a.published == dt.date(2023, 5, 30) and a.date_method == "jsonl record"
    assert a.text == GOOD["text"]
    assert b.key is not None and b.key.endswith("batch.jsonl:3") and b.path == str(p)
    assert b.published == dt.date(2023, 5, 31)
    assert b.date_method == "text: 'Last updated May 31, 2023'"
    assert b.title == "More text of the story here."
    tiles(a)
    tiles(b)


BAD = [
    ("{not json", "invalid JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"title": "no text"}), "missing or empty 'text'"),
    (json.dumps({"text": "   "}), "missing or empty 'text'"),
    (json.dumps({"text": "ok", "published": "yesterday"}), "'published' is not a date"),
    (json.dumps({"text": "ok", "title": {"a": 1}}), "'title' must be a string"),
    (json.dumps({"text": "ok", "path": 3}), "'path' must be a non-empty string"),
]


@pytest.mark.parametrize(("line", "message"), BAD)
def test_bad_line_is_skipped_with_file_and_line(tmp_path, line, message):
    p = tmp_path / "batch.jsonl"
    p.write_text(_lines(GOOD, line, dict(GOOD, path="two.txt")), encoding="utf-8")
    items = list(read_paths([p]))
    docs = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.key for d in docs] == ["nbc/china-declines.txt", "two.txt"]
    (s,) = skipped
    assert s.path.endswith("batch.jsonl:2")
    assert message in s.reason
    # read_file collects into a list when given one, and raises for the line otherwise
    problems: list[Skipped] = []
    assert len(read_file(p, problems=problems)) == 2
    assert problems == [s]
    with pytest.raises(ReadError) as info:
        read_file(p)
    assert info.value.path.endswith("batch.jsonl:2")


def test_jsonl_sources_yaml_by_record_path(tmp_path):
    (tmp_path / "sources.yaml").write_text("china-declines.txt:\n  lang: en\n", encoding="utf-8")
    p = tmp_path / "batch.jsonl"
    p.write_text(_lines(GOOD), encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.lang == "en"
    assert doc.source == "NBC News"  # the record beats sources.yaml


def test_all_lines_bad(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("nope\nnope too\n", encoding="utf-8")
    items = list(read_paths([p]))
    assert [i.path.rsplit(":", 1)[1] for i in items] == ["1", "2"]
    assert all(isinstance(i, Skipped) for i in items)


def test_crlf_jsonl(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_bytes(_lines(GOOD, GOOD).replace("\n", "\r\n").encode("utf-8"))
    assert len(read_file(p)) == 2


def test_malformed_sources_yaml_skips_every_record(tmp_path):
    (tmp_path / "sources.yaml").write_text("x: [\n", encoding="utf-8")
    p = tmp_path / "batch.jsonl"
    p.write_text(
        _lines({"text": "One story."}, {"text": "Two.", "path": "b.txt"}), encoding="utf-8"
    )
    items = list(read_paths([p]))
    assert len(items) == 2 and all(isinstance(i, Skipped) for i in items)
    assert items[0].path.endswith("batch.jsonl:1") and items[1].path == "b.txt"
    assert all("sources.yaml:" in i.reason for i in items)


@pytest.mark.parametrize("text", [
    "Plain text. Lloyd Austin spoke.",
    "Escapes \"quoted\"\nand a new line; Lloyd Austin spoke.",
    "Accents café, emoji 🙂 and a tab\t: Lloyd Austin spoke.",
])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_positions_are_in_the_jsonl_file(tmp_path, text: str, ascii_only: bool) -> None:
    # every character of a record's text points at where it is written in the file: the
    # record's line, the column in that line (after escapes), so an editor opens the right place
    p = tmp_path / "batch.jsonl"
    first = json.dumps({"title": "x", "text": "One.", "path": "one.txt"})
    line = json.dumps({"source": "Wire", "text": text, "path": "two.txt"}, ensure_ascii=ascii_only)
    p.write_text(first + "\n" + line + "\n", encoding="utf-8")
    _, doc = read_file(p)
    at = doc.text.index("Lloyd Austin")
    assert doc.position(at) == (2, line.index("Lloyd Austin") + 1)
    assert doc.position(0) == (2, line.index('"text": "') + len('"text": "') + 1)


def test_a_records_suppression_covers_that_record(tmp_path) -> None:
    # a ledger-ignore comment in a record's text silences its rules in that record: one line of
    # the file, where its findings are reported
    p = tmp_path / "batch.jsonl"
    p.write_text(_lines({"text": "One."}, {"text": "Intro.\n<!-- ledger-ignore house-style -->\nUS Sec. of State"}),
                 encoding="utf-8")
    _, doc = read_file(p)
    (row,) = doc.directives
    line, column, end_column, rules, whole, target, text = row
    assert (line, target, rules, whole, text) == (2, 2, ["house-style"], False, "<!-- ledger-ignore house-style -->")
    raw = p.read_text(encoding="utf-8").split("\n")[1]
    assert raw[column - 1 : end_column - 1] == text
