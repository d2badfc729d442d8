"""Text to value: the first pattern of the table that matches the normalized text and whose resolver
does not decline decides; dateparser answers the shapes the table does not know. Results are cached
per (tables, text, anchor, tense, last point), so components reading different models folders in one
process never share an answer."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from ..calendar import Point, Timex, date_timex
from ..tables import DateTables
from .registry import DECLINE, RESOLVERS

__all__ = ["timex_of", "clear_caches"]

_DATEPARSER: dict = {}


def _dateparser_timex(text: str, dct: date | None, tense: str | None) -> Timex | None:
    """dateparser for the shapes the table does not know ("3/15/2025", "15.03.2025"); the period it
    reports gives the granularity. One parser per (anchor, tense), since its settings carry both."""
    if not re.search(r"\d", text):
        return None
    key = (dct, tense)
    if key not in _DATEPARSER:
        from dateparser.date import DateDataParser

        settings = {"PREFER_DATES_FROM": "future" if tense == "future" else "past",
                    "REQUIRE_PARTS": ["year"] if dct is None else []}
        if dct:
            settings["RELATIVE_BASE"] = datetime.combine(dct, datetime.min.time())
        _DATEPARSER[key] = DateDataParser(languages=["en"], settings=settings)
    try:
        data = _DATEPARSER[key].get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; an unparsed span keeps no value
        return None
    if data is None or data.date_obj is None:
        return None
    if dct is not None and str(data.date_obj.year) not in text and abs(data.date_obj.year - dct.year) > 1:
        return None  # a year dateparser made up from a stray number ("April 24 and 25" read as 2025)
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}.get(data.period or "day", "D")
    return date_timex(Point(data.date_obj.date(), gran))


@lru_cache(maxsize=65536)
def _timex_cached(tables: DateTables, text: str, dct: date | None, tense: str | None,
                  ref: Point | None) -> tuple[Timex | None, str]:
    norm = tables.normalize(text)
    for pid, regex, name in tables.patterns:
        m = regex.fullmatch(norm)
        if m and (found := RESOLVERS[name](tables, m, dct, tense, ref)) is not DECLINE:
            return found, pid
    found = _dateparser_timex(norm, dct, tense)
    return found, ("dateparser" if found else "unresolved")


def timex_of(tables: DateTables, text: str, dct: date | None, tense: str | None = None,
             ref: Point | None = None) -> tuple[Timex | None, str]:
    """(Timex or None when the text is not a temporal expression, id of the pattern that decided:
    "dateparser", or "unresolved" when nothing read it)."""
    return _timex_cached(tables, text, dct, tense, ref)


def clear_caches() -> None:
    """Forget resolved expressions and dateparser instances (for timing a cold start)."""
    _timex_cached.cache_clear()
    _DATEPARSER.clear()
