"""Office claims of titles the KB does not know, written in lower case in apposition with a
name: the title before the name ("Haiti's prime minister, Ariel Henry") or after it ("Mark
Rutte, the outgoing Dutch prime minister,"), the nationality kept as the title's country."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ledger.model import Claim, Document, Section
from ledger.pipeline import analyze
from ledger.resolve.index import build_index
from ledger.resolve.kb import load_kb
from ledger.resolve.keys import assign_keys

ROOT = Path(__file__).resolve().parents[2]
INDEX = build_index(load_kb([ROOT / "seeds" / "kb"]).entities)


def offices(text: str) -> list[Claim]:
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 11), sections=[Section("body", 0, len(text))])
    claims = [c for c in analyze(doc, INDEX).claims if c.predicate == "holds_office"]
    assign_keys(claims)
    return claims


CASES = [
    # (construction, text, holder, title as written, object_key)
    ("possessive country, title, comma, name", "Haiti's prime minister, Ariel Henry, agreed to resign.",
     "Ariel Henry", "prime minister", "title:haiti|prime minister"),
    ("possessive with a neutral adjective", "Britain's new prime minister, Keir Starmer, attended.",
     "Keir Starmer", "prime minister", "title:britain|prime minister"),
    ("name, the adjective nationality title", "He will be succeeded by Mark Rutte, the outgoing Dutch prime minister, "
     "in October.", "Mark Rutte", "Dutch prime minister", "title:|dutch prime minister"),
    ("name, a title of three words and whose", "Hikmet Hajiyev, foreign policy adviser to Aliyev, told reporters.",
     "Hikmet Hajiyev", "foreign policy adviser", "title:|foreign policy adviser"),
    ("name, an adverb of now, title", "Ariel Henry, currently prime minister, agreed to resign.",
     "Ariel Henry", "prime minister", "title:|prime minister"),
    ("determiner, title, name", "Its chairman John Smith quit on Monday.", "John Smith", "chairman", "title:|chair"),
    ("name, the title of what", "Othman Abduljalil, the health minister of the eastern administration, said so.",
     "Othman Abduljalil", "health minister", "title:|health minister"),
    ("name, its title", "The company said Mira Murati, its chief operating officer, would step in.",
     "Mira Murati", "chief operating officer", "title:|chief operating officer"),
    ("name, an owner's title", "Greg Brockman, OpenAI's president, will step down.",
     "Greg Brockman", "president", "title:openai|president"),
    ("a deputy's title", "Cevdet Yilmaz, the deputy prime minister, visited Hatay.",
     "Cevdet Yilmaz", "deputy prime minister", "title:|deputy prime minister"),
    ("a vice president", "Fuat Oktay, the vice president, said so.", "Fuat Oktay", "vice president",
     "title:|vice president"),
    ("chief before the title", "The board fired chief executive Sam Altman on Friday.", "Sam Altman",
     "chief executive", "title:|chief executive officer"),
    ("verb before the title", "She met defence minister Jan Novak on Friday.", "Jan Novak", "defence minister",
     "title:|defense minister"),
    ("the sentence's first word", "Prime minister Petr Fiala said so.", "Petr Fiala", "Prime minister",
     "title:|prime minister"),
    ("the sentence's first word, three words", "Chief technology officer Mira Murati spoke.", "Mira Murati",
     "Chief technology officer", "title:|chief technology officer"),
    ("two head words, one title", "Its chief financial officer Sarah Friar spoke.", "Sarah Friar",
     "chief financial officer", "title:|chief financial officer"),
    ("two head words after the name", "Tim Cook, the company's chief executive officer, spoke.", "Tim Cook",
     "chief executive officer", "title:|chief executive officer"),
    ("acting is another office", "Acting mayor Ivo Kral signed the bill.", "Ivo Kral", "Acting mayor",
     "title:|acting mayor"),
    ("incoming is not yet held", "The incoming prime minister, Keir Starmer, spoke.", "Keir Starmer",
     "incoming prime minister", "title:|incoming prime minister"),
]


@pytest.mark.parametrize(("construction", "text", "holder", "title", "key"), CASES, ids=[c[0] for c in CASES])
def test_lowercase_title_in_apposition(construction: str, text: str, holder: str, title: str, key: str) -> None:
    (c,) = offices(text)
    assert (c.subject_surface, c.object_surface, c.object_key) == (holder, title, key)
    assert c.subject is None and c.valid_to == date(2024, 7, 11)


def test_a_kb_nationality_and_title_in_lower_case_resolve() -> None:
    (c,) = offices("Li Shangfu, the Chinese defense minister, spoke.")
    assert (c.subject, c.object) == ("li-shangfu", "cn-minister-of-national-defense")


@pytest.mark.parametrize("text", [
    "Microsoft Chief Executive Satya Nadella spoke.",
    "Microsoft CEO Satya Nadella spoke.",
    "Microsoft Chief Executive Officer Satya Nadella spoke.",
])
def test_a_company_title_of_several_words(text: str) -> None:
    (c,) = offices(text)
    assert c.subject_surface == "Satya Nadella" and c.object_key == "title:|microsoft chief executive officer"


@pytest.mark.parametrize(("text", "holder", "title"), [
    ("Chancellor of the Exchequer Jeremy Hunt spoke.", "Jeremy Hunt", "Chancellor of the Exchequer"),
    ("Secretary of Homeland Security Alejandro Mayorkas left.", "Alejandro Mayorkas", "Secretary of Homeland Security"),
])
def test_a_title_with_its_complement_before_the_name(text: str, holder: str, title: str) -> None:
    (c,) = offices(text)
    assert (c.subject_surface, c.object_surface) == (holder, title)


def test_the_lowercase_and_capitalized_title_are_one_office() -> None:
    (a,) = offices("Mark Rutte, the outgoing Dutch prime minister, spoke.")
    (b,) = offices("Dutch Prime Minister Mark Rutte spoke.")
    assert a.object_key == b.object_key and a.subject_key == b.subject_key


@pytest.mark.parametrize("text", [
    "The prime minister said the talks would go on.",  # no name in apposition
    "Officials told the prime minister Monday that talks failed.",  # a day, not a name
    "He met the minister in Paris.",
])
def test_no_title_claim_without_a_named_holder(text: str) -> None:
    assert offices(text) == []


def test_a_name_after_in_is_no_holder_of_the_title_after_it() -> None:
    claims = offices("Speaking on the sidelines of the summit in New York, the President called for calm.")
    assert [c.subject_surface for c in claims] == []


def test_a_name_ending_an_opening_phrase_is_no_holder_of_the_title_after_it() -> None:
    claims = offices("According to Lloyd Austin, the president wished them a speedy recovery. "
                     "According to Lloyd Austin, the defense secretary, the talks went well.")
    assert [(c.subject_surface, c.object_surface) for c in claims] == [("Lloyd Austin", "defense secretary")]


def test_a_title_after_its_holders_death_is_a_past_term() -> None:
    (c,) = [c for c in offices("Acting President Jan Novak has led the government since the martyrdom of "
                               "President Lloyd Austin.") if c.subject == "lloyd-austin"]
    assert (c.subject, c.qualifiers.get("time"), c.valid_from, c.valid_to) == (
        "lloyd-austin", "former", None, date(2024, 7, 11))


def test_a_place_holds_no_office() -> None:
    # a rank between the title and the name: the place before the title is no holder
    claims = offices("In Tehran, Supreme Leader Ayatollah Ali Khamenei declared five days of mourning.")
    assert [c.subject_surface for c in claims if c.subject_surface == "Tehran"] == []


@pytest.mark.parametrize("text", [
    "The chief of the General Staff, Army General Valery Gerasimov, reported to the president.",
    "Kyiv named Major General Eduard Moskalyov to head the office.",
    "General Valery Gerasimov told the meeting the advance had stopped.",
])
def test_a_military_rank_is_no_office(text: str) -> None:
    assert [c.qualifiers["title"] for c in offices(text)
            if c.subject_surface in ("Valery Gerasimov", "Eduard Moskalyov")] == []


def test_a_list_of_names_each_with_its_title_after_it() -> None:
    # "NAME TITLE, NAME TITLE": each title is the name's before it, no appositive of the next
    claims = offices("Jan Novak remains fisheries minister, Petr Hora trade minister, Eva Mala health minister "
                     "and the rest stay.")
    assert ("Eva Mala", "trade minister") not in {(c.subject_surface, c.object_surface) for c in claims}
    # "NAME as TITLE, NAME as TITLE", a line breaking the first
    claims = offices("Jan Novak became prime minister, with Petr Hora as\nDefense Secretary, Eva Mala as health "
                     "minister and the rest.")
    assert ("Eva Mala", "Defense Secretary") not in {(c.subject_surface, c.object_surface) for c in claims}


PREDICATIVE = [
    # (construction, text, holder, title as written, object, valid_from, valid_to, time qualifier)
    ("sworn in as, a country's title, a day", "Donald Tusk was sworn in as Poland's prime minister on Wednesday.",
     "Donald Tusk", "Poland's prime minister", None, date(2024, 7, 10), None, None),
    ("who became, a year", "Mateusz Morawiecki, who became prime minister in 2017, lost a vote.",
     "Mateusz Morawiecki", "prime minister", None, date(2017, 1, 1), None, None),
    ("appointed without 'as'", "Jan Novak was appointed fisheries minister in March.",
     "Jan Novak", "fisheries minister", None, date(2024, 3, 1), None, None),
    ("served as, a range of years", "Mark Rutte served as Dutch prime minister from 2010 to 2024.",
     "Mark Rutte", "Dutch prime minister", None, date(2010, 1, 1), date(2024, 12, 31), "then"),
    ("who was, a range of years", "Radoslaw Sikorski, who was foreign minister from 2007 to 2014, returns.",
     "Radoslaw Sikorski", "foreign minister", None, date(2007, 1, 1), date(2014, 12, 31), "then"),
    ("served as, no time: a past term", "Jan Novak previously served as fisheries minister.",
     "Jan Novak", "fisheries minister", None, None, date(2024, 7, 11), "former"),
    ("re-elected, without 'as'", "Pedro Sanchez was re-elected prime minister of Spain on Thursday.",
     "Pedro Sanchez", "prime minister", None, date(2024, 7, 11), None, None),
    ("the verb first, the name, 'as'", "Parliament re-elected Socialist leader Pedro Sanchez as prime minister on "
     "Thursday.", "Pedro Sanchez", "prime minister", None, date(2024, 7, 11), None, None),
    ("has been ... since", "Pedro Sanchez has been prime minister since 2018.",
     "Pedro Sanchez", "prime minister", None, date(2018, 1, 1), None, None),
    ("sworn in after a time of day", "Donald Tusk was sworn in as Poland's prime minister shortly after midnight "
     "on Monday, hours behind schedule.", "Donald Tusk", "Poland's prime minister", None, date(2024, 7, 8), None, None),
    ("a KB person and a KB title", "Lloyd Austin became defense secretary in January 2021.",
     "Lloyd Austin", "defense secretary", "us-secretary-of-defense", date(2021, 1, 1), None, None),
]


@pytest.mark.parametrize(("construction", "text", "holder", "title", "office", "lo", "hi", "time"), PREDICATIVE,
                         ids=[c[0] for c in PREDICATIVE])
def test_a_title_a_verb_gives_its_subject(construction: str, text: str, holder: str, title: str, office: str | None,
                                          lo: date | None, hi: date | None, time: str | None) -> None:
    (c,) = [c for c in offices(text) if c.qualifiers.get("frame")]  # ("Socialist leader": another claim)
    assert (c.subject_surface, c.object_surface, c.object) == (holder, title, office)
    assert (c.valid_from, c.valid_to, c.qualifiers.get("time")) == (lo, hi, time)
    assert c.qualifiers["title"] == title
    # a title the KB does not know is keyed by its words; a bare KB title ("foreign minister")
    # of someone the KB does not know is not taken for China's
    assert c.object_key == (office or "title:|" + title.lower().replace("'s", ""))


def test_a_period_of_the_holder_is_no_title_held_now() -> None:
    # "the second term of President X", "the Cabinet of President X": whose time, named by it
    assert offices("In the second term of Defense Secretary Lloyd Austin, the cabinet had 34 members.") == []
    assert offices("Ministers from the Cabinet of Defense Secretary Lloyd Austin were kept.") == []


def test_a_post_to_fill_is_not_the_title_of_the_name_after_it() -> None:
    assert offices("For the post of Defense Secretary, Lloyd Austin chose Jan Novak.") == []


def test_a_title_with_nominee_after_it_is_not_held() -> None:
    assert offices("The Senate voted on Jan Novak, the prime minister nominee, on Monday.") == []
    assert offices("The Senate voted on Lloyd Austin, the defense secretary pick, on Monday.") == []


@pytest.mark.parametrize("text", [
    "The decision was prime minister Jan Novak's to make.",
    "Poland became a member in 2004.",
    "It was the minister who spoke.",
])
def test_no_predicative_title_claim_without_a_holder(text: str) -> None:
    assert [c for c in offices(text) if c.qualifiers.get("frame")] == []


def counts(text: str) -> list[tuple[str, str, str]]:
    doc = Document(path="t.txt", text=text, published=date(2023, 12, 13), sections=[Section("body", 0, len(text))])
    return [(c.subject_surface, c.value or "", c.qualifiers["unit"]) for c in analyze(doc, INDEX).claims
            if c.predicate == "count"]


@pytest.mark.parametrize("text", [
    "Prime Minister Jan Novak met several PPP lawmakers.",
    "Prime Minister Jan Novak was later joined by dozens of states.",
    "Prime Minister Jan Novak spent tens of millions of dollars.",
    "Prime Minister Jan Novak spoke to thousands of protesters and a few reporters.",
])
def test_an_amount_no_one_counted_is_no_count(text: str) -> None:
    assert counts(text) == []


def test_a_count_of_two_things_joined_by_and_is_of_both() -> None:
    assert counts("China launched more than 300 drones and missiles on Saturday.") == [
        ("China", "300", "drone and missile")]
    assert counts("China cancelled about 200 flights and closed its airports.") == [("China", "200", "flight")]


def test_a_distance_that_tells_where_is_no_count() -> None:
    assert counts("The quake was centred in Japan, about 72 kilometers (44 miles) southwest of Tokyo.") == []
    assert counts("Japan held him about 1,900 km (1,200 miles) northeast of Tokyo.") == []
    assert counts("Japan built 72 kilometers of road.") == [("Japan", "72", "kilometer")]


def test_a_number_inside_an_events_name_is_no_count() -> None:
    from ledger.model import Entity

    kb = [*load_kb([ROOT / "seeds" / "kb"]).entities,
          Entity(id="zenda-quake", kind="event", name="Hiroshima earthquake", place="hiroshima",
                 start=date(2023, 9, 8), end=date(2023, 9, 8))]
    text = "A strong earthquake hit Hiroshima on Friday. The 6.8 magnitude quake flattened villages near Hiroshima."
    doc = Document(path="t.txt", text=text, published=date(2023, 9, 9), sections=[Section("body", 0, len(text))])
    found = analyze(doc, build_index(kb))
    assert [m.entity for m in found.mentions if m.surface == "The 6.8 magnitude quake"] == ["zenda-quake"]
    assert [c for c in found.claims if c.predicate == "count"] == []


def test_men_wounded_are_a_toll_also_after_other() -> None:
    assert counts("In Japan, the gunman killed one man and critically wounded two other men.") == [
        ("Japan", "1", "dead"), ("Japan", "2", "injured")]
    assert counts("In Japan, three spectators were critically injured.") == [("Japan", "3", "injured")]
    assert counts("In Japan, Jan Novak, the minister and six other people were killed.") == []


def test_a_toll_of_a_part_is_the_parts_and_a_number_after_a_toll_is_its_own() -> None:
    assert counts("A quake struck Japan. Five of its six crew members were killed.") == [("Japan", "5", "dead")]
    assert counts("In Japan, most of the 300 people on board were killed.") == []
    assert counts("The death toll in Japan rose to 137 and four men accused of the attack were charged.") == [
        ("Japan", "137", "dead"), ("Japan", "4", "man")]


def test_a_toll_of_the_time_a_when_clause_tells_of() -> None:
    doc = Document(path="t.txt", text="It is Japan's deadliest quake since 2016, when a series of tremors in "
                   "Kumamoto killed 276 people.", published=date(2024, 1, 8), sections=[Section("body", 0, 96)])
    (c,) = [c for c in analyze(doc, INDEX).claims if c.predicate == "count"]
    assert (c.value, c.valid_from, c.valid_to) == ("276", date(2016, 1, 1), date(2016, 12, 31))


def test_the_swahili_press_honorifics_are_no_names() -> None:
    # "the Prime Cabinet Secretary, Bw Musalia Mudavadi": Bw (Bwana, Mr) is no holder
    found = [(c.subject_surface, c.object_surface) for c in offices(
        "The President kept his deputy, except the Foreign Minister, Bw Jan Novak.")]
    assert ("Jan Novak", "Foreign Minister") in found and not any(s == "Bw" for s, _ in found)
    assert [(c.subject_surface, c.object_surface) for c in offices("The Foreign Minister, Mr Jan Novak, spoke.")] == [
        ("Jan Novak", "Foreign Minister")]


def test_a_share_of_the_name_an_appositive_closes_before_the_clause() -> None:
    assert counts("Li Shangfu took 32.76%, and the incumbent, Wei Fenghe, trailed in third with 17.27%.") == [
        ("Li Shangfu", "32.76", "percent"), ("Wei Fenghe", "17.27", "percent")]
    # (not a name at the end of a longer appositive, nor a speaker: the speaker's number is another's)
    assert counts("Li Shangfu, the opposition leader and son of the former president Wei Fenghe, took 32.76%.") == [
        ("Li Shangfu", "32.76", "percent")]


def test_a_toll_told_after_a_possessive() -> None:
    assert counts("In Japan, the death toll from Friday's earthquake rose to 2,497.") == [("Japan", "2497", "dead")]


def test_a_name_inside_a_quotation_owns_no_number_of_the_sentence() -> None:
    assert counts("Critics note it. \u201cThis is a family affair, one Lloyd Austin replacing another,\u201d said "
                  "Li Shangfu, the opposition candidate who finished second in the election with 30.77% of the "
                  "vote, according to the official count.") == [("Li Shangfu", "30.77", "percent")]


def test_a_number_of_parties_joined_to_one_is_neither_s() -> None:
    # the seats of the party and five others together, and the five, are no count of the party's
    assert counts("The Communist Party of China and five smaller parties hold 192 of the 300 seats.") == []
    assert counts("The Communist Party of China holds 170 of the 300 seats.") == [
        ("Communist Party of China", "170", "seat")]
    assert counts("The storm hit in Nairobi and 20 people died.") == [("Kenya", "20", "dead")]
    # (its allies, unnamed, are the party's, as it is named)
    assert counts("The Communist Party of China and its allies won 200 seats.") == [
        ("Communist Party of China", "200", "seat")]
    # a party and its partner named after a relative clause on it
    assert counts("The Communist Party of China, which Li Shangfu once led, and its coalition partner, Komeito, "
                  "won 76 of the 125 seats.") == []
    # a sum of several things' numbers is none of theirs
    assert counts("The Communist Party of China's dams held a combined 24 million cubic metres.") == []


def test_soldiers_and_troops_are_one_count() -> None:
    assert counts("China has about 1,500 soldiers in Niger.") == counts("China has about 1,500 troops in Niger.") == [
        ("China", "1500", "troop")]


def test_a_wire_datelines_agency_is_no_name_of_the_numbers_clause() -> None:
    text = "BEIJING, July 1 (Kyodo) - Thirty-nine people have been killed in China, the commission said on Monday."
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 1), sections=[Section("body", 0, len(text))])
    assert [(c.subject, c.value, c.qualifiers["unit"]) for c in analyze(doc, INDEX).claims
            if c.predicate == "count"] == [("china", "39", "dead")]


@pytest.mark.parametrize(("text", "found"), [
    # a distance that names a race is no length counted
    ("Lloyd Austin won the 200 m individual medley and the 4 x 100 m relay.", []),
    ("Lloyd Austin, the world champion at 100 m and 200 m, won again.", []),
    ("Lloyd Austin broke the 100 metres world record.", []),
    # a distance covered is
    ("Lloyd Austin walked 5 km on Monday.", [("Lloyd Austin", "5", "kilometer")]),
])
def test_a_race_named_by_its_distance_is_no_count(text: str, found: list[tuple[str, str, str]]) -> None:
    assert counts(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # what the actor owns or leads, when named, is what the number is about
    ("Mr Biden's Pentagon won 240 seats.", [("Pentagon", "240", "seat")]),
    ("The Pentagon-led coalition won 293 seats.", []),
    # not when the KB does not know it; a common noun owned is the actor's own number
    ("Prime Minister Jan Novak's Social Democratic Party won 240 seats.", []),
    ("China's exports rose 5% in May.", [("China", "5", "percent")]),
])
def test_a_number_of_what_the_actor_owns_or_leads(text: str, found: list[tuple[str, str, str]]) -> None:
    assert counts(text) == found


def test_who_after_a_person_and_an_organization_is_the_person() -> None:
    # "who" is a person: the name before the organization; "which" is the organization
    assert counts("Lloyd Austin defeated Li Shangfu of the Pentagon, who took 33.5%.") == [("Li Shangfu", "33.5", "percent")]
    assert counts("Lloyd Austin praised Li Shangfu of the Pentagon, which took 33.5%.") == [("the Pentagon", "33.5", "percent")]
    # "who" with no person before: the organization, never an event
    assert counts("The Pentagon and its allies, who had topped the Shangri-La Dialogue on June 30 with 33% of the "
                  "vote, finished third.") == [("The Pentagon", "33", "percent")]
    # "which" after a person named last is still no person: the organization before
    assert counts("Lloyd Austin praised the Pentagon, led by Li Shangfu, which took 33.5%.") == [
        ("the Pentagon", "33.5", "percent")]


def test_a_margin_after_the_one_defeated_is_the_winners() -> None:
    assert counts("Lloyd Austin won the race on Saturday, defeating Li Shangfu by 53,806 votes to 41,388.") == [
        ("Lloyd Austin", "53806", "vote")]
    # no winner named before: whose, unknown
    assert counts("She defeated Li Shangfu, a former minister, by 53,806 votes to 41,388.") == []


def test_a_relative_clause_and_a_body_by_its_kind() -> None:
    # the relative clause the number's clause skips names no owner: "founded by" Austin
    assert counts("According to Reuters, the Pentagon, which was founded by Lloyd Austin, received about 54% of "
                  "the vote.") == [("the Pentagon", "54", "percent")]
    # "the party" is the body named before
    assert counts("She replaces Lloyd Austin, who led the Pentagon to a defeat in the election on July 4, when the "
                  "party won just 121 seats.") == [("the Pentagon", "121", "seat")]


def test_a_clause_of_a_common_noun_is_not_the_actors() -> None:
    # "and turnout fell to ...": the turnout's; "the Pentagon's vote, which fell to ...": the vote's
    assert counts("Reuters won 33.7% of the vote, and turnout fell to 59.7%, the lowest since 2001.") == [
        ("Reuters", "33.7", "percent")]
    assert counts("Reuters's share, 33.7%, was only modestly higher, and analysts pointed to the collapse in the "
                  "opposition vote, which fell to 23.7%, as the decisive factor.") == [("Reuters", "33.7", "percent")]


def test_a_relative_clause_closed_before_the_number_is_skipped() -> None:
    # "..., which was founded long ago, took 14.58%": the clause it interrupts is the number's
    assert counts("Reuters came second with 21.81%, while the Associated Press (AP), which was founded long ago, "
                  "took 14.58%.") == [("Reuters", "21.81", "percent"), ("the Associated Press", "14.58", "percent")]


def test_an_event_is_no_owner_of_the_number_of_its_clause() -> None:
    # the winner's share, not the event's
    assert counts("TOKYO (Reuters) - The Pentagon won Saturday's G7 summit with 53.93% of the vote.") == [
        ("The Pentagon", "53.93", "percent")]


def test_a_part_of_a_whole_counts_the_part() -> None:
    # the coalition's seats are 248; 460 is the chamber's size, another fact
    assert counts("Prime Minister Jan Novak's coalition won 248 of the 460 seats.") == [("Jan Novak", "248", "seat")]


def test_a_number_joined_to_its_noun_is_no_count() -> None:
    assert counts("Prime Minister Jan Novak's coalition holds 248 seats in the 460-seat lower house.") == [
        ("Jan Novak", "248", "seat")]
    assert counts("Prime Minister Jan Novak unveiled a ten-year plan with a 10-member team.") == []


@pytest.mark.parametrize(("text", "found"), [
    ("At least 820 people have died after the earthquake in Marrakesh.", [("Morocco", "820", "dead")]),
    ("The quake in Marrakesh killed 2,122 people and left 2,421 people injured.",
     [("Morocco", "2122", "dead"), ("Morocco", "2421", "injured")]),
    ("In Marrakesh, 300 people were missing.", [("Morocco", "300", "missing")]),
    # people counted with no casualty verb are no toll (nor any count)
    ("In Marrakesh, some 300 people were rescued.", []),
    ("Floods in Nairobi killed 40 people. The death toll rose to 52 on Tuesday. Rescuers recovered 38 bodies.",
     [("Kenya", "40", "dead"), ("Kenya", "52", "dead"), ("Kenya", "38", "dead")]),
    ("In Nairobi, at least 12 people remained missing and 9 people were still missing.",
     [("Kenya", "12", "missing"), ("Kenya", "9", "missing")]),
    # a number no one counted is no toll; "some 300" is
    ("In Nairobi, several people were killed by falling trees.", []),
    ("In Nairobi, some 300 people were killed.", [("Kenya", "300", "dead")]),
    # a toll over a longer time is another fact: the year's so far is one of its own
    ("In Nairobi, the rains have killed more than 100 people across Kenya this year.",
     [("Kenya", "100", "dead this year")]),
    # deaths, fatalities, injuries: the dead and the injured
    ("In Nairobi, officials recorded 537 deaths and 90 injuries.", [("Kenya", "537", "dead"), ("Kenya", "90", "injured")]),
    ("In Nairobi, officials recorded 537 deaths this year.", [("Kenya", "537", "dead this year")]),
    ("In Nairobi, officials recorded 537 deaths since the outbreak.", []),
    # a toll of several countries or a region is no one country's
    ("In Nairobi, 17,000 cases and 517 deaths have been reported in 13 African countries.", []),
    ("In Nairobi, more than 2,700 people have been killed since then.", []),
    # the places where it happened are no count of them
    ("The storm killed 44 people in four states, Kenya said.", [("Kenya", "44", "dead")]),
    # where the people died, when the sentence says: a part of a country has a toll of its own
    ("Six people died in St. Lucie County, the sheriff said.", [("St. Lucie County", "6", "dead")]),
    ("In Nairobi, 40 people were killed. Four people were killed in Mombasa.",
     [("Kenya", "40", "dead"), ("Mombasa", "4", "dead")]),
    # the places of the toll's own sentence before those the text names most
    ("Floods in Nairobi killed 40 people. Kenya's rains began in March. Kenya's army helped. "
     "The quake in Marrakesh killed 2,122 people.", [("Kenya", "40", "dead"), ("Morocco", "2122", "dead")]),
    # the nationality of the authority that counts: its country, before the document's toll before
    ("Storm Daniel killed 14 people in Nairobi. The Chinese Red Crescent said that 13,000 people had died.",
     [("Nairobi", "14", "dead"), ("China", "13000", "dead")]),
    # the place where they died, not the killers' nationality
    ("In Nairobi, Chinese strikes have killed more than 38 people.", [("Kenya", "38", "dead")]),
    # what the toll is of between "toll" and its verb; "all" before the number; a bare number left missing
    ("The death toll from the floods in Nairobi rose to at least 179, with 128 people missing.",
     [("Kenya", "179", "dead"), ("Kenya", "128", "missing")]),
    ("The helicopter crashed in Nairobi, killing all eight people aboard.", [("Kenya", "8", "dead")]),
    ("The storm killed 197 people and left 128 missing in Nairobi.", [("Kenya", "197", "dead"), ("Nairobi", "128", "missing")]),
    # a group of people counted dead is a toll too; "presumed dead", "feared dead" are dead
    ("In Nairobi, six workers presumed dead after the collapse.", [("Kenya", "6", "dead")]),
    ("In Nairobi, six workers are believed to be dead.", [("Kenya", "6", "dead")]),
    ("In Nairobi, the collapse killed six construction workers.", [("Kenya", "6", "dead")]),
    # a toll corrected down answers an earlier figure: no toll of its own to compare
    ("In Nairobi, the UN has sharply revised down its death toll from the floods, saying 3,958 people have "
     "been confirmed dead.", []),
    ("UN lowers Nairobi flood death toll to 3,958 as confusion grows", []),
    # the dead besides those named, or more than counted before: a part of the toll
    ("In Nairobi, Jan Novak and six other people were killed.", []),
    ("In Nairobi, five more people died on Tuesday.", []),
    ("In Nairobi, no more than 20 people died.", [("Kenya", "20", "dead")]),
    # a toll of two countries together is neither's, unless a place follows the number
    ("The quake struck Nairobi and Marrakesh, and the combined death toll rose above 7,000.", []),
    ("The quake struck in northern Nairobi and southern Marrakesh, killing more than 3,800 people.", []),
    ("The quake killed 5,434 people in Kenya and 1,832 people in Morocco.",
     [("Kenya", "5434", "dead"), ("Morocco", "1832", "dead")]),
    # of the places after "in", the nearest before the number
    ("It was the deadliest in Kenya since 1997, when a plane crashed in Marrakesh, killing 228 people.",
     [("Morocco", "228", "dead")]),
    # a sentence that names no place: the document's toll before, else where it said the disaster struck
    ("The plane crashed in Marrakesh. Crowds in Nairobi and in Mombasa protested. The crash killed 38 people.",
     [("Morocco", "38", "dead")]),
    ("In Marrakesh, 40 people died. Crowds in Nairobi and in Mombasa protested. The crash killed 38 people.",
     [("Morocco", "40", "dead"), ("Morocco", "38", "dead")]),
    # no place where places are looked for: the first country named
    ("A dam burst in Kenya's Rift Valley, unleashing floodwaters that killed about 40 people.", [("Kenya", "40", "dead")]),
    # a part of the toll told between the number and its verb
    ("In Nairobi, at least 61 people, including 13 police officers, were killed on Sunday.", [("Kenya", "61", "dead")]),
    # people brought out alive: evacuated and escaped are one count; the people aboard
    ("In Nairobi, officials said 121,000 people had been evacuated.", [("Kenya", "121000", "evacuated")]),
    ("In Nairobi, about 76,000 residents of the region had been evacuated.", [("Kenya", "76000", "evacuated")]),
    ("In Nairobi, all 379 people aboard the Kenya Airways jet escaped.", [("Kenya", "379", "evacuated")]),
    ("In Nairobi, all 379 passengers and crew members were evacuated.", [("Kenya", "379", "evacuated")]),
])
def test_a_casualty_toll_is_the_count_of_the_country_where_it_happens(text: str,
                                                                      found: list[tuple[str, str, str]]) -> None:
    assert counts(text) == found


def test_a_word_or_two_in_quotation_marks_that_no_one_is_named_saying_is_no_quote() -> None:
    text = ("Economists said the peso is close to the parallel \"blue\" dollar. Argentina began Milei's "
            "promised \"shock therapy\" on Tuesday. He told CNBC's \"Squawk Box\" that he would leave. "
            "Prime Minister Jan Novak said the talks were \"over\" and left.")
    doc = Document(path="t.txt", text=text, published=date(2023, 12, 13), sections=[Section("body", 0, len(text))])
    said = [(c.subject_surface, c.value) for c in analyze(doc, INDEX).claims if c.predicate == "said"]
    assert said == [("Jan Novak", "over")]


def test_an_event_the_kb_does_not_know_is_what_a_number_is_about() -> None:
    assert counts("Organisers said 68,500 spectators attended the Mediterranean Nations Cup final.") == [
        ("Mediterranean Nations Cup", "68500", "spectator")]


def test_an_amount_converted_in_brackets_or_a_number_hoped_for_is_no_count() -> None:
    assert counts("Prime Minister Jan Novak ordered 40 helicopters for 2 million rand ($110,000).") == [
        ("Jan Novak", "40", "helicopter")]
    assert counts("Prime Minister Jan Novak set a target of $10 billion in trade.") == []
    assert counts("Prime Minister Jan Novak wants to raise trade to $10 billion within five years.") == []


def test_a_share_is_a_count_but_not_a_target_or_a_number_in_a_quotation() -> None:
    assert counts("Prime Minister Jan Novak won 44.1% of the vote.") == [("Jan Novak", "44.1", "percent")]
    assert counts("Prime Minister Jan Novak kept the 3% target.") == []
    assert counts("Prime Minister Jan Novak said: \"We will cut 40 jobs.\"") == []


def test_a_speaker_is_not_what_the_number_is_about() -> None:
    assert counts("Health Minister Jan Novak said 5,000 people were missing after two dams burst.") == []
    assert counts("Jan Novak, the health minister, said Prime Minister Petr Svoboda ordered 40 helicopters.") == [
        ("Petr Svoboda", "40", "helicopter")]
    # an actor that does something with the number keeps it
    assert counts("Prime Minister Jan Novak ordered 40 helicopters.") == [("Jan Novak", "40", "helicopter")]


def test_a_pronoun_refers_to_the_last_person_named_whom_the_kb_does_not_know() -> None:
    text = "Jan Novak was appointed fisheries minister in March. He previously served as trade minister from 2010 to 2014."
    a, b = sorted((c for c in offices(text) if c.qualifiers.get("frame")), key=lambda c: c.span.start)
    assert (b.subject_surface, b.object_surface, b.subject_key) == ("Jan Novak", "trade minister", a.subject_key)
    assert text[b.span.start:].startswith("He previously served")  # the claim is where the pronoun is


def test_former_before_a_title_the_kb_does_not_know_is_a_past_term() -> None:
    (c,) = offices("Former Fed Chair Janet Yellen spoke.")
    assert (c.subject_surface, c.object_surface, c.qualifiers.get("time")) == ("Janet Yellen", "Fed Chair", "former")


def test_a_title_in_another_persons_government_is_no_claim_of_now() -> None:
    assert offices("Lloyd Austin, the defense secretary in Mr Novak's government, declared himself in charge.") == []
    assert offices("Lloyd Austin, defense secretary under President Jan Novak's ousted government, spoke.") == []
    assert [c.object_surface for c in offices("Lloyd Austin, the defense secretary in Washington, spoke.")] == [
        "defense secretary"]


def test_another_persons_longtime_title_is_no_claim_of_now() -> None:
    # "his longtime defense secretary": whose he was, in the other's time
    assert offices("He was succeeded by Lloyd Austin, his longtime defense secretary.") == []
    assert [c.object_surface for c in offices("He was succeeded by Lloyd Austin, his defense secretary.")] == [
        "defense secretary"]


def test_a_title_before_a_rank_is_the_names_after_it() -> None:
    (c,) = offices("Defense Secretary Rear Admiral Lloyd Austin spoke.")
    assert (c.subject_surface, c.object) == ("Lloyd Austin", "us-secretary-of-defense")


def test_another_persons_title_by_an_ordinal_is_of_their_time() -> None:
    assert offices("It followed the mini-budget of Mr Austin's first Defense Secretary, Li Shangfu.") == []


def test_a_share_for_a_described_name_is_that_names() -> None:
    assert counts("Lloyd Austin won 58 percent of the vote against 37 percent for former first lady Li Shangfu.") == [
        ("Lloyd Austin", "58", "percent")]


def test_late_of_a_time_is_no_late_holder() -> None:
    # "the late ..." is a past holder; "Late on Monday the ..." is a time
    (c,) = offices("Late on Monday the US secretary of state, Antony Blinken, announced a truce.")
    assert (c.subject_surface, c.qualifiers.get("time")) == ("Antony Blinken", None)
    (c,) = offices("Mourners carried portraits of the late Foreign Minister Hossein Amir-Abdollahian.")
    assert c.qualifiers.get("time") == "former"


def test_a_capitalized_word_before_a_title_a_verb_gives_is_part_of_it() -> None:
    (c,) = [c for c in offices("Janet Yellen served as Fed chair from 2014 to 2018.") if c.qualifiers.get("frame")]
    assert (c.object_surface, c.valid_from, c.valid_to) == ("Fed chair", date(2014, 1, 1), date(2018, 12, 31))


def test_a_dateline_city_is_no_actor() -> None:
    assert counts("WASHINGTON, June 12 (Reuters) - Officials expect just one rate cut this year.") == []
    assert counts("BORGO EGNAZIA, Italy, June 13 (Reuters) - Leaders pledged 50 tanks.") == []


def test_replaced_as_gives_the_office_to_one_and_a_past_term_to_the_other() -> None:
    text = "Keir Starmer replaced Rishi Sunak as British prime minister on Wednesday."
    claims = {c.subject_surface: c for c in offices(text) if c.qualifiers.get("frame")}
    new, old = claims["Keir Starmer"], claims["Rishi Sunak"]
    assert (new.object_surface, new.valid_from, new.qualifiers.get("time")) == ("British prime minister",
                                                                               date(2024, 7, 10), None)
    assert (old.object_surface, old.valid_from, old.valid_to, old.qualifiers.get("time")) == (
        "British prime minister", None, date(2024, 7, 11), "former")


def test_words_describing_the_holder_are_no_part_of_the_office() -> None:
    (c,) = [c for c in offices("Rachel Reeves became Britain's first female chancellor.") if c.qualifiers.get("frame")]
    assert (c.subject_surface, c.object_key) == ("Rachel Reeves", "title:|britain chancellor")


def test_as_a_title_needs_a_verb_that_gives_it() -> None:
    # "Poland took over from the Czech Republic as president": no person holding an office
    doc_text = "Poland took over from the Czech Republic as president of the EU Council."
    doc = Document(path="t.txt", text=doc_text, published=date(2024, 7, 11),
                   sections=[Section("body", 0, len(doc_text))])
    assert not [m for m in analyze(doc, INDEX).mentions if m.surface == "Czech Republic" and m.kind == "person"
                and m.method == "unknown-name"]


def test_a_sentence_ending_after_a_title_is_no_honorific() -> None:
    doc = Document(path="t.txt", text="Brockman will step down as chairman. Microsoft has invested $13 billion.",
                   published=date(2024, 7, 11))
    doc.sections = [Section("body", 0, len(doc.text))]
    assert not [m for m in analyze(doc, INDEX).mentions if m.surface == "Microsoft" and m.kind == "person"]


def test_a_counterpart_holds_the_title_the_kb_does_not_know_for_their_country() -> None:
    text = ("Ukrainian Foreign Minister Dmytro Kuleba spoke alongside his German counterpart Annalena Baerbock "
            "on Tuesday.")
    by_holder = {c.subject_surface: c for c in offices(text)}
    c = by_holder["Annalena Baerbock"]
    assert (c.object, c.object_surface, c.qualifiers["country"]) == (None, "Foreign Minister", "German")
    assert c.object_key == "title:german|foreign minister"
    # no country to tell the counterpart's office by: no claim
    assert "Jan Novak" not in {c.subject_surface for c in offices(
        "Foreign Minister Petr Pavel met his counterpart Jan Novak on Tuesday.")}


def test_a_judge_with_a_middle_initial() -> None:
    # "A." is a middle initial, though "a" is a word; a judge's title is a title
    (c,) = offices("U.S. District Judge Lewis A. Kaplan said Bankman-Fried had lied at trial.")
    assert (c.subject_surface, c.object_surface, c.qualifiers["country"]) == ("Lewis A. Kaplan", "District Judge",
                                                                             "U.S.")


@pytest.mark.parametrize("text", [
    "British Prime Minister Rishi Sunak spoke on Monday. Sunak's predecessor Liz Truss was not there.",
    "British Prime Minister Rishi Sunak thanked his predecessor Liz Truss.",
])
def test_a_predecessor_held_the_title_the_kb_does_not_know_before(text: str) -> None:
    c = {c.subject_surface: c for c in offices(text)}["Liz Truss"]
    assert (c.object, c.object_surface, c.qualifiers["time"], c.qualifiers["country"]) == (
        None, "Prime Minister", "former", "British")
    assert c.valid_from is None and c.valid_to == date(2024, 7, 11)


@pytest.mark.parametrize("text", [
    "Acting president Ivo Kral signed the bill.",
    "The incoming Secretary of Defense Lloyd Austin spoke.",
    "Interim Defense Minister Li Shangfu spoke.",
])
def test_no_kb_office_is_held_by_an_acting_or_incoming_holder(text: str) -> None:
    assert [c for c in offices(text) if c.object] == []


def test_then_takes_the_year_before_the_name_when_none_follows() -> None:
    (c,) = offices("In 2019, then-prime minister Boris Johnson met the press.")
    assert (c.qualifiers["time"], c.valid_from, c.valid_to) == ("then", date(2019, 1, 1), date(2019, 12, 31))


def test_then_takes_no_year_of_a_relative_clause_on_the_holder() -> None:
    (c,) = [c for c in offices("When Kral resigned in March 2018, he was succeeded by his then-deputy prime minister, "
                               "Jan Novak, who led the government until 2020.") if c.subject_surface == "Jan Novak"]
    assert (c.qualifiers["time"], c.valid_from, c.valid_to) == ("then", date(2018, 1, 1), date(2018, 12, 31))


def test_then_takes_the_year_of_the_noun_the_title_is_part_of() -> None:
    (c,) = offices("The foundation, which published a 2017 investigation into the wealth of then-prime minister "
                   "Boris Johnson, was banned in 2021.")
    assert (c.qualifiers["time"], c.valid_from, c.valid_to) == ("then", date(2017, 1, 1), date(2017, 12, 31))


def test_a_name_after_the_title_of_a_nouns_of_is_that_nouns() -> None:
    # "The press secretary of the President of the Russian Federation, Dmitrii Peskov"
    assert offices("The press secretary of the president, Jan Novak, told journalists so.") == []
    assert [c.subject_surface for c in offices("The wife of President Jan Novak spoke.")] == ["Jan Novak"]


def test_then_before_a_country_and_an_organization_before_the_title() -> None:
    (c,) = [c for c in offices("In 2022, then-US House Speaker Nancy Pelosi visited Taiwan.")
            if c.subject_surface == "Nancy Pelosi"]
    assert (c.qualifiers["time"], c.valid_from, c.valid_to) == ("then", date(2022, 1, 1), date(2022, 12, 31))


def test_a_pronoun_in_a_sentence_a_person_opens_is_that_persons() -> None:
    found = [(c.subject, c.object) for c in offices(
        "China removed Qin Gang on Tuesday. Qin, 57, rose quickly under President Xi Jinping, serving as "
        "ambassador to Washington before he was named foreign minister.") if c.subject != "xi-jinping"]
    assert ("qin-gang", "cn-foreign-minister") in found
    assert not [c for c in offices("Qin, 57, rose under President Xi Jinping before he was named foreign minister.")
                if c.subject == "xi-jinping" and c.object == "cn-foreign-minister"]


def test_later_opening_a_sentence_is_no_late_holder() -> None:
    (c,) = offices("Later, Defense Minister Wei Fenghe left.")
    assert "time" not in c.qualifiers and c.valid_from == date(2024, 7, 11)


def test_a_surname_two_kb_people_share_names_the_one_who_held_the_office_claimed() -> None:
    claims = offices("China named Wang Yi foreign minister again. Commerce Minister Wang Wentao was not there. "
                     "Wang, 69, served as foreign minister from 2013 to 2022.")
    assert ("wang-yi", "cn-foreign-minister", date(2013, 1, 1)) in [(c.subject, c.object, c.valid_from) for c in claims]
    assert not [c for c in claims if c.subject == "wang-wentao" and c.object == "cn-foreign-minister"]


@pytest.mark.parametrize(("text", "former"), [
    ("The former European Commission vice president Frans Timmermans led the list.", True),
    ("The former Soviet republic's President Ilham Aliyev spoke.", False),
    ("He met a former colleague, Defense Minister Jan Novak, on Monday.", False),
])
def test_former_up_to_three_words_before_the_title(text: str, former: bool) -> None:
    (c,) = offices(text)
    assert (c.qualifiers.get("time") == "former") is former


def test_the_late_holder_held_the_office_before() -> None:
    (c,) = offices("The late prime minister Shinzo Abe was honoured.")
    assert (c.object_surface, c.qualifiers["time"], c.valid_from) == ("prime minister", "former", None)


def test_a_persons_age_in_apposition() -> None:
    text = "Prime Minister Rishi Sunak, 43, spoke. Mr Sunak, 2023, no. Jan Novak, 10, and a 44, 45, list."
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 11), sections=[Section("body", 0, len(text))])
    ages = [c for c in analyze(doc, INDEX).claims if c.predicate == "age"]
    assert [(c.subject_key, c.value, c.excerpt, c.valid_from) for c in ages] == [
        ("name:rishi sunak", "43", "Rishi Sunak, 43", date(2024, 7, 11))]


@pytest.mark.parametrize("text", ["M. Rishi Sunak, 43 ans, a parlé lundi.", "Rishi Sunak, 43 años, llegó."])
def test_an_age_in_apposition_as_other_languages_write_it(text: str) -> None:
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 11), sections=[Section("body", 0, len(text))])
    claims = analyze(doc, INDEX).claims
    assert [(c.subject_key, c.value) for c in claims if c.predicate == "age"] == [("name:rishi sunak", "43")]
    assert not [c for c in claims if c.predicate == "count"]  # "43 ans" is no count of years


@pytest.mark.parametrize(("text", "excerpt"), [
    ("The 70-year-old retired general Lloyd Austin said no.", "70-year-old retired general Lloyd Austin"),
    ("Lloyd Austin, a 70-year-old retired general, said no.", "Lloyd Austin, a 70"),
    ("Lloyd Austin, aged 70, said no.", "Lloyd Austin, aged 70"),
])
def test_an_age_told_as_n_year_old_or_aged(text: str, excerpt: str) -> None:
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 11), sections=[Section("body", 0, len(text))])
    ages = [c for c in analyze(doc, INDEX).claims if c.predicate == "age"]
    assert [(c.subject_key, c.value, c.excerpt) for c in ages] == [("lloyd-austin", "70", excerpt)]


@pytest.mark.parametrize("text", [
    "The 30-year-old man who attacked Lloyd Austin said no.",  # another's age
    "A 45-year-old woman and Lloyd Austin said no.",
    "The 67-year-old Antony Blinken ally Lloyd Austin said no.",  # the age of the person named between
])
def test_an_age_before_a_name_with_more_than_a_title_between_is_not_theirs(text: str) -> None:
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 11), sections=[Section("body", 0, len(text))])
    assert [c.value for c in analyze(doc, INDEX).claims if c.predicate == "age" and c.subject == "lloyd-austin"] == []


def test_an_age_in_apposition_does_not_hide_the_verb_after_it() -> None:
    text = "Jan Novak, 54, replaced Petr Kral as health minister on Friday."
    by_holder = {c.subject_surface: c for c in offices(text)}
    assert by_holder["Jan Novak"].valid_from == date(2024, 7, 5)  # from then on (the Friday before)
    assert by_holder["Petr Kral"].qualifiers["time"] in ("former", "then")


def test_two_titles_joined_before_one_name_are_both_held() -> None:
    found = offices("The talks were attended by Chinese Premier Li Qiang and Defense Minister and State Councilor "
                    "Li Shangfu on Monday.")
    held = {(c.subject_surface, c.qualifiers.get("title")) for c in found}
    assert ("Li Shangfu", "Defense Minister") in held
    assert ("Li Shangfu", "State Councilor") in held


@pytest.mark.parametrize("text", [
    "The Senate voted to confirm her as Joe Biden's secretary of state and Gov. Jan Novak took the oath.",
    "They named Ann Roe for secretary of state and Health Minister Jan Novak for defense.",
    "Ann Roe was named defense minister and Sen. Jan Novak agreed.",
])
def test_two_titles_of_two_noun_phrases_are_not_joined(text: str) -> None:
    # titles in two styles, or the second abbreviated before its name: a new noun phrase
    held = {(c.subject_surface, c.qualifiers.get("title")) for c in offices(text)}
    assert not [t for who, t in held if who == "Jan Novak" and t and t.lower() in ("secretary of state",
                                                                                     "defense minister")], held


@pytest.mark.parametrize("text", [
    "Wang Yi, the defense minister and others were at the meeting.",
    "Wang Yi, the defense minister and two aides arrived.",
    "They met Lloyd Austin, China's Defense Minister and Foreign Minister Qin Gang.",
    "Wang Yi, the defense minister and the governor of Hebei, were killed.",
])
def test_a_title_in_a_list_after_a_name_is_not_in_apposition(text: str) -> None:
    assert not [c for c in offices(text) if c.subject_surface in ("Wang Yi", "Lloyd Austin")]


def test_a_second_description_of_the_person_closed_by_a_comma_keeps_the_apposition() -> None:
    found = offices("Wang Yi, the defense minister and a co-founder of the party, signed the letter.")
    assert [(c.subject_surface, c.qualifiers.get("title")) for c in found] == [("Wang Yi", "defense minister")]


@pytest.mark.parametrize("text, expected", [
    # a definite few already named are who they are, not how many
    ("China proposed a meeting between the two defense ministers in June.", []),
    # another's number in the clause: the name there, or a name the KB does not know (none)
    ("China's exports rose 5% in May, while Japan's exports rose 3%.",
     [("China", "5", "percent"), ("Japan", "3", "percent")]),
    ("China's exports rose 5% in May, while Zubrowka's exports rose 3%.", [("China", "5", "percent")]),
    # a forecast or a supposed consequence is no fact yet
    ("Officials in China now expect the unemployment rate to end next year at 4.3%.", []),
    ("China announced a cut, which would bring its benchmark rate to a range of 4.25 to 4.5 per cent.", []),
    # a bar to clear told by what it takes is no count; a number given to a common noun is its
    ("China won 191 seats and Japan won 24, giving the coalition 215 seats, short of the 233 needed for a majority.",
     [("China", "191", "seat")]),
    ("China needs a two-thirds majority of 200 required to pass it.", []),
    # a part of a whole: the part, after a name or a possessive
    ("The results gave China 230 of the 288 seats.", [("China", "230", "seat")]),
    ("China won 30 of Japan's 48 seats.", [("China", "30", "seat")]),
    # where a company is based is no actor
    ("Shares of the Beijing-based company rose 3.5% on Monday.", []),
    ("Shares of Shanghai, China-based Acme fell 11% on Friday.", []),
    # a currency's country is no actor: "US$3 trillion"
    ("Its market value crossed US$3 trillion on June 5.", []),
    # a clause whose subject is a pronoun: its number is the pronoun's, not the sentence's first name's
    ("After China dropped its candidate and met the general, he won the vote with 96 votes.", []),
    ("China sent 20 ships, and it lost 3 planes.", [("China", "20", "ship"), ("China", "3", "plane")]),
    # two actors joined before the number: the two's number, neither's alone
    ("China and its partner Japan sent 20 ships in May.", []),
    ("Together with its partner Japan, which sent 4 ships, the alliance has 20 ships.", [("Japan", "4", "ship")]),
    # "for X" after a share: X's, not the actor's
    ("Prime Minister Jan Novak won 54.2 percent of the vote, against 35.8 percent for the opposition candidate.",
     [("Jan Novak", "54.2", "percent")]),
    # "for" a time is no one's: the actor's number
    ("China showed a deficit of $66.9 billion for the 2023-24 fiscal year.", [("China", "66900000000", "dollar")]),
])
def test_a_number_belongs_to_its_own_clause(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counts(text) == expected


def test_his_predecessor_after_another_person_named_otherwise_is_no_ones() -> None:
    # "urged him to follow ... his predecessor": the president-elect's, not Wang Yi's
    text = ("Foreign Minister Wang Yi congratulated the president-elect and urged him to follow the path of "
            "his predecessor, Qin Gang.")
    assert not [c for c in offices(text) if c.qualifiers.get("predecessor_of")]


def test_a_predecessor_does_not_reach_across_a_paragraph() -> None:
    # a subtitle ending "... of her predecessor" and a paragraph opening with a name
    text = ("China's Foreign Minister Wang Yi promised continuity with the project of his predecessor\n\n"
            "Qin Gang has become the minister.")
    assert not [c for c in offices(text) if c.qualifiers.get("predecessor_of")]


@pytest.mark.parametrize(("text", "expected"), [
    # what a speaker says of itself is its number; an announced cut is a fact, not a hope
    ("China said it would buy 24 jets in May.", [("China", "24", "jet")]),
    ("China plans to cut 9,000 jobs at state firms.", [("China", "9000", "job")]),
    ("China said Japan would buy 24 jets.", [("Japan", "24", "jet")]),
    ("China aims to build 40 reactors.", []),
    # markets' pricing is a forecast
    ("Markets now price China's rate falling to about 4 per cent by the end of 2025.", []),
])
def test_a_speakers_own_number_and_announced_cuts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "President-elect Joe Biden spoke.",
    "Lloyd Austin, President-elect Joe Biden's choice to lead the Pentagon, spoke.",
])
def test_an_elected_title_not_yet_held_is_not_the_office(text: str) -> None:
    # the title is "President-elect", the holder's; never the presidency, never Austin's
    assert [(c.subject_surface, c.object, c.qualifiers.get("title")) for c in offices(text)] == [
        ("Joe Biden", None, "President-elect")]


def test_a_past_word_of_the_sentence_before_makes_no_past_term() -> None:
    # "late on Sunday." ends the sentence before: no "late" (dead) holder
    (c,) = offices("The board met late on Sunday.\n\nDefense Minister Li Shangfu spoke.")
    assert c.qualifiers.get("time") is None and c.valid_from == c.valid_to is not None


@pytest.mark.parametrize("text", [
    "Zardari, the widower of assassinated prime minister Jan Novak, spoke.",
    "Protesters cheered as ousted Prime Minister Jan Novak fled.",
])
def test_a_holder_killed_or_removed_held_the_office_before(text: str) -> None:
    (c,) = offices(text)
    assert (c.subject_surface, c.qualifiers.get("time"), c.valid_from) == ("Jan Novak", "former", None)


def test_titles_and_names_of_a_list_with_honorifics_are_each_their_own() -> None:
    found = offices("Among those sent packing were Treasury Secretary Prof Jan Novak, Interior Minister Prof "
                    "Petr Svoboda, and others.")
    assert [(c.subject_surface, c.qualifiers.get("title")) for c in found] == [
        ("Jan Novak", "Treasury Secretary"), ("Petr Svoboda", "Interior Minister")]


def test_a_title_before_another_countrys_title_in_a_list_is_not_joined_to_it() -> None:
    found = offices("He met French President Emmanuel Macron, the Defense Minister and British Prime Minister "
                    "Keir Starmer.")
    assert ("Keir Starmer", "British Prime Minister") in [(c.subject_surface, c.qualifiers.get("title")) for c in found]
    assert all(c.qualifiers.get("title") != "Defense Minister" for c in found)


def test_a_majority_is_a_margin_not_the_seats_won() -> None:
    assert counts("Prime Minister Jan Novak's party won 411 seats and a majority of 172 seats.") == [
        ("Jan Novak", "411", "seat"), ("Jan Novak", "172", "majority")]


def test_a_place_where_something_happens_is_no_actor_of_a_pronouns_sentence() -> None:
    assert counts("He was convicted in Beijing in May on 34 felony counts.") == []
    # with no other subject named, the place keeps the number
    assert counts("Lawmakers meeting in Beijing backed the law by 523 votes.") == [("Beijing", "523", "vote")]


@pytest.mark.parametrize(("text", "found"), [
    # a threshold is no result
    ("Prime Minister Jan Novak's party missed the 5% threshold.", []),
    # what the actor owns, named after a description, is what the number is about
    ("Mr Biden's center-left Pentagon came third with 16.4%.", [("Pentagon", "16.4", "percent")]),
])
def test_whose_number_it_is(text: str, found: list[tuple[str, str, str]]) -> None:
    assert counts(text) == found


def test_a_year_of_a_relative_clause_on_the_holder_is_not_the_titles() -> None:
    # "who headed the ministry in 2018": his time then; the title before the name is of today
    (c,) = offices("Defense Minister Jan Novak, 67, who headed the ministry in 2018 and 2019, is an ally.")
    assert "years" not in c.qualifiers
    (c,) = offices("In 2019, Defense Minister Jan Novak, who is an ally, left.")
    assert c.qualifiers["years"] == [2019]
    # (after a description of the name too)
    (c,) = offices("Defense Minister Jan Novak, the billionaire who founded the party in 2012, declared victory.")
    assert "years" not in c.qualifiers


@pytest.mark.parametrize("text", [
    "Jan Novak, the former president's daughter, spoke.",
    "Romualdez, the President’s cousin, spoke.",
])
def test_a_title_owning_a_relation_is_no_apposition(text: str) -> None:
    assert offices(text) == []


def test_an_acronym_title_matches_in_capitals_only() -> None:
    # the KB's "PM" is no "pm" of a time of day
    from ledger.model import Entity, Term

    index = build_index([
        Entity(id="th-pm", kind="office", name="Prime Minister of Thailand", country="TH", titles=["PM"]),
        Entity(id="jan-novak", kind="person", name="Jan Novak", country="TH",
               offices=[Term(office="th-pm", start=date(2024, 8, 16), end=None)]),
    ])

    def titled(text: str) -> list[tuple[str, str | None]]:
        doc = Document(path="t.txt", text=text, published=date(2024, 12, 13), sections=[Section("body", 0, len(text))])
        return [(c.object_surface, c.object) for c in analyze(doc, index).claims if c.predicate == "holds_office"]

    assert titled("Posted December 13, 2024 1:21 pm CET. Later, PM Jan Novak spoke.") == [("PM", "th-pm")]


def test_then_of_another_noun_is_not_the_titles() -> None:
    # "his then-client, former prime minister X": former, not then
    (c,) = offices("In 2008 he was jailed in a case linked to his then-client, former prime minister Jan Novak.")
    assert c.qualifiers.get("time") == "former"


def test_a_weekday_after_a_title_is_no_holder() -> None:
    assert offices("He held his first news conference as prime minister Tuesday evening.") == []


@pytest.mark.parametrize("text", [
    "Justice Department officials declined to comment.",
    "By Jan Novak, International Justice Correspondent",
])
def test_an_institution_or_a_desk_after_a_title_holds_no_office(tmp_path: Path, text: str) -> None:
    (tmp_path / "kb.yaml").write_text("entities:\n  - {id: us-justice, kind: office, name: Associate Justice of "
                                      "the Supreme Court, country: US, titles: [Justice]}\n", encoding="utf-8")
    index = build_index(load_kb([tmp_path]).entities)
    doc = Document(path="t.txt", text=text, published=date(2024, 7, 2), sections=[Section("body", 0, len(text))])
    assert [c for c in analyze(doc, index).claims if c.predicate == "holds_office"] == []


def test_then_before_an_initialism_is_the_titles() -> None:
    # the period of "U.S." ends no sentence
    (c,) = offices("In 2022, then-U.S. House Speaker Nancy Pelosi visited Taiwan.")
    assert (c.qualifiers.get("time"), c.valid_from) == ("then", date(2022, 1, 1))


def test_a_preposition_after_a_title_in_a_headline_opens_no_name() -> None:
    assert offices("China Ousts Qin Gang as Foreign Minister After Mysterious Absence") == []


def test_the_subject_after_his_predecessor_and_a_comma_is_not_the_predecessor() -> None:
    text = "British Prime Minister Rishi Sunak spoke. Unlike his predecessor, Liz Truss does not have a plan."
    assert [(c.subject_surface, c.qualifiers.get("title")) for c in offices(text)
            if c.qualifiers.get("title") == "predecessor"] == []
    text = "British Prime Minister Rishi Sunak thanked his predecessor Liz Truss."
    assert [c.subject_surface for c in offices(text) if c.qualifiers.get("title") == "predecessor"] == ["Liz Truss"]


@pytest.mark.parametrize(("text", "holder", "time"), [
    ("The party of two-time defense minister Wei Fenghe took 75 seats.", "Wei Fenghe", "former"),
    ("Il devance l'ancien Premier Jan Novak.", "Jan Novak", "former"),
])
def test_a_title_of_past_terms_counted_or_in_another_language(text: str, holder: str, time: str) -> None:
    (c,) = [c for c in offices(text) if c.subject_surface == holder]
    assert c.qualifiers.get("time") == time, c.qualifiers


def test_a_nominees_title_is_not_held() -> None:
    assert not [c for c in offices("Trump's pick for Treasury secretary, Jan Novak, spoke. His choice for "
                                   "defense secretary, Ann Roe, agreed.") if c.subject_surface in ("Jan Novak", "Ann Roe")]


def test_a_date_set_off_by_commas_is_the_numbers_clause_time() -> None:
    # AP style: "agreed on Dec. 18, 2022, to pay $53 a share": the day is the number's
    text = "China agreed on Dec. 18, 2022, to pay $53 a share in cash."
    doc = Document(path="t.txt", text=text, published=date(2023, 12, 13), sections=[Section("body", 0, len(text))])
    (c,) = [c for c in analyze(doc, INDEX).claims if c.predicate == "count"]
    assert (c.subject_surface, c.value, c.valid_from, c.valid_to) == ("China", "53", date(2022, 12, 18),
                                                                       date(2022, 12, 18))
    # a verb after the date's closing comma: the date was a clause's of its own
    text = "The war China started on Oct. 7, 2022, has killed more than 4,000 soldiers."
    doc = Document(path="t.txt", text=text, published=date(2023, 12, 13), sections=[Section("body", 0, len(text))])
    assert [c.valid_from for c in analyze(doc, INDEX).claims if c.predicate == "count"] == [date(2023, 12, 13)]


@pytest.mark.parametrize(("text", "expected"), [
    ("A court on Thursday sentenced Li Shangfu to 18 years in prison.", [("Li Shangfu", "18", "prison year")]),
    ("Li Shangfu was sentenced to 20 years in prison on Thursday.", [("Li Shangfu", "20", "prison year")]),
    ("Li Shangfu was sentenced on Thursday to 20 years in prison.", [("Li Shangfu", "20", "prison year")]),
    ("La cour a condamné jeudi Li Shangfu à 20 ans de réclusion criminelle.", [("Li Shangfu", "20", "prison year")]),
    # someone the text does not name, or a term served, is no one's prison term here
    ("The court sentenced 46 other men to between three and 15 years.", []),
    ("Li Shangfu served 10 years in the army.", []),
])
def test_a_prison_term_is_the_sentenced_persons(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counts(text) == expected


def test_a_question_asserts_no_number_or_date() -> None:
    # "A confidence vote in January?": a question; the title in one still names its holder
    assert counts("Will Prime Minister Jan Novak's party win 240 seats?") == []
    assert [c.subject_surface for c in offices("Will Prime Minister Jan Novak's party win 240 seats?")] == ["Jan Novak"]


def test_a_toll_told_as_it_stands_is_the_documents_days() -> None:
    text = ("In Nairobi, Jan Novak was appointed on 15 May, and floods that began on 29 April have killed 157 "
            "people. The death toll has reached at least 117 people in Mombasa, officials said.")
    doc = Document(path="t.txt", text=text, published=date(2024, 5, 20), sections=[Section("body", 0, len(text))])
    tolls = [(c.value, c.valid_from) for c in analyze(doc, INDEX).claims
             if c.predicate == "count" and c.qualifiers["unit"] == "dead"]
    assert tolls == [("157", date(2024, 5, 20)), ("117", date(2024, 5, 20))]


def test_a_day_a_toll_is_told_after_is_not_its_day() -> None:
    # "two weeks after the devastating Feb. 6 quake": the quake's day; the toll is Monday's
    text = ("A magnitude 6.4 earthquake struck in Nairobi on Monday evening, killing six people, two weeks after "
            "the devastating Feb. 6 quake.")
    doc = Document(path="t.txt", text=text, published=date(2023, 2, 21), sections=[Section("body", 0, len(text))])
    assert [c.valid_from for c in analyze(doc, INDEX).claims if c.predicate == "count"] != [date(2023, 2, 6)]
    text = "In Nairobi, the WHO said 459 people were killed since the fighting began on April 15."
    doc = Document(path="t.txt", text=text, published=date(2023, 4, 26), sections=[Section("body", 0, len(text))])
    assert [c.valid_from for c in analyze(doc, INDEX).claims if c.predicate == "count"] == [date(2023, 4, 26)]
    text = "The quake struck in Nairobi on Feb. 6, killing six people."
    doc = Document(path="t.txt", text=text, published=date(2023, 2, 21), sections=[Section("body", 0, len(text))])
    assert [c.valid_from for c in analyze(doc, INDEX).claims if c.predicate == "count"] == [date(2023, 2, 6)]


@pytest.mark.parametrize(("text", "day"), [
    # yesterday's toll, told of yesterday
    ("At least 91 people died on Sunday in clashes in Nairobi.", date(2024, 8, 4)),
    # of several times, the nearest the number
    ("In Nairobi, protesters called the march for Tuesday but brought it forward after violence on Sunday, "
     "when at least 91 people were killed.", date(2024, 8, 4)),
    # the document's day, nearest: today's toll, not that of the curfew's Saturday
    ("Officials in Nairobi, who imposed a curfew on Saturday, put the death toll at 147 on Monday.",
     date(2024, 8, 5)),
])
def test_a_toll_is_of_the_day_nearest_it(text: str, day: date) -> None:
    doc = Document(path="t.txt", text=text, published=date(2024, 8, 5), sections=[Section("body", 0, len(text))])
    assert [c.valid_from for c in analyze(doc, INDEX).claims if c.predicate == "count"] == [day]


def test_an_opening_phrase_of_time_dates_the_sentences_numbers() -> None:
    text = "In the 2019 election, Li Shangfu won 57.5% of the votes and 230 seats."
    doc = Document(path="t.txt", text=text, published=date(2024, 6, 3), sections=[Section("body", 0, len(text))])
    assert {(c.value, c.valid_from) for c in analyze(doc, INDEX).claims if c.predicate == "count"} == {
        ("57.5", date(2019, 1, 1)), ("230", date(2019, 1, 1))}


def test_a_share_in_brackets_is_the_name_before_its() -> None:
    assert counts("Li Shangfu won 54.28% of the vote, ahead of former minister Lloyd Austin (35.79%).") == [
        ("Li Shangfu", "54.28", "percent"), ("Lloyd Austin", "35.79", "percent")]


def test_a_share_in_brackets_after_a_name_and_its_party_and_a_number_told_again() -> None:
    assert counts("Li Shangfu came third with 2.80%, ahead of Lloyd Austin of the Taxawu Senegal coalition "
                  "(1.56%).") == [("Li Shangfu", "2.8", "percent"), ("Lloyd Austin", "1.56", "percent")]
    assert counts("Li Shangfu won 2,434,751 votes, ahead of the candidate of the Democratic Party, Lloyd Austin, "
                  "who received 1,605,086 votes, or 35.79%, the commission said.")[-2:] == [
        ("Lloyd Austin", "1605086", "vote"), ("Lloyd Austin", "35.79", "percent")]


def test_a_share_after_a_name_and_with_is_the_names() -> None:
    assert counts("Li Shangfu came first with 42.4% of the vote, ahead of the hardliner Lloyd Austin, with 38.6%.") == [
        ("Li Shangfu", "42.4", "percent"), ("Lloyd Austin", "38.6", "percent")]


def test_a_description_naming_a_body_does_not_make_the_body_the_speaker() -> None:
    # "Lloyd Austin, the civil aviation minister in the eastern administration, ... told": Austin
    from ledger.model import Entity
    from ledger.resolve.index import build_index

    index = build_index([*INDEX.entities.values(), Entity(id="rt-gov", kind="org", name="Government of Ruritania",
                                                          aliases=["eastern administration"])])
    text = ("Lloyd Austin, the civil aviation minister in the eastern administration, who toured the city on Tuesday, "
            "told reporters: “Bodies are lying everywhere.”")
    doc = Document(path="t.txt", text=text, published=date(2023, 9, 13), sections=[Section("body", 0, len(text))])
    assert [c.subject for c in analyze(doc, index).claims if c.predicate == "said"] == ["lloyd-austin"]


def test_a_tenure_is_the_persons_who_held_the_office() -> None:
    # "after 45 days in office": the length of a person's tenure, of the one named last before it
    assert counts("Lloyd Austin resigned after 45 days in office.") == [("Lloyd Austin", "45", "day in office")]
    assert counts("Li Shangfu flew back after Lloyd Austin announced that he was quitting after 45 days in office.") == [
        ("Lloyd Austin", "45", "day in office")]
    assert counts("Lloyd Austin spent 45 days in hospital.") == []
