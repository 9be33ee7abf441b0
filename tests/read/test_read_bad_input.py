"""Bad input is reported with its path, never a crash (SPEC §4)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ledger.read import ReadError, Skipped, read_file, read_paths


def _error(path: Path, **kw) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_file(path, **kw)
    e = info.value
    assert str(e) == f"{e.path}: {e.message}"
    assert path.name in e.path
    assert "\n" not in str(e)
    return e


def _skipped(path: Path, **kw) -> Skipped:
    items = list(read_paths([path], **kw))
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    assert path.name in items[0].path
    return items[0]


def test_binary(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert _error(p).message.startswith("binary file")
    assert _skipped(p).reason.startswith("binary file")


def test_utf16_is_named(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "Hello world".encode("utf-16-le"))
    assert "UTF-16" in _error(p).message


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "empty file"), (b" \n\t\r\n  \n", "only whitespace")]
)
def test_empty_and_whitespace(tmp_path, content, message):
    p = tmp_path / "blank.md"
    p.write_bytes(content)
    assert message in _error(p).message
    assert message in _skipped(p).reason


def test_bom_only_is_empty(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8)
    assert _error(p).message == "empty file"


def test_invalid_utf8_names_offset_and_line(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("First line\nSecond: café\n".encode("latin-1"))
    e = _error(p)
    assert e.message.startswith("invalid UTF-8 at byte 22 (line 2")
    assert "0xe9" in e.message


def test_over_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100, encoding="utf-8")
    e = _error(p, max_bytes=100)
    assert e.message.startswith("file too large (500 bytes; the limit is 100)")
    assert _skipped(p, max_bytes=100).reason.startswith("file too large")
    assert read_file(p, max_bytes=500)  # at the limit is fine


def test_unreadable(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("Some text here.\n", encoding="utf-8")
    real_open = open

    def deny(file, mode="r", *args, **kwargs):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    assert _error(p).message == "permission denied"
    assert _skipped(p).reason == "permission denied"


def test_unreadable_chmod(tmp_path):
    import os

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads everything")
    p = tmp_path / "secret.txt"
    p.write_text("Some text here.\n", encoding="utf-8")
    p.chmod(0)
    try:
        assert _error(p).message == "permission denied"
    finally:
        p.chmod(0o644)


def test_directory_given_to_read_file(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert _error(d).message == "is a directory"


def test_unsupported_suffix_read_file(tmp_path):
    p = tmp_path / "notes.pdf"
    p.write_bytes(b"%PDF-1.4")
    assert _error(p).message.startswith("unsupported file type '.pdf'")


def test_malformed_front_matter_names_line(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text(
        "---\ntitle: Fine\nsource: [unclosed\nurl: x\n---\nBody text here.\n", encoding="utf-8"
    )
    e = _error(p)
    assert e.message.startswith("malformed front matter at line ")
    line = int(e.message.split("at line ")[1].split(":")[0])
    assert 3 <= line <= 5  # the error is reported inside the block, in file lines


def test_malformed_front_matter_bad_indentation(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("---\ntitle: Fine\n  bad: indent\n---\nBody.\n", encoding="utf-8")
    assert _error(p).message.startswith("malformed front matter at line 3")


def test_front_matter_not_closed(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("---\ntitle: Fine\nBody text without an end.\n", encoding="utf-8")
    assert "never closed" in _error(p).message


@pytest.mark.parametrize("block", ["- a\n- b", "just a string", "42"])
def test_front_matter_not_a_mapping(tmp_path, block):
    p = tmp_path / "draft.md"
    p.write_text(f"---\n{block}\n---\nBody.\n", encoding="utf-8")
    assert "front matter at line 1 is not a mapping" in _error(p).message


def test_front_matter_bad_date(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("---\ntitle: T\npublished: last Tuesday\n---\nBody.\n", encoding="utf-8")
    e = _error(p)
    assert e.message.startswith("front matter at line 3: 'published' is not a date")
    p.write_text("---\ntitle: T\npublished: 2023-02-30\n---\nBody.\n", encoding="utf-8")
    assert _error(p).message.startswith("malformed front matter at line 3: invalid date")


def test_malformed_sources_yaml_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("Hello world, a story.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another story here.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "a.txt:\n  source: Fine\nb.txt:\n  source: [broken\n", encoding="utf-8"
    )
    items = list(read_paths([tmp_path]))
    assert len(items) == 2 and all(isinstance(i, Skipped) for i in items)
    for item, name in zip(items, ["a.txt", "b.txt"], strict=True):
        assert item.path.endswith(name)
        assert "sources.yaml:" in item.reason and "malformed YAML" in item.reason
    line = int(items[0].reason.split("sources.yaml:")[1].split(":")[0])
    assert 4 <= line <= 5


def test_sources_yaml_not_a_mapping_and_bad_entry(tmp_path):
    (tmp_path / "a.txt").write_text("Hello world, a story.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("- a.txt\n", encoding="utf-8")
    (item,) = read_paths([tmp_path])
    assert isinstance(item, Skipped) and "sources.yaml:1: expected a mapping" in item.reason
    (tmp_path / "sources.yaml").write_text(
        "other.txt: {}\na.txt:\n  published: soon\n", encoding="utf-8"
    )
    (item,) = read_paths([tmp_path])
    assert isinstance(item, Skipped)
    assert "sources.yaml:2: a.txt: 'published' is not a date" in item.reason


def test_read_paths_keeps_going(tmp_path):
    (tmp_path / "a.txt").write_text("A good story about things.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("Another good story.\n", encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "missing"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "Skipped", "Document", "Skipped"]
    assert items[1].path.endswith("b.txt")


def test_read_paths_turns_unexpected_errors_into_skips(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A good story about things.\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("reader bug")

    monkeypatch.setitem(__import__("ledger.read", fromlist=["READERS"]).READERS, ".txt", boom)
    (item,) = read_paths([tmp_path / "a.txt"])
    assert isinstance(item, Skipped) and "RuntimeError: reader bug" in item.reason


def test_missing_and_empty_folder_through_read_paths(tmp_path):
    (tmp_path / "empty").mkdir()
    missing, empty = read_paths([tmp_path / "gone.md", tmp_path / "empty"])
    assert isinstance(missing, Skipped) and missing.path.endswith("gone.md")
    assert missing.reason == "no such file or directory"
    assert isinstance(empty, Skipped) and empty.path.endswith("empty")
    assert empty.reason.startswith("no readable documents")


def test_front_matter_with_a_colon_in_a_value_is_read_as_plain_lines(tmp_path):
    """Not YAML only because a title holds ': ': each line is read as 'key: text'."""
    from ledger.read import read_file

    p = tmp_path / "draft.md"
    p.write_text("---\nsource: BBC\ntitle: Turkey earthquake: Emergency declared\npublished: 2023-02-07\n---\n"
                 "Body.\n", encoding="utf-8")
    (doc,) = list(read_file(p))
    assert (doc.source, doc.title, str(doc.published)) == ("BBC", "Turkey earthquake: Emergency declared",
                                                           "2023-02-07")
    # a value YAML would read otherwise, or a line of another form: the YAML error stands
    p.write_text("---\ntitle: A: B\nsource: [x\n---\nBody.\n", encoding="utf-8")
    assert _error(p).message.startswith("malformed front matter at line 2")
    p.write_text("---\ntitle: A: B\n  indented: x\n---\nBody.\n", encoding="utf-8")
    assert _error(p).message.startswith("malformed front matter at line ")
