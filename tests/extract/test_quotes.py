"""Quotations and who said them (ledger.extract.quotes).

Mentions come from the real pipeline: extraction finds them, ``find_quotes`` runs on that list
(as ``extract`` will), and resolution then sets ``entity`` on the same Mention objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.extract import extract
from ledger.extract.quotes import REPORTING_VERBS, Quote, find_quotes, normalize
from ledger.model import Document, Mention, Section, Span
from ledger.pipeline import analyze as analyze_doc
from ledger.read import read_file
from ledger.resolve.document import resolve
from ledger.resolve.index import NameIndex, build_index
from ledger.resolve.kb import load_kb

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def index() -> NameIndex:
    return build_index(load_kb([SEEDS / "kb"]).entities)


@dataclass
class Found:
    doc: Document
    mentions: list[Mention]
    quotes: list[Quote]

    def speaker(self, q: Quote) -> Mention | None:
        return None if q.speaker is None else self.mentions[q.speaker]

    def surface(self, q: Quote) -> str:
        m = self.speaker(q)
        assert m is not None
        return m.surface

    def entity(self, q: Quote) -> str | None:
        m = self.speaker(q)
        return m.entity if m else None

    def line(self, q: Quote) -> int:
        return self.doc.position(q.start)[0]

    def on(self, line: int) -> list[Quote]:
        return [q for q in self.quotes if self.line(q) == line]

    def one(self, line: int = 0, text: str = "") -> Quote:
        found = [
            q for q in self.quotes if (not line or self.line(q) == line) and text in q.text
        ]
        assert len(found) == 1, [q.text for q in self.quotes]
        return found[0]


def regions(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.body_spans(("body",))]


def analyze(doc: Document) -> Found:
    ex = extract(doc, index())
    mentions = list(ex.mentions)  # resolution drops some from ex.mentions; indices stay valid
    quotes = find_quotes(doc.text, mentions, regions(doc))
    resolve(doc, ex, index())
    return Found(doc, mentions, quotes)


@cache
def seed(prefix: str) -> Found:
    path = next((SEEDS / "articles").glob(f"{prefix}_*.txt"))
    return analyze(read_file(path)[0])


def text(t: str) -> Found:
    return analyze(Document(path="t.txt", text=t, sections=[Section("body", 0, len(t))]))


# --------------------------------------------------------------------------------------------
# the seeds: every quotation, its speaker and its cue

# a bare "Biden" resolves only as far as resolution links it (see test_bare_biden_resolves)
BIDEN = frozenset({None, "joe-biden"})
SEED_QUOTES: dict[str, list[tuple[Any, ...]]] = {
    "000": [
        (15, "under negotiation", BIDEN, "Biden", "said", True),
        (19, "believes in the importance", "ely-ratner", "Ely Ratner", "said", True),
        (21, "The US and Department of Defense", "ely-ratner", "Ratner", "emphasized", False),
        (23, "The Pentagon’s attempts", "ely-ratner", "Ratner", "told", False),
    ],
    "001": [
        (9, "The US side clearly knows", None, "a Chinese Embassy spokesman",
         "quoted ... as saying", False),
        (11, "Such obstacles need to be removed", None, "the spokesman", "added", False),
        (13, "likely mentioned", "bloomberg-news", "Bloomberg", "according to", True),
    ],
    "002": [(13, "thaw", BIDEN, "Biden", "said", True)],
    "003": [(23, "guardrails", "joe-biden", "Joe Biden", "stressed", True)],
    "004": [
        (15, "Overnight, the PRC informed", "us-department-of-defense", "the Pentagon", "said",
         False),
        (17, "The Department believes", "us-department-of-defense", "the Pentagon", "said",
         False),
        (21, "what is the sincerity", "mao-ning", "she", "said", False),
        (27, "It’s designed to be a snub", "alexander-neill", "Alexander Neill", "told", False),
        (31, "Frankly, it’s just the latest", None, "the official", "said", False),
        (41, "thaw very soon", "joe-biden", "Biden", "said", True),
        (45, "obviously the most fraught", "alexander-neill", "Neill", "said", True),
        (51, "There’s a possibility", "alexander-neill", "Neill", "said", False),
        (51, "I think it’ll look pretty grim", "alexander-neill", "Neill", "said", False),
        (53, "is willing to sit down", "alexander-neill", "he", "said", True),
        (55, "If that’s not going to happen", "alexander-neill", "Neill", "said", False),
    ],
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(SEED_QUOTES))
def test_seed_inventory(prefix: str) -> None:
    f = seed(prefix)
    got = [
        (f.line(q), q.text, f.entity(q), q.speaker_text, q.cue, q.partial) for q in f.quotes
    ]
    assert len(got) == len(SEED_QUOTES[prefix]), got
    for (line, txt, entity, st_, cue, partial), want in zip(got, SEED_QUOTES[prefix], strict=True):
        assert (line, st_, cue, partial) == (want[0], *want[3:]), (txt, want)
        assert entity in want[2] if isinstance(want[2], frozenset) else entity == want[2], txt
        assert want[1] in txt


def test_comments_are_never_searched() -> None:
    # seed 000 has “powers-that-be.”, “great again” in its reader comments
    f = seed("000")
    assert all(f.line(q) < 28 for q in f.quotes)
    assert not any("powers" in q.text for q in f.quotes)


# --------------------------------------------------------------------------------------------
# attribution after the quotation


def test_quote_then_name_told_nbc_news_across_an_appositive() -> None:
    # “…,” Alexander Neill, a Singapore-based strategic adviser …, told NBC News.
    q = seed("004").one(27)
    assert seed("004").entity(q) == "alexander-neill"
    assert q.cue == "told" and not q.partial
    assert q.text == "It’s designed to be a snub, I think that’s pretty evident"


def test_quote_then_surname_emphasized() -> None:
    f = seed("000")
    q = f.one(21)
    assert (f.surface(q), f.entity(q), q.cue) == ("Ratner", "ely-ratner", "emphasized")


def test_quote_then_told_an_audience_at() -> None:
    f = seed("000")
    q = f.one(23)
    assert (f.entity(q), q.cue, q.speaker_text) == ("ely-ratner", "told", "Ratner")


def test_org_speaker_said_in_a_statement() -> None:
    f = seed("004")
    q = f.one(15)
    m = f.speaker(q)
    assert m is not None and m.kind == "org"
    assert (f.entity(q), q.speaker_text, q.cue) == ("us-department-of-defense", "the Pentagon",
                                                    "said")


def test_descriptive_speaker_the_official() -> None:
    # l.29 introduced "a senior U.S. defense official"; the speaker stays unresolved
    f = seed("004")
    q = f.one(31)
    assert q.speaker is None and q.speaker_text == "the official" and q.cue == "said"


@pytest.mark.parametrize("sentence", [
    "Opposition leader Li Shangfu - the younger brother of three-time PM Wei Fenghe - hailed the verdict.",
    "Opposition leader Li Shangfu, the younger brother of former minister Wei Fenghe, hailed the verdict.",
])
def test_a_pronoun_is_not_a_relative_named_in_an_appositive(sentence: str) -> None:
    f = text(f"{sentence}\n\n“Today is a historic day for the country,” he said.")
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == "Li Shangfu"


def test_a_possessor_opening_a_sentence_is_not_its_subject() -> None:
    # "Novak's MPs walked out": Novak is no subject a later "he" stands for
    f = text("“We will fight,” Novak said on Saturday.\n\nNovak's MPs walked out before the count.\n\n"
             "Opposition leader Li Shangfu, 70, is now tipped to become prime minister on Monday.\n\n"
             "“We will not take revenge,” he said after the result.")
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == "Li Shangfu"


def test_a_person_of_the_pronouns_paragraph_is_nearer_than_a_speaker_before_it() -> None:
    f = text("Defense Minister Li Shangfu said on Tuesday that every candidate had been offered protection.\n\n"
             "For Wei Fenghe, the risk is not abstract. “I have been threatened before,” he said.")
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == "Wei Fenghe"


@pytest.mark.parametrize(("aged", "speaker"), [("", None), (", 69,", "Jana Novakova")])
def test_a_sentence_opening_with_an_age_is_whom_the_pronoun_stands_for(aged: str, speaker: str | None) -> None:
    # "The 69-year-old had spent a week pleading": she, not the spokeswoman who spoke before
    f = text(f"His spokeswoman Kira Kralova said the body was handed to his mother, Jana Novakova{aged} on Saturday. "
             "“Many thanks to everyone,” she wrote.\n\nThe 69-year-old had spent a week in Strelsau pleading for "
             "her son's remains.\n\n“They want it done in secret,” she said.")
    q = f.quotes[-1]
    assert (m.surface if (m := f.speaker(q)) else None) == speaker


@pytest.mark.parametrize("sentence", [
    "Jan Novak testified on Tuesday. He said the FBI had found that the gunman searched online for \"How far away "
    "was Oswald from Kennedy?\" on July 6, a week before the shooting.",
    "Mr. Novak, testifying before the House Judiciary Committee, said the gunman had searched \"How far away was "
    "Oswald from Kennedy?\" on July 6, the same day he registered for the rally.",
    "Jan Novak wrote a memoir titled \u201cThe Long Road Back to the Capital\u201d last year.",
])
def test_the_words_of_a_search_or_a_title_are_no_ones_quote(sentence: str) -> None:
    assert text(sentence).quotes == []


def test_a_law_and_a_group_of_mps_are_no_speakers() -> None:
    # "MPs who had just approved the Bill ... “…,” he said": neither "Bill" nor "MPs"
    f = text("President Jan Novak declined to sign the Finance Bill 2024 into law.\n\nThe about-turn came after "
             "protests, when MPs who had just approved the Bill by 195 votes to 106 fled.\n\nIn a televised "
             "address on Tuesday night, the President had taken a hard line. \u201cIt is not in order,\u201d he said.")
    q = f.quotes[-1]
    assert (m := f.speaker(q)) is None or m.surface not in ("Bill", "MPs")
    assert q.speaker_text not in ("Bill", "MPs")


def test_in_the_words_of_names_the_speaker_after_a_quote() -> None:
    f = text("China announced the sanctions on Wednesday, saying she had \"ignored China's serious concerns and "
             "insisted on visiting Taiwan,\" in the words of foreign ministry spokeswoman Mao Ning.")
    assert [q.speaker_text for q in f.quotes] == ["Mao Ning"]


def test_a_plural_of_people_in_the_possessive_is_inside_a_name() -> None:
    # "the People's Liberation Army said": not "Liberation Army"
    f = text("The People's Action Front said \u201call the missiles accurately hit the target\u201d on Thursday.")
    assert [q.speaker_text for q in f.quotes] == ["People's Action Front"]


def test_a_participle_opening_a_sentence_is_no_speaker() -> None:
    # "Standing on the roof of a bus outside his home in Istanbul, Erdogan led the crowd"
    f = text("Jan Novak won the runoff on Sunday.\n\nStanding on the roof of a campaign bus outside his home "
             "in Strelsau, Novak led the crowd in song. \u201cWe will be ruling the country for five years,\u201d "
             "he said.")
    q = f.quotes[-1]
    assert f.surface(q) == "Novak"
    # "Standing on top of a bus ..., the president sang": the president, not the speaker before
    f = text("The head of the council, Li Qiang, confirmed the result.\n\nStanding on top of a bus outside his "
             "home, the president sang to crowds. \u201cWe will be ruling the country for five years,\u201d he said.")
    q = f.quotes[-1]
    assert (q.speaker, q.speaker_text) == (None, "the president")


def test_a_surname_named_before_after_a_preposition_is_a_person() -> None:
    # "For Novak, ...": the surname of Jan Novak named before, no place
    f = text("Jan Novak joined the race on Sunday.\n\nDefense Minister Li Shangfu said on Tuesday that every "
             "candidate had been offered protection.\n\nFor Novak, the risk is not abstract. “I have been "
             "threatened before,” he said.")
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == "Novak"


def test_pronoun_she_is_the_person_reporting_in_the_sentence_before() -> None:
    # l.19: "... spokesperson Mao Ning reiterated ... sanctions Li has been under": Mao Ning
    # reports something, Li is only named last
    f = seed("004")
    q = f.one(21)
    assert (f.entity(q), q.speaker_text, q.pronoun, q.partial) == ("mao-ning", "she", True,
                                                                   False)
    assert q.text.endswith("what is the sincerity and meaning of such communication?")


def test_split_quote_around_its_attribution_is_one_quote() -> None:
    f = seed("004")
    (q,) = f.on(55)
    assert q.text == (
        "If that’s not going to happen … then there won’t be a sort of cascade of similar "
        "engagements with the PLA."
    )
    assert f.entity(q) == "alexander-neill" and q.speaker_text == "Neill"
    assert f.doc.text[q.start] == "“" and f.doc.text[q.end - 1] == "”"
    assert "Neill said" in f.doc.text[q.start : q.end]


def test_quote_after_an_attribution_sentence_keeps_the_speaker() -> None:
    # “There’s a possibility …,” Neill said. “I think it’ll look pretty grim …”
    f = seed("004")
    first, second = f.on(51)
    assert f.entity(first) == f.entity(second) == "alexander-neill"
    assert not second.partial and second.text.startswith("I think")


def test_unattributed_paragraph_continues_the_previous_speaker() -> None:
    f = seed("004")
    q = f.one(17)
    assert f.entity(q) == "us-department-of-defense" and q.speaker_text == "the Pentagon"


def test_said_x_verb_first() -> None:
    f = text("“We will win,” said Alexander Neill, a Singapore-based adviser.")
    (q,) = f.quotes
    assert (q.text, f.entity(q), q.cue) == ("We will win", "alexander-neill", "said")


@pytest.mark.parametrize(
    "verb", ["warned", "noted", "reiterated", "added", "emphasized", "stressed", "insisted"]
)
def test_reporting_verbs_from_the_data_list(verb: str) -> None:
    assert verb in REPORTING_VERBS
    f = text(f"Ely Ratner spoke on Friday. “We will not wait,” Ratner {verb}.")
    (q,) = f.quotes
    assert (f.entity(q), q.cue, q.speaker_text) == ("ely-ratner", verb, "Ratner")


def test_according_to_after_the_quote() -> None:
    f = text("“The talks are over,” according to Alexander Neill.")
    (q,) = f.quotes
    assert (f.entity(q), q.cue) == ("alexander-neill", "according to")


def test_according_to_before_the_quote() -> None:
    f = text("According to Alexander Neill, “the talks are over.”")
    (q,) = f.quotes
    assert (f.entity(q), q.cue, q.partial) == ("alexander-neill", "according to", True)


@pytest.mark.parametrize("sentence", [
    "According to Caroline Holt of the International Federation of Red Cross and Red Crescent Societies, "
    "“the next two days will be critical.”",
    "“The next two days will be critical,” according to Caroline Holt of the Red Cross.",
])
def test_according_to_a_name_and_whom_it_speaks_for(sentence: str) -> None:
    # the speaker is the name, not the organization after "of"
    (q,) = text(sentence).quotes
    assert (q.speaker_text, q.cue) == ("Caroline Holt", "according to")


def test_a_pronoun_prefers_a_person_opening_a_later_sentence_to_an_earlier_speaker() -> None:
    f = text("Rosa Marin, the central bank's governor, said inflation would ease. Economy Minister Tomas "
             "Ibanez welcomed the decision. “The decision is consistent with our plans,” he said.")
    (q,) = f.quotes
    assert q.pronoun and f.surface(q) == "Tomas Ibanez"


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the main clause's subject, not one who acts in a clause of place after it
    ("Tomas Ibanez was driven to the palace shortly after midday, where King Jan Novak asked him to form a "
     "government. He then travelled to the ministry. “Our country has voted for change,” he said.", "Tomas Ibanez"),
    # a person named as another's relative owns no "he": the one the role names does
    ("Petr Kral, Rosa Marin's son and adviser, told the BBC that his mother would not return. “She is very "
     "disappointed,” he said.", "Petr Kral"),
    # who tells what a sentence says, not the subject of what they tell
    ("According to Novak, Kral is trying to improve his position. “What kind of talks can we have?” he asked.",
     "Novak"),
])
def test_a_pronoun_is_the_main_subject_the_relative_or_the_teller(sentence: str, speaker: str) -> None:
    f = text(sentence)
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Judge Pieter van Wyk ruled on Tuesday. “Corruption is a betrayal,” van Wyk said.", "Wyk"),
    ("Coach Luis de la Fuente spoke. “Morocco deserved it,” de la Fuente admitted.", "Fuente"),
    ("“This trophy belongs to the fans,” captain Achraf Hakimi said.", "Achraf Hakimi"),
    ("“We expected this,” said Andrés Pérez of Itaú Unibanco.", "Andrés Pérez"),
    ("“Azerbaijan has restored its sovereignty,” Ilham Aliev repeated, echoing his address.", "Ilham Aliev"),
    ("“We have achieved soft landing,” project director Lloyd Austin told reporters.", "Lloyd Austin"),
    ("“The debris is consistent with a loss,” Capt. Jamie Frederick of the First Coast Guard District said.",
     "Jamie Frederick"),
    # a number's comma ends no relative clause
    ("Tomas Ibanez, who won Clacton with a majority of 8,405, said the result was “just the first step”.",
     "Tomas Ibanez"),
    ("According to its spokesperson, Lwazi Dlamini, the sentence “sends a clear message.”", "Lwazi Dlamini"),
    # the person of a relative clause whose verb reports it, past a time or an auxiliary
    ("Mayor Jan Novak, who earlier this week said the trip was “the biggest slap in the face,” welcomed it.",
     "Jan Novak"),
    ("Minister Jan Novak, who has warned that the country is “on the edge of a civil war”, said police were on alert.",
     "Jan Novak"),
    # not the subject of a clause a conjunction opens after the quotation
    ("Senator Jan Novak affirmed that the residents “deserve better”, while Petr Kral recalled the bill.", "Jan Novak"),
    # a tabloid's verbs of speech, before a colon, past a relative clause
    ("Furious President Jan Novak, who only took office this week, raged: “The regime martyred our guest.”",
     "Jan Novak"),
    ("“I have never seen a crowd like this,” Novak roared.", "Novak"),
    ("Foreign Minister Jan Novak raged on X: “The appointment is a disgrace.”", "Jan Novak"),
    # a title of two offices, in apposition before the name, and a long clause after the verb
    ("“The operation was successful,” the Deputy Prime Minister and Minister of Defence, Jan Novak, declared on "
     "Thursday during a press point in front of the hospital.", "Jan Novak"),
    # a time before a description is no part of it
    ("“This is serious,” on Thursday the army command said in a statement.", "the army command"),
])
def test_a_speaker_with_a_particle_a_role_an_employer_or_a_description_before(sentence: str, speaker: str) -> None:
    q = text(sentence).quotes[-1]
    assert q.speaker_text == speaker


def test_a_pronoun_after_a_sentence_opened_by_a_description_is_the_description() -> None:
    # not "Congress", one capitalized word named twice: the description that opens the sentence
    f = text("Congress approved the plan. In his final weeks, Congress approved his plan to elect judges. The former "
             "president has said he will retire to his ranch. “I leave with my conscience clear,” he said on Monday.")
    q = f.quotes[-1]
    assert q.speaker is None and q.speaker_text == "The former president"


def test_a_sentence_after_a_quote_that_says_something_else_is_no_attribution() -> None:
    f = text("Biden later told reporters he still considered Xi “a dictator.” China's Foreign Ministry said the "
             "comment was irresponsible.")
    (q,) = f.quotes
    assert q.speaker_text == "Biden"


def test_a_name_after_an_appositive_and_said_is_no_inverted_speaker() -> None:
    f = text("German Foreign Minister Annalena Baerbock, who has pushed allies to look for air defense systems, "
             "said Germany was examining its stocks. “We are going through everything we have,” she said.")
    (q,) = f.quotes
    assert q.pronoun and f.surface(q) == "Annalena Baerbock"


def test_title_before_the_name_after_the_quote() -> None:
    f = text("“We will win,” U.S. Defense Secretary Lloyd Austin told reporters on Tuesday.")
    (q,) = f.quotes
    assert (f.entity(q), q.speaker_text, q.cue) == ("lloyd-austin", "Lloyd Austin", "told")


@pytest.mark.parametrize("speaker", ["U.S. Defense Secretary Lloyd Austin", "Libyan Prime Minister Lloyd Austin"])
def test_said_then_a_title_and_the_name(speaker: str) -> None:
    # the verb first, then a title the KB may not know ("Libyan"): the speaker is the name
    f = text(f"“We will win,” said {speaker}.")
    (q,) = f.quotes
    assert (f.entity(q), f.surface(q), q.cue) == ("lloyd-austin", "Lloyd Austin", "said")


def test_said_the_name_then_what_about() -> None:
    f = text("“A fraud,” said Lloyd Austin of the amnesty deal.")
    (q,) = f.quotes
    assert (f.entity(q), f.surface(q)) == ("lloyd-austin", "Lloyd Austin")


def test_name_in_an_appositive_after_a_title() -> None:
    f = text("“We will win,” the Pentagon’s press secretary, Brig. Gen. Pat Ryder, said.")
    (q,) = f.quotes
    assert f.surface(q).endswith("Pat Ryder") and q.cue == "said"


def test_name_then_an_age_appositive() -> None:
    f = text("“We will win,” Alexander Neill, 45, said.")
    assert f.entity(f.quotes[0]) == "alexander-neill"


def test_descriptive_speaker_with_an_abbreviation() -> None:
    (q,) = text("“We will win,” a senior U.S. defense official said on condition of anonymity."
                ).quotes
    assert (q.speaker, q.speaker_text) == (None, "a senior U.S. defense official")
    (q,) = text("“We will win,” said a State Department spokesperson.").quotes
    assert (q.speaker, q.speaker_text) == (None, "a State Department spokesperson")


def test_question_mark_then_capitalized_attribution() -> None:
    f = text("“Why now?” Alexander Neill asked. The meeting ended.")
    (q,) = f.quotes
    assert (q.text, f.entity(q), q.cue) == ("Why now?", "alexander-neill", "asked")


def test_period_then_unrelated_sentence_is_no_attribution() -> None:
    f = text("“The talks ended.” Alexander Neill left the room.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "" and q.cue == ""


def test_pronoun_it_resolves_to_an_organization() -> None:
    f = text("“Stop,” the Pentagon said. “Now,” it added.")
    first, second = f.quotes
    assert f.entity(second) == "us-department-of-defense"
    assert second.pronoun and second.speaker_text == "it" and not first.pronoun


def test_pronoun_is_the_subject_of_the_sentence_before_not_a_place_in_it() -> None:
    # names nothing shows to be people: "Puerto Rico" after "in" is no antecedent of "He";
    # the sentence's subject is, before a name in the middle of it
    f = text("Henry, who took office after the killing of President Jovenel Moise, was stranded in "
             "Puerto Rico. He said his government would leave \"immediately after the installation of a council\".")
    (q,) = f.quotes
    assert q.pronoun and f.surface(q) == "Henry"


def test_a_pronoun_is_not_a_name_modifying_a_noun_after_the() -> None:
    # "the\nNorth Yorkshire seat he held" (across a line break): a place as a modifier, no antecedent of "he"
    f = text("Keir Starmer swept Rishi Sunak from power.\n\n\"Changing a country is not like flicking a switch,\" "
             "Starmer said.\n\nSunak, 44, conceded defeat in the early hours at his count in Richmond and "
             "Northallerton, the\nNorth Yorkshire seat he held comfortably. In a brief statement outside Number 10 "
             "before leaving for the palace, he apologised to party candidates and supporters.\n\n"
             "\"To the country, I would like to say, first and foremost, I am sorry,\" he said.")
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == "Sunak"


def test_a_title_described_names_its_holder_named_before() -> None:
    f = text("Defense Secretary Lloyd Austin arrived on Friday. \"We will keep talking,\" the secretary said.")
    (q,) = f.quotes
    assert f.entity(q) == "lloyd-austin" and q.speaker_text == "the secretary"
    # no such title named before: nobody in particular
    f = text("Lloyd Austin arrived on Friday. \"We will keep talking,\" the president said.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "the president"


def test_plural_pronoun_is_left_unresolved() -> None:
    f = text("Alexander Neill met Mao Ning. “Go,” they said.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "they" and not q.pronoun


# --------------------------------------------------------------------------------------------
# attribution before the quotation


def test_name_said_then_quote() -> None:
    f = text("Alexander Neill said “We will win.”")
    (q,) = f.quotes
    assert (q.text, f.entity(q), q.cue, q.partial) == ("We will win.", "alexander-neill",
                                                       "said", False)


def test_name_said_colon_quote() -> None:
    f = text("Alexander Neill said: “We will win,” and left.")
    (q,) = f.quotes
    assert (f.entity(q), q.cue) == ("alexander-neill", "said")


@pytest.mark.parametrize("colon", ["", ":"])
def test_name_told_nbc_news_quote(colon: str) -> None:
    f = text(f"Alexander Neill told NBC News{colon} “We will win.”")
    (q,) = f.quotes
    assert (f.entity(q), q.cue, q.partial) == ("alexander-neill", "told", False)


def test_subject_across_a_relative_clause() -> None:
    # seed 004 l.41: "Biden, who last spoke with President Xi Jinping …, said … “thaw very soon”"
    f = seed("004")
    q = f.one(41)
    assert (f.entity(q), q.text, q.partial) == ("joe-biden", "thaw very soon", True)


def test_indirect_speech_is_no_quote() -> None:
    assert text("Alexander Neill said that the talks would fail.").quotes == []
    assert text("According to Alexander Neill, the talks would fail.").quotes == []


def test_quoted_as_saying_after_a_backtick_quote() -> None:
    f = seed("001")
    q = f.one(9)
    assert q.speaker is None
    assert (q.speaker_text, q.cue, q.partial) == ("a Chinese Embassy spokesman",
                                                  "quoted ... as saying", False)
    assert q.text.startswith("The US side") and q.text.endswith("sanctions on China")


def test_the_spokesman_added_in_the_next_paragraph() -> None:
    q = seed("001").one(11)
    assert (q.speaker, q.speaker_text, q.cue) == (None, "the spokesman", "added")


def test_participle_continues_the_reporting_clause() -> None:
    f = text("“We will win,” Alexander Neill said, adding that talks were “useful.”")
    first, second = f.quotes
    assert f.entity(first) == f.entity(second) == "alexander-neill"
    assert second.partial


def test_participle_without_a_reporting_verb_continues_the_subjects_clause() -> None:
    f = text("WASHINGTON — Lloyd Austin opened the forum on Tuesday, telling delegates that “the region is safer.”\n\n"
             "In talks with Lloyd Austin, Li Shangfu spent an hour on trade, saying “we want stability.”\n")
    first, second = f.quotes
    assert (f.entity(first), first.cue) == ("lloyd-austin", "telling")
    assert (f.entity(second), second.cue) == ("li-shangfu", "saying")  # not the one after "with"


def test_a_participle_after_no_comma_names_no_speaker() -> None:
    f = text("Lloyd Austin kept saying “we are ready” to anyone.\n")
    assert [f.speaker(q) for q in f.quotes] == [None]


# --------------------------------------------------------------------------------------------
# partial quotations


def test_partial_long_quote_inside_a_sentence() -> None:
    # seed 000 l.19: Ratner said late last week the Pentagon “believes in … dialogues.”
    f = seed("000")
    q = f.one(19)
    assert f.entity(q) == "ely-ratner" and q.partial and q.cue == "said"
    assert f.surface(q) == "Ely Ratner"  # not "the Pentagon" after the verb
    assert "Unfortunately… we’ve had a lot of difficulty" in q.text  # spans sentences


def test_partial_quote_after_a_surname() -> None:
    # seed 000 l.15: Biden when asked had said the anti-China sanctions were “under negotiation”
    f = seed("000")
    q = f.one(15)
    assert (f.surface(q), q.speaker_text, q.cue, q.partial) == ("Biden", "Biden",
                                                                        "said", True)


def test_partial_straight_quotes() -> None:
    # seed 002 l.13: US Pres. Biden said … that he expected an imminent "thaw"
    f = seed("002")
    q = f.one(13)
    assert (q.text, f.surface(q), q.partial) == ("thaw", "Biden", True)
    assert f.doc.text[q.start] == '"'


@pytest.mark.xfail(reason="resolution drops a bare 'Biden' with no full name introduced before "
                   "(000) and does not link 'Pres.' + 'Biden' (002); the quote speaker is right",
                   strict=False)
@pytest.mark.parametrize("prefix, line", [("000", 15), ("002", 13)])
def test_bare_biden_resolves(prefix: str, line: int) -> None:
    f = seed(prefix)
    assert f.entity(f.one(line)) == "joe-biden"


def test_partial_with_pronoun_subject() -> None:
    # seed 004 l.53: But he said … unless Xi “is willing to sit down …” (he = Neill, not Xi)
    f = seed("004")
    q = f.one(53)
    assert (f.entity(q), q.speaker_text, q.pronoun, q.partial) == ("alexander-neill", "he",
                                                                   True, True)


def test_scare_quotes_have_no_speaker() -> None:
    f = text("The so-called “thaw” never came.")
    (q,) = f.quotes
    assert (q.text, q.speaker, q.speaker_text, q.cue, q.partial) == ("thaw", None, "", "", True)


def test_uppercase_quote_inside_a_sentence_is_partial() -> None:
    (q,) = text("Officials met for the “Shangri-La Dialogue” talks.").quotes
    assert q.partial and q.speaker is None


# --------------------------------------------------------------------------------------------
# spans


def test_quote_spanning_sentences() -> None:
    f = text("“We tried. We failed. We will try again,” Alexander Neill said.")
    (q,) = f.quotes
    assert q.text == "We tried. We failed. We will try again"
    assert f.entity(q) == "alexander-neill"


@pytest.mark.parametrize("mark", ["“", '"'])
def test_quote_spanning_paragraphs(mark: str) -> None:
    close = "”" if mark == "“" else '"'
    t = (
        f"{mark}The first paragraph of it.\n\n"
        f"{mark}The second one continues,{close} Ely Ratner said."
    )
    f = text(t)
    (q,) = f.quotes
    assert q.text == "The first paragraph of it. The second one continues"
    assert (q.start, q.end) == (0, t.index(" Ely"))
    assert f.entity(q) == "ely-ratner"


def test_open_quote_not_continued_is_dropped() -> None:
    assert text("“Unclosed quote here.\n\nThe next paragraph has no mark.").quotes == []


def test_quotes_stay_inside_their_regions() -> None:
    t = "“One,” he said.\n\n“Two,” she said.\n\nComment: “three”"
    cut = t.index("Comment")
    quotes = find_quotes(t, [], [(0, cut)])
    assert [q.text for q in quotes] == ["One", "Two"]
    assert find_quotes(t, [], [(0, 5), (5, cut)]) == find_quotes(t, [], [(5, cut)])


# --------------------------------------------------------------------------------------------
# marks


@pytest.mark.parametrize(
    "t, want",
    [
        ("“We will win,” Alexander Neill said.", "We will win"),
        ('"We will win," Alexander Neill said.', "We will win"),
        ("‘We will win,’ Alexander Neill said.", "We will win"),
        ("'We will win,' Alexander Neill said.", "We will win"),
        ("`We will win,` Alexander Neill said.", "We will win"),
        ("``We will win,'' Alexander Neill said.", "We will win"),
        ("« We will win », Alexander Neill said.", "We will win"),
        ("„We will win“, Alexander Neill said.", "We will win"),
        ("「We will win,」 Alexander Neill said.", "We will win"),
    ],
)
def test_quotation_marks(t: str, want: str) -> None:
    f = text(t)
    (q,) = f.quotes
    assert q.text == want
    assert f.entity(q) == "alexander-neill"


def test_apostrophes_inside_double_quotes() -> None:
    (q,) = text("“It’s China’s call, and we don’t know,” Alexander Neill said.").quotes
    assert q.text == "It’s China’s call, and we don’t know"


def test_apostrophes_inside_single_quotes() -> None:
    (q,) = text("‘It’s China’s call, and we don’t know,’ Alexander Neill said.").quotes
    assert q.text == "It’s China’s call, and we don’t know"


def test_possessive_plural_inside_single_quotes() -> None:
    f = text("‘The countries’ leaders agreed,’ Alexander Neill said. The countries’ talks ended.")
    (q,) = f.quotes
    assert q.text == "The countries’ leaders agreed" and f.entity(q) == "alexander-neill"


@pytest.mark.parametrize(
    "t",
    [
        "China’s defense minister didn’t go.",
        "The two countries’ defense ministers met.",
        "Washington's offer, the '90s, rock 'n' roll and the US' position.",
        "It's good that China won't go; there's time.",
    ],
)
def test_apostrophes_are_no_quotes(t: str) -> None:
    assert text(t).quotes == []


def test_single_quotes_nested_in_double() -> None:
    (q,) = text("“He called it ‘a snub’ at once,” Alexander Neill said.").quotes
    assert q.text == "He called it ‘a snub’ at once"


def test_double_quotes_nested_in_single() -> None:
    (q,) = text("‘He told me “no” at once,’ Alexander Neill said.").quotes
    assert q.text == "He told me “no” at once"


def test_code_fences_are_no_quotes() -> None:
    assert text("```\ncode\n```").quotes == []


def test_normalize() -> None:
    assert normalize("If that’s not going to happen … then — “Café” 18%... naïve!") == (
        "if thats not going to happen then cafe 18 naive"
    )
    (q,) = seed("004").on(55)
    assert "…" not in q.normalized and q.normalized.startswith("if thats not going to happen then")


@pytest.mark.parametrize(("british", "american"), [
    ("We need more air defence now", "We need more air defense now"),
    ("The colour of labour is honoured", "The color of labor is honored"),
    ("We recognise the centres we analysed", "We recognize the centers we analyzed"),
    ("They travelled to the dialogue", "They traveled to the dialog"),
])
def test_normalize_folds_british_and_american_spellings(british: str, american: str) -> None:
    assert normalize(british) == normalize(american)
    # words that only look like such endings stay as they are
    assert normalize("your hour, four times") == "your hour four times"


def test_a_pronoun_is_not_the_object_of_an_earlier_reporting_verb() -> None:
    # "said Germany" does not make Germany a speaker: a subject stands before the verb
    f = text("Annalena Baerbock spoke in Berlin. Baerbock said Germany would deliver a system. "
             "\"Ukraine can count on us,\" she said.")
    q = f.one(text="count on us")
    assert f.surface(q) == "Baerbock"


# --------------------------------------------------------------------------------------------
# the pipeline's resolved list works as well


@pytest.mark.parametrize("prefix", sorted(SEED_QUOTES))
def test_resolved_mentions_give_the_same_speakers(prefix: str) -> None:
    f = seed(prefix)
    ex = extract(f.doc, index())
    resolve(f.doc, ex, index())
    again = find_quotes(f.doc.text, ex.mentions, regions(f.doc))
    ent = [ex.mentions[q.speaker].entity if q.speaker is not None else None for q in again]
    assert [(q.text, q.cue) for q in again] == [(q.text, q.cue) for q in f.quotes]
    assert ent == [f.entity(q) for q in f.quotes]


# --------------------------------------------------------------------------------------------
# properties and speed

FRAGMENTS = st.sampled_from([
    "“", "”", '"', "'", "’", "‘", "`", "``", "''", "«", "»", "„", "‚", "「", "」", "```",
    " said", " Neill said", " he said", ", ", ". ", "? ", "\n", "\n\n", "\n• ", " according to ",
    " quoted ", " as saying", "…", "U.S. ", "Mr. ", "countries’ ", "don’t", " the official",
    "We", " win", "A", "s", " ", ":", "—", "-",
])  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=4)), max_size=60).map("".join),
)


def _check(t: str) -> list[Quote]:
    quotes = find_quotes(t, [], [(0, len(t))])
    for q in quotes:
        assert 0 <= q.start < q.end <= len(t)
        assert q.speaker is None
        assert isinstance(q.text, str) and isinstance(q.normalized, str)
    assert quotes == sorted(quotes, key=lambda q: q.start)
    return quotes


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_spans_inside_the_text(t: str) -> None:
    _check(t)
    find_quotes(t, [], [(-5, 3), (2, len(t) + 10), (7, 1)])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_crlf_gives_the_same_quotes(t: str) -> None:
    lf = t.replace("\r", "")
    crlf = lf.replace("\n", "\r\n")
    a, b = _check(lf), _check(crlf)
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert y.start == x.start + lf.count("\n", 0, x.start)
        assert y.end == x.end + lf.count("\n", 0, x.end)
        assert (x.text, x.normalized, x.speaker_text, x.cue, x.partial, x.pronoun) == (
            y.text, y.normalized, y.speaker_text, y.cue, y.partial, y.pronoun
        )


def test_crlf_seed_gives_the_same_speakers() -> None:
    f = seed("004")
    lf = f.doc.text

    def at(pos: int) -> int:  # an LF offset in the CRLF text
        return pos + lf.count("\n", 0, pos)

    moved = []
    for m in f.mentions:
        c = Mention(span=Span(at(m.span.start), at(m.span.end), 0, 0, 0, 0), surface=m.surface,
                    kind=m.kind, entity=m.entity, method=m.method)
        c.candidates, c.hint = m.candidates, m.hint
        moved.append(c)
    regs = [(at(s), at(e)) for s, e in regions(f.doc)]
    again = find_quotes(lf.replace("\n", "\r\n"), moved, regs)
    assert [(q.start, q.end) for q in again] == [(at(q.start), at(q.end)) for q in f.quotes]
    assert [(q.text, q.speaker, q.speaker_text, q.cue, q.partial) for q in again] == [
        (q.text, q.speaker, q.speaker_text, q.cue, q.partial) for q in f.quotes
    ]


@pytest.mark.parametrize(
    "t",
    [
        "{" + ", ".join(f'"key{i}": "value {i}"' for i in range(3000)) + "}",  # pasted JSON
        " and ".join(f"the “thing{i}”" for i in range(3000)) + ", he said.",  # one sentence
        "\n\n".join(f"“paragraph {i}, never closed" for i in range(3000)),
    ],
    ids=["json", "one-long-sentence", "open-paragraphs"],
)
def test_many_quotes_in_one_text(t: str) -> None:
    # cost is measured in bench/, not here; this checks that such texts are handled at all
    quotes = find_quotes(t, [], [(0, len(t))])
    assert all(0 <= q.start < q.end <= len(t) for q in quotes)




@pytest.mark.parametrize(("sentence", "speaker"), [
    # an opening phrase before the subject of the sentence before
    ("Madrid called the decision “unacceptable”. Later on Tuesday, Rosa Marin addressed supporters. "
     "“It is time for women,” she told the crowd.", "Rosa Marin"),
    # an honorific tells a man's name from a woman's
    ("Ms Rosa Marin, who succeeded her mentor Tomas Ibanez, met Mr Luis Vega. In her speech, she proposed "
     "a fund. “Instead of war, let us sow life,” she said.", "Rosa Marin"),
    # two titles joined before the name: the name opens its sentence
    ("Wang Yi told reporters that it was “a crime”.\n\nChina's Defense Minister and State Councilor "
     "Li Shangfu questioned how talks could go on. “How can mediation succeed?” he wrote.", "Li Shangfu"),
])
def test_a_pronoun_is_the_subject_of_the_sentence_before(sentence: str, speaker: str) -> None:
    q = text(sentence).quotes[-1]
    assert q.pronoun and text(sentence).surface(q) == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the second of two verbs: the subject of the sentence, not "and"
    ("Carlos Ghosn, speaking by video from Beirut on Monday, called the merger “a desperate move” and said "
     "it made no sense.", "Carlos Ghosn"),
    # the last name of a list after a preposition is nobody's subject: no speaker rather than Qatar
    ("A joint statement by the US, Egypt and Qatar described the round as “serious and constructive”.", None),
    ("The government held an emergency meeting Monday and said it would go on “without disruption.”", None),
])
def test_the_subject_of_a_sentence_with_two_verbs_or_a_list(sentence: str, speaker: str | None) -> None:
    (q,) = text(sentence).quotes
    assert (text(sentence).surface(q) if q.speaker is not None else None) == speaker
    assert q.speaker_text != "and"


def test_a_demonym_after_the_is_a_description_not_a_name() -> None:
    f = text("“Three months ago I did not know if I could race,” the Dane said.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "the Dane"


@pytest.mark.parametrize(("t", "speaker"), [
    # the name after the verb, not the place it speaks for
    ("“Andy Beshear showed what it looks like to win,” said Sen. Gary Peters of Michigan.", "Gary Peters"),
    # a description and the name in apposition after it
    ("“It is a paltry sum,” said India's negotiator, Chandni Raina, after the vote.", "Chandni Raina"),
    # a pronoun is not the first word of a title opening the sentence before, nor a group
    ("Chief scientist Ilya Sutskever, who delivered the news on Friday, has since said he regrets it. "
     "“I deeply regret my participation in the board's actions,” he said.", "Ilya Sutskever"),
    ("Pete Hegseth faced allegations, all of which Democrats said disqualified him. "
     "“I am not a perfect person, but redemption is real,” he told the committee.", "Pete Hegseth"),
    # a subject with an article and a description before it, after an opening phrase
    ("Speaking to reporters at the airport, an emotional Prof Yunus paid tribute to Lloyd Austin on "
     "Thursday. “His face is etched in the minds of all of us,” he said.", "Yunus"),
    # (not a word of a description after the name: "the presumptive Republican nominee")
    ("Trump, the presumptive Republican nominee, celebrated the decision on his platform. “BIG WIN FOR OUR "
     "CONSTITUTION,” he wrote.", "Trump"),
    # a time opening the sentence before the subject, with no comma
    ("Police fired tear gas at protesters on Tuesday. The following day Mr Ruto made a U-turn, saying he "
     "would not sign the bill. “I concede,” he told journalists at State House.", "Ruto"),
    # one capitalized word opening a sentence before is no subject against a KB person named
    # after it: a heading, a noun ("Backup days")
    ("Backup days have been planned. For Lloyd Austin, the swim sends a strong signal. “Everyone has worked "
     "for this moment,” he told journalists.", "Lloyd Austin"),
    ("Washington watches\n\nIn Singapore, Lloyd Austin spoke openly on Friday about the advance. “Our wish is "
     "that this continues,” he told journalists.", "Lloyd Austin"),
    # a quotation in a relative clause on a person after the main clause's verb
    ("Chinese Defense Minister Li Shangfu declared the Games open shortly before midnight, after a speech by "
     "Defense Secretary Lloyd Austin, who thanked the city for “opening its heart and its river” to the athletes.",
     "Lloyd Austin"),
    # the second verb of a relative clause: its person, not the sentence's subject
    ("She has been coached since last year by Lloyd Austin, who watched the final from the box and said "
     "afterwards that she had “played without fear”.", "Lloyd Austin"),
])
def test_the_speaker_among_other_names(t: str, speaker: str) -> None:
    f = text(t)
    (q,) = f.quotes
    assert f.surface(q) == speaker


@pytest.mark.parametrize("t", [
    # one capitalized word before the pronoun in its own sentence is not whom it stands for
    "Lloyd Austin arrived on Sunday. Standing in a mosque built in the eighth century, he described the "
    "regime as “a farm for Iran's greed”.",
    # a pronoun opening the clause a participle continues is its subject, not a place after it
    "Lloyd Austin arrived on Sunday. On Sunday he addressed crowds at the Umayyad Mosque, calling the "
    "fall of the regime “a victory for the whole nation”.",
    # the subject of a later sentence, after an opening phrase, is nearer than an earlier speaker
    "“I have not left,” Li Shangfu said.\n\nThe day before, on Sunday afternoon, Lloyd Austin had "
    "spoken to a crowd at the mosque. “This victory is a victory for the whole nation,” he declared.",
])
def test_the_pronoun_stands_for_the_subject_not_a_word_or_place_near_it(t: str) -> None:
    f = text(t)
    q = f.one(text="victory" if "victory" in t else "farm")
    assert f.surface(q) == "Lloyd Austin"


def test_a_sentence_that_says_what_someone_replied_is_no_attribution_of_the_quote_before() -> None:
    f = text("“Congratulations,” Lloyd Austin said as he shook hands with his guest. “Welcome back.” "
             "Li Shangfu replied that politics “is tough” and thanked him.")
    assert f.surface(f.one(text="Welcome back")) == "Lloyd Austin"
    assert f.surface(f.one(text="is tough")) == "Li Shangfu"


def test_a_kb_person_a_sentence_further_back_is_likelier_than_one_capitalized_word() -> None:
    f = text("Spare a thought, then, for Lloyd Austin. The coach got almost everything right. His team still beat "
             "Paris Saint-Germain and Atlético Madrid on the way here. “For an hour we were the better team,” he said.")
    assert f.surface(f.one(text="For an hour")) == "Lloyd Austin"


def test_a_participle_opening_the_sentence_is_no_subject_of_its_second_verb() -> None:
    f = text("Weakened by three weeks of protest, the head of state sacked all his ministers on Thursday, and "
             "promised a “broad-based government”.")
    (q,) = f.quotes
    assert q.speaker_text != "Weakened"


def test_a_chain_of_he_stands_for_one_person() -> None:
    # the one named after "he" in a sentence is not whom the next "he" stands for
    f = text("“I never imagined it,” Lloyd Austin said. His fortnight will remain extraordinary. On Sunday he "
             "opened his account. Then on Wednesday he overtook the record holder Li Shangfu in the last metres."
             "\n\n“The second race was the hardest thing I have ever done,” he admitted.")
    assert f.surface(f.one(text="second race")) == "Lloyd Austin"


def test_a_relative_pronoun_is_no_speaker() -> None:
    f = text("The board said Altman's departure followed “a deliberative review process” which concluded that he "
             "was not “consistently candid in his communications.”")
    assert [q.speaker_text for q in f.quotes] == ["The board", "The board"]


def test_the_president_is_not_the_deputy_president_named_before() -> None:
    f = text("Deputy President Jan Novak spoke first. “We will act,” the president said.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "the president"


def test_the_minister_is_not_the_prime_minister_named_after_a_minister() -> None:
    f = text("External Affairs Minister Jan Novak told Parliament that former Chinese Prime Minister Petr Kral had asked "
             "for help. “At very short notice, she requested approval to come,” the minister said.")
    (q,) = f.quotes
    assert f.surface(q) == "Jan Novak"


def test_a_title_alone_in_a_story_about_one_country_is_that_countrys_office() -> None:
    # "President": the KB's of the US and of China; the text names only China's places: Xi's
    t = "Beijing was quiet. In Beijing, officials met. China said no. “We will act,” the President said."
    doc = Document(path="t.txt", text=t, published=date(2023, 5, 30), sections=[Section("body", 0, len(t))])
    an = analyze_doc(doc, index())
    assert [m.entity for m in an.mentions if m.kind == "office"] == ["cn-president"]
    assert [c.subject for c in an.claims if c.predicate == "said"] == ["xi-jinping"]


def test_a_pronoun_after_a_title_alone_speaking_is_that_speaker() -> None:
    # "He said" is the President who spoke the quotation before, not the deputy named earlier
    f = text("Deputy President Jan Novak toured the north. “We will not yield,” the President said on "
             "television. He said the protests had been hijacked by “organised criminals.”\n\n"
             "“The bill is withdrawn,” he added.")
    assert [(q.speaker, q.speaker_text, q.pronoun) for q in f.quotes] == [
        (None, "the President", False), (None, "the President", True), (None, "the President", True)]


def test_a_pronoun_after_a_title_alone_is_one_named_since() -> None:
    f = text("“We will not yield,” the President said. Deputy President Jan Novak disagreed. "
             "“It is too late,” he said.")
    assert f.surface(f.quotes[1]) == "Jan Novak"


def test_a_partial_quote_of_a_title_alone_holder_keeps_its_claim() -> None:
    # a short partial quotation is a scare quote only when no one is found saying it
    t = "“We are ready,” the Defense Secretary said. He called the talks “very useful.”"
    doc = Document(path="t.txt", text=t, published=date(2023, 5, 30), sections=[Section("body", 0, len(t))])
    an = analyze_doc(doc, index())
    assert [(c.value, c.subject) for c in an.claims if c.predicate == "said"] == [
        ("We are ready", "lloyd-austin"), ("very useful.", "lloyd-austin")]


def test_a_body_tied_to_a_name_by_a_preposition_is_the_speaker_not_the_name() -> None:
    f = text("China's mission to the United Nations said in a statement that “the matter can be deemed concluded”.")
    (q,) = f.quotes
    assert q.speaker is None and "United Nations" not in q.speaker_text


def test_the_object_of_a_verb_is_no_subject_of_the_participle_after_it() -> None:
    f = text("The Japanese government on Sunday congratulated Defense Secretary Lloyd Austin on his victory, "
             "describing the island as “an extremely crucial partner”.")
    (q,) = f.quotes
    assert q.speaker is None, q.speaker_text


def test_the_name_of_a_show_in_quotation_marks_is_no_quote() -> None:
    t = "Lloyd Austin later told NBC's “Today” show that the talks were useful."
    doc = Document(path="t.txt", text=t, published=date(2023, 5, 30), sections=[Section("body", 0, len(t))])
    assert [c.value for c in analyze_doc(doc, index()).claims if c.predicate == "said"] == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the name's own script in parentheses after it
    ("Chen Binhua (陳斌華), a spokesman for the office, said it was a “confession of guilt.”", "Chen Binhua"),
    ("Hsiao Bi-khim (蕭美琴) said Taiwan would “not be provoked.”", "Hsiao Bi-khim"),
    # an age, then a relative clause, between the name and the verb
    ("Lai Ching-te took office. Lai, 64, who was sworn in on Monday, said the sides “are not subordinate.”", "Lai"),
])
def test_a_gloss_or_an_age_between_the_name_and_the_verb(sentence: str, speaker: str) -> None:
    f = text(sentence)
    assert [f.surface(q) for q in f.quotes] == [speaker]


def test_a_title_alone_with_an_adjective_speaks_for_its_holder() -> None:
    t = "“We are ready to talk,” the new Defense Secretary said on Monday."
    doc = Document(path="t.txt", text=t, published=date(2023, 5, 30), sections=[Section("body", 0, len(t))])
    an = analyze_doc(doc, index())
    assert [c.subject for c in an.claims if c.predicate == "said"] == ["lloyd-austin"]


def test_the_president_is_not_the_late_president_named_before() -> None:
    f = text("Jan Novak won the vote that followed the death of the late President Petr Roe. "
             "“We will not surrender,” the president told lawmakers.")
    (q,) = f.quotes
    assert q.speaker is None and q.speaker_text == "the president"


def test_the_subject_of_was_quoted_as_saying_speaks() -> None:
    f = text("Li Shangfu spoke in Beijing. “China will never allow it,” Mr. Li was quoted as saying.")
    (q,) = f.quotes
    assert (f.surface(q), q.cue) == ("Li", "quoted ... as saying")


@pytest.mark.parametrize(("t", "speaker", "cue"), [
    ('Li Shangfu met generals. As Li put it at the time, "The winner on the battlefield is the one who '
     'is more open to innovation."', "Li", "put it"),
    ('Defense Minister Li Shangfu, who had proposed the measure, justified it as necessary "to eradicate '
     'the shameless forces that are plundering the freedom."', "Li Shangfu", "justified"),
])
def test_a_speaker_who_put_it_or_justified_it(t: str, speaker: str, cue: str) -> None:
    f = text(t)
    q = f.one(text=" the ")
    assert (q.speaker_text, q.cue) == (speaker, cue), (q.speaker_text, q.cue)


@pytest.mark.parametrize(("t", "speaker"), [
    # a word capitalized because it opens the sentence, the owner of a role, a name before a
    # title: none of them is "she" or "he"
    ('Within minutes of the gavel, India\'s representative, Chandni Raina, denounced the outcome. '
     '"It is a paltry sum," she said.', "Chandni Raina"),
    ('European Union climate commissioner Wopke Hoekstra offered a more positive verdict. '
     '"It will be remembered as the start of a new era," he said.', "Wopke Hoekstra"),
    # a surname ending like a demonym in the plural ("Israelis") is a person's
    ('Mondo Duplantis won. Whatever happens, the stadium has had its defining Olympic\nimage. Duplantis, who '
     'raised the record, said\nhe would keep going.\n\n"I don\'t see a limit," he said.', "Duplantis"),
    # a person whose title's qualifier opens the sentence is nearer than the last speaker
    ('"No country got everything," COP President Jan Novak said after the plenary.\n\nEuropean Union climate '
     'commissioner Wopke Hoekstra offered a more positive verdict. "It will be remembered as a new era," he said.',
     "Wopke Hoekstra"),
    # a surname shaped like a nationality ("Bondi", "Ryan") opening its sentence is the subject
    ('Jan Gaetz has denied wrongdoing.\n\nAt her hearing last month, Pam Bondi sought to reassure senators. '
     '"The partisanship will be gone," she told the committee.', "Pam Bondi"),
    # the owner of a thing, not of a role, is the one who speaks
    ('Mr Novak\'s speech on Wednesday came after his address on Tuesday, in which he told his audience, '
     '"Quote me that I said that this is a gift of God."', "Novak"),
])
def test_a_pronoun_speaker_is_a_person_not_a_word_an_owner_or_a_qualifier(t: str, speaker: str) -> None:
    f = text(t)
    q = f.quotes[-1]
    assert q.pronoun and f.surface(q) == speaker, f.surface(q)


def test_a_nationality_before_a_noun_is_no_speaker() -> None:
    t = ('He also reminded the audience that European countries had approached China for more gas. '
         '"It was not our idea," he said.')
    (q,) = text(t).quotes
    assert q.speaker is None


def test_a_name_inside_a_noun_phrase_is_not_the_subject() -> None:
    t = ("The president of the country hosting this year's United Nations climate summit defended the "
         'industry on Tuesday, calling fossil fuels "a gift of God" in a speech.')
    (q,) = text(t).quotes
    assert q.speaker is None


def test_a_datelines_city_is_no_speaker() -> None:
    f = text('BUENOS AIRES, Dec 11 (SCW) - Javier Milei was sworn in. "There is no alternative," he said.')
    (q,) = f.quotes
    assert f.surface(q) == "Javier Milei"


def test_a_title_alone_names_the_holder_named_paragraphs_before() -> None:
    t = ('Defense Secretary Lloyd Austin ordered more troops on Saturday. "It is not sufficient," Austin said.\n\n'
         "Of the victims, most died in the region. Officials said the count was unknown. Rain fell again. "
         "Roads stayed shut.\n\n"
         'Austin also made clear that help would come. "If they need more, let them ask," the defense secretary said.')
    f = text(t)
    q = f.one(text="let them ask")
    assert f.entity(q) == "lloyd-austin", q


def test_a_heading_in_quotation_marks_is_no_ones_quote() -> None:
    f = text("Ahmed al-Sharaa spoke in Damascus on Sunday. He promised elections.\n\n## 'Cautious joy'\n\n"
             "Rania Darwish, a student, said the mood was hopeful.\n\n\"We will win.\"\n")
    assert [q.text for q in f.quotes] == ["We will win."]


@pytest.mark.parametrize(("sentence", "speaker", "entity"), [
    # a French attribution after the quotation: the verb first, or the pronoun inverted
    ("Ely Ratner est arrivé. « Nous allons continuer », a déclaré M. Ratner aux journalistes.", "Ratner", "ely-ratner"),
    ("« Nous allons continuer », a déclaré Ely Ratner lundi.", "Ely Ratner", "ely-ratner"),
    ("Ely Ratner est arrivé. « C'est une journée difficile », a-t-il lancé aux journalistes.", "he", "ely-ratner"),
    ("Ely Ratner a écrit. « Le pays fait face à un grave défi », écrit-il dans sa lettre.", "he", "ely-ratner"),
    ("« Les discussions sont terminées », selon Ely Ratner.", "Ely Ratner", "ely-ratner"),
    # a role in lower case before the name
    ("« Vingt ans, c'est beaucoup », a déclaré l'assistant secrétaire Ely Ratner, qui a parlé.", "Ely Ratner",
     "ely-ratner"),
])
def test_a_french_attribution_after_the_quote(sentence: str, speaker: str, entity: str) -> None:
    f = text(sentence)
    (q,) = f.quotes
    assert (q.speaker_text, f.entity(q)) == (speaker, entity)


def test_a_french_preposition_opening_a_sentence_is_no_speaker() -> None:
    # "Pour le politologue X, ..." then "estime-t-il": X, not "Pour"
    f = text("Pour le politologue Ely Ratner, c'est une rupture. « Le pays a montré sa force », estime-t-il.")
    (q,) = f.quotes
    assert (q.speaker_text, f.entity(q)) == ("he", "ely-ratner")


def test_a_relation_before_a_name_is_not_the_speakers_role() -> None:
    (q,) = text("“We will appeal,” said the wife of Ely Ratner.").quotes
    assert q.speaker_text == "the wife of Ely Ratner"



def test_but_added_after_a_title_whose_country_the_kb_does_not_know() -> None:
    # the second verb's subject is the sentence's, not the title's country before the name
    f = text('Ruritanian Defense Minister Li Shangfu said the talks were "an important step," '
             'but added that "the only way is peace".')
    assert [(q.text, f.entity(q)) for q in f.quotes] == [("an important step", "li-shangfu"),
                                                          ("the only way is peace", "li-shangfu")]


def test_he_is_none_of_two_people_joined_by_and() -> None:
    # two people joined are "they": "he" is neither
    f = text("Only Walter Winterbottom (139) and Sir Alf Ramsey (113) took charge of more games. "
             "“It has been the honour of my life,” he said.")
    (q,) = f.quotes
    assert f.entity(q) is None and q.speaker is None


def test_a_title_of_someone_in_the_appositive_is_no_speaker() -> None:
    # "adviser to Li Shangfu": whose adviser, not the speaker
    f = text("“We will win,” Jan Novak, foreign policy adviser to Li Shangfu, told reporters.")
    (q,) = f.quotes
    assert q.speaker_text == "Jan Novak" and f.entity(q) is None


def test_a_name_before_he_said_is_whom_he_spoke_of() -> None:
    f = text("Li Shangfu answered an hour later. Lloyd Austin, he said, had engineered “a calculated break.”")
    (q,) = f.quotes
    assert f.entity(q) == "li-shangfu", (q.speaker_text, f.entity(q))


@pytest.mark.parametrize("opening", ["Recalling the images of the talks, he added:", "Two days after those remarks, he said:",
                                     "Between those dates, he said:"])
def test_a_word_opening_the_sentence_is_no_speaker(opening: str) -> None:
    f = text(f"Lloyd Austin spoke first. {opening} “We rediscovered what great nations can do.”")
    (q,) = f.quotes
    assert f.entity(q) == "lloyd-austin", q.speaker_text


def test_a_nickname_inside_a_name_is_no_quote() -> None:
    f = text("Lloyd Austin praised Ferdinand “Bongbong” Marcos Jr. and Ronald “Bato” dela Rosa on Monday.")
    assert f.quotes == []


def test_markdown_emphasis_is_no_part_of_a_speaker() -> None:
    f = text("*The president says the declaration shows that \"dialogue is still possible\" in a divided world*")
    (q,) = f.quotes
    assert not q.speaker_text.startswith("*") and q.speaker_text.endswith("president"), q.speaker_text


def test_a_second_that_clause_is_the_outer_verbs() -> None:
    # "added that X had testified falsely and that there remained “…”": the judge's, not X's
    (q,) = text("The judge added that Li Shangfu had testified falsely and that there remained "
                "“a risk that this man will do something bad.”").quotes
    assert (q.speaker_text, q.cue) == ("The judge", "added")


def test_a_sentence_quoted_after_its_speakers_that_is_not_the_next_speakers() -> None:
    f = text("The army said in a joint statement that “any act contrary to the constitutional order is a crime.” "
             "Lloyd Austin said on Twitter that Washington “rejects any extra-constitutional act.”")
    first, second = f.quotes
    assert first.speaker_text == "The army" and f.entity(second) == "lloyd-austin", (first.speaker_text, second.speaker_text)


def test_a_time_word_opening_a_sentence_is_no_speaker() -> None:
    f = text("Li Shangfu, to his credit, heard it. Late on Sunday, he said he would go. "
             "“I ask for a truce,” he had said on the day he took office.")
    (q,) = f.quotes
    assert f.entity(q) == "li-shangfu", q.speaker_text


def test_he_is_the_unknown_person_a_titled_description_names() -> None:
    f = text("Lloyd Austin left the palace.\n\nIn the evening, the secretary-general of the presidency, "
             "Jan Novak, read out a decree. “Petr Kral is appointed Prime Minister,” he said.")
    (q,) = f.quotes
    assert f.surface(q) == "Jan Novak", q.speaker_text


def test_he_is_neither_a_body_nor_whom_a_spokesman_told() -> None:
    for told in ("Reuters", "Jan Novak"):
        f = text(f"The captain survived.\n\nA Pentagon spokesman told {told} the agency was working with "
                 "investigators from the US Transport Safety Board. “We are deeply sorry,” he said.")
        (q,) = f.quotes
        assert f.speaker(q) is None, f.surface(q)


def test_he_is_no_model_of_plane() -> None:
    f = text("The captain of the plane, a Bombardier Dash 8, survived.\n\nA Pentagon spokesman spoke. "
             "“We are deeply sorry,” he said.")
    (q,) = f.quotes
    assert f.speaker(q) is None, f.surface(q)


def test_he_is_whom_a_question_opening_the_sentence_was_put_to() -> None:
    f = text("The court said Jan Novak had pleaded guilty. Jan Novak had cuts and bruises on his face.\n\n"
             "Asked on Monday whether the men had been tortured, the Pentagon press secretary, Lloyd Austin, "
             "declined to comment. “I will leave this question unanswered,” he told reporters.")
    (q,) = f.quotes
    assert f.entity(q) == "lloyd-austin", q.speaker_text


def test_she_is_the_one_who_gave_only_her_first_name() -> None:
    t = ("Li Shangfu, 63, died in May. He had been seen as a successor.\n\nAt a polling station, a "
         "42-year-old engineer who gave only her first name, Shirin, said she was voting. "
         "“I didn't vote in 2021,” she said.")
    doc = Document(path="t.txt", text=t, published=date(2024, 6, 28), sections=[Section("body", 0, len(t))])
    said = [c for c in analyze_doc(doc, index()).claims if c.predicate == "said"]
    assert [(c.subject, c.subject_surface) for c in said] == [(None, "Shirin")], said


def test_a_nickname_given_in_quotation_marks_is_no_quote_and_no_obstacle() -> None:
    f = text("“If he does not resign, we will go to war,” Lloyd Austin, known as “Barbecue,” told reporters.")
    (q,) = f.quotes
    assert f.entity(q) == "lloyd-austin", q.speaker_text
