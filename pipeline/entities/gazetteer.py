"""What the entities stage reads from `models/entities/`: the gazetteers and pattern families the
ruler matches, and the lexicon (titles, head words, label and word lists) the normalizer reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import srsly

__all__ = ["CuedNames", "Gazetteer", "EntityLexicon", "load_gazetteer"]

_US_PREFIXES = ("U.S. ", "US ", "United States ")


@dataclass
class Gazetteer:
    """Patterns for the SpanRuler plus, per pattern id, what the normalizer needs to know."""

    patterns: list[dict] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)
    court_id: dict[str, str] = field(default_factory=dict)
    country_code: dict[str, str] = field(default_factory=dict)  # canonical -> ISO 3166-1 alpha-2 of a body
    cued: dict[str, "CuedNames"] = field(default_factory=dict)   # pattern id -> its names an article must back
    lexicon: dict[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class CuedNames:
    """Names of a body that other things share ("CBI", "AFP", "the Hawks"): taken only in an article that
    also says one of `cues` (its full name, its country, its cities) or the body's own full name."""

    names: frozenset[str]
    cues: tuple[str, ...]

    def backed(self, text: str) -> bool:
        return any(cue in text for cue in self.cues)


def _alias_variants(name: str) -> set[str]:
    """"U.S. X" is also written "US X", "United States X" and plain "X" when X is more than one word
    (a plain "House" is as often "Jinnah House" or "the White House" as the U.S. House)."""
    for prefix in _US_PREFIXES:
        if name.startswith(prefix):
            rest = name[len(prefix):]
            return {p + rest for p in _US_PREFIXES} | ({rest} if " " in rest.strip() else set())
    return {name}


@lru_cache(maxsize=8)
def load_gazetteer(folder: str) -> Gazetteer:
    """Every `*.jsonl` in `folder`: gazetteer lines {"label", "canonical", "aliases", "acronyms"} (and
    optionally "country_code", and "cued_aliases"/"cued_acronyms" taken only beside one of "cues")
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
            if entry.get("country_code"):
                gaz.country_code[entry["canonical"]] = entry["country_code"]
            names = set()
            for alias in [entry["canonical"], *entry.get("aliases", [])]:
                names |= _alias_variants(alias)
            cued = set(entry.get("cued_aliases", [])) | set(entry.get("cued_acronyms", []))
            if cued:
                gaz.cued[key] = CuedNames(frozenset(cued), tuple(sorted(names)) + tuple(entry.get("cues", [])))
            names |= set(entry.get("acronyms", [])) | cued
            for name in sorted(names):
                gaz.patterns.append({"label": entry["label"], "pattern": name, "id": key})
    for path in sorted(root.glob("*.json")):
        gaz.lexicon[path.stem] = srsly.read_json(path)
    return gaz


@dataclass(frozen=True)
class EntityLexicon:
    """`lexicon.json` as the normalizer's steps read it (see models/entities/README.md)."""

    titles: dict[str, str]            # casefolded title word -> role ("" for honorifics)
    judge_kinds: dict[str, str]       # casefolded court word before "Judge" -> the kind the role keeps
    model_labels: dict[str, str]      # the statistical model's label -> SPEC label
    agency_heads: frozenset[str]
    court_heads: frozenset[str]
    org_heads: frozenset[str]
    facility_heads: frozenset[str]
    place_heads: frozenset[str]
    law_heads: frozenset[str]
    not_places: frozenset[str]
    not_names: frozenset[str]         # documents the model takes for names ("FIR", a police report)
    place_nouns: frozenset[str]
    person_nouns: frozenset[str]
    person_possessions: frozenset[str]
    local_bodies: frozenset[str]
    title_modifiers: frozenset[str]
    name_connectors: frozenset[str]
    pseudonym_cues: frozenset[str]
    alias_markers: frozenset[str]     # "Adam Guloba, alias Rasta": the second name is the first person's
    locatives: tuple[str, ...]
    acronym_skip: frozenset[str]
    court_ref_modifiers: frozenset[str]
    court_ref_modifiers_titled: frozenset[str]  # those also read when capitalised ("the Appeals Court")
    court_kinds: frozenset[str]       # "the sessions court": only a named court of that kind
    higher_court_words: frozenset[str]  # a court that hears appeals, which no trial court is
    court_compound_nouns: frozenset[str]

    @classmethod
    def from_dict(cls, lex: dict) -> "EntityLexicon":
        words = {name: frozenset(lex.get(name, [])) for name, kind in cls.__annotations__.items()
                 if kind == "frozenset[str]"}
        return cls(titles={k.casefold(): v for k, v in lex.get("titles", {}).items()},
                   judge_kinds={k.casefold(): v for k, v in lex.get("judge_kinds", {}).items()},
                   model_labels=dict(lex.get("model_labels", {})),
                   locatives=tuple(lex.get("locatives", [])), **words)
