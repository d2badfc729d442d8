"""The `legalnews_jurisdiction` component: which country's court a court mention is.

News names courts by their generic names: "the Supreme Court", "the High Court", "the Court of
Appeal". The entity stage gives them the US reading its gazetteer holds ("Supreme Court" is the
Supreme Court of the United States); a story datelined LONDON or LAHORE means another court. This
component runs after the places stage, so it can read the countries of the article's places, and
for each COURT mention decides its country: from a place in the court's own name or phrase
("Lahore High Court", "the High Court in Nairobi"), else from the article (its dateline, else the
country most of its places lie in). A generic name of that country's court (`world_courts.jsonl`)
takes that court's full name, with no US `court_id`; every court gets a `country_code`.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import doc_text, register_extensions
from ..places import PlaceTables, tables
from ..resources import ResourceComponent
from .keys import entity_key, strip_article

register_extensions()

__all__ = ["JurisdictionResolver", "WorldCourt", "article_country", "make_jurisdiction_resolver"]

US_MARKERS = ("U.S.", "US ", "United States")  # "U.S. Supreme Court": US whatever the dateline
COURT_WORDS = {"court", "courts", "high", "supreme", "federal", "appeal", "appeals", "crown", "district", "circuit",
               "magistrates", "magistrate", "sessions", "special", "criminal", "civil", "family", "county", "state"}


@dataclass(frozen=True)
class WorldCourt:
    """A country's court as its generic name in that country's news means it."""

    country: str
    canonical: str


def load_world_courts(path: Path) -> dict[tuple[str, str], WorldCourt]:
    """(country, folded generic name) -> the court (`world_courts.jsonl`, one court a line with an example)."""
    table: dict[tuple[str, str], WorldCourt] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            court = WorldCourt(entry["country"], entry["canonical"])
            for name in entry["names"]:
                table[(entry["country"], name.casefold())] = court
    return table


def most_common(codes: list[str | None]) -> str | None:
    """The country the article's courts name most ("Delhi High Court" makes "the Supreme Court" India's)."""
    counts = Counter(c for c in codes if c).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def article_country(ents: tuple[Span, ...]) -> str | None:
    """The dateline's country, else the country clearly most of the article's places lie in."""
    places = [e for e in ents if e.label_ == "PLACE" and e._.country_code]
    dateline = next((e for e in places if e._.rule == "dateline"), None)
    if dateline is not None:
        return dateline._.country_code
    counts = Counter(e._.country_code for e in places).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0]


class JurisdictionResolver(ResourceComponent):
    """Country of each COURT mention, and the full name of a foreign court named generically."""

    resource_folders = ("jurisdiction", "places")

    def load_resources(self, folder: Path) -> None:
        self.world_courts = load_world_courts(folder / "jurisdiction" / "world_courts.jsonl")
        self.places: PlaceTables = tables(folder)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        ents = doc.ents
        courts = [e for e in ents if e.label_ == "COURT"]
        if not courts:
            return doc
        named = [self.own_country(court, ents) for court in courts]
        country = article_country(ents) or most_common(named)
        renamed: dict[str, Span] = {}
        for court, own in zip(courts, named):
            before = court._.canonical
            self.resolve(court, own, country)
            if court._.canonical != before and before:
                renamed[before] = court
        for court, own in zip(courts, named):  # "the court" follows the court it stands for
            source = renamed.get(court._.canonical)
            if source is not None and source is not court and own in (None, source._.country_code) \
                    and not any(marker in court.text for marker in US_MARKERS):
                for attr in ("canonical", "entity_key", "court_id", "country_code"):
                    setattr(court._, attr, getattr(source._, attr))
        return doc

    def resolve(self, court: Span, named: str | None, article: str | None) -> None:
        text = court.text
        if any(marker in text for marker in US_MARKERS):
            court._.country_code = "US"
            return
        country = named or article
        if not country or country == "US":
            court._.country_code = "US" if court._.court_id or country == "US" else None
            return
        name = strip_article(text)
        foreign = self.world_courts.get((country, name.casefold()))
        canonical = court._.canonical or name
        if foreign is not None and country_name(country) not in canonical:  # "Brazil's Supreme Court" was named
            canonical = foreign.canonical
        elif name[:1].isupper() and (court._.court_id or named is None):
            canonical = f"{name} ({country_name(country)})"  # a court's name with its country, not "the court"
        court._.canonical = canonical
        court._.entity_key = entity_key("COURT", canonical)
        court._.court_id = None  # courts-db ids are US courts'
        court._.country_code = country

    def own_country(self, court: Span, ents: tuple[Span, ...]) -> str | None:
        """A place in the court's name as written or as the entity stage completed it ("Lahore High Court",
        "Supreme Court of Justice of Colombia"), or just after it ("the High Court in Nairobi")."""
        doc = court.doc
        after = doc[court.end:min(court.end + 2, len(doc))]
        if len(after) == 2 and after[0].lower_ in ("in", "at", "of"):
            place = next((e for e in ents if e.start == after[1].i and e.label_ == "PLACE"), None)
            if place is not None and place._.country_code:
                return place._.country_code
        context = doc_text(doc)
        completed = [] if court._.court_id else (court._.canonical or "").split()  # not the US gazetteer's name
        for name in place_names([t.text for t in court]) + place_names(completed):
            found = self.places.lookup(name, context)
            if found is not None and found.country_code and found.kind in ("country", "city"):
                return found.country_code
        return None


def place_names(words: list[str]) -> list[str]:
    """Runs of capitalized words that are not court words, longest first: "Kuala Lumpur Sessions
    Court" gives "Kuala Lumpur", then "Kuala" and "Lumpur"."""
    runs, run = [], []
    for word in words + [""]:
        if word[:1].isupper() and word.casefold() not in COURT_WORDS and word.casefold() not in STOP_WORDS:
            run.append(word)
        elif run:
            runs.append(run)
            run = []
    names = [" ".join(r) for r in runs if len(r) > 1] + [w for r in runs for w in r]
    return list(dict.fromkeys(names))


def country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


@Language.factory("legalnews_jurisdiction", assigns=["span._.country_code", "span._.canonical", "span._.court_id"],
                  default_config={"models_dir": ""})
def make_jurisdiction_resolver(nlp: Language, name: str, models_dir: str) -> JurisdictionResolver:
    return JurisdictionResolver(name, models_dir)
