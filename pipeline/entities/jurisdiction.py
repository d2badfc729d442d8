"""The `legalnews_jurisdiction` component: which country's court a court mention is.

News names courts by their generic names: "the Supreme Court", "the High Court", "the Court of
Appeal". The entity stage gives them the US reading its gazetteer holds ("Supreme Court" is the
Supreme Court of the United States); a story datelined LONDON or LAHORE means another court. This
component runs after the places stage, so it can read the countries of the article's places, and
for each COURT mention decides its country: from a place in the court's own name or phrase
("Lahore High Court", "the High Court in Nairobi"), else from the article (its dateline, else the
country its places, agencies and other cues point to: "Lok Sabha", "Indian Penal Code", "rupees",
`country_cues.jsonl`). A generic name of that country's court (`world_courts.jsonl`) takes that
court's full name, with no US `court_id`; every court gets a `country_code`. An agency the gazetteer
gave no country takes the one a place in its name names ("Punjab Police", "Ministry of Interior of Pakistan").
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..cache import fingerprint, load_or_build
from ..extensions import doc_text, register_extensions
from ..places import PlaceTables, tables
from ..resources import ResourceComponent
from .keys import entity_key, strip_article

register_extensions()

COURT_PLACE_KINDS = ("country", "city")  # a court's name: "Lahore High Court", not a region's
AGENCY_PLACE_KINDS = ("country", "state", "region", "city")  # "Punjab Police", "Texas Department of Public Safety"

__all__ = ["CountryCues", "JurisdictionResolver", "JurisdictionWords", "WorldCourt", "article_country",
           "currency_words", "make_jurisdiction_resolver"]


@dataclass(frozen=True)
class WorldCourt:
    """A country's court as its generic name in that country's news means it."""

    country: str
    canonical: str


@dataclass(frozen=True)
class JurisdictionWords:
    """`words.json`: words of court and agency names that are no place, the markers that make a court
    American whatever the dateline ("U.S. Supreme Court"), and the weight of each kind of country cue."""

    court_words: frozenset[str]
    body_words: frozenset[str]
    us_markers: tuple[str, ...]
    cue_weights: dict[str, float]
    region_lookalikes: frozenset[str] = frozenset()  # "Central", "Federal": words some region is also named
    international_courts: frozenset[str] = frozenset()  # courts of no one country ("International Criminal Court")

    @classmethod
    def load(cls, path: Path) -> "JurisdictionWords":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(frozenset(data["court_words"]), frozenset(data["body_words"]), tuple(data["us_markers"]),
                   dict(data["cue_weights"]), frozenset(data.get("region_lookalikes", ())),
                   frozenset(data.get("international_courts", ())))

    def american(self, text: str) -> bool:
        return any(marker in text for marker in self.us_markers)


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


def currency_words() -> dict[str, set[str]]:
    """The money word of every country's currency in CLDR's English names (babel): "Indian rupees" ->
    "rupees", "rupee", with every country that pays in it ("rupees": India, Pakistan, Sri Lanka, ...).
    Built once per machine (about a second of babel's locale data) and cached."""
    key = fingerprint(Path(__file__).read_bytes(), version("babel"), version("pycountry"))
    return load_or_build("currency_words", key, build_currency_words)


def build_currency_words() -> dict[str, set[str]]:
    import pycountry
    from babel.numbers import get_currency_name, get_territory_currencies

    words: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for code in get_territory_currencies(country.alpha_2):
            for count in (1, 2):
                word = get_currency_name(code, count=count, locale="en").split()[-1]
                if word.isalpha() and word.islower():
                    for form in (word, word.capitalize()):
                        words.setdefault(form, set()).add(country.alpha_2)
    return words


class CountryCues:
    """Words that tell an article's country without naming a place (`country_cues.jsonl`: demonyms,
    national laws, legislatures, money units) and every country's currency word: each match votes for
    its country by the weight of its kind, and a word several countries share splits its vote."""

    KINDS = (("demonym", "demonyms"), ("law", "laws"), ("body", "bodies"), ("unit", "units"))

    def __init__(self, path: Path, weights: dict[str, float]):
        self.votes_of: dict[str, dict[str, float]] = {}  # phrase -> country -> vote
        self.demonyms: dict[str, str] = {}  # "Nigerian" -> NG
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                self.demonyms.update((d, entry["country"]) for d in entry.get("demonyms", []))
                for kind, key in self.KINDS:
                    for phrase in entry.get(key, []):
                        self.add(phrase, {entry["country"]}, weights[kind])
        for word, countries in currency_words().items():
            self.add(word, countries, weights["currency"])
        self.matcher: PhraseMatcher | None = None

    def add(self, phrase: str, countries: set[str], weight: float) -> None:
        share = self.votes_of.setdefault(phrase, {})
        for country in countries:
            share[country] = share.get(country, 0.0) + weight / len(countries)

    def votes(self, doc: Doc) -> Counter:
        """Country -> summed votes of the cues `doc` holds."""
        if self.matcher is None or self.matcher.vocab is not doc.vocab:
            self.matcher = PhraseMatcher(doc.vocab)
            phrases = list(self.votes_of)
            for phrase, words in zip(phrases, phrase_words(phrases, doc.vocab)):
                self.matcher.add(phrase, [Doc(doc.vocab, words=words)])
        found: Counter = Counter()
        for match_id, _, _ in self.matcher(doc):
            for country, vote in self.votes_of[doc.vocab.strings[match_id]].items():
                found[country] += vote
        return found


def phrase_words(phrases: list[str], vocab) -> list[list[str]]:
    """The words spaCy's English tokenizer cuts each phrase into, which are all a PhraseMatcher on
    ORTH reads of a pattern. Cached: making that tokenizer costs 0.1 s at the start of every process."""
    def build() -> list[list[str]]:
        from spacy.lang.en import English

        tokenizer = English(vocab=vocab).tokenizer
        return [[token.text for token in tokenizer(phrase)] for phrase in phrases]

    key = fingerprint(Path(__file__).read_bytes(), version("spacy"), phrases)
    return load_or_build("cue_words", key, build)


def most_common(codes: list[str | None]) -> str | None:
    """The country the article's courts name most ("Delhi High Court" makes "the Supreme Court" India's)."""
    counts = Counter(c for c in codes if c).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def article_country(ents: tuple[Span, ...], cues: Counter | None = None,
                    weights: dict[str, float] | None = None) -> str | None:
    """The dateline's country, else the country clearly most of the article's places, agencies of a
    known country and other cues (`cues`: country -> votes) point to: two votes at least, and twice
    the next country's."""
    places = [e for e in ents if e.label_ == "PLACE" and e._.country_code]
    dateline = next((e for e in places if e._.rule == "dateline"), None)
    if dateline is not None:
        return dateline._.country_code
    weights = weights or {}
    votes: Counter = Counter(cues or {})
    for e in ents:
        if e.label_ in ("PLACE", "AGENCY") and e._.country_code:
            votes[e._.country_code] += weights.get(e.label_.lower(), 1.0)
    counts = votes.most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0]


