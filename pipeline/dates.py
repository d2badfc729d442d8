"""Dates stage: TimeML type and value for every DATE mention, anchored on `published_at`.

Works like a rule-based temporal tagger (HeidelTime's approach): a table of expression shapes
(`models/dates/patterns.jsonl`) filled from a lexicon (`models/dates/lexicon.jsonl`), each shape
naming the resolver below that turns it into a TIMEX3 value. Relative expressions are anchored on
the publication date, read in the tense of the verb that governs them ("returned on Wednesday" is
the last one, "will rule on Friday" the next); chains ("two days later") on the last date the text
resolved. dateparser answers the shapes the table does not know. The component also repairs spans
the model gets wrong for TimeML: ages and bare numbers out, "between 2018 and 2021" split in two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

import srsly
from dateutil.easter import easter
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import register_extensions

register_extensions()

__all__ = ["Timex", "Point", "DateTables", "TimexResolver", "anchor_date", "resolve", "governing_tense", "clear_caches"]

GRAN_ORDER = {"D": 0, "W": 1, "M": 2, "Q": 3, "S": 3, "H": 4, "Y": 5, "DE": 6, "CE": 7}
_UNIT_GRAN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "WE": "W",
              "TH": "D", "TM": "D", "TS": "D"}
_MODIFIERS = re.compile(
    r"^(?:(?:about|around|approximately|roughly|nearly|almost|more than|less than|fewer than|longer than|"
    r"shorter than|over|under|at least|at most|up to|just|only|barely|well over|well under|as many as|"
    r"as much as|as long as|as early as|as late as|no later than|no earlier than|no more than|until|till|"
    r"through|throughout|since|from|between|by|on|in|at|for|during|within|of|before|after|upwards of|"
    r"some|nearly all of|the better part of|all|least|most|sometime|both|its|their|his|her|our)\s+)+")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "must", "would", "should", "may", "might", "can", "ca"}
_FUTURE_LEMMAS = {"schedule", "reschedule", "slate", "expect", "plan", "intend", "anticipate", "postpone",
                  "due", "hope", "aim", "promise", "vow", "threaten", "delay", "adjourn", "await", "forecast",
                  "slated"}  # the model lemmatizes "slated" as "slat"
# adjectives that date something still to come: "payable Dec. 15", "effective Feb. 1", "the upcoming hearing"
_FUTURE_ADJECTIVES = {"upcoming", "pending", "payable", "effective"}
NEAR_FUTURE_DAYS = 45  # a past-tense verb with a date this close ahead sets a deadline ("had set it to expire Nov. 6")
_SCHEDULING_LEMMAS = {"set", "move", "continue", "defer", "push", "put"}
# a date inside what someone agreed or was ordered to do comes after the commitment: either side of publication
_COMMITTING_LEMMAS = {"agree", "order", "promise", "pledge", "decide", "vote", "move", "seek", "ask", "offer",
                      "propose"}
_REPORTING_LEMMAS = {"say", "tell", "announce", "report", "confirm", "deny", "insist", "acknowledge", "admit",
                     "disclose", "reveal", "warn"}
# what is held on a set day, so that "Friday's hearing will decide" is a coming one (a ruling is not)
_SCHEDULED_EVENTS = {"hearing", "vote", "election", "meeting", "trial", "retrial", "summit", "session", "arraignment",
                     "sentencing", "debate", "deadline", "primary", "referendum", "conference", "talks", "game",
                     "ceremony", "rally", "march", "protest", "deposition", "argument", "runoff", "auction", "date"}
_SETTING_LEMMAS = {"set", "schedule", "reschedule", "slate", "ask", "request", "seek", "propose", "plan", "call"}
_DEFERRING_LEMMAS = {"postpone", "delay", "adjourn", "defer", "extend", "push", "reschedule"}
_UNKNOWN_AT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}  # a day, week or month not anchored
_YEAR_STEP = {"last": -1, "next": 1, "this": 0}  # "... of last year"
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


class DateTables:
    """The lexicon and the compiled pattern table from `models/dates/`."""

    def __init__(self, folder: Path):
        self.words: dict[str, dict[str, str]] = {}
        self.deictic: dict[str, str] = {}
        self.timeml_adds: set[str] = set()
        for entry in srsly.read_jsonl(folder / "lexicon.jsonl"):
            table = self.words.setdefault(entry["kind"], {})
            for alias in entry["aliases"]:
                table[alias] = entry["value"]
                if entry.get("deictic"):
                    self.deictic[alias] = entry["value"]
            self.timeml_adds.update(entry.get("timeml_adds", []))
        units = "|".join(a for a, v in self.words["number"].items() if v.isdigit() and int(v) < 10 and " " not in a
                         and len(a) > 2)
        tens = "|".join(self.words.get("tens", {}))
        self.spelled_year = re.compile(rf"\b(nineteen|twenty) ({tens})(?:[- ]({units}))?\b|\btwo thousand(?: and)?(?: ({units}))?\b")
        fill = {
            "MONTH": self._group("month", "month"), "WEEKDAY": self._group("weekday", "weekday"),
            "SEASON": self._group("season", "season"), "UNIT": self._group("unit", "unit"),
            "PART": self._group("part", "part_of_day"), "ORD": self._group("ord", "ordinal"),
            "HOLIDAY": self._group("holiday", "holiday"), "VAGUE": self._group("vague", "vague"),
            "SET_WORD": self._group("set_word", "set_word"), "NOT_TEMPORAL": self._group(None, "not_temporal"),
            "NUMWORD": self._group(None, "number"),
            "NUM": r"(?P<num>\d+(?:\.\d+)?(?: 1/2)?|(?:" + "|".join(self.words["tens"]) + r")[- ](?:" + self._units()
                   + ")|" + self._alternatives("number") + ")",
            "YEAR": r"(?P<year>1\d{3}|20\d{2}|21\d{2})", "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?",
            "POS": r"(?P<pos>early|mid|late|the end of|the beginning of|the middle of|the start of|end of|"
                   r"beginning of|the rest of)",
        }
        self.patterns: list[tuple[str, re.Pattern, str]] = []
        for entry in srsly.read_jsonl(folder / "patterns.jsonl"):
            regex = re.sub(r"\{([A-Z_]+)\}", lambda m: fill[m.group(1)], entry["pattern"])
            try:
                self.patterns.append((entry["id"], re.compile(f"(?:{regex})"), entry["resolver"]))
            except re.error as err:
                raise ValueError(f"{folder / 'patterns.jsonl'}: pattern {entry['id']!r}: {err}") from err

    def _alternatives(self, kind: str) -> str:
        return "|".join(re.escape(a) for a in sorted(self.words[kind], key=len, reverse=True))

    def _group(self, name: str | None, kind: str) -> str:
        return f"(?P<{name}>{self._alternatives(kind)})" if name else f"(?:{self._alternatives(kind)})"

    def _units(self) -> str:
        return "|".join(a for a, v in self.words["number"].items() if v.isdigit() and int(v) < 10 and len(a) > 2)

    def number(self, text: str | None) -> float | None:
        """1 for "a", 2 for "two", 2.5 for "2 1/2"; None for vague amounts ("several")."""
        if text is None:
            return 1
        text = text.strip()
        if text.endswith(" 1/2"):
            return float(text[:-4]) + 0.5
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return float(text)
        value = self.words["number"].get(text)
        compound = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", text)
        if value is None and compound and compound.group(1) in self.words["tens"]:
            unit = self.words["number"].get(compound.group(2))
            return 10 * float(self.words["tens"][compound.group(1)]) + float(unit) if unit else None
        return None if value in (None, "X") else float(value)


def normalize(text: str, tables: "DateTables | None" = None) -> str:
    """Lowercase, one space, typographic quotes and dashes made plain, spelled-out years as digits
    ("nineteen ninety-six"), modifiers and prepositions off."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:\"()")
    t = re.sub(r"(?:'s|')$", "", t).strip()
    t = re.sub(r"\b(mid|early|late|fiscal)-(?=[a-z'\d])", r"\1 ", t)
    if tables is not None and ("nineteen" in t or "twenty" in t or "thousand" in t):
        t = tables.spelled_year.sub(lambda m: _spelled(tables, m), t)
    t = _MODIFIERS.sub("", t)
    t = re.sub(r" or so\b", "", t)
    t = re.sub(r"^the (early|late|mid) ", r"\1 ", t)
    t = re.sub(r"^(later|earlier|early|late) in the (day|week|month|year)$", r"\1 this \2", t)
    t = re.sub(r"^an? (?=\d)", "", t)
    return t.rstrip(".") if not re.search(r"\b(?:[ap]\.m|jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.$", t) else t


def _spelled(tables: "DateTables", m: re.Match) -> str:
    number = tables.words["number"]
    if m.group(0).startswith("two thousand"):
        return str(2000 + int(number.get(m.group(4) or "", 0) or 0))
    century = 19 if m.group(1) == "nineteen" else 20
    return str(century * 100 + 10 * int(tables.words["tens"][m.group(2)]) + int(number.get(m.group(3) or "", 0) or 0))


# ---------------------------------------------------------------------------------------------
# Resolvers: one per pattern family. Each gets the match, the publication date, the tense of the
# governing verb ("past", "future" or None) and the last resolved point; returns a Timex, None (not
# a temporal expression) or DECLINE (the shape matched but its parts do not resolve: try the next pattern).
# ---------------------------------------------------------------------------------------------

DECLINE = object()
Resolver = Callable[["DateTables", re.Match, "date | None", "str | None", "Point | None"], "Timex | None | object"]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str):
    def register(fn: Resolver) -> Resolver:
        RESOLVERS[name] = fn
        return fn
    return register


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _date(p: Point) -> Timex:
    return Timex("DATE", p.value(), p)


def _month_num(tables: DateTables, m: re.Match) -> int:
    if _g(m, "mnum"):
        return int(m.group("mnum"))
    return int(tables.words["month"][m.group("month")])


def _pick_year(dct: date, month: int, day: int | None, tense: str | None, rel: str | None = None) -> int:
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


@resolver("drop")
def _drop(tables, m, dct, tense, ref):
    return None


@resolver("absolute")
def _absolute(tables, m, dct, tense, ref):
    year, month = int(m.group("year")), _month_num(tables, m)
    if not 1 <= month <= 12:
        return Timex("DATE", f"{year:04d}")
    if _g(m, "day"):
        try:
            return _date(Point(date(year, month, int(m.group("day"))), "D"))
        except ValueError:
            return Timex("DATE", f"{year:04d}-{month:02d}")
    return _date(Point(date(year, month, 1), "M"))


@resolver("month_of_ref_year")
def _month_of_ref_year(tables, m, dct, tense, ref):
    month = _month_num(tables, m)
    base = ref or (Point(dct, "D") if dct else None)
    if base is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    step = {"following": 1, "next": 1, "previous": -1, "prior": -1}.get(m.group("chain"), 0)
    if _g(m, "day"):  # "Feb. 3 of that year"
        try:
            return _date(Point(date(base.day.year + step, month, int(m.group("day"))), "D"))
        except ValueError:
            pass
    return _date(Point(date(base.day.year + step, month, 1), "M"))


