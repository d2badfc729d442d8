"""Citations stage: case and statute citations as LAW spans in `doc.spans["law"]`.

eyecite finds reporter citations ("533 U.S. 678 (2001)") and statutes ("8 U.S.C. § 1231"); news
more often names a case without a reporter ("Doe v. Noem"), which a token pattern catches. LAW
spans live beside `doc.ents`, not in it, so they may overlap the parties' PERSON or AGENCY
mentions. `span._.citation` is a JSON string of the citation's fields.
"""
from __future__ import annotations

import json
import re

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .entities import entity_key
from .eyecite_prefilter import CitationTokenizer
from .extensions import doc_text, register_extensions

register_extensions()

LAW_KEY = "law"
FIELDS = ("volume", "reporter", "page", "court", "year", "title", "section", "plaintiff", "defendant", "pin_cite",
          "docket")
_LEADING = re.compile(r"^(?:(?:in|see|under|and|the|cf\.|also)\s+)+", re.I)
_PARTY = {"IS_TITLE": True, "OP": "+"}
_DOCKET = re.compile(r",?\s+No\.\s+(\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}|\d{2}-\d{1,6})")


_VERSUS = ("v.", "vs.", "v")


def citation_fields(citation) -> dict:
    """The fields of an eyecite citation that a reader filters on, without empty ones."""
    meta = citation.metadata
    values = {**citation.groups, **{k: getattr(meta, k, None) for k in ("court", "year", "plaintiff", "defendant", "pin_cite")}}
    if "title" not in values and citation.groups.get("chapter"):
        values["title"] = citation.groups["chapter"]
    return {k: values.get(k) for k in FIELDS if values.get(k)}


def canonical_citation(fields: dict, text: str) -> str:
    if fields.get("section") and fields.get("reporter"):
        title = f"{fields['title']} " if fields.get("title") else ""
        return f"{title}{fields['reporter']} § {fields['section']}"
    if fields.get("volume") and fields.get("reporter"):
        name = f"{fields['plaintiff']} v. {fields['defendant']}, " if fields.get("plaintiff") and fields.get("defendant") else ""
        year = f" ({fields['year']})" if fields.get("year") else ""
        return f"{name}{fields['volume']} {fields['reporter']} {fields['page']}{year}"
    if fields.get("plaintiff") and fields.get("defendant"):
        return f"{fields['plaintiff']} v. {fields['defendant']}"
    return text


class CitationFinder:
    """Runs eyecite over the text and a case-name pattern over the tokens.

    eyecite runs with a Hyperscan prefilter (`eyecite_prefilter`) unless `hyperscan` is off: the same
    citations, found about ten times faster; with it, eyecite runs (and is imported) only on a text
    where an extractor that makes citations matches."""

    def __init__(self, nlp: Language, name: str, case_names: bool = True, hyperscan: bool = True):
        self.name = name
        self.case_names = case_names
        self.citations = CitationTokenizer(hyperscan)
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("CASE_NAME", [[_PARTY, {"ORTH": {"IN": list(_VERSUS)}}, _PARTY]])
        self.versus = np.array([nlp.vocab.strings.add(v) for v in _VERSUS], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, dict]] = []
        text = doc_text(doc)
        if text and self.citations.may_cite(text):  # eyecite refuses an empty text; most news has no citation
            found.extend(_eyecite_citations(doc, text, self.citations.tokenizer))
        # the case-name pattern needs a "v." token: without one the Matcher can find nothing
        if self.case_names and np.isin(doc.to_array(ORTH), self.versus).any():
            covered = {i for span, _ in found for i in range(span.start, span.end)}
            for _, start, end in self.matcher(doc):
                while start < end and doc[start].is_sent_start is False and doc[start].lower_ in ("in", "the"):
                    start += 1
                if covered.intersection(range(start, end)):
                    continue
                vs = next(i for i in range(start, end) if doc[i].lower_ in ("v.", "vs.", "v"))
                while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title:
                    end += 2  # "Tijerina-Gomez"
                fields = {"plaintiff": doc[start:vs].text, "defendant": doc[vs + 1:end].text}
                docket = _DOCKET.match(text, doc[end - 1].idx + len(doc[end - 1].text)) if end < len(doc) else None
                if docket:
                    fields["docket"] = docket.group(1)
                    end = doc.char_span(doc[end].idx, docket.end(), alignment_mode="expand").end
                found.append((Span(doc, start, end, label="LAW"), fields))
        spans = []
        for span, fields in _longest(found):
            span._.citation = json.dumps(fields, ensure_ascii=False, sort_keys=True)
            span._.canonical = canonical_citation(fields, span.text)
            span._.entity_key = entity_key("LAW", span._.canonical)
            span._.rule = "eyecite" if "volume" in fields or "section" in fields else "case_name"
            spans.append(span)
        doc.spans[LAW_KEY] = spans
        return doc


def _eyecite_citations(doc: Doc, text: str, tokenizer) -> list[tuple[Span, dict]]:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullLawCitation

    found = []
    for cit in get_citations(text, tokenizer=tokenizer):
        if not isinstance(cit, (FullCaseCitation, FullLawCitation)):
            continue
        start, end = cit.full_span() if hasattr(cit, "full_span") else cit.span()
        lead = _LEADING.match(text[start:end])
        if lead:
            start += lead.end()
        span = doc.char_span(start, end, label="LAW", alignment_mode="expand")
        if span is not None:
            found.append((span, citation_fields(cit)))
    return found


def _longest(found: list[tuple[Span, dict]]) -> list[tuple[Span, dict]]:
    """Matcher hits overlap ("Doe v. Noem" inside "John Doe v. Noem"): keep the longest of each group."""
    kept, taken = [], set()
    for span, fields in sorted(found, key=lambda x: (-(x[0].end - x[0].start), x[0].start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append((span, fields))
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda x: x[0].start)


@Language.factory("legalnews_citations", assigns=["doc.spans", "span._.citation", "span._.canonical"],
                  default_config={"case_names": True, "hyperscan": True, "models_dir": ""})
def make_citation_finder(nlp: Language, name: str, case_names: bool, hyperscan: bool,
                         models_dir: str) -> CitationFinder:
    return CitationFinder(nlp, name, case_names, hyperscan)
