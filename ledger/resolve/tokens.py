"""Word tokens with offsets, folded to matching keys.

One tokenizer serves both sides of every lookup: KB forms are tokenized the same way as the
text, so "U.S." and "US", "Shang-fu" and "Shang fu", "Lý" and "Ly" meet on the same keys.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import and_, itemgetter, not_
from typing import NamedTuple

from ledger import rx

# how a quotation's words are told apart for comparison: punctuation is a space, apostrophes join
# ("that’s" is "thats"); the curly marks and dashes too, for text not yet folded to ASCII
QUOTE_WORD_BREAKS = str.maketrans({**dict.fromkeys(string.punctuation + "“”…—–«»\u00a0", " "),
                                   "'": None, "`": None, "’": None, "‘": None})

_WORD = rx.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NON_ALNUM = rx.compile(r"[^a-z0-9]+")

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
# the honorifics a name may hold (keys of ``phrase_key``): "Dr Tedros" is Tedros's name shortened
NAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "madam", "mme", "m", "bw", "bi"})
SPELLINGS = {"defence": "defense", "programme": "program", "organisation": "organization"}


class Token(NamedTuple):
    """One word.  A named tuple rather than a frozen dataclass: a document has thousands of
    tokens, and a frozen dataclass takes several times longer to make."""

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
    """The words of ``text[start:end]`` as tokens.

    A document has thousands of words, so the work per word is done by C-level passes over
    lists (``map``, ``accumulate``, ``compress``) rather than a Python loop; the few words that
    need more (possessives, words without a key, initialisms) are fixed up afterwards."""
    end = len(text) if end is None else end
    ascii_text = text.isascii() or text[start:end].isascii()
    # (what precedes the word, the word); ASCII text by the ASCII pattern, a third faster
    pairs = (_GAP_WORD_ASCII if ascii_text else _GAP_WORD).findall(text, start, end)
    if not pairs:
        return []
    words = list(map(_second, pairs))
    bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
    starts, ends = bounds[1::2], bounds[2::2]
    keys = _fold_words(words, ascii_text)
    caps = list(map(str.isupper, map(_first, words)))
    periods = list(map(text.startswith, repeat("."), ends))  # directly followed by "."
    possessives = [False] * len(words)
    # a possessive 's (either apostrophe, either case) is no part of the word; the word before
    # it is never empty, as a word starts with a letter or digit.  Found in the text (few words
    # have one), then placed among the words by their ends.
    owned = [m.end() for m in _POSSESSIVE_AT.finditer(text, start, end)]
    at = [bisect_left(ends, e) for e in owned]
    for i in [k for k, e in zip(at, owned, strict=True) if k < len(ends) and ends[k] == e and starts[k] < e - 2]:
        word = words[i] = words[i][:-2]
        ends[i] -= 2
        keys[i] = fold_word(word)
        periods[i] = False
        possessives[i] = True
    if text.find("+", start, end) >= 0:
        # a name ending in "+" ("OPEC+", "Disney+"): the sign is of the name, another than "OPEC"
        for m in _PLUS_AFTER.finditer(text, start, end):
            i = bisect_left(ends, m.start())
            if i < len(ends) and ends[i] == m.start() and not possessives[i]:
                words[i] += "+"
                keys[i] += "+"
                ends[i] += 1
    toks = list(map(_new_token, repeat(Token), zip(starts, ends, words, keys, caps, periods, possessives, strict=True)))
    # a one-letter word before a period may start an initialism
    if "" in keys:
        toks = [t for t in toks if t.key]  # nothing to match on (a symbol without a Latin reading)
        initials = [i for i, t in enumerate(toks) if t.period and len(t.text) == 1]
    else:
        initials = [i for i in compress(range(len(toks)), periods) if len(words[i]) == 1]
    return _merge_initialisms(text, toks, initials) if initials else toks


def _fold_words(words: list[str], ascii_text: bool = False) -> list[str]:
    """``[fold_word(w) for w in words]``: a word of ASCII letters and digits folds to its
    lower case (anyascii keeps ASCII as it is), done in bulk; the others go through
    ``fold_word``.  (Its cache is large, and a look-up in it costs more than the folding.)
    ``ascii_text``: the words come from ASCII text, so only those with an apostrophe need more."""
    keys = list(map(str.lower, words))
    if not _SPELLING_KEYS.isdisjoint(keys):
        keys = list(map(SPELLINGS.get, keys, keys))
    if ascii_text:
        odd = compress(range(len(words)), map(str.__contains__, words, repeat("'")))
    else:
        odd = compress(range(len(words)), map(not_, map(and_, map(str.isascii, words), map(str.isalnum, words))))
    for i in odd:
        keys[i] = fold_word(words[i])
    return keys


_SPELLING_KEYS = frozenset(SPELLINGS)


_GAP_WORD = rx.compile(r"([\W_]*)(" + _WORD.pattern + ")")
_GAP_WORD_ASCII = rx.compile(r"([^A-Za-z0-9]*)([A-Za-z0-9]+(?:'[A-Za-z0-9]+)*)")  # the same on ASCII text
# 's ending a word (the caller checks that a word ends there and began before the apostrophe);
# opening with the apostrophe lets the scan skip to the candidates
_POSSESSIVE_AT = rx.compile(r"['’][sS](?![^\W_])")
_first, _second = itemgetter(0), itemgetter(1)
_PLUS_AFTER = rx.compile(r"(?<=[A-Za-z])\+(?![\w+])")
_new_token = tuple.__new__  # Token(*fields) without a Python-level __new__ per token


def _merge_initialisms(text: str, toks: list[Token], candidates: list[int]) -> list[Token]:
    """'U.S.' -> one token with key 'us'; 'U.N.' -> 'un'.  ``candidates``: the positions of
    one-letter tokens followed by a period, in order."""
    out: list[Token] = []
    done = 0  # toks[:done] are in out
    for i in candidates:
        if i < done:
            continue  # inside an initialism merged already
        j = i
        while (
            j + 1 < len(toks)
            and len(toks[j + 1].text) == 1
            and toks[j].period
            and toks[j + 1].start == toks[j].end + 1
        ):
            j += 1
        if j > i:
            t, last = toks[i], toks[j]
            end = last.end + (1 if last.period else 0)
            word = text[t.start : end]
            key = "".join(x.key for x in toks[i : j + 1])
            period = end < len(text) and text[end] == "."
            out += toks[done:i]
            out.append(Token(t.start, end, word, key, True, period, last.possessive))
            done = j + 1
    out += toks[done:]
    return out


def key_of(tokens: list[Token], expand: bool = False) -> str:
    if expand:
        return " ".join(ABBREVIATIONS.get(t.key, t.key) if t.period else t.key for t in tokens)
    return " ".join(t.key for t in tokens)


# the function words of English, found in most sentences: they say nothing of what one is about
COMMON_WORDS = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had
has have he her his how i if in into is it its just like may me more most my no not now of on
one only or our out over said say says she so some than that the their them then there these
they this those to too up us very was we were what when which who will with would you your
""".split())


# the names of the months and the days of the week (no person's, no place's)
CALENDAR_WORDS = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())


def compatible(a: set[str], b: set[str]) -> bool:
    """Whether one name form (its ``phrase_key`` words) is a fuller or shorter form of the
    other: every word of one is in the other, an initial standing for a word it starts."""
    def covered(small: set[str], big: set[str]) -> bool:
        return all(t in big or (len(t) == 1 and any(w.startswith(t) for w in big)) for t in small)
    return covered(a, b) or covered(b, a)


@lru_cache(maxsize=65536)
def phrase_key(phrase: str, expand: bool = True) -> str:
    """The matching key of a KB form or any phrase."""
    return key_of(tokenize(phrase), expand=expand)
