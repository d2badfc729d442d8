"""Dates stage: TimeML type and value for every DATE mention, anchored on `published_at`."""
from __future__ import annotations

import re
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions

register_extensions()

_YEAR = re.compile(r"^(?:in\s+)?(\d{4})$")


def anchor_date(published_at: str | None) -> date | None:
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at).date()
    except ValueError:
        return None


def resolve(text: str, anchor: date | None) -> tuple[str, str]:
    """(timex_type, value) for one expression."""
    m = _YEAR.match(text.strip())
    if m:
        return "DATE", m.group(1)
    import dateparser

    settings = {"RELATIVE_BASE": datetime.combine(anchor, datetime.min.time())} if anchor else {}
    parsed = dateparser.parse(text, languages=["en"], settings={**settings, "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return "DATE", "XXXX-XX-XX"
    return "DATE", parsed.date().isoformat()


class TimexResolver:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        anchor = anchor_date(doc._.published_at)
        for ent in doc.ents:
            if ent.label_ == "DATE":
                ent._.timex_type, ent._.timex_value = resolve(ent.text, anchor)
        return doc


@Language.factory("legalnews_timex", assigns=["span._.timex_type", "span._.timex_value"],
                  default_config={"models_dir": ""})
def make_timex_resolver(nlp: Language, name: str, models_dir: str) -> TimexResolver:
    return TimexResolver(name)