@resolver("month_of_rel_year")
def _month_of_rel_year(tables, m, dct, tense, ref):
    month = _month_num(tables, m)
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    step = {"last": -1, "next": 1}.get(m.group("rel"), 0)
    return _date(Point(date(dct.year + step, month, 1), "M"))


@resolver("month_day")
def _month_day(tables, m, dct, tense, ref):
    month, day = _month_num(tables, m), int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        if tense == "past" and 0 < (date(dct.year, month, day) - dct).days <= NEAR_FUTURE_DAYS:
            tense = None
        return _date(Point(date(_pick_year(dct, month, day, tense, _g(m, "rel")), month, day), "D"))
    except ValueError:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")


@resolver("month")
def _month(tables, m, dct, tense, ref):
    month = _month_num(tables, m)
    if dct is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    if tense == "past" and month == dct.month + 1:
        # the coming month under a past verb is a plan or deadline ("orders for November delivery"), unless
        # it opens the next year: "In January, the ship ran aground" in a December story is this January
        tense = None
    return _date(Point(date(_pick_year(dct, month, None, tense, _g(m, "rel")), month, 1), "M"))


@resolver("year")
def _year(tables, m, dct, tense, ref):
    if _g(m, "yy"):
        yy = int(m.group("yy"))
        century = (dct.year // 100 * 100) if dct else 1900
        year = century + yy if century + yy <= (dct.year if dct else 2000) + 10 else century - 100 + yy
        return _date(Point(date(year, 1, 1), "Y"))
    return _date(Point(date(int(m.group("year")), 1, 1), "Y"))


@resolver("year_pair")
def _year_pair(tables, m, dct, tense, ref):
    """ "The 2012-13 term", "2012/13", "1999-2000": a season across two years, dated by the year it starts;
    "2012-03" (an ISO month) is that month."""
    year, tail = int(m.group("year")), m.group("next_year")
    if int(tail) in ((year + 1) % 100, year + 1):
        return _date(Point(date(year, 1, 1), "Y"))
    if len(tail) == 2 and 1 <= int(tail) <= 12 and "-" in m.group(0):
        return _date(Point(date(year, int(tail), 1), "M"))
    return None


@resolver("decade")
def _decade(tables, m, dct, tense, ref):
    if _g(m, "decade"):
        return Timex("DATE", m.group("decade"))
    century = (dct.year // 100) if dct else 19
    word = _g(m, "decword")
    digit = int(tables.words["tens"][word[:-3] + "y"]) if word else int(m.group("dd"))
    if dct and century * 100 + digit * 10 > dct.year:
        century -= 1
    return Timex("DATE", f"{century:02d}{digit}")


@resolver("century")
def _century(tables, m, dct, tense, ref):
    """ "The 18th century" is TimeML "17" (the years 17xx); "the 1800s" (`hundreds`) names the years
    18xx outright, so "18". "The 1900s" and "the 2000s" are left to the decade shape: news uses them
    for the first decade as often as for the century."""
    if _g(m, "hundreds"):
        return Timex("DATE", m.group("hundreds"))
    return Timex("DATE", f"{int(tables.words['ordinal'][m.group('ord')]) - 1:02d}")


def _day_value(dct: date | None, d: date | None, suffix: str = "") -> str:
    return (d.isoformat() if d else "XXXX-XX-XX") + suffix


def _last_day(ref: Point | None, dct: date | None) -> date | None:
    """The day a chain ("that night", "the next morning") hangs on: the last day resolved, else publication."""
    return ref.day if ref is not None and ref.gran == "D" else dct


def _weekend(day: date, step: int = 0) -> Timex:
    """The weekend of `day`'s ISO week (`step` weeks on): its Saturday, written YYYY-Www-WE."""
    saturday = day + timedelta(days=6 - day.isoweekday() + 7 * step)
    year, week, _ = saturday.isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}-WE", Point(saturday, "W"))


@resolver("clock")
def _clock(tables, m, dct, tense, ref):
    if _g(m, "named"):
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m.group("named")]
    else:
        raw = m.group("hour")
        hh = int(raw) if raw.isdigit() else int(tables.number(raw) or 0)
        mm = int(_g(m, "minute") or 0)
        ampm = (_g(m, "ampm") or "").replace(".", "")
        dayhalf = _g(m, "dayhalf") or _g(m, "dayhalf_night")
        if dayhalf in ("afternoon", "evening") or (dayhalf == "night" and 6 <= hh < 12):
            ampm = "pm"  # "4 in the afternoon", "10 at night"; "2 at night" and "4 in the morning" stay a.m.
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            return None
    found = resolve(tables, m.group("day_text"), dct, tense, ref)[0] if _g(m, "day_text") else None
    if found is None or found.point is None or found.point.gran != "D":
        return Timex("TIME", _day_value(dct, _last_day(ref, dct)) + f"T{hh:02d}:{mm:02d}")
    day = found.point.day  # "5 p.m. EST, Nov. 6", "9 a.m. Tuesday", "12:19 p.m. EDT, Fri March 22, 2013"
    # the day written with the clock moves the story there: "at 8 p.m." after "2 p.m. Wednesday" is Wednesday's
    return Timex("TIME", _day_value(dct, day) + f"T{hh:02d}:{mm:02d}", Point(day, "D"))


@resolver("deictic_day")
def _deictic_day(tables, m, dct, tense, ref):
    word = _g(m, "deictic") or _g(m, "rel")
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    part = _g(m, "part")
    code = tables.words["part_of_day"][part] if part else ("NI" if word == "tonight" else "")
    if word in ("that", "early", "late", "mid"):
        base = _last_day(ref, dct)
        return Timex("TIME", _day_value(dct, base) + f"T{code}", Point(base, "D") if base else None) if code else None
    day = dct + timedelta(days=offset) if dct else None
    if code:
        return Timex("TIME", _day_value(dct, day) + f"T{code}", Point(day, "D") if day else None)
    return _date(Point(day, "D")) if day else Timex("DATE", "XXXX-XX-XX")


def _weekday_date(tables: DateTables, name: str, dct: date, tense: str | None, rel: str | None) -> date:
    target = int(tables.words["weekday"][name])
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


@resolver("week_of")
def _week_of(tables, m, dct, tense, ref):
    found = _month_day(tables, m, dct, tense, ref)
    if found is None or found.point is None:
        return Timex("DATE", "XXXX-WXX")
    return _date(found.point.at("W"))


@resolver("week_of_month")
def _week_of_month(tables, m, dct, tense, ref):
    """ "The first week of March" (the ISO week holding March 1...7), "the last week of February"."""
    month = _month_num(tables, m)
    if _g(m, "year"):
        year = int(m.group("year"))
    elif dct is None:
        return Timex("DATE", "XXXX-WXX")
    else:
        year = _pick_year(dct, month, None, tense)
    first = date(year, month, 1)
    if m.group("wk") in ("last", "final"):
        last_day = add_months(first, 1) - timedelta(days=1)
        thursday = last_day - timedelta(days=(last_day.isoweekday() - 4) % 7)
    else:  # as ISO weeks do, a week belongs to the month that holds its Thursday
        n = ["first", "second", "third", "fourth"].index(m.group("wk"))
        thursday = first + timedelta(days=(4 - first.isoweekday()) % 7 + 7 * n)
    return _date(Point(thursday, "W"))


@resolver("weekday")
def _weekday(tables, m, dct, tense, ref):
    part = _g(m, "part")
    suffix = f"T{tables.words['part_of_day'][part]}" if part else ""
    if dct is None:
        value = f"XXXX-WXX-{tables.words['weekday'][m.group('weekday')]}"
        return Timex("TIME" if part else "DATE", value + suffix)
    rel = _g(m, "rel")
    if rel in ("the previous", "the following", "the next", "that"):
        base = _last_day(ref, dct)
        day = _weekday_date(tables, m.group("weekday"), base, "future" if rel != "the previous" else "past",
                            "next" if rel in ("the following", "the next") else ("last" if rel == "the previous" else None))
    else:
        day = _weekday_date(tables, m.group("weekday"), dct, tense, rel)
    if part:
        return Timex("TIME", day.isoformat() + suffix, Point(day, "D"))
    return _date(Point(day, "D"))


@resolver("quarter_century")
def _quarter_century(tables, m, dct, tense, ref):
    """ "A quarter of a century", "a quarter-century": 25 years, not a quarter and a century."""
    return Timex("DURATION", "P25Y")


@resolver("weekday_of_week")
def _weekday_of_week(tables, m, dct, tense, ref):
    """ "Tuesday last week", "Monday of next week": that weekday in the week named, whatever the tense."""
    weekday = int(tables.words["weekday"][m.group("weekday")])
    if dct is None:
        return Timex("DATE", f"XXXX-WXX-{weekday}")
    monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=_YEAR_STEP[m.group("rel")])
    return _date(Point(monday + timedelta(days=weekday - 1), "D"))


@resolver("set_weekday")
def _set_weekday(tables, m, dct, tense, ref):
    parts = _g(m, "parts")  # "Tuesday nights": every Tuesday night
    part = parts[:-1] if parts else _g(m, "part")  # "every Saturday morning"
    suffix = f"T{tables.words['part_of_day'][part]}" if part else ""
    return Timex("SET", f"XXXX-WXX-{tables.words['weekday'][m.group('weekday')]}{suffix}")


@resolver("set_month")
def _set_month(tables, m, dct, tense, ref):
    return Timex("SET", f"XXXX-{_month_num(tables, m):02d}")


def _nth_weekday(year: int, month: int, weekday: int, nth: str) -> date:
    first = date(year, month, 1)
    if nth == "L":
        last = add_months(first, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))


def _holiday_date(code: str, year: int) -> date:
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
    return _nth_weekday(year, int(parts[0]), int(parts[1]), parts[2])


@resolver("holiday")
def _holiday(tables, m, dct, tense, ref):
    code = tables.words["holiday"][m.group("holiday")]
    span = _g(m, "span")
    if _g(m, "year"):
        year = int(m.group("year"))
    elif dct is None:
        if span:
            return Timex("DATE", "XXXX-WXX-WE" if span == "weekend" else "XXXX-WXX")
        fixed = re.fullmatch(r"\d\d-\d\d", code)
        return Timex("DATE", f"XXXX-{code}" if fixed else f"XXXX-{code[:2]}" if code[0].isdigit() else "XXXX-XX-XX")
    else:
        this_year = _holiday_date(code, dct.year)
        if span and abs((this_year - dct).days) < 7 and _g(m, "rel") is None:
            year = dct.year  # "Easter week" said during it
        else:
            year = _pick_year(dct, this_year.month, this_year.day, tense, _g(m, "rel"))
    day = _holiday_date(code, year)
    if span == "week":
        return _date(Point(day, "W"))
    if span == "weekend":  # a Monday holiday closes the weekend before it, any other day the weekend of its week
        return _weekend(day, -1 if day.isoweekday() == 1 else 0)
    return _date(Point(day, "D"))


