"""The on-disk cache of compiled regular expressions (``ledger.rx``): a pattern from the cache
behaves as ``re.compile`` would, in this process and in the next; damage or absence of the
cache only costs time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger import rx

PATTERNS = [
    (r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>%|percent)", 0),
    (r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<name>[A-Z][\w'-]+)", 0),
    (r"^(\*\*|__)(.+)\1$", 0),
    (r"(?i)\bthen-(?=\w)", 0),
    (r"[“\"](?P<q>[^”\"]{3,})[”\"]", 0),
    (r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?)\s+(\d{1,2})", re.I),
    (r"(?x) \d{4}  # a year\n - \d{2}", 0),
    (r"[^\W\d_]+", re.UNICODE),
]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the module's memory of the cache forgotten."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("LEDGER_NO_CACHE", raising=False)
    monkeypatch.setattr(rx, "_cache", None)
    monkeypatch.setattr(rx, "_dirty", False)
    monkeypatch.setattr(rx, "_used", set())
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str], text: str) -> None:
    assert a.pattern == b.pattern and a.flags == b.flags and a.groupindex == b.groupindex
    assert a.groups == b.groups
    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


TEXTS = [
    "Mr. Austin said 18% of **the** 2023-05 talks; then-Minister Li, “no meeting”, March 4.",
    "Dr O'Neil: 3,5 percent. __x__ FEB 12 Ly Thuong Phuc 1999-12",
    "",
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_from_the_cache_as_from_re(fresh_cache: Path, pattern: str, flags: int) -> None:
    first = rx.compile(pattern, flags)  # compiled, then kept
    rx._save()
    assert rx.cache_path() is not None and rx.cache_path().is_file()  # type: ignore[union-attr]
    rx._cache = None  # as a new process: read back from the file
    again = rx.compile(pattern, flags)
    assert (pattern, int(flags)) in rx._cache  # type: ignore[operator]
    for text in TEXTS:
        _same(first, re.compile(pattern, flags), text)
        _same(again, re.compile(pattern, flags), text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_cached_patterns_match_like_re_on_any_text(text: str) -> None:
    for pattern, flags in PATTERNS:
        _same(rx.compile(pattern, flags), re.compile(pattern, flags), text)


def test_invalid_pattern_raises_re_error(fresh_cache: Path) -> None:
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")


def test_damaged_cache_is_ignored_and_replaced(fresh_cache: Path) -> None:
    path = rx.cache_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00not marshal at all")
    assert rx.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]
    rx._save()
    rx._cache = None
    assert rx.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]
    assert (r"\d+", 0) in rx._cache  # type: ignore[operator]


def test_invalid_code_in_the_cache_is_refused_not_run(fresh_cache: Path) -> None:
    """An entry whose code the engine rejects is compiled afresh (the engine validates code)."""
    rx._load()[(r"ab+", 0)] = (32, [1, 2, 3, 999999], 0, {}, (None,))
    assert rx.compile(r"ab+").fullmatch("abbb")


def test_no_cache_when_asked(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_NO_CACHE", "1")
    assert rx.compile(r"x+").match("xx")
    rx._save()
    assert not list(fresh_cache.rglob("*.marshal"))


def test_an_unwritable_cache_folder_costs_nothing_but_time(fresh_cache: Path) -> None:
    (fresh_cache / "ledger").write_text("a file where the folder should be")
    assert rx.compile(r"y+").match("yy")
    rx._save()  # no exception
    assert (fresh_cache / "ledger").is_file()


def test_a_new_process_writes_then_reads_the_cache(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("LEDGER_NO_CACHE", None)
    code = ("from ledger import rx; p = rx.compile(r'(?P<y>\\d{4})-(\\d\\d)'); "
            "print(p.match('2023-06').group('y'), len(rx._load()))")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    files = list(tmp_path.rglob("regex-*.marshal"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split()[0] == second.stdout.split()[0] == "2023"
    assert second.stdout.split()[1] == "1"  # the pattern came from the file
    assert files[0].stat().st_mtime_ns == stamp  # nothing new: not written again


def test_alternation_matches_exactly_the_words_given() -> None:
    words = ["ab", "abc", "abd", "sworn in", "b", "a.b"]
    pattern = re.compile(rx.alternation(words))
    assert pattern.pattern == r"(?:a(?:\.b|b(?:c|d)?)|b|sworn[ \t\u00a0]+in)"
    for w in words:
        assert pattern.fullmatch(w)
    assert pattern.fullmatch("sworn \u00a0in")
    assert not any(pattern.fullmatch(w) for w in ("a", "abx", "axb", "sworn", ""))


@given(st.lists(st.text(alphabet="abc.", min_size=1, max_size=4), min_size=1, max_size=6), st.text("abc.", max_size=4))
def test_alternation_is_a_plain_alternation(words: list[str], probe: str) -> None:
    assert bool(re.fullmatch(rx.alternation(words), probe)) == (probe in words)
