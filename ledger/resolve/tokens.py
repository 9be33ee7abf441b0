"""Word tokens with offsets, folded to matching keys.

One tokenizer serves both sides of every lookup: KB forms are tokenized the same way as the
text, so "U.S." and "US", "Shang-fu" and "Shang fu", "Lý" and "Ly" meet on the same keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

# abbreviations written with a period, expanded for matching titles ("Sec. of State")
ABBREVIATIONS = {
    "sec": "secretary",
    "secy": "secretary",
    "pres": "president",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "amb": "ambassador",
    "min": "minister",
    "dep": "deputy",
    "asst": "assistant",
    "def": "defense",
    "defence": "defense",
    "dept": "department",
    "natl": "national",
    "intl": "international",
    "govt": "government",
    "sgt": "sergeant",
    "capt": "captain",
    "maj": "major",
    "cmdr": "commander",
    "supt": "superintendent",
    "vp": "vice president",
}
# spelling variants folded to one key (British and American)
SPELLINGS = {"defence": "defense", "programme": "program", "organisation": "organization"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int  # end of the word, possessive 's excluded
    text: str
    key: str  # folded matching key
    cap: bool  # starts with an upper-case letter
    period: bool  # directly followed by "."
    possessive: bool


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    from anyascii import anyascii

    w = _NON_ALNUM.sub("", anyascii(word).lower())
    return SPELLINGS.get(w, w)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _WORD.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        possessive = False
        pm = _POSSESSIVE.search(word)
        if pm and len(word) > 2:
            possessive = True
            e -= 2
            word = word[:-2]
        key = fold_word(word)
        if not key:
            continue  # nothing to match on (a symbol without a Latin reading)
        period = e < len(text) and text[e] == "." and not possessive
        out.append(Token(s, e, word, key, word[:1].isupper(), period, possessive))
    return _merge_initialisms(text, out)


def _merge_initialisms(text: str, toks: list[Token]) -> list[Token]:
    """'U.S.' -> one token with key 'us'; 'U.N.' -> 'un'."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if len(t.text) == 1 and t.period:
            j = i
            while (
                j + 1 < len(toks)
                and len(toks[j + 1].text) == 1
                and toks[j].period
                and toks[j + 1].start == toks[j].end + 1
            ):
                j += 1
            if j > i:
                last = toks[j]
                end = last.end + (1 if last.period else 0)
                word = text[t.start : end]
                key = "".join(x.key for x in toks[i : j + 1])
                period = end < len(text) and text[end] == "."
                out.append(Token(t.start, end, word, key, True, period, last.possessive))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def key_of(tokens: list[Token], expand: bool = False) -> str:
    if expand:
        return " ".join(ABBREVIATIONS.get(t.key, t.key) if t.period else t.key for t in tokens)
    return " ".join(t.key for t in tokens)


@lru_cache(maxsize=65536)
def phrase_key(phrase: str, expand: bool = True) -> str:
    """The matching key of a KB form or any phrase."""
    return key_of(tokenize(phrase), expand=expand)
