"""The per-document state of the events stage, built once per Doc and passed to every step.

The component keeps no state of its own between Docs: the coreference resolver, the entity index,
the dateline and the events built so far live here, for the Doc being read.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field

from spacy.tokens import Doc, Span

from ..coref import PeopleWords, Resolver
from ..extensions import doc_text
from .found import FoundArgument, FoundEvent
from .lexicon import Lexicon

__all__ = ["DocContext", "find_dateline", "people_words"]

DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?\s*(?:—|–|―|--|-)\s")
DATELINE_DASH = re.compile(r"\s*(?:—|–|―|--|-|:)\s")


@dataclass
class DocContext:
    """What the steps read about one Doc besides its parse; `built` grows as events are found."""

    doc: Doc
    lexicon: Lexicon
    text: str
    coref: Resolver
    doc_ents: tuple[Span, ...]
    ents: dict[int, Span]             # token index -> the entity covering it
    dateline_span: tuple[int, int] | None
    dateline_end: int                 # char offset where the dateline's dash ends (0: none)
    built: list[FoundEvent] = field(default_factory=list)
    ent_starts: list[int] = field(init=False)     # start token of each of doc_ents, for ents_in
    ent_ends: list[int] = field(init=False)
    named_courts: tuple[Span, ...] = field(init=False)  # COURT mentions naming a court, not "the court"
    appeals_courts: tuple[Span, ...] = field(init=False)  # of those, courts that hear appeals ("Court of Appeal")

    def __post_init__(self) -> None:
        self.ent_starts = [e.start for e in self.doc_ents]
        self.ent_ends = [e.end for e in self.doc_ents]
        self.named_courts = tuple(e for e in self.doc_ents if e.label_ == "COURT" and e._.rule != "court_ref")
        words = self.lexicon.nouns.higher_court_words
        self.appeals_courts = tuple(e for e in self.named_courts if any(t.text in words for t in e))

    @classmethod
    def build(cls, doc: Doc, lexicon: Lexicon, words: PeopleWords | None = None) -> "DocContext":
        """`words`: the lexicon's `people_words`, when the caller keeps them across Docs."""
        doc_ents = doc.ents  # Doc.ents builds every Span anew on each access: read once
        text = doc_text(doc)
        dateline_span, dateline_end = find_dateline(doc_ents, text)
        return cls(doc, lexicon, text, Resolver(doc, lexicon.nouns.person, words or people_words(lexicon)), doc_ents,
                   {t.i: e for e in doc_ents for t in e}, dateline_span, dateline_end)

    def in_dateline(self, idx: int) -> bool:
        """Inside the dateline ("HUNTSVILLE, Texas —"), not in a headline above it."""
        return self.dateline_span is not None and self.dateline_span[0] <= idx < self.dateline_end

    def phrase_of(self, arg: FoundArgument) -> Span | None:
        """The tokens an argument is written as (widened to whole tokens)."""
        return self.doc.char_span(arg.start_char, arg.end_char, alignment_mode="expand")

    def trigger_of(self, event: FoundEvent) -> Span | None:
        """The tokens an event's trigger is written as (widened to whole tokens)."""
        return self.doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")

    def sentence_at(self, char: int) -> int:
        """The index of the sentence holding the character at `char`."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.coref.sent_index.get(span.start, 0) if span is not None else 0

    def ents_in(self, span: Span) -> list[Span]:
        """The entities inside `span`, in text order (doc_ents are sorted and do not overlap)."""
        start, end = span.start, span.end
        ends, found = self.ent_ends, []
        for i in range(bisect_left(self.ent_starts, start), len(ends)):
            if ends[i] > end:
                break
            found.append(self.doc_ents[i])
        return found


def people_words(lexicon: Lexicon) -> PeopleWords:
    """The resolver's word lists, from the lexicon: it reads no files itself, so a models folder given
    with --models-dir changes it too."""
    return PeopleWords(judge_titles=lexicon.nouns.judge_titles, **asdict(lexicon.people))


def find_dateline(doc_ents: tuple[Span, ...], text: str) -> tuple[tuple[int, int] | None, int]:
    """The dateline's place (start, end) and where its dash ends. The entity stage's dateline
    mention is preferred (it knows "McALESTER" and "SÃO PAULO"); the regex serves pipelines without it."""
    ent = next((e for e in doc_ents if e.start_char < 400 and e._.rule == "dateline"), None)
    if ent is not None:
        dash = DATELINE_DASH.search(text, ent.end_char, ent.end_char + 60)
        return (ent.start_char, ent.end_char), dash.end() if dash else ent.end_char
    m = DATELINE.match(text)
    if not m:
        return None, 0
    start = m.start(1)
    return (start, start + len(m.group(1).strip())), m.end()
