"""The `legalnews_entities` component: chooses a Doc's entities and normalizes them, one step per
module (candidates, classify, linking, canonical, roles) over state built once per models folder."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import places
from ..courts import CourtNames, court_id, read_districts
from ..resources import ResourceComponent
from .candidates import Candidate, CandidateFinder, choose
from .canonical import CanonicalNames
from .classify import LabelEvidence, is_demonym
from .context import EntityContext, TokenScanner
from .gazetteer import EntityLexicon, load_gazetteer
from .keys import canonical_text, entity_key
from .linking import ArticleLinker
from .roles import RoleFinder, assign_nationalities
from .ruler import RULER_KEY

__all__ = ["EntityNormalizer", "make_entity_normalizer"]


class EntityNormalizer(ResourceComponent):
    """Merges the ruler's spans with the model's entities, relabels and links them, and fills
    `canonical`, `entity_key`, `court_id`, `role` and `nationality` (see `pipeline.entities`)."""

    resource_folders = ("entities", "places")

    def __init__(self, nlp: Language, name: str, models_dir: str = ""):
        super().__init__(name, models_dir)

    def load_resources(self, folder: Path) -> None:
        self.places = places.tables(folder)
        self.gaz = load_gazetteer(str(folder / "entities"))
        self.lexicon = lexicon = EntityLexicon.from_dict(self.gaz.lexicon.get("lexicon", {}))
        courts = CourtNames(read_districts(folder / "entities" / "federal_districts.csv"), self.places)
        evidence = LabelEvidence(lexicon, self.places)
        self.scanner = TokenScanner(lexicon.locatives)
        self.finder = CandidateFinder(self.gaz, lexicon, self.places, courts, evidence)
        self.linker = ArticleLinker(lexicon, self.places, evidence)
        self.names = CanonicalNames(lexicon, self.places, courts)
        self.roles = RoleFinder(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        ctx = self.scanner.scan(doc)
        demonyms = [(e.start, e.end) for e in ctx.ents
                    if e.label_ == "NORP" or len(e) == 1 and is_demonym(e.text, self.places)]
        chosen = self._choose_candidates(ctx)
        doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in chosen]
        ctx.ents = list(doc.ents)
        self._name(ctx, chosen)
        assign_nationalities(doc, ctx.ents, demonyms)
        return doc

    def _choose_candidates(self, ctx: EntityContext) -> list[Candidate]:
        """Rule candidates first (longest wins), then the model's entities around them, then links
        inside the article; the result does not overlap and is in text order."""
        doc, finder = ctx.doc, self.finder
        cands: list[Candidate] = []
        for span in doc.spans.get(RULER_KEY, []):
            cand = finder.ruler_candidate(ctx, span)
            if cand:
                cands.append(cand)
        cands += finder.dateline(ctx)
        cands += finder.court_descriptions(ctx)
        cands += finder.named_with_age(ctx)
        cands += finder.connected_names(ctx)
        cands += finder.pseudonyms(ctx)
        chosen = choose(cands)
        taken = {i for c in chosen for i in range(c.start, c.end)}
        for c in chosen:
            if c.label == "ORGANIZATION":
                end = c.end
                c.start, c.end = finder.repair(ctx, c.label, c.start, c.end, taken - set(range(c.start, c.end)))
                if c.end != end:
                    c.canonical = doc[c.start:c.end].text  # a chapter: "ACLU of Texas"
        chosen += finder.model_candidates(ctx, chosen)
        chosen += finder.missed_places(ctx, chosen)
        chosen += finder.titled_names(ctx, chosen)
        chosen.sort(key=lambda c: c.start)
        self.linker.link_acronyms(ctx, chosen)
        self.linker.link_people_and_orgs(ctx, chosen)
        self.linker.link_aliases(ctx, chosen)
        self.linker.link_shared_surnames(ctx, chosen)
        kept, last_end = [], -1
        for c in sorted(chosen, key=lambda c: (c.start, -c.length)):
            if c.start >= last_end and doc[c.start:c.end].text.strip():
                kept.append(c)
                last_end = c.end
        return kept

    def _name(self, ctx: EntityContext, chosen: list[Candidate]) -> None:
        """`rule`, `source_label`, `canonical`, `court_id`, `role` and `entity_key` of each entity."""
        names = self.names
        for span, c in zip(ctx.ents, chosen):
            ext = span._  # each `span._` builds an accessor object: one per span
            ext.rule = c.rule
            ext.source_label = c.source_label
            if c.label == "DATE":
                continue
            ext.canonical = c.canonical or names.default_canonical(ctx, span)
            if c.label == "COURT" and c.priority == 3 \
                    and names.possessor(ctx, span) not in (None, "U.S.", "US", "United States"):
                ext.canonical = f"{canonical_text(span)} of {names.possessor(ctx, span)}"  # "Mexico's Supreme Court"
                c.rule = ext.rule = "foreign_court"
        ctx.rules = [c.rule for c in chosen]  # span._.rule of each entity, without the extension lookups
        names.resolve_state_courts(ctx)
        names.resolve_court_descriptions(ctx)
        doc = ctx.doc
        for span, c, rule in zip(ctx.ents, chosen, ctx.rules):
            label = c.label
            if label == "DATE":
                continue
            ext = span._
            canonical = ext.canonical
            if label == "COURT" and rule != "state_supreme_court":
                ext.court_id = self.gaz.court_id.get(canonical) or court_id(canonical)
            if label == "AGENCY" and canonical in self.gaz.country_code:
                ext.country_code = self.gaz.country_code[canonical]
            if label == "PERSON":
                ext.role = self.roles.role(doc, span)
            ext.entity_key = entity_key(label, canonical)


@Language.factory("legalnews_entities",
                  assigns=["doc.ents", "span._.canonical", "span._.entity_key", "span._.court_id", "span._.country_code", "span._.role",
                           "span._.nationality", "doc._.dateline"],
                  default_config={"models_dir": ""})
def make_entity_normalizer(nlp: Language, name: str, models_dir: str) -> EntityNormalizer:
    return EntityNormalizer(nlp, name, models_dir)
