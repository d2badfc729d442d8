"""Entities stage: SPEC labels, canonical names and stable keys on `doc.ents`.

Two components. `legalnews_entity_ruler` (`ruler`) finds domain spans (agencies, courts,
facilities, initials) from the gazetteers and pattern families in `models/entities/` (`gazetteer`)
and keeps them in `doc.spans["legalnews_ruler"]`. `legalnews_entities` (`normalizer`) merges them
with the statistical model's entities (`candidates`), relabels the model's guesses on evidence
(`classify`: head words, first names, ages, places), adds what the model cannot see (datelines,
"the court"), links mentions inside the article (`linking`: surnames, acronyms defined in
parentheses) and fills `canonical` (`canonical`), `entity_key` (`keys`), `court_id`, `role` and
`nationality` (`roles`).
"""
from __future__ import annotations

from ..extensions import register_extensions
from .candidates import Candidate
from .classify import first_names, is_demonym
from .gazetteer import EntityLexicon, Gazetteer, load_gazetteer
from .jurisdiction import JurisdictionResolver, make_jurisdiction_resolver
from .keys import canonical_text, entity_key, strip_article
from .normalizer import EntityNormalizer, make_entity_normalizer
from .ruler import RULER_KEY, AnchoredSpanRuler, EntityRuler, make_entity_ruler

register_extensions()

__all__ = [
    "RULER_KEY", "AnchoredSpanRuler", "EntityRuler", "EntityNormalizer", "make_entity_ruler",
    "make_entity_normalizer", "Gazetteer", "EntityLexicon", "load_gazetteer", "Candidate",
    "entity_key", "strip_article", "canonical_text", "first_names", "is_demonym",
    "JurisdictionResolver", "make_jurisdiction_resolver",
]