def _unit(tables: DateTables, m: re.Match) -> str:
    return tables.words["unit"][m.group("unit")]


@resolver("ago")
def _ago(tables, m, dct, tense, ref):
    """ "Two years ago" back from publication; "two weeks from now" (`from` group) ahead of it."""
    unit = _unit(tables, m)
    plural = _g(m, "num") is None and m.group("unit").endswith("s")
    n = None if plural else tables.number(_g(m, "num"))  # "years ago": how many is not said
    gran = _UNIT_GRAN[unit]
    ahead = _g(m, "from") is not None
    if unit in ("TH", "TM", "TS") and dct is not None:
        return _date(Point(dct, "D"))  # "hours ago": today
    if n is None or dct is None:
        return Timex("DATE", _UNKNOWN_AT.get(gran, "FUTURE_REF" if ahead else "PAST_REF"))
    if ahead:
        return _date(Point(shift(dct, n, unit), "D" if m.group("from") == "today" and gran == "W" else gran))
    if unit == "Y" and ref is not None and ref.gran == "Q":
        return _date(_year_back_quarter(ref, dct, n))  # "a year ago" in a quarter's results: that quarter
    return _date(Point(shift(dct, -n, unit), gran))


def _year_back_quarter(quarter: Point, dct: date | None, n: float) -> Point:
    """The quarter `n` years before a results story's quarter. Results stories alternate "the third
    quarter" with "the year-earlier quarter", so the last quarter named may already be the year-ago
    one; then "a year ago" / "a year earlier" is that same quarter, not one more year back."""
    if dct is not None and (dct - quarter.day).days >= YEAR_BACK_DAYS * n:
        return Point(quarter.day, "Q")
    return Point(shift(quarter.day, -n, "Y"), "Q")


@resolver("chain")
def _chain(tables, m, dct, tense, ref):
    unit = _unit(tables, m)
    n = tables.number(_g(m, "num"))
    base = ref or (Point(dct, "D") if dct else None)
    if base is None or n is None:
        return Timex("DATE", "XXXX-XX-XX")
    if unit in ("TH", "TM", "TS"):
        return _date(base) if base.gran == "D" else Timex("DATE", base.value(), base)
    sign = -1 if m.group("dir") in ("earlier", "before") else 1
    gran = max(_UNIT_GRAN[unit], base.gran if base.gran in GRAN_ORDER else "Y", key=GRAN_ORDER.get)
    if unit == "Y" and base.gran == "Q" and sign < 0:
        return _date(_year_back_quarter(base, dct, n))
    if unit == "Y" and base.gran in ("D", "M", "Q"):
        gran = base.gran  # a year after a day is a day; days after a year stay that year
    if gran in ("S", "H"):
        gran = "Y"
    return _date(Point(shift(base.day, sign * n, unit), gran))


@resolver("anchored_chain")
def _anchored_chain(tables, m, dct, tense, ref):
    """ "The day before yesterday", "the day after Christmas", "two weeks before Jan. 20": a shift from
    the date the expression names itself, not from the last one resolved. "A week from Monday" counts on
    from a day still to come unless the verb is past, and is a day ("the week before Thanksgiving" is a week)."""
    counted_from = m.group("dir") == "from"
    if counted_from and tense != "past":
        tense = "future"
    anchor, _ = _resolve_cached(tables, m.group("anchor"), dct, tense, ref)
    if anchor is None or anchor.point is None or anchor.point.gran not in GRAN_ORDER:
        return DECLINE
    found = _chain(tables, m, dct, tense, anchor.point)
    if counted_from and anchor.point.gran == "D" and _unit(tables, m) in ("D", "W") and found.point is not None:
        return _date(Point(found.point.day, "D"))
    return found


@resolver("chain_word")
def _chain_word(tables, m, dct, tense, ref):
    unit = _unit(tables, m)
    base = ref or (Point(dct, "D") if dct else None)
    if base is None:
        return Timex("DATE", "XXXX-XX-XX")
    word = _g(m, "dir") or "that"
    step = {"next": 1, "following": 1, "subsequent": 1, "after": 1, "later": 1,
            "previous": -1, "prior": -1, "preceding": -1, "before": -1, "earlier": -1}.get(word, 0)
    if unit in ("TH", "TM", "TS"):
        return None
    if unit == "WE":  # "that weekend", "the following weekend": the weekend of (after) the last week resolved
        return _weekend(base.day, step)
    gran = _UNIT_GRAN[unit]
    if GRAN_ORDER[gran] < GRAN_ORDER.get(base.gran, 5) and step == 0:
        return Timex("DATE", base.value(), base)
    gran = max(gran, base.gran if base.gran in GRAN_ORDER and base.gran not in ("S", "H") else "Y",
               key=GRAN_ORDER.get) if step else gran
    return _date(Point(shift(base.day, step, unit), gran))


@resolver("chain_part")
def _chain_part(tables, m, dct, tense, ref):
    """ "The next morning", "the previous night": a part of the day after (before) the last resolved day."""
    code = tables.words["part_of_day"][m.group("part")]
    base = _last_day(ref, dct)
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
    gran = _UNIT_GRAN[tables.words["unit"][m.group("unit")]]
    if tense == "present" and dct is not None:
        return _date(Point(dct, gran))
    return Timex("DATE", _UNKNOWN_AT.get(gran, "XXXX"))


@resolver("relative_unit")
def _relative_unit(tables, m, dct, tense, ref):
    unit = _unit(tables, m)
    gran = _UNIT_GRAN[unit]
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
        return Timex("DURATION", _duration_value(None, unit))
    if dct is None:
        return Timex("DATE", "XXXX-QX" if gran == "Q" else _UNKNOWN_AT.get(gran, "XXXX"))
    if unit == "WE":
        return _weekend(dct, step)
    half = {"the first half of": "H1", "the second half of": "H2", "the last half of": "H2"}.get(_g(m, "pos") or "")
    if half and unit == "Y":  # "the first half of last year"
        year = shift(dct, step, unit).year
        return _date(Point(date(year, 1 if half == "H1" else 7, 1), "H", half))
    return _date(Point(shift(dct, step, unit), gran))


@resolver("quarter")
def _quarter(tables, m, dct, tense, ref):
    code = _g(m, "qn") or _g(m, "qn2")  # "Q4 2012", "4Q 2012"
    ordinal = _g(m, "ord") or code
    rel = _g(m, "rel")
    step = _YEAR_STEP.get(_g(m, "yrel") or "")  # "the fourth quarter of last year"
    if _g(m, "year") or _g(m, "pyear"):
        year = int(_g(m, "year") or m.group("pyear"))
    elif dct is None:
        return Timex("DATE", f"XXXX-Q{code or tables.words['ordinal'][ordinal]}" if ordinal else "XXXX-QX")
    elif step is not None:
        return _date(Point(date(dct.year + step, 3 * int(code or tables.words["ordinal"][ordinal]) - 2, 1), "Q"))
    else:
        year = dct.year
    if ordinal:
        q = int(code or tables.words["ordinal"][ordinal])
        if q > 4:
            return None
        if not (_g(m, "year") or _g(m, "pyear")) and rel in (None, "fiscal") and dct and tense != "future" and q > (dct.month - 1) // 3 + 1:
            year -= 1
        if not _g(m, "year") and rel in ("last", "last year's") and dct:
            year -= 1
        if not _g(m, "year") and rel == "next year's" and dct:
            year += 1
        if rel == "this year's":
            year = dct.year if dct else year
        return _date(Point(date(year, 3 * q - 2, 1), "Q"))
    if dct is None:
        return Timex("DATE", "XXXX-QX")
    if ref is not None and ref.gran == "Y" and rel in ("year-earlier", "year-ago", "year earlier") \
            and not m.group(0).endswith(("quarter", "period")):
        # after "the nine months" (this year) the year before; after "last year" / "the 1988 period" that same year
        year = ref.day.year if ref.day.year == dct.year - 1 else ref.day.year - 1
        return _date(Point(date(year, 1, 1), "Y"))
    if _g(m, "year"):
        completed = shift(dct, -1, "Q")
        return _date(Point(date(int(m.group("year")), completed.month, 1), "Q"))
    step = {"current": 0, "this": 0, "same": 0, "year-earlier": -5, "year-ago": -5, "year earlier": -5,
            "comparable": -5}.get(rel or "", -1)
    return _date(Point(shift(dct, step, "Q"), "Q"))


@resolver("half")
def _half(tables, m, dct, tense, ref):
    named = _g(m, "year") or _g(m, "hyear")
    step = _YEAR_STEP.get(_g(m, "yrel") or "", 0)
    year = int(named) if named else (dct.year + step if dct else None)
    number = _g(m, "hn") or _g(m, "hn2")  # "H2 2012", "2H 2012"
    code = f"H{number}" if number else "H1" if m.group("half") == "first" else "H2"  # "the last half" is the second
    if year is None:
        return Timex("DATE", f"XXXX-{code}")
    return _date(Point(date(year, 1 if code == "H1" else 7, 1), "H", code))


@resolver("this_unit_year")
def _this_unit_year(tables, m, dct, tense, ref):
    return _date(Point(dct, "Y")) if dct else Timex("DATE", "XXXX")


@resolver("new_year")
def _new_year(tables, m, dct, tense, ref):
    """ "In the new year": the year that begins on the New Year's Day nearest the publication, so said
    in December the next one and in January the one just begun."""
    if dct is None:
        return Timex("DATE", "XXXX")
    return _date(Point(date(dct.year + (dct.month >= 7), 1, 1), "Y"))


@resolver("year_end_day")
def _year_end_day(tables, m, dct, tense, ref):
    """ "By year-end", "since year-end": the year's closing day, as accounts use the word ("the end of
    the year" stays the year); the past tense or "since" points to the last one."""
    if dct is None:
        return Timex("DATE", "XXXX-12-31")
    return _date(Point(date(_pick_year(dct, 12, 31, tense), 12, 31), "D"))


@resolver("season")
def _season(tables, m, dct, tense, ref):
    code = tables.words["season"][m.group("season")]
    if _g(m, "year"):
        return _date(Point(date(int(m.group("year")), 1, 1), "S", code))
    if dct is None:
        return Timex("DATE", f"XXXX-{code}")
    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if _g(m, "yrel"):  # "the summer of last year"
        return _date(Point(date(dct.year + _YEAR_STEP[m.group("yrel")], month, 1), "S", code))
    rel = _g(m, "rel")
    if rel == "that" and ref is not None:  # "in 2015. That summer, ..."
        return _date(Point(date(ref.day.year, month, 1), "S", code))
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
    return _date(Point(date(year, month, 1), "S", code))


