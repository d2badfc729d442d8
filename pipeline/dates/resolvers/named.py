"""Resolvers of expressions that name a calendar unit: dates, months, years, decades, centuries,
weekdays, weeks, holidays, seasons, quarters and halves, placed on the side of the publication date
the tense (or a "last" / "next") asks for."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..calendar import (NEAR_FUTURE_DAYS, YEAR_STEP, Point, Timex, add_months, date_timex, holiday_date, last_day,
                        pick_year, shift, weekday_date, weekend)
from .registry import group, month_number, resolver


@resolver("drop")
def _drop(tables, m, dct, tense, ref):
    return None


@resolver("absolute")
def _absolute(tables, m, dct, tense, ref):
    year, month = int(m.group("year")), month_number(tables, m)
    if not 1 <= month <= 12:
        return Timex("DATE", f"{year:04d}")
    if group(m, "day"):
        try:
            return date_timex(Point(date(year, month, int(m.group("day"))), "D"))
        except ValueError:
            return Timex("DATE", f"{year:04d}-{month:02d}")
    return date_timex(Point(date(year, month, 1), "M"))


@resolver("month_of_ref_year")
def _month_of_ref_year(tables, m, dct, tense, ref):
    month = month_number(tables, m)
    base = ref or (Point(dct, "D") if dct else None)
    if base is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    step = {"following": 1, "next": 1, "previous": -1, "prior": -1}.get(m.group("chain"), 0)
    if group(m, "day"):  # "Feb. 3 of that year"
        try:
            return date_timex(Point(date(base.day.year + step, month, int(m.group("day"))), "D"))
        except ValueError:
            pass
    return date_timex(Point(date(base.day.year + step, month, 1), "M"))


@resolver("month_of_rel_year")
def _month_of_rel_year(tables, m, dct, tense, ref):
    month = month_number(tables, m)
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    step = {"last": -1, "next": 1}.get(m.group("rel"), 0)
    return date_timex(Point(date(dct.year + step, month, 1), "M"))


@resolver("month_day")
def _month_day(tables, m, dct, tense, ref):
    month, day = month_number(tables, m), int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        if tense == "past" and 0 < (date(dct.year, month, day) - dct).days <= NEAR_FUTURE_DAYS:
            tense = None
        return date_timex(Point(date(pick_year(dct, month, day, tense, group(m, "rel")), month, day), "D"))
    except ValueError:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")


@resolver("month")
def _month(tables, m, dct, tense, ref):
    month = month_number(tables, m)
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    if tense == "past" and month == dct.month + 1:
        # the coming month under a past verb is a plan or deadline ("orders for November delivery"), unless
        # it opens the next year: "In January, the ship ran aground" in a December story is this January
        tense = None
    return date_timex(Point(date(pick_year(dct, month, None, tense, group(m, "rel")), month, 1), "M"))


@resolver("year")
def _year(tables, m, dct, tense, ref):
    if group(m, "yy"):
        yy = int(m.group("yy"))
        century = (dct.year // 100 * 100) if dct else 1900
        year = century + yy if century + yy <= (dct.year if dct else 2000) + 10 else century - 100 + yy
        return date_timex(Point(date(year, 1, 1), "Y"))
    return date_timex(Point(date(int(m.group("year")), 1, 1), "Y"))


@resolver("year_pair")
def _year_pair(tables, m, dct, tense, ref):
    """ "The 2012-13 term", "2012/13", "1999-2000": a season across two years, dated by the year it starts;
    "2012-03" (an ISO month) is that month."""
    year, tail = int(m.group("year")), m.group("next_year")
    if int(tail) in ((year + 1) % 100, year + 1):
        return date_timex(Point(date(year, 1, 1), "Y"))
    if len(tail) == 2 and 1 <= int(tail) <= 12 and "-" in m.group(0):
        return date_timex(Point(date(year, int(tail), 1), "M"))
    return None


@resolver("decade")
def _decade(tables, m, dct, tense, ref):
    if group(m, "decade"):
        return Timex("DATE", m.group("decade"))
    century = (dct.year // 100) if dct else 19
    word = group(m, "decword")
    digit = int(tables.words["tens"][word[:-3] + "y"]) if word else int(m.group("dd"))
    if dct and century * 100 + digit * 10 > dct.year:
        century -= 1
    return Timex("DATE", f"{century:02d}{digit}")


@resolver("century")
def _century(tables, m, dct, tense, ref):
    """ "The 18th century" is TimeML "17" (the years 17xx); "the 1800s" (`hundreds`) names the years
    18xx outright, so "18". "The 1900s" and "the 2000s" are left to the decade shape: news uses them
    for the first decade as often as for the century."""
    if group(m, "hundreds"):
        return Timex("DATE", m.group("hundreds"))
    return Timex("DATE", f"{int(tables.words['ordinal'][m.group('ord')]) - 1:02d}")


@resolver("week_of")
def _week_of(tables, m, dct, tense, ref):
    found = _month_day(tables, m, dct, tense, ref)
    if found is None or found.point is None:
        return Timex("DATE", "XXXX-WXX")
    return date_timex(found.point.at("W"))


@resolver("week_of_month")
def _week_of_month(tables, m, dct, tense, ref):
    """ "The first week of March" (the ISO week holding March 1...7), "the last week of February"."""
    month = month_number(tables, m)
    if group(m, "year"):
        year = int(m.group("year"))
    elif dct is None:
        return Timex("DATE", "XXXX-WXX")
    else:
        year = pick_year(dct, month, None, tense)
    first = date(year, month, 1)
    if m.group("wk") in ("last", "final"):
        last_day = add_months(first, 1) - timedelta(days=1)
        thursday = last_day - timedelta(days=(last_day.isoweekday() - 4) % 7)
    else:  # as ISO weeks do, a week belongs to the month that holds its Thursday
        n = ["first", "second", "third", "fourth"].index(m.group("wk"))
        thursday = first + timedelta(days=(4 - first.isoweekday()) % 7 + 7 * n)
    return date_timex(Point(thursday, "W"))


@resolver("weekday")
def _weekday(tables, m, dct, tense, ref):
    part = group(m, "part")
    suffix = f"T{tables.words['part_of_day'][part]}" if part else ""
    if dct is None:
        value = f"XXXX-WXX-{tables.words['weekday'][m.group('weekday')]}"
        return Timex("TIME" if part else "DATE", value + suffix)
    rel = group(m, "rel")
    target = int(tables.words["weekday"][m.group("weekday")])
    if rel in ("the previous", "the following", "the next", "that"):
        base = last_day(ref, dct)
        day = weekday_date(target, base, "future" if rel != "the previous" else "past",
                           "next" if rel in ("the following", "the next") else ("last" if rel == "the previous" else None))
    else:
        day = weekday_date(target, dct, tense, rel)
    if part:
        return Timex("TIME", day.isoformat() + suffix, Point(day, "D"))
    return date_timex(Point(day, "D"))


@resolver("weekday_of_week")
def _weekday_of_week(tables, m, dct, tense, ref):
    """ "Tuesday last week", "Monday of next week": that weekday in the week named, whatever the tense."""
    weekday = int(tables.words["weekday"][m.group("weekday")])
    if dct is None:
        return Timex("DATE", f"XXXX-WXX-{weekday}")
    monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=YEAR_STEP[m.group("rel")])
    return date_timex(Point(monday + timedelta(days=weekday - 1), "D"))


@resolver("holiday")
def _holiday(tables, m, dct, tense, ref):
    code = tables.words["holiday"][m.group("holiday")]
    span = group(m, "span")
    if group(m, "year"):
        year = int(m.group("year"))
    elif dct is None:
        if span:
            return Timex("DATE", "XXXX-WXX-WE" if span == "weekend" else "XXXX-WXX")
        fixed = re.fullmatch(r"\d\d-\d\d", code)
        return Timex("DATE", f"XXXX-{code}" if fixed else f"XXXX-{code[:2]}" if code[0].isdigit() else "XXXX-XX-XX")
    else:
        this_year = holiday_date(code, dct.year)
        if span and abs((this_year - dct).days) < 7 and group(m, "rel") is None:
            year = dct.year  # "Easter week" said during it
        else:
            year = pick_year(dct, this_year.month, this_year.day, tense, group(m, "rel"))
    day = holiday_date(code, year)
    if span == "week":
        return date_timex(Point(day, "W"))
    if span == "weekend":  # a Monday holiday closes the weekend before it, any other day the weekend of its week
        return weekend(day, -1 if day.isoweekday() == 1 else 0)
    return date_timex(Point(day, "D"))


@resolver("season")
def _season(tables, m, dct, tense, ref):
    code = tables.words["season"][m.group("season")]
    if group(m, "year"):
        return date_timex(Point(date(int(m.group("year")), 1, 1), "S", code))
    if dct is None:
        return Timex("DATE", f"XXXX-{code}")
    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if group(m, "yrel"):  # "the summer of last year"
        return date_timex(Point(date(dct.year + YEAR_STEP[m.group("yrel")], month, 1), "S", code))
    rel = group(m, "rel")
    if rel == "that" and ref is not None:  # "in 2015. That summer, ..."
        return date_timex(Point(date(ref.day.year, month, 1), "S", code))
    rel = None if rel in ("the", "that") else rel
    started = dct.year if date(dct.year, month, 1) <= dct else dct.year - 1
    current = (dct - date(started, month, 1)).days < 91
    if rel == "this" and not current:
        year = dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year
    elif rel in ("last", "this past", "the past"):
        year = started - 1 if current else started
    elif rel in ("next", "this coming", "the coming"):
        year = started + 1
    elif current or rel == "this":
        year = started if current else (started + 1 if tense == "future" else started)
    else:
        year = started + 1 if tense == "future" else started
    return date_timex(Point(date(year, month, 1), "S", code))


@resolver("quarter")
def _quarter(tables, m, dct, tense, ref):
    code = group(m, "qn") or group(m, "qn2")  # "Q4 2012", "4Q 2012"
    ordinal = group(m, "ord") or code
    rel = group(m, "rel")
    step = YEAR_STEP.get(group(m, "yrel") or "")  # "the fourth quarter of last year"
    if group(m, "year") or group(m, "pyear"):
        year = int(group(m, "year") or m.group("pyear"))
    elif dct is None:
        return Timex("DATE", f"XXXX-Q{code or tables.words['ordinal'][ordinal]}" if ordinal else "XXXX-QX")
    elif step is not None:
        return date_timex(Point(date(dct.year + step, 3 * int(code or tables.words["ordinal"][ordinal]) - 2, 1), "Q"))
    else:
        year = dct.year
    if ordinal:
        q = int(code or tables.words["ordinal"][ordinal])
        if q > 4:
            return None
        if not (group(m, "year") or group(m, "pyear")) and rel in (None, "fiscal") and dct and tense != "future" and q > (dct.month - 1) // 3 + 1:
            year -= 1
        if not group(m, "year") and rel in ("last", "last year's") and dct:
            year -= 1
        if not group(m, "year") and rel == "next year's" and dct:
            year += 1
        if rel == "this year's":
            year = dct.year if dct else year
        return date_timex(Point(date(year, 3 * q - 2, 1), "Q"))
    if dct is None:
        return Timex("DATE", "XXXX-QX")
    if ref is not None and ref.gran == "Y" and rel in ("year-earlier", "year-ago", "year earlier") \
            and not m.group(0).endswith(("quarter", "period")):
        # after "the nine months" (this year) the year before; after "last year" / "the 1988 period" that same year
        year = ref.day.year if ref.day.year == dct.year - 1 else ref.day.year - 1
        return date_timex(Point(date(year, 1, 1), "Y"))
    if group(m, "year"):
        completed = shift(dct, -1, "Q")
        return date_timex(Point(date(int(m.group("year")), completed.month, 1), "Q"))
    step = {"current": 0, "this": 0, "same": 0, "year-earlier": -5, "year-ago": -5, "year earlier": -5,
            "comparable": -5}.get(rel or "", -1)
    return date_timex(Point(shift(dct, step, "Q"), "Q"))


@resolver("half")
def _half(tables, m, dct, tense, ref):
    named = group(m, "year") or group(m, "hyear")
    step = YEAR_STEP.get(group(m, "yrel") or "", 0)
    year = int(named) if named else (dct.year + step if dct else None)
    number = group(m, "hn") or group(m, "hn2")  # "H2 2012", "2H 2012"
    code = f"H{number}" if number else "H1" if m.group("half") == "first" else "H2"  # "the last half" is the second
    if year is None:
        return Timex("DATE", f"XXXX-{code}")
    return date_timex(Point(date(year, 1 if code == "H1" else 7, 1), "H", code))


@resolver("quarter_century")
def _quarter_century(tables, m, dct, tense, ref):
    """ "A quarter of a century", "a quarter-century": 25 years, not a quarter and a century."""
    return Timex("DURATION", "P25Y")


@resolver("this_unit_year")
def _this_unit_year(tables, m, dct, tense, ref):
    return date_timex(Point(dct, "Y")) if dct else Timex("DATE", "XXXX")


@resolver("new_year")
def _new_year(tables, m, dct, tense, ref):
    """ "In the new year": the year that begins on the New Year's Day nearest the publication, so said
    in December the next one and in January the one just begun."""
    if dct is None:
        return Timex("DATE", "XXXX")
    return date_timex(Point(date(dct.year + (dct.month >= 7), 1, 1), "Y"))


@resolver("year_end_day")
def _year_end_day(tables, m, dct, tense, ref):
    """ "By year-end", "since year-end": the year's closing day, as accounts use the word ("the end of
    the year" stays the year); the past tense or "since" points to the last one."""
    if dct is None:
        return Timex("DATE", "XXXX-12-31")
    return date_timex(Point(date(pick_year(dct, 12, 31, tense), 12, 31), "D"))

