"""Extraction: find what a document names and asserts, as surface spans.

``extract`` returns mentions (with the KB entries their surface matches, unresolved) and claims
that point at those mentions.  ``ledger.resolve`` then decides what each mention denotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ledger.model import Claim, Document, Mention


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def extract(doc: Document, index: object) -> Extraction:
    from ledger.extract.mentions import find_mentions
    from ledger.extract.offices import office_claims

    mentions = find_mentions(doc, index)  # type: ignore[arg-type]
    claims = office_claims(doc, mentions)
    claims += quote_claims(doc, mentions)
    return Extraction(mentions, claims)


def quote_claims(doc: Document, mentions: list[Mention]) -> list[Claim]:
    """``said`` claims: the quotation (value) and its speaker (the subject, once resolved)."""
    from ledger.extract.quotes import find_quotes
    from ledger.extract.sentences import Sentences, sentences_of
    from ledger.model import Span

    regions = [(s.start, s.end) for s in doc.body_spans()]
    out: list[Claim] = []
    sentences: Sentences | None = None
    for q in find_quotes(doc.text, mentions, regions):
        sentences = sentences or sentences_of(doc)
        speaker = mentions[q.speaker] if q.speaker is not None else None
        claim = Claim(
            span=Span.of(doc, q.start, q.end), subject=None, predicate="said", value=q.text,
            valid_from=doc.published, valid_to=doc.published,
            qualifiers={"normalized": q.normalized, "partial": q.partial, "cue": q.cue,
                        "speaker_text": q.speaker_text, "pronoun": q.pronoun},
            section=doc.section_at(q.start), sentence=sentences.sentence(q.start),
            excerpt=" ".join(doc.text[q.start : q.end].split()),
            subject_surface=speaker.surface if speaker else q.speaker_text,
        )
        if q.speaker is not None:
            claim.refs = {"subject": q.speaker}
        out.append(claim)
    return out
