"""Entities stage: SPEC labels, canonical names and stable keys on `doc.ents`.

Two components: `legalnews_entity_ruler` adds domain spans (agencies, courts, ...) from the
gazetteers and patterns in `models/entities/`, overwriting the statistical model where they
disagree; `legalnews_entities` maps the model's labels onto the SPEC's and fills `canonical`.
"""
from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from .extensions import register_extensions

register_extensions()

MODEL_LABEL_MAP = {
    "PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "DATE": "DATE", "TIME": "DATE",
}
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def load_gazetteer(folder: Path) -> tuple[list[dict], dict[str, str]]:
    """Span patterns and an id -> canonical name table from every `*.jsonl` gazetteer in `folder`.

    A gazetteer line is {"label", "canonical", "aliases": [...]} (each alias becomes a phrase
    pattern) or a ready spaCy pattern {"label", "pattern", "id"} for shapes that vary.
    """
    patterns: list[dict] = []
    canonical: dict[str, str] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for entry in srsly.read_jsonl(path):
            if "pattern" in entry:
                patterns.append({k: entry[k] for k in ("label", "pattern", "id") if k in entry})
                if "id" in entry and "canonical" in entry:
                    canonical[entry["id"]] = entry["canonical"]
                continue
            key = entry.get("id") or entry["canonical"]
            canonical[key] = entry["canonical"]
            for alias in {entry["canonical"], *entry.get("aliases", [])}:
                patterns.append({"label": entry["label"], "pattern": alias, "id": key})
    return patterns, canonical


@Language.factory("legalnews_entity_ruler", assigns=["doc.ents"],
                  default_config={"patterns": "entities", "models_dir": ""})
def make_entity_ruler(nlp: Language, name: str, patterns: str, models_dir: str) -> SpanRuler:
    ruler = SpanRuler(nlp, name, annotate_ents=True, overwrite=False, ents_filter=_prefer_ruler)
    pats, canonical = load_gazetteer(Path(models_dir) / patterns)
    ruler.add_patterns(pats)
    nlp.meta.setdefault("legalnews", {})["canonical"] = canonical
    return ruler


def _prefer_ruler(entities, spans):
    """Ruler spans win over overlapping model entities (the gazetteer is the domain's authority)."""
    taken = set()
    for span in spans:
        taken.update(range(span.start, span.end))
    kept = [e for e in entities if not taken.intersection(range(e.start, e.end))]
    return sorted(kept + _non_overlapping(spans), key=lambda s: s.start)


def _non_overlapping(spans):
    chosen, taken = [], set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return chosen


def strip_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text).strip()


def entity_key(label: str, canonical: str) -> str:
    return f"{label}:{canonical.casefold()}"


class EntityNormalizer:
    """Maps model labels to SPEC labels and sets `canonical`, `entity_key` and `source_label`."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        canonical_by_id = self.nlp.meta.get("legalnews", {}).get("canonical", {})
        spans: list[Span] = []
        for ent in doc.ents:
            label = ent.label_ if ent.id_ else MODEL_LABEL_MAP.get(ent.label_)
            if label is None:
                continue
            span = Span(doc, ent.start, ent.end, label=label, span_id=ent.id_)
            span._.source_label = None if ent.id_ else ent.label_
            spans.append(span)
        doc.ents = spans
        for ent in doc.ents:
            if ent.label_ == "DATE":
                continue
            name = canonical_by_id.get(ent.id_) or strip_article(ent.text)
            ent._.canonical = name
            ent._.entity_key = entity_key(ent.label_, name)
        return doc


@Language.factory("legalnews_entities", assigns=["doc.ents", "span._.canonical", "span._.entity_key"],
                  default_config={"models_dir": ""})
def make_entity_normalizer(nlp: Language, name: str, models_dir: str) -> EntityNormalizer:
    return EntityNormalizer(nlp, name)
