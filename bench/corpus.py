"""A deterministic world, its KB and a news corpus about it, for the ingest benchmark.

``build_world(n_names, seed)`` makes a world: ~50 countries (ISO codes, demonyms, aliases,
cities ``part_of`` them), ~550 offices with titles (US and British styles where they differ),
their holders with terms of office from 2005 on, ~250 organizations (ministries, international
bodies, think tanks, universities, companies, the outlets), ~150 editions of recurring events,
and ``n_names`` persons from ``bench/names.py`` (Western, Chinese and Russian/Ukrainian names;
the latter two with their ``native`` script, from which ledger derives the transliterations).

``write_kb(world, folder)`` writes it as SPEC §5 YAML (people in files of 10,000), loadable by
``ledger kb load`` / ``ledger.pipeline.load_kb``.

``write_corpus(world, folder, n_docs, seed)`` streams ``n_docs`` articles of about 1,000 words to
``folder/part-NNN/NNNNNN.md`` (``chunk`` files per folder), each with YAML front matter (title,
source among 31 outlets, published date, url, author), never holding more than one article in
memory.  Articles are English news prose built from templates of varied structure: titles before
names ("Chinese Defense Minister Wang Hao"), appositives ("Jane Hartwell, a senior fellow at the
Brookings Institution,"), quotes with their speakers ("“…,” Wang said."), short references
("Mr. Wang", "Wang"), dates relative to the published date ("on Monday", "in March 2023", "since
2018"), quantities ("more than a dozen requests", "24 Su-35 fighters"), places ("in Singapore"),
events ("on the sidelines of the Shangri-La Dialogue"), the predicate frames ledger extracts
(sanctioned, appointed, met, declined, held, located in), occasional transliterated forms
(Wade-Giles, Sino-Vietnamese, romanization variants) and misspelled names, a few wrong titles
and house-style abbreviations, and now and then reader comments and page furniture.

The same seed gives the same world, KB and corpus.  ``python -m bench.corpus OUT --docs N
--kb-names N`` writes both to a folder.
"""

from __future__ import annotations

import json
import random
import re
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from bench.names import KEYBOARD, RU_FEMALE, UK_FEMALE, WESTERN_GIVEN, generate

# ------------------------------------------------------------------------------ countries

