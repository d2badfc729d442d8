"""The spaCy extension attributes through which the project's components hand results on.

Declared in one place so that every component, and `collect` which turns a Doc into records,
agree on names. Values are plain Python data, or the events component's dataclasses, which register
msgpack encoders, so Docs stay serializable.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, object] = {
    "article_id": None,     # str: the article the Doc was made from
    "published_at": None,   # str: ISO date(time) of publication, the anchor of relative dates
    "dateline": None,       # str: place named in an opening "CITY —" dateline, if any
    "events": None,         # list[events.FoundEvent]: court actions found by the events component
    "entity_links": None,   # dict: per-article aliases (acronym -> long form, surname -> full name)
}

SPAN_EXTENSIONS: dict[str, object] = {
    "canonical": None,      # full normalized name
    "entity_key": None,     # stable across articles: label + canonical
    "rule": None,           # id of the pattern or mapping that produced the label
    "source_label": None,   # the statistical model's label before mapping
    "role": None,           # PERSON title kept outside the span: judge, prosecutor, ...
    "nationality": None,    # PERSON demonym: "Guatemalan"
    "court_id": None,       # courts-db id
    "country_code": None,   # ISO 3166-1 alpha-2
    "admin1": None,         # US state code
    "lat": None,
    "lon": None,
    "timex_type": None,     # DATE, TIME, DURATION, SET
    "timex_value": None,    # TimeML value
    "citation": None,       # JSON string of an eyecite citation's fields (LAW)
}


TEXT_KEY = "legalnews.text"


def doc_text(doc: Doc) -> str:
    """`Doc.text`, built once per Doc: spaCy joins every token on each access, and five stages read it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


MENTION_FIELDS = tuple(SPAN_EXTENSIONS)  # every span extension is a column of the mentions table


def span_values(user_data: dict, start_char: int, end_char: int) -> list:
    """The MENTION_FIELDS values of the span at these offsets, read straight from `Doc.user_data` where
    spaCy's Underscore keeps them (every default here is None). `span._.name` costs a Python object
    and four lookups per read, and collect reads fourteen per mention."""
    get = user_data.get
    return [get(("._.", name, start_char, end_char)) for name in MENTION_FIELDS]


def register_extensions() -> None:
    """Idempotent: safe to call from every module and every worker process."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
