"""The per-Doc state the normalizer's steps share, passed to each step explicitly."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text

__all__ = ["EntityContext", "TokenScanner"]

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")


@dataclass(slots=True, eq=False)
class EntityContext:
    """One Doc's text, its current entities and the token positions the rules start from."""

    doc: Doc
    text: str
    ents: list[Span]                # the model's entities, then the chosen ones once `doc.ents` is set
    courts: list[Token]             # the word "court"
    locatives: list[Token]          # lexicon `locatives` ("in", "near", ...)
    numbers: list[Token]            # decimal numbers
    acronyms: list[Token]           # acronym-shaped words
    titled: list[int]               # indices of title-case words
    orths: list[int]                # ORTH hash per token
    breaks: list[int]               # nonzero at a line break or "(" (where a model entity splits)
    dateline_words: str = ""        # the matched dateline ("HUNTSVILLE, Texas —"), once found
    rules: list[str] = field(default_factory=list)  # span._.rule of each chosen entity


class TokenScanner:
    """Builds a Doc's `EntityContext` from its token attribute arrays in one pass: each `for tok
    in doc` builds a Token object per position, so the rules walk these short lists instead.
    Text tests are made once per word form, memoized across Docs."""

    def __init__(self, locatives: tuple[str, ...]):
        self.locative_words = locatives
        self._kind_memo: dict[int, int] = {}

    def scan(self, doc: Doc) -> EntityContext:
        arr = doc.to_array([LOWER, IS_TITLE, ORTH])
        strings = doc.vocab.strings
        lower = arr[:, 0]
        kinds = self._orth_kinds(strings, arr[:, 2])
        return EntityContext(
            doc=doc, text=doc_text(doc), ents=list(doc.ents),
            courts=[doc[i] for i in np.flatnonzero(lower == strings.add("court")).tolist()],
            locatives=[doc[i] for i in np.flatnonzero(
                np.isin(lower, [strings.add(w) for w in self.locative_words])).tolist()],
            numbers=[doc[i] for i in np.flatnonzero(kinds & 1).tolist()],
            acronyms=[doc[i] for i in np.flatnonzero(kinds & 2).tolist()],
            titled=np.flatnonzero(arr[:, 1]).tolist(),  # indices: most are never looked at as tokens
            orths=arr[:, 2].tolist(),
            breaks=(kinds & 4).tolist())

    def _orth_kinds(self, strings, orths: np.ndarray) -> np.ndarray:
        """Per token, bit 1: a decimal number; bit 2: acronym-shaped (`_ACRONYM`); bit 4: a line break or "("
        (where a model entity splits); memoized per word form."""
        memo = self._kind_memo
        if len(memo) > 500_000:
            memo.clear()
        uniq, inverse = np.unique(orths, return_inverse=True)
        kinds = []
        for h in uniq.tolist():
            kind = memo.get(h)
            if kind is None:
                text = strings[h]
                kind = memo[h] = (1 if text.isdecimal() else 0) | (2 if _ACRONYM.match(text) else 0) \
                    | (4 if "\n" in text or text == "(" else 0)
            kinds.append(kind)
        return np.asarray(kinds, dtype=np.int8)[inverse.reshape(-1)] if kinds else np.zeros(0, dtype=np.int8)
