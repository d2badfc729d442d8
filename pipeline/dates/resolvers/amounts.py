"""Resolvers of lengths of time (DURATION: "three years", "a decade and a half") and of recurring
times (SET: "every Tuesday", "twice a year", "daily"), and of vague references ("recently")."""
from __future__ import annotations

from ..calendar import UNIT_GRAN, Point, Timex, count_text, date_timex, duration_value, shift
from .registry import group, month_number, resolver, unit_code


@resolver("duration")
def _duration(tables, m, dct, tense, ref):
    unit_text = m.group("unit")
    unit = tables.words["unit"][unit_text]
    raw = group(m, "num")
    n = tables.number(raw) if raw is not None else (None if unit_text.endswith("s") and unit_text != "hrs" else 1)
    if raw is None and unit_text.endswith("s") and unit_text not in ("hours", "minutes", "seconds"):
        n = None
    if m.group(0).lstrip().startswith(("half", "a half", "and a half")) or " half" in m.group(0):
        n = (n if raw is not None else 0) + 0.5
    if raw is None and group(m, "rel") in ("the past", "the last", "the latest") and not unit_text.endswith("s") \
            and dct is not None and unit not in ("TH", "TM", "TS", "WE"):
        return date_timex(Point(shift(dct, -1, unit), UNIT_GRAN[unit]))  # "the past year": the one before this
    if unit in ("Q",) and n is not None:
        unit, n = "M", 3 * n
    return Timex("DURATION", duration_value(n, unit))


@resolver("vague_units")
def _vague_units(tables, m, dct, tense, ref):
    unit = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE"}[m.group("vunit")]
    if m.group("rel") == "recent" and unit in ("Y",):
        return Timex("DATE", "PAST_REF")
    return Timex("DURATION", f"PX{unit}")


@resolver("set_unit")
def _set_unit(tables, m, dct, tense, ref):
    unit = unit_code(tables, m)
    raw = group(m, "num")
    n = 2 if raw == "other" else (tables.number(raw) if raw else 1)
    if unit == "WE":  # "every weekend": the weekend of each week; "every other weekend" one in two weeks
        return Timex("SET", "XXXX-WXX-WE" if n == 1 else f"P{count_text(n)}W")
    return Timex("SET", duration_value(n, unit))


@resolver("set_weekday")
def _set_weekday(tables, m, dct, tense, ref):
    parts = group(m, "parts")  # "Tuesday nights": every Tuesday night
    part = parts[:-1] if parts else group(m, "part")  # "every Saturday morning"
    suffix = f"T{tables.words['part_of_day'][part]}" if part else ""
    return Timex("SET", f"XXXX-WXX-{tables.words['weekday'][m.group('weekday')]}{suffix}")


@resolver("set_month")
def _set_month(tables, m, dct, tense, ref):
    return Timex("SET", f"XXXX-{month_number(tables, m):02d}")


@resolver("set_part")
def _set_part(tables, m, dct, tense, ref):
    """ "Every morning" (XXXX-XX-XXTMO), "each summer" (XXXX-SU): a part of the day or year, recurring."""
    if group(m, "part"):
        return Timex("SET", f"XXXX-XX-XXT{tables.words['part_of_day'][m.group('part')]}")
    return Timex("SET", f"XXXX-{tables.words['season'][m.group('season')]}")


@resolver("set_word")
def _set_word(tables, m, dct, tense, ref):
    return Timex("SET", tables.words["set_word"][m.group("set_word")])


@resolver("one_day")
def _one_day(tables, m, dct, tense, ref):
    """ "Islam will one day be...": with a future verb, an idiom for some time to come; else a day's length."""
    return Timex("DATE", "FUTURE_REF") if tense == "future" else Timex("DURATION", "P1D")


@resolver("vague")
def _vague(tables, m, dct, tense, ref):
    return Timex("DATE", tables.words["vague"][m.group("vague")])


_DATEPARSER: dict = {}