class JurisdictionResolver(ResourceComponent):
    """Country of each COURT mention, the full name of a foreign court named generically, and the
    country of an agency whose name holds a place."""

    resource_folders = ("jurisdiction", "places")

    def load_resources(self, folder: Path) -> None:
        self.world_courts = load_world_courts(folder / "jurisdiction" / "world_courts.jsonl")
        self.words = JurisdictionWords.load(folder / "jurisdiction" / "words.json")
        self.cues = CountryCues(folder / "jurisdiction" / "country_cues.jsonl", self.words.cue_weights)
        self.places: PlaceTables = tables(folder)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        ents = doc.ents
        for agency in ents:
            if agency.label_ == "AGENCY" and not agency._.country_code:
                self.agency_country(agency, ents)
        courts = [e for e in ents if e.label_ == "COURT"]
        if not courts:
            return doc
        named = [self.own_country(court, ents) for court in courts]
        country = article_country(ents, self.cues.votes(doc), self.words.cue_weights) or most_common(named)
        renamed: dict[str, Span] = {}
        before = [court._.canonical for court in courts]
        for court, own, name in zip(courts, named, before):
            self.resolve(court, own, country)
            if court._.canonical != name and name and court._.rule != "court_ref":
                renamed.setdefault(name, court)  # the first court named so, not a "the court" standing for it
        for court, own, name in zip(courts, named, before):  # "the court" follows the court it stands for
            source = renamed.get(name)
            if source is not None and source is not court and own in (None, source._.country_code) \
                    and not self.words.american(court.text):
                for attr in ("canonical", "entity_key", "court_id", "country_code"):
                    setattr(court._, attr, getattr(source._, attr))
        return doc

    def agency_country(self, agency: Span, ents: tuple[Span, ...]) -> None:
        """"Punjab Police" -> PK or IN as the article reads; "the Nigerian Ministry of Justice" -> NG; "the
        Ministry of Interior of Pakistan" -> PK, with the country in its canonical name as "Pakistan's
        Ministry of Interior" has it."""
        if self.words.american(agency._.canonical or agency.text):
            agency._.country_code = "US"
            return
        agency._.country_code = self.named_country(agency, self.words.body_words, AGENCY_PLACE_KINDS) \
            or self.cues.demonyms.get(strip_article(agency.text).split(" ", 1)[0])
        place = following_place(agency, ents) if agency._.country_code is None else None
        if place is None:
            return
        agency._.country_code = place._.country_code
        name = place._.canonical or place.text
        if agency.doc[agency.end].lower_ == "of" and name not in (agency._.canonical or ""):
            agency._.canonical = f"{agency._.canonical or strip_article(agency.text)} of {name}"
            agency._.entity_key = entity_key("AGENCY", agency._.canonical)

    def resolve(self, court: Span, named: str | None, article: str | None) -> None:
        text = court.text
        if self.words.american(text):
            court._.country_code = "US"
            return
        if court._.canonical in self.words.international_courts:
            return  # "THE HAGUE — The International Criminal Court": of no one country
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
        place = following_place(court, ents)
        if place is not None:
            return place._.country_code
        # the US gazetteer's name ("Supreme Court of the United States") is no place of the story
        return self.named_country(court, self.words.court_words, COURT_PLACE_KINDS, completed=not court._.court_id)

    def named_country(self, span: Span, name_words: frozenset[str], kinds: tuple[str, ...],
                      completed: bool = True) -> str | None:
        """The country of a place in a body's name as written or as the entity stage completed it
        (`canonical`: "Ministry of Interior of Pakistan"); None when no place is in it."""
        context = doc_text(span.doc)
        words = [t.text for t in span]
        acronyms = span.label_ == "AGENCY"
        names = place_names(words, name_words, acronyms)
        if completed:
            names += place_names((span._.canonical or "").split(), name_words, acronyms)
        for name in names:
            found = self.places.lookup(name, context)
            if found is not None and found.country_code and (found.kind in kinds or found.kind == "region"
                                                             and self.named_region(name)):
                return found.country_code
        return None

    def named_region(self, name: str) -> bool:
        """A state or province a court is named after ("Gujarat High Court", "Sindh High Court"), not a
        word of direction or rank that some gazetteer region shares ("Central", "Western", "Federal")."""
        return name.casefold() not in self.words.region_lookalikes


