"""The entity ruler: domain spans (agencies, courts, facilities, initials) from the gazetteers and
pattern families in `models/entities/`, kept in `doc.spans["legalnews_ruler"]` for the normalizer."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from ..matching import required_words
from ..resources import ResourceComponent
from .gazetteer import load_gazetteer

__all__ = ["RULER_KEY", "AnchoredSpanRuler", "EntityRuler", "make_entity_ruler"]

RULER_KEY = "legalnews_ruler"


def _word_test(pattern: list[dict]):
    """For a one-token pattern on the token's text alone (ORTH/TEXT: a string, IN, NOT_IN, REGEX, as
    the Matcher reads them), a test of a word form; else None."""
    if len(pattern) != 1 or not pattern[0] or set(pattern[0]) - {"ORTH", "TEXT"}:
        return None
    tests = []
    for value in pattern[0].values():
        if isinstance(value, str):
            value = {"IN": [value]}
        if not isinstance(value, dict) or set(value) - {"IN", "NOT_IN", "REGEX"}:
            return None
        if "IN" in value:
            tests.append(frozenset(value["IN"]).__contains__)
        if "NOT_IN" in value:
            excluded = frozenset(value["NOT_IN"])
            tests.append(lambda text, excluded=excluded: text not in excluded)
        if "REGEX" in value:
            tests.append(re.compile(value["REGEX"]).search)
    return lambda text: all(test(text) for test in tests)


_LEXEME_FLAGS = {"IS_TITLE": "is_title", "IS_DIGIT": "is_digit", "IS_UPPER": "is_upper", "IS_LOWER": "is_lower",
                 "IS_PUNCT": "is_punct", "LIKE_NUM": "like_num"}
_LEXEME_STRINGS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_"}
_TOKEN_ONLY = ("OP", "ENT_TYPE", "POS", "TAG", "SPACY")  # read from the token in context; they only narrow a spec


def _spec_conditions(spec: dict) -> list[tuple] | None:
    """The conditions of one token spec on a word's lexeme, as ("flag", attr, value), ("in", attr, words),
    ("not_in", attr, words) or ("regex", attr, pattern); keys read from the token in its context (its
    entity, part of speech, following space) are left out, as they only narrow what the spec matches. None when the spec holds a key or an operator
    these cannot read, or no condition (it may match any word)."""
    if spec.get("OP") not in (None, "?", "*", "+", "1"):
        return None  # "!" tests the token after a match
    conditions: list[tuple] = []
    for key, value in spec.items():
        if key in _TOKEN_ONLY:
            continue
        if key in _LEXEME_FLAGS and isinstance(value, bool):
            conditions.append(("flag", _LEXEME_FLAGS[key], value))
            continue
        if key not in _LEXEME_STRINGS:
            return None
        attr = _LEXEME_STRINGS[key]
        if isinstance(value, str):
            value = {"IN": [value]}
        if not isinstance(value, dict) or set(value) - {"IN", "NOT_IN", "REGEX"}:
            return None
        conditions += [(op.lower(), attr, frozenset(value[op])) for op in ("IN", "NOT_IN") if op in value]
        if "REGEX" in value:
            conditions.append(("regex", attr, value["REGEX"]))
    return conditions or None


def _condition_test(kind: str, attr: str, value):
    if kind == "flag":
        return lambda lex: getattr(lex, attr) == value
    if kind == "in":
        return lambda lex: getattr(lex, attr) in value
    if kind == "not_in":
        return lambda lex: getattr(lex, attr) not in value
    search = re.compile(value).search
    return lambda lex: bool(search(getattr(lex, attr)))


class SpecWords:
    """Whether some token spec of a set of patterns may match a word, read from the word's lexeme: the
    specs that are one word list or one flag are merged into sets, the rest are tested one by one."""

    def __init__(self, specs: list[dict]):
        self.readable = True
        self.words: dict[str, set[str]] = {"orth_": set(), "lower_": set()}
        self.flags: set[tuple[str, bool]] = set()
        tests: dict[str, object] = {}
        for spec in specs:
            conditions = _spec_conditions(spec)
            if conditions is None:
                self.readable = False
                return
            if len(conditions) == 1 and conditions[0][0] == "in":
                self.words[conditions[0][1]] |= conditions[0][2]
            elif len(conditions) == 1 and conditions[0][0] == "flag":
                self.flags.add(conditions[0][1:])
            else:
                parts = [_condition_test(*condition) for condition in conditions]
                tests[repr(sorted(conditions, key=repr))] = lambda lex, parts=parts: all(p(lex) for p in parts)
        self.tests = list(tests.values())

    def __call__(self, lexeme) -> bool:
        return lexeme.orth_ in self.words["orth_"] or lexeme.lower_ in self.words["lower_"] \
            or any(getattr(lexeme, attr) == value for attr, value in self.flags) \
            or any(test(lexeme) for test in self.tests)


class AnchoredSpanRuler(SpanRuler):
    """A SpanRuler whose token patterns run only where they can match.

    Every word of a match passes one of its pattern's token specs, and a match holds its pattern's
    required words. So the Matcher runs only on the stretches of words some spec may match (each word
    form tested once, from its lexeme: `SpecWords`), with the patterns whose required words all occur
    in the stretch (one Matcher per such set, built once), and finds there what spaCy's SpanRuler finds
    in the whole Doc. Patterns opening with `IS_TITLE +` used to keep a partial match alive through
    every run of capitalized words of the Doc. A spec the word test cannot read (another attribute,
    the "!" operator) turns stretches off: the patterns whose required words all occur in the Doc then
    run on the whole Doc. A one-token pattern on the word alone ("J.D.", a regex the Matcher would run
    on every token) is tested once per word form instead."""

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        self._reset_anchors()

    def clear(self) -> None:
        super().clear()
        self._reset_anchors()

    def remove(self, label: str) -> None:
        super().remove(label)
        self._reset_anchors()

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._reset_anchors()

    def _reset_anchors(self) -> None:
        strings = self.nlp.vocab.strings
        self._token_patterns = []
        self._word_patterns = []
        for entry in self._patterns:
            if isinstance(entry["pattern"], list):
                label = repr((entry["label"], entry.get("id", "")))
                test = _word_test(entry["pattern"])
                if test is not None:
                    self._word_patterns.append((strings.add(label), test, {}))
                    continue
                anchors = [(attr, {strings.add(w) for w in words}) for attr, words in
                           required_words(entry["pattern"], ("LOWER", "ORTH"))]
                self._token_patterns.append((label, entry["pattern"], anchors))
        self._subset_matchers: dict[tuple[int, ...], Matcher] = {}
        self._spec_words = SpecWords([spec for _, pattern, _ in self._token_patterns for spec in pattern])
        self._in_stretch: dict[int, bool] = {}  # word form -> some spec may match it
        self._patterns_of: dict[str, dict[int, set[int]]] = {"LOWER": {}, "ORTH": {}}  # required word -> patterns
        for index, (_, _, anchors) in enumerate(self._token_patterns):
            for attr, words in anchors:
                for word in words:
                    self._patterns_of[attr].setdefault(word, set()).add(index)
        self._unanchored = {i for i, (_, _, anchors) in enumerate(self._token_patterns) if not anchors}

    def _word_matches(self, doc: Doc, orths: list[int]) -> list[tuple[int, int, int]]:
        """Matches of the one-token word patterns, each word form tested once (memoized per pattern)."""
        found = []
        strings = doc.vocab.strings
        for key, test, memo in self._word_patterns:
            if len(memo) > 500_000:
                memo.clear()
            for i, orth in enumerate(orths):
                hit = memo.get(orth)
                if hit is None:
                    hit = memo[orth] = test(strings[orth])
                if hit:
                    found.append((key, i, i + 1))
        return found

    def _token_matcher(self, arr: np.ndarray) -> Matcher | None:
        """The Matcher of the token patterns whose required words all occur in a Doc (its LOWER, ORTH
        array), or None when there are none."""
        present = {"LOWER": set(np.unique(arr[:, 0]).tolist()), "ORTH": set(np.unique(arr[:, 1]).tolist())}
        active = tuple(i for i, (_, _, anchors) in enumerate(self._token_patterns)
                       if all(not words.isdisjoint(present[attr]) for attr, words in anchors))
        return self._subset_matcher(active) if active else None

    def _subset_matcher(self, active: tuple[int, ...]) -> Matcher:
        """One Matcher of the token patterns `active`, built once per such set."""
        matcher = self._subset_matchers.get(active)
        if matcher is None:
            if len(self._subset_matchers) > 1024:
                self._subset_matchers.clear()
            matcher = self._subset_matchers[active] = Matcher(self.nlp.vocab, validate=self.validate)
            for i in active:
                label, pattern, _ = self._token_patterns[i]
                matcher.add(label, [pattern])
        return matcher

    def _stretch_matches(self, doc: Doc, arr: np.ndarray) -> list[tuple[int, int, int]]:
        """The token patterns' matches: on each stretch of words some spec may match, the Matcher of
        the patterns whose required words all occur in that stretch (see the class docstring)."""
        memo, spec_words, vocab = self._in_stretch, self._spec_words, doc.vocab
        if len(memo) > 500_000:
            memo.clear()
        lowers, orths = arr[:, 0].tolist(), arr[:, 1].tolist()
        of_lower, of_orth = self._patterns_of["LOWER"].get, self._patterns_of["ORTH"].get
        found: list[tuple[int, int, int]] = []
        start, candidates = None, set()
        for i, orth in enumerate([*orths, None]):
            inside = False
            if orth is not None:
                inside = memo.get(orth)
                if inside is None:
                    inside = memo[orth] = spec_words(vocab[orth])
            if inside:
                if start is None:
                    start, candidates = i, set(self._unanchored)
                candidates.update(of_lower(lowers[i], ()), of_orth(orth, ()))
            elif start is not None:
                present = {"LOWER": set(lowers[start:i]), "ORTH": set(orths[start:i])}
                active = tuple(sorted(p for p in candidates if all(
                    not words.isdisjoint(present[attr]) for attr, words in self._token_patterns[p][2])))
                if active:
                    found += [(key, start + s, start + e) for key, s, e in self._subset_matcher(active)(doc[start:i])]
                start = None
        return found

    def match(self, doc: Doc):
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            arr = doc.to_array([LOWER, ORTH])
            if self._spec_words.readable:
                matches = self._stretch_matches(doc, arr)
            else:
                matcher = self._token_matcher(arr)
                matches = list(matcher(doc)) if matcher is not None else []
            matches += self._word_matches(doc, arr[:, 1].tolist()) + list(self.phrase_matcher(doc))
        found = {Span(doc, start, end, label=self._match_label_id_map[m_id]["label"],
                      span_id=self._match_label_id_map[m_id]["id"])
                 for m_id, start, end in matches if start != end}
        return sorted(found)


class EntityRuler(ResourceComponent, AnchoredSpanRuler):
    """The `legalnews_entity_ruler` component: an `AnchoredSpanRuler` holding every pattern of
    `models/entities/*.jsonl`.

    It saves and loads as the other project components do (`ResourceComponent.to_disk` copies
    `entities/` into the saved pipeline and `from_disk` rebuilds the patterns from that copy),
    not as spaCy's SpanRuler (patterns.jsonl): the patterns are derived from the gazetteers, so
    the gazetteers are what travels."""

    resource_folders = ("entities",)

    def __init__(self, nlp: Language, name: str, models_dir: str = ""):
        AnchoredSpanRuler.__init__(self, nlp, name, spans_key=RULER_KEY, annotate_ents=False, overwrite=True)
        ResourceComponent.__init__(self, name, models_dir)

    def load_resources(self, folder: Path) -> None:
        patterns = load_gazetteer(str(folder / "entities")).patterns
        # SpanRuler runs phrase patterns through the pipes before it, which `spacy.load` has not
        # filled yet when it builds this component; the PhraseMatcher (ORTH) needs only the tokenizer.
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.clear()
            self.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        return super().__call__(doc)


@Language.factory("legalnews_entity_ruler", assigns=["doc.spans"], default_config={"models_dir": ""})
def make_entity_ruler(nlp: Language, name: str, models_dir: str) -> EntityRuler:
    return EntityRuler(nlp, name, models_dir)
