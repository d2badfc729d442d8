"""Resolvers of expressions counted from another time: deictic days ("yesterday", "tonight"), clock
times, "two years ago", chains from the last date resolved ("two days later", "the next morning")
and relative units ("last week", "the past quarter")."""
from __future__ import annotations

from datetime import date, timedelta

from ..calendar import (GRAN_ORDER, UNIT_GRAN, UNKNOWN_AT, Point, Timex, date_timex, day_value, duration_value,
                        last_day, shift, weekend, year_back_quarter)
from .registry import DECLINE, group, resolver, unit_code
from .values import timex_of


@resolver("clock")
def _clock(tables, m, dct, tense, ref):
    if group(m, "named"):
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m.group("named")]
    else:
        raw = m.group("hour")
        hh = int(raw) if raw.isdigit() else int(tables.number(raw) or 0)
        mm = int(group(m, "minute") or 0)
        ampm = (group(m, "ampm") or "").replace(".", "")
        dayhalf = group(m, "dayhalf") or group(m, "dayhalf_night")
        if dayhalf in ("afternoon", "evening") or (dayhalf == "night" and 6 <= hh < 12):
            ampm = "pm"  # "4 in the afternoon", "10 at night"; "2 at night" and "4 in the morning" stay a.m.
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            return None
    found = timex_of(tables, m.group("day_text"), dct, tense, ref)[0] if group(m, "day_text") else None
    if found is None or found.point is None or found.point.gran != "D":
        return Timex("TIME", day_value(dct, last_day(ref, dct)) + f"T{hh:02d}:{mm:02d}")
    day = found.point.day  # "5 p.m. EST, Nov. 6", "9 a.m. Tuesday", "12:19 p.m. EDT, Fri March 22, 2013"
    # the day written with the clock moves the story there: "at 8 p.m." after "2 p.m. Wednesday" is Wednesday's
    return Timex("TIME", day_value(dct, day) + f"T{hh:02d}:{mm:02d}", Point(day, "D"))


@resolver("deictic_day")
def _deictic_day(tables, m, dct, tense, ref):
    word = group(m, "deictic") or group(m, "rel")
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    part = group(m, "part")
    code = tables.words["part_of_day"][part] if part else ("NI" if word == "tonight" else "")
    if word in ("that", "early", "late", "mid"):
        base = last_day(ref, dct)
        return Timex("TIME", day_value(dct, base) + f"T{code}", Point(base, "D") if base else None) if code else None
    day = dct + timedelta(days=offset) if dct else None
    if code:
        return Timex("TIME", day_value(dct, day) + f"T{code}", Point(day, "D") if day else None)
    return date_timex(Point(day, "D")) if day else Timex("DATE", "XXXX-XX-XX")


@resolver("ago")
def _ago(tables, m, dct, tense, ref):
    """ "Two years ago" back from publication; "two weeks from now" (`from` group) ahead of it."""
    unit = unit_code(tables, m)
    plural = group(m, "num") is None and m.group("unit").endswith("s")
    n = None if plural else tables.number(group(m, "num"))  # "years ago": how many is not said
    gran = UNIT_GRAN[unit]
    ahead = group(m, "from") is not None
    if unit in ("TH", "TM", "TS") and dct is not None:
        return date_timex(Point(dct, "D"))  # "hours ago": today
    if n is None or dct is None:
        return Timex("DATE", UNKNOWN_AT.get(gran, "FUTURE_REF" if ahead else "PAST_REF"))
    if ahead:
        return date_timex(Point(shift(dct, n, unit), "D" if m.group("from") == "today" and gran == "W" else gran))
    if unit == "Y" and ref is not None and ref.gran == "Q":
        return date_timex(year_back_quarter(ref, dct, n))  # "a year ago" in a quarter's results: that quarter
    return date_timex(Point(shift(dct, -n, unit), gran))


@resolver("chain")
def _chain(tables, m, dct, tense, ref):
    unit = unit_code(tables, m)
    n = tables.number(group(m, "num"))
    base = ref or (Point(dct, "D") if dct else None)
    if base is None or n is None:
        return Timex("DATE", "XXXX-XX-XX")
    if unit in ("TH", "TM", "TS"):
        return date_timex(base) if base.gran == "D" else Timex("DATE", base.value(), base)
    sign = -1 if m.group("dir") in ("earlier", "before") else 1
    gran = max(UNIT_GRAN[unit], base.gran if base.gran in GRAN_ORDER else "Y", key=GRAN_ORDER.get)
    if unit == "Y" and base.gran == "Q" and sign < 0:
        return date_timex(year_back_quarter(base, dct, n))
    if unit == "Y" and base.gran in ("D", "M", "Q"):
        gran = base.gran  # a year after a day is a day; days after a year stay that year
    if gran in ("S", "H"):
        gran = "Y"
    return date_timex(Point(shift(base.day, sign * n, unit), gran))


