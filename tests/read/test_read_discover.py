"""Finding documents: files, folders, exclusion, display paths."""

from __future__ import annotations

import os
from pathlib import Path

from ledger.read import Skipped, discover, display_path, read_paths


def _tree(root: Path) -> None:
    for rel in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.jsonl",
        "sub/notes.pdf",
        "sub/sources.yaml",
        ".hidden/e.txt",
        "sub/.f.txt",
        "z/deeper/g.markdown",
        "z/h.htm",
        "UPPER.TXT",
    ]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n", encoding="utf-8")


def test_folder_walk_sorted_supported_only(tmp_path):
    _tree(tmp_path)
    found = list(discover([tmp_path]))
    assert all(isinstance(p, Path) for p in found)
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == [
        "UPPER.TXT",
        "a.md",
        "b.txt",
        "sub/c.html",
        "sub/d.jsonl",
        "z/deeper/g.markdown",
        "z/h.htm",
    ]


def test_explicit_files_and_unsupported(tmp_path):
    _tree(tmp_path)
    found = list(
        discover([tmp_path / "sub/notes.pdf", tmp_path / "b.txt", tmp_path / "sub/sources.yaml"])
    )
    assert len(found) == 2
    assert isinstance(found[0], Skipped)
    assert found[0].reason.startswith("unsupported file type")
    assert found[0].path.endswith("notes.pdf")
    assert found[1] == tmp_path / "b.txt"


def test_explicit_hidden_file_is_read(tmp_path):
    _tree(tmp_path)
    assert list(discover([tmp_path / ".hidden/e.txt"])) == [tmp_path / ".hidden/e.txt"]


def test_missing_path(tmp_path):
    (item,) = discover([tmp_path / "nope.txt"])
    assert isinstance(item, Skipped)
    assert item.reason == "no such file or directory"
    assert item.path.endswith("nope.txt")


def test_folder_with_nothing_readable(tmp_path):
    folder = tmp_path / "empty"
    (folder / "x").mkdir(parents=True)
    (folder / "x" / "a.pdf").write_bytes(b"%PDF")
    (item,) = discover([folder])
    assert isinstance(item, Skipped)
    assert item.reason.startswith("no readable documents (.txt, .md, .markdown, .html")
    assert item.path.endswith("empty")


def test_exclude_globs(tmp_path):
    _tree(tmp_path)
    found = list(discover([tmp_path], exclude=["*.md", "*/z/*", "c.html"]))
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["UPPER.TXT", "b.txt", "sub/d.jsonl"]
    # an excluded folder, and an explicitly given excluded file
    found = list(discover([tmp_path / "sub", tmp_path / "b.txt"], exclude=["sub", "b.txt"]))
    assert found == []
    # a folder whose documents are all excluded is not "nothing readable"
    assert list(discover([tmp_path / "z"], exclude=["*"])) == []


def test_each_file_once(tmp_path):
    _tree(tmp_path)
    found = list(discover([tmp_path / "b.txt", tmp_path, tmp_path / "b.txt"]))
    assert [p.name for p in found].count("b.txt") == 1


def test_display_path_relative_under_cwd(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    f = tmp_path / "docs" / "a.txt"
    f.write_text("Hello world.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert display_path(f) == "docs/a.txt"
    assert display_path("docs/a.txt") == "docs/a.txt"
    assert display_path("./docs/../docs/a.txt") == "docs/a.txt"
    (doc,) = [d for d in read_paths([f])]
    assert doc.path == "docs/a.txt"
    monkeypatch.chdir(tmp_path / "docs")
    outside = os.path.join("..", "docs", "a.txt")
    assert display_path(outside) == "a.txt"
    other = tmp_path.parent
    monkeypatch.chdir(tmp_path / "docs")
    assert display_path(other / "x.txt") == str(other / "x.txt")
    assert display_path("../x.txt") == "../x.txt"