def _duration_value(n: float | None, unit: str) -> str:
    if unit == "WE":
        unit, n = "D", (2 * n if n is not None else None)
    if unit in ("TH", "TM") and n is not None and n != int(n):
        small = "M" if unit == "TH" else "S"  # "5 1/2 hours" is PT5H30M, "half an hour" PT30M
        rest = f"{round((n - int(n)) * 60)}{small}"
        return f"PT{int(n)}{unit[1]}{rest}" if n > 1 else f"PT{rest}"
    if unit in ("TH", "TM", "TS"):
        return f"PT{_num(n)}{unit[1]}"
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
    return f"P{_num(n)}{unit}"


def _num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


@resolver("duration")
def _duration(tables, m, dct, tense, ref):
    unit_text = m.group("unit")
    unit = tables.words["unit"][unit_text]
    raw = _g(m, "num")
    n = tables.number(raw) if raw is not None else (None if unit_text.endswith("s") and unit_text != "hrs" else 1)
    if raw is None and unit_text.endswith("s") and unit_text not in ("hours", "minutes", "seconds"):
        n = None
    if m.group(0).lstrip().startswith(("half", "a half", "and a half")) or " half" in m.group(0):
        n = (n if raw is not None else 0) + 0.5
    if raw is None and _g(m, "rel") in ("the past", "the last", "the latest") and not unit_text.endswith("s") \
            and dct is not None and unit not in ("TH", "TM", "TS", "WE"):
        return _date(Point(shift(dct, -1, unit), _UNIT_GRAN[unit]))  # "the past year": the one before this
    if unit in ("Q",) and n is not None:
        unit, n = "M", 3 * n
    return Timex("DURATION", _duration_value(n, unit))


@resolver("vague_units")
def _vague_units(tables, m, dct, tense, ref):
    unit = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE"}[m.group("vunit")]
    if m.group("rel") == "recent" and unit in ("Y",):
        return Timex("DATE", "PAST_REF")
    return Timex("DURATION", f"PX{unit}")


@resolver("set_unit")
def _set_unit(tables, m, dct, tense, ref):
    unit = _unit(tables, m)
    raw = _g(m, "num")
    n = 2 if raw == "other" else (tables.number(raw) if raw else 1)
    if unit == "WE":  # "every weekend": the weekend of each week; "every other weekend" one in two weeks
        return Timex("SET", "XXXX-WXX-WE" if n == 1 else f"P{_num(n)}W")
    return Timex("SET", _duration_value(n, unit))


@resolver("set_part")
def _set_part(tables, m, dct, tense, ref):
    """ "Every morning" (XXXX-XX-XXTMO), "each summer" (XXXX-SU): a part of the day or year, recurring."""
    if _g(m, "part"):
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


def _dateparser_resolve(text: str, dct: date | None, tense: str | None) -> Timex | None:
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
    return _date(Point(data.date_obj.date(), gran))


@lru_cache(maxsize=65536)
def _resolve_cached(tables: DateTables, text: str, dct: date | None, tense: str | None,
                    ref: Point | None) -> tuple[Timex | None, str]:
    norm = normalize(text, tables)
    for pid, regex, name in tables.patterns:
        m = regex.fullmatch(norm)
        if m and (found := RESOLVERS[name](tables, m, dct, tense, ref)) is not DECLINE:
            return found, pid
    found = _dateparser_resolve(norm, dct, tense)
    return found, ("dateparser" if found else "unresolved")


def clear_caches() -> None:
    """Forget resolved expressions and dateparser instances (for timing a cold start)."""
    _resolve_cached.cache_clear()
    _DATEPARSER.clear()


def resolve(tables: DateTables, text: str, dct: date | None, tense: str | None = None,
            ref: Point | None = None) -> tuple[Timex | None, str]:
    """(Timex or None when the text is not a temporal expression, id of the pattern that decided)."""
    return _resolve_cached(tables, text, dct, tense, ref)


# ---------------------------------------------------------------------------------------------
# Tense of the governing verb
# ---------------------------------------------------------------------------------------------

def _past_perfect(verb: Token) -> bool:
    """ "had been scheduled to expire Friday", "had been due Friday": a plan told in the past perfect
    is one the story has overtaken (extended, called off), so its date may lie on either side."""
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _told_in_the_past(noun: Token) -> bool:
    """Whether the clause a noun belongs to has a past-tense verb ("the service ... was canceled")."""
    tok = noun
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in tok.children if c.dep_ in ("aux", "auxpass"))
    return False


def _ahead_of(tok: Token) -> bool:
    """ "of" in "ahead of" / "in advance of": what follows is still to come."""
    return tok.lower_ == "of" and tok.head.lower_ in ("ahead", "advance")


def _ordered_range(start: Timex, end: Timex, dct: date | None, tense: str | None) -> tuple[Timex, Timex]:
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
        return _date(Point(earlier, a.gran)), end
    return start, _date(Point(later, b.gran))


def _being_scheduled(event: Token) -> bool:
    """Whether an event noun is what a verb sets or asks for ("set a March 4 trial date", "asked for a
    January trial", "scheduled the June hearing"): the event is still to be held."""
    verb = event.head.head if event.dep_ == "pobj" and event.head.lower_ == "for" else event.head
    return event.dep_ in ("dobj", "pobj", "nsubjpass") and verb.lemma_ in _SETTING_LEMMAS


