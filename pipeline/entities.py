"""Entities stage: SPEC labels, canonical names and stable keys on `doc.ents`.

Two components. `legalnews_entity_ruler` finds domain spans (agencies, courts, facilities,
initials) from the gazetteers and pattern families in `models/entities/` and keeps them in
`doc.spans["legalnews_ruler"]`. `legalnews_entities` merges them with the statistical model's
entities, relabels the model's guesses on evidence (head words, first names, ages, places),
adds what the model cannot see (datelines, "the court"), links mentions inside the article
(surnames, acronyms defined in parentheses) and fills `canonical`, `entity_key`, `court_id`,
`role` and `nationality`.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span, Token

from . import courts
from .extensions import doc_text, register_extensions
from .matching import required_words
from .places import PlaceTables, countries, default_models_dir, fold, tables

register_extensions()

RULER_KEY = "legalnews_ruler"
MODEL_LABEL_MAP = {
    "PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "DATE": "DATE", "TIME": "DATE",
}
COURT_RULES = ("circuit", "district_court", "district", "immigration_court", "state_court")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = ("'s", "’s", "'", "’")
_US_PREFIXES = ("U.S. ", "US ", "United States ")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")
_ACRONYM_SKIP = {"of", "and", "for", "the", "&", "on", "in", "to"}
# A wire dateline: a place in capitals (a "Mc"/"De" prefix may keep its case, see `_caps_word`), an
# optional state or country after a comma, an optional agency credit in parentheses, then a dash.
_WORD = r"[^\W\d_][\w'’.-]*"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?: {_WORD}){{0,3}})"
    rf"(?:,(?: {_WORD}){{1,3}})?"
    r"(?: ?\([^\W\d_][\w&.'’-]*(?: [^\W\d_][\w&.'’-]*){0,2}\))?"
    r"(?: ?[—–]| ?--| -(?= ))")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|La|Le|Du|Di)(?=[^\W\d_])")


def _caps_word(word: str) -> bool:
    """"BOSTON", "ST.", "BOGOTÁ", "McALESTER", "DeKALB": a word written in capitals."""
    core = _NAME_PREFIX.sub("", word)
    return core.isupper() and not any(ch.isdigit() for ch in core)


_LOCATIVES = ("in", "from", "near", "outside")
_TITLE_MODIFIERS = {"District", "State", "Circuit", "Superior", "Municipal", "Probate", "Family", "Magistrate",
                    "Supreme", "Appeals", "Juvenile", "Criminal", "Chief", "Deputy", "Assistant"}


@dataclass
class Gazetteer:
    """Patterns for the SpanRuler plus, per pattern id, what the normalizer needs to know."""

    patterns: list[dict] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)
    court_id: dict[str, str] = field(default_factory=dict)
    lexicon: dict[str, dict] = field(default_factory=dict)


def _alias_variants(name: str) -> set[str]:
    """"U.S. X" is also written "US X", "United States X" and plain "X"."""
    for prefix in _US_PREFIXES:
        if name.startswith(prefix):
            rest = name[len(prefix):]
            return {p + rest for p in _US_PREFIXES} | {rest}
    return {name}


@lru_cache(maxsize=8)
def load_gazetteer(folder: str) -> Gazetteer:
    """Every `*.jsonl` in `folder`: gazetteer lines {"label", "canonical", "aliases", "acronyms"}
    (each alias a phrase pattern) or pattern-family lines {"label", "pattern", "id"}; `*.json`
    files are lexicons (titles, name heads) read by the normalizer."""
    gaz = Gazetteer()
    root = Path(folder)
    for path in sorted(root.glob("*.jsonl")):
        for entry in srsly.read_jsonl(path):
            if "pattern" in entry:
                gaz.patterns.append({k: entry[k] for k in ("label", "pattern", "id") if k in entry})
                continue
            key = "gaz:" + entry["canonical"]
            gaz.canonical[key] = entry["canonical"]
            if entry.get("court_id"):
                gaz.court_id[entry["canonical"]] = entry["court_id"]
            names = set()
            for alias in [entry["canonical"], *entry.get("aliases", [])]:
                names |= _alias_variants(alias)
            names |= set(entry.get("acronyms", []))
            for name in sorted(names):
                gaz.patterns.append({"label": entry["label"], "pattern": name, "id": key})
    for path in sorted(root.glob("*.json")):
        gaz.lexicon[path.stem] = srsly.read_json(path)
    return gaz


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


class AnchoredSpanRuler(SpanRuler):
    """A SpanRuler whose token patterns run only on Docs holding every word they require.

    The Matcher tries each token pattern at every token, and patterns opening with `IS_TITLE +`
    keep a partial match alive through every run of capitalized words: that was nearly all of the
    ruler's time. A pattern that cannot match finds nothing, so leaving it out changes no match;
    the patterns a Doc can match run in one Matcher, built once per such set of patterns. A one-token
    pattern on the word alone ("J.D.", a regex the Matcher would run on every token) is tested once
    per word form instead."""

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
        if not active:
            return None
        matcher = self._subset_matchers.get(active)
        if matcher is None:
            if len(self._subset_matchers) > 1024:
                self._subset_matchers.clear()
            matcher = self._subset_matchers[active] = Matcher(self.nlp.vocab, validate=self.validate)
            for i in active:
                label, pattern, _ = self._token_patterns[i]
                matcher.add(label, [pattern])
        return matcher

    def match(self, doc: Doc):
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            arr = doc.to_array([LOWER, ORTH])
            matcher = self._token_matcher(arr)
            matches = list(matcher(doc)) if matcher is not None else []
            matches += self._word_matches(doc, arr[:, 1].tolist()) + list(self.phrase_matcher(doc))
        found = {Span(doc, start, end, label=self._match_label_id_map[m_id]["label"],
                      span_id=self._match_label_id_map[m_id]["id"])
                 for m_id, start, end in matches if start != end}
        return sorted(found)


@Language.factory("legalnews_entity_ruler", assigns=["doc.spans"],
                  default_config={"patterns": "entities", "models_dir": ""})
def make_entity_ruler(nlp: Language, name: str, patterns: str, models_dir: str) -> SpanRuler:
    ruler = AnchoredSpanRuler(nlp, name, spans_key=RULER_KEY, annotate_ents=False, overwrite=True)
    ruler.add_patterns(load_gazetteer(str(default_models_dir(models_dir) / patterns)).patterns)
    return ruler


def strip_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text).strip()


def entity_key(label: str, canonical: str) -> str:
    return f"{label}:{canonical.casefold()}"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from the US census lists shipped by the `names` package (uppercase)."""
    import names

    found = set()
    for key in ("first:male", "first:female"):
        with open(names.FILES[key], encoding="utf-8") as f:
            found.update(line.split()[0] for line in f if line.strip())
    return frozenset(found)


