"""Deterministic generator of realistic person names for the benchmarks.

Three cultures, in the proportions of an English-language news KB (``MIX``):

* Western: a given name, in 25% of names a middle initial, and a surname: one of a few hundred
  common surnames (35%) or a surname built from syllables ("Hartwell", "Brandstein",
  "Caldoni"), so that a million distinct names stay as sparse as real ones.
* Chinese: a common Han surname (weighted like real frequencies: Wang, Li, Zhang first) and a
  given name of one or two characters; the ``native`` form is the Han name.
* Russian / Ukrainian: Cyrillic given name, optional patronymic, surname (common or built from
  a root and a suffix), in the masculine or feminine form.

Forms are what the product indexes: for a native name every form ``translit.derive_forms``
derives (pinyin, Wade-Giles with and without tones, Sino-Vietnamese; the Cyrillic
romanization variants).  Deriving costs about 1 ms per Chinese name, so only the first
``derive`` native names of a KB get all derived forms; the others get their pinyin
(``pypinyin.lazy_pinyin``) or an ``anyascii`` romanization (with and without patronymic).

Every KB holds *distinct* names: no folded form belongs to two persons (``generate``).
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import TypeVar

from ledger.resolve.fuzzy import fold_key

T = TypeVar("T")

MIX = {"western": 0.70, "chinese": 0.15, "cyrillic": 0.15}

# --------------------------------------------------------------------------- Western

WESTERN_GIVEN = """
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott
Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron
Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith
Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe
Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell
Bobby Mason Philip Louis Harry Lloyd Antony Rupert Nigel Graham Colin Trevor Alistair Hugh
Fergus Declan Callum Rhys Owen Gareth Duncan Angus Ewan Niall Liam Conor Seamus Pierre Jacques
Michel Philippe Olivier Nicolas Laurent Julien Mathieu Antoine Hans Klaus Jurgen Wolfgang
Dieter Stefan Matthias Tobias Lukas Florian Giovanni Marco Luca Matteo Alessandro Lorenzo
Francesco Carlos Miguel Javier Alejandro Diego Pablo Sergio Rafael Lars Sven Anders Nils
Henrik Magnus Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa
Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa
Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela
Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria
Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn
Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances
Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle
Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Fiona
Siobhan Niamh Aoife Gwen Bronwen Imogen Harriet Philippa Camilla Beatrice Ingrid Astrid
Sigrid Greta Monika Ursula Petra Claudia Sabine Brigitte Isabelle Camille Chloe Manon Juliette
Giulia Francesca Chiara Valentina Lucia Carmen Pilar Elena Ines Rosa Mercedes Yolanda Margot
""".split()
WESTERN_GIVEN = list(dict.fromkeys(WESTERN_GIVEN))

WESTERN_SURNAMES = """
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera
Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns
Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt
Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer
Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant
Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight
Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado
Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence
Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez
Harper Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin Dominguez Carr
Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson
Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang
Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz
Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez
Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins
Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier
Powers Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings
Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt Deleon Barker Terry
Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton Wolfe Warner Cabrera
McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis
Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins
Aguirre Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins Liu Ramsey Francis
Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss Swanson Chan Rivas
Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin
Harmon McGee Gross Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady
Goodman Roman Webster Goodwin Fischer Huang Potter Delacruz Montoya Todd Wu Hines Mullins
Castaneda Malone Cannon Tate Mack Sherman Hubbard Hodges Zhang Guerra Wolf Valencia Saunders
Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton
Schroeder Maxwell Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington
Glover Osborne Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb
Gibbs Andrade Bauer Conner Moody Escobar McGuire Lloyd Mueller Hartman French Kramer McBride
Pope Lindsey Velazquez Norton McCormick Sparks Flynn Yates Hogan Marsh Macias Villanueva
Zamora Pratt Stokes Owen Ballard Lang Brock Villarreal Charles Drake Barrera Cain Patrick
Pineda Burnett Mercado Santana Shepherd Bautista Ali Shaffer Lamb Trevino McKenzie Hess
Beil Olsen Cochran Morton Nash Wilkins Petersen Briggs Shah Roth Nicholson Holloway Lozano
Flowers Rangel Hoover Arias Short Mora Valenzuela Bryan Meyers Weiss Underwood Bass Greer
Summers Houston Carson Morrow Clayton Whitaker Decker Yoder Collier Zuniga Carey Wilcox
Melendez Poole Roberson Larsen Conley Davenport Copeland Massey Lam Huff Rocha Cameron
Jefferson Hood Monroe Anthony Pittman Huynh Randall Singleton Kirk Combs Mathis Christian
Skinner Bradford Richard Galvan Wall Boone Kirby Wilkinson Bridges Bruce Atkinson Velez
Blinken
""".split()
WESTERN_SURNAMES = list(dict.fromkeys(WESTERN_SURNAMES))

# surnames built from syllables: root + (link) + ending ("Hart" + "well", "Cal" + "d" + "oni")
SURNAME_ROOTS = """
Ash Bal Bar Bel Ben Bran Brom Cal Car Cor Dal Dar Del Dun Ed El Fal Far Fen Gar Gil Hal Har
Hel Hol Kel Ker Lan Lar Lind Mal Mar Mer Mor Nor Pen Ral Ren Ros Sal Sel Stan Tal Tor Val Ver
Wal Wil Win Ald Ber Bur Cam Cran Dray Fair Ford Gold Green Hart Hay Holt King Lock Mad Mill
Moss New Oak Pick Rad Rock Shel Shir Sil Stock Strat Thorn Wake West Whit Wood Wor York Alb
Arn Bart Blanc Brun Carl Cast Dorn Eck Falk Fitz Gal Grim Hag Hend Hirsch Jans Kast Kob Kraus
Lamb Leh Lor Mach Marl Neu Ol Pfeif Quin Rein Rot Sand Schw Sten Trav Ul Vand Ves Wald Wend
Zel Zim Bras Cres Dov Elm Flint Glen Hurl Ivor Jess Kent Lyn Marsh Nash Orm Pell Quill Rye
Sedg Tyr Upp Vick Wyn
""".split()
SURNAME_LINKS_C = ["", "", "", "", "a", "e", "i", "o", "en", "er", "in", "el"]  # before a consonant
SURNAME_LINKS_V = ["", "", "d", "l", "n", "s", "t"]  # before a vowel
SURNAME_ENDINGS = """
ford ley ton wood field well by ham worth wick more bridge dale stead brook cott ridge hurst
mann berg stein sen son sky ini elli ez es ard ett ington ick man ner ler lin ling ova
dorf feld hausen ard ot et and ing ow ey ock
""".split()

# ---------------------------------------------------------------------------- Chinese

# the most common surnames, most frequent first (no ü, no polyphonic surname characters)
CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭萧田董袁潘蒋蔡余杜叶程苏"
    "魏丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严武戴莫孔向汤柳易常温康施牛洪邢关鲁葛伍尚欧阳"
)
# a compound surname or two, taken whole
CHINESE_COMPOUND = ["欧阳", "司马", "诸葛", "上官"]
CHINESE_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂文辉鑫鹏华红建玉兰萍飞斌宇浩凯健俊帆帅"
    "旭宁龙林欢阳佳晨琳雪梅婷倩颖慧莉丹玲洁燕琴云萌菲悦彤然思涵怡欣雨馨诗梦瑶璐蕾薇露嘉子"
    "梓轩博睿泽辰逸昊霖铭哲瀚煜楷翔鸿瑞峰毅坤晖亮政志国海江波成东立新永忠春金胜德祥福荣贵"
    "兴发光清正义中小晓少家振世宏学庆仁安宝松柏山泉石天运启方武雅美芬珍珠凤月彩虹翠莲荷菊"
    "蓉尚近魏凤锦程远航晶莹秋冬冰岩峻崇恒达勤俭朝晴琪瑾璇婉若蓓芸茜蔚苗茂荣华源沛淑娴婵媛"
    "嫣妍姝娇黎曦炜烨焕熙勋卫韬略耀辉彬栋梁桐楠枫杉森柯槐"
)

# ----------------------------------------------------------------- Russian / Ukrainian

RU_MALE = """
Александр Алексей Андрей Антон Артём Борис Вадим Валентин Валерий Василий Виктор Виталий
Владимир Владислав Вячеслав Геннадий Георгий Григорий Даниил Денис Дмитрий Евгений Егор Иван
Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман Руслан
Сергей Станислав Степан Тимофей Фёдор Юрий Ярослав Анатолий Аркадий Семён
""".split()
RU_FEMALE = """
Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения Екатерина Елена
Елизавета Жанна Зоя Ирина Карина Кристина Ксения Лариса Любовь Людмила Маргарита Марина
Мария Надежда Наталья Нина Оксана Ольга Полина Светлана София Тамара Татьяна Юлия Яна
""".split()
RU_PATRONYMIC = [  # (masculine, feminine)
    ("Иванович", "Ивановна"), ("Петрович", "Петровна"), ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"), ("Владимирович", "Владимировна"),
    ("Викторович", "Викторовна"), ("Николаевич", "Николаевна"), ("Михайлович", "Михайловна"),
    ("Андреевич", "Андреевна"), ("Алексеевич", "Алексеевна"), ("Дмитриевич", "Дмитриевна"),
    ("Юрьевич", "Юрьевна"), ("Борисович", "Борисовна"), ("Олегович", "Олеговна"),
    ("Евгеньевич", "Евгеньевна"), ("Анатольевич", "Анатольевна"), ("Васильевич", "Васильевна"),
    ("Игоревич", "Игоревна"), ("Павлович", "Павловна"), ("Геннадьевич", "Геннадьевна"),
]
RU_SURNAMES = """
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов
Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников
Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов
Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Быков Маслов Родионов Коновалов Лазарев
Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв
Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв
Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев
Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов
Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксёнов Мальцев
Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Хохлов Жданов
Русаков Шилов Лавров Песков Кравцов Шойгу Достоевский Чайковский Вишневский Жуковский
""".split()
RU_ROOTS = """
Берез Вишн Гор Дуб Жук Зим Кам Лис Луг Нов Осин Пан Рыб Сад Сок Сух Тих Хом Чер Шум Яр Бел
Бор Вор Гал Дан Жел Зор Кор Лук Мал Нос Пол Рог Сав Сем Сол Тар Фил Хар Шап Юр Ветр Глин
Добр Ерш Звон Кедр Лом Мох Овс Проск Рус Свет Стрел Топол Туман Холм Цар Шест Ястреб Бобр
Буд Вал Вед Вол Гас Голов Граб Гусл Дерн Дроз Еж Жар Жив Забол Зар Зуб Клен Ключ Кол Крот
Куз Лад Лап Лесн Лип Мед Мир Мороз Нег Ол Пест Пет Плах Плес Пох Пуш Раз Рож Руд Сев Сиз Сит
Скор Слав Смол Сниг Сов Степ Сыр Твер Тол Трав Уш Хвост Цвет Чайк Черн Чуд Шил Шиш Щег Ясн
""".split()
RU_INFIXES = ["", "", "", "ан", "ен", "ин", "ик", "уш", "ыш", "ор"]
RU_ENDINGS = ["ов", "ев", "ин", "цев", "ский", "овский", "енков", "ников"]

UK_MALE = """
Андрій Богдан Василь Віктор Віталій Володимир Дмитро Євген Іван Ігор Олег Олександр Олексій
Петро Сергій Степан Тарас Юрій Ярослав Микола Михайло Роман Остап Павло Григорій Максим Денис
Артем Валерій Анатолій
""".split()
UK_FEMALE = """
Олена Оксана Ірина Тетяна Наталія Юлія Ольга Світлана Людмила Галина Марія Катерина Леся
Соломія Ганна Христина Вікторія Дарина Софія Анастасія
""".split()
UK_PATRONYMIC = [
    ("Іванович", "Іванівна"), ("Петрович", "Петрівна"), ("Миколайович", "Миколаївна"),
    ("Олександрович", "Олександрівна"), ("Володимирович", "Володимирівна"),
    ("Васильович", "Василівна"), ("Михайлович", "Михайлівна"), ("Степанович", "Степанівна"),
    ("Григорович", "Григорівна"), ("Андрійович", "Андріївна"), ("Юрійович", "Юріївна"),
    ("Олексійович", "Олексіївна"),
]
UK_SURNAMES = """
Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бойко Ткачук
Савченко Марченко Руденко Мельник Кравчук Лисенко Клименко Павленко Петренко Захарченко
Гончаренко Костенко Мороз Левченко Карпенко Кузьменко Панченко Зеленський Литвиненко
Мартинюк Романюк Онищенко Кулеба Резніков Стефанчук Шмигаль Кличко Порошенко Тимошенко
Ющенко Кучма Кравець Гриценко Яценюк Іващенко Вакарчук Головко Гордієнко Симоненко
Дорошенко Тарасенко Васильченко Приходько Дмитренко Білик Бондар Кушнір Швець Вербицький
""".split()
UK_ROOTS = """
Бер Вас Гнат Гор Дан Дуб Жур Зін Іван Кал Кир Лев Лук Мак Нест Оль Пас Рад Сав Сем Сид Стас
Тим Фед Хар Шпак Юрч Яр Вовк Гриц Дяч Зуб Кост Мих Онуф Пилип Рудь Сирот Тесл Федор Хом Цюп
Бабич Бардак Білан Гаврил Гнид Даць Жмур Заруд Калин Кліщ Козак Корн Кошел Кулик Лащ Литв
Мазур Марч Мельн Морг Панас Петр Пив Полт Пуз Рибак Скрип Собол Сорок Стець Ткач Тур Фесь
Хмар Цибул Чорн Шаповал Шкур Щур Ярем
""".split()
UK_INFIXES = ["", "", "", "ан", "ен", "ин", "ик", "уш", "ов"]
UK_ENDINGS = ["енко", "чук", "юк", "ський", "ець", "ич", "ишин", "ук"]

# keyboard neighbours (QWERTY) for realistic substitutions and insertions
KEYBOARD = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok",
    "o": "ipl", "p": "ol", "a": "qsz", "s": "awdz", "d": "sefx", "f": "drgc", "g": "fthv",
    "h": "gyjb", "j": "hukn", "k": "jilm", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv",
    "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}


# four consonants in a row, a doubled letter before a consonant, two vowels across the join
_AWKWARD = re.compile(r"[^aeiouy]{4}|(.)\1[^aeiouy]|[aeiouy]{2}[^aeiouy]?[aeiouy]")


def _zipf(n: int, offset: float = 5.0, power: float = 1.0) -> list[float]:
    """Cumulative weights falling like real name frequencies."""
    return list(accumulate(1.0 / (r + offset) ** power for r in range(n)))


def _pick(r: random.Random, items: Sequence[T], cum: list[float]) -> T:
    return items[bisect(cum, r.random() * cum[-1])]


def _feminine_ru(surname: str) -> str:
    for m, f in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая")):
        if surname.endswith(m):
            return surname[: -len(m)] + f
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


def _feminine_uk(surname: str) -> str:
    if surname.endswith("ський"):
        return surname[:-5] + "ська"
    if surname.endswith(("ов", "ев", "ін")):
        return surname + "а"
    return surname


@dataclass(frozen=True)
class Person:
    id: str
    culture: str  # western, chinese, cyrillic
    native: str | None  # the name in its own script, for Chinese and Cyrillic names
    forms: tuple[str, ...]  # the forms the product would index, the display name first
    derived: bool  # forms from translit.derive_forms (else the cheap romanization)

    @property
    def name(self) -> str:
        return self.forms[0]


class NameGenerator:
    """Random persons; deterministic for a seed.  ``derive`` native names get all forms."""

    def __init__(self, seed: int = 0, derive: int = 3000, mix: dict[str, float] | None = None):
        self.rng = random.Random(seed)
        self.derive_left = derive
        mix = mix or MIX
        self._cultures = list(mix)
        self._culture_w = list(accumulate(mix.values()))
        self._given_w = _zipf(len(WESTERN_GIVEN), 8.0)
        self._sur_w = _zipf(len(WESTERN_SURNAMES), 10.0)
        self._zh_sur_w = _zipf(len(CHINESE_SURNAMES), 3.0, 1.2)
        self._zh_given = list(dict.fromkeys(CHINESE_GIVEN))
        self._ru_sur_w = _zipf(len(RU_SURNAMES), 10.0)
        self._uk_sur_w = _zipf(len(UK_SURNAMES), 10.0)

    # ------------------------------------------------------------------ one name

    def western(self) -> str:
        r = self.rng
        given = _pick(r, WESTERN_GIVEN, self._given_w)
        if r.random() < 0.35:
            surname = _pick(r, WESTERN_SURNAMES, self._sur_w)
        else:
            surname = self._built_surname()
        if r.random() < 0.25:
            return f"{given} {chr(65 + r.randrange(26))}. {surname}"
        return f"{given} {surname}"

    def _built_surname(self) -> str:
        r = self.rng
        while True:
            root, end = r.choice(SURNAME_ROOTS), r.choice(SURNAME_ENDINGS)
            links = SURNAME_LINKS_V if end[0] in "aeiou" else SURNAME_LINKS_C
            name = (root + r.choice(links) + end).lower()
            if not _AWKWARD.search(name):
                return name.capitalize()

    def chinese(self) -> str:
        r = self.rng
        if r.random() < 0.01:
            sur = r.choice(CHINESE_COMPOUND)
        else:
            sur = _pick(r, CHINESE_SURNAMES, self._zh_sur_w)
        n = 1 if r.random() < 0.2 else 2
        return sur + "".join(r.choice(self._zh_given) for _ in range(n))

    def cyrillic(self) -> str:
        r = self.rng
        uk = r.random() < 0.4
        female = r.random() < 0.4
        if uk:
            given = r.choice(UK_FEMALE if female else UK_MALE)
            pat = r.choice(UK_PATRONYMIC)[female]
            if r.random() < 0.4:
                sur = _pick(r, UK_SURNAMES, self._uk_sur_w)
            else:
                sur = r.choice(UK_ROOTS) + r.choice(UK_INFIXES) + r.choice(UK_ENDINGS)
            sur = _feminine_uk(sur) if female else sur
        else:
            given = r.choice(RU_FEMALE if female else RU_MALE)
            pat = r.choice(RU_PATRONYMIC)[female]
            if r.random() < 0.4:
                sur = _pick(r, RU_SURNAMES, self._ru_sur_w)
            else:
                sur = r.choice(RU_ROOTS) + r.choice(RU_INFIXES) + r.choice(RU_ENDINGS)
            sur = _feminine_ru(sur) if female else sur
        if r.random() < 0.25:
            return f"{given} {pat} {sur}"
        return f"{given} {sur}"

    # ------------------------------------------------------------------ forms

    def person(self, pid: str) -> Person | None:
        r = self.rng
        culture = _pick(r, self._cultures, self._culture_w)
        if culture == "western":
            return Person(pid, culture, None, (self.western(),), False)
        native = self.chinese() if culture == "chinese" else self.cyrillic()
        if self.derive_left > 0:
            from ledger.resolve.translit import derive_forms

            forms = tuple(dict.fromkeys(f.text for f in derive_forms(native)))
            if forms:
                self.derive_left -= 1
                return Person(pid, culture, native, forms, True)
        forms = _cheap_forms(native, culture)
        return Person(pid, culture, native, forms, False) if forms else None


@cache
def _pinyin(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(ch))


@cache
def _romanize(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word)


def _cheap_forms(native: str, culture: str) -> tuple[str, ...]:
    if culture == "chinese":
        syl = [_pinyin(ch) for ch in native]  # lazy_pinyin, character by character
        if any(not s.isascii() or "v" in s for s in syl):
            return ()
        sur_len = 2 if native[:2] in CHINESE_COMPOUND else 1
        sur = "".join(syl[:sur_len]).capitalize()
        given = syl[sur_len]
        for s in syl[sur_len + 1 :]:
            given += ("'" if s[0] in "aeo" else "") + s
        return (f"{sur} {given.capitalize()}",)
    words = [_romanize(w) for w in native.split()]
    full = " ".join(words)
    if len(words) == 3:
        return (f"{words[0]} {words[2]}", full)
    return (full,)


def generate(
    n: int, seed: int = 0, derive: int = 3000, exclude: set[str] | None = None,
    prefix: str = "p",
) -> tuple[list[Person], set[str]]:
    """``n`` persons with distinct names: no folded form is shared by two of them, nor with a
    key in ``exclude`` (the KB, when generating absent names).  Returns the persons and the
    set of folded keys of their forms."""
    gen = NameGenerator(seed, derive)
    taken: set[str] = set()
    exclude = exclude or set()
    out: list[Person] = []
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 20 * n + 1000:
            raise RuntimeError(f"name space exhausted after {len(out)} names")
        p = gen.person(f"{prefix}{len(out)}")
        if p is None:
            continue
        keys = {fold_key(f) for f in p.forms}
        if keys & taken or keys & exclude or "" in keys:
            continue
        taken |= keys
        out.append(p)
    return out, taken


def iter_forms(persons: list[Person]) -> Iterator[tuple[str, str, str]]:
    """(form, entity, kind) rows for an index."""
    for p in persons:
        for f in p.forms:
            yield f, p.id, "person"
