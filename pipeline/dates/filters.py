"""Not a date here: the checks that drop a DATE span whose words read as a date but whose sentence shows
something else ("scored 15 points in the fourth quarter", "CBS's 60 Minutes", "rise 8% annually").

`FILTERS` is the named list, run in order; the first that applies gives the dropped span its rule id,
`timex-filter:<id>`, which the component records in `doc.spans["legalnews_dropped_dates"]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from spacy.tokens import Span, Token

from .calendar import Timex
from .tables import DateTables

__all__ = ["Found", "DateFilter", "FILTERS", "first_filter", "game_period", "temperature"]

_YEAR = re.compile(r"1\d{3}|20\d{2}")
_VAGUE_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


class Found(NamedTuple):
    """A candidate span with what the table made of it: `raw` as resolved (None: not temporal or
    unresolved), `timex` the value it gets if kept, `pid` the pattern that decided."""

    span: Span
    timex: Timex
    raw: Timex | None
    pid: str


@dataclass(frozen=True)
class DateFilter:
    """A named check: `applies(tables, guidelines, found)` is True when the span is no date here;
    `pids`, when given, are the only patterns whose spans it looks at (the others cost no call)."""

    id: str
    applies: Callable[[DateTables, str, Found], bool]
    pids: frozenset[str] | None = None


def game_period(tables: DateTables, span: Span, pid: str) -> bool:
    """A quarter or half without a year in a sentence about a game ("scored 15 points in the fourth
    quarter", "trailed 10-0 in the first half": a `game_word` of the lexicon in the sentence).
    "The fourth quarter of 2019" is a date wherever it stands, and a market's "points" or "led" alone
    are no sign of a game."""
    return pid in ("quarter", "half") and bool(tables.yearless_period.fullmatch(tables.normalize(span.text, False))) \
        and bool(tables.game_words.search(span.sent.text.lower()))


def temperature(tables: DateTables, span: Span, pid: str) -> bool:
    """A two-digit decade among temperatures ("highs in the 90s": a `temperature_word` in the sentence);
    "the 1990s" and "the '90s" stay decades."""
    return pid == "decade_two_digit" and bool(tables.temperature_words.search(span.sent.text.lower()))


def _ordinary_case(tok: Token) -> bool:
    """Whether the sentence around a capitalized word is in ordinary case, so the capital marks a name;
    in a headline in title case (most words capitalized) it marks nothing."""
    others = [t for t in tok.sent[1:] if t.is_alpha and t.i != tok.i]
    return sum(t.is_title for t in others) <= len(others) / 2


def _titled_name(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A unit or deictic word capitalized inside a sentence of ordinary case ("60 Minutes", "This Week",
    "VOA Today") is part of a name, not a temporal expression. Weekdays, months and "Day" (holidays:
    "Election Day") do not count; nor does a word opening a sentence or quote (after the end of the
    last one too, should the parser have missed the sentence break)."""
    if found.pid in ("holiday", "new_year"):
        return False
    for tok in found.span:
        if tok.lower_ in tables.name_words and tok.is_title and not tok.is_sent_start and tok.i > 0 \
                and not (tok.nbor(-1).is_quote or tok.nbor(-1).text in (":", "(", "--", "_", ".", "!", "?", ";")):
            return _ordinary_case(tok)
    return False


def _holiday_in_name(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A holiday followed by a capitalized noun that is no time word ("the Good Friday Agreement", "the
    Easter Rising", "the May Day Parade"): the holiday is part of the name of a treaty, an uprising,
    an event, not a date. "Labor Day Weekend", "Easter Sunday" go on with a time word and stay, and so
    does a holiday after a preposition of time ("On Christmas Day President Obama spoke")."""
    span = found.span
    doc, end = span.doc, span.end
    if found.pid != "holiday" or end >= len(doc):
        return False
    after = doc[end]
    return after.is_title and after.pos_ in ("PROPN", "NOUN") and not tables.has_time_word(doc[end:end + 1]) \
        and not (span.start > 0 and doc[span.start - 1].lower_ in tables.sets.temporal_prepositions) \
        and _ordinary_case(after)


def _generic_era(tables: DateTables, guidelines: str, found: Found) -> bool:
    """ "Today's youth", "in today's world", "the people of tomorrow": a deictic day word used for the
    present or coming era (generic nouns of the lexicon's `generic_noun` list after the possessive,
    a plural noun before "of"), not a calendar day."""
    span = found.span
    if len(span) != 1 or span[0].lower_ not in ("today", "tomorrow", "yesterday"):
        return False
    doc, i = span.doc, span[0].i
    generic = tables.words.get("generic_noun", {})
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


def _hyphen_compound(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A time unit glued by a hyphen to a word of the lexicon's `hyphen_prefix` list ("after-hours
    trading", "off-hours", "man-hours", "light-years"): the compound names a trading session or a
    measure, not a length of time, though the model labels the unit alone. Counted compounds
    ("two-year", "several-day") have a number word before the hyphen and stay."""
    span = found.span
    doc, i = span.doc, span.start
    return i >= 2 and span[0].lower_ in tables.words["unit"] and doc[i - 1].text == "-" \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
        and doc[i - 2].lower_ in tables.words["hyphen_prefix"]


def _numbered_name(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A lone four-digit year that numbers the capitalized noun just before it ("SB 1070", "Flight
    1549", "Resolution 1973"), unless that noun is a time word ("Spring 2012", "March 1973")."""
    span = found.span
    if found.pid != "year" or len(span) != 1 or span.start == 0:
        return False
    name = span.doc[span.start - 1]
    return span[0].head.i == name.i and name.pos_ in ("PROPN", "NOUN") and (name.is_title or name.is_upper) \
        and not tables.has_time_word(span.doc[name.i:name.i + 1])


def _rate(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A frequency word ("annually", "quarterly") on a clause that counts something ("rise 8.5%
    annually", "produce 10,000 units annually"): the word makes a rate of the amount."""
    span = found.span
    if found.pid != "set_word" or len(span) != 1:
        return False
    word = span[0]
    return any(t.like_num and not _YEAR.fullmatch(t.text) for t in word.head.subtree if t.i != word.i)


def _amount_per_unit(tables: DateTables, guidelines: str, found: Found) -> bool:
    """ "A week" after a counted noun or an amount ("two phone calls a week", "$500 a month"): the
    divisor of a rate. TimeBank leaves such rates untagged seven times in ten (two SETs, one DURATION
    in its train part), so they are not temporal expressions here, as "annually" in a rate is not."""
    span = found.span
    if found.pid != "duration":
        return False
    root = span.root
    return len(span) == 2 and span[0].lower_ in ("a", "an") and span[1].lower_ in tables.words["unit"] \
        and root.dep_ == "npadvmod" and root.head.i < span.start and root.head.pos_ in ("NOUN", "NUM", "SYM")


def _deictic(tables: DateTables, guidelines: str, found: Found) -> bool:
    """A vague reference the SPEC does not annotate ("now", "recently", "one day"); TimeML does."""
    return found.timex.value in _VAGUE_REFS and guidelines == "legalnews" \
        and (tables.normalize(found.span.text, False) in tables.deictic or found.pid == "one_day")


FILTERS: tuple[DateFilter, ...] = (
    DateFilter("game_period", lambda t, g, f: game_period(t, f.span, f.pid), frozenset({"quarter", "half"})),
    DateFilter("temperature", lambda t, g, f: temperature(t, f.span, f.pid), frozenset({"decade_two_digit"})),
    # a shape of the table that is no temporal expression: ages, bare numbers, the exclusions
    DateFilter("not_temporal", lambda t, g, f: f.raw is None and f.pid != "unresolved"),
    # unread and with no time word: the model's mistake ("Stauber", "as little as 99 cents")
    DateFilter("no_time_word", lambda t, g, f: f.raw is None and f.pid == "unresolved"
               and not t.has_time_word(f.span)),
    DateFilter("titled_name", _titled_name),          # "60 Minutes", "This Week": a programme's name
    DateFilter("holiday_in_name", _holiday_in_name, frozenset({"holiday"})),  # "the Good Friday Agreement"
    DateFilter("generic_era", _generic_era),          # "today's youth", "the leaders of tomorrow"
    DateFilter("hyphen_compound", _hyphen_compound),  # "after-hours trading", "man-hours"
    # "year-end net", "the year-end rally": a kind of figure, not a day
    DateFilter("year_end_figure", lambda t, g, f: f.span[-1].dep_ in ("compound", "amod"), frozenset({"year_end_day"})),
    DateFilter("numbered_name", _numbered_name, frozenset({"year"})),  # "SB 1070", "Flight 1549"
    # "in his 30s" is an age
    DateFilter("age_decade", lambda t, g, f: f.pid.startswith("decade") and f.span.start > 0
               and f.span.doc[f.span.start - 1].lower_ in t.sets.possessives),
    # "an annual meeting", "quarterly earnings": a kind of thing, not a time
    DateFilter("frequency_adjective", lambda t, g, f: len(f.span) == 1 and f.span[0].dep_ == "amod",
               frozenset({"set_word"})),
    DateFilter("rate", _rate, frozenset({"set_word"})),  # "sales rise 8% annually"
    # "two phone calls a week", "$500 a month"
    DateFilter("amount_per_unit", _amount_per_unit, frozenset({"duration"})),
    # clock times and parts of days: the SPEC leaves them out
    DateFilter("time_of_day", lambda t, g, f: f.timex.type == "TIME" and g == "legalnews"
               and f.pid in t.time_of_day_patterns),
    DateFilter("deictic", _deictic),
)


def first_filter(tables: DateTables, guidelines: str, found: Found) -> str | None:
    """The id of the first filter that drops the span, None when it stays."""
    pid = found.pid
    for check in FILTERS:
        if (check.pids is None or pid in check.pids) and check.applies(tables, guidelines, found):
            return check.id
    return None
