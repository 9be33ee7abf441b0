"""Rules give the same findings over the whole ledger (set-based: GROUP BY, anti-join) as when
each document is checked as a draft against the others, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from ledger import pipeline
from ledger.engine.rules import load_rules
from ledger.engine.runner import run_rules
from ledger.engine.view import MemoryView, OverlayView
from ledger.store.view import SqlView

CORPUS = {
    "a.md": ("Wire A", "2023-05-30", "Secretary of State Lloyd Austin met Li Shangfu. The U.S. slapped sanctions on Li Shangfu in 2017.\n"),
    "b.md": ("Wire B", "2023-05-30", "Defense Secretary Lloyd Austin spoke. Washington issued sanctions against Li Shangfu in 2018.\n"),
    "c.md": ("Wire C", "2023-05-29", "Defense Secretary Lloyd Austin left. Li Shangfu has been under U.S. sanctions since 2018.\n"),
    "d.md": ("Wire D", "2023-05-30", "Fisheries Minister Jan Novak declined. At the G7 summit in Hiroshima, talks went on. “It’s designed to be a snub to the United States,” Alexander Neill said.\n"),
    "e.md": ("Wire E", "2023-05-30", "Fisheries Minister Petr Svoboda spoke. Li Shangfu bought 24 Su-35 fighters. \"It's designed to be a snub to the United States,\" Alexander Neill said.\n"),
    "f.md": ("Wire F", "2023-05-30", "Li Shangfu bought 10 Su-35 fighters. Mr. Liu said nothing. US Pres. Biden spoke. Mao Ning said it was \"designed to be a snub to the United States\".\n"),
    # one person the KB does not know, spelled three ways, one of them with a wrong title
    "k.md": ("Wire A", "2023-05-30", "Boeing CFO David Calhoun spoke.\n"),
    "l.md": ("Wire B", "2023-05-30", "Boeing CEO Dave Calhoun spoke.\n"),
    "m.md": ("Wire C", "2023-05-31", "Boeing Chief Executive Dave Calhoun spoke.\n"),
    # a KB person given titles the KB does not know: a rival one, the office's for another country
    "n.md": ("Wire D", "2023-05-31", "Lloyd Austin, the navy secretary, spoke. Chinese Defense Secretary Lloyd Austin "
             "left.\n"),
    # a "former" title of the office the KB has him in then (an anti-join of its own)
    "o.md": ("Wire E", "2023-05-31", "Former Defense Secretary Lloyd Austin spoke.\n"),
}


def _write(folder: Path) -> None:
    for name, (source, day, text) in CORPUS.items():
        (folder / name).write_text(f"---\nsource: {source}\npublished: {day}\n---\n{text}", encoding="utf-8")


def _key(findings):  # type: ignore[no-untyped-def]
    return sorted((f.rule, f.path, f.line, f.column, f.message) for f in findings)


def test_whole_ledger_equals_drafts_and_memory(engine, seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    _write(tmp_path)
    pipeline.load_kb(engine, [seeds / "kb"])
    pipeline.ingest(engine, [Path(n) for n in CORPUS])
    rules = load_rules()
    whole = run_rules(SqlView(engine), rules, None)
    assert {f.rule for f in whole} >= {"office-mismatch", "office-holder-conflict", "value-conflict", "house-style", "unintroduced-reference",
                                       "quote-attribution"}
    assert [f.excerpt for f in whole if f.path == "k.md"] == ["Boeing CFO David Calhoun"]
    assert not [f for f in whole if f.path in ("l.md", "m.md")]
    assert len([f for f in whole if f.path == "n.md" and f.rule == "office-mismatch"]) == 2
    assert [f.rule for f in whole if f.path == "o.md"] == ["office-mismatch"]
    index = pipeline.name_index(engine)
    analyses = [a for a in pipeline.analyze_paths([Path(n) for n in CORPUS], index) if not isinstance(a, pipeline.Skip)]
    from ledger.store import repo

    memory = run_rules(MemoryView(analyses, repo.entities(engine)), rules, None)
    assert _key(whole) == _key(memory)
    one_by_one = []
    for a in analyses:
        one_by_one += run_rules(OverlayView(SqlView(engine), [a]), rules, {a.ref.key})
    assert _key(whole) == _key(one_by_one)


MORE = {
    "g.md": ("Wire A", "2023-06-01", "Li Shangfu was sanctioned by the United States in 2016. Fisheries Minister Karel Dvorak spoke.\n"),
    "h.md": ("Wire B", "2023-05-31", "The U.S. sanctioned Li Shangfu in 2017. Fisheries Minister Jan Novak left.\n"),
    "i.md": ("Wire G", "2023-05-30", "Li Shangfu was sanctioned in 2018. Fisheries Minister Karel Dvorak declined.\n"),
    "j.md": ("Wire C", "2023-05-31", "Li Shangfu bought 12 Su-35 fighters. \"It's designed to be a snub to the United States,\" Mao Ning said.\n"),
}


def test_findings_do_not_depend_on_the_order_claims_are_read(seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Which claim speaks for an outlet, the order of values and names in a message and the
    evidence are the same whatever order the database returns rows in (a query plan, the
    order of ingest)."""
    import random

    from ledger.resolve.index import build_index
    from ledger.resolve.kb import load_kb

    monkeypatch.chdir(tmp_path)
    corpus = CORPUS | MORE
    for name, (source, day, text) in corpus.items():
        (tmp_path / name).write_text(f"---\nsource: {source}\npublished: {day}\n---\n{text}", encoding="utf-8")
    entities = load_kb([seeds / "kb"]).entities
    index = build_index(entities)
    analyses = [a for a in pipeline.analyze_paths([Path(n) for n in corpus], index) if not isinstance(a, pipeline.Skip)]
    rules = load_rules()

    def run(items: list) -> list:  # type: ignore[type-arg]
        return [f.to_dict() for f in run_rules(MemoryView(items, entities), rules, None)]

    first = run(analyses)
    assert {f["rule"] for f in first} >= {"value-conflict", "office-holder-conflict", "quote-attribution"}
    rng = random.Random(7)
    for _ in range(4):
        shuffled = [type(a)(**{k: getattr(a, k) for k in a.__slots__}) for a in analyses]
        rng.shuffle(shuffled)
        for a in shuffled:
            rng.shuffle(a.claims)  # within a document too
        assert run(shuffled) == first
