"""The model's lemmatizer, asked once per distinct word form instead of once per token.

spaCy's rule lemmatizer already caches its answer per (ORTH, POS, MORPH), but it still builds a
Token object, a cache key and a string-store entry for every token of every document: about 3% of
the small English model's time. Its answer depends on nothing else, so this component reads those
three columns with `Doc.to_array`, asks the model's own lemmatizer only for rows it has not seen,
and writes the LEMMA column back with `Doc.from_array`. Every token gets the lemma the model's
lemmatizer gives it, including the ones an attribute ruler set before it (kept unless the
lemmatizer overwrites). `tests/test_attributes.py` holds it to that.

`build_nlp` swaps it in for a pipe named `lemmatizer` when `fast_lemmatizer` is on in
models/pipeline.cfg. Only spaCy's own Lemmatizer modes that look at the token alone are swapped.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

TOKEN_LOCAL_MODES = ("rule", "lookup", "pos_lookup")
CACHE_SIZE = 200_000
COLUMNS = [ORTH, POS, MORPH, LEMMA]


class CachedLemmatizer:
    """Delegates to a spaCy Lemmatizer, once per distinct (ORTH, POS, MORPH) row."""

    def __init__(self, source: Lemmatizer, name: str):
        self.source = source
        self.name = name
        self.lemma_of: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        source = self.source
        if not source._validated:
            source._validate_tables(Errors.E1004)
        if len(self.lemma_of) > CACHE_SIZE:
            self.lemma_of.clear()
        lemma_of, strings = self.lemma_of, doc.vocab.strings
        rows = doc.to_array(COLUMNS)
        lemmas = rows[:, 3].copy()
        todo = np.arange(len(doc)) if source.overwrite else np.flatnonzero(lemmas == 0)
        found = [lemma_of.get(key) for key in map(tuple, rows[todo, :3].tolist())]
        for i, value in zip(todo.tolist(), found):
            if value is None:
                token = doc[i]
                value = lemma_of[token.orth, token.pos, token.morph.key] = strings.add(source.lemmatize(token)[0])
            lemmas[i] = value
        doc.from_array([LEMMA], np.ascontiguousarray(lemmas.reshape(-1, 1)))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Saved as the source lemmatizer saves itself (its lookup tables)."""
        self.source.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CachedLemmatizer":
        self.source.from_disk(path, exclude=exclude)
        self.lemma_of.clear()
        return self


@Language.factory("legalnews_lemmatizer", default_config={"source": "lemmatizer", "mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, source: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    """The twin of pipe `source`; in a pipeline loaded from disk, where the twin replaced it, a
    Lemmatizer of the saved `mode` that `from_disk` fills with the saved lookup tables."""
    if source in nlp.pipe_names:
        return CachedLemmatizer(nlp.get_pipe(source), name)
    return CachedLemmatizer(Lemmatizer(nlp.vocab, None, name=source, mode=mode, overwrite=overwrite), name)


def swap_lemmatizer(nlp: Language, source: str = "lemmatizer") -> bool:
    """Put the cached twin in place of `source` when it is a token-local spaCy Lemmatizer; True if swapped."""
    if source not in nlp.pipe_names:
        return False
    pipe = nlp.get_pipe(source)
    if not isinstance(pipe, Lemmatizer) or pipe.mode not in TOKEN_LOCAL_MODES:
        return False
    nlp.add_pipe("legalnews_lemmatizer", after=source,
                 config={"source": source, "mode": pipe.mode, "overwrite": pipe.overwrite})
    nlp.remove_pipe(source)
    return True
