"""Each predicate frame's examples are its tests; and on the seeds, all five articles yield the
normalized claim "Li Shangfu sanctioned by the United States"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ledger.errors import RuleError
from ledger.extract.frames import load_frame, load_frames
from ledger.model import Document, Section
from ledger.pipeline import analyze
from ledger.read import read_file
from ledger.resolve.index import build_index
from ledger.resolve.kb import load_kb

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    return build_index(load_kb([ROOT / "seeds" / "kb"]).entities)


def _examples() -> list:  # type: ignore[type-arg]
    return [
        pytest.param(f.name, ex, id=f"{f.name}:{i}")
        for f in load_frames()
        for i, ex in enumerate(f.examples)
    ]


@pytest.mark.parametrize(("frame", "example"), _examples())
def test_frame_example(frame: str, example: dict, index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def,type-arg]
    if "kb" in example:  # entities the example needs beyond the seed KB
        (tmp_path / "extra.yaml").write_text(example["kb"], encoding="utf-8")
        index = build_index(load_kb([ROOT / "seeds" / "kb", tmp_path]).entities)
    text = example["text"]
    published = example.get("published")
    doc = Document(path="x.txt", text=text, published=published if isinstance(published, date) else None,
                   sections=[Section("body", 0, len(text))])
    claims = [c for c in analyze(doc, index).claims if c.qualifiers.get("frame") == frame]
    want = example["claim"]
    assert claims, f"frame {frame} found nothing in {text!r}"
    def ok(c) -> bool:  # type: ignore[no-untyped-def]
        got = {"subject": c.subject, "object": c.object, "value": c.value,
               "valid_from": c.valid_from, **c.qualifiers}
        return all(got.get(k) == v for k, v in want.items())
    assert any(ok(c) for c in claims), [(c.subject, c.object, c.value, c.valid_from, c.qualifiers) for c in claims]


def test_every_frame_has_examples() -> None:
    for f in load_frames():
        assert f.examples, f"frame {f.name} has no examples"


def test_all_five_seeds_say_li_was_sanctioned_by_the_us(index) -> None:  # type: ignore[no-untyped-def]
    found = {}
    for path in sorted((ROOT / "seeds" / "articles").glob("*.txt")):
        doc = read_file(path)[0]
        hits = [c for c in analyze(doc, index).claims
                if (c.subject, c.predicate, c.object) == ("li-shangfu", "sanctioned", "united-states")]
        found[path.name[:3]] = hits
    assert all(found.values()), {k: len(v) for k, v in found.items()}
    spans = {(k, c.span.line) for k, v in found.items() for c in v}
    assert len(spans) >= 5


def test_bad_frame_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "x.yaml"
    p.write_text("frame: x\nsubject: who\npatterns: ['{who:robot} did it']\n")
    with pytest.raises(RuleError, match="unknown kind 'robot'"):
        load_frame(p)
    p.write_text("frame: x\nsubject: nobody\npatterns: ['{who:person} did it']\n")
    with pytest.raises(RuleError, match="no placeholder named 'nobody'"):
        load_frame(p)


def test_users_add_frames_without_python(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "frames").mkdir()
    (tmp_path / "frames" / "visited.yaml").write_text(
        "frame: visited\n"
        "description: Someone visited a place.\n"
        "subject: who\nobject: where\nvalue: time\n"
        "patterns:\n  - \"{who:person} visited {where:place}{rest}\"\n"
        "examples:\n  - text: \"Nancy Pelosi visited Taiwan in August 2022.\"\n"
        "    claim: {subject: nancy-pelosi, object: taiwan, value: \"2022-08\"}\n",
        encoding="utf-8",
    )
    (tmp_path / "ledger.toml").write_text(f'kb = ["{ROOT / "seeds" / "kb"}"]\nframes = ["frames"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\npublished: 2023-06-20\n---\nNancy Pelosi visited Taiwan in August 2022.\n", encoding="utf-8")
    r = cli("claims", "a.md", "--format", "json", cwd=tmp_path)
    assert r.code == 0, r.err
    got = [(c["subject"], c["predicate"], c["object"], c["value"]) for c in __import__("json").loads(r.out)["claims"]]
    assert ("nancy-pelosi", "visited", "taiwan", "2022-08") in got
    (tmp_path / "ledger.toml").write_text('frames = ["nowhere"]\n', encoding="utf-8")
    r = cli("claims", "a.md", cwd=tmp_path)
    assert r.code == 2 and "frame folder not found" in r.err


def test_a_party_the_kb_does_not_know_is_named_by_its_key(index) -> None:  # type: ignore[no-untyped-def]
    text = "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin on Monday."
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 9), sections=[Section("body", 0, len(text))])
    (c,) = [c for c in analyze(doc, index).claims if c.predicate == "met"]
    assert (c.subject_key, c.object, c.object_key, c.object_surface, c.value) == (
        "name:narendra modi", None, "name:vladimir putin", "Vladimir Putin", "2024-07-08")


def test_where_two_met_on_a_day_is_that_meetings_place(index) -> None:  # type: ignore[no-untyped-def]
    # the same meeting, whichever party is named first: one key for its place
    keys = set()
    for text in ("Lloyd Austin met Li Shangfu in Singapore on Monday.", "Li Shangfu met Lloyd Austin in Vienna on Monday."):
        doc = Document(path="t.txt", text=text, published=date(2023, 6, 6), sections=[Section("body", 0, len(text))])
        (c,) = [c for c in analyze(doc, index).claims if c.predicate == "located_in"]
        assert (c.subject, c.object_surface, c.subject_surface) == (
            None, text.split(" in ")[1].split()[0], "the meeting of Lloyd Austin and Li Shangfu"
            if text.startswith("Lloyd") else "the meeting of Li Shangfu and Lloyd Austin")
        keys.add(c.subject_key)
    assert keys == {"meeting:li-shangfu+lloyd-austin@2023-06-05"}


def test_a_pronoun_in_the_next_sentence_is_the_person_opening_the_one_before(index) -> None:  # type: ignore[no-untyped-def]
    # not the last person named ("Xi Jinping's staff")
    text = ("Li Shangfu, 65, is a general who served in the army before joining Xi Jinping's staff in 2021. "
            "He was named defense minister in March.")
    doc = Document(path="t.txt", text=text, published=date(2023, 5, 30), sections=[Section("body", 0, len(text))])
    found = [c for c in analyze(doc, index).claims if c.qualifiers.get("frame") == "appointed"]
    assert [c.subject for c in found] == ["li-shangfu"]


def test_an_agent_of_a_passive_is_not_where_its_clause_is(index) -> None:  # type: ignore[no-untyped-def]
    # "the damage left by the G7 summit in Japan": where the damage is, not the summit
    text = "Biden surveyed the damage left by the G7 summit in Japan."
    doc = Document(path="x.txt", text=text, published=date(2023, 5, 30), sections=[Section("body", 0, len(text))])
    assert [c for c in analyze(doc, index).claims if c.predicate == "located_in"] == []


def test_the_day_an_event_began_is_told_once(index) -> None:  # type: ignore[no-untyped-def]
    # "launched the X on June 2": when it began, not also when it was held
    text = "Since organizers launched the Shangri-La Dialogue on June 2, delegates have arrived daily."
    doc = Document(path="x.txt", text=text, published=date(2023, 6, 4), sections=[Section("body", 0, len(text))])
    got = [(c.predicate, c.value) for c in analyze(doc, index).claims if c.predicate in ("began", "held")]
    assert got == [("began", "2023-06-02")]


def test_a_time_of_a_later_item_of_a_list_is_not_the_first_items(index) -> None:  # type: ignore[no-untyped-def]
    # "since 2020" is the vice presidency's, not the mayoralty's
    text = "Lloyd Austin previously served as defense secretary, envoy, and, since 2020, senator."
    doc = Document(path="x.txt", text=text, published=date(2024, 5, 20), sections=[Section("body", 0, len(text))])
    (c,) = [c for c in analyze(doc, index).claims if c.qualifiers.get("frame") == "served"]
    assert (c.object, c.value, c.qualifiers["time"]) == ("us-secretary-of-defense", None, "former")


def test_a_datelines_date_is_not_the_frames(index) -> None:  # type: ignore[no-untyped-def]
    # "BEIJING, May 23 (Reuters) -": when it was filed; "on Monday night" is when he was appointed
    text = ("BEIJING, May 23 (Reuters) - China has appointed Li Shangfu as defense minister, according to a "
            "decree read on state television on Monday night.")
    doc = Document(path="x.txt", text=text, published=date(2023, 5, 23), sections=[Section("body", 0, len(text))])
    got = [c.value for c in analyze(doc, index).claims if c.qualifiers.get("frame") == "appointed"]
    assert got == ["2023-05-22"]


def test_a_time_of_a_clause_of_its_own_is_not_the_frames(index) -> None:  # type: ignore[no-untyped-def]
    # "in March" is when Thuong resigned, not when Lam took over
    text = "Li Shangfu replaced Wei Fenghe as defense minister after Wei resigned in March."
    doc = Document(path="x.txt", text=text, published=date(2023, 5, 23), sections=[Section("body", 0, len(text))])
    got = [(c.subject, c.value) for c in analyze(doc, index).claims if c.qualifiers.get("frame") == "appointed"]
    assert got == [("li-shangfu", None)]


def test_a_time_far_after_the_frame_is_another_verbs(index) -> None:  # type: ignore[no-untyped-def]
    # "in June" is when Li refused to meet Austin, not when he was sanctioned
    text = ("Li Shangfu, who has been under US sanctions, refused to meet Austin at the Shangri-La Dialogue "
            "in Singapore in June.")
    doc = Document(path="x.txt", text=text, published=date(2023, 11, 16), sections=[Section("body", 0, len(text))])
    assert [c.value for c in analyze(doc, index).claims if c.predicate == "sanctioned"] in ([], [None])


@pytest.mark.parametrize("text", [
    "Li Shangfu was never sanctioned by the US.",
    "Li Shangfu is not under US sanctions, removing that obstacle.",
    "Li Shangfu has not been sanctioned by the United States.",
])
def test_a_denied_frame_makes_no_claim(text: str, index) -> None:  # type: ignore[no-untyped-def]
    doc = Document(path="x.txt", text=text, published=date(2023, 12, 30), sections=[Section("body", 0, len(text))])
    assert not [c for c in analyze(doc, index).claims if c.predicate == "sanctioned"]


def test_a_bodys_title_is_not_the_country_office_nor_dated_by_a_clause_after_it(index) -> None:  # type: ignore[no-untyped-def]
    text = ("Li Shangfu was named the first president of the confederation, which the three juntas set up in "
            "September last year.")
    doc = Document(path="x.txt", text=text, published=date(2024, 7, 8), sections=[Section("body", 0, len(text))])
    (c,) = [c for c in analyze(doc, index).claims if c.predicate == "holds_office"]
    assert c.object is None and c.valid_from is None, (c.object, c.valid_from)


def test_a_frame_takes_no_time_from_a_clause_of_its_own_after_it(index) -> None:  # type: ignore[no-untyped-def]
    text = "Li Shangfu served as defense minister in the last government and has been an adviser since July."
    doc = Document(path="x.txt", text=text, published=date(2024, 11, 2), sections=[Section("body", 0, len(text))])
    found = [c for c in analyze(doc, index).claims if c.predicate == "holds_office" and c.qualifiers.get("frame")]
    assert found and all(c.valid_from is None or c.valid_from.month != 7 for c in found), [
        (c.object, c.valid_from) for c in found]


@pytest.mark.parametrize(("text", "held"), [
    ("The Pentagon requested the Shangri-La Dialogue in May.", []),
    ("Austin had applied for the Shangri-La Dialogue on May 20.", []),
    ("China called for the Shangri-La Dialogue in March.", []),
    # the event's own time, with no act on it before its name
    ("Austin spoke at the Shangri-La Dialogue on June 3.", ["2023-06-03"]),
])
def test_a_time_of_an_act_on_an_event_is_not_the_events(text: str, held: list[str], index) -> None:  # type: ignore[no-untyped-def]
    # "had requested the warrants in May": when they were requested, not when they were issued
    doc = Document(path="x.txt", text=text, published=date(2023, 6, 5), sections=[Section("body", 0, len(text))])
    assert [c.value for c in analyze(doc, index).claims if c.predicate == "held"] == held


def test_a_time_a_distance_before_the_frame_is_not_its(index) -> None:  # type: ignore[no-untyped-def]
    # "on May 3 just days after he was named": May 3 is the other verb's, not the appointment's
    text = "Austin flew to Singapore on May 3, just days after Li Shangfu was named defense minister."
    doc = Document(path="x.txt", text=text, published=date(2023, 5, 30), sections=[Section("body", 0, len(text))])
    got = [(c.subject, c.value) for c in analyze(doc, index).claims if c.qualifiers.get("frame") == "appointed"]
    assert got == [("li-shangfu", None)], got


def test_an_agreement_signed_is_no_day_of_a_ceasefire_of_days(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(
        "entities:\n  - {id: truce-2023, kind: event, name: Jeddah Ceasefire Agreement, from: 2023-05-22,"
        " to: 2023-05-29}\n", encoding="utf-8")
    index = build_index(load_kb([ROOT / "seeds" / "kb", tmp_path]).entities)
    text = "The Jeddah Ceasefire Agreement was signed in Jeddah on Saturday by both sides."
    doc = Document(path="x.txt", text=text, published=date(2023, 5, 23), sections=[Section("body", 0, len(text))])
    assert [c for c in analyze(doc, index).claims if c.predicate == "held"] == []


def test_a_day_of_a_reaction_to_an_event_is_not_the_events(index) -> None:  # type: ignore[no-untyped-def]
    # "welcomed the ... Shangri-La Dialogue on Friday": the welcome's day
    text = "Delegates welcomed the Shangri-La Dialogue on Friday, officials said."
    doc = Document(path="x.txt", text=text, published=date(2023, 6, 6), sections=[Section("body", 0, len(text))])
    assert [c for c in analyze(doc, index).claims if c.predicate == "held"] == []


def test_the_day_of_a_result_of_an_event_is_not_the_events(index) -> None:  # type: ignore[no-untyped-def]
    # "declared the winner of Sri Lanka's presidential election on Sunday": the declaration's day;
    # "the winner of Saturday's summit" still dates the summit
    def held(text: str) -> list[str | None]:
        doc = Document(path="x.txt", text=text, published=date(2023, 6, 6), sections=[Section("body", 0, len(text))])
        return [c.value for c in analyze(doc, index).claims if c.predicate == "held"]

    assert held("Lloyd Austin was declared the winner of the Shangri-La Dialogue on Sunday.") == []
    assert held("Lloyd Austin was declared the winner of Saturday's Shangri-La Dialogue.") == ["2023-06-03"]


def test_a_frame_rejects_a_bad_not_after_pattern(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text('frame: x\nsubject: thing\npatterns: ["{thing:event} x"]\nnot_after: "(("\n',
                                     encoding="utf-8")
    with pytest.raises(RuleError, match="not_after"):
        load_frame(tmp_path / "x.yaml")
