"""Canonical names: the default form of each entity's name, a body named with its owner ("Mexico's
Supreme Court"), and "the court" or "the state Supreme Court" resolved to the article's court."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..courts import CourtNames, court_id
from ..places import PlaceTables, countries, fold
from .context import EntityContext
from .gazetteer import EntityLexicon
from .keys import POSSESSIVE, canonical_text, strip_article

__all__ = ["CanonicalNames"]


class CanonicalNames:
    """Fills `canonical` (and the court id of a state supreme court) over one models folder."""

    def __init__(self, lexicon: EntityLexicon, places: PlaceTables, courts: CourtNames):
        self.lex = lexicon
        self.places = places
        self.courts = courts

    def default_canonical(self, ctx: EntityContext, span: Span) -> str:
        """The name as written, cleaned: "U.S." is "United States", a body takes its owner or dateline city."""
        text = canonical_text(span)
        if span.label_ == "PLACE":
            if text.isupper() and len(text) > 3:
                text = text.title()
            if text in ("U.S.", "US", "U.S.A.", "USA"):
                return "United States"
        if span.label_ in ("AGENCY", "COURT"):
            owner = self.possessor(ctx, span)
            if owner and owner not in text:
                return f"{text} of {owner}"
        if span.label_ == "AGENCY" and span.doc._.dateline and text in self.lex.local_bodies:
            return f"{span.doc._.dateline.split(',')[0]} {text}"  # "the City Council" of a CHICAGO story
        return text

    def possessor(self, ctx: EntityContext, span: Span) -> str | None:
        """"Mexico's Attorney General's Office" -> Mexico; "the country's Supreme Court" -> the country last named."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text not in POSSESSIVE:
            return None
        owner = doc[span.start - 2]
        if owner.ent_type_ == "PLACE":
            ents = [e for e in ctx.ents if e.end == span.start - 1]
            return ents[0].text if ents and ents[0].label_ == "PLACE" else None
        if owner.lower_ in ("country", "nation") and span.start >= 3 and doc[span.start - 3].lower_ == "the":
            named = [e for e in ctx.ents if e.label_ == "PLACE" and e.end <= owner.i
                     and fold(e.text) in countries() and fold(e.text) not in ("u.s.", "us", "united states")]
            return named[-1].text if named else None
        return None

    def resolve_state_courts(self, ctx: EntityContext) -> None:
        """"the state Supreme Court", "the state's highest court": the supreme court of the article's
        state (`article_state`), never the U.S. Supreme Court; with no one state, no court id."""
        refs = [e for e, rule in zip(ctx.ents, ctx.rules) if rule == "state_supreme_court"]
        if not refs:
            return
        state = self.article_state(ctx)
        canonical = f"Supreme Court of {state}" if state else "state supreme court"
        for ent in refs:
            ent._.canonical = canonical
            ent._.court_id = court_id(canonical) if state else None

    def article_state(self, ctx: EntityContext) -> str | None:
        """The US state a story is about: its dateline's ("ATLANTA —", "PORTLAND, Maine —"), else the
        one state its places name most often, else none (a tie, or a foreign dateline)."""
        doc = ctx.doc
        if doc._.dateline:
            place = self.places.lookup(doc._.dateline, ctx.dateline_words)
            if place is not None and place.country_code != "US":
                return None
            if place is not None and place.admin1 and place.admin1 != "DC":
                return self.places.state_name(place.admin1)
        counts: dict[str, int] = {}
        for ent in ctx.ents:
            if ent.label_ == "PLACE" and ent._.rule != "dateline":
                place = self.places.lookup(ent._.canonical or ent.text, ctx.text)
                if place is not None and place.country_code == "US" and place.admin1 and place.admin1 != "DC":
                    counts[place.admin1] = counts.get(place.admin1, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return self.places.state_name(ranked[0][0])

    def resolve_court_descriptions(self, ctx: EntityContext) -> None:
        """Canonical of "the court" = the article's court (SPEC annotation rules)."""
        refs = [e for e, rule in zip(ctx.ents, ctx.rules) if rule == "court_ref"]
        if not refs:
            return
        named = [e for e, rule in zip(ctx.ents, ctx.rules) if e.label_ == "COURT" and rule != "court_ref"]
        home = self.home_court(ctx, named)
        for ent in refs:
            words = {t.lower_ for t in ent}
            before = [e for e in named if e.start < ent.start]
            if words & {"lower", "trial", "district"}:
                higher = home is not None and bool(set(home.lower().split()) & self.lex.higher_court_words)
                ent._.canonical = self.judge_district(ctx) or (None if higher else home) or strip_article(ent.text)
            elif words & {"appeals", "appellate", "full"}:
                circuits = [e for e in named if e._.rule == "circuit"]
                prior = [e for e in circuits if e.start < ent.start]
                pick = (prior[-1] if prior else circuits[0] if circuits else None)
                ent._.canonical = pick._.canonical if pick else strip_article(ent.text)
            elif "immigration" in words:
                ent._.canonical = self.immigration_court(ctx, named) or strip_article(ent.text)
            elif words & self.lex.court_kinds:  # "the high court" after "the Allahabad High Court"; "the sessions court"
                same = [e for e in named if words & self.lex.court_kinds & {t.lower_ for t in e}]
                prior = [e for e in same if e.start < ent.start]
                pick = prior[-1] if prior else same[0] if same else None
                ent._.canonical = pick._.canonical if pick is not None else strip_article(ent.text).lower()
            elif home:
                ent._.canonical = home
            elif before:
                ent._.canonical = before[-1]._.canonical
            else:
                ent._.canonical = ent.text.lower() if ent.text[:1].isupper() else ent.text

    def judge_district(self, ctx: EntityContext) -> str | None:
        """"U.S. District Judge Ana Ruiz in Boston" / "of the Western District of Washington"."""
        m = re.search(r"District Judge (?:[A-Z][\w.'-]* ){1,4}(?:in|of) (?:the )?([A-Z]\w*(?: [A-Z]\w*){0,3})", ctx.text)
        if not m:
            return None
        place = m.group(1).strip()
        return self.courts.district_court_name(place if "District" in place else f"court in {place}")

    def home_court(self, ctx: EntityContext, named: list[Span]) -> str | None:
        """The article's court: a named district court, the judge's district, a court in the first
        sentence, or the dateline city's district."""
        doc = ctx.doc
        for e in named:
            if (e._.canonical or "").startswith("U.S. District Court for the"):
                return e._.canonical
        judge = self.judge_district(ctx)
        if judge:
            return judge
        first = next(iter(doc.sents), None)
        sents = [first] if first is not None else []
        for e in named:
            if sents and e.start < sents[0].end:
                return e._.canonical
        if doc._.dateline:
            district = self.courts.district_for(doc._.dateline.split(",")[0])
            if district:
                return district.court
        return None

    def immigration_court(self, ctx: EntityContext, named: list[Span]) -> str | None:
        """A named immigration court, or the one of "an immigration judge in <city>"."""
        for e in named:
            if e._.rule == "immigration_court" and e._.canonical:
                return e._.canonical
        m = re.search(r"immigration judge in ([A-Z][\w.]+(?: [A-Z][\w.]+)?)", ctx.text)
        return f"{m.group(1)} Immigration Court" if m else None
