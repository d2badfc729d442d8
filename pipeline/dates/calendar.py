"""Calendar arithmetic of TimeML values: dates at a granularity, shifts by TimeML units, holidays,
durations. Plain Python (no spaCy), so the resolvers' arithmetic can be read and tested apart."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.easter import easter

__all__ = ["GRAN_ORDER", "UNIT_GRAN", "UNKNOWN_AT", "YEAR_STEP", "NEAR_FUTURE_DAYS", "YEAR_BACK_DAYS",
           "Timex", "Point", "date_timex", "anchor_date", "add_months", "shift", "pick_year", "weekday_date",
           "nth_weekday", "holiday_date", "weekend", "year_back_quarter", "duration_value", "count_text",
           "day_value", "last_day", "ordered_range"]

GRAN_ORDER = {"D": 0, "W": 1, "M": 2, "Q": 3, "S": 3, "H": 4, "Y": 5, "DE": 6, "CE": 7}
UNIT_GRAN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "WE": "W",
             "TH": "D", "TM": "D", "TS": "D"}
UNKNOWN_AT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}  # a day, week or month not anchored
YEAR_STEP = {"last": -1, "next": 1, "this": 0}  # "... of last year"
NEAR_FUTURE_DAYS = 45  # a past-tense verb with a date this close ahead sets a deadline ("had set it to expire Nov. 6")
YEAR_BACK_DAYS = 365  # a quarter that began over a year before publication is already a year-ago quarter


@dataclass(frozen=True)
class Timex:
    """A resolved expression: TIMEX3 type and value; `point` when it names a calendar date a chain can follow."""

    type: str
    value: str
    point: "Point | None" = None


@dataclass(frozen=True)
class Point:
    """A calendar date at a granularity (D, W, M, Q, S, H, Y, DE, CE); S and H keep their code in `code`."""

    day: date
    gran: str
    code: str = ""

    def value(self) -> str:
        d = self.day
        if self.gran == "D":
            return d.isoformat()
        if self.gran == "W":
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}"
        if self.gran == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran in ("S", "H"):
            return f"{d.year:04d}-{self.code}"
        if self.gran == "DE":
            return f"{d.year // 10:03d}"
        if self.gran == "CE":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"

    def at(self, gran: str) -> "Point":
        return Point(self.day, gran)


def date_timex(p: Point) -> Timex:
    """The DATE a point names, keeping the point for the chains after it."""
    return Timex("DATE", p.value(), p)


def anchor_date(published_at: str | None) -> date | None:
    """The document creation time as a date; None when absent or unreadable."""
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(published_at[:10])
        except ValueError:
            return None


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    if not 1 <= y <= 9999:
        return d
    day = min(d.day, [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31,
                      30, 31][m])
    return date(y, m + 1, day)


def shift(d: date, n: float, unit: str) -> date:
    """`d` moved by `n` TimeML units (D, W, M, Q, Y, DE, CE)."""
    try:
        if unit in ("D", "TH", "TM", "TS"):
            return d + timedelta(days=int(n) if unit == "D" else 0)
        if unit in ("W", "WE"):
            return d + timedelta(weeks=int(n))
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
        return add_months(d, int(n * months))
    except OverflowError:
        return d


def pick_year(dct: date, month: int, day: int | None, tense: str | None, rel: str | None = None) -> int:
    """The year that puts month(/day) on the side of the publication date the tense asks for."""
    here = (month, day or 0)
    now = (dct.month, dct.day if day else 0)
    if rel in ("last", "this past", "the past") or (rel is None and tense == "past"):
        strict = rel is not None
        return dct.year if (here < now or (here == now and not strict)) else dct.year - 1
    if rel in ("next", "this coming", "the coming") or (rel is None and tense == "future"):
        strict = rel is not None
        return dct.year if (here > now or (here == now and not strict)) else dct.year + 1
    if rel == "this":
        return dct.year
    candidates = [date(dct.year + k, month, min(day or 1, 28)) for k in (-1, 0, 1)]
    return min(candidates, key=lambda c: (abs((c - dct).days), c > dct)).year


def weekday_date(target: int, dct: date, tense: str | None, rel: str | None) -> date:
    """The ISO weekday `target` nearest `dct` on the side `rel` or the tense names."""
    delta = target - dct.isoweekday()
    if rel in ("next", "this coming", "coming"):
        return dct + timedelta(days=delta if delta > 0 else delta + 7)
    if rel is None and tense == "future":
        return dct + timedelta(days=delta if delta >= 0 else delta + 7)
    if rel == "this":
        return dct + timedelta(days=delta)
    if rel in ("last", "this past", "past"):
        return dct + timedelta(days=delta if delta < 0 else delta - 7)
    if rel is None and tense == "either":
        return dct + timedelta(days=min(delta % 7, delta % 7 - 7, key=abs))
    return dct + timedelta(days=delta if delta <= 0 else delta - 7)


def nth_weekday(year: int, month: int, weekday: int, nth: str) -> date:
    first = date(year, month, 1)
    if nth == "L":
        last = add_months(first, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))


def holiday_date(code: str, year: int) -> date:
    """The day a holiday code of the lexicon names in `year`: "12-25" (fixed), "11-4-4" (the fourth
    Thursday; "L" the last), "11-02+2" (the first Tuesday on or after Nov. 2: Election Day) or
    "easter-2" (days from Western Easter, as dateutil computes it)."""
    if code.startswith("easter"):
        return easter(year) + timedelta(days=int(code[6:] or 0))
    if "+" in code:
        start, weekday = code.split("+")
        first = date(year, int(start[:2]), int(start[3:]))
        return first + timedelta(days=(int(weekday) - first.isoweekday()) % 7)
    parts = code.split("-")
    if len(parts) == 2:
        return date(year, int(parts[0]), int(parts[1]))
    return nth_weekday(year, int(parts[0]), int(parts[1]), parts[2])


def weekend(day: date, step: int = 0) -> Timex:
    """The weekend of `day`'s ISO week (`step` weeks on): its Saturday, written YYYY-Www-WE."""
    saturday = day + timedelta(days=6 - day.isoweekday() + 7 * step)
    year, week, _ = saturday.isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}-WE", Point(saturday, "W"))