@lru_cache(maxsize=4096)
def is_demonym(word: str, places: PlaceTables) -> bool:
    """"Guatemalan", "Haitian", "Mexican": a nationality adjective formed from a country's name."""
    if not re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ean|ese|ish|i|ic)", word) or places.is_known_place(word):
        return False
    low = fold(word)
    return any(len(name) >= 4 and low.startswith(name[:max(4, len(name) - 2)])
               for name in countries() if " " not in name)


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    rule: str
    priority: int          # 3 gazetteer, 2 pattern family, 1 rule, 0 statistical model
    canonical: str | None = None
    source_label: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


class EntityNormalizer:
    """Chooses the entities of a Doc and normalizes them (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, patterns: str, models_dir: str):
        self.name = name
        self.models_dir = str(default_models_dir(models_dir))
        self.places = tables(self.models_dir)
        self.gaz = load_gazetteer(str(Path(self.models_dir) / patterns))
        lex = self.gaz.lexicon.get("lexicon", {})
        self.titles: dict[str, str] = {k.casefold(): v for k, v in lex.get("titles", {}).items()}
        self.agency_heads = set(lex.get("agency_heads", []))
        self.court_heads = set(lex.get("court_heads", []))
        self.org_heads = set(lex.get("org_heads", []))
        self.facility_heads = set(lex.get("facility_heads", []))
        self.not_places = set(lex.get("not_places", []))
        self.place_heads = set(lex.get("place_heads", []))
        self.place_nouns = set(lex.get("place_nouns", []))
        self.law_heads = set(lex.get("law_heads", []))
        self.person_nouns = set(lex.get("person_nouns", []))
        self.person_possessions = set(lex.get("person_possessions", []))
        self.local_bodies = set(lex.get("local_bodies", []))
        self.judge_kinds: dict[str, str] = {k.casefold(): v for k, v in lex.get("judge_kinds", {}).items()}
        self._text = ""
        self._dateline_words = ""
        self._ents: list[Span] = []
        self._rules: list[str] = []
        self._kind_memo: dict[int, int] = {}

    # -- the run ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._text = doc_text(doc)
        self._dateline_words = ""
        self._ents = list(doc.ents)
        self._scan(doc)
        demonyms = [(e.start, e.end) for e in self._ents
                    if e.label_ == "NORP" or len(e) == 1 and is_demonym(e.text, self.places)]
        cands: list[Candidate] = []
        for span in doc.spans.get(RULER_KEY, []):
            cand = self._ruler_candidate(doc, span)
            if cand:
                cands.append(cand)
        cands += self._dateline(doc)
        cands += self._court_descriptions(doc)
        cands += self._named_with_age(doc)
        chosen = self._choose(cands)
        taken = {i for c in chosen for i in range(c.start, c.end)}
        for c in chosen:
            if c.label == "ORGANIZATION":
                end = c.end
                c.start, c.end = self._repair(doc, c.label, c.start, c.end, taken - set(range(c.start, c.end)))
                if c.end != end:
                    c.canonical = doc[c.start:c.end].text  # a chapter: "ACLU of Texas"
        chosen += self._model_candidates(doc, chosen)
        chosen += self._missed_places(doc, chosen)
        chosen.sort(key=lambda c: c.start)
        self._link_acronyms(doc, chosen)
        self._link_people_and_orgs(doc, chosen)
        kept, last_end = [], -1
        for c in sorted(chosen, key=lambda c: (c.start, -c.length)):
            if c.start >= last_end and doc[c.start:c.end].text.strip():
                kept.append(c)
                last_end = c.end
        chosen = kept
        spans = [Span(doc, c.start, c.end, label=c.label) for c in chosen]
        doc.ents = spans
        self._ents = list(doc.ents)
        for span, c in zip(self._ents, chosen):
            ext = span._  # each `span._` builds an accessor object: one per span
            ext.rule = c.rule
            ext.source_label = c.source_label
            if c.label == "DATE":
                continue
            ext.canonical = c.canonical or self._default_canonical(span)
            if c.label == "COURT" and c.priority == 3 and self._possessor(span) not in (None, "U.S.", "US", "United States"):
                ext.canonical = f"{self._canonical_text(span)} of {self._possessor(span)}"  # "Mexico's Supreme Court"
                c.rule = ext.rule = "foreign_court"
        self._rules = [c.rule for c in chosen]  # span._.rule of each entity, without the extension lookups
        self._resolve_state_courts(doc)
        self._resolve_court_descriptions(doc)
        for span, c, rule in zip(self._ents, chosen, self._rules):
            label = c.label
            if label == "DATE":
                continue
            ext = span._
            canonical = ext.canonical
            if label == "COURT" and rule != "state_supreme_court":
                ext.court_id = self.gaz.court_id.get(canonical) or courts.court_id(canonical)
            if label == "PERSON":
                ext.role = self._role(doc, span)
            ext.entity_key = entity_key(label, canonical)
        self._nationalities(doc, self._ents, demonyms)
        return doc

    def _scan(self, doc: Doc) -> None:
        """The positions the token rules start from (the court word, numbers, locative prepositions,
        acronym-shaped and title-case words), from the token attribute arrays in one pass: each
        `for tok in doc` builds a Token object per position, so the rules walk these short lists
        instead. Text tests are made once per word form (`_orth_kind`), not once per token."""
        arr = doc.to_array([LOWER, IS_TITLE, ORTH])
        strings = doc.vocab.strings
        lower = arr[:, 0]
        kinds = self._orth_kinds(strings, arr[:, 2])
        self._courts = [doc[i] for i in np.flatnonzero(lower == strings.add("court")).tolist()]
        self._locatives = [doc[i] for i in np.flatnonzero(np.isin(lower, [strings.add(w) for w in _LOCATIVES])).tolist()]
        self._numbers = [doc[i] for i in np.flatnonzero(kinds & 1).tolist()]
        self._acronyms = [doc[i] for i in np.flatnonzero(kinds & 2).tolist()]
        self._titled = np.flatnonzero(arr[:, 1]).tolist()  # indices: most are never looked at as tokens
        self._orths = arr[:, 2].tolist()
        self._breaks = (kinds & 4).tolist()

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

    # -- candidates ------------------------------------------------------------------------
    def _trim(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Leading articles and function words, trailing possessives and punctuation, stay outside."""
        while start < end - 1 and (doc[start].lower_ in ("the", "a", "an", "this", "that") or doc[start].is_space
                                   or doc[start].pos_ in ("ADP", "ADV", "SCONJ", "CCONJ", "PRON", "VERB", "AUX", "PUNCT")):
            start += 1
        while end > start + 1 and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_space or doc[end - 1].lower_ in ("and", "&", "of", "the", "for")
                                   or doc[end - 1].is_punct and doc[end - 1].text not in (")",)):
            end -= 1
        return start, end

    def _ruler_candidate(self, doc: Doc, span: Span) -> Candidate | None:
        start, end = self._trim(doc, span.start, span.end)
        while end > start + 1 and doc[end - 1].ent_type_ in ("DATE", "TIME"):
            end -= 1
        rule = span.id_ or ""
        text = doc[start:end].text
        if rule.startswith("gaz:"):
            return Candidate(start, end, span.label_, rule, 3, self.gaz.canonical[rule])
        canonical = None
        if rule in COURT_RULES:
            canonical = courts.court_canonical(rule, text, self.models_dir)
        if rule == "initials" and self.places.is_known_place(text):
            return None  # "N.H.", "W.Va.": a state, not a person
        return Candidate(start, end, span.label_, rule, 2, canonical)

    def _dateline(self, doc: Doc) -> list[Candidate]:
        """"HUNTSVILLE, Texas —", "ST. LOUIS (AP) —", "McALESTER, Okla. —": the capitalized place opening
        a wire story (see `_DATELINE`); its canonical is the title-case name, spelled as the gazetteer
        spells it where the two differ only in case ("McAlester")."""
        text = self._text[:200]
        m = _DATELINE.match(text, len(text) - len(text.lstrip()))
        if not m or len(m.group("place")) <= 2 or not all(_caps_word(w) for w in m.group("place").split()) \
                or not any(a.isupper() and b.isupper() for a, b in zip(m.group("place"), m.group("place")[1:])):
            return []
        span = doc.char_span(m.start("place"), m.end("place"), alignment_mode="expand")
        if span is None:
            return []
        name = m.group("place").title()
        if name == "Washington":
            name = "Washington, D.C."
        else:
            known = self.places.lookup(name)
            if known is not None and fold(known.name) == fold(name):
                name = known.name
        doc._.dateline = name
        self._dateline_words = m.group(0)
        return [Candidate(span.start, span.end, "PLACE", "dateline", 2, name)]

    def _court_descriptions(self, doc: Doc) -> list[Candidate]:
        """"the court", "this court", "the appeals court", "a federal court", "an immigration court"."""
        found = []
        mods = {"appeals", "appellate", "immigration", "federal", "district", "same", "lower", "trial", "bankruptcy", "full"}
        for tok in self._courts:
            if tok.tag_ not in ("NN", "NNP") or tok.dep_ == "compound":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("order", "orders", "papers", "documents", "records",
                                                                   "filings", "filing", "date", "hearing", "system"):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in mods:
                start -= 1
            det = doc[start - 1].lower_ if start > 0 else ""
            has_det = det in ("the", "this", "that", "a", "an")
            used_mods = {t.lower_ for t in doc[start:tok.i]}
            if det in ("a", "an") and not used_mods - {"same", "lower", "trial"}:
                continue
            if not has_det and not used_mods & {"federal", "immigration", "appeals", "appellate"}:
                continue
            if not has_det and not used_mods:
                continue
            if has_det and det in ("this", "that") and not used_mods and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                continue
            found.append(Candidate(start - 1 if has_det else start, tok.i + 1, "COURT", "court_ref", 1))
        return found

    def _named_with_age(self, doc: Doc) -> list[Candidate]:
        """"Ever Josué Mejía Cardona, 33, ...": capitalized words before an age in commas are a person."""
        found = []
        for tok in self._numbers:
            if not (2 <= tok.i < len(doc) - 1 and 0 < int(tok.text) < 111 and doc[tok.i - 1].text == ","
                    and doc[tok.i + 1].text in (",", ".")):
                continue
            start = end = tok.i - 1
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") \
                    and not doc[start - 1].is_stop and doc[start - 1].text.casefold() not in self.titles \
                    and doc[start - 1].ent_type_ not in ("ORG", "DATE", "NORP") and end - start < 5:
                start -= 1
                if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].is_title:
                    start -= 2  # "Jean-Robert"
            if end - start >= 2 and not self.places.is_known_place(doc[start:end].text):
                found.append(Candidate(start, end, "PERSON", "age_apposition", 1))
        return found

    @staticmethod
    def _choose(cands: list[Candidate]) -> list[Candidate]:
        chosen, taken = [], set()
        for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
            if not taken.intersection(range(c.start, c.end)):
                chosen.append(c)
                taken.update(range(c.start, c.end))
        return chosen

    def _model_candidates(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Model entities relabeled on evidence; where a rule span covers part of one, the rest survives."""
        taken = set()
        for c in chosen:
            taken.update(range(c.start, c.end))
        out: list[Candidate] = []
        for ent in self._ents:
            runs, run, split = [], [], False
            for i in range(ent.start, ent.end):
                if i in taken or self._breaks[i]:
                    split = split or i in taken
                    if run:
                        runs.append(run)
                    run = []
                else:
                    run.append(i)
            if run:
                runs.append(run)
            owner = self._owner_split(doc, runs[0][0], runs[0][-1] + 1) if runs and not split else None
            if owner is not None:
                out.append(Candidate(runs[0][0], owner, "PLACE", "possessor", 0, source_label=ent.label_))
                runs[0] = [i for i in runs[0] if i > owner]
                runs = [r for r in runs if r]
            for run in runs:
                start, end = self._trim(doc, run[0], run[-1] + 1)
                if ent.label_ == "PERSON":
                    titled = [i for i in range(start, end - 1) if doc[i].text.casefold() in self.titles]
                    if titled and all(t.is_title or t.is_upper for t in doc[start:titled[-1]]):
                        start = titled[-1] + 1  # "Mr. Pell", "Prime Minister Theresa May": the title stays outside
                if split and (not all(t.is_title or t.is_upper for t in doc[start:end]) or doc[start].is_stop):
                    continue
                after_in = start > 0 and doc[start - 1].lower_ in ("in", "near", "outside")
                if split and not (self.places.is_known_place(doc[start:end].text) or after_in):
                    continue
                if split and ent.label_ in ("DATE", "TIME"):
                    continue
                if ent.label_ not in ("DATE", "TIME") and not any(t.text[:1].isupper() or t.like_num for t in doc[start:end]):
                    continue  # "congress", "supreme court": a lowercase word is no name
                while end < len(doc) and doc[end].text.casefold() in self.titles and end - start > 1 \
                        and doc[end - 1].text in _TITLE_MODIFIERS:
                    end -= 1  # "[Fulton County] District Attorney", "[Multnomah County] Circuit Judge"
                label = "PLACE" if split else self._classify(doc, ent.label_, start, end)
                if label == "DATE":
                    start, end = ent.start, ent.end
                if label is None and doc[start].text in ("U.S.", "US") and doc[end - 1].text.casefold() in self.titles:
                    label, end = "PLACE", start + 1  # "U.S. Magistrate" (Judge): the modifier is a place (SPEC)
                if label:
                    start, end = self._repair(doc, label, start, end, taken)
                    out.append(Candidate(start, end, label, f"model:{ent.label_}", 0, source_label=ent.label_))
        return self._choose(out)

    def _missed_places(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """"held at a station in Nogales": a gazetteer place after a locative preposition the model left bare."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        found = []
        for tok in self._locatives:
            if tok.i + 1 >= len(doc) or tok.i + 1 in taken:
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 3 and end not in taken and doc[end].is_title \
                    and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1
            for stop in range(end, tok.i + 1, -1):
                name = doc[tok.i + 1:stop].text
                if self.places.is_known_place(name) and self.places.lookup(name, self._text) is not None and not is_demonym(name, self.places):
                    found.append(Candidate(tok.i + 1, stop, "PLACE", "gazetteer_place", 1))
                    break
        return found

    def _owner_split(self, doc: Doc, start: int, end: int) -> int | None:
        """"Syria's National Defense Forces": the end of the place that owns the body, if one does."""
        for i in range(start + 1, end - 1):
            if doc[i].text in _POSSESSIVE:
                return i if self.places.is_known_place(doc[start:i].text) else None
        return None

    def _repair(self, doc: Doc, label: str, start: int, end: int, taken: set[int]) -> tuple[int, int]:
        """Boundaries the model cuts short: "[Curtis] Lee Boone", "ACLU [of Texas]"."""
        if label == "PERSON":
            while start > 0 and start - 1 not in taken and self._name_part(doc[start - 1]):
                start -= 1
        if label == "ORGANIZATION" and end + 1 < len(doc) and doc[end].text == "of":
            place = next((e for e in self._ents if e.start == end + 1 and e.label_ in ("GPE", "LOC")), None)
            if place is not None and not taken.intersection(range(place.start, place.end)):
                end = place.end
        return start, end

    def _name_part(self, tok: Token) -> bool:
        """A capitalized word the model left outside a name: a known first name, or a bare proper noun."""
        if not tok.is_title or tok.ent_type_ or tok.is_stop or tok.text.casefold() in self.titles:
            return False
        return tok.text.upper() in first_names() or tok.pos_ == "PROPN" and not self.places.is_known_place(tok.text)

    def _classify(self, doc: Doc, model_label: str, start: int, end: int) -> str | None:
        """SPEC label for a model entity, from what its words and neighbours say."""
        label = MODEL_LABEL_MAP.get(model_label)
        if label in (None, "DATE"):
            return label
        if end - start >= 2 and doc[end - 1].text.casefold() in self.titles and doc[end - 1].text[:1].isupper():
            return None  # "U.S. Magistrate" (Judge ...): a title, not a body
        span = doc[start:end]
        words = [t.text for t in span]
        text = span.text
        if re.fullmatch(r"(?:[A-Z]\.){2,4}", text) and label != "PLACE" and not self.places.is_known_place(text):
            return "PERSON"
        head = self._head_word(words)
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in self.place_nouns and len(words) <= 3 or head in self.place_heads:
            return "PLACE"
        if head in self.law_heads or words[0] in self.law_heads or {"v.", "vs."} & set(words):
            return None
        if model_label == "PERSON" and len(words) >= 2 and start > 0 and doc[start - 1].text.casefold() in self.titles \
                and words[0].upper() in first_names():
            return "PERSON"  # "Judge Alan Trust": a title and a given name outrank an organization's head word
        name_start = start - 1 if start > 0 and len(words) == 1 and self._name_part(doc[start - 1]) else start
        if self._person_evidence(doc, name_start, end) and not set(words) & (self.agency_heads | self.org_heads | self.court_heads):
            return "PERSON"
        if len(words) == 1 and (is_demonym(text, self.places) or label != "PLACE" and not self.places.is_country_or_state(text)
                                and (text.casefold() in self.titles or nxt in self.titles
                                     or nxt in _POSSESSIVE and end + 1 < len(doc)
                                     and doc[end + 1].is_title and doc[end + 1].text.casefold() in self.titles)):
            return None  # "Defense attorney ...", "Magistrate Judge ...": a title word, not a name
        if len(words) == 1 and head in self.court_heads:
            return None
        if head in self.court_heads:
            return "COURT"
        if head in self.facility_heads:
            return "PLACE"
        if head in self.org_heads or set(words) & self.org_heads:
            return "ORGANIZATION"
        if head in self.agency_heads:
            return "AGENCY"
        if label in ("ORGANIZATION", "PERSON") and self._place_evidence(doc, start, end):
            return "PLACE"
        if label == "ORGANIZATION" and end + 1 < len(doc) and doc[end].text == "," and len(words) <= 2 \
                and fold(doc[end + 1].text) in countries() and doc[end + 1].ent_type_ == "GPE":
            return "PLACE"  # "Sinaloa, Mexico"
        return label

    @staticmethod
    def _head_word(words: list[str]) -> str:
        """"Board of Pardons and Paroles" -> Board; "Fort Worth Police Department" -> Department."""
        if "of" in words[1:]:
            return words[words.index("of") - 1]
        return words[-1] if words else ""

    def _person_evidence(self, doc: Doc, start: int, end: int) -> bool:
        tokens = doc[start:end]
        if not all(t.is_title or t.is_upper or t.text in ("-", ".") or t.is_punct for t in tokens):
            return False
        if len(tokens) >= 2 and tokens[0].text.upper() in first_names() and not self.places.is_known_place(tokens.text):
            return True
        # "Koenig, 38," - an age in apposition
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text in (",", "."):
            return 0 < int(float(doc[end + 1].text)) < 120 if doc[end + 1].text.isdecimal() else False
        if self.places.is_known_place(tokens.text):
            return False  # "Chief U.S. District Judge": a place after a title is still a place
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text.casefold() in self.titles:
            return True
        # "Adeyemi, a Nigerian national" / "Adeyemi's lawyer"
        after = doc[end:end + 5]
        if len(after) >= 2 and after[0].text == "," and after[1].lower_ in ("a", "an", "the", "who"):
            for tok in after[2:]:
                if tok.lower_ in self.person_nouns:
                    return True
                if tok.pos_ not in ("ADJ", "PROPN", "NOUN", "NUM", "PUNCT"):
                    break
            return after[1].lower_ == "who"
        if len(after) >= 2 and after[0].text in _POSSESSIVE and after[1].lower_ in self.person_possessions and len(tokens) >= 2:
            return True
        return False

    def _place_evidence(self, doc: Doc, start: int, end: int) -> bool:
        text = doc[start:end].text
        if text in self.not_places:
            return False
        before = doc[start - 2] if start > 1 and doc[start - 1].lower_ in (",", "and", "or") else None
        after = doc[end + 1] if end + 1 < len(doc) and doc[end].lower_ in (",", "and", "or") else None
        if any(t is not None and t.ent_type_ == "GPE" for t in (before, after)):
            return True  # "Phoenix, Mesa and Tucson"
        if not self.places.is_known_place(text):
            return False
        place = self.places.lookup(text, self._text)
        if place is None:
            return False
        if place.kind in ("country", "state"):
            return True
        prev = doc[start - 1].lower_ if start > 0 else ""
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.dep_ != "compound" and start > 0:
            return True  # "a Glendale man", "the FBI's Jackson office"
        return prev in ("in", "from", "to", "near", "outside", "at", "of") or text.isupper()

    # -- links inside the article ----------------------------------------------------------
    def _link_acronyms(self, doc: Doc, chosen: list[Candidate]) -> None:
        """"Executive Office for Immigration Review (EOIR)": later EOIR mentions take the long form."""
        by_end = {c.end: c for c in chosen}
        links: dict[str, tuple[str, str | None, int, int]] = {}
        for tok in self._acronyms:
            if not 1 <= tok.i < len(doc) - 1 or doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")":
                continue
            if sum(ch.isupper() for ch in tok.text) < 2:
                continue
            long_form = by_end.get(tok.i - 1)
            if long_form is not None and (long_form.label in ("AGENCY", "COURT", "ORGANIZATION")
                                          or long_form.rule == "facility"):
                canonical = long_form.canonical or self._canonical_text(doc[long_form.start:long_form.end])
                links[tok.text] = (long_form.label, canonical, long_form.start, long_form.end)
                continue
            span = self._spell_out(doc, tok)
            if span is not None:
                label = self._classify(doc, "ORG", span.start, span.end)
                if label not in ("AGENCY", "COURT", "ORGANIZATION"):
                    label = "ORGANIZATION"
                new = Candidate(span.start, span.end, label, "acronym_long_form", 1, self._canonical_text(span))
                chosen[:] = [c for c in chosen if c.end <= span.start or c.start >= span.end] + [new]
                links[tok.text] = (label, new.canonical, span.start, span.end)
        if not links:
            return
        for tok in self._acronyms:  # a link's key is an acronym-shaped token
            if tok.text not in links:
                continue
            label, canonical, _, _ = links[tok.text]
            keep = [c for c in chosen if c.end <= tok.i or c.start > tok.i]
            covering = [c for c in chosen if c.start <= tok.i < c.end]
            if covering and covering[0].length > 1:
                continue
            chosen[:] = keep + [Candidate(tok.i, tok.i + 1, label, "acronym", 2, canonical)]

    @staticmethod
    def _spell_out(doc: Doc, acro: Token) -> Span | None:
        """The capitalized words before "(ACR)" whose initials spell ACR."""
        letters = [ch for ch in acro.text if ch.isupper()]
        i = acro.i - 2
        words: list[Token] = []
        while i >= 0 and len([w for w in words if w.lower_ not in _ACRONYM_SKIP]) < len(letters):
            t = doc[i]
            if t.lower_ in _ACRONYM_SKIP or t.is_title or t.is_upper:
                words.insert(0, t)
                i -= 1
            else:
                break
        content = [w for w in words if w.lower_ not in _ACRONYM_SKIP]
        while words and words[0].lower_ in _ACRONYM_SKIP:
            words.pop(0)
        if len(content) != len(letters) or not words:
            return None
        if [w.text[0] for w in content] != letters:
            return None
        return doc[words[0].i:acro.i - 1]

    def _link_people_and_orgs(self, doc: Doc, chosen: list[Candidate]) -> None:
        """"Realmuto" after "Trina Realmuto" is that person; "Kessler" after "Kessler Precision Tooling" that company."""
        surnames: dict[str, str] = {}
        given: dict[str, str] = {}
        org_short: dict[str, tuple[str, str]] = {}
        for c in chosen:
            span = doc[c.start:c.end]
            if c.label == "PERSON" and c.length >= 2 and not re.fullmatch(r"(?:[A-Z]\.)+", span.text):
                tokens = [w for w in span.text.replace(",", " ").split() if w not in ("Jr.", "Sr.", "II", "III")]
                full = c.canonical or span.text
                surnames.setdefault(tokens[-1], full)
                given.setdefault(tokens[0], full)
                # "Julio Arvizu Peña" is "Arvizu" on second mention (paternal surname first)
                for middle in tokens[1:-1]:
                    if middle.upper() not in first_names() and middle[:1].isupper() and not middle.endswith("."):
                        surnames.setdefault(middle, full)
            if c.label in ("ORGANIZATION",) and c.length >= 2 and span[0].is_title and span[0].text.upper() not in first_names() \
                    and not self.places.is_known_place(span[0].text):
                org_short.setdefault(span[0].text, (c.label, c.canonical or self._canonical_text(span)))
        for c in chosen:
            if c.priority >= 2 and c.label != "PERSON":
                continue
            text = doc[c.start:c.end].text
            one_word = " " not in text
            if one_word and text in surnames and c.label != "DATE" \
                    and not (c.label == "PLACE" and self._place_evidence(doc, c.start, c.end)):
                c.label, c.canonical = "PERSON", surnames[text]
            elif one_word and c.label == "PERSON" and text in given:
                c.canonical = given[text]
            elif one_word and text in org_short and text not in surnames and c.label in ("PERSON", "ORGANIZATION"):
                c.label, c.canonical = org_short[text]
            elif c.label == "PERSON" and c.length >= 2:
                c.canonical = c.canonical or doc[c.start:c.end].text
        taken = set()
        for c in chosen:
            taken.update(range(c.start, c.end))
        if not surnames:
            return
        strings = doc.vocab.strings
        for i in self._titled:
            if i in taken:
                continue
            text = strings[self._orths[i]]
            if text in surnames and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
                chosen.append(Candidate(i, i + 1, "PERSON", "surname", 1, surnames[text]))

    # -- normalization ---------------------------------------------------------------------
    @staticmethod
    def _canonical_text(span: Span) -> str:
        """The words of the span, without a leading article or line breaks."""
        return re.sub(r"\s+", " ", strip_article(span.text))

    def _default_canonical(self, span: Span) -> str:
        text = self._canonical_text(span)
        if span.label_ == "PLACE":
            if text.isupper() and len(text) > 3:
                text = text.title()
            if text in ("U.S.", "US", "U.S.A.", "USA"):
                return "United States"
        if span.label_ in ("AGENCY", "COURT"):
            owner = self._possessor(span)
            if owner and owner not in text:
                return f"{text} of {owner}"
        if span.label_ == "AGENCY" and span.doc._.dateline and text in self.local_bodies:
            return f"{span.doc._.dateline.split(',')[0]} {text}"  # "the City Council" of a CHICAGO story
        return text

    def _possessor(self, span: Span) -> str | None:
        """"Mexico's Attorney General's Office" -> Mexico; "the country's Supreme Court" -> the country last named."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text not in _POSSESSIVE:
            return None
        owner = doc[span.start - 2]
        if owner.ent_type_ == "PLACE":
            ents = [e for e in self._ents if e.end == span.start - 1]
            return ents[0].text if ents and ents[0].label_ == "PLACE" else None
        if owner.lower_ in ("country", "nation") and span.start >= 3 and doc[span.start - 3].lower_ == "the":
            named = [e for e in self._ents if e.label_ == "PLACE" and e.end <= owner.i
                     and fold(e.text) in countries() and fold(e.text) not in ("u.s.", "us", "united states")]
            return named[-1].text if named else None
        return None

    def _resolve_state_courts(self, doc: Doc) -> None:
        """"the state Supreme Court", "the state's highest court": the supreme court of the article's
        state (`_article_state`), never the U.S. Supreme Court; with no one state, no court id."""
        refs = [e for e, rule in zip(self._ents, self._rules) if rule == "state_supreme_court"]
        if not refs:
            return
        state = self._article_state(doc)
        canonical = f"Supreme Court of {state}" if state else "state supreme court"
        for ent in refs:
            ent._.canonical = canonical
            ent._.court_id = courts.court_id(canonical) if state else None

    def _article_state(self, doc: Doc) -> str | None:
        """The US state a story is about: its dateline's ("ATLANTA —", "PORTLAND, Maine —"), else the
        one state its places name most often, else none (a tie, or a foreign dateline)."""
        if doc._.dateline:
            place = self.places.lookup(doc._.dateline, self._dateline_words)
            if place is not None and place.country_code != "US":
                return None
            if place is not None and place.admin1 and place.admin1 != "DC":
                return self.places.state_name(place.admin1)
        counts: dict[str, int] = {}
        for ent in self._ents:
            if ent.label_ == "PLACE" and ent._.rule != "dateline":
                place = self.places.lookup(ent._.canonical or ent.text, self._text)
                if place is not None and place.country_code == "US" and place.admin1 and place.admin1 != "DC":
                    counts[place.admin1] = counts.get(place.admin1, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return self.places.state_name(ranked[0][0])

    def _resolve_court_descriptions(self, doc: Doc) -> None:
        """Canonical of "the court" = the article's court (SPEC annotation rules)."""
        refs = [e for e, rule in zip(self._ents, self._rules) if rule == "court_ref"]
        if not refs:
            return
        named = [e for e, rule in zip(self._ents, self._rules) if e.label_ == "COURT" and rule != "court_ref"]
        home = self._home_court(doc, named)
        for ent in refs:
            words = {t.lower_ for t in ent}
            before = [e for e in named if e.start < ent.start]
            if words & {"lower", "trial", "district"}:
                ent._.canonical = self._judge_district(doc) or home or strip_article(ent.text)
            elif words & {"appeals", "appellate", "full"}:
                circuits = [e for e in named if e._.rule == "circuit"]
                prior = [e for e in circuits if e.start < ent.start]
                pick = (prior[-1] if prior else circuits[0] if circuits else None)
                ent._.canonical = pick._.canonical if pick else strip_article(ent.text)
            elif "immigration" in words:
                ent._.canonical = self._immigration_court(doc, named) or strip_article(ent.text)
            elif home:
                ent._.canonical = home
            elif before:
                ent._.canonical = before[-1]._.canonical
            else:
                ent._.canonical = ent.text.lower() if ent.text[:1].isupper() else ent.text

    def _judge_district(self, doc: Doc) -> str | None:
        """"U.S. District Judge Ana Ruiz in Boston" / "of the Western District of Washington"."""
        m = re.search(r"District Judge (?:[A-Z][\w.'-]* ){1,4}(?:in|of) (?:the )?([A-Z]\w*(?: [A-Z]\w*){0,3})", self._text)
        if not m:
            return None
        place = m.group(1).strip()
        return courts.district_court_name(place if "District" in place else f"court in {place}", self.models_dir)

    def _home_court(self, doc: Doc, named: list[Span]) -> str | None:
        for e in named:
            if (e._.canonical or "").startswith("U.S. District Court for the"):
                return e._.canonical
        judge = self._judge_district(doc)
        if judge:
            return judge
        first = next(iter(doc.sents), None)
        sents = [first] if first is not None else []
        for e in named:
            if sents and e.start < sents[0].end:
                return e._.canonical
        if doc._.dateline:
            district = courts.district_for(doc._.dateline.split(",")[0], self.models_dir)
            if district:
                return district.court
        return None

    def _immigration_court(self, doc: Doc, named: list[Span]) -> str | None:
        for e in named:
            if e._.rule == "immigration_court" and e._.canonical:
                return e._.canonical
        m = re.search(r"immigration judge in ([A-Z][\w.]+(?: [A-Z][\w.]+)?)", self._text)
        return f"{m.group(1)} Immigration Court" if m else None

    def _role(self, doc: Doc, span: Span) -> str | None:
        """The title before a name ("Judge", "Secretary") or the noun it stands in apposition to."""
        i = span.start - 1
        while i >= 0 and i >= span.start - 3:
            tok = doc[i]
            if tok.lower_ == "general" and i > 0 and doc[i - 1].is_title:
                return f"{doc[i - 1].lower_} general"  # Attorney General, Solicitor General
            if tok.lower_ == "attorney" and i > 0 and doc[i - 1].text in ("District", "U.S.", "State", "County"):
                return f"{doc[i - 1].text if doc[i - 1].text == 'U.S.' else doc[i - 1].lower_} attorney"
            if tok.text.casefold() in self.titles:
                return self._judge_kind(doc, i, self.titles[tok.text.casefold()]) or None
            if tok.text == "," and i > 0 and doc[i - 1].lower_ in self.titles:
                return self._judge_kind(doc, i - 1, self.titles[doc[i - 1].lower_]) or None
            if not (tok.is_title or tok.text in ("U.S.", "Chief", "Associate", ",")):
                break
            i -= 1
        if span.end + 3 < len(doc) and doc[span.end].text == ",":
            for tok in doc[span.end + 1: span.end + 5]:
                if tok.lower_ in self.titles:
                    return self._judge_kind(doc, tok.i, self.titles[tok.lower_]) or None
        return None

    def _judge_kind(self, doc: Doc, i: int, role: str) -> str:
        """"Magistrate Judge", "Bankruptcy Judge", "Superior Court Judge": the kind of court before a
        judge's title is part of the role (`judge_kinds` in the lexicon); "U.S."/"federal" are not."""
        if role != "judge" or i == 0:
            return role
        j = i - 1
        if doc[j].lower_ == "court" and j > 0:
            j -= 1
        kind = self.judge_kinds.get(doc[j].text.casefold())
        return f"{kind} {role}" if kind else role

    @staticmethod
    def _nationalities(doc: Doc, ents: list[Span], demonyms: list[tuple[int, int]]) -> None:
        """"Esteban Morales, 52, a Venezuelan man": the demonym goes onto the person it describes."""
        people = [e for e in ents if e.label_ == "PERSON"]
        for start, end in demonyms:
            noun = doc[end - 1].head
            targets = [noun.head] if noun.dep_ == "appos" else [noun] if noun.pos_ == "PROPN" else []
            if noun.dep_ in ("attr",):
                targets += [c for c in noun.head.children if c.dep_ == "nsubj"]
            for person in people:
                if any(person.start <= t.i < person.end for t in targets):
                    person._.nationality = doc[start:end].text


@Language.factory("legalnews_entities",
                  assigns=["doc.ents", "span._.canonical", "span._.entity_key", "span._.court_id", "span._.role",
                           "span._.nationality", "doc._.dateline"],
                  default_config={"patterns": "entities", "models_dir": ""})
def make_entity_normalizer(nlp: Language, name: str, patterns: str, models_dir: str) -> EntityNormalizer:
    return EntityNormalizer(nlp, name, patterns, models_dir)