def following_place(span: Span, ents: tuple[Span, ...]) -> Span | None:
    """A place of a known country just after a body's name: "the High Court in Nairobi", "the Ministry of Interior of Pakistan"."""
    doc = span.doc
    after = doc[span.end:min(span.end + 2, len(doc))]
    if len(after) == 2 and after[0].lower_ in ("in", "at", "of"):
        place = next((e for e in ents if e.start == after[1].i and e.label_ == "PLACE"), None)
        if place is not None and place._.country_code:
            return place
    return None


def place_names(words: list[str], name_words: frozenset[str], skip_acronyms: bool = False) -> list[str]:
    """Runs of capitalized words that are not words of the body's name (nor, with `skip_acronyms`, an
    acronym: "NEMA" is no place), longest first: "Kuala Lumpur Sessions Court" gives "Kuala Lumpur",
    then "Kuala" and "Lumpur"."""
    runs, run = [], []
    for word in words + [""]:
        if word[:1].isupper() and not (skip_acronyms and word.isupper() and len(word) > 1) \
                and word.casefold() not in name_words and word.casefold() not in STOP_WORDS:
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


@Language.factory("legalnews_jurisdiction",
                  assigns=["span._.country_code", "span._.canonical", "span._.entity_key", "span._.court_id"],
                  default_config={"models_dir": ""})
def make_jurisdiction_resolver(nlp: Language, name: str, models_dir: str) -> JurisdictionResolver:
    return JurisdictionResolver(name, models_dir)
