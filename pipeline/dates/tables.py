"""The dates stage's data from `models/dates/`: the lexicon, the exclusions, the pattern table and the
closed word classes, loaded once into dicts, frozensets and compiled regexes, with the lookups on them."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Iterable

import srsly
from spacy.tokens import Doc, Span, Token

__all__ = ["DateTables", "DateWords", "TIME_WORD_KINDS", "RECURRING_KINDS"]

# lexicon kinds whose words make a span temporal, and those "every" / "each" make a SET of
TIME_WORD_KINDS = ("month", "weekday", "unit", "part_of_day", "season", "holiday", "vague", "set_word", "ordinal")
RECURRING_KINDS = ("unit", "weekday", "month", "part_of_day", "season")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@dataclass(frozen=True)
class DateWords:
    """The closed word classes of `words.json` (one field per key), as frozensets; `modifiers` keeps
    its order, since it is a regex alternation tried left to right."""

    modifiers: tuple[str, ...]
    leading_junk: frozenset[str]
    keep_article: frozenset[str]
    left_determiners: frozenset[str]
    split_words: frozenset[str]
    range_words: frozenset[str]
    temporal_prepositions: frozenset[str]
    chain_units: frozenset[str]
    possessives: frozenset[str]
    count_modifiers: frozenset[str]
    time_zones: frozenset[str]
    clock_end: frozenset[str]
    clock_to_day: frozenset[str]
    start_words: frozenset[str]
    long_adjective_units: tuple[str, ...]
    period_ordinals: tuple[str, ...]
    week_ordinals: tuple[str, ...]
    shift_units: tuple[str, ...]
    month_counts: tuple[str, ...]

    @classmethod
    def load(cls, path: Path) -> "DateWords":
        data = srsly.read_json(path)
        names = {f.name: f.type for f in fields(cls)}
        unknown = set(data) - set(names) - {"_source"}
        missing = set(names) - set(data)
        if unknown or missing:
            raise ValueError(f"{path}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
        values = {name: (tuple(data[name]) if kind.startswith("tuple") else frozenset(data[name]))
                  for name, kind in names.items()}
        # a clock ends at a zone; a clock's day may follow after the clock's own words
        values["clock_end"] = values["clock_end"] | values["time_zones"]
        values["clock_to_day"] = values["clock_to_day"] | values["clock_end"]
        return cls(**values)


class DateTables:
    """The lexicon, the exclusions, the compiled pattern table and the word classes from `models/dates/`."""

    def __init__(self, folder: Path):
        folder = Path(folder)
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
        self.words["not_temporal"] = {entry["text"]: "" for entry in srsly.read_jsonl(folder / "exclusions.jsonl")}
        self.sets = DateWords.load(folder / "words.json")
        self._compile_word_regexes()
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
        time_of_day = set()
        for entry in srsly.read_jsonl(folder / "patterns.jsonl"):
            regex = re.sub(r"\{([A-Z_]+)\}", lambda m: fill[m.group(1)], entry["pattern"])
            try:
                self.patterns.append((entry["id"], re.compile(f"(?:{regex})"), entry["resolver"]))
            except re.error as err:
                raise ValueError(f"{folder / 'patterns.jsonl'}: pattern {entry['id']!r}: {err}") from err
            if entry.get("time_of_day"):
                time_of_day.add(entry["id"])
        self.time_of_day_patterns = frozenset(time_of_day)
        self._derive_lookups()

    def _compile_word_regexes(self) -> None:
        w = self.sets
        self.modifiers = re.compile(r"^(?:(?:" + _alternation(w.modifiers) + r")\s+)+")
        # "weeklong", "decade-long": a duration adjective
        self.long_adjective = re.compile(rf"(?:{_alternation(w.long_adjective_units)})s?-?long")
        # "the fourth quarter" without a year: a game's period in a sentence about a game
        self.yearless_period = re.compile(rf"(?:the )?(?:{_alternation(w.period_ordinals)})[- ](?:quarter|half)")
        self.one_unit = re.compile(rf"(?:the )?(?:{_alternation(w.shift_units)})")  # "the day" before/after a date
        self.nth_week = re.compile(rf"(?:the )?(?:{_alternation(w.week_ordinals)}) week")
        # a results story's year-to-date period: what "a year earlier" after it compares with is the year before
        self.year_to_date = re.compile(rf"the (?:first |latest |past )?(?:{_alternation(w.month_counts)}|[2-9]|1[01]) months")

    def _derive_lookups(self) -> None:
        words = self.words
        self.start_words = frozenset({*self.sets.start_words, *words["weekday"], *words["month"],
                                      *(month[:-1] for month in words["month"] if month.endswith(".")),
                                      *(holiday[:k] for holiday in words["holiday"] for k in range(1, len(holiday) + 1))})
        self.holiday_first_words = frozenset(alias.split()[0].split("'")[0] for alias in words["holiday"])
        self.game_words = self._any_of(words.get("game_word", {}))
        self.temperature_words = self._any_of(words.get("temperature_word", {}))
        self.deictic_days = frozenset(words["deictic_day"])
        # unit and deictic words that, capitalized mid-sentence, are part of a name ("60 Minutes")
        self.name_words = (set(words["unit"]) - {"day", "days"}) | set(words["part_of_day"]) \
            | {"today", "tonight", "tomorrow", "yesterday"}

    @staticmethod
    def _any_of(aliases) -> re.Pattern:
        """One regular expression finding any of the lexicon's words (or phrases) in a lower-case text."""
        return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b") \
            if aliases else re.compile(r"(?!)")

    def _alternatives(self, kind: str) -> str:
        return "|".join(re.escape(a) for a in sorted(self.words[kind], key=len, reverse=True))

    def _group(self, name: str | None, kind: str) -> str:
        return f"(?P<{name}>{self._alternatives(kind)})" if name else f"(?:{self._alternatives(kind)})"

    def _units(self) -> str:
        return "|".join(a for a, v in self.words["number"].items() if v.isdigit() and int(v) < 10 and len(a) > 2)

    # -- lookups -----------------------------------------------------------------------------

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

    def normalize(self, text: str, spelled_years: bool = True) -> str:
        """Lowercase, one space, typographic quotes and dashes made plain, spelled-out years as digits
        ("nineteen ninety-six"; not with `spelled_years=False`), modifiers and prepositions off."""
        t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
        t = re.sub(r"\s+", " ", t).strip(" ,;:\"()")
        t = re.sub(r"(?:'s|')$", "", t).strip()
        t = re.sub(r"\b(mid|early|late|fiscal)-(?=[a-z'\d])", r"\1 ", t)
        if spelled_years and ("nineteen" in t or "twenty" in t or "thousand" in t):
            t = self.spelled_year.sub(self._spelled, t)
        t = self.modifiers.sub("", t)
        t = re.sub(r" or so\b", "", t)
        t = re.sub(r"^the (early|late|mid) ", r"\1 ", t)
        t = re.sub(r"^(later|earlier|early|late) in the (day|week|month|year)$", r"\1 this \2", t)
        t = re.sub(r"^an? (?=\d)", "", t)
        return t.rstrip(".") if not re.search(r"\b(?:[ap]\.m|jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.$", t) else t

    def _spelled(self, m: re.Match) -> str:
        number = self.words["number"]
        if m.group(0).startswith("two thousand"):
            return str(2000 + int(number.get(m.group(4) or "", 0) or 0))
        century = 19 if m.group(1) == "nineteen" else 20
        return str(century * 100 + 10 * int(self.words["tens"][m.group(2)]) + int(number.get(m.group(3) or "", 0) or 0))

    def has_time_word(self, span: Span) -> bool:
        """Whether a span holds any time word of the lexicon: a DATE span without one is the model's
        mistake ("Stauber", "as little as 99 cents"), not a temporal expression."""
        words = self.words
        return any(any(t.lower_ in words.get(kind, ()) for kind in TIME_WORD_KINDS) for t in span)

    def part_of_day(self, tok: Token) -> bool:
        """ "night", or "nights" after a weekday ("Tuesday nights": a SET)."""
        parts = self.words["part_of_day"]
        return tok.lower_ in parts or (tok.lower_.endswith("s") and tok.lower_[:-1] in parts)

    def month_or_season(self, word: str) -> bool:
        return word in self.words["month"] or word in self.words["season"]

    def holiday_end(self, doc: Doc, start: int, free: Callable[[int], bool]) -> int | None:
        """Where the longest holiday name starting at `start` ends, with a "week"/"weekend" after it
        ("Easter weekend"), using only tokens `free` allows; None when no name starts there."""
        for width in (4, 3, 2, 1):
            end = start + width
            if end <= len(doc) and doc[start:end].text.lower() in self.words["holiday"] \
                    and all(free(k) for k in range(start, end)):
                return end + 1 if end < len(doc) and doc[end].lower_ in ("week", "weekend") and free(end) else end
        return None