def _as_word_as(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """Whether "as <word> as" ("as early as", "as soon as") stands at token `i`."""
    return 0 <= i and i + 2 < len(doc) and doc[i].lower_ == "as" and doc[i + 2].lower_ == "as" \
        and doc[i + 1].lower_ in words


def _as_soon_as(span: Span) -> bool:
    """ "As soon as Monday", "as early as Friday": the earliest day something may still happen."""
    return _as_word_as(span.doc, span.start - 3, ("soon", "early"))


def governing_tense(span: Span) -> str | None:
    """"past" or "future" from the verb the span hangs on (its aux, its lemma, an infinitive's
    governor: "scheduled to be executed on Wednesday" is future), None when the parse says neither.
    "either" when the date may lie on either side of the publication date, so a weekday there is the
    nearest one: a deadline after until / by / through ("postponed until Tuesday"), a plan in the past
    perfect ("had been scheduled for Friday")."""
    tok: Token = span.root
    if tok.dep_ == "poss":
        # "Wednesday's ruling" dates the ruling, not the clause around it ("will appeal Monday's ruling");
        # but "ahead of Tuesday's vote" and "Friday's hearing will decide" speak of one still to come
        noun = tok.head
        verb = noun.head
        will = noun.dep_ == "nsubj" and noun.lemma_ in _SCHEDULED_EVENTS and any(
            c.dep_ == "aux" and c.lower_ in _FUTURE_AUX | {"could"} for c in verb.children)
        return "future" if will or _ahead_of(verb) else None
    event = tok.head
    if tok.dep_ in ("compound", "nmod") and event.lemma_ in _SCHEDULED_EVENTS and (
            _being_scheduled(event) or governing_tense(tok.doc[event.i:event.i + 1]) == "future"):
        return "future"  # "set a March 4 trial date", "will decide in the November election": still to be held
    if tok.dep_ == "compound":
        return "past"  # "the October slaying", "a June agreement": a thing named by its date has mostly happened
    prep = tok.head.lower_ if tok.head.dep_ == "prep" or tok.head.pos_ == "ADP" else ""
    if prep == "since":
        return "past"
    if prep in ("until", "till", "through", "by"):
        verb = tok.head.head
        if prep in ("until", "till") and verb.lemma_ in _DEFERRING_LEMMAS and not _past_perfect(verb):
            return "future"  # "postponed until Tuesday", "extended the deadline until Friday"
        if any(c.lower_ in _FUTURE_AUX and c.dep_ == "aux" for c in verb.children):
            return "future"  # "must be filed by Tuesday", "will stay until Friday"
        if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return "future"  # "the defense has until Monday", "unless Congress acts by Monday"
        return "either"
    through_infinitive, infinitive = False, None
    for _ in range(8):
        head = tok.head
        if head is tok:
            break
        if _ahead_of(head):
            return "future"  # "ahead of the vote on Tuesday", "in advance of the March 5 hearing"
        tok = head
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            prep = prep or tok.lower_
        if not (tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX")):
            if tok.lemma_ in _FUTURE_LEMMAS or tok.lower_ in _FUTURE_ADJECTIVES:
                return "either" if _past_perfect(tok.head) else "future"
            continue
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        # "will" may hang on the "be" of a passive ("will be closed Friday")
        aux_words = {c.lower_ for c in auxes} | {g.lower_ for c in auxes for g in c.children if g.dep_ == "aux"}
        if aux_words & _FUTURE_AUX and "have" not in aux_words:
            return "future"
        if "could" in aux_words and _as_soon_as(span):
            return "future"  # "could rule as soon as Monday"; "could not be located Wednesday" is past
        # "vowed Saturday to act" dates the vow; "scheduled to rule Friday", "set for Friday" date what is planned
        planned = through_infinitive or prep in ("for", "to", "until") or tok.tag_ == "VBN"
        scheduling = tok.lemma_ in _SCHEDULING_LEMMAS and prep not in ("on", "in")
        if planned and (tok.lemma_ in _FUTURE_LEMMAS or tok.lower_ in _FUTURE_LEMMAS or scheduling):
            if _past_perfect(tok) or (tok.dep_ == "acl" and _told_in_the_past(tok.head)):
                return "either"  # "a service planned for Saturday was canceled": overtaken, either side
            return "future"
        if tok.lemma_ == "go" and any(c.dep_ == "xcomp" for c in tok.children) and tok.tag_ == "VBG":
            return "future"
        if infinitive is not None and infinitive.dep_ == "xcomp" and infinitive.head.i == tok.i \
                and tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and not auxes:
            return "future"  # "is to resume trading Tuesday": the be-to future
        if "to" in aux_words and tok.tag_ == "VB":
            through_infinitive, infinitive = True, tok
            continue
        if tok.tag_ in ("VBD",) or any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had") for c in auxes):
            return "either" if through_infinitive and tok.lemma_ in _COMMITTING_LEMMAS else "past"
        if tok.tag_ == "VBN" and not auxes:
            return "past"
        if tok.tag_ in ("VBZ", "VBP") and not auxes and tok.lemma_ in _REPORTING_LEMMAS \
                and any(c.dep_ == "ccomp" for c in tok.children):
            return "past"  # "the Pentagon says Monday it found no evidence": a statement already made
        if tok.tag_ in ("VBZ", "VBP") and not auxes and tok.lemma_ != "be":
            return "future"
        if through_infinitive and (tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)):
            return "future"  # "are likely to rule Thursday", "is preparing to file Friday": still to be done
        if tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
            hangs_on = span.root.head.i == tok.i or (span.root.head.dep_ == "prep" and span.root.head.head.i == tok.i)
            if tok.tag_ == "VBN" and hangs_on and [c.dep_ for c in auxes] == ["auxpass"]:
                return "future"  # "schools are closed Monday": a state the day is set for
            if tok.lemma_ == "be" and not auxes and hangs_on and span.root.dep_ != "nsubj" and span.root.pos_ == "PROPN":
                return "future"  # "the vote is Tuesday", "the hearing is on March 5": a date a thing is set for
            return "present"
    return None


# ---------------------------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------------------------

# a results story's year-to-date period: what "a year earlier" after it compares with is the year before
_YEAR_TO_DATE = re.compile(r"the (?:first |latest |past )?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]) months")
_LONG_ADJ = re.compile(r"(?:day|week|month|year|decade|hour)s?-?long")
_FISCAL_YEAR = re.compile(r"(?:the )?(?:fiscal |financial )?year")
_SPLIT_WORDS = {"and", "to", "through", "until", "till", "or", "thru", "ended", "ending"}
_CLOCK_PATTERNS = {"clock", "clock_24", "clock_gmt", "clock_military", "clock_oclock", "clock_part", "named_time",
                   "rel_part", "part_deictic", "pos_part"}
_YEAR_TOKEN = re.compile(r"1\d{3}|20\d{2}")
_RECURRING_KINDS = ("unit", "weekday", "month", "part_of_day", "season")  # what "every"/"each" make a SET of
_NUMERIC_DATE = re.compile(r"[0-3]?\d([/.])[0-3]?\d\1(?:1\d{3}|20\d{2}|\d{2})")
_DAY_NUMBER = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?")
_MILITARY_TIME = re.compile(r"[012]\d[0-5]\d")
_TEMPORAL_PREPOSITIONS = {"on", "over", "during", "by", "until", "till", "since", "before", "after", "at", "through"}
_CHAIN_UNITS = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"}
_RANGE_WORDS = {"to", "through", "thru", "until", "till", "-", "\u2013"}
_YEARLESS_PERIOD = re.compile(r"(?:the )?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](?:quarter|half)")
_ONE_UNIT = re.compile(r"(?:the )?(?:day|week|month|year)")  # "the day" before/after a date it shifts
_NTH_WEEK = re.compile(r"(?:the )?(?:first|second|third|fourth|last|final) week")
_DEICTIC_DAYS = ("yesterday", "today", "tomorrow", "tonight")
_POSSESSIVES = {"his", "her", "their", "my", "your", "our"}
_LEADING_JUNK = {"between", "from", "since", "until", "just", "on", "in", "at", "least", "during", "by", "through",
                 "before", "after",
                 "of", ",", "and", "to", "its", "their", "his", "her", "our", "both", "sometime"}
_KEEP_ARTICLE = {"day", "week", "month", "year", "decade", "century", "quarter", "weekend", "hour", "minute", "second",
                 "few", "couple", "dozen", "half", "while", "number", "fortnight", "later", "future"}
_LEFT_DETERMINERS = {"this", "that", "last", "next", "every", "each", "the"}
_COUNT_MODIFIERS = {"more", "additional", "extra", "straight", "consecutive", "full", "long", "whole"}
_TIME_ZONES = {"est", "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt", "mst", "mdt", "et"}
_CLOCK_END = {"a.m.", "p.m.", "am", "pm", "noon", "midnight", *_TIME_ZONES}
# what may stand between a clock and its day: "8 p.m. local time Tuesday", "14:30 on Saturday"
_CLOCK_TO_DAY = {*_CLOCK_END, ",", "on", "local", "eastern", "central", "pacific", "mountain", "time"}
_CLOCK_24 = re.compile(r"[0-2]?\d:[0-5]\d")


def _time_zone(ent: Span) -> bool:
    """ "GMT", "EDT": the model's ORG for a time zone, which belongs to the clock time before it."""
    return ent.label_ != "DATE" and len(ent) == 1 and ent[0].lower_ in _TIME_ZONES


class TimexResolver:
    """Repairs DATE spans for TimeML and sets `timex_type` and `timex_value` on each.

    `guidelines` chooses the annotation convention: "legalnews" (the SPEC: deictic now / currently /
    recently and times of day are not DATE mentions) or "timeml" (TimeML annotates both).
    """

    def __init__(self, name: str, tables: DateTables, guidelines: str = "legalnews"):
        self.name = name
        self.tables = tables
        self.guidelines = guidelines
        self._periods: set[tuple[int, int]] = set()
        self._read_as: dict[tuple[int, int], str] = {}  # span -> the text it stands for ("25" -> "April 25")
        words = tables.words
        self._start_words = {"every", "each", "once", "twice", "times", "long", "new", "following", "next", "previous",
                             "prior", *words["weekday"], *words["month"],
                             *(month[:-1] for month in words["month"] if month.endswith(".")),
                             *(holiday[:k] for holiday in words["holiday"] for k in range(1, len(holiday) + 1))}
        self._can_start: dict[int, bool] = {}
        self._holiday_first_words = {alias.split()[0].split("'")[0] for alias in words["holiday"]}
        self._game_words = self._any_of(words.get("game_word", {}))
        self._temperature_words = self._any_of(words.get("temperature_word", {}))

    @staticmethod
    def _any_of(aliases) -> re.Pattern:
        """One regular expression finding any of the lexicon's words (or phrases) in a lower-case text."""
        return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b") \
            if aliases else re.compile(r"(?!)")

    def __call__(self, doc: Doc) -> Doc:
        dct = anchor_date(doc._.published_at)
        self._periods.clear()
        self._read_as.clear()
        if any(_time_zone(e) for e in doc.ents):
            doc.ents = [e for e in doc.ents if not _time_zone(e)]  # the clock time before it takes the zone
        holidays = {ent.start: window for ent in doc.ents if (window := self._holiday_window(ent)) is not None}
        spans = self.add_missing(doc, self.repair(doc, holidays), deictic=self.guidelines == "timeml")
        others = [e for e in doc.ents if e.label_ != "DATE" and e.start not in holidays]
        resolved: list[tuple[Span, Timex, str | None, str | None]] = []
        ref: Point | None = None
        for span, source, rule in spans:
            text = self._read_as.get((span.start, span.end), span.text)
            timex, pid = resolve(self.tables, text, dct, governing_tense(span), ref)
            if pid == "unresolved":
                span, timex, pid = self._shrink(span, dct, ref)
            if self._not_a_date_here(span, pid):
                continue  # "scored 15 points in the fourth quarter", "highs in the 90s"
            if pid == "clock_military" and self._counted_hours(span):
                timex, pid = Timex("DURATION", f"PT{int(span[-2].text)}H"), "duration"  # "served 1200 hours"
            if pid == "chain_count" and self.guidelines == "timeml" and self._later_signal(span):
                span = span[:-1]  # "three days | later": TimeML types the amount a DURATION, "later" a signal
                timex, pid = resolve(self.tables, span.text, dct, governing_tense(span), ref)
            if timex is None and (pid != "unresolved" or not self._has_time_word(span)):
                continue  # not temporal, or a span the model mislabeled ("Stauber", "as little as 99 cents")
            if timex is None:
                timex = Timex("DATE", "XXXX-XX-XX")
            if (span.start, span.end) in self._periods:
                timex = Timex("DURATION", "P1Y")
            if pid not in ("holiday", "new_year") and self._titled_name(span):
                continue  # CBS's "60 Minutes", ABC's "This Week", "VOA Today": a programme's name
            if pid == "holiday" and self._holiday_in_name(span):
                continue  # "the Good Friday Agreement": a treaty's name
            if self._generic_era(span):
                continue  # "today's youth", "the leaders of tomorrow": an era, not a day
            if self._hyphen_compound(span):
                continue  # "after-hours trading", "man-hours": the unit is the end of another word
            if pid == "year_end_day" and span[-1].dep_ in ("compound", "amod"):
                continue  # "year-end net", "the year-end rally": a kind of figure, not a day
            if pid == "year" and self._numbered_name(span):
                continue  # "SB 1070", "Flight 1549", "Resolution 1973": a name's number, not a year
            if pid.startswith("decade") and span.start > 0 and doc[span.start - 1].lower_ in _POSSESSIVES:
                continue  # "in his 30s" is an age
            if pid == "set_word" and len(span) == 1 and span[0].dep_ == "amod":
                continue  # "an annual meeting", "quarterly earnings": a kind of thing, not a time
            if pid == "set_word" and len(span) == 1 and self._rate(span[0]):
                continue  # "sales rise 8% annually", "10,000 units annually": a rate, not a time
            if pid == "duration" and self._amount_per_unit(span):
                continue  # "two phone calls a week", "$500 a month": a rate, as TimeBank mostly leaves it
            if timex.type == "TIME" and self.guidelines == "legalnews" and pid in _CLOCK_PATTERNS:
                continue
            if timex.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and self.guidelines == "legalnews" \
                    and (normalize(span.text) in self.tables.deictic or pid == "one_day"):
                continue
            if resolved and timex.point is not None and self._range_between(resolved[-1][0], span):
                start, timex = _ordered_range(resolved[-1][1], timex, dct, governing_tense(span))
                resolved[-1] = (resolved[-1][0], start, *resolved[-1][2:])
            if timex.point is not None and timex.point.gran in GRAN_ORDER:
                ref = timex.point
            elif dct is not None and timex.type == "DURATION" and _YEAR_TO_DATE.fullmatch(normalize(span.text)):
                ref = Point(date(dct.year, 1, 1), "Y")  # "the nine months": part of this year; "a year earlier" is the last
            resolved.append((span, timex, source, pid))
        doc.ents = sorted(others + [Span(doc, s.start, s.end, label="DATE") for s, *_ in resolved],
                          key=lambda s: s.start)
        for span, timex, source, pid in resolved:
            ent = Span(doc, span.start, span.end, label="DATE")
            ent._.timex_type, ent._.timex_value = timex.type, timex.value
            ent._.source_label = source
            ent._.rule = f"timex:{pid}"
        return doc

    def repair(self, doc: Doc, holidays: dict[int, Span]) -> list[tuple[Span, str | None, str | None]]:
        """DATE spans trimmed (leading prepositions and "just", a trailing possessive) and split at
        "and"/"to" when both halves are temporal expressions on their own."""
        out = []
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        for ent in self._amount_from_date(self._merged(doc, holidays)):
            source, rule = ent._.source_label, ent._.rule
            ent = self._trim(self._extend(ent, taken))
            if ent is None:
                continue
            for part in self._split(ent):
                part = part if part is ent else self._trim(part)
                if part is not None and len(part):
                    out.append((part, source, rule))
        for (left, *_), (right, *_) in zip(out, out[1:]):
            between = doc[left.end:right.start]
            if len(between) == 1 and between[0].lower_ in ("to", "ended", "ending", "through") \
                    and _FISCAL_YEAR.fullmatch(left.text.lower()) and right[0].lower_ in self.tables.words["month"]:
                self._periods.add((left.start, left.end))  # "the year to March", "the year" "ended" "June 30"
        return out

    def _amount_from_date(self, spans: list[Span]) -> list[Span]:
        """ "A week" + "from" + "Monday", "two years" + "from" + "next Tuesday": one date, the day named
        moved on by the amount, which the model labels apart from it. "For two weeks from Monday" is a
        length of time and its start, so stays two expressions."""
        out: list[Span] = []
        units = self.tables.words["unit"]
        for ent in spans:
            prev = out[-1] if out else None
            doc = ent.doc
            if prev is not None and ent.start == prev.end + 1 and doc[prev.end].lower_ == "from" \
                    and prev[-1].lower_ in units and not (prev.start > 0 and doc[prev.start - 1].lower_ == "for"):
                joined = Span(doc, prev.start, ent.end, label="DATE")
                joined._.source_label = prev._.source_label
                out[-1] = joined
            else:
                out.append(ent)
        return out

    @staticmethod
    def _rate(word: Token) -> bool:
        """A frequency word ("annually", "quarterly") on a clause that counts something ("rise 8.5%
        annually", "produce 10,000 units annually"): the word makes a rate of the amount."""
        return any(t.like_num and not re.fullmatch(r"1\d{3}|20\d{2}", t.text)
                   for t in word.head.subtree if t.i != word.i)

    def _not_a_date_here(self, span: Span, pid: str) -> bool:
        """A period or decade the sentence shows to be something else: a game's quarter or half ("scored 15
        points in the fourth quarter", "trailed 10-0 in the first half": a `game_word` of the lexicon in
        the sentence) or a band of temperatures ("highs in the 90s", "lows in the 60s": a
        `temperature_word`). Only a quarter or half without a year and a two-digit decade are read so:
        "the fourth quarter of 2019", "the 1990s", "the '90s" are dates wherever they stand, and a
        market's "points" or "led" alone are no sign of a game."""
        if pid in ("quarter", "half"):
            return bool(_YEARLESS_PERIOD.fullmatch(normalize(span.text))) \
                and bool(self._game_words.search(span.sent.text.lower()))
        if pid == "decade_two_digit":
            return bool(self._temperature_words.search(span.sent.text.lower()))
        return False

    def _amount_per_unit(self, span: Span) -> bool:
        """ "A week" after a counted noun or an amount ("two phone calls a week", "$500 a month"): the
        divisor of a rate. TimeBank leaves such rates untagged seven times in ten (two SETs, one DURATION
        in its train part), so they are not temporal expressions here, as "annually" in a rate is not."""
        root = span.root
        return len(span) == 2 and span[0].lower_ in ("a", "an") and span[1].lower_ in self.tables.words["unit"] \
            and root.dep_ == "npadvmod" and root.head.i < span.start and root.head.pos_ in ("NOUN", "NUM", "SYM")

    def _part_of_day(self, tok: Token) -> bool:
        """ "night", or "nights" after a weekday ("Tuesday nights": a SET)."""
        parts = self.tables.words["part_of_day"]
        return tok.lower_ in parts or (tok.lower_.endswith("s") and tok.lower_[:-1] in parts)

    @staticmethod
    def _range_between(left: Span, right: Span) -> bool:
        """ "Tuesday" "to" "Thursday", "Dec. 26" "through" "Jan. 5": the two ends of one period."""
        between = left.doc[left.end:right.start]
        return len(between) == 1 and between[0].lower_ in _RANGE_WORDS

    def _later_signal(self, span: Span) -> bool:
        """ "Three days later", "a few hours later": under TimeML the amount is the expression and "later"
        a signal. Years and longer stay anchored dates, as "a year later" reads in results stories."""
        unit = self.tables.words["unit"].get(span[-2].lower_) if len(span) > 1 else None
        return span[-1].lower_ == "later" and unit is not None and unit not in ("Y", "DE", "CE")

    def _titled_name(self, span: Span) -> bool:
        """A unit or deictic word capitalized inside a sentence of ordinary case ("60 Minutes",
        "This Week", "VOA Today") is part of a name, not a temporal expression. Weekdays, months and
        "Day" (holidays: "Election Day") do not count; nor does a word opening a sentence or quote
        (after the end of the last one too, should the parser have missed the sentence break)."""
        common = (set(self.tables.words["unit"]) - {"day", "days"}) | set(self.tables.words["part_of_day"]) \
            | {"today", "tonight", "tomorrow", "yesterday"}
        for tok in span:
            if tok.lower_ in common and tok.is_title and not tok.is_sent_start and tok.i > 0 \
                    and not (tok.nbor(-1).is_quote or tok.nbor(-1).text in (":", "(", "--", "_", ".", "!", "?", ";")):
                return self._ordinary_case(tok)
        return False

    @staticmethod
    def _ordinary_case(tok: Token) -> bool:
        """Whether the sentence around a capitalized word is in ordinary case, so the capital marks a name;
        in a headline in title case (most words capitalized) it marks nothing."""
        others = [t for t in tok.sent[1:] if t.is_alpha and t.i != tok.i]
        return sum(t.is_title for t in others) <= len(others) / 2

    def _holiday_in_name(self, span: Span) -> bool:
        """A holiday followed by a capitalized noun that is no time word ("the Good Friday Agreement", "the
        Easter Rising", "the May Day Parade"): the holiday is part of the name of a treaty, an uprising,
        an event, not a date. "Labor Day Weekend", "Easter Sunday" go on with a time word and stay, and so
        does a holiday after a preposition of time ("On Christmas Day President Obama spoke")."""
        doc, end = span.doc, span.end
        if end >= len(doc):
            return False
        after = doc[end]
        return after.is_title and after.pos_ in ("PROPN", "NOUN") and not self._has_time_word(doc[end:end + 1]) \
            and not (span.start > 0 and doc[span.start - 1].lower_ in _TEMPORAL_PREPOSITIONS) \
            and self._ordinary_case(after)

    def _generic_era(self, span: Span) -> bool:
        """ "Today's youth", "in today's world", "the people of tomorrow": a deictic day word used for the
        present or coming era (generic nouns of the lexicon's `generic_noun` list after the possessive,
        a plural noun before "of"), not a calendar day."""
        if len(span) != 1 or span[0].lower_ not in ("today", "tomorrow", "yesterday"):
            return False
        doc, i = span.doc, span[0].i
        generic = self.tables.words.get("generic_noun", {})
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "\u2019s"):
            for tok in doc[i + 2:i + 5]:
                if tok.pos_ in ("NOUN", "PROPN"):
                    return tok.lower_ in generic or tok.lemma_.lower() in generic
                if tok.pos_ not in ("ADJ", "ADV", "PUNCT"):
                    return False
            return False
        if i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].pos_ == "NOUN":
            noun = doc[i - 2]
            return noun.tag_ == "NNS" or noun.lower_ in generic
        return False

    @staticmethod
    def _counted_hours(span: Span) -> bool:
        """ "Served 1200 hours of community service": four digits and "hours" read as a clock time ("at 0400
        hours", "around 1400 hours") are a count when no zero opens them and they are the verb's object or
        follow a preposition of length ("for", "over", "during")."""
        root = span.root
        if span[-2].text.startswith("0"):
            return False
        return root.dep_ != "pobj" or root.head.lower_ in ("for", "over", "during", "of")

    def _hyphen_compound(self, span: Span) -> bool:
        """A time unit glued by a hyphen to a word of the lexicon's `hyphen_prefix` list ("after-hours
        trading", "off-hours", "man-hours", "light-years"): the compound names a trading session or a
        measure, not a length of time, though the model labels the unit alone. Counted compounds
        ("two-year", "several-day") have a number word before the hyphen and stay."""
        doc, i = span.doc, span.start
        return i >= 2 and span[0].lower_ in self.tables.words["unit"] and doc[i - 1].text == "-" \
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and doc[i - 2].lower_ in self.tables.words["hyphen_prefix"]

    def _numbered_name(self, span: Span) -> bool:
        """A lone four-digit number that numbers the capitalized noun just before it ("SB 1070",
        "Flight 1549"), unless that noun is a time word ("Spring 2012", "March 1973")."""
        if len(span) != 1 or span.start == 0:
            return False
        name = span.doc[span.start - 1]
        return span[0].head.i == name.i and name.pos_ in ("PROPN", "NOUN") and (name.is_title or name.is_upper) \
            and not self._has_time_word(span.doc[name.i:name.i + 1])

    _TIME_WORD_KINDS = ("month", "weekday", "unit", "part_of_day", "season", "holiday", "vague", "set_word",
                        "ordinal")

    def _has_time_word(self, span: Span) -> bool:
        """Whether an unresolved span holds any time word of the lexicon: a DATE span without one is the
        model's mistake ("Stauber", "as little as 99 cents"), not a temporal expression."""
        words = self.tables.words
        return any(any(t.lower_ in words.get(kind, ()) for kind in self._TIME_WORD_KINDS) for t in span)

    def _shrink(self, span: Span, dct: date | None, ref: Point | None) -> tuple[Span, Timex | None, str]:
        """An unresolved span with stray words at an edge ("interview several months", "April month"):
        the largest inner span the table knows, else the span unchanged. Of inner spans of one size a
        calendar date goes before the rest ("the day Friday" is Friday, not the duration "day")."""
        n = len(span)
        for size in range(n - 1, 0, -1):
            found = []
            for start in range(span.start, span.end - size + 1):
                inner = span.doc[start:start + size]
                timex, pid = resolve(self.tables, inner.text, dct, governing_tense(inner), ref)
                if timex is not None and pid not in ("dateparser", "unresolved") \
                        and not self._not_a_date_here(inner, pid):
                    found.append((inner, timex, pid))
            if found:
                inner, timex, pid = next((f for f in found if f[1].point is not None), found[0])
                return self._trim(inner) or inner, timex, pid  # "Jan. 10," without its comma
        return span, None, "unresolved"

    def _merged(self, doc: Doc, holidays: dict[int, Span]) -> list[Span]:
        """DATE spans the model cut at a hyphen ("19th" "-" "century"), before a part of day
        ("Wednesday" "night"), between a part of day and its day ("mid-afternoon" "yesterday"),
        between a weekday and its date ("Friday" "Oct. 13"), at "from now", in "the last week" "of" "May",
        at "before" in "the day" "before" "last Tuesday" or at "of" in "the autumn" "of" "2009" joined again."""
        dates = [e if e.label_ == "DATE" else holidays[e.start]
                 for e in doc.ents if e.label_ == "DATE" or e.start in holidays]
        words = self.tables.words
        out: list[Span] = []
        for ent in dates:
            prev = out[-1] if out else None
            between = doc[prev.end:ent.start].text if prev is not None else None
            if prev is not None and ((between == "-")
                    or (between == "" and ent.text.lower() in words["part_of_day"])
                    or (between == "" and prev.text.lower() in words["weekday"] and self._part_of_day(ent[0])
                        and len(ent) == 1)
                    or (between == "" and prev[-1].lower_ in words["part_of_day"]
                        and ent.text.lower() in ("yesterday", "today", "tomorrow"))
                    or (between in ("", ",") and prev.text.lower() in words["weekday"] and ent[0].lower_ in words["month"])
                    or (between == "from" and ent.text.lower() in ("now", "today") and prev[-1].lower_ in words["unit"])
                    or (between in ("of", "in") and _NTH_WEEK.fullmatch(prev.text.lower()) and ent[0].lower_ in words["month"])
                    or (between in ("before", "after") and _ONE_UNIT.fullmatch(prev.text.lower()))
                    or (self._month_or_season_of(prev, between) and _YEAR_TOKEN.fullmatch(ent.text))
                    or (self.guidelines == "timeml" and self._clock_then_day(doc, prev, ent))):
                merged = Span(doc, out[-1].start, ent.end, label="DATE")
                merged._.source_label = out[-1]._.source_label
                out[-1] = merged
            else:
                out.append(ent)
        return out

    def _month_or_season_of(self, span: Span, between: str) -> bool:
        """ "The autumn" "of", "the autumn of": a month or season the year after it belongs to."""
        if between == "" and len(span) > 1 and span[-1].lower_ == "of":
            span, between = span[:-1], "of"
        return between == "of" and self._month_or_season(span[-1].lower_)

    def _month_or_season(self, word: str) -> bool:
        return word in self.tables.words["month"] or word in self.tables.words["season"]

    def _extend(self, span: Span, taken: set[int]) -> Span:
        """Words of the expression the model left just outside the span: "Friday" + "night",
        "5 p.m." + "EST" + "Tuesday", "Friday" + "Oct. 8", "once" + "a week", "Labor Day" + "weekend"."""
        start, end = self._extend_left(span, taken), self._extend_right(span, taken)
        if (new_year := self._new_year_start(span, taken)) is not None:
            start = new_year
        if end == span.end and start == span.start:
            return span
        taken.update(range(start, end))
        extended = Span(span.doc, start, end, label="DATE")
        extended._.source_label = span._.source_label
        return extended

    def _extend_left(self, span: Span, taken: set[int]) -> int:
        doc, start = span.doc, span.start
        first = span[0].lower_
        words = self.tables.words
        for name_start in range(start - 1, max(start - 4, -1), -1):
            if doc[name_start].lower_ in self._holiday_first_words \
                    and self._holiday_end(doc, name_start, lambda k: k >= start or k not in taken) == span.end:
                return name_start  # "Easter" + "week", "Labor Day" + "weekend", "Super" + "Tuesday"
        before = doc[start - 1].lower_ if start > 0 and start - 1 not in taken else ""
        if before in _LEFT_DETERMINERS and (first in words["unit"] or first in words["season"]
                                            or (before == "that" and first in words["part_of_day"]) or (
                before in ("every", "each") and (first in words["weekday"] or first in words["month"]))):
            start -= 1  # "each July", "every Thursday": TimeML SETs
        elif before in ("once", "twice", "times") and first in ("a", "an", "every") and len(span) == 2 \
                and span[1].lower_ in words["unit"]:
            start -= 1  # "once" + "a week"
            if before == "times" and start > 0 and doc[start - 1].like_num and start - 1 not in taken:
                start -= 1  # "three" + "times" + "a day"
        elif before in ("before", "after") and start > 1 and start - 2 not in taken \
                and _ONE_UNIT.fullmatch(doc[start - 2].lower_):
            start -= 2  # "the day before" + "last Tuesday": one date, shifted from the one it names
            if start > 0 and doc[start - 1].lower_ == "the" and start - 1 not in taken:
                start -= 1
        elif first in words["weekday"] and before in ("that", "following", "next", "previous", "prior") \
                and doc[start - 1].head.i == start:
            start -= 1  # "That" + "Friday", "the following" + "Monday": a chain from the date before
            if before != "that" and start > 0 and doc[start - 1].lower_ == "the" and start - 1 not in taken:
                start -= 1
        elif first == "of" and before and self._month_or_season(before):
            start -= 1  # "March" + "of last year", "summer" + "of last year"
            if doc[start - 1:start].text.lower() == "the" and start - 1 not in taken:
                start -= 1
        elif before and _DAY_NUMBER.fullmatch(first) and doc[start - 1].is_title \
                and (before in words["month"] or before + "." in words["month"]):
            start -= 1  # "Mar" + "22, 2013": the month the model left out
            first = before if before in words["month"] else before + "."
        gap = 1 if start > 1 and doc[start - 1].text == "," else 0
        if first in words["month"] and start - gap > 0 and start - gap - 1 not in taken \
                and doc[start - gap - 1].lower_ in words["weekday"]:
            start -= gap + 1  # "Friday" + "Oct. 8"
        return start

    def _extend_right(self, span: Span, taken: set[int]) -> int:
        doc, end = span.doc, span.end
        last = span[-1].lower_
        words = self.tables.words
        after = doc[end].lower_ if end < len(doc) and end not in taken else ""
        free_pair = end + 1 < len(doc) and not taken.intersection((end, end + 1))
        probe = end + 1 if after == "," else end
        if last in words["weekday"] and probe < len(doc) and doc[probe].lower_ in words["month"] \
                and (date_after := self._calendar_span(doc, probe, taken)) is not None:
            return date_after.end  # "Friday" + "Oct. 8"
        name_start = span.start + (span[0].lower_ == "the")
        if name_start < end and doc[name_start].lower_ in self._holiday_first_words:
            holiday_end = self._holiday_end(doc, name_start, lambda k: k < end or k not in taken)
            if holiday_end is not None and holiday_end > end:
                return holiday_end  # "Labor Day" + "weekend", "Christmas" + "Eve"
        if after and (after in words["part_of_day"] or (last in words["weekday"] and self._part_of_day(doc[end]))):
            return end + 1  # "Friday" + "night"; "Tuesday" + "nights", a SET
        if (year_part := self._year_part_after(span, taken)) is not None:
            return year_part  # "2013's" + "first quarter", "2012" + "'s second half"
        if after in ("gmt", "utc") and _MILITARY_TIME.fullmatch(last):
            return end + 1  # "0735" + "GMT"
        if last in words["unit"] and free_pair and (
                (after == "-" and doc[end + 1].lower_ == "long") or (after == "from" and doc[end + 1].lower_ in ("now", "today"))):
            return end + 2  # "decade" + "-long", "two weeks" + "from now"
        if last in _CLOCK_END or last.endswith(("a.m.", "p.m.")):
            probe = end
            while probe < len(doc) and probe not in taken and doc[probe].lower_ in _CLOCK_TO_DAY:
                probe += 1
            if probe < len(doc) and probe not in taken and (doc[probe].lower_ in words["weekday"]
                                                            or doc[probe].lower_ in _DEICTIC_DAYS):
                return probe + 1  # "9 a.m. Tuesday", "11:30 p.m. yesterday"
            if doc[probe:probe + 2].text.lower() == "last night" and not taken.intersection((probe, probe + 1)):
                return probe + 2
        return end

    def _holiday_window(self, ent: Span) -> Span | None:
        """The holiday a non-DATE entity names or begins: "the Easter weekend" (LOC), "Easter Sunday" (FAC),
        "Valentine" (PERSON) of "Valentine's Day"; None for any other entity. It never grows into another entity."""
        doc, start = ent.doc, ent.start + (ent[0].lower_ == "the")
        if ent.label_ == "DATE" or start >= len(doc) or doc[start].lower_ not in self._holiday_first_words:
            return None
        end = self._holiday_end(doc, start, lambda k: k < ent.end or doc[k].ent_iob_ == "O")
        if end is None or end < ent.end:
            return None
        window = Span(doc, start, end, label="DATE")
        window._.source_label = ent.label_
        return window

    def _holiday_end(self, doc: Doc, start: int, free: Callable[[int], bool]) -> int | None:
        """Where the longest holiday name starting at `start` ends, with a "week"/"weekend" after it
        ("Easter weekend"), using only tokens `free` allows; None when no name starts there."""
        for width in (4, 3, 2, 1):
            end = start + width
            if end <= len(doc) and doc[start:end].text.lower() in self.tables.words["holiday"] \
                    and all(free(k) for k in range(start, end)):
                return end + 1 if end < len(doc) and doc[end].lower_ in ("week", "weekend") and free(end) else end
        return None

    @staticmethod
    def _new_year_start(span: Span, taken: set[int]) -> int | None:
        """Where "the new year" starts when the model labels only its "year", which alone reads as the
        duration P1Y; None for any other span."""
        doc, start = span.doc, span.start
        if start < 2 or span.text.lower() != "year" or doc[start - 2:start].text.lower() != "the new" \
                or taken.intersection((start - 2, start - 1)):
            return None
        return start - 2

    def _year_part_after(self, span: Span, taken: set[int]) -> int | None:
        """Where "2013's first quarter" ends when the model's span stops at the year or its "'s"."""
        doc, end = span.doc, span.end
        possessive = ("'s", "\u2019s")
        year = span[-2] if span[-1].lower_ in possessive and len(span) > 1 else span[-1]
        if not _YEAR_TOKEN.fullmatch(year.text):
            return None
        if span[-1].i == year.i:
            if end >= len(doc) or doc[end].lower_ not in possessive or end in taken:
                return None
            end += 1
        if end + 1 < len(doc) and doc[end].lower_ in self.tables.words["ordinal"] \
                and doc[end + 1].lower_ in ("quarter", "half") and not taken.intersection((end, end + 1)):
            return end + 2
        return None

    def _clock_then_day(self, doc: Doc, clock: Span, day: Span) -> bool:
        """ "9 a.m." "Tuesday": one TimeML TIME; under the SPEC the clock is dropped, so the day stays apart."""
        between = doc[clock.end:day.start]
        named = [t.lower_ for t in clock if t.lower_ not in _CLOCK_TO_DAY or t.lower_ in _CLOCK_END]
        last = named[-1] if named else ""  # "7 p.m. Eastern time": the clock before its zone
        is_clock = last in _CLOCK_END or last.endswith(("a.m.", "p.m.")) or last == "midday" \
            or bool(_CLOCK_24.fullmatch(last))
        return is_clock and all(t.lower_ in _CLOCK_TO_DAY for t in between) and len(between) <= 3 \
            and (day[0].lower_ in self.tables.words["weekday"] or day[0].lower_ in self.tables.words["month"]
                 or day.text.lower() in (*_DEICTIC_DAYS, "last night"))

    def _list_items(self, span: Span) -> list[Span] | None:
        """ "Jan. 10, Feb. 14 and March 21", "today, Feb. 29": a comma list the model labels as one span,
        each item an expression the table reads; None when a comma belongs to one date ("Jan. 10, 2014",
        "Tuesday, June 11") or an item is no expression."""
        if not any(t.text == "," for t in span[1:-1]):
            return None
        items, pids, start = [], [], span.start
        for tok in [*span[1:-1], None]:
            if tok is not None and tok.lower_ not in (",", "and", "or"):
                continue
            end = tok.i if tok is not None else span.end
            item = self._trim(span.doc[start:end]) if end > start else None
            if item is not None:
                pid = resolve(self.tables, item.text, None)[1]
                if pid in ("dateparser", "unresolved"):
                    return None
                if items and ((pid == "year" and pids[-1] != "year") or pids[-1] in _CLOCK_PATTERNS
                              or (items[-1].text.lower() in self.tables.words["weekday"]
                                  and item[0].lower_ in self.tables.words["month"])):
                    return None  # "Jan. 10, 2014", "5 p.m. EST, Nov. 6", "Tuesday, June 11": one date
                items.append(item)
                pids.append(pid)
            start = end + 1
        return items if len(items) > 1 else None

    def _split(self, span: Span) -> list[Span]:
        if (items := self._list_items(span)) is not None:
            return items
        for tok in span[1:-1]:
            hyphen = tok.text in ("-", "\u2013")
            if tok.lower_ in _SPLIT_WORDS or tok.lower_ == "of" or hyphen or (
                    tok.text == "," and re.fullmatch(r"\d{4}, \d{4}", span.text)):
                left, right = self._trim(span.doc[span.start:tok.i]), self._trim(span.doc[tok.i + 1:span.end])
                if left is None or right is None:
                    continue
                lt, lpid = resolve(self.tables, left.text, None)
                rt, rpid = resolve(self.tables, right.text, None)
                whole = resolve(self.tables, span.text, None)[1] if tok.lower_ == "of" else "unresolved"
                if tok.lower_ == "of" and (lpid != "duration" or _NTH_WEEK.fullmatch(left.text.lower())
                                           or whole not in ("dateparser", "unresolved")):
                    continue  # "the first nine months" "of" "1997" splits; "September of that year" does not, nor
                    # "a quarter of a century", which the table reads whole
                month = next((t for t in left if t.lower_ in self.tables.words["month"]), None)
                day = re.fullmatch(r"([0-3]?\d)(?:, (?:1\d{3}|20\d{2}))?", right.text)
                if lpid in ("month_day", "day_month") and month is not None and day \
                        and 1 <= int(day.group(1)) <= 31 and tok.lower_ != "of":
                    # "April 24 and 25" is April 25 too; "Jan. 7-9, 2014" puts Jan. 7 in 2014
                    self._read_as[(right.start, right.end)] = f"{month.text} {right.text}"
                    if day.group(0) != day.group(1):
                        self._read_as[(left.start, left.end)] = f"{left.text}{right.text[len(day.group(1)):]}"
                    return [left, right]
                if hyphen and not (_YEAR_TOKEN.fullmatch(left.text) and _YEAR_TOKEN.fullmatch(right.text)):
                    continue  # a hyphen splits only "March 21-22" and "1994-1995"
                if lt is not None and rt is not None and "dateparser" not in (lpid, rpid):
                    if left.text.strip().isdigit() and len(left.text.strip()) < 4:
                        continue
                    if tok.lower_ in ("ended", "ending") and _FISCAL_YEAR.fullmatch(left.text.lower()):
                        self._periods.add((left.start, left.end))  # "the year ended March 31": a 12-month period
                    return self._split(left) + self._split(right)
        return [span]

    @staticmethod
    def _trim(span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        if end - start > 3 and _as_word_as(doc, start, ("soon", "early", "late")):
            start += 3  # "as early as" + "Friday": a signal, not part of the expression
        while start < end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_punct or (
                doc[start].lower_ in ("a", "an") and start + 1 < end and doc[start + 1].lower_ not in _KEEP_ARTICLE)):
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "'", "\u2019s", "\u2019", ",", "and", "to", "-", "of")
                               or doc[end - 1].is_punct):  # "May 10" + the sentence's full stop
            end -= 1
        return doc[start:end] if end > start else None

    def _calendar_span(self, doc: Doc, i: int, taken: set[int]) -> Span | None:
        """A capitalized weekday ("Thursday", "Wednesday's") or a month with a day or year ("Nov. 25",
        "March 2019"), a set ("every morning", "twice a year") or a hyphenated duration ("decade-long")
        that the model did not label: unambiguous, so added as DATE."""
        tok = doc[i]
        lower = tok.lower_
        if lower in ("every", "each") and i + 1 < len(doc) and i + 1 not in taken and any(
                doc[i + 1].lower_ in self.tables.words[kind] for kind in _RECURRING_KINDS):
            return doc[i:i + 2]
        if lower in ("once", "twice", "times") and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an", "every") \
                and doc[i + 2].lower_ in self.tables.words["unit"] and not taken.intersection((i + 1, i + 2)):
            count = i - 1 if lower == "times" and i > 0 and doc[i - 1].like_num and i - 1 not in taken else i
            if lower != "times" or count < i:
                return doc[count:i + 3]  # "twice a year", "three times a day", "once every week"
        if _NUMERIC_DATE.fullmatch(lower):
            return doc[i:i + 1]  # "21/03/2013", "25.02.2013": dateparser reads the order
        if lower == "long" and i > 1 and doc[i - 1].text == "-" and not taken.intersection((i - 2, i - 1)) \
                and (doc[i - 2].lower_ in self.tables.words["unit"]):
            return doc[i - 2:i + 1]  # "decade-long", "months-long"
        if lower == "new" and i > 0 and doc[i - 1:i + 2].text.lower() == "the new year" \
                and (i + 2 == len(doc) or doc[i + 2].lower_ not in ("'s", "\u2019s", "-")) \
                and not taken.intersection((i - 1, i, i + 1)):
            return doc[i - 1:i + 2]  # "the New Year" the model leaves out ("New Year's Day" is a holiday)
        if lower in ("following", "next", "previous", "prior") and 0 < i < len(doc) - 1 \
                and doc[i - 1].lower_ in ("the", "that") and doc[i + 1].lower_ in _CHAIN_UNITS \
                and not taken.intersection(range(i - 1, i + 2)):
            return doc[i - 1:i + 2]  # "pleaded not guilty the following week": a chain the model left out
        if not tok.text[:1].isupper():
            return None
        end = i + 1
        holiday_end = self._holiday_end(doc, i, lambda k: k not in taken)
        if holiday_end is not None:
            return doc[i:holiday_end]  # "Thanksgiving", "the Easter weekend"
        if lower in self.tables.words["weekday"] and len(lower) > 4:
            if end < len(doc) and end not in taken and self._part_of_day(doc[end]):
                end += 1
        elif lower in self.tables.words["month"] or (lower + "." in self.tables.words["month"] and end < len(doc)
                                                     and doc[end].text == "."):
            if doc[end:end + 1].text == "." and lower + "." in self.tables.words["month"]:
                end += 1
            if end < len(doc) and re.fullmatch(r"[0-3]?\d(?:st|nd|rd|th)?|1\d{3}|20\d{2}", doc[end].text):
                end += 1
                if end + 1 < len(doc) and doc[end].text == "," and re.fullmatch(r"1\d{3}|20\d{2}", doc[end + 1].text):
                    end += 2
            else:
                return None
        else:
            return None
        if taken.intersection(range(i, end)):
            return None
        return doc[i:end]

    def _counted_units(self, doc: Doc, i: int, taken: set[int]) -> Span | None:
        """A cardinal and a time unit the model did not label ("two more weeks", "at least 20 more years",
        "5 1/2 hours", "four decades ago"): a duration for TimeML. Ages ("52 years old"), names
        ("60 Minutes") and "one day" (an idiom) are not."""
        first = doc[i].lower_
        cardinal = re.fullmatch(r"\d+(?:\.\d+)?", first) or first in self.tables.words["number"]
        if not cardinal or first in ("a", "an", "single") or re.fullmatch(r"1\d{3}|20\d{2}", first):
            return None
        end = i + 1
        if end < len(doc) and doc[end].text == "1/2":
            end += 1
        if end < len(doc) and doc[end].lower_ in _COUNT_MODIFIERS:
            end += 1
        if end >= len(doc) or doc[end].lower_ not in self.tables.words["unit"] or doc[end].is_title:
            return None
        end += 1
        if end < len(doc) and (doc[end].lower_ in ("old", "-") or doc[end].lower_.startswith("old")):
            return None
        if doc[i:end].text.lower() == "one day":
            return None  # "will one day lead": an idiom of the future, not a duration
        if end < len(doc) and doc[end].lower_ == "ago":
            end += 1
        return None if taken.intersection(range(i, end)) else doc[i:end]

    def _calendar_starts(self, doc: Doc) -> list[int]:
        """The tokens where a duration adjective or `_calendar_span` can begin: a lower-case form that
        is "every"/"each", a weekday, a month (with or without its period), the start of a holiday's
        name, a frequency word, a "-long" adjective or a numeric date. Decided once per distinct form from
        the LOWER column, so the other tokens cost a dictionary lookup, not a Token and four span texts."""
        if len(self._can_start) > 200_000:
            self._can_start.clear()
        starts, strings, can_start = [], doc.vocab.strings, self._can_start
        for i, key in enumerate(doc.to_array(LOWER).tolist()):
            found = can_start.get(key)
            if found is None:
                lower = strings[key]
                found = can_start[key] = lower in self._start_words or bool(_LONG_ADJ.fullmatch(lower)) \
                    or bool(_NUMERIC_DATE.fullmatch(lower))
            if found:
                starts.append(i)
        return starts

    def add_missing(self, doc: Doc, spans: list, deictic: bool) -> list:
        """Expressions the model leaves out: duration adjectives ("weeklong") and, under TimeML
        guidelines, vague references ("now", "recently", "the future")."""
        taken = set()
        # repaired spans may reach past the model's
        for ent in [*doc.ents, *(span for span, *_ in spans)]:
            taken.update(range(ent.start, ent.end))
        added = []
        for tok in doc if deictic else map(doc.__getitem__, self._calendar_starts(doc)):
            if tok.i in taken:
                continue
            if _LONG_ADJ.fullmatch(tok.lower_):
                added.append((doc[tok.i:tok.i + 1], None, "timex:added"))
                taken.add(tok.i)
                continue
            calendar = self._calendar_span(doc, tok.i, taken)
            if calendar is None and deictic:
                calendar = self._counted_units(doc, tok.i, taken)
            if calendar is not None:
                added.append((calendar, None, "timex:added"))
                taken.update(range(calendar.start, calendar.end))
                continue
            for width in (3, 2, 1) if deictic else ():
                end = tok.i + width
                if end > len(doc) or taken.intersection(range(tok.i, end)):
                    continue
                text = doc[tok.i:end].text.lower()
                if text in self.tables.timeml_adds:
                    if text == "current" and doc[tok.i].pos_ != "ADJ":
                        continue
                    if text in self.tables.words["set_word"] and doc[tok.i].dep_ != "advmod":
                        continue
                    added.append((doc[tok.i:end], None, "timex:deictic"))
                    taken.update(range(tok.i, end))
                    break
        return sorted(spans + added, key=lambda s: s[0].start)


@Language.factory("legalnews_timex", assigns=["doc.ents", "span._.timex_type", "span._.timex_value"],
                  default_config={"models_dir": "", "tables": "dates", "guidelines": "legalnews"})
def make_timex_resolver(nlp: Language, name: str, models_dir: str, tables: str, guidelines: str) -> TimexResolver:
    folder = Path(models_dir) / tables if models_dir else Path(__file__).resolve().parent.parent / "models" / tables
    return TimexResolver(name, DateTables(folder), guidelines)
