"""Sentence boundaries (a light rule: end punctuation followed by space and a capital, or a
blank line), enough to give each claim its sentence and to keep names from joining across."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ledger import rx
from ledger.model import Document

# a sentence ends after its punctuation (group ``cut``, where _NOT_END looks back from), or at a
# blank line or a bullet; the pattern opens with those characters so that the scan can skip to them
_BOUNDARY = rx.compile(r"[.!?…](?P<cut>)[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n(?=\s*[•*\-–] )")
#: words ending in a period that end no sentence (titles, months, companies: at most 4 letters; "U.S." and "D.C." are
#: recognized by their inner period, single capitals as initials)
ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sec", "Pres", "Sen", "Sens", "Rep", "Reps", "Gov", "Govt",
    "Lt", "Col", "Adm", "Amb", "Brig", "Cpl", "Pvt", "Spc", "Sgt", "Maj", "Capt", "Cmdr", "Cdr",
    "Supt", "Insp", "Det", "Atty", "Dept", "Rev", "Hon", "Msgr", "Fr", "St", "Jr", "Sr", "No",
    "Prof", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "v", "Smt", "Messrs", "Mme", "Mlle",
)  # fmt: skip
_NOT_END = rx.compile(rf"(?:\b(?:{'|'.join(ABBREVIATIONS)})|\b[A-Z])\.$")


class Sentences:
    def __init__(self, text: str, start: int = 0, end: int | None = None, breaks: Iterable[int] = ()) -> None:
        """``breaks``: more places where a sentence starts (where sections begin and end: a
        headline, the body after front matter)."""
        end = len(text) if end is None else end
        cuts = [start]
        for m in _BOUNDARY.finditer(text, start, end):
            cut = m.start("cut")
            cut = m.start() if cut < 0 else cut
            before = text[max(start, cut - 6) : cut]
            if _NOT_END.search(before) and "\n" not in text[cut : m.end()].replace("\n", "", 1):
                continue  # "Mr. Li", "on X. Egypt's": no end, unless a blank line follows ("on X.\n\nEgypt's")
            cuts.append(m.end())
        extra = {b for b in breaks if start < b < end}
        if extra:
            cuts = sorted(set(cuts) | extra)
        self.text = text
        self.starts = cuts
        self.end = end

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        s = self.starts[max(i, 0)]
        e = self.starts[i + 1] if i + 1 < len(self.starts) else self.end
        return s, e

    def sentence(self, offset: int) -> str:
        s, e = self.bounds(offset)
        return " ".join(self.text[s:e].split())


def sentences_of(doc: Document) -> Sentences:
    """The sentences of a document, split once however many stages ask."""
    cached = doc.cache.get("sentences")
    if cached is None:
        cached = doc.cache["sentences"] = Sentences(
            doc.text, breaks=[b for sec in doc.sections for b in (sec.start, sec.end)])
    return cached