@resolver("anchored_chain")
def _anchored_chain(tables, m, dct, tense, ref):
    """ "The day before yesterday", "the day after Christmas", "two weeks before Jan. 20": a shift from
    the date the expression names itself, not from the last one resolved. "A week from Monday" counts on
    from a day still to come unless the verb is past, and is a day ("the week before Thanksgiving" is a week)."""
    counted_from = m.group("dir") == "from"
    if counted_from and tense != "past":
        tense = "future"
    anchor, _ = timex_of(tables, m.group("anchor"), dct, tense, ref)
    if anchor is None or anchor.point is None or anchor.point.gran not in GRAN_ORDER:
        return DECLINE
    found = _chain(tables, m, dct, tense, anchor.point)
    if counted_from and anchor.point.gran == "D" and unit_code(tables, m) in ("D", "W") and found.point is not None:
        return date_timex(Point(found.point.day, "D"))
    return found


@resolver("chain_word")
def _chain_word(tables, m, dct, tense, ref):
    unit = unit_code(tables, m)
    base = ref or (Point(dct, "D") if dct else None)
    if base is None:
        return Timex("DATE", "XXXX-XX-XX")
    word = group(m, "dir") or "that"
    step = {"next": 1, "following": 1, "subsequent": 1, "after": 1, "later": 1,
            "previous": -1, "prior": -1, "preceding": -1, "before": -1, "earlier": -1}.get(word, 0)
    if unit in ("TH", "TM", "TS"):
        return None
    if unit == "WE":  # "that weekend", "the following weekend": the weekend of (after) the last week resolved
        return weekend(base.day, step)
    gran = UNIT_GRAN[unit]
    if GRAN_ORDER[gran] < GRAN_ORDER.get(base.gran, 5) and step == 0:
        return Timex("DATE", base.value(), base)
    gran = max(gran, base.gran if base.gran in GRAN_ORDER and base.gran not in ("S", "H") else "Y",
               key=GRAN_ORDER.get) if step else gran
    return date_timex(Point(shift(base.day, step, unit), gran))


@resolver("chain_part")
def _chain_part(tables, m, dct, tense, ref):
    """ "The next morning", "the previous night": a part of the day after (before) the last resolved day."""
    code = tables.words["part_of_day"][m.group("part")]
    base = last_day(ref, dct)
    if base is None:
        return Timex("TIME", f"XXXX-XX-XXT{code}")
    step = {"next": 1, "following": 1, "previous": -1, "prior": -1}.get(m.group("dir"), 0)
    day = base + timedelta(days=step)
    return Timex("TIME", f"{day.isoformat()}T{code}", Point(day, "D"))


@resolver("ordinal_unit")
def _ordinal_unit(tables, m, dct, tense, ref):
    """ "The second day of the offensive": a day (week...) counted from an event's start, not a duration.
    Said in the present tense ("today is the eighth day", "it's the second day") it is the publication's
    own; otherwise its calendar place is unknown."""
    gran = UNIT_GRAN[tables.words["unit"][m.group("unit")]]
    if tense == "present" and dct is not None:
        return date_timex(Point(dct, gran))
    return Timex("DATE", UNKNOWN_AT.get(gran, "XXXX"))


@resolver("relative_unit")
def _relative_unit(tables, m, dct, tense, ref):
    unit = unit_code(tables, m)
    gran = UNIT_GRAN[unit]
    rel = m.group("rel").replace("the ", "")
    step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
            "latest": -1}.get(rel, 0)
    if unit == "Q" and rel in ("the", "latest"):
        step = -1  # "the quarter" of a results story is the last one completed
    elif rel == "latest":
        step = 0 if unit in ("W", "M") else -1
    if unit == "WE" and step == 0 and tense != "future" and dct is not None and dct.isoweekday() < 6:
        step = -1
    if unit in ("TH", "TM", "TS"):
        return Timex("DURATION", f"PT1{unit[1]}")
    if m.group("unit").endswith("s"):
        return Timex("DURATION", duration_value(None, unit))
    if dct is None:
        return Timex("DATE", "XXXX-QX" if gran == "Q" else UNKNOWN_AT.get(gran, "XXXX"))
    if unit == "WE":
        return weekend(dct, step)
    half = {"the first half of": "H1", "the second half of": "H2", "the last half of": "H2"}.get(group(m, "pos") or "")
    if half and unit == "Y":  # "the first half of last year"
        year = shift(dct, step, unit).year
        return date_timex(Point(date(year, 1 if half == "H1" else 7, 1), "H", half))
    return date_timex(Point(shift(dct, step, unit), gran))