# slug, name, code, demonym, aliases, name culture, weight in the news, cities (capital first)
COUNTRIES: list[tuple[str, str, str, str, list[str], str, int, list[str]]] = [
    ("united-states", "United States", "US", "American",
     ["US", "U.S.", "USA", "America", "United States of America"], "western", 14,
     ["Washington", "New York", "San Diego", "Honolulu", "Chicago"]),
    ("china", "China", "CN", "Chinese", ["PRC", "People's Republic of China"], "chinese", 12,
     ["Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hong Kong"]),
    ("russia", "Russia", "RU", "Russian", ["Russian Federation"], "cyrillic", 9,
     ["Moscow", "St. Petersburg", "Vladivostok", "Kaliningrad"]),
    ("ukraine", "Ukraine", "UA", "Ukrainian", [], "cyrillic", 8,
     ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Zaporizhzhia"]),
    ("taiwan", "Taiwan", "TW", "Taiwanese", ["Republic of China", "ROC"], "chinese", 4,
     ["Taipei", "Kaohsiung", "Taichung"]),
    ("japan", "Japan", "JP", "Japanese", [], "western", 5, ["Tokyo", "Osaka", "Hiroshima", "Okinawa"]),
    ("united-kingdom", "United Kingdom", "GB", "British",
     ["UK", "U.K.", "Britain", "Great Britain"], "western", 6, ["London", "Manchester", "Edinburgh"]),
    ("france", "France", "FR", "French", [], "western", 5, ["Paris", "Marseille", "Lyon"]),
    ("germany", "Germany", "DE", "German", [], "western", 5, ["Berlin", "Munich", "Hamburg", "Frankfurt"]),
    ("italy", "Italy", "IT", "Italian", [], "western", 3, ["Rome", "Milan", "Naples"]),
    ("spain", "Spain", "ES", "Spanish", [], "western", 2, ["Madrid", "Barcelona"]),
    ("canada", "Canada", "CA", "Canadian", [], "western", 2, ["Ottawa", "Toronto", "Vancouver"]),
    ("australia", "Australia", "AU", "Australian", [], "western", 3, ["Canberra", "Sydney", "Melbourne"]),
    ("india", "India", "IN", "Indian", [], "western", 4, ["New Delhi", "Mumbai", "Bengaluru"]),
    ("south-korea", "South Korea", "KR", "South Korean", ["Republic of Korea", "ROK"], "western", 3,
     ["Seoul", "Busan"]),
    ("north-korea", "North Korea", "KP", "North Korean", ["DPRK"], "western", 2, ["Pyongyang"]),
    ("philippines", "Philippines", "PH", "Filipino", ["the Philippines"], "western", 3, ["Manila", "Cebu"]),
    ("vietnam", "Vietnam", "VN", "Vietnamese", ["Viet Nam"], "western", 2, ["Hanoi", "Ho Chi Minh City"]),
    ("singapore", "Singapore", "SG", "Singaporean", [], "chinese", 3, []),
    ("indonesia", "Indonesia", "ID", "Indonesian", [], "western", 2, ["Jakarta", "Bali"]),
    ("thailand", "Thailand", "TH", "Thai", [], "western", 1, ["Bangkok"]),
    ("malaysia", "Malaysia", "MY", "Malaysian", [], "western", 1, ["Kuala Lumpur"]),
    ("poland", "Poland", "PL", "Polish", [], "western", 3, ["Warsaw", "Krakow"]),
    ("netherlands", "Netherlands", "NL", "Dutch", ["the Netherlands", "Holland"], "western", 2,
     ["Amsterdam", "The Hague"]),
    ("belgium", "Belgium", "BE", "Belgian", [], "western", 1, ["Brussels"]),
    ("sweden", "Sweden", "SE", "Swedish", [], "western", 1, ["Stockholm"]),
    ("norway", "Norway", "NO", "Norwegian", [], "western", 1, ["Oslo"]),
    ("finland", "Finland", "FI", "Finnish", [], "western", 1, ["Helsinki"]),
    ("denmark", "Denmark", "DK", "Danish", [], "western", 1, ["Copenhagen"]),
    ("turkey", "Turkey", "TR", "Turkish", ["Turkiye", "Türkiye"], "western", 3, ["Ankara", "Istanbul"]),
    ("israel", "Israel", "IL", "Israeli", [], "western", 4, ["Jerusalem", "Tel Aviv"]),
    ("iran", "Iran", "IR", "Iranian", [], "western", 3, ["Tehran"]),
    ("saudi-arabia", "Saudi Arabia", "SA", "Saudi", [], "western", 2, ["Riyadh", "Jeddah"]),
    ("united-arab-emirates", "United Arab Emirates", "AE", "Emirati", ["UAE"], "western", 1,
     ["Abu Dhabi", "Dubai"]),
    ("qatar", "Qatar", "QA", "Qatari", [], "western", 1, ["Doha"]),
    ("egypt", "Egypt", "EG", "Egyptian", [], "western", 1, ["Cairo"]),
    ("south-africa", "South Africa", "ZA", "South African", [], "western", 1,
     ["Pretoria", "Johannesburg", "Cape Town"]),
    ("nigeria", "Nigeria", "NG", "Nigerian", [], "western", 1, ["Abuja", "Lagos"]),
    ("kenya", "Kenya", "KE", "Kenyan", [], "western", 1, ["Nairobi"]),
    ("brazil", "Brazil", "BR", "Brazilian", [], "western", 2, ["Brasilia", "Sao Paulo", "Rio de Janeiro"]),
    ("mexico", "Mexico", "MX", "Mexican", [], "western", 2, ["Mexico City", "Monterrey"]),
    ("argentina", "Argentina", "AR", "Argentine", [], "western", 1, ["Buenos Aires"]),
    ("chile", "Chile", "CL", "Chilean", [], "western", 1, ["Santiago"]),
    ("belarus", "Belarus", "BY", "Belarusian", [], "cyrillic", 2, ["Minsk"]),
    ("kazakhstan", "Kazakhstan", "KZ", "Kazakh", [], "cyrillic", 1, ["Astana", "Almaty"]),
    ("austria", "Austria", "AT", "Austrian", [], "western", 1, ["Vienna"]),
    ("switzerland", "Switzerland", "CH", "Swiss", [], "western", 1, ["Geneva", "Bern", "Zurich", "Davos"]),
    ("pakistan", "Pakistan", "PK", "Pakistani", [], "western", 2, ["Islamabad", "Karachi"]),
    ("estonia", "Estonia", "EE", "Estonian", [], "western", 1, ["Tallinn"]),
    ("lithuania", "Lithuania", "LT", "Lithuanian", [], "western", 1, ["Vilnius"]),
]
NATIVE_COUNTRY = {"china": "中国", "taiwan": "臺灣", "russia": "Россия", "ukraine": "Україна"}
THE = {"US", "GB", "NL", "PH", "AE"}  # "the United States"
# no president in monarchies; the US has no prime minister; Germany's is the chancellor
MONARCHIES = {"JP", "GB", "ES", "NL", "BE", "SE", "NO", "DK", "SA", "TH", "MY", "QA", "AE"}

# ------------------------------------------------------------------------------ offices

# role -> (office name, titles, plural for "the countries' ...", domain)
ROLES: dict[str, tuple[str, list[str], str, str]] = {
    "president": ("President of {C}", ["President"], "presidents", "summit"),
    "prime-minister": ("Prime Minister of {C}", ["Prime Minister", "Premier"], "prime ministers",
                       "summit"),
    "minister-of-defense": ("Minister of Defense of {C}",
                            ["Minister of Defense", "Minister of Defence", "Defense Minister",
                             "Defence Minister", "defense chief", "defence chief"],
                            "defense chiefs", "defense"),
    "minister-of-foreign-affairs": ("Minister of Foreign Affairs of {C}",
                                    ["Foreign Minister", "Minister of Foreign Affairs",
                                     "top diplomat"], "foreign ministers", "diplomacy"),
    "minister-of-finance": ("Minister of Finance of {C}", ["Finance Minister", "Minister of Finance"],
                            "finance ministers", "economy"),
    "minister-of-trade": ("Minister of Trade of {C}",
                          ["Trade Minister", "Minister of Trade", "Commerce Minister"],
                          "trade ministers", "trade"),
    "minister-of-the-interior": ("Minister of the Interior of {C}",
                                 ["Interior Minister", "Minister of the Interior"],
                                 "interior ministers", "security"),
    "minister-of-energy": ("Minister of Energy of {C}", ["Energy Minister", "Minister of Energy"],
                           "energy ministers", "energy"),
    "central-bank-governor": ("Governor of the Central Bank of {C}",
                              ["central bank governor", "central bank chief"],
                              "central bank governors", "economy"),
    "chief-of-general-staff": ("Chief of the General Staff of {C}",
                               ["Chief of the General Staff", "army chief", "military chief"],
                               "military chiefs", "defense"),
    "ambassador-to-the-un": ("Ambassador of {C} to the United Nations",
                             ["Ambassador to the United Nations", "UN ambassador",
                              "envoy to the United Nations"], "UN envoys", "diplomacy"),
    "foreign-ministry-spokesperson": ("Spokesperson of the Ministry of Foreign Affairs of {C}",
                                      ["Foreign Ministry spokesperson", "Foreign Ministry spokesman",
                                       "Foreign Ministry spokeswoman",
                                       "Foreign Affairs Ministry spokesperson"],
                                      "spokespeople", "diplomacy"),
}
SPOKES = "foreign-ministry-spokesperson"
OVERRIDES: dict[tuple[str, str], tuple[str, list[str]]] = {
    ("US", "president"): ("President of the United States",
                          ["President", "President of the United States", "Commander in Chief"]),
    ("US", "minister-of-defense"): ("Secretary of Defense",
                                    ["Secretary of Defense", "Secretary of Defence", "Defense Secretary",
                                     "Defence Secretary", "Pentagon chief", "head of the Pentagon",
                                     "defense chief"]),
    ("US", "minister-of-foreign-affairs"): ("Secretary of State", ["Secretary of State", "top diplomat"]),
    ("US", "minister-of-finance"): ("Secretary of the Treasury",
                                    ["Secretary of the Treasury", "Treasury Secretary"]),
    ("US", "minister-of-trade"): ("Secretary of Commerce", ["Secretary of Commerce", "Commerce Secretary"]),
    ("US", "minister-of-the-interior"): ("Secretary of Homeland Security",
                                         ["Secretary of Homeland Security", "Homeland Security Secretary"]),
    ("US", "minister-of-energy"): ("Secretary of Energy", ["Secretary of Energy", "Energy Secretary"]),
    ("US", "central-bank-governor"): ("Chair of the Federal Reserve",
                                      ["Fed Chair", "Federal Reserve Chair", "Fed chairman"]),
    ("US", "chief-of-general-staff"): ("Chairman of the Joint Chiefs of Staff",
                                       ["Chairman of the Joint Chiefs of Staff", "Joint Chiefs Chairman",
                                        "top military officer"]),
    ("US", "ambassador-to-the-un"): ("United States Ambassador to the United Nations",
                                     ["Ambassador to the United Nations", "UN ambassador"]),
    ("US", SPOKES): ("State Department Spokesperson",
                     ["State Department spokesperson", "State Department spokesman"]),
    ("GB", "minister-of-defense"): ("Secretary of State for Defence",
                                    ["Defence Secretary", "Defense Secretary"]),
    ("GB", "minister-of-foreign-affairs"): ("Foreign Secretary", ["Foreign Secretary"]),
    ("GB", "minister-of-finance"): ("Chancellor of the Exchequer", ["Chancellor of the Exchequer"]),
    ("GB", "minister-of-the-interior"): ("Home Secretary", ["Home Secretary"]),
    ("DE", "prime-minister"): ("Chancellor of Germany", ["Chancellor", "German Chancellor"]),
    ("CN", "prime-minister"): ("Premier of the State Council", ["Premier"]),
    ("CN", "minister-of-defense"): ("Minister of National Defense",
                                    ["Minister of National Defense", "Defense Minister", "Defence Minister",
                                     "defense chief"]),
}
ROLE_TERM = {  # (min, max) years
    "president": (4, 8), "prime-minister": (2, 6), "central-bank-governor": (4, 7),
    SPOKES: (2, 5), "ambassador-to-the-un": (2, 5),
}
HISTORY_FROM = date(2005, 1, 1)
HISTORY_TO = date(2025, 6, 30)

# ------------------------------------------------------------------------------ organizations

INTERNATIONAL = [
    ("united-nations", "United Nations", ["UN", "U.N."]),
    ("un-security-council", "UN Security Council", ["Security Council", "U.N. Security Council"]),
    ("nato", "NATO", ["North Atlantic Treaty Organization"]),
    ("european-union", "European Union", ["EU", "E.U."]),
    ("asean", "ASEAN", ["Association of Southeast Asian Nations"]),
    ("imf", "International Monetary Fund", ["IMF"]),
    ("world-bank", "World Bank", []),
    ("wto", "World Trade Organization", ["WTO"]),
    ("iaea", "International Atomic Energy Agency", ["IAEA"]),
    ("african-union", "African Union", []),
    ("opec", "OPEC", ["Organization of the Petroleum Exporting Countries"]),
    ("who", "World Health Organization", ["WHO"]),
    ("icc", "International Criminal Court", ["ICC"]),
]
THINK_TANKS = [
    ("csis", "Center for Strategic and International Studies", ["CSIS"], "washington"),
    ("iiss", "International Institute for Strategic Studies", ["IISS"], "london"),
    ("brookings", "Brookings Institution", ["Brookings"], "washington"),
    ("rand", "RAND Corporation", ["RAND"], "washington"),
    ("cfr", "Council on Foreign Relations", ["CFR"], "new-york"),
    ("chatham-house", "Chatham House", [], "london"),
    ("carnegie", "Carnegie Endowment for International Peace", ["Carnegie Endowment"], "washington"),
    ("lowy", "Lowy Institute", [], "sydney"),
    ("atlantic-council", "Atlantic Council", [], "washington"),
    ("heritage", "Heritage Foundation", [], "washington"),
    ("stimson", "Stimson Center", [], "washington"),
    ("rusi", "Royal United Services Institute", ["RUSI"], "london"),
    ("gmf", "German Marshall Fund", [], "washington"),
    ("ecfr", "European Council on Foreign Relations", ["ECFR"], "berlin"),
    ("sipri", "Stockholm International Peace Research Institute", ["SIPRI"], "stockholm"),
    ("rsis", "S. Rajaratnam School of International Studies", ["RSIS"], "singapore"),
    ("isw", "Institute for the Study of War", ["ISW"], "washington"),
    ("piie", "Peterson Institute for International Economics", ["PIIE"], "washington"),
    ("hudson", "Hudson Institute", [], "washington"),
    ("cnas", "Center for a New American Security", ["CNAS"], "washington"),
    ("wilson-center", "Wilson Center", [], "washington"),
    ("eurasia-group", "Eurasia Group", [], "new-york"),
    ("crisis-group", "International Crisis Group", ["Crisis Group"], "brussels"),
    ("kiel-institute", "Kiel Institute for the World Economy", ["Kiel Institute"], "berlin"),
]
UNIVERSITIES = [
    "Harvard University", "Stanford University", "Georgetown University", "Johns Hopkins University",
    "Peking University", "Tsinghua University", "National University of Singapore",
    "King's College London", "London School of Economics", "Sciences Po", "University of Tokyo",
    "Australian National University", "Fudan University", "Renmin University",
    "Kyiv-Mohyla Academy", "Moscow State University", "Columbia University", "Princeton University",
    "Yale University", "Oxford University",
]
COMPANIES = [
    ("Lockheed Martin", "US"), ("Boeing", "US"), ("Raytheon", "US"), ("Northrop Grumman", "US"),
    ("General Dynamics", "US"), ("BAE Systems", "GB"), ("Airbus", "FR"), ("Rheinmetall", "DE"),
    ("Thales", "FR"), ("Saab", "SE"), ("Huawei", "CN"), ("TSMC", "TW"), ("Samsung", "KR"),
    ("Sukhoi", "RU"), ("Rosoboronexport", "RU"), ("Gazprom", "RU"), ("Rosneft", "RU"),
    ("Naftogaz", "UA"), ("Norinco", "CN"), ("AVIC", "CN"), ("Nvidia", "US"), ("ASML", "NL"),
    ("Goldman Sachs", "US"), ("JPMorgan", "US"), ("Citigroup", "US"), ("BlackRock", "US"),
]
BODIES = [  # country, name, aliases
    ("US", "White House", []), ("US", "Congress", ["U.S. Congress"]),
    ("US", "Senate", ["U.S. Senate"]), ("US", "House of Representatives", []),
    ("CN", "People's Liberation Army", ["PLA"]), ("CN", "Central Military Commission", []),
    ("CN", "Communist Party of China", ["Chinese Communist Party", "CCP"]),
    ("RU", "Kremlin", ["the Kremlin"]), ("RU", "State Duma", ["Duma"]),
    ("UA", "Armed Forces of Ukraine", []), ("UA", "Verkhovna Rada", []),
    ("DE", "Bundestag", []), ("TW", "Legislative Yuan", []), ("JP", "Self-Defense Forces", []),
]
# outlet, site domain, house style for Chinese names (None: pinyin)
OUTLETS: list[tuple[str, str, str | None]] = [
    ("Reuters", "reuters.com", None), ("Associated Press", "apnews.com", None),
    ("AFP", "afp.com", None), ("BBC News", "bbc.com", None), ("The Guardian", "theguardian.com", None),
    ("The New York Times", "nytimes.com", None), ("The Washington Post", "washingtonpost.com", None),
    ("The Wall Street Journal", "wsj.com", None), ("Financial Times", "ft.com", None),
    ("Bloomberg", "bloomberg.com", None), ("CNN", "cnn.com", None), ("NBC News", "nbcnews.com", None),
    ("CBS News", "cbsnews.com", None), ("ABC News", "abcnews.go.com", None),
    ("Politico", "politico.com", None), ("The Economist", "economist.com", None),
    ("Al Jazeera", "aljazeera.com", None), ("South China Morning Post", "scmp.com", None),
    ("The Japan Times", "japantimes.co.jp", None), ("Nikkei Asia", "asia.nikkei.com", None),
    ("Deutsche Welle", "dw.com", None), ("France 24", "france24.com", None),
    ("The Straits Times", "straitstimes.com", None), ("Kyiv Independent", "kyivindependent.com", None),
    ("The Moscow Times", "themoscowtimes.com", None), ("Dan Tri", "dtinews.vn", "sino-vietnamese"),
    ("VnExpress", "e.vnexpress.net", "sino-vietnamese-ascii"),
    ("Taipei Times", "taipeitimes.com", "wade-giles"), ("The Hill", "thehill.com", None),
    ("NPR", "npr.org", None), ("ZeroHedge", "zerohedge.com", None),
]
COMMENT_OUTLETS = {"ZeroHedge", "The Hill", "Dan Tri"}

# ------------------------------------------------------------------------------ events

# name, aliases, month, days, host cities (one per edition in turn), kind
SERIES: list[tuple[str, list[str], int, int, list[str], str]] = [
    ("G7 summit", ["G-7 summit", "Group of Seven summit"], 6, 3,
     ["hiroshima", "munich", "london", "paris", "rome", "ottawa", "tokyo"], "summit"),
    ("G20 summit", ["G-20 summit", "Group of 20 summit"], 11, 2,
     ["bali", "new-delhi", "rio-de-janeiro", "buenos-aires", "osaka", "riyadh", "rome"], "summit"),
    ("Shangri-La Dialogue", ["IISS Shangri-La Dialogue", "Shangri-La Security Forum"], 6, 3,
     ["singapore"], "security forum"),
    ("NATO summit", ["NATO leaders' summit"], 7, 2,
     ["vilnius", "madrid", "brussels", "london", "warsaw", "washington"], "summit"),
    ("Munich Security Conference", ["MSC"], 2, 3, ["munich"], "security conference"),
    ("World Economic Forum annual meeting", ["Davos forum", "WEF annual meeting"], 1, 5,
     ["davos"], "forum"),
    ("UN General Assembly", ["UNGA", "U.N. General Assembly"], 9, 7, ["new-york"], "gathering"),
    ("APEC summit", ["APEC Leaders' Meeting"], 11, 2,
     ["san-francisco", "bangkok", "lima", "manila", "kuala-lumpur", "beijing"], "summit"),
    ("ASEAN summit", ["ASEAN leaders' summit"], 5, 2,
     ["jakarta", "bangkok", "manila", "hanoi", "kuala-lumpur", "singapore"], "summit"),
    ("UN climate conference", ["COP climate summit", "UN climate summit"], 11, 12,
     ["dubai", "cairo", "glasgow", "madrid", "baku", "bonn"], "conference"),
    ("BRICS summit", [], 8, 3, ["johannesburg", "kazan", "new-delhi", "brasilia", "beijing"], "summit"),
    ("St. Petersburg International Economic Forum", ["SPIEF"], 6, 4, ["st-petersburg"], "forum"),
    ("Raisina Dialogue", [], 3, 3, ["new-delhi"], "conference"),
]
EXTRA_CITIES = {  # host cities that are no capital or listed city: id -> (name, country slug)
    "munich": ("Munich", "germany"), "bali": ("Bali", "indonesia"), "vilnius": ("Vilnius", "lithuania"),
    "davos": ("Davos", "switzerland"), "san-francisco": ("San Francisco", "united-states"),
    "lima": ("Lima", "peru"), "glasgow": ("Glasgow", "united-kingdom"), "baku": ("Baku", "azerbaijan"),
    "bonn": ("Bonn", "germany"), "kazan": ("Kazan", "russia"),
}
EVENT_YEARS = range(2014, 2026)

# ------------------------------------------------------------------------------ records


@dataclass
class Country:
    id: str
    name: str
    code: str
    demonym: str
    aliases: list[str]
    culture: str
    weight: int
    cities: list[tuple[str, str]]  # (id, name), capital first

    @property
    def capital(self) -> str:
        return self.cities[0][1] if self.cities else self.name

    @property
    def text(self) -> str:
        """The name as a sentence uses it ("the United States")."""
        return f"the {self.name}" if self.code in THE else self.name

    @property
    def poss(self) -> str:
        t = self.text
        return t + "'" if t.endswith("s") else t + "'s"


@dataclass
class Office:
    id: str
    role: str
    country: Country
    name: str
    titles: list[str]
    single: bool = True
    terms: list[tuple[date, date | None, int]] = field(default_factory=list)  # (from, to, person)

    def holder(self, d: date) -> tuple[int, date, date | None] | None:
        for start, end, p in self.terms:
            if start <= d and (end is None or d <= end):
                return p, start, end
        return None

    def before(self, d: date) -> int | None:
        """The holder before the one in office on ``d``."""
        prev = None
        for start, end, p in self.terms:
            if start <= d and (end is None or d <= end):
                return prev
            prev = p
        return None


@dataclass
class PersonRec:
    id: str
    name: str
    native: str | None
    culture: str
    country: Country
    female: bool
    aliases: list[str] = field(default_factory=list)
    terms: list[tuple[str, date, date | None]] = field(default_factory=list)


@dataclass
class Org:
    id: str
    name: str
    aliases: list[str]
    country: str | None = None  # ISO code
    place: str | None = None
    part_of: str | None = None


@dataclass
class Event:
    id: str
    name: str
    aliases: list[str]
    place: str  # city id
    start: date
    end: date
    kind: str


@dataclass
class World:
    seed: int
    countries: list[Country]
    cities: dict[str, tuple[str, str]]  # id -> (name, country id)
    offices: dict[tuple[str, str], Office]  # (code, role) -> office
    persons: list[PersonRec]
    unknown: list[tuple[str, str, bool]]  # names not in the KB: (name, culture, female)
    orgs: list[Org]
    ministries: dict[tuple[str, str], str]  # (code, "defense"/"foreign") -> org name as written
    tanks: list[Org]
    universities: list[str]
    companies: list[Org]
    events: list[Event]
    holders: list[int] = field(default_factory=list)  # persons holding some office
    experts: list[int] = field(default_factory=list)  # persons with none

    def entity_count(self) -> dict[str, int]:
        return {
            "person": len(self.persons), "office": len(self.offices),
            "place": len(self.countries) + len(self.cities), "org": len(self.orgs),
            "event": len(self.events),
        }


def _slug(text: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "x"


def _female(native: str | None, name: str, culture: str, r: random.Random) -> bool:
    if culture == "western":
        given = name.split()[0]
        try:
            return WESTERN_GIVEN.index(given) >= WESTERN_GIVEN.index("Mary")
        except ValueError:
            return r.random() < 0.4
    if culture == "cyrillic" and native:
        first = native.split()[0]
        return first in RU_FEMALE or first in UK_FEMALE
    return r.random() < 0.3


def build_world(n_names: int = 100_000, seed: int = 1, n_unknown: int = 3000) -> World:
    r = random.Random(seed)
    n_countries = len(COUNTRIES) if n_names >= 20_000 else max(8, min(len(COUNTRIES), n_names // 400))
    countries: list[Country] = []
    cities: dict[str, tuple[str, str]] = {}
    for slug, name, code, dem, aliases, culture, weight, city_names in COUNTRIES[:n_countries]:
        cs = [(_slug(c), c) for c in city_names]
        countries.append(Country(slug, name, code, dem, aliases, culture, weight, cs))
        for cid, cname in cs:
            cities[cid] = (cname, slug)
    known = {c.id for c in countries}
    for cid, (cname, cslug) in EXTRA_CITIES.items():
        if cslug in known and cid not in cities:
            cities[cid] = (cname, cslug)

    # persons: the KB's names, distinct; their country follows the culture of the name
    people, taken = generate(n_names, seed=seed, derive=0)
    by_culture: dict[str, list[Country]] = {}
    for c in countries:
        by_culture.setdefault(c.culture, []).append(c)
    cum = {k: list(accumulate(c.weight for c in v)) for k, v in by_culture.items()}
    persons: list[PersonRec] = []
    ids: set[str] = set(known) | set(cities)
    for p in people:
        pool = by_culture.get(p.culture) or by_culture["western"]
        cw = cum.get(p.culture) or cum["western"]
        country = pool[bisect(cw, r.random() * cw[-1])]
        pid = base = _slug(p.name)
        k = 2
        while pid in ids:
            pid, k = f"{base}-{k}", k + 1
        ids.add(pid)
        rec = PersonRec(pid, p.name, p.native, p.culture, country, _female(p.native, p.name, p.culture, r))
        toks = p.name.split()
        if p.culture == "western" and len(toks) == 3 and toks[1].endswith(".") and r.random() < 0.3:
            rec.aliases.append(f"{toks[0]} {toks[2]}")  # the form without the middle initial
        elif p.culture == "cyrillic" and len(p.forms) > 1 and r.random() < 0.5:
            rec.aliases.append(p.forms[1])  # with the patronymic
        persons.append(rec)

    # offices and their holders, culture-consistent
    offices: dict[tuple[str, str], Office] = {}
    pools: dict[str, list[int]] = {}
    for i, p in enumerate(persons):
        pools.setdefault(p.country.code, []).append(i)
    used: set[int] = set()
    for c in countries:
        pool = pools.get(c.code, [])
        r.shuffle(pool)
        served: list[int] = []  # earlier holders of this country, who may get another office
        for role, (tmpl, titles, _, _) in ROLES.items():
            if role == "president" and c.code in MONARCHIES:
                continue
            if role == "prime-minister" and c.code == "US":
                continue
            name, titles = OVERRIDES.get((c.code, role), (tmpl.format(C=c.name), titles))
            oid = f"{c.code.lower()}-{_slug(name if (c.code, role) in OVERRIDES else role)}"
            off = Office(oid, role, c, name, list(titles), single=role != SPOKES)
            lo, hi = ROLE_TERM.get(role, (2, 6))
            start = HISTORY_FROM - timedelta(days=r.randrange(0, 1500))
            while start <= HISTORY_TO:
                end = start + timedelta(days=int(365 * r.uniform(lo, hi)))
                person = None
                if served and r.random() < 0.12:
                    cand = r.choice(served)
                    if all(t[1] is not None and t[1] < start for t in persons[cand].terms):
                        person = cand
                if person is None:
                    while pool and pool[-1] in used:
                        pool.pop()
                    if pool:
                        person = pool.pop()
                    else:  # a small KB: fall back on anyone of the culture
                        person = r.randrange(len(persons))
                used.add(person)
                served.append(person)
                open_end = end > HISTORY_TO
                off.terms.append((start, None if open_end else end, person))
                persons[person].terms.append((oid, start, None if open_end else end))
                start = end + timedelta(days=r.choice((0, 1, 1, 2, 14)))
            offices[(c.code, role)] = off

    orgs: list[Org] = []
    ministries: dict[tuple[str, str], str] = {}
    for c in countries:
        if c.code == "US":
            orgs.append(Org("us-department-of-defense", "Department of Defense",
                            ["Defense Department", "Pentagon", "the Pentagon", "DoD"], "US", "washington"))
            orgs.append(Org("us-department-of-state", "State Department",
                            ["Department of State", "U.S. State Department"], "US", "washington"))
            ministries[("US", "defense")] = "the Pentagon"
            ministries[("US", "foreign")] = "the State Department"
            continue
        cap = c.cities[0][0] if c.cities else c.id
        defense = "Ministry of Defence" if c.code == "GB" else "Ministry of Defense"
        orgs.append(Org(f"{c.code.lower()}-ministry-of-defense", defense,
                        ["Defense Ministry", "Defence Ministry"], c.code, cap))
        foreign = "Foreign Office" if c.code == "GB" else "Ministry of Foreign Affairs"
        orgs.append(Org(f"{c.code.lower()}-ministry-of-foreign-affairs", foreign,
                        ["Foreign Ministry", "Foreign Affairs Ministry"], c.code, cap))
        ministries[(c.code, "defense")] = f"{c.poss} Defense Ministry"
        ministries[(c.code, "foreign")] = f"the {c.demonym} Foreign Ministry"
    for oid, name, aliases in INTERNATIONAL:
        orgs.append(Org(oid, name, aliases))
    tanks = [Org(oid, name, al, None, place if place in cities or place in known else None)
             for oid, name, al, place in THINK_TANKS]
    orgs += tanks
    unis = list(UNIVERSITIES)
    orgs += [Org(_slug(u), u, []) for u in unis]
    companies = [Org(_slug(n), n, [], code) for n, code in COMPANIES]
    orgs += companies
    codes = {c.code for c in countries}
    for code, name, aliases in BODIES:
        if code in codes:
            orgs.append(Org(f"{code.lower()}-{_slug(name)}", name, aliases, code))
    for name, _domain, _style in OUTLETS:
        oid = f"outlet-{_slug(name)}"
        orgs.append(Org(oid, name, []))

    events: list[Event] = []
    for name, aliases, month, days, hosts, kind in SERIES:
        hosts = [h for h in hosts if h in cities or h in known] or [r.choice(list(cities))]
        for k, year in enumerate(EVENT_YEARS):
            place = hosts[k % len(hosts)]
            start = date(year, month, 1) + timedelta(days=r.randrange(0, 24))
            events.append(Event(f"{_slug(name)}-{year}", name, aliases, place, start,
                                start + timedelta(days=days - 1), kind))

    unknown_people, _ = generate(n_unknown, seed=seed + 7919, derive=0, exclude=taken, prefix="u")
    unknown = [(p.name, p.culture, _female(p.native, p.name, p.culture, r)) for p in unknown_people]
    w = World(seed, countries, cities, offices, persons, unknown, orgs, ministries, tanks, unis,
              companies, events)
    w.holders = sorted(used)
    w.experts = [i for i in range(len(persons)) if i not in used]
    return w


# ------------------------------------------------------------------------------ the KB


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def _qlist(items: list[str]) -> str:
    return "[" + ", ".join(_q(x) for x in items) + "]"


def write_kb(world: World, folder: Path, per_file: int = 10_000) -> list[Path]:
    """The world as SPEC §5 YAML: places, offices, orgs, events, and people in files of
    ``per_file``.  Written as text (yaml.safe_dump is slow at 100k entities)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def emit(name: str, header: str, lines: list[str]) -> None:
        path = folder / name
        path.write_text(f"# {header}\n\nentities:\n" + "".join(lines), encoding="utf-8")
        out.append(path)

    lines: list[str] = []
    for c in world.countries:
        lines.append(f"  - id: {c.id}\n    kind: place\n    name: {_q(c.name)}\n")
        if c.id in NATIVE_COUNTRY:
            lines.append(f"    native: {_q(NATIVE_COUNTRY[c.id])}\n")
        if c.aliases:
            lines.append(f"    aliases: {_qlist(c.aliases)}\n")
        lines.append(f"    code: {c.code}\n    demonyms: {_qlist([c.demonym])}\n\n")
    for cid, (cname, cslug) in world.cities.items():
        lines.append(f"  - {{id: {cid}, kind: place, name: {_q(cname)}, part_of: {cslug}}}\n")
    emit("places.yaml", "countries (code, demonyms) and cities (part_of their country)", lines)

    lines = []
    for off in world.offices.values():
        lines.append(f"  - id: {off.id}\n    kind: office\n    name: {_q(off.name)}\n"
                     f"    country: {off.country.code}\n    titles: {_qlist(off.titles)}\n")
        if not off.single:
            lines.append("    single_holder: false\n")
        lines.append("\n")
    emit("offices.yaml", "offices with the titles that denote them", lines)

    lines = []
    for o in world.orgs:
        s = f"  - {{id: {o.id}, kind: org, name: {_q(o.name)}"
        if o.aliases:
            s += f", aliases: {_qlist(o.aliases)}"
        if o.country:
            s += f", country: {o.country}"
        if o.place:
            s += f", place: {o.place}"
        lines.append(s + "}\n")
    emit("orgs.yaml", "ministries, international bodies, think tanks, universities, companies, outlets",
         lines)

    lines = []
    for e in world.events:
        s = f"  - {{id: {e.id}, kind: event, name: {_q(e.name)}"
        if e.aliases:
            s += f", aliases: {_qlist(e.aliases)}"
        lines.append(s + f", place: {e.place}, from: {e.start.isoformat()}, to: {e.end.isoformat()}}}\n")
    emit("events.yaml", "editions of recurring events (same name, separate entities)", lines)

    for k in range(0, len(world.persons), per_file):
        lines = []
        for p in world.persons[k : k + per_file]:
            s = f"  - id: {p.id}\n    kind: person\n    name: {_q(p.name)}\n"
            if p.native:
                s += f"    native: {_q(p.native)}\n"
            if p.aliases:
                s += f"    aliases: {_qlist(p.aliases)}\n"
            s += f"    country: {p.country.code}\n"
            if p.terms:
                s += "    offices:\n"
                for oid, start, end in p.terms:
                    to = f", to: {end.isoformat()}" if end else ""
                    s += f"      - {{office: {oid}, from: {start.isoformat()}{to}}}\n"
            lines.append(s)
        emit(f"people-{k // per_file:03d}.yaml", "persons (native script for a share of them)", lines)
    return out


# ------------------------------------------------------------------------------ the prose

TOPICS = {
    "defense": [
        "military-to-military communication", "the situation in the South China Sea",
        "arms sales to {CB}", "joint naval exercises", "missile defense", "nuclear arms control",
        "drone strikes on energy infrastructure", "the security of shipping lanes in the Red Sea",
        "air defense systems", "the deployment of long-range missiles", "military aid",
    ],
    "diplomacy": [
        "the war in Ukraine", "the status of Taiwan", "visa restrictions", "a prisoner exchange",
        "the return of detained citizens", "the reopening of consulates", "the Iran nuclear deal",
        "humanitarian corridors", "a ceasefire proposal", "climate finance",
    ],
    "economy": [
        "interest rates", "the country's debt burden", "inflation", "currency intervention",
        "a sovereign debt restructuring", "bank capital rules", "the budget deficit",
    ],
    "trade": [
        "tariffs on steel and aluminum", "export controls on advanced chips", "rare earth exports",
        "electric vehicle subsidies", "agricultural imports", "a free trade agreement",
        "investment screening",
    ],
    "security": [
        "border security", "cyberattacks on government networks", "counterterrorism cooperation",
        "migration", "organized crime", "election interference",
    ],
    "energy": [
        "gas supplies", "oil production cuts", "the price cap on Russian oil", "nuclear power",
        "pipeline security", "renewable energy targets",
    ],
    "summit": [
        "the war in Ukraine", "global trade", "climate change", "the world economy",
        "tensions in the Taiwan Strait", "food security", "artificial intelligence",
    ],
}
REASONS = [
    "its role in the purchase of Russian weapons", "human rights abuses",
    "alleged cyberattacks on {CA_dem} companies", "the export of dual-use goods",
    "support for the war in Ukraine", "the detention of journalists", "election interference",
    "the crackdown on protesters", "violations of the arms embargo",
]
ALLEGED = [
    "aiding in the transfer of Su-35 combat aircraft", "helping to evade export controls",
    "overseeing the purchase of S-400 missile systems", "financing militia groups",
    "directing a disinformation campaign",
]
INCIDENTS = [
    "a spy balloon was shot down over {CA_dem} territory", "talks collapsed over {topic}",
    "a collision between a fishing boat and a coast guard vessel",
    "{CB} expelled a group of {CA_dem} diplomats", "a series of cyberattacks hit government networks",
    "the two navies came dangerously close in the strait",
]
INCIDENT_NOUNS = [
    "clashes over {topic}", "a spy balloon", "the war in Ukraine", "a trade dispute",
    "the detention of a journalist", "military drills near the border", "a cyberattack",
]
ARMS = [
    ("Su-35 fighters", 6, 36), ("F-16 jets", 4, 60), ("HIMARS launchers", 4, 40),
    ("Patriot batteries", 1, 6), ("Leopard 2 tanks", 10, 90), ("armored vehicles", 20, 400),
    ("artillery shells", 10_000, 1_000_000), ("drones", 50, 5000), ("helicopters", 4, 30),
    ("patrol vessels", 2, 12), ("air-defense systems", 2, 20), ("cruise missiles", 20, 500),
]
COUNTABLE = [  # the first five: what one asks for
    "requests", "proposals", "invitations", "phone calls", "letters", "meetings", "visits",
    "rounds of talks", "incidents", "flights", "ships", "warnings",
]
OCCUPATIONS = [
    "shop owner", "teacher", "retired engineer", "taxi driver", "nurse", "student", "farmer",
    "local council member", "software developer", "fisherman", "factory worker", "volunteer",
]
ROLES_EXPERT = [
    "a senior fellow at the {tank}", "a research fellow at the {tank}", "director of the {region} program at the {tank}",
    "a professor of international relations at {univ}", "an economist at {company}",
    "a former {CA_dem} diplomat", "an analyst at the {tank}", "a visiting scholar at {univ}",
    "a {city}-based strategic adviser on {region} geopolitics", "a former adviser to the {CB_dem} government",
]
REGIONS = ["Asia-Pacific", "Indo-Pacific", "Europe", "Middle East", "Eurasia", "Africa", "Latin America"]
FIELDS = ["Chinese foreign policy", "Russian military doctrine", "arms control", "energy markets",
          "trade policy", "maritime security", "sanctions", "European security"]

QUOTES = [
    "We have made it clear that {topic} is not up for negotiation",
    "The door to dialogue remains open, but {CB} must first {demand}",
    "This is not the first time {CB} has {bad_act}",
    "It's designed to be a snub, I think that's pretty evident",
    "We believe strongly in the importance of maintaining open lines of communication between {CA_cap} and {CB_cap}",
    "There is no substitute for face-to-face diplomacy",
    "Frankly, it's just the latest in a litany of excuses",
    "We will continue to work with our partners to {goal}",
    "Nobody wins a trade war",
    "The situation on the ground remains extremely difficult",
    "Our position on {topic} has not changed and will not change",
    "We are ready to meet at any level, at any time",
    "These measures are a direct response to {incident_noun}",
    "I think both sides understand the risks of miscalculation",
    "We expect {CB} to honor the commitments it made in {year}",
    "This is a dangerous escalation, and the international community must respond",
    "What we need now is calm, not more rhetoric",
    "There was a frank exchange of views on {topic}",
    "The talks were constructive, but there is still a lot of work to do",
    "We will not be intimidated",
    "It's hard to see a way forward without some movement on {topic}",
    "Markets have already priced in most of this",
    "The numbers speak for themselves",
    "We are not going to negotiate in public",
    "Nothing is agreed until everything is agreed",
    "Our doors are open, and they will remain open",
    "The {CA_dem} people deserve better than this",
    "We take these reports very seriously and are looking into them",
]
QUESTIONS = [
    "If {CB} says it wants to communicate while imposing sanctions on our officials, what is the sincerity of such communication",
    "How can we talk about trust when {CB} keeps {bad_act_ing}",
    "Who benefits from this escalation",
    "Why should we accept conditions that no other country would accept",
]
PARTIALS = ["under negotiation", "a grave mistake", "deeply concerned", "a red line",
            "not acceptable", "constructive and candid", "a step in the right direction"]
DEMANDS = ["lift the sanctions on our officials", "stop the provocations", "release the detained citizens",
           "show that it is serious", "return to the negotiating table", "withdraw its troops"]
BAD_ACTS = ["rejected our overtures", "broken its promises", "ignored our concerns",
            "walked away from the table", "violated the agreement"]
BAD_ACTS_ING = ["sending warships to our coast", "imposing new tariffs", "ignoring our concerns",
                "arming our neighbors"]
GOALS = ["keep the sea lanes open", "restore stability in the region", "support Ukraine's defense",
         "secure our supply chains", "bring the conflict to an end", "deter aggression"]
CLAUSES = [
    "{CA} would not back down on {topic}", "the talks would resume before the end of the year",
    "{CB} had violated the terms of the agreement", "the sanctions were unlikely to be lifted soon",
    "the decision reflected a broader shift in {CA_dem} policy", "both governments were under pressure at home",
    "a compromise on {topic} was still possible", "the measures would hurt {CA_dem} exporters most",
    "the meeting had been planned for months", "the dispute could drag on for years",
]
FILLER = [
    "Analysts say the dispute reflects broader concerns about {topic} in the {region} region.",
    "{CA_ministry} did not immediately respond to a request for comment.",
    "Markets in {city} fell {pct} on the news before recovering some of their losses.",
    "The move comes as {CA} seeks to {goal} amid growing pressure at home.",
    "Critics have long argued that {clause}.",
    "It was not immediately clear whether {clause}.",
    "{CB_dem} officials have repeatedly said that {clause}.",
    "The issue is expected to be discussed when leaders gather in {city} {later}.",
    "Both sides have signaled a willingness to ease tensions stoked by {incident_noun} and {incident_noun}.",
    "Neither government has published the full text of the agreement.",
    "The statement did not say when the next round of talks would take place.",
    "Officials in {CA_cap} have played down the significance of the decision.",
    "The {CA_dem} economy grew {pct} last year, its slowest pace in more than a decade.",
    "Diplomats said privately that {clause}.",
    "Opposition lawmakers in {CA_cap} called the decision a mistake.",
    "Security was tight around the venue, with roads closed across central {city}.",
    "The announcement was widely expected after weeks of speculation in {CA_dem} media.",
    "Some observers see the visit as an attempt to reset relations, others as little more than a photo opportunity.",
    "A joint statement issued after the talks made no mention of {topic}.",
    "The two countries have a long history of mistrust, and few expect a breakthrough soon.",
]
HEADLINES = [
    "{CA} rejects {CB_dem} request for talks between {role_pl}",
    "{CA_dem} {role_title} meets {CB_dem} counterpart in {city}",
    "{CB} slaps sanctions on {CA_dem} officials over {reason_short}",
    "{topic_cap} dominates talks as {CA} and {CB} trade barbs",
    "What the {CA_dem} visit to {city} means for {CA}–{CB} ties",
    "{CA} and {CB} agree to resume dialogue on {topic}",
    "{CA_dem} officials warn of 'dangerous escalation' over {topic}",
    "Talks in {city} end without a deal on {topic}",
    "{CA_poss} new {role_title} faces early test over {topic}",
]
REASON_SHORT = ["arms purchases", "human rights", "cyberattacks", "export controls", "Ukraine"]
FURNITURE = [
    "Sign up to our newsletter!", "Read more: {headline}", "Related coverage", "Advertisement",
    "Share this article", "Follow us on social media for the latest updates.",
]
COMMENTS = [
    "nobody believes a word of this anymore.", "great reporting, thanks.",
    "why would anyone want to talk with liars.", "this has been going on for years, nothing changes",
    "so far its lot of noise and nothing much happening.", "who pays for all of this? we do.",
    "the real story is what they are not telling us", "finally some common sense",
]
COMMENTERS = ["Ivan Freely", "Madam Defarge", "truthseeker77", "Old Hand", "citizen_k", "Marco P."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SMALL = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen",
         "more than a dozen", "dozens of", "several", "at least five", "nearly 20", "more than 30"]

_SLOT = re.compile(r"\{(\w+)\}")


def _cap(s: str) -> str:
    return s[0].upper() + s[1:] if s and s[0].islower() else s


def _n(x: int) -> str:
    return f"{x:,}"


@lru_cache(maxsize=4096)
def _derived(native: str) -> dict[str, list[str]]:
    from ledger.resolve.translit import derive_forms

    out: dict[str, list[str]] = {}
    for f in derive_forms(native):
        if not any(ch.isdigit() or ch in "¹²³⁴⁵⁰" for ch in f.text):
            out.setdefault(f.system, []).append(f.text)
    return out


def _slip(word: str, r: random.Random) -> str:
    """One typing slip in a word of four letters or more (a misspelled name)."""
    n = len(word)
    if n < 4:
        return word
    i = r.randrange(1, n - 1)
    op = r.random()
    if op < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op < 0.55:
        return word[:i] + word[i + 1 :]
    c = word[i].lower()
    sub = r.choice(KEYBOARD.get(c, "e"))
    if op < 0.8:
        return word[:i] + sub + word[i + 1 :]
    return word[:i] + sub + word[i:]


class Actor:
    """A person as one article writes them: the form used, and whether introduced yet."""

    __slots__ = ("name", "short", "female", "office", "country", "role", "introduced", "since",
                 "prev", "kind", "honorific", "rec")

    def __init__(self, name: str, short: str, female: bool, country: Country, kind: str) -> None:
        self.name = name
        self.short = short
        self.female = female
        self.country = country
        self.kind = kind  # official, expert, spokes, local
        self.office: Office | None = None
        self.role = ""  # appositive
        self.introduced = False
        self.since: date | None = None
        self.prev: str | None = None
        self.honorific = "Ms." if female else "Mr."
        self.rec: PersonRec | None = None


class ArticleWriter:
    """One article: a cast, a date, a topic; paragraphs until about ``target`` words."""

    def __init__(self, world: World, index: int, seed: int) -> None:
        self.w = world
        self.r = r = random.Random(seed * 1_000_003 + index)
        self._used: dict[str, set[int]] = {}
        self.i = index
        self.outlet, self.domain_name, self.style = OUTLETS[r.randrange(len(OUTLETS))]
        self.published = date(2016, 1, 1) + timedelta(days=r.randrange(0, 365 * 9 + 2))
        self.topic_kind = r.choice(("defense", "defense", "diplomacy", "diplomacy", "economy", "trade",
                                    "security", "energy", "summit"))
        cs = world.countries
        cum = list(accumulate(c.weight for c in cs))
        self.ca = cs[bisect(cum, r.random() * cum[-1])]
        while True:
            self.cb = cs[bisect(cum, r.random() * cum[-1])]
            if self.cb is not self.ca:
                break
        role = {"defense": r.choice(("minister-of-defense", "minister-of-defense", "chief-of-general-staff")),
                "diplomacy": "minister-of-foreign-affairs",
                "economy": r.choice(("minister-of-finance", "central-bank-governor")),
                "trade": "minister-of-trade", "security": "minister-of-the-interior",
                "energy": "minister-of-energy",
                "summit": "president"}[self.topic_kind]
        self.role = role
        self.role_pl = ROLES[role][2]
        cities = [c for c in self.ca.cities + self.cb.cities] or [(self.ca.id, self.ca.name)]
        self.city = r.choice(cities)[1] if r.random() < 0.8 else "Singapore"
        near = [e for e in world.events if abs((e.start - self.published).days) < 120]
        self.event = r.choice(near) if near and r.random() < 0.7 else r.choice(world.events)
        self.a = self._official(self.ca, role)
        self.b = self._official(self.cb, role)
        self.head = self._official(self.ca, "president" if self.ca.code not in MONARCHIES else "prime-minister")
        self.spokes = self._official(self.ca, SPOKES) or self._official(self.cb, SPOKES)
        self.experts = [self._expert() for _ in range(r.choice((1, 2, 2, 3)))]
        self.locals = [self._local() for _ in range(r.choice((0, 0, 1, 2)))]
        self.words = 0

    def pick(self, key: str, seq):  # type: ignore[no-untyped-def]
        """A random item of ``seq`` not picked under ``key`` in this article yet (until all
        were): an article does not repeat its sentence frames."""
        used = self._used.setdefault(key, set())
        if len(used) >= len(seq):
            used.clear()
        while True:
            k = self.r.randrange(len(seq))
            if k not in used:
                used.add(k)
                return seq[k]

    # ------------------------------------------------------------------ the cast

    def _actor(self, rec: PersonRec, kind: str) -> Actor:
        r = self.r
        name = rec.name
        if rec.native and rec.culture == "chinese" and (self.style or r.random() < 0.04):
            forms = _derived(rec.native)
            system = self.style or r.choice(("wade-giles", "sino-vietnamese-ascii"))
            if forms.get(system):
                name = forms[system][0]
        elif rec.native and rec.culture == "cyrillic" and r.random() < 0.3:
            variants = [f for fs in _derived(rec.native).values() for f in fs]
            if variants:
                name = r.choice(variants)
        elif rec.aliases and r.random() < 0.3:
            name = rec.aliases[0]
        toks = name.split()
        short = toks[0] if rec.culture == "chinese" else toks[-1]
        a = Actor(name, short, rec.female, rec.country, kind)
        a.rec = rec
        if rec.culture == "chinese" and r.random() < 0.5:
            a.honorific = ""
        return a

    def _official(self, c: Country, role: str) -> Actor | None:
        off = self.w.offices.get((c.code, role))
        if off is None:
            return None
        held = off.holder(self.published)
        if held is None:
            return None
        p, start, _ = held
        a = self._actor(self.w.persons[p], "spokes" if role == SPOKES else "official")
        a.office = off
        a.since = start
        prev = off.before(self.published)
        a.prev = self.w.persons[prev].name if prev is not None else None
        title = off.titles[0]
        a.role = self.r.choice((f"{c.poss} {title.lower()}", f"the {c.demonym} {title.lower()}"))
        if role == "chief-of-general-staff" or (role == "minister-of-defense" and c.code in ("CN", "RU")
                                                and self.r.random() < 0.5):
            a.honorific = "Gen."
        return a

    def _expert(self) -> Actor:
        w, r = self.w, self.r
        pool = w.experts or list(range(len(w.persons)))
        # experts are quoted again and again: a small share of the KB most of the time
        k = pool[int(len(pool) * (r.random() ** 3))]
        a = self._actor(w.persons[k], "expert")
        a.role = self.fill(self.pick("expert-role", ROLES_EXPERT).replace("{CA_dem}", a.country.demonym))
        return a

    def _local(self) -> Actor:
        r = self.r
        name, culture, female = r.choice(self.w.unknown)
        toks = name.split()
        a = Actor(name, toks[0] if culture == "chinese" else toks[-1], female, self.ca, "local")
        a.role = f"a {r.choice(OCCUPATIONS)} in {self.city}"
        return a

    # ------------------------------------------------------------------ references

    def _title_before(self, a: Actor) -> str:
        r = self.r
        off = a.office
        assert off is not None
        c = off.country
        if r.random() < 0.025:  # a wrong title: another office of that country
            others = [o for (code, _), o in self.w.offices.items() if code == c.code and o is not off]
            if others:
                off = r.choice(others)
        upper = [t for t in off.titles if t[0].isupper()] or [off.name]
        title = r.choice(upper[:4])
        if r.random() < 0.02 and title.startswith(("Secretary of", "President")):
            title = title.replace("Secretary of", "Sec. of").replace("President", "Pres.")
        hon = f"{a.honorific} " if a.honorific == "Gen." and r.random() < 0.5 else ""
        x = r.random()
        if x < 0.45:
            return f"{c.demonym} {title} {hon}{self._written(a)}"
        if x < 0.7:
            return f"{c.poss} {title} {hon}{self._written(a)}"
        return f"{title} {hon}{self._written(a)}"

    def _written(self, a: Actor) -> str:
        """The full name as written this time: now and then with a slip."""
        if a.rec is not None and self.r.random() < 0.02:
            toks = a.name.split()
            k = 0 if a.rec.culture == "chinese" and len(toks[-1]) < 4 else -1
            toks[k] = _slip(toks[k], self.r)
            return " ".join(toks)
        return a.name

    def ref(self, a: Actor) -> str:
        """First use: the full name, titled for officials; later a short form."""
        if not a.introduced:
            a.introduced = True
            if a.office is not None and self.r.random() < 0.85:
                return self._title_before(a)
            return self._written(a)
        x = self.r.random()
        if x < 0.55:
            return a.short
        if x < 0.8 and a.honorific:
            return f"{a.honorific} {a.short}"
        return a.name

    def ref_app(self, a: Actor) -> str:
        """First use: "Name, appositive," (the commas included); later a short form."""
        if not a.introduced:
            a.introduced = True
            return f"{self._written(a)}, {a.role},"
        return self.ref(a)

    def full(self, a: Actor) -> str:
        """The full name (introducing the actor, without a title)."""
        a.introduced = True
        return self._written(a)

    def pron(self, a: Actor) -> str:
        return "she" if a.female else "he"

    # ------------------------------------------------------------------ slots

    def _day_before(self, lo: int = 1, hi: int = 6) -> date:
        return self.published - timedelta(days=self.r.randint(lo, hi))

    def slot(self, name: str) -> str:  # noqa: C901 - one switch over the slot names
        r, ca, cb = self.r, self.ca, self.cb
        if name in ("A", "B", "H", "S", "X", "Y", "U"):
            a = self._cast(name)
            return self.ref(a) if a else ca.name
        who, _, what = name.partition("_")
        if what and who in ("A", "B", "H", "S", "X", "Y", "U"):
            a = self._cast(who)
            if a is None:
                return {"app": f"{ca.name},", "full": ca.name, "role": "an official", "pron": "they",
                        "his": "their", "since": str(self.published.year - 2), "prev": "his predecessor",
                        "title": "minister"}[what]
            if what == "app":
                return self.ref_app(a)
            if what == "full":
                return self.full(a)
            if what == "role":
                return a.role
            if what == "pron":
                return self.pron(a)
            if what == "his":
                return "her" if a.female else "his"
            if what == "since":
                d = a.since or self.published
                return f"{MONTHS[d.month - 1]} {d.year}" if r.random() < 0.5 else str(d.year)
            if what == "prev":
                return a.prev or "a predecessor"
            return (a.office.titles[0] if a.office else "official").lower()
        if name == "CA":
            return ca.text
        if name == "CB":
            return cb.text
        if name == "CA_poss":
            return ca.poss
        if name == "CB_poss":
            return cb.poss
        if name == "CA_dem":
            return ca.demonym
        if name == "CB_dem":
            return cb.demonym
        if name == "CA_cap":
            return ca.capital
        if name == "CB_cap":
            return cb.capital
        if name == "CA_ministry":
            return self.w.ministries.get((ca.code, "foreign" if r.random() < 0.6 else "defense"), ca.name)
        if name == "CB_ministry":
            return self.w.ministries.get((cb.code, "defense" if r.random() < 0.6 else "foreign"), cb.name)
        if name == "city":
            return self.city
        if name == "topic":
            return self.fill(self.pick("topic", TOPICS[self.topic_kind]))
        if name == "topic_cap":
            t = self.fill(self.pick("topic", TOPICS[self.topic_kind]))
            return t[0].upper() + t[1:]
        if name == "role_pl":
            return self.role_pl
        if name == "role_title":
            off = self.w.offices.get((self.ca.code, self.role))
            return off.titles[0] if off else "minister"
        if name == "day":
            d = self._day_before()
            return f"on {DAYS[d.weekday()]}" if r.random() < 0.85 else f"on {MONTHS[d.month - 1]} {d.day}"
        if name == "late_day":
            return f"late {DAYS[self._day_before().weekday()]}"
        if name == "dow":
            return DAYS[self._day_before().weekday()]
        if name == "next_day":
            d = self.published + timedelta(days=r.randint(1, 6))
            return f"on {DAYS[d.weekday()]}" if r.random() < 0.7 else "next week"
        if name == "later":
            return r.choice(("later this month", "next month", "in the coming weeks", "later this year"))
        if name == "month_year":
            d = self.published - timedelta(days=r.randint(30, 900))
            return f"in {MONTHS[d.month - 1]} {d.year}"
        if name == "mon_year":
            d = self.published - timedelta(days=r.randint(30, 900))
            return f"{MONTHS[d.month - 1]} {d.year}"
        if name == "month_name":
            return MONTHS[(self.published.month - 1 - r.randint(1, 5)) % 12]
        if name == "year":
            return str(self.published.year - r.randint(1, 8))
        if name == "since_year":
            return str(self.published.year - r.randint(1, 8))
        if name == "event":
            return self.event.name
        if name == "event_city":
            place = self.event.place
            if place in self.w.cities:
                return self.w.cities[place][0]
            return next((c.name for c in self.w.countries if c.id == place), "Singapore")
        if name == "event_when":
            e = self.event
            return f"in {MONTHS[e.start.month - 1]} {e.start.year}" if r.random() < 0.6 else \
                f"on {MONTHS[e.start.month - 1]} {e.start.day}, {e.start.year}"
        if name == "event_kind":
            return self.event.kind
        if name == "tank":
            return r.choice(self.w.tanks).name
        if name == "univ":
            return r.choice(self.w.universities)
        if name == "company":
            return r.choice(self.w.companies).name
        if name == "org":
            return r.choice(("the " + r.choice(self.w.tanks).name, "the United Nations",
                             "the International Monetary Fund", "the Stockholm International Peace Research Institute",
                             "government data", "people familiar with the matter"))
        if name == "outlet":
            return r.choice(OUTLETS)[0]
        if name == "region":
            return r.choice(REGIONS)
        if name == "field":
            return r.choice(FIELDS)
        if name == "reason":
            return self.fill(self.pick("REASONS", REASONS))
        if name == "reason_short":
            return r.choice(REASON_SHORT)
        if name == "alleged":
            return r.choice(ALLEGED)
        if name == "incident":
            return self.fill(self.pick("INCIDENTS", INCIDENTS))
        if name == "incident_noun":
            return self.fill(self.pick("INCIDENT_NOUNS", INCIDENT_NOUNS))
        if name == "goal":
            return self.pick("GOALS", GOALS)
        if name == "demand":
            return self.pick("DEMANDS", DEMANDS)
        if name == "bad_act":
            return self.pick("BAD_ACTS", BAD_ACTS)
        if name == "bad_act_ing":
            return self.pick("BAD_ACTS_ING", BAD_ACTS_ING)
        if name == "clause":
            return self.fill(self.pick("CLAUSES", CLAUSES))
        if name == "partial":
            return self.pick("PARTIALS", PARTIALS)
        if name == "pct":
            return f"{r.randint(1, 40)}{'.' + str(r.randint(1, 9)) if r.random() < 0.5 else ''}" \
                   f"{' percent' if r.random() < 0.7 else '%'}"
        if name == "num_req":
            return f"{r.choice(SMALL)} {r.choice(COUNTABLE[:5])}"
        if name in ("num_arms", "num_arms2"):
            what, lo, hi = r.choice(ARMS)
            n = r.randint(lo, hi)
            lead = r.choice(("", "", "more than ", "about ", "at least ", "nearly "))
            return f"{lead}{_n(n)} {what}"
        if name == "num_money":
            x = r.choice((r.randint(1, 900), round(r.uniform(1, 99), 1)))
            unit = r.choice(("million", "billion", "billion", "trillion" if x < 10 else "billion"))
            cur = r.choice(("$", "$", "$", "€", "£"))
            return f"{r.choice(('', 'about ', 'more than ', 'roughly '))}{cur}{x} {unit}"
        if name == "num_troops":
            return _n(r.choice((r.randint(2, 90) * 100, r.randint(1, 40) * 1000)))
        if name == "num_people":
            return r.choice((f"at least {r.randint(3, 60)} people", f"{r.randint(2, 30)} people",
                             "dozens of people", f"more than {r.randint(2, 9) * 100} people"))
        if name == "num_km":
            return f"{_n(r.randint(5, 4000))} {r.choice(('kilometers', 'km', 'miles'))}"
        if name == "n_years":
            return str(r.randint(5, 30))
        if name == "met":
            return r.choice(("met", "met with", "held talks with", "met with"))
        if name == "headline":
            return self.fill(self.pick("HEADLINES", HEADLINES))
        if name == "q":
            return self.fill(self.pick("QUOTES", QUOTES))
        if name == "qq":
            return self.fill(self.pick("QUESTIONS", QUESTIONS))
        raise KeyError(name)

    def _cast(self, who: str) -> Actor | None:
        if who == "A":
            return self.a
        if who == "B":
            return self.b
        if who == "H":
            return self.head
        if who == "S":
            return self.spokes
        if who == "X":
            return self.experts[0]
        if who == "Y":
            return self.experts[-1]
        if who == "U":
            return self.locals[0] if self.locals else self.experts[0]
        raise KeyError(who)

    def fill(self, tmpl: str) -> str:
        return _SLOT.sub(lambda m: self.slot(m.group(1)), tmpl)

    # ------------------------------------------------------------------ paragraphs

    def lead(self) -> list[str]:
        r = self.r
        frames = [
            "{A} {met} {B} in {city} {day}, the first face-to-face meeting between the two countries' {role_pl} since {since_year}.",
            "{CA} has declined a request from {CB} for a meeting between the countries' {role_pl}, {CB_ministry} said {late_day}, as the two sides struggle to mend ties.",
            "{A} will travel to {city} {next_day} for talks on {topic}, {CA_ministry} said in a statement, in a visit seen as a test of whether relations with {CB} can be stabilized.",
            "{CA} imposed sanctions on {B} {day} over {reason}, escalating a dispute that has simmered since {since_year}.",
            "{A} said {day} that {CA} would not compromise on {topic}, in remarks that drew a sharp response from {CB_cap}.",
            "Officials from {CA} and {CB} wrapped up {num_req} in {city} {day} without agreement on {topic}.",
            "{CA} and {CB} agreed {day} to resume talks on {topic} after a pause of more than a year, according to a joint statement released in {city}.",
        ]
        out = [self.fill(self.pick("lead", frames))]
        if r.random() < 0.7:
            out.append(self.fill(r.choice((
                "The {A_title} had proposed that the two meet on the sidelines of the {event}, an annual {event_kind} being held in {event_city} from {dow} to {dow}.",
                "{CB} has been seeking to restore high-level communications with {CA} as both sides signal a willingness to ease tensions stoked by {incident_noun}.",
                "The meeting, which lasted about {n_years} minutes longer than planned, came after months of strained ties.",
                "It was the latest sign of strain between the two governments, whose relations have deteriorated since {since_year}.",
            ))))
        return out

    def quote_par(self) -> list[str]:
        r = self.r
        who = r.choice(("A", "A", "B", "H", "S")) if self.spokes else r.choice(("A", "B", "H"))
        forms = [
            "“{q},” {%s} said {day}." % who,
            "“{q},” said {%s_full}, {%s_role}." % (who, who),
            "{%s} told reporters in {city} {day}: “{q}.”" % who,
            "“{q},” {%s} told {outlet}." % who,
            "“{qq}?” {%s} said at a news conference in {city}." % who,
            "{%s} said {CA} was “{partial}” and urged {CB} to {demand}." % who,
            "“{q},” {%s} said, adding that {clause}." % who,
            "In a statement, {CA_ministry} said: “{q}. {q}.”",
            "“{q}. {q},” {%s} said in an interview." % who,
        ]
        out = [self.fill(self.pick("quote", forms))]
        if r.random() < 0.5:
            out.append(self.fill(r.choice((
                "“{q},” {%s_pron} added." % who, "“{q}.”",
                "{%s} did not elaborate." % who, "“{q},” {%s_pron} said." % who))))
        return out

    def background(self) -> list[str]:
        r = self.r
        forms = [
            "{A}, who has served as {A_title} since {A_since}, has spoken often about {topic}.",
            "{B} has been under {CA_dem} sanctions since {since_year} over {reason}.",
            "{CA} slapped sanctions on {B} in {year} for allegedly {alleged}.",
            "{A} was named {A_title} in {A_since}, succeeding {A_prev}.",
            "The two sides last met at the {event} in {event_city} {event_when}.",
            "Relations between {CA} and {CB} have been strained since {mon_year}, when {incident}.",
            "{A} met {B} in {year} on the sidelines of the {event}.",
            "Since {since_year}, {CB} has declined or failed to respond to {num_req}, according to a senior {CA_dem} official.",
            "{B}, a career diplomat, took office in {B_since} after {B_his} predecessor, {B_prev}, stepped down.",
            "{H} has made {topic} a priority since taking office.",
            "{CB} has rejected {num_req} from {CA} for talks at multiple levels since {since_year}.",
        ]
        n = r.choice((1, 2, 2, 3))
        return [self.fill(self.pick("background", forms)) for _ in range(n)]

    def numbers(self) -> list[str]:
        r = self.r
        forms = [
            "{CA} has delivered {num_arms} to {CB} since {since_year}, according to {org}.",
            "The package, worth {num_money}, includes {num_arms} and {num_arms2}.",
            "More than {num_troops} troops took part in the exercises, {CA_dem} officials said.",
            "Trade between the two countries reached {num_money} last year, up {pct} from a year earlier.",
            "Police said {num_people} had been detained {day} in {city}.",
            "{CA} accounts for roughly {pct} of the world's exports of {topic}, according to {org}.",
            "The new line stretches some {num_km} along the border and cost {num_money}.",
            "The {CA_dem} central bank raised its benchmark rate to {pct}, the highest level since {since_year}.",
            "Officials said {num_arms} had been moved {num_km} closer to the front line.",
        ]
        return [self.fill(self.pick("numbers", forms)) for _ in range(r.choice((1, 2, 2)))]

    def expert(self) -> list[str]:
        r = self.r
        who = r.choice(("X", "Y"))
        forms = [
            "“{q},” said {%s_full}, {%s_role}." % (who, who),
            "{%s_app} said the decision reflected a broader shift in thinking in {CA_cap}." % who,
            "According to {%s_full}, {%s_role}, {clause}." % (who, who),
            "“{q},” {%s} told {outlet}. “{q}.”" % who,
            "{%s_full}, who studies {field} at {univ}, said {clause}." % who,
            "“{q},” {%s_app} told reporters." % who,
        ]
        out = [self.fill(self.pick("expert", forms))]
        if r.random() < 0.4:
            out.append(self.fill("“{q},” {%s} said." % who))
        return out

    def event_par(self) -> list[str]:
        forms = [
            "The {event}, an annual {event_kind} held in {event_city} from {dow} to {dow}, draws defense officials and analysts from around the world.",
            "{A} is expected to speak at the {event} in {event_city} {next_day}.",
            "At the {event} in {event_city} {event_when}, {A} called for restraint.",
            "The {event} in {event_city} is scheduled for {event_when}.",
            "Leaders at the {event} in {event_city} discussed {topic}, according to a summary released by the hosts.",
        ]
        return [self.fill(self.pick("event", forms))]

    def spokes_par(self) -> list[str]:
        if self.spokes is None:
            return self.filler()
        first = self.pick("spokes", (
            "Responding {day}, {S} reiterated {CA_poss} opposition to {topic}.",
            "{S} told a regular news briefing in {CA_cap} {day} that {clause}.",
            "Asked about {topic} {day}, {S} said {CA} had “{partial}” with {CB}.",
        ))
        second = self.pick("spokes2", (
            "“{qq}?” {S_pron} said at a regular news briefing in {CA_cap}.",
            "“{q},” {S_pron} said.",
            "{S_pron} declined to say whether {clause}.",
        ))
        return [self.fill(first), self.fill(second)]

    def local_par(self) -> list[str]:
        if not self.locals:
            return self.filler()
        return [self.fill("“{q},” said {U_full}, {U_role}.")]

    def filler(self) -> list[str]:
        r = self.r
        return [self.fill(self.pick("FILLER", FILLER)) for _ in range(r.choice((1, 2, 2, 3)))]

    # ------------------------------------------------------------------ the article

    def paragraphs(self, target: int) -> Iterator[str]:
        r = self.r
        kinds: list[Callable[[], list[str]]] = [
            self.quote_par, self.quote_par, self.background, self.background, self.numbers,
            self.expert, self.expert, self.event_par, self.spokes_par, self.local_par,
            self.filler, self.filler, self.filler,
        ]
        lead = [_cap(x) for x in self.lead()]
        if r.random() < 0.3:
            lead[0] = f"{self.city.upper()} — {lead[0]}"
        words = 0
        par = " ".join(lead)
        words += par.count(" ") + 1
        yield par
        last = None
        count: dict[Callable[[], list[str]], int] = {}
        limited = {self.spokes_par: 2, self.local_par: 2, self.event_par: 2}
        while words < target:
            kind = r.choice(kinds)
            if kind == last or count.get(kind, 0) >= limited.get(kind, 99):
                kind = self.filler if last != self.filler else self.background
            count[kind] = count.get(kind, 0) + 1
            last = kind
            par = " ".join(_cap(x) for x in kind())
            words += par.count(" ") + 1
            yield par

    def render(self, target: int) -> str:
        r = self.r
        title = self.fill(self.pick("HEADLINES", HEADLINES))
        title = title[0].upper() + title[1:]
        author = r.choice(self.w.unknown)[0]
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        fm = [
            "---", f"title: {_q(title)}", f"source: {_q(self.outlet)}",
            f"published: {self.published.isoformat()}",
        ]
        if r.random() < 0.8:
            fm.append(f"url: https://www.{self.domain_name}/{self.published:%Y/%m/%d}/{slug}-{self.i}")
        if r.random() < 0.7:
            fm.append(f"author: {_q(author)}")
        fm.append("---")
        body = [f"# {title}", *self.paragraphs(target)]
        if self.outlet in COMMENT_OUTLETS and r.random() < 0.5:
            body.append(self.fill(self.pick("FURNITURE", FURNITURE)))
            body.append("Notify of\nNewest Most Voted\nInline Feedbacks\nView all comments")
            for _ in range(r.randint(2, 6)):
                if r.random() < 0.5:
                    body.append(r.choice(COMMENTERS))
                body.append(self.pick("COMMENTS", COMMENTS))
        elif r.random() < 0.1:
            body.append(self.fill(self.pick("FURNITURE", FURNITURE)))
        return "\n".join(fm) + "\n\n" + "\n\n".join(body) + "\n"


def article(world: World, index: int, seed: int = 1, words: int = 1000) -> str:
    """The text of article ``index`` (deterministic)."""
    w = ArticleWriter(world, index, seed)
    target = max(600, min(1500, int(w.r.gauss(words, words * 0.12))))
    return w.render(target)


@dataclass
class CorpusStats:
    docs: int = 0
    words: int = 0
    bytes: int = 0
    seconds: float = 0.0
    folders: list[Path] = field(default_factory=list)


def write_corpus(world: World, folder: Path, n_docs: int, seed: int = 1, chunk: int = 500,
                 words: int = 1000) -> CorpusStats:
    """Stream ``n_docs`` articles to ``folder/part-NNN/NNNNNN.md``, ``chunk`` per folder."""
    folder = Path(folder)
    st = CorpusStats()
    t = time.perf_counter()
    for i in range(n_docs):
        if i % chunk == 0:
            sub = folder / f"part-{i // chunk:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            st.folders.append(sub)
        text = article(world, i, seed, words)
        data = text.encode("utf-8")
        (sub / f"{i:06d}.md").write_bytes(data)
        st.docs += 1
        st.words += len(text.split())
        st.bytes += len(data)
    st.seconds = time.perf_counter() - t
    return st


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="folder to write kb/ and corpus/ into")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--kb-names", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    world = build_world(args.kb_names, args.seed)
    files = write_kb(world, args.out / "kb")
    print(f"KB: {sum(world.entity_count().values()):,} entities {world.entity_count()} in "
          f"{len(files)} files, {time.perf_counter() - t:.1f} s")
    st = write_corpus(world, args.out / "corpus", args.docs, args.seed)
    print(f"corpus: {st.docs:,} articles, {st.words:,} words, {st.bytes / 2**20:.1f} MB in "
          f"{st.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