def year_back_quarter(quarter: Point, dct: date | None, n: float) -> Point:
    """The quarter `n` years before a results story's quarter. Results stories alternate "the third
    quarter" with "the year-earlier quarter", so the last quarter named may already be the year-ago
    one; then "a year ago" / "a year earlier" is that same quarter, not one more year back."""
    if dct is not None and (dct - quarter.day).days >= YEAR_BACK_DAYS * n:
        return Point(quarter.day, "Q")
    return Point(shift(quarter.day, -n, "Y"), "Q")


def duration_value(n: float | None, unit: str) -> str:
    """The TimeML duration of `n` units ("P3Y", "PT5H30M"); an unknown count is X."""
    if unit == "WE":
        unit, n = "D", (2 * n if n is not None else None)
    if unit in ("TH", "TM") and n is not None and n != int(n):
        small = "M" if unit == "TH" else "S"  # "5 1/2 hours" is PT5H30M, "half an hour" PT30M
        rest = f"{round((n - int(n)) * 60)}{small}"
        return f"PT{int(n)}{unit[1]}{rest}" if n > 1 else f"PT{rest}"
    if unit in ("TH", "TM", "TS"):
        return f"PT{count_text(n)}{unit[1]}"
    if n is not None and n != int(n):
        if unit == "Y":
            return f"P{int(n)}Y{round((n - int(n)) * 12)}M" if n > 1 else f"P{round(n * 12)}M"
        if unit == "M":
            return f"P{int(n * 30)}D"
        if unit == "D":
            return f"PT{int(n * 24)}H"
    if unit == "DE" and n is not None:
        return f"P{int(n * 10)}Y"
    if unit == "CE" and n is not None:
        return f"P{int(n * 100)}Y"
    return f"P{count_text(n)}{unit}"


def count_text(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


def day_value(dct: date | None, d: date | None, suffix: str = "") -> str:
    return (d.isoformat() if d else "XXXX-XX-XX") + suffix


def last_day(ref: Point | None, dct: date | None) -> date | None:
    """The day a chain ("that night", "the next morning") hangs on: the last day resolved, else publication."""
    return ref.day if ref is not None and ref.gran == "D" else dct


def ordered_range(start: Timex, end: Timex, dct: date | None, tense: str | None) -> tuple[Timex, Timex]:
    """The ends of a range, each resolved alone, put back in order. "Were held from Tuesday to Thursday"
    said on a Wednesday ends last Thursday, so it began the Tuesday before; "will be held Monday through
    Thursday" ends the Thursday after that Monday; "runs Dec. 26 through Jan. 5" said on Dec. 31 is the
    one under way."""
    a, b = start.point, end.point
    if a is None or b is None or a.gran != b.gran or a.gran not in ("D", "M") or b.day >= a.day:
        return start, end
    unit = "W" if (a.day - b.day).days < 7 else "Y"
    earlier, later = shift(a.day, -1, unit), shift(b.day, 1, unit)
    if tense == "past" or (unit == "Y" and dct is not None and earlier <= dct <= b.day):
        return date_timex(Point(earlier, a.gran)), end
    return start, date_timex(Point(later, b.gran))
