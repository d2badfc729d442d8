"""A faster twin of the model's `attribute_ruler`: the same rules, the same output, less time.

English spaCy pipelines map fine-grained tags to POS and morphology with an `AttributeRuler` of
~180 one-token patterns run through the token `Matcher`; on news text that costs about an eighth
of the model's whole time. Nearly every pattern tests one token's TAG, LOWER, ORTH, DEP or
IS_SPACE for equality, membership or a regex, which a table lookup answers per token. This
component compiles those patterns into tables keyed on attribute hashes (as the Matcher's are),
keeps a Matcher for multi-token patterns (run only when one could start in the Doc), then
applies the ruler's own normalized attributes in the ruler's own order, so every token ends
with the same POS, MORPH, LEMMA, TAG and DEP. `tests/test_attributes.py` holds it to that.

`build_nlp` swaps it in for a pipe named `attribute_ruler` when `fast_attribute_ruler` is on in
models/pipeline.cfg; a pipeline without one is left as it is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COLUMNS = ("TAG", "DEP", "LOWER", "ORTH", "IS_SPACE")
COLUMN_IDS = [TAG, DEP, LOWER, ORTH, IS_SPACE]
INDEX_ORDER = ("LOWER", "ORTH", "DEP", "TAG", "IS_SPACE")  # most selective first
MAY_START = -1  # a rule id meaning "a multi-token pattern may start at this token"
CACHE_SIZE = 100_000


@dataclass
class RegexValues:
    """The hashes whose string matches `pattern`, as a container: `hash in values`, cached."""

    pattern: re.Pattern
    strings: StringStore
    cache: dict[int, bool] = field(default_factory=dict)

    def __contains__(self, value: int) -> bool:
        hit = self.cache.get(value)
        if hit is None:
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()  # one entry per word form seen: bounded like the row cache
            hit = self.cache[value] = bool(self.pattern.search(self.strings[value]))
        return hit


Test = tuple[int, "frozenset[int] | RegexValues", bool]  # (column, values, wanted): row[column] in values == wanted


def holds(tests: tuple[Test, ...], row: list[int]) -> bool:
    return all((row[col] in values) == wanted for col, values, wanted in tests)


def compile_token(pattern: dict, strings: StringStore) -> tuple[Test, ...] | None:
    """A token pattern as tests on a row of `Doc.to_array(COLUMN_IDS)`, or None when a lookup cannot
    decide it (an operator, a predicate other than IN/NOT_IN/REGEX, an attribute outside COLUMNS)."""
    tests = []
    for attr, value in pattern.items():
        attr = attr.upper()
        if attr not in COLUMNS:
            return None
        col = COLUMNS.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((col, frozenset({int(value)}), True))
        elif isinstance(value, str):
            tests.append((col, frozenset({strings.add(value)}), True))
        elif isinstance(value, dict) and len(value) == 1:
            op, arg = next(iter(value.items()))
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                tests.append((col, frozenset(strings.add(v) for v in arg), op == "IN"))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append((col, RegexValues(re.compile(arg), strings), True))
            else:
                return None
        else:
            return None
    return tuple(tests)


class FastAttributeRuler:
    """Applies an `AttributeRuler`'s patterns: one-token patterns by table lookup, others by Matcher."""

    def __init__(self, source: AttributeRuler, name: str = "legalnews_attribute_ruler"):
        self.name = name
        self.source = source
        self.vocab = source.vocab
        self.index_columns = [COLUMNS.index(attr) for attr in INDEX_ORDER]
        self.compile()

    def compile(self) -> None:
        """Build the lookup tables and the Matcher from the source ruler's current patterns."""
        source = self.source
        self.attrs = source.attrs
        self.indices = source.indices
        self.matcher = Matcher(self.vocab, validate=False)
        self.by_value: dict[tuple[int, int], list[tuple[int, tuple[Test, ...]]]] = defaultdict(list)
        self.unindexed: list[tuple[int, tuple[Test, ...]]] = []
        self.matcher_always = False
        self.seen: dict[tuple[int, ...], tuple[int, ...]] = {}  # token row -> its rules, bounded by CACHE_SIZE
        strings = self.vocab.strings
        for rule, entry in enumerate(source.patterns):
            for pattern in entry["patterns"]:
                tests = compile_token(pattern[0], strings) if pattern else None
                if len(pattern) == 1 and tests is not None:
                    self.file(rule, tests)
                    continue
                self.matcher.add(str(rule), [pattern])
                if tests is None:
                    self.matcher_always = True
                else:
                    self.file(MAY_START, tests)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Saved as the source ruler saves itself (its patterns), so a loaded pipeline needs no model."""
        self.source.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "FastAttributeRuler":
        self.source.from_disk(path, exclude=exclude)
        self.compile()
        return self

    def file(self, rule: int, tests: tuple[Test, ...]) -> None:
        """File the tests under each value of the most selective column they pin, keeping the rest."""
        for attr in INDEX_ORDER:
            col = COLUMNS.index(attr)
            pinned = next((t for t in tests if t[0] == col and t[2] and isinstance(t[1], frozenset)), None)
            if pinned is not None:
                rest = tuple(t for t in tests if t is not pinned)
                for value in pinned[1]:
                    self.by_value[(col, value)].append((rule, rest))
                return
        self.unindexed.append((rule, tests))

    def rules_for(self, row: list[int]) -> tuple[int, ...]:
        """The one-token rules (and MAY_START) whose tests hold for a token's row, sorted."""
        found = set()
        for col in self.index_columns:
            for rule, rest in self.by_value.get((col, row[col]), ()):
                if not rest or holds(rest, row):
                    found.add(rule)
        for rule, tests in self.unindexed:
            if holds(tests, row):
                found.add(rule)
        return tuple(sorted(found))

    def __call__(self, doc: Doc) -> Doc:
        if len(self.seen) > CACHE_SIZE:
            self.seen.clear()
        seen, rules_for = self.seen, self.rules_for
        matches, may_start = [], self.matcher_always
        for i, row in enumerate(map(tuple, doc.to_array(COLUMN_IDS).tolist()) if len(doc) else ()):
            rules = seen.get(row)
            if rules is None:
                rules = seen[row] = rules_for(list(row))
            for rule in rules:
                if rule == MAY_START:
                    may_start = True
                else:
                    matches.append((rule, i, i + 1))
        if may_start:
            strings = self.vocab.strings
            matches += [(int(strings[key]), start, end) for key, start, end in self.matcher(doc, allow_missing=True)]
        for rule, start, end in sorted(matches):
            token = doc[start] if end - start == 1 else doc[start:end][self.indices[rule]]
            set_token_attrs(token, self.attrs[rule])
        return doc


@Language.factory("legalnews_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, source: str) -> FastAttributeRuler:
    """The twin of pipe `source`; in a pipeline loaded from disk, where the twin replaced it, an empty
    ruler that `from_disk` fills with the saved patterns."""
    ruler = nlp.get_pipe(source) if source in nlp.pipe_names else AttributeRuler(nlp.vocab, name=source)
    return FastAttributeRuler(ruler, name)


def swap_attribute_ruler(nlp: Language, source: str = "attribute_ruler") -> bool:
    """Put the fast twin in place of `source` when it is an AttributeRuler; True if swapped."""
    if source not in nlp.pipe_names or not isinstance(nlp.get_pipe(source), AttributeRuler):
        return False
    nlp.add_pipe("legalnews_attribute_ruler", after=source, config={"source": source})
    nlp.remove_pipe(source)
    return True
