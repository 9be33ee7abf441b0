"""KB loading and validation (SPEC §5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger.errors import KBError
from ledger.resolve.kb import load_kb

SEED_KB = Path(__file__).resolve().parents[2] / "seeds" / "kb"


def write(tmp_path: Path, body: str) -> Path:
    d = tmp_path / "kb"
    d.mkdir(exist_ok=True)
    (d / "x.yaml").write_text(body, encoding="utf-8")
    return d


def test_seed_kb_loads_with_terms_of_office() -> None:
    kb = load_kb([SEED_KB])
    by_id = {e.id: e for e in kb.entities}
    assert kb.warnings == []
    austin = by_id["lloyd-austin"]
    assert austin.kind == "person" and austin.country == "US"
    term = next(t for t in austin.offices if t.office == "us-secretary-of-defense")
    assert (str(term.start), str(term.end)) == ("2021-01-22", "2025-01-20")
    li = by_id["li-shangfu"]
    assert li.native == "李尚福"
    assert ("cn-minister-of-national-defense", "2023-03-12", "2023-10-24") in [
        (t.office, str(t.start), str(t.end)) for t in li.offices
    ]
    assert by_id["us-secretary-of-defense"].kind == "office"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("entities:\n  - id: a\n    kind: person\n", "x.yaml:2: entity 'a': missing required field 'name'"),
        ("entities:\n  - id: a\n    kind: robot\n    name: A\n", "field 'kind': unknown kind 'robot'"),
        (
            "entities:\n  - id: a\n    kind: person\n    name: A\n    offices:\n      - {office: nope, from: 2020-01-01}\n",
            "entity 'a': field 'offices[0].office': unknown id 'nope'",
        ),
        (
            "entities:\n  - id: o\n    kind: office\n    name: O\n  - id: a\n    kind: person\n    name: A\n"
            "    offices:\n      - {office: o, from: 2020-13-01}\n",
            "entity 'a': field 'offices[0].from': bad date '2020-13-01'",
        ),
        ("entities:\n  - id: a\n    kind: org\n    name: A\n  - id: a\n    kind: org\n    name: B\n", "duplicate id"),
        ("entities:\n  - id: a\n    kind: place\n    name: A\n    part_of: nowhere\n", "field 'part_of': unknown id 'nowhere'"),
        ("people: []\n", "a KB file needs a top-level 'entities:' list"),
        ("entities: [\n", "invalid YAML"),
    ],
    ids=["missing-field", "unknown-kind", "dangling-office", "bad-date", "duplicate-id", "dangling-part-of", "no-entities", "bad-yaml"],
)
def test_invalid_kb_is_refused_naming_file_entity_and_field(tmp_path: Path, body: str, expected: str) -> None:
    with pytest.raises(KBError) as e:
        load_kb([write(tmp_path, body)])
    assert "x.yaml" in str(e.value)
    assert expected in str(e.value)


def test_unknown_fields_are_warned_about(tmp_path: Path) -> None:
    kb = load_kb([write(tmp_path, "entities:\n  - id: a\n    kind: org\n    name: A\n    colour: red\n")])
    assert len(kb.entities) == 1
    assert any("unknown field 'colour'" in w for w in kb.warnings)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="KB folder not found"):
        load_kb([tmp_path / "nope"])


def test_the_name_index_pickles_whole() -> None:
    """The cached index (a pickle beside the ledger) answers as the one it was made from:
    entities with their terms, every key's entries."""
    import pickle

    from ledger.resolve.index import Entry, build_index

    entities = load_kb([SEED_KB]).entities
    index = build_index(entities)
    copy = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy.entities == index.entities
    assert dict(copy.keys) == dict(index.keys)
    assert copy.keys["nonexistent key"] == []  # still a defaultdict
    some = next(e for e in copy.entities.values() if e.offices)
    assert type(some.offices[0]).__name__ == "Term" and some.offices == index.entities[some.id].offices
    entry = next(iter(copy.keys.values()))[0]
    assert isinstance(entry, Entry) and entry.entity in copy.entities
    assert (copy.surnames, copy.givens, copy.prefixes) == (index.surnames, index.givens, index.prefixes)
